//! ## What it does
//! Compares two editions of one story (see `docs/editions.md`) and flags a number, date or count
//! that differs between them: a difference that overlaps one of the figures the figures engine
//! finds (a quantity with its unit, a date) in either edition. Both editions get the finding,
//! each pointing at the other's figure, with the other edition's figure as a quick fix.
//!
//! ## Why is this bad?
//! Two editions of one story report one set of facts. When the Hong Kong edition says 60多項 and
//! the mainland edition 70多项, one of them is wrong, and no reader of either can tell.
//!
//! ## Example
//! ```text
//! 港版：習近平主席行程逾4萬公里，密集出席近40場雙多邊活動。
//! 内地版：习近平主席行程逾4万公里，密集出席近30场双多边活动。
//! ```
//! `近40場` and `近30场` differ; `4萬公里` and `4万公里` are the same figure.

use crate::rule_codes::RuleLevel;
use crate::rules::EditionRule;

pub const RULE: EditionRule = EditionRule {
    code: "edition-figure",
    summary: "A number, date or count that differs between two editions of one story",
    default_level: RuleLevel::Warning,
};
