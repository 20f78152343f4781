//! `mixed-script` on the shared corpus: exactly the known real case (互动 in the Traditional
//! text of 003) and nothing else. Precision first: a finding anywhere else is a false positive.

use zhnews_core::{Config, analyse};

#[test]
fn mixed_script_findings_on_the_corpus_are_exactly_the_known_ones() {
    let Some(files) = zhnews_tests::corpus_files() else {
        panic!("set ZHNEWS_CORPUS to the shared corpus folder (../shared/corpus) to run the corpus tests");
    };
    assert!(files.len() >= 5, "the corpus has 5 articles");
    let config = Config::default();
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = analyse(&text, &config);
        let name = path.file_name().unwrap().to_string_lossy()[..3].to_owned();
        for finding in analysis.findings.iter().filter(|f| f.rule == "mixed-script") {
            let line = analysis.document.lines().line_of(finding.range.start) + 1;
            let fix = finding.fix.as_ref().map_or(String::new(), |fix| fix.edits[0].replacement.clone());
            found.push(format!("{name}:{line} {}→{fix}", &text[finding.range.as_range()]));
        }
    }
    assert_eq!(found, ["003:13 动→動"]);
}
