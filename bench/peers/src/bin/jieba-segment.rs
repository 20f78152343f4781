//! The floor: a bare jieba-rs segmentation pass (default dictionary, HMM on) over the files.
//! Prints the number of words so the work cannot be optimised away.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jieba = jieba_rs::Jieba::new();
    let mut words = 0usize;
    for file in zhnews_bench_peers::text_files(&args) {
        let text = zhnews_bench_peers::read(&file);
        words += jieba.cut(&text, true).len();
    }
    println!("{words} words");
}
