//! Named entities: who and what a news text names, in either script.
//!
//! Recognition is a longest-leftmost match over each paragraph (hard line breaks joined away,
//! spaces between Han characters skipped) with one Aho-Corasick automaton whose patterns are
//! the *lookup forms* of every known name ([`normalise`]: Traditional, Simplified and the
//! Hong Kong/Taiwan variants share one key, one character for one character, so offsets map
//! back exactly). Names come from layered gazetteers, highest precedence first: workspace,
//! user, curated (`server/data/gazetteer.toml`), CC-CEDICT's proper nouns. Words listed under
//! `ignore` in any gazetteer are patterns too: they swallow the text they match, which is how
//! relational compounds (中美), "X side" forms (中方) and words that merely contain a name
//! (發展中國家 is not 中國) stay unmarked.
//!
//! Beyond the dictionaries, jieba-rs part-of-speech tags on the Simplified lookup form propose
//! unknown people, places and organisations ([`tagger`]), once the tagger has loaded. Baidu's
//! LAC model ([`lac`]) proposes them too, in a pass of its own after the analysis
//! ([`crate::Analysis::add_model_names`]): its names win over jieba's guesses where they
//! overlap. On the development set its places and organisations (cut after a known place they
//! begin with) took hovered places from 64% to 88% and organisations from 41% to 66%, for
//! spurious hovers 0.4% -> 0.9% of non-name positions, English unchanged; filtering them by
//! jieba's dictionary of common words lost more names the model had right in context (蘋果
//! Apple, 小米, 北大) than it removed spurious ones.
//! Both load lazily, and the analysis works without them. Guessed people get English made for
//! them: a romanisation of a Chinese name ([`romanise`]), a foreign name in transliteration read
//! back through a table of common foreign names ([`transliteration`]), or, best, the spelling
//! the text prints in brackets after the name ([`gloss`]). Names printed in Latin letters get
//! the entity of the Chinese name they follow in brackets, or a kind from the word before them
//! (研究經理Jitesh Ubrani, 業者DeepX: [`latin`]).
//!
//! Architecture Invariant: this module does no I/O. Gazetteer files arrive as text.

mod bylines;
pub mod cedict;
pub mod compose;
pub mod config;
mod entity;
pub mod gazetteer;
pub mod gloss;
pub mod lac;
mod latin;
mod name_words;
pub mod normalise;
mod outlet_titles;
pub mod pinyin;
pub mod romanise;
mod suffix_names;
pub mod tagger;
mod tickers;
pub mod transliteration;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::document::Document;
use crate::text::{TextRange, is_han};

pub use entity::{Entity, EntityKind, Mention, Source, overlapping};
pub use gazetteer::Gazetteer;
pub use normalise::{Normalised, normalise};

#[derive(Clone)]
enum Target {
    Entity(Arc<Entity>),
    /// An entry of the embedded CC-CEDICT, by index: its entity is made on first use.
    Cedict(u32),
    /// A word from an `ignore` list: matched so that it hides the names inside it.
    Ignore,
}

impl Target {
    fn entity(&self) -> Option<Arc<Entity>> {
        match self {
            Target::Entity(entity) => Some(entity.clone()),
            Target::Cedict(index) => cedict::gazetteer().entries.get(*index as usize).map(|e| e.entity().clone()),
            Target::Ignore => None,
        }
    }
}

/// The automaton over every known name, built from gazetteer layers.
///
/// It is a character-wise double-array Aho-Corasick automaton (`daachorse`): on the 20,000
/// keys of CC-CEDICT and the curated gazetteer it builds faster than `aho-corasick`'s NFAs
/// (`benches/entity_index.rs`), and start-up builds it.
pub struct EntityIndex {
    /// Unique per index built: what names an index in [`crate::incremental`]'s cache.
    id: u64,
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// What each pattern stands for, and the precedence of the layer it came from.
    targets: Vec<(Target, Source)>,
    ignored: std::collections::HashSet<String>,
}

impl std::fmt::Debug for EntityIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityIndex").field("patterns", &self.targets.len()).finish()
    }
}

/// True for keys worth matching: two or more Han characters, or an ASCII acronym of two or more
/// characters (APEC, G20); single characters (美, 京) are abbreviations used inside compounds.
fn matchable(key: &str) -> bool {
    let han = key.chars().filter(|&c| is_han(c)).count();
    han >= 2 || (han == 0 && key.chars().count() >= 2 && key.chars().any(|c| c.is_ascii_alphabetic()))
}

impl EntityIndex {
    /// Builds the index from gazetteer layers without CC-CEDICT; `layers` in any order,
    /// precedence comes from each layer's source.
    pub fn build(layers: &[&Gazetteer]) -> EntityIndex {
        EntityIndex::build_with(None, layers)
    }

    /// Builds the index from CC-CEDICT (the lowest layer) and gazetteer layers.
    pub fn build_with(cedict: Option<&cedict::Cedict<'_>>, layers: &[&Gazetteer]) -> EntityIndex {
        let mut layers: Vec<&Gazetteer> = layers.to_vec();
        layers.sort_by_key(|layer| layer.source);
        let mut keys: HashMap<String, (Source, Target)> = HashMap::new();
        let mut ignored: HashMap<String, Source> = HashMap::new();
        for (index, entry) in cedict.iter().flat_map(|c| c.entries.iter()).enumerate() {
            let Ok(index) = u32::try_from(index) else { break };
            for name in [entry.traditional, entry.simplified] {
                let key = normalise(name.trim());
                if matchable(&key) {
                    keys.entry(key).or_insert((Source::Cedict, Target::Cedict(index)));
                }
            }
        }
        for layer in &layers {
            ignored.extend(layer.ignore.iter().map(|word| (normalise(word), layer.source)));
            for entity in &layer.entities {
                let names = [&entity.traditional, &entity.simplified].into_iter().chain(entity.aliases.iter());
                for name in names {
                    let key = normalise(name.trim());
                    if !matchable(&key) {
                        continue;
                    }
                    match keys.get(&key) {
                        Some((source, _)) if *source >= layer.source => {}
                        _ => {
                            keys.insert(key, (layer.source, Target::Entity(entity.clone())));
                        }
                    }
                }
                // Chinese news prints many names as their owners do (NASA, Facebook): a
                // curated entity's English name, when it reads as a printed name, finds it
                // too, after every Chinese name.
                if printed_latin_name(&entity.english) {
                    for form in printed_forms(entity.english.trim()) {
                        let key = normalise(&form);
                        if matchable(&key) {
                            keys.entry(key).or_insert((layer.source, Target::Entity(entity.clone())));
                        }
                    }
                }
            }
        }
        let mut patterns: Vec<String> = Vec::with_capacity(keys.len() + ignored.len());
        let mut targets = Vec::with_capacity(keys.len() + ignored.len());
        for (word, source) in &ignored {
            patterns.push(word.clone());
            targets.push((Target::Ignore, *source));
        }
        for (key, (source, target)) in keys {
            if ignored.contains_key(&key) {
                continue;
            }
            patterns.push(key);
            targets.push((target, source));
        }
        let values = (0u32..).zip(patterns.iter()).map(|(value, pattern)| (pattern.as_str(), value));
        let automaton =
            if patterns.is_empty() { None } else { CharwiseDoubleArrayAhoCorasick::with_values(values).ok() };
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        EntityIndex { id, automaton, targets, ignored: ignored.into_keys().collect() }
    }

    /// Curated gazetteer plus CC-CEDICT, built once.
    pub fn builtin() -> &'static Arc<EntityIndex> {
        static BUILTIN: OnceLock<Arc<EntityIndex>> = OnceLock::new();
        BUILTIN.get_or_init(|| Arc::new(EntityIndex::build_with(Some(cedict::gazetteer()), &[Gazetteer::curated()])))
    }

    /// The builtin layers plus a user and a workspace gazetteer.
    pub fn with_layers(extra: &[&Gazetteer]) -> EntityIndex {
        let mut layers = vec![Gazetteer::curated()];
        layers.extend_from_slice(extra);
        EntityIndex::build_with(Some(cedict::gazetteer()), &layers)
    }

    /// The names of a lookup text without overlaps. Every pattern occurrence is a candidate;
    /// a candidate that straddles (overlaps without containing) a candidate from a higher layer
    /// is dropped (有關中國: CC-CEDICT's 關中 loses to the curated 中國), then the longest
    /// candidates win, ties going to the higher layer and then to the leftmost (拉美國家 is
    /// 拉美, not 美國). Candidates that do not stand alone as ASCII words (G200) are dropped.
    ///
    /// `model` are the names the LAC model read in the text, if it ran: a candidate that is
    /// exactly one of them is never dropped for straddling, and wins a tie of length (安徽芜湖南陵县
    /// is 芜湖 | 南陵县 to the model, which read the whole sentence, not the curated 湖南 that
    /// straddles both).
    fn resolve<'a>(&'a self, text: &str, model: &[TextRange]) -> Vec<(TextRange, &'a Target)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut candidates: Vec<(TextRange, &Target, Source)> = automaton
            .find_overlapping_iter(text)
            .filter_map(|found| {
                let range = TextRange::new(found.start(), found.end());
                let (target, source) = self.targets.get(found.value() as usize)?;
                ascii_bounded(text, range).then_some((range, target, *source))
            })
            .collect();
        let straddles =
            |a: TextRange, b: TextRange| a.start < b.end && b.start < a.end && !(a.start <= b.start && b.end <= a.end);
        let read_by_model = |range: TextRange| {
            model.binary_search_by_key(&range.start, |name| name.start).is_ok_and(|at| model[at] == range)
        };
        // Candidates sorted by start; an overlapping one is at most `longest` bytes before.
        candidates.sort_by_key(|&(range, _, _)| (range.start, range.end));
        let longest = candidates.iter().map(|(range, _, _)| range.len()).max().unwrap_or(0);
        let keep: Vec<bool> = (0..candidates.len())
            .map(|i| {
                let (range, _, source) = candidates[i];
                let before =
                    candidates[..i].iter().rev().take_while(|(other, _, _)| other.start + longest > range.start);
                let after = candidates[i + 1..].iter().take_while(|(other, _, _)| other.start < range.end);
                read_by_model(range)
                    || !before
                        .chain(after)
                        .any(|&(other, _, other_source)| other_source > source && straddles(range, other))
            })
            .collect();
        let mut candidates: Vec<_> =
            candidates.into_iter().zip(keep).filter_map(|(c, keep)| keep.then_some(c)).collect();
        candidates.sort_by_key(|&(range, _, source)| {
            (std::cmp::Reverse(range.len()), !read_by_model(range), std::cmp::Reverse(source), range.start)
        });
        let mut taken = vec![false; text.len()];
        let mut chosen: Vec<(TextRange, &Target)> = Vec::new();
        for (range, target, _) in candidates {
            if !taken[range.as_range()].iter().any(|&t| t) {
                taken[range.as_range()].iter_mut().for_each(|t| *t = true);
                chosen.push((range, target));
            }
        }
        chosen.sort_by_key(|(range, _)| range.start);
        chosen
    }

    /// The known names among `chars` (any script; each character is looked up by its lookup
    /// form), as character ranges with their entities, without overlaps: what
    /// [`crate::editions`] compares names with. Words of `ignore` lists hide the names in them.
    pub fn names_in(&self, chars: &[char]) -> Vec<(usize, usize, Arc<Entity>)> {
        let text: String = chars.iter().copied().map(normalise::normalise_char).collect();
        let mut char_at = vec![0usize; text.len() + 1];
        for (n, (byte, c)) in text.char_indices().enumerate() {
            char_at[byte..byte + c.len_utf8()].iter_mut().for_each(|slot| *slot = n);
        }
        char_at[text.len()] = chars.len();
        self.resolve(&text, &[])
            .into_iter()
            .filter_map(|(range, target)| Some((char_at[range.start], char_at[range.end], target.entity()?)))
            .collect()
    }

    /// The entity `name` names as a whole (one known name covering all of its lookup form).
    pub fn entity_named(&self, name: &str) -> Option<Arc<Entity>> {
        let key = normalise(name);
        match self.resolve(&key, &[]).as_slice() {
            [(range, target)] if range.start == 0 && range.end == key.len() => target.entity(),
            _ => None,
        }
    }

    pub fn is_ignored(&self, key: &str) -> bool {
        self.ignored.contains(key)
    }

    /// Different for every index built in this process.
    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn pattern_count(&self) -> usize {
        self.targets.len()
    }
}

/// Options of [`recognise`].
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// The jieba tagger, when it has loaded: adds guesses for names no gazetteer knows.
    pub tagger: Option<&'a tagger::Tagger>,
    /// The LAC model, when it has loaded: adds its names where no dictionary name overlaps,
    /// before jieba's guesses.
    pub model: Option<&'a lac::Lac>,
}

impl Options<'_> {
    /// No guesses: the dictionaries alone.
    pub const NONE: Options<'static> = Options { tagger: None, model: None };
}

/// A name found in one paragraph's joined text, not yet placed in a document.
#[derive(Clone, Debug)]
pub struct Found {
    /// The range in the paragraph's joined text.
    joined: TextRange,
    key: String,
    what: FoundKind,
}

#[derive(Clone, Debug)]
enum FoundKind {
    Known(Arc<Entity>),
    /// A name no dictionary knows, of this kind, proposed by this source.
    Guess(EntityKind, Source),
    /// A place or an organisation the model read that begins with a known person's name (鲁迅 in
    /// 鲁迅故居, 邦德 in 邦德街), the length of that name in the key, and the person: the place is
    /// named after them, and their English is its stem's.
    NamedAfter(EntityKind, usize, Arc<Entity>),
}

/// The names of one paragraph's joined text, in the order [`recognise`] reports them before
/// sorting: a function of that text, the index and the options alone (see
/// [`crate::incremental`]).
pub fn find_in_paragraph(joined: &str, index: &EntityIndex, options: Options<'_>) -> Vec<Found> {
    let names = options.model.map(|model| model_names(model, &[joined]).pop().unwrap_or_default());
    find_with_model(joined, index, options.tagger, names.as_deref())
}

/// [`find_in_paragraph`] with the names the LAC model found in the paragraph given
/// ([`model_names`], ranges in `joined`), not found here: dictionary names first (but see
/// [`gives_way`]), then the model's names where no dictionary name overlaps, then jieba's
/// guesses where neither does.
pub fn find_with_model(
    joined: &str,
    index: &EntityIndex,
    tagger: Option<&tagger::Tagger>,
    model: Option<&[(TextRange, EntityKind)]>,
) -> Vec<Found> {
    let mut found = Vec::new();
    let normalised = Normalised::new(joined);
    let model: Option<Vec<(TextRange, EntityKind)>> = model
        .map(|names| names.iter().filter_map(|&(range, kind)| Some((normalised.from_source(range)?, kind))).collect());
    let read_by_model: Vec<TextRange> = model.iter().flatten().map(|&(range, _)| range).collect();
    let resolved: Vec<(TextRange, Option<Arc<Entity>>)> = index
        .resolve(&normalised.text, &read_by_model)
        .into_iter()
        .map(|(range, target)| (range, target.entity()))
        .collect();
    let resolved = compose::compose(&normalised.text, resolved);
    let mut known: Vec<TextRange> = Vec::new();
    let mut listed_organisations: Vec<TextRange> = Vec::new();
    let mut gave_way: Vec<(TextRange, Arc<Entity>)> = Vec::new();
    for (range, entity) in resolved {
        let Some(entity) = entity else {
            known.push(range);
            continue;
        };
        if gives_way(range, &entity, model.as_deref().unwrap_or_default()) {
            gave_way.push((range, entity));
            continue;
        }
        known.push(range);
        if entity.kind == EntityKind::Organisation && entity.source >= Source::Curated {
            listed_organisations.push(range);
        }
        if let Some(joined) = normalised.to_source(range) {
            let key = normalised.text[range.as_range()].to_owned();
            found.push(Found { joined, key, what: FoundKind::Known(entity) });
        }
    }
    let model = model.map(|names| (names, Source::Model));
    let jieba = tagger.map(|tagger| (tagger.candidates(&normalised.text), Source::Jieba));
    for (candidates, source) in model.into_iter().chain(jieba) {
        for (range, kind) in candidates {
            let range = if source == Source::Model && kind != EntityKind::Person {
                match after_known_prefix(&normalised.text, range, &known) {
                    Some(range) => range,
                    None => continue,
                }
            } else {
                range
            };
            if known.iter().any(|k| k.start < range.end && range.start < k.end) {
                continue;
            }
            let Some(key) = normalised.text.get(range.as_range()) else {
                continue;
            };
            if index.is_ignored(key) || tagger::is_false_positive(key) {
                continue;
            }
            let Some(joined) = normalised.to_source(range) else {
                continue;
            };
            known.push(range);
            let named_after = gave_way.iter().find(|(inner, entity)| {
                inner.start == range.start && entity.kind == EntityKind::Person && kind != EntityKind::Person
            });
            let what = match listed_long_form(index, &normalised.text, range, kind, source, &listed_organisations) {
                Some(entity) => FoundKind::Known(entity),
                None => match named_after {
                    Some((inner, person)) => FoundKind::NamedAfter(kind, inner.len(), person.clone()),
                    None => FoundKind::Guess(kind, source),
                },
            };
            found.push(Found { joined, key: key.to_owned(), what });
        }
    }
    found
}

/// True when a dictionary name at `range` gives way to one of the model's people: it lies
/// across a person's edge (刘晓明报道 holds no 明报, Ming Pao), or, for CC-CEDICT's entries,
/// inside a person (李国庆 is no 国庆, National Day). The model read the name's context; a
/// match of a short dictionary word did not. A name that holds the whole person (习近平 over
/// 近平) keeps its place. Places and organisations of the model never push a dictionary name
/// out (see [`after_known_prefix`]), but for CC-CEDICT's people inside one (赫尔 in 赫尔松,
/// 鲁迅 in 鲁迅故居): a transliteration's fragment, or the person a place is named after.
fn gives_way(range: TextRange, entity: &Entity, model: &[(TextRange, EntityKind)]) -> bool {
    model.iter().any(|&(name, kind)| {
        let overlaps = name.start < range.end && range.start < name.end;
        let holds = range.start <= name.start && name.end <= range.end;
        let inside = name.start <= range.start && range.end <= name.end;
        match kind {
            EntityKind::Person => overlaps && !holds && (!inside || entity.source == Source::Cedict),
            _ => inside && !holds && entity.source == Source::Cedict && entity.kind == EntityKind::Person,
        }
    })
}

/// A place or an organisation of the model that begins with dictionary names, cut to what
/// follows them: 大埔宏福苑 is the district 大埔 (known, with its English) and the estate 宏福苑,
/// 江苏天嘉宜化工有限公司 the province and the company. `None` when nothing of two or more Han
/// characters is left, or a dictionary name lies elsewhere in it.
fn after_known_prefix(text: &str, name: TextRange, known: &[TextRange]) -> Option<TextRange> {
    let mut start = name.start;
    while let Some(prefix) = known.iter().find(|k| k.start == start && k.end < name.end) {
        start = prefix.end;
    }
    let rest = TextRange::new(start, name.end);
    let clear = !known.iter().any(|k| k.start < rest.end && rest.start < k.end);
    (clear && text.get(rest.as_range())?.chars().filter(|&c| is_han(c)).count() >= 2).then_some(rest)
}

/// The words a company's listed name adds to the short form news uses for it (蘋果公司, 小米集團,
/// 統一企業, 吉利汽車).
const COMPANY_WORDS: [&str; 6] = ["公司", "集團", "企業", "汽車", "科技", "控股"];

/// Words of business news: a sentence with one of them is about companies.
const BUSINESS_WORDS: [&str; 31] = [
    "手機",
    "股價",
    "股份",
    "市值",
    "營收",
    "財報",
    "利潤",
    "執行長",
    "首席執行官",
    "總裁",
    "董事長",
    "市占",
    "市佔",
    "份額",
    "出貨",
    "銷量",
    "發布會",
    "發表會",
    "新品",
    "新款",
    "產品",
    "晶片",
    "芯片",
    "筆電",
    "電腦",
    "平板",
    "電動車",
    "品牌",
    "供應鏈",
    "訂單",
    "廠商",
];

/// The listed company an organisation of the model names by its short form, when that short
/// form is also a word and so is listed only in its long form (蘋果 apple, 蘋果公司 Apple;
/// 小米 millet, 小米集團 Xiaomi; 大眾 the public, 大眾汽車 Volkswagen). The model alone is not
/// enough: it tags the fruit in 我買了三斤蘋果 and the millet in 他種了小米和玉米 as
/// organisations too, so the sentence must be about companies as well: it names another listed
/// organisation or has a word of business news (手機, 股價, 出貨). Only names of the curated
/// gazetteer and the user's and workspace's count, not CC-CEDICT's.
fn listed_long_form(
    index: &EntityIndex,
    text: &str,
    range: TextRange,
    kind: EntityKind,
    source: Source,
    listed_organisations: &[TextRange],
) -> Option<Arc<Entity>> {
    if source != Source::Model || kind != EntityKind::Organisation {
        return None;
    }
    let key = text.get(range.as_range())?;
    let entity = COMPANY_WORDS
        .iter()
        .filter_map(|word| index.entity_named(&format!("{key}{word}")))
        .find(|entity| entity.source >= Source::Curated && entity.kind == EntityKind::Organisation)?;
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let start =
        text[..range.start].rfind(ends).map_or(0, |at| at + text[at..].chars().next().map_or(1, char::len_utf8));
    let end = text[range.end..].find(ends).map_or(text.len(), |at| range.end + at);
    let sentence = &text[start..end];
    let other_organisation = listed_organisations.iter().any(|other| start <= other.start && other.end <= end);
    let business = BUSINESS_WORDS.iter().any(|word| sentence.contains(normalise(word).as_str()));
    (other_organisation || business).then_some(entity)
}

/// True for what the model tags as a person but news keys do not count as a name: a surname
/// with a form of address (郭先生, 陳婆婆, 梁太, 老李, 小王), an anonymised name (李某, 朱某勤),
/// or a surname followed by a word the model took into the name (李说, 曹在), seen on the
/// development set's spurious hovers.
fn is_form_of_address(name: &str) -> bool {
    const AFTER: &[&str] =
        &["先生", "女士", "小姐", "太太", "太", "婆婆", "伯", "叔", "姨", "哥", "姐", "姓", "家", "董事", "某"];
    const FUNCTION_WORDS: &[char] =
        &['说', '又', '和', '在', '都', '是', '也', '与', '将', '已', '就', '代', '军', '企'];
    let chars: Vec<char> = name.chars().collect();
    name.contains('某')
        || AFTER.iter().any(|a| name.ends_with(a))
        || (chars.len() == 2 && (matches!(chars[0], '老' | '小' | '阿') || FUNCTION_WORDS.contains(&chars[1])))
}

/// The names the LAC model finds in each paragraph's joined text, the texts run as one batch,
/// with their kinds; ranges in the joined text. People are words it tags `PER` (a middle dot
/// may join the parts of a transliterated name), other than forms of address; places and
/// organisations its `LOC` and `ORG` words; each of two or more Han characters.
///
/// The model reads [`normalise`]d text, one character for one character, spaces kept: a space
/// between two names (`记者 苑苏文 包志明`) is a word boundary to it, where the lookup text
/// of the dictionaries joins them.
pub fn model_names(model: &lac::Lac, joined: &[&str]) -> Vec<Vec<(TextRange, EntityKind)>> {
    let lookups: Vec<String> = joined.iter().map(|text| normalise(text)).collect();
    let lookups: Vec<&str> = lookups.iter().map(String::as_str).collect();
    joined
        .iter()
        .zip(&lookups)
        .zip(model.words_batch(&lookups))
        .map(|((joined, lookup), words)| {
            // Character i of the lookup text is character i of the joined text.
            let starts: Vec<usize> = lookup.char_indices().map(|(at, _)| at).collect();
            let joined_bounds: Vec<usize> = joined.char_indices().map(|(at, _)| at).chain([joined.len()]).collect();
            let to_joined = |at: usize| {
                let index = starts.partition_point(|&start| start < at);
                joined_bounds.get(index).copied()
            };
            let bodies: Vec<TextRange> = suffix_names::body_names(lookup, &words);
            let in_body = |range: TextRange| bodies.iter().any(|b| b.start <= range.start && range.end <= b.end);
            let bodies: Vec<(TextRange, EntityKind)> =
                bodies.iter().map(|&range| (range, EntityKind::Organisation)).collect();
            let mut names: Vec<(TextRange, EntityKind)> = words
                .into_iter()
                .filter(|word| !in_body(word.range))
                .map(|word| (word.range, word.tag))
                .chain(bodies.into_iter().map(|(range, _)| (range, "ORG")))
                .filter_map(|(range, tag)| {
                    let range = if tag == "LOC" { without_location_noun(lookup, range) } else { range };
                    let name = &lookup[range.as_range()];
                    let kind = match tag {
                        "PER" if !is_form_of_address(name) && name.chars().all(|c| is_han(c) || c == '·') => {
                            EntityKind::Person
                        }
                        "LOC" => EntityKind::Place,
                        "ORG" => EntityKind::Organisation,
                        _ => return None,
                    };
                    if name.chars().filter(|&c| is_han(c)).count() < 2 {
                        return None;
                    }
                    Some((TextRange::new(to_joined(range.start)?, to_joined(range.end)?), kind))
                })
                .collect::<Vec<_>>();
            names.sort_by_key(|(range, _)| range.start);
            names
        })
        .collect()
}

/// Nouns of a spot near a place that the model takes into the place's name (岗贝路|街口, the
/// crossing of a road; 南云西街|十字路; a town|一带, its surroundings): no name ends in them.
const LOCATION_NOUNS: &[&str] = &["十字路口", "十字路", "交叉口", "街口", "路口", "一带", "附近", "周边", "沿线"];

/// A place's range without a location noun at its end ([`LOCATION_NOUNS`]) when two Han
/// characters or more stay before it; else the range as it is.
fn without_location_noun(lookup: &str, range: TextRange) -> TextRange {
    let name = &lookup[range.as_range()];
    LOCATION_NOUNS
        .iter()
        .find(|noun| name.ends_with(**noun))
        .map(|noun| TextRange::new(range.start, range.end - noun.len()))
        .filter(|rest| lookup[rest.as_range()].chars().filter(|&c| is_han(c)).count() >= 2)
        .unwrap_or(range)
}

/// The mentions of a document from the names found in each of its paragraphs (in paragraph
/// order), in text order. People guessed get a romanisation for `region` (see [`romanise`]),
/// or the English their transliteration reads back to ([`transliteration`]), or the English
/// the text prints for them in brackets ([`gloss`]).
pub fn place<'a>(
    document: &Document,
    found: impl Iterator<Item = &'a [Found]>,
    region: Option<romanise::Region>,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for (paragraph, found) in document.paragraphs().iter().zip(found) {
        for name in found {
            let range = paragraph.joined.to_original_range(name.joined);
            let entity = match &name.what {
                FoundKind::Known(entity) => entity.clone(),
                FoundKind::Guess(kind, source) => {
                    let surface: String =
                        document.text()[range.as_range()].chars().filter(|c| !c.is_whitespace()).collect();
                    let mut entity = tagger::guess(&surface, &name.key, *kind, region);
                    entity.source = *source;
                    Arc::new(entity)
                }
                FoundKind::NamedAfter(kind, person_len, person) => {
                    let surface: String =
                        document.text()[range.as_range()].chars().filter(|c| !c.is_whitespace()).collect();
                    let mut entity = tagger::guess_named_after(&surface, &name.key, *kind, region, *person_len, person);
                    entity.source = Source::Model;
                    Arc::new(entity)
                }
            };
            mentions.push(Mention { range, key: name.key.clone(), entity });
        }
    }
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    let mentions = tickers::with_bracketed_codes(document.text(), mentions);
    let mentions = with_outlet_titles(document.text(), mentions);
    let mentions = with_byline_names(document.text(), mentions, region);
    let mentions = if region == Some(romanise::Region::HongKong) {
        join_hong_kong_endings(document.text(), mentions)
    } else {
        gloss::apply(document.text(), mentions)
    };
    latin::with_latin_names(document.text(), mentions)
}

/// `mentions` (in text order) and the news outlets named by their titles in 《》
/// ([`outlet_titles`]), in text order. A title takes the place of the names inside it (星島 in
/// 《星島頭條》, 香港 in 《香港01》); a mention of the whole title is kept as it is.
fn with_outlet_titles(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let titles = outlet_titles::outlet_titles(text);
    if titles.is_empty() {
        return mentions;
    }
    let named = |title: TextRange| overlapping(&mentions, title).is_some_and(|m| m.range == title);
    let titles: Vec<TextRange> = titles.into_iter().filter(|&title| !named(title)).collect();
    // Titles are in text order and apart: each mention is inside at most one.
    let inside_a_title = |range: TextRange| {
        let next = titles.partition_point(|title| title.end <= range.start);
        titles.get(next).is_some_and(|title| title.start <= range.start && range.end <= title.end)
    };
    let mut out: Vec<Mention> = titles
        .iter()
        .map(|&range| {
            let surface = &text[range.as_range()];
            let key = normalise(surface);
            let mut entity = tagger::guess(surface, &key, EntityKind::Organisation, None);
            entity.source = Source::Title;
            Mention { range, key, entity: Arc::new(entity) }
        })
        .collect();
    out.extend(mentions.into_iter().filter(|m| !inside_a_title(m.range)));
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// `mentions` (in text order) and the people the document's credits name ([`bylines`]), in
/// text order. A credited name takes the place of the names inside or across it (a pen name
/// such as 菠菜 is a word to the dictionary); a person already found whole is kept as it is.
fn with_byline_names(text: &str, mentions: Vec<Mention>, region: Option<romanise::Region>) -> Vec<Mention> {
    let credited = bylines::byline_names(text);
    if credited.is_empty() {
        return mentions;
    }
    // Both lists are in text order and apart: each look-up is a binary search.
    let kept_whole = |name: TextRange| {
        overlapping(&mentions, name).is_some_and(|m| m.range == name && m.entity.kind == EntityKind::Person)
    };
    let mut out: Vec<Mention> = credited
        .into_iter()
        .filter(|&name| !kept_whole(name))
        .map(|range| {
            let surface = &text[range.as_range()];
            let key = normalise(surface);
            let mut entity = tagger::guess(surface, &key, EntityKind::Person, region);
            if entity.english.is_empty()
                && let Some(english) = bylines::pen_name(&key)
            {
                entity.english = english;
                entity.description =
                    "romanised, not verified (a credited name with no Chinese surname: probably a pen name)".to_owned();
            }
            entity.source = Source::Byline;
            Mention { range, key, entity: Arc::new(entity) }
        })
        .collect();
    let uncredited: Vec<Mention> = mentions.into_iter().filter(|m| overlapping(&out, m.range).is_none()).collect();
    out.extend(uncredited);
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// Hong Kong names the model cuts before their generic ending, joined to it: it reads
/// 大埔社區會堂 as 大埔|社區 (the district known, 會堂 left out), 沙田消防局 as 沙田|消防局 and
/// 廣福社區會堂 as 廣福社區|會堂. A place (known, with its English the romanisation of its name,
/// see [`romanise::is_hong_kong_romanised`]) or a guessed place or organisation, followed in
/// the text by the rest of a Hong Kong ending of two or more characters, becomes one guessed
/// name when the stem before the ending lies within it and has two or three characters
/// (大埔社區會堂 → Tai Po Community Hall). One-character endings (街, 道) are left out: after a
/// district they are more often a word (沙田道路) than a name.
fn join_hong_kong_endings(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mentions: Vec<Mention> =
        mentions.into_iter().flat_map(|mention| split_into_hong_kong_names(text, mention)).collect();
    let mut mentions = mentions.into_iter().peekable();
    while let Some(mention) = mentions.next() {
        let Some((range, kind)) = hong_kong_name_at(text, &mention) else {
            out.push(mention);
            continue;
        };
        let surface: String = text[range.as_range()].chars().filter(|c| !c.is_whitespace()).collect();
        let key = normalise(&surface);
        let mut entity = tagger::guess(&surface, &key, kind, Some(romanise::Region::HongKong));
        if entity.english.is_empty() {
            out.push(mention);
            continue;
        }
        // The model's when it proposed a part (大埔|社區 is its 大埔社區 cut after the district).
        let mut source = mention.is_guess().then_some(mention.entity.source);
        while let Some(swallowed) = mentions.next_if(|next| next.range.start < range.end) {
            source = source.or(swallowed.is_guess().then_some(swallowed.entity.source));
        }
        entity.source = source.unwrap_or(Source::Composed);
        out.push(Mention { range, key, entity: Arc::new(entity) });
    }
    out
}

/// A guessed Hong Kong place or organisation with no English that runs on past a name's ending
/// (安基苑棚網 is the estate 安基苑 and its netting, 宏仁閣及 a block and "and", 宏福苑宏志閣外
/// an estate, one of its blocks and "outside"), cut into the names with an ending it begins
/// with, each the longest that has English; the rest is left out.
fn split_into_hong_kong_names(text: &str, mention: Mention) -> Vec<Mention> {
    let guessed = mention.is_guess() && matches!(mention.entity.kind, EntityKind::Place | EntityKind::Organisation);
    if !guessed || !mention.entity.english.is_empty() {
        return vec![mention];
    }
    let mut names = Vec::new();
    let mut start = mention.range.start;
    'names: while start < mention.range.end {
        let rest = &text[start..mention.range.end];
        let ends: Vec<usize> = rest.char_indices().map(|(at, _)| at).skip(3).chain([rest.len()]).collect();
        for end in ends.into_iter().rev() {
            let part = &rest[..end];
            if !part.chars().all(is_han) {
                continue;
            }
            let key = normalise(part);
            // English is made for a Hong Kong name only when it ends in an ending.
            let mut entity = tagger::guess(part, &key, mention.entity.kind, Some(romanise::Region::HongKong));
            if !entity.english.is_empty() {
                entity.source = mention.entity.source;
                names.push(Mention { range: TextRange::new(start, start + end), key, entity: Arc::new(entity) });
                start += end;
                continue 'names;
            }
        }
        break;
    }
    if names.is_empty() { vec![mention] } else { names }
}

/// The range and kind of the Hong Kong name that `mention` begins (see
/// [`join_hong_kong_endings`]), when it is longer than the mention.
fn hong_kong_name_at(text: &str, mention: &Mention) -> Option<(TextRange, EntityKind)> {
    let stem_fits = match mention.entity.kind {
        EntityKind::Place if !mention.is_guess() => {
            romanise::is_hong_kong_romanised(&mention.key, &mention.entity.english)
        }
        EntityKind::Place | EntityKind::Organisation => mention.is_guess(),
        _ => false,
    };
    if !stem_fits {
        return None;
    }
    let inside = text[mention.range.as_range()].chars().filter(|&c| is_han(c)).count();
    let after: Vec<(usize, char)> =
        text[mention.range.end..].char_indices().take_while(|&(_, c)| is_han(c)).take(5).collect();
    // Longest first: 社區會堂 before 會堂.
    for taken in (1..=after.len()).rev() {
        let (last_at, last) = after[taken - 1];
        let end = mention.range.end + last_at + last.len_utf8();
        let key = normalise(&text[mention.range.start..end]);
        let Some((ending_chars, kind)) = romanise::hong_kong_ending(&key) else {
            continue;
        };
        let stem = (inside + taken).checked_sub(ending_chars)?;
        if (2..=3).contains(&stem) && stem <= inside {
            return Some((TextRange::new(mention.range.start, end), kind));
        }
    }
    None
}

/// Every name in the document, in text order, without overlaps.
pub fn recognise(document: &Document, index: &EntityIndex, options: Options<'_>) -> Vec<Mention> {
    let paragraphs = document.paragraphs();
    let names = options
        .model
        .map(|model| model_names(model, &paragraphs.iter().map(|p| p.joined.text.as_str()).collect::<Vec<_>>()));
    let found: Vec<Vec<Found>> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| find_with_model(&p.joined.text, index, options.tagger, names.as_ref().map(|n| n[i].as_slice())))
        .collect();
    place(document, found.iter().map(Vec::as_slice), region(document, None))
}

/// The region whose romanisation guessed people get: the configured one, else the one the
/// document's script and words suggest ([`romanise::detect`]).
pub fn region(document: &Document, configured: Option<romanise::Region>) -> Option<romanise::Region> {
    configured.or_else(|| romanise::detect(document.text(), document.script_profile().script()))
}

/// True when an English name reads as a name printed in Latin letters (`NASA`, `Facebook`,
/// `Al Jazeera`), not a description: ASCII, capitalised, one to three words, no brackets,
/// commas or apostrophes, and no all-lowercase word but short linking ones (`of`, `and`).
fn printed_latin_name(english: &str) -> bool {
    let words: Vec<&str> = english.split(' ').collect();
    english.is_ascii()
        && (2..=30).contains(&english.len())
        && (1..=3).contains(&words.len())
        && english.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '&' | '.'))
        && words.iter().all(|word| {
            word.chars().next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                || matches!(*word, "of" | "and" | "the" | "for")
        })
}

/// The forms a printed Latin name appears in: as its owner prints it, and, for one word of four
/// or more capitals, capitalised the way British-style newsrooms print acronyms read as words
/// (NASA as Nasa, NATO as Nato, OPPO as Oppo). Shorter ones (IBM, BBC) are spelt out, never
/// written so.
fn printed_forms(english: &str) -> Vec<String> {
    let mut forms = vec![english.to_owned()];
    if english.len() >= 4 && english.chars().all(|c| c.is_ascii_uppercase()) {
        forms.push(english[..1].to_owned() + &english[1..].to_ascii_lowercase());
    }
    forms
}

/// An ASCII name (APEC, G20) must not continue an ASCII word on either side (G200, APECX).
fn ascii_bounded(text: &str, range: TextRange) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric();
    let first_ascii = text[range.as_range()].chars().next().is_some_and(word);
    let last_ascii = text[range.as_range()].chars().next_back().is_some_and(word);
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !(first_ascii && before.is_some_and(word) || last_ascii && after.is_some_and(word))
}

/// The mention at a byte offset. A cursor right after a name still finds it when what follows
/// is not a Han character (punctuation, a space, the end of the line); a position on the Han
/// character after a name is on the next word, not on the name (measured on the development
/// set: the character after a name was 1.5% of hover positions outside every name, each
/// answered with the name before it).
pub fn mention_at<'m>(mentions: &'m [Mention], text: &str, offset: usize) -> Option<&'m Mention> {
    let index = mentions.partition_point(|m| m.range.end < offset);
    let on_han = text.get(offset..).and_then(|rest| rest.chars().next()).is_some_and(crate::text::is_han);
    let mut candidates = mentions[index..].iter().take_while(|m| m.range.start <= offset);
    if on_han { candidates.find(|m| m.range.contains(offset)) } else { candidates.find(|m| m.range.touches(offset)) }
}

/// The hover of a mention, as Markdown.
pub fn hover_markdown(mention: &Mention, surface: &str) -> String {
    let entity = &mention.entity;
    let mut out = String::new();
    // Spaces between Han characters are letter-spacing; between Latin words they are part of
    // the name (Dave Hanson). Line breaks are neither.
    let surface: String = if surface.chars().any(is_han) {
        surface.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        surface.chars().filter(|&c| c != '\r' && c != '\n').collect()
    };
    let (traditional, simplified) = if mention.is_guess() || entity.source == Source::Composed {
        (surface.clone(), entity.simplified.clone())
    } else {
        (entity.traditional.clone(), entity.simplified.clone())
    };
    out.push_str(&format!("**{traditional}**"));
    if simplified != traditional {
        out.push_str(&format!(" · **{simplified}**"));
    }
    if !entity.pinyin.is_empty() {
        out.push_str(&format!(" — *{}*", entity.pinyin));
    }
    out.push_str("\n\n");
    if mention.is_guess() {
        out.push_str(&format!(
            "Probably a **{}** — not in the gazetteer ({}, unverified).",
            entity.kind.label(),
            entity.source.label()
        ));
        if !entity.english.is_empty() {
            out.push_str(&format!("\n\n**{}** — {}", entity.english, entity.description));
        }
    } else {
        if !entity.english.is_empty() {
            out.push_str(&format!("**{}** · {}", entity.english, entity.kind.label()));
        } else {
            out.push_str(entity.kind.label());
        }
        if !entity.description.is_empty() && entity.description != entity.english {
            out.push_str(&format!("\n\n{}", entity.description));
        }
        if !entity.aliases.is_empty() {
            out.push_str(&format!("\n\nAlso: {}", entity.aliases.join("、")));
        }
    }
    let mut footer = vec![format!("source: {}", entity.source.label())];
    if let Some(as_of) = &entity.as_of {
        footer.insert(0, format!("as of {as_of}"));
    }
    if entity.source == Source::Cedict {
        footer.push(format!("CC BY-SA 4.0, release {}", cedict::release_date()));
    }
    out.push_str(&format!("\n\n*{}*", footer.join(" · ")));
    out
}

#[cfg(test)]
mod tests;

/// The entities of a document as the analysis reports them: nothing when `[entities]` is
/// disabled, guesses only once the tagger has loaded.
pub fn analyse(document: &Document, config: &crate::Config, index: &EntityIndex) -> Vec<Mention> {
    if !config.entities.enabled {
        return Vec::new();
    }
    recognise(document, index, options(config))
}

/// The recognition options of an analysis under `config`: jieba's guesses once the tagger has
/// loaded. The LAC model is never part of an analysis (no rule needs its people, and it costs
/// far more than the rest): [`crate::Analysis::add_model_names`] adds them afterwards.
pub fn options(config: &crate::Config) -> Options<'static> {
    if !config.entities.guesses {
        return Options::NONE;
    }
    Options { tagger: tagger::tagger(), model: None }
}

/// The hover for the entity mentioned at `offset` in `text` (a provider in [`crate::hover`]).
pub fn hover(mentions: &[Mention], text: &str, offset: usize) -> Option<crate::hover_info::HoverInfo> {
    let mention = mention_at(mentions, text, offset)?;
    let surface = text.get(mention.range.as_range())?;
    Some(crate::hover_info::HoverInfo { range: mention.range, markdown: hover_markdown(mention, surface) })
}
