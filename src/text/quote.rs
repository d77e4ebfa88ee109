//! Quote verification. A quote verifies when it occurs in one paragraph of its source,
//! compared after forgiving the differences listed in `FORGIVEN` and `FORGIVEN_FORMS`
//! (typography a keyboard cannot easily type, and invisible characters) and nothing in
//! `NOT_FORGIVEN`: so a paraphrase never verifies, and a match covers whole words (see
//! `words` for what a word is). Those three lists are the whole contract; docs/content.md
//! repeats them (`rules_markdown`) and a test keeps the two the same.

mod rules;
mod words;

pub use rules::{
    rules_markdown, too_short, word_count, Forgiven, FORGIVEN, FORGIVEN_FORMS, MIN_CHARS, MIN_WORDS, NOT_FORGIVEN,
};

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

fn replacement(c: char) -> Option<&'static str> {
    // Fast path: most characters are ASCII letters, digits or spaces.
    if c.is_ascii_alphanumeric() || c == ' ' {
        return None;
    }
    FORGIVEN.iter().find(|f| f.chars.contains(&c)).map(|f| f.compared_as)
}

/// Normalised text, with the original byte range each normalised byte came from, so a
/// match can be highlighted in the original text.
pub struct Normalised {
    pub text: String,
    origin: Vec<(u32, u32)>,
}

/// Byte ranges of the text's clusters: a starter character (combining class 0) with the
/// combining marks after it. Canonical reordering and decomposition never cross a
/// cluster's edge, so each cluster can be normalised on its own and mapped back whole.
fn clusters(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.next()?;
        while chars.next_if(|&(_, c)| canonical_combining_class(c) != 0).is_some() {}
        Some((start, chars.peek().map_or(text.len(), |&(i, _)| i)))
    })
}

/// The normalised form of one cluster: decomposed (NFD), forgiven characters replaced,
/// lowercased (the page shows the source's own letters, so case may differ).
fn fold(cluster: &str, out: &mut String) {
    // Fast path: an ASCII character is its own decomposition.
    if let [b] = cluster.as_bytes() {
        match replacement(*b as char) {
            Some(r) => out.push_str(r),
            None => out.push(b.to_ascii_lowercase() as char),
        }
        return;
    }
    for c in cluster.nfd() {
        match replacement(c) {
            Some(r) => out.push_str(r),
            None if c.is_uppercase() => out.extend(c.to_lowercase().nfd()),
            None => out.push(c),
        }
    }
}

/// Visits the normalised form of `text` piece by piece: `(normalised piece, original range)`.
fn for_each_piece(text: &str, mut visit: impl FnMut(&str, usize, usize)) {
    let mut pending_space: Option<usize> = None;
    let mut started = false;
    let mut piece = String::new();
    for (start, end) in clusters(text) {
        let cluster = &text[start..end];
        if cluster.chars().all(char::is_whitespace) {
            if started && pending_space.is_none() {
                pending_space = Some(start);
            }
            continue;
        }
        piece.clear();
        fold(cluster, &mut piece);
        if piece.is_empty() {
            continue;
        }
        if let Some(at) = pending_space.take() {
            visit(" ", at, start);
        }
        started = true;
        visit(&piece, start, end);
    }
}

fn normalise_as(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_piece(text, |piece, _, _| out.push_str(piece));
    out
}

/// The normalised text alone (cheap: used to search).
pub fn normalise(text: &str) -> String {
    normalise_as(text)
}

impl Normalised {
    pub fn new(text: &str) -> Normalised {
        Normalised::with_case(text)
    }

    fn with_case(text: &str) -> Normalised {
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for_each_piece(text, |piece, start, end| {
            out.push_str(piece);
            origin.extend(std::iter::repeat_n((start as u32, end as u32), piece.len()));
        });
        Normalised { text: out, origin }
    }

    /// The original byte range of a normalised byte range.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin.get(start).map_or(0, |r| r.0 as usize);
        let e = end.checked_sub(1).and_then(|i| self.origin.get(i)).map_or(s, |r| r.1 as usize);
        (s, e)
    }

    /// Whether a normalised byte offset falls between two original clusters (so a match
    /// there covers whole characters).
    fn is_edge(&self, at: usize) -> bool {
        at == 0 || at >= self.origin.len() || self.origin[at - 1] != self.origin[at]
    }

    /// Every match of an already normalised needle that covers whole clusters, as
    /// original byte ranges.
    fn matches<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            while let Some(i) = self.text.get(from..)?.find(needle) {
                let at = from + i;
                from = at + self.text[at..].chars().next().map_or(1, char::len_utf8);
                if self.is_edge(at) && self.is_edge(at + needle.len()) {
                    return Some(self.original(at, at + needle.len()));
                }
            }
            None
        })
    }
}

/// Why a quote did not verify.
#[derive(Debug, PartialEq, Eq)]
pub enum Miss {
    /// Empty, or in no paragraph.
    NotFound,
    /// Found only where it cuts a word: the word (as shown), and whether the quote's
    /// start (else its end) cuts it.
    CutWord { paragraph: usize, word: String, at_start: bool },
}

/// Where a quote occurs in one of the paragraphs: (paragraph index, original byte range).
/// Of several occurrences, the first on word boundaries counts.
pub fn locate(quote: &str, paragraphs: &[String], normalised: &[String]) -> Result<(usize, (usize, usize)), Miss> {
    let needle = normalise(quote);
    if needle.is_empty() {
        return Err(Miss::NotFound);
    }
    // The cheap check first; the offset map is built only for paragraphs that may match.
    let candidates = normalised.iter().zip(paragraphs).enumerate().filter(|(_, (n, _))| n.contains(&needle));
    whole_words(&needle, candidates.map(|(i, (_, p))| (i, p)))
}

/// The first match of `needle` in the candidate paragraphs that starts and ends at word
/// boundaries; else the first word a match cuts.
fn whole_words<'p>(
    needle: &str,
    candidates: impl Iterator<Item = (usize, &'p String)>,
) -> Result<(usize, (usize, usize)), Miss> {
    let mut cut = None;
    for (index, paragraph) in candidates {
        let full = Normalised::with_case(paragraph);
        let spans = words::spans(paragraph);
        for (s, e) in full.matches(needle) {
            let (start_cut, end_cut) = (words::cut_at(&spans, s), words::cut_at(&spans, e));
            if start_cut.is_none() && end_cut.is_none() {
                return Ok((index, (s, e)));
            }
            if cut.is_none() {
                let ((ws, we), at_start) = start_cut.map_or((end_cut.unwrap_or_default(), false), |w| (w, true));
                cut = Some(Miss::CutWord { paragraph: index, word: words::shown(&paragraph[ws..we]), at_start });
            }
        }
    }
    Err(cut.unwrap_or(Miss::NotFound))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(quote: &str, text: &str) -> Result<String, Miss> {
        let para = vec![text.to_string()];
        let norm: Vec<String> = para.iter().map(|p| normalise(p)).collect();
        match locate(quote, &para, &norm) {
            Ok((_, (s, e))) => Ok(para[0][s..e].to_string()),
            Err(miss) => Err(miss),
        }
    }

    #[test]
    fn normalises_space_quotes_dashes_and_case() {
        assert_eq!(normalise("  “Article 5‑like”\u{a0} Guarantees—now "), "\"article 5-like\" guarantees-now");
    }

    #[test]
    fn maps_matches_back_to_the_original_text() {
        let para = "He said: “Fundamentally,  we rule nothing out,” Merz said.";
        let found = find("\"Fundamentally, we rule nothing out,\"", para);
        assert_eq!(found.as_deref(), Ok("“Fundamentally,  we rule nothing out,”"));
    }

    #[test]
    fn paraphrase_does_not_verify() {
        let para = "The force would operate away from the contact line.";
        assert_eq!(find("operate far from the contact line", para), Err(Miss::NotFound));
        assert_eq!(find("   ", para), Err(Miss::NotFound));
    }

    #[test]
    fn case_is_forgiven_and_the_source_words_are_shown() {
        let para = "The US will not send troops.";
        assert_eq!(find("the us will not send", para).as_deref(), Ok("The US will not send"));
    }

    #[test]
    fn a_quote_must_start_and_end_on_word_boundaries() {
        let para = "Italy is unwilling to contribute troops, Meloni said.";
        let cut = |word: &str, at_start| Err(Miss::CutWord { paragraph: 0, word: word.into(), at_start });
        assert_eq!(find("willing to contribute troops", para), cut("unwilling", true));
        assert_eq!(find("is unwilling to contribute tro", para), cut("troops", false));
        assert_eq!(find("a", para), cut("Italy", true));
        assert!(find("unwilling to contribute troops", para).is_ok());
        assert!(find("is unwilling to contribute troops,", para).is_ok());
    }

    #[test]
    fn apostrophes_and_hyphens_join_words() {
        let para = "The Kremlin’s pro-Russian forces can't stay.";
        assert!(matches!(find("The Kremlin", para), Err(Miss::CutWord { at_start: false, .. })));
        assert!(matches!(find("Russian forces", para), Err(Miss::CutWord { at_start: true, .. })));
        assert!(matches!(find("forces can", para), Err(Miss::CutWord { at_start: false, .. })));
        assert_eq!(find("The Kremlin's pro-Russian forces", para).as_deref(), Ok("The Kremlin’s pro-Russian forces"));
    }

    #[test]
    fn any_occurrence_on_word_boundaries_verifies() {
        let para = "They were unwilling at first; later, willing to contribute troops.";
        assert_eq!(find("willing to contribute", para).as_deref(), Ok("willing to contribute"));
        let paras = vec!["Unwilling to go.".to_string(), "Willing to go.".to_string()];
        let norm: Vec<String> = paras.iter().map(|p| normalise(p)).collect();
        assert_eq!(locate("Willing to go", &paras, &norm).map(|(i, _)| i), Ok(1));
    }

    #[test]
    fn every_forgiven_character_still_matches() {
        for f in FORGIVEN {
            for &c in f.chars {
                let para = format!("They said x{c}y{c} at noon.");
                let typed = format!("said x{}y{}", f.compared_as, f.compared_as);
                assert!(find(&typed, &para).is_ok(), "{} ({c:?}) is forgiven", f.what);
                let plain = format!("They said x{}y{} at noon.", f.compared_as, f.compared_as);
                assert!(find(&format!("said x{c}y{c}"), &plain).is_ok(), "{c:?} typed in the quote is forgiven");
            }
        }
        assert!(find("the rule nothing out", "the   rule\u{a0}nothing\n\tout").is_ok(), "whitespace runs");
        assert!(find("Le cafe\u{301} est", "Le café est fermé.").is_ok(), "NFD quote, NFC source");
        assert!(find("Le café est", "Le cafe\u{301} est fermé.").is_ok(), "NFC quote, NFD source");
    }

    #[test]
    fn composed_and_decomposed_letters_match_each_other() {
        let nfd = "Le cafe\u{301} de la Re\u{301}publique, \u{1F1FA}\u{1F1E6} \u{05E9}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}";
        assert_eq!(find("café de la République", nfd).as_deref(), Ok("cafe\u{301} de la Re\u{301}publique"));
        let tail = "\u{1F1FA}\u{1F1E6} \u{05E9}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}";
        assert_eq!(find(tail, nfd).as_deref(), Ok(tail), "emoji and pointed Hebrew match to the end");
    }

    #[test]
    fn a_match_never_ends_inside_a_character() {
        for text in ["Le cafe\u{301}.", "Le café."] {
            assert!(find("Le cafe", text).is_err(), "`cafe` is not `café` in {text:?}");
        }
        assert!(find("He paused...", "He paused… then spoke.").is_ok());
        assert!(find("He paused..", "He paused… then spoke.").is_err(), "half an ellipsis is not a match");
    }

    #[test]
    fn short_quotes_are_three_words_or_twenty_characters() {
        assert!(too_short("a"));
        assert!(too_short("Article 5"));
        assert!(!too_short("coalition of willing"));
        assert!(!too_short("Rückversicherungsgesellschaft"), "one long word is enough");
        assert!(!too_short("我们不会"), "each Chinese character counts as a word");
    }

    #[test]
    fn the_rules_render_as_a_table() {
        let md = rules_markdown();
        assert!(md.contains("| Single quotes and apostrophes | ' ‘ ’ ʼ ‚ ‛ ′ U+0060 ´ | `'` |"), "{md}");
        assert!(md.contains("U+00AD U+200B"), "invisible characters by code point: {md}");
    }
}
