//! The entity mentions of the workspace's `.txt` files, so that references and workspace
//! symbols reach files the editor has not opened.
//!
//! The files are those `zhnews check` would read in each workspace folder (`.gitignore`,
//! hidden folders, `[check] include`/`exclude`). They are indexed on a blocking thread after
//! the entity index has loaded, never on the request path; a request answers from what is
//! indexed so far. Only mentions are kept (range, lookup key, surface, the shared entity), not
//! texts. An open document's in-memory text is authoritative: queries skip the index entry of
//! an open file, and the file is read again from disk when it is saved or closed and when the
//! client's file watcher reports it changed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ropey::Rope;
use tower_lsp_server::ls_types::{Range, Uri};
use zhnews_core::entities::{Entity, EntityIndex};
use zhnews_core::{Config, Document};
use zhnews_workspace::{ScopeError, Scopes, files_where, read_text_file};

use crate::encoding::{PositionEncoding, byte_range_to_range};

/// Files larger than this are not indexed (a log file named `.txt` is not news).
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// At most this many files per workspace are indexed (someone opened their home folder).
const MAX_FILES: usize = 20_000;

/// One mention in a file that is not open, with its range already in the negotiated encoding.
#[derive(Clone, Debug)]
pub struct IndexedMention {
    pub range: Range,
    /// The lookup form (Simplified, no line breaks): what symbol queries match.
    pub key: Box<str>,
    /// The text as written, whitespace left out.
    pub surface: Box<str>,
    pub entity: Arc<Entity>,
}

/// The mentions of every indexed file, by path (with the URI answers use).
#[derive(Default)]
pub struct WorkspaceIndex {
    files: Mutex<HashMap<PathBuf, (Uri, Vec<IndexedMention>)>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The mentions of `text`, with ranges in `encoding`.
pub fn mentions_of(
    text: &str,
    config: &Config,
    index: &EntityIndex,
    encoding: PositionEncoding,
) -> Vec<IndexedMention> {
    let document = Document::new(text);
    if !zhnews_core::analysis::is_chinese(&document, config) {
        return Vec::new();
    }
    let mentions = zhnews_core::entities::analyse(&document, config, index);
    if mentions.is_empty() {
        return Vec::new();
    }
    let rope = Rope::from_str(text);
    mentions
        .into_iter()
        .map(|mention| IndexedMention {
            range: byte_range_to_range(&rope, mention.range.start, mention.range.end, encoding),
            key: mention.key.into_boxed_str(),
            surface: text[mention.range.as_range()].chars().filter(|c| !c.is_whitespace()).collect(),
            entity: mention.entity,
        })
        .collect()
}

/// The `.txt` files of the workspace folders that `zhnews check` would read there.
pub fn workspace_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut scopes = Scopes::new();
    let (mut files, errors) = files_where(roots, |path, _| match scopes.for_path(path) {
        Ok(scope) => scope.selects(path),
        Err(ScopeError::New(err)) => {
            tracing::warn!("workspace index: {err}");
            false
        }
        Err(ScopeError::Again(_)) => false,
    });
    for err in errors {
        tracing::info!("workspace index: {err}");
    }
    if files.len() > MAX_FILES {
        tracing::warn!("workspace index: {} text files, indexing the first {MAX_FILES}", files.len());
        files.truncate(MAX_FILES);
    }
    files
}

/// True when `path` is a file the workspace index would hold: a selected `.txt` file under one
/// of `roots`.
pub fn belongs(roots: &[PathBuf], path: &Path) -> bool {
    if !path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("txt")) {
        return false;
    }
    if !roots.iter().any(|root| path.starts_with(root)) {
        return false;
    }
    match Scopes::new().for_path(path) {
        Ok(scope) => scope.selects(path),
        Err(_) => false,
    }
}

/// The text of a file to index, or `None` (unreadable, too large, not UTF-8).
pub fn read(path: &Path) -> Option<String> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > MAX_FILE_BYTES {
        return None;
    }
    read_text_file(path).ok()
}

impl WorkspaceIndex {
    /// Puts a file's mentions in the index if `still_current()`, asked while the index is
    /// locked: a file read by a pass that a newer one has replaced (its folder removed meanwhile)
    /// must not come back after the newer pass dropped it.
    pub fn set_if(&self, path: PathBuf, uri: Uri, mentions: Vec<IndexedMention>, still_current: impl FnOnce() -> bool) {
        let mut files = lock(&self.files);
        if still_current() {
            files.insert(path, (uri, mentions));
        }
    }

    pub fn remove(&self, path: &Path) {
        lock(&self.files).remove(path);
    }

    pub fn contains(&self, path: &Path) -> bool {
        lock(&self.files).contains_key(path)
    }

    /// Drops every file not in `keep` (files deleted or excluded since the last full pass).
    pub fn retain(&self, keep: &HashSet<PathBuf>) {
        lock(&self.files).retain(|path, _| keep.contains(path));
    }

    /// Calls `visit` for every indexed file not in `skip` (the open documents' paths), in path
    /// order.
    pub fn for_each_file(&self, skip: &[PathBuf], mut visit: impl FnMut(&Uri, &[IndexedMention])) {
        let files = lock(&self.files);
        let mut paths: Vec<&PathBuf> = files.keys().filter(|path| !skip.contains(path)).collect();
        paths.sort();
        for path in paths {
            if let Some((uri, mentions)) = files.get(path) {
                visit(uri, mentions);
            }
        }
    }

    /// (files, mentions) held.
    pub fn size(&self) -> (usize, usize) {
        let files = lock(&self.files);
        (files.len(), files.values().map(|(_, mentions)| mentions.len()).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_by_a_replaced_pass_stays_out() {
        let index = WorkspaceIndex::default();
        let path = PathBuf::from("/news/a.txt");
        let uri = Uri::from_file_path(&path).expect("an absolute path");
        index.set_if(path.clone(), uri.clone(), Vec::new(), || false);
        assert!(!index.contains(&path));
        index.set_if(path.clone(), uri, Vec::new(), || true);
        assert!(index.contains(&path));
    }

    #[test]
    fn mentions_carry_ranges_in_the_negotiated_encoding() {
        let text = "𠮷的习近平\n習近平";
        let config = Config::default();
        let index = EntityIndex::builtin();
        let utf16 = mentions_of(text, &config, index, PositionEncoding::Utf16);
        let found: Vec<(u32, u32, u32, &str)> = utf16
            .iter()
            .map(|m| (m.range.start.line, m.range.start.character, m.range.end.character, &*m.surface))
            .collect();
        assert_eq!(found, [(0, 3, 6, "习近平"), (1, 0, 3, "習近平")]);
        assert_eq!(utf16[0].entity.id, utf16[1].entity.id);
        let utf8 = mentions_of(text, &config, index, PositionEncoding::Utf8);
        assert_eq!((utf8[0].range.start.character, utf8[0].range.end.character), (7, 16));
        // Text that is not Chinese has no mentions.
        assert!(mentions_of("Xi Jinping met 習近平 in Lima.", &config, index, PositionEncoding::Utf16).is_empty());
    }
}
