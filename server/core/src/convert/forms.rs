//! The gazetteer's own forms: a recognised entity is written the way its gazetteer entry writes
//! it in the target script, whatever OpenCC would make of it. OpenCC maps 于 to 於 (the
//! preposition), so s2t turns the surname in 于立军 into 於立軍; the curated entry says 于立軍.
//!
//! Only entries someone wrote by hand count (the curated, user and workspace gazetteers), never
//! CC-CEDICT's or a jieba guess, and only a mention of the entry's own name (its Traditional or
//! Simplified form, not an alias, which has no counterpart in the other script). A name split by
//! a hard line break or the spaces of a letter-spaced headline keeps them: the form replaces its
//! characters one for one.

use crate::entities::{Mention, Source, normalise};
use crate::text::TextRange;

use super::ScriptSide;

/// A span of the text and what conversion must turn it into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// Byte range in the text being converted.
    pub range: TextRange,
    /// The span as the gazetteer writes it (whitespace inside the span kept). May equal the
    /// span's text: then conversion leaves it alone.
    pub text: String,
}

/// The forms of the hand-written gazetteer entities among `mentions` (which are ranges in
/// `text`), for a conversion that writes `target`. Sorted, without overlaps (mentions never
/// overlap).
pub fn entity_forms(text: &str, mentions: &[Mention], target: ScriptSide) -> Vec<Form> {
    if target == ScriptSide::Japanese {
        return Vec::new();
    }
    mentions
        .iter()
        .filter(|mention| matches!(mention.entity.source, Source::Curated | Source::User | Source::Workspace))
        .filter_map(|mention| {
            let entity = &mention.entity;
            let name = match target {
                ScriptSide::Traditional => &entity.traditional,
                _ => &entity.simplified,
            };
            let surface = text.get(mention.range.as_range())?;
            // The name itself, not an alias: the same lookup form, character for character.
            if name.is_empty() || normalise(name) != mention.key {
                return None;
            }
            let mut letters = name.chars();
            let mut rendered = String::with_capacity(surface.len());
            for c in surface.chars() {
                rendered.push(if c.is_whitespace() { c } else { letters.next()? });
            }
            letters.next().is_none().then_some(Form { range: mention.range, text: rendered })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::entities::{EntityIndex, Gazetteer};

    fn forms(text: &str, target: ScriptSide) -> Vec<(String, String)> {
        let gazetteer = Gazetteer::from_toml_str(
            "[[entity]]\nid = \"test-person\"\ntype = \"person\"\ntraditional = \"于家範\"\nsimplified = \"于家范\"\naliases = [\"小于\"]\n",
            Source::Workspace,
        )
        .unwrap();
        let index = EntityIndex::with_layers(&[&gazetteer]);
        let analysis = crate::analyse_with(text, &Config::default(), &index);
        entity_forms(text, &analysis.entities, target)
            .into_iter()
            .map(|form| (text[form.range.as_range()].to_owned(), form.text))
            .collect()
    }

    #[test]
    fn names_take_the_gazetteer_form_of_the_target_script() {
        let text = "四川省委副書記于立军和于家范在會上發言，傳達習近平總書記的講話精神。";
        assert_eq!(
            forms(text, ScriptSide::Traditional),
            [("于立军", "于立軍"), ("于家范", "于家範"), ("習近平", "習近平")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        let simplified = "四川省委副书记于立軍在会上发言。";
        assert_eq!(forms(simplified, ScriptSide::Simplified), [("于立軍".to_owned(), "于立军".to_owned())]);
        assert_eq!(forms(text, ScriptSide::Japanese), []);
    }

    #[test]
    fn hard_line_breaks_inside_a_name_stay() {
        let text = "四川省委副書記于立\n军在會上發言，隨後。";
        assert_eq!(forms(text, ScriptSide::Traditional), [("于立\n军".to_owned(), "于立\n軍".to_owned())]);
    }

    #[test]
    fn aliases_cedict_entries_and_guesses_do_not_count() {
        // 小于 is an alias; 北京 comes from CC-CEDICT only when the curated gazetteer lacks it.
        let text = "記者小于報道，代表團當天抵達紐約，隨後前往聯合國總部。";
        let found = forms(text, ScriptSide::Simplified);
        assert!(found.iter().all(|(surface, _)| surface != "小于"), "{found:?}");
        let index = EntityIndex::builtin();
        let analysis = crate::analyse_with(text, &Config::default(), index);
        for form in entity_forms(text, &analysis.entities, ScriptSide::Simplified) {
            let mention = analysis.entities.iter().find(|m| m.range == form.range).unwrap();
            assert!(mention.entity.source >= Source::Curated, "{mention:?}");
        }
    }
}
