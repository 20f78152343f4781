//! Stock codes in brackets after a company, the way Taiwanese and Hong Kong financial news
//! writes them: 台積電 (2330-TW)(TSM-US), 英特爾 (INTC-US), 騰訊 (00700-HK). The code names the
//! company before it, so it gets that company's gloss.

use std::sync::Arc;

use crate::text::TextRange;

use super::{EntityKind, Mention};

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

/// `mentions` (in text order, apart) and a mention of each stock code in brackets right after
/// an organisation's mention (and after another such code), with that organisation's entity.
pub fn with_stock_codes(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
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
    }
    out
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
}
