//! What a hover shows, as plain data at the bottom floor: the feature modules (figures,
//! entities) build it from their own values, and [`crate::hover`], above the analysis, picks
//! the provider that answers.

use crate::text::TextRange;

/// Hover content for a span of the document, as Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoverInfo {
    pub range: TextRange,
    pub markdown: String,
}
