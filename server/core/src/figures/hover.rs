//! Hover on a figure: its normalised value (`4萬公里` → 40,000 km; `第三十一次` → 31st; a
//! date → ISO date and weekday; a date range → its length in days, inclusive).

use crate::hover_info::HoverInfo;

use super::{Approx, DateMention, Figures, Quantity, QuantityKind, Weekday, YearSource};

/// The hover for figures at `offset` (a provider in [`crate::hover`]).
pub fn hover(figures: &Figures, offset: usize) -> Option<HoverInfo> {
    if let Some(date) = figures.dates.iter().find(|d| d.span.range.touches(offset)) {
        return date_hover(date).map(|markdown| HoverInfo { range: date.span.range, markdown });
    }
    let quantity = figures.quantities.iter().find(|q| q.span.range.touches(offset))?;
    Some(HoverInfo { range: quantity.span.range, markdown: quantity_hover(quantity) })
}

/// Groups digits by thousands: 40000 → `40,000`; decimals keep up to two places.
pub fn group_thousands(value: f64) -> String {
    if !value.is_finite() {
        return "∞".to_owned();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let whole = rounded.trunc() as i128;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    let fraction = (rounded - rounded.trunc()).abs();
    if fraction > 0.0 {
        let text = format!("{fraction:.2}");
        out.push_str(text.trim_start_matches('0').trim_end_matches('0'));
    }
    out
}

fn ordinal_suffix(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// English for the units that have a plain one; others are shown as written.
fn english_unit(unit_key: &str) -> Option<(&'static str, f64)> {
    Some(match unit_key {
        "公里" | "千米" => ("km", 1.0),
        "米" => ("m", 1.0),
        "公斤" => ("kg", 1.0),
        "吨" | "噸" => ("t", 1.0),
        "天" => ("days", 1.0),
        "年" => ("years", 1.0),
        "个月" => ("months", 1.0),
        "小时" => ("hours", 1.0),
        "%" | "％" => ("%", 1.0),
        "亿美元" => ("US$", 1e8),
        "万美元" => ("US$", 1e4),
        "美元" => ("US$", 1.0),
        "亿元" => ("yuan", 1e8),
        "万元" => ("yuan", 1e4),
        "元" => ("yuan", 1.0),
        _ => return None,
    })
}

fn quantity_hover(q: &Quantity) -> String {
    if q.kind == QuantityKind::Ordinal {
        let n = q.integer().unwrap_or(0);
        return format!(
            "**{n}{}** (ordinal{})",
            ordinal_suffix(n),
            if q.unit.is_empty() { String::new() } else { format!(", {}", q.unit) }
        );
    }
    let (unit, scale) = english_unit(&q.unit_key).unwrap_or(("", 1.0));
    let unit = if unit.is_empty() { q.unit.as_str() } else { unit };
    let show = |v: f64| {
        let v = group_thousands(v * scale);
        match unit {
            "US$" => format!("US${v}"),
            "%" => format!("{v}%"),
            "" => v,
            _ => format!("{v} {unit}"),
        }
    };
    let value = if q.is_range {
        format!("{} to {}", show(q.low), show(q.high))
    } else {
        match q.approx {
            None => show(q.value),
            Some(Approx::More) => format!("more than {} (below {})", show(q.low), show(q.high.ceil())),
            Some(Approx::Over) => format!("more than {}", show(q.value)),
            Some(Approx::Nearly) => format!("nearly {}", show(q.value)),
            Some(Approx::About) => format!("about {}", show(q.value)),
            Some(Approx::Order) => format!("on the order of {}", show(q.value)),
        }
    };
    let kind = match q.kind {
        QuantityKind::Fraction => " (fraction, as a percentage)",
        QuantityKind::PercentPoint => " (percentage points)",
        _ => "",
    };
    format!("**{value}**{kind}")
}

fn date_hover(d: &DateMention) -> Option<String> {
    let describe = |part: &super::DatePart| -> Option<String> {
        let year_note = match part.year_source {
            Some(YearSource::Written) | None => "",
            Some(YearSource::Relative(_)) => " (relative year)",
            Some(YearSource::Reference) => " (year from the document's date)",
        };
        match (part.date(), part.year, part.month) {
            (Some(date), _, _) => Some(format!("{date} ({}){year_note}", Weekday::of(date).english())),
            (None, Some(year), Some(month)) => Some(format!("{year}-{month:02}{year_note}")),
            (None, Some(year), None) => Some(format!("{year}{year_note}")),
            _ => None,
        }
    };
    let start = describe(&d.start)?;
    match (&d.end, d.range()) {
        (Some(_), Some(range)) => {
            let days = range.inclusive_days()?;
            Some(format!("**{start} to {}**: {days} days, counting both ends", describe(d.end.as_ref()?)?))
        }
        (Some(end), None) => Some(format!("**{start} to {}**", describe(end)?)),
        (None, _) => Some(format!("**{start}**")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, analyse};

    fn hover_at(text: &str, needle: &str) -> Option<String> {
        let analysis = analyse(text, &Config::default());
        let offset = text.find(needle)? + needle.len() / 2 / 3 * 3;
        crate::hover::hover(&analysis, offset).map(|h| format!("{} → {}", &text[h.range.as_range()], h.markdown))
    }

    #[test]
    fn figures_show_their_values() {
        let text = "2024年11月13日至23日，主席出訪。行程逾4萬公里，出席第三十一次會議，11月16日（六）會見，簽署60多項文件，金額1.8億美元。";
        assert_eq!(hover_at(text, "4萬").as_deref(), Some("逾4萬公里 → **more than 40,000 km**"));
        assert_eq!(hover_at(text, "三十一").as_deref(), Some("第三十一次 → **31st** (ordinal, 次)"));
        assert_eq!(
            hover_at(text, "13日至").as_deref(),
            Some(
                "2024年11月13日至23日 → **2024-11-13 (Wednesday) to 2024-11-23 (Saturday)**: 11 days, counting both ends"
            )
        );
        assert_eq!(
            hover_at(text, "11月16日").as_deref(),
            Some("11月16日 → **2024-11-16 (Saturday) (year from the document's date)**")
        );
        assert_eq!(hover_at(text, "60多").as_deref(), Some("60多項 → **more than 60 項 (below 70 項)**"));
        assert_eq!(hover_at(text, "1.8").as_deref(), Some("1.8億美元 → **US$180,000,000**"));
        assert_eq!(hover_at(text, "主席"), None);
        assert_eq!(group_thousands(1234567.5), "1,234,567.5");
    }
}
