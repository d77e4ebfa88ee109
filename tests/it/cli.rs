//! The command line as a user meets it: help, the summary line, defaults, `check`
//! writing nothing, and themes overriding the built-in templates one file at a time.

use crate::common;

use std::fs;

use common::{dossier, minimal_dossier, stderr, stdout, write};

#[test]
fn help_has_examples() {
    let o = dossier(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Examples:") && stdout(&o).contains("dossier build"), "{}", stdout(&o));
    let o = dossier(&["build", "--help"]);
    assert!(stdout(&o).contains("--root") && stdout(&o).contains("--output"));
}

#[test]
fn build_defaults_to_root_site_and_prints_one_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let o = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    let html = common::snapshot(&dir.path().join("site")).keys().filter(|p| p.ends_with(".html")).count();
    assert!(out.starts_with(&format!("Built {html} pages in ")), "{out} (site has {html} pages)");
    let files = common::snapshot(&dir.path().join("site")).len();
    assert!(out.trim_end().ends_with(&format!("/site/ ({files} files written, 0 unchanged)")), "{out}");
    assert!(dir.path().join("site/index.html").is_file());
    assert!(dir.path().join("site/dossier.json").is_file());
    // A rebuild of unchanged content writes nothing: every file is left as it was.
    let again = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(
        stdout(&again).trim_end().ends_with(&format!("(0 files written, {files} unchanged)")),
        "{}",
        stdout(&again)
    );
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let o = dossier(&["check", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("no errors"));
    assert!(!dir.path().join("site").exists());
}

#[test]
fn a_theme_file_overrides_the_built_in_one_alone() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    write(
        dir.path(),
        "themes/default/templates/list.html",
        "{% extends \"base.html\" %}{% block main %}<p>CUSTOM LIST {{ title }}</p>{% endblock main %}",
    );
    let o = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = fs::read_to_string(dir.path().join("site/actors/index.html")).unwrap();
    assert!(list.contains("CUSTOM LIST Actors"), "{list}");
    assert!(list.contains("static/style.css"), "base.html still comes from the built-in theme");
    let item = fs::read_to_string(dir.path().join("site/actors/macron.html")).unwrap();
    assert!(!item.contains("CUSTOM"));
}

#[test]
fn a_broken_template_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    write(dir.path(), "themes/default/templates/actor.html", "{% if %}");
    let o = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("actor.html"), "{}", stderr(&o));
}

#[test]
fn a_missing_named_theme_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    common::set_in_dossier_yaml(dir.path(), "theme: sober");
    let o = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("dossier.yaml:1:1: error: theme `sober` not found"), "{}", stderr(&o));
}
