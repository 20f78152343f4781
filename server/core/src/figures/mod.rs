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
//! 2. otherwise the first complete date (year, month and day written out, such as the dateline
//!    `(2024 年 1 月 9 日，北京)` or `2024年11月13日至23日`) in the document;
//! 3. otherwise none, and rules that would need it stay silent.

pub mod dates;
pub mod hover;
pub mod numbers;
pub mod ordinals;
pub mod support;
pub mod text;

pub use dates::{DateMention, DatePart, DateRange, Weekday, YearSource};
pub use numbers::{Approx, Quantity, QuantityKind};
pub use ordinals::{Sequence, SequenceItem, SequenceStyle};

use jiff::civil::Date;

use crate::config::Config;
use crate::document::Document;
use crate::text::TextRange;

/// Where a figure sits: its paragraph, its range in that paragraph's joined text, and its range
/// in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub paragraph: usize,
    pub joined: TextRange,
    pub range: TextRange,
}

/// How the reference date was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceSource {
    Config,
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

impl Figures {
    /// Finds the figures of a document. Never panics.
    pub fn of(document: &Document, config: &Config) -> Figures {
        let mut dates = Vec::new();
        let mut quantities = Vec::new();
        for (index, paragraph) in document.paragraphs().iter().enumerate() {
            let joined = &paragraph.joined;
            let span =
                |range: TextRange| Span { paragraph: index, joined: range, range: joined.to_original_range(range) };
            let found = dates::scan(&joined.text);
            let masked: Vec<TextRange> = found.iter().map(|d| d.joined_range()).collect();
            quantities.extend(numbers::scan(&joined.text, &masked).into_iter().map(|q| q.placed(&span)));
            dates.extend(found.into_iter().map(|d| d.placed(&span)));
        }
        let reference = config
            .figures
            .reference_date
            .as_deref()
            .and_then(|text| text.parse::<Date>().ok())
            .map(|date| Reference { date, source: ReferenceSource::Config })
            .or_else(|| {
                dates
                    .iter()
                    .find_map(|d| d.start.full_date())
                    .map(|date| Reference { date, source: ReferenceSource::FirstFullDate })
            });
        if let Some(reference) = reference {
            for date in &mut dates {
                date.resolve(reference.date);
            }
        }
        let sequences = ordinals::scan(document);
        Figures { quantities, dates, sequences, reference }
    }

    /// The year the document is written in, when known.
    pub fn reference_year(&self) -> Option<i16> {
        self.reference.map(|r| r.date.year())
    }
}
