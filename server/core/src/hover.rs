//! What the user sees when hovering: each feature that knows something about a position
//! contributes through one provider in [`PROVIDERS`]; the first that answers wins.

use crate::analysis::Analysis;
use crate::text::TextRange;

/// Hover content for a span of the document, as Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoverInfo {
    pub range: TextRange,
    pub markdown: String,
}

type Provider = fn(&Analysis, usize) -> Option<HoverInfo>;

/// Hover providers, most specific first.
const PROVIDERS: &[Provider] = &[crate::figures::hover::hover, crate::entities::hover];

/// The hover for the byte offset `offset`, if any feature has one.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<HoverInfo> {
    if !analysis.is_chinese {
        return None;
    }
    PROVIDERS.iter().find_map(|provider| provider(analysis, offset))
}
