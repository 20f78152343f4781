//! Figures: the quantities, dates and ordinal sequences of a document, found once per analysis
//! ([`Figures::of`]) and shared by every figure rule and the figure hover.
//!
//! Everything is found paragraph by paragraph in the paragraph's joined text (hard line breaks
//! removed, see [`crate::document::JoinedText`]), so a figure or a list that wraps across lines
//! is still one figure. Each item keeps both its range in the joined text (for looking at its
//! neighbours) and its range in the original text (for reporting).
//!
//! ## The reference date
//!
//! Relative dates (`今年`, `去年`, `11月13日` without a year, `X年前`) are resolved against the
//! document's reference date, chosen by this rule:
//! 1. `[figures] reference_date = "YYYY-MM-DD"` in the configuration, when set;
//! 2. otherwise the story's own date in its header lines: a web time stamp
//!    (`發佈時間：2025/11/28 13:48`), an update line, a dateline with its year (see
//!    [`reference`]);
//! 3. otherwise the ROC date code that ends a CNA story (`1120823`);
//! 4. otherwise the first complete date (year, month and day written out, such as
//!    `2024年11月13日至23日`) in the document;
//! 5. otherwise none, and rules that would need it stay silent.

pub mod dates;
pub mod hover;
pub mod numbers;
pub mod offsets;
pub mod ordinals;
pub mod reference;
mod span;
pub mod support;
pub mod text;

pub use dates::{DateMention, DatePart, DateRange, Weekday, YearSource};
pub use numbers::{Approx, Quantity, QuantityKind};
pub use ordinals::{Sequence, SequenceItem, SequenceStyle};
pub use span::Span;

use jiff::civil::Date;

use crate::config::Config;
use crate::document::Document;
use crate::text::TextRange;

/// How the reference date was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceSource {
    Config,
    /// A time stamp, update line or dateline in the header lines.
    Header,
    /// A CNA date code on one of the last lines.
    RocCode,
    FirstFullDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    pub date: Date,
    pub source: ReferenceSource,
}

/// Every figure of one document.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub sequences: Vec<Sequence>,
    pub reference: Option<Reference>,
}

/// The dates and quantities of one paragraph's joined text, not yet placed in a document (their
/// spans hold only joined ranges): a function of that text alone, so an analysis of the next
/// version reuses it for every paragraph that did not change (see [`crate::incremental`]).
#[derive(Clone, Debug, Default)]
pub struct ParagraphFigures {
    dates: Vec<DateMention>,
    quantities: Vec<Quantity>,
}

impl ParagraphFigures {
    pub fn scan(joined: &str) -> ParagraphFigures {
        let dates = dates::scan(joined);
        let masked: Vec<TextRange> = dates.iter().map(|d| d.joined_range()).collect();
        let quantities = numbers::scan(joined, &masked);
        ParagraphFigures { dates, quantities }
    }
}

impl Figures {
    /// Finds the figures of a document. Never panics.
    pub fn of(document: &Document, config: &Config) -> Figures {
        let scanned: Vec<ParagraphFigures> =
            document.paragraphs().iter().map(|p| ParagraphFigures::scan(&p.joined.text)).collect();
        Figures::assemble(document, config, scanned.iter())
    }

    /// The figures of a document from the scans of its paragraphs, in paragraph order: places
    /// them, chooses the reference date and resolves the dates against it, finds sequences.
    pub fn assemble<'a>(
        document: &Document,
        config: &Config,
        scanned: impl Iterator<Item = &'a ParagraphFigures>,
    ) -> Figures {
        let mut dates = Vec::new();
        let mut quantities = Vec::new();
        for ((index, paragraph), found) in document.paragraphs().iter().enumerate().zip(scanned) {
            let joined = &paragraph.joined;
            let span =
                |range: TextRange| Span { paragraph: index, joined: range, range: joined.to_original_range(range) };
            quantities.extend(found.quantities.iter().cloned().map(|q| q.placed(&span)));
            dates.extend(found.dates.iter().cloned().map(|d| d.placed(&span)));
        }
        let reference = config
            .figures
            .reference_date
            .as_deref()
            .and_then(|text| text.parse::<Date>().ok())
            .map(|date| Reference { date, source: ReferenceSource::Config })
            .or_else(|| {
                reference::header_date(document).map(|date| Reference { date, source: ReferenceSource::Header })
            })
            .or_else(|| {
                reference::roc_code_date(document).map(|date| Reference { date, source: ReferenceSource::RocCode })
            })
            .or_else(|| {
                dates
                    .iter()
                    .find_map(|d| d.start.full_date())
                    .map(|date| Reference { date, source: ReferenceSource::FirstFullDate })
            });
        // A day written with its weekday and no month (`星期三（11日）`) is in the month of
        // the date written before it (`星期二（12月10日）`), when that date has its day too.
        let mut month: Option<(Option<i16>, u8)> = None;
        for date in &mut dates {
            match (date.start.month, month) {
                // Only a date with its day sets the month (not `去年7月`, a month as a whole).
                (Some(m), _) if date.start.day.is_some() => month = Some((date.start.year, m)),
                (None, Some((year, m))) if date.weekday.is_some() && date.start.day.is_some() => {
                    date.start.month = Some(m);
                    if let Some(year) = year {
                        date.start.year = Some(year);
                        date.start.year_source = Some(YearSource::Written);
                    }
                }
                _ => {}
            }
        }
        if let Some(reference) = reference {
            for date in &mut dates {
                date.resolve(reference.date);
            }
        }
        let sequences = ordinals::scan(document);
        Figures { quantities, dates, sequences, reference }
    }

    /// The quantities of one paragraph (they are stored in paragraph order).
    pub fn quantities_in(&self, paragraph: usize) -> &[Quantity] {
        let start = self.quantities.partition_point(|q| q.span.paragraph < paragraph);
        let end = self.quantities.partition_point(|q| q.span.paragraph <= paragraph);
        &self.quantities[start..end]
    }

    /// The dates of one paragraph (they are stored in paragraph order).
    pub fn dates_in(&self, paragraph: usize) -> &[DateMention] {
        let start = self.dates.partition_point(|d| d.span.paragraph < paragraph);
        let end = self.dates.partition_point(|d| d.span.paragraph <= paragraph);
        &self.dates[start..end]
    }

    /// The year the document is written in, when known.
    pub fn reference_year(&self) -> Option<i16> {
        self.reference.map(|r| r.date.year())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::{Config, analyse};

    /// Characters that exercise every scanner: numerals, units, date and range markers,
    /// brackets, separators, line breaks and multi-byte neighbours.
    const ALPHABET: &[char] = &[
        '0', '1', '2', '9', '０', '５', '.', ',', '，', '。', '、', '；', '：', '%', '％', '一', '二', '兩', '三',
        '十', '百', '千', '萬', '万', '億', '廿', '卅', '〇', '○', '零', '第', '年', '月', '日', '號', '天', '個',
        '项', '大', '多', '餘', '逾', '近', '約', '上', '左', '右', '以', '至', '到', '-', '—', '~', '分', '之', '是',
        '這', '等', '其', '中', '餘', '剩', '時', '隔', '來', '周', '週', '星', '期', '（', '）', '(', ')', '#', ' ',
        '\n', '\r', '成', '立', '人', '名', '死', '亡', '今', '去', '明', '為', '期', '𠮷', 'a', 'G',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn analysis_never_panics(chars in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..80)) {
            let text: String = chars.into_iter().collect();
            let analysis = analyse(&text, &Config::default());
            for finding in &analysis.findings {
                prop_assert!(text.get(finding.range.as_range()).is_some());
                for related in &finding.related {
                    prop_assert!(text.get(related.range.as_range()).is_some());
                }
            }
            for offset in 0..=text.len() {
                let _ = crate::hover::hover(&analysis, offset);
            }
            // The rules find neighbours by binary search: quantities and dates are each in
            // text order and do not overlap, in the joined text and in the original.
            let figures = &analysis.figures;
            let quantities = figures.quantities.iter().map(|q| q.span);
            let dates = figures.dates.iter().map(|d| d.span);
            for spans in [quantities.collect::<Vec<_>>(), dates.collect()] {
                for pair in spans.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    prop_assert!(a.range.end <= b.range.start, "{a:?} {b:?}");
                    prop_assert!(a.paragraph < b.paragraph || a.joined.end <= b.joined.start, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn reference_date_comes_from_config_or_first_full_date() {
        let text = "訪問於11月13日開始。2024年11月14日晚，雙方會談。";
        let figures = analyse(text, &Config::default()).figures;
        assert_eq!(figures.reference.map(|r| r.date.to_string()), Some("2024-11-14".to_owned()));
        let config = Config::from_toml_str("[figures]\nreference_date = \"2023-01-05\"\n").unwrap();
        let figures = analyse(text, &config).figures;
        assert_eq!(
            figures.reference.map(|r| (r.date.to_string(), r.source)),
            Some(("2023-01-05".to_owned(), super::ReferenceSource::Config))
        );
        assert!(Config::from_toml_str("[figures]\nreference_date = \"2023-13-05\"\n").is_err());
    }
}
