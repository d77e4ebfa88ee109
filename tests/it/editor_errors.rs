//! One mistake, one error, in an editor's words: a file that fails to load is reported
//! once (references to it are counted in one note, not reported again), every message
//! says what was found, what is allowed and an example, and no serde jargon reaches the
//! editor. Also the checks that need more than one file: theme and content errors in
//! one run, self-references, and dates after `as_of` (warnings).

use crate::common;

use std::fs;
use std::path::Path;

use common::{dossier, minimal_dossier, stderr, write};

/// What serde and libyaml say that an editor should never have to read.
const BANNED: [&str; 10] = [
    "expected f64",
    "unit value",
    "unknown variant",
    "invalid type",
    "invalid value",
    "expected u32",
    "struct ",
    "a sequence",
    "f64",
    "u32",
];

/// Replaces `from` by `to` in one file of the minimal dossier.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// `dossier check` on the minimal dossier after `change`: (exit code, stderr).
fn check_after(change: impl FnOnce(&Path)) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    minimal_dossier(dir.path());
    change(dir.path());
    let out = dossier(&["check", "--root", dir.path().to_str().expect("utf-8")]);
    (out.status.code(), stderr(&out))
}

fn errors_in(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains(": error: ")).collect()
}

#[test]
fn a_wrong_rights_value_is_one_error_at_the_value() {
    // wire.md is cited six times and linked from every kind of file.
    let (code, err) = check_after(|root| {
        edit(root, "content/sources/wire.md", "publisher: Wire\n", "publisher: Wire\nrights: partial\n")
    });
    assert_eq!(code, Some(1), "{err}");
    let errors = errors_in(&err);
    assert_eq!(errors.len(), 1, "exactly one error:\n{err}");
    assert!(
        errors[0].ends_with("content/sources/wire.md:4:9: error: `rights: partial` is not a rights setting"),
        "located at the value:\n{err}"
    );
    assert!(err.contains("help: write one of: full, excerpts (e.g. `rights: "), "names the allowed values:\n{err}");
    let notes: Vec<&str> = err.lines().filter(|l| l.contains(": note: ")).collect();
    assert_eq!(notes.len(), 1, "one summary line:\n{err}");
    assert!(notes[0].contains("references to `wire` skipped: `wire` has errors"), "{err}");
    assert!(!err.contains("did you mean") && !err.contains("unknown source"), "no false suggestions:\n{err}");
    assert!(err.contains("check failed: 1 error\n"), "{err}");
}

#[test]
fn a_reference_to_a_broken_file_of_another_kind_is_still_an_error() {
    let (code, err) = check_after(|root| {
        edit(root, "content/actors/macron.yaml", "kind: person", "kind: persn");
        // A pillar's `questions:` must name questions: macron is an actor, broken or not.
        edit(root, "content/pillars/force.yaml", "questions: [who-supplies]", "questions: [who-supplies, macron]");
    });
    assert_eq!(code, Some(1));
    assert_eq!(errors_in(&err).len(), 2, "{err}");
    assert!(err.contains("`macron` is an actor, not a question"), "{err}");
}

/// Bad input of every field type: (file, text replaced, replacement, location, words).
#[rustfmt::skip]
const BAD: &[(&str, &str, &str, &str, &str)] = &[
    // enums
    ("content/sources/wire.md", "publisher: Wire", "rights: partial", "wire.md:3:9", "write one of: full, excerpts"),
    ("content/actors/macron.yaml", "kind: person", "kind: Person", "macron.yaml:2:7", "write one of: person, state, organisation"),
    ("content/pillars/force.yaml", "status: proposed", "status: open", "force.yaml:3:9", "under-negotiation"),
    ("content/questions/who-supplies.yaml", "status: open", "status: closed", "who-supplies.yaml:2:9", "open, resolved"),
    ("content/dossier.yaml", "  - text: A force is planned.", "  - text: A force is planned.\n    confidence: sure", "dossier.yaml:7:17", "low, moderate, high"),
    // dates
    ("content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2026-1-7", "macron.yaml:5:11", "is not a date"),
    ("content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2026-02-30", "macron.yaml:5:11", "not a day of the calendar"),
    ("content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed:", "macron.yaml:5:10", "`reviewed` is empty"),
    ("content/events/paris-meeting.yaml", "date: \"~2026-01\"", "date: soon", "paris-meeting.yaml:2:7", "`date: soon` is not a date"),
    // numbers
    ("content/figures/force-size.yaml", "number: 2", "number: about 2", "force-size.yaml:6:13", "`number: about 2` is not a number"),
    ("content/figures/force-size.yaml", "number: 2", "number: \"2\"", "force-size.yaml:6:13", "is not a number"),
    ("content/figures/force-size.yaml", "number: 2", "number: .nan", "force-size.yaml:6:13", "`number: .nan` is not a number"),
    ("content/figures/force-size.yaml", "number: 2", "number: -.inf", "force-size.yaml:6:13", "`.nan` and `.inf` are not quantities"),
    ("content/pillars/force.yaml", "order: 1", "order: -1", "force.yaml:2:8", "is not a whole number"),
    ("content/pillars/force.yaml", "order: 1", "order: 1.5", "force.yaml:2:8", "`order: 1.5` is not a whole number"),
    ("content/pillars/force.yaml", "order: 1", "order: 99999999999", "force.yaml:2:8", "is not a whole number"),
    // required text
    ("content/actors/macron.yaml", "summary: President of France.", "summary:", "macron.yaml:4:9", "`summary` is empty"),
    ("content/actors/macron.yaml", "name: Emmanuel Macron", "name: \"\"", "macron.yaml:1:7", "`name` is empty"),
    ("content/pillars/force.yaml", "title: Multinational force", "title: \"   \"", "force.yaml:1:8", "`title` is empty"),
    ("content/pillars/force.yaml", "role: Leads", "role: ~", "force.yaml:12:11", "`role` is empty"),
    ("content/figures/force-size.yaml", "value: two countries", "value: \"\"", "force-size.yaml:5:12", "`value` is empty"),
    ("content/events/paris-meeting.yaml", "quote: \"a multinational force\"", "quote:", "paris-meeting.yaml:8:11", "`quote` is empty"),
    // wrong shapes
    ("content/actors/macron.yaml", "aliases: [Macron]", "aliases: Macron", "macron.yaml:3:10", "`aliases: Macron` is not a list"),
    ("content/actors/macron.yaml", "name: Emmanuel Macron", "name: [Emmanuel, Macron]", "macron.yaml:1:7", "`name` holds a list, but must be text"),
    ("content/actors/macron.yaml", "summary: President of France.", "summary: {a: 1}", "macron.yaml:4:10", "holds a mapping"),
    ("content/events/paris-meeting.yaml", "  - source: wire\n    quote: \"a multinational force\"", "  - wire", "paris-meeting.yaml:7:5", "is not a citation"),
    ("content/actors/macron.yaml", "name: Emmanuel Macron\nkind: person\naliases: [Macron]\nsummary: President of France.\nreviewed: 2026-01-07\n", "- Macron\n", "macron.yaml:1:1", "not a list of `field: value` lines"),
    // fields
    ("content/actors/macron.yaml", "summary: President", "sumary: President", "macron.yaml:4:1", "did you mean `summary`?"),
    ("content/actors/macron.yaml", "reviewed: 2026-01-07\n", "", "macron.yaml:1:1", "the required field `reviewed` is missing"),
    ("content/actors/macron.yaml", "kind: person", "kind: person\nname: Macron", "macron.yaml:3:1", "`name` is written twice"),
    ("content/events/paris-meeting.yaml", "citations:\n  - source: wire\n    quote: \"a multinational force\"\n", "", "paris-meeting.yaml:1:1", "the required field `citations` is missing"),
    // YAML syntax
    ("content/actors/macron.yaml", "summary: President of France.", "summary: Note: president", "macron.yaml:4:", "put the value in double quotes"),
    ("content/actors/macron.yaml", "aliases: [Macron]", "aliases: [Macron", "macron.yaml:", "is not closed"),
    ("content/actors/macron.yaml", "summary: President of France.", "summary: @president", "macron.yaml:4:10", "put the value in double quotes"),
    // ids and references
    ("content/questions/who-supplies.yaml", "pillars: [force]", "pillars: [Force Pillar]", "who-supplies.yaml:4:11", "`Force Pillar` is not an id"),
    ("content/questions/who-supplies.yaml", "pillars: [force]", "pillars: [forse]", "who-supplies.yaml:4:11", "did you mean `force`?"),
    ("content/dossier.yaml", "as_of: 2026-01-07", "as_of: 2026-01-07\nbase_url: ftp://example.org", "dossier.yaml:3:11", "is not an absolute web address"),
];

#[test]
fn every_bad_input_is_located_and_in_editor_words() {
    for (file, from, to, location, words) in BAD {
        let (code, err) = check_after(|root| edit(root, file, from, to));
        let case = format!("{file}: `{from}` -> `{to}`");
        assert_eq!(code, Some(1), "{case}: must fail\n{err}");
        assert!(err.contains(location), "{case}: expected at {location}\n{err}");
        assert!(err.contains(words), "{case}: expected `{words}`\n{err}");
        assert!(err.contains("  help: "), "{case}: every error says how to fix it\n{err}");
        for banned in BANNED {
            assert!(!err.contains(banned), "{case}: `{banned}` is serde's word, not an editor's\n{err}");
        }
        // One mistake, one error.
        assert_eq!(errors_in(&err).len(), 1, "{case}: one error expected\n{err}");
    }
    eprintln!("{} classes of bad input checked", BAD.len());
}

#[test]
fn an_actor_affiliated_with_itself() {
    let (code, err) = check_after(|root| {
        edit(root, "content/actors/macron.yaml", "kind: person", "kind: person\naffiliation: macron")
    });
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("macron.yaml:3:14: error: `macron` is affiliated with itself"), "{err}");
}

#[test]
fn an_item_related_to_itself() {
    let (code, err) = check_after(|root| {
        edit(
            root,
            "content/pillars/force.yaml",
            "questions: [who-supplies]",
            "questions: [who-supplies]\nrelated: [macron, force]",
        )
    });
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("force.yaml:14:19: error: `force` is related to itself"), "{err}");
    assert_eq!(errors_in(&err).len(), 1, "{err}");
}

#[test]
fn dates_after_as_of_are_warnings_that_do_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    edit(root, "content/sources/wire.md", "published: 2026-01-06", "published: 2026-03-01");
    edit(root, "content/actors/macron.yaml", "reviewed: 2026-01-07", "reviewed: 2027-01-07");
    let r = root.to_str().unwrap();
    for command in ["check", "build"] {
        let out = dossier(&[command, "--root", r]);
        let err = stderr(&out);
        assert!(out.status.success(), "{command}: warnings do not fail\n{err}");
        assert!(
            err.contains(
                "wire.md:4:12: warning: `published: 2026-03-01` is after the dossier's `as_of` date (2026-01-07)"
            ),
            "{command}:\n{err}"
        );
        assert!(err.contains("macron.yaml:5:11: warning: `reviewed: 2027-01-07` is after"), "{command}:\n{err}");
        assert!(!err.contains("error:"), "{err}");
    }
    // With an error as well, the warnings are printed but not counted.
    write(root, "content/actors/putin.yaml", "name: Putin\nkind: person\nsummary: \"\"\nreviewed: 2026-01-07\n");
    let out = dossier(&["check", "--root", r]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("warning:") && err.contains("check failed: 1 error\n"), "{err}");
}

#[test]
fn theme_and_content_errors_are_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let r = root.to_str().unwrap();
    assert!(dossier(&["build", "--root", r]).status.success());
    write(
        root,
        "themes/default/templates/pillar.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ item.title }</h1>\n{% endblock main %}\n",
    );
    fs::write(root.join("themes/default/templates/event.html"), b"{% extends \"base.html\" %}\n<p>caf\xe9</p>\n")
        .unwrap();
    edit(root, "content/actors/macron.yaml", "kind: person", "kind: persn");
    for command in ["check", "build"] {
        let out = dossier(&[command, "--root", r]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("content/actors/macron.yaml:2:7: error: `kind: persn`"),
            "{command}: content error\n{err}"
        );
        assert!(
            err.contains("themes/default/templates/pillar.html:3:19: error: template syntax error: expected"),
            "{command}: template error with line and column\n{err}"
        );
        assert!(
            err.contains("themes/default/templates/event.html:2:7: error: the template is not valid UTF-8"),
            "{command}: a non-UTF-8 template names the file\n{err}"
        );
        assert!(err.contains("failed: 3 errors"), "{err}");
    }
}

#[test]
fn template_errors_met_while_rendering_name_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    write(
        root,
        "themes/default/templates/pillar.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ item.no_such_field }}</h1>\n{% endblock main %}\n",
    );
    let out = dossier(&["build", "--root", root.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("themes/default/templates/pillar.html:3:8: error: Variable `item.no_such_field` not found"),
        "{err}"
    );
    write(root, "themes/default/templates/pillar.html", "{% extends \"bsae.html\" %}\n");
    let err = stderr(&dossier(&["build", "--root", root.to_str().unwrap()]));
    assert!(
        err.contains(
            "themes/default/templates/pillar.html:1:13: error: Template 'pillar.html' is inheriting from 'bsae.html'"
        ),
        "{err}"
    );
}
