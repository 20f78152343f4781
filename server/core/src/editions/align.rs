//! Sentence alignment: which units of one edition stand for which units of the other.
//!
//! The two lists of units are aligned in order, maximising the summed similarity of the
//! matched pairs (a weighted longest common subsequence; only pairs at least
//! [`MATCH_SIMILARITY`] alike may match). Units left over that closely match a leftover of the
//! other side ([`MOVED_SIMILARITY`]) were moved and match too. A sentence one edition splits in
//! two, or across a paragraph break, is then merged: a leftover unit next to a matched one joins
//! it when the other side's unit is more alike the two together.

use super::units::{Unit, dice, grams};

/// Two sentences are the same sentence, edited, from this Dice similarity of their character
/// bigrams. Rewritten sentences of one story score 0.6–0.95 (000 against 002); different
/// sentences of one story rarely reach 0.3.
pub const MATCH_SIMILARITY: f64 = 0.5;
/// A sentence found out of order must be this alike to count as moved rather than missing.
pub const MOVED_SIMILARITY: f64 = 0.6;

/// Matched runs: units `a` of one edition stand for units `b` of the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
}

/// Aligns the units listed in `a` (indices into `units_a`) with those in `b`.
pub fn align(units_a: &[Unit], a: &[usize], units_b: &[Unit], b: &[usize]) -> Vec<Group> {
    let (n, m) = (a.len(), b.len());
    let sim = |i: usize, j: usize| dice(&units_a[a[i]].grams, &units_b[b[j]].grams);
    // score[i][j]: best total over a[i..], b[j..].
    let mut score = vec![0.0f64; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut best = score[at(i + 1, j)].max(score[at(i, j + 1)]);
            let s = sim(i, j);
            if s >= MATCH_SIMILARITY {
                best = best.max(score[at(i + 1, j + 1)] + s);
            }
            score[at(i, j)] = best;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = sim(i, j);
        if s >= MATCH_SIMILARITY && (score[at(i, j)] - (score[at(i + 1, j + 1)] + s)).abs() < 1e-9 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if score[at(i + 1, j)] >= score[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    // Moved sentences.
    let mut used_a = vec![false; n];
    let mut used_b = vec![false; m];
    for &(i, j) in &pairs {
        used_a[i] = true;
        used_b[j] = true;
    }
    for i in (0..n).filter(|&i| !used_a[i]).collect::<Vec<_>>() {
        let best = (0..m).filter(|&j| !used_b[j]).map(|j| (j, sim(i, j))).max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((j, s)) = best
            && s >= MOVED_SIMILARITY
        {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    let mut groups: Vec<Group> = pairs.into_iter().map(|(i, j)| Group { a: vec![i], b: vec![j] }).collect();
    merge_splits(&mut groups, &mut used_a, &mut used_b, &|g: &[usize]| chars_of(units_a, a, g), &|g: &[usize]| {
        chars_of(units_b, b, g)
    });
    for group in &mut groups {
        group.a = group.a.iter().map(|&i| a[i]).collect();
        group.b = group.b.iter().map(|&j| b[j]).collect();
    }
    groups
}

fn chars_of(units: &[Unit], list: &[usize], group: &[usize]) -> Vec<char> {
    group.iter().flat_map(|&i| units[list[i]].chars.iter().copied()).collect()
}

/// Grows each group by leftover neighbours (on either side, before or after) while that makes
/// the two sides more alike.
fn merge_splits(
    groups: &mut [Group],
    used_a: &mut [bool],
    used_b: &mut [bool],
    chars_a: &dyn Fn(&[usize]) -> Vec<char>,
    chars_b: &dyn Fn(&[usize]) -> Vec<char>,
) {
    for group in groups.iter_mut() {
        loop {
            let current = dice(&grams(&chars_a(&group.a)), &grams(&chars_b(&group.b)));
            let mut best: Option<(f64, Group)> = None;
            let mut consider = |candidate: Group| {
                let s = dice(&grams(&chars_a(&candidate.a)), &grams(&chars_b(&candidate.b)));
                if s > current + 0.001 && best.as_ref().is_none_or(|(b, _)| s > *b) {
                    best = Some((s, candidate));
                }
            };
            let (first_a, last_a) = (group.a[0], group.a[group.a.len() - 1]);
            let (first_b, last_b) = (group.b[0], group.b[group.b.len() - 1]);
            if last_a + 1 < used_a.len() && !used_a[last_a + 1] {
                let mut a = group.a.clone();
                a.push(last_a + 1);
                consider(Group { a, b: group.b.clone() });
            }
            if first_a > 0 && !used_a[first_a - 1] {
                let mut a = vec![first_a - 1];
                a.extend(&group.a);
                consider(Group { a, b: group.b.clone() });
            }
            if last_b + 1 < used_b.len() && !used_b[last_b + 1] {
                let mut b = group.b.clone();
                b.push(last_b + 1);
                consider(Group { a: group.a.clone(), b });
            }
            if first_b > 0 && !used_b[first_b - 1] {
                let mut b = vec![first_b - 1];
                b.extend(&group.b);
                consider(Group { a: group.a.clone(), b });
            }
            let Some((_, grown)) = best else {
                break;
            };
            for &i in &grown.a {
                used_a[i] = true;
            }
            for &j in &grown.b {
                used_b[j] = true;
            }
            *group = grown;
        }
    }
}
