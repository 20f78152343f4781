//! "Ignore this finding": a quick fix on every zhnews diagnostic that records the finding in the
//! workspace baseline, the file `zhnews check --baseline` reads, and the filtering that keeps
//! baselined findings out of the editor so that editor and CI agree.
//!
//! The action carries a command, [`COMMAND`], whose argument names the finding by document,
//! rule and fingerprint ([`zhnews_core::fingerprint`]); executing it adds one entry to the
//! baseline (atomically, via [`zhnews_workspace::baseline::add_to_baseline`]) and never touches
//! the document. The baseline is [`zhnews_workspace::baseline::default_baseline_path`]: the file
//! `zhnews-baseline.json` beside the governing `zhnews.toml`, else at the workspace root.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Command, Uri};
use zhnews_core::Finding;
use zhnews_core::editions::EditionFinding;
use zhnews_core::fingerprint::{excerpt, fingerprint};
use zhnews_workspace::baseline::{Baseline, BaselineError, add_to_baseline};

use crate::request::Request;
use crate::to_proto;

/// The command "Ignore this finding" runs (`workspace/executeCommand`).
pub const COMMAND: &str = "zhnews.ignoreFinding";

/// How many characters of the finding's text go into the baseline as a reminder (as `check`).
const EXCERPT_CHARS: usize = 40;

/// The argument of [`COMMAND`]: which finding, in which document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IgnoreFinding {
    pub uri: Uri,
    pub rule: String,
    pub fingerprint: String,
    pub excerpt: String,
}

/// One "Ignore this finding" action per finding that overlaps the requested range; none for a
/// document that is not a file (it has no workspace to keep a baseline in).
pub fn ignore_actions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    if request.uri.to_file_path().is_none() {
        return Vec::new();
    }
    let range = request.range;
    let text = request.analysis.document.text();
    request
        .analysis
        .findings
        .iter()
        .filter(|finding| finding.range.start <= range.end && range.start <= finding.range.end)
        .map(|finding| {
            let argument = IgnoreFinding {
                uri: request.uri.clone(),
                rule: finding.rule.to_owned(),
                fingerprint: fingerprint(text, finding),
                excerpt: excerpt(text, finding, EXCERPT_CHARS),
            };
            let title = format!("Ignore this finding ({}) in the baseline", finding.rule);
            CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_proto::diagnostic(request.uri, request.rope, finding, request.encoding)]),
                command: Some(Command {
                    title,
                    command: COMMAND.to_owned(),
                    arguments: serde_json::to_value(&argument).ok().map(|value| vec![value]),
                }),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// Records the finding in the baseline for its document; returns the baseline's path.
pub fn execute(argument: &IgnoreFinding, roots: &[PathBuf]) -> Result<PathBuf, String> {
    let document = argument
        .uri
        .to_file_path()
        .ok_or_else(|| format!("{} is not a file: only files can have a baseline", argument.uri.as_str()))?
        .into_owned();
    let file = zhnews_workspace::baseline::default_baseline_path(&document, roots);
    add_to_baseline(&file, &document, &argument.rule, argument.fingerprint.clone(), argument.excerpt.clone())
        .map_err(|err| err.to_string())?;
    forget(&file);
    Ok(file)
}

/// Drops the findings of `document` that its baseline records, as `zhnews check --baseline`
/// does. A missing baseline filters nothing; a broken one is reported and filters nothing.
pub fn filter(findings: &mut Vec<Finding>, text: &str, document: &Path, roots: &[PathBuf]) -> Option<BaselineError> {
    filter_by(findings, |finding| finding, text, document, roots)
}

/// [`filter`] for the edition findings of `document` (`[[editions]]`), kept apart from its
/// analysis's.
pub fn filter_editions(
    findings: &mut Vec<EditionFinding>,
    text: &str,
    document: &Path,
    roots: &[PathBuf],
) -> Option<BaselineError> {
    filter_by(findings, |edition| &edition.finding, text, document, roots)
}

fn filter_by<T>(
    items: &mut Vec<T>,
    finding: impl Fn(&T) -> &Finding,
    text: &str,
    document: &Path,
    roots: &[PathBuf],
) -> Option<BaselineError> {
    let file = zhnews_workspace::baseline::default_baseline_path(document, roots);
    let mut baseline = match load(&file) {
        Ok(Some(baseline)) => baseline,
        Ok(None) => return None,
        Err(err) => return Some(err),
    };
    let key = baseline.path_key(document);
    items.retain(|item| {
        let finding = finding(item);
        !baseline.take(&key, finding.rule, &fingerprint(text, finding))
    });
    None
}

type Stamp = Option<SystemTime>;

/// Loaded baselines by path, reloaded when the file's modification time changes.
fn cache() -> &'static Mutex<HashMap<PathBuf, (Stamp, Baseline)>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, (Stamp, Baseline)>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

fn load(file: &Path) -> Result<Option<Baseline>, BaselineError> {
    let Ok(metadata) = std::fs::metadata(file) else {
        return Ok(None);
    };
    let stamp = metadata.modified().ok();
    let mut cache = cache().lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((cached, baseline)) = cache.get(file)
        && stamp.is_some()
        && *cached == stamp
    {
        return Ok(Some(baseline.clone()));
    }
    let baseline = Baseline::load(file)?;
    cache.insert(file.to_owned(), (stamp, baseline.clone()));
    Ok(Some(baseline))
}

/// Forgets a cached baseline, so the next analysis reads it afresh (modification times can be
/// too coarse to see our own write).
fn forget(file: &Path) {
    cache().lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(file);
}
