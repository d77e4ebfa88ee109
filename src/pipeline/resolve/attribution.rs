//! Reporting credited to another outlet: "according to The New York Times", "Reuters
//! reported", "told Reuters", "citing Bloomberg". An article that credits an outlet this
//! way may relay its report; the editor decides, and declares it with `relays:`.

use std::collections::BTreeMap;

use super::copies::outlet_key;

/// Names of agencies and outlets that do not end in an outlet word.
const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "dpa",
    "Interfax",
    "TASS",
    "RIA Novosti",
    "Xinhua",
    "Ukrinform",
    "Kyodo",
    "ANSA",
    "EFE",
    "PAP",
    "Politico",
    "Axios",
    "BBC",
    "CNN",
    "NYT",
    "Al Jazeera",
    "Le Monde",
    "Der Spiegel",
    "Kommersant",
    "Meduza",
    "Kyiv Independent",
    "Euronews",
    "Semafor",
];
/// Last words that make a name an outlet's ("The Washington Post", "Riverton Gazette").
const OUTLET_WORDS: &[&str] = &[
    "Times",
    "Post",
    "News",
    "Journal",
    "Agency",
    "Press",
    "Gazette",
    "Herald",
    "Tribune",
    "Telegraph",
    "Guardian",
    "Economist",
    "Monitor",
    "Wire",
    "Radio",
    "Television",
    "TV",
    "Daily",
    "Observer",
    "Chronicle",
    "Independent",
    "Express",
    "Mail",
    "Mirror",
    "Zeitung",
    "Pravda",
    "Izvestia",
    "Standard",
    "Courier",
    "Sun",
    "Inquirer",
];
/// Short forms written for a few outlets, and the name a `relays:` line should carry.
const SHORT_FORMS: &[(&str, &str)] =
    &[("NYT", "The New York Times"), ("AP", "Associated Press"), ("WSJ", "The Wall Street Journal")];

/// One outlet an article credits, how often, and the first words that credit it.
#[derive(Debug, Clone, PartialEq)]
pub struct Credit {
    pub outlet: String,
    pub count: usize,
    pub example: String,
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether `name` is an outlet: a known one, one ending in an outlet word, or one of
/// `publishers` (the dossier's own sources' publishers).
fn is_outlet(name: &str, publishers: &[String]) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    OUTLETS.iter().any(|o| o.eq_ignore_ascii_case(name))
        || OUTLET_WORDS.contains(&last)
        || publishers.iter().any(|p| outlet_key(p) == outlet_key(name))
}

/// The capitalised run of words starting at `words[i]` ("The New York Times"), at most
/// six words, ending at the first word that ends a clause.
fn name_from(words: &[&str], i: usize) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    for w in words.iter().skip(i).take(6) {
        let b = bare(w);
        if b.is_empty() || !(capitalised(b) || (!name.is_empty() && matches!(b, "of" | "de" | "der"))) {
            break;
        }
        name.push(b);
        if w.ends_with([',', '.', ';', ':', ')', '"', '\u{201d}']) {
            break;
        }
    }
    while name.last().is_some_and(|w| matches!(*w, "of" | "de" | "der")) {
        name.pop();
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// The capitalised run of words ending at `words[end - 1]` ("Reuters" in "Reuters reported").
fn name_before(words: &[&str], end: usize) -> Option<String> {
    let mut start = end;
    while start > 0 && end - start < 6 {
        let w = words[start - 1];
        if !capitalised(bare(w)) || (start < end && w.ends_with([',', '.', ';', ':'])) {
            break;
        }
        start -= 1;
    }
    (start < end).then(|| words[start..end].iter().map(|w| bare(w)).collect::<Vec<_>>().join(" "))
}

/// The outlets `paragraphs` credit, most often credited first; `own` (the article's
/// publisher) is left out.
pub fn credits<'a>(
    paragraphs: impl IntoIterator<Item = &'a str>,
    publishers: &[String],
    own: Option<&str>,
) -> Vec<Credit> {
    let mut found: BTreeMap<String, Credit> = BTreeMap::new();
    for p in paragraphs {
        let words: Vec<&str> = p.split_whitespace().collect();
        for i in 0..words.len() {
            let lower = bare(words[i]).to_lowercase();
            let next = words.get(i + 1).map(|w| bare(w).to_lowercase()).unwrap_or_default();
            let mut candidates = Vec::new();
            if lower == "according" && next == "to" {
                candidates.push(name_from(&words, i + 2));
            }
            if matches!(lower.as_str(), "told" | "citing" | "cited")
                || (lower == "by" && i > 0 && {
                    let before = bare(words[i - 1]).to_lowercase();
                    before == "reported" || before == "published"
                })
            {
                candidates.push(name_from(&words, i + 1));
            }
            let prev_ends = i > 0 && words[i - 1].ends_with([',', '.', ';', ':']);
            if matches!(lower.as_str(), "reported" | "reports" | "reporting") && i > 0 && !prev_ends {
                candidates.push(name_before(&words, i));
            }
            for name in candidates.into_iter().flatten() {
                if !is_outlet(&name, publishers) || own.is_some_and(|o| outlet_key(o) == outlet_key(&name)) {
                    continue;
                }
                let outlet =
                    SHORT_FORMS.iter().find(|(short, _)| *short == name).map_or(name.clone(), |(_, f)| f.to_string());
                let lo = i.saturating_sub(3);
                let example = words[lo..(i + 6).min(words.len())].join(" ");
                let credit =
                    found.entry(outlet_key(&outlet)).or_insert(Credit { outlet, count: 0, example: example.clone() });
                credit.count += 1;
            }
        }
    }
    let mut out: Vec<Credit> = found.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.outlet.cmp(&b.outlet)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlets(text: &str) -> Vec<(String, usize)> {
        credits(text.split("\n\n"), &["Riverton Gazette".to_string()], Some("Valley Post"))
            .into_iter()
            .map(|c| (c.outlet, c.count))
            .collect()
    }

    #[test]
    fn credited_outlets_are_found_and_people_are_not() {
        let text = "According to The New York Times, citing multiple sources, the deal holds.\n\n\
            The plan was first reported by Reuters. NYT reports two documents.\n\n\
            Macron told Reuters that the force would stay. Merz told reporters nothing. \
            According to Macron, talks go on. Riverton Gazette reported a vote. \
            The Valley Post reported it too.";
        assert_eq!(
            outlets(text),
            [("Reuters".to_string(), 2), ("The New York Times".into(), 2), ("Riverton Gazette".into(), 1)]
        );
    }
}
