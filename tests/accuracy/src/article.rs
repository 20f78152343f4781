//! One article analysed the way a user's editor and `zhnews check` analyse it: the
//! configuration and gazetteers `zhnews.toml` gives the file (none, in a bare keyed folder), the
//! jieba tagger loaded (the server loads it in the background at start-up, the CLI up front),
//! and `zhnews_core::analyse_with`, the call behind the server's diagnostics, hovers and
//! outlines.

use std::path::Path;

use zhnews_core::{Analysis, TextRange};

/// The script a file is reported under (serialised as its name, `Traditional`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Script {
    Traditional,
    Simplified,
}

impl Script {
    pub fn name(self) -> &'static str {
        match self {
            Script::Traditional => "Traditional",
            Script::Simplified => "Simplified",
        }
    }
}

pub struct Article {
    pub analysis: Analysis,
    /// Byte offset where each `\n`-separated line starts (the keys' line numbers).
    line_starts: Vec<usize>,
    pub script: Script,
}

impl Article {
    /// The analysis of the file at `path` as `zhnews check` makes it (no LAC model: no rule
    /// needs it).
    pub fn load(path: &Path) -> Result<Article, String> {
        Article::load_with(path, false)
    }

    /// The analysis of the file at `path` as the editor ends up with it, the LAC model's
    /// names added ([`zhnews_core::Analysis::add_model_names`]).
    pub fn load_with_model_names(path: &Path) -> Result<Article, String> {
        Article::load_with(path, true)
    }

    fn load_with(path: &Path, people: bool) -> Result<Article, String> {
        let (config, index) =
            zhnews_workspace::gazetteer::config_and_index(path).map_err(|err| format!("{}: {err}", path.display()))?;
        if config.entities.guesses {
            zhnews_core::entities::tagger::load();
        }
        let text = zhnews_workspace::read_text_file(path).map_err(|err| err.to_string())?;
        let analysis = zhnews_core::analyse_with(&text, &config, &index);
        if people {
            analysis.add_model_names(&config, &index, zhnews_core::entities::lac::load(), &|| false);
        }
        Ok(Article::new(analysis))
    }

    pub fn new(analysis: Analysis) -> Article {
        let text = analysis.document.text();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let profile = analysis.document.script_profile();
        // The keyed folders hold one script per file; a file with as many characters of
        // each is counted as Traditional.
        let script =
            if profile.simplified_only > profile.traditional_only { Script::Simplified } else { Script::Traditional };
        Article { analysis, line_starts, script }
    }

    pub fn text(&self) -> &str {
        self.analysis.document.text()
    }

    /// The 0-based `\n` line holding a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset).saturating_sub(1)
    }

    /// The lines a range touches, first and last (an empty range: its one line).
    pub fn lines_of(&self, range: TextRange) -> (usize, usize) {
        let first = self.line_of(range.start);
        let last = if range.end > range.start { self.line_of(range.end - 1) } else { first };
        (first, last)
    }

    /// The text of a line without its `\n` (and a `\r` before it).
    pub fn line(&self, line: usize) -> Option<(usize, &str)> {
        let start = *self.line_starts.get(line)?;
        let end = self.line_starts.get(line + 1).map_or(self.text().len(), |next| next - 1);
        Some((start, self.text()[start..end].trim_end_matches('\r')))
    }
}
