//! Wire copies: `dossier check` warns about a source that repeats long passages of
//! another without saying so (where, which source, how much, and the fix), and stops
//! once `relays:` declares it; the declared copy then counts as the same origin.

use crate::common;

use std::fs;

use common::{dossier, stderr, stdout};

/// The test's wire copy of the shipped Reuters report, as a source file.
fn wire_copy(relays: &str) -> String {
    let text = fs::read_to_string(common::repo_root().join("tests/fixtures/newsroom/batch/a-wire-copy.txt")).unwrap();
    let (_, body) = text.split_once("\n\n").unwrap();
    format!("---\ntitle: Europe and U.S. near deal\npublisher: Valley Wire\npublished: 2026-01-06\n{relays}---\n{body}")
}

#[test]
fn check_warns_about_an_undeclared_copy_until_relays_declares_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_shipped_content(root);
    let r = root.to_str().unwrap();
    let shipped = dossier(&["check", "--root", r]);
    assert!(shipped.status.success(), "{}", stderr(&shipped));
    assert!(!stderr(&shipped).contains("word for word"), "no shipped article copies another: {}", stderr(&shipped));

    common::write(root, "content/sources/valley-wire.md", &wire_copy(""));
    let o = dossier(&["check", "--root", r]);
    assert!(o.status.success(), "a warning, not an error: {}", stderr(&o));
    let err = stderr(&o);
    let warning = err.lines().find(|l| l.contains("word for word")).expect("the copy is warned about");
    // At the first repeated passage: line 6 is the body's first line, "PARIS (Valley Wire) - Leaders ...".
    let at = format!("{}:6:", root.join("content/sources/valley-wire.md").display());
    assert!(warning.starts_with(&at), "{warning}");
    assert!(
        warning.contains("warning: ")
            && warning.contains("of this article's text repeats source `reuters-paris-coalition`"),
        "{warning}"
    );
    assert!(
        err.contains("help: if it is a wire copy or relay, add `relays: reuters-paris-coalition` to its front matter"),
        "{err}"
    );
    assert_eq!(err.matches("word for word").count(), 1, "one warning, on the copy: {err}");

    // Declared by id: no warning, and the two are one origin in the exported data.
    common::write(root, "content/sources/valley-wire.md", &wire_copy("relays: reuters-paris-coalition\n"));
    let o = dossier(&["check", "--root", r]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("word for word"), "{}", stderr(&o));
    assert!(stdout(&o).contains("no errors"), "{}", stdout(&o));
    let b = dossier(&["build", "--root", r]);
    assert!(b.status.success(), "{}", stderr(&b));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("site/dossier.json")).unwrap()).unwrap();
    let origin =
        |id: &str| json["sources"].as_array().unwrap().iter().find(|s| s["id"] == id).map(|s| s["origin"].clone());
    assert!(origin("valley-wire").is_some(), "sources carry their origin in dossier.json");
    assert_eq!(origin("valley-wire"), origin("reuters-paris-coalition"));
    let site = common::Site::load(&root.join("site"));
    let relays: String = site
        .page("sources/valley-wire.html")
        .select(&common::sel("dd"))
        .map(|d| d.text().collect::<String>())
        .find(|t| t.contains("not an independent origin"))
        .expect("the page says what it relays");
    assert!(
        relays.contains("U.S. and Europe close to agreement on Ukraine protection"),
        "the headline, not the id: {relays}"
    );

    // Declared by the outlet the original is published by: no warning either.
    common::write(
        root,
        "content/sources/valley-wire.md",
        &wire_copy("relays: Reuters (as credited in the text; syndicated copy)\n"),
    );
    let o = dossier(&["check", "--root", r]);
    assert!(!stderr(&o).contains("word for word"), "{}", stderr(&o));
}
