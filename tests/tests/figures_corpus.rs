//! Every rule over the shared corpus (`ZHNEWS_CORPUS`), snapshotted. A finding in this
//! snapshot is either real (and then has a named regression fixture in
//! `tests/fixtures/figures/`) or a false positive to fix in the rule, never to accept here.

use std::fmt::Write;

use expect_test::expect_file;
use zhnews_core::{Config, analyse};

#[test]
fn corpus_findings() {
    let Some(dir) = zhnews_tests::corpus_dir() else {
        eprintln!("ZHNEWS_CORPUS is not set; skipping the corpus run");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus folder is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt files in {}", dir.display());
    let config = Config::default();
    let mut out = String::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("corpus file is UTF-8");
        let analysis = analyse(&text, &config);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let stem: String = name.chars().take(3).collect();
        for finding in &analysis.findings {
            let line = analysis.document.lines().line_of(finding.range.start) + 1;
            let _ = writeln!(out, "{stem}:{line}: {}: {}", finding.rule, finding.message);
            for related in &finding.related {
                let line = analysis.document.lines().line_of(related.range.start) + 1;
                let _ = writeln!(out, "    {stem}:{line}: {}", related.message);
            }
        }
    }
    expect_file!["../snapshots/figures_corpus.txt"].assert_eq(&out);
}
