//! Keys the project believes wrong, set aside with a reason instead of worked around in the
//! code. Read from a TOML file (`tests/accuracy/exclusions.toml` by default):
//!
//! ```toml
//! [[exclude]]
//! file = "corpus/t05_example.txt"   # the key's `file`
//! entity = "某某"                     # an entity entry, by surface; or
//! heading = 12                       # an outline heading, by line; or
//! finding = 30                       # a clean-file finding, by line
//! reason = "why the key is wrong"
//! ```
//!
//! Every exclusion is printed with its reason under the table, so none is silent.

use std::path::Path;

use serde::Deserialize;

use crate::keys::{CleanFile, EntitiesKey, OutlineKey};

#[derive(Debug, Default, Deserialize)]
pub struct Exclusions {
    #[serde(default)]
    exclude: Vec<Exclusion>,
}

#[derive(Debug, Deserialize)]
struct Exclusion {
    file: String,
    entity: Option<String>,
    heading: Option<usize>,
    finding: Option<usize>,
    reason: String,
}

impl Exclusions {
    pub fn load(path: &Path) -> Result<Exclusions, String> {
        let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
        let exclusions: Exclusions = toml::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))?;
        for e in &exclusions.exclude {
            let what =
                usize::from(e.entity.is_some()) + usize::from(e.heading.is_some()) + usize::from(e.finding.is_some());
            if what != 1 || e.reason.trim().is_empty() {
                return Err(format!(
                    "{}: each exclusion names one entity, heading or finding, and a reason ({})",
                    path.display(),
                    e.file
                ));
            }
        }
        Ok(exclusions)
    }

    pub fn outline_key(&self, key: &OutlineKey) -> OutlineKey {
        let mut key = key.clone();
        key.headings.retain(|h| !self.exclude.iter().any(|e| e.file == key.file && e.heading == Some(h.line)));
        key
    }

    pub fn entities_key(&self, key: &EntitiesKey) -> EntitiesKey {
        let mut key = key.clone();
        key.entities.retain(|x| {
            !self.exclude.iter().any(|e| e.file == key.file && e.entity.as_deref() == Some(x.surface.as_str()))
        });
        key
    }

    pub fn clean_key(&self, key: &CleanFile) -> CleanFile {
        let mut key = key.clone();
        key.findings.retain(|f| !self.exclude.iter().any(|e| e.file == key.file && e.finding == Some(f.line)));
        key
    }

    /// One line per exclusion, for the report.
    pub fn applied(&self) -> Vec<String> {
        self.exclude
            .iter()
            .map(|e| {
                let what = match (&e.entity, e.heading, e.finding) {
                    (Some(surface), _, _) => format!("entity {surface}"),
                    (_, Some(line), _) => format!("heading on line {line}"),
                    (_, _, Some(line)) => format!("finding on line {line}"),
                    _ => String::new(),
                };
                format!("{}: excluded {what}: {}", e.file, e.reason)
            })
            .collect()
    }
}
