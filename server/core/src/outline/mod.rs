//! The outline of a news text: titles, sections and stories, from the headings news text
//! really has.
//!
//! Three passes. [`scan`] reads the text line by line and says what each run of lines is: a
//! heading candidate, a dateline or byline, a caption, or body text (`lines.rs` judges single
//! lines). [`stories`] groups those items into stories: one for an article, several for a
//! newspaper page (a page is a text with two or more story-opening datelines or bylines
//! separated by body text), where a headline may come before its story or after it. A headline
//! line goes with the story whose body clearly holds most of it (half or more of its Han
//! character pairs, and a quarter of them more than the other body holds): when headlines
//! stand between two bodies, the lines that tell the story below go to it and the rest to the
//! story above; lines below a title printed after its body that tell another story of the page
//! start a story of their own, whose body is elsewhere or cut off. The tree pass nests each
//! story's sections by the rank of their numbering (`第一部分` > `一、` > `（一）` > `1.` >
//! `(1)`); a node's `level` is its depth, so skipped levels do not leave holes.
//!
//! In a headline block the title is the first line, except that a `——` line is a subtitle, a
//! line above the first attendance line (`胡衡华主持 李晓红出席`) is the title with kickers above
//! it, and a first line that frames the news (`围绕…`, `聚焦…`) or is half again as long as a
//! short second line is a kicker.
//!
//! A subhead may carry punctuation a headline line may not (a question, one clause break, a
//! quotation standing alone) when it stands as a paragraph of its own above a clearly longer
//! one; a subhead printed over two short lines, or with a deck, has body text right below its
//! last line; and a document's first line, where a headline stands, may hold up to three
//! clause breaks, Latin words and figures.
//!
//! Datelines and bylines become the `detail` of their story; captions, photo and desk credits,
//! jump lines (`（下转2版）`), page furniture (mastheads, folios, `原标题：`) and the items of a
//! numbered list introduced by a colon are never headings.

mod features;
mod lines;
mod recurrence;

use rustc_hash::FxHashSet;

use regex::Regex;
use serde::Deserialize;

use crate::document::Document;
use crate::numerals::{MarkerStyle, OrdinalMarker};
use crate::text::{TextRange, is_han};
pub use features::{FEATURE_NAMES, LineFeatures, line_features};
use lines::{Markup, MetaKind};

/// `[outline]` in `zhnews.toml`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutlineConfig {
    /// House-style headings: a line that matches `regex` (whole line, trimmed) is a heading at
    /// `level` (1 sits directly under the title like `第一部分`, 2 like `一、`, 3 like `（一）`,
    /// 4 like `1.`).
    pub patterns: Vec<HeadingPattern>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingPattern {
    pub regex: String,
    pub level: u32,
}

impl OutlineConfig {
    /// The first invalid pattern, as a message.
    pub fn validate(&self) -> Result<(), String> {
        for pattern in &self.patterns {
            if let Err(err) = Regex::new(&pattern.regex) {
                return Err(format!("outline.patterns: invalid regex `{}`: {err}", pattern.regex));
            }
            if !(1..=6).contains(&pattern.level) {
                return Err(format!("outline.patterns: level {} of `{}` is not 1 to 6", pattern.level, pattern.regex));
            }
        }
        Ok(())
    }
}

/// What a node of the outline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutlineKind {
    /// A story's headline.
    Title,
    /// The line above a headline that sets its scene (引題).
    Kicker,
    /// A deck below a headline, or a `——` subtitle.
    Subtitle,
    /// A story of a page that has no headline in the text; named after its dateline.
    Story,
    /// A numbered section head (`一、`, `（一）`, `1.`, `第一部分`) or a Markdown heading.
    Section,
    /// An unnumbered subhead: a short line between paragraphs, or `【…】`.
    Subhead,
    /// A paragraph that opens with one of the article's structure phrases (`第一個亮點是，`).
    Point,
}

impl OutlineKind {
    pub fn name(self) -> &'static str {
        match self {
            OutlineKind::Title => "title",
            OutlineKind::Kicker => "kicker",
            OutlineKind::Subtitle => "subtitle",
            OutlineKind::Story => "story",
            OutlineKind::Section => "section",
            OutlineKind::Subhead => "subhead",
            OutlineKind::Point => "point",
        }
    }
}

/// One node of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineNode {
    pub kind: OutlineKind,
    /// Depth in the tree, 1 for the top.
    pub level: u32,
    /// The heading as an editor reads it: markup gone, hard line breaks and letter-spacing
    /// joined away. For a [`OutlineKind::Point`], the paragraph's first sentence.
    pub text: String,
    /// The heading itself.
    pub heading_range: TextRange,
    /// Everything the heading stands for: for a story the whole story, for a section the
    /// text up to the next heading of the same or a higher rank. Always contains
    /// `heading_range` and the ranges of the children.
    pub section_range: TextRange,
    /// The story's dateline and byline, or else the section's length (`1234字`).
    pub detail: Option<String>,
    pub children: Vec<OutlineNode>,
}

impl OutlineNode {
    /// This node and all below it, depth first.
    pub fn walk(&self) -> Vec<&OutlineNode> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.walk());
        }
        out
    }
}

/// The outline of `document`: its top-level nodes in text order.
pub fn outline(document: &Document, config: &OutlineConfig) -> Vec<OutlineNode> {
    let patterns: Vec<(Regex, u32)> =
        config.patterns.iter().filter_map(|p| Some((Regex::new(&p.regex).ok()?, p.level))).collect();
    let items = scan(document, &patterns);
    let text = document.text();
    let (page_title, stories) = stories(text, &items);
    let trees: Vec<OutlineNode> = stories.iter().flat_map(|story| story.tree(text)).collect();
    let Some(title) = page_title else { return trees };
    // A page's own title holds all its stories.
    let end = trees.iter().map(|n| n.section_range.end).max().unwrap_or(title.range.end).max(title.range.end);
    let section_range = TextRange::new(title.line_start, trim_end(text, title.line_start, end));
    let mut root = OutlineNode {
        kind: OutlineKind::Title,
        level: 0,
        text: title.text.clone(),
        heading_range: title.range,
        section_range,
        detail: Some(format!("{}字", char_count(text, section_range))),
        children: trees,
    };
    set_levels(&mut root, 1);
    vec![root]
}

// ---------------------------------------------------------------------------------------------
// Pass 1: lines to items.

#[derive(Clone, Debug)]
struct Heading {
    text: String,
    range: TextRange,
    /// The start of the heading's line, markup included: where its section starts.
    line_start: usize,
    markup: Markup,
    marker: Option<OrdinalMarker>,
    /// The rank given by a configured pattern.
    pattern_level: Option<u32>,
    /// A paragraph of running text that opens with a structure phrase.
    point: bool,
    /// Followed in the same run of lines by body text.
    glued: bool,
}

#[derive(Clone, Debug)]
enum ItemKind {
    Heading(Heading),
    Meta(MetaKind, String),
    Body,
    Caption,
}

#[derive(Clone, Debug)]
struct Item {
    kind: ItemKind,
    range: TextRange,
}

/// One line: its number and trimmed range.
#[derive(Clone, Copy, Debug)]
struct Line {
    range: TextRange,
    indented: bool,
}

struct Scanner<'a> {
    text: &'a str,
    patterns: &'a [(Regex, u32)],
    /// The text's non-blank lines, in order, and what the continuation test knows of the
    /// text (built on demand from them).
    lines: Vec<TextRange>,
    recurrence: Option<recurrence::Recurrence>,
    items: Vec<Item>,
    /// The first line of the next run of lines, if any.
    lookahead: Option<&'a str>,
    /// The length of a short first line of a wrapped body paragraph (the 25th percentile),
    /// when there are enough of them: a subhead glued to its paragraph is clearly shorter
    /// than the paragraphs' first lines, which pages that indent (`002`) make short too.
    opener_len: Option<usize>,
    /// The width of a page's columns: the 25th percentile of the lengths of lines that break
    /// a sentence after a comma (they run on to the next line, blank lines between them or
    /// not), when there are five or more. Text kept one paragraph per line has almost none.
    wrap_len: Option<usize>,
    /// The last body paragraph did not end its sentence: a blank line does not end it either
    /// (pages set in double-spaced columns, see `001` in the shared corpus).
    open_paragraph: bool,
}

fn scan(document: &Document, patterns: &[(Regex, u32)]) -> Vec<Item> {
    let text = document.text();
    let index = document.lines();
    let mut chunks: Vec<Vec<Line>> = Vec::new();
    let mut chunk = Vec::new();
    for number in 0..index.line_count() {
        let Some(mut content) = index.line_content(text, number) else { break };
        // A byte-order mark is no part of the first line's text.
        if number == 0 && text.starts_with('\u{feff}') {
            content = TextRange::new(content.start + '\u{feff}'.len_utf8(), content.end);
        }
        let raw = &text[content.as_range()];
        let trimmed = raw.trim_start();
        let start = content.start + raw.len() - trimmed.len();
        let range = TextRange::new(start, start + trimmed.trim_end().len());
        if range.is_empty() {
            if !chunk.is_empty() {
                chunks.push(std::mem::take(&mut chunk));
            }
            continue;
        }
        chunk.push(Line { range, indented: start > content.start });
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    let opener_len = opener_len(text, &chunks);
    let wrap_len = wrap_len(text, &chunks);
    let mut scanner = Scanner {
        text,
        patterns,
        lines: chunks.iter().flatten().map(|line| line.range).collect(),
        recurrence: None,
        items: Vec::new(),
        lookahead: None,
        opener_len,
        wrap_len,
        open_paragraph: false,
    };
    for (k, chunk) in chunks.iter().enumerate() {
        scanner.lookahead = chunks.get(k + 1).and_then(|c| c.first()).map(|l| &text[l.range.as_range()]);
        scanner.chunk(chunk);
    }
    let mut items = scanner.items;
    drop_point_lists(&mut items);
    items
}

/// Removes the point headings of a list told in running text: three or more paragraphs in a
/// row that open with a structure phrase (`第一条，…` to `第五条，…`), none with a paragraph of
/// its own before the next. A speech's points head sections (`004` of the shared corpus: each
/// point is followed by two to four paragraphs); a news report that lists what a speaker said
/// (the dev set's s18, five such paragraphs in a row) has no sections there.
fn drop_point_lists(items: &mut Vec<Item>) {
    let is_point = |item: &Item| matches!(&item.kind, ItemKind::Heading(h) if h.point);
    let mut drop = vec![false; items.len()];
    let mut k = 0;
    while k < items.len() {
        // A run: point, its paragraph, point, its paragraph, …
        let mut end = k;
        while end < items.len()
            && is_point(&items[end])
            && matches!(items.get(end + 1).map(|i| &i.kind), Some(ItemKind::Body))
        {
            end += 2;
        }
        let points = (end - k) / 2;
        if points >= 3 {
            (k..end).step_by(2).for_each(|at| drop[at] = true);
        }
        k = if points > 0 { end } else { k + 1 };
    }
    let mut at = 0;
    items.retain(|_| {
        at += 1;
        !drop[at - 1]
    });
}

/// The 25th percentile of the lengths of the first lines of wrapped body paragraphs (surely
/// body: the line has a comma, runs on to the next line and is about as wide as it, no more than
/// three characters narrower), if there are three or more. A line with a comma over a clearly
/// longer one is a subhead over its paragraph in text kept one paragraph per line: in the dev
/// set, of such lines over a line more than three characters longer the 4 of s15 are all
/// headings (they made its own subheads too long to be subheads), and s09's 3 over long
/// paragraphs are body that ends without punctuation; no seed or fixture has one.
fn opener_len(text: &str, chunks: &[Vec<Line>]) -> Option<usize> {
    let mut lengths = Vec::new();
    for chunk in chunks {
        for i in 0..chunk.len().saturating_sub(1) {
            let first = &text[chunk[i].range.as_range()];
            let starts = i == 0 || lines::ends_paragraph(&text[chunk[i - 1].range.as_range()]);
            let len = lines::visible_len(first);
            let full = len + 3 >= lines::visible_len(&text[chunk[i + 1].range.as_range()]);
            if starts && full && first.contains('，') && !lines::ends_paragraph(first) {
                lengths.push(len);
            }
        }
    }
    lower_quartile(lengths, 3)
}

/// The 25th percentile of `lengths`, when there are at least `enough` of them.
fn lower_quartile(mut lengths: Vec<usize>, enough: usize) -> Option<usize> {
    lengths.sort_unstable();
    (lengths.len() >= enough).then(|| lengths[lengths.len() / 4])
}

/// See [`Scanner::wrap_len`].
fn wrap_len(text: &str, chunks: &[Vec<Line>]) -> Option<usize> {
    let with_commas: Vec<&str> =
        chunks.iter().flatten().map(|line| &text[line.range.as_range()]).filter(|line| line.contains('，')).collect();
    let lengths: Vec<usize> =
        with_commas.iter().filter(|line| !lines::ends_paragraph(line)).map(|line| lines::visible_len(line)).collect();
    // Wrapped text breaks most of its lines mid-sentence (the corpus's two pages: 89% and 97%
    // of their lines with a comma); text kept a paragraph per line breaks a few where a
    // paragraph ends without a full stop (a live blog's entries: 13%; the other seeds 15–20%).
    if lengths.len() * 2 < with_commas.len() {
        return None;
    }
    lower_quartile(lengths, 5)
}

impl<'a> Scanner<'a> {
    fn line(&self, line: &Line) -> &'a str {
        &self.text[line.range.as_range()]
    }

    fn push(&mut self, kind: ItemKind, range: TextRange) {
        self.items.push(Item { kind, range });
    }

    /// Extends the last item (body or caption) over `line`.
    fn extend(&mut self, line: &Line) {
        if let Some(item) = self.items.last_mut() {
            item.range.end = line.range.end;
        }
    }

    /// True when `lines[i]` is an item of a numbered list inside the text (`获得金奖的企业有：`
    /// over `1.…`, `2.…`): it follows a line that ends with a colon or another such item, and
    /// what follows it is another numbered line or the end of the run of lines, not the body
    /// text a section head would have.
    fn list_item(&self, lines: &[Line], i: usize, after_item: bool) -> bool {
        let numbered = |line: &Line| {
            let text = self.line(line);
            let (stripped, markup) = lines::strip_markup(text);
            markup == Markup::default() && lines::heading_marker(&text[stripped]).is_some()
        };
        let after_colon = i > 0 && self.line(&lines[i - 1]).ends_with(['：', ':']);
        (after_colon || after_item) && numbered(&lines[i]) && lines.get(i + 1).is_none_or(numbered)
    }

    fn chunk(&mut self, lines: &[Line]) {
        let mut i = 0;
        let mut last_list_item = None;
        let mut in_paragraph =
            self.open_paragraph && matches!(self.items.last(), Some(Item { kind: ItemKind::Body, .. }));
        while i < lines.len() {
            let line = lines[i];
            let text = self.line(&line);
            let breaks = text.starts_with(lines::CAPTION_MARKS) || lines::meta(text).is_some();
            // Text kept one paragraph per line (no wrapped lines at all) never continues a
            // paragraph on the next line: a line there without a full stop is a heading or
            // web furniture (`发稿时间：… 来源：…`), not the start of a longer paragraph.
            if in_paragraph && !breaks && self.wrap_len.is_some() {
                self.extend(&line);
                in_paragraph = !lines::ends_paragraph(text);
                i += 1;
                continue;
            }
            let (stripped, markup) = lines::strip_markup(text);
            let bare = &text[stripped.clone()];
            // Datelines, bylines, credits.
            // A name alone right above a byline's label (`陈小明` over `本报记者`) is the byline's.
            let name_over_label =
                lines.get(i + 1).is_some_and(|next| lines::byline_label(self.line(next))) && lines::short_name(text);
            let name_meta = name_over_label.then_some((MetaKind::Byline, text.len()));
            if let Some((kind, len)) = lines::meta(text).or_else(|| lines::meta(bare)).or(name_meta) {
                let source = if lines::meta(text).is_some() { text } else { bare };
                let mut meta_text =
                    source[..len].trim().trim_matches('*').trim_start_matches(lines::CAPTION_MARKS).trim().to_owned();
                if kind == MetaKind::Byline && lines::letter_spaced_name(&meta_text) {
                    meta_text.retain(|c| !c.is_whitespace());
                }
                let meta_start = line.range.start + (source.as_ptr() as usize - text.as_ptr() as usize);
                let meta_range = TextRange::new(meta_start, meta_start + len);
                self.push(ItemKind::Meta(kind, meta_text), meta_range);
                if len < source.len() && !source[len..].trim().is_empty() {
                    let rest = meta_start + len;
                    let rest = rest
                        + (self.text[rest..line.range.end].len() - self.text[rest..line.range.end].trim_start().len());
                    self.push(ItemKind::Body, TextRange::new(rest, line.range.end));
                    in_paragraph = !lines::ends_paragraph(text);
                }
                i += 1;
                continue;
            }
            if lines::is_caption(text) {
                // A caption or a bulleted box runs to the next blank line or dateline.
                let mut end = i;
                while lines.get(end + 1).is_some_and(|l| lines::meta(self.line(l)).is_none()) {
                    end += 1;
                }
                self.push(ItemKind::Caption, TextRange::new(line.range.start, lines[end].range.end));
                in_paragraph = false;
                i = end + 1;
                continue;
            }
            if self.list_item(lines, i, i > 0 && last_list_item == Some(i - 1)) {
                last_list_item = Some(i);
                self.push(ItemKind::Body, line.range);
                in_paragraph = false;
                i += 1;
                continue;
            }
            if let Some(end) = self.heading(lines, i, stripped, markup) {
                i = end + 1;
                continue;
            }
            // A paragraph of running text, perhaps opening with a structure phrase.
            if let Some(marker) = lines::heading_marker(bare).filter(lines::is_skeleton) {
                self.point(lines, i, marker);
            } else {
                self.push(ItemKind::Body, line.range);
            }
            in_paragraph = !lines::ends_paragraph(text);
            i += 1;
        }
        self.open_paragraph = in_paragraph;
    }

    /// Tries to read a heading starting at `lines[i]`; returns the index of its last line.
    fn heading(&mut self, lines: &[Line], i: usize, stripped: std::ops::Range<usize>, markup: Markup) -> Option<usize> {
        let line = lines[i];
        let text = self.line(&line);
        let bare = &text[stripped.clone()];
        let explicit = markup.hashes.is_some() || markup.bold || markup.lenticular;
        let pattern_level = self
            .patterns
            .iter()
            .find(|(regex, _)| regex.find(bare).is_some_and(|m| m.start() == 0))
            .map(|(_, level)| *level);
        let marker = lines::heading_marker(bare).filter(|m| !lines::is_skeleton(m) || explicit);
        let max_len = if explicit || pattern_level.is_some() { 80 } else { 40 };
        let punctuated = pattern_level.is_none()
            && !lines::headline_like(bare, explicit, max_len)
            && self.punctuated_head_stands_alone(lines, i, bare);
        let colon_first = pattern_level.is_none() && !explicit && self.colon_first_line(lines, i, bare);
        // A number alone on its line (`（一）`) over its section's text heads that section.
        let bare_number = marker.as_ref().is_some_and(|m| bare[m.range.end..].trim().is_empty())
            && self.longer_body_at(lines, i + 1, bare);
        if pattern_level.is_none()
            && !lines::headline_like(bare, explicit, max_len)
            && !punctuated
            && !colon_first
            && !bare_number
        {
            return None;
        }
        // A headline wrapped over two lines: the first ends mid-phrase or is very short.
        let mut last = i;
        let mut joined = bare.to_owned();
        let mut end = line.range.start + stripped.end;
        while !explicit && marker.is_none() && pattern_level.is_none() && last + 1 < lines.len() {
            let next = self.line(&lines[last + 1]);
            let wraps = (joined.ends_with(['、', '—', '：', ':']) || lines::visible_len(&joined) < 12)
                && !lines::standing_head(&joined);
            if !wraps
                || !lines::headline_like(next, false, 40)
                || lines::heading_marker(next).is_some()
                || is_attendance_line(next)
            {
                break;
            }
            if lines::visible_len(&joined) + lines::visible_len(next) > 60 {
                break;
            }
            let mut candidate = joined.clone();
            join_into(&mut candidate, next);
            // A wrapped line that is itself followed by body text is a subhead, not a wrap
            // (unless the first line ends with a colon: see `colon_first_line`).
            if !colon_first && last + 2 < lines.len() && !self.is_heading_line(self.line(&lines[last + 2])) {
                break;
            }
            joined = candidate;
            last += 1;
            end = lines[last].range.end;
        }
        let strong = explicit
            || pattern_level.is_some()
            || marker.is_some()
            || lines::han_space_han(&joined)
            || lines::letter_spaced(&joined);
        let glued = if let Some(next_line) = lines.get(last + 1) {
            let next = self.line(next_line);
            let next_is_heading = self.is_heading_line(next);
            // The next line is a heading for sure: a meta line, a `——` subtitle, a deck, or
            // a heading line of its own before a blank line.
            // A subhead printed over two short lines, or a subhead with a deck under it, has
            // body text right below its last line (`政府：曾審視宏福苑棚網` / `未發現不符阻燃性
            // 要求` / a paragraph).
            let next_stands_alone = lines::meta(next).is_some()
                || next.starts_with(['—', '─'])
                || (next_is_heading
                    && (lines::han_space_han(next)
                        || last + 2 == lines.len()
                        || self.longer_body_at(lines, last + 2, next)));
            let len = lines::visible_len(&joined);
            let next_len = lines::visible_len(next);
            // In text kept a paragraph per line, a subhead stands after a paragraph's end (or a
            // heading or meta line) over a paragraph that ends within three lines (a short
            // page's wrapped paragraph may be too short to measure its wrap). A box of facts'
            // labels are no subheads: `警方行動` over `拘3男（涉誤殺…）` has no paragraph end
            // below, `消防參與人員` after `7座（…）` none above.
            let after_paragraph = i == 0
                || lines::ends_paragraph(self.line(&lines[i - 1]))
                || self.item_right_above(lines, i, |kind| matches!(kind, ItemKind::Heading(_) | ItemKind::Meta(..)));
            let ends = self.wrap_len.is_some()
                || (after_paragraph
                    && lines[last + 1..].iter().take(3).any(|line| lines::ends_paragraph(self.line(line))));
            let shorter = match self.opener_len {
                Some(opener) => len < next_len && len + 3 <= opener,
                None => len + 3 <= next_len && ends,
            };
            // The document's first line is where a headline stands: what follows it (a
            // byline, a dateline, a lead) is shorter or longer, but does not continue it.
            let first_of_document = self.at_document_start(i);
            // A punctuated subhead was admitted as standing alone above longer text.
            let splits = strong
                || punctuated
                || (first_of_document && !self.continues(&joined, next) && !lines::ends_mid_phrase(&joined))
                || next_line.indented
                || next.starts_with(lines::CAPTION_MARKS)
                || ((next_stands_alone || shorter)
                    && !self.continues(&joined, next)
                    && !lines::ends_mid_phrase(&joined));
            if !splits {
                return None;
            }
            !next_is_heading
        } else {
            // Before a blank line: not a heading when the next run of lines reads on from it.
            let reads_on =
                self.lookahead.is_some_and(|next| !self.is_heading_line(next) && self.continues(&joined, next));
            if !strong && (reads_on || lines::ends_mid_phrase(&joined)) {
                return None;
            }
            false
        };
        let text_out = if lines::letter_spaced(&joined) {
            joined.chars().filter(|c| !c.is_whitespace()).collect()
        } else {
            joined
        };
        let heading = Heading {
            text: text_out,
            range: TextRange::new(line.range.start + stripped.start, end),
            line_start: line.range.start,
            markup,
            marker,
            pattern_level,
            point: false,
            glued,
        };
        self.push(ItemKind::Heading(heading), TextRange::new(line.range.start, end));
        Some(last)
    }

    /// True when the last item read is of a kind `is_kind` accepts and ends on the line right
    /// above `lines[i]`.
    fn item_right_above(&self, lines: &[Line], i: usize, is_kind: impl Fn(&ItemKind) -> bool) -> bool {
        i > 0 && self.items.last().is_some_and(|item| is_kind(&item.kind) && item.range.end == lines[i - 1].range.end)
    }

    /// True when line `i` of the current run of lines is the document's first line (the
    /// headline's place): nothing has been read before it.
    fn at_document_start(&self, i: usize) -> bool {
        self.items.is_empty() && i == 0
    }

    /// True when `lines[i]` (its text `bare`) is a [`lines::punctuated_head`] standing as a
    /// paragraph of its own: the line before it, if any, ends its paragraph, the text below
    /// does not read on from it, and the paragraph below is clearly longer (by three
    /// characters, and on a page of wrapped lines it is also shorter than the first lines of
    /// its wrapped paragraphs, as for any short heading). The document's first line is its
    /// headline's place: there up to three commas and 80 characters
    /// (`大埔宏福苑五級火｜279人失聯　有家屬稱…`), and the byline or dateline below may be shorter.
    fn punctuated_head_stands_alone(&mut self, lines: &[Line], i: usize, bare: &str) -> bool {
        let first_of_document = self.at_document_start(i);
        let (max_len, max_commas) = if first_of_document { (80, 3) } else { (40, 1) };
        if !lines::punctuated_head(bare, max_len, max_commas, first_of_document) || lines::ends_mid_phrase(bare) {
            return false;
        }
        let after_heading = self.item_right_above(lines, i, |kind| matches!(kind, ItemKind::Heading(_)));
        let Some(next) = lines.get(i + 1).map(|l| self.line(l)).or(self.lookahead) else { return false };
        // The questions of a Q&A (`问：…？` over `答：…`) are optional in an outline: left out.
        let qa = |text: &str, words: &[&str]| {
            words.iter().any(|w| text.strip_prefix(w).is_some_and(|rest| rest.trim_start().starts_with(['：', ':'])))
        };
        if qa(bare, &["问", "問", "Q"]) || qa(next, &["答", "A"]) {
            return false;
        }
        // Right below a subhead, two parallel questions (`出国前：…？` over `出国后：…？`) with
        // the longer paragraph below the second are a deck; a single question there leads into
        // its paragraph (`究竟程女士为何会如此在意…？`, the dev set's s11).
        let next_len = lines::visible_len(next);
        let parallel = after_heading
            && lines::punctuated_head(next, max_len, max_commas, false)
            && lines.get(i + 2).is_some_and(|l| {
                let below = self.line(l);
                lines::ends_paragraph(below) && next_len + 3 <= lines::visible_len(below)
            });
        // A question over a short head of its own with the longer text below that (`誰負責化驗
        // 棚網？` over `政府化驗所（GL）` over its paragraph): the question heads a section of
        // headed parts.
        let over_head = bare.ends_with(['？', '?'])
            && !after_heading
            && lines::heading_marker(next).is_none()
            && self.is_heading_line(next)
            && self.longer_body_at(lines, i + 2, next);
        // Right below the document's headline, a punctuated line is its deck or subtitle.
        let under_headline = after_heading && self.items.len() == 1;
        let after_paragraph = if i == 0 {
            !self.open_paragraph
        } else {
            parallel || under_headline || lines::ends_paragraph(self.line(&lines[i - 1]))
        };
        if !after_paragraph || self.continues(bare, next) {
            return false;
        }
        let len = lines::visible_len(bare);
        first_of_document
            || over_head
            || ((len + 3 <= next_len || parallel)
                && self.opener_len.is_none_or(|opener| len + 3 <= opener)
                && self.wrap_len.is_none_or(|width| len + 3 <= width))
    }

    /// True when `lines[i]` (its text `bare`) is the first line of a subhead printed over two
    /// lines whose first ends with a colon (`兩部門守則、指引：` over `棚網等「應具」阻燃特性`,
    /// `有业主为文化研究者：` over `我不是钉子户 只想捍卫自己尊严`): short and headline-like but for
    /// the colon, after a paragraph's end, over a headline-like line with no numbering, over a
    /// longer paragraph. A colon in running text introduces a quotation or a list, which are
    /// longer, end a sentence or are numbered.
    fn colon_first_line(&self, lines: &[Line], i: usize, bare: &str) -> bool {
        let Some(stem) = bare.strip_suffix(['：', ':']) else { return false };
        if i == 0 || !lines::ends_paragraph(self.line(&lines[i - 1])) || !lines::headline_like(stem, false, 20) {
            return false;
        }
        let Some(next) = lines.get(i + 1).map(|l| self.line(l)) else { return false };
        lines::headline_like(next, false, 20)
            && lines::heading_marker(next).is_none()
            && self.longer_body_at(lines, i + 2, next)
    }

    /// True when `lines[k]` is running text longer than `above` that ends its paragraph: the
    /// body below a block of short heading lines.
    fn longer_body_at(&self, lines: &[Line], k: usize, above: &str) -> bool {
        lines.get(k).is_some_and(|line| {
            let text = self.line(line);
            !self.is_heading_line(text)
                && lines::ends_paragraph(text)
                && lines::visible_len(text) > lines::visible_len(above)
        })
    }

    /// True when `text` would start a heading or a meta line of its own.
    fn is_heading_line(&self, text: &str) -> bool {
        if lines::meta(text).is_some() {
            return true;
        }
        let (stripped, markup) = lines::strip_markup(text);
        let explicit = markup.hashes.is_some() || markup.bold || markup.lenticular;
        lines::headline_like(&text[stripped], explicit, if explicit { 80 } else { 40 })
    }

    /// True when `next` reads on from `text` in the middle of a word: the four characters
    /// around the line break occur again elsewhere in the document.
    fn continues(&mut self, text: &str, next: &str) -> bool {
        // A break after a question or exclamation mark (or any sentence end) is never in the
        // middle of a word, however often the characters around it recur.
        if text.ends_with(lines::FINAL) {
            return false;
        }
        // Text kept one paragraph per line never breaks a line mid-word (see `Scanner::chunk`):
        // there the words around a break recur only because a headline repeats a subhead's.
        if self.wrap_len.is_none() {
            return false;
        }
        // Nor does text read on into a dateline or byline, which breaks any paragraph (a
        // rundown's section heads, `国内联播快讯` over `央视网消息（新闻联播）：`, recur with it).
        if lines::meta(next).is_some() {
            return false;
        }
        let recurrence = match &mut self.recurrence {
            Some(recurrence) => recurrence,
            none => {
                // The breaks between lines, and before the first line of each next run: the
                // text before each as written and without its markup.
                let text = self.text;
                let lines: Vec<&str> = self.lines.iter().map(|range| &text[range.as_range()]).collect();
                let breaks = lines.windows(2).flat_map(|pair| {
                    let (stripped, _) = lines::strip_markup(pair[0]);
                    [(pair[0], pair[1]), (&pair[0][stripped], pair[1])]
                });
                none.insert(recurrence::Recurrence::new(text, breaks))
            }
        };
        let tail: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        let head: Vec<char> = next.chars().filter(|c| !c.is_whitespace()).take(2).collect();
        if tail.len() < 2 || head.len() < 2 {
            return false;
        }
        let before: String = tail[tail.len() - 2..].iter().chain(&head[..1]).collect();
        let after: String = tail[tail.len() - 1..].iter().chain(head.iter()).collect();
        // Non-overlapping occurrences, as `str::matches` counts them (see `Recurrence`).
        recurrence.twice(&before) || recurrence.twice(&after)
    }

    /// A paragraph that opens with a structure phrase: a point heading (its first sentence)
    /// followed by the paragraph as body.
    fn point(&mut self, lines: &[Line], i: usize, marker: OrdinalMarker) {
        let line = lines[i];
        let text = self.line(&line);
        let sentence_end = text
            .char_indices()
            .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '!' | '?'))
            .map_or(text.len(), |(at, c)| at + c.len_utf8());
        let mut heading_text = text[..sentence_end].trim_end_matches(['。', '；']).to_owned();
        if heading_text.chars().count() > 50 {
            heading_text = heading_text.chars().take(49).collect::<String>() + "…";
        }
        let heading = Heading {
            text: heading_text,
            range: TextRange::new(line.range.start, line.range.start + sentence_end),
            line_start: line.range.start,
            markup: Markup::default(),
            marker: Some(marker),
            pattern_level: None,
            point: true,
            glued: true,
        };
        self.push(ItemKind::Heading(heading), TextRange::new(line.range.start, line.range.start + sentence_end));
        self.push(ItemKind::Body, line.range);
    }
}

/// Appends a wrapped line to a heading: no separator between Han, a space between words.
fn join_into(joined: &mut String, next: &str) {
    let before = joined.chars().next_back();
    let after = next.chars().next();
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) && after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        joined.push(' ');
    }
    joined.push_str(next.trim());
}

// ---------------------------------------------------------------------------------------------
// Pass 2: items to stories.

#[derive(Clone, Debug)]
struct Entry {
    heading: Heading,
    kind: OutlineKind,
    rank: u32,
    /// Where the text this heading stands for ends when the next heading of its rank comes:
    /// the end of the item before this heading.
    end_before: usize,
}

#[derive(Clone, Debug, Default)]
struct Story {
    start: usize,
    end: usize,
    /// Kicker, title and subtitles, in text order.
    headline: Vec<Entry>,
    sections: Vec<Entry>,
    details: Vec<String>,
    /// The first dateline or byline, which names a story without a headline.
    detail_range: Option<TextRange>,
    has_body: bool,
}

impl Story {
    fn at(start: usize) -> Story {
        Story { start, end: start, ..Story::default() }
    }

    fn has_title(&self) -> bool {
        self.headline.iter().any(|e| e.kind == OutlineKind::Title)
    }

    fn cover(&mut self, range: TextRange) {
        self.start = self.start.min(range.start);
        self.end = self.end.max(range.end);
    }
}

/// The rank of a section: smaller is higher.
fn rank(heading: &Heading) -> u32 {
    if let Some(level) = heading.pattern_level {
        return level * 10;
    }
    if let Some(marker) = &heading.marker {
        return match marker.style {
            MarkerStyle::Di if matches!(marker.noun.as_str(), "部分" | "部份" | "章" | "篇" | "節" | "节") => {
                10
            }
            MarkerStyle::Di | MarkerStyle::DiComma | MarkerStyle::ChineseComma => 20,
            MarkerStyle::ChineseParen => 30,
            MarkerStyle::ArabicDot => 40,
            MarkerStyle::ArabicParen => 50,
            // 亮點1、: points under the subhead that announces them.
            MarkerStyle::Labelled => 35,
        };
    }
    match heading.markup.hashes {
        Some(hashes) => (hashes as u32) * 10 - 5,
        None => UNMARKED,
    }
}

/// The rank of an unnumbered, unmarked subhead, and of a deck printed right below one.
const UNMARKED: u32 = 25;
const DECK: u32 = 26;

fn section_kind(heading: &Heading) -> OutlineKind {
    if heading.point {
        OutlineKind::Point
    } else if heading.marker.is_some() || heading.markup.hashes.is_some() || heading.pattern_level.is_some() {
        OutlineKind::Section
    } else {
        OutlineKind::Subhead
    }
}

/// True when a heading can be part of a headline (not a numbered or marked section).
fn headline_material(heading: &Heading) -> bool {
    heading.marker.is_none() && heading.pattern_level.is_none() && !heading.point && !heading.markup.lenticular
}

/// Kicker, title and subtitles of a headline block.
fn headline(block: &[(Heading, usize)], page: bool) -> Vec<Entry> {
    let title = title_index(block, page);
    block
        .iter()
        .enumerate()
        .map(|(i, (heading, end_before))| {
            let kind = match i.cmp(&title) {
                std::cmp::Ordering::Less => OutlineKind::Kicker,
                std::cmp::Ordering::Equal => OutlineKind::Title,
                std::cmp::Ordering::Greater => OutlineKind::Subtitle,
            };
            Entry { heading: heading.clone(), kind, rank: 0, end_before: *end_before }
        })
        .collect()
}

/// A `——` subtitle line.
fn is_dash_line(text: &str) -> bool {
    text.starts_with(['—', '─', '－'])
}

/// Which line of a headline block is its title; those above are kickers, those below subtitles.
fn title_index(block: &[(Heading, usize)], page: bool) -> usize {
    let dash = |h: &Heading| is_dash_line(&h.text);
    let mut title = block.iter().position(|(h, _)| !dash(h)).unwrap_or(0);
    if title == 0 && block.len() >= 2 && !dash(&block[1].0) {
        let first = lines::visible_len(&block[0].0.text);
        let second = lines::visible_len(&block[1].0.text);
        // Who spoke, presided and attended is told in the subtitles, under the title: the line
        // above the first such line is the title, and what stands above it is the kicker.
        if let Some(attendance) = block.iter().skip(2).position(|(h, _)| is_attendance_line(&h.text)) {
            title = attendance + 1;
        }
        // A long first line over a much shorter second, or a first line that only frames the
        // news (围绕…, 聚焦…), is a kicker over the headline. The first is a newspaper page's
        // layout (`002`); an article on the web prints its title first and a short tagline
        // below it (the dev set has 8 such subtitles under a first-line title and no kicker).
        // A second line of four characters or fewer is a name or a label under the headline
        // (a byline such as `余美霞`), not a title under a kicker.
        else if (page && block.len() <= 3 && first * 2 >= second * 3 && second > 4)
            || opens_with_frame(&block[0].0.text)
        {
            title = 1;
        }
    }
    title
}

/// A headline line that reports who spoke, presided or attended (`胡衡华主持 李晓红出席`):
/// every space-separated part is short and ends with such a verb.
fn is_attendance_line(text: &str) -> bool {
    const VERBS: &[&str] = &[
        "讲话", "講話", "致辞", "致辭", "主持", "出席", "参加", "參加", "会见", "會見", "发言", "發言", "开幕", "開幕",
    ];
    let mut parts = text.split([' ', '\u{3000}']).filter(|p| !p.is_empty()).peekable();
    parts.peek().is_some() && parts.all(|p| p.chars().count() <= 14 && VERBS.iter().any(|v| p.ends_with(v)))
}

/// A first headline line that frames the news rather than telling it, as kickers do.
fn opens_with_frame(text: &str) -> bool {
    const FRAMES: &[&str] =
        &["围绕", "圍繞", "聚焦", "着眼", "著眼", "立足", "面向", "紧扣", "緊扣", "为了", "為了", "对标", "對標"];
    FRAMES.iter().any(|f| text.starts_with(f))
}

/// How many of the last lines of a headline printed after a story's body (`block`, the body's
/// pairs being `above`) are instead the headline of the story that follows (`after`, its body
/// one of `bodies`): each such line tells that story rather than the one above
/// ([`tells_rather`]). A headline tells its
/// story's lead, so it shares far more with its own body than with a neighbour's (the last
/// lines of such headlines on the corpus pages: 0.71 to 0.86 above, 0.00 to 0.33 below).
/// Without a body after the block, none.
fn headline_of_next_story(above: &HanPairs, block: &[(Heading, usize)], after: &[Item], bodies: &PageBodies) -> usize {
    // The body right below: the run of body text that the first item after the meta lines
    // opens, when that item is body text and not a heading.
    let first_below = after.iter().find(|item| !matches!(item.kind, ItemKind::Meta(..)));
    let Some(below) = first_below
        .filter(|item| matches!(item.kind, ItemKind::Body | ItemKind::Caption))
        .and_then(|item| bodies.starting_at(item.range.start))
    else {
        return 0;
    };
    let mut moved = 0;
    for (heading, _) in block.iter().rev() {
        let pairs = han_pairs(&heading.text);
        if pairs.len() < 3 || !tells_rather(share(&pairs, below), share(&pairs, above)) {
            break;
        }
        moved += 1;
    }
    // A `——` subtitle goes with the title above it.
    while moved > 0 && is_dash_line(&block[block.len() - moved].0.text) {
        moved -= 1;
    }
    moved
}

/// Where the lines after the title of a headline printed after a story's body (`own`, the body's
/// pairs being `above`) start to tell another story of the page, one whose body is elsewhere
/// (`bodies`, outside `story`) or not in the text: the first line that tells one other body
/// rather than the body above ([`tells_rather`]). In `002` of the shared corpus, a second
/// story's headline whose body is cut off, printed below the 算力 story's, has 0.73 of its
/// pairs in the 人才 story's body against 0.32 in the 算力 body, where the true decks below
/// after-body titles have 0.71 and 0.81 in their own body and at most 0.07 in another. The
/// title is not judged: titles share generic pairs (重庆, 推动, 高质量发展) with other bodies,
/// though always fewer than with their own. `own.len()` when no line does.
fn told_elsewhere(own: &[(Heading, usize)], above: &HanPairs, bodies: &PageBodies, story: TextRange) -> usize {
    for (m, (heading, _)) in own.iter().enumerate().skip(title_index(own, true) + 1) {
        let pairs = han_pairs(&heading.text);
        if pairs.len() >= 3
            && !is_dash_line(&heading.text)
            && tells_rather(bodies.best_share_outside(&pairs, story), share(&pairs, above))
        {
            return m;
        }
    }
    own.len()
}

/// A headline line tells the story whose body holds `share` of its pairs rather than the one
/// that holds `other`: half or more, and a quarter of its pairs more than the other. A headline
/// printed after a body belongs to that body unless this is clear: two stories of one event
/// (a report and its sidebar) share most of their words, and a pair more on one side decides
/// nothing.
fn tells_rather(share: f64, other: f64) -> bool {
    share >= 0.5 && share >= other + 0.25
}

/// Sets of pairs with Fx hashing: every pair of a page's body text goes into one, and SipHash
/// made the outline of a file of many pages spend a fifth of its time hashing.
type HanPairs = FxHashSet<(char, char)>;

/// The distinct pairs of adjacent Han characters in `text`.
fn han_pairs(text: &str) -> HanPairs {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    chars.windows(2).filter(|w| is_han(w[0]) && is_han(w[1])).map(|w| (w[0], w[1])).collect()
}

/// The share of `pairs` found in `body`.
fn share(pairs: &HanPairs, body: &HanPairs) -> f64 {
    if pairs.is_empty() { 0.0 } else { pairs.intersection(body).count() as f64 / pairs.len() as f64 }
}

/// How many runs of body text on either side of a story [`PageBodies::best_share_outside`]
/// compares a headline with. A headline printed on a page tells a story of that page, and the
/// files of the shared corpus and dev set have at most 16 runs (the two pages of the corpus, 8
/// and 14); comparing with every run of the document made the outline of a file of many pages
/// quadratic (67 s for 48 MB).
const PAGE_REACH: usize = 64;

/// The story bodies of a page as runs of body text between headings and story-opening
/// datelines, each with its Han character pairs.
struct PageBodies {
    runs: Vec<(TextRange, HanPairs)>,
}

impl PageBodies {
    fn new(text: &str, items: &[Item]) -> PageBodies {
        let mut runs = Vec::new();
        let mut run: Option<(TextRange, String)> = None;
        let mut close = |run: &mut Option<(TextRange, String)>| {
            if let Some((range, body)) = run.take() {
                runs.push((range, han_pairs(&body)));
            }
        };
        for item in items {
            match &item.kind {
                ItemKind::Heading(_) => close(&mut run),
                ItemKind::Meta(kind, _) if kind.opens_story() => close(&mut run),
                ItemKind::Body | ItemKind::Caption => {
                    let (range, body) = run.get_or_insert_with(|| (item.range, String::new()));
                    range.end = item.range.end;
                    body.push_str(text.get(item.range.as_range()).unwrap_or(""));
                }
                ItemKind::Meta(..) => {}
            }
        }
        close(&mut run);
        PageBodies { runs }
    }

    /// The pairs of the run that starts at byte `start` (the runs are in text order).
    fn starting_at(&self, start: usize) -> Option<&HanPairs> {
        let at = self.runs.partition_point(|(range, _)| range.start < start);
        self.runs.get(at).filter(|(range, _)| range.start == start).map(|(_, pairs)| pairs)
    }

    /// The largest share of `pairs` in one run that lies outside `story`, among the
    /// [`PAGE_REACH`] runs on either side of it.
    fn best_share_outside(&self, pairs: &HanPairs, story: TextRange) -> f64 {
        let before = self.runs.partition_point(|(range, _)| range.end <= story.start);
        let after = self.runs.partition_point(|(range, _)| range.start < story.end).max(before);
        let runs = &self.runs[before.saturating_sub(PAGE_REACH)..before];
        let runs = runs.iter().chain(self.runs[after..].iter().take(PAGE_REACH));
        runs.map(|(_, body)| share(pairs, body)).fold(0.0, f64::max)
    }
}

/// The stories of a text, and the title of the page that holds them, if it has one of its own.
fn stories(text: &str, items: &[Item]) -> (Option<Heading>, Vec<Story>) {
    let page = is_page(items);
    let mut page_title = None;
    let mut bodies: Option<PageBodies> = None;
    let mut stories: Vec<Story> = Vec::new();
    let mut open: Option<Story> = None;
    let mut last_end = 0;
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        match &item.kind {
            ItemKind::Heading(_) => {
                // A block: consecutive headline headings with only blank lines between.
                let mut block: Vec<(Heading, usize)> = Vec::new();
                let mut j = i;
                let mut end_before = last_end;
                while let Some(Item { kind: ItemKind::Heading(heading), range, .. }) = items.get(j) {
                    if !block.is_empty() && (!headline_material(heading) || !headline_material(&block[0].0)) {
                        break;
                    }
                    block.push((heading.clone(), end_before));
                    end_before = range.end;
                    j += 1;
                    if heading.glued {
                        break;
                    }
                }
                let is_headline = headline_material(&block[0].0);
                let story = open.get_or_insert_with(|| Story::at(item.range.start));
                let fresh = !story.has_body && !story.has_title() && story.sections.is_empty();
                // A subhead glued to its paragraph is not part of the headline above it.
                if !fresh && block.len() > 1 && block.last().is_some_and(|(h, _)| h.glued) {
                    block.pop();
                    j -= 1;
                }
                if page && is_headline && fresh && stories.is_empty() && block.len() >= 2 {
                    let bodies = bodies.get_or_insert_with(|| PageBodies::new(text, items));
                    if page_title_above(&block, &items[j..], bodies) {
                        page_title = Some(block.remove(0).0);
                        story.start = items[i + 1].range.start;
                        story.end = story.start;
                    }
                }
                let block_start = items[j - block.len()].range.start;
                let block_range = TextRange::new(block_start, items[j - 1].range.end);
                let glued = block.last().is_some_and(|(h, _)| h.glued);
                if is_headline && fresh {
                    // A headline at the top of a story.
                    story.headline = headline(&block, page);
                    story.cover(block_range);
                } else if page && is_headline && !glued && story.has_body && !story.has_title() {
                    // A headline after its story's body. Its last lines may be the headline of
                    // the story that follows (`next`), and lines below its title may be the
                    // headline of a story told elsewhere or cut off (`elsewhere`).
                    let body_above = TextRange::new(story.start, item.range.start);
                    let above = han_pairs(text.get(body_above.as_range()).unwrap_or(""));
                    let bodies = bodies.get_or_insert_with(|| PageBodies::new(text, items));
                    let moved = headline_of_next_story(&above, &block, &items[j..], bodies);
                    let (own, next) = block.split_at(block.len() - moved);
                    let (own, elsewhere) = own.split_at(told_elsewhere(own, &above, bodies, body_above));
                    if !own.is_empty() {
                        story.headline = headline(own, page);
                        story.cover(TextRange::new(item.range.start, items[i + own.len() - 1].range.end));
                        // A source line right after the headline still belongs to it.
                        while let Some(Item {
                            kind: ItemKind::Meta(kind @ (MetaKind::Source | MetaKind::Credit), text),
                            range,
                            ..
                        }) = items.get(j).filter(|_| next.is_empty() && elsewhere.is_empty())
                        {
                            if *kind == MetaKind::Source {
                                story.details.push(text.clone());
                            }
                            story.cover(*range);
                            j += 1;
                        }
                        last_end = story.end;
                    }
                    stories.extend(open.take());
                    if !elsewhere.is_empty() {
                        // A headline whose story is told elsewhere or not at all.
                        let first = i + own.len();
                        let mut story = Story::at(items[first].range.start);
                        story.headline = headline(elsewhere, page);
                        story.cover(items[first + elsewhere.len() - 1].range);
                        stories.push(story);
                        last_end = items[first + elsewhere.len() - 1].range.end;
                    }
                    if !next.is_empty() {
                        let start = items[i + own.len() + elsewhere.len()].range.start;
                        let mut story = Story::at(start);
                        story.headline = headline(next, page);
                        story.cover(TextRange::new(start, block_range.end));
                        open = Some(story);
                        last_end = block_range.end;
                    }
                    i = j;
                    continue;
                } else if page && is_headline && !glued {
                    // A headline that opens the next story.
                    stories.extend(open.take());
                    let mut story = Story::at(item.range.start);
                    story.headline = headline(&block, page);
                    story.cover(block_range);
                    open = Some(story);
                } else {
                    for (heading, end_before) in block {
                        let kind = section_kind(&heading);
                        let mut rank = rank(&heading);
                        // A deck right below an unnumbered subhead, with no text between,
                        // is one level under it: two phrases set apart by a space or a
                        // question (the dev set's s04, a section head over one or two such
                        // lines). A plain phrase there is the subhead's second line
                        // (`公路局：已完成全面巡查` over `未发现重大结构问题`), and so is any
                        // line under one that ends with a colon; a box's label over an item
                        // (`相关新闻` over a headline) is no deck either.
                        let deck_shape = lines::han_space_han(&heading.text) || heading.text.ends_with(['？', '?']);
                        if kind == OutlineKind::Subhead
                            && deck_shape
                            && story.sections.last().is_some_and(|prev| {
                                prev.kind == OutlineKind::Subhead
                                    && prev.heading.range.end == end_before
                                    && (prev.rank == UNMARKED || prev.rank == DECK)
                                    && !prev.heading.text.ends_with(['：', ':'])
                                    && !lines::standing_head(&prev.heading.text)
                            })
                        {
                            rank = DECK;
                        }
                        // The unnumbered heads after a question subhead with no text of its
                        // own are its parts, one level under it (`誰負責化驗棚網？` over
                        // `政府化驗所（GL）` and `機電工程署（EMSD）`, each over its paragraph).
                        if kind == OutlineKind::Subhead
                            && rank == UNMARKED
                            && !deck_shape
                            && under_bare_question(&story.sections, end_before)
                        {
                            rank = DECK;
                        }
                        story.sections.push(Entry { kind, rank, heading, end_before });
                    }
                    story.cover(block_range);
                }
                last_end = block_range.end;
                i = j;
                continue;
            }
            ItemKind::Meta(kind, text) => {
                if page && kind.opens_story() && open.as_ref().is_some_and(|s| s.has_body) {
                    stories.extend(open.take());
                }
                let story = open.get_or_insert_with(|| Story::at(item.range.start));
                if matches!(kind, MetaKind::Dateline | MetaKind::Byline | MetaKind::DatePlace | MetaKind::Source)
                    && story.details.len() < 3
                {
                    story.details.push(text.clone());
                    story.detail_range.get_or_insert(item.range);
                }
                story.cover(item.range);
            }
            ItemKind::Body | ItemKind::Caption => {
                let story = open.get_or_insert_with(|| Story::at(item.range.start));
                story.has_body = true;
                story.cover(item.range);
            }
        }
        last_end = item.range.end;
        i += 1;
    }
    stories.extend(open);
    (page_title, stories)
}

/// True when the last question subhead of `sections` has no text of its own (the heading after
/// it, or the one about to be added at `end_before`, follows it directly) and every heading
/// since is one of its parts.
fn under_bare_question(sections: &[Entry], end_before: usize) -> bool {
    let is_question = |entry: &Entry| {
        entry.kind == OutlineKind::Subhead && entry.rank == UNMARKED && entry.heading.text.ends_with(['？', '?'])
    };
    let Some(at) = sections.iter().rposition(is_question) else { return false };
    let question_end = sections[at].heading.range.end;
    let parts = &sections[at + 1..];
    let first_follows = parts.first().map_or(end_before, |part| part.end_before) == question_end;
    first_follows && parts.iter().all(|part| part.rank == DECK)
}

/// True when the first line of a page's first headline block (`block`, the items after it
/// `after`) is the title of the page rather than a kicker of its first story: a broadcast
/// rundown's `《新闻联播》 (20230727)` over the first story's headline. A kicker tells its
/// story, so it shares words with the body below; a page's title names the page and shares
/// less than half of its Han character pairs with the first story's body (the threshold of
/// [`tells_rather`]), and fewer than the story's own headline line does (on the dev set's two
/// rundowns the titles share none, the headlines 0.50 and 0.76). A `——` line or a block of one
/// line has no page title.
fn page_title_above(block: &[(Heading, usize)], after: &[Item], bodies: &PageBodies) -> bool {
    if block.len() < 2 || block.iter().any(|(h, _)| is_dash_line(&h.text)) {
        return false;
    }
    let first_below = after.iter().find(|item| !matches!(item.kind, ItemKind::Meta(..)));
    let Some(below) = first_below
        .filter(|item| matches!(item.kind, ItemKind::Body | ItemKind::Caption))
        .and_then(|item| bodies.starting_at(item.range.start))
    else {
        return false;
    };
    let told = |heading: &Heading| share(&han_pairs(&heading.text), below);
    let first = told(&block[0].0);
    first < 0.5 && first < told(&block[block.len() - 1].0)
}

/// A page of several stories: two or more story-opening datelines or bylines with body text
/// between them.
fn is_page(items: &[Item]) -> bool {
    let mut openers = 0;
    let mut body_since = true;
    for item in items {
        match &item.kind {
            ItemKind::Meta(kind, _) if kind.opens_story() => {
                if body_since {
                    openers += 1;
                }
                body_since = false;
            }
            ItemKind::Body => body_since = true,
            _ => {}
        }
    }
    openers >= 2
}

// ---------------------------------------------------------------------------------------------
// Pass 3: stories to trees.

/// The end of `range` in `text` without trailing whitespace.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let end = end.min(text.len()).max(start);
    start + text.get(start..end).map_or(0, |s| s.trim_end().len())
}

/// The characters of a range as an editor counts them: no whitespace, no Markdown `#` or `*`.
fn char_count(text: &str, range: TextRange) -> usize {
    text.get(range.as_range())
        .map_or(0, |s| s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '#' | '*')).count())
}

impl Story {
    fn tree(&self, text: &str) -> Vec<OutlineNode> {
        let story_range = TextRange::new(self.start, trim_end(text, self.start, self.end));
        // Sections, nested by rank.
        let mut sections: Vec<OutlineNode> = Vec::new();
        let mut stack: Vec<(u32, Vec<usize>)> = Vec::new(); // (rank, path of indices)
        for (k, entry) in self.sections.iter().enumerate() {
            // A section ends where the next one of its rank or above begins, or where a kicker
            // or subtitle of a headline printed after the body begins.
            let next_section = self.sections[k + 1..].iter().find(|next| next.rank <= entry.rank);
            let headline_after = self.headline.iter().find(|e| e.heading.range.start > entry.heading.range.start);
            let end =
                next_section.into_iter().chain(headline_after).map(|e| e.end_before).min().unwrap_or(story_range.end);
            let start = entry.heading.line_start;
            let section_range = TextRange::new(start, trim_end(text, start, end).max(entry.heading.range.end));
            let node = OutlineNode {
                kind: entry.kind,
                level: 0,
                text: entry.heading.text.clone(),
                heading_range: entry.heading.range,
                section_range,
                detail: Some(format!("{}字", char_count(text, section_range))),
                children: Vec::new(),
            };
            while stack.last().is_some_and(|(r, _)| *r >= entry.rank) {
                stack.pop();
            }
            let siblings = match stack.last() {
                Some((_, path)) => node_at(&mut sections, path).map(|n| &mut n.children),
                None => Some(&mut sections),
            };
            let Some(siblings) = siblings else { continue };
            siblings.push(node);
            let mut path = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
            path.push(siblings.len() - 1);
            stack.push((entry.rank, path));
        }
        let title = self.headline.iter().find(|e| e.kind == OutlineKind::Title);
        let details = (!self.details.is_empty()).then(|| self.details.join(" "));
        let root = match title {
            Some(title) => {
                let mut children: Vec<OutlineNode> = self
                    .headline
                    .iter()
                    .filter(|e| e.kind != OutlineKind::Title)
                    .map(|e| OutlineNode {
                        kind: e.kind,
                        level: 0,
                        text: e.heading.text.clone(),
                        heading_range: e.heading.range,
                        section_range: e.heading.range,
                        detail: None,
                        children: Vec::new(),
                    })
                    .collect();
                children.extend(sections);
                children.sort_by_key(|n| n.heading_range.start);
                OutlineNode {
                    kind: OutlineKind::Title,
                    level: 0,
                    text: title.heading.text.clone(),
                    heading_range: title.heading.range,
                    section_range: story_range,
                    detail: details.or_else(|| Some(format!("{}字", char_count(text, story_range)))),
                    children,
                }
            }
            None => match details {
                Some(details) if !sections.is_empty() || self.has_body => OutlineNode {
                    kind: OutlineKind::Story,
                    level: 0,
                    text: details.clone(),
                    heading_range: self.detail_range.unwrap_or(TextRange::new(self.start, self.start)),
                    section_range: story_range,
                    detail: Some(format!("{}字", char_count(text, story_range))),
                    children: sections,
                },
                _ => {
                    let mut sections = sections;
                    sections.iter_mut().for_each(|n| set_levels(n, 1));
                    return sections;
                }
            },
        };
        let mut root = root;
        set_levels(&mut root, 1);
        vec![root]
    }
}

fn node_at<'a>(nodes: &'a mut [OutlineNode], path: &[usize]) -> Option<&'a mut OutlineNode> {
    let (first, rest) = path.split_first()?;
    let node = nodes.get_mut(*first)?;
    if rest.is_empty() { Some(node) } else { node_at(&mut node.children, rest) }
}

fn set_levels(node: &mut OutlineNode, level: u32) {
    node.level = level;
    for child in &mut node.children {
        set_levels(child, level + 1);
    }
}

#[cfg(test)]
mod tests;
