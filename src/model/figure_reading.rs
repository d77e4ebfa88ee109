//! A figure in one line for lists and previews: its value or range and how many reports
//! give it ("800,000 troops · 2 reports", "5,000–10,000 troops · 3 reports · sources
//! disagree"), read from the numbers the sources' values were resolved to.

use crate::model::dossier::Figure;
use crate::model::messages::Messages;

impl Figure {
    /// The value or range, with the unit: "800,000 troops", "20–30%". When no row has a
    /// number, the first row's words as the source wrote them; None with no rows.
    pub fn value_text(&self, msg: &Messages) -> Option<String> {
        let mut numbers: Vec<f64> = self.values.iter().filter_map(|v| v.number).filter(|n| n.is_finite()).collect();
        numbers.sort_by(f64::total_cmp);
        let (Some(&low), Some(&high)) = (numbers.first(), numbers.last()) else {
            return self.values.first().map(|v| v.value.clone());
        };
        let number = |x: f64| localised(msg, x);
        let shown = if low == high { number(low) } else { format!("{}–{}", number(low), number(high)) };
        Some(match self.unit.as_deref().map(str::trim) {
            Some("%" | "percent" | "per cent") => format!("{shown}%"),
            Some(unit) if !unit.is_empty() => format!("{shown} {unit}"),
            _ => shown,
        })
    }

    /// The value text, the count of reports and whether they disagree, joined by " · ".
    pub fn reading(&self, msg: &Messages) -> String {
        let n = self.values.len();
        let mut parts: Vec<String> = self.value_text(msg).into_iter().collect();
        parts.push(msg.count("figure-reports", n));
        if self.disagree {
            parts.push(msg.get("figure-disagree"));
        }
        parts.join(" · ")
    }
}

/// `number` in the dossier's language: its separators (`800 000`, `2,5`) and its words
/// for millions and billions.
fn localised(msg: &Messages, x: f64) -> String {
    let (group, decimal) = msg.separators();
    let english = number(x);
    let (digits, word) = match english.split_once(' ') {
        Some((d, "billion")) => (d, Some("figure-billion")),
        Some((d, "million")) => (d, Some("figure-million")),
        _ => (english.as_str(), None),
    };
    let digits: String = digits
        .chars()
        .map(|c| match c {
            ',' => group.to_string(),
            '.' => decimal.to_string(),
            c => c.to_string(),
        })
        .collect();
    match word {
        Some(key) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("n", digits);
            msg.text(key, Some(&args))
        }
        None => digits,
    }
}

/// A number as a reader writes it: "800,000", "8 billion", "2.5 million", "0.75".
fn number(x: f64) -> String {
    let (scaled, word) = match x.abs() {
        a if a >= 1e9 => (x / 1e9, " billion"),
        a if a >= 1e7 => (x / 1e6, " million"),
        _ => (x, ""),
    };
    // At most two decimals, trailing zeros dropped.
    let text = format!("{scaled:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (whole, frac) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{}{word}", frac.map(|f| format!(".{f}")).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn numbers_read_as_written_by_hand() {
        assert_eq!(number(800_000.0), "800,000");
        assert_eq!(number(8e9), "8 billion");
        assert_eq!(number(2.5e7), "25 million");
        assert_eq!(number(1_500_000.0), "1,500,000");
        assert_eq!(number(0.75), "0.75");
        assert_eq!(number(42.0), "42");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(100.0), "100");
    }
}
