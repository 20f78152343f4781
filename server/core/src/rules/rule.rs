//! What a rule is and what it gets to look at: below every rule file and the registry
//! (`rules/mod.rs`), which uses the rule files.

use crate::config::Config;
use crate::document::Document;
use crate::figures::Figures;
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;

/// What every rule gets to look at.
pub struct RuleContext<'a> {
    pub document: &'a Document,
    pub figures: &'a Figures,
    pub config: &'a Config,
    /// Named entities, for rules that treat names specially (see [`crate::entities`]).
    pub entities: &'a [crate::entities::Mention],
    /// True once the analysis is no longer wanted ([`crate::cancel`]): a rule that reads the
    /// whole document stops at the next paragraph ([`RuleContext::until_cancelled`]), and the
    /// registry then drops what it found.
    pub cancelled: &'a dyn Fn() -> bool,
}

impl RuleContext<'_> {
    /// `items` (in paragraph order, `paragraph` giving each one's) while the analysis is
    /// wanted: the flag is read each time the paragraph changes, so a rule over the quantities
    /// or paragraphs of a large document stops at the next paragraph once it is cancelled.
    pub fn until_cancelled<'i, T>(
        &self,
        items: impl IntoIterator<Item = &'i T>,
        paragraph: fn(&T) -> usize,
    ) -> impl Iterator<Item = &'i T>
    where
        T: 'i,
    {
        let cancelled = self.cancelled;
        items.into_iter().scan(None, move |last, item| {
            let here = paragraph(item);
            if *last != Some(here) {
                *last = Some(here);
                if cancelled() {
                    return None;
                }
            }
            Some(item)
        })
    }
}

/// A registered rule.
pub struct Rule {
    /// Stable kebab-case code, also the key in `zhnews.toml`'s `[rules]`.
    pub code: &'static str,
    /// One line for menus and SARIF's `shortDescription`.
    pub summary: &'static str,
    pub default_level: RuleLevel,
    /// Finds the problems; the registry sets each finding's severity from the configuration.
    pub check: fn(&RuleContext<'_>) -> Vec<Finding>,
}

/// A rule that compares two editions of one story ([`crate::editions`]): it needs two documents,
/// so it has no `check` of its own here; `editions::compare` reports its findings.
pub struct EditionRule {
    /// Stable kebab-case code, also the key in `zhnews.toml`'s `[rules]`.
    pub code: &'static str,
    /// One line for menus and SARIF's `shortDescription`.
    pub summary: &'static str,
    pub default_level: RuleLevel,
}
