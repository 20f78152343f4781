//! CC-CEDICT writes pinyin with tone numbers (`Xi2 Jin4 ping2`); people read tone marks
//! (`Xí Jìnpíng`).

/// Converts CC-CEDICT pinyin to tone marks. A capitalised syllable starts a new word, lower-case
/// syllables join the word before them (with an apostrophe before a, e, o), and anything that
/// is not a pinyin syllable (letters such as `A` in `A A zhi4`, `·`) is kept as it is.
pub fn numbered_to_marked(numbered: &str) -> String {
    let mut out = String::new();
    let mut previous_was_pinyin = false;
    for syllable in numbered.split_whitespace() {
        let marked = mark_syllable(syllable);
        let is_pinyin = syllable.ends_with(|c: char| c.is_ascii_digit());
        let starts_word = syllable.chars().next().is_some_and(|c| !c.is_ascii_lowercase());
        let joins = previous_was_pinyin && !starts_word && out.ends_with(char::is_alphabetic);
        previous_was_pinyin = is_pinyin;
        if !out.is_empty() {
            if !joins {
                out.push(' ');
            } else if marked.starts_with(['a', 'e', 'o', 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ō', 'ó', 'ǒ', 'ò'])
            {
                out.push('\'');
            }
        }
        out.push_str(&marked);
    }
    out
}

fn mark_syllable(syllable: &str) -> String {
    let (body, tone) = match syllable.char_indices().next_back() {
        Some((at, c @ '1'..='5')) => (&syllable[..at], c as u32 - '0' as u32),
        _ => (syllable, 5),
    };
    let body = body.replace("u:", "ü").replace("U:", "Ü").replace('v', "ü");
    if tone == 5 || !body.chars().all(char::is_alphabetic) {
        return body;
    }
    let lower = body.to_lowercase();
    let chars: Vec<char> = body.chars().collect();
    let lower_chars: Vec<char> = lower.chars().collect();
    let target = if let Some(i) = lower_chars.iter().position(|&c| c == 'a' || c == 'e') {
        Some(i)
    } else if let Some(i) = lower.find("ou").map(|byte| lower[..byte].chars().count()) {
        Some(i)
    } else {
        lower_chars.iter().rposition(|c| "iouü".contains(*c))
    };
    let Some(target) = target else {
        return body;
    };
    chars.iter().enumerate().map(|(i, &c)| if i == target { with_tone(c, tone) } else { c }).collect()
}

fn with_tone(vowel: char, tone: u32) -> char {
    const TABLE: &[(char, [char; 4])] = &[
        ('a', ['ā', 'á', 'ǎ', 'à']),
        ('e', ['ē', 'é', 'ě', 'è']),
        ('i', ['ī', 'í', 'ǐ', 'ì']),
        ('o', ['ō', 'ó', 'ǒ', 'ò']),
        ('u', ['ū', 'ú', 'ǔ', 'ù']),
        ('ü', ['ǖ', 'ǘ', 'ǚ', 'ǜ']),
        ('A', ['Ā', 'Á', 'Ǎ', 'À']),
        ('E', ['Ē', 'É', 'Ě', 'È']),
        ('I', ['Ī', 'Í', 'Ǐ', 'Ì']),
        ('O', ['Ō', 'Ó', 'Ǒ', 'Ò']),
        ('U', ['Ū', 'Ú', 'Ǔ', 'Ù']),
        ('Ü', ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
    ];
    let index = (tone as usize).clamp(1, 4) - 1;
    TABLE.iter().find(|(base, _)| *base == vowel).map_or(vowel, |(_, marked)| marked[index])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedict_pinyin_gets_tone_marks() {
        let cases = [
            ("Xi2 Jin4 ping2", "Xí Jìnpíng"),
            ("Bi4 lu3", "Bìlǔ"),
            ("Ya4 Tai4 Jing1 He2 Zu3 zhi1", "Yà Tài Jīng Hé Zǔzhī"),
            ("Lu:3 Liang2", "Lǚ Liáng"),
            ("Xi1 an1", "Xī'ān"),
            ("Ou1 zhou1", "Ōuzhōu"),
            ("Gui4 zhou1", "Guìzhōu"),
            ("Liu2 Xiu4", "Liú Xiù"),
            ("A A zhi4", "A A zhì"),
            ("Niu3 yue1", "Niǔyuē"),
            ("shang4 hai5", "shànghai"),
        ];
        for (numbered, marked) in cases {
            assert_eq!(numbered_to_marked(numbered), marked, "{numbered}");
        }
    }
}
