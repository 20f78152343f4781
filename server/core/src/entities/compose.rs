//! Organisations named by their parts: a known place and the office after it (法國政府 is the
//! Government of France, 智利外交部 the Ministry of Foreign Affairs of Chile). No gazetteer can
//! list every country's every ministry, but each part is known: the place from the gazetteers,
//! the office from [`OFFICES`].

use std::sync::Arc;

use crate::entities::{Entity, EntityKind, Source};
use crate::text::TextRange;

/// Offices that follow a place name, in the lookup (Simplified) form, with the English of the
/// whole (`{}` is the place's English name). Longer offices first, so 市政府 wins over 政府.
/// All but [`LOCAL_OFFICES`] are a country's: after a city (利馬總統府 is the presidential
/// palace in Lima) they are not composed.
const OFFICES: &[(&str, &str)] = &[
    ("驻华大使馆", "Embassy of {} in China"),
    ("总领事馆", "Consulate General of {}"),
    ("大使馆", "Embassy of {}"),
    ("领事馆", "Consulate of {}"),
    ("外交部", "Ministry of Foreign Affairs of {}"),
    ("国防部", "Ministry of Defence of {}"),
    ("内政部", "Ministry of the Interior of {}"),
    ("财政部", "Ministry of Finance of {}"),
    ("卫生部", "Ministry of Health of {}"),
    ("司法部", "Ministry of Justice of {}"),
    ("总统府", "Presidential Office of {}"),
    ("市政府", "{} City Government"),
    ("州政府", "{} State Government"),
    ("政府", "Government of {}"),
    ("中央银行", "Central Bank of {}"),
    ("央行", "Central Bank of {}"),
    ("议会", "Parliament of {}"),
    ("国会", "Parliament of {}"),
];

/// The offices a city has too.
const LOCAL_OFFICES: &[&str] = &["市政府", "州政府", "政府", "议会"];

/// True for a place whose gloss says it is a city ("Capital of Peru", "Chengdu subprovincial
/// city…").
fn is_city(place: &Entity) -> bool {
    let gloss = format!("{} {}", place.english, place.description).to_lowercase();
    gloss.contains("capital of") || gloss.contains("city")
}

/// The names of a lookup text with every known place that an office follows joined with it
/// into one organisation. `names` are the resolved names in text order (`None` for a word of
/// an `ignore` list); a name inside the office (外交部 after 智利) is replaced by the whole.
pub fn compose(text: &str, names: Vec<(TextRange, Option<Arc<Entity>>)>) -> Vec<(TextRange, Option<Arc<Entity>>)> {
    let mut out: Vec<(TextRange, Option<Arc<Entity>>)> = Vec::with_capacity(names.len());
    let mut skip_until = 0;
    for (index, (range, entity)) in names.iter().enumerate() {
        if range.start < skip_until {
            continue;
        }
        let composed = entity
            .as_ref()
            .filter(|place| place.kind == EntityKind::Place && !place.english.is_empty())
            .and_then(|place| {
                let (office, english) = OFFICES.iter().find(|(office, _)| text[range.end..].starts_with(office))?;
                if is_city(place) && !LOCAL_OFFICES.contains(office) {
                    return None;
                }
                let end = range.end + office.len();
                // A later name that starts inside the office must end inside it too (外交部 in
                // 智利外交部 does; a name across its end means the office is not a word here).
                let crosses = names[index + 1..].iter().any(|(other, _)| other.start < end && other.end > end);
                (!crosses).then(|| (end, organisation(&text[range.start..end], place, office, english)))
            });
        match composed {
            Some((end, organisation)) => {
                out.push((TextRange::new(range.start, end), Some(Arc::new(organisation))));
                skip_until = end;
            }
            None => out.push((*range, entity.clone())),
        }
    }
    out
}

fn organisation(key: &str, place: &Entity, office: &str, english: &str) -> Entity {
    Entity {
        id: format!("composed:{key}"),
        kind: EntityKind::Organisation,
        traditional: key.to_owned(),
        simplified: key.to_owned(),
        aliases: Vec::new(),
        english: english.replace("{}", &with_article(&place.english)),
        description: format!("{} ({}) + {office}", place.english, place.simplified),
        pinyin: String::new(),
        as_of: None,
        source: Source::Composed,
    }
}

/// "the United States", "the Philippines": the names English writes with an article after "of".
fn with_article(name: &str) -> String {
    let needs = ["United ", "Republic", "Kingdom", "Netherlands", "Philippines", "Bahamas"];
    if needs.iter().any(|word| name.contains(word)) { format!("the {name}") } else { name.to_owned() }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use crate::document::Document;
    use crate::entities::{EntityIndex, Options, recognise};

    fn check(text: &str, expect: Expect) {
        let mentions = recognise(&Document::new(text), EntityIndex::builtin(), Options::NONE);
        let shown: Vec<String> = mentions
            .iter()
            .map(|m| format!("{}={} ({})", &text[m.range.as_range()], m.entity.english, m.entity.id))
            .collect();
        expect.assert_eq(&shown.join("\n"));
    }

    #[test]
    fn a_place_and_an_office_make_an_organisation() {
        check(
            "法國政府表示，智利外交部發表聲明，美國駐華大使館",
            expect![[r#"
                法國政府=Government of France (composed:法国政府)
                智利外交部=Ministry of Foreign Affairs of Chile (composed:智利外交部)
                美國駐華大使館=Embassy of the United States in China (composed:美国驻华大使馆)"#]],
        );
    }

    #[test]
    fn a_city_has_a_government_but_no_presidential_office() {
        check(
            "博魯阿爾特在利馬總統府出席，利馬市政府",
            expect![[r#"
                博魯阿爾特=Dina Boluarte (dina-boluarte)
                利馬=Lima (lima)
                利馬市政府=Lima City Government (composed:利马市政府)"#]],
        );
    }

    #[test]
    fn an_office_without_a_place_before_it_is_itself() {
        check(
            "外交部發言人在北京表示",
            expect![[r#"
            外交部=Ministry of Foreign Affairs of the PRC (mfa)
            北京=Beijing (beijing)"#]],
        );
    }
}
