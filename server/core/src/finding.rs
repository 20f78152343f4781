//! What a rule reports: a [`Finding`] with the spans involved and an optional [`Fix`].

use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// One problem in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable kebab-case code of the rule (`count-mismatch`).
    pub rule: &'static str,
    pub severity: Severity,
    /// The primary span, in bytes of the analysed text.
    pub range: TextRange,
    /// A sentence that states the problem and shows the arithmetic behind it.
    pub message: String,
    /// Every other span involved, each with a short note.
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub range: TextRange,
    pub message: String,
}

/// A change the user may accept: non-overlapping edits, sorted by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// Safe to apply without review (`zhnews check --fix`, `source.fixAll`).
    pub safe: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: String,
}

/// Applies edits that are sorted and do not overlap; returns `None` otherwise or when a range
/// falls outside the text or off a character boundary.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for edit in edits {
        if edit.range.start < cursor || edit.range.end > text.len() {
            return None;
        }
        out.push_str(text.get(cursor..edit.range.start)?);
        text.get(edit.range.as_range())?;
        out.push_str(&edit.replacement);
        cursor = edit.range.end;
    }
    out.push_str(text.get(cursor..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_reject_overlaps() {
        let text = "二〇二四年一月";
        let a = Edit { range: TextRange::new(0, 3), replacement: "2".into() };
        let b = Edit { range: TextRange::new(15, 18), replacement: "年".into() };
        assert_eq!(apply_edits(text, &[a.clone(), b.clone()]).as_deref(), Some("2〇二四年年月"));
        assert_eq!(apply_edits(text, &[b, a.clone()]), None);
        let off_boundary = Edit { range: TextRange::new(1, 2), replacement: String::new() };
        assert_eq!(apply_edits(text, &[off_boundary]), None);
    }
}
