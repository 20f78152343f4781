//! The whole `analyse(text)` pipeline: it never panics, and every range it returns is a valid
//! slice of the text; hover never panics at any character boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhnews_core::{Config, analyse};

fuzz_target!(|text: &str| {
    let analysis = analyse(text, &Config::default());
    let valid = |start: usize, end: usize| start <= end && text.get(start..end).is_some();
    for finding in &analysis.findings {
        assert!(valid(finding.range.start, finding.range.end), "finding {finding:?}");
        if let Some(fix) = &finding.fix {
            for edit in &fix.edits {
                assert!(valid(edit.range.start, edit.range.end), "edit {edit:?}");
            }
        }
    }
    for mention in analysis.entities() {
        assert!(valid(mention.range.start, mention.range.end), "mention {:?}", mention.range);
    }
    for (at, _) in text.char_indices().step_by(7).chain([(text.len(), ' ')]) {
        if let Some(info) = zhnews_core::hover::hover(&analysis, at) {
            assert!(valid(info.range.start, info.range.end), "hover {info:?}");
        }
    }
});
