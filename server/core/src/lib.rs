//! zhnews-core: the pure analysis of Chinese news text.
//!
//! Text goes in, one [`Analysis`] value per document version comes out. This crate knows
//! nothing of LSP, JSON-RPC, files or terminals: callers (the LSP server and the CLI) turn its
//! plain data into their own presentation. Every offset in this crate is a byte offset into the
//! analysed `&str`, always on a `char` boundary.
//!
//! Architecture Invariant: analysis cannot fail and never panics on any input; it returns a
//! value plus findings.

pub mod analysis;
pub mod cancel;
pub mod config;
pub mod config_error;
pub mod convert;
pub mod document;
pub mod editions;
pub mod entities;
pub mod figures;
pub mod finding;
pub mod fingerprint;
pub mod hover;
pub mod hover_info;
pub mod incremental;
pub mod numerals;
pub mod outline;
pub mod rule_codes;
pub mod rules;
pub mod script;
pub mod text;

pub use analysis::{
    Analysis, Interrupted, Start, analyse, analyse_incremental, analyse_incremental_cancellable, analyse_with,
};
pub use cancel::Cancel;
pub use config::{Config, ConfigError};
pub use document::{Document, Paragraph};
pub use finding::{Edit, Finding, Fix, Related, Severity};
pub use outline::{OutlineKind, OutlineNode};
pub use script::{CharScript, Script, ScriptProfile};
pub use text::{LineIndex, TextRange};
