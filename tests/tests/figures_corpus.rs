//! Every rule over the shared corpus (`ZHNEWS_CORPUS`), snapshotted. A finding in this
//! snapshot is either real (and then has a named regression fixture in
//! `tests/fixtures/figures/`) or a false positive to fix in the rule, never to accept here.

use std::fmt::Write;

use expect_test::expect_file;
use zhnews_core::{Config, analyse};

#[test]
fn corpus_findings() {
    let Some(files) = zhnews_tests::corpus_files() else {
        eprintln!("ZHNEWS_CORPUS is not set; skipping the corpus run");
        return;
    };
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

/// Recall on real text: one figure of a corpus article changed by hand must be caught. Each case
/// names the file (by its number), the text to replace and the rule that must then fire on the
/// replacement; the untouched article is silent for that rule (checked above).
#[test]
fn corpus_with_injected_errors() {
    if zhnews_tests::corpus_dir().is_none() {
        eprintln!("ZHNEWS_CORPUS is not set; skipping the corpus run");
        return;
    }
    let cases = [
        // 004 announces six highlights, numbers six sections and sums them up as 這六大亮點.
        ("004", "這六大亮點", "這五大亮點", "count-mismatch"),
        ("004", "有六大亮點", "有七大亮點", "count-mismatch"),
        // 000 lists five areas before 五個方面.
        ("000", "生態等五個方面", "生態等六個方面", "count-mismatch"),
    ];
    let config = Config::default();
    for (stem, from, to, rule) in cases {
        let path = zhnews_tests::corpus_file(stem).expect("corpus set");
        let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
        assert_eq!(text.matches(from).count(), 1, "{stem}: {from} occurs once");
        let changed = text.replacen(from, to, 1);
        let at = changed.find(to).expect("replacement present");
        let analysis = analyse(&changed, &config);
        let hits: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == rule && f.range.start >= at && f.range.start < at + to.len())
            .collect();
        assert_eq!(hits.len(), 1, "{stem}: {to} should fire {rule}; findings: {:#?}", analysis.findings);
    }
}
