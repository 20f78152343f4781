//! The proper-noun subset of CC-CEDICT (CC BY-SA 4.0, MDBG; see `server/data/cedict/NOTICE`),
//! embedded gzip-compressed and parsed on first use.
//!
//! Only headwords of two or more Han characters are used: single characters are surnames and
//! one-character abbreviations (京, 滬, 美) that would mark half the text. Entries that are only
//! a surname, a variant or a cross-reference are skipped. CC-CEDICT does not say what kind of
//! name an entry is; [`guess_kind`] reads it off the English definition.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, OnceLock};

use crate::entities::gazetteer::Gazetteer;
use crate::entities::pinyin::numbered_to_marked;
use crate::entities::{Entity, EntityKind, Source};
use crate::text::is_han;

const CEDICT_GZ: &[u8] = include_bytes!("../../../data/cedict/cedict-proper-nouns.txt.gz");

/// The attribution shown by `zhnews about` and in hovers that quote CC-CEDICT.
pub const ATTRIBUTION: &str = "CC-CEDICT (proper-noun subset, filtered by zhnews), published by MDBG, \
     CC BY-SA 4.0; based on CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski";

/// The release of CC-CEDICT that is embedded.
pub fn release_date() -> &'static str {
    "2023-11-07"
}

/// The CC-CEDICT entries as a gazetteer (decompressed and parsed once, on first use).
pub fn gazetteer() -> &'static Gazetteer {
    static CEDICT: OnceLock<Gazetteer> = OnceLock::new();
    CEDICT.get_or_init(|| {
        let mut text = String::new();
        let decoded = libflate::gzip::Decoder::new(CEDICT_GZ).and_then(|mut decoder| decoder.read_to_string(&mut text));
        if decoded.is_err() {
            return Gazetteer { source: Source::Cedict, ..Gazetteer::default() };
        }
        parse(&text)
    })
}

/// Parses CC-CEDICT lines (`傳統 传统 [chuan2 tong3] /definition/.../`).
pub fn parse(text: &str) -> Gazetteer {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_headword: HashMap<String, usize> = HashMap::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let Some((traditional, simplified, pinyin, definitions)) = split_line(line) else {
            continue;
        };
        if simplified.chars().filter(|&c| is_han(c)).count() < 2 || !simplified.chars().all(|c| is_han(c) || c == '·')
        {
            continue;
        }
        let definitions: Vec<&str> = definitions.iter().copied().filter(|d| !is_reference(d)).collect();
        let Some(first) = definitions.first() else {
            continue;
        };
        if simplified.chars().count() == 2 && is_noise_pair(simplified, &definitions.join("; ")) {
            continue;
        }
        match by_headword.get(simplified) {
            Some(&index) => {
                // A second entry for the same name (another person, another reading): keep the
                // first as the gloss and mention the others.
                let entity = &mut entities[index];
                entity.description.push_str(" | ");
                entity.description.push_str(&definitions.join("; "));
            }
            None => {
                by_headword.insert(simplified.to_owned(), entities.len());
                entities.push(Entity {
                    id: format!("cedict:{simplified}"),
                    kind: guess_kind(&definitions.join("; ")),
                    traditional: traditional.to_owned(),
                    simplified: simplified.to_owned(),
                    aliases: Vec::new(),
                    english: english_name(first),
                    description: definitions.join("; "),
                    pinyin: numbered_to_marked(pinyin),
                    as_of: None,
                    source: Source::Cedict,
                });
            }
        }
    }
    Gazetteer { source: Source::Cedict, entities: entities.into_iter().map(Arc::new).collect(), ignore: Vec::new() }
}

fn split_line(line: &str) -> Option<(&str, &str, &str, Vec<&str>)> {
    let (head, rest) = line.split_once(" [")?;
    let (traditional, simplified) = head.split_once(' ')?;
    let (pinyin, definitions) = rest.split_once("] /")?;
    let definitions = definitions.trim_end().trim_end_matches('/').split('/').filter(|d| !d.is_empty()).collect();
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
    let d = definition.to_ascii_lowercase();
    d.starts_with("surname ")
        || d.starts_with("variant of")
        || d.starts_with("old variant")
        || d.starts_with("see ")
        || d.starts_with("used in ")
        || d.starts_with("cl:")
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
        assert!(cedict.entities.len() > 15_000, "{}", cedict.entities.len());
        let xi = cedict.entities.iter().find(|e| e.simplified == "习近平").unwrap();
        assert_eq!(xi.traditional, "習近平");
        assert_eq!(xi.pinyin, "Xí Jìnpíng");
        assert_eq!(xi.kind, EntityKind::Person);
        let lima = cedict.entities.iter().find(|e| e.simplified == "利马").unwrap();
        assert_eq!(lima.english, "Lima");
        assert_eq!(lima.kind, EntityKind::Place);
    }

    #[test]
    fn lines_are_parsed_and_references_skipped() {
        let text = "# header\n利馬 利马 [Li4 ma3] /Lima, capital of Peru/\n王 王 [Wang2] /surname Wang/\n\
                    新華社 新华社 [Xin1 hua2 she4] /Xinhua News Agency/\n某某 某某 [Mou3 mou3] /see 某[mou3]/\n";
        let parsed = parse(text);
        let names: Vec<(&str, &str, EntityKind)> =
            parsed.entities.iter().map(|e| (e.traditional.as_str(), e.english.as_str(), e.kind)).collect();
        assert_eq!(
            names,
            [("利馬", "Lima", EntityKind::Place), ("新華社", "Xinhua News Agency", EntityKind::Organisation)]
        );
    }
}
