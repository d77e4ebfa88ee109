//! New spellings of known actors: a name that matches no actor but is close to one of an
//! actor's names ("Volodymyr Zelensky" for "Volodymyr Zelenskyy") is proposed as that
//! actor's alias, for `dossier alias` to accept. Close means equal after folding
//! (letter case, diacritics, y/i/ii/iy/yj endings), or one letter off in a long word, or a
//! first name before a person's known surname.

use strsim::levenshtein;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use crate::hash::hash_of;
use crate::model::dossier::Link;

/// One actor's names, folded word by word.
struct Known {
    link: Link,
    person: bool,
    names: Vec<Vec<String>>,
}

/// Every actor's names, folded once for every proposal.
pub struct Spellings {
    actors: Vec<Known>,
    /// Equal when the proposals would be equal (for the source cache).
    pub fingerprint: u64,
}

/// Lower case, without diacritics, with transliteration endings made one
/// ("Zelenskyy", "Zelenskiy", "Zelensky" -> "zelenski").
fn fold_word(word: &str) -> String {
    let mut out = String::new();
    for c in word.nfd().filter(|c| canonical_combining_class(*c) == 0) {
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let stem = out.trim_end_matches(['i', 'y', 'j']);
    if stem.len() != out.len() && stem.chars().count() >= 3 {
        format!("{stem}i")
    } else {
        out
    }
}

fn fold(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2011}')
        .map(fold_word)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Two folded words that may spell one name: equal, or one letter off in a long word
/// (not a feminine -a form, "Zelenska" is someone else).
fn close(a: &str, b: &str, min_len: usize) -> bool {
    if a == b {
        return true;
    }
    let short = a.chars().count().min(b.chars().count());
    let feminine = a.ends_with('a') != b.ends_with('a');
    short >= min_len && !feminine && levenshtein(a, b) <= 1
}

impl Spellings {
    /// From every actor: its link, whether it is a person, its name and aliases.
    pub fn new<'a>(actors: impl IntoIterator<Item = (&'a Link, bool, Vec<&'a str>)>) -> Spellings {
        let actors: Vec<Known> = actors
            .into_iter()
            .map(|(link, person, names)| Known {
                link: link.clone(),
                person,
                names: names.into_iter().map(fold).filter(|n| !n.is_empty()).collect(),
            })
            .collect();
        let fingerprint = hash_of(&actors.iter().map(|a| (&a.link, a.person, &a.names)).collect::<Vec<_>>());
        Spellings { actors, fingerprint }
    }

    /// The one actor `candidate` may be a new spelling of, if there is exactly one.
    pub fn propose(&self, candidate: &str) -> Option<&Link> {
        let words = fold(candidate);
        if words.is_empty() || words.len() > 5 {
            return None;
        }
        let mut found = self.actors.iter().filter(|a| a.matches(&words));
        let first = found.next()?;
        found.next().is_none().then_some(&first.link)
    }
}

impl Known {
    fn matches(&self, words: &[String]) -> bool {
        let min_len = if self.person { 5 } else { 7 };
        let aligned = |name: &Vec<String>| {
            let n = name.len().min(words.len());
            name[name.len() - n..].iter().zip(&words[words.len() - n..]).all(|(a, b)| close(a, b, min_len))
        };
        // The same number of words, each close: "Volodymyr Zelensky".
        if self.names.iter().any(|n| n.len() == words.len() && aligned(n)) {
            return true;
        }
        if !self.person {
            return false;
        }
        let surname_ok = |n: &Vec<String>| aligned(n) && n.last().is_some_and(|w| w.chars().count() >= 4);
        if words.len() == 1 {
            // A person's surname alone: "Zelensky".
            // Against the name, or a two-word alias: not a title ("Supreme Allied Commander Europe").
            return self
                .names
                .iter()
                .enumerate()
                .any(|(i, n)| n.len() > 1 && (i == 0 || n.len() == 2) && surname_ok(n));
        }
        // A first name before a surname, for a person whose first name is not known:
        // "Donald Tusk" for an actor named "Tusk" (not "Olena Zelenska" for Volodymyr).
        self.names.iter().all(|n| n.len() == 1) && self.names.iter().any(surname_ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;

    fn spellings() -> Spellings {
        let z = Link::new(Kind::Actor, "zelenskyy", "Volodymyr Zelenskyy");
        let t = Link::new(Kind::Actor, "tusk", "Tusk");
        let r = Link::new(Kind::Actor, "russia", "Russia");
        Spellings::new([
            (&z, true, vec!["Volodymyr Zelenskyy", "Zelenskiy", "Vladimir Zelenskiy", "Supreme Commander Europe"]),
            (&t, true, vec!["Tusk"]),
            (&r, false, vec!["Russia", "Russian Federation"]),
        ])
    }

    #[test]
    fn proposes_transliterations_diacritics_and_first_names() {
        let s = spellings();
        let id = |c: &str| s.propose(c).map(|l| l.id.clone());
        assert_eq!(id("Volodymyr Zelensky").as_deref(), Some("zelenskyy"));
        assert_eq!(id("Zelenski").as_deref(), Some("zelenskyy"));
        assert_eq!(id("Volodymyr Zelenśkyj").as_deref(), Some("zelenskyy"));
        assert_eq!(id("Donald Tusk").as_deref(), Some("tusk"));
        assert_eq!(id("Russian Federaton").as_deref(), Some("russia"));
        for wrong in ["Olena Zelenska", "Zelenska", "Prussia", "Volodymyr", "Tuska", "Editors", "Europe"] {
            assert_eq!(id(wrong), None, "{wrong}");
        }
    }
}
