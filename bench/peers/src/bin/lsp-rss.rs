//! Resident memory of `zhnews serve` after opening every file named (folders: their `*.txt`)
//! and waiting for each file's diagnostics. Usage: lsp-rss ZHNEWS_BIN PATH...

use zhnews_bench_peers::lsp::{Server, fail};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((bin, paths)) = args.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        fail("usage: lsp-rss ZHNEWS_BIN PATH...");
    };
    let mut server = Server::start(bin);
    server.initialize();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let idle = server.status_kib("VmRSS:").unwrap_or(0);
    let files = zhnews_bench_peers::text_files(paths);
    let mut bytes = 0;
    for (i, file) in files.iter().enumerate() {
        let text = zhnews_bench_peers::read(file);
        bytes += text.len();
        let uri = format!("file:///bench/{i}.txt");
        server.open(&uri, &text);
        server.wait_diagnostics(&uri, 0);
    }
    let rss = server.status_kib("VmRSS:").unwrap_or(0);
    let peak = server.status_kib("VmHWM:").unwrap_or(0);
    println!(
        "zhnews serve: idle after initialize {:.1} MiB; after opening {} files ({} KB) RSS {:.1} MiB, peak (VmHWM) {:.1} MiB",
        idle as f64 / 1024.0,
        files.len(),
        bytes / 1024,
        rss as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    server.shutdown();
}
