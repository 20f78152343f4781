//! zhnews-workspace: everything zhnews does with the file system, shared by the CLI and the LSP
//! server so both find the same configuration and read files the same way.

pub mod baseline;
pub mod config_file;
pub mod editions;
pub mod gazetteer;
pub mod path;
pub mod read;
pub mod scope;
pub mod walk;
pub mod write;

pub use config_file::{LoadedConfig, find_config, load_config};
pub use read::{ReadError, max_file_size, read_file, read_text_file};
pub use scope::{Scope, ScopeError, Scopes};
pub use walk::{WalkError, files_where, text_files};
pub use write::write_atomic;
