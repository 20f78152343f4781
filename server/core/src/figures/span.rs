//! Where a figure sits, below every file of `figures/` (they all use it, and `figures/mod.rs`
//! uses them).

use crate::text::TextRange;

/// Where a figure sits: its paragraph, its range in that paragraph's joined text, and its range
/// in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub paragraph: usize,
    pub joined: TextRange,
    pub range: TextRange,
}
