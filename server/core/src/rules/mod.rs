//! The rule registry. Each rule lives in its own file in this folder; its module doc comment
//! (What it does / Why is this bad? / Example) is the rule's documentation, and it is
//! registered with one line in [`RULES`].

use crate::config::{Config, RuleLevel};
use crate::document::Document;
use crate::finding::Finding;

pub mod mixed_script;
pub mod variant_form;

/// What every rule gets to look at.
pub struct RuleContext<'a> {
    pub document: &'a Document,
    pub config: &'a Config,
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

/// Every rule, in the order their findings are reported.
pub static RULES: &[Rule] = &[
    Rule {
        code: mixed_script::CODE,
        summary: "Characters of the other script in a one-script document",
        default_level: RuleLevel::Warning,
        check: mixed_script::check,
    },
    Rule {
        code: variant_form::CODE,
        summary: "Characters outside the regional standard set in convert.target",
        default_level: RuleLevel::Off,
        check: variant_form::check,
    },
];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code == code)
}

/// The documentation of a rule: its module doc comment, extracted at build time.
pub fn documentation(code: &str) -> Option<&'static str> {
    RULE_DOCS.iter().find(|(c, _)| *c == code).map(|(_, doc)| *doc)
}

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// Runs every enabled rule over the document.
pub fn run_all(document: &Document, config: &Config) -> Vec<Finding> {
    let context = RuleContext { document, config };
    let mut findings = Vec::new();
    for rule in RULES {
        let Some(severity) = config.rule_severity(rule.code) else {
            continue;
        };
        for mut finding in (rule.check)(&context) {
            finding.severity = severity;
            findings.push(finding);
        }
    }
    findings.sort_by_key(|finding| (finding.range.start, finding.range.end, finding.rule));
    findings
}
