//! Every class of bad input: exit 1, a message naming `path:line:col` with cause and
//! fix, and the last good site left exactly as it was.

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, snapshot, stderr, write};

/// Builds the minimal dossier once (the "last good site"), applies `breakage`, builds
/// again, and checks the failure. Returns stderr for more specific assertions.
fn fails_cleanly(breakage: impl FnOnce(&Path), expect_location: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    minimal_dossier(root);
    let root_s = root.to_str().expect("utf-8 path");
    let first = dossier(&["build", "--root", root_s]);
    assert!(first.status.success(), "the fixture must build: {}", stderr(&first));
    let before = snapshot(&root.join("site"));
    assert!(before.contains_key("index.html"));

    breakage(root);
    let out = dossier(&["build", "--root", root_s]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit 1 expected; stderr:\n{err}");
    assert!(err.contains(expect_location), "stderr should contain `{expect_location}`:\n{err}");
    assert!(err.contains("error:") && err.contains("help:"), "cause and fix expected:\n{err}");
    assert_eq!(snapshot(&root.join("site")), before, "the previous site must be untouched");
    let leftovers: Vec<_> = fs::read_dir(root)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with(".site"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary folders left: {leftovers:?}");
    // `check` agrees, and writes nothing.
    let check = dossier(&["check", "--root", root_s]);
    assert_eq!(check.status.code(), Some(1));
    err
}

#[test]
fn yaml_syntax_error() {
    let err = fails_cleanly(
        |root| {
            write(
                root,
                "content/actors/macron.yaml",
                "name: Emmanuel Macron\nkind: person\nsummary: [unclosed\nreviewed: 2026-01-07\n",
            )
        },
        "content/actors/macron.yaml:",
    );
    assert!(err.contains("macron.yaml:4:") || err.contains("macron.yaml:3:"), "{err}");
}

#[test]
fn unknown_id_suggests_the_nearest() {
    let err = fails_cleanly(
        |root| {
            let p = root.join("content/pillars/force.yaml");
            let text = fs::read_to_string(&p).unwrap().replace("actor: macron", "actor: macrom");
            fs::write(p, text).unwrap();
        },
        "content/pillars/force.yaml:11:12",
    );
    assert!(err.contains("unknown actor `macrom`"), "{err}");
    assert!(err.contains("did you mean `macron`?"), "{err}");
}

#[test]
fn unknown_wikilink() {
    let err = fails_cleanly(
        |root| {
            write(
                root,
                "content/actors/macron.yaml",
                "name: Emmanuel Macron\nkind: person\nsummary: Leads the [[forse]].\nreviewed: 2026-01-07\n",
            )
        },
        "content/actors/macron.yaml:3:20",
    );
    assert!(err.contains("did you mean `force`?"), "{err}");
}

#[test]
fn quote_not_in_its_source() {
    let err = fails_cleanly(
        |root| {
            let p = root.join("content/pillars/force.yaml");
            let text = fs::read_to_string(&p).unwrap().replace("away from the contact line", "far from the front line");
            fs::write(p, text).unwrap();
        },
        "content/pillars/force.yaml:9:17",
    );
    assert!(err.contains("quote not found in source `wire`"), "{err}");
}

#[test]
fn duplicate_id_across_collections() {
    let err = fails_cleanly(
        |root| write(root, "content/figures/macron.yaml", "title: Dup\nsummary: x\nvalues: []\nreviewed: 2026-01-07\n"),
        "content/figures/macron.yaml",
    );
    assert!(err.contains("duplicate id `macron`"), "{err}");
    assert!(err.contains("actors/macron.yaml"), "names the other file: {err}");
}

#[test]
fn file_name_that_is_not_an_id() {
    let err = fails_cleanly(
        |root| {
            write(
                root,
                "content/actors/Emmanuel Macron.yaml",
                "name: E\nkind: person\nsummary: x\nreviewed: 2026-01-07\n",
            )
        },
        "content/actors/Emmanuel Macron.yaml",
    );
    assert!(err.contains("rename the file to `emmanuel-macron.yaml`"), "{err}");
}

#[test]
fn non_utf8_bytes() {
    let err = fails_cleanly(
        |root| {
            fs::write(
                root.join("content/actors/macron.yaml"),
                b"name: Emmanuel Macron\nkind: person\nsummary: caf\xe9\nreviewed: 2026-01-07\n",
            )
            .unwrap()
        },
        "content/actors/macron.yaml:3:13",
    );
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn empty_file() {
    let err = fails_cleanly(
        |root| write(root, "content/questions/who-supplies.yaml", ""),
        "content/questions/who-supplies.yaml:1:1",
    );
    assert!(err.contains("file is empty"), "{err}");
}

#[test]
fn unknown_field_is_an_error_not_a_silent_omission() {
    let err = fails_cleanly(
        |root| {
            write(
                root,
                "content/actors/macron.yaml",
                "name: Emmanuel Macron\nkind: person\nsumary: typo\nsummary: x\nreviewed: 2026-01-07\n",
            )
        },
        "content/actors/macron.yaml:3:1",
    );
    assert!(err.contains("unknown field `sumary`"), "{err}");
}

#[test]
fn all_errors_of_a_run_are_reported() {
    let err = fails_cleanly(
        |root| {
            write(
                root,
                "content/questions/who-supplies.yaml",
                "title: Q\nstatus: open\nwhy_it_matters: x\npillars: [forc]\nreviewed: 2026-01-07\n",
            );
            write(root, "content/events/paris-meeting.yaml", "title: E\ndate: 2026-02-30\nsummary: x\ncitations: []\n");
            write(root, "content/actors/putin.yaml", "");
        },
        "who-supplies.yaml:4:11",
    );
    assert!(err.contains("paris-meeting.yaml:2:"), "{err}");
    assert!(err.contains("putin.yaml:1:1"), "{err}");
    assert!(err.contains("failed: 3 errors"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let out = dossier(&["build", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dossier(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_content_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no content folder here"), "{}", stderr(&out));
    assert!(!dir.path().join("site").exists());
}

#[test]
fn a_quote_from_another_source_names_that_source() {
    let err = fails_cleanly(
        |root| {
            write(
                root,
                "content/sources/agency.md",
                "---\ntitle: Agency copy\n---\nIntro.\n\nTalks would resume in March, officials said.\n",
            );
            let p = root.join("content/pillars/force.yaml");
            let text =
                fs::read_to_string(&p).unwrap().replace("away from the contact line", "Talks would resume in March");
            fs::write(p, text).unwrap();
        },
        "content/pillars/force.yaml:9:17",
    );
    assert!(err.contains("these words are in `agency`, paragraph 2: cite that source"), "{err}");
}
