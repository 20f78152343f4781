//! What a code-action request is about: the context every action module reads
//! (`code_actions`, `convert_actions`, `ignore`), in a module below all three.

use ropey::Rope;
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Uri};
use zhnews_core::{Analysis, Config, Fix, TextRange};

use crate::encoding::PositionEncoding;
use crate::to_proto;

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
    /// The quick fix that applies `fix` (edits of the analysed text) for `diagnostic`.
    pub fn quick_fix(&self, fix: &Fix, diagnostic: Diagnostic, is_preferred: bool) -> CodeActionOrCommand {
        CodeActionOrCommand::CodeAction(CodeAction {
            title: fix.title.clone(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(to_proto::workspace_edit(
                self.uri,
                self.version,
                self.rope,
                self.analysis.document.text(),
                &fix.edits,
                self.encoding,
            )),
            is_preferred: Some(is_preferred),
            ..CodeAction::default()
        })
    }

    /// True when the client wants actions of `kind` (a kind matches its sub-kinds too).
    pub fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|wanted| {
                kind.as_str() == wanted.as_str() || kind.as_str().starts_with(&format!("{}.", wanted.as_str()))
            })
        })
    }
}
