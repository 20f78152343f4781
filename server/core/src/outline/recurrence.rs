//! Whether a few characters occur twice in a document: the outline's test that a line break
//! falls in the middle of a word (`Scanner::continues`).
//!
//! The characters asked about are those around a line break: the last two of a line (as
//! written, or without its markup) and the first of the next, or the last of a line and the
//! first two of the next. Searching the whole text for a second occurrence of each, as this
//! did, answers only at the end of the file when it is a file of distinct articles, so the
//! outline of such a file was quadratic. Instead, every such three characters of the document
//! are known up front, and one pass over the text finds where each first and last occurs.
//! Anything else is still searched for (none is asked today).

use rustc_hash::{FxHashMap, FxHashSet};

/// The text with its whitespace removed, and where the characters around its line breaks
/// first and last occur in it.
pub(super) struct Recurrence {
    flat: String,
    /// For the three characters around each line break: the byte offsets in `flat` of their
    /// first and last occurrence, `None` before the index is built (on the first question).
    index: Option<FxHashMap<u64, (u32, u32)>>,
    /// The three characters of the line breaks, to index.
    needles: FxHashSet<u64>,
}

impl Recurrence {
    /// `breaks`: for each line break, the text before it (a line, with or without its markup)
    /// and the line after it.
    pub(super) fn new<'t>(text: &str, breaks: impl Iterator<Item = (&'t str, &'t str)>) -> Recurrence {
        let mut needles = FxHashSet::default();
        for (before, after) in breaks {
            let tail: Vec<char> = before.chars().rev().filter(|c| !c.is_whitespace()).take(2).collect();
            let head: Vec<char> = after.chars().filter(|c| !c.is_whitespace()).take(2).collect();
            if let ([t2, t1], [h1, h2]) = (&tail[..], &head[..]) {
                needles.insert(pack(*t1, *t2, *h1));
                needles.insert(pack(*t2, *h1, *h2));
            }
        }
        Recurrence { flat: text.split_whitespace().collect(), index: None, needles }
    }

    /// True when `needle` (three characters, no whitespace) occurs twice in the text without
    /// its whitespace, the second time after the first has ended, as `str::matches` counts.
    pub(super) fn twice(&mut self, needle: &str) -> bool {
        let key = key(needle);
        if self.index.is_none() && key.is_some_and(|key| self.needles.contains(&key)) {
            self.index = index(&self.flat, &self.needles);
        }
        match (key, &self.index) {
            // Non-overlapping occurrences, counted from the left: a second one exists when
            // one starts after the first has ended.
            (Some(key), Some(index)) if self.needles.contains(&key) => {
                index.get(&key).is_some_and(|&(first, last)| (last - first) as usize >= needle.len())
            }
            _ => memchr::memmem::find_iter(self.flat.as_bytes(), needle.as_bytes()).nth(1).is_some(),
        }
    }
}

fn pack(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// Three characters packed into one number (21 bits each), or None for another length.
fn key(needle: &str) -> Option<u64> {
    let mut chars = needle.chars();
    let (a, b, c) = (chars.next()?, chars.next()?, chars.next()?);
    chars.next().is_none().then(|| pack(a, b, c))
}

/// Where each of `needles` first and last starts in `flat`, found in one pass; None when
/// `flat` is too long for 32-bit offsets (then every question is searched for).
fn index(flat: &str, needles: &FxHashSet<u64>) -> Option<FxHashMap<u64, (u32, u32)>> {
    u32::try_from(flat.len()).ok()?;
    let mut index: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    let mut window: [(usize, char); 3] = [(0, '\0'); 3];
    for (n, (at, c)) in flat.char_indices().enumerate() {
        window = [window[1], window[2], (at, c)];
        if n < 2 {
            continue;
        }
        let key = pack(window[0].1, window[1].1, window[2].1);
        if needles.contains(&key) {
            let start = window[0].0 as u32;
            index.entry(key).and_modify(|(_, last)| *last = start).or_insert((start, start));
        }
    }
    Some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces that make needles recur, overlap themselves (`的的的的`) or not at all.
    const PIECES: &[&str] = &["的", "的的", "中國", "國際", "際", " ", "\n", "a", "𠮷", "。"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The index answers as the search does, for the characters around line breaks and
        /// for any others.
        #[test]
        fn the_index_answers_as_the_search(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..60),
            needles in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..4), 1..10),
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let lines: Vec<&str> = text.lines().collect();
            let mut recurrence = Recurrence::new(&text, lines.iter().copied().zip(lines.iter().copied().skip(1)));
            let flat = recurrence.flat.clone();
            let search = |needle: &str| memchr::memmem::find_iter(flat.as_bytes(), needle.as_bytes()).nth(1).is_some();
            let around_breaks = lines.windows(2).flat_map(|pair| {
                let tail: String = pair[0].split_whitespace().collect::<String>();
                let head: String = pair[1].split_whitespace().collect::<String>();
                let tail: Vec<char> = tail.chars().collect();
                let head: Vec<char> = head.chars().collect();
                let mut out = Vec::new();
                if tail.len() >= 2 && head.len() >= 2 {
                    let n = tail.len();
                    out.push([tail[n - 2], tail[n - 1], head[0]].iter().collect::<String>());
                    out.push([tail[n - 1], head[0], head[1]].iter().collect::<String>());
                }
                out
            });
            let asked: Vec<String> = around_breaks.collect();
            for needle in asked.iter().cloned().chain(needles.iter().map(|needle| {
                let needle: String = needle.iter().map(|&i| PIECES[i]).collect::<String>().split_whitespace().collect();
                needle.chars().take(3).collect()
            })) {
                proptest::prop_assert_eq!(recurrence.twice(&needle), search(&needle), "{:?} in {:?}", needle, text);
            }
            proptest::prop_assert_eq!(recurrence.index.is_some(), !asked.is_empty());
        }
    }
}
