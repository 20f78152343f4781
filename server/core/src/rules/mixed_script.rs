//! ## What it does
//! In a document written predominantly in one script, flags runs of characters that exist only
//! in the other script: Simplified 互动 in a Traditional article, Traditional 發展 in a
//! Simplified one. The quick fix converts just that run (`s2t`, or `s2tw`/`s2hk` when
//! `convert.target` names a region; `t2s` for Simplified documents), writing a name from the
//! curated, user or workspace gazetteer as the gazetteer does (于立军 becomes 于立軍, not 於立軍;
//! with `convert.names = "keep"` the fix is OpenCC's).
//!
//! Characters both scripts write (人, 后, 于, 里) are never flagged, nor are the current
//! Traditional variants listed in `server/data/convert/traditional-variants.txt` (恒), nor the terms in
//! `convert.protected`, nor a name of the curated, user or workspace gazetteer already written in
//! a valid form of the document's script (its name or an alias in that script, or a spelling
//! OpenCC's fix would leave unchanged: 臺灣 and 台灣 alike),
//! nor (with `convert.exempt_quotes`, the default) quoted material that is
//! itself written in the other script.
//!
//! ## Why is this bad?
//! Stray characters of the other script are the trace of a copy-paste from a wire service or a
//! half-finished conversion. Readers notice them; search and text-to-speech may not match them.
//!
//! ## Example
//! ```text
//! 兩國元首見證雙方互动合作。
//! ```
//! Use instead:
//! ```text
//! 兩國元首見證雙方互動合作。
//! ```

use crate::convert::{self, Backend, Names, OpenccConfig, Protected};
use crate::document::Document;
use crate::finding::{Finding, Fix, Severity};
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::script::{CharScript, Script, ScriptProfile, classify};
use crate::text::{TextRange, is_han};

pub const CODE: &str = "mixed-script";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "Characters of the other script in a one-script document",
    default_level: RuleLevel::Warning,
    check,
};

/// Two flagged characters separated by at most this many shared Han characters form one run
/// (发展中国 rather than 发展 and 国).
const MAX_SHARED_GAP: usize = 2;

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let document = context.document;
    let config = &context.config.convert;
    let (foreign, fix_config, foreign_name, script_name) = match document.script() {
        Script::Traditional => (
            CharScript::SimplifiedOnly,
            config.target.map_or(OpenccConfig::S2t, |t| t.from_simplified()),
            "Simplified",
            "Traditional",
        ),
        Script::Simplified => (CharScript::TraditionalOnly, OpenccConfig::T2s, "Traditional", "Simplified"),
        Script::Mixed | Script::Neutral => return Vec::new(),
    };
    let text = document.text();
    let runs = foreign_runs(document, foreign);
    if runs.is_empty() {
        return Vec::new();
    }
    let Ok(converter) = convert::converter(Backend::DEFAULT, fix_config) else {
        return Vec::new();
    };
    // A name being converted takes its gazetteer form; a name already in a valid form of the
    // document's script keeps it (its form is its own text) and is not flagged.
    let forms = match config.names {
        Names::Gazetteer => convert::entity_forms(text, context.entities, converter),
        Names::Keep => Vec::new(),
    };
    let protected = Protected { terms: &config.protected, forms: &forms, ..Protected::NONE };
    let mut exempt = protected.occurrences(text);
    exempt.extend(forms.iter().filter(|form| text.get(form.range.as_range()) == Some(&form.text)).map(|f| f.range));
    if config.exempt_quotes {
        let other = if foreign == CharScript::SimplifiedOnly { Script::Simplified } else { Script::Traditional };
        exempt
            .extend(quotations(text).into_iter().filter(|q| ScriptProfile::of(&text[q.as_range()]).script() == other));
    }
    let mut findings = Vec::new();
    for run in runs {
        if exempt.iter().any(|e| e.start < run.end && run.start < e.end) {
            continue;
        }
        let fix = convert::conversion_edits(converter, text, run, protected)
            .ok()
            .filter(|edits| !edits.is_empty())
            .map(|edits| Fix {
                title: format!("Convert {} to {} ({fix_config})", &text[run.as_range()], fix_config.title()),
                edits,
                safe: true,
            });
        findings.push(Finding {
            rule: CODE,
            severity: Severity::Warning,
            range: run,
            message: format!("{foreign_name} characters {} in a {script_name} document", &text[run.as_range()]),
            related: Vec::new(),
            fix,
        });
    }
    findings
}

/// Characters the OpenCC tables call Simplified-only that Traditional print uses all the same.
fn is_traditional_variant(c: char) -> bool {
    include_str!("../../../data/convert/traditional-variants.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|line| line.starts_with(c))
}

/// Maximal runs of `foreign` characters, joined across short gaps of shared Han characters.
fn foreign_runs(document: &Document, foreign: CharScript) -> Vec<TextRange> {
    let count = |profile: &ScriptProfile| match foreign {
        CharScript::SimplifiedOnly => profile.simplified_only,
        _ => profile.traditional_only,
    };
    // Outside paragraphs there is only whitespace, and a run never crosses a line break: only
    // the paragraphs that hold a character of the other script need looking at.
    let text = document.text();
    let mut runs = Vec::new();
    for paragraph in document.paragraphs().iter().filter(|p| count(&p.profile) > 0) {
        let start = paragraph.range.start;
        runs.extend(
            foreign_runs_in(&text[paragraph.range.as_range()], foreign)
                .into_iter()
                .map(|r| TextRange::new(r.start + start, r.end + start)),
        );
    }
    runs
}

/// [`foreign_runs`] in the text of one paragraph.
fn foreign_runs_in(text: &str, foreign: CharScript) -> Vec<TextRange> {
    let mut runs: Vec<TextRange> = Vec::new();
    // The shared Han characters seen since the last foreign one, if the run may still grow.
    let mut gap: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        match classify(c) {
            CharScript::SimplifiedOnly if foreign == CharScript::SimplifiedOnly && is_traditional_variant(c) => {
                gap = None;
            }
            script if script == foreign => {
                match (runs.last_mut(), gap) {
                    (Some(run), Some(_)) => run.end = end,
                    _ => runs.push(TextRange::new(at, end)),
                }
                gap = Some(0);
            }
            CharScript::Shared if is_han(c) => {
                gap = gap.map(|n| n + 1).filter(|n| *n <= MAX_SHARED_GAP);
            }
            _ => gap = None,
        }
    }
    runs
}

/// The inside of every quotation (「…」, 『…』, “…”, "…"), innermost pairs included.
fn quotations(text: &str) -> Vec<TextRange> {
    const PAIRS: [(char, char); 4] = [('「', '」'), ('『', '』'), ('“', '”'), ('‘', '’')];
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut quotes = Vec::new();
    let mut straight: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if c == '\n' && open.is_empty() {
            straight = None;
        }
        if c == '"' {
            match straight.take() {
                Some(start) => quotes.push(TextRange::new(start, at)),
                None => straight = Some(at + 1),
            }
        } else if let Some((_, close)) = PAIRS.iter().find(|(o, _)| *o == c) {
            open.push((*close, at + c.len_utf8()));
        } else if let Some(index) = open.iter().rposition(|(close, _)| *close == c) {
            quotes.push(TextRange::new(open[index].1, at));
            open.truncate(index);
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use crate::config::Config;
    use crate::finding::apply_edits;
    use crate::script::CharScript;

    fn check_with(config: &str, text: &str, expect: Expect) {
        let config = Config::from_toml_str(config).unwrap();
        let analysis = crate::analyse(text, &config);
        let out: Vec<String> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == super::CODE)
            .map(|f| {
                let fix = f.fix.as_ref().expect("every finding has a fix");
                assert!(fix.safe);
                let fixed = apply_edits(text, &fix.edits).unwrap();
                format!("{}..{} {} | {} | {}", f.range.start, f.range.end, f.message, fix.title, fixed)
            })
            .collect();
        expect.assert_eq(&out.join("\n"));
    }

    fn check(text: &str, expect: Expect) {
        check_with("", text, expect);
    }

    const SIMPLIFIED: &str = "国家主席习近平应邀赴秘鲁出席亚太经合组织领导人非正式会议并进行国事访问。";
    const TRADITIONAL: &str = "國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。";

    #[test]
    fn flags_simplified_runs_in_traditional_text() {
        check(
            &format!("{TRADITIONAL}兩國元首見證雙方互动合作。"),
            expect![
                "135..138 Simplified characters 动 in a Traditional document | Convert 动 to Traditional Chinese (s2t) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。兩國元首見證雙方互動合作。"
            ],
        );
    }

    #[test]
    fn flags_traditional_runs_in_simplified_text_joined_across_shared_characters() {
        check(
            &format!("{SIMPLIFIED}{SIMPLIFIED}推動發展中國家合作。"),
            expect![
                "219..234 Traditional characters 動發展中國 in a Simplified document | Convert 動發展中國 to Simplified Chinese (t2s) | 国家主席习近平应邀赴秘鲁出席亚太经合组织领导人非正式会议并进行国事访问。国家主席习近平应邀赴秘鲁出席亚太经合组织领导人非正式会议并进行国事访问。推动发展中国家合作。"
            ],
        );
    }

    #[test]
    fn names_in_the_gazetteer_take_its_form_in_the_fix() {
        // OpenCC alone would write 會見於立軍: the curated gazetteer says 于立軍.
        check(
            &format!("{TRADITIONAL}{TRADITIONAL}四川省長会见于立军。"),
            expect![
                "228..243 Simplified characters 会见于立军 in a Traditional document | Convert 会见于立军 to Traditional Chinese (s2t) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。四川省長會見于立軍。"
            ],
        );
        // A name the gazetteer writes with a character of the other script is not flagged.
        let gazetteer = crate::entities::Gazetteer::from_toml_str(
            "[[entity]]\nid = \"t\"\ntype = \"org\"\ntraditional = \"华為技術\"\nsimplified = \"华为技术\"\n",
            crate::entities::Source::Workspace,
        )
        .unwrap();
        let index = crate::entities::EntityIndex::with_layers(&[&gazetteer]);
        let text = format!("{TRADITIONAL}{TRADITIONAL}华為技術發布新品。");
        let analysis = crate::analyse_with(&text, &Config::default(), &index);
        assert!(analysis.findings.iter().all(|f| f.rule != super::CODE), "{:?}", analysis.findings);
        // Without the entry, 华 is flagged.
        let analysis = crate::analyse(&text, &Config::default());
        assert!(analysis.findings.iter().any(|f| f.rule == super::CODE), "{:?}", analysis.findings);
    }

    #[test]
    fn names_keep_gives_the_fix_opencc_gives() {
        check_with(
            "[convert]\nnames = \"keep\"\n",
            &format!("{TRADITIONAL}{TRADITIONAL}四川省長会见于立军。"),
            expect![
                "228..243 Simplified characters 会见于立军 in a Traditional document | Convert 会见于立军 to Traditional Chinese (s2t) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。四川省長會見於立軍。"
            ],
        );
    }

    #[test]
    fn valid_traditional_spellings_are_not_touched_by_a_fix() {
        // 臺灣 and 台灣 are both Traditional: a fix next to them changes only the stray run.
        check(
            &format!("{TRADITIONAL}臺灣與台灣互动。"),
            expect![
                "126..129 Simplified characters 动 in a Traditional document | Convert 动 to Traditional Chinese (s2t) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。臺灣與台灣互動。"
            ],
        );
    }

    #[test]
    fn regional_target_picks_the_fix() {
        check_with(
            "[convert]\ntarget = \"tw\"\n",
            &format!("{TRADITIONAL}雙方互动。"),
            expect![
                "117..120 Simplified characters 动 in a Traditional document | Convert 动 to Traditional Chinese, Taiwan standard (s2tw) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。雙方互動。"
            ],
        );
    }

    #[test]
    fn does_not_fire() {
        // Characters both scripts write.
        check(&format!("{TRADITIONAL}此后于里面。"), expect![""]);
        // Current Traditional variants.
        check(&format!("{TRADITIONAL}恒生指數永恒。"), expect![""]);
        // A mixed or neutral document has no majority to hold to.
        check("國家主席 国家主席", expect![""]);
        check("人民日报", expect![""]);
        // Protected terms.
        check_with("[convert]\nprotected = [\"于立军\"]\n", &format!("{TRADITIONAL}據于立军介紹。"), expect![""]);
        // Quoted Simplified material is quoted by design.
        check(&format!("{TRADITIONAL}標語寫着「发展才是硬道理」。"), expect![""]);
        check(&format!("{TRADITIONAL}他說“这是历史性的”。"), expect![""]);
        // Off when configured off.
        check_with("[rules]\nmixed-script = \"off\"\n", &format!("{TRADITIONAL}互动"), expect![""]);
    }

    #[test]
    fn quotes_are_exempt_only_when_asked_and_only_when_foreign() {
        check_with(
            "[convert]\nexempt_quotes = false\n",
            &format!("{TRADITIONAL}「发展」"),
            expect![
                "111..114 Simplified characters 发 in a Traditional document | Convert 发 to Traditional Chinese (s2t) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。「發展」"
            ],
        );
        // A Traditional quotation with one stray Simplified character is not foreign material.
        check(
            &format!("{TRADITIONAL}「兩國互动合作的歷史」"),
            expect![
                "120..123 Simplified characters 动 in a Traditional document | Convert 动 to Traditional Chinese (s2t) | 國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。「兩國互動合作的歷史」"
            ],
        );
    }

    #[test]
    fn quotations_pair_up() {
        let text = "「甲『乙』」\"丙\"“丁";
        let quotes: Vec<&str> = super::quotations(text).iter().map(|q| &text[q.as_range()]).collect();
        assert_eq!(quotes, ["乙", "甲『乙』", "丙"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Looking only at the paragraphs that hold a foreign character finds the runs a scan
        /// of the whole text finds.
        #[test]
        fn runs_by_paragraph_equal_runs_of_the_whole_text(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..80),
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let document = crate::document::Document::new(text.as_str());
            for foreign in [CharScript::SimplifiedOnly, CharScript::TraditionalOnly] {
                proptest::prop_assert_eq!(super::foreign_runs(&document, foreign), super::foreign_runs_in(&text, foreign));
            }
        }
    }

    const PIECES: &[&str] = &[
        "互动", "發展", "国", "國", "的", "人", "恒", "𠮷", "。", "，", "\n", "\r\n", "\n\n", " ", "\u{3000}", "a",
        "#", "「",
    ];
}
