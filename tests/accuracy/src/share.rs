//! The one way a score is a share, below the crate root and the files that score (the root's
//! summaries and the outline, entity and figure scores all use it).

/// A share, 1 when there is nothing to share (no headings: nothing missed).
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}
