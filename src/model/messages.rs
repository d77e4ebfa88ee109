//! The words of the interface in the dossier's language: one Fluent catalogue per
//! language (`themes/default/i18n/<lang>.ftl`, built in for English, Ukrainian, French and
//! German), which a dossier may extend or override with `i18n/<language>.ftl` in its
//! root. Plurals follow CLDR's rules through Fluent (`one`, `few`, `many`, `other`);
//! dates are put together from messages (month names, order); numbers the site formats
//! get the language's group separator. A message the language lacks comes from English.

use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::model::date::PartialDate;

type Bundle = FluentBundle<FluentResource>;

/// The catalogues the binary carries, by primary language subtag.
const BUILT_IN: [(&str, &str); 4] = [
    ("en", include_str!("../../themes/default/i18n/en.ftl")),
    ("uk", include_str!("../../themes/default/i18n/uk.ftl")),
    ("fr", include_str!("../../themes/default/i18n/fr.ftl")),
    ("de", include_str!("../../themes/default/i18n/de.ftl")),
];

/// Every message of the interface in one language, with English behind it.
pub struct Messages {
    language: String,
    /// The language's own messages (built in and the dossier's file), if it has any.
    own: Option<Bundle>,
    english: Bundle,
    /// Whether the language has a built-in catalogue.
    built_in: bool,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages").field("language", &self.language).finish_non_exhaustive()
    }
}

impl Default for Messages {
    fn default() -> Messages {
        Messages::new("en", None).0
    }
}

fn built_in(primary: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(lang, _)| *lang == primary).map(|(_, text)| *text)
}

fn bundle(lang: &LanguageIdentifier) -> Bundle {
    let mut b = Bundle::new_concurrent(vec![lang.clone()]);
    // No Unicode isolation marks around arguments: pages set `dir` themselves.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang.language.as_str() {
        "en" => |v, _| group(v, ","),
        "uk" => |v, _| group(v, "\u{a0}"),
        "fr" => |v, _| group(v, "\u{202f}"),
        "de" => |v, _| group(v, "."),
        _ => |_, _| None,
    }));
    b
}

/// A whole number of four digits or more with the language's group separator
/// (`12,500`, `12 500`, `12.500`); other values as Fluent writes them.
fn group(value: &FluentValue, sep: &str) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    if n.value.fract() != 0.0 || n.value.abs() < 1000.0 || n.value.abs() > 1e15 {
        return None;
    }
    let digits = format!("{}", n.value.abs() as u64);
    let mut out = String::from(if n.value < 0.0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    Some(out)
}

/// A catalogue's text as a resource, or its syntax errors at `path:line:col`.
fn parse(path: &Path, text: &str) -> Result<FluentResource, Vec<Diagnostic>> {
    FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
        errors
            .into_iter()
            .map(|e| {
                Diagnostic::at_offset(path, text, e.pos.start, format!("message catalogue: {}", e.kind)).help(
                    "write each message as `id = text` on its own line (ids: letters, digits and -; continuation lines indented), e.g. `cited-by = Cited by`; see docs/content.md, Languages",
                )
            })
            .collect()
    })
}

impl Messages {
    /// The messages for `language` (a language tag, as `language:` in dossier.yaml), with
    /// `overrides` (the dossier's own catalogue: where it is and its text) on top.
    /// Returns the messages and every error in the dossier's catalogue.
    pub fn new(language: &str, overrides: Option<(&Path, &str)>) -> (Messages, Vec<Diagnostic>) {
        let english_id: LanguageIdentifier = "en".parse().unwrap_or_default();
        let mut english = bundle(&english_id);
        if let Ok(res) = FluentResource::try_new(BUILT_IN[0].1.to_string()) {
            let _ = english.add_resource(res);
        }
        let lang_id: Option<LanguageIdentifier> = language.parse().ok();
        let primary = lang_id.as_ref().map(|l| l.language.as_str().to_string()).unwrap_or_default();
        let shipped = built_in(&primary);
        let mut errors = Vec::new();
        let mut own = None;
        if let Some(lang) = &lang_id {
            let mut b = bundle(lang);
            let mut any = false;
            if let Some(text) = shipped {
                if let Ok(res) = FluentResource::try_new(text.to_string()) {
                    let _ = b.add_resource(res);
                    any = true;
                }
            }
            if let Some((path, text)) = overrides {
                match parse(path, text) {
                    Ok(res) => {
                        b.add_resource_overriding(res);
                        any = true;
                    }
                    Err(e) => errors.extend(e),
                }
            }
            own = any.then_some(b);
        }
        let messages = Messages { language: language.to_string(), own, english, built_in: shipped.is_some() };
        (messages, errors)
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    /// Whether `key` is a message (in the language or in English).
    pub fn has(&self, key: &str) -> bool {
        self.english.has_message(key) || self.own.as_ref().is_some_and(|b| b.has_message(key))
    }

    /// The message `key` with `args`, in the language, else in English, else the key.
    pub fn text(&self, key: &str, args: Option<&FluentArgs>) -> String {
        for b in self.own.iter().chain([&self.english]) {
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        key.to_string()
    }

    /// A message without arguments.
    pub fn get(&self, key: &str) -> String {
        self.text(key, None)
    }

    /// A message with one number `$count` (for plurals).
    pub fn count(&self, key: &str, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", count);
        self.text(key, Some(&args))
    }

    /// A date as a reader of the language writes it: `4 January 2026`, `7 січня 2026`,
    /// `7. Januar 2026`, `c. January 2026`.
    pub fn date(&self, d: &PartialDate) -> String {
        let mut args = FluentArgs::new();
        // The year as text: it takes no group separator.
        args.set("year", d.year.to_string());
        let key = match (d.month, d.day) {
            (Some(m), Some(day)) => {
                args.set("month", self.get(&format!("month-{m}")));
                args.set("day", day);
                "date-day"
            }
            (Some(m), None) => {
                args.set("month", self.get(&format!("month-{m}-alone")));
                "date-month"
            }
            _ => "date-year",
        };
        let date = self.text(key, Some(&args));
        if d.approximate {
            let mut args = FluentArgs::new();
            args.set("date", date);
            self.text("date-approximate", Some(&args))
        } else {
            date
        }
    }

    /// The ids of English messages this language does not translate: all of them for a
    /// language with neither a built-in catalogue nor one in the dossier.
    pub fn untranslated(&self) -> Vec<String> {
        let Some(own) = &self.own else {
            return self.english_ids();
        };
        self.english_ids().into_iter().filter(|id| !own.has_message(id)).collect()
    }

    /// The group and decimal separators of the language's numbers (CLDR's, for the
    /// languages built in; English's for others).
    pub fn separators(&self) -> (&'static str, &'static str) {
        match self.language.split(['-', '_']).next().unwrap_or_default() {
            "uk" => ("\u{a0}", ","),
            "fr" => ("\u{202f}", ","),
            "de" => (".", ","),
            _ => (",", "."),
        }
    }

    /// Whether the language has a built-in catalogue (English has).
    pub fn is_built_in(&self) -> bool {
        self.built_in
    }

    fn english_ids(&self) -> Vec<String> {
        let Ok(res) = FluentResource::try_new(BUILT_IN[0].1.to_string()) else { return Vec::new() };
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        let res = FluentResource::try_new(text.to_string()).expect("built-in catalogue parses");
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn built_in_catalogues_parse_and_translate_every_message() {
        let english = ids(BUILT_IN[0].1);
        for (lang, text) in &BUILT_IN[1..] {
            let own = ids(text);
            let missing: Vec<_> = english.iter().filter(|id| !own.contains(id)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            let extra: Vec<_> = own.iter().filter(|id| !english.contains(id)).collect();
            assert!(extra.is_empty(), "{lang}.ftl has messages English lacks: {extra:?}");
        }
    }

    #[test]
    fn dates_and_plurals_per_language() {
        let d = PartialDate::parse("2026-01-07").expect("date");
        assert_eq!(Messages::new("en", None).0.date(&d), "7 January 2026");
        assert_eq!(Messages::new("uk", None).0.date(&d), "7 січня 2026");
        assert_eq!(Messages::new("fr", None).0.date(&d), "7 janvier 2026");
        assert_eq!(Messages::new("de", None).0.date(&d), "7. Januar 2026");
        let m = PartialDate::parse("~2026-01").expect("date");
        assert_eq!(Messages::new("en", None).0.date(&m), "c. January 2026");
        assert_eq!(Messages::new("uk", None).0.date(&m), "бл. січень 2026");
        let uk = Messages::new("uk", None).0;
        assert_eq!(uk.count("count-sources", 1), "1 джерело");
        assert_eq!(uk.count("count-sources", 2), "2 джерела");
        assert_eq!(uk.count("count-sources", 5), "5 джерел");
        assert_eq!(uk.count("count-sources", 21), "21 джерело");
        assert_eq!(uk.count("count-sources", 12500), "12\u{a0}500 джерел");
        assert_eq!(Messages::new("en", None).0.count("claim-sources", 12500), "12,500 sources");
        assert_eq!(Messages::new("de", None).0.count("claim-sources", 12500), "12.500 Quellen");
    }

    #[test]
    fn a_broken_override_is_reported_where_it_breaks() {
        let (_, errors) = Messages::new("uk", Some((Path::new("i18n/uk.ftl"), "ok = так\nbroken text here\n")));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 2);
    }
}
