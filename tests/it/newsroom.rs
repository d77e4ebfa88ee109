//! The newsroom loop: an article arrives with a new spelling of a known actor; `dossier
//! add` proposes the spelling with the command that accepts it; `dossier alias` adds it
//! (keeping the actor file as the editor wrote it); the rebuilt site links the actor.
//! The list of unknown names holds names, not sentence openers or page furniture.

use crate::common;

use std::fs;

use common::{dossier, minimal_dossier, sel, stderr, stdout, write, Site};

const ZELENSKY: &str = "Zelensky in Kyiv\n\nPresident Volodymyr Zelensky met the Editors of \
    several papers in Kyiv on Monday.\n\nDiscussion of the plan went on for hours. Volodymyr \
    Zelensky said the guarantees must hold.\n";

#[test]
fn a_new_spelling_is_proposed_accepted_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_shipped_content(root);
    write(root, "incoming/zelensky.txt", ZELENSKY);
    let r = root.to_str().unwrap();
    let file = root.join("incoming/zelensky.txt");
    let o = dossier(&["add", file.to_str().unwrap(), "--root", r, "--published", "2026-01-07"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}\n{out}", stderr(&o));
    assert!(
        out.contains("\"Volodymyr Zelensky\" (2): possible spelling of `zelenskyy` (Volodymyr Zelenskyy)"),
        "{out}"
    );
    let names = out.lines().find(|l| l.starts_with("Names matching no actor")).unwrap();
    for noise in ["Editors", "Discussion", "Volodymyr Zelensky", "Monday"] {
        assert!(!names.contains(noise), "{noise} is not an unknown name: {names}");
    }
    let args = common::accept_command(&out);
    assert_eq!(args[..4], ["dossier", "alias", "zelenskyy", "Volodymyr Zelensky"], "{out}");
    assert_eq!(args[4..], ["--root", r], "{out}");

    let before = fs::read_to_string(root.join("content/actors/zelenskyy.yaml")).unwrap();
    let arg_refs: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    let a = dossier(&arg_refs);
    assert!(a.status.success(), "{}", stderr(&a));
    let after = fs::read_to_string(root.join("content/actors/zelenskyy.yaml")).unwrap();
    assert_eq!(after, before.replacen("  - Zelenskiy\n", "  - Zelenskiy\n  - \"Volodymyr Zelensky\"\n", 1));

    let check = dossier(&["check", "--root", r]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(!stdout(&check).contains("Volodymyr Zelensky ("), "{}", stdout(&check));
    let b = dossier(&["build", "--root", r]);
    assert!(b.status.success(), "{}", stderr(&b));
    let site = Site::load(&root.join("site"));
    let page = site.page("sources/2026-01-07-zelensky-in-kyiv.html");
    let links: Vec<(String, String)> = page
        .select(&sel("a.mention"))
        .map(|a| (a.text().collect(), a.value().attr("href").unwrap_or_default().to_string()))
        .collect();
    assert!(links.contains(&("Volodymyr Zelensky".into(), "../actors/zelenskyy.html".into())), "{links:?}");
}

const ACTOR: &str = "# yaml-language-server: $schema=../../schemas/actor.schema.json\n\
name: Donald Tusk   # as he signs\nkind: person\n";

#[test]
fn alias_keeps_the_file_byte_for_byte_but_the_added_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let cases = [
        (
            "aliases: [Tusk, 'D. Tusk']  # short forms\n",
            "aliases: [Tusk, 'D. Tusk', \"Tusk's \\\"Donek\\\"\"]  # short forms\n",
        ),
        (
            "aliases:\n  # the usual ones\n  - Tusk\n\n",
            "aliases:\n  # the usual ones\n  - Tusk\n  - \"Tusk's \\\"Donek\\\"\"\n\n",
        ),
        ("", "aliases: [\"Tusk's \\\"Donek\\\"\"]\n"),
    ];
    for (aliases, added) in cases {
        let (head, tail) = ACTOR.split_once("kind:").unwrap();
        let text = format!("{head}{aliases}kind:{tail}summary: Polish prime minister. # keep\nreviewed: 2026-01-07\n");
        write(root, "content/actors/tusk.yaml", &text);
        let o = dossier(&["alias", "tusk", "Tusk's \"Donek\"", "--root", root.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let expected = if aliases.is_empty() {
            text.replacen("# as he signs\n", &format!("# as he signs\n{added}"), 1)
        } else {
            text.replacen(aliases, added, 1)
        };
        assert_eq!(fs::read_to_string(root.join("content/actors/tusk.yaml")).unwrap(), expected);
        let b = dossier(&["check", "--root", root.to_str().unwrap()]);
        assert!(b.status.success(), "{}", stderr(&b));
    }
    let leftovers: Vec<_> = fs::read_dir(root.join("content/actors")).unwrap().flatten().collect();
    assert_eq!(leftovers.len(), 2, "no temporary file is left: {leftovers:?}");
}

#[test]
fn alias_refuses_taken_spellings_and_unknown_actors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let r = root.to_str().unwrap();
    write(
        root,
        "content/actors/tusk.yaml",
        "name: Donald Tusk\nkind: person\naliases: [Tusk]\nsummary: PM.\nreviewed: 2026-01-07\n",
    );
    let before = common::snapshot(&root.join("content"));
    let cases: [(&[&str], &str); 4] = [
        (&["alias", "tusk", "Tusk"], "already a name of `tusk`"),
        (&["alias", "tusk", "Macron"], "already names `macron`"),
        (&["alias", "tuks", "Donek"], "did you mean `tusk`?"),
        (&["alias", "tusk", "  "], "empty"),
    ];
    for (args, message) in cases {
        let o = dossier(&[args, &["--root", r]].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    // A list the tool cannot extend safely is refused, the file unchanged.
    write(
        root,
        "content/actors/tusk.yaml",
        "name: Donald Tusk\nkind: person\naliases: Tusk\nsummary: PM.\nreviewed: 2026-01-07\n",
    );
    let o = dossier(&["alias", "tusk", "Donek", "--root", r]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("aliases"), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(root.join("content/actors/tusk.yaml")).unwrap(),
        "name: Donald Tusk\nkind: person\naliases: Tusk\nsummary: PM.\nreviewed: 2026-01-07\n"
    );
    write(
        root,
        "content/actors/tusk.yaml",
        "name: Donald Tusk\nkind: person\naliases: [Tusk]\nsummary: PM.\nreviewed: 2026-01-07\n",
    );
    assert_eq!(common::snapshot(&root.join("content")), before);
}

#[test]
fn unknown_names_are_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    common::set_in_dossier_yaml(root, "ignore_names: [Reuters Staff]");
    write(
        root,
        "incoming/tusk.md",
        "# Tusk in Warsaw\n\nEditors\n\nPolish Prime Minister Donald Tusk met Reuters Staff in Warsaw. \
         Fundamentally, AI-driven tools and Kremlin-backed groups worry him.\n\n\
         Tusk said: Warsaw stands ready. Ready units wait, and ready they are.\n\nGet Involved\n",
    );
    let r = root.to_str().unwrap();
    let o = dossier(&["add", root.join("incoming/tusk.md").to_str().unwrap(), "--root", r]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}\n{out}", stderr(&o));
    let names = out.lines().find(|l| l.starts_with("Names matching no actor")).unwrap();
    assert_eq!(names, "Names matching no actor: Donald Tusk (2), Warsaw (2)", "{out}");
}
