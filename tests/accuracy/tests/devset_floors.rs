//! The development set's scores in CI: `ZHNEWS_DEVSET` (set by `scripts/test` and `.ci/run`)
//! is scored and every number must stay at or above its floor in `floors.toml`.

use std::path::{Path, PathBuf};

use zhnews_accuracy::exclusions::Exclusions;
use zhnews_accuracy::floors::Floors;

fn devset() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("ZHNEWS_DEVSET")?);
    let dir = if dir.is_absolute() { dir } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(dir) };
    assert!(dir.is_dir(), "ZHNEWS_DEVSET={} is not a folder", dir.display());
    Some(dir)
}

fn here(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(file)
}

#[test]
fn the_development_set_keeps_its_floors() {
    let Some(dir) = devset() else {
        eprintln!("ZHNEWS_DEVSET is not set: the development set is not scored");
        return;
    };
    let exclusions = Exclusions::load(&here("exclusions.toml")).unwrap();
    let scores = zhnews_accuracy::score(&dir, &exclusions).unwrap();
    let table = zhnews_accuracy::report::table(&scores, false);
    eprintln!("{table}");
    let floors = Floors::load(&here("floors.toml")).unwrap();
    let failures = floors.check(&scores);
    assert!(failures.is_empty(), "scores fell below their floors:\n{}", failures.join("\n"));
    for raisable in floors.raisable(&scores, 0.01) {
        eprintln!("floor to raise: {raisable}");
    }
    // The scorer reads every part of the set: a key format change that silently scores nothing
    // must not pass.
    let all = scores.summary(None);
    assert!(all.outline.headings > 0 && all.entities_all().entities > 0 && all.injected > 0 && all.clean_files > 0);
}

#[test]
fn floors_name_only_metrics_in_the_right_table() {
    // Scored on a one-article folder written here, so the names are checked without the set.
    let root = tempdir();
    std::fs::create_dir_all(root.join("corpus")).unwrap();
    std::fs::write(
        root.join("corpus/a.txt"),
        "國家主席習近平抵達利馬\n\n新華社利馬11月14日電 國家主席習近平14日抵達利馬。\n",
    )
    .unwrap();
    let scores = zhnews_accuracy::score(&root, &Exclusions::default()).unwrap();
    let floors = Floors::load(&here("floors.toml")).unwrap();
    let failures = floors.check(&scores);
    assert!(failures.iter().all(|f| !f.contains("is not a metric") && !f.contains("other table")), "{failures:?}");
    std::fs::remove_dir_all(root).unwrap();
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-accuracy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
