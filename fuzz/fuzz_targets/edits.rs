//! Incremental `didChange` application: arbitrary (often out-of-range) edits never panic, and
//! the rope matches a plain-`String` model of the same edits at clamped char positions.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};
use zhnews_lsp::documents::OpenDocument;
use zhnews_lsp::encoding::{PositionEncoding, range_to_chars};

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
    let mut document = OpenDocument::new(&input.text, 0, "plaintext".into());
    let mut model: Vec<char> = input.text.chars().collect();
    for (version, batch) in input.batches.into_iter().enumerate() {
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
                    let rope = ropey::Rope::from_str(&model.iter().collect::<String>());
                    let chars = range_to_chars(&rope, range, encoding);
                    assert!(chars.start <= chars.end && chars.end <= model.len());
                    model.splice(chars, change.text.chars());
                }
                None => model = change.text.chars().collect(),
            }
        }
        document.apply_changes(changes, version as i32 + 1, encoding);
        assert_eq!(document.rope.to_string(), model.iter().collect::<String>());
    }
});
