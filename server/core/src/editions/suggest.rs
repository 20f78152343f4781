//! Suggesting editions among many files: which stories of a folder are probably editions of one
//! another, without comparing every story with every other.
//!
//! Each story (a top-level outline node of a page, or the whole file; [`super::story_texts`]) is
//! script-normalised as [`super::compare`] does it, and its Han characters, punctuation, digits
//! and Latin letters left out, become a set of [`SHINGLE`]-character shingles. A MinHash
//! signature of [`HASHES`] values estimates the Jaccard similarity of two sets; banding the
//! signature ([`BANDS`] bands of [`ROWS`] values) puts stories whose sets are alike in a shared
//! bucket, so only stories that share a bucket become candidates. Each candidate is then scored
//! exactly, by the share of the smaller story's shingles the other holds ([`containment`], as
//! stories pair up in [`super::compare`] with bigrams), and
//! suggested at [`SUGGEST_CONTAINMENT`] or more.
//!
//! The MinHash is written here rather than taken from a crate: the one Rust crate that offers
//! MinHash with LSH banding (`datasketch-minhash-lsh` 0.0.1) says "use it at your own risk" and
//! brings `rand` 0.7 and a quadrature crate; the sketch needs forty lines and a fixed seed, so
//! suggestions are the same on every machine and every run.

use rustc_hash::{FxHashMap, FxHashSet};

use super::containment;
use super::units::shared;
use crate::text::{TextRange, is_han};

/// Shingles are runs of this many Han characters (after normalisation, with everything that is
/// not Han left out).
pub const SHINGLE: usize = 5;

/// The MinHash signature's length.
pub const HASHES: usize = 128;

/// LSH banding: the signature is cut into `BANDS` bands of `ROWS` values; two stories whose
/// signatures agree on a whole band are candidates. A pair of Jaccard similarity `j` becomes a
/// candidate with probability `1 - (1 - j^ROWS)^BANDS`: 0.93 at 0.2, 0.98 at 0.25, 0.998 at 0.3.
/// A story wholly inside one `n` times its length has a Jaccard of `1/n`, so an edition may be
/// missed when one story is about five times the other or more (000 and 002's briefing: 0.28).
pub const BANDS: usize = 64;
pub const ROWS: usize = HASHES / BANDS;

/// Stories with fewer shingles than this (a headline, a caption, a one-line brief) are not
/// sketched: too little text to say it is the same story.
pub const MIN_SHINGLES: usize = 20;

/// Two stories are suggested as editions when the other holds at least this share of the smaller
/// one's shingles. Measured over every two stories of different files in the corpus and the
/// development set's articles (50 files, 59 stories; `tests/tests/editions_corpus.rs`): 000 and
/// 002's briefing, editions of one story, share 0.91 (Jaccard 0.28: 002's page carries only the
/// start of it); the highest of all other pairs is 0.54 (000 and 002's short story on the return
/// to Beijing, which retells one sentence of the briefing; Jaccard 0.02, so not even an LSH
/// candidate), then 0.25 (t03 and t20, two of the thirteen Hong Kong articles on one fire; no
/// two of them more). The threshold sits 0.16 above 0.54 and 0.21 below 0.91.
pub const SUGGEST_CONTAINMENT: f64 = 0.7;

/// A story's shingle set and MinHash signature.
#[derive(Clone, Debug)]
pub struct Sketch {
    /// The hashed shingles, sorted, without duplicates.
    pub shingles: Vec<u64>,
    /// For each of the [`HASHES`] hash functions, the least value it gives a shingle
    /// (`u64::MAX` when there are none).
    pub signature: Vec<u64>,
}

/// The hashed [`SHINGLE`]-grams of the Han characters of `chars`, sorted and deduplicated.
pub fn shingles(chars: &[char]) -> Vec<u64> {
    let han: Vec<char> = chars.iter().copied().filter(|&c| is_han(c)).collect();
    let mut out: Vec<u64> = han
        .windows(SHINGLE)
        .map(|window| mix(window.iter().fold(0x9E37_79B9_7F4A_7C15, |h, &c| mix(h ^ c as u64))))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// SplitMix64's finaliser: a fixed, well-mixed 64-bit hash.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The hash functions' multipliers (odd) and offsets, from a fixed seed.
fn coefficients() -> &'static [(u64, u64)] {
    static COEFFICIENTS: std::sync::LazyLock<Vec<(u64, u64)>> =
        std::sync::LazyLock::new(|| (0..HASHES as u64).map(|i| (mix(2 * i + 1) | 1, mix(2 * i + 2))).collect());
    &COEFFICIENTS
}

impl Sketch {
    /// The sketch of a story's normalised text.
    pub fn new(chars: &[char]) -> Sketch {
        Sketch::of_shingles(shingles(chars))
    }

    /// The sketch of a shingle set (hashed, sorted, deduplicated).
    pub fn of_shingles(shingles: Vec<u64>) -> Sketch {
        let coefficients = coefficients();
        let mut signature = vec![u64::MAX; HASHES];
        for &shingle in &shingles {
            for (least, &(a, b)) in signature.iter_mut().zip(coefficients) {
                *least = (*least).min(a.wrapping_mul(shingle).wrapping_add(b));
            }
        }
        Sketch { shingles, signature }
    }

    /// The MinHash estimate of the Jaccard similarity of two sketches' shingle sets: the share
    /// of hash functions whose least values agree.
    pub fn estimate(&self, other: &Sketch) -> f64 {
        if self.shingles.is_empty() || other.shingles.is_empty() {
            return 0.0;
        }
        let agree = self.signature.iter().zip(&other.signature).filter(|(x, y)| x == y).count();
        agree as f64 / HASHES as f64
    }
}

/// The exact Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let both = shared(a, b);
    let either = a.len() + b.len() - both;
    if either == 0 { 0.0 } else { both as f64 / either as f64 }
}

/// A story of one file, sketched.
#[derive(Clone, Debug)]
pub struct StorySketch {
    /// The story's range in its file's text.
    pub range: TextRange,
    pub sketch: Sketch,
}

/// The sketches of a document's stories that have at least [`MIN_SHINGLES`] shingles.
pub fn story_sketches(document: &crate::Document, config: &crate::Config) -> Vec<StorySketch> {
    super::story_texts(document, config)
        .into_iter()
        .map(|(range, chars)| StorySketch { range, sketch: Sketch::new(&chars) })
        .filter(|story| story.sketch.shingles.len() >= MIN_SHINGLES)
        .collect()
}

/// A story of one file suggested as an edition of a story of another.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// (file, story): indexes into the files given to [`suggest`] and their stories.
    pub a: (usize, usize),
    pub b: (usize, usize),
    /// The share of the smaller story's shingles the other holds.
    pub containment: f64,
    /// The exact Jaccard similarity of the two stories' shingle sets.
    pub jaccard: f64,
}

/// Every candidate pair of stories of different files (sharing an LSH bucket) with its scores,
/// `a` before `b` in file order, in file and story order.
pub fn candidates(files: &[Vec<StorySketch>]) -> Vec<Suggestion> {
    let mut buckets: FxHashMap<(usize, u64), Vec<(usize, usize)>> = FxHashMap::default();
    for (file, stories) in files.iter().enumerate() {
        for (story, sketched) in stories.iter().enumerate() {
            for (band, rows) in sketched.sketch.signature.chunks(ROWS).enumerate() {
                let key = rows.iter().fold(band as u64, |h, &v| mix(h ^ v));
                buckets.entry((band, key)).or_default().push((file, story));
            }
        }
    }
    let mut pairs: FxHashSet<((usize, usize), (usize, usize))> = FxHashSet::default();
    for members in buckets.values() {
        for (i, &x) in members.iter().enumerate() {
            for &y in &members[i + 1..] {
                if x.0 != y.0 {
                    pairs.insert((x.min(y), x.max(y)));
                }
            }
        }
    }
    let mut out: Vec<Suggestion> = pairs
        .into_iter()
        .map(|(a, b)| {
            let (sa, sb) = (&files[a.0][a.1].sketch.shingles, &files[b.0][b.1].sketch.shingles);
            Suggestion { a, b, containment: containment(sa, sb), jaccard: jaccard(sa, sb) }
        })
        .collect();
    out.sort_by_key(|s| (s.a, s.b));
    out
}

/// The pairs of stories of different files that are probably editions of one story: candidates
/// (see [`candidates`]) whose [`containment`] is at least [`SUGGEST_CONTAINMENT`], in file and
/// story order.
pub fn suggest(files: &[Vec<StorySketch>]) -> Vec<Suggestion> {
    let mut out = candidates(files);
    out.retain(|s| s.containment >= SUGGEST_CONTAINMENT);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn shingles_are_han_five_grams_after_leaving_out_the_rest() {
        // 15 Han characters (digits and punctuation left out): 11 shingles.
        assert_eq!(shingles(&chars("习近平主席行程逾4万公里，密集出席。")).len(), 11);
        assert_eq!(shingles(&chars("习近平主席")).len(), 1);
        assert!(shingles(&chars("习近平")).is_empty());
        // Punctuation and digits do not break a shingle.
        assert_eq!(shingles(&chars("行程逾4万公里")), shingles(&chars("行程逾万公里")));
    }

    #[test]
    fn the_estimate_follows_exact_jaccard() {
        let base = "当前百年变局加速演进全球南方声势卓然壮大习近平主席行程逾四万公里密集出席近三十场双多边活动\
                    国家主席抵达利马出席亚太经合组织第三十一次领导人非正式会议并对秘鲁进行国事访问";
        let cases = [
            (base.to_owned(), base.to_owned()),
            (base.to_owned(), base.replacen("声势", "势量", 1)),
            (base.to_owned(), base.chars().take(60).collect()),
            (base.to_owned(), base.chars().skip(30).collect()),
            (base.to_owned(), "天文台表示明日大致天晴早上清凉日间温暖最高气温约二十六度".to_owned()),
        ];
        for (a, b) in cases {
            let (sa, sb) = (Sketch::new(&chars(&a)), Sketch::new(&chars(&b)));
            let exact = jaccard(&sa.shingles, &sb.shingles);
            let estimate = sa.estimate(&sb);
            // The standard error of a 128-value estimate is at most 0.045.
            assert!((exact - estimate).abs() <= 0.15, "{b}: exact {exact:.3}, estimate {estimate:.3}");
        }
        let same = Sketch::new(&chars(base));
        assert_eq!(same.estimate(&same), 1.0);
    }

    #[test]
    fn editions_are_suggested_and_other_stories_are_not() {
        let story = "当前百年变局加速演进全球南方声势卓然壮大习近平主席行程逾四万公里密集出席近三十场双多边活动\
                     国家主席抵达利马出席亚太经合组织第三十一次领导人非正式会议并对秘鲁进行国事访问";
        let edited = story.replacen("声势", "势量", 1);
        let other = "天文台表示明日大致天晴早上清凉日间温暖最高气温约二十六度市民外出时应注意防晒及补充水分\
                     天文台预计本周后期有一道冷锋抵达华南沿岸届时气温会显著下降市民应留意最新天气消息";
        let sketched =
            |text: &str| vec![StorySketch { range: TextRange::new(0, text.len()), sketch: Sketch::new(&chars(text)) }];
        let files = [sketched(story), sketched(other), sketched(&edited)];
        let found: Vec<_> = suggest(&files).into_iter().map(|s| (s.a, s.b)).collect();
        assert_eq!(found, [((0, 0), (2, 0))]);
    }
}
