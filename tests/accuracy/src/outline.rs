//! Outline scoring, as the keyed folder's README defines it: a heading is found when the
//! outline (the tree behind documentSymbol, folding and `zhnews outline`) has a node on its
//! line; a node that stands on no heading, optional heading, dateline line or continuation
//! line is extra; levels are compared relative to each side's top level.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::article::{Article, Script};
use crate::keys::OutlineKey;
use crate::ratio;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub headings: usize,
    pub found: usize,
    pub extra: usize,
    pub levels_right: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.headings += other.headings;
        self.found += other.found;
        self.extra += other.extra;
        self.levels_right += other.levels_right;
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.headings)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.found, self.found + self.extra)
    }

    pub fn level_accuracy(&self) -> f64 {
        ratio(self.levels_right, self.found)
    }
}

/// One file's result, with what went wrong in it.
#[derive(Clone, Debug, Serialize)]
pub struct FileResult {
    pub file: String,
    pub script: Script,
    pub counts: Counts,
    /// Headings with no node: `line: text`.
    pub missed: Vec<String>,
    /// Nodes on lines the key does not list: `line: text (kind)`.
    pub extra: Vec<String>,
    /// Found headings at the wrong level: `line: text (level L, key K)`.
    pub wrong_level: Vec<String>,
}

struct Node {
    first: usize,
    last: usize,
    level: u32,
    label: String,
}

pub fn score(article: &Article, key: &OutlineKey) -> FileResult {
    let mut nodes = Vec::new();
    for top in article.analysis.outline() {
        for node in top.walk() {
            let (first, last) = article.lines_of(node.heading_range);
            nodes.push(Node { first, last, level: node.level, label: format!("{} ({})", node.text, node.kind.name()) });
        }
    }
    let headings: BTreeMap<usize, &crate::keys::Heading> =
        key.headings.iter().filter(|h| h.continuation_of.is_none()).map(|h| (h.line, h)).collect();
    let neutral: BTreeSet<usize> = key
        .optional_headings
        .iter()
        .chain(&key.dateline_lines)
        .map(|entry| entry.line)
        .chain(key.headings.iter().filter(|h| h.continuation_of.is_some()).map(|h| h.line))
        .collect();
    let top_node = nodes.iter().map(|n| n.level).min().unwrap_or(1);
    let top_key = headings.values().map(|h| h.level).min().unwrap_or(1);

    let mut counts = Counts { headings: headings.len(), ..Counts::default() };
    let mut missed = Vec::new();
    let mut wrong_level = Vec::new();
    for (&line, heading) in &headings {
        // The node that starts on the heading's line, else one whose heading spans it.
        let node =
            nodes.iter().find(|n| n.first == line).or_else(|| nodes.iter().find(|n| n.first <= line && line <= n.last));
        let Some(node) = node else {
            missed.push(format!("{line}: {}", heading.text));
            continue;
        };
        counts.found += 1;
        if node.level - top_node == heading.level - top_key {
            counts.levels_right += 1;
        } else {
            wrong_level.push(format!(
                "{line}: {} (level {}, key {})",
                heading.text,
                node.level - top_node + 1,
                heading.level - top_key + 1
            ));
        }
    }
    let mut extra = Vec::new();
    for node in &nodes {
        let on = |set: &dyn Fn(usize) -> bool| (node.first..=node.last).any(set);
        if on(&|l| headings.contains_key(&l)) || on(&|l| neutral.contains(&l)) {
            continue;
        }
        counts.extra += 1;
        extra.push(format!("{}: {}", node.first, node.label));
    }
    FileResult { file: key.file.clone(), script: article.script, counts, missed, extra, wrong_level }
}
