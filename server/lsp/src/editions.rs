//! Edition findings in the editor (`[[editions]]`, see `docs/editions.md`): each configured
//! partner of a document, compared with it (`zhnews_core::editions::compare`), gives findings
//! whose related information points at the partner's ranges, in the partner's own text (the
//! open document's, else the file's) and in the negotiated encoding; edition findings that carry
//! the other edition's wording are offered as quick fixes.
//!
//! The server gathers the partners' texts and caches [`Found`] per document version; this
//! module only computes and converts.

use std::path::PathBuf;
use std::time::SystemTime;

use ropey::Rope;
use tower_lsp_server::ls_types::{CodeActionOrCommand, Diagnostic, Uri};
use zhnews_core::editions::{EditionFinding, compare_with};
use zhnews_core::entities::EntityIndex;
use zhnews_core::{Config, Document};

use crate::encoding::PositionEncoding;
use crate::request::Request;
use crate::to_proto;

/// Which text of a partner a comparison read: an open document's version, or the file on disk
/// as of its modification time and length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stamp {
    Open(i32),
    Disk(Option<SystemTime>, u64),
}

/// A partner as the server finds it before comparing: its open text and version, or `None` when
/// it is not open (its file is read).
pub struct Snapshot {
    pub path: PathBuf,
    pub uri: Uri,
    pub open: Option<(Rope, i32)>,
}

impl Snapshot {
    /// Which text of the partner a comparison now would read.
    pub fn stamp(&self) -> Stamp {
        match &self.open {
            Some((_, version)) => Stamp::Open(*version),
            None => match std::fs::metadata(&self.path) {
                Ok(metadata) => Stamp::Disk(metadata.modified().ok(), metadata.len()),
                Err(_) => Stamp::Disk(None, 0),
            },
        }
    }

    /// The text to compare (blocking: reads the file of a partner that is not open; one that
    /// cannot be read compares as empty, which pairs with nothing).
    pub fn read(self, stamp: Stamp) -> PartnerText {
        let rope = match self.open {
            Some((rope, _)) => rope,
            None => {
                zhnews_workspace::read_text_file(&self.path).map(|text| Rope::from_str(&text)).unwrap_or_else(|err| {
                    tracing::warn!("edition not compared: {err}");
                    Rope::new()
                })
            }
        };
        PartnerText { path: self.path, uri: self.uri, rope, stamp }
    }
}

/// A partner's text as the comparison reads it.
pub struct PartnerText {
    pub path: PathBuf,
    pub uri: Uri,
    pub rope: Rope,
    pub stamp: Stamp,
}

/// The findings on a document against one partner.
pub struct Partner {
    pub path: PathBuf,
    pub uri: Uri,
    /// The text compared, for positions in it.
    pub rope: Rope,
    pub stamp: Stamp,
    pub findings: Vec<EditionFinding>,
}

/// The edition findings of one version of a document.
pub struct Found {
    pub version: i32,
    pub partners: Vec<Partner>,
}

impl Found {
    /// True when it was computed for `version` against these partners' texts.
    pub fn is_current(&self, version: i32, stamps: &[(PathBuf, Stamp)]) -> bool {
        self.version == version
            && self.partners.len() == stamps.len()
            && self.partners.iter().zip(stamps).all(|(p, (path, stamp))| p.path == *path && p.stamp == *stamp)
    }
}

/// Compares `text` (version `version`) with each partner under `config`, names by `index`;
/// `keep` filters each partner's findings (the baseline). Blocking: a pair of 25 KB editions
/// takes milliseconds.
pub fn find(
    text: &str,
    version: i32,
    partners: Vec<PartnerText>,
    (config, index): (&Config, &EntityIndex),
    keep: &dyn Fn(&mut Vec<EditionFinding>),
) -> Found {
    let document = Document::new(text);
    let partners = partners
        .into_iter()
        .map(|partner| {
            let other = Document::new(partner.rope.to_string());
            let mut findings = compare_with(&document, &other, config, index).a;
            keep(&mut findings);
            Partner { path: partner.path, uri: partner.uri, rope: partner.rope, stamp: partner.stamp, findings }
        })
        .collect();
    Found { version, partners }
}

/// The diagnostics of the edition findings; `rope` holds the text compared.
pub fn diagnostics(uri: &Uri, rope: &Rope, found: &Found, encoding: PositionEncoding) -> Vec<Diagnostic> {
    found
        .partners
        .iter()
        .flat_map(|partner| {
            partner
                .findings
                .iter()
                .map(|finding| to_proto::edition_diagnostic(uri, rope, finding, &partner.uri, &partner.rope, encoding))
        })
        .collect()
}

/// A quick fix for each edition finding that overlaps the range and carries the other edition's
/// wording: an exact edit of the version the findings were computed for.
pub fn quick_fixes(request: &Request<'_>, found: &Found) -> Vec<CodeActionOrCommand> {
    if found.version != request.version {
        return Vec::new();
    }
    let range = request.range;
    found
        .partners
        .iter()
        .flat_map(|partner| partner.findings.iter().map(move |finding| (partner, finding)))
        .filter(|(_, f)| f.finding.range.start <= range.end && range.start <= f.finding.range.end)
        .filter_map(|(partner, f)| {
            let fix = f.finding.fix.as_ref()?;
            let diagnostic = to_proto::edition_diagnostic(
                request.uri,
                request.rope,
                f,
                &partner.uri,
                &partner.rope,
                request.encoding,
            );
            Some(request.quick_fix(fix, diagnostic, false))
        })
        .collect()
}
