//! Copies and relays: a source that repeats long passages of another, word for word, is
//! a wire copy or a relay of it, and is not an independent origin. Texts are compared by
//! shingles (runs of `SHINGLE` normalised words, hashed), indexed by hash, so the work
//! grows with the total length of the texts, not with the number of pairs of sources.
//! Only the editor's `relays:` changes how corroboration is counted; this module warns
//! where a copy is not declared.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::date::PartialDate;
use crate::pipeline::load::{Loaded, SourceData};

/// Words in one shingle: long enough that two distinct articles do not share one by
/// chance (a stock phrase is rarely eight words), short enough that light editing
/// (a changed word every sentence or two) leaves most shingles of a copy intact.
pub const SHINGLE: usize = 8;
/// A pair is a copy when this share of the shorter text is repeated in the other.
/// Measured on the shipped articles and seeds: distinct articles share no shingle at
/// all (0 of 20 pairs); the test wire copy of the Reuters report repeats 81%.
pub const MIN_SHARE: f64 = 0.25;
/// ... and the repeated passages hold at least this many shingles (about 30 words), so
/// two short texts sharing one long quote are not called copies.
pub const MIN_SHARED: usize = 24;
/// A shingle found in more sources than this is boilerplate (a byline formula, a site's
/// footer) and is not counted: it says nothing about which text copies which.
const BOILERPLATE: usize = 200;

/// One text's shingles: sorted, distinct hashes.
pub struct Shingles {
    hashes: Vec<u64>,
}

/// FNV-1a of a word in lower case: stable across runs and platforms, fast on short
/// words, and without building the lower-case word.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    if word.is_ascii() {
        word.bytes().for_each(|b| feed(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut feed);
        }
    }
    h
}

/// Every shingle of `text` in order: (hash, byte offset of its first word). Words are
/// letters and digits only, so punctuation, quote marks, Markdown escapes and line
/// breaks do not matter.
fn shingles_in(text: &str) -> Vec<(u64, usize)> {
    let words: Vec<(usize, u64)> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, word_hash(w)))
        .collect();
    words
        .windows(SHINGLE)
        .map(|window| {
            let h = window.iter().fold(0u64, |h, (_, w)| h.rotate_left(9) ^ w.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            (h, window[0].0)
        })
        .collect()
}

impl Shingles {
    pub fn of(text: &str) -> Shingles {
        let mut hashes: Vec<u64> = shingles_in(text).into_iter().map(|(h, _)| h).collect();
        hashes.sort_unstable();
        hashes.dedup();
        // The collect above may have kept the larger buffer of (hash, offset) pairs.
        hashes.shrink_to_fit();
        Shingles { hashes }
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// Byte offset in `text` of its first shingle that `other` also holds.
pub fn first_shared(text: &str, other: &Shingles) -> Option<usize> {
    shingles_in(text).into_iter().find(|(h, _)| other.hashes.binary_search(h).is_ok()).map(|(_, at)| at)
}

/// Two texts that share long passages: indexes into the list given to `pairs`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// Distinct shingles the two share.
    pub shared: usize,
}

impl Pair {
    /// The share of text `i`'s shingles that the other text repeats.
    pub fn share_of(&self, i: usize, all: &[Shingles]) -> f64 {
        self.shared as f64 / all[i].len().max(1) as f64
    }
}

/// Every pair of texts sharing at least `MIN_SHARED` shingles and `MIN_SHARE` of the
/// shorter one, in index order. Each text's shingles are looked up in one index of all.
pub fn pairs(all: &[Shingles]) -> Vec<Pair> {
    // One sorted list of (shingle, text) is the index: texts sharing a shingle are
    // neighbours in it, and a shingle of one text only (nearly all) costs nothing more.
    // Each entry is one u64: the shingle's top 40 bits, then the text's number (24 bits;
    // a chance match of 40 bits is rare, and a copy needs `MIN_SHARED` matches).
    const TEXT_BITS: u32 = 24;
    if all.len() >= 1 << TEXT_BITS {
        return Vec::new();
    }
    let mut index: Vec<u64> = Vec::with_capacity(all.iter().map(Shingles::len).sum());
    for (i, s) in all.iter().enumerate() {
        index.extend(s.hashes.iter().map(|h| (h >> TEXT_BITS << TEXT_BITS) | i as u64));
    }
    index.sort_unstable();
    index.dedup();
    let text = |e: &u64| (e & ((1 << TEXT_BITS) - 1)) as u32;
    let mut shared: HashMap<(u32, u32), usize> = HashMap::new();
    for run in index.chunk_by(|x, y| x >> TEXT_BITS == y >> TEXT_BITS) {
        if run.len() < 2 || run.len() > BOILERPLATE {
            continue;
        }
        for (n, a) in run.iter().enumerate() {
            for b in &run[n + 1..] {
                *shared.entry((text(a), text(b))).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Pair> = shared
        .into_iter()
        .filter(|&((a, b), shared)| {
            let shorter = all[a as usize].len().min(all[b as usize].len()).max(1);
            shared >= MIN_SHARED && shared as f64 / shorter as f64 >= MIN_SHARE
        })
        .map(|((a, b), shared)| Pair { a: a as usize, b: b as usize, shared })
        .collect();
    out.sort_by_key(|p| (p.a, p.b));
    out
}

/// A source as the copy check sees it.
pub struct Text<'a> {
    pub id: &'a str,
    pub published: Option<PartialDate>,
    pub publisher: Option<&'a str>,
    pub relays: Option<&'a str>,
}

/// Of two sources sharing text, (copy, original): the later published, else the one more
/// of whose text is repeated (a relay trims or reframes), else the later id.
pub fn direction(pair: &Pair, texts: &[Text], all: &[Shingles]) -> (usize, usize) {
    let (a, b) = (pair.a, pair.b);
    let key = |d: Option<PartialDate>| d.map(|d| d.iso().trim_start_matches('~').to_string());
    let (da, db) = (key(texts[a].published), key(texts[b].published));
    if let (Some(da), Some(db)) = (&da, &db) {
        if da != db {
            return if da > db { (a, b) } else { (b, a) };
        }
    }
    let (sa, sb) = (pair.share_of(a, all), pair.share_of(b, all));
    if (sa - sb).abs() > 0.02 {
        return if sa > sb { (a, b) } else { (b, a) };
    }
    if texts[a].id > texts[b].id {
        (a, b)
    } else {
        (b, a)
    }
}

/// An outlet's name compared as `relays:` values are: case and a leading "the" ignored.
pub fn outlet_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).trim().to_string()
}

/// Whether the editor has declared how the two are related: one `relays:` the other's
/// id or publisher, or both relay the same outlet.
pub fn declared(copy: &Text, original: &Text) -> bool {
    let names_other = |this: &Text, other: &Text| {
        this.relays
            .is_some_and(|r| r.trim() == other.id || other.publisher.is_some_and(|p| outlet_key(p) == outlet_key(r)))
    };
    let same_outlet = match (copy.relays, original.relays) {
        (Some(x), Some(y)) => outlet_key(x) == outlet_key(y),
        _ => false,
    };
    names_other(copy, original) || names_other(original, copy) || same_outlet
}

/// "85%", never "100%" for a share short of all of it.
pub fn percent(share: f64) -> String {
    let p = (share * 100.0).floor() as u32;
    format!("{}%", p.min(100))
}

/// A warning on every source that repeats long passages of another and does not say so.
pub fn undeclared(sources: &[Loaded<SourceData>]) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let all: Vec<Shingles> = sources.par_iter().map(|s| Shingles::of(s.body())).collect();
    let texts: Vec<Text> = sources.iter().map(text_of).collect();
    let mut out = Vec::new();
    for pair in pairs(&all) {
        let (copy, original) = direction(&pair, &texts, &all);
        if declared(&texts[copy], &texts[original]) {
            continue;
        }
        let s = &sources[copy];
        let at = first_shared(s.body(), &all[original]).map_or(0, |at| s.data.body_offset + at);
        let (own, theirs) = (pair.share_of(copy, &all), pair.share_of(original, &all));
        let other = texts[original].id;
        let message = if own >= theirs {
            format!("{} of this article's text repeats source `{other}` word for word", percent(own))
        } else {
            format!("this article repeats {} of source `{other}` word for word", percent(theirs))
        };
        out.push(
            Diagnostic::at_offset(&s.path, &s.text, at.min(s.text.len()), message)
                .help(format!(
                    "if it is a wire copy or relay, add `relays: {other}` to its front matter, so the two \
                     count as one origin"
                ))
                .warning(),
        );
    }
    out
}

pub fn text_of(s: &Loaded<SourceData>) -> Text<'_> {
    Text {
        id: &s.id,
        published: s.data.front.published,
        publisher: s.data.front.publisher.as_deref(),
        relays: s.data.front.relays.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "Leaders from the U.S. and European countries moved closer to finalising legally \
        binding security guarantees for Ukraine following a meeting in Paris on Sunday. The package includes \
        a high-tech mechanism to monitor a ceasefire, a multinational force led by France and the UK, and a \
        legally binding commitment to assist Kyiv in the event of a future Russian attack.";

    #[test]
    fn a_light_edit_is_a_copy_and_a_different_text_is_not() {
        let copy = ORIGINAL.replace("on Sunday", "on Sunday, officials said").replace("UK,", "United Kingdom,");
        let other = "The harbour authority opened a second terminal for grain ships on Tuesday, and the \
            city council voted to extend the tram line to the new port district by next spring.";
        let all = [Shingles::of(ORIGINAL), Shingles::of(&copy), Shingles::of(other)];
        let found = pairs(&all);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].a, found[0].b), (0, 1));
        assert!(found[0].share_of(1, &all) > 0.6, "{}", found[0].share_of(1, &all));
    }

    #[test]
    fn punctuation_and_case_do_not_hide_a_copy() {
        let shouted = ORIGINAL.to_uppercase().replace(',', " ;").replace('.', "!");
        let all = [Shingles::of(ORIGINAL), Shingles::of(&shouted)];
        assert_eq!(pairs(&all)[0].share_of(1, &all), 1.0);
    }

    #[test]
    fn declared_relays_by_id_publisher_or_common_outlet() {
        let t = |id, publisher, relays| Text { id, published: None, publisher, relays };
        assert!(declared(&t("copy", None, Some("orig")), &t("orig", None, None)));
        assert!(declared(&t("copy", None, Some("Reuters")), &t("orig", Some("Reuters"), None)));
        assert!(declared(&t("a", None, Some("The New York Times")), &t("b", None, Some("New York Times"))));
        assert!(!declared(&t("copy", None, None), &t("orig", Some("Reuters"), None)));
        assert!(!declared(&t("copy", None, Some("AP")), &t("orig", Some("Reuters"), None)));
    }
}
