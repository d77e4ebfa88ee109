//! The form in which names are compared, whatever system typed them: Unicode NFC
//! (a `й` pasted decomposed as `и` + breve equals the composed one) and one apostrophe
//! for the three a keyboard may give (`'`, `’` U+2019 and the Ukrainian `ʼ` U+02BC).
//! Matches in the compared form map back to byte ranges of the original text.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Apostrophes compared as `'`.
pub const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{02BC}'];

fn apostrophe(c: char) -> char {
    if APOSTROPHES.contains(&c) {
        '\''
    } else {
        c
    }
}

/// A text in compared form, with where each of its bytes came from.
pub struct Compared<'a> {
    pub text: Cow<'a, str>,
    /// Per byte of `text`: the original byte range of its cluster; empty when `text` is
    /// the original itself.
    origin: Vec<(u32, u32)>,
}

/// `text` in NFC with apostrophes unified, as a plain string (for names and aliases).
pub fn compared(text: &str) -> String {
    Compared::new(text).text.into_owned()
}

impl<'a> Compared<'a> {
    pub fn new(text: &'a str) -> Compared<'a> {
        // Fast path: most texts are already NFC and use only the plain apostrophe.
        let plain = !text.contains(['\u{2019}', '\u{02BC}']);
        if plain && is_nfc_quick(text.chars()) == IsNormalized::Yes {
            return Compared { text: Cow::Borrowed(text), origin: Vec::new() };
        }
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut chars = text.char_indices().peekable();
        // Cluster by cluster (a starter and the marks after it): composition never
        // crosses a cluster's start, so each maps back whole.
        while let Some((start, _)) = chars.next() {
            while chars.next_if(|&(_, c)| canonical_combining_class(c) != 0).is_some() {}
            let end = chars.peek().map_or(text.len(), |&(i, _)| i);
            let before = out.len();
            out.extend(text[start..end].nfc().map(apostrophe));
            origin.extend(std::iter::repeat_n((start as u32, end as u32), out.len() - before));
        }
        Compared { text: Cow::Owned(out), origin }
    }

    /// The original byte range of a byte range of the compared text.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.origin.is_empty() {
            return (start, end);
        }
        let s = self.origin.get(start).map_or(0, |r| r.0 as usize);
        let e = end.checked_sub(1).and_then(|i| self.origin.get(i)).map_or(s, |r| r.1 as usize);
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_and_apostrophes_compare_equal() {
        assert_eq!(compared("Андріи\u{306}"), "Андрій");
        assert_eq!(compared("обʼєкт об’єкт"), "об'єкт об'єкт");
        let text = "Прии\u{306}шов Андріи\u{306}.";
        let c = Compared::new(text);
        let at = c.text.find("Андрій").unwrap();
        let (s, e) = c.original(at, at + "Андрій".len());
        assert_eq!(&text[s..e], "Андріи\u{306}");
        assert!(matches!(Compared::new("plain text").text, Cow::Borrowed(_)));
    }
}
