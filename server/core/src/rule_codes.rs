//! The rules by code, as plain data at the bottom floor: what a user can set a rule to and the
//! level each rule has unless configured. [`crate::config`] validates `[rules]` and
//! `[[check.ignore]]` against this list without importing the rules; the registry
//! ([`crate::rules::RULES`]) is checked against it by a test, so the two cannot drift apart.

use serde::Deserialize;

use crate::finding::Severity;

/// What a user can set a rule to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Error,
    Warning,
    Info,
    Hint,
}

impl RuleLevel {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Error => Some(Severity::Error),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Hint => Some(Severity::Hint),
        }
    }
}

/// Every rule's code and default level, in the registry's order: the single-document rules
/// (`rules::RULES`), then the rules that compare two editions (`rules::EDITION_RULES`).
pub const RULE_CODES: &[(&str, RuleLevel)] = &[
    ("count-mismatch", RuleLevel::Warning),
    ("duration-mismatch", RuleLevel::Warning),
    ("elapsed-mismatch", RuleLevel::Warning),
    ("figure-conflict", RuleLevel::Warning),
    ("invalid-date", RuleLevel::Error),
    ("sequence-order", RuleLevel::Warning),
    ("sum-mismatch", RuleLevel::Warning),
    ("weekday-mismatch", RuleLevel::Error),
    ("mixed-script", RuleLevel::Warning),
    ("variant-form", RuleLevel::Off),
    ("edition-figure", RuleLevel::Warning),
    ("edition-name", RuleLevel::Warning),
    ("edition-text", RuleLevel::Warning),
    ("edition-missing", RuleLevel::Info),
];

/// The level of the rule `code` unless configured, or `None` for a code no rule has.
pub fn default_level(code: &str) -> Option<RuleLevel> {
    RULE_CODES.iter().find(|&&(known, _)| known == code).map(|&(_, level)| level)
}
