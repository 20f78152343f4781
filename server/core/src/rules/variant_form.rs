//! ## What it does
//! Off by default. In a Traditional document, flags the characters that differ from the regional
//! standard set in `convert.target` (`"tw"`, `"hk"` or `"opencc"`): 裏 where Taiwan writes 裡,
//! 着 where Taiwan writes 著, 臺 where Hong Kong writes 台. The fix converts the character with
//! OpenCC's `t2tw`, `t2hk` or `tw2t`. Terms in `convert.protected` are left alone.
//!
//! ## Why is this bad?
//! A newsroom publishes to one standard. A story assembled from a Taiwan wire and a Hong Kong
//! desk mixes 台灣 and 臺灣, 裏 and 裡, and reads as careless.
//!
//! ## Example
//! With `target = "tw"`:
//! ```text
//! 會議在臺北舉行，會場裏座無虛席。
//! ```
//! Use instead:
//! ```text
//! 會議在臺北舉行，會場裡座無虛席。
//! ```

use crate::convert::{self, Backend, Protected};
use crate::finding::{Finding, Fix, Severity};
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::script::Script;
use crate::text::TextRange;

pub const CODE: &str = "variant-form";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "Characters outside the regional standard set in convert.target",
    default_level: RuleLevel::Off,
    check,
};

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let document = context.document;
    let config = &context.config.convert;
    let Some(target) = config.target else {
        return Vec::new();
    };
    if document.script() != Script::Traditional {
        return Vec::new();
    }
    let opencc = target.from_traditional();
    let Ok(converter) = convert::converter(Backend::DEFAULT, opencc) else {
        return Vec::new();
    };
    let text = document.text();
    let protected = Protected { terms: &config.protected, ..Protected::NONE };
    let Ok(edits) = convert::conversion_edits(converter, text, TextRange::new(0, text.len()), protected) else {
        return Vec::new();
    };
    edits
        .into_iter()
        .map(|edit| {
            let original = &text[edit.range.as_range()];
            Finding {
                rule: CODE,
                severity: Severity::Info,
                range: edit.range,
                message: format!(
                    "{original} is not the {} form: {} writes {}",
                    target.name(),
                    target.name(),
                    edit.replacement
                ),
                related: Vec::new(),
                fix: Some(Fix {
                    title: format!("Write {} ({opencc})", edit.replacement),
                    edits: vec![edit],
                    safe: false,
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use crate::config::Config;
    use crate::finding::apply_edits;

    fn check(config: &str, text: &str, expect: Expect) {
        let config = Config::from_toml_str(config).unwrap();
        let analysis = crate::analyse(text, &config);
        let out: Vec<String> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == super::CODE)
            .map(|f| {
                let fix = f.fix.as_ref().expect("every finding has a fix");
                format!("{} | {} | {}", f.message, fix.title, apply_edits(text, &fix.edits).unwrap())
            })
            .collect();
        expect.assert_eq(&out.join("\n"));
    }

    const ON: &str = "[rules]\nvariant-form = \"info\"\n[convert]\n";

    #[test]
    fn flags_forms_outside_the_target_standard() {
        check(
            &format!("{ON}target = \"tw\""),
            "會議在臺北舉行，會場裏座無虛席。",
            expect!["裏 is not the Taiwan form: Taiwan writes 裡 | Write 裡 (t2tw) | 會議在臺北舉行，會場裡座無虛席。"],
        );
        check(
            &format!("{ON}target = \"hk\""),
            "會議在臺北舉行，會場裏座無虛席。",
            expect![
                "臺 is not the Hong Kong form: Hong Kong writes 台 | Write 台 (t2hk) | 會議在台北舉行，會場裏座無虛席。"
            ],
        );
        check(
            &format!("{ON}target = \"opencc\""),
            "會議在台北舉行，會場裡座無虛席。",
            expect![
                "裡 is not the OpenCC standard form: OpenCC standard writes 裏 | Write 裏 (tw2t) | 會議在台北舉行，會場裏座無虛席。"
            ],
        );
    }

    #[test]
    fn does_not_fire() {
        // Off by default.
        check("[convert]\ntarget = \"tw\"", "會場裏座無虛席。", expect![""]);
        // Already in the standard.
        check(&format!("{ON}target = \"tw\""), "會場裡座無虛席。", expect![""]);
        // Simplified documents are mixed-script's business.
        check(&format!("{ON}target = \"tw\""), "会场里座无虚席。", expect![""]);
        // Protected terms.
        check(&format!("{ON}target = \"tw\"\nprotected = [\"裏約\"]"), "會議在裏約舉行。", expect![""]);
    }
}
