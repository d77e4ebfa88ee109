//! Names in source texts that match no actor: runs of capitalised words ("Keir
//! Starmer", "Bundestag") outside every actor mention, counted and ranked. They tell an
//! editor which actors may be missing, so what is plainly not a name is left out:
//! sentence openers that the article also writes in lower case, headings, a site's
//! section words ("Get Involved"), hyphenated compounds ("AI-driven") and the dossier's
//! own `ignore_names`. A surname alone counts with the full name ("Tusk", "Donald Tusk").
//!
//! In any language, the word that opens a sentence is capitalised for that reason
//! alone: it starts a name only if the article also capitalises it inside a sentence
//! ("За", "Він", "Голова" opening Ukrainian sentences are not names). Scripts without
//! capitals (Arabic, Hebrew, Chinese) give no such clue: `caseless` tells the caller the
//! check does not apply.

use std::collections::{BTreeMap, HashSet};

use super::mentions::Mentions;
use super::name_words::{is_common, is_edge, is_person_title, is_section_words, JOINERS};
use crate::text::paragraphs::BlockKind;

const HYPHENS: &[char] = &['-', '\u{2010}', '\u{2011}', '\u{2012}'];

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
}

/// "AI-driven", "Kremlin-backed": a compound with a lower-case part describes, it does
/// not name ("Jean-Luc" and "Franco-German" keep every part capitalised).
fn lower_compound(word: &str) -> bool {
    word.contains(HYPHENS) && word.split(HYPHENS).any(|part| !part.chars().next().is_some_and(char::is_uppercase))
}

/// "Fundamentally," opening a sentence: an adverb, not a name ("Italy," is kept).
fn adverb(raw: &str, word: &str) -> bool {
    let endings = ["ally", "ely", "ily", "ully", "ntly", "edly", "arly", "ssly"];
    raw.ends_with(',') && word.chars().count() > 5 && endings.iter().any(|e| word.ends_with(e))
}

/// A heading, or a line that reads like one: a few capitalised words with no sentence
/// punctuation (menus and section titles of saved pages: "Get Involved").
fn heading_like(kind: BlockKind, text: &str) -> bool {
    if kind == BlockKind::Heading {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let small = |w: &str| JOINERS.contains(&w) || ["and", "the", "for", "in", "to", "a", "on", "&"].contains(&w);
    words.len() <= 12
        && !text.trim_end().ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201d}', ')'])
        && words.iter().all(|w| capitalised(w) || small(w) || !w.chars().any(char::is_alphabetic))
}

/// The name inside a run of capitalised words: after the last title ("Prime Minister
/// Donald Tusk" -> "Donald Tusk"), without titles, adjectives or joiners at its edges.
fn name_of<'w>(run: &'w [&'w str]) -> &'w [&'w str] {
    let after_title = match run.iter().rposition(|w| is_person_title(w)) {
        Some(t) if run[t + 1..].iter().any(|w| !is_edge(w)) => &run[t + 1..],
        _ => run,
    };
    let start = after_title.iter().position(|w| !is_edge(w)).unwrap_or(after_title.len());
    let end = after_title.iter().rposition(|w| !is_edge(w)).map_or(start, |i| i + 1);
    &after_title[start..end.max(start)]
}

/// Whether a text is written mostly in a script without capital letters (Arabic,
/// Hebrew, CJK): there, capitals cannot tell names, so the check does not apply.
pub fn caseless<'a>(paragraphs: impl Iterator<Item = &'a str>) -> bool {
    let (mut letters, mut cased) = (0usize, 0usize);
    for c in paragraphs.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        cased += usize::from(c.is_uppercase() || c.is_lowercase());
    }
    letters > 0 && cased * 2 < letters
}

/// Words capitalised somewhere other than at a sentence's start: a run that opens a
/// sentence keeps its first word only if it is among them.
fn capitalised_inside(paragraphs: &[&str]) -> HashSet<String> {
    let mut inside = HashSet::new();
    for para in paragraphs {
        let mut sentence_start = true;
        for raw in para.split(' ') {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if !sentence_start && capitalised(word) {
                inside.insert(word.to_string());
            }
            sentence_start = raw.ends_with(['.', '!', '?', ':']) || (raw.is_empty() && sentence_start);
        }
    }
    inside
}

/// Names in `paragraphs` not covered by an actor mention: (name, count), most frequent
/// first, at most `limit`. `ignore` lists names never to report (compared ignoring case).
pub fn unknown_names<'a>(
    paragraphs: impl Iterator<Item = (&'a str, BlockKind)>,
    mentions: &Mentions,
    ignore: &[String],
    limit: usize,
) -> Vec<(String, usize)> {
    let paragraphs: Vec<&str> = paragraphs.filter(|(p, kind)| !heading_like(*kind, p)).map(|(p, _)| p).collect();
    // Words the article also writes in lower case are not names when they open a sentence.
    let lower: HashSet<String> = paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect();
    let inside = capitalised_inside(&paragraphs);
    let ignore: HashSet<String> = ignore.iter().map(|n| n.trim().to_lowercase()).collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    // One-word names seen only where a sentence opens ("Ratification by each parliament"):
    // likely ordinary words, unless a longer name ends with them.
    let mut only_opening: HashSet<String> = HashSet::new();
    let mut seen_inside: HashSet<String> = HashSet::new();
    let mut count = |run: &mut Vec<&str>, opened: bool| {
        let mut name = name_of(run);
        // A sentence's first word, never capitalised elsewhere, is dropped where it is a
        // short word (a preposition or pronoun: "За Петром Дорошенком"); a longer one may
        // be part of the name and stays ("Security-Guarantee Bloc").
        let section = is_section_words(&run.join(" "));
        if opened && name.len() > 1 && name[0] == run[0] && !inside.contains(name[0]) && name[0].chars().count() <= 3 {
            name = &name[1..];
        }
        if name.len() == 1 && name[0] == run[0] && opened {
            only_opening.insert(name[0].to_string());
        } else if name.len() == 1 {
            seen_inside.insert(name[0].to_string());
        }
        let single_common = name.len() == 1 && is_common(name[0]);
        if !name.is_empty() && !single_common {
            let name = name.join(" ");
            if !section && !is_section_words(&name) && !ignore.contains(&name.to_lowercase()) {
                *counts.entry(name).or_default() += 1;
            }
        }
        run.clear();
    };
    for para in paragraphs {
        // Blank out what actors already cover, so "Keir Starmer" is not reported as "Keir".
        let mut text = para.to_string();
        for (start, end, _) in mentions.find(para) {
            text.replace_range(start..end, &"\u{1}".repeat(end - start));
        }
        let mut run: Vec<&str> = Vec::new();
        let mut run_opened = false;
        let mut sentence_start = true;
        for raw in text.split(' ') {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let opens = sentence_start;
            sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.is_empty();
            let ends_here = raw.len() != word.len() && !raw.ends_with('\'');
            let opener = opens && (is_common(word) || lower.contains(&word.to_lowercase()) || adverb(raw, word));
            let is_name_word = capitalised(word) && !opener && !lower_compound(word);
            let joins_a_name = !run.is_empty() && JOINERS.contains(&word);
            if is_name_word || joins_a_name {
                if run.is_empty() {
                    run_opened = opens;
                }
                run.push(word);
            } else {
                count(&mut run, run_opened);
            }
            if ends_here {
                count(&mut run, run_opened);
            }
        }
        count(&mut run, run_opened);
    }
    merge_surnames(&mut counts);
    counts.retain(|name, _| !only_opening.contains(name) || seen_inside.contains(name));
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(limit);
    ranked
}

/// "New Europe", "East Europe": a place described, not a person's first name.
fn describes(first: &str) -> bool {
    let compass = ["North", "South", "East", "West", "Central", "Greater", "Upper", "Lower", "Old"];
    is_common(first) || compass.contains(&first) || is_edge(first)
}

/// Counts a one-word name with the longer name it ends ("Tusk" with "Donald Tusk"): the
/// most frequent such name, the first in order on a tie.
pub fn merge_surnames(counts: &mut BTreeMap<String, usize>) {
    let singles: Vec<String> = counts.keys().filter(|n| !n.contains(' ')).cloned().collect();
    for single in singles {
        let suffix = format!(" {single}");
        let longer = counts
            .iter()
            .filter(|(n, _)| n.ends_with(&suffix) && !n.split(' ').next().is_some_and(describes))
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(n, _)| n.clone());
        if let (Some(longer), Some(n)) = (longer, counts.get(&single).copied()) {
            counts.remove(&single);
            *counts.entry(longer).or_default() += n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paras: &[&str], ignore: &[String]) -> Vec<(String, usize)> {
        let mentions = Mentions::from_names(&[("starmer", "Keir Starmer")]);
        unknown_names(paras.iter().map(|p| (*p, BlockKind::Paragraph)), &mentions, ignore, 10)
    }

    #[test]
    fn finds_names_and_skips_openers_titles_and_known_actors() {
        let paras = [
            "However, Keir Starmer met Prime Minister Mark Carney in Ottawa.",
            "The Bank of England said Carney was right. Mark Carney agreed.",
        ];
        assert_eq!(
            names(&paras, &[]),
            [("Mark Carney".to_string(), 3), ("Bank of England".into(), 1), ("Ottawa".into(), 1)]
        );
    }

    #[test]
    fn leaves_out_openers_sections_compounds_and_ignored_names() {
        let paras = [
            "Editors",
            "Discussion of the plan went on. Fundamentally, AI-driven tools helped Polish Prime Minister Donald Tusk.",
            "Tusk spoke. Get Involved",
            "Ottawa hosted the Summit. A summit is rare.",
        ];
        let ignore = ["ottawa".to_string()];
        assert_eq!(names(&paras, &ignore), [("Donald Tusk".to_string(), 2), ("Summit".into(), 1)]);
    }

    #[test]
    fn sentence_openers_in_any_language_are_not_names() {
        let paras = [
            "За словами джерела, Петро Дорошенко прибув до Києва. Він зустрівся з Мером.",
            "Під Києвом чекали. За Петром Дорошенком стояли люди.",
            "Голова комісії Дорошенко погодився. Мер Києва мовчав.",
        ];
        let got: Vec<String> = names(&paras, &[]).into_iter().map(|(n, _)| n).collect();
        for opener in ["За", "Він", "Голова"] {
            assert!(!got.iter().any(|n| n.split(' ').next() == Some(opener)), "{opener} in {got:?}");
        }
        assert!(got.contains(&"Петро Дорошенко".to_string()), "{got:?}");
        assert!(got.contains(&"Києва".to_string()), "{got:?}");
    }

    #[test]
    fn caseless_scripts_are_told_apart() {
        assert!(caseless(["قال الرئيس إن المفاوضات مستمرة."].into_iter()));
        assert!(caseless(["我们不会派兵。"].into_iter()));
        assert!(!caseless(["Голова комісії погодився."].into_iter()));
        assert!(!caseless([""].into_iter()));
    }
}
