//! The outline as LSP: document symbols (hierarchical or flat), folding ranges and selection
//! ranges. This is the `to_proto` of the outline: core's [`OutlineNode`]s become LSP types
//! here, and every position goes through [`crate::encoding`].

use ropey::Rope;
use tower_lsp_server::ls_types::{
    DocumentSymbol, FoldingRange, FoldingRangeKind, Location, Position, Range, SelectionRange, SymbolInformation,
    SymbolKind, Uri,
};
use zhnews_core::{Analysis, OutlineKind, OutlineNode, TextRange};

use crate::encoding::{PositionEncoding, byte_range_to_range, position_to_byte};

/// One symbol kind per outline kind, the same everywhere: stories are modules, numbered
/// sections namespaces, unnumbered subheads keys, structure points enum members, and the
/// lines around a headline strings.
pub fn symbol_kind(kind: OutlineKind) -> SymbolKind {
    match kind {
        OutlineKind::Title | OutlineKind::Story => SymbolKind::MODULE,
        OutlineKind::Kicker | OutlineKind::Subtitle => SymbolKind::STRING,
        OutlineKind::Section => SymbolKind::NAMESPACE,
        OutlineKind::Subhead => SymbolKind::KEY,
        OutlineKind::Point => SymbolKind::ENUM_MEMBER,
    }
}

/// Editors reject symbols without a name.
fn name(node: &OutlineNode) -> String {
    if node.text.trim().is_empty() { "（無題）".to_owned() } else { node.text.clone() }
}

/// The outline as nested document symbols.
pub fn document_symbols(rope: &Rope, outline: &[OutlineNode], encoding: PositionEncoding) -> Vec<DocumentSymbol> {
    outline.iter().map(|node| document_symbol(rope, node, encoding)).collect()
}

fn document_symbol(rope: &Rope, node: &OutlineNode, encoding: PositionEncoding) -> DocumentSymbol {
    let range = |r: TextRange| byte_range_to_range(rope, r.start, r.end, encoding);
    let children: Vec<DocumentSymbol> = node.children.iter().map(|c| document_symbol(rope, c, encoding)).collect();
    #[allow(deprecated)]
    DocumentSymbol {
        name: name(node),
        detail: node.detail.clone(),
        kind: symbol_kind(node.kind),
        tags: None,
        deprecated: None,
        range: range(node.section_range),
        selection_range: range(node.heading_range),
        children: (!children.is_empty()).then_some(children),
    }
}

/// The outline as a flat list for clients without hierarchical symbol support; each symbol
/// names its parent as its container.
pub fn symbol_information(
    uri: &Uri,
    rope: &Rope,
    outline: &[OutlineNode],
    encoding: PositionEncoding,
) -> Vec<SymbolInformation> {
    fn walk(
        out: &mut Vec<SymbolInformation>,
        uri: &Uri,
        rope: &Rope,
        node: &OutlineNode,
        container: Option<&str>,
        encoding: PositionEncoding,
    ) {
        let range = byte_range_to_range(rope, node.section_range.start, node.section_range.end, encoding);
        #[allow(deprecated)]
        out.push(SymbolInformation {
            name: name(node),
            kind: symbol_kind(node.kind),
            tags: None,
            deprecated: None,
            location: Location { uri: uri.clone(), range },
            container_name: container.map(str::to_owned),
        });
        for child in &node.children {
            walk(out, uri, rope, child, Some(&node.text), encoding);
        }
    }
    let mut out = Vec::new();
    for node in outline {
        walk(&mut out, uri, rope, node, None, encoding);
    }
    out
}

/// A paragraph this long (in characters) folds even when it has only two lines.
const LONG_PARAGRAPH_CHARS: usize = 150;

/// Folding ranges: every section and story over more than one line, and every long
/// paragraph. Lines only, so clients with `lineFoldingOnly` take them as they are.
pub fn folding_ranges(analysis: &Analysis) -> Vec<FoldingRange> {
    let lines = analysis.document.lines();
    let mut out: Vec<FoldingRange> = Vec::new();
    let mut push = |start: usize, end: usize, text: Option<String>| {
        let (start_line, end_line) = (lines.line_of(start) as u32, lines.line_of(end) as u32);
        if end_line > start_line && !out.iter().any(|f| f.start_line == start_line && f.end_line == end_line) {
            out.push(FoldingRange {
                start_line,
                start_character: None,
                end_line,
                end_character: None,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: text,
            });
        }
    };
    for root in analysis.outline() {
        for node in root.walk() {
            push(node.section_range.start, node.section_range.end, Some(name(node)));
        }
    }
    for paragraph in analysis.document.paragraphs() {
        let long = paragraph.last_line >= paragraph.first_line + 3
            || paragraph.joined.text.chars().count() >= LONG_PARAGRAPH_CHARS;
        if long {
            push(paragraph.range.start, paragraph.range.end, None);
        }
    }
    out.sort_by_key(|f| (f.start_line, std::cmp::Reverse(f.end_line)));
    out
}

/// Characters that end a sentence; closing quotes right after them belong to the sentence.
const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '；', ';', '…'];
const CLOSING: &[char] = &['」', '』', '”', '’', '）', ')'];

/// The sentence of the paragraph's joined text that holds joined offset `at`.
fn sentence_at(joined: &str, at: usize) -> TextRange {
    let mut start = 0;
    let mut chars = joined.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if SENTENCE_END.contains(&c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if CLOSING.contains(&next) || SENTENCE_END.contains(&next) {
                    end = j + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if at < end {
                return TextRange::new(start, end);
            }
            start = end;
        }
    }
    TextRange::new(start, joined.len())
}

/// The joined offset of original offset `offset` in a paragraph (the nearest piece start).
fn to_joined(paragraph: &zhnews_core::Paragraph, offset: usize) -> usize {
    // JoinedText maps joined → original; search for the first joined char at or past offset.
    let text = &paragraph.joined.text;
    text.char_indices().map(|(i, _)| i).find(|&i| paragraph.joined.to_original(i) >= offset).unwrap_or(text.len())
}

/// The chain sentence → paragraph → sections (innermost first) around one position.
pub fn selection_range(
    rope: &Rope,
    analysis: &Analysis,
    position: Position,
    encoding: PositionEncoding,
) -> SelectionRange {
    let offset = position_to_byte(rope, position, encoding);
    let mut ranges: Vec<TextRange> = Vec::new();
    if let Some(paragraph) = analysis.document.paragraph_at(offset) {
        let joined = to_joined(paragraph, offset);
        let sentence = sentence_at(&paragraph.joined.text, joined);
        if !sentence.is_empty() {
            ranges.push(paragraph.joined.to_original_range(sentence));
        }
        ranges.push(paragraph.range);
    }
    let mut sections: Vec<TextRange> = Vec::new();
    let mut level: &[OutlineNode] = analysis.outline();
    while let Some(node) = level.iter().find(|n| n.section_range.touches(offset)) {
        sections.push(node.section_range);
        level = &node.children;
    }
    ranges.extend(sections.into_iter().rev());
    ranges.push(TextRange::new(0, analysis.document.text().len()));
    // Each range must contain the one before it; drop repeats and any that do not.
    let mut chain: Vec<TextRange> = Vec::new();
    for range in ranges {
        match chain.last() {
            Some(last) if range == *last => {}
            Some(last) if !(range.start <= last.start && last.end <= range.end) => {}
            _ => chain.push(range),
        }
    }
    if chain.is_empty() {
        chain.push(TextRange::empty(offset));
    }
    let mut selection: Option<SelectionRange> = None;
    for range in chain.into_iter().rev() {
        let range: Range = byte_range_to_range(rope, range.start, range.end, encoding);
        selection = Some(SelectionRange { range, parent: selection.map(Box::new) });
    }
    selection.unwrap_or(SelectionRange { range: Range::new(position, position), parent: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_closing_quotes() {
        let text = "他說：「開港！」隨後離開。最後一句";
        let at = |needle: &str| sentence_at(text, text.find(needle).unwrap());
        assert_eq!(&text[at("開港").as_range()], "他說：「開港！」");
        assert_eq!(&text[at("隨後").as_range()], "隨後離開。");
        assert_eq!(&text[at("最後").as_range()], "最後一句");
    }

    #[test]
    fn long_paragraphs_fold_and_short_ones_do_not() {
        let wrapped = "中方願同秘方一道，\r\n推動錢凱港建設，\r\n深化互聯互通，\r\n實現共同發展。";
        let long_line = "錢凱港".repeat(50);
        let text = format!("開首一句。\r\n次句。\r\n\r\n{wrapped}\r\n\r\n{long_line}\r\n結尾。\r\n");
        let analysis = zhnews_core::analyse(&text, &zhnews_core::Config::default());
        let folds: Vec<(u32, u32)> = folding_ranges(&analysis).iter().map(|f| (f.start_line, f.end_line)).collect();
        // Two lines of a few characters do not fold; four lines do, and so do two lines
        // holding 150 characters or more.
        assert_eq!(folds, [(3, 6), (8, 9)]);
    }

    #[test]
    fn selection_goes_sentence_paragraph_section_story() {
        let text = "# 標題\n\n## 一、甲\n第一句。第二句。\n";
        let analysis = zhnews_core::analyse(text, &zhnews_core::Config::default());
        let rope = Rope::from_str(text);
        let offset = text.find("第二句").unwrap();
        let position = crate::encoding::byte_to_position(&rope, offset, PositionEncoding::Utf8);
        let mut selection = Some(selection_range(&rope, &analysis, position, PositionEncoding::Utf8));
        let mut texts = Vec::new();
        while let Some(s) = selection {
            let start = position_to_byte(&rope, s.range.start, PositionEncoding::Utf8);
            let end = position_to_byte(&rope, s.range.end, PositionEncoding::Utf8);
            texts.push(text[start..end].to_owned());
            selection = s.parent.map(|p| *p);
        }
        assert_eq!(
            texts,
            [
                "第二句。",
                "第一句。第二句。",
                "## 一、甲\n第一句。第二句。",
                "# 標題\n\n## 一、甲\n第一句。第二句。",
                text
            ]
        );
    }
}
