//! The lookup form of a text: every character mapped to one Simplified character, so that
//! 習近平, 习近平, 裏海, 裡海, 里海, 秘魯, 祕魯 and 秘鲁 all have the same key.
//!
//! The map is character for character (OpenCC's `TSCharacters.txt`, first candidate, after
//! folding the Hong Kong and Taiwan variants of `HKVariants.txt` and `TWVariants.txt` back to
//! OpenCC's standard form), so the key of a text has exactly as many characters as the text
//! and every key character points back at one original character. Full-width ASCII letters and
//! digits fold to half-width (ＡＰＥＣ is APEC).

// Looked up once per character of every text: FxHash, not SipHash (no untrusted keys here).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::text::{TextRange, is_han};

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut to_simplified = HashMap::default();
        for (key, first) in pairs(include_str!("../../../data/opencc/TSCharacters.txt")) {
            to_simplified.insert(key, first);
        }
        // Variant tables map OpenCC's standard form to the regional form; invert them.
        let mut map = to_simplified.clone();
        for table in
            [include_str!("../../../data/opencc/HKVariants.txt"), include_str!("../../../data/opencc/TWVariants.txt")]
        {
            for line in table.lines().filter(|line| !line.starts_with('#')) {
                let mut fields = line.split('\t');
                let (Some(standard), Some(variants)) = (fields.next(), fields.next()) else {
                    continue;
                };
                let Some(standard) = single_char(standard) else {
                    continue;
                };
                let target = to_simplified.get(&standard).copied().unwrap_or(standard);
                for variant in variants.split(' ').filter_map(single_char) {
                    if variant != target {
                        map.entry(variant).or_insert(target);
                    }
                }
            }
        }
        map
    })
}

fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// (key, first candidate) for every single-character line of an OpenCC table.
fn pairs(table: &str) -> impl Iterator<Item = (char, char)> + '_ {
    table.lines().filter(|line| !line.starts_with('#')).filter_map(|line| {
        let mut fields = line.split('\t');
        let key = single_char(fields.next()?)?;
        let first = single_char(fields.next()?.split(' ').next()?)?;
        Some((key, first))
    })
}

/// The lookup form of one character.
pub fn normalise_char(c: char) -> char {
    match c {
        // Name separators: 勞爾·雷耶斯, 勞爾．雷耶斯, 勞爾‧雷耶斯.
        '·' | '•' | '．' | '‧' | '・' => '·',
        // Quotation marks: 「一帶一路」 and “一带一路”.
        '「' | '『' | '“' | '‘' => '「',
        '」' | '』' | '”' | '’' => '」',
        // Dashes between names: 中國—中亞, 中國－中亞, 中國-中亞.
        '—' | '－' | '–' => '-',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c if is_han(c) => table().get(&c).copied().unwrap_or(c),
        c => c,
    }
}

/// The lookup form of a whole string (used for gazetteer keys).
pub fn normalise(text: &str) -> String {
    text.chars().map(normalise_char).collect()
}

/// True for the spaces newspaper pages put between the characters of a headline (`习 近 平`).
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{00A0}')
}

/// The lookup form of a text with the way back: spaces between two Han characters (or a digit
/// and a Han character) are left out, everything else maps one character to one character.
#[derive(Clone, Debug, Default)]
pub struct Normalised {
    pub text: String,
    /// For each character of `text`: (its byte start in `text`, the byte range it came from).
    chars: Vec<(usize, TextRange)>,
}

impl Normalised {
    pub fn new(source: &str) -> Normalised {
        let chars: Vec<(usize, char)> = source.char_indices().collect();
        let mut normalised = Normalised { text: String::with_capacity(source.len()), chars: Vec::new() };
        let mut previous_han = false;
        for (index, &(at, c)) in chars.iter().enumerate() {
            if is_gap(c) && previous_han {
                let next = chars[index + 1..].iter().map(|&(_, c)| c).find(|&c| !is_gap(c));
                if next.is_some_and(is_han) {
                    continue;
                }
            }
            // A digit joins the Han character after it too: `77 國集團`.
            previous_han = is_han(c) || c.is_ascii_digit();
            normalised.chars.push((normalised.text.len(), TextRange::new(at, at + c.len_utf8())));
            normalised.text.push(normalise_char(c));
        }
        normalised
    }

    /// The range of `text` that came from a source range, when both its ends fall on characters
    /// kept in `text` (a range starting or ending at a skipped space has none).
    pub fn from_source(&self, range: TextRange) -> Option<TextRange> {
        let first = self.chars.binary_search_by_key(&range.start, |&(_, source)| source.start).ok()?;
        let last = self.chars.partition_point(|&(_, source)| source.end <= range.end).checked_sub(1)?;
        if last < first || self.chars[last].1.end != range.end {
            return None;
        }
        let end = self.chars.get(last + 1).map_or(self.text.len(), |&(at, _)| at);
        Some(TextRange::new(self.chars[first].0, end))
    }

    /// The source range of a range of `text` (both ends on character boundaries).
    pub fn to_source(&self, range: TextRange) -> Option<TextRange> {
        let first = self.chars.binary_search_by_key(&range.start, |&(at, _)| at).ok()?;
        let last = self.chars.partition_point(|&(at, _)| at < range.end).checked_sub(1)?;
        let (start, end) = (self.chars.get(first)?.1.start, self.chars.get(last)?.1.end);
        (start <= end).then(|| TextRange::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_scripts_and_regional_variants_share_a_key() {
        assert_eq!(normalise("習近平"), "习近平");
        assert_eq!(normalise("习近平"), "习近平");
        assert_eq!(normalise("秘魯"), normalise("祕魯"));
        assert_eq!(normalise("秘魯"), "秘鲁");
        assert_eq!(normalise("裏海"), normalise("裡海"));
        assert_eq!(normalise("裏海"), "里海");
        assert_eq!(normalise("ＡＰＥＣ"), "APEC");
        assert_eq!(normalise("𠮷野家"), "𠮷野家");
    }

    #[test]
    fn spaces_between_han_characters_are_skipped() {
        let source = "习 近 平 回到 APEC 会议，77 国集团";
        let normalised = Normalised::new(source);
        assert_eq!(normalised.text, "习近平回到 APEC 会议,77国集团");
        let start = normalised.text.find("近平").unwrap();
        let range = normalised.to_source(TextRange::new(start, start + "近平".len())).unwrap();
        assert_eq!(&source[range.as_range()], "近 平");
        assert_eq!(normalised.from_source(range), Some(TextRange::new(start, start + "近平".len())));
        let apec = source.find("APEC").unwrap();
        let back = normalised.from_source(TextRange::new(apec, apec + 4)).unwrap();
        assert_eq!(&normalised.text[back.as_range()], "APEC");
        assert_eq!(normalised.from_source(TextRange::new(1, 4)), None, "starts at a skipped space");
    }
}
