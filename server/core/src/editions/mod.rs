//! Editions: two versions of one story (a Hong Kong Traditional edition and a mainland
//! Simplified one, two outlets' rewrites of one wire story) compared with each other.
//!
//! Every difference between two editions is either an edit someone meant or a mistake one of
//! them carries. [`compare`] finds them in four steps:
//!
//! 1. Both editions become [`units::Unit`]s: sentences of script-normalised text (OpenCC `t2s`
//!    on both, whitespace and quote styles folded, datelines and jump lines left out), paragraph
//!    by paragraph across hard line breaks, each character mapped back to the original.
//! 2. Stories pair up: a newspaper page holding several stories (the top-level nodes of
//!    [`crate::outline`]) pairs each with the other edition's story that shares most of its
//!    character bigrams ([`PAIR_CONTAINMENT`]).
//! 3. Sentences align inside each pair of stories ([`align`]), then characters inside each pair
//!    of aligned sentences (a Myers diff from `similar`).
//! 4. Each difference becomes a finding on both editions, each pointing at the other's range:
//!    `edition-figure` (a number or date differs: it overlaps one of the figures engine's
//!    quantities or dates), `edition-name` (a name differs: the run touches a name the
//!    gazetteers know, and the two whole names are not forms of one entity), `edition-text` (a word differs and neither form is a script or
//!    regional variant of the other), `edition-missing` (a sentence or clause one edition lacks,
//!    or numbered sections in a different order).
//!
//! Regional vocabulary is not a difference: a differing run is compared again, with two
//! characters of context on each side, after OpenCC's Taiwan phrase conversion there and back
//! (`s2twp`, then `tw2sp`), which folds 資訊/信息 and 軟體/软件 together, and a short table of
//! regional words OpenCC has no phrase for (品質/质量, 的士/出租车) ([`STANDARD`]).
//!
//! The edition rules need two documents, so they are not in the single-document registry
//! [`crate::rules::RULES`]; their codes, default levels and documentation are in
//! [`crate::rules::EDITION_RULES`] (one file each in `rules/`), and `[rules]` in `zhnews.toml`
//! sets their levels like any other rule's.

pub mod align;
pub mod suggest;
pub mod units;

use std::sync::Arc;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::config::Config;
use crate::convert::OpenccConfig;
use crate::document::Document;
use crate::entities::{Entity, EntityIndex, EntityKind};
use crate::figures::{dates, numbers};
use crate::finding::{Edit, Finding, Fix, Related, Severity};
use crate::outline::outline;
use crate::script::Script;
use crate::text::TextRange;
use align::{Group, MATCH_SIMILARITY};
use units::{Unit, UnitKind, converted, dice, grams, shared};

pub const FIGURE: &str = "edition-figure";
pub const NAME: &str = "edition-name";
pub const TEXT: &str = "edition-text";
pub const MISSING: &str = "edition-missing";

/// The standard both editions are compared in, for messages and reports.
pub const STANDARD: &str = "Simplified (OpenCC hk2s on both editions: t2s that also reads Hong Kong variant characters), with Taiwan, Hong Kong and mainland phrases folded together (s2twp, then tw2sp, then a short table of words OpenCC lacks such as 品質/质量)";

/// A story of one edition pairs with the story of the other that holds at least this share of
/// the smaller one's character bigrams (body text only). Measured over every two stories of
/// different files in the corpus and the development set's articles
/// (`tests/tests/editions_corpus.rs`): 000 and 002's briefing, editions of one story, share
/// 0.93; the highest of all other pairs is 0.62 (000 and 002's short story on the return to
/// Beijing, which retells one sentence of the briefing), then 0.58 (000 and 001, another story of
/// the same visit) and 0.49. The threshold sits between 0.62 and 0.93.
pub const PAIR_CONTAINMENT: f64 = 0.75;

/// An inserted or deleted run with at least this many Han characters is a clause one edition
/// lacks (`edition-missing`), not a word (`edition-text`).
const MISSING_HAN: usize = 6;

/// A finding on one edition, with the ranges of the other edition it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditionFinding {
    pub finding: Finding,
    /// Ranges in the other edition's text.
    pub other: Vec<Related>,
}

/// Two stories found to be editions of each other: their ranges and the share of the smaller
/// one's bigrams the other holds.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPair {
    pub a: TextRange,
    pub b: TextRange,
    pub containment: f64,
}

/// What comparing two editions found.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    pub stories: Vec<StoryPair>,
    /// Findings on the first edition, in text order.
    pub a: Vec<EditionFinding>,
    /// Findings on the second edition, in text order.
    pub b: Vec<EditionFinding>,
}

/// One edition prepared for comparison.
struct Side<'a> {
    document: &'a Document,
    units: Vec<Unit>,
    /// The story ranges (top-level outline nodes; one covering all when there are fewer than two).
    stories: Vec<TextRange>,
    /// The standard its text is written in, for converting the other edition's words.
    to_own_script: Option<OpenccConfig>,
}

impl<'a> Side<'a> {
    fn new(document: &'a Document, config: &Config) -> Side<'a> {
        let nodes = outline(document, &config.outline);
        let mut units = units::units(document, &nodes);
        let stories: Vec<TextRange> = if nodes.len() < 2 {
            units.iter_mut().for_each(|unit| unit.story = Some(0));
            vec![TextRange::new(0, document.text().len())]
        } else {
            // A unit outside every story's range belongs to the story before it.
            let mut last = None;
            for unit in &mut units {
                match unit.story {
                    Some(story) => last = Some(story),
                    None => unit.story = last.or(Some(0)),
                }
            }
            nodes.iter().map(|node| node.section_range).collect()
        };
        let to_own_script = match document.script() {
            Script::Traditional => {
                Some(config.convert.target.map_or(OpenccConfig::S2t, |standard| standard.from_simplified()))
            }
            Script::Simplified => Some(OpenccConfig::T2s),
            Script::Mixed | Script::Neutral => None,
        };
        Side { document, units, stories, to_own_script }
    }

    fn text(&self, range: TextRange) -> &str {
        self.document.text().get(range.as_range()).unwrap_or("")
    }

    fn story_units(&self, story: usize) -> Vec<usize> {
        (0..self.units.len()).filter(|&i| self.units[i].story == Some(story)).collect()
    }

    /// The other edition's wording, written the way this edition writes.
    fn in_own_script(&self, other_text: &str) -> String {
        let simplified = units::to_simplified(other_text);
        match self.to_own_script {
            Some(OpenccConfig::T2s) | None => simplified,
            Some(config) => converted(config, &simplified),
        }
    }
}

/// Compares two editions of a story (or two pages holding editions of some of the same
/// stories), names by the builtin gazetteers. Never panics; the findings' severities follow
/// `config`'s `[rules]`.
pub fn compare(a: &Document, b: &Document, config: &Config) -> Comparison {
    compare_with(a, b, config, EntityIndex::builtin())
}

/// [`compare`] with the names of `index` (the builtin gazetteers and a user's or workspace's):
/// a differing word that is, or is part of, a name is `edition-name` unless both forms name one
/// entity. With `[entities] enabled = false` names are not looked at.
pub fn compare_with(a: &Document, b: &Document, config: &Config, index: &EntityIndex) -> Comparison {
    let index = config.entities.enabled.then_some(index);
    let side_a = Side::new(a, config);
    let side_b = Side::new(b, config);
    let mut out = Comparison::default();
    let mut found = Found::default();
    for (story_a, story_b, containment) in pair_stories(&side_a, &side_b) {
        out.stories.push(StoryPair { a: side_a.stories[story_a], b: side_b.stories[story_b], containment });
        let list_a = side_a.story_units(story_a);
        let list_b = side_b.story_units(story_b);
        let groups = align::align(&side_a.units, &list_a, &side_b.units, &list_b);
        for group in &groups {
            diff_group(group, &side_a, &side_b, index, &mut found);
        }
        for on_b in [false, true] {
            let sides = Sides::new((&side_a, &list_a), (&side_b, &list_b), on_b);
            missing_units(&groups, &sides, &mut found);
            section_order(&sides, &mut found);
        }
    }
    let finish = |findings: Vec<EditionFinding>| {
        let mut findings: Vec<EditionFinding> = findings
            .into_iter()
            .filter_map(|mut f| {
                f.finding.severity = config.rule_severity(f.finding.rule)?;
                Some(f)
            })
            .collect();
        findings.sort_by_key(|f| (f.finding.range.start, f.finding.range.end, f.finding.rule));
        findings.dedup();
        findings
    };
    out.a = finish(found.a);
    out.b = finish(found.b);
    out
}

/// Each story of a document (the top-level outline nodes; the whole text when there are fewer
/// than two) with the bigram set of its body text, for measuring which stories of a set of
/// files are editions of each other ([`containment`] of two sets, against [`PAIR_CONTAINMENT`]).
pub fn story_profiles(document: &Document, config: &Config) -> Vec<(TextRange, Vec<u64>)> {
    let side = Side::new(document, config);
    (0..side.stories.len()).map(|story| (side.stories[story], story_grams(&side, story))).collect()
}

/// Each story of a document (as [`story_profiles`] finds them) with its body text,
/// script-normalised (OpenCC `t2s`, whitespace and quote styles folded, datelines and jump lines
/// left out), its sentences joined by `\n`: what [`suggest`] sketches.
pub fn story_texts(document: &Document, config: &Config) -> Vec<(TextRange, Vec<char>)> {
    let side = Side::new(document, config);
    (0..side.stories.len()).map(|story| (side.stories[story], story_chars(&side, story))).collect()
}

/// The normalised body text of a story, sentences joined by `\n`.
fn story_chars(side: &Side<'_>, story: usize) -> Vec<char> {
    side.units
        .iter()
        .filter(|unit| unit.story == Some(story) && unit.kind == UnitKind::Body)
        .flat_map(|unit| unit.chars.iter().copied().chain(['\n']))
        .collect()
}

/// The bigram set of a story.
fn story_grams(side: &Side<'_>, story: usize) -> Vec<u64> {
    grams(&story_chars(side, story))
}

/// The share of the smaller set's bigrams the other holds.
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 { 0.0 } else { shared(a, b) as f64 / smaller as f64 }
}

/// Pairs stories greedily by containment, best first, each story at most once.
fn pair_stories(a: &Side<'_>, b: &Side<'_>) -> Vec<(usize, usize, f64)> {
    let grams_a: Vec<Vec<u64>> = (0..a.stories.len()).map(|s| story_grams(a, s)).collect();
    let grams_b: Vec<Vec<u64>> = (0..b.stories.len()).map(|s| story_grams(b, s)).collect();
    let mut candidates = Vec::new();
    for (i, ga) in grams_a.iter().enumerate() {
        for (j, gb) in grams_b.iter().enumerate() {
            let score = containment(ga, gb);
            if score >= PAIR_CONTAINMENT {
                candidates.push((i, j, score));
            }
        }
    }
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2));
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for (i, j, score) in candidates {
        if pairs.iter().all(|&(pi, pj, _)| pi != i && pj != j) {
            pairs.push((i, j, score));
        }
    }
    pairs.sort_by_key(|&(i, j, _)| (i, j));
    pairs
}

#[derive(Default)]
struct Found {
    a: Vec<EditionFinding>,
    b: Vec<EditionFinding>,
}

impl Found {
    fn push(&mut self, on_b: bool, finding: EditionFinding) {
        if on_b { self.b.push(finding) } else { self.a.push(finding) }
    }
}

fn finding(
    rule: &'static str,
    range: TextRange,
    message: String,
    other: Vec<Related>,
    fix: Option<Fix>,
) -> EditionFinding {
    let severity = if rule == MISSING { Severity::Info } else { Severity::Warning };
    EditionFinding { finding: Finding { rule, severity, range, message, related: Vec::new(), fix }, other }
}

/// The characters of a group's units on one side, with their original ranges.
fn joined(side: &Side<'_>, list: &[usize]) -> (Vec<char>, Vec<TextRange>) {
    let mut chars = Vec::new();
    let mut map = Vec::new();
    for &i in list {
        chars.extend(&side.units[i].chars);
        map.extend(&side.units[i].map);
    }
    (chars, map)
}

/// Where normalised characters `start..end` are in the original: their range, or for an empty
/// run the position between the characters around it.
fn place(map: &[TextRange], start: usize, end: usize) -> TextRange {
    if start < end && end <= map.len() {
        return TextRange::new(map[start].start, map[end - 1].end.max(map[start].start));
    }
    match (start.checked_sub(1).and_then(|i| map.get(i)), map.get(start)) {
        (Some(before), _) => TextRange::empty(before.end),
        (None, Some(after)) => TextRange::empty(after.start),
        (None, None) => TextRange::empty(0),
    }
}

/// A visible range for a finding: an empty range takes the character before it.
fn visible(side: &Side<'_>, range: TextRange) -> TextRange {
    if !range.is_empty() {
        return range;
    }
    let text = side.document.text();
    let before = text.get(..range.start).and_then(|t| t.chars().next_back());
    match before {
        Some(c) => TextRange::new(range.start - c.len_utf8(), range.start),
        None => {
            let after = text.get(range.start..).and_then(|t| t.chars().next());
            TextRange::new(range.start, range.start + after.map_or(0, char::len_utf8))
        }
    }
}

/// Character ranges of the figures (quantities and dates) in normalised characters.
fn figure_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let text: String = chars.iter().collect();
    let mut char_at = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (byte, c) in text.char_indices() {
        for slot in &mut char_at[byte..byte + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    char_at[text.len()] = n;
    let found_dates = dates::scan(&text);
    let masked: Vec<TextRange> = found_dates.iter().map(|d| d.span.joined).collect();
    let quantities = numbers::scan(&text, &masked);
    masked
        .iter()
        .copied()
        .chain(quantities.iter().map(|q| q.span.joined))
        .filter(|r| r.end <= text.len())
        .map(|r| (char_at[r.start], char_at[r.end]))
        .collect()
}

fn is_han(c: char) -> bool {
    crate::text::is_han(c)
}

fn han_count(chars: &[char]) -> usize {
    chars.iter().filter(|&&c| is_han(c)).count()
}

/// Regional words OpenCC's phrase tables do not fold (Hong Kong and Taiwan form, mainland
/// form, both in Simplified characters): compared as the mainland form.
const REGIONAL_WORDS: &[(&str, &str)] =
    &[("品质", "质量"), ("质素", "质量"), ("的士", "出租车"), ("视像", "视频"), ("资讯", "信息")];

/// Folds Taiwan, Hong Kong and mainland vocabulary together: `s2twp` then `tw2sp`, then
/// [`REGIONAL_WORDS`].
fn fold_phrases(text: &str) -> String {
    let mut folded = converted(OpenccConfig::Tw2sp, &converted(OpenccConfig::S2twp, text));
    for (regional, mainland) in REGIONAL_WORDS {
        folded = folded.replace(regional, mainland);
    }
    folded
}

/// The differing runs of a character diff: (a range, b range), with runs only one character
/// apart merged (势量/声势 is one run, not two).
fn hunks(a: &[char], b: &[char]) -> Vec<((usize, usize), (usize, usize))> {
    let mut out: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        let (ra, rb) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, new_index } => {
                ((old_index, old_index + old_len), (new_index, new_index))
            }
            DiffOp::Insert { old_index, new_index, new_len } => {
                ((old_index, old_index), (new_index, new_index + new_len))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                ((old_index, old_index + old_len), (new_index, new_index + new_len))
            }
        };
        if let Some(last) = out.last_mut()
            && ra.0 <= last.0.1 + 1
            && rb.0 <= last.1.1 + 1
            && ra.0 - last.0.1 == rb.0 - last.1.1
            && (last.0.1..ra.0).all(|i| is_han(a[i]))
        {
            last.0.1 = ra.1;
            last.1.1 = rb.1;
            continue;
        }
        out.push((ra, rb));
    }
    out
}

/// How the differing runs of a hunk stand to the names around them.
enum NameDifference {
    /// Both forms name one entity (三藩市/旧金山): no difference.
    Same,
    /// A name differs: the runs widened to the whole names, and the entities named, if known.
    Different((usize, usize), (usize, usize), Option<Arc<Entity>>, Option<Arc<Entity>>),
}

/// A known name in a group's characters: its character range and its entity.
type Name = (usize, usize, Arc<Entity>);

/// The known names of a group's characters, looked up once, when a hunk needs them.
type Names = Option<Vec<Name>>;

/// True for the entities whose forms are compared as names: people, places, organisations and
/// events. CC-CEDICT's other proper nouns (周四, a weekday) are words.
fn is_name(entity: &Entity) -> bool {
    entity.kind != EntityKind::Other
}

/// The names among `chars`.
fn names_in(index: &EntityIndex, chars: &[char]) -> Vec<Name> {
    index.names_in(chars).into_iter().filter(|(_, _, entity)| is_name(entity)).collect()
}

/// Whether the differing runs `(a0, a1)` and `(b0, b1)` touch a name the gazetteers know in
/// either edition, and if so whether the two forms, widened to whole names over the context
/// both editions share, name one entity. `None`: no name is involved, or the names are part of a
/// longer difference (then the words are compared as words).
fn name_difference(
    index: &EntityIndex,
    (ca, names_a): (&[char], &[Name]),
    (cb, names_b): (&[char], &[Name]),
    (a0, a1): (usize, usize),
    (b0, b1): (usize, usize),
) -> Option<NameDifference> {
    // A name overlaps a run, or holds an empty run strictly inside it.
    let touching = |names: &[Name], s: usize, e: usize| -> Vec<(usize, usize)> {
        names
            .iter()
            .filter(|(ns, ne, _)| if s < e { *ns < e && s < *ne } else { *ns < s && s < *ne })
            .map(|&(ns, ne, _)| (ns, ne))
            .collect()
    };
    let (ta, tb) = (touching(names_a, a0, a1), touching(names_b, b0, b1));
    if ta.is_empty() && tb.is_empty() {
        return None;
    }
    let left =
        ta.iter().map(|&(ns, _)| a0.saturating_sub(ns)).chain(tb.iter().map(|&(ns, _)| b0.saturating_sub(ns))).max()?;
    let right =
        ta.iter().map(|&(_, ne)| ne.saturating_sub(a1)).chain(tb.iter().map(|&(_, ne)| ne.saturating_sub(b1))).max()?;
    if left > a0 || left > b0 || a1 + right > ca.len() || b1 + right > cb.len() {
        return None;
    }
    // The widening must be context both editions share.
    if (1..=left).any(|k| ca[a0 - k] != cb[b0 - k]) || (0..right).any(|k| ca[a1 + k] != cb[b1 + k]) {
        return None;
    }
    let (na, nb) = ((a0 - left, a1 + right), (b0 - left, b1 + right));
    let name_a: String = ca[na.0..na.1].iter().collect();
    let name_b: String = cb[nb.0..nb.1].iter().collect();
    let entity = |name: &str| index.entity_named(name).filter(|entity| is_name(entity));
    match (entity(&name_a), entity(&name_b)) {
        (Some(x), Some(y)) if x.id == y.id => Some(NameDifference::Same),
        (None, None) => None,
        (x, y) => Some(NameDifference::Different(na, nb, x, y)),
    }
}

/// Reports the character differences inside one aligned group.
fn diff_group(group: &Group, side_a: &Side<'_>, side_b: &Side<'_>, index: Option<&EntityIndex>, found: &mut Found) {
    let (ca, map_a) = joined(side_a, &group.a);
    let (cb, map_b) = joined(side_b, &group.b);
    let figures_a = figure_ranges(&ca);
    let figures_b = figure_ranges(&cb);
    let (mut names_a, mut names_b): (Names, Names) = (None, None);
    let mut reported_a: Vec<(usize, usize)> = Vec::new();
    for ((mut a0, mut a1), (mut b0, mut b1)) in hunks(&ca, &cb) {
        let da = &ca[a0..a1];
        let db = &cb[b0..b1];
        if da.iter().chain(db).all(|c| !c.is_alphanumeric()) {
            continue;
        }
        let overlaps = |figures: &[(usize, usize)], s: usize, e: usize| -> Vec<(usize, usize)> {
            figures.iter().copied().filter(|&(fs, fe)| fs < e.max(s + 1) && s < fe).collect()
        };
        let fa = overlaps(&figures_a, a0, a1);
        let fb = overlaps(&figures_b, b0, b1);
        let rule = if !fa.is_empty() || !fb.is_empty() {
            for &(fs, fe) in &fa {
                a0 = a0.min(fs);
                a1 = a1.max(fe);
            }
            for &(fs, fe) in &fb {
                b0 = b0.min(fs);
                b1 = b1.max(fe);
            }
            if reported_a.iter().any(|&(s, e)| s <= a0 && a1 <= e && a0 < a1) {
                continue;
            }
            FIGURE
        } else {
            if is_variant(&ca, &cb, (a0, a1), (b0, b1)) {
                continue;
            }
            let names = index.and_then(|index| {
                let names_a = names_a.get_or_insert_with(|| names_in(index, &ca));
                let names_b = names_b.get_or_insert_with(|| names_in(index, &cb));
                name_difference(index, (&ca, names_a), (&cb, names_b), (a0, a1), (b0, b1))
            });
            match names {
                Some(NameDifference::Same) => continue,
                Some(NameDifference::Different(na, nb, entity_a, entity_b)) => {
                    if reported_a.iter().any(|&(s, e)| s <= na.0 && na.1 <= e && na.0 < na.1) {
                        continue;
                    }
                    reported_a.push(na);
                    let (range_a, range_b) = (place(&map_a, na.0, na.1), place(&map_b, nb.0, nb.1));
                    let (ea, eb) = (entity_a.as_deref(), entity_b.as_deref());
                    report_pair(NAME, side_a, side_b, range_a, range_b, (ea, eb), false, found);
                    report_pair(NAME, side_b, side_a, range_b, range_a, (eb, ea), true, found);
                    continue;
                }
                None => {}
            }
            // One character for one: show it with the character before (之間/之问, not 間/问).
            if a1 - a0 == 1 && b1 - b0 == 1 && a0 > 0 && b0 > 0 && ca[a0 - 1] == cb[b0 - 1] && is_han(ca[a0 - 1]) {
                a0 -= 1;
                b0 -= 1;
            }
            let longer = han_count(&ca[a0..a1]).max(han_count(&cb[b0..b1]));
            if (a0 == a1 || b0 == b1) && longer >= MISSING_HAN { MISSING } else { TEXT }
        };
        reported_a.push((a0, a1));
        let range_a = place(&map_a, a0, a1);
        let range_b = place(&map_b, b0, b1);
        report_pair(rule, side_a, side_b, range_a, range_b, (None, None), false, found);
        report_pair(rule, side_b, side_a, range_b, range_a, (None, None), true, found);
    }
}

/// True when the differing runs are one word written the regional way of each edition.
fn is_variant(a: &[char], b: &[char], (a0, a1): (usize, usize), (b0, b1): (usize, usize)) -> bool {
    // The context shared by both: the equal runs just before and after.
    let left = (1..=3).take_while(|&k| k <= a0 && k <= b0 && a[a0 - k] == b[b0 - k]).count();
    let right = (0..3).take_while(|&k| a1 + k < a.len() && b1 + k < b.len() && a[a1 + k] == b[b1 + k]).count();
    let take = |chars: &[char], s: usize, e: usize| -> String { chars[s..e].iter().collect() };
    let ctx_a = take(a, a0 - left, a1 + right);
    let ctx_b = take(b, b0 - left, b1 + right);
    fold_phrases(&ctx_a) == fold_phrases(&ctx_b)
}

/// Truncates a quotation for a message.
fn quote(text: &str) -> String {
    let flat: String = text.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
    if flat.chars().count() <= 24 {
        flat
    } else {
        let head: String = flat.chars().take(12).collect();
        let tail: String = flat.chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        format!("{head}…{tail}")
    }
}

/// A name as a message shows it: its text and, when the gazetteers know it, its English name.
fn named(text: &str, entity: Option<&Entity>) -> String {
    match entity.filter(|entity| !entity.english.is_empty()) {
        Some(entity) => format!("`{}` ({})", quote(text), entity.english),
        None => format!("`{}`", quote(text)),
    }
}

/// Reports one difference on `this` edition: its range `here`, the other's `there`; for a name,
/// the entities each form names (here, there) when known.
#[allow(clippy::too_many_arguments)]
fn report_pair(
    rule: &'static str,
    this: &Side<'_>,
    other: &Side<'_>,
    here: TextRange,
    there: TextRange,
    (entity_here, entity_there): (Option<&Entity>, Option<&Entity>),
    on_b: bool,
    found: &mut Found,
) {
    let here_text = this.text(here);
    let there_text = other.text(there);
    let there_visible = visible(other, there);
    let own_form = this.in_own_script(there_text);
    let fix = (!here_text.contains(['\n', '\r']) && !own_form.contains(['\n', '\r'])).then(|| Fix {
        title: if here.is_empty() {
            format!("Add the other edition's `{own_form}`")
        } else if own_form.is_empty() {
            format!("Remove `{here_text}` as the other edition does")
        } else {
            format!("Take the other edition's wording: `{own_form}`")
        },
        edits: vec![Edit { range: here, replacement: own_form.clone() }],
        safe: false,
    });
    let (message, note, fix) = match rule {
        FIGURE => (
            format!(
                "figure differs between the editions: `{}` here, `{}` in the other edition",
                quote(here_text),
                quote(there_text)
            ),
            format!("the other edition's figure: `{}`", quote(there_text)),
            fix,
        ),
        NAME => (
            format!(
                "name differs between the editions: {} here, {} in the other edition; not two forms of one name",
                named(here_text, entity_here),
                named(there_text, entity_there)
            ),
            format!("the other edition's name: {}", named(there_text, entity_there)),
            fix,
        ),
        TEXT if here.is_empty() => (
            format!("the other edition has `{}` here, which this edition lacks", quote(there_text)),
            "the other edition's wording".to_owned(),
            fix,
        ),
        TEXT if there.is_empty() => (
            format!("`{}` is not in the other edition", quote(here_text)),
            "where the other edition goes on without it".to_owned(),
            fix,
        ),
        TEXT => (
            format!(
                "`{}` here, `{}` in the other edition; neither is a script or regional variant of the other",
                quote(here_text),
                quote(there_text)
            ),
            "the other edition's wording".to_owned(),
            fix,
        ),
        _ if here.is_empty() => (
            format!(
                "the other edition has {} more characters here: `{}`",
                there_text.chars().filter(|&c| is_han(c)).count(),
                quote(there_text)
            ),
            "the passage this edition lacks".to_owned(),
            None,
        ),
        _ => (
            format!("only in this edition: `{}`", quote(here_text)),
            "where the other edition goes on without it".to_owned(),
            None,
        ),
    };
    let range = visible(this, here);
    found.push(on_b, finding(rule, range, message, vec![Related { range: there_visible, message: note }], fix));
}

/// Two paired stories seen from one edition: `this` (the second edition when `on_b`) is where
/// the findings go, `other` the edition they are compared with; each with its story's units.
struct Sides<'s, 'a> {
    this: &'s Side<'a>,
    other: &'s Side<'a>,
    list: &'s [usize],
    other_list: &'s [usize],
    on_b: bool,
}

impl<'s, 'a> Sides<'s, 'a> {
    fn new(a: (&'s Side<'a>, &'s [usize]), b: (&'s Side<'a>, &'s [usize]), on_b: bool) -> Sides<'s, 'a> {
        let ((this, list), (other, other_list)) = if on_b { (b, a) } else { (a, b) };
        Sides { this, other, list, other_list, on_b }
    }
}

/// Reports units of one side (`b` when `on_b`) that have no counterpart in the other.
fn missing_units(groups: &[Group], sides: &Sides<'_, '_>, found: &mut Found) {
    let Sides { this, other, list, other_list, on_b } = *sides;
    let matched_here = |i: usize| groups.iter().position(|g| if on_b { g.b.contains(&i) } else { g.a.contains(&i) });
    // The other story continues on another page: what comes after the last matched unit here,
    // or in a section numbered beyond the other's last, may be there.
    let other_continues = other_list
        .iter()
        .rev()
        .take(3)
        .any(|&j| units::continues_elsewhere(&other.document.paragraphs()[other.units[j].paragraph].joined.text));
    let last_matched = list.iter().rposition(|&i| matched_here(i).is_some());
    let other_last_section = other_list.iter().filter_map(|&j| other.units[j].heading_marker).max();
    let mut run: Vec<usize> = Vec::new();
    let mut runs: Vec<(Vec<usize>, Option<usize>)> = Vec::new();
    let mut previous_group = None;
    for (position, &i) in list.iter().enumerate() {
        if let Some(group) = matched_here(i) {
            if !run.is_empty() {
                runs.push((std::mem::take(&mut run), previous_group));
            }
            previous_group = Some(group);
            continue;
        }
        let unit = &this.units[i];
        let beyond = other_continues
            && (last_matched.is_none_or(|last| position > last)
                || other_last_section.is_some_and(|last| unit.section.is_some_and(|s| s > last)));
        let elsewhere = other.units.iter().any(|u| dice(&u.grams, &unit.grams) >= MATCH_SIMILARITY);
        if unit.kind != UnitKind::Body || beyond || elsewhere {
            if !run.is_empty() {
                runs.push((std::mem::take(&mut run), previous_group));
            }
            continue;
        }
        if run.last().is_some_and(|&last| this.units[last].paragraph != unit.paragraph) {
            runs.push((std::mem::take(&mut run), previous_group));
        }
        run.push(i);
    }
    if !run.is_empty() {
        runs.push((run, previous_group));
    }
    for (run, previous) in runs {
        let first = &this.units[run[0]];
        let last = &this.units[run[run.len() - 1]];
        let range = TextRange::new(first.original(0, 1).start, last.original(last.map.len() - 1, last.map.len()).end);
        // Where the other edition would have it: after the counterpart of the unit before.
        let there = previous
            .and_then(|g| {
                let units = if on_b { &groups[g].a } else { &groups[g].b };
                let unit = &other.units[*units.last()?];
                Some(unit.original(unit.map.len().saturating_sub(1), unit.map.len()))
            })
            .or_else(|| {
                let unit = &other.units[*other_list.first()?];
                Some(unit.original(0, 1))
            })
            .unwrap_or_else(|| TextRange::empty(0));
        let whole_paragraph = this.document.paragraphs()[first.paragraph].range == range;
        let what = if whole_paragraph {
            "paragraph"
        } else if run.len() > 1 {
            "sentences"
        } else {
            "sentence"
        };
        let message = format!("{what} only in this edition: `{}`", quote(this.text(range)));
        let note = format!("the other edition goes on here without this {what}");
        found.push(on_b, finding(MISSING, range, message, vec![Related { range: there, message: note }], None));
        let lacking =
            format!("the other edition has a {what} here that this edition lacks: `{}`", quote(this.text(range)));
        let note = format!("the {what} this edition lacks");
        let there = visible(other, there);
        found.push(!on_b, finding(MISSING, there, lacking, vec![Related { range, message: note }], None));
    }
}

/// Reports numbered section heads of one side that run out of order where the other's run in
/// order.
fn section_order(sides: &Sides<'_, '_>, found: &mut Found) {
    let Sides { this, other, list, other_list, on_b } = *sides;
    let heads = |side: &Side<'_>, list: &[usize]| -> Vec<(u64, usize)> {
        list.iter().filter_map(|&i| Some((side.units[i].heading_marker?, i))).collect()
    };
    let here = heads(this, list);
    let there = heads(other, other_list);
    let in_order = |heads: &[(u64, usize)]| heads.windows(2).all(|w| w[0].0 < w[1].0);
    let shared_values = here.iter().filter(|(v, _)| there.iter().any(|(w, _)| w == v)).count();
    if there.len() < 2 || shared_values < 2 || in_order(&here) || !in_order(&there) {
        return;
    }
    let Some(wrong) = here.windows(2).position(|w| w[1].0 < w[0].0).map(|p| p + 1) else {
        return;
    };
    let marker = |side: &Side<'_>, i: usize| -> String {
        let unit = &side.units[i];
        let end = unit.chars.iter().position(|&c| c == '、' || c == '.' || c == '．').map_or(1, |p| p + 1);
        side.text(unit.original(0, end)).to_owned()
    };
    let list_of = |side: &Side<'_>, heads: &[(u64, usize)]| -> String {
        heads
            .iter()
            .map(|&(_, i)| marker(side, i).trim_end_matches(['、', '.', '．']).to_owned())
            .collect::<Vec<_>>()
            .join("、")
    };
    let (value, unit) = here[wrong];
    let range = this.units[unit].original(0, this.units[unit].map.len());
    let counterpart = there.iter().find(|(v, _)| *v == value).or(there.last()).map(|&(_, i)| i);
    let related = counterpart
        .map(|i| {
            let unit = &other.units[i];
            vec![Related {
                range: unit.original(0, unit.map.len()),
                message: format!("in the other edition `{}` follows in order", marker(other, i)),
            }]
        })
        .unwrap_or_default();
    let message = format!(
        "sections run {} here but {} in the other edition; `{}` is out of order",
        list_of(this, &here),
        list_of(other, &there),
        marker(this, unit)
    );
    found.push(on_b, finding(MISSING, range, message, related, None));
}

#[cfg(test)]
mod tests;
