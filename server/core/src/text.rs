//! Byte ranges and line bookkeeping shared by every analysis.

use std::ops::Range;

/// A half-open byte range `[start, end)` into the analysed text, on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> TextRange {
        debug_assert!(start <= end, "range {start}..{end} is reversed");
        TextRange { start, end }
    }

    pub fn empty(at: usize) -> TextRange {
        TextRange { start: at, end: at }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when `offset` lies inside the range or touches its end (a cursor after the last
    /// character still "hovers" the range).
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub fn as_range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for TextRange {
    fn from(range: Range<usize>) -> TextRange {
        TextRange::new(range.start, range.end)
    }
}

/// Where each line starts. Lines end at `\n`, `\r\n` or a lone `\r`, exactly the line
/// terminators of the Language Server Protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first character of every line; the first entry is always 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts, len: text.len() }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The zero-based line that holds `offset` (an offset past the end is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of line `line` including its terminator; `None` past the last line.
    pub fn line_range(&self, line: usize) -> Option<TextRange> {
        let start = *self.starts.get(line)?;
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        Some(TextRange::new(start, end))
    }

    /// The byte range of line `line` without its terminator.
    pub fn line_content(&self, text: &str, line: usize) -> Option<TextRange> {
        let range = self.line_range(line)?;
        let content = text.get(range.as_range())?;
        let trimmed = content.trim_end_matches(['\n', '\r']);
        Some(TextRange::new(range.start, range.start + trimmed.len()))
    }
}

/// The largest character boundary of `text` at or below `offset` (the text's end when past it).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// True for the Han ideographs of the CJK blocks, including the extensions outside the BMP
/// (𠮷 is in Extension B) and the ideographic zero 〇.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EBEF
        | 0x2F800..=0x2FA1F
        | 0x30000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "甲\r\n乙\n丙\r丁";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let lines: Vec<&str> = (0..4).map(|l| &text[index.line_content(text, l).unwrap().as_range()]).collect();
        assert_eq!(lines, ["甲", "乙", "丙", "丁"]);
        assert_eq!(index.line_of(0), 0);
        assert_eq!(index.line_of(text.find('乙').unwrap()), 1);
        assert_eq!(index.line_of(text.len() + 10), 3);
        assert_eq!(index.line_range(4), None);
    }

    #[test]
    fn empty_text_has_one_empty_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_content("", 0), Some(TextRange::new(0, 0)));
    }

    #[test]
    fn han_covers_extension_b_and_not_punctuation() {
        assert!(is_han('習'));
        assert!(is_han('𠮷'));
        assert!(is_han('〇'));
        assert!(!is_han('，'));
        assert!(!is_han('A'));
        assert!(!is_han('😀'));
    }
}
