//! Where the words of a text begin and end, so a quote can be held to whole words.
//!
//! A word is a run of letters, digits and combining marks (Unicode `Alphabetic`,
//! `Numeric`, and any mark). Decisions a reader would otherwise have to guess:
//! - An apostrophe (' or ’) or a period between two word characters is inside the word:
//!   `Kremlin's`, `don't`, `U.S` and `3.5` are each one word, so a quote may not stop at
//!   `Kremlin` in `Kremlin's` (or at `don` in `don't`): quote `Kremlin's`.
//! - A hyphen (- ‐ ‑) between two word characters is inside the word: `pro-Russian` is
//!   one word, so `Russian forces` does not verify against `pro-Russian forces`. Dashes
//!   (– —) separate words.
//! - A comma between two digits is inside the number: `5,000` is one word.
//! - Soft hyphens and zero-width characters are invisible, so `un\u{AD}willing` is one word.
//! - Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao,
//!   Khmer, Myanmar) cannot be split into words without a dictionary: each of their
//!   characters counts as a word, so a quote may start and end at any of them.

use unicode_normalization::char::canonical_combining_class;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    /// A letter of a script written without spaces: a word on its own.
    Spaceless,
    /// Joins two word characters into one word: ' ’ . and hyphens.
    Joiner,
    /// Joins two digits: the thousands comma.
    NumberJoiner,
    /// Invisible: neither ends nor joins a word.
    Ignorable,
    Other,
}

/// Characters a reader never sees; the matcher drops them too.
pub const INVISIBLE: [char; 5] = ['\u{00AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}'];

fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF       // Thai, Lao
        | 0x1000..=0x109F     // Myanmar
        | 0x1780..=0x17FF     // Khmer
        | 0x3040..=0x30FF     // Hiragana, Katakana
        | 0x31F0..=0x31FF     // Katakana extensions
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFF66..=0xFF9F     // half-width Katakana
        | 0x20000..=0x3FFFF) // CJK extensions B onwards
}

fn class(c: char) -> Class {
    if is_spaceless(c) {
        Class::Spaceless
    } else if c.is_alphanumeric() || canonical_combining_class(c) != 0 {
        Class::Word
    } else if matches!(c, '\'' | '\u{2019}' | '.' | '-' | '\u{2010}' | '\u{2011}') {
        Class::Joiner
    } else if c == ',' {
        Class::NumberJoiner
    } else if INVISIBLE.contains(&c) {
        Class::Ignorable
    } else {
        Class::Other
    }
}

/// The byte ranges of the words of `text`, in order.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // The word being read: (start, end of its last word character, that character).
    let mut word: Option<(usize, usize, char)> = None;
    // A joiner read right after the word: it joins only if a word character follows.
    let mut joiner: Option<Class> = None;
    let close = |word: &mut Option<(usize, usize, char)>, spans: &mut Vec<(usize, usize)>| {
        if let Some((start, end, _)) = word.take() {
            spans.push((start, end));
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match class(c) {
            Class::Word => match (&mut word, joiner.take()) {
                (Some((_, last_end, last)), j)
                    if j != Some(Class::NumberJoiner) || (last.is_numeric() && c.is_numeric()) =>
                {
                    *last_end = end;
                    *last = c;
                }
                _ => {
                    close(&mut word, &mut spans);
                    word = Some((i, end, c));
                }
            },
            Class::Ignorable => {}
            class @ (Class::Joiner | Class::NumberJoiner) if word.is_some() && joiner.is_none() => {
                joiner = Some(class);
            }
            Class::Spaceless => {
                joiner = None;
                close(&mut word, &mut spans);
                spans.push((i, end));
            }
            _ => {
                joiner = None;
                close(&mut word, &mut spans);
            }
        }
    }
    close(&mut word, &mut spans);
    spans
}

/// The word that byte offset `at` falls strictly inside, if any: a quote starting or
/// ending there would cut it.
pub fn cut_at(spans: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    let i = spans.partition_point(|&(start, _)| start < at);
    let &(start, end) = spans.get(i.checked_sub(1)?)?;
    (start < at && at < end).then_some((start, end))
}

/// A word of a source as shown in a message: invisible characters dropped, at most 40
/// characters. (A word holds only letters, digits, marks and joiners, never a control
/// character, so it is safe to print.)
pub fn shown(word: &str) -> String {
    let visible: String = word.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    if visible.chars().count() > 40 {
        visible.chars().take(39).collect::<String>() + "…"
    } else {
        visible
    }
}

/// How many words a quote has.
pub fn count(text: &str) -> usize {
    spans(text).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn apostrophes_hyphens_and_numbers_stay_inside_words() {
        assert_eq!(
            words("The Kremlin’s pro-Russian line: 5,000 troops, 3.5%, U.S. (don't) — 'no'."),
            ["The", "Kremlin’s", "pro-Russian", "line", "5,000", "troops", "3.5", "U.S", "don't", "no"]
        );
        assert_eq!(words("a, b -c d- e--f x,y"), ["a", "b", "c", "d", "e", "f", "x", "y"]);
    }

    #[test]
    fn invisible_characters_and_marks_do_not_split_words() {
        assert_eq!(
            words("un\u{AD}willing cafe\u{301} un\u{200B}fair"),
            ["un\u{AD}willing", "cafe\u{301}", "un\u{200B}fair"]
        );
    }

    #[test]
    fn each_character_of_a_spaceless_script_is_a_word() {
        assert_eq!(words("我们不会。Tokyo東京"), ["我", "们", "不", "会", "Tokyo", "東", "京"]);
    }

    #[test]
    fn cut_at_finds_the_word_around_an_offset() {
        let text = "They are unwilling to go";
        let spans = spans(text);
        assert_eq!(cut_at(&spans, text.find("willing").unwrap()), Some((9, 18)));
        assert_eq!(cut_at(&spans, text.find("unwilling").unwrap()), None);
        assert_eq!(cut_at(&spans, text.find(" to").unwrap()), None);
        assert_eq!(cut_at(&spans, text.len()), None);
        assert_eq!(cut_at(&spans, 0), None);
        assert_eq!(shown(&"x".repeat(100)).chars().count(), 40);
        assert_eq!(shown("un\u{AD}willing"), "unwilling");
    }
}
