//! Small text helpers shared by the figure engine and the figure rules.

use crate::text::TextRange;

/// Sentence-final punctuation: a figure rule compares figures within one sentence or across
/// sentences, never across a paragraph boundary unless it says so.
pub const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '；', ';'];

/// The sentence of `text` that holds byte `offset` (sentences end after `。！？；`).
pub fn sentence_at(text: &str, offset: usize) -> TextRange {
    sentence_at_after(text, 0, offset)
}

/// [`sentence_at`] when no sentence starts before byte `from` (`from` itself, or the start of a
/// sentence end there): the look back stops at `from`.
fn sentence_at_after(text: &str, from: usize, offset: usize) -> TextRange {
    let offset = crate::text::floor_char_boundary(text, offset);
    // Byte by byte: every rule asks for sentences, and `str::rfind(&[char])` decoded each
    // character (a seventh of a keystroke's re-analysis). Each sentence end is one ASCII byte or
    // a three-byte character led by E3 or EF, so only those bytes need a closer look.
    let bytes = text.as_bytes();
    let end_at = |i: usize| sentence_end_len(&bytes[i..]);
    let start = (from.min(offset)..offset)
        .rev()
        .find_map(|i| end_at(i).filter(|len| i + len <= offset).map(|len| i + len))
        .unwrap_or(from.min(offset));
    let end = (offset..bytes.len()).find(|&i| end_at(i).is_some()).unwrap_or(text.len());
    TextRange::new(start.min(end), end)
}

/// The sentences of figures met in text order, each found by reading no text twice: a figure in
/// the sentence of the one before is answered at once, and for one further on the look back
/// stops at the end of that sentence. On a paragraph with no sentence end, looking back to the
/// paragraph's start from every figure was quadratic.
#[derive(Default)]
pub struct Sentences {
    /// The paragraph of the last sentence found and that sentence, in its joined text.
    last: Option<(usize, TextRange)>,
}

impl Sentences {
    /// [`sentence_at`] of `offset` in `text`, paragraph `paragraph`'s joined text.
    pub fn at(&mut self, paragraph: usize, text: &str, offset: usize) -> TextRange {
        let offset = crate::text::floor_char_boundary(text, offset);
        let sentence = match self.last {
            Some((p, last)) if p == paragraph && last.start <= offset && offset <= last.end => return last,
            // No sentence starts between the start of the last one and its end, the sentence
            // end at `last.end`.
            Some((p, last)) if p == paragraph && last.end < offset => sentence_at_after(text, last.end, offset),
            _ => sentence_at(text, offset),
        };
        self.last = Some((paragraph, sentence));
        sentence
    }
}

/// The length in bytes of the sentence-final character ([`SENTENCE_END`]) that `bytes` starts
/// with, if it starts with one.
fn sentence_end_len(bytes: &[u8]) -> Option<usize> {
    match bytes.first()? {
        b'!' | b'?' | b';' => Some(1),
        0xE3 | 0xEF => {
            let c = std::str::from_utf8(bytes.get(..3)?).ok()?.chars().next()?;
            SENTENCE_END.contains(&c).then_some(3)
        }
        _ => None,
    }
}

/// True for punctuation and spacing that ends a noun phrase.
pub fn is_break(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '丶'
                | '；'
                | '：'
                | '！'
                | '？'
                | '「'
                | '」'
                | '『'
                | '』'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '—'
                | '…'
                | '·'
                | '・'
                | '【'
                | '】'
        )
}

/// A character's Simplified form by OpenCC's character table (`項` → `项`, `萬` → `万`,
/// `針` → `针`), so figures, units and nouns of the two scripts compare equal. Other characters
/// pass unchanged.
pub fn fold_char(c: char) -> char {
    crate::script::simplified_char(c)
}

/// [`fold_char`] over a string.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Up to `chars` characters of `text` right before byte `at` (a char boundary).
pub fn chars_before(text: &str, at: usize, chars: usize) -> &str {
    let start = text[..at].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i);
    &text[start..at]
}

/// The Han text right after byte `offset`, up to `max` characters, stopping at punctuation.
pub fn noun_after(text: &str, offset: usize, max: usize) -> String {
    text.get(offset..).unwrap_or("").chars().take_while(|&c| !is_break(c) && !c.is_ascii_digit()).take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_nouns() {
        let text = "甲乙。丙丁戊；己";
        let at = text.find('丁').unwrap();
        assert_eq!(&text[sentence_at(text, at).as_range()], "丙丁戊");
        assert_eq!(&text[sentence_at(text, 0).as_range()], "甲乙");
        assert_eq!(noun_after("項合作文件，", 3, 8), "合作文件");
        assert_eq!(fold("六十多項合作文件"), "六十多项合作文件");
    }

    /// The definition the byte scan replaced.
    fn sentence_by_chars(text: &str, offset: usize) -> TextRange {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let start =
            text[..offset].rfind(SENTENCE_END).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
        let end = text[offset..].find(SENTENCE_END).map_or(text.len(), |i| offset + i);
        TextRange::new(start.min(end), end)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Asked in text order (as the figure rules ask), [`Sentences`] finds what
        /// [`sentence_at`] finds.
        #[test]
        fn sentences_in_text_order_are_those_found_alone(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..40),
            mut offsets in proptest::collection::vec((0usize..2, 0usize..200), 0..20),
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            offsets.sort_unstable();
            let mut sentences = Sentences::default();
            for (paragraph, offset) in offsets {
                proptest::prop_assert_eq!(sentences.at(paragraph, &text, offset), sentence_at(&text, offset));
            }
        }

        #[test]
        fn the_byte_scan_finds_the_sentences_the_char_search_finds(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..40),
            offset in 0usize..200,
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(sentence_at(&text, offset), sentence_by_chars(&text, offset));
        }
    }

    /// Sentence ends, and characters that share their lead bytes (E3: 、「」, EF: ，：？ full width).
    const PIECES: &[&str] =
        &["甲", "。", "！", "？", "；", "!", "?", ";", "、", "「", "」", "，", "：", "（", "a", "𠮷", "\n", " "];
}
