//! Titles in the language's alphabetical order, by the Unicode Collation Algorithm with
//! the language's tailoring (CLDR, through `icu_collator`): Ukrainian lists Є after Е,
//! І after И, Ї after І, and every language ignores case before it looks at it.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};

/// Compares text as a reader of `language` (an HTML `lang` code) orders it.
pub struct Collation(Option<CollatorBorrowed<'static>>);

impl Collation {
    /// The collation of a language; an unknown code falls back to the root order,
    /// an unreadable one to code point order.
    pub fn new(language: &str) -> Collation {
        let locale = icu_locale_core::Locale::try_from_str(language.trim()).ok();
        let collator = locale
            .and_then(|l| CollatorBorrowed::try_new(CollatorPreferences::from(&l), CollatorOptions::default()).ok());
        Collation(collator)
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.0 {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukrainian_letters_sort_in_ukrainian_order() {
        let c = Collation::new("uk");
        let mut words = vec!["Їжак", "Іван", "Євген", "Ґанок", "Игор", "Гліб", "Едем", "Яків", "Абетка"];
        words.sort_by(|a, b| c.compare(a, b));
        assert_eq!(words, ["Абетка", "Гліб", "Ґанок", "Едем", "Євген", "Игор", "Іван", "Їжак", "Яків"]);
        let en = Collation::new("en");
        let mut words = vec!["beta", "Alpha", "alpha"];
        words.sort_by(|a, b| en.compare(a, b));
        assert_eq!(words, ["alpha", "Alpha", "beta"]);
    }
}
