//! The words of the search index: folded (case and accents) and stemmed (word forms).
//! The browser does exactly the same to a query in `themes/default/static/terms.js`;
//! both are checked against one table, `tests/search_terms.txt`, so a change to one
//! that is not made to the other fails the tests.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercase, accents dropped: "Türkiye" and "TURKIYE" both read "turkiye". Letters
/// that do not decompose into a base and an accent (ø, ł, ß) are spelt out, as people
/// write them on keyboards without them. Case folds in every script (Cyrillic, Greek,
/// with the final ς read as σ); the Ukrainian apostrophe ʼ (U+02BC, a letter to
/// Unicode) separates words as ' and ’ do, so "обʼєкт" and "об’єкт" search alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            'ς' => out.push('σ'),
            '\u{02BC}' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn len(w: &str) -> usize {
    w.chars().count()
}

/// Strips `suffix` when what is left has at least `min` letters.
fn strip<'a>(w: &'a str, suffix: &str, min: usize) -> Option<&'a str> {
    w.strip_suffix(suffix).filter(|rest| len(rest) >= min)
}

/// A word's stem, so that word forms meet: "ratified", "ratifies", "ratify" and
/// "ratification" all give "ratifi"; "guarantees" and "guaranteed" give "guarante".
/// A small English suffix stripper in the manner of Porter's (plurals, -ed/-ing, a few
/// derivations, a final e or y), kept small enough to write twice and keep identical.
/// Words under four letters and words with digits are left alone; Cyrillic words go to
/// `cyrillic_stem`.
pub fn stem(word: &str) -> String {
    if len(word) < 4 || word.chars().any(|c| c.is_numeric()) {
        return word.to_string();
    }
    if word.chars().next().is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return cyrillic_stem(word);
    }
    let mut w = word.to_string();
    // Plurals and third persons: -sses -> -ss, -ies -> -i, -s (not -ss, -us, -is).
    if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if let Some(rest) = strip(&w, "ies", 2) {
        w = format!("{rest}i");
    } else if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        w.pop();
    }
    // Past and progressive: -eed -> -ee ("guaranteed"), -ed, -ing where a vowel is left.
    if let Some(rest) = strip(&w, "eed", 2) {
        w = format!("{rest}ee");
    } else if let Some(rest) = strip(&w, "ed", 3).or_else(|| strip(&w, "ing", 3)) {
        if rest.chars().any(is_vowel) {
            let mut r: Vec<char> = rest.chars().collect();
            let n = r.len();
            // "planned" -> "plan", but "killed" -> "kill", "added" -> "add".
            if n >= 4 && r[n - 1] == r[n - 2] && "bcdfghjkmnpqrtvwx".contains(r[n - 1]) {
                r.pop();
            }
            w = r.into_iter().collect();
        }
    }
    // Derivations: -ification -> -ifi, -ment, -ion (keeping at least four letters).
    if let Some(rest) = strip(&w, "ification", 2) {
        w = format!("{rest}ifi");
    } else if let Some(rest) = strip(&w, "ment", 4).or_else(|| strip(&w, "ion", 4)) {
        w = rest.to_string();
    }
    // A final e goes ("negotiate" meets "negotiation"); a final y after a consonant is i.
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if n >= 4 && chars[n - 1] == 'e' {
        w.pop();
    } else if n >= 3 && chars[n - 1] == 'y' && !is_vowel(chars[n - 2]) {
        w.pop();
        w.push('i');
    }
    w
}

/// Case endings of Ukrainian (and the commonest Russian ones), as folded (й reads и,
/// ї reads і), longest first. No stemmer exists for Ukrainian in the Rust crates we use,
/// and the browser must stem identically, so one ending is stripped where at least four
/// letters stay: "Коваленко", "Коваленка", "Коваленку", "Коваленком" all give "коваленк".
const CYRILLIC_ENDINGS: &[&str] = &[
    "ями", "ами", "ові", "еві", "ого", "ому", "ими", "іми", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ів", "им",
    "ім", "ии", "іи", "ои", "оі", "ая", "ое", "ые", "ых", "ым", "а", "я", "у", "ю", "о", "е", "і", "и", "ь", "ы",
];

/// A Cyrillic word's stem: one case ending off (see `CYRILLIC_ENDINGS`).
fn cyrillic_stem(word: &str) -> String {
    CYRILLIC_ENDINGS.iter().find_map(|e| strip(word, e, 4)).unwrap_or(word).to_string()
}

/// The folded words of a text, two letters or digits or more, as they are searched.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| len(w) >= 2).map(str::to_string).collect()
}

/// The index terms of a text: its folded words, stemmed.
pub fn terms(text: &str) -> impl Iterator<Item = String> {
    words(text).into_iter().map(|w| stem(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table the browser's terms.js is checked against too (tests/it/search.rs).
    const TABLE: &str = include_str!("../../../tests/search_terms.txt");

    #[test]
    fn terms_follow_the_shared_table() {
        let mut checked = 0;
        for line in TABLE.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let (text, want) = line.split_once('\t').expect("a tab between text and terms");
            let got: Vec<String> = terms(text).collect();
            assert_eq!(got.join(" "), want.trim(), "terms of {text:?}");
            checked += 1;
        }
        assert!(checked > 30, "only {checked} rows");
    }

    #[test]
    fn word_forms_meet() {
        for group in [
            &["ratified", "ratification", "ratify", "ratifies", "ratifying", "Ratifications"][..],
            &["guarantee", "guarantees", "guaranteed", "guaranteeing"],
            &["negotiate", "negotiated", "negotiation", "negotiations", "negotiating"],
            &["sanction", "sanctions", "sanctioned"],
            &["agree", "agreed", "agreement", "agreements"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(&fold(w))).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?} -> {stems:?}");
        }
    }

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("TÜRKİYE"), "turkiye");
        // Written decomposed (u + combining diaeresis), as some sources are.
        assert_eq!(fold("Tu\u{308}rkiye"), "turkiye");
        assert_eq!(fold("Łukasz Søren Straße"), "lukasz soren strasse");
        assert_eq!(fold("Зеленський"), "зеленськии");
        assert_eq!(fold("ΟΔΟΣ οδός"), "οδοσ οδοσ");
        assert_eq!(fold("Зеленськии\u{306}"), fold("Зеленський"), "decomposed й");
    }

    #[test]
    fn ukrainian_case_forms_meet() {
        for group in [
            &["Коваленко", "Коваленка", "Коваленку", "Коваленком", "КОВАЛЕНКОВІ"][..],
            &["Зеленський", "Зеленського", "Зеленському", "Зеленським"],
            &["Україна", "України", "Україні", "Україну", "Україною"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(&fold(w))).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?} -> {stems:?}");
        }
        let words = |t: &str| terms(t).collect::<Vec<_>>();
        assert_eq!(words("обʼєкт"), words("об'єкт"));
        assert_eq!(words("обʼєкт"), words("об’єкт"));
    }

    #[test]
    fn terms_are_folded_words() {
        let t: Vec<String> = words("Zelenskyy's 800,000 U.S.-led ‘troops’ a").into_iter().collect();
        assert_eq!(t, ["zelenskyy", "800", "000", "led", "troops"]);
    }
}
