//! The benchmark corpus generator (examples/corpus.rs) as benches/run.sh uses it: it
//! refuses what it does not know and writes nothing then, prints its usage on --help, and
//! writes the dossier with its Hugo and Zola twins.

use crate::common;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{repo_root, stderr, stdout};

/// The release build of the example, built once if it is not there yet.
fn corpus_bin() -> &'static PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let bin = repo_root().join("target/release/examples/corpus");
        let o = Command::new(env!("CARGO"))
            .args(["build", "--release", "--quiet", "--example", "corpus"])
            .current_dir(repo_root())
            .output()
            .expect("cargo");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        bin
    })
}

fn corpus(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(corpus_bin()).args(args).current_dir(dir).output().expect("corpus runs")
}

fn entries(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

#[test]
fn help_prints_usage_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--help", "-h"] {
        let o = corpus(dir.path(), &[flag]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("usage: corpus --out DIR"), "{}", stdout(&o));
    }
    assert_eq!(entries(dir.path()), 0, "--help wrote files");
}

#[test]
fn unknown_flags_and_bad_values_are_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--out", "x", "--source", "10"][..],
        &["--out", "x", "--sources", "ten"],
        &["--out", "x", "--sources"],
        &["stray"],
        &["--sources", "5"],
    ] {
        let o = corpus(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        assert!(stderr(&o).contains("usage: corpus"), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).lines().next().is_some_and(|l| l.starts_with("corpus: ")), "{}", stderr(&o));
    }
    assert_eq!(entries(dir.path()), 0, "a refused command wrote files");
}

#[test]
fn writes_a_dossier_and_its_twins() {
    let dir = tempfile::tempdir().unwrap();
    let o = corpus(dir.path(), &["--sources", "12", "--out", "d", "--hugo", "h", "--zola", "z"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let d = dir.path();
    assert_eq!(entries(&d.join("d/content/sources")), 12);
    assert_eq!(entries(&d.join("h/content/sources")), 12);
    // Zola's sources: the twelve pages and the section's _index.md.
    assert_eq!(entries(&d.join("z/content/sources")), 13);
    let page = std::fs::read_to_string(d.join("z/content/sources/s000003.md")).unwrap();
    assert!(page.starts_with("+++\ntitle = \"") && page.contains("[taxonomies]\nactors = ["), "{page}");
    assert!(d.join("z/config.toml").is_file() && d.join("z/templates/taxonomy_single.html").is_file());
    let site = d.join("site");
    let b = common::dossier(&["build", "--root", d.join("d").to_str().unwrap(), "--output", site.to_str().unwrap()]);
    assert!(b.status.success(), "the generated dossier builds: {}", stderr(&b));
}
