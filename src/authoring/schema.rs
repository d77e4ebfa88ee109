//! `dossier schema`: a JSON Schema for each kind of content file, derived from the serde
//! types the loader reads (`model`), so a schema cannot drift from what a build accepts.
//! Editors that read JSON Schema (VS Code with Red Hat's YAML extension, and any editor
//! using yaml-language-server) then complete fields, show each field's description and
//! flag typos as you type. Draft-07, the newest draft those editors all understand.

use std::fs;
use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;

use crate::model::files::{ActorFile, DossierFile, EventFile, FigureFile, PillarFile, QuestionFile, SourceFrontMatter};
use crate::model::kind::Kind;

/// Every kind with a schema: `dossier.yaml`, the five item kinds and source front matter.
pub const KINDS: [Kind; 7] =
    [Kind::Dossier, Kind::Pillar, Kind::Question, Kind::Actor, Kind::Event, Kind::Figure, Kind::Source];

/// The folder a dossier keeps its schemas in, under its root.
pub const DIR: &str = "schemas";

/// `actor.schema.json`, ...
pub fn file_name(kind: Kind) -> String {
    format!("{}.schema.json", kind.singular())
}

fn root_schema<T: JsonSchema>(title: &str) -> schemars::Schema {
    let mut schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema
}

/// The schema of `kind`'s files, as pretty-printed JSON ending in a newline.
pub fn schema_json(kind: Kind) -> String {
    let schema = match kind {
        Kind::Dossier => root_schema::<DossierFile>("dossier: content/dossier.yaml"),
        Kind::Pillar => root_schema::<PillarFile>("dossier pillar: content/pillars/<id>.yaml"),
        Kind::Question => root_schema::<QuestionFile>("dossier question: content/questions/<id>.yaml"),
        Kind::Actor => root_schema::<ActorFile>("dossier actor: content/actors/<id>.yaml"),
        Kind::Event => root_schema::<EventFile>("dossier event: content/events/<id>.yaml"),
        Kind::Figure => root_schema::<FigureFile>("dossier figure: content/figures/<id>.yaml"),
        Kind::Source => root_schema::<SourceFrontMatter>("dossier source: the front matter of content/sources/<id>.md"),
    };
    // Serialising a `Schema` (a JSON value) cannot fail.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Writes every schema into `dir`, replacing older ones; returns the files written.
pub fn write(dir: &Path) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    KINDS
        .iter()
        .map(|&kind| {
            let path = dir.join(file_name(kind));
            fs::write(&path, schema_json(kind)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(path)
        })
        .collect()
}

/// The first line of a YAML content file that points editors at its schema in
/// `ROOT/schemas/`, relative to the file (`content/` or `content/<kind>/`).
pub fn modeline(kind: Kind) -> String {
    let up = if kind == Kind::Dossier { "../" } else { "../../" };
    format!("# yaml-language-server: $schema={up}{DIR}/{}\n", file_name(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_are_strict_and_describe_fields() {
        let actor: serde_json::Value = serde_json::from_str(&schema_json(Kind::Actor)).unwrap();
        assert_eq!(actor["additionalProperties"], false, "unknown fields are errors, as in the loader");
        assert_eq!(actor["$schema"], "http://json-schema.org/draft-07/schema#");
        let required: Vec<&str> = actor["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        assert_eq!(required, ["name", "kind", "summary", "reviewed"]);
        assert!(actor["properties"]["aliases"]["description"].as_str().unwrap().contains("spelling"));
    }

    #[test]
    fn modelines_point_at_the_schemas_folder() {
        assert_eq!(modeline(Kind::Dossier), "# yaml-language-server: $schema=../schemas/dossier.schema.json\n");
        assert_eq!(modeline(Kind::Actor), "# yaml-language-server: $schema=../../schemas/actor.schema.json\n");
    }
}
