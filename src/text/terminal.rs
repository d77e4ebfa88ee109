//! Invisible characters in untrusted text. Content files may not hold control
//! characters (they are a located error, see `first_control`); imported articles lose
//! them (`strip_controls`); and everything content-derived that reaches the terminal
//! goes through `terminal_safe`, so an article cannot recolour, rewrite or reorder what
//! the editor reads there.

use std::borrow::Cow;
use std::fmt::Write;

/// A control character content may not hold: C0 and C1 controls and DEL, except tab,
/// newline and carriage return (a line break).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Characters that reorder the text around them (bidi embeddings, overrides and
/// isolates): harmless in a page, where the browser scopes them, but in a terminal line
/// they can make one name read as another.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` as it is safe to print: control characters (so ANSI escape sequences too),
/// bidi controls and line or paragraph separators become visible escapes like `\u{1b}`.
/// Newline and tab are kept: messages are printed line by line.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first forbidden control character in `text`: its byte offset, the character and
/// how many there are in all (one error per file, not one per character).
pub fn first_control(text: &str) -> Option<(usize, char, usize)> {
    let (offset, c) = text.char_indices().find(|&(_, c)| is_forbidden_control(c))?;
    let count = text[offset..].chars().filter(|&c| is_forbidden_control(c)).count();
    Some((offset, c, count))
}

/// A control character's name in an error message: `U+001B (escape)`.
pub fn describe_control(c: char) -> String {
    let name = match c {
        '\0' => " (null)",
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\u{b}' => " (vertical tab)",
        '\u{c}' => " (form feed)",
        '\u{1b}' => " (escape)",
        '\u{7f}' => " (delete)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Imported text without control characters: a carriage return is a line break, and
/// any other control character becomes a space (a form feed or vertical tab separates
/// words; an escape sequence loses its escape and shows as plain text).
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\r' || is_forbidden_control(c)) {
        return Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n");
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\r' => '\n',
                c if is_forbidden_control(c) => ' ',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_escapes_ansi_c1_and_bidi_but_keeps_plain_text() {
        assert!(matches!(terminal_safe("Emmanuel Macron – ÉÅ 中文 עברית"), Cow::Borrowed(_)));
        assert_eq!(terminal_safe("\u{1b}[31mred\u{1b}[0m"), "\\u{1b}[31mred\\u{1b}[0m");
        assert_eq!(terminal_safe("a\u{202e}cba\u{2066}"), "a\\u{202e}cba\\u{2066}");
        assert_eq!(terminal_safe("csi\u{9b}2J bel\u{7} nul\0"), "csi\\u{9b}2J bel\\u{7} nul\\u{0}");
        assert_eq!(terminal_safe("cr\rline\u{2028}x"), "cr\\u{d}line\\u{2028}x");
        assert_eq!(terminal_safe("two\n\tlines"), "two\n\tlines");
    }

    #[test]
    fn first_control_finds_and_counts() {
        assert_eq!(first_control("tab\tnl\ncr\r fine"), None);
        assert_eq!(first_control("ab\u{1b}[31m\u{7f}\u{85}"), Some((2, '\u{1b}', 3)));
        assert_eq!(describe_control('\u{c}'), "U+000C (form feed)");
        assert_eq!(describe_control('\u{85}'), "U+0085");
    }

    #[test]
    fn strip_controls_keeps_words_apart_and_lines_broken() {
        assert_eq!(strip_controls("plain"), "plain");
        assert_eq!(strip_controls("a\u{c}b\u{1b}[31mc\r\nd\re\u{0}"), "a b [31mc\nd\ne ");
    }
}
