//! Recall and precision of entity hovers on the shared corpus, against the hand-checked list
//! in `tests/data/corpus-entities.toml`.
//!
//! Method: a listed name is *recalled* when the file has a mention whose lookup form is the
//! name's and whose entity id is the listed one (so the hover shows the right entity). Precision
//! counts every mention of a person, place, organisation or event (CC-CEDICT proper nouns of no
//! known kind are not shown as entities and are left out) and asks whether its (name, id) is
//! listed for that file. Run with `ZHNEWS_CORPUS=../shared/corpus cargo test -p zhnews-tests
//! --test corpus_entities -- --nocapture` to see the numbers.

// The measurement is the point of this test: it prints its numbers.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};

use zhnews_core::entities::{EntityIndex, EntityKind, Options, normalise, recognise, tagger};

type Expected = BTreeMap<String, BTreeMap<String, String>>;

fn expected() -> Expected {
    let text = std::fs::read_to_string(zhnews_tests::workspace_root().join("tests/data/corpus-entities.toml"))
        .expect("tests/data/corpus-entities.toml");
    let table: toml::Table = text.parse().expect("valid TOML");
    let files = table["files"].as_table().expect("[files.*] tables");
    files
        .iter()
        .map(|(file, names)| {
            let names = names
                .as_table()
                .expect("name = id")
                .iter()
                .map(|(name, id)| (normalise(name), id.as_str().expect("id string").to_owned()))
                .collect();
            (file.clone(), names)
        })
        .collect()
}

struct Score {
    listed: usize,
    recalled: usize,
    mentions: usize,
    correct_mentions: usize,
    guesses: usize,
    wrong: BTreeSet<String>,
    missed: BTreeSet<String>,
}

fn score(with_tagger: bool) -> Option<Score> {
    let corpus = zhnews_tests::corpus_dir()?;
    // jieba alone: the LAC model is scored by scripts/accuracy, and takes seconds on the corpus.
    let options = Options { tagger: with_tagger.then(tagger::load), model: None };
    let expected = expected();
    let config = zhnews_core::Config::default();
    let mut s = Score {
        listed: 0,
        recalled: 0,
        mentions: 0,
        correct_mentions: 0,
        guesses: 0,
        wrong: BTreeSet::new(),
        missed: BTreeSet::new(),
    };
    for (file, names) in &expected {
        let text = std::fs::read_to_string(corpus.join(file)).expect("corpus file");
        let document = zhnews_core::analyse(&text, &config).document;
        let entities = recognise(&document, EntityIndex::builtin(), options);
        let found: BTreeSet<(String, String)> = entities.iter().map(|m| (m.key.clone(), m.entity.id.clone())).collect();
        for (name, id) in names {
            s.listed += 1;
            if found.contains(&(name.clone(), id.clone())) {
                s.recalled += 1;
            } else {
                s.missed.insert(format!("{file}: {name} ({id})"));
            }
        }
        for mention in entities.iter().filter(|m| m.entity.kind != EntityKind::Other) {
            s.mentions += 1;
            s.guesses += usize::from(mention.is_guess());
            if names.get(&mention.key) == Some(&mention.entity.id) {
                s.correct_mentions += 1;
            } else {
                s.wrong.insert(format!("{file}: {} ({})", mention.key, mention.entity.id));
            }
        }
    }
    Some(s)
}

fn report(label: &str, s: &Score) -> (f64, f64) {
    let recall = s.recalled as f64 / s.listed as f64;
    let precision = s.correct_mentions as f64 / s.mentions as f64;
    println!(
        "{label}: recall {}/{} = {recall:.3}; precision {}/{} mentions = {precision:.3} ({} jieba guesses)",
        s.recalled, s.listed, s.correct_mentions, s.mentions, s.guesses
    );
    println!("  missed: {:?}", s.missed);
    println!("  wrong: {:?}", s.wrong);
    (recall, precision)
}

#[test]
fn corpus_hovers_are_right_for_at_least_95_percent_of_names() {
    let Some(s) = score(false) else {
        return;
    };
    let (recall, precision) = report("dictionaries only", &s);
    assert!(recall >= 0.95, "recall {recall:.3}, missed {:?}", s.missed);
    assert!(precision >= 0.95, "precision {precision:.3}, wrong {:?}", s.wrong);
}

#[test]
fn jieba_guesses_do_not_lower_precision_on_the_corpus() {
    let Some(s) = score(true) else {
        return;
    };
    let (recall, precision) = report("with jieba guesses", &s);
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(precision >= 0.95, "precision {precision:.3}, wrong {:?}", s.wrong);
}
