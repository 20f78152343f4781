//! English for foreign people that Chinese news writes in transliteration and no gazetteer
//! lists: each part of the name read back through a table of the standard transliterations of
//! common foreign given names and surnames (`server/data/foreign-names.toml`): 尼尔·阿姆斯特朗
//! → Neil Armstrong, 库克 → Cook. The hover says the spelling is transliterated back and not
//! verified: one Chinese form stands for several spellings (Steven and Stephen), and the table
//! holds the commonest.
//!
//! A name is read back only when every part of it is in the table; a half-read name ("Neil
//! 霍特") would mislead. Which names count as transliterations:
//! - parts joined by a middle dot (any of `·•‧・．`, one form after [`super::normalise`]): the
//!   last part is the surname, the others given (or middle) names;
//! - a single part, read as a surname, only when it cannot be a Chinese name: it holds a
//!   character that transliterations use and Chinese given names hardly do
//!   ([`romanise::TRANSLITERATION`]), or its first character is no Chinese surname (CC-CEDICT's
//!   "surname X" entries). 汉森 (Hansen) and 库克 (Cook) read back; 马丁, 艾伦 and 梅森, which
//!   are Chinese names as well as Martin, Allen and Mason, keep their Hanyu Pinyin.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::entities::{cedict, normalise, romanise};

const FOREIGN_NAMES_TOML: &str = include_str!("../../../data/foreign-names.toml");

/// The file's two tables: Latin spelling → its Chinese forms, Simplified first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    particle: toml::Table,
    given: toml::Table,
    surname: toml::Table,
}

/// Lookup form of a Chinese form → Latin spelling, per kind of part.
#[derive(Debug, Default)]
pub struct Table {
    particle: HashMap<String, String>,
    given: HashMap<String, String>,
    surname: HashMap<String, String>,
}

impl Table {
    fn parse(text: &str) -> Result<Table, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let read = |table: &toml::Table| -> Result<HashMap<String, String>, String> {
            let mut out = HashMap::new();
            for (latin, forms) in table {
                let forms = forms.as_array().ok_or_else(|| format!("{latin}: not a list"))?;
                for form in forms {
                    let form = form.as_str().ok_or_else(|| format!("{latin}: not a string"))?;
                    // The first spelling listed for a form wins (the file lists the commonest first).
                    out.entry(normalise(form)).or_insert_with(|| latin.clone());
                }
            }
            Ok(out)
        };
        Ok(Table { particle: read(&file.particle)?, given: read(&file.given)?, surname: read(&file.surname)? })
    }

    /// The table the binary ships.
    pub fn builtin() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| Table::parse(FOREIGN_NAMES_TOML).expect("foreign-names.toml parses"))
    }

    /// A part in the place of a given name: a given name, else a surname (Morgan, Lee).
    fn given_part(&self, part: &str) -> Option<&str> {
        self.given.get(part).or_else(|| self.surname.get(part)).map(String::as_str)
    }

    /// A part in the place of a surname: a surname, else a given name (LeBron James).
    fn surname_part(&self, part: &str) -> Option<&str> {
        self.surname.get(part).or_else(|| self.given.get(part)).map(String::as_str)
    }

    /// How many forms of given names and surnames the table holds.
    pub fn len(&self) -> (usize, usize) {
        (self.given.len(), self.surname.len())
    }
}

/// The English of a foreign person's name written in transliteration, given as its lookup
/// (Simplified) form: "Neil Armstrong" for 尼尔·阿姆斯特朗, "Armstrong" for 阿姆斯特朗. `None`
/// when the name is not a transliteration or a part of it is not in the table.
pub fn read_back(key: &str) -> Option<String> {
    read_back_with(Table::builtin(), key)
}

fn read_back_with(table: &Table, key: &str) -> Option<String> {
    let parts: Vec<&str> = key.split('·').collect();
    if parts.iter().any(|part| part.is_empty()) {
        return None;
    }
    let (surname, given) = parts.split_last()?;
    if given.is_empty() {
        if !cannot_be_chinese(surname) {
            return None;
        }
        return table.surname.get(*surname).cloned();
    }
    let particle = |part: &str| table.particle.get(part).map(String::as_str);
    let mut words: Vec<String> = Vec::with_capacity(parts.len());
    for (n, part) in given.iter().enumerate() {
        // A first part is a given name where it can be (本 Ben), a later one a particle (本 bin).
        let word = if n == 0 {
            table.given_part(part).or_else(|| particle(part)).map(capitalise)
        } else {
            particle(part).or_else(|| table.given_part(part)).map(str::to_owned)
        };
        words.push(word?);
    }
    words.push(table.surname_part(surname)?.to_owned());
    Some(words.join(" "))
}

/// True when an undotted name cannot be read as a Chinese one: two or more characters, and a
/// transliteration character in it, or a first character that is no Chinese surname, or more
/// characters than a surname and a given name of two (蒙哥马利 is no 蒙 with a given name of
/// three; a compound surname such as 欧阳 allows four).
fn cannot_be_chinese(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 2 {
        return false;
    }
    let surnames = &cedict::gazetteer().surnames;
    let surname_len = match chars.get(..2).map(|two| two.iter().collect::<String>()) {
        Some(two) if surnames.contains_key(two.as_str()) => 2,
        _ if surnames.contains_key(chars[0].encode_utf8(&mut [0; 4]) as &str) => 1,
        _ => return true,
    };
    chars.len() > surname_len + 2 || chars.iter().any(|&c| romanise::TRANSLITERATION.contains(c))
}

/// `bin` → `Bin` at the start of a name.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The description a read-back name carries in the hover.
pub const DESCRIPTION: &str =
    "transliterated back from the Chinese form by a table of common foreign names, not verified";

/// The description of a place or an organisation whose foreign stem was read back and whose
/// Chinese generic ending was translated (约翰逊航天中心 → Johnson Space Center).
pub const DESCRIPTION_WITH_ENDING: &str = "composed, not verified: the name transliterated back by a table of common \
    foreign names, the generic ending translated";

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Each name (any script) with its reading back, one per line; `-` for none.
    fn check(names: &[&str], expect: Expect) {
        let actual: Vec<String> = names
            .iter()
            .map(|name| format!("{name} → {}", read_back(&normalise(name)).unwrap_or_else(|| "-".to_owned())))
            .collect();
        expect.assert_eq(&actual.join("\n"));
    }

    #[test]
    fn the_table_parses_and_is_broad() {
        let (given, surnames) = Table::builtin().len();
        assert!(given >= 300, "{given} given-name forms");
        assert!(surnames >= 300, "{surnames} surname forms");
    }

    #[test]
    fn no_form_stands_for_two_spellings_of_one_kind() {
        let file: File = toml::from_str(FOREIGN_NAMES_TOML).expect("parses");
        for (kind, table) in [("particle", &file.particle), ("given", &file.given), ("surname", &file.surname)] {
            let mut seen: HashMap<String, &str> = HashMap::new();
            let mut clashes = Vec::new();
            for (latin, forms) in table {
                for form in forms.as_array().into_iter().flatten().filter_map(|f| f.as_str()) {
                    if !form.chars().all(crate::text::is_han) {
                        clashes.push(format!("{kind} {latin}: {form} is not all Han characters"));
                    }
                    if let Some(other) = seen.insert(normalise(form), latin) {
                        clashes.push(format!("{kind} {form}: {other} and {latin}"));
                    }
                }
            }
            assert!(clashes.is_empty(), "{}", clashes.join("\n"));
        }
    }

    #[test]
    fn ordinary_chinese_names_are_never_read_back() {
        // Common surnames with given names, among them ones a foreign surname is written as
        // (马丁 Martin, 艾伦 Allen, 梅森 Mason, 安德森 Anderson, 霍华德 Howard, 伍德 Wood, 韦伯
        // Weber, 林肯 Lincoln, 乔丹 Jordan, 戈登 Gordon). Measured beyond this list: of 3,249
        // people in CC-CEDICT, the curated gazetteer and the development set's keys, the 207
        // names read back are all foreign people.
        let names = [
            "王伟",
            "李娜",
            "张敏",
            "刘洋",
            "陈静",
            "杨帆",
            "黄磊",
            "赵丽",
            "吴昊",
            "周杰",
            "徐斌",
            "孙悦",
            "马丁",
            "马克",
            "艾伦",
            "梅森",
            "安德森",
            "霍华德",
            "伍德",
            "韦伯",
            "林肯",
            "乔丹",
            "戈登",
            "米勒",
            "贝利",
            "罗宾",
            "高峰",
            "林海",
            "欧阳娜娜",
            "司马南",
            "诸葛亮",
            "上官婉儿",
            "郭晶晶",
            "曾卡",
            "蔡斯",
        ];
        let read: Vec<String> =
            names.iter().filter_map(|name| read_back(name).map(|english| format!("{name} → {english}"))).collect();
        assert_eq!(read, Vec::<String>::new());
    }

    #[test]
    fn dotted_names_read_back_part_by_part() {
        check(
            &["尼尔·阿姆斯特朗", "蒂姆·库克", "提姆·庫克", "安格拉·默克尔", "玛丽·安·史密斯", "约翰·肯尼迪"],
            expect![[r#"
                尼尔·阿姆斯特朗 → Neil Armstrong
                蒂姆·库克 → Tim Cook
                提姆·庫克 → Tim Cook
                安格拉·默克尔 → Angela Merkel
                玛丽·安·史密斯 → Mary Ann Smith
                约翰·肯尼迪 → John Kennedy"#]],
        );
    }

    #[test]
    fn every_dot_of_both_scripts_joins_parts() {
        check(
            &["尼爾‧阿姆斯壯", "尼爾・阿姆斯特朗", "尼爾•阿姆斯特朗", "尼爾．阿姆斯特朗"],
            expect![[r#"
                尼爾‧阿姆斯壯 → Neil Armstrong
                尼爾・阿姆斯特朗 → Neil Armstrong
                尼爾•阿姆斯特朗 → Neil Armstrong
                尼爾．阿姆斯特朗 → Neil Armstrong"#]],
        );
    }

    #[test]
    fn names_of_other_languages() {
        check(
            &[
                "弗朗索瓦·奥朗德",
                "胡安·卡洛斯",
                "弗拉基米尔·伊万诺夫",
                "穆罕默德·阿卜杜拉",
                "朱塞佩·罗西",
                "汉斯·穆勒",
                "赫尔穆特·科尔",
                "路易斯·伊纳西奥·卢拉·达席尔瓦",
            ],
            expect![[r#"
                弗朗索瓦·奥朗德 → François Hollande
                胡安·卡洛斯 → Juan Carlos
                弗拉基米尔·伊万诺夫 → Vladimir Ivanov
                穆罕默德·阿卜杜拉 → Mohammed Abdullah
                朱塞佩·罗西 → Giuseppe Rossi
                汉斯·穆勒 → Hans Müller
                赫尔穆特·科尔 → Helmut Kohl
                路易斯·伊纳西奥·卢拉·达席尔瓦 → Luis Inácio Lula da Silva"#]],
        );
    }

    #[test]
    fn particles_between_parts() {
        check(
            &["穆罕默德·本·萨勒曼", "本·阿弗莱克", "本·斯通", "伊本·阿巴斯"],
            expect![[r#"
                穆罕默德·本·萨勒曼 → Mohammed bin Salman
                本·阿弗莱克 → -
                本·斯通 → Ben Stone
                伊本·阿巴斯 → Ibn Abbas"#]],
        );
    }

    #[test]
    fn surnames_alone_read_back_when_they_cannot_be_chinese_names() {
        check(
            &["阿姆斯特朗", "库克", "汉森", "史密斯", "阿姆斯壯", "蒙哥马利", "纳坦雅胡"],
            expect![[r#"
                阿姆斯特朗 → Armstrong
                库克 → Cook
                汉森 → Hansen
                史密斯 → Smith
                阿姆斯壯 → Armstrong
                蒙哥马利 → Montgomery
                纳坦雅胡 → Netanyahu"#]],
        );
    }

    #[test]
    fn names_that_are_chinese_too_or_half_known_get_nothing() {
        // 马丁 is Martin and Ma Ding, 艾伦 Allen and Ai Lun: the Chinese reading stands. A
        // part outside the table leaves the whole name unread, and so do empty parts and
        // given names alone.
        check(
            &["马丁", "艾伦", "梅森", "尼尔·霍特曼斯", "霍特曼斯", "·库克", "尼尔·", "尼尔", "王小明", "张伟"],
            expect![[r#"
                马丁 → -
                艾伦 → -
                梅森 → -
                尼尔·霍特曼斯 → -
                霍特曼斯 → -
                ·库克 → -
                尼尔· → -
                尼尔 → -
                王小明 → -
                张伟 → -"#]],
        );
    }
}
