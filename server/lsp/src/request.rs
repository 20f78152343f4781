//! What a code-action request is about: the context every action module reads
//! (`code_actions`, `convert_actions`, `ignore`), in a module below all three.

use ropey::Rope;
use tower_lsp_server::ls_types::{CodeActionKind, Uri};
use zhnews_core::{Analysis, Config, TextRange};

use crate::encoding::PositionEncoding;

/// What a code-action request is about.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub version: i32,
    pub rope: &'a Rope,
    pub analysis: &'a Analysis,
    /// The configuration the document was analysed with.
    pub config: &'a Config,
    /// The requested range, in bytes of the analysed text.
    pub range: TextRange,
    pub encoding: PositionEncoding,
    /// The kinds the client asked for, if it narrowed them.
    pub only: Option<&'a [CodeActionKind]>,
    /// The client resolves an action's `edit` later (`codeAction/resolve`): expensive edits
    /// (conversions) are left out of the offer.
    pub resolve_edits: bool,
    /// The client asked on its own (`triggerKind` Automatic: a light bulb after a cursor move),
    /// not because the user opened the menu.
    pub automatic: bool,
}

impl Request<'_> {
    /// True when the client wants actions of `kind` (a kind matches its sub-kinds too).
    pub fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|wanted| {
                kind.as_str() == wanted.as_str() || kind.as_str().starts_with(&format!("{}.", wanted.as_str()))
            })
        })
    }
}
