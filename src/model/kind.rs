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

/// A valid id made from any text: lowercase, runs of other characters become `-`.
pub fn suggest_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "item".into()
    } else {
        id
    }
}
