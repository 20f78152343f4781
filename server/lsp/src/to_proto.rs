//! The only place core types become LSP types.

use ropey::Rope;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentChanges, Hover,
    HoverContents, Location, MarkupContent, MarkupKind, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use zhnews_core::{Edit, Finding, Severity};

use crate::encoding::{PositionCursor, PositionEncoding, byte_range_to_range};

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The documentation of a rule, for `codeDescription.href`: its section of `docs/rules.md`
/// (generated from the rule's doc comment) in the repository named in the workspace manifest.
/// None for codes that are not rules.
pub fn rule_docs_url(code: &str) -> Option<String> {
    zhnews_core::rules::documentation(code)?;
    Some(format!("{}/blob/main/docs/rules.md#{code}", env!("CARGO_PKG_REPOSITORY")))
}

/// A finding as a diagnostic. `rope` must hold exactly the analysed text.
pub fn diagnostic(uri: &Uri, rope: &Rope, finding: &Finding, encoding: PositionEncoding) -> Diagnostic {
    let range = |r: zhnews_core::TextRange| byte_range_to_range(rope, r.start, r.end, encoding);
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: range(related.range) },
            message: related.message.clone(),
        })
        .collect();
    Diagnostic {
        range: range(finding.range),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_owned())),
        code_description: rule_docs_url(finding.rule)
            .and_then(|url| url.parse().ok())
            .map(|href| CodeDescription { href }),
        source: Some("zhnews".to_owned()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// An edition finding as a diagnostic on `uri`, its related information in the other edition
/// (`other_uri`, whose compared text `other_rope` holds). `rope` must hold exactly the compared
/// text.
pub fn edition_diagnostic(
    uri: &Uri,
    rope: &Rope,
    finding: &zhnews_core::editions::EditionFinding,
    other_uri: &Uri,
    other_rope: &Rope,
    encoding: PositionEncoding,
) -> Diagnostic {
    let mut diagnostic = diagnostic(uri, rope, &finding.finding, encoding);
    let elsewhere = finding.other.iter().map(|related| DiagnosticRelatedInformation {
        location: Location {
            uri: other_uri.clone(),
            range: byte_range_to_range(other_rope, related.range.start, related.range.end, encoding),
        },
        message: related.message.clone(),
    });
    let mut related = diagnostic.related_information.take().unwrap_or_default();
    related.extend(elsewhere);
    diagnostic.related_information = (!related.is_empty()).then_some(related);
    diagnostic
}

pub fn hover(rope: &Rope, info: &zhnews_core::hover::HoverInfo, encoding: PositionEncoding) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: info.markdown.clone() }),
        range: Some(byte_range_to_range(rope, info.range.start, info.range.end, encoding)),
    }
}

/// Core edits as an LSP workspace edit on one document version. `text` is the rope's text;
/// positions are converted in one pass when the edits are sorted, as conversions' are.
pub fn workspace_edit(
    uri: &Uri,
    version: i32,
    rope: &Rope,
    text: &str,
    edits: &[Edit],
    encoding: PositionEncoding,
) -> WorkspaceEdit {
    let mut positions = PositionCursor::new(rope, text, encoding);
    let edits = edits
        .iter()
        .map(|edit| {
            OneOf::Left(TextEdit {
                range: positions.range(edit.range.start, edit.range.end),
                new_text: edit.replacement.clone(),
            })
        })
        .collect();
    let document = TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: Some(version) },
        edits,
    };
    WorkspaceEdit { document_changes: Some(DocumentChanges::Edits(vec![document])), ..WorkspaceEdit::default() }
}
