//! Extracts each rule's module doc comment (`//!` lines at the top of `src/rules/<rule>.rs`)
//! into `RULE_DOCS`, so the documentation lives in one place: the rule's own file.
//!
//! Also decompresses the CC-CEDICT subset (`server/data/cedict/cedict-proper-nouns.txt.gz`, kept
//! compressed in the repository) into `OUT_DIR`, so the binary embeds the text and start-up does
//! not gunzip it.

use std::fmt::Write;
use std::{env, fs, path::Path};

fn main() {
    rule_docs();
    decompress_cedict();
}

fn decompress_cedict() {
    use std::io::Read;
    let source = Path::new("../data/cedict/cedict-proper-nouns.txt.gz");
    println!("cargo::rerun-if-changed={}", source.display());
    let compressed = fs::read(source).expect("the CC-CEDICT subset is in server/data/cedict");
    let mut text = String::new();
    libflate::gzip::Decoder::new(&compressed[..])
        .and_then(|mut decoder| decoder.read_to_string(&mut text))
        .expect("the CC-CEDICT subset is gzip-compressed UTF-8");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("cedict-proper-nouns.txt");
    fs::write(target, text).expect("OUT_DIR is writable");
}

fn rule_docs() {
    let dir = Path::new("src/rules");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/rules exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        // `mod.rs` is the registry and `rule.rs` the `Rule` type; every other file is a rule.
        .filter(|path| path.file_stem().is_some_and(|stem| stem != "mod" && stem != "rule"))
        .collect();
    entries.sort();
    let mut out = String::from(
        "/// (rule code, documentation) for every rule file.\npub static RULE_DOCS: &[(&str, &str)] = &[\n",
    );
    for path in entries {
        println!("cargo::rerun-if-changed={}", path.display());
        let source = fs::read_to_string(&path).expect("rule file is UTF-8");
        let doc: Vec<&str> = source
            .lines()
            .take_while(|line| line.starts_with("//!"))
            .map(|line| line.strip_prefix("//! ").unwrap_or(line.trim_start_matches("//!")))
            .collect();
        let code = path.file_stem().and_then(|s| s.to_str()).expect("UTF-8 file name").replace('_', "-");
        writeln!(out, "    ({code:?}, {:?}),", doc.join("\n")).expect("write to String");
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rule_docs.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}
