//! Names printed in Latin letters inside Chinese text, which the dictionaries and the taggers
//! (all of them reading Han characters) never see. Two kinds of text say what such a name is:
//!
//! - A bracket right after a name the analysis found (直布羅陀（Gibraltar）, 宏福苑（Wang Fuk
//!   Court）, 天空实验室(skylab), 州立大学（State University of New York，SUNY）) prints that
//!   name's own Latin form: the Latin is a mention of the same entity, and a guessed place or
//!   organisation takes the printed form as its English (a guessed person already does, in
//!   [`super::gloss`]). A bracket after Chinese the analysis did not recognise gets nothing:
//!   on the development set 9 such brackets held 5 terms (a concept, a printing method, trade
//!   acronyms such as ISV and BOM) and 4 names, and nothing in the text says which.
//! - A word before the name that says what it is: a role noun before a person (研究經理Jitesh
//!   Ubrani, 市長Khan), a trade word before a company (晶片業者Furiosa AI, 電商Shopee), 據 …
//!   報導 around a news outlet (根據ZDnet Korea報導), 嘉賓 before a list of performers. The
//!   name must look like one (capitalised words; a person's not all capitals), so units, codes,
//!   product and tech terms (AI PC, 5G, iPhone 15, km) after other words stay unmarked. A name
//!   so introduced is the same name wherever else the document prints it.
//!
//! A hover on such a name says only what the text says: the Chinese name it glosses, or the
//! word it follows.
//!
//! Measured on the development set (45 articles): 28 new mentions of Latin names, every one a
//! keyed entity (bracketed: 16, after a cue: 12); on the shared seed corpus one, a person
//! after 總監 broken over a line. Keyed first mentions hovered went from 88% to 91%, spurious
//! hovers unchanged.

use std::collections::HashMap;
use std::sync::Arc;

use crate::text::{TextRange, is_han};

use super::normalise::normalise;
use super::tagger::OFFICE_TITLES;
use super::{Entity, EntityKind, Mention, Source, overlapping};

/// Role nouns news puts right before a person's name besides the offices of
/// [`OFFICE_TITLES`] (Simplified lookup form).
const PERSON_CUES: &[&str] = &[
    "副总统",
    "议员",
    "经理",
    "总监",
    "总裁",
    "董事长",
    "执行长",
    "首席执行官",
    "创办人",
    "创始人",
    "领袖",
    "党魁",
    "分析师",
    "研究员",
    "科学家",
    "学者",
    "作家",
    "导演",
    "演员",
    "歌手",
    "教练",
    "球员",
    "律师",
    "医生",
    "主持人",
    "主播",
    "官员",
];

/// Trade words news puts right before a company's name (Simplified lookup form): 晶片業者,
/// 設計業者, 新創, and the 商 of 供應商, 廠商, 電商.
const COMPANY_CUES: &[&str] = &["业者", "商", "新创", "公司", "企业", "车厂", "药厂"];

/// Words before and after a news outlet cited as the source of a report (據 X 報導).
const OUTLET_CUES_BEFORE: &[&str] = &["根据", "据", "引述", "援引", "外媒", "媒体"];
const OUTLET_CUES_AFTER: &[&str] = &["报导", "报道", "的报导", "的报道"];

/// Words before a list of performers (演出嘉賓包括 G-Dragon、Stray Kids…): singers and bands
/// alike, so their kind is left open.
const PERFORMER_CUES: &[&str] = &["嘉宾包括", "嘉宾有", "嘉宾为", "嘉宾", "表演者包括", "阵容包括"];

/// Short words a name in Latin letters may hold uncapitalised (State University of New York).
const LINKING_WORDS: &[&str] = &["of", "and", "the", "for", "de", "du", "la", "le", "von", "van", "der", "den", "on"];

/// How far back (in characters) a cue is looked for: the longest cue.
const CUE_CHARS: usize = 5;

/// A letter of the Latin alphabet, with its accented forms (Vít, Rakušan).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic() && (('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c)))
}

/// A character a word of a Latin name may hold: letters, digits, `.`, `-`, `&` and apostrophes.
fn is_name_char(c: char) -> bool {
    is_latin_letter(c) || c.is_ascii_digit() || matches!(c, '.' | '-' | '&' | '\'' | '’')
}

/// The shape a Latin name must have to be taken for a name of `kind` ([`EntityKind::Other`]
/// for a performer, whose kind the text leaves open).
fn is_name(name: &str, kind: EntityKind, acronyms: bool) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let capitalised = |word: &str| word.chars().next().is_some_and(|c| c.is_uppercase() && is_latin_letter(c));
    let shaped = name.len() <= 60
        && (1..=8).contains(&words.len())
        && words.iter().all(|word| !word.is_empty() && word.chars().all(is_name_char))
        && words.first().is_some_and(|word| word.chars().next().is_some_and(is_latin_letter));
    if !shaped {
        return false;
    }
    let all_capitals = !name.chars().any(char::is_lowercase);
    match kind {
        // Jitesh Ubrani, Khan, Jean-Luc Martin: every word capitalised and no acronym.
        EntityKind::Person => {
            words.len() <= 4 && words.iter().all(|word| capitalised(word) && word.chars().any(char::is_lowercase))
        }
        // One word of lower-case letters (skylab, aespa) only where the text says it is a name.
        _ if words.len() == 1 && name.chars().all(|c| c.is_ascii_lowercase()) => acronyms && name.len() >= 3,
        _ if all_capitals => acronyms && name.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2,
        _ => words.iter().all(|word| {
            capitalised(word)
                || word.chars().next().is_some_and(|c| c.is_ascii_digit())
                || LINKING_WORDS.contains(word)
                || *word == "&"
        }),
    }
}

/// The Latin names in a bracket at the start of `rest` (spaces before it allowed), as offsets
/// into `rest`: the parts of its content between commas, from the first, while each reads as a
/// name (State University of New York，SUNY).
fn bracketed(rest: &str, kind: EntityKind) -> Vec<TextRange> {
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    let Some(open) = trimmed.chars().next().filter(|&c| c == '(' || c == '（') else {
        return Vec::new();
    };
    let inner_start = rest.len() - trimmed.len() + open.len_utf8();
    let inner = &rest[inner_start..];
    let Some(close) = inner.find([')', '）']) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut at = 0;
    for part in inner[..close].split_inclusive([',', '，', ';', '；']) {
        let content = part.trim_end_matches([',', '，', ';', '；']);
        let name = content.trim_matches(' ');
        let start = at + (content.len() - content.trim_start_matches(' ').len());
        at += part.len();
        // A person's bracket may print a party or an office after the name: only the first
        // part is theirs. Acronyms name places and organisations, never people.
        if !is_name(name, kind, kind != EntityKind::Person) || (kind == EntityKind::Person && !names.is_empty()) {
            break;
        }
        names.push(TextRange::new(inner_start + start, inner_start + start + name.len()));
    }
    names
}

/// The description of a Latin name printed in brackets after the Chinese name `surface`.
fn bracket_description(surface: &str) -> String {
    format!("as the text prints it in brackets after {surface}")
}

/// The mentions of the document (in text order, apart) with the Latin names the text prints
/// in brackets after them, the Latin names after a cue, and their later uses (see the module
/// documentation), in text order.
pub fn with_latin_names(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut added: Vec<Mention> = Vec::new();
    // A guessed place's or organisation's lookup form → the English its bracket prints.
    let mut printed: HashMap<String, String> = HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        let kind = mention.entity.kind;
        for range in bracketed(&text[mention.range.end..], kind) {
            let range = TextRange::new(mention.range.end + range.start, mention.range.end + range.end);
            let name = &text[range.as_range()];
            // A mention of the bracket's name already (an acronym of [`super::tickers`]), or one
            // that runs out of it, leaves the bracket alone; one inside it (New York in State
            // University of New York) gives way.
            let taken = mentions[i + 1..].iter().take_while(|m| m.range.start < range.end).any(|m| {
                m.range.end > range.start
                    && (m.range == range || m.range.start < range.start || m.range.end > range.end)
            });
            if taken {
                continue;
            }
            let entity = if mention.is_guess() {
                let acronym = !name.chars().any(char::is_lowercase);
                let mut entity = (*mention.entity).clone();
                if !acronym || entity.english.is_empty() {
                    entity.english = name.to_owned();
                }
                if kind != EntityKind::Person && !acronym {
                    printed.entry(mention.key.clone()).or_insert_with(|| name.to_owned());
                }
                entity.description = bracket_description(&text[mention.range.as_range()]);
                Arc::new(entity)
            } else {
                Arc::clone(&mention.entity)
            };
            added.push(Mention { range, key: name.to_owned(), entity });
        }
    }
    let mut introduced = added.clone();
    let mut out = merge(mentions, added);
    for mention in out.iter_mut() {
        let place_or_org = matches!(mention.entity.kind, EntityKind::Place | EntityKind::Organisation);
        let chinese = text[mention.range.as_range()].chars().any(is_han);
        if let Some(english) = printed.get(&mention.key).filter(|_| chinese && mention.is_guess() && place_or_org) {
            let mut entity = (*mention.entity).clone();
            entity.english = english.clone();
            entity.description = super::gloss::DESCRIPTION.to_owned();
            mention.entity = Arc::new(entity);
        }
    }
    let cued = after_cues(text, &out);
    introduced.extend(cued.iter().cloned());
    let out = merge(out, cued);
    let later = later_uses(text, &introduced, &out);
    merge(out, later)
}

/// `mentions` and `added` in text order, leaving out the mentions inside an added one (the
/// printed name New York inside the bracket's State University of New York).
fn merge(mentions: Vec<Mention>, added: Vec<Mention>) -> Vec<Mention> {
    if added.is_empty() {
        return mentions;
    }
    let covered = |m: &Mention| {
        added.iter().any(|a| a.range != m.range && a.range.start <= m.range.start && m.range.end <= a.range.end)
    };
    let mut out: Vec<Mention> = mentions.into_iter().filter(|m| !covered(m)).collect();
    out.extend(added);
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// The runs of Latin words in `text` (words of name characters, one space apart), as ranges.
/// A word broken with a hyphen at a hard line break (Pat-⏎they) goes on on the next line.
fn latin_runs(text: &str) -> Vec<TextRange> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_name_char(c) {
            if start.is_none() {
                start = Some(at);
            }
            end = at + c.len_utf8();
            continue;
        }
        let joins = match c {
            ' ' => start.is_some() && chars.peek().is_some_and(|&(_, next)| is_name_char(next)),
            '\r' | '\n' if start.is_some() && text[..at].ends_with('-') => {
                let rest = &text[at..];
                let next_line = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix(c)).unwrap_or(rest);
                let goes_on = next_line.chars().next().is_some_and(is_latin_letter);
                if goes_on && next_line.len() + 2 == rest.len() {
                    chars.next();
                }
                goes_on
            }
            _ => false,
        };
        if !joins && let Some(begun) = start.take() {
            runs.push(TextRange::new(begun, end));
        }
    }
    if let Some(begun) = start {
        runs.push(TextRange::new(begun, end));
    }
    runs
}

/// A name as printed, without the hard line breaks inside it.
fn unwrapped(name: &str) -> String {
    name.chars().filter(|&c| c != '\r' && c != '\n').collect()
}

/// Up to [`CUE_CHARS`] Han characters right before `at` (one space between allowed), as
/// printed and in their lookup form.
fn han_before(text: &str, at: usize) -> (String, String) {
    let before = text[..at].strip_suffix(' ').unwrap_or(&text[..at]);
    let chars: Vec<char> = before.chars().rev().take_while(|&c| is_han(c)).take(CUE_CHARS).collect();
    let printed: String = chars.into_iter().rev().collect();
    let lookup = normalise(&printed);
    (printed, lookup)
}

/// The lookup form of up to [`CUE_CHARS`] Han characters right after `at`.
fn han_after(text: &str, at: usize) -> String {
    let after = text[at..].strip_prefix(' ').unwrap_or(&text[at..]);
    normalise(&after.chars().take_while(|&c| is_han(c)).take(CUE_CHARS).collect::<String>())
}

/// The kind a cue around a Latin name gives it, and the cue, for the hover.
fn cue_kind((printed, before): &(String, String), after: &str, name: &str) -> Option<(EntityKind, String)> {
    // The cue as the text prints it (經理 in Traditional text): the lookup form has as many
    // characters.
    let as_printed = |cue: &str| {
        let skip = printed.chars().count() - cue.chars().count();
        printed.chars().skip(skip).collect::<String>()
    };
    let ends = |cues: &[&str]| cues.iter().find(|cue| before.ends_with(**cue)).map(|cue| as_printed(cue));
    if let Some(cue) = ends(OUTLET_CUES_BEFORE).filter(|_| OUTLET_CUES_AFTER.iter().any(|c| after.starts_with(c)))
        && is_name(name, EntityKind::Organisation, true)
    {
        return Some((EntityKind::Organisation, format!("a news outlet cited as the source of a report, after {cue}")));
    }
    if let Some(cue) = ends(PERFORMER_CUES)
        && is_name(name, EntityKind::Other, true)
    {
        return Some((EntityKind::Other, format!("a performer, listed after {cue}")));
    }
    if let Some(cue) = ends(OFFICE_TITLES).or_else(|| ends(PERSON_CUES))
        && is_name(name, EntityKind::Person, false)
    {
        return Some((EntityKind::Person, format!("printed in Latin letters after {cue}")));
    }
    if let Some(cue) = ends(COMPANY_CUES)
        && is_name(name, EntityKind::Organisation, false)
        && name.chars().any(char::is_lowercase)
    {
        return Some((EntityKind::Organisation, format!("a company, printed in Latin letters after {cue}")));
    }
    None
}

/// The Latin names no mention covers that a cue before them (or, for an outlet, around them)
/// names, and the names listed after such a name (A、B和C), which share its cue.
fn after_cues(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let free = |range: TextRange| overlapping(mentions, range).is_none();
    let mut found: Vec<Mention> = Vec::new();
    // The kind and description of the name before, while a list goes on.
    let mut listing: Option<(usize, EntityKind, String)> = None;
    for run in latin_runs(text) {
        let name = &unwrapped(&text[run.as_range()]);
        let gap = listing.as_ref().map(|&(end, ..)| &text[end..run.start]);
        let listed = gap.is_some_and(|gap| matches!(gap, "、" | "和" | "與" | "与" | "及" | "，" | ", "));
        let cue = if listed {
            listing
                .take()
                .map(|(_, kind, description)| (kind, description))
                .filter(|(kind, _)| is_name(name, *kind, true))
        } else {
            cue_kind(&han_before(text, run.start), &han_after(text, run.end), name)
        };
        listing = None;
        let Some((kind, description)) = cue else {
            continue;
        };
        listing = Some((run.end, kind, description.clone()));
        if free(run) {
            found.push(Mention {
                range: run,
                key: name.to_owned(),
                entity: Arc::new(latin_entity(name, kind, description)),
            });
        }
    }
    found
}

/// The entity of a Latin name a cue introduces.
fn latin_entity(name: &str, kind: EntityKind, description: String) -> Entity {
    Entity {
        id: format!("latin:{name}"),
        kind,
        traditional: name.to_owned(),
        simplified: name.to_owned(),
        aliases: Vec::new(),
        english: name.to_owned(),
        description,
        pinyin: String::new(),
        as_of: None,
        source: Source::Cue,
    }
}

/// The later uses of the Latin names `introduced` in brackets or after a cue, as runs of
/// their own that no mention covers.
fn later_uses(text: &str, introduced: &[Mention], mentions: &[Mention]) -> Vec<Mention> {
    if introduced.is_empty() {
        return Vec::new();
    }
    let mut first: HashMap<String, &Mention> = HashMap::new();
    for mention in introduced {
        first.entry(unwrapped(&text[mention.range.as_range()])).or_insert(mention);
    }
    let free = |range: TextRange| overlapping(mentions, range).is_none();
    latin_runs(text)
        .into_iter()
        .filter(|&run| free(run))
        .filter_map(|run| {
            let first = first.get(&unwrapped(&text[run.as_range()]))?;
            let key = first.key.clone();
            (first.range.start < run.start).then(|| Mention { range: run, key, entity: Arc::clone(&first.entity) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::document::Document;
    use crate::entities::{EntityIndex, Options, hover_markdown, recognise};

    /// A guess of `kind` over the first `surface` in `text`, as the taggers would propose it.
    fn guessed(text: &str, surface: &str, kind: EntityKind) -> Mention {
        let start = text.find(surface).expect("surface in text");
        let key = normalise(surface);
        let mut entity = latin_entity(surface, kind, String::new());
        entity.english = String::new();
        entity.source = Source::Model;
        entity.id = format!("guess:{key}");
        Mention { range: TextRange::new(start, start + surface.len()), key, entity: Arc::new(entity) }
    }

    /// Renders the mentions as `surface=kind English (description)`, one per line.
    fn render(text: &str, mentions: &[Mention]) -> String {
        mentions
            .iter()
            .map(|m| {
                let e = &m.entity;
                format!(
                    "{}={} {} ({})",
                    text[m.range.as_range()].escape_debug(),
                    e.kind.key(),
                    e.english,
                    e.description
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The mentions of `text` given the guesses `names` (surface and kind) and the Latin names.
    fn check(text: &str, names: &[(&str, EntityKind)], expect: Expect) {
        let mentions = names.iter().map(|&(surface, kind)| guessed(text, surface, kind)).collect();
        expect.assert_eq(&render(text, &with_latin_names(text, mentions)));
    }

    #[test]
    fn a_bracket_after_a_guessed_place_or_organisation_prints_its_english() {
        check(
            "球隊遷往桑德蘭（Sunderland）後，Sunderland的球迷",
            &[("桑德蘭", EntityKind::Place)],
            expect![[r#"
                桑德蘭=place Sunderland (as the text itself prints it in brackets)
                Sunderland=place Sunderland (as the text prints it in brackets after 桑德蘭)
                Sunderland=place Sunderland (as the text prints it in brackets after 桑德蘭)"#]],
        );
        // The short form after a comma names it too.
        check(
            "他在北方理工学院（Northern Institute of Technology，NIT）任教",
            &[("北方理工学院", EntityKind::Organisation)],
            expect![[r#"
                北方理工学院=org Northern Institute of Technology (as the text itself prints it in brackets)
                Northern Institute of Technology=org Northern Institute of Technology (as the text prints it in brackets after 北方理工学院)
                NIT=org NIT (as the text prints it in brackets after 北方理工学院)"#]],
        );
        // One lower-case word is a name only in a bracket right after one.
        check(
            "「星辰号(stardust)」项目",
            &[("星辰号", EntityKind::Organisation)],
            expect![[r#"
                星辰号=org stardust (as the text itself prints it in brackets)
                stardust=org stardust (as the text prints it in brackets after 星辰号)"#]],
        );
    }

    #[test]
    fn a_bracket_after_a_person_holds_a_personal_name_only() {
        check(
            "發言人韋德·李（Wade Lee）表示",
            &[("韋德·李", EntityKind::Person)],
            expect![[r#"
                韋德·李=person  ()
                Wade Lee=person Wade Lee (as the text prints it in brackets after 韋德·李)"#]],
        );
        // A party, an office or a year after a person is not their name.
        for text in
            ["王大明（KMT）表示", "王大明（1950-2020）表示", "王大明（the mayor）表示", "王大明(Jane Doe，民主党)"]
        {
            let expected = if text.contains("Jane") { 2 } else { 1 };
            let mentions = with_latin_names(text, vec![guessed(text, "王大明", EntityKind::Person)]);
            assert_eq!(mentions.len(), expected, "{text}");
        }
    }

    #[test]
    fn a_bracket_after_a_known_name_gets_its_entity_and_after_unknown_words_nothing() {
        let render_known = |text: &str| {
            let mentions = recognise(&Document::new(text), EntityIndex::builtin(), Options::NONE);
            mentions
                .iter()
                .map(|m| format!("{}={}", &text[m.range.as_range()], m.entity.id))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(render_known("他飛往秘魯（Peru）。"), "秘魯=peru Peru=peru");
        assert_eq!(render_known("他飞往秘鲁（Peru）。"), "秘鲁=peru Peru=peru");
        // Terms in brackets after words no dictionary knows stay unmarked.
        assert_eq!(render_known("深度學習（Deep Learning）與人工智慧（AI）"), "");
    }

    #[test]
    fn a_role_noun_before_a_latin_name_makes_it_a_person() {
        check(
            "研究經理Anna Berg指出，市長Okafor則表示",
            &[],
            expect![[r#"
                Anna Berg=person Anna Berg (printed in Latin letters after 經理)
                Okafor=person Okafor (printed in Latin letters after 市長)"#]],
        );
        check(
            "研究经理Anna Berg指出",
            &[],
            expect!["Anna Berg=person Anna Berg (printed in Latin letters after 经理)"],
        );
        // A name broken at a hard line break goes on on the next line.
        check(
            "全球總監Ana Ber-\ntrand表示",
            &[],
            expect![[r#"Ana Ber-\ntrand=person Ana Ber-trand (printed in Latin letters after 總監)"#]],
        );
        // Acronyms, products and units after a role noun are not people.
        check("經理AI PC，市长iPhone 15，主任CEO表示，教授5G", &[], expect![""]);
    }

    #[test]
    fn trade_words_outlets_and_performers() {
        check(
            "晶片業者Nova Chips表示，另一家業者Quantix跟進；Quantix去年成立",
            &[],
            expect![[r#"
                Nova Chips=org Nova Chips (a company, printed in Latin letters after 業者)
                Quantix=org Quantix (a company, printed in Latin letters after 業者)
                Quantix=org Quantix (a company, printed in Latin letters after 業者)"#]],
        );
        check(
            "据Metro Daily报道，公司CEO表示",
            &[],
            expect!["Metro Daily=org Metro Daily (a news outlet cited as the source of a report, after 据)"],
        );
        check(
            "演出嘉賓包括K-Star、Blue Hour、NOVA與lumen等",
            &[],
            expect![[r#"
                K-Star=name K-Star (a performer, listed after 嘉賓包括)
                Blue Hour=name Blue Hour (a performer, listed after 嘉賓包括)
                NOVA=name NOVA (a performer, listed after 嘉賓包括)
                lumen=name lumen (a performer, listed after 嘉賓包括)"#]],
        );
        // A list with no cue before it (products, units, tech terms) stays unmarked.
        check("新品包括iPhone 15、AI PC、5G模組，容量1 TB、重2 kg，見https://example.com #科技", &[], expect![""]);
    }

    #[test]
    fn the_hover_of_a_latin_name_says_what_the_text_says_about_it() {
        let text = "蘇格蘭工黨領袖Moira Grant表示";
        let mentions = with_latin_names(text, Vec::new());
        assert_eq!(mentions.len(), 1, "{mentions:?}");
        let mention = &mentions[0];
        expect![[r#"
            **Moira Grant**

            Probably a **person** — not in the gazetteer (a Latin name after a word that says what it is, unverified).

            **Moira Grant** — printed in Latin letters after 領袖

            *source: a Latin name after a word that says what it is*"#]]
        .assert_eq(&hover_markdown(mention, &text[mention.range.as_range()]));
    }
}
