//! The `LanguageServer` implementation. Handlers are thin: they snapshot a document (rope and
//! version), analyse off the async runtime, and drop results that an edit has made outdated.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use futures::FutureExt;
use ropey::Rope;
use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, ClientSocket, LanguageServer, LspService};
use zhnews_core::{Analysis, Config};

use crate::documents::{Current, Job, OpenDocument, Previous};
use crate::encoding::PositionEncoding;
use crate::settings::{Problem, Settings, json_to_table};
use crate::to_proto;

/// Set this variable to register the requests that exist for tests only: `zhnews/testPanic`
/// (panics) and `zhnews/documentText` (returns the text the server holds and how many analyses
/// of it were recorded).
pub const TEST_METHODS_ENV: &str = "ZHNEWS_LSP_TEST_METHODS";

/// The largest document the LAC model reads (about 40 articles; the model costs about 10 ms
/// of CPU per kilobyte, bench/RESULTS.md): a larger file, a whole archive in one page, keeps
/// jieba's guesses rather than keep a core busy for minutes.
const MODEL_MAX_BYTES: usize = 1 << 20;

#[derive(Clone)]
pub struct Backend {
    client: Client,
    state: Arc<State>,
}

struct State {
    encoding: RwLock<PositionEncoding>,
    documents: Mutex<HashMap<Uri, OpenDocument>>,
    settings: Mutex<Settings>,
    /// What is shown on each `zhnews.toml` (by path; `None` for documents without one).
    config_diagnostics: Mutex<HashMap<Option<PathBuf>, ConfigDiagnostics>>,
    /// Why `initializationOptions` were not taken, until it can be shown.
    invalid_options: Mutex<Option<String>>,
    /// The client pulls diagnostics (`textDocument/diagnostic`); otherwise we push them.
    pull_diagnostics: AtomicBool,
    /// The client lets us register a watcher for `zhnews.toml`.
    watch_config: AtomicBool,
    /// The client accepts `workspace/diagnostic/refresh` (to pull again after a config change).
    diagnostic_refresh: AtomicBool,
    /// The client nests document symbols; otherwise it gets a flat list.
    hierarchical_symbols: AtomicBool,
    /// The client resolves a code action's `edit` on `codeAction/resolve`.
    resolve_edits: AtomicBool,
    /// Entity mentions of the workspace's `.txt` files, and the number of the newest full pass.
    workspace: crate::workspace_index::WorkspaceIndex,
    workspace_pass: AtomicU64,
    /// `[[editions]]`: each open document's configured partners and its edition findings.
    editions: Mutex<EditionsCache>,
    lifecycle: Arc<Lifecycle>,
}

/// What the server keeps of the edition comparisons (`crate::editions`).
#[derive(Default)]
struct EditionsCache {
    /// Each document's configured partners, worked out once per configuration and set of files
    /// (forgotten when the settings, a `zhnews.toml` or a text file on disk change).
    partners: HashMap<Uri, Arc<Vec<PathBuf>>>,
    /// Each document's newest edition findings, current while its version and its partners'
    /// texts are the ones compared.
    found: HashMap<Uri, Arc<crate::editions::Found>>,
}

/// What the transport's owner (`serve_stdio`) learns from the server.
#[derive(Default)]
pub struct Lifecycle {
    /// `shutdown` came.
    pub shutdown: AtomicBool,
    /// Notified when the client's process (`initialize`'s `processId`) is gone.
    pub orphaned: tokio::sync::Notify,
}

pub fn service() -> (LspService<Backend>, ClientSocket, Arc<Lifecycle>) {
    let lifecycle = Arc::new(Lifecycle::default());
    let shared = lifecycle.clone();
    let mut builder = LspService::build(move |client| Backend {
        client,
        state: Arc::new(State {
            encoding: RwLock::new(PositionEncoding::Utf16),
            documents: Mutex::new(HashMap::new()),
            settings: Mutex::new(Settings::default()),
            invalid_options: Mutex::new(None),
            config_diagnostics: Mutex::new(HashMap::new()),
            pull_diagnostics: AtomicBool::new(false),
            watch_config: AtomicBool::new(false),
            diagnostic_refresh: AtomicBool::new(false),
            hierarchical_symbols: AtomicBool::new(false),
            resolve_edits: AtomicBool::new(false),
            workspace: Default::default(),
            workspace_pass: AtomicU64::new(0),
            editions: Mutex::new(EditionsCache::default()),
            lifecycle: shared,
        }),
    })
    .custom_method("zhnews/documentInfo", Backend::document_info);
    if std::env::var_os(TEST_METHODS_ENV).is_some() {
        builder = builder
            .custom_method("zhnews/testPanic", Backend::test_panic)
            .custom_method("zhnews/documentText", Backend::document_text);
    }
    let (service, socket) = builder.finish();
    (service, socket, lifecycle)
}

/// What the server shows on a `zhnews.toml`: its own error, and the gazetteers it names that
/// failed to load. They are published together, since each publish replaces all of a file's
/// diagnostics.
#[derive(Default)]
struct ConfigDiagnostics {
    file: Option<Diagnostic>,
    /// The gazetteer errors last shown (a message each time they change), and their diagnostics.
    gazetteer_errors: String,
    gazetteers: Vec<Diagnostic>,
}

/// An error diagnostic on a whole line of a configuration file.
fn config_diagnostic(line: u32, code: &str, message: String) -> Diagnostic {
    Diagnostic {
        range: Range::new(Position::new(line, 0), Position::new(line, u32::MAX)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(code.into())),
        source: Some("zhnews".into()),
        message,
        ..Diagnostic::default()
    }
}

/// Locks a mutex even if a panicking handler poisoned it: the data is still consistent
/// because no handler leaves it half-updated across a panic point.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs a request handler so that a panic becomes an error response instead of ending the
/// server.
async fn guarded<T>(future: impl Future<Output = Result<T>>) -> Result<T> {
    match AssertUnwindSafe(future).catch_unwind().await {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            tracing::error!("request handler panicked: {message}");
            Err(Error {
                code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
                message: format!("internal error: {message}").into(),
                data: None,
            })
        }
    }
}

/// The answer to `zhnews/documentInfo`: what the status bar shows.
#[derive(Serialize, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    pub version: i32,
    /// `traditional`, `simplified`, `mixed` or `neutral`.
    pub script: &'static str,
    pub script_label: &'static str,
    pub is_chinese: bool,
    pub analysed: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfoParams {
    pub text_document: TextDocumentIdentifier,
}

/// One try at the current version's analysis.
enum Attempt {
    Done(i32, Rope, Arc<Analysis>),
    /// A newer version (or new settings) came in: the analysis was abandoned.
    Cancelled,
}

/// Why a job gave no analysis.
enum Failure {
    /// Cancelled, with what it had done if it had begun.
    Cancelled(Option<zhnews_core::Interrupted>),
    Panicked(tokio::task::JoinError),
}

/// True for the documents zhnews analyses: plain text by language id, or any `*.txt` file.
fn is_text_document(uri: &Uri, language_id: &str) -> bool {
    matches!(language_id, "plaintext" | "text") || uri.path().as_str().to_ascii_lowercase().ends_with(".txt")
}

impl State {
    fn encoding(&self) -> PositionEncoding {
        *self.encoding.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The paths of the open documents: the workspace index defers to their in-memory text.
    fn open_paths(&self) -> Vec<PathBuf> {
        lock(&self.documents).keys().filter_map(|uri| uri.to_file_path().map(|p| p.into_owned())).collect()
    }

    /// Reads `path` from disk into the workspace index (blocking), or drops it when it is gone
    /// or unreadable. Its mentions go in only while `pass` is still the latest pass over the
    /// workspace (a newer one decides which files belong).
    fn index_file(&self, path: &Path, pass: u64) {
        let Some(uri) = Uri::from_file_path(path) else {
            return;
        };
        let Some(text) = crate::workspace_index::read(path) else {
            self.workspace.remove(path);
            return;
        };
        let config = lock(&self.settings).resolve_quietly(Some(path));
        let (index, _) = zhnews_workspace::gazetteer::index_for(Some(path), &config);
        let mentions = crate::workspace_index::mentions_of(&text, &config, &index, self.encoding());
        let still_current = || self.workspace_pass.load(Ordering::SeqCst) == pass;
        self.workspace.set_if(path.to_owned(), uri, mentions, still_current);
    }

    /// Indexes every `.txt` file of the workspace folders (blocking). A newer pass makes an
    /// older one stop.
    fn index_workspace(&self) {
        let pass = self.workspace_pass.fetch_add(1, Ordering::SeqCst) + 1;
        let roots = lock(&self.settings).roots.clone();
        let files = crate::workspace_index::workspace_files(&roots);
        for path in &files {
            if self.workspace_pass.load(Ordering::SeqCst) != pass || self.lifecycle.shutdown.load(Ordering::SeqCst) {
                return;
            }
            self.index_file(path, pass);
        }
        self.workspace.retain(&files.into_iter().collect());
        let (files, mentions) = self.workspace.size();
        tracing::info!("workspace index: {mentions} mentions in {files} files");
    }
}

impl Backend {
    /// Resolves the configuration for a document and reports configuration problems.
    async fn config_for(&self, uri: &Uri) -> Config {
        let path = uri.to_file_path().map(|p| p.into_owned());
        let resolved = lock(&self.state.settings).resolve(path.as_deref());
        for problem in resolved.problems {
            self.report_config_problem(problem).await;
        }
        resolved.config
    }

    async fn report_config_problem(&self, problem: Problem) {
        match problem {
            Problem::Editor(message) => {
                self.client
                    .show_message(
                        MessageType::ERROR,
                        format!("zhnews: invalid settings, using zhnews.toml only: {message}"),
                    )
                    .await;
            }
            Problem::File(err) => {
                self.client
                    .show_message(
                        MessageType::ERROR,
                        format!("zhnews: {err} (the previous configuration stays in force)"),
                    )
                    .await;
                let line = err.error.line.unwrap_or(1).saturating_sub(1) as u32;
                let diagnostic = config_diagnostic(line, "invalid-config", err.error.message.clone());
                lock(&self.state.config_diagnostics).entry(Some(err.path.clone())).or_default().file = Some(diagnostic);
                self.publish_config_diagnostics(&err.path).await;
            }
        }
    }

    /// Shows gazetteers that failed to load as a broken `zhnews.toml` is shown: a message, and a
    /// diagnostic on the line of the `zhnews.toml` that names the gazetteer. The same errors are
    /// shown once per configuration file, not at every analysis; the diagnostic goes when they do.
    async fn report_gazetteer_errors(
        &self,
        document: Option<&Path>,
        config: &Config,
        errors: &[zhnews_workspace::gazetteer::GazetteerError],
    ) {
        let config_file = document.and_then(zhnews_workspace::config_file::find_config);
        let summary = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
        // Only the workspace gazetteer is named in zhnews.toml (the user's is not).
        let named = document.and_then(|d| zhnews_workspace::gazetteer::workspace_gazetteer_path(d, config));
        let line = config_file.as_deref().filter(|_| !errors.is_empty()).and_then(crate::settings::gazetteer_line);
        let gazetteers: Vec<Diagnostic> = errors
            .iter()
            .filter(|err| Some(&err.path) == named.as_ref())
            .filter_map(|err| Some(config_diagnostic(line?, "invalid-gazetteer", format!("gazetteer left out: {err}"))))
            .collect();
        let changed = {
            let mut shown = lock(&self.state.config_diagnostics);
            let shown = shown.entry(config_file.clone()).or_default();
            if shown.gazetteer_errors == summary && shown.gazetteers == gazetteers {
                return;
            }
            shown.gazetteers = gazetteers;
            std::mem::replace(&mut shown.gazetteer_errors, summary.clone()) != summary
        };
        if changed && !summary.is_empty() {
            self.client.show_message(MessageType::ERROR, format!("zhnews: gazetteer left out: {summary}")).await;
        }
        if let Some(path) = config_file {
            self.publish_config_diagnostics(&path).await;
        }
    }

    /// Publishes what [`ConfigDiagnostics`] holds for the configuration file at `path`.
    async fn publish_config_diagnostics(&self, path: &Path) {
        let Some(uri) = Uri::from_file_path(path) else { return };
        let diagnostics = match lock(&self.state.config_diagnostics).get(&Some(path.to_owned())) {
            Some(shown) => shown.file.iter().chain(&shown.gazetteers).cloned().collect(),
            None => Vec::new(),
        };
        self.client.publish_diagnostics(uri, diagnostics, None).await;
    }

    /// Clears diagnostics on config files that now load.
    async fn clear_config_diagnostics(&self, changes: &[FileEvent]) {
        for change in changes {
            let Some(path) = change.uri.to_file_path().map(|p| p.into_owned()) else {
                continue;
            };
            if path.file_name().is_none_or(|name| name != zhnews_core::config::CONFIG_FILE_NAME) {
                continue;
            }
            // A deleted file names no gazetteer either; one that loads keeps its gazetteers'.
            if change.typ == FileChangeType::DELETED {
                lock(&self.state.config_diagnostics).remove(&Some(path.clone()));
            } else if zhnews_workspace::config_file::load_config_file(&path).is_ok() {
                lock(&self.state.config_diagnostics).entry(Some(path.clone())).or_default().file = None;
            } else {
                continue;
            }
            self.publish_config_diagnostics(&path).await;
        }
    }

    /// The analysis of the document's current version, computing it if needed, with the rope
    /// it was computed on. `None` for unknown documents and documents zhnews does not analyse.
    /// Requests that need the same version while it is computed wait for the one analysis; when
    /// a newer version comes in meanwhile, that analysis is cancelled and they wait for the
    /// newer version's instead (never for an outdated one).
    async fn analysis(&self, uri: &Uri) -> Option<(i32, Rope, Arc<Analysis>)> {
        loop {
            if let Attempt::Done(version, rope, analysis) = self.analysis_once(uri).await? {
                return Some((version, rope, analysis));
            }
        }
    }

    /// [`Self::analysis`] of the version that is current now, or `Cancelled` if it stops being
    /// current before its analysis is done.
    async fn analysis_once(&self, uri: &Uri) -> Option<Attempt> {
        let (rope, job) = {
            let mut documents = lock(&self.state.documents);
            let document = documents.get_mut(uri)?;
            if !is_text_document(uri, &document.language_id) {
                return None;
            }
            match document.current() {
                Current::Ready(analysis) => {
                    return Some(Attempt::Done(document.version, document.rope.clone(), analysis));
                }
                Current::Compute(job) => (document.rope.clone(), job),
            }
        };
        let computed = job.result.get_or_try_init(|| self.analyse(uri, &rope, &job)).await;
        let analysis = match computed {
            Ok(analysis) => analysis.clone(),
            Err(Failure::Cancelled(interrupted)) => {
                // What it had done is where the next version's analysis starts.
                let replaced = interrupted
                    .and_then(|interrupted| lock(&self.state.documents).get_mut(uri)?.interrupt(&job, interrupted));
                if let Some(replaced) = replaced {
                    tokio::task::spawn_blocking(move || drop(replaced));
                }
                return Some(Attempt::Cancelled);
            }
            Err(Failure::Panicked(err)) => {
                tracing::error!("analysis of {} failed: {err}", uri.as_str());
                return None;
            }
        };
        let replaced =
            lock(&self.state.documents).get_mut(uri).map(|d| d.finish(&job, analysis.clone())).unwrap_or_default();
        self.add_model_names(uri, &job, analysis.clone());
        // Freeing a large document's analysis takes milliseconds: not on the request path.
        if !replaced.is_empty() {
            tokio::task::spawn_blocking(move || drop(replaced));
        }
        Some(Attempt::Done(job.version, rope, analysis))
    }

    /// Adds the LAC model's names to a finished analysis in the background
    /// ([`Analysis::add_model_names`]), once the model has loaded, until the job's version stops
    /// being current; hovers meanwhile show the analysis's own names. Documents over
    /// [`MODEL_MAX_BYTES`] keep jieba's guesses only.
    fn add_model_names(&self, uri: &Uri, job: &Job, analysis: Arc<Analysis>) {
        let Some(model) = zhnews_core::entities::lac::model() else { return };
        if analysis.document.text().len() > MODEL_MAX_BYTES || job.cancel.is_cancelled() {
            return;
        }
        let (backend, uri, cancel) = (self.clone(), uri.clone(), job.cancel.clone());
        tokio::spawn(async move {
            let config = backend.config_for(&uri).await;
            let path = uri.to_file_path().map(|p| p.into_owned());
            let done = tokio::task::spawn_blocking(move || {
                let (index, _) = zhnews_workspace::gazetteer::index_for(path.as_deref(), &config);
                analysis.add_model_names(&config, &index, model, &|| cancel.is_cancelled())
            })
            .await;
            if let Err(err) = done {
                tracing::error!("the LAC model's pass over {} failed: {err}", uri.as_str());
            }
        });
    }

    /// Analyses `rope`, the text of `uri`, on a blocking thread, starting from the job's
    /// previous analysis, unless or until the job is cancelled.
    async fn analyse(&self, uri: &Uri, rope: &Rope, job: &Job) -> std::result::Result<Arc<Analysis>, Failure> {
        // A caller that finds the job cancelled by the time it gets its turn starts nothing.
        if job.cancel.is_cancelled() {
            return Err(Failure::Cancelled(None));
        }
        let config = self.config_for(uri).await;
        let text = rope.to_string();
        let path = uri.to_file_path().map(|p| p.into_owned());
        let roots = lock(&self.state.settings).roots.clone();
        let (document, settings) = (path.clone(), config.clone());
        let (previous, cancel) = (job.previous.clone(), job.cancel.clone());
        let (analysis, gazetteer_errors) = tokio::task::spawn_blocking(move || {
            let (index, errors) = zhnews_workspace::gazetteer::index_for(path.as_deref(), &config);
            let start = previous.as_ref().map(Previous::start);
            let analysis = zhnews_core::analyse_incremental_cancellable(&text, &config, &index, start, &cancel);
            // Findings recorded in the baseline stay out of the editor, as out of `check`.
            let analysis = analysis.map(|mut analysis| {
                if let Some(path) = &path
                    && let Some(err) = crate::ignore::filter(&mut analysis.findings, &text, path, &roots)
                {
                    tracing::warn!("baseline not applied: {err}");
                }
                Arc::new(analysis)
            });
            (analysis, errors)
        })
        .await
        .map_err(Failure::Panicked)?;
        self.report_gazetteer_errors(document.as_deref(), &settings, &gazetteer_errors).await;
        analysis.map_err(|interrupted| Failure::Cancelled(Some(interrupted)))
    }

    /// [`Self::analysis`] with its outline worked out (on a blocking thread: on a 1 MB page
    /// it takes tens of milliseconds).
    async fn outlined(&self, uri: &Uri) -> Option<(i32, Rope, Arc<Analysis>)> {
        let (version, rope, analysis) = self.analysis(uri).await?;
        let outlining = analysis.clone();
        if let Err(err) = tokio::task::spawn_blocking(move || outlining.outline().len()).await {
            tracing::error!("outline of {} failed: {err}", uri.as_str());
            return None;
        }
        Some((version, rope, analysis))
    }

    /// The diagnostics of a version of a document: its analysis's findings, then its edition
    /// findings against its configured partners.
    async fn diagnostics(&self, uri: &Uri, version: i32, rope: &Rope, analysis: &Analysis) -> Vec<Diagnostic> {
        let encoding = self.state.encoding();
        let mut diagnostics: Vec<Diagnostic> =
            analysis.findings.iter().map(|finding| to_proto::diagnostic(uri, rope, finding, encoding)).collect();
        if let Some(found) = self.edition_findings(uri, version, rope).await {
            diagnostics.extend(crate::editions::diagnostics(uri, rope, &found, encoding));
        }
        diagnostics
    }

    /// The files `[[editions]]` pairs with the document (none for a document that is not a
    /// file), worked out once per configuration.
    async fn edition_partners(&self, uri: &Uri, config: &Config) -> Arc<Vec<PathBuf>> {
        if let Some(partners) = lock(&self.state.editions).partners.get(uri) {
            return partners.clone();
        }
        let path = uri.to_file_path().map(|p| p.into_owned());
        let partners = match path {
            Some(path) if !config.editions.is_empty() => {
                let config_file = lock(&self.state.settings).config_file(Some(&path));
                let config = config.clone();
                // A glob walks the workspace: off the runtime.
                let found = tokio::task::spawn_blocking(move || {
                    match zhnews_workspace::editions::Editions::new(config_file.as_deref(), &config) {
                        Ok(editions) => editions.partners(&path),
                        Err(err) => {
                            tracing::warn!("[[editions]] left out: {err}");
                            Vec::new()
                        }
                    }
                })
                .await;
                found.unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let partners = Arc::new(partners);
        lock(&self.state.editions).partners.insert(uri.clone(), partners.clone());
        partners
    }

    /// The edition findings of version `version` of a document (`rope`) against its configured
    /// partners: each partner's open text, else its file. Computed on a blocking thread and kept
    /// until the document's version or a partner's text changes; `None` without partners.
    async fn edition_findings(&self, uri: &Uri, version: i32, rope: &Rope) -> Option<Arc<crate::editions::Found>> {
        use crate::editions::{Snapshot, Stamp};
        let config = self.config_for(uri).await;
        let partners = self.edition_partners(uri, &config).await;
        if partners.is_empty() {
            return None;
        }
        // Each partner's open text, else its file.
        let snapshots: Vec<Snapshot> = {
            let documents = lock(&self.state.documents);
            partners
                .iter()
                .filter_map(|path| {
                    let document = documents.iter().find(|(u, _)| u.to_file_path().is_some_and(|p| *p == **path));
                    Some(match document {
                        Some((uri, document)) => Snapshot {
                            path: path.clone(),
                            uri: uri.clone(),
                            open: Some((document.rope.clone(), document.version)),
                        },
                        None => Snapshot { path: path.clone(), uri: Uri::from_file_path(path)?, open: None },
                    })
                })
                .collect()
        };
        let stamps: Vec<(PathBuf, Stamp)> = snapshots.iter().map(|s| (s.path.clone(), s.stamp())).collect();
        if let Some(found) = lock(&self.state.editions).found.get(uri)
            && found.is_current(version, &stamps)
        {
            return Some(found.clone());
        }
        let text = rope.to_string();
        let path = uri.to_file_path().map(|p| p.into_owned());
        let roots = lock(&self.state.settings).roots.clone();
        let computed = tokio::task::spawn_blocking(move || {
            let texts = snapshots.into_iter().zip(stamps).map(|(snapshot, (_, stamp))| snapshot.read(stamp)).collect();
            // Findings recorded in the baseline stay out of the editor, as out of `check`.
            let keep = |findings: &mut Vec<zhnews_core::editions::EditionFinding>| {
                if let Some(path) = &path
                    && let Some(err) = crate::ignore::filter_editions(findings, &text, path, &roots)
                {
                    tracing::warn!("baseline not applied: {err}");
                }
            };
            // The gazetteers the analysis uses: its errors are reported there.
            let (index, _) = zhnews_workspace::gazetteer::index_for(path.as_deref(), &config);
            crate::editions::find(&text, version, texts, (&config, &index), &keep)
        })
        .await;
        let found = match computed {
            Ok(found) => Arc::new(found),
            Err(err) => {
                tracing::error!("edition comparison of {} failed: {err}", uri.as_str());
                return None;
            }
        };
        lock(&self.state.editions).found.insert(uri.clone(), found.clone());
        Some(found)
    }

    /// Publishes again the diagnostics of the open documents that have `uri` as an edition
    /// partner: their edition findings read its new text. Pulling clients are asked to pull.
    fn republish_partners(&self, uri: &Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else { return };
        let partners: Vec<Uri> = {
            let editions = lock(&self.state.editions);
            editions
                .partners
                .iter()
                .filter(|(other, partners)| *other != uri && partners.contains(&path))
                .map(|(other, _)| other.clone())
                .collect()
        };
        let partners: Vec<Uri> = {
            let documents = lock(&self.state.documents);
            partners.into_iter().filter(|other| documents.contains_key(other)).collect()
        };
        if partners.is_empty() {
            return;
        }
        if self.state.pull_diagnostics.load(Ordering::SeqCst) {
            self.refresh_pulled_diagnostics();
            return;
        }
        for partner in partners {
            let backend = self.clone();
            tokio::spawn(async move { backend.analyse_and_publish(partner, false).await });
        }
    }

    /// Forgets every document's partners and edition findings (the configuration or the files
    /// changed).
    fn forget_editions(&self) {
        let mut editions = lock(&self.state.editions);
        editions.partners.clear();
        editions.found.clear();
    }

    /// Analyses after the debounce delay and publishes, unless a newer edit came in meanwhile.
    fn schedule(&self, uri: Uri) {
        if self.state.pull_diagnostics.load(Ordering::SeqCst) {
            return;
        }
        let generation = match lock(&self.state.documents).get(&uri) {
            Some(document) => document.generation,
            None => return,
        };
        let backend = self.clone();
        tokio::spawn(async move {
            let debounce = backend.config_for(&uri).await.lsp.debounce_ms;
            tokio::time::sleep(Duration::from_millis(debounce)).await;
            let still_current = lock(&backend.state.documents).get(&uri).is_some_and(|d| d.generation == generation);
            if still_current {
                backend.analyse_and_publish(uri, true).await;
            }
        });
    }

    /// Analyses at once, in the background, and publishes: for changes that are not keystrokes
    /// (settings, gazetteers, the tagger having loaded), so that the next request finds the
    /// analysis done instead of paying for it (on a 25 KB article, the first analysis with
    /// jieba's guesses took 4–8 ms of one hover's time).
    fn reanalyse(&self, uri: Uri) {
        let backend = self.clone();
        tokio::spawn(async move { backend.analyse_and_publish(uri, false).await });
    }

    /// Publishes the current version's diagnostics (clients that pull them are not sent any),
    /// unless a newer version came in while it was analysed. With `partners`, the open
    /// documents that have this one as an edition partner are published again too.
    async fn analyse_and_publish(&self, uri: Uri, partners: bool) {
        // Once cancelled, the version is not current: the newer one's own task publishes.
        let Some(Attempt::Done(version, rope, analysis)) = self.analysis_once(&uri).await else {
            return;
        };
        if partners {
            self.republish_partners(&uri);
        }
        if self.state.pull_diagnostics.load(Ordering::SeqCst) {
            return;
        }
        let diagnostics = self.diagnostics(&uri, version, &rope, &analysis).await;
        let newest = lock(&self.state.documents).get(&uri).is_some_and(|d| d.version == version);
        if newest {
            self.client.publish_diagnostics(uri, diagnostics, Some(version)).await;
        }
    }

    /// The open documents, in a stable order.
    fn open_uris(&self) -> Vec<Uri> {
        let mut uris: Vec<Uri> = lock(&self.state.documents).keys().cloned().collect();
        uris.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        uris
    }

    /// Re-reads one file into the workspace index off the runtime, if the index holds such
    /// files.
    fn reindex(&self, uri: &Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return;
        };
        let state = self.state.clone();
        tokio::task::spawn_blocking(move || {
            let roots = lock(&state.settings).roots.clone();
            if crate::workspace_index::belongs(&roots, &path) {
                // A full pass begun meanwhile reads the file itself if it still belongs.
                let pass = state.workspace_pass.load(Ordering::SeqCst);
                state.index_file(&path, pass);
            } else {
                state.workspace.remove(&path);
            }
        });
    }

    /// Indexes the whole workspace again off the runtime.
    fn reindex_workspace(&self) {
        let state = self.state.clone();
        tokio::task::spawn_blocking(move || state.index_workspace());
    }

    fn reanalyse_all(&self) {
        self.forget_editions();
        let uris: Vec<Uri> = {
            let mut documents = lock(&self.state.documents);
            documents.values_mut().for_each(OpenDocument::invalidate);
            documents.keys().cloned().collect()
        };
        for uri in uris {
            self.reanalyse(uri);
        }
        self.refresh_pulled_diagnostics();
    }

    /// Pulling clients ask again only when told to.
    fn refresh_pulled_diagnostics(&self) {
        if self.state.pull_diagnostics.load(Ordering::SeqCst) && self.state.diagnostic_refresh.load(Ordering::SeqCst) {
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(err) = client.workspace_diagnostic_refresh().await {
                    tracing::info!("workspace/diagnostic/refresh failed: {err}");
                }
            });
        }
    }

    async fn document_info(&self, params: DocumentInfoParams) -> Result<DocumentInfo> {
        guarded(async {
            let uri = params.text_document.uri;
            match self.analysis(&uri).await {
                Some((version, _, analysis)) => {
                    let script = analysis.document.script();
                    Ok(DocumentInfo {
                        version,
                        script: script.name(),
                        script_label: script.short_label(),
                        is_chinese: analysis.is_chinese,
                        analysed: true,
                    })
                }
                None => {
                    let documents = lock(&self.state.documents);
                    let document = documents
                        .get(&uri)
                        .ok_or_else(|| Error::invalid_params(format!("unknown document {}", uri.as_str())))?;
                    let script = zhnews_core::ScriptProfile::of(&document.rope.to_string()).script();
                    Ok(DocumentInfo {
                        version: document.version,
                        script: script.name(),
                        script_label: script.short_label(),
                        is_chinese: false,
                        analysed: false,
                    })
                }
            }
        })
        .await
    }

    async fn document_text(&self, params: DocumentInfoParams) -> Result<serde_json::Value> {
        let documents = lock(&self.state.documents);
        let uri = params.text_document.uri;
        let document =
            documents.get(&uri).ok_or_else(|| Error::invalid_params(format!("unknown document {}", uri.as_str())))?;
        Ok(serde_json::json!({
            "version": document.version,
            "text": document.rope.to_string(),
            "analyses": document.analyses,
        }))
    }

    async fn test_panic(&self, _params: serde_json::Value) -> Result<()> {
        guarded(async { panic!("zhnews/testPanic was asked to panic") }).await
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        // Build the analysis tables while the editor finishes the handshake and opens a file,
        // so the first diagnostics do not wait for them (see `bench/RESULTS.md`, startup).
        tokio::task::spawn_blocking(zhnews_core::analysis::warm_up);
        if let Some(pid) = params.process_id {
            let lifecycle = self.state.lifecycle.clone();
            tokio::spawn(async move {
                crate::parent::wait_for_exit(pid).await;
                tracing::warn!("the client's process {pid} is gone: exiting");
                lifecycle.orphaned.notify_one();
            });
        }
        let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref());
        let encoding = PositionEncoding::negotiate(offered);
        *self.state.encoding.write().unwrap_or_else(|p| p.into_inner()) = encoding;
        let pull = params.capabilities.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some());
        self.state.pull_diagnostics.store(pull, Ordering::SeqCst);
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.state.watch_config.store(watch, Ordering::SeqCst);
        let workspace = params.capabilities.workspace.as_ref();
        let refresh = workspace.and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support);
        self.state.diagnostic_refresh.store(refresh == Some(true), Ordering::SeqCst);
        let hierarchical = params.capabilities.text_document.as_ref().and_then(|t| t.document_symbol.as_ref());
        let hierarchical = hierarchical.and_then(|s| s.hierarchical_document_symbol_support).unwrap_or(false);
        self.state.hierarchical_symbols.store(hierarchical, Ordering::SeqCst);
        let code_action = params.capabilities.text_document.as_ref().and_then(|t| t.code_action.as_ref());
        let resolve_edits = code_action.is_some_and(|c| {
            c.data_support == Some(true)
                && c.resolve_support.as_ref().is_some_and(|r| r.properties.iter().any(|p| p == "edit"))
        });
        self.state.resolve_edits.store(resolve_edits, Ordering::SeqCst);
        {
            let mut settings = lock(&self.state.settings);
            let folders = params.workspace_folders.iter().flatten().map(|f| &f.uri);
            #[allow(deprecated)]
            let roots =
                folders.chain(params.root_uri.as_ref()).filter_map(|uri| uri.to_file_path().map(|p| p.into_owned()));
            settings.roots = roots.collect();
            if let Some(options) = &params.initialization_options
                && let Err(err) = json_to_table(options).and_then(|table| settings.set_editor_layers(vec![table]))
            {
                // Shown once the client is initialized, when the server may send messages.
                *lock(&self.state.invalid_options) = Some(err);
            }
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..TextDocumentSyncOptions::default()
                })),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("zhnews".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    })
                }),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
                    SemanticTokensOptions {
                        legend: crate::entities::legend(),
                        full: Some(SemanticTokensFullOptions::Bool(true)),
                        ..SemanticTokensOptions::default()
                    },
                )),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![
                        CodeActionKind::QUICKFIX,
                        CodeActionKind::REFACTOR_REWRITE,
                        crate::convert_actions::fix_all_kind(),
                    ]),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                    resolve_provider: Some(true),
                })),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![crate::ignore::COMMAND.to_owned()],
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                }),
                // The rules this build knows, so clients can offer them (and tests can tell
                // which rules to expect).
                // Folders added or removed mid-session change what the workspace index reads.
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                experimental: Some(serde_json::json!({
                    "zhnews": { "rules": zhnews_core::rule_codes::RULE_CODES.iter().map(|(code, _)| *code).collect::<Vec<_>>() }
                })),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo { name: "zhnews".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let invalid_options = lock(&self.state.invalid_options).take();
        if let Some(err) = invalid_options {
            let message = format!("zhnews: invalid initializationOptions, using zhnews.toml only: {err}");
            self.client.show_message(MessageType::ERROR, message).await;
        }
        // Build the entity automaton, then load jieba, off the request path; once jieba is in,
        // analyse again so guesses appear. Analyses before that simply have no guesses.
        let backend = self.clone();
        tokio::spawn(async move {
            let loaded = tokio::task::spawn_blocking(|| {
                zhnews_core::entities::EntityIndex::builtin();
                zhnews_core::entities::tagger::load();
                // Analyses from now on get the model's names after them (`add_model_names`).
                zhnews_core::entities::lac::load();
            })
            .await;
            if loaded.is_ok() {
                backend.reanalyse_all();
                backend.reindex_workspace();
            }
        });
        if !self.state.watch_config.load(Ordering::SeqCst) {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                FileSystemWatcher { glob_pattern: GlobPattern::String("**/zhnews.toml".into()), kind: None },
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!(
                        "**/{}",
                        zhnews_workspace::baseline::DEFAULT_BASELINE_FILE
                    )),
                    kind: None,
                },
                // For the workspace index of entities.
                FileSystemWatcher { glob_pattern: GlobPattern::String("**/*.txt".into()), kind: None },
            ],
        };
        let registration = Registration {
            id: "zhnews-config-watcher".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        // Do not wait for the answer here: notifications are handled in order, and a client
        // that is slow to answer must not hold up the ones behind this.
        let client = self.client.clone();
        tokio::spawn(async move {
            if let Err(err) = client.register_capability(vec![registration]).await {
                tracing::info!("client did not accept a file watcher for zhnews.toml: {err}");
            }
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.lifecycle.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let open = OpenDocument::new(&document.text, document.version, document.language_id);
        lock(&self.state.documents).insert(document.uri.clone(), open);
        self.schedule(document.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let encoding = self.state.encoding();
        let uri = params.text_document.uri;
        {
            let mut documents = lock(&self.state.documents);
            let Some(document) = documents.get_mut(&uri) else {
                tracing::warn!("didChange for a document that is not open: {}", uri.as_str());
                return;
            };
            if params.text_document.version < document.version {
                tracing::warn!(
                    "didChange with stale version {} < {} for {}",
                    params.text_document.version,
                    document.version,
                    uri.as_str()
                );
            }
            document.apply_changes(params.content_changes, params.text_document.version, encoding);
        }
        self.schedule(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = lock(&self.state.documents).remove(&uri);
        // The file on disk is what the workspace index holds again, and what its edition
        // partners are compared with.
        self.reindex(&uri);
        self.republish_partners(&uri);
        {
            let mut editions = lock(&self.state.editions);
            editions.partners.remove(&uri);
            editions.found.remove(&uri);
        }
        // Large documents leave large free blocks behind: give them back.
        if closed.is_some_and(|document| document.rope.len_bytes() > 1024 * 1024) {
            crate::memory::release_free_memory();
        }
        if !self.state.pull_diagnostics.load(Ordering::SeqCst) {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // VS Code sends { "zhnews": { … } }; other clients send the options themselves.
        let settings = params.settings.get("zhnews").unwrap_or(&params.settings);
        let updated = json_to_table(settings).and_then(|table| {
            let mut state = lock(&self.state.settings);
            let layers = vec![state.initialization_layer(), table];
            state.set_editor_layers(layers)
        });
        if let Err(err) = updated {
            let message = format!("zhnews: invalid settings, the previous ones stay in force: {err}");
            self.client.show_message(MessageType::ERROR, message).await;
            return;
        }
        self.reanalyse_all();
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut settings = lock(&self.state.settings);
            let path = |folder: &WorkspaceFolder| folder.uri.to_file_path().map(|p| p.into_owned());
            let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(path).collect();
            settings.roots.retain(|root| !removed.contains(root));
            for added in params.event.added.iter().filter_map(path) {
                if !settings.roots.contains(&added) {
                    settings.roots.push(added);
                }
            }
        }
        // A folder's zhnews.toml may now apply (or no longer), and the index covers other files.
        self.reanalyse_all();
        self.reindex_workspace();
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.reindex(&params.text_document.uri);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        // A text file changed: only its entry in the workspace index. A baseline changes what
        // the analyses report; a configuration file may also change what the index selects.
        let is_text = |change: &FileEvent| change.uri.path().as_str().to_ascii_lowercase().ends_with(".txt");
        let (texts, others): (Vec<FileEvent>, Vec<FileEvent>) = params.changes.into_iter().partition(is_text);
        for change in &texts {
            self.reindex(&change.uri);
        }
        if !texts.is_empty() && !lock(&self.state.editions).partners.values().all(|partners| partners.is_empty()) {
            // A glob may name other files now, and a partner's text on disk changed.
            let open: Vec<Uri> = lock(&self.state.editions).partners.keys().cloned().collect();
            lock(&self.state.editions).partners.clear();
            for uri in open {
                self.reanalyse(uri);
            }
            self.refresh_pulled_diagnostics();
        }
        if !others.is_empty() {
            self.clear_config_diagnostics(&others).await;
            self.reanalyse_all();
            let is_baseline = |change: &FileEvent| {
                change.uri.path().as_str().ends_with(zhnews_workspace::baseline::DEFAULT_BASELINE_FILE)
            };
            if !others.iter().all(is_baseline) {
                self.reindex_workspace();
            }
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guarded(async {
            let position = params.text_document_position_params;
            let uri = position.text_document.uri;
            let Some((_, rope, analysis)) = self.analysis(&uri).await else { return Ok(None) };
            let encoding = self.state.encoding();
            let offset = crate::encoding::position_to_byte(&rope, position.position, encoding);
            Ok(zhnews_core::hover::hover(&analysis, offset).map(|info| to_proto::hover(&rope, &info, encoding)))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        guarded(async {
            let uri = params.text_document.uri;
            let Some((version, rope, analysis)) = self.analysis(&uri).await else { return Ok(None) };
            let config = self.config_for(&uri).await;
            let encoding = self.state.encoding();
            let range = crate::encoding::range_to_chars(&rope, params.range, encoding);
            let range = zhnews_core::TextRange::new(rope.char_to_byte(range.start), rope.char_to_byte(range.end));
            let request = crate::request::Request {
                uri: &uri,
                version,
                rope: &rope,
                analysis: &analysis,
                config: &config,
                range,
                encoding,
                only: params.context.only.as_deref(),
                resolve_edits: self.state.resolve_edits.load(Ordering::SeqCst),
                automatic: params.context.trigger_kind == Some(CodeActionTriggerKind::AUTOMATIC),
            };
            let mut actions = crate::code_actions::code_actions(&request);
            if request.wants(&CodeActionKind::QUICKFIX)
                && let Some(found) = self.edition_findings(&uri, version, &rope).await
            {
                actions.extend(crate::editions::quick_fixes(&request, &found));
            }
            if request.wants(&CodeActionKind::QUICKFIX) {
                let config = self.config_for(&uri).await;
                let path = uri.to_file_path().map(|p| p.into_owned());
                let gazetteer = path
                    .and_then(|p| zhnews_workspace::gazetteer::workspace_gazetteer_path(&p, &config))
                    .filter(|p| p.is_file());
                actions.extend(crate::entities::add_to_gazetteer_actions(&analysis, range, gazetteer.as_deref()));
            }
            Ok((!actions.is_empty()).then_some(actions))
        })
        .await
    }

    /// The edit of a conversion action offered without one. Actions with nothing to resolve come
    /// back as they are; `data` that is not a conversion's is an invalid-params error. The
    /// action's range is exact only in the version it was offered for: after an edit, a
    /// document-wide conversion is computed on the new version (the whole document is found
    /// again exactly), any other scope fails with ContentModified rather than edit stale
    /// positions, and the client asks for code actions again.
    async fn code_action_resolve(&self, mut action: CodeAction) -> Result<CodeAction> {
        guarded(async {
            let Some(data) = action.data.as_ref().filter(|_| action.edit.is_none()) else { return Ok(action) };
            let (data, config) = crate::convert_actions::ResolveData::parse(data).map_err(Error::invalid_params)?;
            let current = self.analysis(&data.uri).await;
            let (version, rope, analysis) = current.ok_or_else(|| data.stale(None))?;
            let range = data.range_in(version, analysis.document.text())?;
            let settings = self.config_for(&data.uri).await;
            let encoding = self.state.encoding();
            let uri = data.uri.clone();
            // A document-wide conversion of a large file takes a while: off the async runtime.
            let edit = tokio::task::spawn_blocking(move || {
                let request = crate::request::Request {
                    uri: &uri,
                    version,
                    rope: &rope,
                    analysis: &analysis,
                    config: &settings,
                    range,
                    encoding,
                    only: None,
                    resolve_edits: false,
                    automatic: false,
                };
                crate::convert_actions::resolve(&request, config)
            })
            .await;
            let internal = |message: String| Error {
                code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
                message: format!("internal error: {message}").into(),
                data: None,
            };
            action.edit = Some(edit.map_err(|err| internal(err.to_string()))?.map_err(internal)?);
            Ok(action)
        })
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        guarded(async {
            if params.command != crate::ignore::COMMAND {
                return Err(Error::invalid_params(format!("unknown command {}", params.command)));
            }
            let argument = params.arguments.into_iter().next().unwrap_or_default();
            let argument: crate::ignore::IgnoreFinding = serde_json::from_value(argument)
                .map_err(|err| Error::invalid_params(format!("{}: {err}", crate::ignore::COMMAND)))?;
            let roots = lock(&self.state.settings).roots.clone();
            let written = tokio::task::spawn_blocking(move || crate::ignore::execute(&argument, &roots))
                .await
                .map_err(|err| Error::invalid_params(err.to_string()))?;
            match written {
                Ok(file) => {
                    // Analyse again, without the finding; pulling clients are asked to pull.
                    self.reanalyse_all();
                    Ok(Some(serde_json::json!({ "baseline": file.to_string_lossy() })))
                }
                Err(message) => {
                    self.client.show_message(MessageType::ERROR, format!("zhnews: {message}")).await;
                    Err(Error::invalid_params(message))
                }
            }
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        guarded(async {
            let uri = params.text_document.uri;
            let Some((_, rope, analysis)) = self.outlined(&uri).await else { return Ok(None) };
            let encoding = self.state.encoding();
            Ok(Some(if self.state.hierarchical_symbols.load(Ordering::SeqCst) {
                DocumentSymbolResponse::Nested(crate::outline::document_symbols(&rope, analysis.outline(), encoding))
            } else {
                DocumentSymbolResponse::Flat(crate::outline::symbol_information(
                    &uri,
                    &rope,
                    analysis.outline(),
                    encoding,
                ))
            }))
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        guarded(async {
            let Some((_, _, analysis)) = self.outlined(&params.text_document.uri).await else { return Ok(None) };
            Ok(Some(crate::outline::folding_ranges(&analysis)))
        })
        .await
    }

    async fn selection_range(&self, params: SelectionRangeParams) -> Result<Option<Vec<SelectionRange>>> {
        guarded(async {
            let Some((_, rope, analysis)) = self.outlined(&params.text_document.uri).await else { return Ok(None) };
            let encoding = self.state.encoding();
            let ranges = params
                .positions
                .iter()
                .map(|&position| crate::outline::selection_range(&rope, &analysis, position, encoding))
                .collect();
            Ok(Some(ranges))
        })
        .await
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        guarded(async {
            let Some((_, rope, analysis)) = self.analysis(&params.text_document.uri).await else { return Ok(None) };
            let data = crate::entities::semantic_tokens(&rope, &analysis, self.state.encoding());
            Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
        })
        .await
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        guarded(async {
            let position = params.text_document_position_params;
            let Some((_, rope, analysis)) = self.analysis(&position.text_document.uri).await else { return Ok(None) };
            let encoding = self.state.encoding();
            let offset = crate::encoding::position_to_byte(&rope, position.position, encoding);
            let Some(mention) = crate::entities::mention_at(&analysis, offset) else { return Ok(None) };
            Ok(Some(crate::entities::highlights(&rope, &analysis, &mention.entity.id, encoding)))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        guarded(async {
            let position = params.text_document_position;
            let Some((_, rope, analysis)) = self.analysis(&position.text_document.uri).await else { return Ok(None) };
            let encoding = self.state.encoding();
            let offset = crate::encoding::position_to_byte(&rope, position.position, encoding);
            let Some(mention) = crate::entities::mention_at(&analysis, offset) else { return Ok(None) };
            let id = mention.entity.id.clone();
            let mut locations = Vec::new();
            for uri in self.open_uris() {
                if let Some((_, rope, analysis)) = self.analysis(&uri).await {
                    locations.extend(crate::entities::locations(&uri, &rope, &analysis, &id, encoding));
                }
            }
            let open = self.state.open_paths();
            self.state.workspace.for_each_file(&open, |uri, mentions| {
                locations.extend(crate::entities::indexed_locations(uri, mentions, &id));
            });
            Ok(Some(locations))
        })
        .await
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        guarded(async {
            let encoding = self.state.encoding();
            let query = crate::entities::symbol_query(&params.query);
            let mut symbols = Vec::new();
            for uri in self.open_uris() {
                if let Some((_, rope, analysis)) = self.analysis(&uri).await {
                    symbols.extend(crate::entities::symbols(&uri, &rope, &analysis, &query, encoding));
                }
            }
            let open = self.state.open_paths();
            self.state.workspace.for_each_file(&open, |uri, mentions| {
                symbols.extend(crate::entities::indexed_symbols(uri, mentions, &query));
            });
            Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
        })
        .await
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        guarded(async {
            let uri = params.text_document.uri;
            let known = lock(&self.state.documents).contains_key(&uri);
            if !known {
                return Err(Error::invalid_params(format!("unknown document {}", uri.as_str())));
            }
            let items = match self.analysis(&uri).await {
                Some((version, rope, analysis)) => self.diagnostics(&uri, version, &rope, &analysis).await,
                None => Vec::new(),
            };
            Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
                RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
                },
            )))
        })
        .await
    }
}
