//! Actor mentions: every actor's name and aliases, found in one pass over a text, at
//! word boundaries. Names and text are compared in NFC with one apostrophe (see
//! `text::compare`), so a name pasted decomposed or typed with `ʼ` still matches.
//!
//! An alias ending in `*` (`Коваленк*`) is a stem: it matches the stem followed by the
//! rest of the word, so every case form (`Коваленка`, `Коваленком`) is a mention. The
//! stem is found by the same one pass; the word's end is then read once, so matching
//! stays linear in the text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::hash::hash_of;
use crate::model::dossier::Link;
use crate::model::kind::Kind;
use crate::text::compare::{compared, Compared};

/// One mention: the original byte range, the actor, and whether a stem alias (`*`)
/// matched it (so its word form is worth reporting).
pub struct Found<'a> {
    pub start: usize,
    pub end: usize,
    pub actor: &'a Link,
    pub by_stem: bool,
}

/// Every actor's name and aliases, matched in one pass over a text.
pub struct Mentions {
    matcher: Option<AhoCorasick>,
    /// Pattern index -> actor link.
    actors: Vec<Link>,
    /// Pattern index -> whether the pattern is a stem (its alias ended in `*`).
    stems: Vec<bool>,
    /// A hash of every name and its actor: equal when the matches would be equal.
    pub(super) fingerprint: u64,
}

/// A name as matched: compared form, and whether it is a stem (the `*` taken off).
fn pattern(name: &str) -> (String, bool) {
    let name = compared(name.trim());
    match name.strip_suffix('*') {
        Some(stem) => (stem.trim_end().to_string(), true),
        None => (name, false),
    }
}

/// Letters, marks and digits; an apostrophe inside a word (`Мар'яна`) is read as part
/// of it when a letter follows.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

impl Mentions {
    /// A matcher for every (name, actor) pair; blank names never match.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, &'a Link)>) -> Mentions {
        let mut patterns = Vec::new();
        let mut stems = Vec::new();
        let mut owners = Vec::new();
        for (name, link) in names {
            let (p, stem) = pattern(name);
            if !p.trim().is_empty() {
                patterns.push(p);
                stems.push(stem);
                owners.push(link.clone());
            }
        }
        Mentions::build(patterns, stems, owners)
    }

    fn build(patterns: Vec<String>, stems: Vec<bool>, owners: Vec<Link>) -> Mentions {
        // Leftmost-longest: "Donald Trump" wins over "Trump" where both match.
        let matcher = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        // Stems are hashed only when present, so a dossier without them keeps its keys.
        let fingerprint = if stems.iter().any(|s| *s) {
            hash_of(&(&patterns, &owners, &stems))
        } else {
            hash_of(&(&patterns, &owners))
        };
        Mentions { matcher, actors: owners, stems, fingerprint }
    }

    /// A matcher for a few (actor id, name) pairs, for tests and tools.
    pub fn from_names(names: &[(&str, &str)]) -> Mentions {
        let names: Vec<&(&str, &str)> = names.iter().filter(|(_, n)| !pattern(n).0.trim().is_empty()).collect();
        let (patterns, stems) = names.iter().map(|(_, n)| pattern(n)).unzip();
        let actors: Vec<Link> = names.iter().map(|(id, n)| Link::new(Kind::Actor, id, n)).collect();
        Mentions::build(patterns, stems, actors)
    }

    /// Mentions in a text at word boundaries: (start, end, actor).
    pub fn find<'a>(&'a self, text: &str) -> Vec<(usize, usize, &'a Link)> {
        self.find_forms(text).into_iter().map(|f| (f.start, f.end, f.actor)).collect()
    }

    /// Mentions in a text at word boundaries, stem matches extended to the word's end.
    pub fn find_forms<'a>(&'a self, text: &str) -> Vec<Found<'a>> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let c = Compared::new(text);
        let t: &str = &c.text;
        let mut found = Vec::new();
        let mut taken = 0;
        for m in matcher.find_iter(t) {
            if m.is_empty() || m.start() < taken {
                continue;
            }
            let before = t[..m.start()].chars().next_back();
            if before.is_some_and(in_word) {
                continue;
            }
            let stem = self.stems[m.pattern().as_usize()];
            let mut end = m.end();
            if stem {
                let mut rest = t[end..].char_indices().peekable();
                while let Some((i, ch)) = rest.next() {
                    let joins = ch == '\'' && rest.peek().is_some_and(|&(_, n)| n.is_alphabetic());
                    if !(in_word(ch) || joins) {
                        break;
                    }
                    end = m.end() + i + ch.len_utf8();
                }
            } else if t[end..].chars().next().is_some_and(in_word) {
                continue;
            }
            taken = end;
            let (start, end) = c.original(m.start(), end);
            found.push(Found { start, end, actor: &self.actors[m.pattern().as_usize()], by_stem: stem });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(m: &Mentions, text: &str) -> Vec<String> {
        m.find(text).into_iter().map(|(s, e, _)| text[s..e].to_string()).collect()
    }

    #[test]
    fn a_stem_matches_every_case_form_at_word_starts() {
        let m = Mentions::from_names(&[("k", "Коваленк*"), ("k", "Олена Коваленко")]);
        let text = "Олена Коваленко сказала. Коваленка, Коваленку і Коваленком; не Дмитроковаленко.";
        assert_eq!(found(&m, text), ["Олена Коваленко", "Коваленка", "Коваленку", "Коваленком"]);
        let by_stem: Vec<bool> = m.find_forms(text).iter().map(|f| f.by_stem).collect();
        assert_eq!(by_stem, [false, true, true, true]);
    }

    #[test]
    fn decomposed_letters_and_any_apostrophe_match() {
        let m = Mentions::from_names(&[("a", "Андрій"), ("o", "О'Брайєн")]);
        let text = "Андріи\u{306} і Оʼ Брайєн, Оʼ і О’Брайєн.";
        assert_eq!(found(&m, text), ["Андріи\u{306}", "О’Брайєн"]);
    }

    #[test]
    fn a_long_word_of_stems_stays_linear() {
        let m = Mentions::from_names(&[("a", "ааа*")]);
        let text = "а".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(m.find(&text).len(), 1);
        assert!(started.elapsed().as_secs() < 10);
    }
}
