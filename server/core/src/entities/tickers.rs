//! Codes in brackets after an organisation's name, which name that organisation and so get its
//! gloss: stock codes, the way Taiwanese and Hong Kong financial news writes them (台積電
//! (2330-TW)(TSM-US), 英特爾 (INTC-US), 騰訊 (00700-HK)), and acronyms, the way news introduces
//! a body's short name (美国联邦航空管理局（UFAA）, 伊利诺伊大学香槟分校（UIUC）). An acronym
//! introduced so names the body wherever else the document uses it.

use std::sync::Arc;

use crate::text::TextRange;

use super::{EntityKind, Mention, overlapping};

/// Markets news puts after a code.
const MARKETS: &[&str] = &["US", "TW", "TWO", "HK", "CN", "SH", "SZ", "JP", "KR", "SG", "UK", "DE"];

/// The longest code before its market: `BRK.B`, `00700`, `6669`.
const MAX_CODE: usize = 6;

/// The range of a bracketed stock code at the start of `rest` (spaces before it allowed), as
/// offsets into `rest`, and where the closing bracket ends.
fn code_at(rest: &str) -> Option<(usize, usize, usize)> {
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    let open_at = rest.len() - trimmed.len();
    let open = trimmed.chars().next().filter(|&c| c == '(' || c == '（')?;
    let inner_start = open_at + open.len_utf8();
    let inner = &rest[inner_start..];
    let close = inner.find([')', '）'])?;
    let code = &inner[..close];
    let (symbol, market) = code.rsplit_once('-')?;
    let symbol_ok = (1..=MAX_CODE).contains(&symbol.len())
        && symbol.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.');
    let closing = inner[close..].chars().next()?.len_utf8();
    (symbol_ok && MARKETS.contains(&market)).then_some((
        inner_start,
        inner_start + close,
        inner_start + close + closing,
    ))
}

/// The range of a bracketed acronym at the start of `rest` (`（JECFA）`, `(UIUC)`): two to
/// eight capital letters, the first bracket right after the name. Offsets into `rest`.
fn acronym_at(rest: &str) -> Option<(usize, usize)> {
    let open = rest.chars().next().filter(|&c| c == '(' || c == '（')?;
    let inner = &rest[open.len_utf8()..];
    let close = inner.find([')', '）'])?;
    let acronym = &inner[..close];
    let is_acronym = (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase());
    is_acronym.then_some((open.len_utf8(), open.len_utf8() + close))
}

/// `mentions` (in text order, apart) and a mention of each code in brackets right after an
/// organisation's mention (stock codes, one after another; an acronym), with that
/// organisation's entity, and of each later use of such an acronym as a word of its own.
pub fn with_bracketed_codes(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut acronyms: Vec<(String, Arc<super::Entity>)> = Vec::new();
    for (i, mention) in mentions.iter().enumerate() {
        out.push(mention.clone());
        if mention.entity.kind != EntityKind::Organisation {
            continue;
        }
        let next_start = mentions.get(i + 1).map_or(text.len(), |next| next.range.start);
        let mut at = mention.range.end;
        while let Some((start, end, after)) = text.get(at..).and_then(code_at) {
            let range = TextRange::new(at + start, at + end);
            if range.end > next_start {
                break;
            }
            out.push(Mention { range, key: text[range.as_range()].to_owned(), entity: Arc::clone(&mention.entity) });
            at += after;
        }
        if let Some((start, end)) = text.get(mention.range.end..).and_then(acronym_at) {
            let range = TextRange::new(mention.range.end + start, mention.range.end + end);
            if range.end <= next_start {
                let acronym = text[range.as_range()].to_owned();
                out.push(Mention { range, key: acronym.clone(), entity: Arc::clone(&mention.entity) });
                if !acronyms.iter().any(|(known, _)| *known == acronym) {
                    acronyms.push((acronym, Arc::clone(&mention.entity)));
                }
            }
        }
    }
    if acronyms.is_empty() {
        return out;
    }
    out.sort_by_key(|m| (m.range.start, m.range.end));
    let later = later_uses(text, &acronyms, &out);
    out.extend(later);
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// The uses of the acronyms after their introduction, as words of their own (not inside
/// another Latin word), where no mention lies.
fn later_uses(text: &str, acronyms: &[(String, Arc<super::Entity>)], mentions: &[Mention]) -> Vec<Mention> {
    // One pass for all of them (a document may introduce many).
    let patterns = acronyms.iter().enumerate().map(|(i, (acronym, _))| (acronym.as_str(), i as u32));
    let Ok(automaton) = daachorse::DoubleArrayAhoCorasick::<u32>::with_values(patterns) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for m in automaton.find_overlapping_iter(text) {
        let (acronym, entity) = &acronyms[m.value() as usize];
        let range = TextRange::new(m.start(), m.end());
        let word = |c: char| c.is_ascii_alphanumeric();
        let bounded = !text[..range.start].chars().next_back().is_some_and(word)
            && !text[range.end..].chars().next().is_some_and(word);
        let free = overlapping(mentions, range).is_none();
        if bounded && free {
            found.push(Mention { range, key: acronym.clone(), entity: Arc::clone(entity) });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_code_with_its_market() {
        assert_eq!(code_at(" (INTC-US) 表示"), Some((2, 9, 10)));
        assert_eq!(code_at("（2330-TW）"), Some((3, 10, 13)));
        assert_eq!(code_at("(00700-HK)"), Some((1, 9, 10)));
        assert_eq!(code_at("(美國)"), None);
        assert_eq!(code_at("(CEO)"), None);
        assert_eq!(code_at("(COVID-19)"), None);
        assert_eq!(code_at("(A-B-XX)"), None);
        assert_eq!(code_at("（2330-TW"), None);
    }

    #[test]
    fn a_bracketed_acronym_right_after_the_name() {
        assert_eq!(acronym_at("（JECFA）提出"), Some((3, 8)));
        assert_eq!(acronym_at("(UIUC)"), Some((1, 5)));
        assert_eq!(acronym_at(" (UIUC)"), None);
        assert_eq!(acronym_at("（Nasa）"), None);
        assert_eq!(acronym_at("（A）"), None);
        assert_eq!(acronym_at("（2023）"), None);
    }
}
