//! The document model: one text, its lines, its paragraphs and its script.
//!
//! Paragraphs are runs of non-blank lines. Within a paragraph, hard line breaks (newspaper
//! pages wrap every 15–20 characters, see `001` in the shared corpus) are joined away so later
//! analyses see `錢凱港` rather than `錢凱\n港`; [`JoinedText`] maps every offset of the joined
//! text back to the original.

use crate::script::{Script, ScriptProfile};
use crate::text::{LineIndex, TextRange};

/// An immutable snapshot of one document version.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    lines: LineIndex,
    paragraphs: Vec<Paragraph>,
    profile: ScriptProfile,
}

/// A paragraph: consecutive lines that belong together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first character of the first line to the last character of the last line,
    /// without surrounding whitespace or the final line break.
    pub range: TextRange,
    /// Zero-based line numbers of the first and the last line (inclusive).
    pub first_line: usize,
    pub last_line: usize,
    /// The paragraph's text with its hard line breaks joined away.
    pub joined: JoinedText,
    /// The script profile of the paragraph's text.
    pub profile: ScriptProfile,
}

/// Text assembled from pieces of an original, with the way back.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct JoinedText {
    pub text: String,
    /// Pieces in order: (start in `text`, start in the original, length in bytes).
    pieces: Vec<(usize, usize, usize)>,
}

impl JoinedText {
    fn push(&mut self, original: &str, range: TextRange) {
        if range.is_empty() {
            return;
        }
        self.pieces.push((self.text.len(), range.start, range.len()));
        self.text.push_str(&original[range.as_range()]);
    }

    /// Pushes `insert` as if it stood at `original_at` (a separator that replaces a line break).
    fn push_separator(&mut self, insert: &str, original_at: usize) {
        self.pieces.push((self.text.len(), original_at, 0));
        self.text.push_str(insert);
    }

    /// The original offset of a joined offset. Offsets inside an inserted separator map to
    /// the line break it replaced; the end of the text maps to the end of the last piece.
    pub fn to_original(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|(start, _, _)| *start <= offset);
        let Some(&(start, original, len)) = index.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return self.pieces.first().map_or(0, |p| p.1);
        };
        original + (offset - start).min(len)
    }

    /// The original range of a joined range: the start keeps to the first character it
    /// covers, the end to the last.
    pub fn to_original_range(&self, range: TextRange) -> TextRange {
        if range.is_empty() {
            let at = self.to_original(range.start);
            return TextRange::empty(at);
        }
        let start = self.to_original(range.start);
        let last_char_len = self.text[..range.end].chars().next_back().map_or(0, char::len_utf8);
        let end = self.to_original(range.end - last_char_len) + last_char_len;
        TextRange::new(start, end.max(start))
    }
}

impl Document {
    pub fn new(text: impl Into<String>) -> Document {
        Document::with_profiles(text, ScriptProfile::of)
    }

    /// [`Document::new`] with the script profile of each paragraph's joined text given by
    /// `profile_of` (which may look it up instead of counting). The profile of a text is the
    /// sum of its paragraphs' profiles: outside paragraphs there is only whitespace, and the
    /// joined text differs from the original only in whitespace, which no profile counts.
    pub fn with_profiles(text: impl Into<String>, mut profile_of: impl FnMut(&str) -> ScriptProfile) -> Document {
        let text = text.into();
        let lines = LineIndex::new(&text);
        let mut paragraphs = split_paragraphs(&text, &lines);
        let mut profile = ScriptProfile::default();
        for paragraph in &mut paragraphs {
            paragraph.profile = profile_of(&paragraph.joined.text);
            profile += paragraph.profile;
        }
        Document { text, lines, paragraphs, profile }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    pub fn script_profile(&self) -> &ScriptProfile {
        &self.profile
    }

    pub fn script(&self) -> Script {
        self.profile.script()
    }

    /// The text of line `line` without its terminator; empty past the last line.
    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_content(&self.text, line).map_or("", |range| &self.text[range.as_range()])
    }

    /// The paragraph that holds `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<&Paragraph> {
        let index = self.paragraphs.partition_point(|p| p.range.end < offset);
        self.paragraphs.get(index).filter(|p| p.range.touches(offset))
    }
}

/// Characters after which a line ends its paragraph even when the next line is not blank.
const PARAGRAPH_FINAL: &[char] = &['。', '！', '？', '!', '?', '」', '』', '”', '…', '：', ':'];
/// Characters that open a new block when they start a line.
const BLOCK_OPENERS: &[char] = &['#', '▲', '◆', '■', '●', '【', '*', '—'];

fn split_paragraphs(text: &str, lines: &LineIndex) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    for line in 0..lines.line_count() {
        let Some(content) = lines.line_content(text, line) else {
            break;
        };
        let raw = &text[content.as_range()];
        let leading = raw.len() - raw.trim_start().len();
        let trimmed = TextRange::new(content.start + leading, content.start + leading + raw.trim().len());
        if trimmed.is_empty() {
            paragraphs.extend(current.take());
            continue;
        }
        let line_text = &text[trimmed.as_range()];
        if let Some(paragraph) = current.as_mut() {
            let previous = &text[paragraph.range.as_range()];
            let ends_block = previous.ends_with(PARAGRAPH_FINAL) || previous.trim_start().starts_with('#');
            let opens_block = line_text.starts_with(BLOCK_OPENERS);
            if ends_block || opens_block {
                paragraphs.extend(current.take());
            }
        }
        match current.as_mut() {
            Some(paragraph) => {
                let before = paragraph.joined.text.chars().next_back();
                let after = line_text.chars().next();
                if before.is_some_and(|c| c.is_ascii_alphanumeric()) && after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    paragraph.joined.push_separator(" ", paragraph.range.end);
                }
                paragraph.joined.push(text, trimmed);
                paragraph.range.end = trimmed.end;
                paragraph.last_line = line;
            }
            None => {
                let mut joined = JoinedText::default();
                joined.push(text, trimmed);
                current = Some(Paragraph {
                    range: trimmed,
                    first_line: line,
                    last_line: line,
                    joined,
                    profile: ScriptProfile::default(),
                });
            }
        }
    }
    paragraphs.extend(current);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        Document::new(text).paragraphs().iter().map(|p| p.joined.text.clone()).collect()
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let text = " 14日晚，習近平同博魯阿爾特總\n統在利馬總統府共同出席錢凱\n港開港儀式。\n\n中方願同秘方一道。";
        assert_eq!(
            paragraphs(text),
            ["14日晚，習近平同博魯阿爾特總統在利馬總統府共同出席錢凱港開港儀式。", "中方願同秘方一道。"]
        );
    }

    #[test]
    fn sentence_final_punctuation_and_headings_end_paragraphs() {
        let text = "第一段。\n第二段。\n## 一、標題\n正文";
        assert_eq!(paragraphs(text), ["第一段。", "第二段。", "## 一、標題", "正文"]);
    }

    #[test]
    fn ascii_words_keep_a_space_across_a_break() {
        assert_eq!(paragraphs("APEC\nleaders 會議"), ["APEC leaders 會議"]);
        assert_eq!(paragraphs("出席APEC\n會議"), ["出席APEC會議"]);
    }

    #[test]
    fn joined_offsets_map_back_to_the_original() {
        let text = "共同出席錢凱\r\n港開港儀式";
        let document = Document::new(text);
        let paragraph = &document.paragraphs()[0];
        let joined = &paragraph.joined;
        let start = joined.text.find("錢凱港").unwrap();
        let original = joined.to_original_range(TextRange::new(start, start + "錢凱港".len()));
        assert_eq!(&text[original.as_range()], "錢凱\r\n港");
        assert_eq!(joined.to_original(joined.text.len()), text.len());
    }

    #[test]
    fn crlf_and_blank_lines_with_spaces() {
        let document = Document::new("甲。\r\n  \r\n乙。\r\n");
        let ranges: Vec<_> = document.paragraphs().iter().map(|p| (p.first_line, p.last_line)).collect();
        assert_eq!(ranges, [(0, 0), (2, 2)]);
        assert_eq!(document.line_text(2), "乙。");
        assert_eq!(document.line_text(9), "");
        assert!(document.paragraph_at(document.text().find('乙').unwrap()).is_some());
    }
}
