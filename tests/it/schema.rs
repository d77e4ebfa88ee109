//! The editors' schemas cannot drift from the loader: every shipped content file and every
//! file `init` and `new` write validate against them, the committed `schemas/` is what
//! `dossier schema` writes today, and what the loader rejects the schemas reject too.

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, repo_root, stderr, write};
use serde_json::Value;

fn validator(dir: &Path, kind: &str) -> jsonschema::Validator {
    let text = fs::read_to_string(dir.join(format!("{kind}.schema.json"))).unwrap();
    jsonschema::draft7::new(&serde_json::from_str::<Value>(&text).unwrap()).unwrap()
}

/// A YAML file (or a source's front matter) as JSON, the way an editor's YAML tooling sees it.
fn as_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    let yaml = if path.extension().is_some_and(|e| e == "md") {
        let rest = text.strip_prefix("---\n").expect("front matter");
        rest.split_once("\n---\n").expect("end of front matter").0.to_string()
    } else {
        text
    };
    serde_json::to_value(serde_yaml::from_str::<serde_yaml::Value>(&yaml).unwrap()).unwrap()
}

fn kind_of(content: &Path, file: &Path) -> &'static str {
    let dir = file.parent().unwrap().strip_prefix(content).unwrap().to_string_lossy().into_owned();
    match dir.as_str() {
        "" => "dossier",
        "pillars" => "pillar",
        "questions" => "question",
        "actors" => "actor",
        "events" => "event",
        "figures" => "figure",
        "sources" => "source",
        other => panic!("unexpected folder {other}"),
    }
}

/// Every content file under `root` validates against `root/schemas`, and every YAML file
/// names its schema on its first line with a path that exists. Returns how many were checked.
fn validate_dossier(root: &Path) -> usize {
    let content = root.join("content");
    let schemas = root.join("schemas");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&content).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        if !entry.file_type().is_file() || !(ext == "yaml" || ext == "md") {
            continue;
        }
        let kind = kind_of(&content, path);
        let v = validator(&schemas, kind);
        let json = as_json(path);
        let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{} does not match {kind}.schema.json: {errors:?}", path.display());
        if ext == "yaml" {
            let first = fs::read_to_string(path).unwrap().lines().next().unwrap_or_default().to_string();
            let target = first.strip_prefix("# yaml-language-server: $schema=").unwrap_or_else(|| {
                panic!("{} does not start with a yaml-language-server modeline: {first}", path.display())
            });
            let resolved = path.parent().unwrap().join(target);
            assert!(resolved.is_file(), "{}: modeline points at missing {}", path.display(), resolved.display());
            assert!(target.ends_with(&format!("/{kind}.schema.json")), "{}: wrong schema {target}", path.display());
        }
        checked += 1;
    }
    checked
}

#[test]
fn committed_schemas_are_what_dossier_schema_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["schema", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let fresh = common::snapshot(dir.path());
    let committed = common::snapshot(&repo_root().join("schemas"));
    assert_eq!(fresh.len(), 7, "one schema per kind: {:?}", fresh.keys());
    assert!(fresh == committed, "schemas/ is stale: run `cargo run -- schema` and commit schemas/");
}

#[test]
fn shipped_content_validates_and_names_its_schema() {
    let n = validate_dossier(&repo_root());
    assert!(n > 30, "checked only {n} files");
}

#[test]
fn init_and_new_write_files_that_validate() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("d");
    let r = root.to_str().unwrap();
    assert!(dossier(&["init", r, "--title", "Harbour dredging"]).status.success());
    for (kind, id) in [("pillar", "p"), ("actor", "a"), ("question", "q"), ("event", "e"), ("figure", "f")] {
        let n = dossier(&["new", kind, id, "--root", r]);
        assert!(n.status.success(), "{}", stderr(&n));
    }
    let n = dossier(&["new", "source", "s", "--root", r]);
    assert!(n.status.success(), "{}", stderr(&n));
    assert_eq!(validate_dossier(&root), 1 + 6 + 6);
}

#[test]
fn new_writes_the_schemas_when_a_dossier_has_none() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let r = dir.path().to_str().unwrap();
    assert!(dossier(&["new", "actor", "jane-doe", "--root", r]).status.success());
    assert!(dir.path().join("schemas/actor.schema.json").is_file(), "the new file's modeline resolves");
}

/// What the loader rejects, the schema rejects, and for the same reason.
#[test]
fn schema_and_loader_reject_the_same_mistakes() {
    let schemas = repo_root().join("schemas");
    let actor = validator(&schemas, "actor");
    let event = validator(&schemas, "event");
    let good = "name: Jane Doe\nkind: person\nsummary: Mayor.\nreviewed: 2026-01-07\n";
    let cases: [(&str, &str, &jsonschema::Validator, &str); 5] = [
        (
            "content/actors/macron.yaml",
            "name: Jane Doe\nkind: person\nsumary: Mayor.\nreviewed: 2026-01-07\n",
            &actor,
            "sumary",
        ),
        (
            "content/actors/macron.yaml",
            "name: Jane Doe\nkind: persn\nsummary: Mayor.\nreviewed: 2026-01-07\n",
            &actor,
            "persn",
        ),
        (
            "content/actors/macron.yaml",
            "name: Jane Doe\nkind: person\nsummary: Mayor.\nreviewed: 2026-1-7\n",
            &actor,
            "2026-1-7",
        ),
        ("content/actors/macron.yaml", "name: Jane Doe\nkind: person\nsummary: Mayor.\n", &actor, "reviewed"),
        ("content/events/paris-meeting.yaml", "title: T\ndate: 2026-01\nsummary: S\nwhen: now\n", &event, "when"),
    ];
    let yaml_json =
        |text: &str| serde_json::to_value(serde_yaml::from_str::<serde_yaml::Value>(text).unwrap()).unwrap();
    assert!(actor.is_valid(&yaml_json(good)), "the fixed file is valid");
    for (file, text, schema, word) in cases {
        assert!(!schema.is_valid(&yaml_json(text)), "schema accepts a file the loader rejects:\n{text}");
        let dir = tempfile::tempdir().unwrap();
        minimal_dossier(dir.path());
        write(dir.path(), file, text);
        let out = dossier(&["check", "--root", dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "loader accepts:\n{text}");
        assert!(stderr(&out).contains(word), "the error names `{word}`: {}", stderr(&out));
    }
}
