//! [`Cancel`]: how a caller tells an analysis under way that its result is no longer wanted.
//!
//! The language server analyses one version of a document while the user types the next; an
//! analysis of a version that is no longer current is abandoned at its next check (a paragraph
//! boundary, or between the document-level passes) rather than finished. Nothing here knows
//! about threads: the flag is set by whoever holds a clone and read by the analysis.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A cancellation flag shared by its clones. Cancelling is final.
#[derive(Clone, Debug, Default)]
pub struct Cancel {
    flag: Arc<AtomicBool>,
}

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Asks every analysis holding a clone of this flag to stop at its next check.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_flag() {
        let cancel = Cancel::new();
        let held = cancel.clone();
        assert!(!held.is_cancelled());
        cancel.cancel();
        assert!(held.is_cancelled());
    }
}
