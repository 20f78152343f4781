//! The gazetteer's own forms: a recognised entity that is being converted from the other script
//! is written the way its gazetteer entry writes it in the target script, whatever OpenCC would
//! make of it. OpenCC maps 于 to 於 (the preposition), so s2t turns the surname in 于立军 into
//! 於立軍; the curated entry says 于立軍.
//!
//! A mention already written in a valid form of the target script stays as written: 臺灣 and
//! 台灣 are both Traditional, so `s2t` on a Traditional text leaves both alone although the
//! curated entry writes 台灣 (and OpenCC's s2t would write 臺灣). Valid means one of the entity's
//! own spellings in that script ([`already_in_target`]) or a spelling OpenCC's conversion leaves
//! unchanged, decided from the mention's own characters, never from the document's script. A
//! regional configuration still applies its region's variants to it (`s2hk` writes 臺灣 as
//! 台灣, as `t2hk` does). The configurations that convert within one script (`t2tw`, `hk2t`…)
//! convert no name from the other script, so they have no forms at all: on Simplified text
//! they change no name, exactly as OpenCC.
//!
//! Only entries someone wrote by hand count (the curated, user and workspace gazetteers), never
//! CC-CEDICT's or a jieba guess. A mention being converted takes the gazetteer form only when it
//! is the entry's own name (its Traditional or Simplified form); an alias being converted has no
//! counterpart in the other script and is left to OpenCC. A name split by a hard line break or
//! the spaces of a letter-spaced headline keeps them: the form replaces its characters one for
//! one.

use std::collections::HashMap;

use crate::entities::{Entity, Mention, Source, normalise};
use crate::script::ScriptProfile;
use crate::text::TextRange;

use super::{Converter, OpenccConfig, ScriptSide};

/// Whether conversion writes the names of the hand-written gazetteers in their gazetteer form
/// (`[convert] names`, `zhnews convert --names`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Names {
    /// A name being converted from the other script takes the gazetteer's form (the default).
    #[default]
    Gazetteer,
    /// Names are converted like any other text: exactly OpenCC's output (protected terms apart).
    Keep,
}

impl Names {
    pub fn name(self) -> &'static str {
        match self {
            Names::Gazetteer => "gazetteer",
            Names::Keep => "keep",
        }
    }

    pub fn from_name(name: &str) -> Option<Names> {
        match name {
            "gazetteer" => Some(Names::Gazetteer),
            "keep" => Some(Names::Keep),
            _ => None,
        }
    }
}

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
/// `text`), for a conversion with `converter`: a mention already in a valid form of the target
/// script keeps its own text, one being converted from the other script takes the gazetteer's
/// form (when it is the entry's name; an alias is left to OpenCC). Sorted, without overlaps
/// (mentions never overlap). None for the Japanese configurations.
pub fn entity_forms(text: &str, mentions: &[Mention], converter: &dyn Converter) -> Vec<Form> {
    let (source, target) = (converter.config().source(), converter.config().target());
    // Regional configurations (t2tw, hk2t…) convert within one script: no name is converted
    // from the other script, so OpenCC has the last word, on text of either script.
    if target == ScriptSide::Japanese || source == ScriptSide::Japanese || source == target {
        return Vec::new();
    }
    // What OpenCC does to text already in a region's script, for the configurations that write
    // a region's standard.
    let regional = match converter.config() {
        OpenccConfig::S2tw | OpenccConfig::S2twp => Some(OpenccConfig::T2tw),
        OpenccConfig::S2hk => Some(OpenccConfig::T2hk),
        _ => None,
    }
    .and_then(|config| super::converter(converter.backend(), config).ok());
    // The same name recurs through an article: convert each spelling once.
    let mut opencc: HashMap<String, String> = HashMap::new();
    mentions
        .iter()
        .filter(|mention| matches!(mention.entity.source, Source::Curated | Source::User | Source::Workspace))
        .filter_map(|mention| {
            let entity = &mention.entity;
            let surface = text.get(mention.range.as_range())?;
            let compact: String = surface.chars().filter(|c| !c.is_whitespace()).collect();
            let converted = opencc
                .entry(compact.clone())
                .or_insert_with(|| converter.convert(&compact).unwrap_or_else(|_| compact.clone()));
            if *converted == compact {
                return Some(Form { range: mention.range, text: surface.to_owned() });
            }
            if already_in_target(&compact, entity, target) {
                // Written in the target script already: it stays, but for the regional variants
                // a region's configuration asks for (臺灣 → 台灣 under s2hk, as t2hk writes it).
                let text = regional
                    .and_then(|regional| regional.convert(&compact).ok())
                    .and_then(|converted| render(surface, &converted))
                    .unwrap_or_else(|| surface.to_owned());
                return Some(Form { range: mention.range, text });
            }
            let name = match target {
                ScriptSide::Traditional => &entity.traditional,
                _ => &entity.simplified,
            };
            // The name itself, not an alias: the same lookup form, character for character.
            if name.is_empty() || normalise(name) != mention.key {
                return None;
            }
            render(surface, name).map(|text| Form { range: mention.range, text })
        })
        .collect()
}

/// `name` written over `surface` character for character, keeping the whitespace inside
/// `surface`; `None` when the two have different numbers of characters.
fn render(surface: &str, name: &str) -> Option<String> {
    let mut letters = name.chars();
    let mut rendered = String::with_capacity(surface.len());
    for c in surface.chars() {
        rendered.push(if c.is_whitespace() { c } else { letters.next()? });
    }
    letters.next().is_none().then_some(rendered)
}

/// True when `name` (a mention without its whitespace) is one of the entity's own spellings in
/// the `target` script: its name in that script, or an alias written with a character only that
/// script uses (臺灣 for Taiwan). An alias of characters both scripts share (小于) says nothing
/// about the script (it may be the words 小於 of a Simplified text), so OpenCC's conversion of
/// the mention decides instead: a mention that OpenCC leaves unchanged is valid too.
pub fn already_in_target(name: &str, entity: &Entity, target: ScriptSide) -> bool {
    let own = match target {
        ScriptSide::Traditional => &entity.traditional,
        ScriptSide::Simplified => &entity.simplified,
        ScriptSide::Japanese => return false,
    };
    if name == own {
        return true;
    }
    let of_target = |alias: &str| {
        let profile = ScriptProfile::of(alias);
        match target {
            ScriptSide::Traditional => profile.traditional_only > 0 && profile.simplified_only == 0,
            _ => profile.simplified_only > 0 && profile.traditional_only == 0,
        }
    };
    entity.aliases.iter().any(|alias| alias == name && of_target(alias))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::convert::{Backend, OpenccConfig, converter};
    use crate::entities::{EntityIndex, Gazetteer};

    /// The forms of the names in `text` for `config`: (as written, as conversion writes it).
    fn forms(text: &str, config: &str) -> Vec<(String, String)> {
        let gazetteer = Gazetteer::from_toml_str(
            "[[entity]]\nid = \"test-person\"\ntype = \"person\"\ntraditional = \"于家範\"\nsimplified = \"于家范\"\naliases = [\"小于\"]\n",
            Source::Workspace,
        )
        .unwrap();
        let index = EntityIndex::with_layers(&[&gazetteer]);
        let analysis = crate::analyse_with(text, &Config::default(), &index);
        let converter = converter(Backend::Embedded, OpenccConfig::from_name(config).unwrap()).unwrap();
        entity_forms(text, analysis.entities(), converter)
            .into_iter()
            .map(|form| (text[form.range.as_range()].to_owned(), form.text))
            .collect()
    }

    fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn names_being_converted_take_the_gazetteer_form_of_the_target_script() {
        let text = "四川省委副書記于立军和于家范在會上發言，傳達習近平總書記的講話精神。";
        // 習近平 is already Traditional: it stays as written.
        assert_eq!(
            forms(text, "s2t"),
            pairs(&[("四川省", "四川省"), ("于立军", "于立軍"), ("于家范", "于家範"), ("習近平", "習近平")])
        );
        let simplified = "四川省委副书记于立軍在会上发言。";
        assert_eq!(forms(simplified, "t2s"), pairs(&[("四川省", "四川省"), ("于立軍", "于立军")]));
        assert_eq!(forms(text, "t2jp"), []);
    }

    #[test]
    fn a_valid_form_of_the_target_script_stays_as_written() {
        // 臺灣 and 台灣 are both Traditional; the curated entry writes 台灣.
        let traditional = "臺灣與台灣是同一個地方，美國和烏克蘭的代表也到場。";
        for config in ["s2t", "s2tw", "s2twp"] {
            assert!(
                forms(traditional, config).iter().all(|(a, b)| a == b),
                "{config}: {:?}",
                forms(traditional, config)
            );
            assert!(forms(traditional, config).iter().any(|(a, _)| a == "臺灣"), "{config}");
        }
        // Hong Kong writes 台: OpenCC's s2hk makes 臺灣 into 台灣, also a name of the entity.
        assert_eq!(forms(traditional, "s2hk")[0], ("臺灣".to_owned(), "台灣".to_owned()));
        assert_eq!(forms(traditional, "s2hk")[1], ("台灣".to_owned(), "台灣".to_owned()));
        // Already Traditional, and OpenCC would make the surname a preposition: as written.
        assert_eq!(forms("四川省委副書記于立軍在會上發言。", "s2t")[1], ("于立軍".to_owned(), "于立軍".to_owned()));
        // The same names in Simplified text are converted from the other script.
        let simplified = "台湾代表与美国和乌克兰的代表会面。";
        assert_eq!(forms(simplified, "s2t"), pairs(&[("台湾", "台灣"), ("美国", "美國"), ("乌克兰", "烏克蘭")]));
        // Simplified text stays Simplified under t2s, and the other way round.
        assert!(forms(simplified, "t2s").iter().all(|(a, b)| a == b));
        assert_eq!(
            forms(traditional, "t2s"),
            pairs(&[("臺灣", "台湾"), ("台灣", "台湾"), ("美國", "美国"), ("烏克蘭", "乌克兰")])
        );
    }

    #[test]
    fn a_configuration_that_reads_the_other_script_changes_no_name() {
        // t2tw and t2hk read Traditional: on Simplified text OpenCC changes nothing, nor do names.
        let simplified = "台湾代表与美国和乌克兰的代表会面。";
        // Nor on Traditional text: regional configurations are OpenCC's alone.
        for config in ["t2tw", "t2hk", "tw2t", "hk2t"] {
            assert_eq!(forms(simplified, config), [], "{config}");
            assert_eq!(forms("臺灣與台灣的代表會面。", config), [], "{config}");
        }
        // s2t on Traditional text: nothing to convert either.
        let traditional = "台灣代表與美國和烏克蘭的代表會面。";
        assert!(forms(traditional, "s2t").iter().all(|(a, b)| a == b));
    }

    #[test]
    fn an_alias_of_shared_characters_is_left_to_opencc() {
        // 小于 could be the words 小於 ("less than") of a Simplified text: no form when OpenCC
        // changes it, and it is not a form of its own script either way.
        let text = "記者小于報道，代表團當天抵達紐約，隨後前往聯合國總部。";
        let found = forms(text, "s2t");
        assert!(found.iter().all(|(surface, _)| surface != "小于"), "{found:?}");
        let entity = Entity {
            id: "t".to_owned(),
            kind: crate::entities::EntityKind::Place,
            traditional: "台灣".to_owned(),
            simplified: "台湾".to_owned(),
            aliases: ["臺灣", "小于"].map(str::to_owned).to_vec(),
            english: String::new(),
            description: String::new(),
            pinyin: String::new(),
            as_of: None,
            source: Source::Curated,
        };
        assert!(already_in_target("臺灣", &entity, ScriptSide::Traditional));
        assert!(!already_in_target("臺灣", &entity, ScriptSide::Simplified));
        assert!(already_in_target("台湾", &entity, ScriptSide::Simplified));
        assert!(!already_in_target("小于", &entity, ScriptSide::Traditional));
    }

    #[test]
    fn hard_line_breaks_inside_a_name_stay() {
        let text = "四川省委副書記于立\n军在會上發言，隨後。";
        assert_eq!(forms(text, "s2t"), pairs(&[("四川省", "四川省"), ("于立\n军", "于立\n軍")]));
    }

    #[test]
    fn cedict_entries_and_guesses_do_not_count() {
        let text = "記者小于報道，代表團當天抵達紐約，隨後前往聯合國總部。";
        let index = EntityIndex::builtin();
        let analysis = crate::analyse_with(text, &Config::default(), index);
        let converter = converter(Backend::Embedded, OpenccConfig::T2s).unwrap();
        for form in entity_forms(text, analysis.entities(), converter) {
            let mention = analysis.entities().iter().find(|m| m.range == form.range).unwrap();
            assert!(mention.entity.source >= Source::Curated, "{mention:?}");
        }
    }
}
