//! The front matter of a source article (`content/sources/<id>.md`), as written.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::PartialDate;
use crate::model::fields;

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// How much of a source the site may show.
pub enum Rights {
    #[default]
    Full,
    Excerpts,
}

/// The front matter of `content/sources/<id>.md`; the article text follows it.
/// (Serialize is for `dossier add`, which writes it.)
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFrontMatter {
    /// The article's headline.
    #[serde(deserialize_with = "fields::text")]
    #[schemars(schema_with = "fields::text_schema")]
    pub title: String,
    /// A short name for running text, shown where a bare `[[id]]` stands in a sentence
    /// (default: its publisher and date, e.g. "Reuters, 8 January 2026"). A few words, e.g. "Reuters' report".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The address of the original article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published: a date, possibly approximate, or null if unknown.
    pub published: Option<PartialDate>,
    /// When it was copied here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<PartialDate>,
    /// The outlet whose report this article relays (it then is not an independent origin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relays: Option<String>,
    /// How far to trust it, in Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<String>,
    /// full (the default) shows the whole text; excerpts only the cited paragraphs.
    #[serde(default)]
    pub rights: Rights,
    /// The article's language when it differs from the dossier's (an HTML `lang` code,
    /// e.g. `ar`): its text is marked with it, and set right to left for Arabic,
    /// Hebrew, Persian and Urdu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Whether a language (an HTML `lang` code) is written right to left.
pub fn right_to_left(language: &str) -> bool {
    let primary = language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    ["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr"].contains(&primary.as_str())
}
