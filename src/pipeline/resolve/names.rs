//! Names for running text. A bare `[[id]]` shows the item's short name: an actor's
//! name, else the item's `short:`, else (a source) its publisher and date, else its
//! title. Two warnings keep sentences readable: a bare link that would put a whole
//! sentence-like title mid-sentence, and a word doubled across a link ("the The ...").

use std::collections::{HashMap, HashSet};

use crate::pipeline::load::Raw;

/// The inline name of every item, and the ids whose name is a whole title that reads
/// like a sentence (no `short:` given).
pub struct Names {
    pub names: HashMap<String, String>,
    pub sentence_like: HashSet<String>,
}

/// A title reads like a sentence when it is long or ends with punctuation.
pub fn reads_like_sentence(title: &str) -> bool {
    title.split_whitespace().count() > 6 || title.trim_end().ends_with(['.', '?', '!', ':', ';'])
}

pub fn names(raw: &Raw) -> Names {
    let mut names = HashMap::new();
    let mut sentence_like = HashSet::new();
    let mut titled = |id: &str, title: &str, short: &Option<String>| {
        let short = short.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if short.is_none() && reads_like_sentence(title) {
            sentence_like.insert(id.to_string());
        }
        names.insert(id.to_string(), short.unwrap_or(title).to_string());
    };
    raw.pillars.iter().for_each(|f| titled(&f.id, &f.data.title, &f.data.short));
    raw.questions.iter().for_each(|f| titled(&f.id, &f.data.title, &f.data.short));
    raw.events.iter().for_each(|f| titled(&f.id, &f.data.title, &f.data.short));
    raw.figures.iter().for_each(|f| titled(&f.id, &f.data.title, &f.data.short));
    for f in &raw.sources {
        let front = &f.data.front;
        let by_date =
            front.publisher.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(|p| match front.published {
                Some(d) => format!("{p}, {}", raw.messages.date(&d)),
                None => p.to_string(),
            });
        let short = front.short.clone().or(by_date);
        titled(&f.id, &front.title, &short);
    }
    for f in &raw.actors {
        names.insert(f.id.clone(), f.data.name.clone());
    }
    Names { names, sentence_like }
}

/// A `[[...]]` written in a Markdown field: its id, its label if any, and the word
/// just before it.
pub struct Written<'a> {
    pub inner: &'a str,
    pub id: &'a str,
    pub label: Option<&'a str>,
    pub word_before: Option<&'a str>,
}

/// Every wikilink in `markdown`, as written.
pub fn wikilinks(markdown: &str) -> Vec<Written<'_>> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(start) = markdown[rest..].find("[[").map(|i| rest + i) {
        let Some(end) = markdown[start + 2..].find("]]").map(|i| start + 2 + i) else { break };
        let inner = &markdown[start + 2..end];
        let (id, label) = match inner.split_once('|') {
            Some((id, label)) => (id.trim(), Some(label.trim())),
            None => (inner.trim(), None),
        };
        let before = &markdown[..start];
        // Only a word separated from the link by a space is "before" it.
        let word_before = before
            .ends_with([' ', '\n'])
            .then(|| before.split_whitespace().next_back())
            .flatten()
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty());
        out.push(Written { inner, id, label, word_before });
        rest = end + 2;
    }
    out
}

/// Whether `before` repeats the first word of `shown` ("the The", "U.S. U.S.").
pub fn doubled(before: &str, shown: &str) -> bool {
    let trim = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let first = shown.split_whitespace().next().map(trim).unwrap_or_default();
    !first.is_empty() && trim(before) == first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_and_the_word_before() {
        let w = wikilinks("the [[nyt]] and the U.S. [[us-congress|Congress]], ([[x]])");
        assert_eq!(w.len(), 3);
        assert_eq!((w[0].id, w[0].word_before), ("nyt", Some("the")));
        assert_eq!((w[1].id, w[1].label, w[1].word_before), ("us-congress", Some("Congress"), Some("U.S.")));
        assert_eq!(w[2].word_before, None);
    }

    #[test]
    fn doubled_words_across_a_link() {
        assert!(doubled("the", "The New York Times"));
        assert!(doubled("U.S.", "U.S. Congress"));
        assert!(!doubled("the", "New York Times"));
        assert!(!doubled("of", "Office"));
    }

    #[test]
    fn sentence_like_titles() {
        assert!(reads_like_sentence("Coalition of the Willing meets in Paris and outlines five pillars"));
        assert!(reads_like_sentence("Who supplies the troops?"));
        assert!(!reads_like_sentence("Paris meeting"));
    }
}
