//! Names in source texts that match no actor: runs of capitalised words ("Keir
//! Starmer", "Bundestag") outside every actor mention, counted and ranked, with common
//! sentence-opening words left out. They tell an editor which actors may be missing.

use std::collections::BTreeMap;

use super::mentions::Mentions;

/// Capitalised words that are not names (sentence openers, calendar words, boilerplate).
const COMMON: &[&str] = &[
    "A",
    "About",
    "Additionally",
    "After",
    "Also",
    "An",
    "And",
    "Any",
    "April",
    "As",
    "At",
    "August",
    "But",
    "By",
    "Can",
    "Case",
    "December",
    "Despite",
    "Each",
    "February",
    "Following",
    "For",
    "Friday",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Initially",
    "Instead",
    "It",
    "Its",
    "January",
    "July",
    "June",
    "Key",
    "March",
    "May",
    "Monday",
    "More",
    "Most",
    "No",
    "Not",
    "November",
    "October",
    "On",
    "One",
    "Or",
    "Our",
    "Read",
    "Saturday",
    "September",
    "She",
    "Since",
    "So",
    "Some",
    "Sunday",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thursday",
    "To",
    "Tuesday",
    "Under",
    "Unlike",
    "Wednesday",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "Will",
    "With",
    "Yet",
    "You",
    "Your",
];

/// Titles and adjectives of nationality: part of a phrase around a name, not a name.
const TITLES: &[&str] = &[
    "According",
    "Admiral",
    "Ambassador",
    "American",
    "Analysts",
    "Article",
    "British",
    "Chancellor",
    "Chief",
    "Comment",
    "Commander",
    "Data",
    "Deputy",
    "Eastern",
    "Editor",
    "European",
    "FAQ",
    "Foreign",
    "French",
    "General",
    "German",
    "Government",
    "High",
    "Italian",
    "Leader",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Northern",
    "President",
    "Prime",
    "Representative",
    "Russian",
    "Secretary",
    "Senator",
    "Southern",
    "Spanish",
    "Special",
    "Tags",
    "Ukrainian",
    "Western",
];

/// Words that may join the capitalised words of one name ("Bank of England").
const JOINERS: &[&str] = &["of", "de", "von", "der", "van", "al", "la", "du", "del"];

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
}

/// Names in `paragraphs` not covered by an actor mention: (name, count), most frequent
/// first, at most `limit`.
pub fn unknown_names<'a>(
    paragraphs: impl Iterator<Item = &'a str>,
    mentions: &Mentions,
    limit: usize,
) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for para in paragraphs {
        // Blank out what actors already cover, so "Keir Starmer" is not reported as "Keir".
        let mut text = para.to_string();
        for (start, end, _) in mentions.find(para) {
            text.replace_range(start..end, &"\u{1}".repeat(end - start));
        }
        let mut run: Vec<&str> = Vec::new();
        let mut sentence_start = true;
        let flush = |run: &mut Vec<&str>, counts: &mut BTreeMap<String, usize>| {
            // Titles and joiners at either edge are not part of the name.
            let edge = |w: &&str| JOINERS.contains(w) || TITLES.contains(w);
            let start = run.iter().position(|w| !edge(w)).unwrap_or(run.len());
            let end = run.iter().rposition(|w| !edge(w)).map_or(start, |i| i + 1);
            let name = &run[start..end.max(start)];
            let single_common = name.len() == 1 && COMMON.contains(&name[0]);
            if !name.is_empty() && !single_common {
                *counts.entry(name.join(" ")).or_default() += 1;
            }
            run.clear();
        };
        for raw in text.split(' ') {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let opens = sentence_start;
            sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.is_empty();
            let ends_here = raw.len() != word.len() && !raw.ends_with('\'');
            let is_name_word = capitalised(word) && !(opens && COMMON.contains(&word));
            let joins_a_name = !run.is_empty() && JOINERS.contains(&word);
            if is_name_word || joins_a_name {
                run.push(word);
            } else {
                flush(&mut run, &mut counts);
            }
            if ends_here {
                flush(&mut run, &mut counts);
            }
        }
        flush(&mut run, &mut counts);
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(limit);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_skips_openers_titles_and_known_actors() {
        let mentions = Mentions::from_names(&[("starmer", "Keir Starmer")]);
        let paras = [
            "However, Keir Starmer met Prime Minister Mark Carney in Ottawa.",
            "The Bank of England said Carney was right. Mark Carney agreed.",
        ];
        let names = unknown_names(paras.iter().copied(), &mentions, 10);
        assert_eq!(
            names,
            [("Mark Carney".to_string(), 2), ("Bank of England".into(), 1), ("Carney".into(), 1), ("Ottawa".into(), 1)]
        );
    }
}
