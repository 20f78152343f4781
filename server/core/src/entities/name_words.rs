//! The generic words between the proper part of a mainland institution's name and its generic
//! ending (现代|儿童|妇女|医院, 公共资源|交易|中心, 新生儿|疾病|筛查|中心), with the English
//! official names give them (`server/data/name-words.toml`): Modern Children and Women's
//! Hospital, Public Resources Trading Center, Neonatal Disease Screening Center. China's
//! standard for the English of public names (GB/T 30240) reads the proper part in Hanyu Pinyin
//! and translates the generic part; these words are generic, so they are translated too.
//!
//! [`peel`] takes such words off the end of a stem, longest first, and leaves the proper part
//! before them for [`super::romanise`] to read in Pinyin (和睦佳|妇幼 → Hemujia Maternal and
//! Child). A word is taken only as a whole word of the list: a stem whose last characters
//! form no listed word keeps them in its proper part, which then has to be short enough to
//! be read as a name.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// A generic word and its English.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Word {
    english: String,
    /// A group of people a body serves (儿童 Children, 妇女 Women): two in a row are joined by
    /// "and", and the last takes a possessive (Children and Women's).
    #[serde(default)]
    people: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    word: HashMap<String, Word>,
}

const NAME_WORDS_TOML: &str = include_str!("../../../data/name-words.toml");

/// The longest word of the list, in characters: how far [`peel`] looks back.
const LONGEST: usize = 3;

fn words() -> &'static HashMap<String, Word> {
    static WORDS: OnceLock<HashMap<String, Word>> = OnceLock::new();
    WORDS.get_or_init(|| toml::from_str::<File>(NAME_WORDS_TOML).expect("name-words.toml parses").word)
}

/// The stem without the generic words at its end, and those words in text order: 和睦佳妇幼 →
/// (和睦佳, [妇幼]); 公共资源交易 → ("", [公共, 资源, 交易]). The longest listed word is taken
/// first at each step.
pub fn peel(stem: &str) -> (&str, Vec<&'static Word>) {
    let words = words();
    let mut rest = stem;
    let mut peeled = Vec::new();
    'peel: loop {
        let chars: Vec<(usize, char)> = rest.char_indices().collect();
        for length in (2..=LONGEST.min(chars.len())).rev() {
            let (at, _) = chars[chars.len() - length];
            if let Some(word) = words.get(&rest[at..]) {
                peeled.push(word);
                rest = &rest[..at];
                continue 'peel;
            }
        }
        break;
    }
    peeled.reverse();
    (rest, peeled)
}

/// The English of generic words in text order: each word's English apart, two groups of
/// people in a row joined by "and" with a possessive on the last (Modern Children and Women's).
pub fn english(words: &[&Word]) -> String {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let next_is_people = words.get(i + 1).is_some_and(|next| next.people);
        let previous_is_people = i > 0 && words[i - 1].people;
        let mut english = word.english.clone();
        if word.people && !next_is_people {
            english.push_str(if english.ends_with('s') { "'" } else { "'s" });
        }
        if word.people && previous_is_people {
            out.push("and".to_owned());
        }
        out.push(english);
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(stems: &[&str], expect: Expect) {
        let shown: Vec<String> = stems
            .iter()
            .map(|stem| {
                let (proper, words) = peel(stem);
                format!("{stem} → {proper} | {}", english(&words))
            })
            .collect();
        expect.assert_eq(&shown.join("\n"));
    }

    #[test]
    fn generic_words_are_peeled_from_the_end_and_translated() {
        check(
            &["旅游投资", "儿童少年", "光华儿童妇女", "传染病筛查", "明德妇幼", "信息技术服务", "肿瘤", "妇幼保健"],
            expect![[r#"
                旅游投资 →  | Tourism Investment
                儿童少年 →  | Children and Teenagers'
                光华儿童妇女 → 光华 | Children and Women's
                传染病筛查 →  | Infectious Disease Screening
                明德妇幼 → 明德 | Maternal and Child
                信息技术服务 →  | Information Technology Service
                肿瘤 →  | Cancer
                妇幼保健 → 妇幼保健 | "#]],
        );
    }

    #[test]
    fn a_proper_name_keeps_characters_that_are_no_whole_word() {
        // 江湾 and 国贸 are no generic words; 保健 is not listed, so 妇幼 before it stays too.
        check(
            &["江湾", "东湖国贸", "长江经济"],
            expect![[r#"
                江湾 → 江湾 | 
                东湖国贸 → 东湖国贸 | 
                长江经济 → 长江 | Economic"#]],
        );
    }
}
