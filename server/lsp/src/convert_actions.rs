//! Script conversion as code actions: "Convert selection to Simplified Chinese (t2s)" for the
//! selection, the current line, the current paragraph and the whole document, and
//! `source.fixAll.zhnews`, which applies every safe `mixed-script` fix.
//!
//! Only conversions that suit the script of the range are offered (no `t2s` on Simplified
//! text), restricted to `convert.favourites`, and only when they would change something. Each
//! action edits only the changed runs of characters, never the whole range. Names from the
//! curated, user and workspace gazetteers being converted from the other script take the
//! gazetteer's own form for the target script, and names already in a valid form of it stay as
//! written (see [`zhnews_core::convert::forms`]), unless `convert.names` is `"keep"`; terms in
//! `convert.protected` stay as they are. An
//! action's `data` is `{ "config": "t2s", "scopes": ["selection", "document"] }`: the OpenCC
//! configuration and every scope it converts, for client commands (convert the document, convert
//! the selection) that must not depend on titles.
//!
//! Offering is cheap; converting is not (the document scope of a 1 MB file converts 1 MB). When
//! the client can resolve a code action's `edit` later (`codeAction/resolve`), the actions are
//! offered without edits, after [`convert::changes_anything`] (which converts about one line)
//! has shown that they change something, and their `data` also carries the document, its
//! version and the scope's byte range ([`ResolveData`]); [`resolve`] computes the edits when the
//! user picks one. Other clients get the edits with the actions, for scopes up to a size:
//! a request the client makes on its own (`triggerKind` Automatic, a light bulb after a cursor
//! move) skips scopes over [`EAGER_AUTOMATIC_LIMIT`], since converting them would make every
//! cursor move in a large file wait (≈ 0.2 s per configuration per MB) and the user has not
//! opened the menu; an invoked request (or one without `triggerKind`) skips scopes over
//! [`EAGER_LIMIT`]. Without the second limit, the menu of a 5 MB document converted it whole
//! for each configuration and scope: 10.8 s, a 76 MB response and 2.1 GB of memory, for edits
//! the user most likely never applies. Such a client converts a larger range with `zhnews
//! convert`, or a selection, a line or a paragraph at a time (each within the limit).

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Uri, WorkspaceEdit};
use zhnews_core::convert::{self, Backend, Converter, Form, Names, OpenccConfig, Protected};
use zhnews_core::entities::Mention;
use zhnews_core::{Edit, TextRange};

use crate::request::Request;
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

/// The largest scope, in bytes, whose conversion an automatic request computes for a client
/// that cannot resolve edits: five times a long news article (the corpus's largest is 25 KB).
pub const EAGER_AUTOMATIC_LIMIT: usize = 128 * 1024;

/// The largest scope, in bytes, whose conversion an invoked request computes for a client that
/// cannot resolve edits: twenty long news articles, about 0.1 s per configuration and a few MB
/// of edits in the response.
pub const EAGER_LIMIT: usize = 512 * 1024;

/// What a conversion action offered without its edit carries in `data`, for
/// `codeAction/resolve`: `{ "config": "t2s", "scopes": ["line"], "uri": "file:///…",
/// "version": 3, "bytes": [120, 245] }`. `bytes` is the scope's range in bytes of the text of
/// that version, so it means something only for that version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveData {
    pub config: String,
    pub scopes: Vec<String>,
    pub uri: Uri,
    pub version: i32,
    pub bytes: [usize; 2],
}

impl ResolveData {
    /// Reads an action's `data`; the message says what is wrong with it.
    pub fn parse(data: &serde_json::Value) -> Result<(ResolveData, OpenccConfig), String> {
        let data: ResolveData =
            serde_json::from_value(data.clone()).map_err(|err| format!("not a zhnews conversion action: {err}"))?;
        let config = OpenccConfig::from_name(&data.config)
            .ok_or_else(|| format!("unknown OpenCC configuration `{}`", data.config))?;
        if data.scopes.is_empty() || data.bytes[0] > data.bytes[1] {
            return Err("a conversion action needs a scope and a range".to_owned());
        }
        Ok((data, config))
    }

    /// True when the action converts the whole document: its range can then be found again in
    /// any later version of the document.
    pub fn converts_document(&self) -> bool {
        self.scopes.iter().any(|scope| scope == "document")
    }

    /// The range to convert in `version` of the document, whose text is `text`: the offered
    /// range in the version it was offered for, the whole text in a later version when the
    /// action converts the document, otherwise ContentModified (the positions are stale; the
    /// client asks for code actions again). A range that does not fit its version is invalid.
    pub fn range_in(&self, version: i32, text: &str) -> Result<TextRange, Error> {
        if version != self.version {
            return if self.converts_document() {
                Ok(TextRange::new(0, text.len()))
            } else {
                Err(self.stale(Some(version)))
            };
        }
        let [start, end] = self.bytes;
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(Error::invalid_params(format!(
                "range {start}..{end} does not fit version {version} of {}",
                self.uri.as_str()
            )));
        }
        Ok(TextRange::new(start, end))
    }

    /// ContentModified: the document is at `version` now, or closed.
    pub fn stale(&self, version: Option<i32>) -> Error {
        let message = match version {
            Some(version) => {
                format!(
                    "{} changed (version {} → {version}) since the action was offered",
                    self.uri.as_str(),
                    self.version
                )
            }
            None => format!("{} is no longer open", self.uri.as_str()),
        };
        Error { code: ErrorCode::ContentModified, message: message.into(), data: None }
    }
}

/// The conversion actions for every scope and every favourite that suits the scope's script and
/// changes something there.
pub fn conversions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let document = &request.analysis.document;
    let text = document.text();
    let settings = &request.config.convert;
    let favourites = settings.favourite_configs();
    // The forms of the names, per configuration, computed when first needed; none with
    // `convert.names = "keep"`.
    let mentions: &[Mention] = match settings.names {
        Names::Gazetteer => request.analysis.entities(),
        Names::Keep => &[],
    };
    let mut forms: Vec<(OpenccConfig, Vec<Form>)> = Vec::new();
    let mut actions = Vec::new();
    for (names, range) in scopes(request) {
        let limit = if request.automatic { EAGER_AUTOMATIC_LIMIT } else { EAGER_LIMIT };
        if !request.resolve_edits && range.len() > limit {
            continue;
        }
        // The document's script is known from its analysis; a part's is counted.
        let script = if range.len() == text.len() {
            document.script()
        } else {
            convert::script_of(&text[range.as_range()], document.script())
        };
        for config in favourites.iter().copied().filter(|c| c.applies_to(script)) {
            let Some(converter) = converter(config) else { continue };
            let title = title(names[0], config);
            let action = if request.resolve_edits {
                match convert::changes_anything(converter, text, range, &settings.protected, mentions) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(err) => {
                        tracing::warn!("{err}");
                        continue;
                    }
                }
                let data = ResolveData {
                    config: config.name().to_owned(),
                    scopes: names.iter().map(|name| (*name).to_owned()).collect(),
                    uri: request.uri.clone(),
                    version: request.version,
                    bytes: [range.start, range.end],
                };
                CodeAction {
                    title,
                    kind: Some(CodeActionKind::REFACTOR_REWRITE),
                    data: serde_json::to_value(data).ok(),
                    ..CodeAction::default()
                }
            } else {
                let index = match forms.iter().position(|(c, _)| *c == config) {
                    Some(index) => index,
                    None => {
                        forms.push((config, convert::entity_forms(text, mentions, converter)));
                        forms.len() - 1
                    }
                };
                let protected = Protected { terms: &settings.protected, forms: &forms[index].1, ..Protected::NONE };
                let Some(edits) = edits(converter, text, range, protected) else {
                    continue;
                };
                let data = serde_json::json!({ "config": config.name(), "scopes": names });
                CodeAction {
                    title,
                    kind: Some(CodeActionKind::REFACTOR_REWRITE),
                    edit: Some(workspace_edit(request, &edits)),
                    data: Some(data),
                    ..CodeAction::default()
                }
            };
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
    }
    actions
}

/// The edit of a conversion action offered without one: `config` over `request.range` (the
/// range from the action's [`ResolveData`], checked against the document by the caller). An
/// empty edit when the conversion no longer changes anything there.
pub fn resolve(request: &Request<'_>, config: OpenccConfig) -> Result<WorkspaceEdit, String> {
    let document = &request.analysis.document;
    let text = document.text();
    let converter = convert::converter(Backend::DEFAULT, config).map_err(|err| err.to_string())?;
    let forms = match request.config.convert.names {
        Names::Gazetteer => convert::entity_forms(text, request.analysis.entities(), converter),
        Names::Keep => Vec::new(),
    };
    let protected = Protected { terms: &request.config.convert.protected, forms: &forms, ..Protected::NONE };
    let edits = convert::conversion_edits(converter, text, request.range, protected).map_err(|err| err.to_string())?;
    Ok(workspace_edit(request, &edits))
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
    vec![CodeActionOrCommand::CodeAction(CodeAction {
        title: "Fix all mixed-script characters (zhnews)".to_owned(),
        kind: Some(fix_all_kind()),
        edit: Some(workspace_edit(request, &edits)),
        ..CodeAction::default()
    })]
}

fn converter(config: OpenccConfig) -> Option<&'static dyn Converter> {
    convert::converter(Backend::DEFAULT, config).map_err(|err| tracing::warn!("{err}")).ok()
}

fn edits(converter: &dyn Converter, text: &str, range: TextRange, protected: Protected<'_>) -> Option<Vec<Edit>> {
    match convert::conversion_edits(converter, text, range, protected) {
        Ok(edits) if !edits.is_empty() => Some(edits),
        Ok(_) => None,
        Err(err) => {
            tracing::warn!("{err}");
            None
        }
    }
}

fn workspace_edit(request: &Request<'_>, edits: &[Edit]) -> WorkspaceEdit {
    to_proto::workspace_edit(
        request.uri,
        request.version,
        request.rope,
        request.analysis.document.text(),
        edits,
        request.encoding,
    )
}
