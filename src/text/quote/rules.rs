//! The one list of what the quote matcher forgives and what it does not, and how short a
//! quote may be. `replacement` in the parent module reads `FORGIVEN`; docs/content.md
//! shows `rules_markdown()` verbatim (tests/quotes.rs checks it).

use unicode_normalization::char::canonical_combining_class;

use super::{normalise, words};

/// Characters that compare equal to each other (or, when `compared_as` is empty, are
/// ignored): one row of the list of what the matcher forgives.
pub struct Forgiven {
    pub what: &'static str,
    pub chars: &'static [char],
    pub compared_as: &'static str,
}

/// Character differences the matcher forgives.
pub const FORGIVEN: &[Forgiven] = &[
    Forgiven {
        what: "Single quotes and apostrophes",
        chars: &['\'', '\u{2018}', '\u{2019}', '\u{02BC}', '\u{201A}', '\u{201B}', '\u{2032}', '`', '\u{00B4}'],
        compared_as: "'",
    },
    Forgiven {
        what: "Double quotes and guillemets",
        chars: &['"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '\u{2033}', '\u{00AB}', '\u{00BB}'],
        compared_as: "\"",
    },
    Forgiven {
        what: "Hyphens, dashes and the minus sign",
        chars: &['-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}'],
        compared_as: "-",
    },
    Forgiven { what: "The ellipsis character", chars: &['\u{2026}'], compared_as: "..." },
    Forgiven { what: "Soft hyphens and zero-width characters (invisible)", chars: &words::INVISIBLE, compared_as: "" },
];

/// Differences the matcher forgives that are not single characters: (what, how).
pub const FORGIVEN_FORMS: &[(&str, &str)] = &[
    ("Runs of whitespace (spaces, tabs, line breaks, non-breaking spaces)", "one space; none at either end"),
    ("A letter typed precomposed or decomposed (Unicode NFC or NFD): `é` or `e` + `◌́`", "equal"),
    ("Letter case: `US` and `us`, `Polish` and `polish` (the page shows the source's own letters)", "equal"),
];

/// What the matcher never forgives.
pub const NOT_FORGIVEN: &[&str] = &[
    "Any other letter, digit, mark or punctuation: `cafe` is not `café`, `5,000` is not `5.000`",
    "Words cut short: a quote starts and ends at word boundaries, so `willing` does not verify inside `unwilling`",
    "Words from two paragraphs: cite each paragraph separately",
    "Fewer than three words and twenty characters, unless the citation says `short: true`",
];

/// The three lists as Markdown, exactly as docs/content.md shows them.
pub fn rules_markdown() -> String {
    let show = |c: &char| {
        if c.is_alphanumeric()
            || (c.is_ascii_punctuation() && *c != '`' && *c != '|')
            || "‘’‚‛′´“”„‟″«»‐‑‒–—―−…".contains(*c)
        {
            c.to_string()
        } else {
            format!("U+{:04X}", *c as u32)
        }
    };
    let mut out = String::from("| Forgiven | Characters | Compared as |\n|---|---|---|\n");
    for f in FORGIVEN {
        let chars: Vec<String> = f.chars.iter().map(show).collect();
        let as_ =
            if f.compared_as.is_empty() { "nothing (ignored)".to_string() } else { format!("`{}`", f.compared_as) };
        out += &format!("| {} | {} | {as_} |\n", f.what, chars.join(" "));
    }
    for (what, how) in FORGIVEN_FORMS {
        out += &format!("| {what} | | {how} |\n");
    }
    out += "\nNot forgiven:\n\n";
    for what in NOT_FORGIVEN {
        out += &format!("- {what}\n");
    }
    out
}

/// The fewest words, or characters, a quote needs unless marked `short: true`.
pub const MIN_WORDS: usize = 3;
pub const MIN_CHARS: usize = 20;

/// Whether a quote is too short to mean much on its own: fewer than `MIN_WORDS` words
/// and fewer than `MIN_CHARS` characters.
pub fn too_short(quote: &str) -> bool {
    let chars = normalise(quote).chars().filter(|&c| canonical_combining_class(c) == 0).count();
    words::count(quote) < MIN_WORDS && chars < MIN_CHARS
}

/// How many words a quote has.
pub fn word_count(quote: &str) -> usize {
    words::count(quote)
}
