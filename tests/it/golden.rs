//! Golden pages: a few representative pages of a small dossier, byte for byte, so an
//! unintended change in what readers get shows up in review as a snapshot diff.
//! After an intended change: `cargo insta review` (or `INSTA_UPDATE=always cargo test
//! --release --test it golden::`), then read the diff before committing it.

use std::fs;

use crate::common::{dossier, minimal_dossier, stderr};

#[test]
fn representative_pages_are_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let root = dir.path().to_str().unwrap();
    let out = dossier(&["build", "--root", root, "--base-url", "https://example.org/test/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = dir.path().join("site");
    for page in ["index.html", "pillars/force.html", "actors/macron.html", "sources/wire.html", "print.html"] {
        let html = fs::read_to_string(site.join(page)).unwrap();
        let name = page.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, html);
    }
}
