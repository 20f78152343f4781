//! The peer linter: the `autocorrect` crate's lint over the same files, as its CLI does for
//! plain text. Prints the number of lint lines.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut lines = 0usize;
    for file in zhnews_bench_peers::text_files(&args) {
        let text = zhnews_bench_peers::read(&file);
        let result = autocorrect::lint_for(&text, "text");
        lines += result.lines.len();
    }
    println!("{lines} lint lines");
}
