//! Incremental `didChange` application: arbitrary (often out-of-range) edits never panic, and
//! the rope matches a plain-`String` model of the same edits at clamped char positions.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use zhnews_lsp_text::edits::apply_changes;
use zhnews_lsp_text::encoding::{PositionEncoding, range_to_chars};
use zhnews_lsp_text::ls_types::{Position, Range, TextDocumentContentChangeEvent};

#[derive(Arbitrary, Debug)]
struct Change {
    range: Option<((u32, u32), (u32, u32))>,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    encoding: u8,
    batches: Vec<Vec<Change>>,
}

fuzz_target!(|input: Input| {
    let encoding = match input.encoding % 3 {
        0 => PositionEncoding::Utf8,
        1 => PositionEncoding::Utf16,
        _ => PositionEncoding::Utf32,
    };
    let mut rope = Rope::from_str(&input.text);
    let mut model: Vec<char> = input.text.chars().collect();
    for batch in input.batches {
        let changes: Vec<TextDocumentContentChangeEvent> = batch
            .into_iter()
            .map(|change| TextDocumentContentChangeEvent {
                range: change.range.map(|((l1, c1), (l2, c2))| Range {
                    start: Position { line: l1, character: c1 },
                    end: Position { line: l2, character: c2 },
                }),
                range_length: None,
                text: change.text,
            })
            .collect();
        // The model applies each change at the char range the encoding module reports for the
        // rope as it is at that moment.
        for change in &changes {
            match change.range {
                Some(range) => {
                    let model_rope = Rope::from_str(&model.iter().collect::<String>());
                    let chars = range_to_chars(&model_rope, range, encoding);
                    assert!(chars.start <= chars.end && chars.end <= model.len());
                    model.splice(chars, change.text.chars());
                }
                None => model = change.text.chars().collect(),
            }
        }
        apply_changes(&mut rope, changes, encoding);
        assert_eq!(rope.to_string(), model.iter().collect::<String>());
    }
});
