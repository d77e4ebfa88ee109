//! Quote verification. A quote matches a paragraph when both are equal after
//! normalising: letter case, runs of whitespace (any Unicode space), typographic quotes
//! (‘ ’ “ ” « » → ' ") , dashes (‐ ‑ – — − → -) and the ellipsis (… → ...). Nothing
//! else is forgiven, so a paraphrase never verifies.

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

/// Visits the normalised form of `text` piece by piece: `(normalised piece, original range)`.
fn for_each_piece(text: &str, mut visit: impl FnMut(&str, usize, usize)) {
    let mut pending_space: Option<usize> = None;
    let mut started = false;
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            if started && pending_space.is_none() {
                pending_space = Some(i);
            }
            continue;
        }
        let mut emit = |piece: &str| {
            if piece.is_empty() {
                return;
            }
            if let Some(at) = pending_space.take() {
                visit(" ", at, i);
            }
            started = true;
            visit(piece, i, end);
        };
        if let Some(r) = replacement(c) {
            emit(r);
        } else if c.is_uppercase() {
            for lower in c.to_lowercase() {
                emit(lower.encode_utf8(&mut buf));
            }
        } else {
            emit(c.encode_utf8(&mut buf));
        }
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
}

/// Where a quote occurs in one of the paragraphs: (paragraph index, original byte range).
pub fn locate(quote: &str, paragraphs: &[String], normalised: &[String]) -> Option<(usize, (usize, usize))> {
    let needle = normalise(quote);
    if needle.is_empty() {
        return None;
    }
    let index = normalised.iter().position(|p| p.contains(&needle))?;
    let full = Normalised::new(&paragraphs[index]);
    let at = full.text.find(&needle)?;
    Some((index, full.original(at, at + needle.len())))
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
}
