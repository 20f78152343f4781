//! Every conversion between LSP positions and offsets into a document.
//!
//! LSP positions are (line, character) where "character" counts UTF-8 bytes, UTF-16 code units
//! or Unicode scalar values depending on the negotiated encoding. Ropes index by `char`; core
//! analyses by byte. A position past the end of a line clamps to the line's end, past the last
//! line to the end of the document, and one inside a character (a surrogate pair, a multi-byte
//! UTF-8 sequence) to the start of that character: nothing here panics.

use ls_types::{Position, PositionEncodingKind, Range};
use ropey::{Rope, RopeSlice};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionEncoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl PositionEncoding {
    /// Picks from the client's offer: UTF-8, then UTF-32 (both cheaper for us), else the
    /// protocol's mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> PositionEncoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            PositionEncoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            PositionEncoding::Utf32
        } else {
            PositionEncoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
            PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// The line without its terminator (`\n`, `\r\n` or `\r`).
fn line_content(rope: &Rope, line: usize) -> RopeSlice<'_> {
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    while len > 0 && matches!(slice.char(len - 1), '\n' | '\r') {
        len -= 1;
    }
    slice.slice(..len)
}

/// The `char` index of a position, clamped into the document.
pub fn position_to_char(rope: &Rope, position: Position, encoding: PositionEncoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let content = line_content(rope, line);
    let column = position.character as usize;
    let chars_in = match encoding {
        PositionEncoding::Utf32 => column.min(content.len_chars()),
        PositionEncoding::Utf8 => {
            let byte = column.min(content.len_bytes());
            // byte_to_char rounds down to the start of the char that holds `byte`.
            content.byte_to_char(byte)
        }
        PositionEncoding::Utf16 => {
            let unit = column.min(content.len_utf16_cu());
            let index = content.utf16_cu_to_char(unit);
            // Inside a surrogate pair, ropey returns the pair's char; the unit count of the
            // chars before it is then smaller than `unit`, which is what rounding down means.
            if content.char_to_utf16_cu(index) > unit { index.saturating_sub(1) } else { index }
        }
    };
    start + chars_in
}

/// The position of a `char` index (clamped to the end of the document).
pub fn char_to_position(rope: &Rope, char_index: usize, encoding: PositionEncoding) -> Position {
    let char_index = char_index.min(rope.len_chars());
    let line = rope.char_to_line(char_index);
    let start = rope.line_to_char(line);
    let content = line_content(rope, line);
    // An index on the line terminator itself counts as the line's end.
    let within = (char_index - start).min(content.len_chars());
    let character = match encoding {
        PositionEncoding::Utf32 => within,
        PositionEncoding::Utf8 => content.char_to_byte(within),
        PositionEncoding::Utf16 => content.char_to_utf16_cu(within),
    };
    Position { line: line as u32, character: character as u32 }
}

/// The byte offset of a position (for core, which works in bytes).
pub fn position_to_byte(rope: &Rope, position: Position, encoding: PositionEncoding) -> usize {
    rope.char_to_byte(position_to_char(rope, position, encoding))
}

/// The position of a byte offset; an offset inside a character rounds down to its start.
pub fn byte_to_position(rope: &Rope, byte: usize, encoding: PositionEncoding) -> Position {
    let byte = byte.min(rope.len_bytes());
    char_to_position(rope, rope.byte_to_char(byte), encoding)
}

/// The LSP range of a byte range.
pub fn byte_range_to_range(rope: &Rope, start: usize, end: usize, encoding: PositionEncoding) -> Range {
    Range { start: byte_to_position(rope, start, encoding), end: byte_to_position(rope, end, encoding) }
}

/// Converts many byte offsets of one text to positions, cheaply when they come in ascending
/// order: each conversion walks on from the previous one while it stays on the same line, and
/// looks the line up in the rope only when it moves to another. Thousands of conversion edits
/// cost one pass over the text instead of a rope lookup (and a line scan) each.
///
/// `text` must be the rope's text; every result equals [`byte_to_position`]'s.
pub struct PositionCursor<'a> {
    rope: &'a Rope,
    text: &'a str,
    encoding: PositionEncoding,
    /// The line walked on, where it starts, where its content ends and where the next starts.
    line: usize,
    line_start: usize,
    content_end: usize,
    next_line: usize,
    /// The byte reached on the line (a char boundary) and its column in `encoding` units.
    at: usize,
    column: usize,
    placed: bool,
}

impl<'a> PositionCursor<'a> {
    pub fn new(rope: &'a Rope, text: &'a str, encoding: PositionEncoding) -> PositionCursor<'a> {
        PositionCursor {
            rope,
            text,
            encoding,
            line: 0,
            line_start: 0,
            content_end: 0,
            next_line: 0,
            at: 0,
            column: 0,
            placed: false,
        }
    }

    /// The position of a byte offset; an offset inside a character rounds down to its start.
    pub fn position(&mut self, byte: usize) -> Position {
        if self.text.len() != self.rope.len_bytes() {
            return byte_to_position(self.rope, byte, self.encoding);
        }
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let last_line = self.line + 1 >= self.rope.len_lines();
        let on_line = self.placed && self.at <= byte && (byte < self.next_line || last_line);
        if !on_line {
            self.place(byte);
        }
        let target = byte.min(self.content_end);
        if target > self.at {
            self.column += match self.encoding {
                PositionEncoding::Utf8 => target - self.at,
                PositionEncoding::Utf16 => self.text[self.at..target].chars().map(char::len_utf16).sum(),
                PositionEncoding::Utf32 => self.text[self.at..target].chars().count(),
            };
            self.at = target;
        }
        Position { line: self.line as u32, character: self.column as u32 }
    }

    /// The LSP range of a byte range.
    pub fn range(&mut self, start: usize, end: usize) -> Range {
        Range { start: self.position(start), end: self.position(end) }
    }

    fn place(&mut self, byte: usize) {
        let line = self.rope.byte_to_line(byte);
        self.line = line;
        self.line_start = self.rope.line_to_byte(line);
        self.next_line =
            if line + 1 < self.rope.len_lines() { self.rope.line_to_byte(line + 1) } else { self.text.len() };
        let content = self.text[self.line_start..self.next_line].trim_end_matches(['\n', '\r']);
        self.content_end = self.line_start + content.len();
        self.at = self.line_start;
        self.column = 0;
        self.placed = true;
    }
}

/// The `char` range of an LSP range; a reversed range collapses to its start.
pub fn range_to_chars(rope: &Rope, range: Range, encoding: PositionEncoding) -> std::ops::Range<usize> {
    let start = position_to_char(rope, range.start, encoding);
    let end = position_to_char(rope, range.end, encoding).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference: walk the text char by char, counting the way the LSP spec does.
    fn naive_position_to_char(text: &str, position: Position, encoding: PositionEncoding) -> usize {
        let lines = split_lines(text);
        let line = position.line as usize;
        if line >= lines.len() {
            return text.chars().count();
        }
        let before: usize =
            lines[..line].iter().map(|(content, term)| content.chars().count() + term.chars().count()).sum();
        let mut units = 0;
        let mut chars = 0;
        for c in lines[line].0.chars() {
            let width = unit_len(c, encoding);
            if units + width > position.character as usize {
                break;
            }
            units += width;
            chars += 1;
        }
        before + chars
    }

    fn naive_char_to_position(text: &str, char_index: usize, encoding: PositionEncoding) -> Position {
        let mut remaining = char_index.min(text.chars().count());
        for (number, (content, term)) in split_lines(text).iter().enumerate() {
            let content_chars = content.chars().count();
            let line_chars = content_chars + term.chars().count();
            if remaining < line_chars || term.is_empty() {
                let within = remaining.min(content_chars);
                let character = content.chars().take(within).map(|c| unit_len(c, encoding)).sum::<usize>();
                return Position { line: number as u32, character: character as u32 };
            }
            remaining -= line_chars;
        }
        unreachable!("the last line has no terminator")
    }

    fn unit_len(c: char, encoding: PositionEncoding) -> usize {
        match encoding {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        }
    }

    /// (content, terminator) for every line; the last has an empty terminator.
    fn split_lines(text: &str) -> Vec<(String, String)> {
        let mut lines = Vec::new();
        let mut current = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' => lines.push((std::mem::take(&mut current), "\n".to_owned())),
                '\r' if chars.peek() == Some(&'\n') => {
                    chars.next();
                    lines.push((std::mem::take(&mut current), "\r\n".to_owned()));
                }
                '\r' => lines.push((std::mem::take(&mut current), "\r".to_owned())),
                c => current.push(c),
            }
        }
        lines.push((current, String::new()));
        lines
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces =
            prop::sample::select(vec!["a", "Z", " ", "習", "近", "平", "𠮷", "😀", "\r\n", "\n", "\r", "，", "é"]);
        prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
    }

    fn encoding_strategy() -> impl Strategy<Value = PositionEncoding> {
        prop::sample::select(vec![PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32])
    }

    proptest! {
        #[test]
        fn positions_match_the_reference(text in text_strategy(), line in 0u32..12, character in 0u32..30, encoding in encoding_strategy()) {
            let rope = Rope::from_str(&text);
            let position = Position { line, character };
            prop_assert_eq!(position_to_char(&rope, position, encoding), naive_position_to_char(&text, position, encoding));
        }

        #[test]
        fn chars_match_the_reference_and_round_trip(text in text_strategy(), index in 0usize..60, encoding in encoding_strategy()) {
            let rope = Rope::from_str(&text);
            let position = char_to_position(&rope, index, encoding);
            prop_assert_eq!(position, naive_char_to_position(&text, index, encoding));
            let back = position_to_char(&rope, position, encoding);
            // Indices on a line terminator come back as the line's end; all others exactly.
            let clamped = index.min(rope.len_chars());
            prop_assert!(back <= clamped);
            let on_terminator = clamped < rope.len_chars() && matches!(rope.char(clamped), '\n' | '\r');
            if !on_terminator { prop_assert_eq!(back, clamped); }
        }
    }

    proptest! {
        #[test]
        fn the_cursor_matches_one_by_one_conversion(
            text in text_strategy(),
            mut offsets in prop::collection::vec(0usize..80, 0..12),
            sorted in any::<bool>(),
            encoding in encoding_strategy(),
        ) {
            let rope = Rope::from_str(&text);
            if sorted {
                offsets.sort_unstable();
            }
            let mut cursor = PositionCursor::new(&rope, &text, encoding);
            for offset in offsets {
                prop_assert_eq!(cursor.position(offset), byte_to_position(&rope, offset, encoding), "offset {}", offset);
            }
        }
    }

    #[test]
    fn surrogate_pairs_and_crlf() {
        let text = "a𠮷b\r\n𠮷";
        let rope = Rope::from_str(text);
        let at = |line, character, encoding| position_to_char(&rope, Position { line, character }, encoding);
        // 'b' is UTF-16 column 3, UTF-8 column 5, UTF-32 column 2.
        assert_eq!(at(0, 3, PositionEncoding::Utf16), 2);
        assert_eq!(at(0, 5, PositionEncoding::Utf8), 2);
        assert_eq!(at(0, 2, PositionEncoding::Utf32), 2);
        // Inside the surrogate pair or the UTF-8 sequence: round down to 𠮷.
        assert_eq!(at(0, 2, PositionEncoding::Utf16), 1);
        assert_eq!(at(0, 3, PositionEncoding::Utf8), 1);
        // Past the end of the line: before the CRLF. Past the last line: end of text.
        assert_eq!(at(0, 99, PositionEncoding::Utf16), 3);
        assert_eq!(at(7, 0, PositionEncoding::Utf16), rope.len_chars());
        assert_eq!(char_to_position(&rope, 6, PositionEncoding::Utf16), Position { line: 1, character: 2 });
        assert_eq!(byte_to_position(&rope, text.len(), PositionEncoding::Utf8), Position { line: 1, character: 4 });
        // A byte offset inside 𠮷 rounds down.
        assert_eq!(byte_to_position(&rope, 2, PositionEncoding::Utf16), Position { line: 0, character: 1 });
    }

    #[test]
    fn negotiation_prefers_utf8_then_utf32() {
        use PositionEncodingKind as K;
        assert_eq!(PositionEncoding::negotiate(None), PositionEncoding::Utf16);
        assert_eq!(PositionEncoding::negotiate(Some(&[K::UTF16, K::UTF32])), PositionEncoding::Utf32);
        assert_eq!(PositionEncoding::negotiate(Some(&[K::UTF16, K::UTF32, K::UTF8])), PositionEncoding::Utf8);
        assert_eq!(PositionEncoding::negotiate(Some(&[])), PositionEncoding::Utf16);
    }
}
