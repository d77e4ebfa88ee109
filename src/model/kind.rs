//! The kinds of item and the rules for their ids: vocabulary every stage shares.

/// The kinds of item, in the order the site presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pillar,
    Question,
    Actor,
    Event,
    Figure,
    Source,
    /// The dossier itself (`dossier.yaml`, shown on the home page): it cites and links
    /// like an item but is not one of the collections.
    Dossier,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::Pillar, Kind::Question, Kind::Actor, Kind::Event, Kind::Figure, Kind::Source];

    /// The folder under `content/` and under the site.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Pillar => "pillars",
            Kind::Question => "questions",
            Kind::Actor => "actors",
            Kind::Event => "events",
            Kind::Figure => "figures",
            Kind::Source => "sources",
            Kind::Dossier => "",
        }
    }

    pub fn singular(self) -> &'static str {
        match self {
            Kind::Pillar => "pillar",
            Kind::Question => "question",
            Kind::Actor => "actor",
            Kind::Event => "event",
            Kind::Figure => "figure",
            Kind::Source => "source",
            Kind::Dossier => "dossier",
        }
    }

    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Source => &["md"],
            _ => &["yaml", "yml"],
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Ukrainian's national romanisation (2010), letter by letter, for Cyrillic that is not
/// plainly Russian: `Зеленський` -> `zelenskyi`, where a generic table gives `zelenskii`.
fn ukrainian(c: char) -> Option<&'static str> {
    let table = [
        ('а', "a"),
        ('б', "b"),
        ('в', "v"),
        ('г', "h"),
        ('ґ', "g"),
        ('д', "d"),
        ('е', "e"),
        ('є', "ie"),
        ('ж', "zh"),
        ('з', "z"),
        ('и', "y"),
        ('і', "i"),
        ('ї', "i"),
        ('й', "i"),
        ('к', "k"),
        ('л', "l"),
        ('м', "m"),
        ('н', "n"),
        ('о', "o"),
        ('п', "p"),
        ('р', "r"),
        ('с', "s"),
        ('т', "t"),
        ('у', "u"),
        ('ф', "f"),
        ('х', "kh"),
        ('ц', "ts"),
        ('ч', "ch"),
        ('ш', "sh"),
        ('щ', "shch"),
        ('ь', ""),
        ('ю', "iu"),
        ('я', "ia"),
        ('\u{2bc}', ""),
        ('\u{2019}', ""),
    ];
    table.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

/// A valid id made from any text: lowercase, runs of other characters become `-`.
/// Other scripts are transliterated to ASCII first (Ukrainian by its national table,
/// the rest by `deunicode`), so a headline in any script gives a readable id.
pub fn suggest_id(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text: String = text.nfc().collect();
    let russian = text.chars().any(|c| "ыэъёЫЭЪЁ".contains(c));
    let mut id = String::new();
    let push = |c: char, id: &mut String| {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            push(c, &mut id);
            continue;
        }
        let ascii = match ukrainian(c).filter(|_| !russian) {
            Some(t) => t,
            None => deunicode::deunicode_char(c).unwrap_or(" "),
        };
        // A transliteration's apostrophes (soft signs) are dropped, not word breaks.
        for t in ascii.chars().filter(|t| *t != '\'').flat_map(|t| t.to_lowercase()) {
            push(t, &mut id);
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "item".into()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::suggest_id;

    #[test]
    fn headlines_in_any_script_give_ascii_ids() {
        assert_eq!(suggest_id("Зеленський зустрівся з Коваленко"), "zelenskyi-zustrivsia-z-kovalenko");
        assert_eq!(suggest_id("Путин объявил"), "putin-obiavil");
        assert_eq!(suggest_id("Αθήνα και Βερολίνο"), "athena-kai-berolino");
        assert_eq!(suggest_id("北京 2026"), "bei-jing-2026");
        assert_eq!(suggest_id("قمة باريس"), "qm-brys");
        assert_eq!(suggest_id("Bad Name!"), "bad-name");
        assert_eq!(suggest_id("!!!"), "item");
    }
}
