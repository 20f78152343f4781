//! Script conversion as code actions: "Convert selection to Simplified Chinese (t2s)" for the
//! selection, the current line, the current paragraph and the whole document, and
//! `source.fixAll.zhnews`, which applies every safe `mixed-script` fix.
//!
//! Only conversions that suit the script of the range are offered (no `t2s` on Simplified
//! text), restricted to `convert.favourites`, and only when they would change something. Each
//! action edits only the changed runs of characters, never the whole range. Names from the
//! curated, user and workspace gazetteers take the gazetteer's own form for the target script
//! (see [`zhnews_core::convert::forms`]); terms in `convert.protected` stay as they are. An
//! action's `data` is `{ "config": "t2s", "scopes": ["selection", "document"] }`: the OpenCC
//! configuration and every scope it converts, for client commands (convert the document, convert
//! the selection) that must not depend on titles.

use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand};
use zhnews_core::convert::{self, Backend, Form, OpenccConfig, Protected, ScriptSide};
use zhnews_core::{Edit, TextRange};

use crate::code_actions::Request;
use crate::to_proto;

/// `source.fixAll.zhnews`.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.zhnews")
}

/// The ranges a conversion can apply to, narrowest first, each with the names of the scopes it
/// stands for. Scopes with equal ranges are offered once, under the narrowest name (a selection
/// of the whole document is "selection"), and the action's `data.scopes` lists every name, so a
/// client command that wants the document finds it whatever range the client sent.
pub fn scopes(request: &Request<'_>) -> Vec<(Vec<&'static str>, TextRange)> {
    let document = &request.analysis.document;
    let text = document.text();
    // Ranges from positions are on character boundaries; anything else is snapped down to one.
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let selection =
        TextRange::new(floor(request.range.start), floor(request.range.end).max(floor(request.range.start)));
    let at = selection.start;
    let mut scopes = Vec::new();
    if !selection.is_empty() {
        scopes.push(("selection", selection));
    }
    let line = document.lines().line_of(at);
    if let Some(content) = document.lines().line_content(text, line) {
        scopes.push(("line", content));
    }
    if let Some(paragraph) = document.paragraph_at(at) {
        scopes.push(("paragraph", paragraph.range));
    }
    scopes.push(("document", TextRange::new(0, text.len())));
    let mut kept: Vec<(Vec<&'static str>, TextRange)> = Vec::new();
    for (name, range) in scopes {
        if range.is_empty() {
            continue;
        }
        match kept.iter_mut().find(|(_, r)| *r == range) {
            Some((names, _)) => names.push(name),
            None => kept.push((vec![name], range)),
        }
    }
    kept
}

/// The conversion actions for every scope and every favourite that suits the scope's script.
pub fn conversions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let document = &request.analysis.document;
    let text = document.text();
    let settings = &request.config.convert;
    let favourites = settings.favourite_configs();
    // The gazetteer's own forms of the names, per target script, computed when first needed.
    let mut forms: Vec<(ScriptSide, Vec<Form>)> = Vec::new();
    let mut actions = Vec::new();
    for (names, range) in scopes(request) {
        let script = convert::script_of(&text[range.as_range()], document.script());
        for config in favourites.iter().copied().filter(|c| c.applies_to(script)) {
            let target = config.target();
            let index = match forms.iter().position(|(side, _)| *side == target) {
                Some(index) => index,
                None => {
                    forms.push((target, convert::entity_forms(text, &request.analysis.entities, target)));
                    forms.len() - 1
                }
            };
            let protected = Protected { terms: &settings.protected, forms: &forms[index].1, ..Protected::NONE };
            let Some(edits) = edits(config, text, range, protected) else {
                continue;
            };
            let data = serde_json::json!({ "config": config.name(), "scopes": names });
            actions.push(action(
                request,
                title(names[0], config),
                CodeActionKind::REFACTOR_REWRITE,
                &edits,
                Some(data),
            ));
        }
    }
    actions
}

/// "Convert selection to Simplified Chinese (t2s)".
pub fn title(scope: &str, config: OpenccConfig) -> String {
    format!("Convert {scope} to {} ({})", config.title(), config.name())
}

/// One action that applies every safe fix of every `mixed-script` finding.
pub fn fix_all(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let mut edits: Vec<Edit> = request
        .analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == "mixed-script")
        .filter_map(|finding| finding.fix.as_ref().filter(|fix| fix.safe))
        .flat_map(|fix| fix.edits.iter().cloned())
        .collect();
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    edits.dedup_by(|b, a| b.range.start < a.range.end);
    if edits.is_empty() {
        return Vec::new();
    }
    vec![action(request, "Fix all mixed-script characters (zhnews)".to_owned(), fix_all_kind(), &edits, None)]
}

fn edits(config: OpenccConfig, text: &str, range: TextRange, protected: Protected<'_>) -> Option<Vec<Edit>> {
    let converter = match convert::converter(Backend::DEFAULT, config) {
        Ok(converter) => converter,
        Err(err) => {
            tracing::warn!("{err}");
            return None;
        }
    };
    match convert::conversion_edits(converter, text, range, protected) {
        Ok(edits) if !edits.is_empty() => Some(edits),
        Ok(_) => None,
        Err(err) => {
            tracing::warn!("{err}");
            None
        }
    }
}

fn action(
    request: &Request<'_>,
    title: String,
    kind: CodeActionKind,
    edits: &[Edit],
    data: Option<serde_json::Value>,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        edit: Some(to_proto::workspace_edit(
            request.uri,
            request.version,
            request.rope,
            request.analysis.document.text(),
            edits,
            request.encoding,
        )),
        data,
        ..CodeAction::default()
    })
}
