//! The English a text itself gives a person: Chinese news prints a foreign name's original
//! spelling in brackets at its first mention (丹尼尔·霍特（Daniel Huot）, 储百亮(Chris Buckley)).
//! That spelling is the person's own, better than any reading back ([`super::transliteration`])
//! or romanisation, so a guessed person followed by a bracketed Latin name takes it as its
//! English, and so do the other mentions of the same name in the document, and mentions of its
//! surname alone (汉森 after 戴夫·汉森（Dave Hanson）). The bracketed Latin itself, and the
//! brackets after places and organisations, are [`super::latin`]'s.
//!
//! Only people no gazetteer lists are glossed so, and only by a bracket that reads as a personal
//! name: one to four capitalised words of Latin letters (with `.`, `-` and apostrophes), not all
//! capitals (an acronym such as NASA or CEO in brackets names something else).

use std::collections::HashMap;
use std::sync::Arc;

use crate::entities::{EntityKind, Mention};
use crate::text::is_han;

/// The description a glossed name carries in the hover.
pub const DESCRIPTION: &str = "as the text itself prints it in brackets";

/// The Latin name in brackets right after `end` in `text` (spaces allowed before the bracket),
/// when it reads as a personal name.
pub fn printed_after(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?.trim_start_matches([' ', '\u{3000}']);
    let inside = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))?;
    let close = inside.find([')', '）'])?;
    let name = inside[..close].trim();
    is_personal_name(name).then_some(name)
}

/// One to four capitalised words of Latin letters, not all capitals, at most 40 bytes.
fn is_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let latin = |c: char| c.is_alphabetic() && !is_han(c);
    name.len() <= 40
        && (1..=4).contains(&words.len())
        && name.chars().any(|c| c.is_lowercase())
        && words.iter().all(|word| {
            word.chars().next().is_some_and(|c| c.is_uppercase() && latin(c))
                && word.chars().all(|c| latin(c) || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// The mentions with the English the text prints for its guessed people (see the module
/// documentation), in the same order.
pub fn apply(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let guessed_person = |m: &Mention| m.is_guess() && m.entity.kind == EntityKind::Person;
    // Name (lookup form) → its English, from every gloss in the document; a name's own gloss
    // first, then a surname taken from a dotted name's gloss.
    let mut glossed: HashMap<&str, String> = HashMap::new();
    let mut surnames: HashMap<&str, String> = HashMap::new();
    for mention in mentions.iter().filter(|m| guessed_person(m)) {
        let Some(english) = printed_after(text, mention.range.end) else {
            continue;
        };
        glossed.entry(mention.key.as_str()).or_insert_with(|| english.to_owned());
        if let (Some((_, surname)), Some(last)) = (mention.key.rsplit_once('·'), english.split_whitespace().last()) {
            surnames.entry(surname).or_insert_with(|| last.to_owned());
        }
    }
    if glossed.is_empty() {
        return mentions;
    }
    let english_of = |key: &str| glossed.get(key).or_else(|| surnames.get(key)).cloned();
    mentions
        .iter()
        .map(|mention| {
            let Some(english) = guessed_person(mention).then(|| english_of(&mention.key)).flatten() else {
                return mention.clone();
            };
            let mut entity = (*mention.entity).clone();
            entity.english = english;
            entity.description = DESCRIPTION.to_owned();
            Mention { entity: Arc::new(entity), ..mention.clone() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_personal_names() {
        fn after(text: &str) -> Option<&str> {
            printed_after(text, 0)
        }
        assert_eq!(after("（Jane Doe）表示"), Some("Jane Doe"));
        assert_eq!(after(" (Jean-Luc Martin) said"), Some("Jean-Luc Martin"));
        assert_eq!(after("(Mary O'Neil)"), Some("Mary O'Neil"));
        assert_eq!(after("(Vít Rakušan)"), Some("Vít Rakušan"));
        assert_eq!(after("（Reuters）"), Some("Reuters"), "a capitalised word after a person is taken as a name");
        // Acronyms, lower-case words, Chinese, numbers, long phrases and unclosed brackets are not.
        for text in
            ["（NASA）", "(CEO)", "(the mayor)", "（音译）", "(1952-2020)", "(A B C D E)", "(Jane Doe", "表示(Jane)"]
        {
            assert_eq!(after(text), None, "{text}");
        }
    }
}
