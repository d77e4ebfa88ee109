//! The schema and the loader agree: the same small files, good and bad, one table row per
//! rule (dates, numbers, minimum citations, non-empty text, enums, ids, web addresses),
//! go to both `dossier check` (on a small dossier) and the JSON schema in `schemas/`,
//! and both must accept or both reject, as the table says.

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, repo_root, stderr};
use serde_json::Value;

fn validator(kind: &str) -> jsonschema::Validator {
    let path = repo_root().join("schemas").join(format!("{kind}.schema.json"));
    let schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

/// YAML as the JSON a schema validator sees. JSON has no NaN or infinity, so such a
/// number cannot be a JSON number: it is passed as the text it was written as (a tool
/// that turned it into `null` would hide it from the schema altogether).
fn to_json(yaml: &serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => match n.as_f64().filter(|f| !f.is_finite()) {
            Some(f) => Value::String(f.to_string()),
            None => serde_json::to_value(n).unwrap(),
        },
        Y::String(s) => Value::String(s.clone()),
        Y::Sequence(items) => Value::Array(items.iter().map(to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    (k.as_str().map_or_else(|| serde_yaml::to_string(k).unwrap(), str::to_string), to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => to_json(&t.value),
    }
}

/// The YAML of a content file (a source's front matter).
fn yaml_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    match text.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").unwrap().0.to_string(),
        None => text,
    }
}

/// (kind, file, text replaced, replacement, the rule's verdict: accepted?)
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &str, bool)] = &[
    // The minimal dossier itself.
    ("actor", "content/actors/macron.yaml", "", "", true),
    // Non-empty text; a number reads as text.
    ("actor", "content/actors/macron.yaml", "name: Emmanuel Macron", "name: 1984", true),
    ("actor", "content/actors/macron.yaml", "name: Emmanuel Macron", "name: \"\"", false),
    ("actor", "content/actors/macron.yaml", "name: Emmanuel Macron", "name: \"   \"", false),
    ("actor", "content/actors/macron.yaml", "name: Emmanuel Macron", "name:", false),
    ("actor", "content/actors/macron.yaml", "name: Emmanuel Macron", "name: [a, b]", false),
    ("actor", "content/actors/macron.yaml", "aliases: [Macron]", "aliases: [Macron, \"\"]", false),
    ("actor", "content/actors/macron.yaml", "aliases: [Macron]", "aliases: Macron", false),
    ("pillar", "content/pillars/force.yaml", "role: Leads", "role: \"\"", false),
    ("figure", "content/figures/force-size.yaml", "value: two countries", "value: 2", true),
    ("figure", "content/figures/force-size.yaml", "value: two countries", "value: \"\"", false),
    ("source", "content/sources/wire.md", "title: Wire report", "title: \"\"", false),
    ("dossier", "content/dossier.yaml", "quote: \"a multinational force led by France\"", "quote: \"\"", false),
    ("dossier", "content/dossier.yaml", "as_of: 2026-01-07", "as_of: 2026-01-07\nlanguage: \"\"", false),
    // Enums.
    ("actor", "content/actors/macron.yaml", "kind: person", "kind: organisation", true),
    ("actor", "content/actors/macron.yaml", "kind: person", "kind: persn", false),
    ("actor", "content/actors/macron.yaml", "kind: person", "kind: Person", false),
    ("pillar", "content/pillars/force.yaml", "status: proposed", "status: under-negotiation", true),
    ("pillar", "content/pillars/force.yaml", "status: proposed", "status: under negotiation", false),
    ("source", "content/sources/wire.md", "publisher: Wire", "rights: excerpts", true),
    ("source", "content/sources/wire.md", "publisher: Wire", "rights: partial", false),
    ("dossier", "content/dossier.yaml", "  - text: A force is planned.", "  - text: A force is planned.\n    confidence: high", true),
    ("dossier", "content/dossier.yaml", "  - text: A force is planned.", "  - text: A force is planned.\n    confidence: sure", false),
    // Dates: the forms, and the calendar.
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2026", true),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: \"~2025-12\"", true),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: \" 2026-01-07 \"", true),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2024-02-29", true),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2000-02-29", true),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2025-02-29", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 1900-02-29", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2025-04-31", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2025-13", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2026-1-7", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 999", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2026-01-07T10:00", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed:", false),
    ("source", "content/sources/wire.md", "published: 2026-01-06", "published: null", true),
    ("source", "content/sources/wire.md", "published: 2026-01-06", "published: yesterday", false),
    // Numbers.
    ("pillar", "content/pillars/force.yaml", "order: 1", "order: 0", true),
    ("pillar", "content/pillars/force.yaml", "order: 1", "order: -1", false),
    ("pillar", "content/pillars/force.yaml", "order: 1", "order: 1.5", false),
    ("pillar", "content/pillars/force.yaml", "order: 1", "order: \"1\"", false),
    ("pillar", "content/pillars/force.yaml", "order: 1", "order: 4294967296", false),
    ("figure", "content/figures/force-size.yaml", "number: 2", "number: 2.5", true),
    ("figure", "content/figures/force-size.yaml", "number: 2", "number: ~", true),
    ("figure", "content/figures/force-size.yaml", "number: 2", "number: \"2\"", false),
    ("figure", "content/figures/force-size.yaml", "number: 2", "number: .nan", false),
    ("figure", "content/figures/force-size.yaml", "number: 2", "number: .inf", false),
    // Minimum citations: an event has at least one.
    ("event", "content/events/paris-meeting.yaml", "citations:\n  - source: wire\n    quote: \"a multinational force\"\n", "citations: []\n", false),
    ("event", "content/events/paris-meeting.yaml", "citations:\n  - source: wire\n    quote: \"a multinational force\"\n", "", false),
    // Ids.
    ("question", "content/questions/who-supplies.yaml", "pillars: [force]", "pillars: [Force]", false),
    ("question", "content/questions/who-supplies.yaml", "pillars: [force]", "pillars: [\"force pillar\"]", false),
    ("actor", "content/actors/macron.yaml", "kind: person", "kind: person\naffiliation: \"Élysée\"", false),
    ("event", "content/events/paris-meeting.yaml", "source: wire", "source: Wire", false),
    // Fields.
    ("actor", "content/actors/macron.yaml", "summary: President", "sumary: President", false),
    ("actor", "content/actors/macron.yaml", "reviewed: 2026-01-07\n", "", false),
    // Web addresses.
    ("dossier", "content/dossier.yaml", "as_of: 2026-01-07", "as_of: 2026-01-07\nbase_url: https://example.org/d/", true),
    ("dossier", "content/dossier.yaml", "as_of: 2026-01-07", "as_of: 2026-01-07\nbase_url: HTTP://example.org", true),
    ("dossier", "content/dossier.yaml", "as_of: 2026-01-07", "as_of: 2026-01-07\nbase_url: ftp://example.org", false),
    ("dossier", "content/dossier.yaml", "as_of: 2026-01-07", "as_of: 2026-01-07\nbase_url: \"https://ex ample.org\"", false),
];

#[test]
fn schema_and_loader_accept_and_reject_the_same_files() {
    let mut disagreements = Vec::new();
    for (kind, file, from, to, accepted) in CASES {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        minimal_dossier(root);
        let path = root.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no `{from}`");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();

        let out = dossier(&["check", "--root", root.to_str().unwrap()]);
        let err = stderr(&out);
        assert!(matches!(out.status.code(), Some(0 | 1)), "`{to}`: no crash\n{err}");
        let loader = out.status.success();
        // A file YAML cannot read is rejected by both; the table has none.
        let yaml: serde_yaml::Value = serde_yaml::from_str(&yaml_of(&path)).unwrap();
        let schema = validator(kind).is_valid(&to_json(&yaml));
        let case = format!("{file}: `{from}` -> `{to}`");
        if loader != *accepted || schema != *accepted {
            disagreements.push(format!("{case}: expected {accepted}, loader {loader}, schema {schema}\n{err}"));
        }
    }
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
}

/// The date pattern of the schema and the date parser of the loader agree on every day
/// of a few telling years (leap, not leap, centuries) and the months around them.
#[test]
fn the_date_pattern_is_the_date_parser() {
    let schema = serde_json::json!({ "type": "string", "pattern": dossier::model::date::DATE_PATTERN });
    let v = jsonschema::draft7::new(&schema).unwrap();
    let mut checked = 0;
    for year in ["1900", "2000", "2023", "2024", "2100", "0000", "9999"] {
        let mut texts = vec![year.to_string(), format!("~{year}")];
        for month in 0..=13 {
            texts.push(format!("{year}-{month:02}"));
            texts.push(format!("{year}-{month}"));
            for day in 0..=32 {
                texts.push(format!("{year}-{month:02}-{day:02}"));
            }
        }
        for text in texts {
            let parsed = dossier::model::date::PartialDate::parse(&text).is_ok();
            assert_eq!(v.is_valid(&Value::String(text.clone())), parsed, "`{text}`: schema and loader differ");
            checked += 1;
        }
    }
    assert!(checked > 3000, "{checked}");
}
