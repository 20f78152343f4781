//! The exit codes every subcommand shares, below `main.rs` and the subcommands' modules.

/// Exit code for usage, configuration and I/O errors.
pub const EXIT_ERROR: u8 = 2;
