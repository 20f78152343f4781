//! `textDocument/didChange` content changes applied to a rope.

use ls_types::TextDocumentContentChangeEvent;
use ropey::Rope;

use crate::encoding::{PositionEncoding, range_to_chars};

/// Applies one `didChange` batch in order: a ranged change edits the rope, a change without a
/// range replaces the whole text. Positions clamp (see [`crate::encoding`]), so no change panics.
pub fn apply_changes(rope: &mut Rope, changes: Vec<TextDocumentContentChangeEvent>, encoding: PositionEncoding) {
    for change in changes {
        match change.range {
            Some(range) => {
                let chars = range_to_chars(rope, range, encoding);
                rope.remove(chars.clone());
                rope.insert(chars.start, &change.text);
            }
            None => *rope = Rope::from_str(&change.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ls_types::{Position, Range};

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range { start: Position::new(start.0, start.1), end: Position::new(end.0, end.1) }),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_edits_in_utf16_around_extension_b() {
        let mut rope = Rope::from_str("𠮷野家\r\n秘魯");
        // Replace 野 (UTF-16 columns 2..3) and insert after 魯.
        apply_changes(
            &mut rope,
            vec![change((0, 2), (0, 3), "之"), change((1, 2), (1, 2), "。")],
            PositionEncoding::Utf16,
        );
        assert_eq!(rope.to_string(), "𠮷之家\r\n秘魯。");
        // A reversed range collapses to an insertion; a range past the end clamps.
        apply_changes(
            &mut rope,
            vec![change((1, 1), (0, 0), "x"), change((9, 0), (9, 9), "!")],
            PositionEncoding::Utf16,
        );
        assert_eq!(rope.to_string(), "𠮷之家\r\n秘x魯。!");
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "新".into() };
        apply_changes(&mut rope, vec![full], PositionEncoding::Utf16);
        assert_eq!(rope.to_string(), "新");
    }

    #[test]
    fn the_same_edit_in_each_encoding() {
        // 𠮷 is 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar: the column after it differs by encoding.
        for (encoding, column) in
            [(PositionEncoding::Utf8, 4), (PositionEncoding::Utf16, 2), (PositionEncoding::Utf32, 1)]
        {
            let mut rope = Rope::from_str("𠮷野");
            apply_changes(&mut rope, vec![change((0, column), (0, column), "之")], encoding);
            assert_eq!(rope.to_string(), "𠮷之野", "{encoding:?}");
        }
    }
}
