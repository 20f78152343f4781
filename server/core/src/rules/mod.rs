//! The rule registry. Each rule lives in its own file in this folder; its module doc comment
//! (What it does / Why is this bad? / Example) is the rule's documentation, and it is
//! registered with one line in [`RULES`].

mod count_mismatch;
mod duration_mismatch;
mod edition_figure;
mod edition_missing;
mod edition_name;
mod edition_text;
mod elapsed_mismatch;
mod figure_conflict;
mod invalid_date;
mod sequence_order;
mod sum_mismatch;
mod weekday_mismatch;

use crate::config::Config;
use crate::document::Document;
use crate::figures::Figures;
use crate::finding::Finding;

pub mod mixed_script;
mod rule;
pub mod variant_form;

pub use rule::{EditionRule, Rule, RuleContext};

/// Every rule, in the order their findings are reported.
pub static RULES: &[Rule] = &[
    count_mismatch::RULE,
    duration_mismatch::RULE,
    elapsed_mismatch::RULE,
    figure_conflict::RULE,
    invalid_date::RULE,
    sequence_order::RULE,
    sum_mismatch::RULE,
    weekday_mismatch::RULE,
    mixed_script::RULE,
    variant_form::RULE,
];

/// The rules that compare two editions of one story. They need two documents, so
/// [`run_all`] does not run them: `editions::compare` reports their findings, for
/// `zhnews editions`, for the pairs `[[editions]]` names in `zhnews.toml`, and in the server.
pub static EDITION_RULES: &[EditionRule] =
    &[edition_figure::RULE, edition_name::RULE, edition_text::RULE, edition_missing::RULE];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code == code)
}

/// The documentation of a rule: its module doc comment, extracted at build time.
pub fn documentation(code: &str) -> Option<&'static str> {
    RULE_DOCS.iter().find(|(c, _)| *c == code).map(|(_, doc)| *doc)
}

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// Runs every enabled rule over the document.
pub fn run_all(
    document: &Document,
    figures: &Figures,
    config: &Config,
    entities: &[crate::entities::Mention],
) -> Vec<Finding> {
    run_all_until(document, figures, config, entities, &|| false).unwrap_or_default()
}

/// [`run_all`], checking `cancelled` before and after each rule (and the rules at each
/// paragraph, see [`RuleContext::until_cancelled`]): `None` once it says so.
pub(crate) fn run_all_until(
    document: &Document,
    figures: &Figures,
    config: &Config,
    entities: &[crate::entities::Mention],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Finding>> {
    let context = RuleContext { document, figures, config, entities, cancelled };
    let mut findings = Vec::new();
    for rule in RULES {
        let Some(severity) = config.rule_severity(rule.code) else {
            continue;
        };
        if cancelled() {
            return None;
        }
        let found = (rule.check)(&context);
        // A rule cancelled on its way stopped short: what it found is not all there is.
        if cancelled() {
            return None;
        }
        for mut finding in found {
            finding.severity = severity;
            findings.push(finding);
        }
    }
    findings.sort_by_key(|finding| (finding.range.start, finding.range.end, finding.rule));
    Some(findings)
}

#[cfg(test)]
mod tests {
    /// `config` knows the rules only through `rule_codes`: it must name each registered rule,
    /// with its default level, in the registry's order, the edition rules last.
    #[test]
    fn rule_codes_match_the_registry() {
        let registered: Vec<_> = super::RULES
            .iter()
            .map(|rule| (rule.code, rule.default_level))
            .chain(super::EDITION_RULES.iter().map(|rule| (rule.code, rule.default_level)))
            .collect();
        assert_eq!(registered, crate::rule_codes::RULE_CODES);
    }

    /// Issue 19, item 3: a cancelled analysis stops inside a rule at the next paragraph, not
    /// at the end of the rule's pass over the whole document, and nothing a rule found before
    /// it stopped is reported.
    #[test]
    fn a_cancelled_flag_stops_the_rules_at_the_next_paragraph() {
        use std::cell::Cell;

        use super::{RULES, RuleContext, run_all_until};
        // 400 paragraphs, each with a figure that conflicts with the headline's.
        let text = format!("# 出訪達成60多項合作文件\n\n{}", "此訪共達成50多項合作文件。\n\n".repeat(400));
        let analysis = crate::analyse(&text, &crate::Config::default());
        let config = crate::Config::default();
        let figure_conflict = RULES.iter().find(|r| r.code == "figure-conflict").unwrap();
        let run = |reads_before_cancel: usize| {
            let reads = Cell::new(0);
            let cancelled = || {
                reads.set(reads.get() + 1);
                reads.get() > reads_before_cancel
            };
            let context = RuleContext {
                document: &analysis.document,
                figures: &analysis.figures,
                config: &config,
                entities: analysis.entities(),
                cancelled: &cancelled,
            };
            ((figure_conflict.check)(&context).len(), reads.get())
        };
        // Never cancelled: every paragraph read, the flag once a paragraph.
        let (all, reads) = run(usize::MAX);
        assert_eq!((all, reads), (400, 401));
        // Cancelled after ten paragraphs: the rule stops at the eleventh.
        assert_eq!(run(10), (9, 11));

        // The registry drops what a rule found before it stopped.
        let reads = Cell::new(0);
        let cancelled = || {
            reads.set(reads.get() + 1);
            reads.get() > 50
        };
        let findings = run_all_until(&analysis.document, &analysis.figures, &config, analysis.entities(), &cancelled);
        assert!(findings.is_none());
        assert!(reads.get() < 60, "stopped within a paragraph of the cancel: {} reads", reads.get());
        let findings = run_all_until(&analysis.document, &analysis.figures, &config, analysis.entities(), &|| false);
        assert_eq!(findings.map(|f| f.iter().filter(|f| f.rule == "figure-conflict").count()), Some(400));
    }
}
