//! The output folder and the archive are the tool's, and nothing else: a build refuses
//! to replace a user's folder, the dossier itself or a file it did not write, and two
//! builds of one output take turns instead of destroying each other's work.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{minimal_dossier, snapshot, stderr, write};

/// Everything under `dir` (the folder itself included): folders, files with their
/// bytes, links with their targets, not following links. Hidden files count.
fn listing(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .map(|e| {
            let e = e.expect("walk");
            let rel = e.path().strip_prefix(dir).expect("under dir").to_string_lossy().into_owned();
            let kind = e.file_type();
            let what = if kind.is_symlink() {
                format!("link -> {}", fs::read_link(e.path()).expect("readlink").display())
            } else if kind.is_dir() {
                "folder".to_string()
            } else {
                format!("file {:?}", fs::read(e.path()).expect("read"))
            };
            (rel, what)
        })
        .collect()
}

fn build(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    common::dossier(&args)
}

/// A dossier in `DIR/root` beside a folder of the user's own notes, `DIR/notes`.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    minimal_dossier(&root);
    write(dir.path(), "notes/todo.txt", "call the ministry\n");
    write(dir.path(), "notes/drafts/.hidden.md", "draft\n");
    (dir, root)
}

/// `--output out` is refused with exit 2 and a help line, and `watched` is left as it was.
fn refused(root: &Path, out: &Path, extra: &[&str], watched: &Path, says: &str) -> String {
    let before = listing(watched);
    let mut args = vec!["--output", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = build(root, &args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "--output {} {extra:?} must be refused:\n{err}", out.display());
    assert!(err.contains(says) && err.contains("help:"), "the message says `{says}` and how to fix it:\n{err}");
    assert!(!err.contains("unchanged)"), "a refusal is not a failed build:\n{err}");
    assert_eq!(listing(watched), before, "{} must be left byte-identical", watched.display());
    err
}

#[test]
fn a_folder_of_the_users_files_is_refused_unless_forced() {
    let (dir, root) = setup();
    let notes = dir.path().join("notes");
    let err = refused(&root, &notes, &[], dir.path(), "files a build did not write");
    assert!(err.contains("`todo.txt`") && err.contains("--force"), "names a file and the way out:\n{err}");

    // --force replaces it with the site (the user said so).
    let o = build(&root, &["--output", notes.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(notes.join("index.html").is_file() && !notes.join("todo.txt").exists());
    // Now it is a site: the next build needs no --force.
    assert!(build(&root, &["--output", notes.to_str().unwrap()]).status.success());

    // An empty folder and a missing one are fine.
    fs::create_dir_all(dir.path().join("empty")).unwrap();
    for out in ["empty", "new/deeper"] {
        let o = build(&root, &["--output", dir.path().join(out).to_str().unwrap()]);
        assert!(o.status.success(), "--output {out}: {}", stderr(&o));
    }
}

#[test]
fn the_dossier_itself_is_refused_even_with_force() {
    let (dir, root) = setup();
    build(&root, &[]);
    for force in [&[][..], &["--force"]] {
        refused(&root, &root.join("content"), force, dir.path(), "would delete your dossier");
        refused(&root, &root.join("content/sources"), force, dir.path(), "is inside");
        refused(&root, &root.join("themes/mine"), force, dir.path(), "is inside");
        refused(&root, &root, force, dir.path(), "is the dossier root");
        refused(&root, dir.path(), force, dir.path(), "holds the dossier root");
        // The same places spelled another way.
        refused(&root, &root.join("site/../content"), force, dir.path(), "would delete your dossier");
        refused(&root, &root.join(".."), force, dir.path(), "holds the dossier root");
    }
    // `--output ..` run inside the root: the relative path is the folder holding it.
    let before = listing(dir.path());
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--output", ".."])
        .current_dir(&root)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(listing(dir.path()), before);
}

#[test]
fn a_symlinked_output_is_written_through_or_refused_never_replaced() {
    let (dir, root) = setup();
    let link = dir.path().join("site-link");
    // A link to the user's notes: refused, the link and the notes left as they are.
    std::os::unix::fs::symlink(dir.path().join("notes"), &link).unwrap();
    refused(&root, &link, &[], dir.path(), "files a build did not write");
    fs::remove_file(&link).unwrap();
    // A link into the dossier: refused whatever --force says.
    std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
    refused(&root, &link, &["--force"], dir.path(), "would delete your dossier");
    fs::remove_file(&link).unwrap();
    // A link to nowhere: refused.
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
    refused(&root, &link, &[], dir.path(), "does not exist");
    fs::remove_file(&link).unwrap();

    // A link to a site folder (the usual /var/www setup): the link stays, the site behind it is new.
    let www = dir.path().join("www/dossier");
    fs::create_dir_all(&www).unwrap();
    std::os::unix::fs::symlink(&www, &link).unwrap();
    for _ in 0..2 {
        let o = build(&root, &["--output", link.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink(), "the link is kept");
        assert_eq!(fs::read_link(&link).unwrap(), www);
        assert!(www.join("index.html").is_file());
    }
    let beside: Vec<_> = fs::read_dir(dir.path().join("www")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["dossier"], "nothing left beside the real folder");
}

#[test]
fn the_zip_never_overwrites_a_file_it_did_not_write() {
    let (dir, root) = setup();
    let yaml = root.join("content/dossier.yaml");
    for force in [&[][..], &["--force"]] {
        let before = listing(dir.path());
        let mut args = vec!["--zip", yaml.to_str().unwrap()];
        args.extend_from_slice(force);
        let o = build(&root, &args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("content or themes") && stderr(&o).contains("help:"), "{}", stderr(&o));
        assert_eq!(listing(dir.path()), before, "the dossier file is untouched");
    }

    let todo = dir.path().join("notes/todo.txt");
    let before = listing(dir.path());
    let o = build(&root, &["--zip", todo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not an archive dossier wrote"), "{}", stderr(&o));
    assert_eq!(listing(dir.path()), before);

    // Its own archive is replaced without ado, and the stamp is not in it.
    let zip = dir.path().join("water.zip");
    for _ in 0..2 {
        let o = build(&root, &["--zip", zip.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let archive = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    assert!(archive.file_names().any(|n| n == "water/index.html"));
    assert!(!archive.file_names().any(|n| n.contains(".dossier-site")), "the stamp stays out of the archive");
}

#[test]
fn a_users_backup_beside_the_site_survives_and_the_site_is_stamped() {
    let (_dir, root) = setup();
    write(&root, ".site.old-backup/index.html", "my backup\n");
    write(&root, ".site.tmp-notmine/keep.txt", "mine\n");
    let before = listing(&root.join(".site.old-backup"));
    for _ in 0..2 {
        let o = build(&root, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(listing(&root.join(".site.old-backup")), before);
    assert!(root.join(".site.tmp-notmine/keep.txt").is_file());
    let stamp = fs::read_to_string(root.join("site/.dossier-site")).unwrap();
    assert!(stamp.contains("dossier build"), "{stamp}");
    let sitemap = fs::read_to_string(root.join("site/sitemap.xml")).unwrap_or_default();
    assert!(!sitemap.contains("dossier-site"), "the stamp is no page");
    assert!(!root.join(".site.lock").exists(), "the lock goes with the build");
}

#[test]
fn a_site_built_before_the_stamp_is_still_recognised() {
    let (dir, root) = setup();
    let old = dir.path().join("old-site");
    write(&old, "index.html", "<p>old</p>");
    write(&old, "dossier.json", "{}");
    write(&old, "static/search-index.js", "");
    let o = build(&root, &["--output", old.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(old.join(".dossier-site").is_file());
}

#[test]
fn racing_builds_take_turns_and_leave_a_complete_site() {
    let (dir, root) = setup();
    let reference = dir.path().join("reference");
    assert!(build(&root, &["--output", reference.to_str().unwrap()]).status.success());
    let expected = snapshot(&reference);
    let site = dir.path().join("site");
    let mut waited = 0;
    for round in 0..50 {
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(["build", "--root", root.to_str().unwrap(), "--output", site.to_str().unwrap()])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let o = child.wait_with_output().unwrap();
            assert!(o.status.success(), "round {round}: {}", stderr(&o));
            waited += usize::from(stderr(&o).contains("waiting for another build of"));
        }
        assert_eq!(snapshot(&site), expected, "round {round}: the site is complete");
        let beside: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(beside.len(), 4, "round {round}: nothing left over: {beside:?}");
    }
    eprintln!("50 rounds of two racing builds: {waited} waited for the other");
    assert!(waited > 0, "some builds must have met another");
}

#[test]
fn serve_refuses_a_users_folder_too() {
    let (dir, root) = setup();
    let before = listing(dir.path());
    let o = common::dossier(&[
        "serve",
        "--port",
        "0",
        "--root",
        root.to_str().unwrap(),
        "--output",
        dir.path().join("notes").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(listing(dir.path()), before);
}

/// `dossier build` run while `dossier serve` watches the same output: serve's next
/// rebuild must not reuse pages it thinks are its own but the other build replaced.
#[test]
fn serve_rebuilds_correctly_after_another_build_of_its_output() {
    use std::io::BufRead;
    let (dir, root) = setup();
    let mut serve = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let lines = std::io::BufReader::new(serve.stdout.take().unwrap());
    std::thread::spawn(move || lines.lines().map_while(Result::ok).for_each(|l| drop(tx.send(l))));
    let wait = std::time::Duration::from_secs(30);
    let next_built = || loop {
        let line = rx.recv_timeout(wait).expect("serve reports each build");
        if line.starts_with("Built ") {
            return line;
        }
    };
    next_built();
    while !rx.recv_timeout(wait).unwrap().starts_with("Serving") {}

    let o = build(&root, &["--base-url", "https://elsewhere.example/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    write(&root, "content/actors/macron.yaml", "name: Emmanuel Macron\nkind: person\naliases: [Macron]\nsummary: President of the French Republic.\nreviewed: 2026-01-07\n");
    next_built();
    let _ = serve.kill();
    let _ = serve.wait();

    let fresh = dir.path().join("fresh");
    assert!(build(&root, &["--output", fresh.to_str().unwrap()]).status.success());
    let (served, fresh) = (snapshot(&root.join("site")), snapshot(&fresh));
    let differ: Vec<_> = fresh.keys().filter(|k| served.get(*k) != fresh.get(*k)).collect();
    assert!(differ.is_empty() && served.len() == fresh.len(), "serve's rebuild differs from a fresh build: {differ:?}");
}
