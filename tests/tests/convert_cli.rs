//! `zhnews convert` on the command line: stdout, stdin, `--in-place`, `--check`, protected
//! terms from `zhnews.toml`, and errors that leave files untouched.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn zhnews(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(zhnews_tests::zhnews_bin())
        .arg("convert")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhnews runs");
    // zhnews may exit on a usage error before it reads stdin: a broken pipe is fine then.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    child.wait_with_output().expect("zhnews ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn converts_stdin_and_files_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let output = zhnews(dir.path(), &["--config", "t2s"], "國家主席習近平\r\n𠮷說話\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "国家主席习近平\r\n𠮷说话\n");

    std::fs::write(dir.path().join("a.txt"), "软件和内存\n").unwrap();
    let output = zhnews(dir.path(), &["-c", "s2twp.json", "a.txt", "-"], "鼠标\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "軟體和記憶體\n滑鼠\n");
    // The file itself is unchanged.
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt")).unwrap(), "软件和内存\n");
}

#[test]
fn in_place_rewrites_atomically_and_keeps_protected_terms() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zhnews.toml"), "[convert]\nprotected = [\"于立军\"]\n").unwrap();
    let file = dir.path().join("story.txt");
    std::fs::write(&file, "于立军说，于是发展。\n").unwrap();
    let output = zhnews(dir.path(), &["--config", "s2t", "--in-place", "story.txt"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "于立军說，於是發展。\n");
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["story.txt", "zhnews.toml"], "no temporary file is left behind");
}

#[test]
fn errors_leave_files_untouched_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&good, "國家\n").unwrap();
    // GB18030 bytes: not UTF-8, never converted or rewritten.
    std::fs::write(&bad, b"\xd6\xd0\xce\xc4\n").unwrap();
    let output = zhnews(dir.path(), &["--config", "t2s", "--in-place", "bad.txt", "good.txt", "missing.txt"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bad.txt: not valid UTF-8"), "{}", stderr(&output));
    assert!(stderr(&output).contains("missing.txt"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&bad).unwrap(), b"\xd6\xd0\xce\xc4\n");
    // The good file is still converted.
    assert_eq!(std::fs::read_to_string(&good).unwrap(), "国家\n");

    let output = zhnews(dir.path(), &["--config", "t2x"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown OpenCC configuration `t2x`"), "{}", stderr(&output));
    let output = zhnews(dir.path(), &["--config", "t2s", "--in-place"], "國");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--in-place needs files"), "{}", stderr(&output));
}

#[test]
fn check_exits_1_when_a_file_is_not_in_the_target_script() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("trad.txt"), "國家主席\n").unwrap();
    std::fs::write(dir.path().join("simp.txt"), "国家主席\n").unwrap();
    let output = zhnews(dir.path(), &["--config", "t2s", "--check", "simp.txt"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let output = zhnews(dir.path(), &["--config", "t2s", "--check", "simp.txt", "trad.txt"], "");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "trad.txt: not in the target script of t2s\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("trad.txt")).unwrap(), "國家主席\n");
}

#[test]
fn names_keep_the_gazetteer_form_and_protected_terms_still_win() {
    let dir = tempfile::tempdir().unwrap();
    let story = "四川省委副书记于立军出席会议。\n";
    let output = zhnews(dir.path(), &["-c", "s2t"], story);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "四川省委副書記于立軍出席會議。\n", "the curated form, not OpenCC's 於立軍");
    let output = zhnews(dir.path(), &["-c", "hk2s"], "四川省委副書記于立軍出席會議。\n");
    assert_eq!(stdout(&output), story);
    // A name of the workspace gazetteer, with a character OpenCC would change.
    std::fs::write(dir.path().join("zhnews.toml"), "[entities]\ngazetteer = \"names.toml\"\n").unwrap();
    std::fs::write(
        dir.path().join("names.toml"),
        "[[entity]]\nid = \"t\"\ntype = \"person\"\ntraditional = \"于家范\"\nsimplified = \"于家范\"\n",
    )
    .unwrap();
    let output = zhnews(dir.path(), &["-c", "s2t"], "记者于家范报道。\n");
    assert_eq!(stdout(&output), "記者于家范報道。\n", "{}", stderr(&output));
    // With names recognition off, OpenCC decides; an explicit protected term keeps the text.
    std::fs::write(dir.path().join("zhnews.toml"), "[entities]\nenabled = false\n").unwrap();
    assert_eq!(stdout(&zhnews(dir.path(), &["-c", "s2t"], story)), "四川省委副書記於立軍出席會議。\n");
    std::fs::write(dir.path().join("zhnews.toml"), "[convert]\nprotected = [\"于立军\"]\n").unwrap();
    assert_eq!(stdout(&zhnews(dir.path(), &["-c", "s2t"], story)), "四川省委副書記于立军出席會議。\n");
}

/// A text of several conversion pieces (`zhnews convert` converts about 256 KB at a time, the
/// pieces spread over the cores) comes out as the whole text converted at once: on stdout,
/// with `--in-place`, and `--check` agrees.
#[test]
fn a_long_text_converts_as_one_piece_would() {
    use zhnews_core::convert::{self, Backend, OpenccConfig, Protected};
    use zhnews_core::entities::{self, EntityIndex};
    let fixtures = zhnews_tests::workspace_root().join("tests/fixtures/convert");
    let simplified = std::fs::read_to_string(fixtures.join("simplified.txt")).unwrap();
    let traditional = std::fs::read_to_string(fixtures.join("traditional-hk.txt")).unwrap();
    // Names broken by a hard line break, a protected term, and the fixtures over and over.
    let mut text = String::new();
    while text.len() < 900_000 {
        text.push_str(&simplified);
        text.push_str("四川省委副书记于立\n军说，长江实业集团\n发展软件。\n\n");
        text.push_str(&traditional);
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zhnews.toml"), "[convert]\nprotected = [\"长江实业\"]\n").unwrap();
    let file = dir.path().join("long.txt");
    std::fs::write(&file, &text).unwrap();

    let converter = convert::converter(Backend::Embedded, OpenccConfig::S2t).unwrap();
    let document = zhnews_core::Document::new(text.as_str());
    let mentions = entities::recognise(&document, EntityIndex::builtin(), entities::Options::NONE);
    let forms = convert::entity_forms(&text, &mentions, converter);
    let terms = ["长江实业".to_owned()];
    let expected =
        convert::convert_text(converter, &text, Protected { terms: &terms, forms: &forms, ..Protected::NONE }).unwrap();
    assert!(expected.contains("于立\n軍說，长江实业集團"), "names and terms kept across the pieces");

    let args = ["--backend", "embedded", "--config", "s2t"];
    let output = zhnews(dir.path(), &[&args[..], &["long.txt"]].concat(), "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output) == expected, "stdout differs from the whole text's conversion");
    let output = zhnews(dir.path(), &[&args[..], &["--check", "long.txt"]].concat(), "");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let output = zhnews(dir.path(), &[&args[..], &["--in-place", "long.txt"]].concat(), "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::read_to_string(&file).unwrap() == expected, "the file differs from the whole text's conversion");
}
