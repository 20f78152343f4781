//! `docs/rules.md` is generated from the rule registry and each rule's doc comment; this test
//! fails when it is stale. Regenerate with `UPDATE_EXPECT=1 cargo test -p zhnews-tests --test rules_docs`.

use std::fmt::Write;

use expect_test::expect_file;
use zhnews_core::config::RuleLevel;
use zhnews_core::rules::{EDITION_RULES, RULES, documentation};

fn level_name(level: RuleLevel) -> &'static str {
    match level {
        RuleLevel::Off => "off",
        RuleLevel::Error => "error",
        RuleLevel::Warning => "warning",
        RuleLevel::Info => "info",
        RuleLevel::Hint => "hint",
    }
}

struct Named<'a> {
    code: &'a str,
    summary: &'a str,
    default_level: RuleLevel,
}

#[test]
fn rules_md_is_up_to_date() {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rule doc comments in server/core/src/rules/ by tests/tests/rules_docs.rs; \
         do not edit. Regenerate: UPDATE_EXPECT=1 cargo test -p zhnews-tests --test rules_docs -->\n\n\
         Set a rule's level, or turn it off, in `zhnews.toml`:\n\n```toml\n[rules]\nfigure-conflict = \"info\"\nsum-mismatch = \"off\"\n```\n\n",
    );
    // The single-document rules, then those that compare two editions (docs/editions.md).
    let rules: Vec<(&str, &str, RuleLevel)> = RULES
        .iter()
        .map(|rule| (rule.code, rule.summary, rule.default_level))
        .chain(EDITION_RULES.iter().map(|rule| (rule.code, rule.summary, rule.default_level)))
        .collect();
    for (code, summary, _) in &rules {
        let _ = writeln!(out, "- [`{code}`](#{code}): {summary}");
    }
    for &(code, summary, default_level) in &rules {
        let rule = Named { code, summary, default_level };
        let doc = documentation(rule.code).unwrap_or_else(|| panic!("rule {} has no doc comment", rule.code));
        assert!(
            doc.contains("What it does") && doc.contains("Why is this bad?") && doc.contains("Example"),
            "the doc comment of {} needs What it does / Why is this bad? / Example",
            rule.code
        );
        // Rule docs use `##` headings; nest them under the rule's own heading (not the `#` lines
        // of example articles inside code fences).
        let mut in_fence = false;
        let doc: Vec<String> = doc
            .lines()
            .map(|line| {
                if line.starts_with("```") {
                    in_fence = !in_fence;
                }
                if line.starts_with('#') && !in_fence { format!("#{line}") } else { line.to_owned() }
            })
            .collect();
        let _ = write!(
            out,
            "\n## {}\n\n{}. Default level: `{}`.\n\n{}\n",
            rule.code,
            rule.summary,
            level_name(rule.default_level),
            doc.join("\n").trim_end()
        );
    }
    expect_file!["../../docs/rules.md"].assert_eq(&out);
}
