//! A progress bar on stderr, shown only to a person: when stderr is a terminal and the run has
//! already taken longer than a moment. CI logs and pipes never see it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs shorter than this finish without a bar.
const SHOW_AFTER: Duration = Duration::from_millis(400);

pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar for `total` files; `enabled` is false unless stderr is a terminal.
    pub fn new(total: usize, enabled: bool) -> Progress {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{spinner} checking {pos}/{len} files {wide_bar} {eta}") {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, start: Instant::now(), shown: AtomicBool::new(false) }
    }

    /// One more file done (from any thread).
    pub fn inc(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.start.elapsed() >= SHOW_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// True once the bar has been drawn.
    #[cfg(test)]
    pub fn is_visible(&self) -> bool {
        self.shown.load(Ordering::Relaxed)
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disabled_bar_never_shows_and_a_quick_run_stays_hidden() {
        let disabled = Progress::new(10, false);
        disabled.inc();
        assert!(!disabled.is_visible());
        let quick = Progress::new(10, true);
        quick.inc();
        assert!(!quick.is_visible(), "shown only after {SHOW_AFTER:?}");
        quick.finish();
    }
}
