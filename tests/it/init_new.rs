//! `dossier init` and `dossier new`: a dossier on an unrelated subject goes from nothing
//! to a built site with no broken link and no trace of the shipped dossier.

use crate::common;

use std::fs;

use common::{dossier, stderr, stdout, Site};

#[test]
fn init_builds_as_it_is_and_new_adds_items() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("water");
    let r = root.to_str().unwrap();
    let o = dossier(&["init", r, "--title", "Water supply in \"Riverton\""]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Created a dossier in"), "{}", stdout(&o));
    for kind in ["pillars", "actors", "questions", "events", "figures"] {
        assert!(fs::read_dir(root.join("content").join(kind)).unwrap().count() == 1, "one example in {kind}");
    }
    assert!(root.join(".gitignore").is_file());

    let b = dossier(&["build", "--root", r]);
    assert!(b.status.success(), "the starter builds as it is: {}", stderr(&b));
    let site = Site::load(&root.join("site"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    let title: String = site.page("index.html").select(&common::sel("h1")).flat_map(|e| e.text()).collect();
    assert_eq!(title, "Water supply in \"Riverton\"");
    for (path, bytes) in common::snapshot(&root.join("site")) {
        let text = String::from_utf8_lossy(&bytes);
        for word in ["Ukraine", "Zelensk", "NATO", "Kyiv"] {
            assert!(!text.contains(word), "{path} mentions {word}: the shipped dossier leaks into a new one");
        }
    }

    // init refuses a folder that is not empty.
    let again = dossier(&["init", r]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("is not empty"), "{}", stderr(&again));

    // new writes every kind with every field named; the result still checks.
    for (kind, id) in [
        ("actor", "jane-doe"),
        ("question", "who-pays"),
        ("pillar", "funding"),
        ("figure", "cost"),
        ("event", "town-hall"),
    ] {
        let n = dossier(&["new", kind, id, "--root", r]);
        assert!(n.status.success(), "{}", stderr(&n));
        assert!(stdout(&n).contains(id), "{}", stdout(&n));
    }
    let actor = fs::read_to_string(root.join("content/actors/jane-doe.yaml")).unwrap();
    for field in
        ["name:", "kind:", "aliases:", "role:", "affiliation", "summary:", "positions:", "related:", "reviewed:"]
    {
        assert!(actor.contains(field), "new actor names `{field}`:\n{actor}");
    }
    let c = dossier(&["check", "--root", r]);
    assert!(c.status.success(), "new items check as written: {}", stderr(&c));

    // new never replaces a file, and rejects ids that are not ids.
    assert_eq!(dossier(&["new", "actor", "jane-doe", "--root", r]).status.code(), Some(2));
    let bad = dossier(&["new", "actor", "Jane Doe", "--root", r]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("`jane-doe`"), "{}", stderr(&bad));
}
