//! ## What it does
//! Compares two editions of one story (see `docs/editions.md`) after converting both to
//! Simplified characters, and flags a word that differs where neither form is a script or
//! regional variant of the other. Regional vocabulary (資訊/信息, 軟體/软件, 品質/质量) is folded
//! together with OpenCC's Taiwan phrase tables before comparing, so it is never flagged. Both
//! editions get the finding, each pointing at the other's wording, with a quick fix that takes
//! the other edition's wording converted to this edition's script.
//!
//! ## Why is this bad?
//! A word that differs between two editions of one story is an edit one desk made or a typo one
//! edition carries: 勢量 where the other edition has 声势, 之間 where it has 之问.
//!
//! ## Example
//! ```text
//! 港版：當前百年變局加速演進，全球南方勢量卓然壯大。
//! 内地版：当前百年变局加速演进，全球南方声势卓然壮大。
//! ```
//! The quick fix on the Hong Kong edition writes `聲勢`.

use crate::rule_codes::RuleLevel;
use crate::rules::EditionRule;

pub const RULE: EditionRule = EditionRule {
    code: "edition-text",
    summary: "A word that differs between two editions and is no script or regional variant",
    default_level: RuleLevel::Warning,
};
