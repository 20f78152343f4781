//! Script conversion with OpenCC: which conversions exist, the backends that perform them, and
//! the minimal edits that turn a range of text into its converted form.
//!
//! Two backends implement [`Converter`]:
//! - [`Backend::Embedded`] (always built): `ferrous-opencc`, pure Rust with OpenCC's
//!   dictionaries compiled in. Nothing needs to be installed; it is the default.
//! - [`Backend::System`] (cargo feature `system-opencc`): `opencc-rust`, a binding to the OpenCC
//!   C++ library and the dictionaries installed on the machine (`libopencc`, `/usr/share/opencc`),
//!   for byte-for-byte parity with the `opencc` command-line tool. It is the one place where this
//!   crate reaches outside itself (the library reads its data files), and it exists only when the
//!   feature is on.
//!
//! Every converter is built once, on first use, and shared for the life of the process.
//!
//! Conversion never relies on lengths being preserved: phrase configurations (`s2twp`, `tw2sp`)
//! replace 软件 with 軟體 but also 鼠标 with 滑鼠, so [`conversion_edits`] diffs the original and
//! the converted text character by character and returns one [`Edit`] per changed run.

pub mod config;
mod embedded;
pub mod forms;
mod opencc;
pub mod pieces;
#[cfg(feature = "system-opencc")]
mod system;

use std::sync::OnceLock;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::entities::Mention;
use crate::finding::Edit;
use crate::script::{Script, ScriptProfile};
use crate::text::TextRange;

pub use forms::{Form, Names, already_in_target, entity_forms};
pub use opencc::{Backend, ConvertError, Converter, OpenccConfig, ScriptSide};

type Cached = OnceLock<Result<Box<dyn Converter>, ConvertError>>;

/// The shared converter for `config` on `backend`, built on first use.
pub fn converter(backend: Backend, config: OpenccConfig) -> Result<&'static dyn Converter, ConvertError> {
    static EMBEDDED: [Cached; 14] = [const { OnceLock::new() }; 14];
    #[cfg(feature = "system-opencc")]
    static SYSTEM: [Cached; 14] = [const { OnceLock::new() }; 14];
    let index = OpenccConfig::ALL.iter().position(|c| *c == config).unwrap_or(0);
    let cell = match backend {
        Backend::Embedded => &EMBEDDED[index],
        #[cfg(feature = "system-opencc")]
        Backend::System => &SYSTEM[index],
        #[cfg(not(feature = "system-opencc"))]
        Backend::System => {
            return Err(ConvertError::new(
                "this zhnews was built without the `system-opencc` feature; use the embedded backend",
            ));
        }
    };
    let built = cell.get_or_init(|| build(backend, config));
    match built {
        Ok(converter) => Ok(converter.as_ref()),
        Err(err) => Err(err.clone()),
    }
}

fn build(backend: Backend, config: OpenccConfig) -> Result<Box<dyn Converter>, ConvertError> {
    match backend {
        Backend::Embedded => Ok(Box::new(embedded::EmbeddedConverter::new(config)?)),
        #[cfg(feature = "system-opencc")]
        Backend::System => Ok(Box::new(system::SystemConverter::new(config)?)),
        #[cfg(not(feature = "system-opencc"))]
        Backend::System => Err(ConvertError::new("the system backend is not in this build")),
    }
}

/// Terms that conversion leaves as they are: a person's name written with a variant character,
/// a company's registered name. Matching is exact; overlapping occurrences merge.
///
/// `forms` are spans that conversion writes a given way (the gazetteer's own form of a name, see
/// [`forms`]); a protected term wins over a form it overlaps.
#[derive(Clone, Copy, Debug, Default)]
pub struct Protected<'a> {
    pub terms: &'a [String],
    /// More terms from the caller (a gazetteer, a request).
    pub extra: &'a [String],
    /// Spans with a fixed conversion, as byte ranges of the whole text being converted, sorted
    /// and without overlaps.
    pub forms: &'a [Form],
}

impl Protected<'_> {
    pub const NONE: Protected<'static> = Protected { terms: &[], extra: &[], forms: &[] };

    /// The byte ranges of every occurrence of a protected term in `text`, sorted and merged.
    pub fn occurrences(&self, text: &str) -> Vec<TextRange> {
        let mut ranges: Vec<TextRange> = self
            .terms
            .iter()
            .chain(self.extra)
            .filter(|term| !term.is_empty())
            .flat_map(|term| text.match_indices(term.as_str()).map(|(at, m)| TextRange::new(at, at + m.len())))
            .collect();
        ranges.sort();
        let mut merged: Vec<TextRange> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }

    /// The spans of `range` (of `text`) that are not converted by OpenCC, in order: protected
    /// terms (`None`: left as they are) and forms that no term overlaps (`Some(form)`), a form
    /// that straddles the range's edge cut to the range.
    fn fixed_spans(&self, text: &str, range: TextRange) -> Vec<(TextRange, Option<String>)> {
        let mut spans: Vec<(TextRange, Option<String>)> = self
            .occurrences(&text[range.as_range()])
            .into_iter()
            .map(|r| (TextRange::new(range.start + r.start, range.start + r.end), None))
            .collect();
        let terms = spans.len();
        for form in self.forms.iter().filter(|f| f.range.start < range.end && range.start < f.range.end) {
            let overlaps_term =
                spans[..terms].iter().any(|(t, _)| t.start < form.range.end && form.range.start < t.end);
            if let Some(cut) = cut_form(text, form, range).filter(|_| !overlaps_term) {
                spans.push(cut);
            }
        }
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        // Forms do not overlap each other or a term, but be safe with caller data.
        let mut kept: Vec<(TextRange, Option<String>)> = Vec::with_capacity(spans.len());
        for span in spans {
            if kept.last().is_none_or(|(last, _)| last.end <= span.0.start) {
                kept.push(span);
            }
        }
        kept
    }
}

/// The part of `form` inside `range`, character for character; `None` when the form does not
/// fit its span (not on character boundaries, another number of characters).
fn cut_form(text: &str, form: &Form, range: TextRange) -> Option<(TextRange, Option<String>)> {
    let surface = text.get(form.range.as_range())?;
    if surface.chars().count() != form.text.chars().count() {
        return None;
    }
    let (mut start, mut end, mut out) = (None, form.range.start, String::new());
    for ((at, c), rendered) in surface.char_indices().zip(form.text.chars()) {
        let at = form.range.start + at;
        if range.start <= at && at + c.len_utf8() <= range.end {
            start.get_or_insert(at);
            end = at + c.len_utf8();
            out.push(rendered);
        }
    }
    Some((TextRange::new(start?, end), Some(out)))
}

/// Converts a whole text, leaving protected terms untouched and writing forms as given.
pub fn convert_text(converter: &dyn Converter, text: &str, protected: Protected<'_>) -> Result<String, ConvertError> {
    let fixed = protected.fixed_spans(text, TextRange::new(0, text.len()));
    convert_fixed(converter, text, TextRange::new(0, text.len()), &fixed)
}

/// `range` of `text` converted, with the spans of `fixed` (inside the range, sorted, disjoint)
/// written as given (`None`: as they are).
///
/// OpenCC converts the whole range and the fixed spans are written over its output, so that
/// everywhere else the result is exactly OpenCC's: converting the text around a name on its
/// own would change how OpenCC segments it (一个中国 is 一箇中國 to OpenCC, which reads 个中 as
/// one word, but 一個 + 中國 in two pieces). That needs OpenCC's output to line up with the
/// text character for character, as it does when the character counts agree (every
/// configuration but the phrase ones, s2twp and tw2sp, whose vocabulary may change the length:
/// 鼠标 → 滑鼠 keeps it, 计算机 → 電腦 does not, and a few entries of the embedded s2t). When
/// they differ, a character diff lines them up ([`overlay_aligned`]); only when a fixed span
/// falls on a change of length are the stretches between the spans converted on their own.
fn convert_fixed(
    converter: &dyn Converter,
    text: &str,
    range: TextRange,
    fixed: &[(TextRange, Option<String>)],
) -> Result<String, ConvertError> {
    let original = &text[range.as_range()];
    let converted = converter.convert(original)?;
    if fixed.is_empty() {
        return Ok(converted);
    }
    // Line by line (OpenCC never converts across a line break and keeps every one), so that
    // what a line becomes does not depend on the lines around it.
    let lines: Vec<&str> = original.split_inclusive('\n').collect();
    let converted_lines: Vec<&str> = converted.split_inclusive('\n').collect();
    if lines.len() != converted_lines.len() {
        return overlay(converter, text, range, &converted, fixed);
    }
    let mut out = String::with_capacity(converted.len());
    let mut start = range.start;
    for (line, converted_line) in lines.iter().zip(converted_lines) {
        let line_range = TextRange::new(start, start + line.len());
        let line_fixed = clip_fixed(text, fixed, line_range);
        if line_fixed.is_empty() {
            out.push_str(converted_line);
        } else {
            out.push_str(&overlay(converter, text, line_range, converted_line, &line_fixed)?);
        }
        start = line_range.end;
    }
    Ok(out)
}

/// The fixed spans (inside `range`, sorted, disjoint) written over `converted`, OpenCC's
/// conversion of `range` of `text`.
fn overlay(
    converter: &dyn Converter,
    text: &str,
    range: TextRange,
    converted: &str,
    fixed: &[(TextRange, Option<String>)],
) -> Result<String, ConvertError> {
    let original = &text[range.as_range()];
    if converted.chars().count() == original.chars().count() {
        let mut out = String::with_capacity(converted.len());
        let mut spans = fixed.iter().peekable();
        let mut written: Option<std::str::Chars<'_>> = None;
        for ((at, c), opencc) in original.char_indices().zip(converted.chars()) {
            let at = range.start + at;
            while spans.peek().is_some_and(|(span, _)| span.end <= at) {
                spans.next();
                written = None;
            }
            match spans.peek() {
                Some((span, form)) if span.start <= at => {
                    let chars = written.get_or_insert_with(|| form.as_deref().unwrap_or("").chars());
                    out.push(if form.is_some() { chars.next().unwrap_or(c) } else { c });
                }
                _ => out.push(opencc),
            }
        }
        return Ok(out);
    }
    if let Some(out) = overlay_aligned(original, range.start, converted, fixed) {
        return Ok(out);
    }
    let mut stretches = Vec::with_capacity(fixed.len() + 1);
    let mut cursor = range.start;
    for (span, _) in fixed {
        stretches.push(&text[cursor..span.start]);
        cursor = span.end;
    }
    stretches.push(&text[cursor..range.end]);
    let converted = convert_stretches(converter, &stretches)?;
    let mut out = String::with_capacity(original.len());
    for (stretch, (span, form)) in converted.iter().zip(fixed) {
        out.push_str(stretch);
        out.push_str(form.as_deref().unwrap_or(&text[span.as_range()]));
    }
    out.push_str(converted.last().map_or("", String::as_str));
    Ok(out)
}

/// The fixed spans written over `converted` (OpenCC's conversion of `original`, which starts at
/// byte `base` of the text) where a phrase changed the length elsewhere: a character diff lines
/// the two up, and every span must fall on characters converted one for one (else `None`).
fn overlay_aligned(
    original: &str,
    base: usize,
    converted: &str,
    fixed: &[(TextRange, Option<String>)],
) -> Option<String> {
    let old: Vec<(usize, char)> = original.char_indices().collect();
    let old_chars: Vec<char> = old.iter().map(|(_, c)| *c).collect();
    let mut new: Vec<char> = converted.chars().collect();
    let mut map: Vec<Option<usize>> = vec![None; old.len()];
    for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                (0..len).for_each(|k| map[old_index + k] = Some(new_index + k));
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } if old_len == new_len => {
                (0..old_len).for_each(|k| map[old_index + k] = Some(new_index + k));
            }
            _ => {}
        }
    }
    let index_at = |at: usize| old.partition_point(|(byte, _)| base + byte < at);
    for (span, form) in fixed {
        let (start, end) = (index_at(span.start), index_at(span.end));
        let first = map.get(start).copied().flatten()?;
        if (start..end).any(|i| map[i] != Some(first + (i - start))) {
            return None;
        }
        let written: Vec<char> = match form {
            Some(form) => form.chars().collect(),
            None => old_chars[start..end].to_vec(),
        };
        if written.len() != end - start {
            return None;
        }
        new[first..first + written.len()].copy_from_slice(&written);
    }
    Some(new.into_iter().collect())
}

/// The part of each fixed span inside `range`: a form cut character for character.
fn clip_fixed(text: &str, fixed: &[(TextRange, Option<String>)], range: TextRange) -> Vec<(TextRange, Option<String>)> {
    fixed
        .iter()
        .filter(|(span, _)| span.start < range.end && range.start < span.end)
        .filter_map(|(span, form)| match form {
            None => Some((TextRange::new(span.start.max(range.start), span.end.min(range.end)), None)),
            Some(form) => cut_form(text, &Form { range: *span, text: form.clone() }, range),
        })
        .collect()
}

/// What goes between the stretches of one conversion call: a line break on each side (no
/// OpenCC dictionary entry spans one, so each stretch converts as it would alone) around a
/// private-use character that OpenCC passes through.
const STRETCH_BREAK: &str = "\n\u{F8FF}\n";

/// Each stretch converted, in one call to the converter when that can be split back exactly: a
/// document with thousands of protected names would otherwise make thousands of calls, each
/// with its own set-up (and, with the system backend, a trip through the C++ library's lock).
fn convert_stretches(converter: &dyn Converter, stretches: &[&str]) -> Result<Vec<String>, ConvertError> {
    if stretches.len() > 1 && !stretches.iter().any(|stretch| stretch.contains('\u{F8FF}')) {
        let converted = converter.convert(&stretches.join(STRETCH_BREAK))?;
        let parts: Vec<String> = converted.split(STRETCH_BREAK).map(str::to_owned).collect();
        if parts.len() == stretches.len() {
            return Ok(parts);
        }
    }
    stretches.iter().map(|stretch| converter.convert(stretch)).collect()
}

/// The edits that convert `range` of `text`: one per changed run of characters, sorted, never
/// touching a protected term. The range is clamped to the text and to character boundaries.
///
/// The range is converted line by line (no OpenCC dictionary entry spans a line break, so the
/// result is the same as converting it whole), the forms and protected terms of each line
/// written over OpenCC's output (see [`convert_fixed`]), and each changed line is compared with
/// its conversion: position by position when the character counts agree, otherwise with a
/// Myers diff over characters.
pub fn conversion_edits(
    converter: &dyn Converter,
    text: &str,
    range: TextRange,
    protected: Protected<'_>,
) -> Result<Vec<Edit>, ConvertError> {
    let range = clamp(text, range);
    let fixed = protected.fixed_spans(text, range);
    let mut edits = Vec::new();
    let mut start = range.start;
    for piece in text[range.as_range()].split_inclusive('\n') {
        let line = TextRange::new(start, start + piece.len());
        let converted = convert_fixed(converter, text, line, &clip_fixed(text, &fixed, line))?;
        diff_into(&mut edits, start, piece, &converted);
        start = line.end;
    }
    Ok(edits)
}

/// True when converting `range` of `text` would change it: when [`conversion_edits`], with
/// `terms` protected and the gazetteer's forms of `mentions` (see [`entity_forms`]) for the
/// converter's target, would return an edit. Decided without converting the whole range when
/// it can be: `mentions` are the document's, in text order.
///
/// The range is checked line by line (conversion never crosses a line break), each line with
/// the forms of the names on it, stopping at the first line that changes. Text written in the
/// script a configuration reads changes on its first line with a script-specific character, so
/// this converts about one line; only a conversion that changes nothing (a regional-variant
/// configuration on text without variants) walks the whole range. A protected term with a line
/// break in it could span lines, so then the range is converted whole. (Line by line, a name
/// broken across lines that a protected term partly overlaps counts as changed when its other
/// line changes, where the whole range leaves the name alone: an action may then be offered
/// that resolves to an empty edit.)
pub fn changes_anything(
    converter: &dyn Converter,
    text: &str,
    range: TextRange,
    terms: &[String],
    mentions: &[Mention],
) -> Result<bool, ConvertError> {
    let range = clamp(text, range);
    let changes = |part: TextRange| -> Result<bool, ConvertError> {
        let forms = entity_forms(text, overlapping(mentions, part), converter);
        let protected = Protected { terms, forms: &forms, ..Protected::NONE };
        Ok(!conversion_edits(converter, text, part, protected)?.is_empty())
    };
    if terms.iter().any(|term| term.contains('\n')) {
        return changes(range);
    }
    let mut start = range.start;
    while start < range.end {
        let end = text[start..range.end].find('\n').map_or(range.end, |at| start + at + 1);
        if changes(TextRange::new(start, end))? {
            return Ok(true);
        }
        start = end;
    }
    Ok(false)
}

/// The mentions that overlap `range`, from mentions in text order without overlaps.
fn overlapping(mentions: &[Mention], range: TextRange) -> &[Mention] {
    let start = mentions.partition_point(|m| m.range.end <= range.start);
    let end = mentions.partition_point(|m| m.range.start < range.end).max(start);
    &mentions[start..end]
}

/// The script a range is written in, falling back to `fallback` when the range has no
/// script-specific character.
pub fn script_of(text: &str, fallback: Script) -> Script {
    match ScriptProfile::of(text).script() {
        Script::Neutral => fallback,
        script => script,
    }
}

fn clamp(text: &str, range: TextRange) -> TextRange {
    let start = crate::text::floor_char_boundary(text, range.start);
    TextRange::new(start, crate::text::floor_char_boundary(text, range.end).max(start))
}

/// Appends one edit per changed run between `original` (which starts at byte `base`) and
/// `converted`.
fn diff_into(edits: &mut Vec<Edit>, base: usize, original: &str, converted: &str) {
    if original == converted {
        return;
    }
    let old: Vec<(usize, char)> = original.char_indices().collect();
    let new: Vec<char> = converted.chars().collect();
    let byte_at = |index: usize| old.get(index).map_or(original.len(), |(at, _)| *at);
    let mut push = |old_range: std::ops::Range<usize>, new_range: std::ops::Range<usize>| {
        let replacement: String = new[new_range].iter().collect();
        edits.push(Edit {
            range: TextRange::new(base + byte_at(old_range.start), base + byte_at(old_range.end)),
            replacement,
        });
    };
    if old.len() == new.len() {
        let mut index = 0;
        while index < old.len() {
            if old[index].1 == new[index] {
                index += 1;
                continue;
            }
            let start = index;
            while index < old.len() && old[index].1 != new[index] {
                index += 1;
            }
            push(start..index, start..index);
        }
        return;
    }
    let old_chars: Vec<char> = old.iter().map(|(_, c)| *c).collect();
    // A changed run is everything between two equal stretches.
    let mut run: Option<(std::ops::Range<usize>, std::ops::Range<usize>)> = None;
    for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new) {
        if let DiffOp::Equal { .. } = op {
            if let Some((o, n)) = run.take() {
                push(o, n);
            }
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        run = Some(match run {
            Some((ro, rn)) => (ro.start..o.end, rn.start..n.end),
            None => (o, n),
        });
    }
    if let Some((o, n)) = run {
        push(o, n);
    }
}

#[cfg(test)]
mod tests;
