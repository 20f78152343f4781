//! ## What it does
//! Flags the same quantity of the same thing stated twice with values that cannot both be
//! true: `達成60多項合作文件` in the headline and `達成50多項合作文件` in the body. Two figures
//! are about the same thing when they share the unit and the noun after it (`項合作文件`) and
//! either the verb before them (`達成`) or one of them stands in a title; head counts of people
//! (`3人死亡`, `2名工人死亡`) are matched on the outcome (`死亡`, `受傷`, `失蹤`…).
//! Approximations are intervals (`60多` is 60 to 69, `近40` is up to 40), so `逾4萬公里` and
//! `4萬多公里` agree. Figures in sentences about different years, and parts after `其中`, are
//! not compared.
//!
//! Days counted from the story's event are figures too: `事发前一天，他们拨打…举报` and
//! `出事前三天，学生举报…` date one action (`举报`) from one event (`事发` and `出事` name the same
//! incident) and cannot both be true. Two such offsets are compared when they count from the
//! same kind of event (an incident, a birth, a death, an admission) on the same side of it and
//! their clauses share an action verb (`举报`, `报警`, `发现`, `抵达`…); a clause that says the
//! action was repeated (`再次`, `多次`) is not compared.
//!
//! ## Why is this bad?
//! A reader who sees two values for one fact trusts neither.
//!
//! ## Example
//! ```text
//! # 出訪達成60多項合作文件
//! 此訪共達成50多項合作文件。
//! ```
//! One of the two is wrong; the source decides which.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::figures::offsets::{Anchor, DayOffset, day_offsets};
use crate::figures::support::{finding, is_title, paragraph_text, span_text};
use crate::figures::text::{Sentences, chars_before, fold};
use crate::figures::{DateMention, Figures, Quantity, QuantityKind};
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::text::TextRange;

const CODE: &str = "figure-conflict";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "The same quantity is stated twice with different values",
    default_level: RuleLevel::Warning,
    check,
};

const OUTCOMES: &[&str] = &[
    "死亡",
    "遇難",
    "遇难",
    "喪生",
    "丧生",
    "罹難",
    "罹难",
    "受傷",
    "受伤",
    "失蹤",
    "失踪",
    "失聯",
    "失联",
    "失去聯絡",
    "失去联络",
    "獲救",
    "获救",
    "被捕",
];

/// Outcomes written more than one way, with the form they are compared by.
const SAME_OUTCOME: &[(&str, &str)] = &[("失联", "失踪"), ("失去联络", "失踪")];

/// Classifiers of concrete things, which say what is counted even with no noun after them
/// (`頭部縫了15針`, `搬走3箱`): such a figure is known by the verb before it.
const CONCRETE_UNITS: &[&str] =
    &["针", "桶", "幢", "栋", "间", "箱", "袋", "瓶", "盒", "辆", "艘", "架", "枚", "头", "匹", "棵", "株"];

/// Adverbs that may stand between a head count and its outcome (`150人仍失聯`).
const OUTCOME_ADVERBS: &[char] = &['仍', '已', '均', '全', '都', '皆', '共', '不', '遭'];

/// Units whose figures change with time or context too often to compare.
const SKIPPED_UNITS: &[&str] =
    &["", "年", "天", "个月", "小时", "分钟", "周年", "个年头", "岁", "次", "倍", "%", "％", "大"];

struct Key {
    unit: String,
    noun: String,
    verb: String,
}

fn key(text: &str, q: &Quantity) -> Option<Key> {
    if q.kind != QuantityKind::Count || SKIPPED_UNITS.contains(&q.unit_key.as_str()) {
        return None;
    }
    let verb = chars_before(text, q.span.joined.start, 2);
    let verb = if verb.chars().count() == 2 && verb.chars().all(crate::text::is_han) { verb } else { "" };
    if q.unit_key == "人" || q.unit_key == "名" {
        // The outcome follows the count (`3人死亡`, `150人仍失聯`); a noun between them names a
        // group within the count (`3名男子被捕`, `一名同事失聯`), not the same figure, unless
        // the count is what the event caused (`事故造成2名村民死亡`: its whole toll).
        let noun = q.noun.strip_prefix(OUTCOME_ADVERBS).unwrap_or(&q.noun);
        let caused = ["造成", "導致", "导致", "致"].iter().any(|w| text[..q.span.joined.start].ends_with(w));
        let outcome = OUTCOMES
            .iter()
            .find(|o| noun.starts_with(**o) || (caused && noun.chars().take(4).collect::<String>().contains(**o)))?;
        let outcome = fold(outcome);
        let outcome =
            SAME_OUTCOME.iter().find(|(form, _)| *form == outcome).map_or(outcome, |(_, as_)| (*as_).to_owned());
        return Some(Key { unit: "人".to_owned(), noun: outcome, verb: String::new() });
    }
    let noun: String = q.noun.chars().take(4).collect();
    // A specific measure with no noun after it (縫了12針、下巴4針) is known by its verb.
    let by_verb = noun.is_empty() && !verb.is_empty() && CONCRETE_UNITS.contains(&q.unit_key.as_str());
    if noun.chars().count() < 2 && !by_verb {
        return None;
    }
    Some(Key { unit: q.unit_key.clone(), noun: fold(&noun), verb: fold(verb) })
}

/// What figure-conflict reads around each figure, for figures met in text order: the sentence
/// ([`Sentences`]), whether it is a part of a breakdown (a word such as `其中` before it in its
/// sentence) and the year it is about (the last year written (or `今年`/`去年`…) before it in
/// its sentence, to tell apart figures of different years). Each is found by reading on from
/// the figure before, not by a search per figure: on a paragraph with no sentence end a search
/// back to its start was quadratic, and a binary search over all the dates of a large file per
/// figure missed the caches at every step.
struct Around<'a> {
    sentences: Sentences,
    /// The sentence of the last figure (its paragraph and range), the year its dates so far
    /// name, and where the first breakdown word in it ends (`usize::MAX` for none).
    sentence: Option<(usize, TextRange)>,
    year: Option<i16>,
    breakdown_end: usize,
    /// The dates of the document, and the first not yet read.
    dates: &'a [DateMention],
    next_date: usize,
}

impl<'a> Around<'a> {
    fn new(figures: &'a Figures) -> Around<'a> {
        Around {
            sentences: Sentences::default(),
            sentence: None,
            year: None,
            breakdown_end: usize::MAX,
            dates: &figures.dates,
            next_date: 0,
        }
    }

    /// Reads on to the sentence of `q` (in `text`, its paragraph's joined text).
    fn sentence(&mut self, text: &str, q: &Quantity) {
        let paragraph = q.span.paragraph;
        let sentence = self.sentences.at(paragraph, text, q.span.joined.start);
        if self.sentence != Some((paragraph, sentence)) {
            self.sentence = Some((paragraph, sentence));
            self.year = None;
            let words = &text[sentence.as_range()];
            self.breakdown_end = BREAKDOWN_WORDS
                .iter()
                .filter_map(|w| words.find(w).map(|at| sentence.start + at + w.len()))
                .min()
                .unwrap_or(usize::MAX);
        }
    }

    /// True when a breakdown word stands before `q` in its sentence (the body breaks a total
    /// down: `其中`, `分別`, `每`…). Call after [`Around::sentence`] for `q`.
    fn in_breakdown(&self, q: &Quantity) -> bool {
        self.breakdown_end <= q.span.joined.start
    }

    /// The year `q` is about. Call after [`Around::sentence`] for `q`, for figures in text order.
    fn year(&mut self, q: &Quantity) -> Option<i16> {
        let (paragraph, sentence) = self.sentence?;
        // Dates do not overlap, so their ends rise with their starts: those ending before the
        // figure come first.
        while let Some(d) = self.dates.get(self.next_date) {
            let before = d.span.paragraph < paragraph
                || (d.span.paragraph == paragraph && d.span.joined.end <= q.span.joined.start);
            if !before {
                break;
            }
            if d.span.paragraph == paragraph && sentence.start <= d.span.joined.start && d.start.year.is_some() {
                self.year = d.start.year;
            }
            self.next_date += 1;
        }
        self.year
    }
}

/// Words before a figure in its sentence that make it a part of a breakdown.
const BREAKDOWN_WORDS: &[&str] = &["其中", "分別", "分别", "包括", "每", "各", "平均", "人均", "累計", "累计"];

/// Nouns name the same thing when one starts with the other (`企業` and `企業參展`, since the
/// noun is cut at 4 characters without knowing where the word ends).
fn same_noun(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// A figure already read: its key, the figure, and the year its sentence is about.
struct Seen<'a> {
    key: Key,
    quantity: &'a Quantity,
    years: Option<i16>,
}

/// Some of the figures already read, in text order (as indices into the list of all of them),
/// with only the first of each class: figures with the same noun, year and interval conflict
/// with the same later figures, and the earliest is the one reported, so the others need no
/// look. A file of many articles repeats its figures; without this, each was compared with
/// every copy before it.
#[derive(Default)]
struct Firsts {
    seen: Vec<usize>,
    classes: HashSet<(String, Option<i16>, u64, u64)>,
}

impl Firsts {
    fn add(&mut self, index: usize, seen: &Seen<'_>) {
        let class = (seen.key.noun.clone(), seen.years, seen.quantity.low.to_bits(), seen.quantity.high.to_bits());
        if self.classes.insert(class) {
            self.seen.push(index);
        }
    }

    /// The earliest figure here that the figure `q` (with key `k`, about `years`) conflicts
    /// with, given that the two are about the same thing when their nouns agree.
    fn conflict(&self, all: &[Seen<'_>], k: &Key, q: &Quantity, years: Option<i16>) -> Option<usize> {
        self.seen.iter().copied().find(|&i| {
            let other = &all[i];
            same_noun(&other.key.noun, &k.noun)
                && (other.years == years || other.years.is_none() || years.is_none())
                && other.quantity.disjoint(q)
        })
    }
}

/// The figures already read of one unit whose nouns start with the same two characters, kept
/// the three ways a later figure can be about the same thing as one of them: any of them for a
/// figure in a title, those in a title for any figure, those with the same verb before them
/// for a figure with that verb.
#[derive(Default)]
struct Bucket {
    all: Firsts,
    titled: Firsts,
    by_verb: HashMap<String, Firsts>,
}

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let document = context.document;
    // The figures seen so far, in text order, by unit and the first two characters of the noun:
    // only figures of one unit are compared, and nouns (two characters or more) can only be
    // the same when these agree. On a 1 MB page, one list per unit made this rule quadratic.
    let mut seen: Vec<Seen<'_>> = Vec::new();
    let mut buckets: HashMap<(String, String), Bucket> = HashMap::default();
    let mut out = Vec::new();
    let mut around = Around::new(context.figures);
    for q in context.until_cancelled(&context.figures.quantities, |q| q.span.paragraph) {
        let text = paragraph_text(document, &q.span);
        let Some(k) = key(text, q) else { continue };
        around.sentence(text, q);
        let titled = is_title(document, q.span.paragraph);
        // A headline names its figures whole (称其中有30桶镁粉): only the body breaks down.
        if !titled && around.in_breakdown(q) {
            continue;
        }
        let years = around.year(q);
        let bucket_key = (k.unit.clone(), k.noun.chars().take(2).collect::<String>());
        // The earliest figure read that `q` conflicts with: one about the same thing (the
        // same verb before both, or either in a title), of the same year, with a value that
        // cannot be `q`'s.
        let conflict = buckets.get(&bucket_key).and_then(|bucket| {
            if titled {
                return bucket.all.conflict(&seen, &k, q, years);
            }
            let same_verb = bucket.by_verb.get(&k.verb).filter(|_| !k.verb.is_empty());
            let same_verb = same_verb.and_then(|firsts| firsts.conflict(&seen, &k, q, years));
            let in_title = bucket.titled.conflict(&seen, &k, q, years);
            same_verb.into_iter().chain(in_title).min()
        });
        if let Some(earlier) = conflict.map(|i| seen[i].quantity) {
            let now = span_text(document, &q.span);
            let then = span_text(document, &earlier.span);
            out.push(finding(
                CODE,
                q.span.range,
                format!(
                    "{now}{} here, but {then}{} earlier: {} and {} cannot both be true",
                    q.noun,
                    earlier.noun,
                    describe(q),
                    describe(earlier)
                ),
                vec![(earlier.span.range, format!("stated earlier as {then}"))],
            ));
            continue;
        }
        let bucket = buckets.entry(bucket_key).or_default();
        let index = seen.len();
        seen.push(Seen { key: k, quantity: q, years });
        let read = &seen[index];
        bucket.all.add(index, read);
        if titled {
            bucket.titled.add(index, read);
        }
        if !read.key.verb.is_empty() {
            bucket.by_verb.entry(read.key.verb.clone()).or_default().add(index, read);
        }
    }
    out.extend(offset_conflicts(context));
    out
}

/// Offsets from one event that date one action differently: each is compared with the first
/// one stated of its event, side and action (one lookup per action, so linear in the offsets).
fn offset_conflicts(context: &RuleContext<'_>) -> Vec<Finding> {
    let document = context.document;
    let paragraphs = document.paragraphs();
    let offsets = day_offsets(document);
    let text_of = |o: &DayOffset| &paragraphs[o.paragraph].joined.text[o.joined.as_range()];
    let range_of = |o: &DayOffset| paragraphs[o.paragraph].joined.to_original_range(o.joined);
    let mut first: HashMap<(Anchor, bool, &str), &DayOffset> = HashMap::default();
    let mut out = Vec::new();
    for offset in context
        .until_cancelled(&offsets, |offset| offset.paragraph)
        .filter(|offset| !offset.repeated && !offset.ordinal)
    {
        let before = offset.days < 0;
        let firsts: Vec<(&DayOffset, &String)> = offset
            .actions
            .iter()
            .map(|action| (*first.entry((offset.anchor, before, action.as_str())).or_insert(offset), action))
            .collect();
        let Some(&(earlier, action)) = firsts.iter().find(|(earlier, _)| earlier.days != offset.days) else {
            continue;
        };
        let side = |days: i64| if days < 0 { "before" } else { "after" };
        out.push(finding(
            CODE,
            range_of(offset),
            format!(
                "{} here, but {} earlier for the same {action}: {} days {} and {} days {} the event cannot both be true",
                text_of(offset),
                text_of(earlier),
                offset.days.abs(),
                side(offset.days),
                earlier.days.abs(),
                side(earlier.days)
            ),
            vec![(range_of(earlier), format!("stated earlier as {}", text_of(earlier)))],
        ));
    }
    out
}

fn describe(q: &Quantity) -> String {
    let fmt = |v: f64| if v.fract() == 0.0 { format!("{v}") } else { format!("{v:.1}") };
    if q.low == q.high {
        fmt(q.value)
    } else if q.high.is_infinite() {
        format!("more than {}", fmt(q.low))
    } else {
        format!("{}–{}", fmt(q.low), fmt(q.high.ceil()))
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    #[test]
    fn conflicting_figures_fire() {
        assert_eq!(
            findings_of("figure-conflict", "# 出訪達成60多項合作文件\n\n此訪共達成50多項合作文件。"),
            ["50多項: 50多項合作文件 here, but 60多項合作文件 earlier: 50–60 and 60–70 cannot both be true [60多項]"]
        );
        assert_eq!(findings_of("figure-conflict", "# 山泥傾瀉3人死亡\n\n事故造成2人死亡。").len(), 1);
        assert_eq!(findings_of("figure-conflict", "# 山泥傾瀉3人死亡\n\n事故造成2名工人死亡。").len(), 1);
        // An outcome written two ways; a headline on the line above the body, one paragraph
        // per line.
        for text in [
            "工業大廈火警｜148人失聯 消防仍在搜救\n本台記者\n至今184人失去聯絡，消防正逐層搜索。",
            "工业大厦火警｜148人失联 消防仍在搜救\n本台记者\n至今184人失去联络，消防正逐层搜索。",
        ] {
            assert_eq!(findings_of("figure-conflict", text).len(), 1, "{text}");
        }
        // A concrete measure with no noun is known by its verb; a headline's figure counts even
        // after 其中.
        for text in [
            "傷者送院後手臂縫了9針，膝蓋3針。\n醫生表示，他的手臂縫了6針，膝蓋3針。",
            "伤者送院后手臂缝了9针，膝盖3针。\n医生表示，他的手臂缝了6针，膝盖3针。",
            "倉庫起火致2人傷，消防指其中有40桶電油\n本報記者\n消防員在倉庫發現25桶電油，已全部移走。",
            "仓库起火致2人伤，消防指其中有40桶汽油\n本报记者\n消防员在仓库发现25桶汽油，已全部移走。",
        ] {
            assert_eq!(findings_of("figure-conflict", text).len(), 1, "{text}");
        }
        assert_eq!(findings_of("figure-conflict", "双方签署12份合作协议。会后，双方签署15份合作协议。").len(), 1);
        // Nouns of different lengths name the same thing when one starts with the other, in
        // either script.
        assert_eq!(findings_of("figure-conflict", "# 出訪達成60多項合作文件\n\n此訪共达成50多项合作。").len(), 1);
    }

    /// A figure repeated (as in a file of many articles) is compared once, and a conflict names
    /// the earliest figure it contradicts, whether by verb or in a title.
    #[test]
    fn a_conflict_names_the_earliest_figure() {
        let earliest = |text: &str| -> Vec<(usize, usize)> {
            let analysis = crate::analyse(text, &crate::Config::default());
            let conflicts = analysis.findings.iter().filter(|f| f.rule == "figure-conflict");
            conflicts.map(|f| (f.range.start, f.related[0].range.start)).collect()
        };
        let text = "双方签署12份合作协议。会后双方签署12份合作协议。最终签署15份合作协议。";
        assert_eq!(earliest(text), [(text.find("15").unwrap(), text.find("12").unwrap())]);
        let text = "共簽署12份合作協議。\n\n# 簽訂12份合作協議\n\n共簽署12份合作協議。\n\n另外達成15份合作協議。";
        assert_eq!(earliest(text), [(text.find("15").unwrap(), text.find("訂12").unwrap() + "訂".len())]);
    }

    #[test]
    fn offsets_from_one_event_that_disagree_fire() {
        assert_eq!(
            findings_of("figure-conflict", "事发前一天，他们拨打电话举报。\n出事前三天，学生举报实验室有危险"),
            [
                "出事前三天: 出事前三天 here, but 事发前一天 earlier for the same 举报: 3 days before and 1 days before the event cannot both be true [事发前一天]"
            ]
        );
        for text in [
            "案發前兩天，店主曾報警求助。\n警方證實，店主在案發五天前報警。",
            "孩子出生3天后，医生发现他患有黄疸。\n出生后5天，医生才发现黄疸。",
        ] {
            assert_eq!(findings_of("figure-conflict", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn offsets_of_other_actions_or_events_do_not_fire() {
        for text in [
            // A different action from the same event.
            "事发前一天，他们拨打热线举报。\n出事三天前，学生就已觉察到危险。",
            // The same action from a different event, or on the other side of it.
            "入院前三天，他发现自己发烧。\n出院后五天，他发现自己又发烧。",
            "事发前一天，他们举报。\n事发后三天，他们再去举报。",
            // An action said to be repeated, an approximate count, a period.
            "案发前三天，店主报警。\n案发前一天，店主再次报警。",
            "事发前一天，他们举报。\n事发前几天，学生就举报过。",
            "事发前一天，他们举报。\n事发前三天内，学生共举报两次。",
        ] {
            assert_eq!(findings_of("figure-conflict", text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn agreeing_or_unrelated_figures_do_not_fire() {
        for text in [
            "# 出訪達成60多項合作文件\n\n此訪共達成60多項合作文件。",
            "行程逾4萬公里。\n\n全程4萬多公里。",
            "2023年簽署12份合作協議，2024年簽署15份合作協議。",
            "共有10名工人受傷，其中3名工人受傷較重。",
            "出席近40場活動，其中20場雙邊會見。",
            "兩國元首會晤。三國元首會晤。",
            // A noun between the count and the outcome names a group within the count.
            "# 廉署拘11人\n\n警方拘捕11人。其中3名男子被捕於工地，另有一名同事失聯。",
            "# 大火致150人仍失联\n\n一名同事失联，其家人焦急等候。",
            // Amounts with no noun are not known by their verb.
            "總資產達406.2萬億元，同比增長10%。\n\n貸款餘額達29.2萬億元。",
        ] {
            assert_eq!(findings_of("figure-conflict", text), Vec::<String>::new(), "{text}");
        }
    }
}
