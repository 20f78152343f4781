//! The outline measured on the shared corpus against hand-labelled outlines
//! (`tests/fixtures/outline/corpus/*.expected`, see the README there). Run with
//! `ZHNEWS_CORPUS=../shared/corpus cargo test -p zhnews-tests --test outline_corpus -- --nocapture`
//! to see the table.

use std::collections::BTreeSet;

use zhnews_core::{Config, analyse};
use zhnews_tests::{corpus_dir, corpus_file, corpus_files, workspace_root};

/// Floors per corpus file: (file prefix, precision, recall), both for "right line and right
/// level". Never lower them to make a change pass.
const FLOORS: &[(&str, f64, f64)] =
    &[("000", 1.0, 1.0), ("001", 1.0, 1.0), ("002", 1.0, 1.0), ("003", 1.0, 1.0), ("004", 1.0, 1.0)];

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Label {
    line: usize,
    level: u32,
    kind: String,
    text: String,
}

fn labels(text: &str) -> Vec<Label> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(4, ' ');
            let line = parts.next().and_then(|p| p.parse().ok()).expect("line number");
            let level = parts.next().and_then(|p| p.parse().ok()).expect("level");
            let kind = parts.next().expect("kind").to_owned();
            let text = parts.next().unwrap_or_default().to_owned();
            Label { line, level, kind, text }
        })
        .collect()
}

fn detected(text: &str) -> Vec<Label> {
    let analysis = analyse(text, &Config::default());
    let mut out = Vec::new();
    for root in analysis.outline() {
        for node in root.walk() {
            out.push(Label {
                line: analysis.document.lines().line_of(node.heading_range.start) + 1,
                level: node.level,
                kind: node.kind.name().to_owned(),
                text: node.text.clone(),
            });
        }
    }
    out.sort();
    out
}

#[test]
fn outline_precision_and_recall_on_the_corpus() {
    if corpus_dir().is_none() {
        eprintln!("ZHNEWS_CORPUS is not set: corpus outline test skipped");
        return;
    }
    let expected_dir = workspace_root().join("tests/fixtures/outline/corpus");
    let mut failures = Vec::new();
    let (mut all_right, mut all_found, mut all_expected) = (0, 0, 0);
    for &(prefix, min_precision, min_recall) in FLOORS {
        let file = corpus_file(prefix).expect("corpus set");
        let text = std::fs::read_to_string(&file).expect("corpus text");
        let label_path = expected_dir.join(format!("{prefix}.expected"));
        let expected = labels(
            &std::fs::read_to_string(&label_path).unwrap_or_else(|err| panic!("{}: {err}", label_path.display())),
        );
        let found = detected(&text);
        let key = |l: &Label| (l.line, l.level);
        let expected_keys: BTreeSet<_> = expected.iter().map(key).collect();
        let found_keys: BTreeSet<_> = found.iter().map(key).collect();
        let right = found_keys.intersection(&expected_keys).count();
        let precision = if found.is_empty() { 1.0 } else { right as f64 / found.len() as f64 };
        let recall = if expected.is_empty() { 1.0 } else { right as f64 / expected.len() as f64 };
        eprintln!(
            "{prefix}: {right} right of {} found, {} labelled: precision {precision:.2}, recall {recall:.2}",
            found.len(),
            expected.len()
        );
        for label in found.iter().filter(|l| !expected_keys.contains(&key(l))) {
            eprintln!("  extra   {} {} {} {}", label.line, label.level, label.kind, label.text);
        }
        for label in expected.iter().filter(|l| !found_keys.contains(&key(l))) {
            eprintln!("  missed  {} {} {} {}", label.line, label.level, label.kind, label.text);
        }
        for label in &found {
            if let Some(want) = expected.iter().find(|e| key(e) == key(label))
                && (want.kind != label.kind || want.text != label.text)
            {
                eprintln!(
                    "  differs {} {}: {} {} (labelled {} {})",
                    label.line, label.level, label.kind, label.text, want.kind, want.text
                );
            }
        }
        if precision < min_precision || recall < min_recall {
            failures.push(format!(
                "{prefix}: precision {precision:.2} < {min_precision} or recall {recall:.2} < {min_recall}"
            ));
        }
        all_right += right;
        all_found += found.len();
        all_expected += expected.len();
    }
    eprintln!(
        "all: precision {:.3}, recall {:.3}",
        all_right as f64 / all_found.max(1) as f64,
        all_right as f64 / all_expected.max(1) as f64
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The outline of every corpus file is the same in the other script: converted to Simplified
/// (t2s) and to Traditional (s2t) with the embedded OpenCC, each gives the same headings at the
/// same lines, levels and kinds.
#[test]
fn outline_is_the_same_in_either_script() {
    use zhnews_core::convert::{Backend, OpenccConfig, converter};
    let Some(paths) = corpus_files() else {
        eprintln!("ZHNEWS_CORPUS is not set: corpus outline test skipped");
        return;
    };
    let shape = |text: &str| -> Vec<(usize, u32, String)> {
        detected(text).into_iter().map(|l| (l.line, l.level, l.kind)).collect()
    };
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("corpus text");
        let original = shape(&text);
        for config in [OpenccConfig::T2s, OpenccConfig::S2t] {
            let converted = converter(Backend::Embedded, config).expect("converter").convert(&text).expect("converts");
            assert_eq!(shape(&converted), original, "{} after {}", path.display(), config.name());
        }
    }
}
