//! Actor mentions: every actor's name and aliases, found in one pass over a text, at
//! word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::hash::hash_of;
use crate::model::dossier::Link;
use crate::model::kind::Kind;

/// Every actor's name and aliases, matched in one pass over a text.
pub struct Mentions {
    matcher: Option<AhoCorasick>,
    /// Pattern index -> actor link.
    actors: Vec<Link>,
    /// A hash of every name and its actor: equal when the matches would be equal.
    pub(super) fingerprint: u64,
}

impl Mentions {
    /// A matcher for every (name, actor) pair; blank names never match.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, &'a Link)>) -> Mentions {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (name, link) in names {
            if !name.trim().is_empty() {
                patterns.push(name.trim().to_string());
                owners.push(link.clone());
            }
        }
        // Leftmost-longest: "Donald Trump" wins over "Trump" where both match.
        let matcher = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        let fingerprint = hash_of(&(&patterns, &owners));
        Mentions { matcher, actors: owners, fingerprint }
    }

    /// A matcher for a few (actor id, name) pairs, for tests and tools.
    pub fn from_names(names: &[(&str, &str)]) -> Mentions {
        let names: Vec<&(&str, &str)> = names.iter().filter(|(_, n)| !n.trim().is_empty()).collect();
        let patterns: Vec<&str> = names.iter().map(|(_, n)| *n).collect();
        let actors: Vec<Link> = names.iter().map(|(id, n)| Link::new(Kind::Actor, id, n)).collect();
        let fingerprint = hash_of(&(&patterns, &actors));
        let matcher = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(patterns).ok();
        Mentions { matcher, actors, fingerprint }
    }

    /// Mentions in a text at word boundaries: (start, end, actor).
    pub fn find<'a>(&'a self, text: &str) -> Vec<(usize, usize, &'a Link)> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        matcher
            .find_iter(text)
            .filter(|m| {
                if m.is_empty() {
                    return false;
                }
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|m| (m.start(), m.end(), &self.actors[m.pattern().as_usize()]))
            .collect()
    }
}
