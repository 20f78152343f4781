//! Position conversion in every encoding: any position clamps into the document, and every
//! character index survives the round trip through a position.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use zhnews_lsp_text::encoding::{PositionEncoding, byte_to_position, char_to_position, position_to_byte, position_to_char};
use zhnews_lsp_text::ls_types::Position;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    text: &'a str,
    encoding: u8,
    positions: Vec<(u32, u32)>,
}

fuzz_target!(|input: Input<'_>| {
    let encoding = match input.encoding % 3 {
        0 => PositionEncoding::Utf8,
        1 => PositionEncoding::Utf16,
        _ => PositionEncoding::Utf32,
    };
    let rope = Rope::from_str(input.text);
    for (line, character) in input.positions {
        let position = Position { line, character };
        let char_index = position_to_char(&rope, position, encoding);
        assert!(char_index <= rope.len_chars());
        let byte = position_to_byte(&rope, position, encoding);
        assert!(input.text.is_char_boundary(byte));
        let back = byte_to_position(&rope, byte, encoding);
        assert_eq!(position_to_byte(&rope, back, encoding), byte);
    }
    for char_index in (0..=rope.len_chars()).step_by(3) {
        let position = char_to_position(&rope, char_index, encoding);
        assert_eq!(position_to_char(&rope, position, encoding), char_index, "{position:?}");
    }
});
