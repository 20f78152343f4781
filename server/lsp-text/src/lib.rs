//! zhnews-lsp-text: a document as the LSP sees it. [`encoding`] converts between LSP positions
//! (in the negotiated encoding) and rope offsets; [`edits`] applies `didChange` content changes.
//! No I/O, no async: the server and the fuzz targets share it.

pub mod edits;
pub mod encoding;

pub use ls_types;
