//! Editions on real text: `000` (Hong Kong, Traditional) against `002` (a Chongqing page,
//! Simplified, hard line breaks), whose second story is the same Xinhua briefing; and the
//! story-pairing threshold measured over every pair of files of the corpus (`ZHNEWS_CORPUS`)
//! and the development set (`ZHNEWS_DEVSET`).

use std::fmt::Write;
use std::path::PathBuf;

use expect_test::expect;
use zhnews_core::editions::suggest::{SUGGEST_CONTAINMENT, StorySketch, candidates, jaccard, story_sketches, suggest};
use zhnews_core::editions::{PAIR_CONTAINMENT, compare, containment, story_profiles};
use zhnews_core::{Config, Document};

#[test]
fn hong_kong_and_chongqing_editions_of_the_briefing() {
    let (Some(a), Some(b)) = (zhnews_tests::corpus_file("000"), zhnews_tests::corpus_file("002")) else {
        eprintln!("ZHNEWS_CORPUS is not set; skipping");
        return;
    };
    let (a, b) = (std::fs::read_to_string(a).unwrap(), std::fs::read_to_string(b).unwrap());
    let (da, db) = (Document::new(a.as_str()), Document::new(b.as_str()));
    let comparison = compare(&da, &db, &Config::default());
    // 002 with 000 finds the same on each file: `zhnews check` compares each pair once.
    let swapped = compare(&db, &da, &Config::default());
    assert!(swapped.a == comparison.b && swapped.b == comparison.a, "002 with 000 differs from 000 with 002");
    let mut out = String::new();
    for (name, text, lines, findings) in
        [("000", &a, da.lines(), &comparison.a), ("002", &b, db.lines(), &comparison.b)]
    {
        for f in findings {
            let line = lines.line_of(f.finding.range.start) + 1;
            let flagged: String = text[f.finding.range.as_range()].chars().filter(|c| *c != '\n').take(12).collect();
            let _ = writeln!(out, "{name}:{line} {} `{flagged}`: {}", f.finding.rule, f.finding.message);
        }
    }
    expect![[r#"
        000:20 edition-missing `。`: the other edition has a sentence here that this edition lacks: `早在2017年初，面对逆…世界指明了方向。`
        000:22 edition-text `之間`: `之間` here, `之问` in the other edition; neither is a script or regional variant of the other
        000:58 edition-missing `二、推動全球治理改革再聚`: sections run 一、三、五、二、四、六 here but 一、二 in the other edition; `二、` is out of order
        000:60 edition-text `勢量`: `勢量` here, `声势` in the other edition; neither is a script or regional variant of the other
        002:62 edition-missing `早在2017年初，面对逆`: sentence only in this edition: `早在2017年初，面对逆…世界指明了方向。`
        002:75 edition-text `之问`: `之问` here, `之間` in the other edition; neither is a script or regional variant of the other
        002:94 edition-text `声势`: `声势` here, `勢量` in the other edition; neither is a script or regional variant of the other
    "#]]
    .assert_eq(&out);
}

fn txt_files(dir: Option<PathBuf>) -> Vec<PathBuf> {
    let Some(dir) = dir else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        walk(&dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    files
}

/// The corpus's files and the development set's articles (`corpus/`; its `injected/` copies are
/// edited versions of the same articles), or `None` without a corpus.
fn corpus_and_devset_articles() -> Option<Vec<PathBuf>> {
    let corpus = txt_files(zhnews_tests::corpus_dir());
    if corpus.is_empty() {
        return None;
    }
    let devset = std::env::var_os("ZHNEWS_DEVSET").map(|dir| PathBuf::from(dir).join("corpus"));
    Some(corpus.into_iter().chain(txt_files(devset)).collect())
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// [`PAIR_CONTAINMENT`] pairs 000 with 002's briefing and no other two stories of different
/// files in the corpus and the development set's articles (`corpus/`; its `injected/` copies are
/// edited versions of the same articles, editions by construction, and left out).
#[test]
fn pairing_threshold_separates_editions_from_other_stories() {
    let Some(files) = corpus_and_devset_articles() else {
        eprintln!("ZHNEWS_CORPUS is not set; skipping");
        return;
    };
    let config = Config::default();
    let profiles: Vec<_> = files
        .iter()
        .map(|path| story_profiles(&Document::new(std::fs::read_to_string(path).unwrap()), &config))
        .collect();
    let name = |i: usize| files[i].file_name().unwrap().to_string_lossy().chars().take(3).collect::<String>();
    let mut paired = Vec::new();
    let mut best_other = 0.0f64;
    for i in 0..files.len() {
        for j in i + 1..files.len() {
            for (_, a) in &profiles[i] {
                for (_, b) in &profiles[j] {
                    let score = containment(a, b);
                    if score >= PAIR_CONTAINMENT {
                        paired.push(format!("{} {} {score:.2}", name(i), name(j)));
                    } else {
                        best_other = best_other.max(score);
                    }
                }
            }
        }
    }
    eprintln!("{} files; pairs at or above {PAIR_CONTAINMENT}: {paired:?}; best other: {best_other:.2}", files.len());
    assert_eq!(paired.len(), 1, "{paired:?}");
    assert!(paired[0].starts_with("000 002"), "{paired:?}");
}

/// [`SUGGEST_CONTAINMENT`] suggests 000 with 002's briefing and no other two stories of
/// different files in the corpus and the development set's articles, among them the thirteen Hong
/// Kong articles on one fire (t01–t07, t15–t20); the scores are measured over every two stories
/// (not only the LSH candidates), and the true pair is among the candidates.
#[test]
fn suggestion_threshold_separates_editions_from_other_stories() {
    let Some(files) = corpus_and_devset_articles() else {
        eprintln!("ZHNEWS_CORPUS is not set; skipping");
        return;
    };
    let config = Config::default();
    let sketches: Vec<Vec<StorySketch>> = files
        .iter()
        .map(|path| story_sketches(&Document::new(std::fs::read_to_string(path).unwrap()), &config))
        .collect();
    let name = |i: usize| files[i].file_name().unwrap().to_string_lossy().chars().take(3).collect::<String>();
    let mut scores = Vec::new();
    for i in 0..files.len() {
        for j in i + 1..files.len() {
            for (si, a) in sketches[i].iter().enumerate() {
                for (sj, b) in sketches[j].iter().enumerate() {
                    let score = containment(&a.sketch.shingles, &b.sketch.shingles);
                    let jac = jaccard(&a.sketch.shingles, &b.sketch.shingles);
                    scores.push((score, jac, format!("{}:{si} {}:{sj}", name(i), name(j))));
                }
            }
        }
    }
    scores.sort_by(|x, y| y.0.total_cmp(&x.0));
    let fire = |label: &str| {
        let fire_file = |n: &str| {
            n.strip_prefix('t')
                .and_then(|n| n.get(..2)?.parse::<u32>().ok())
                .is_some_and(|n| n <= 7 || (15..=20).contains(&n))
        };
        label.split(' ').all(fire_file)
    };
    let best_fire = scores.iter().find(|s| fire(&s.2));
    eprintln!(
        "{} files, {} stories; top scores: {:?}; best between two fire articles: {best_fire:?}",
        files.len(),
        sketches.iter().map(Vec::len).sum::<usize>(),
        &scores[..6.min(scores.len())]
    );
    let suggested: Vec<String> = suggest(&sketches)
        .iter()
        .map(|s| format!("{}:{} {}:{} {:.2}", name(s.a.0), s.a.1, name(s.b.0), s.b.1, s.containment))
        .collect();
    eprintln!("suggested: {suggested:?}; candidates: {}", candidates(&sketches).len());
    assert_eq!(suggested.len(), 1, "{suggested:?}");
    assert!(suggested[0].starts_with("000:0 002:"), "{suggested:?}");
    // A margin on both sides: the true pair well above, every other pair well below.
    assert!(scores[0].0 >= SUGGEST_CONTAINMENT + 0.15, "{:?}", scores[0]);
    assert!(scores[1].0 <= SUGGEST_CONTAINMENT - 0.15, "{:?}", scores[1]);
    assert!(best_fire.is_some_and(|s| s.0 <= SUGGEST_CONTAINMENT - 0.4), "{best_fire:?}");
}

/// Every article of the development set (`ZHNEWS_DEVSET`) against its own OpenCC conversion
/// (Traditional to Simplified with t2s, Simplified to Hong Kong Traditional with s2hk): a clean
/// conversion is no difference at all. Then one figure of the converted copy is changed (the
/// last digit of its first number of two digits or more in the body, our edit and so the key):
/// that edit, and nothing else, is found, on both sides.
#[test]
fn converted_then_edited_dev_set_articles() {
    use zhnews_core::convert::{Backend, OpenccConfig, Protected, convert_text, converter};
    let Some(dir) = std::env::var_os("ZHNEWS_DEVSET").map(PathBuf::from) else {
        eprintln!("ZHNEWS_DEVSET is not set; skipping");
        return;
    };
    let files = txt_files(Some(dir.join("corpus")));
    assert!(files.len() >= 40, "dev set articles in {}", dir.display());
    let config = Config::default();
    let mut problems = Vec::new();
    let mut edited = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let original = std::fs::read_to_string(path).unwrap();
        let direction = if name.starts_with('t') { OpenccConfig::T2s } else { OpenccConfig::S2hk };
        let converted =
            convert_text(converter(Backend::Embedded, direction).unwrap(), &original, Protected::NONE).unwrap();
        let (da, db) = (Document::new(original.as_str()), Document::new(converted.as_str()));
        let clean = compare(&da, &db, &config);
        for f in clean.a.iter().chain(&clean.b) {
            problems.push(format!("{name} clean: {} {}", f.finding.rule, f.finding.message));
        }
        // The edit: the last digit of the first number of two digits or more after line 1.
        let body_start = converted.find('\n').map_or(converted.len(), |at| at + 1);
        let digits: Vec<(usize, char)> =
            converted[body_start..].char_indices().map(|(at, c)| (at + body_start, c)).collect();
        let Some(end) = digits.windows(3).find_map(|w| {
            (w[0].1.is_ascii_digit() && w[1].1.is_ascii_digit() && !w[2].1.is_ascii_digit()).then_some(w[1].0)
        }) else {
            continue;
        };
        let old = converted.as_bytes()[end];
        let new = if old == b'9' { b'1' } else { old + 1 };
        let mut bytes = converted.clone().into_bytes();
        bytes[end] = new;
        let changed = String::from_utf8(bytes).unwrap();
        let dc = Document::new(changed.as_str());
        let comparison = compare(&da, &dc, &config);
        edited += 1;
        // A figure's edit is an edition-figure; a number that is part of a name (`Pro 300`) is
        // text, and an edition-text there is right too.
        let is_edit = |rule: &str| matches!(rule, "edition-figure" | "edition-text");
        let hits_edit = comparison
            .b
            .iter()
            .any(|f| is_edit(f.finding.rule) && f.finding.range.start <= end && end < f.finding.range.end);
        if !hits_edit || !comparison.a.iter().any(|f| is_edit(f.finding.rule)) {
            problems.push(format!("{name} edited at byte {end}: the edit was not found on both sides"));
        }
        let line = dc.lines().line_of(end);
        for f in comparison
            .b
            .iter()
            .filter(|f| !is_edit(f.finding.rule) || dc.lines().line_of(f.finding.range.start) != line)
        {
            problems.push(format!("{name} edited: extra {} {}", f.finding.rule, f.finding.message));
        }
    }
    assert!(edited >= 40, "{edited} articles edited");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
