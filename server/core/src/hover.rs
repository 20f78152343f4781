//! What the user sees when hovering: each feature that knows something about a position
//! contributes through one provider in [`PROVIDERS`]; the first that answers wins.
//!
//! Floor: above [`crate::analysis`]. The providers read the parts of an [`Analysis`] they need
//! and call the feature's own hover (`figures::hover`, `entities::hover`), which knows nothing
//! of the analysis.

use crate::analysis::Analysis;
pub use crate::hover_info::HoverInfo;

type Provider = fn(&Analysis, usize) -> Option<HoverInfo>;

/// Hover providers, most specific first.
const PROVIDERS: &[Provider] = &[
    |analysis, offset| crate::figures::hover::hover(&analysis.figures, offset),
    |analysis, offset| crate::entities::hover(analysis.entities(), analysis.document.text(), offset),
];

/// The hover for the byte offset `offset`, if any feature has one.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<HoverInfo> {
    if !analysis.is_chinese {
        return None;
    }
    PROVIDERS.iter().find_map(|provider| provider(analysis, offset))
}
