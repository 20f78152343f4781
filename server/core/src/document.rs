//! The document model: one text, its lines, its paragraphs and its script.
//!
//! Paragraphs are runs of non-blank lines. Within a paragraph, hard line breaks (newspaper
//! pages wrap every 15–20 characters, see `001` in the shared corpus) are joined away so later
//! analyses see `錢凱港` rather than `錢凱\n港`; [`JoinedText`] maps every offset of the joined
//! text back to the original.
//!
//! A line break is a wrap only when the line before it is full: about as wide as the lines
//! around it (`LineWidths::wraps_into`). Many files hold one paragraph per line with no blank lines
//! between; there a headline, a byline or a time stamp without final punctuation is much
//! narrower than the body lines around it, so it stays a paragraph of its own instead of being
//! glued to the sentence below.

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

/// The display widths of a text's lines, for telling a wrapped line from a short one.
struct LineWidths {
    /// Per line: its width in ems (CJK characters 1, ASCII ½), indentation included, and 0
    /// for a blank line.
    width: Vec<f32>,
    /// Per line: the median width of the lines around it in its block of non-blank lines (up
    /// to [`NEIGHBOURS`] on each side, itself included): the column's width where the text is
    /// wrapped. Only the block counts, so what happens across a blank line never changes a
    /// paragraph (conversion works block by block, see `convert::pieces`).
    column: Vec<f32>,
}

/// How many non-blank lines on each side of a line tell the width of its column.
const NEIGHBOURS: usize = 5;

impl LineWidths {
    fn of(text: &str, lines: &LineIndex) -> LineWidths {
        let width: Vec<f32> = (0..lines.line_count())
            .map(|line| {
                let content = lines.line_content(text, line).map_or("", |range| &text[range.as_range()]);
                if content.trim().is_empty() {
                    0.0
                } else {
                    content.trim_end().chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
                }
            })
            .collect();
        let mut column = vec![0.0; width.len()];
        let mut start = 0;
        while start < width.len() {
            let end = (start..width.len()).find(|&line| width[line] == 0.0).unwrap_or(width.len());
            for (line, column) in column.iter_mut().enumerate().take(end).skip(start) {
                let around = line.saturating_sub(NEIGHBOURS).max(start)..(line + NEIGHBOURS + 1).min(end);
                let mut widths: Vec<f32> = width[around].to_vec();
                widths.sort_by(f32::total_cmp);
                *column = widths[widths.len() / 2];
            }
            start = end + 1;
        }
        LineWidths { width, column }
    }

    /// Whether line `line` runs on into line `next` as a hard wrap: it is full (at least ¾ of
    /// its column and of the next line), and the next line either is full too or ends the
    /// paragraph the way a wrapped paragraph's last line does, with final punctuation. A short
    /// line between wide ones (a headline or subhead above the body, one paragraph per line)
    /// and a wide line above a short unpunctuated one (a headline above its byline or time
    /// stamp) end their paragraphs.
    fn wraps_into(&self, line: usize, next: usize, next_text: &str) -> bool {
        let (width, next_width) = (self.width[line], self.width[next]);
        let full = width >= 0.75 * self.column[line] && width >= 0.75 * next_width;
        full && (next_width >= 0.6 * width || next_text.trim_end().ends_with(PARAGRAPH_FINAL))
    }
}

fn split_paragraphs(text: &str, lines: &LineIndex) -> Vec<Paragraph> {
    let widths = LineWidths::of(text, lines);
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
            if ends_block || opens_block || !widths.wraps_into(paragraph.last_line, line, line_text) {
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

    /// One paragraph per line with no blank lines between: the headline, the byline and the
    /// subhead are narrower than the body lines around them and stay paragraphs of their own.
    #[test]
    fn short_lines_between_wide_ones_are_not_wraps() {
        let text = "北交大實驗室爆炸致死3學生，事前學生舉報稱有30桶鎂粉\n本報記者 張三\n\
                    12月26日上午，北京交通大學東校區2號樓實驗室內學生進行垃圾滲濾液污水處理科研試驗時發生爆炸\n\
                    事故原因\n\
                    據知情人士介紹，事故發生時實驗室內共有6名學生，其中3名學生當場死亡，另外3名學生撤離現場";
        assert_eq!(paragraphs(text).len(), 5, "{:?}", paragraphs(text));
        // A wrapped page keeps its wraps, its last short line included.
        let page = "王毅說，南半球初夏時節，習近平主席\n飛越萬水千山，開啟黨的二十大後首次拉美\n之行。";
        assert_eq!(paragraphs(page).len(), 1);
    }

    #[test]
    fn ascii_words_keep_a_space_across_a_break() {
        assert_eq!(paragraphs("各國出席了APEC\nleaders 會議。"), ["各國出席了APEC leaders 會議。"]);
        assert_eq!(paragraphs("各國出席了APEC\n會議。"), ["各國出席了APEC會議。"]);
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
