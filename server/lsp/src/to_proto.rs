//! The only place core types become LSP types.

use ropey::Rope;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};
use zhnews_core::{Finding, Severity};

use crate::encoding::{PositionEncoding, byte_range_to_range};

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
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
        source: Some("zhnews".to_owned()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}
