//! The scores as a table for people (and, with `--details`, every miss) or as JSON.

use std::fmt::Write;

use crate::{GROUPS, Scores, entities, figures, group_name, ratio};

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 { "—".to_owned() } else { format!("{:.0}%", 100.0 * ratio(part, whole)) }
}

pub fn table(scores: &Scores, details: bool) -> String {
    let mut out = String::new();
    let files: Vec<String> = scores.files.iter().map(|(script, n)| format!("{n} {script}")).collect();
    let _ = writeln!(out, "zhnews accuracy on {} ({} files)\n", scores.folder, files.join(", "));

    let _ = writeln!(out, "Outline         headings  found  extra  recall  precision  levels");
    for group in GROUPS {
        let c = scores.summary(group).outline;
        let _ = writeln!(
            out,
            "  {:<12} {:>9} {:>6} {:>6} {:>7} {:>10} {:>7}",
            group_name(group),
            c.headings,
            c.found,
            c.extra,
            pct(c.found, c.headings),
            pct(c.found, c.found + c.extra),
            pct(c.levels_right, c.found)
        );
    }
    let mut worst: Vec<_> = scores.outline.iter().filter(|f| !f.missed.is_empty() || !f.extra.is_empty()).collect();
    worst.sort_by_key(|f| std::cmp::Reverse(f.missed.len() + f.extra.len()));
    if !worst.is_empty() {
        let _ = writeln!(out, "  worst files (missed + extra):");
        for f in worst.iter().take(5) {
            let _ = writeln!(out, "    {:>2} + {:<2} {}", f.missed.len(), f.extra.len(), f.file);
        }
    }

    let _ = writeln!(out, "\nEntities: first mention hovered / English right (count)");
    let _ = writeln!(out, "                {:<20}{:<20}{:<20}{:<20}spurious hovers", "person", "place", "org", "all");
    for group in GROUPS {
        let s = scores.summary(group);
        let mut line = format!("  {:<12}  ", group_name(group));
        let cell = |c: &entities::Counts| {
            format!("{} / {} ({})", pct(c.hovered, c.entities), pct(c.english_right, c.entities), c.entities)
        };
        for kind in entities::KINDS {
            line.push_str(&format!("{:<20}", cell(&s.entities.get(kind).cloned().unwrap_or_default())));
        }
        line.push_str(&format!("{:<20}", cell(&s.entities_all())));
        line.push_str(&format!(
            "{:.1}% of {}",
            100.0 * ratio(s.spurious.total(), s.spurious.positions),
            s.spurious.positions
        ));
        let _ = writeln!(out, "{line}");
    }
    let misses = |why: &str| scores.entities.iter().flat_map(|f| &f.misses).filter(|m| m.why == why).count();
    let _ = writeln!(out, "  misses: {} no hover, {} wrong English", misses("no hover"), misses("wrong English"));

    let _ = writeln!(out, "\nFigures        injected found  false positives  real findings found  traps fired");
    for group in GROUPS {
        let s = scores.summary(group);
        let _ = writeln!(
            out,
            "  {:<12} {:>7} of {:<5} {:>4} on {:<3} files {:>8} of {:<9} {:>3} of {}",
            group_name(group),
            s.injected_found,
            s.injected,
            s.false_positives,
            s.clean_files,
            s.expected_found,
            s.expected_findings,
            s.traps_fired,
            s.traps
        );
    }
    let by_code = figures::recall_by_code(scores.injected.iter());
    let codes: Vec<String> = by_code.iter().map(|(code, (f, n))| format!("{code} {f}/{n}")).collect();
    let _ = writeln!(out, "  injected by rule: {}", codes.join(", "));
    for result in scores.injected.iter().filter(|r| !r.found) {
        let _ = writeln!(out, "  missed injected {} {}:{} ({})", result.code, result.file, result.line, result.edit);
    }
    for file in &scores.clean {
        for r in &file.false_positives {
            let _ = writeln!(out, "  false positive {} {}:{}: {}", r.code, file.file, r.first_line, r.message);
        }
        for m in &file.missed {
            let _ = writeln!(out, "  missed finding {}: {m}", file.file);
        }
    }

    if details {
        let _ = writeln!(out, "\nOutline details");
        for f in &scores.outline {
            for m in &f.missed {
                let _ = writeln!(out, "  missed   {}:{m}", f.file);
            }
            for m in &f.extra {
                let _ = writeln!(out, "  extra    {}:{m}", f.file);
            }
            for m in &f.wrong_level {
                let _ = writeln!(out, "  level    {}:{m}", f.file);
            }
        }
        let _ = writeln!(out, "\nEntity misses");
        for why in ["no hover", "wrong English"] {
            for kind in entities::KINDS {
                for m in scores.entities.iter().flat_map(|f| &f.misses).filter(|m| m.why == why && m.kind == kind) {
                    let _ = writeln!(
                        out,
                        "  {why:<13} {kind:<6} {} ({}) {}:{}{}",
                        m.surface,
                        m.english,
                        m.file,
                        m.line,
                        if m.hover.is_empty() { String::new() } else { format!("  hover: {}", m.hover) }
                    );
                }
            }
        }
        let _ = writeln!(out, "\nSpurious hovers");
        for f in &scores.entities {
            for example in &f.spurious_examples {
                let _ = writeln!(out, "  {}:{example}", f.file);
            }
        }
        let _ = writeln!(out, "\nOther reports on injected copies");
        for r in &scores.injected {
            for other in &r.other_reports {
                let _ = writeln!(out, "  {} {}:{}: {}", other.code, r.file, other.first_line, other.message);
            }
        }
    }
    if !scores.key_problems.is_empty() {
        let _ = writeln!(out, "\nKeys set aside or not matching the text");
        for problem in &scores.key_problems {
            let _ = writeln!(out, "  {problem}");
        }
    }
    let times: Vec<String> = scores.timings_ms.iter().map(|(part, ms)| format!("{part} {ms} ms")).collect();
    let _ = writeln!(out, "\nWall time: {}", times.join(", "));
    out
}

/// The whole result as JSON: the summary per script, the gated metrics and every file's
/// details.
pub fn json(scores: &Scores) -> serde_json::Value {
    let summaries: serde_json::Map<String, serde_json::Value> = GROUPS
        .iter()
        .map(|&g| (group_name(g).to_lowercase(), serde_json::to_value(scores.summary(g)).unwrap_or_default()))
        .collect();
    let metrics: serde_json::Map<String, serde_json::Value> =
        scores.metrics().into_iter().map(|(name, value, _)| (name, serde_json::json!(value))).collect();
    serde_json::json!({
        "summary": summaries,
        "metrics": metrics,
        "details": scores,
    })
}
