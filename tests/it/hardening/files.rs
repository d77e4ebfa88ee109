//! Hostile file systems: symbolic links (to files, folders, loops, devices), ids that
//! look like paths, and files that vanish during a build. Each gives a correct site or
//! a clear error naming the path, within a time limit, and never writes outside site/.
//!
//! Symbolic links in content/ are followed, wherever they point; a loop, a broken link
//! or a link to something that is not a plain file is an error naming the link.
#![cfg(target_os = "linux")]

use crate::common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::bounded::run;
use common::{assert_inert, minimal_dossier, snapshot, write, Site};

const LIMIT: Duration = Duration::from_secs(60);

/// Builds the minimal dossier, applies `hostile`, builds again: (root, exit code, stderr).
fn build_after(hostile: impl FnOnce(&Path)) -> (tempfile::TempDir, Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    minimal_dossier(&root);
    let root_s = root.to_str().unwrap();
    assert_eq!(run(&["build", "--root", root_s], LIMIT).code, Some(0));
    let before = snapshot(&root.join("site"));
    hostile(&root);
    let r = run(&["build", "--root", root_s], LIMIT);
    match r.code {
        Some(0) => assert_inert(&Site::load(&root.join("site"))),
        Some(1) => {
            assert!(r.stderr.contains(": error: ") && r.stderr.contains("help: "), "{}", r.stderr);
            assert_eq!(snapshot(&root.join("site")), before, "the last good site is kept");
        }
        other => panic!("exit {other:?}:\n{}", r.stderr),
    }
    (dir, r.code, r.stderr)
}

#[test]
fn a_linked_file_and_a_linked_folder_are_content() {
    let (dir, code, err) = build_after(|root| {
        let shared = root.parent().unwrap().join("shared");
        write(&shared, "extra.md", "---\ntitle: Linked article\n---\nShared text.\n");
        write(&shared, "more/other.md", "---\ntitle: Linked folder article\n---\nMore text.\n");
        symlink(shared.join("extra.md"), root.join("content/sources/extra.md")).unwrap();
        symlink(shared.join("more"), root.join("content/sources/more")).unwrap();
    });
    assert_eq!(code, Some(0), "{err}");
    let site = dir.path().join("root/site/sources");
    assert!(site.join("extra.html").is_file() && site.join("other.html").is_file());
}

#[test]
fn a_symlink_loop_is_an_error_naming_the_link() {
    let (_dir, code, err) = build_after(|root| {
        symlink("..", root.join("content/sources/up")).unwrap();
        symlink("self.md", root.join("content/sources/self.md")).unwrap();
    });
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("sources/up") && err.contains("symbolic link loop"), "{err}");
    assert!(err.contains("sources/self.md") && err.contains("cannot read"), "{err}");
}

#[test]
fn a_link_to_a_device_or_a_pipe_is_refused_not_read_forever() {
    let (_dir, code, err) = build_after(|root| {
        symlink("/dev/zero", root.join("content/sources/zero.md")).unwrap();
        let fifo = std::ffi::CString::new(root.join("content/actors/pipe.yaml").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    });
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("sources/zero.md") && err.contains("not a regular file"), "{err}");
    assert!(err.contains("actors/pipe.yaml") && err.contains("not a regular file"), "{err}");
}

#[test]
fn a_broken_link_is_a_file_that_vanished() {
    let (_dir, code, err) = build_after(|root| symlink("gone.md", root.join("content/sources/gone-link.md")).unwrap());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("sources/gone-link.md") && err.contains("cannot read"), "{err}");
}

#[test]
fn ids_that_look_like_paths_are_unknown_ids_not_paths() {
    let (dir, code, err) = build_after(|root| {
        write(root, "content/events/path.yaml", "title: P\ndate: 2026-01-02\nsummary: \"[[../../etc/passwd]] [[/etc/hosts]] [[..]]\"\nactors: [\"../../../tmp/x\", \"actors/macron\", \"%2e%2e%2fsecret\"]\ncitations:\n  - source: \"../sources/wire\"\n    quote: x\n");
        write(root, "content/sources/..md", "---\ntitle: Dots\n---\nText.\n");
        write(root, "content/sources/CON .md", "---\ntitle: Con\n---\nText.\n");
    });
    assert_eq!(code, Some(1), "{err}");
    for needle in ["[[../../etc/passwd]]", "[[/etc/hosts]]", "../../../tmp/x", "actors/macron", "../sources/wire"] {
        assert!(err.contains(needle), "`{needle}` reported:\n{err}");
    }
    assert!(err.contains("`CON ` is not a valid id"), "{err}");
    assert!(!err.contains("..md"), "a dot file is hidden, not content: {err}");
    let outside: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(outside, ["root"], "nothing written beside the dossier");
}

/// A real race: one thread adds and removes an (uncited) source while builds run. Each
/// build must succeed or name the file; never crash, never leave a partial site.
#[test]
fn files_vanishing_during_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    minimal_dossier(root);
    let root_s = root.to_str().unwrap();
    assert_eq!(run(&["build", "--root", root_s], LIMIT).code, Some(0));
    let stop = AtomicBool::new(false);
    let (mut ok, mut named) = (0, 0);
    std::thread::scope(|s| {
        s.spawn(|| {
            let (path, text) = (root.join("content/sources/flicker.md"), "---\ntitle: Flicker\n---\nNow you see it.\n");
            while !stop.load(Ordering::Relaxed) {
                let _ = fs::write(&path, text);
                let _ = fs::remove_file(&path);
            }
        });
        for _ in 0..8 {
            let r = run(&["build", "--root", root_s], LIMIT);
            match r.code {
                Some(0) => ok += 1,
                Some(1) => {
                    assert!(r.stderr.contains("flicker.md") && r.stderr.contains("help:"), "{}", r.stderr);
                    named += 1;
                }
                other => panic!("exit {other:?}: {}", r.stderr),
            }
            assert_inert(&Site::load(&root.join("site")));
            assert!(Site::load(&root.join("site")).pages.contains_key("index.html"));
        }
        stop.store(true, Ordering::Relaxed);
    });
    eprintln!("vanishing file: {ok} builds succeeded, {named} named the file");
}
