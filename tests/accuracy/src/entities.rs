//! Entity hover scoring, as the keyed folder's README defines it: for each person, place and
//! organisation (not `wrapped`), hover the middle character of its first mention on
//! `first_line` through `zhnews_core::hover::hover` (the call behind the server's hover). It
//! is hovered when the hover is not empty, and its English is right when a word of `english`
//! (bracketed parts removed; letters and digits; longer than two letters; not one of a few
//! function words) is a word of the hover. Spurious hovers: every Han character outside all
//! occurrences of the key's names and away from numerals, hovered through the entity provider
//! alone.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::article::{Article, Script};
use crate::keys::{EntitiesKey, EntityEntry};
use zhnews_core::text::is_han;

pub const KINDS: [&str; 3] = ["person", "place", "org"];

#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub entities: usize,
    pub hovered: usize,
    pub english_right: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.entities += other.entities;
        self.hovered += other.hovered;
        self.english_right += other.english_right;
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Spurious {
    /// Han positions outside every keyed name and away from numerals.
    pub positions: usize,
    /// Those that got an entity hover, by the kind the hover claims.
    pub hovered: BTreeMap<String, usize>,
}

impl Spurious {
    pub fn add(&mut self, other: &Spurious) {
        self.positions += other.positions;
        for (kind, n) in &other.hovered {
            *self.hovered.entry(kind.clone()).or_default() += n;
        }
    }

    pub fn total(&self) -> usize {
        self.hovered.values().sum()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    pub file: String,
    pub line: usize,
    pub surface: String,
    pub kind: String,
    pub english: String,
    /// `no hover`, `wrong English` or `not on first_line` (a key that does not match the text).
    pub why: &'static str,
    /// The English the hover gave, when it gave one.
    pub hover: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileResult {
    pub file: String,
    pub script: Script,
    /// By kind (`person`, `place`, `org`).
    pub counts: BTreeMap<String, Counts>,
    pub spurious: Spurious,
    pub misses: Vec<Miss>,
    /// Spurious hovers: `line: surface (kind)`.
    pub spurious_examples: Vec<String>,
}

pub fn score(article: &Article, key: &EntitiesKey) -> FileResult {
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    for entity in key.entities.iter().filter(|e| KINDS.contains(&e.kind.as_str()) && e.wrapped.is_none()) {
        let miss = |why, hover: &str| Miss {
            file: key.file.clone(),
            line: entity.first_line,
            surface: entity.surface.clone(),
            kind: entity.kind.clone(),
            english: entity.english.clone(),
            why,
            hover: hover.to_owned(),
        };
        let Some(offset) = middle_of_first_mention(article, entity) else {
            misses.push(miss("not on first_line", ""));
            continue;
        };
        let counts = counts.entry(entity.kind.clone()).or_default();
        counts.entities += 1;
        let hover = zhnews_core::hover::hover(&article.analysis, offset).map(|h| h.markdown).unwrap_or_default();
        if hover.trim().is_empty() {
            misses.push(miss("no hover", ""));
            continue;
        }
        counts.hovered += 1;
        if english_matches(&entity.english, &hover) {
            counts.english_right += 1;
        } else {
            misses.push(miss("wrong English", &first_line_of(&hover)));
        }
    }
    let (spurious, spurious_examples) = spurious(article, key);
    FileResult { file: key.file.clone(), script: article.script, counts, spurious, misses, spurious_examples }
}

/// The byte offset of the middle character of the surface's first occurrence on its line.
fn middle_of_first_mention(article: &Article, entity: &EntityEntry) -> Option<usize> {
    let (start, line) = article.line(entity.first_line)?;
    let at = line.find(&entity.surface)?;
    let chars: Vec<(usize, char)> = entity.surface.char_indices().collect();
    let (middle, _) = chars.get(chars.len() / 2)?;
    Some(start + at + middle)
}

/// The hover's first line, markup removed, for listing misses.
fn first_line_of(hover: &str) -> String {
    let second = hover.split("\n\n").nth(1).unwrap_or_default();
    second.replace('*', "").chars().take(80).collect()
}

/// Words the English-match rule ignores: they appear in most descriptions.
const FUNCTION_WORDS: [&str; 6] = ["the", "and", "for", "with", "from", "its"];

/// True when a word of `english` longer than two letters appears as a word of `hover`; a name
/// with no such word (`Lu Yu`, `Xi Li`) must appear whole, every word of it.
pub fn english_matches(english: &str, hover: &str) -> bool {
    let hover_words: std::collections::HashSet<String> = words(hover).collect();
    let mut wanted: Vec<String> = words(&without_brackets(english)).collect();
    if wanted.is_empty() {
        wanted = words(english).collect();
    }
    let telling = |word: &String| word.chars().count() > 2 && !FUNCTION_WORDS.contains(&word.as_str());
    if wanted.iter().any(telling) {
        wanted.iter().any(|word| telling(word) && hover_words.contains(word))
    } else {
        !wanted.is_empty() && wanted.iter().all(|word| hover_words.contains(word))
    }
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() || is_han(c)).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// `english` without its bracketed parts (`Leung Chun-ying (CY Leung)` → `Leung Chun-ying`).
fn without_brackets(english: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in english.chars() {
        match c {
            '(' | '（' | '[' => depth += 1,
            ')' | '）' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every Han character outside all occurrences of the key's names (every type, every
/// occurrence) and with no numeral within two characters, hovered with the entity provider.
fn spurious(article: &Article, key: &EntitiesKey) -> (Spurious, Vec<String>) {
    let text = article.text();
    let mut covered = vec![false; text.len() + 1];
    for entity in &key.entities {
        if entity.surface.is_empty() {
            continue;
        }
        for (at, _) in text.match_indices(entity.surface.as_str()) {
            covered[at..at + entity.surface.len()].fill(true);
        }
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut spurious = Spurious::default();
    let mut examples = Vec::new();
    for (i, &(offset, c)) in chars.iter().enumerate() {
        if !is_han(c) || covered[offset] {
            continue;
        }
        let near = &chars[i.saturating_sub(2)..(i + 3).min(chars.len())];
        if near.iter().any(|&(_, c)| is_numeral(c)) {
            continue;
        }
        spurious.positions += 1;
        if let Some(hover) =
            zhnews_core::entities::hover(article.analysis.entities(), article.analysis.document.text(), offset)
        {
            let mention = zhnews_core::entities::mention_at(article.analysis.entities(), text, offset);
            let kind = mention.map_or("other", |m| m.entity.kind.key()).to_owned();
            let surface = &text[hover.range.as_range()];
            if examples.last().is_none_or(|last: &String| !last.ends_with(&format!("{surface} ({kind})"))) {
                examples.push(format!("{}: {surface} ({kind})", article.line_of(offset)));
            }
            *spurious.hovered.entry(kind).or_default() += 1;
        }
    }
    (spurious, examples)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百千万萬亿億两兩".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_matches_a_word_of_the_name_not_a_function_word_or_a_bracket() {
        assert!(english_matches(
            "Leung Chun-ying (CY Leung)",
            "**梁振英** — *Liáng Zhènyīng*\n\n**Leung Chun-ying** · person"
        ));
        assert!(!english_matches("The Hong Kong Polytechnic University", "the hover of something else"));
        assert!(!english_matches("Democratic Party (Hong Kong)", "**香港** Hong Kong · place"));
        assert!(english_matches("Xi Jinping", "**Xi Jinping** · person"));
        assert!(!english_matches("Xi Jinping", "**習近平** — *Xí Jìnpíng*\n\nProbably a person"));
        assert!(english_matches("(uncertain)", "uncertain"));
        assert!(english_matches("Lu Yu", "**卢宇** — *Lú Yǔ*\n\n**Lu Yu** · person"));
        assert!(!english_matches("Lu Yu", "**卢宇** — *Lú Yǔ*\n\n**Lu Xin** · person"));
    }
}
