//! Quote verification. A quote matches a paragraph when both are equal after
//! normalising: Unicode canonical equivalence (a letter typed precomposed, `é`, equals
//! the letter plus a combining mark, `e\u{301}`), letter case, runs of whitespace (any
//! Unicode space), typographic quotes (‘ ’ “ ” « » → ' ") , dashes (‐ ‑ – — − → -) and
//! the ellipsis (… → ...). Nothing else is forgiven, so a paraphrase never verifies, and
//! a match covers whole characters: `cafe` does not verify against `café`.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Normalised text, with the original byte range each normalised byte came from, so a
/// match can be highlighted in the original text.
pub struct Normalised {
    pub text: String,
    origin: Vec<(u32, u32)>,
}

fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        // Soft hyphen and zero-width characters are invisible: drop them.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => "",
        _ => return None,
    })
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

/// The normalised form of one cluster: decomposed (NFD), folded, lowercased.
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

/// The normalised text alone (cheap: used to search).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_piece(text, |piece, _, _| out.push_str(piece));
    out
}

impl Normalised {
    pub fn new(text: &str) -> Normalised {
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

    /// The first match of an already normalised needle that covers whole clusters.
    pub fn find(&self, needle: &str) -> Option<usize> {
        let mut from = 0;
        while let Some(i) = self.text.get(from..)?.find(needle) {
            let at = from + i;
            if self.is_edge(at) && self.is_edge(at + needle.len()) {
                return Some(at);
            }
            from = at + self.text[at..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// Where a quote occurs in one of the paragraphs: (paragraph index, original byte range).
pub fn locate(quote: &str, paragraphs: &[String], normalised: &[String]) -> Option<(usize, (usize, usize))> {
    let needle = normalise(quote);
    if needle.is_empty() {
        return None;
    }
    // The cheap check first; the offset map is built only for paragraphs that may match.
    normalised.iter().zip(paragraphs).enumerate().filter(|(_, (n, _))| n.contains(&needle)).find_map(
        |(index, (_, paragraph))| {
            let full = Normalised::new(paragraph);
            let at = full.find(&needle)?;
            Some((index, full.original(at, at + needle.len())))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_space_quotes_and_dashes() {
        assert_eq!(normalise("  “Article 5‑like”\u{a0} guarantees—now "), "\"article 5-like\" guarantees-now");
    }

    #[test]
    fn maps_matches_back_to_the_original_text() {
        let para = "He said: “Fundamentally,  we rule nothing out,” Merz said.".to_string();
        let norm = vec![normalise(&para)];
        let (i, (s, e)) =
            locate("\"fundamentally, we RULE nothing out,\"", std::slice::from_ref(&para), &norm).unwrap();
        assert_eq!(i, 0);
        assert_eq!(&para[s..e], "“Fundamentally,  we rule nothing out,”");
    }

    #[test]
    fn paraphrase_does_not_verify() {
        let para = vec!["The force would operate away from the contact line.".to_string()];
        let norm: Vec<String> = para.iter().map(|p| normalise(p)).collect();
        assert!(locate("operate far from the contact line", &para, &norm).is_none());
        assert!(locate("   ", &para, &norm).is_none());
    }

    #[test]
    fn composed_and_decomposed_letters_match_each_other() {
        let nfd = vec!["Le cafe\u{301} de la Re\u{301}publique, \u{1F1FA}\u{1F1E6} \u{05E9}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}".to_string()];
        let norm: Vec<String> = nfd.iter().map(|p| normalise(p)).collect();
        let (_, (s, e)) = locate("café de la RÉPUBLIQUE", &nfd, &norm).unwrap();
        assert_eq!(&nfd[0][s..e], "cafe\u{301} de la Re\u{301}publique");
        let (_, (s, e)) =
            locate("\u{1F1FA}\u{1F1E6} \u{05E9}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}", &nfd, &norm).unwrap();
        assert_eq!(&nfd[0][s..], &nfd[0][s..e], "emoji and pointed Hebrew match to the end");
        let nfc = vec!["Le café est fermé.".to_string()];
        let norm: Vec<String> = nfc.iter().map(|p| normalise(p)).collect();
        let (_, (s, e)) = locate("cafe\u{301} est", &nfc, &norm).unwrap();
        assert_eq!(&nfc[0][s..e], "café est");
    }

    #[test]
    fn a_match_never_ends_inside_a_character() {
        for text in ["Le cafe\u{301}.", "Le café."] {
            let para = vec![text.to_string()];
            let norm: Vec<String> = para.iter().map(|p| normalise(p)).collect();
            assert!(locate("le cafe", &para, &norm).is_none(), "`cafe` is not `café` in {text:?}");
        }
        let para = vec!["He paused… then spoke.".to_string()];
        let norm: Vec<String> = para.iter().map(|p| normalise(p)).collect();
        assert!(locate("paused...", &para, &norm).is_some());
        assert!(locate("paused..", &para, &norm).is_none(), "half an ellipsis is not a match");
    }
}
