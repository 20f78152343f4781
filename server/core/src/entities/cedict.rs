//! The proper-noun subset of CC-CEDICT (CC BY-SA 4.0, MDBG; see `server/data/cedict/NOTICE`),
//! embedded gzip-compressed and parsed on first use.
//!
//! Only headwords of two or more Han characters are used: single characters are surnames and
//! one-character abbreviations (京, 滬, 美) that would mark half the text. Entries that are only
//! a surname, a variant or a cross-reference are skipped. CC-CEDICT does not say what kind of
//! name an entry is; [`guess_kind`] reads it off the English definition.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::entities::pinyin::numbered_to_marked;
use crate::entities::{Entity, EntityKind, Source};
use crate::text::is_han;

/// The subset as text: `build.rs` decompresses `server/data/cedict/cedict-proper-nouns.txt.gz`
/// at build time, so start-up does not gunzip it (see `benches/entity_index.rs`).
const CEDICT_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/cedict-proper-nouns.txt"));

/// The attribution shown by `zhnews about` and in hovers that quote CC-CEDICT.
pub const ATTRIBUTION: &str = "CC-CEDICT (proper-noun subset, filtered by zhnews), published by MDBG, \
     CC BY-SA 4.0; based on CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski";

/// The release of CC-CEDICT that is embedded.
pub fn release_date() -> &'static str {
    "2023-11-07"
}

/// One headword: the names to match and the dictionary lines it comes from. The [`Entity`] is
/// made from the lines on first use (pinyin with tone marks, kind, English name), so loading
/// the dictionary only splits lines.
#[derive(Debug)]
pub struct Entry<'a> {
    pub traditional: &'a str,
    pub simplified: &'a str,
    /// The first line and the lines of further entries for the same headword.
    line: &'a str,
    more: Vec<&'a str>,
    entity: OnceLock<Arc<Entity>>,
}

impl Entry<'_> {
    /// The entity of this headword (built once).
    pub fn entity(&self) -> &Arc<Entity> {
        self.entity.get_or_init(|| Arc::new(make_entity(self.line, &self.more)))
    }
}

/// The usable entries of a CC-CEDICT text, one per Simplified headword.
#[derive(Debug, Default)]
pub struct Cedict<'a> {
    pub entries: Vec<Entry<'a>>,
}

impl Cedict<'_> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The embedded CC-CEDICT entries (split once, on first use).
pub fn gazetteer() -> &'static Cedict<'static> {
    static CEDICT: OnceLock<Cedict<'static>> = OnceLock::new();
    CEDICT.get_or_init(load)
}

/// Splits the embedded subset (uncached; [`gazetteer`] caches it).
pub fn load() -> Cedict<'static> {
    parse(CEDICT_TEXT)
}

/// Parses CC-CEDICT lines (`傳統 传统 [chuan2 tong3] /definition/.../`), keeping the entries
/// worth matching: two or more Han characters, not only a surname, variant or cross-reference,
/// not a two-character pair news text forms by accident ([`is_noise_pair`]).
pub fn parse(text: &str) -> Cedict<'_> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut by_headword: HashMap<&str, usize> = HashMap::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let Some((traditional, simplified, _, definitions)) = split_line(line) else {
            continue;
        };
        if simplified.chars().filter(|&c| is_han(c)).count() < 2 || !simplified.chars().all(|c| is_han(c) || c == '·')
        {
            continue;
        }
        let mut definitions = definitions.filter(|d| !is_reference(d)).peekable();
        if definitions.peek().is_none() {
            continue;
        }
        if simplified.chars().count() == 2 && is_noise_pair(simplified, &definitions.collect::<Vec<_>>().join("; ")) {
            continue;
        }
        match by_headword.get(simplified) {
            // A second entry for the same name (another person, another reading): the first
            // is the gloss, the others are mentioned.
            Some(&index) => entries[index].more.push(line),
            None => {
                by_headword.insert(simplified, entries.len());
                entries.push(Entry { traditional, simplified, line, more: Vec::new(), entity: OnceLock::new() });
            }
        }
    }
    Cedict { entries }
}

/// The entity of a headword from its first line and the lines of further entries.
fn make_entity(line: &str, more: &[&str]) -> Entity {
    let usable = |line: &str| -> Option<(String, String, String, Vec<String>)> {
        let (traditional, simplified, pinyin, definitions) = split_line(line)?;
        let definitions: Vec<String> = definitions.filter(|d| !is_reference(d)).map(str::to_owned).collect();
        Some((traditional.to_owned(), simplified.to_owned(), pinyin.to_owned(), definitions))
    };
    let Some((traditional, simplified, pinyin, definitions)) = usable(line) else {
        return Entity {
            id: format!("cedict:{line}"),
            kind: EntityKind::Other,
            traditional: String::new(),
            simplified: String::new(),
            aliases: Vec::new(),
            english: String::new(),
            description: String::new(),
            pinyin: String::new(),
            as_of: None,
            source: Source::Cedict,
        };
    };
    let mut description = definitions.join("; ");
    for (_, _, _, others) in more.iter().filter_map(|line| usable(line)) {
        description.push_str(" | ");
        description.push_str(&others.join("; "));
    }
    Entity {
        id: format!("cedict:{simplified}"),
        kind: guess_kind(&definitions.join("; ")),
        english: definitions.first().map(|first| english_name(first)).unwrap_or_default(),
        traditional,
        simplified,
        aliases: Vec::new(),
        description,
        pinyin: numbered_to_marked(&pinyin),
        as_of: None,
        source: Source::Cedict,
    }
}

fn split_line(line: &str) -> Option<(&str, &str, &str, impl Iterator<Item = &str>)> {
    let (head, rest) = line.split_once(" [")?;
    let (traditional, simplified) = head.split_once(' ')?;
    let (pinyin, definitions) = rest.split_once("] /")?;
    let definitions = definitions.trim_end().trim_end_matches('/').split('/').filter(|d| !d.is_empty());
    Some((traditional, simplified, pinyin, definitions))
}

/// Two-character entries that news text forms across word boundaries far more often than it
/// names them (measured on the shared corpus): counties, townships and districts (興和, 大城,
/// 新豐), brands and companies (大發 Daihatsu, 好時 Hershey's), abbreviations (國關, 經合), relations
/// (巴以, 中西, 國共) and X國 country abbreviations (加國 in 增加國際).
fn is_noise_pair(simplified: &str, definitions: &str) -> bool {
    let d = definitions.to_ascii_lowercase();
    let noise = [
        "county",
        "township",
        "district",
        "town ",
        "village",
        "abbr. for",
        "(brand)",
        "company",
        "relations",
        "korean term",
    ];
    // "China and the West", "Chengdu and Chongqing": a pair, not a name ("Zhengzhou, … city and
    // capital of Henan" has a comma first).
    let first = d.split(';').next().unwrap_or("");
    let pair = first.contains(" and ") && !first.contains(',');
    simplified.ends_with('国') || pair || noise.iter().any(|word| d.contains(word))
}

fn is_reference(definition: &str) -> bool {
    let starts = |prefix: &str| definition.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix));
    ["surname ", "variant of", "old variant", "see ", "used in ", "cl:"].into_iter().any(starts)
}

/// The English name: the definition up to its first comma or parenthesis (`Lima, capital of
/// Peru` gives `Lima`).
fn english_name(definition: &str) -> String {
    let cut = definition.find([',', '(', ';']).unwrap_or(definition.len());
    let name = definition[..cut].trim();
    if name.is_empty() { definition.trim().to_owned() } else { name.to_owned() }
}

/// The kind of name a CC-CEDICT definition describes, from its wording.
pub fn guess_kind(definitions: &str) -> EntityKind {
    let d = definitions.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| d.contains(w));
    let lifespan = d.char_indices().any(|(i, c)| {
        c == '(' && d[i + 1..].chars().take_while(|c| c.is_ascii_digit()).count() >= 3 && d[i + 1..].contains('-')
    });
    if lifespan
        || has(&[
            "(name)",
            "emperor",
            "poet",
            "politician",
            "general ",
            "philosopher",
            "writer",
            "novelist",
            "painter",
            "king of",
            "president of",
            "actor",
            "actress",
            "singer",
            "scientist",
        ])
    {
        return EntityKind::Person;
    }
    if has(&[
        "ministry",
        "party",
        "agency",
        "university",
        "company",
        "corporation",
        "organization",
        "organisation",
        "association",
        "bank",
        "council",
        "committee",
        "institute",
        "academy",
        "newspaper",
        "bureau",
        "commission",
        "league",
        "federation",
        "army",
        "administration",
        "department of",
        "college",
        "television",
        "inc.",
    ]) {
        return EntityKind::Organisation;
    }
    if has(&[
        "capital",
        "province",
        "city",
        "county",
        "district",
        "prefecture",
        "river",
        "mountain",
        "lake",
        "island",
        "country",
        "republic",
        "kingdom",
        "sea",
        "ocean",
        "region",
        "state",
        "town",
        "village",
        "peninsula",
        "desert",
        "port",
        "bay",
        "strait",
        "continent",
        "municipality",
        "canal",
        "valley",
        "plateau",
    ]) {
        return EntityKind::Place;
    }
    if has(&["war", "battle", "uprising", "incident", "rebellion", "revolution", "olympic"]) {
        return EntityKind::Event;
    }
    EntityKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_subset_loads() {
        let cedict = gazetteer();
        assert!(cedict.len() > 15_000, "{}", cedict.len());
        let find = |name: &str| cedict.entries.iter().find(|e| e.simplified == name).unwrap().entity();
        let xi = find("习近平");
        assert_eq!(xi.traditional, "習近平");
        assert_eq!(xi.pinyin, "Xí Jìnpíng");
        assert_eq!(xi.kind, EntityKind::Person);
        let lima = find("利马");
        assert_eq!(lima.english, "Lima");
        assert_eq!(lima.kind, EntityKind::Place);
    }

    #[test]
    fn lines_are_parsed_and_references_skipped() {
        let text = "# header\n利馬 利马 [Li4 ma3] /Lima, capital of Peru/\n王 王 [Wang2] /surname Wang/\n\
                    新華社 新华社 [Xin1 hua2 she4] /Xinhua News Agency/\n某某 某某 [Mou3 mou3] /see 某[mou3]/\n\
                    利馬 利马 [Li4 ma3] /Lima, city in Ohio/\n";
        let parsed = parse(text);
        let names: Vec<(String, String, EntityKind)> = parsed
            .entries
            .iter()
            .map(|e| e.entity())
            .map(|e| (e.traditional.clone(), e.english.clone(), e.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("利馬".to_owned(), "Lima".to_owned(), EntityKind::Place),
                ("新華社".to_owned(), "Xinhua News Agency".to_owned(), EntityKind::Organisation)
            ]
        );
        let lima = parsed.entries[0].entity();
        assert_eq!(lima.description, "Lima, capital of Peru | Lima, city in Ohio");
        assert_eq!(lima.pinyin, "Lìmǎ");
    }
}
