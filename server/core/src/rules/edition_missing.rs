//! ## What it does
//! Compares two editions of one story (see `docs/editions.md`) and notes a paragraph, sentence
//! or clause that only one of them has, and numbered sections (`一、`, `二、`) that run out of
//! order in one edition and in order in the other. Datelines, captions, credits and headlines
//! are each outlet's own and are not compared; when one edition is cut off by a jump line
//! (`（下转2版）`), what the other has beyond the cut is not reported.
//!
//! ## Why is this bad?
//! A passage one edition lacks may be a deliberate cut or text lost in layout; sections out of
//! order read as missing text. Either way an editor should know. It is an `info` by default,
//! since editions are often cut on purpose.
//!
//! ## Example
//! ```text
//! 港版：同時，世界進入新的動盪變革期。現在，世界再次處於關鍵歷史節點。
//! 内地版：同时，世界进入新的动荡变革期。早在2017年初，习近平主席就在达沃斯指明了方向。现在，世界再次处于关键历史节点。
//! ```
//! The mainland edition's sentence on the 2017 Davos speech is not in the Hong Kong edition.

use crate::rule_codes::RuleLevel;
use crate::rules::EditionRule;

pub const RULE: EditionRule = EditionRule {
    code: "edition-missing",
    summary: "A passage only one edition of a story has, or its sections in a different order",
    default_level: RuleLevel::Info,
};
