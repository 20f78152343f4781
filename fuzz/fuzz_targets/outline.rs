//! Heading detection (`zhnews_core::outline`) on arbitrary text, with and without house-style
//! patterns: it never panics, every range is a valid slice, a node's section contains its
//! heading and its children's sections, children follow each other in text order, and a
//! node's level is its depth.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhnews_core::outline::{OutlineConfig, OutlineNode, outline};
use zhnews_core::{Config, Document, TextRange};

/// A configuration with the kinds of pattern newsrooms write (anchored, unanchored, empty
/// matches, a character class of numerals).
fn patterned() -> &'static OutlineConfig {
    static CONFIG: OnceLock<OutlineConfig> = OnceLock::new();
    CONFIG.get_or_init(|| {
        let toml = r#"
[[outline.patterns]]
regex = "^【.*】$"
level = 2
[[outline.patterns]]
regex = "[甲乙丙丁]、"
level = 3
[[outline.patterns]]
regex = "x*"
level = 6
"#;
        Config::from_toml_str(toml).expect("the patterns are valid").outline
    })
}

fn check(text: &str, nodes: &[OutlineNode], level: u32, parent: Option<TextRange>) {
    let valid = |r: TextRange| r.start <= r.end && text.get(r.start..r.end).is_some();
    let mut previous_end = 0;
    for node in nodes {
        assert!(valid(node.heading_range), "heading {node:?}");
        assert!(valid(node.section_range), "section {node:?}");
        assert_eq!(node.level, level, "level {node:?}");
        let (heading, section) = (node.heading_range, node.section_range);
        assert!(section.start <= heading.start && heading.end <= section.end, "section holds heading {node:?}");
        if let Some(parent) = parent {
            assert!(parent.start <= section.start && section.end <= parent.end, "parent holds child {node:?}");
        }
        assert!(previous_end <= section.start, "siblings in order {node:?}");
        previous_end = section.end;
        check(text, &node.children, level + 1, Some(section));
    }
}

fuzz_target!(|text: &str| {
    let document = Document::new(text);
    for config in [&OutlineConfig::default(), patterned()] {
        check(text, &outline(&document, config), 1, None);
    }
});
