//! The numeral parser, the ordinal-marker detector and the figure scanners (dates, quantities)
//! on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhnews_core::figures::{dates, numbers};
use zhnews_core::numerals::{leading_marker, parse_integer};

fuzz_target!(|text: &str| {
    let value = parse_integer(text);
    // Plain ASCII digits parse as Rust parses them (overflow is `None` for both).
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(value, text.parse::<u64>().ok(), "{text:?}");
    }
    let inside = |start: usize, end: usize| start <= end && text.get(start..end).is_some();
    if let Some(marker) = leading_marker(text) {
        assert!(inside(marker.range.start, marker.range.end), "{text:?} {marker:?}");
    }
    // The scanners take one paragraph's joined text: `joined` ranges index into it.
    let mentions = dates::scan(text);
    for mention in &mentions {
        assert!(inside(mention.span.joined.start, mention.span.joined.end), "{mention:?}");
        let _ = mention.start.full_date();
        if let Some(range) = mention.range() {
            let _ = range.inclusive_days();
        }
    }
    let masked: Vec<_> = mentions.iter().map(|m| m.span.joined).collect();
    for quantity in numbers::scan(text, &masked) {
        assert!(inside(quantity.span.joined.start, quantity.span.joined.end), "{quantity:?}");
        assert!(quantity.low <= quantity.high || quantity.low.is_nan() || quantity.high.is_nan(), "{quantity:?}");
    }
});
