//! Whether a few characters occur twice in a document: the outline's test that a line break
//! falls in the middle of a word (`Scanner::continues`).
//!
//! Each question was a search of the whole text for a second occurrence, which a file of
//! distinct articles answers only at its end: a search per wrapped headline made the outline
//! of such a file quadratic. So the searches are counted, and once they have read the text
//! four times over, every three characters of it are indexed (where they first and last
//! occur) and later questions are looked up. A short document never gets that far.

use std::collections::HashMap;

/// The text with its whitespace removed, and what has been learnt about it.
pub(super) struct Recurrence {
    flat: String,
    /// Bytes the searches have read so far.
    searched: usize,
    /// For every three characters of `flat`: the byte offsets of their first and last
    /// occurrence (built once the searches have read enough).
    index: Option<HashMap<u64, (u32, u32)>>,
}

impl Recurrence {
    pub(super) fn new(text: &str) -> Recurrence {
        Recurrence { flat: text.split_whitespace().collect(), searched: 0, index: None }
    }

    /// True when `needle` (three characters, no whitespace) occurs twice in the text without
    /// its whitespace, the second time after the first has ended, as `str::matches` counts.
    pub(super) fn twice(&mut self, needle: &str) -> bool {
        let Some(key) = key(needle) else { return self.search(needle) };
        if self.index.is_none() && self.searched > 4 * self.flat.len() && u32::try_from(self.flat.len()).is_ok() {
            self.index = Some(index(&self.flat));
        }
        match &self.index {
            // Non-overlapping occurrences, counted from the left: a second one exists when
            // one starts after the first has ended.
            Some(index) => index.get(&key).is_some_and(|&(first, last)| (last - first) as usize >= needle.len()),
            None => self.search(needle),
        }
    }

    /// The search: memchr's SIMD search, no further than the second occurrence.
    fn search(&mut self, needle: &str) -> bool {
        let second = memchr::memmem::find_iter(self.flat.as_bytes(), needle.as_bytes()).nth(1);
        self.searched += second.map_or(self.flat.len(), |at| at + needle.len());
        second.is_some()
    }
}

/// Three characters packed into one number (21 bits each), or None for another length.
fn key(needle: &str) -> Option<u64> {
    let mut chars = needle.chars();
    let (a, b, c) = (chars.next()?, chars.next()?, chars.next()?);
    chars.next().is_none().then(|| (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c))
}

/// Where every three consecutive characters of `flat` first and last start.
fn index(flat: &str) -> HashMap<u64, (u32, u32)> {
    let mut index: HashMap<u64, (u32, u32)> = HashMap::new();
    let mut window: [(usize, char); 3] = [(0, '\0'); 3];
    for (n, (at, c)) in flat.char_indices().enumerate() {
        window = [window[1], window[2], (at, c)];
        if n < 2 {
            continue;
        }
        let start = window[0].0 as u32;
        let key = (u64::from(window[0].1) << 42) | (u64::from(window[1].1) << 21) | u64::from(window[2].1);
        index.entry(key).and_modify(|(_, last)| *last = start).or_insert((start, start));
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces that make needles recur, overlap themselves (`的的的的`) or not at all.
    const PIECES: &[&str] = &["的", "的的", "中國", "國際", "際", " ", "\n", "a", "𠮷", "。"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The index answers as the search does.
        #[test]
        fn the_index_answers_as_the_search(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..60),
            needles in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..4), 1..10),
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let mut searched = Recurrence::new(&text);
            let mut indexed = Recurrence::new(&text);
            indexed.index = Some(index(&indexed.flat));
            for needle in needles {
                let needle: String =
                    needle.iter().map(|&i| PIECES[i]).collect::<String>().split_whitespace().collect();
                let needle: String = needle.chars().take(3).collect();
                proptest::prop_assert_eq!(indexed.twice(&needle), searched.search(&needle), "{:?} in {:?}", needle, text);
            }
        }
    }

    #[test]
    fn searches_give_way_to_the_index() {
        let text = "國際新聞。".repeat(10);
        let mut recurrence = Recurrence::new(&text);
        for _ in 0..5 {
            assert!(!recurrence.twice("聞聞聞"));
        }
        assert!(recurrence.index.is_none());
        // Five whole searches are more than four readings: the next question builds the index.
        assert!(recurrence.twice("際新聞") && !recurrence.twice("聞聞聞"));
        assert!(recurrence.index.is_some());
    }
}
