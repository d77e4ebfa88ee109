//! An incremental rebuild (a build session that reuses parses, per-source work, pages,
//! search entries and the map, as `dossier serve` does) must give exactly the site a
//! fresh build gives, after every kind of edit, and must leave untouched pages alone.

use crate::common;

use std::fs;
use std::path::Path;

use dossier::Session;

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn every_incremental_rebuild_equals_a_fresh_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("d");
    common::copy_shipped_content(&root);
    let (out, fresh) = (root.join("site"), dir.path().join("fresh"));
    // The site as last published: the session's builds are its next edition.
    dossier::build(&root, &out).unwrap();
    let mut session = Session::incremental(&root, &out);
    let first = session.build().unwrap();
    assert_eq!(first.rendered, first.pages + 2, "a first build renders every page (and feed, robots)");
    // A session compares every build with the edition its output held when it began; the
    // fresh builds are given that same edition, as `--previous-edition` gives it.
    let baseline = dir.path().join("edition-at-start.json");
    fs::copy(out.join("edition.json"), &baseline).unwrap();
    let fresh_options = dossier::BuildOptions { previous_edition: Some(baseline), ..Default::default() };

    let sources = root.join("content/sources");
    let mut names: Vec<_> = fs::read_dir(&sources).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let source = names[0].clone();
    let text = fs::read_to_string(&source).unwrap();
    let actor = root.join("content/actors/macron.yaml");
    type Edit<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let edits: Vec<Edit> = vec![
        ("nothing", Box::new(|| {})),
        (
            "a paragraph added to a source",
            Box::new(|| fs::write(&source, format!("{text}\nMacron spoke again.\n")).unwrap()),
        ),
        (
            "a source added",
            Box::new(|| fs::write(sources.join("zz-new.md"), text.replacen("title:", "title: Copy of", 1)).unwrap()),
        ),
        ("an actor renamed", Box::new(|| edit(&actor, "name: Emmanuel Macron", "name: President Macron"))),
        ("an alias added", Box::new(|| edit(&actor, "aliases:\n", "aliases:\n  - Élysée\n"))),
        ("dossier.yaml title changed", Box::new(|| edit(&root.join("content/dossier.yaml"), "title: ", "title: New "))),
        ("a source removed", Box::new(|| fs::remove_file(sources.join("zz-new.md")).unwrap())),
        ("the source restored", Box::new(|| fs::write(&source, &text).unwrap())),
    ];
    for (what, apply) in edits {
        apply();
        let built = session.build().unwrap_or_else(|_| panic!("rebuild after {what} failed"));
        dossier::build_with(&root, &fresh, &fresh_options)
            .unwrap_or_else(|_| panic!("fresh build after {what} failed"));
        let (a, b) = (common::snapshot(&out), common::snapshot(&fresh));
        let differ: Vec<&String> = a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).collect();
        assert!(differ.is_empty(), "after {what}, the incremental site differs from a fresh one in {differ:?}");
        if what == "nothing" {
            assert_eq!((built.rendered, built.written), (0, 0), "an unchanged dossier re-renders and writes nothing");
        } else if what.starts_with("dossier.yaml") {
            assert_eq!(built.rendered, built.pages + 2, "every page shows the dossier's title");
        } else {
            assert!(built.rendered < built.pages, "after {what}, only affected pages are re-rendered: {built:?}");
        }
    }
}
