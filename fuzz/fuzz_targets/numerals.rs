//! The numeral parser and the ordinal-marker detector on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhnews_core::numerals::{leading_marker, parse_integer};

fuzz_target!(|text: &str| {
    let value = parse_integer(text);
    // Plain ASCII digits parse as Rust parses them (overflow is `None` for both).
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(value, text.parse::<u64>().ok(), "{text:?}");
    }
    if let Some(marker) = leading_marker(text) {
        // The marker lies inside the line, on character boundaries.
        assert!(marker.range.start <= marker.range.end && marker.range.end <= text.len(), "{text:?} {marker:?}");
        assert!(text.is_char_boundary(marker.range.start) && text.is_char_boundary(marker.range.end));
    }
});
