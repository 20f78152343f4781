//! `textDocument/codeAction`: quick fixes for findings that carry a fix, plus the actions each
//! feature offers for a range. Every edit is exact and applies to the analysed version only.

use ropey::Rope;
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Uri};
use zhnews_core::{Analysis, Config, TextRange};

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
    /// True when the client wants actions of `kind` (a kind matches its sub-kinds too).
    pub fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|wanted| {
                kind.as_str() == wanted.as_str() || kind.as_str().starts_with(&format!("{}.", wanted.as_str()))
            })
        })
    }
}

pub fn code_actions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    if request.wants(&CodeActionKind::QUICKFIX) {
        actions.extend(quick_fixes(request));
        actions.extend(crate::ignore::ignore_actions(request));
    }
    if request.wants(&CodeActionKind::REFACTOR_REWRITE) {
        actions.extend(crate::convert_actions::conversions(request));
    }
    if request.wants(&crate::convert_actions::fix_all_kind()) {
        actions.extend(crate::convert_actions::fix_all(request));
    }
    actions
}

/// A quick fix for each finding that overlaps the range and carries a fix.
fn quick_fixes(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let range = request.range;
    request
        .analysis
        .findings
        .iter()
        .filter(|finding| finding.range.start <= range.end && range.start <= finding.range.end)
        .filter_map(|finding| {
            let fix = finding.fix.as_ref()?;
            let diagnostic = to_proto::diagnostic(request.uri, request.rope, finding, request.encoding);
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(to_proto::workspace_edit(
                    request.uri,
                    request.version,
                    request.rope,
                    request.analysis.document.text(),
                    &fix.edits,
                    request.encoding,
                )),
                is_preferred: Some(fix.safe),
                ..CodeAction::default()
            }))
        })
        .collect()
}
