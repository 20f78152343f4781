//! A finding's fingerprint: a hash of what it is about that survives edits elsewhere in the
//! file, so a baseline (`zhnews check --baseline`) or an editor's "Ignore this finding" can
//! recognise the same finding after lines have moved.
//!
//! The fingerprint covers the rule code, the text of the finding's span and a few characters of
//! context on each side, all with whitespace removed: line numbers, the rewrapping of a
//! newspaper page's hard line breaks and edits in other paragraphs leave it unchanged. Two
//! identical findings in identical contexts share a fingerprint; callers count them.

use crate::finding::Finding;
use crate::text::floor_char_boundary;

/// How many non-whitespace characters of context on each side of the span are hashed.
pub const CONTEXT_CHARS: usize = 8;

/// The fingerprint of `finding` in `text` (the text it was found in): 16 lowercase hex digits.
pub fn fingerprint(text: &str, finding: &Finding) -> String {
    let start = floor_char_boundary(text, finding.range.start);
    let end = floor_char_boundary(text, finding.range.end.max(start));
    let before: Vec<char> = context(text[..start].chars().rev());
    let after = context(text[end..].chars());
    let mut hash = Fnv1a::new();
    hash.write_str(finding.rule);
    hash.write_byte(0);
    before.iter().rev().for_each(|&c| hash.write_char(c));
    hash.write_byte(0);
    text[start..end].chars().filter(|c| !c.is_whitespace()).for_each(|c| hash.write_char(c));
    hash.write_byte(0);
    after.iter().for_each(|&c| hash.write_char(c));
    format!("{:016x}", hash.finish())
}

/// Up to [`CONTEXT_CHARS`] non-whitespace characters, stopping at a blank line: a paragraph
/// added or removed next to the finding does not change its fingerprint.
fn context(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::with_capacity(CONTEXT_CHARS);
    let mut newlines = 0;
    for c in chars {
        if out.len() == CONTEXT_CHARS {
            break;
        }
        match c {
            // `\r` of `\r\n` is plain whitespace here; files with lone `\r` line ends are
            // hashed without the paragraph stop.
            '\n' if newlines > 0 => break,
            '\n' => newlines += 1,
            c if c.is_whitespace() => {}
            c => {
                newlines = 0;
                out.push(c);
            }
        }
    }
    out
}

/// The span's text with whitespace removed, shortened to `max_chars`: a reminder for people
/// reading a baseline file.
pub fn excerpt(text: &str, finding: &Finding, max_chars: usize) -> String {
    let start = floor_char_boundary(text, finding.range.start);
    let end = floor_char_boundary(text, finding.range.end.max(start));
    let mut chars = text[start..end].chars().filter(|c| !c.is_whitespace());
    let mut out: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// 64-bit FNV-1a: tiny, and its output is fixed by its definition (unlike `std`'s hashers,
/// which may change between Rust versions), so a baseline file written today matches tomorrow.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn write_byte(&mut self, byte: u8) {
        self.0 ^= u64::from(byte);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn write_str(&mut self, s: &str) {
        s.bytes().for_each(|b| self.write_byte(b));
    }

    fn write_char(&mut self, c: char) {
        let mut buf = [0; 4];
        self.write_str(c.encode_utf8(&mut buf));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::text::TextRange;

    fn finding_at(text: &str, needle: &str) -> Finding {
        let start = text.find(needle).unwrap();
        Finding {
            rule: "count-mismatch",
            severity: Severity::Warning,
            range: TextRange::new(start, start + needle.len()),
            message: String::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn survives_lines_moving_and_rewrapping() {
        let original = "論壇圍繞五個方面展開討論。\n其餘內容。";
        let moved = "新增一段導語。\n\n論壇圍繞五個\n方面展開討論。\n其餘內容。";
        let a = fingerprint(original, &finding_at(original, "五個方面"));
        let b = fingerprint(moved, &finding_at(moved, "五個\n方面"));
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        // The same with Windows line ends.
        let crlf = moved.replace('\n', "\r\n");
        assert_eq!(a, fingerprint(&crlf, &finding_at(&crlf, "五個\r\n方面")));
    }

    #[test]
    fn changes_with_the_span_the_context_or_the_rule() {
        let text = "論壇圍繞五個方面展開討論。";
        let base = fingerprint(text, &finding_at(text, "五個方面"));
        let other_span = "論壇圍繞六個方面展開討論。";
        assert_ne!(base, fingerprint(other_span, &finding_at(other_span, "六個方面")));
        let other_context = "會議圍繞五個方面展開討論。";
        assert_ne!(base, fingerprint(other_context, &finding_at(other_context, "五個方面")));
        let mut other_rule = finding_at(text, "五個方面");
        other_rule.rule = "sequence-order";
        assert_ne!(base, fingerprint(text, &other_rule));
        // Context further than CONTEXT_CHARS away does not matter.
        let far = "很久以前的開頭不同。今年本屆論壇圍繞五個方面展開討論。";
        let near = "完全不一樣的開頭啊。今年本屆論壇圍繞五個方面展開討論。";
        assert_eq!(fingerprint(far, &finding_at(far, "五個方面")), fingerprint(near, &finding_at(near, "五個方面")));
    }

    #[test]
    fn is_fixed_by_its_definition() {
        // FNV-1a must not drift: baselines written by earlier versions rely on it.
        let text = "甲乙丙";
        let finding = finding_at(text, "乙");
        expect_test::expect!["ef80ed2572aa4d7d"].assert_eq(&fingerprint(text, &finding));
    }

    #[test]
    fn ranges_off_a_boundary_or_past_the_end_do_not_panic() {
        let text = "甲乙丙";
        let mut finding = finding_at(text, "乙");
        finding.range = TextRange::new(1, 100);
        let _ = fingerprint(text, &finding);
        assert_eq!(excerpt(text, &finding, 1), "甲…");
        assert_eq!(excerpt("", &finding, 5), "");
    }
}
