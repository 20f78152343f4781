//! The comparable units of one edition: its sentences in script-normalised form, each character
//! with the range of the original text it came from.
//!
//! A paragraph's joined text (hard line breaks removed) is converted to Simplified with OpenCC's
//! `t2s`, which writes one character for each it reads, so the converted characters pair with
//! the original ones; where a conversion changes the count (a phrase rule, a character outside
//! the tables) the two are aligned with a character diff instead, and each converted character
//! of a changed run points at the whole original run. Whitespace is dropped, full-width Latin
//! letters and digits become ASCII and corner quotes become curly quotes, so `「中國熱」` and
//! `“中国热”` read alike. Datelines (`新华社北京11月23日电`, `【大公報訊】據新華社報道：`) and jump
//! lines (`（下转2版）`) are outlet furniture, not the story, and are left out.

use std::sync::LazyLock;

use regex::Regex;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::convert::{Backend, OpenccConfig, converter};
use crate::document::Document;
use crate::numerals::leading_marker;
use crate::outline::{OutlineKind, OutlineNode};
use crate::text::TextRange;

/// What a unit is, for deciding what to report about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Body,
    /// A headline, kicker, subtitle or section head.
    Heading,
    /// A caption or a credit (`▲當地時間…`, `■新华社记者 郝薇薇`, `…摄`): packaging that each
    /// outlet writes its own way.
    Furniture,
}

/// One sentence (or the rest of a paragraph that has no final punctuation).
#[derive(Clone, Debug)]
pub struct Unit {
    /// The normalised characters.
    pub chars: Vec<char>,
    /// For each normalised character, the range of the original document text it stands for.
    pub map: Vec<TextRange>,
    pub paragraph: usize,
    pub kind: UnitKind,
    /// The index of the top-level outline node (story) that holds the unit, if any.
    pub story: Option<usize>,
    /// The value of the numbered section head this unit is or belongs to (`三、` is 3).
    pub section: Option<u64>,
    /// For a numbered section head, the value of its marker.
    pub heading_marker: Option<u64>,
    /// Sorted, deduplicated character bigrams (single characters for one-character units).
    pub grams: Vec<u64>,
}

impl Unit {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The original range of normalised characters `start..end` (not empty).
    pub fn original(&self, start: usize, end: usize) -> TextRange {
        let end = end.max(start + 1).min(self.map.len());
        let start = start.min(end.saturating_sub(1));
        match (self.map.get(start), self.map.get(end.wrapping_sub(1))) {
            (Some(first), Some(last)) => TextRange::new(first.start, last.end.max(first.start)),
            _ => TextRange::empty(0),
        }
    }
}

/// The units of a document: its sentences, paragraph by paragraph, in text order.
pub fn units(document: &Document, outline: &[OutlineNode]) -> Vec<Unit> {
    let headings: Vec<(TextRange, Option<u64>)> = outline
        .iter()
        .flat_map(OutlineNode::walk)
        .filter(|node| !matches!(node.kind, OutlineKind::Point | OutlineKind::Story))
        .map(|node| {
            let marker = (node.kind == OutlineKind::Section).then(|| leading_marker(&node.text)).flatten();
            (node.heading_range, marker.map(|m| m.value))
        })
        .collect();
    let sections: Vec<(TextRange, u64)> = outline
        .iter()
        .flat_map(OutlineNode::walk)
        .filter(|node| node.kind == OutlineKind::Section)
        .filter_map(|node| Some((node.section_range, leading_marker(&node.text)?.value)))
        .collect();
    let stories: Vec<TextRange> = outline.iter().map(|node| node.section_range).collect();
    let mut out = Vec::new();
    for (index, paragraph) in document.paragraphs().iter().enumerate() {
        let raw = &paragraph.joined.text;
        let story = stories.iter().position(|range| range.touches(paragraph.range.start));
        let section_at = |offset: usize| {
            sections
                .iter()
                .filter(|(range, _)| range.touches(offset))
                .min_by_key(|(range, _)| range.len())
                .map(|(_, value)| *value)
        };
        let furniture = is_furniture(raw);
        let chars: Vec<(char, TextRange)> = drop_furniture_spans(normalise(raw))
            .into_iter()
            .map(|(c, range)| (c, paragraph.joined.to_original_range(range)))
            .collect();
        // A heading may share a paragraph with the body below it (a section head glued to its
        // first line): split there.
        let heading_of =
            |range: TextRange| headings.iter().find(|(h, _)| h.start <= range.start && range.start < h.end);
        let mut start = 0;
        while start < chars.len() {
            let heading = heading_of(chars[start].1);
            let end = (start..chars.len())
                .find(|&i| heading_of(chars[i].1).map(|h| h.0) != heading.map(|h| h.0))
                .unwrap_or(chars.len());
            let kind = if heading.is_some() {
                UnitKind::Heading
            } else if furniture {
                UnitKind::Furniture
            } else {
                UnitKind::Body
            };
            let heading_marker = heading.and_then(|(_, marker)| *marker);
            let section = section_at(chars[start].1.start);
            for sentence in split_sentences(&chars[start..end]) {
                let (chars, map): (Vec<char>, Vec<TextRange>) = sentence.iter().copied().unzip();
                if chars.iter().all(|c| !c.is_alphanumeric()) {
                    continue;
                }
                let grams = grams(&chars);
                out.push(Unit { chars, map, paragraph: index, kind, story, section, heading_marker, grams });
            }
            start = end;
        }
    }
    out
}

fn is_furniture(paragraph: &str) -> bool {
    let trimmed = paragraph.trim();
    trimmed.starts_with(['▲', '△', '■', '□', '●', '◆', '◇', '★'])
        || trimmed.ends_with('摄')
        || trimmed.ends_with('攝')
        || trimmed.chars().count() <= 4 && trimmed.ends_with('社')
}

/// The paragraph's characters converted to Simplified and folded, each with its range in the
/// joined text.
pub fn normalise(joined: &str) -> Vec<(char, TextRange)> {
    let original: Vec<(usize, char)> = joined.char_indices().collect();
    let converted = to_simplified(joined);
    let converted: Vec<char> = converted.chars().collect();
    let range_of = |i: usize| {
        let (start, c) = original[i];
        TextRange::new(start, start + c.len_utf8())
    };
    let mut paired: Vec<(char, TextRange)> = Vec::with_capacity(converted.len());
    if converted.len() == original.len() {
        paired.extend(converted.iter().enumerate().map(|(i, &c)| (c, range_of(i))));
    } else {
        let from: Vec<char> = original.iter().map(|&(_, c)| c).collect();
        for op in capture_diff_slices(Algorithm::Myers, &from, &converted) {
            match op {
                DiffOp::Equal { old_index, new_index, len } => {
                    paired.extend((0..len).map(|k| (converted[new_index + k], range_of(old_index + k))));
                }
                DiffOp::Delete { .. } => {}
                DiffOp::Insert { old_index, new_index, new_len }
                | DiffOp::Replace { old_index, new_index, new_len, .. } => {
                    let old_len = match op {
                        DiffOp::Replace { old_len, .. } => old_len,
                        _ => 0,
                    };
                    let at = original.get(old_index).map_or(joined.len(), |&(start, _)| start);
                    let whole = if old_len == 0 {
                        TextRange::empty(at)
                    } else {
                        TextRange::new(range_of(old_index).start, range_of(old_index + old_len - 1).end)
                    };
                    paired.extend((0..new_len).map(|k| (converted[new_index + k], whole)));
                }
            }
        }
    }
    paired.into_iter().filter_map(|(c, range)| fold(c).map(|c| (c, range))).collect()
}

/// One edition's text in Simplified characters; the text as it is when the converter cannot be
/// built. `hk2s` rather than `t2s`: it also reads the Hong Kong standard's variant characters
/// (衞 for 衛, 枱 for 檯) that OpenCC's `s2hk` writes and `t2s` leaves, so a Hong Kong edition
/// converted from a mainland one compares clean (the dev-set test
/// `converted_then_edited_dev_set_articles` found 衞 and 總枱 reported as differences).
pub fn to_simplified(text: &str) -> String {
    converted(OpenccConfig::Hk2s, text)
}

/// `text` converted with `config` on the default backend, or unchanged when that fails.
pub fn converted(config: OpenccConfig, text: &str) -> String {
    converter(Backend::DEFAULT, config)
        .or_else(|_| converter(Backend::Embedded, config))
        .and_then(|c| c.convert(text))
        .unwrap_or_else(|_| text.to_owned())
}

/// Folds a character for comparison: `None` drops it (whitespace, Markdown emphasis).
fn fold(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        '*' | '#' => None,
        '「' => Some('“'),
        '」' => Some('”'),
        '『' => Some('‘'),
        '』' => Some('’'),
        '\u{FF01}'..='\u{FF5E}' if !matches!(c, '（' | '）' | '，' | '：' | '；' | '！' | '？') => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        c => Some(c),
    }
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:【[^】]{1,15}】(?:据[^：:，,。]{1,20}(?:报道|电|消息)[：:，,]?)?",
        r"|[^，,。“”]{1,6}(?:社|网|台|报)[^，,。“”]{0,12}?\d{1,2}月\d{1,2}日(?:电|讯)",
        r"|本报讯(?:[（(][^）)]{0,40}[）)])?)"
    ))
    .expect("valid regex")
});

static JUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(](?:下转|转|上接|接)第?[0-9一二三四五六七八九十A-Z]{1,3}版[）)]").expect("valid regex")
});

/// Whether the joined text ends with a jump line (`（下转2版）`): the story goes on elsewhere.
pub fn continues_elsewhere(joined: &str) -> bool {
    JUMP.find_iter(&to_simplified(joined)).any(|m| m.as_str().contains('转'))
}

/// Drops a leading dateline and every jump line from a paragraph's normalised characters.
fn drop_furniture_spans(chars: Vec<(char, TextRange)>) -> Vec<(char, TextRange)> {
    let text: String = chars.iter().map(|(c, _)| *c).collect();
    let mut dropped: Vec<(usize, usize)> = JUMP.find_iter(&text).map(|m| (m.start(), m.end())).collect();
    if let Some(m) = DATELINE.find(&text) {
        dropped.push((m.start(), m.end()));
    }
    if dropped.is_empty() {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut byte = 0;
    for (c, range) in chars {
        if !dropped.iter().any(|&(start, end)| start <= byte && byte < end) {
            out.push((c, range));
        }
        byte += c.len_utf8();
    }
    out
}

const SENTENCE_FINAL: &[char] = &['。', '！', '？', '!', '?', '；'];
const CLOSING: &[char] = &['”', '’', '）', ')', '"'];

/// Splits at sentence-final punctuation, keeping closing quotes with the sentence they end.
fn split_sentences(chars: &[(char, TextRange)]) -> Vec<&[(char, TextRange)]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if SENTENCE_FINAL.contains(&chars[i].0) {
            let mut end = i + 1;
            while end < chars.len() && (CLOSING.contains(&chars[end].0) || SENTENCE_FINAL.contains(&chars[end].0)) {
                end += 1;
            }
            out.push(&chars[start..end]);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(&chars[start..]);
    }
    out
}

/// The sorted, deduplicated bigrams of `chars` (its characters when it has fewer than two).
pub fn grams(chars: &[char]) -> Vec<u64> {
    let mut grams: Vec<u64> = if chars.len() < 2 {
        chars.iter().map(|&c| c as u64).collect()
    } else {
        chars.windows(2).map(|w| ((w[0] as u64) << 21) | w[1] as u64).collect()
    };
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// The number of grams two sorted lists share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice similarity of two gram lists, 0 to 1.
pub fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * shared(a, b) as f64 / (a.len() + b.len()) as f64
}
