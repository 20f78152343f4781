//! The open documents: a rope per document, its version, and the latest analysis.

use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;
use zhnews_core::Analysis;

use crate::encoding::{PositionEncoding, range_to_chars};

/// One open document.
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    pub language_id: String,
    /// Bumped on every change; a scheduled analysis that finds it moved on gives up.
    pub generation: u64,
    /// The newest analysis and the version it belongs to.
    pub analysis: Option<(i32, Arc<Analysis>)>,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32, language_id: String) -> OpenDocument {
        OpenDocument { rope: Rope::from_str(text), version, language_id, generation: 0, analysis: None }
    }

    /// Applies a `didChange` batch in order: ranged changes edit the rope, a change without a
    /// range replaces the whole text. Positions clamp (see [`crate::encoding`]).
    pub fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: PositionEncoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let chars = range_to_chars(&self.rope, range, encoding);
                    self.rope.remove(chars.clone());
                    self.rope.insert(chars.start, &change.text);
                }
                None => self.rope = Rope::from_str(&change.text),
            }
        }
        self.version = version;
        self.generation += 1;
    }

    /// The analysis of the current version, if it has been computed.
    pub fn current_analysis(&self) -> Option<Arc<Analysis>> {
        match &self.analysis {
            Some((version, analysis)) if *version == self.version => Some(analysis.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range { start: Position::new(start.0, start.1), end: Position::new(end.0, end.1) }),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_edits_in_utf16_around_extension_b() {
        let mut document = OpenDocument::new("𠮷野家\r\n秘魯", 1, "plaintext".into());
        // Replace 野 (UTF-16 columns 2..3) and insert after 魯.
        document.apply_changes(
            vec![change((0, 2), (0, 3), "之"), change((1, 2), (1, 2), "。")],
            2,
            PositionEncoding::Utf16,
        );
        assert_eq!(document.rope.to_string(), "𠮷之家\r\n秘魯。");
        // A reversed range collapses to an insertion; a range past the end clamps.
        document.apply_changes(
            vec![change((1, 1), (0, 0), "x"), change((9, 0), (9, 9), "!")],
            3,
            PositionEncoding::Utf16,
        );
        assert_eq!(document.rope.to_string(), "𠮷之家\r\n秘x魯。!");
        assert_eq!(document.version, 3);
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "新".into() };
        document.apply_changes(vec![full], 4, PositionEncoding::Utf16);
        assert_eq!(document.rope.to_string(), "新");
    }
}
