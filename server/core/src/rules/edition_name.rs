//! ## What it does
//! Compares two editions of one story (see `docs/editions.md`) and flags a name written
//! differently: where the differing words are, or belong to, a name the gazetteer knows in
//! either edition, and the two forms are not names of one entity. Regional forms of one name
//! are the gazetteer's aliases of one entity (秘魯/秘鲁, 三藩市/旧金山, 悉尼/雪梨) and are never
//! flagged. Both editions get the finding, each pointing at the other's form, with a quick fix
//! that takes the other edition's form converted to this edition's script.
//!
//! ## Why is this bad?
//! A name that differs between two editions of one story is another person or place than the
//! other edition names, or a misspelt name: one of the two editions is wrong about who or where.
//!
//! ## Example
//! ```text
//! 港版：秘魯總統博魯阿爾特在機場迎接。
//! 内地版：智利总统博鲁阿尔特在机场迎接。
//! ```
//! `秘魯` (Peru) and `智利` (Chile) are different places; `三藩市` in one edition and `旧金山` in
//! the other are one city and pass.

use crate::rule_codes::RuleLevel;
use crate::rules::EditionRule;

pub const RULE: EditionRule = EditionRule {
    code: "edition-name",
    summary: "A name written differently between two editions, not a regional form of one name",
    default_level: RuleLevel::Warning,
};
