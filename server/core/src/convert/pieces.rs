//! Converting a long text piece by piece, with exactly the result of converting it whole.
//!
//! [`convert_named`] is the whole conversion of `zhnews convert`: the names of the text are
//! recognised, the hand-written gazetteer's forms of them are kept (see [`super::forms`]), the
//! protected terms are left alone, and OpenCC converts the rest. [`split`] cuts a text into
//! pieces that convert independently, so that a caller can recognise the names of one piece
//! while OpenCC converts another (the system backend converts one text at a time, behind the
//! C++ library's lock, and the recognition is the part of the work that is ours).
//!
//! Architecture Invariant: converting the pieces of [`split`] one by one with [`convert_named`]
//! and concatenating the results gives the text that [`convert_named`] makes of the whole. The
//! pieces end after a blank line (a line of whitespace only), and every step is local to
//! something a blank line ends:
//! - a paragraph of [`Document`] never runs over a blank line, and names are recognised
//!   paragraph by paragraph, so a piece has the names (shifted) that the whole has there;
//! - a protected term without a line break cannot span the line break before a piece's end
//!   (with one, the text stays in one piece), and exact matching restarts cleanly after it;
//! - no OpenCC dictionary entry spans a line break (the premise of [`super::convert_text`]'s
//!   batching as well), so OpenCC segments and converts each line on its own.

use crate::document::Document;
use crate::entities::{self, EntityIndex};
use crate::script::ScriptProfile;

use super::{ConvertError, Converter, Form, Protected, convert_text, entity_forms};

/// The size [`split`] aims at: the first piece's names are recognised in about 10 ms (nothing
/// converts before that), and OpenCC's set-up per call and its working set stay small. On the
/// 17 MB benchmark file, 256 KB pieces took slightly less CPU time than 64 KB (and 16 KB
/// clearly more); the differences were within the machine's noise.
pub const PIECE_BYTES: usize = 256 * 1024;

/// Converts `text` with `converter`: `terms` left as they are and, when `index` is given, the
/// names it recognises written in their hand-written gazetteer form (curated, user and
/// workspace entries; see [`entity_forms`]).
pub fn convert_named(
    converter: &dyn Converter,
    text: &str,
    terms: &[String],
    index: Option<&EntityIndex>,
) -> Result<String, ConvertError> {
    let forms = named_forms(text, index, converter);
    convert_text(converter, text, Protected { terms, forms: &forms, ..Protected::NONE })
}

/// The first half of [`convert_named`]: the forms of the names `index` recognises in `text`
/// (none without an index), for a conversion with `converter`. The second half is
/// [`convert_text`] with these forms and the terms.
pub fn named_forms(text: &str, index: Option<&EntityIndex>, converter: &dyn Converter) -> Vec<Form> {
    let Some(index) = index else {
        return Vec::new();
    };
    // Recognition reads the paragraphs only: the document's script profile is not counted
    // (the placeholder profile is never read).
    let document = Document::with_profiles(text, |_| ScriptProfile::default());
    let mentions = entities::recognise(&document, index, entities::Options::NONE);
    entity_forms(text, &mentions, converter)
}

/// `text` cut into consecutive pieces of at least `target` bytes (the last one may be shorter),
/// each ending right after a blank line, that [`convert_named`] with `terms` converts exactly
/// as the whole (see the module documentation). One piece when a term holds a line break or
/// the text has no blank line past `target`.
pub fn split<'a>(text: &'a str, terms: &[String], target: usize) -> Vec<&'a str> {
    if terms.iter().any(|term| term.contains('\n')) {
        return vec![text];
    }
    let mut pieces = Vec::with_capacity(text.len() / target.max(1) + 1);
    let mut start = 0;
    while let Some(end) = blank_line_end(text, start + target.max(1)) {
        pieces.push(&text[start..end]);
        start = end;
    }
    if start < text.len() || pieces.is_empty() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// The offset right after the first line break at or after `from` that ends a line of
/// whitespace only (the line starting after the previous `\n`), if there is one before the end
/// of the text. Every line in between (`\r` also ends a line in [`Document`]) is then blank.
fn blank_line_end(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if from >= bytes.len() {
        return None;
    }
    let mut line_start = bytes[..from].iter().rposition(|b| *b == b'\n').map_or(0, |at| at + 1);
    let mut at = from;
    while let Some(found) = bytes[at..].iter().position(|b| *b == b'\n') {
        let newline = at + found;
        // `line_start` and `newline` sit next to `\n` bytes, so both are character boundaries.
        let end = newline + 1;
        if text[line_start..newline].trim().is_empty() && end < bytes.len() {
            return Some(end);
        }
        line_start = end;
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{Backend, OpenccConfig, converter};
    use crate::entities::{Gazetteer, Source};

    /// The definition `zhnews convert` used before it converted by pieces: the whole text, its
    /// [`Document`] with the script profile counted.
    fn whole(converter: &dyn Converter, text: &str, terms: &[String], index: &EntityIndex) -> String {
        let mentions = entities::recognise(&Document::new(text), index, entities::Options::NONE);
        let forms = entity_forms(text, &mentions, converter);
        convert_text(converter, text, Protected { terms, forms: &forms, ..Protected::NONE }).unwrap()
    }

    fn by_pieces(
        converter: &dyn Converter,
        text: &str,
        terms: &[String],
        index: &EntityIndex,
        target: usize,
    ) -> String {
        let pieces = split(text, terms, target);
        assert_eq!(pieces.concat(), text);
        pieces.iter().map(|piece| convert_named(converter, piece, terms, Some(index)).unwrap()).collect()
    }

    #[test]
    fn pieces_end_after_blank_lines_and_cover_the_text() {
        let text = "一\n\n二\n  \n三\r\n\r\n四\n\u{3000}\n\n五";
        let pieces = split(text, &[], 1);
        assert_eq!(pieces, ["一\n\n", "二\n  \n", "三\r\n\r\n", "四\n\u{3000}\n", "\n五"]);
        assert_eq!(split(text, &[], 1000), [text]);
        assert_eq!(split(text, &["三\n".to_owned()], 1), [text]);
        assert_eq!(split("", &[], 1), [""]);
        // A blank line at the very end ends no piece: nothing would follow it.
        assert_eq!(split("甲\n\n", &[], 1), ["甲\n\n"]);
        // No blank line: one piece, however long.
        assert_eq!(split("甲\n乙\n丙\r丁", &[], 1), ["甲\n乙\n丙\r丁"]);
        // `\r` alone ends a line too, but only `\n` ends a piece; the lines before it are blank.
        assert_eq!(split("甲\r\r\n乙\n \r \n丙", &[], 1), ["甲\r\r\n乙\n \r \n", "丙"]);
    }

    #[test]
    fn names_terms_and_forms_come_out_as_in_the_whole_text() {
        let gazetteer = Gazetteer::from_toml_str(
            "[[entity]]\nid = \"test-person\"\ntype = \"person\"\ntraditional = \"于家範\"\nsimplified = \"于家范\"\n",
            Source::Workspace,
        )
        .unwrap();
        let index = EntityIndex::with_layers(&[&gazetteer]);
        let text = "四川省委副書記于立军和于家范在會上發言。\n\n前往北京的于家\n范隨後發言。\n \n\
                    長江實業集團的代表于立军出席。\r\n\r\n鼠标和软件。\n\n\u{F8FF}互動\n\n";
        let terms = ["長江實業".to_owned(), "软件".to_owned()];
        for config in [OpenccConfig::S2t, OpenccConfig::T2s, OpenccConfig::S2twp, OpenccConfig::Tw2sp] {
            let converter = converter(Backend::Embedded, config).unwrap();
            let expected = whole(converter, text, &terms, &index);
            for target in [1, 5, 40, 1000] {
                assert_eq!(by_pieces(converter, text, &terms, &index, target), expected, "{config} {target}");
            }
        }
        let s2t = converter(Backend::Embedded, OpenccConfig::S2t).unwrap();
        assert!(by_pieces(s2t, text, &terms, &index, 1).contains("于家\n範隨後"));
    }

    /// Every conversion fixture, every corpus file (`ZHNEWS_CORPUS`) and the concatenation of
    /// them all, several configurations, both backends when built: by pieces is the whole
    /// conversion, byte for byte.
    #[test]
    fn corpus_by_pieces_is_the_whole_conversion() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/convert");
        let dirs = [Some(fixtures.into_os_string()), std::env::var_os("ZHNEWS_CORPUS")];
        let mut files: Vec<_> = dirs
            .into_iter()
            .flatten()
            .flat_map(|dir| std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        files.sort();
        let mut texts: Vec<String> = files.iter().map(|path| std::fs::read_to_string(path).unwrap()).collect();
        assert!(texts.len() >= 2);
        texts.push(texts.concat());
        let index = EntityIndex::builtin();
        let terms = ["習近平".to_owned(), "香港".to_owned()];
        let backends = if cfg!(feature = "system-opencc") {
            &[Backend::Embedded, Backend::System][..]
        } else {
            &[Backend::Embedded]
        };
        for backend in backends {
            for config in [OpenccConfig::T2s, OpenccConfig::S2t, OpenccConfig::S2twp, OpenccConfig::Hk2s] {
                let converter = converter(*backend, config).unwrap();
                for text in &texts {
                    // Every blank line ends a piece (target 1), or pieces of a few kilobytes.
                    assert!(split(text, &terms, 1).len() > 1);
                    let expected = whole(converter, text, &[], index);
                    assert_eq!(by_pieces(converter, text, &[], index, 1), expected, "{backend:?} {config}");
                    let expected = whole(converter, text, &terms, index);
                    assert_eq!(by_pieces(converter, text, &terms, index, 4096), expected, "{backend:?} {config}");
                }
            }
        }
    }
}
