//! The scorer checked against keys written from zhnews's own output: such keys score
//! perfectly, and each deliberate difference moves exactly the number it should. The
//! detectors may change; these tests hold as long as the scoring follows the README.

use std::path::{Path, PathBuf};

use serde_json::json;
use zhnews_accuracy::exclusions::Exclusions;

const ARTICLE: &str = "習近平抵達利馬出席峰會\n\n新華社利馬11月13日電　國家主席習近平13日抵達利馬，出席亞太經合組織領導人非正式會議。秘魯總統博魯阿爾特到機場迎接。\n\n2024年11月16日（五），兩國元首在利馬舉行會談。\n\n雙方簽署多份合作文件，涉及貿易、投資和數字經濟。\n";

struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn folder(name: &str) -> Folder {
    let dir = std::env::temp_dir().join(format!("zhnews-accuracy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["corpus", "keys/outline", "keys/entities", "injected"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("corpus/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("injected/a.txt"), ARTICLE).unwrap();
    Folder(dir)
}

fn write(dir: &Path, file: &str, value: serde_json::Value) {
    std::fs::write(dir.join(file), serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count()
}

/// Keys that say exactly what zhnews reports for ARTICLE, plus `extra` headings and entities.
fn keys_from_output(dir: &Path, extra_heading: Option<usize>, extra_entity: Option<&str>) -> (usize, usize, usize) {
    zhnews_core::entities::tagger::load();
    let analysis = zhnews_core::analyse(ARTICLE, &zhnews_core::Config::default());
    let mut headings: Vec<serde_json::Value> = Vec::new();
    for top in analysis.outline() {
        for node in top.walk() {
            headings.push(
                json!({"line": line_of(ARTICLE, node.heading_range.start), "text": node.text, "level": node.level}),
            );
        }
    }
    if let Some(line) = extra_heading {
        headings.push(json!({"line": line, "text": "", "level": 2}));
    }
    let heading_count = headings.len();
    write(dir, "keys/outline/a.json", json!({"file": "corpus/a.txt", "headings": headings}));

    let mut entities: Vec<serde_json::Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for mention in analysis.entities() {
        let surface = &ARTICLE[mention.range.as_range()];
        let kind = mention.entity.kind.key();
        if !["person", "place", "org"].contains(&kind) || !seen.insert(surface.to_owned()) {
            continue;
        }
        let english =
            if mention.entity.english.is_empty() { "Unnamed".to_owned() } else { mention.entity.english.clone() };
        entities.push(json!({"surface": surface, "type": kind, "english": english, "first_line": line_of(ARTICLE, mention.range.start)}));
    }
    let named = entities.iter().filter(|e| e["english"] != "Unnamed").count();
    if let Some(surface) = extra_entity {
        let line = line_of(ARTICLE, ARTICLE.find(surface).unwrap());
        entities.push(json!({"surface": surface, "type": "org", "english": "Nothing Known", "first_line": line}));
    }
    let entity_count = entities.len();
    write(dir, "keys/entities/a.json", json!({"file": "corpus/a.txt", "entities": entities}));

    let weekday =
        analysis.findings.iter().find(|f| f.rule == "weekday-mismatch").expect("the fixture's weekday is wrong");
    let line = line_of(ARTICLE, weekday.range.start);
    write(
        dir,
        "keys/injected-trad.json",
        json!([{"file": "injected/a.txt", "source": "corpus/a.txt", "script": "Traditional", "code": "weekday-mismatch", "line": line, "alt_lines": [], "edit": "", "why": "", "preexisting": []}]),
    );
    (heading_count, entity_count, named)
}

#[test]
fn keys_written_from_the_output_score_perfectly() {
    let dir = folder("perfect");
    let (headings, entities, named) = keys_from_output(&dir.0, None, None);
    assert!(headings >= 1 && entities >= 3, "the fixture has a headline and names ({headings}, {entities})");
    let line = line_of(ARTICLE, ARTICLE.find("2024年").unwrap());
    write(
        &dir.0,
        "keys/clean-trad.json",
        json!({"files": [{"file": "corpus/a.txt", "findings": [{"code": "weekday-mismatch", "line": line, "certainty": "definite"}], "traps": []}]}),
    );
    let scores = zhnews_accuracy::score(&dir.0, &Exclusions::default()).unwrap();
    let s = scores.summary(None);
    assert_eq!(
        (s.outline.headings, s.outline.found, s.outline.extra, s.outline.levels_right),
        (headings, headings, 0, headings)
    );
    let all = s.entities_all();
    assert_eq!((all.entities, all.hovered, all.english_right), (entities, entities, named));
    assert_eq!((s.injected, s.injected_found), (1, 1));
    assert_eq!((s.false_positives, s.expected_findings, s.expected_found), (0, 1, 1));
    assert_eq!(s.spurious.total(), 0, "{:?}", scores.entities[0].spurious_examples);
}

#[test]
fn each_difference_from_the_output_counts_once() {
    let dir = folder("differences");
    // A body line as a heading, a stretch of body text as an organisation, and a clean key
    // that lists no finding (so the weekday report is a false positive on a trap).
    let body = line_of(ARTICLE, ARTICLE.find("雙方").unwrap());
    let (headings, entities, named) = keys_from_output(&dir.0, Some(body), Some("合作文件"));
    let weekday_line = line_of(ARTICLE, ARTICLE.find("2024年").unwrap());
    write(
        &dir.0,
        "keys/clean-trad.json",
        json!({"files": [{"file": "corpus/a.txt", "findings": [], "traps": [{"line": weekday_line, "might_fire": "weekday-mismatch"}]}]}),
    );
    let scores = zhnews_accuracy::score(&dir.0, &Exclusions::default()).unwrap();
    let s = scores.summary(None);
    assert_eq!((s.outline.headings, s.outline.found), (headings, headings - 1));
    let all = s.entities_all();
    assert_eq!((all.entities, all.hovered, all.english_right), (entities, entities - 1, named));
    assert_eq!((s.false_positives, s.traps, s.traps_fired), (1, 1, 1));

    // Set aside with a reason, the made-up entity and heading no longer count.
    let exclusions = dir.0.join("exclusions.toml");
    std::fs::write(
        &exclusions,
        format!(
            "[[exclude]]\nfile = \"corpus/a.txt\"\nentity = \"合作文件\"\nreason = \"not a name\"\n\n[[exclude]]\nfile = \"corpus/a.txt\"\nheading = {body}\nreason = \"a body line\"\n"
        ),
    )
    .unwrap();
    let scores = zhnews_accuracy::score(&dir.0, &Exclusions::load(&exclusions).unwrap()).unwrap();
    let s = scores.summary(None);
    assert_eq!((s.outline.headings, s.outline.found), (headings - 1, headings - 1));
    assert_eq!(s.entities_all().entities, entities - 1);
    assert_eq!(scores.key_problems.iter().filter(|p| p.contains("excluded")).count(), 2);
}
