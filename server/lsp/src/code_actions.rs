//! `textDocument/codeAction`: quick fixes for findings that carry a fix, plus the actions each
//! feature offers for a range. Every edit is exact and applies to the analysed version only.

use tower_lsp_server::ls_types::{CodeActionKind, CodeActionOrCommand};

pub use crate::request::Request;
use crate::to_proto;

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
            Some(request.quick_fix(fix, diagnostic, fix.safe))
        })
        .collect()
}
