//! Which script a character, a run or a document is written in.
//!
//! A character is *Traditional-only* when OpenCC's Traditional→Simplified character table maps
//! it to something other than itself and does not list it as its own Simplified form (後 → 后),
//! *Simplified-only* in the mirror case (发 → 發/髮), and *shared* otherwise (人, and also 后, 于,
//! 里, which both scripts use). The tables are OpenCC's `TSCharacters.txt` and
//! `STCharacters.txt`, with the standard forms of `HKVariants.txt` and `TWVariants.txt` counted
//! as Traditional (Apache-2.0, vendored in `server/data/opencc/`).

// Looked up once per character of every text: FxHash, not SipHash (no untrusted keys here).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::text::is_han;

/// The script of a single character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CharScript {
    TraditionalOnly,
    SimplifiedOnly,
    /// A Han character both scripts write the same way.
    Shared,
    /// Not a Han character.
    NotHan,
}

/// The script a text is predominantly written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    Traditional,
    Simplified,
    /// Both scripts in substantial amounts.
    Mixed,
    /// No character that tells the scripts apart (no Han text, or only shared characters).
    Neutral,
}

impl Script {
    /// A short label for status bars: 繁, 简, 混 or —.
    pub fn short_label(self) -> &'static str {
        match self {
            Script::Traditional => "繁",
            Script::Simplified => "简",
            Script::Mixed => "混",
            Script::Neutral => "—",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Script::Traditional => "traditional",
            Script::Simplified => "simplified",
            Script::Mixed => "mixed",
            Script::Neutral => "neutral",
        }
    }
}

/// Character counts that decide a text's script.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScriptProfile {
    pub han: usize,
    pub traditional_only: usize,
    pub simplified_only: usize,
    /// Letters that are not Han (Latin, Cyrillic, kana…): the denominator of [`Self::han_share`].
    pub other_letters: usize,
}

impl std::ops::AddAssign for ScriptProfile {
    fn add_assign(&mut self, other: ScriptProfile) {
        self.han += other.han;
        self.traditional_only += other.traditional_only;
        self.simplified_only += other.simplified_only;
        self.other_letters += other.other_letters;
    }
}

/// The minority script must stay under this share of the script-specific characters for a text
/// to count as written in the majority script rather than [`Script::Mixed`].
pub const MIXED_MINORITY_SHARE: f64 = 0.10;

impl ScriptProfile {
    pub fn of(text: &str) -> ScriptProfile {
        let mut profile = ScriptProfile::default();
        for c in text.chars() {
            match classify(c) {
                CharScript::TraditionalOnly => profile.traditional_only += 1,
                CharScript::SimplifiedOnly => profile.simplified_only += 1,
                CharScript::Shared => {}
                CharScript::NotHan => {
                    if c.is_alphabetic() {
                        profile.other_letters += 1;
                    }
                    continue;
                }
            }
            profile.han += 1;
        }
        profile
    }

    /// Han characters as a share of all letters (Han and other alphabetic characters); digits,
    /// punctuation and spaces do not count. 0 for a text without letters.
    pub fn han_share(&self) -> f64 {
        let letters = self.han + self.other_letters;
        if letters == 0 { 0.0 } else { self.han as f64 / letters as f64 }
    }

    pub fn script(&self) -> Script {
        let (t, s) = (self.traditional_only, self.simplified_only);
        if t + s == 0 {
            return Script::Neutral;
        }
        let minority = t.min(s) as f64 / (t + s) as f64;
        if minority >= MIXED_MINORITY_SHARE {
            Script::Mixed
        } else if t > s {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }
}

/// The script of one character.
pub fn classify(c: char) -> CharScript {
    if !is_han(c) {
        return CharScript::NotHan;
    }
    tables().get(&c).copied().unwrap_or(CharScript::Shared)
}

/// The Simplified form of one character: the first candidate of OpenCC's Traditional-to-
/// Simplified character table, or the character itself.
pub fn simplified_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map = HashMap::default();
        for (from, candidates) in character_entries(include_str!("../../data/opencc/TSCharacters.txt")) {
            let mut first = candidates.split(' ').next().unwrap_or("").chars();
            if let (Some(to), None) = (first.next(), first.next()) {
                map.insert(from, to);
            }
        }
        map
    });
    table.get(&c).copied().unwrap_or(c)
}

fn tables() -> &'static HashMap<char, CharScript> {
    static TABLES: OnceLock<HashMap<char, CharScript>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut map = HashMap::default();
        add_one_way(&mut map, include_str!("../../data/opencc/TSCharacters.txt"), CharScript::TraditionalOnly);
        add_one_way(&mut map, include_str!("../../data/opencc/STCharacters.txt"), CharScript::SimplifiedOnly);
        // The Hong Kong and Taiwan standards write some characters that the Simplified table
        // maps away (秘 for 祕, 台 for 臺): those are Traditional too.
        for table in
            [include_str!("../../data/opencc/HKVariants.txt"), include_str!("../../data/opencc/TWVariants.txt")]
        {
            for standard in table.lines().filter_map(|line| line.split('\t').nth(1)) {
                for c in standard.split(' ').flat_map(str::chars) {
                    if map.get(&c) == Some(&CharScript::SimplifiedOnly) {
                        map.insert(c, CharScript::Shared);
                    }
                }
            }
        }
        map
    })
}

/// The entries of an OpenCC character table whose key is one character: (key, candidates
/// separated by spaces).
fn character_entries(table: &str) -> impl Iterator<Item = (char, &str)> {
    table.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        let (key, candidates) = (fields.next()?, fields.next()?);
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some((c, candidates)),
            _ => None,
        }
    })
}

/// Marks every key of an OpenCC character table whose candidates do not include itself.
fn add_one_way(map: &mut HashMap<char, CharScript>, table: &str, script: CharScript) {
    for (c, candidates) in character_entries(table) {
        if !candidates.split(' ').any(|candidate| candidate.chars().eq([c])) {
            // A character listed one-way in both tables is ambiguous: treat it as shared.
            match map.get(&c) {
                Some(existing) if *existing != script => {
                    map.insert(c, CharScript::Shared);
                }
                _ => {
                    map.insert(c, script);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_classified_by_the_opencc_tables() {
        assert_eq!(classify('後'), CharScript::TraditionalOnly);
        assert_eq!(classify('發'), CharScript::TraditionalOnly);
        assert_eq!(classify('发'), CharScript::SimplifiedOnly);
        assert_eq!(classify('动'), CharScript::SimplifiedOnly);
        // Both scripts write these.
        assert_eq!(classify('后'), CharScript::Shared);
        assert_eq!(classify('于'), CharScript::Shared);
        assert_eq!(classify('里'), CharScript::Shared);
        assert_eq!(classify('人'), CharScript::Shared);
        assert_eq!(classify('，'), CharScript::NotHan);
        assert_eq!(classify('𠮷'), CharScript::Shared);
        // Hong Kong writes 秘魯, Taiwan 祕魯: 秘 is not Simplified-only.
        assert_eq!(classify('秘'), CharScript::Shared);
        assert_eq!(classify('台'), CharScript::Shared);
    }

    #[test]
    fn documents_have_a_predominant_script() {
        assert_eq!(ScriptProfile::of("國家主席習近平應邀赴秘魯").script(), Script::Traditional);
        assert_eq!(ScriptProfile::of("国家主席习近平应邀赴秘鲁").script(), Script::Simplified);
        assert_eq!(ScriptProfile::of("國家主席 国家主席").script(), Script::Mixed);
        assert_eq!(ScriptProfile::of("人民").script(), Script::Neutral);
        assert_eq!(ScriptProfile::of("hello").script(), Script::Neutral);
        // A stray Simplified word in a long Traditional text does not make it mixed.
        let text = format!("{}互动", "國家主席習近平應邀赴秘魯進行國事訪問".repeat(3));
        assert_eq!(ScriptProfile::of(&text).script(), Script::Traditional);
    }

    #[test]
    fn han_share_ignores_digits_and_punctuation() {
        assert_eq!(ScriptProfile::of("2024年，").han_share(), 1.0);
        assert_eq!(ScriptProfile::of("abc").han_share(), 0.0);
        assert_eq!(ScriptProfile::of("").han_share(), 0.0);
        assert!((ScriptProfile::of("中文ab").han_share() - 0.5).abs() < 1e-9);
    }
}
