//! Parity with the `opencc` command-line tool (`opencc -c t2s.json`), for every configuration
//! on every corpus file and every fixture in `tests/fixtures/convert/`.
//!
//! - System backend (`--features system-opencc`): byte for byte, every configuration.
//! - Embedded backend: byte for byte for every configuration without phrase conversion; for the
//!   phrase configurations (`s2twp`, `tw2sp`) the words where ferrous-opencc's newer dictionaries
//!   differ from the installed OpenCC data are listed below as known data-version differences.
//!
//! These tests need the `opencc` tool (Debian: `apt-get install opencc`) and the corpus
//! (`ZHNEWS_CORPUS`). CI installs both; a missing tool fails under `CI`, and elsewhere the test
//! says why it cannot run.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use expect_test::expect;
use similar::{DiffOp, capture_diff_slices};
use zhnews_core::convert::{Backend, OpenccConfig, converter};

/// The files compared: the corpus (when `ZHNEWS_CORPUS` is set, and it must be in CI) and the
/// fixtures.
fn inputs() -> Vec<PathBuf> {
    let fixtures = zhnews_tests::workspace_root().join("tests/fixtures/convert");
    let mut dirs = vec![fixtures];
    match zhnews_tests::corpus_dir() {
        Some(corpus) => dirs.push(corpus),
        None => assert!(std::env::var_os("CI").is_none(), "CI must set ZHNEWS_CORPUS"),
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("readable folder").map(|e| e.expect("entry").path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// `opencc -c <config>.json -i <file>`, or `None` (with the reason printed) when the tool is
/// not installed outside CI.
fn opencc_cli(config: OpenccConfig, file: &PathBuf) -> Option<String> {
    let output =
        match Command::new("opencc").arg("-c").arg(format!("{}.json", config.name())).arg("-i").arg(file).output() {
            Ok(output) => output,
            Err(err) => {
                let why = format!("cannot run the `opencc` tool ({err}); install it with `apt-get install opencc`");
                assert!(std::env::var_os("CI").is_none(), "{why}");
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("not comparing with the opencc tool: {why}");
                }
                return None;
            }
        };
    assert!(output.status.success(), "opencc -c {config}.json failed: {}", String::from_utf8_lossy(&output.stderr));
    Some(String::from_utf8(output.stdout).expect("opencc writes UTF-8"))
}

/// Every (ours → opencc) changed run between the two outputs.
fn differences(ours: &str, theirs: &str) -> BTreeSet<String> {
    let a: Vec<char> = ours.chars().collect();
    let b: Vec<char> = theirs.chars().collect();
    let mut out = BTreeSet::new();
    let mut pending: Option<(usize, usize, usize, usize)> = None;
    let ops = capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    for op in ops.iter().chain([&DiffOp::Equal { old_index: a.len(), new_index: b.len(), len: 0 }]) {
        if let DiffOp::Equal { .. } = op {
            if let Some((os, oe, ns, ne)) = pending.take() {
                let x: String = a[os..oe].iter().collect();
                let y: String = b[ns..ne].iter().collect();
                out.insert(format!("{x}→{y}"));
            }
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        pending = Some(match pending {
            Some((os, _, ns, _)) => (os, o.end, ns, n.end),
            None => (o.start, o.end, n.start, n.end),
        });
    }
    out
}

/// Compares `backend` with the tool on every input and returns the differences of every
/// configuration that differs anywhere (`None` when the tool is missing outside CI).
fn compare(backend: Backend) -> Option<Vec<String>> {
    let files = inputs();
    let mut report = Vec::new();
    for config in OpenccConfig::ALL {
        let converter = converter(backend, config).expect("converter builds");
        let mut diffs = BTreeSet::new();
        for file in &files {
            let text = std::fs::read_to_string(file).expect("UTF-8 input");
            let theirs = opencc_cli(config, file)?;
            let ours = converter.convert(&text).expect("conversion");
            diffs.extend(differences(&ours, &theirs));
        }
        if !diffs.is_empty() {
            report.push(format!("{config}: {}", diffs.into_iter().collect::<Vec<_>>().join(" ")));
        }
    }
    Some(report)
}

#[test]
fn embedded_backend_matches_the_opencc_tool() {
    let Some(report) = compare(Backend::Embedded) else { return };
    // Known data-version differences (ours → Debian's OpenCC 1.1.x data), not bugs of ours:
    // ferrous-opencc ships newer dictionaries. Only the phrase configurations and t2jp (a newer
    // Shinjitai table) may appear here; every other configuration must match byte for byte.
    for line in &report {
        let config = line.split(':').next().and_then(OpenccConfig::from_name).expect("config name");
        assert!(config.converts_phrases() || config == OpenccConfig::T2jp, "unexpected difference: {line}");
    }
    expect![[r#"
        s2twp: 啟用→激活
        tw2sp: 进→行
        t2jp: 奨→獎 砺→礪"#]]
    .assert_eq(&report.join("\n"));
}

#[cfg(feature = "system-opencc")]
#[test]
fn system_backend_matches_the_opencc_tool_byte_for_byte() {
    let Some(report) = compare(Backend::System) else { return };
    assert!(report.is_empty(), "{report:#?}");
}
