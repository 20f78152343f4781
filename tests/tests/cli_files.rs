//! How the CLI treats the files it is given (issue 19): every read is bounded, a path the user
//! names is read or refused (never skipped in silence), rewrites keep links, owner and mode,
//! and `zhnews check` finds the names of the workspace gazetteer as the language server does.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::json;
use zhnews_tests::lsp::Server;
use zhnews_tests::zhnews_bin;

/// A Traditional article with one Simplified character: `mixed-script`, with a safe fix.
const STRAY: &str = "兩國元首見證雙方互动合作。國家主席習近平抵達利馬，雙方舉行會談並簽署協議。\n";
const FIXED: &str = "兩國元首見證雙方互動合作。國家主席習近平抵達利馬，雙方舉行會談並簽署協議。\n";
const CLEAN: &str = "國家主席習近平抵達利馬。\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

type Feed = Box<dyn FnOnce(&mut dyn Write) + Send>;

fn zhnews(args: &[&str], dir: &Path) -> Run {
    zhnews_with(args, dir, &[], None)
}

/// Runs zhnews in `dir` with no user gazetteer and `env`, `stdin` written to its standard
/// input (then closed; a writer that the process stops reading from gets an error and stops).
fn zhnews_with(args: &[&str], dir: &Path, env: &[(&str, &str)], stdin: Option<Feed>) -> Run {
    let mut command = Command::new(zhnews_bin());
    command
        .args(args)
        .current_dir(dir)
        .env("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")
        .env_remove("ZHNEWS_MAX_FILE_SIZE")
        .env("NO_COLOR", "1");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = stdin.map(|feed| {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || feed(&mut pipe))
    });
    let output = child.wait_with_output().unwrap();
    if let Some(writer) = writer {
        writer.join().unwrap();
    }
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo").arg(path).status().is_ok_and(|status| status.success())
}

/// Item 5: a device, an endless pipe, or a file above the limit stops at once with exit 2,
/// whichever file it is (article, baseline, gazetteer, configuration, stdin of `convert`).
#[test]
fn every_read_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), CLEAN).unwrap();

    for args in [
        &["check", "--baseline", "/dev/zero", "a.txt"][..],
        &["convert", "-c", "t2s", "/dev/zero"],
        &["outline", "/dev/zero"],
        &["entities", "/dev/zero"],
    ] {
        let run = zhnews(args, root);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("/dev/zero: cannot read: it is a character device"), "{args:?}: {}", run.stderr);
    }

    // An endless pipe named as /dev/stdin stops at the limit.
    let endless: Feed = Box::new(|pipe| {
        let line = "國家主席習近平抵達利馬。\n".repeat(1000);
        while pipe.write_all(line.as_bytes()).is_ok() {}
    });
    let run = zhnews_with(&["--max-file-size", "2M", "check", "/dev/stdin"], root, &[], Some(endless));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("/dev/stdin: too large to read: it gave more than 2 MiB, the limit is 2 MiB"),
        "{}",
        run.stderr
    );

    // `convert` from stdin, with the limit from the environment.
    let big: Feed = Box::new(|pipe| {
        let _ = pipe.write_all(CLEAN.repeat(100).as_bytes());
    });
    let run = zhnews_with(&["convert", "-c", "t2s"], root, &[("ZHNEWS_MAX_FILE_SIZE", "1K")], Some(big));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("stdin: too large to read: it gave more than 1 KiB"), "{}", run.stderr);

    // A gazetteer and a zhnews.toml above the limit are errors too, naming the file.
    std::fs::write(root.join("zhnews.toml"), "[entities]\ngazetteer = \"names.toml\"\n").unwrap();
    let entry = "[[entity]]\nid = \"liu\"\ntype = \"person\"\ntraditional = \"劉國強\"\nsimplified = \"刘国强\"\n";
    std::fs::write(root.join("names.toml"), entry.repeat(100)).unwrap();
    let run = zhnews(&["--max-file-size", "4K", "check", "a.txt"], root);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("names.toml: too large to read: it is ") && run.stderr.contains("the limit is 4 KiB"),
        "{}",
        run.stderr
    );
    let run = zhnews(&["--max-file-size", "10", "check", "a.txt"], root);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("zhnews.toml: too large to read: it is 36 bytes, the limit is 10 bytes"),
        "{}",
        run.stderr
    );

    let run = zhnews(&["--max-file-size", "lots", "check", "a.txt"], root);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`lots` is not a size"), "{}", run.stderr);
}

/// Item 6: what the user names is read (a pipe, process substitution, /dev/stdin) or refused
/// with exit 2 (a device, also through a symbolic link); only walked folders skip such files.
#[cfg(unix)]
#[test]
fn named_pipes_are_read_and_devices_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();

    // `cat a.txt | zhnews check /dev/stdin`
    let feed: Feed = Box::new(|pipe| {
        let _ = pipe.write_all(STRAY.as_bytes());
    });
    let run = zhnews_with(&["check", "--format", "github", "/dev/stdin"], root, &[], Some(feed));
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("file=/dev/stdin,line=1") && run.stdout.contains("mixed-script"), "{}", run.stdout);
    assert!(run.stderr.contains("checked 1 file in"), "{}", run.stderr);

    // `zhnews check <(cat a.txt)`, which bash passes as /dev/fd/63.
    let script = format!("{} check --format github <(printf '%s' '{STRAY}')", zhnews_bin().display());
    let output = Command::new("bash").arg("-c").arg(&script).current_dir(root).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("file=/dev/fd/") && stdout.contains("mixed-script"), "{stdout}");

    // A fifo named on the command line.
    let fifo = root.join("article.fifo");
    if mkfifo(&fifo) {
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(fifo, STRAY))
        };
        let run = zhnews(&["check", "--format", "github", "article.fifo"], root);
        writer.join().unwrap().unwrap();
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stdout.contains("file=article.fifo,line=1"), "{}", run.stdout);
    }

    // A symbolic link to a device is refused, not skipped.
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
    let run = zhnews(&["check", "zero.txt"], root);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("zero.txt: cannot read: it is a character device, not a file"), "{}", run.stderr);

    // Walking a folder skips the fifo and the link to a device, and checks the article.
    std::fs::create_dir(root.join("news")).unwrap();
    std::fs::write(root.join("news/a.txt"), CLEAN).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("news/zero.txt")).unwrap();
    mkfifo(&root.join("news/pipe.txt"));
    let run = zhnews(&["check", "news"], root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("checked 1 file in"), "{}", run.stderr);

    // `--fix` cannot rewrite a pipe: a clear error, exit 2.
    let feed: Feed = Box::new(|pipe| {
        let _ = pipe.write_all(STRAY.as_bytes());
    });
    let run = zhnews_with(&["check", "--fix", "/dev/stdin"], root, &[], Some(feed));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write the fixed text: it is not a regular file"), "{}", run.stderr);
}

/// Item 7: `--fix` and `convert --in-place` write through a symbolic link, keep the owner, the
/// group and the mode, and refuse a file with several hard links (both names unchanged).
#[cfg(unix)]
#[test]
fn rewrites_keep_links_owner_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("archive")).unwrap();
    let target = root.join("archive/story.txt");

    for (args, expected) in [
        (&["check", "--fix", "story.txt"][..], FIXED.to_owned()),
        (&["convert", "-c", "t2s", "--in-place", "story.txt"], FIXED.to_owned()),
    ] {
        std::fs::write(&target, STRAY).unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o604)).unwrap();
        let _ = std::fs::remove_file(root.join("story.txt"));
        std::os::unix::fs::symlink("archive/story.txt", root.join("story.txt")).unwrap();
        // Another owner when this test may give files away (root), else ours: either way it
        // must be the same after the rewrite.
        let _ = std::os::unix::fs::chown(&target, Some(65534), Some(65534));
        let before = std::fs::metadata(&target).unwrap();
        let run = zhnews(args, root);
        assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
        assert!(std::fs::symlink_metadata(root.join("story.txt")).unwrap().file_type().is_symlink(), "{args:?}");
        let after = std::fs::metadata(&target).unwrap();
        let text = std::fs::read_to_string(&target).unwrap();
        if args[0] == "check" {
            assert_eq!(text, expected, "{args:?}");
        } else {
            assert_ne!(text, STRAY, "{args:?}: converted through the link");
            assert!(text.contains("国家主席"), "{text}");
        }
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()), "{args:?}: owner and group kept");
        assert_eq!(after.permissions().mode() & 0o7777, 0o604, "{args:?}: mode kept");
    }

    // Hard links: refused, with both names still sharing the old text.
    std::fs::write(&target, STRAY).unwrap();
    std::fs::hard_link(&target, root.join("copy.txt")).unwrap();
    for args in [&["check", "--fix", "copy.txt"][..], &["convert", "-c", "s2t", "--in-place", "copy.txt"]] {
        let run = zhnews(args, root);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("it has 2 hard links, which replacing it would split: not changed"),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read_to_string(root.join("copy.txt")).unwrap(), STRAY);
        assert_eq!(std::fs::metadata(&target).unwrap().nlink(), 2);
    }
}

/// Item 8: with a workspace gazetteer that writes a name in mixed script (劉国強), `zhnews
/// check` and the language server report the same findings: none for the name.
#[test]
fn check_and_the_server_agree_with_a_workspace_gazetteer() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("zhnews.toml"), "[entities]\ngazetteer = \"names.toml\"\n").unwrap();
    std::fs::write(
        root.join("names.toml"),
        "[[entity]]\nid = \"liu\"\ntype = \"person\"\ntraditional = \"劉国強\"\nsimplified = \"刘国强\"\n",
    )
    .unwrap();
    // The name, and one stray Simplified character that both must report.
    let text = "兩國元首見證雙方互动合作。國家主席習近平抵達利馬，劉国強隨同訪問，雙方舉行會談並簽署協議。\n";
    std::fs::write(root.join("a.txt"), text).unwrap();

    let run = zhnews(&["check", "--format", "json", "a.txt"], root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let cli: Vec<(String, u64, u64)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                d["code"].as_str().unwrap().to_owned(),
                start["line"].as_u64().unwrap(),
                start["character"].as_u64().unwrap(),
            )
        })
        .collect();

    let mut server = Server::start_with(&[], &[("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")]);
    let root_uri = format!("file://{}", root.display());
    let response = server.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "news"}],
            "capabilities": {"general": {"positionEncodings": ["utf-32"]}}
        }),
    );
    assert_eq!(response["result"]["capabilities"]["positionEncoding"], "utf-32", "{response}");
    server.notify("initialized", json!({}));
    let uri = format!("{root_uri}/a.txt");
    server.open(&uri, "plaintext", text);
    let lsp: Vec<(String, u64, u64)> = server
        .diagnostics(&uri, 1)
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                d["code"].as_str().unwrap().to_owned(),
                start["line"].as_u64().unwrap(),
                start["character"].as_u64().unwrap(),
            )
        })
        .collect();
    server.shutdown();

    assert_eq!(cli, lsp, "the CLI and the server disagree");
    assert_eq!(cli, [("mixed-script".to_owned(), 0, 9)], "动 only, not 国 of the gazetteer's 劉国強");

    // A gazetteer that cannot be loaded is an error of `check`, as of `convert` and `entities`.
    std::fs::write(root.join("names.toml"), "[[entity]\n").unwrap();
    let run = zhnews(&["check", "a.txt"], root);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("error: gazetteer: ") && run.stderr.contains("names.toml"), "{}", run.stderr);
}
