//! [`analyse`]: the one entry point from text to everything zhnews knows about it.

use crate::config::Config;
use crate::document::Document;
use crate::finding::Finding;
use crate::rules;

/// Everything known about one document version.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    /// False when the text is not Chinese enough to analyse (see [`is_chinese`]); such a
    /// document gets no findings.
    pub is_chinese: bool,
    pub findings: Vec<Finding>,
    /// Titles, stories and sections, top level first (see [`crate::outline`]).
    pub outline: Vec<crate::outline::OutlineNode>,
}

/// True when Han characters make up at least `config.analysis.min_han_share` of the text's
/// letters. An English `.txt` with a few Chinese words stays unanalysed.
pub fn is_chinese(document: &Document, config: &Config) -> bool {
    let profile = document.script_profile();
    profile.han > 0 && profile.han_share() >= config.analysis.min_han_share
}

/// Analyses one document version. Never fails, never panics.
pub fn analyse(text: &str, config: &Config) -> Analysis {
    let document = Document::new(text);
    let is_chinese = is_chinese(&document, config);
    let findings = if is_chinese { rules::run_all(&document, config) } else { Vec::new() };
    let outline = if is_chinese { crate::outline::outline(&document, &config.outline) } else { Vec::new() };
    Analysis { document, is_chinese, findings, outline }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_text_is_not_analysed() {
        let config = Config::default();
        assert!(!analyse("The president met 習近平 in Lima on Thursday.", &config).is_chinese);
        assert!(analyse("國家主席習近平抵達利馬。APEC", &config).is_chinese);
        assert!(!analyse("", &config).is_chinese);
    }
}
