//! `zhnews_core::convert` over the files with one OpenCC config on one backend, output to
//! stdout: the engine as zhnews uses it, without the CLI around it.
//! Usage: core-convert embedded|system CONFIG FILE...

use std::io::Write;

use zhnews_core::convert::{Backend, OpenccConfig, Protected, convert_text, converter};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(backend), Some(config)) = (
        args.first().and_then(|name| Backend::from_name(name)),
        args.get(1).and_then(|name| OpenccConfig::from_name(name)),
    ) else {
        eprintln!("usage: core-convert embedded|system CONFIG FILE...");
        std::process::exit(2);
    };
    let converter = match converter(backend, config) {
        Ok(converter) => converter,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for file in zhnews_bench_peers::text_files(&args[2..]) {
        let text = zhnews_bench_peers::read(&file);
        match convert_text(converter, &text, Protected::default()) {
            Ok(converted) => {
                let _ = out.write_all(converted.as_bytes());
            }
            Err(err) => {
                eprintln!("error: {}: {err}", file.display());
                std::process::exit(2);
            }
        }
    }
}
