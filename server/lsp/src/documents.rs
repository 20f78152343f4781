//! The open documents: a rope per document, its version, and the latest analysis.

use std::sync::Arc;

use ropey::Rope;
use tokio::sync::OnceCell;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;
use zhnews_core::{Analysis, Cancel, Interrupted, Start};

use crate::encoding::PositionEncoding;

/// One open document.
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    pub language_id: String,
    /// Bumped on every change; a scheduled analysis that finds it moved on gives up.
    pub generation: u64,
    /// Bumped when the settings or what analysis uses change (see [`Self::invalidate`]):
    /// analyses begun before are not current.
    epoch: u64,
    /// The newest finished analysis, the version it belongs to and the epoch it was begun in.
    newest: Option<Newest>,
    /// What the newest cancelled analysis had done, when it is of a later version (or epoch)
    /// than `newest`: the next analysis starts from it.
    interrupted: Option<Stopped>,
    /// The analysis of `version` in this epoch, shared by every request that needs it while it
    /// is computed (a hover and the debounced diagnostics of one keystroke analyse once).
    /// Cancelled as soon as it is not current (an edit, an invalidation, the document closed).
    pending: Option<Job>,
    /// How many analyses have been recorded (for the tests' `zhnews/documentText`).
    pub analyses: u64,
}

struct Newest {
    version: i32,
    epoch: u64,
    analysis: Arc<Analysis>,
}

struct Stopped {
    version: i32,
    epoch: u64,
    interrupted: Arc<Interrupted>,
}

/// Where an analysis starts: the newest finished analysis or what a cancelled one had done,
/// whichever is of the later version.
#[derive(Clone)]
pub enum Previous {
    Finished(Arc<Analysis>),
    Interrupted(Arc<Interrupted>),
}

impl Previous {
    pub fn start(&self) -> Start<'_> {
        match self {
            Previous::Finished(analysis) => Start::from(&**analysis),
            Previous::Interrupted(interrupted) => Start::from(&**interrupted),
        }
    }
}

/// The analysis of one version of a document, computed once however many requests wait for it.
#[derive(Clone)]
pub struct Job {
    pub version: i32,
    epoch: u64,
    pub result: Arc<OnceCell<Arc<Analysis>>>,
    /// The analysis to start from (its unchanged paragraphs are reused).
    pub previous: Option<Previous>,
    /// Set when the version or the epoch moves on: the analysis stops at its next paragraph.
    pub cancel: Cancel,
}

/// What a caller needs for the current version: its analysis, or the job computing it.
pub enum Current {
    Ready(Arc<Analysis>),
    Compute(Job),
}

impl OpenDocument {
    pub fn new(text: &str, version: i32, language_id: String) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version,
            language_id,
            generation: 0,
            epoch: 0,
            newest: None,
            interrupted: None,
            pending: None,
            analyses: 0,
        }
    }

    /// Applies a `didChange` batch (see [`zhnews_lsp_text::edits::apply_changes`]) and moves
    /// the document to `version`.
    pub fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: PositionEncoding,
    ) {
        zhnews_lsp_text::edits::apply_changes(&mut self.rope, changes, encoding);
        self.version = version;
        self.generation += 1;
        self.cancel_pending();
    }

    /// Stops the analysis under way, if any: its version or epoch is no longer current, and no
    /// request waits for it any more (those that did wait for the current version's instead).
    fn cancel_pending(&mut self) {
        if let Some(job) = self.pending.take() {
            job.cancel.cancel();
        }
    }

    /// Makes every analysis so far, finished or under way, out of date (the one under way is
    /// cancelled): the settings, the gazetteers or the tagger changed. The newest stays the
    /// starting point of the next: what it keeps per paragraph is keyed on what it was found
    /// with (see `zhnews_core::analyse_incremental`), so nothing found the old way is reused.
    pub fn invalidate(&mut self) {
        self.epoch += 1;
        self.generation += 1;
        self.cancel_pending();
    }

    /// The analysis of the current version if it is done, else the job computing it (begun
    /// here if no caller has begun it yet).
    pub fn current(&mut self) -> Current {
        if let Some(newest) = &self.newest
            && newest.version == self.version
            && newest.epoch == self.epoch
        {
            return Current::Ready(newest.analysis.clone());
        }
        match &self.pending {
            // `invalidate` drops the pending job: one that is here is of this epoch.
            Some(job) if job.version == self.version => Current::Compute(job.clone()),
            _ => {
                let job = Job {
                    version: self.version,
                    epoch: self.epoch,
                    result: Arc::new(OnceCell::new()),
                    previous: self.start(),
                    cancel: Cancel::new(),
                };
                // A job of another version still here was cancelled when the version moved on.
                self.cancel_pending();
                self.pending = Some(job.clone());
                Current::Compute(job)
            }
        }
    }

    /// Where the next analysis starts: what a cancelled analysis of a later version had done,
    /// else the newest finished analysis.
    fn start(&self) -> Option<Previous> {
        let finished = self.newest.as_ref().map(|newest| (newest.version, newest.epoch));
        match &self.interrupted {
            Some(stopped) if finished.is_none_or(|finished| finished < (stopped.version, stopped.epoch)) => {
                Some(Previous::Interrupted(stopped.interrupted.clone()))
            }
            _ => self.newest.as_ref().map(|newest| Previous::Finished(newest.analysis.clone())),
        }
    }

    /// Records what a cancelled job had done, as the start of the next analysis if nothing
    /// of a later version is in. Returns what it replaces, for the caller to drop off the
    /// request path.
    pub fn interrupt(&mut self, job: &Job, interrupted: Interrupted) -> Option<Previous> {
        let at = (job.version, job.epoch);
        let newer_in = self.newest.as_ref().is_some_and(|newest| (newest.version, newest.epoch) >= at)
            || self.interrupted.as_ref().is_some_and(|stopped| (stopped.version, stopped.epoch) >= at);
        if newer_in {
            return None;
        }
        let stopped = Stopped { version: job.version, epoch: job.epoch, interrupted: Arc::new(interrupted) };
        self.interrupted.replace(stopped).map(|replaced| Previous::Interrupted(replaced.interrupted))
    }

    /// Records a job's analysis: it becomes the newest unless an analysis of a later version
    /// is already in. Returns the starting points it replaces (the analysis it replaces, what
    /// a cancelled analysis of an older version had done), for the caller to drop off the
    /// request path.
    pub fn finish(&mut self, job: &Job, analysis: Arc<Analysis>) -> Vec<Previous> {
        if self.pending.as_ref().is_some_and(|pending| Arc::ptr_eq(&pending.result, &job.result)) {
            self.pending = None;
        }
        // The newest version wins, and of one version the later epoch. An analysis begun
        // before an invalidation is kept too (as the next one's start), just never current.
        let superseded =
            self.newest.as_ref().is_some_and(|newest| (newest.version, newest.epoch) >= (job.version, job.epoch));
        if superseded {
            return Vec::new();
        }
        self.analyses += 1;
        let mut replaced = Vec::new();
        // What a cancelled analysis of an older version had done is of no more use.
        if self.interrupted.as_ref().is_some_and(|stopped| (stopped.version, stopped.epoch) <= (job.version, job.epoch))
            && let Some(stopped) = self.interrupted.take()
        {
            replaced.push(Previous::Interrupted(stopped.interrupted));
        }
        let newest = Newest { version: job.version, epoch: job.epoch, analysis };
        replaced.extend(self.newest.replace(newest).map(|replaced| Previous::Finished(replaced.analysis)));
        replaced
    }
}

impl Drop for OpenDocument {
    /// A closed document's analysis is wanted by no one.
    fn drop(&mut self) {
        self.cancel_pending();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change that replaces the whole text (the ranged ones are `zhnews_lsp_text`'s tests).
    fn whole_text(text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent { range: None, range_length: None, text: text.to_owned() }
    }

    #[test]
    fn a_change_moves_the_version_and_the_generation() {
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        document.apply_changes(vec![whole_text("秘魯。")], 2, PositionEncoding::Utf16);
        assert_eq!((document.rope.to_string().as_str(), document.version, document.generation), ("秘魯。", 2, 1));
    }

    fn analysis_of(text: &str) -> Arc<Analysis> {
        Arc::new(zhnews_core::analyse(text, &zhnews_core::Config::default()))
    }

    fn job(document: &mut OpenDocument) -> Job {
        match document.current() {
            Current::Compute(job) => job,
            Current::Ready(_) => panic!("expected a job"),
        }
    }

    /// The finished analysis a job starts from.
    fn started_from(job: &Job) -> Option<&Arc<Analysis>> {
        match &job.previous {
            Some(Previous::Finished(analysis)) => Some(analysis),
            _ => None,
        }
    }

    fn edit(document: &mut OpenDocument, version: i32) {
        document.apply_changes(vec![whole_text("新秘魯")], version, PositionEncoding::Utf16);
    }

    #[test]
    fn callers_of_one_version_share_its_job() {
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        let first = job(&mut document);
        let second = job(&mut document);
        assert!(Arc::ptr_eq(&first.result, &second.result));
        let analysis = analysis_of("秘魯");
        assert!(document.finish(&first, analysis.clone()).is_empty());
        // The second caller finds the same analysis and replaces nothing.
        assert!(document.finish(&second, analysis.clone()).is_empty());
        assert!(matches!(document.current(), Current::Ready(ready) if Arc::ptr_eq(&ready, &analysis)));
    }

    #[test]
    fn an_edit_starts_a_new_job_from_the_newest_analysis() {
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        let first = job(&mut document);
        let analysis = analysis_of("秘魯");
        document.finish(&first, analysis.clone());
        edit(&mut document, 2);
        let second = job(&mut document);
        assert!(!Arc::ptr_eq(&first.result, &second.result));
        assert_eq!(second.version, 2);
        assert!(started_from(&second).is_some_and(|previous| Arc::ptr_eq(previous, &analysis)));
        // Its analysis replaces the older one, handed back to be freed.
        let replaced = document.finish(&second, analysis_of("新秘魯"));
        assert!(matches!(&replaced[..], [Previous::Finished(replaced)] if Arc::ptr_eq(replaced, &analysis)));
    }

    #[test]
    fn an_older_version_finishing_late_does_not_replace_a_newer_one() {
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        let old = job(&mut document);
        edit(&mut document, 2);
        let new = job(&mut document);
        let newer = analysis_of("新秘魯");
        document.finish(&new, newer.clone());
        assert!(document.finish(&old, analysis_of("秘魯")).is_empty());
        assert!(matches!(document.current(), Current::Ready(ready) if Arc::ptr_eq(&ready, &newer)));
    }

    #[test]
    fn an_analysis_begun_before_invalidation_is_not_current() {
        // The settings (or jieba) changed while the analysis ran: it was computed the old way.
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        let before = job(&mut document);
        document.invalidate();
        let old_way = analysis_of("秘魯");
        document.finish(&before, old_way.clone());
        let after = job(&mut document);
        assert!(!Arc::ptr_eq(&before.result, &after.result));
        // It is still where the next analysis starts (what it keeps per paragraph is keyed on
        // what it was found with).
        assert!(started_from(&after).is_some_and(|previous| Arc::ptr_eq(previous, &old_way)));
        // A finished analysis is no longer current after an invalidation either.
        let finished = analysis_of("秘魯");
        assert_eq!(document.finish(&after, finished.clone()).len(), 1);
        assert!(matches!(document.current(), Current::Ready(_)));
        document.invalidate();
        let again = job(&mut document);
        assert!(started_from(&again).is_some_and(|previous| Arc::ptr_eq(previous, &finished)));
        // Of one version, an analysis from an older epoch does not replace a newer one's.
        assert!(document.finish(&before, analysis_of("秘魯")).is_empty());
    }

    #[test]
    fn an_edit_an_invalidation_or_closing_cancels_the_analysis_under_way() {
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        let first = job(&mut document);
        assert!(!first.cancel.is_cancelled());
        edit(&mut document, 2);
        assert!(first.cancel.is_cancelled());
        let second = job(&mut document);
        assert!(!second.cancel.is_cancelled());
        document.invalidate();
        assert!(second.cancel.is_cancelled());
        let third = job(&mut document);
        drop(document);
        assert!(third.cancel.is_cancelled());
    }

    fn interrupted_of(text: &str) -> Interrupted {
        let cancel = Cancel::new();
        cancel.cancel();
        let config = zhnews_core::Config::default();
        let index = zhnews_core::entities::EntityIndex::builtin();
        zhnews_core::analyse_incremental_cancellable(text, &config, index, None, &cancel).unwrap_err()
    }

    #[test]
    fn the_next_analysis_starts_from_what_a_cancelled_one_had_done() {
        let mut document = OpenDocument::new("秘魯", 1, "plaintext".into());
        let first = job(&mut document);
        let analysis = analysis_of("秘魯");
        document.finish(&first, analysis.clone());
        edit(&mut document, 2);
        let second = job(&mut document);
        edit(&mut document, 3);
        assert!(document.interrupt(&second, interrupted_of("新秘魯")).is_none());
        let third = job(&mut document);
        assert!(matches!(third.previous, Some(Previous::Interrupted(_))));
        // An older version's cancelled analysis is no better a start.
        assert!(document.interrupt(&first, interrupted_of("秘魯")).is_none());
        assert!(matches!(job(&mut document).previous, Some(Previous::Interrupted(_))));
        // Once the newer version is done, it is the start, and the interrupted work is let go.
        let replaced = document.finish(&third, analysis_of("新新秘魯"));
        assert_eq!(replaced.len(), 2);
        edit(&mut document, 4);
        assert!(matches!(job(&mut document).previous, Some(Previous::Finished(_))));
    }
}
