//! Dates that may be approximate: `2026-01-04`, `2026-01`, `2026`, each optionally
//! prefixed with `~`. Sources often give no exact date, and the dossier must say so
//! rather than invent one.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Written with a leading `~`: the source gives no exact date.
    pub approximate: bool,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let raw = text.trim();
        let (approximate, rest) = match raw.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let bad =
            || format!("`{raw}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ if approximate");
        let parts: Vec<&str> = rest.split('-').collect();
        if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
            return Err(bad());
        }
        let num = |s: &str, len: usize| -> Option<u16> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        let year = num(parts[0], 4).ok_or_else(bad)?;
        let month = match parts.get(1) {
            Some(m) => Some(num(m, 2).filter(|m| (1..=12).contains(m)).ok_or_else(bad)? as u8),
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => {
                let d = num(d, 2).ok_or_else(bad)? as u8;
                if d == 0 || d > days_in_month(year, m) {
                    return Err(format!("`{raw}` is not a day of the calendar"));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day, approximate })
    }

    /// Machine form, as written in content: `~2026-01`.
    pub fn iso(&self) -> String {
        let mut s = String::new();
        if self.approximate {
            s.push('~');
        }
        s.push_str(&format!("{:04}", self.year));
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(d) = self.day {
            s.push_str(&format!("-{d:02}"));
        }
        s
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> PartialDate {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        PartialDate { year, month: Some(month), day: Some(day), approximate: false }
    }

    /// RFC 3339 timestamp at the start of the date's period (for Atom and sitemaps).
    pub fn rfc3339(&self) -> String {
        format!("{:04}-{:02}-{:02}T00:00:00Z", self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Reader's form: `4 January 2026`, `January 2026`, `c. January 2026`.
    pub fn human(&self) -> String {
        let mut s = String::new();
        if self.approximate {
            s.push_str("c. ");
        }
        if let Some(d) = self.day {
            s.push_str(&format!("{d} "));
        }
        if let Some(m) = self.month {
            s.push_str(MONTHS[usize::from(m) - 1]);
            s.push(' ');
        }
        s.push_str(&self.year.to_string());
        s
    }

    /// Whether this date certainly or possibly falls after `other` (used by the review
    /// queue: a source dated "2026-01" is newer than a review on 2025-12-31).
    fn key(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key()).then(self.approximate.cmp(&other.approximate))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor (not an intermediate Value) keeps serde_yaml's position on errors.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2026-01-07, 2026-01 or ~2026")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).map_err(E::custom)
            }
            // YAML reads a bare `2026` as a number.
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                PartialDate::parse(&v.to_string()).map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The schema says what `PartialDate::parse` accepts: a string of a year, year-month or
/// full date with an optional leading `~`, or a bare four-digit year (which YAML reads as
/// a number). Only the calendar check (no 30 February) is left to the loader.
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date: YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ if approximate (quote it then: \"~2026-01\").",
            "anyOf": [
                { "type": "string", "pattern": DATE_PATTERN },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ]
        })
    }
}

/// A date as text, exactly as `PartialDate::parse` reads it (surrounding spaces ignored):
/// a year, a year and month, or a day of the Gregorian calendar, with an optional `~`.
/// The calendar is spelt out so that the schema, too, refuses 30 February and 29
/// February outside leap years (every 4th year, except centuries not divisible by 400).
pub const DATE_PATTERN: &str = concat!(
    "^\\s*~?(",
    "[0-9]{4}(-(0[1-9]|1[0-2]))?",
    "|[0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])",
    "|[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)",
    "|[0-9]{4}-02-(0[1-9]|1[0-9]|2[0-8])",
    "|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29",
    ")\\s*$"
);

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_and_approximate_dates() {
        let d = PartialDate::parse("~2026-01").unwrap();
        assert_eq!((d.year, d.month, d.day, d.approximate), (2026, Some(1), None, true));
        assert_eq!(d.human(), "c. January 2026");
        assert_eq!(PartialDate::parse("2025-12-14").unwrap().human(), "14 December 2025");
        assert_eq!(PartialDate::parse("2024-02-29").unwrap().iso(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2025-02-29", "2026-13", "26-01-01", "2026-1-1", "tomorrow", ""] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn today_is_a_real_date() {
        let t = PartialDate::today();
        assert!(t.year >= 2024 && PartialDate::parse(&t.iso()).is_ok(), "{t}");
    }

    #[test]
    fn orders_by_calendar() {
        let a = PartialDate::parse("2025-12-31").unwrap();
        let b = PartialDate::parse("~2026-01").unwrap();
        assert!(a < b);
    }
}
