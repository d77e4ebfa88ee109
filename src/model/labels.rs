//! `labels:` in `dossier.yaml`, with the default words of the theme.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `labels:` in `dossier.yaml`: the words the theme shows for each kind of item and
/// section, so a dossier on another subject can call its pillars "Workstreams". Every
/// key is optional; a key not listed is an error, like any misspelt field.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Labels {
    /// Pillars as a section: navigation, breadcrumbs, headings.
    pub pillars: String,
    /// One pillar, lowercase: "pillar 2", "a pillar".
    pub pillar: String,
    /// The line under the heading of the list of pillars.
    pub pillars_intro: String,
    /// Questions in navigation and breadcrumbs.
    pub questions: String,
    /// The heading of the list of questions (home page, list page, print edition).
    pub open_questions: String,
    /// One question, lowercase.
    pub question: String,
    /// The line under the heading of the list of questions.
    pub questions_intro: String,
    /// Actors as a section.
    pub actors: String,
    /// One actor, lowercase.
    pub actor: String,
    /// The line under the heading of the list of actors.
    pub actors_intro: String,
    /// Events as a section (the timeline).
    pub events: String,
    /// One event, lowercase.
    pub event: String,
    /// The line under the heading of the timeline.
    pub events_intro: String,
    /// Figures as a section.
    pub figures: String,
    /// One figure, lowercase.
    pub figure: String,
    /// The line under the heading of the list of figures.
    pub figures_intro: String,
    /// Sources as a section.
    pub sources: String,
    /// One source, lowercase.
    pub source: String,
    /// The line under the heading of the list of sources.
    pub sources_intro: String,
    /// The dossier itself, lowercase, where a backlink comes from its home page.
    pub dossier: String,
    /// The heading of `bottom_line`.
    pub bottom_line: String,
    /// The heading of `key_judgments`.
    pub key_judgments: String,
    /// The heading of `indicators`.
    pub indicators: String,
    /// The page of actors against pillars and questions: navigation and its heading.
    pub stands: String,
}

impl Default for Labels {
    fn default() -> Labels {
        let s = |t: &str| t.to_string();
        Labels {
            pillars: s("Pillars"),
            pillar: s("pillar"),
            pillars_intro: s("The parts of the subject, in order."),
            questions: s("Questions"),
            open_questions: s("Open questions"),
            question: s("question"),
            questions_intro: s("What is not settled, and what would settle it."),
            actors: s("Actors"),
            actor: s("actor"),
            actors_intro: s("People, states and organisations, and where they stand."),
            events: s("Timeline"),
            event: s("event"),
            events_intro: s("Dated events, oldest first."),
            figures: s("Figures"),
            figure: s("figure"),
            figures_intro: s("Quantities the sources report, side by side."),
            sources: s("Sources"),
            source: s("source"),
            sources_intro: s("The articles this dossier is drawn from."),
            dossier: s("dossier"),
            bottom_line: s("Bottom line"),
            key_judgments: s("Key judgments"),
            indicators: s("What to watch"),
            stands: s("Who stands where"),
        }
    }
}

/// `labels` with every word the editor left as the English default taken from the
/// catalogue of the dossier's language (`label-pillars`, ...): labels the editor wrote
/// win; in English the catalogue's words are the defaults above.
pub fn localised(labels: &Labels, messages: &crate::model::messages::Messages) -> Labels {
    let defaults = serde_json::to_value(Labels::default()).unwrap_or_default();
    let Ok(serde_json::Value::Object(mut given)) = serde_json::to_value(labels) else { return labels.clone() };
    for (key, value) in given.iter_mut() {
        let id = format!("label-{}", key.replace('_', "-"));
        if defaults.get(key) == Some(value) && messages.has(&id) {
            *value = serde_json::Value::String(messages.get(&id));
        }
    }
    serde_json::from_value(serde_json::Value::Object(given)).unwrap_or_else(|_| labels.clone())
}
