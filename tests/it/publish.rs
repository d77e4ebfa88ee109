//! The recipes of docs/publishing.md, run: `--base-url`, `--zip` for offline readers, the
//! GitHub Pages workflow, an rsync copy, and the binary working far from this repository.

use crate::common;

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use common::{dossier, minimal_dossier, repo_root, snapshot, stderr, stdout, Site};

fn built(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    dossier(&args)
}

#[test]
fn base_url_flag_overrides_dossier_yaml() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    common::set_in_dossier_yaml(dir.path(), "base_url: https://old.example.org/");
    let out = built(dir.path(), &["--base-url", "https://new.example.org/water"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    assert!(index.contains(r#"<link rel="canonical" href="https://new.example.org/water/index.html">"#), "{index}");
    let sitemap = fs::read_to_string(dir.path().join("site/sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://new.example.org/water/pillars/force.html</loc>"), "{sitemap}");
    assert!(!sitemap.contains("old.example.org") && !index.contains("old.example.org"));

    let before = snapshot(&dir.path().join("site"));
    for bad in ["new.example.org", "/water/", "ftp://example.org/", "https://", "https://a b/"] {
        let out = built(dir.path(), &["--base-url", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains("https://example.org/my-dossier/"), "says what a good one looks like");
    }
    assert_eq!(snapshot(&dir.path().join("site")), before, "a usage error changes nothing");
}

/// The file and the flag go through one rule: what `--base-url` refuses, `dossier.yaml`
/// may not hold either (the review found `https://?#` accepted there).
#[test]
fn base_url_in_dossier_yaml_follows_the_flag_rule() {
    for bad in ["https://?#", "https://x.org/?q=1", "example.org"] {
        let dir = tempfile::tempdir().unwrap();
        minimal_dossier(dir.path());
        common::set_in_dossier_yaml(dir.path(), &format!("base_url: \"{bad}\""));
        let out = built(dir.path(), &[]);
        assert_eq!(out.status.code(), Some(1), "{bad}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("dossier.yaml:") && err.contains("not an absolute web address"), "{bad}: {err}");
        let flag = built(dir.path(), &["--base-url", bad]);
        assert_eq!(flag.status.code(), Some(2), "{bad}: {}", stderr(&flag));
    }
}

fn unzip(bytes: &[u8], into: &Path) {
    zip::ZipArchive::new(Cursor::new(bytes)).unwrap().extract(into).unwrap();
}

#[test]
fn zip_opens_from_disk_and_is_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let zip_path = dir.path().join("out/water.zip");
    let z = zip_path.to_str().unwrap();
    let out = built(dir.path(), &["--zip", z]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("water.zip"), "{}", stdout(&out));
    let first = fs::read(&zip_path).unwrap();

    let unpacked = tempfile::tempdir().unwrap();
    unzip(&first, unpacked.path());
    let names: Vec<_> = fs::read_dir(unpacked.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["water"], "one top-level folder named after the archive");
    let site = Site::load(&unpacked.path().join("water"));
    assert!(site.pages.contains_key("index.html") && site.pages.contains_key("sources/wire.html"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    let mut site_files = snapshot(&dir.path().join("site"));
    assert!(site_files.remove(".dossier-site").is_some(), "the site is stamped as the tool's");
    assert_eq!(snapshot(&unpacked.path().join("water")), site_files, "the archive is the site, less the stamp");

    let again = built(dir.path(), &["--zip", z]);
    assert!(again.status.success());
    assert!(fs::read(&zip_path).unwrap() == first, "two builds give byte-identical archives");

    // A failed build leaves the old archive as it was and no partial file beside it.
    common::write(dir.path(), "content/actors/macron.yaml", "name: Emmanuel Macron\nkind: persn\n");
    let failed = built(dir.path(), &["--zip", z]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(fs::read(&zip_path).unwrap() == first, "the previous archive is untouched");
    let files: Vec<_> = fs::read_dir(zip_path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, ["water.zip"], "nothing half-written beside it");
}

#[test]
fn zip_inside_the_site_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    let z = dir.path().join("site/x.zip");
    let out = built(dir.path(), &["--zip", z.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("outside the site folder"), "{}", stderr(&out));
}

#[test]
fn github_pages_workflow_has_the_steps_the_guide_describes() {
    let path = repo_root().join("docs/examples/github-pages.yml");
    let wf: serde_yaml::Value = serde_yaml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert!(wf["permissions"]["pages"] == "write" && wf["permissions"]["id-token"] == "write", "Pages permissions");
    let build = wf["jobs"]["build"]["steps"].as_sequence().expect("build steps");
    let uses: Vec<&str> = build.iter().filter_map(|s| s["uses"].as_str()).collect();
    let runs: Vec<&str> = build.iter().filter_map(|s| s["run"].as_str()).collect();
    for action in ["actions/checkout@", "actions/configure-pages@", "actions/upload-pages-artifact@"] {
        assert!(uses.iter().any(|u| u.starts_with(action)), "missing {action}: {uses:?}");
    }
    assert!(runs.iter().any(|r| r.contains("cargo install")), "installs dossier: {runs:?}");
    let builds = runs.iter().find(|r| r.lines().any(|l| l.starts_with("dossier build --base-url")));
    let builds = builds.unwrap_or_else(|| panic!("builds with the Pages address: {runs:?}"));
    assert!(builds.contains("--previous-edition"), "compares with the published edition: {builds}");
    assert!(runs.iter().any(|r| r.contains("edition.json")), "fetches the published edition: {runs:?}");
    let upload = build.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.contains("upload-pages"))).unwrap();
    assert_eq!(upload["with"]["path"], "site/", "uploads the built site");
    let deploy = wf["jobs"]["deploy"]["steps"].as_sequence().expect("deploy steps");
    assert!(deploy.iter().any(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/deploy-pages@"))));
    assert_eq!(wf["jobs"]["deploy"]["needs"], "build");
    // The guide shows the same file.
    let guide = fs::read_to_string(repo_root().join("docs/publishing.md")).unwrap();
    assert!(guide.contains("docs/examples/github-pages.yml") && guide.contains("upload-pages-artifact"));
}

#[test]
fn rsync_recipe_copies_a_working_site_and_deletes_what_was_removed() {
    if Command::new("rsync").arg("--version").output().is_err() {
        return common::skip("rsync recipe", "rsync is not installed");
    }
    let dir = tempfile::tempdir().unwrap();
    minimal_dossier(dir.path());
    assert!(built(dir.path(), &["--base-url", "https://example.org/water/"]).status.success());
    let host = tempfile::tempdir().unwrap();
    let dest = host.path().join("www");
    let rsync = |src: &Path| {
        // The recipe of docs/publishing.md, to a local folder instead of host:/var/www/...
        let o = Command::new("rsync")
            .args(["-a", "--checksum", "--delete"])
            .arg(format!("{}/", src.display()))
            .arg(format!("{}/", dest.display()))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    rsync(&dir.path().join("site"));
    let site = Site::load(&dest);
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    assert_eq!(snapshot(&dest), snapshot(&dir.path().join("site")));

    // An event removed from the dossier disappears from the host too.
    fs::remove_file(dir.path().join("content/events/paris-meeting.yaml")).unwrap();
    assert!(built(dir.path(), &[]).status.success());
    rsync(&dir.path().join("site"));
    assert!(!dest.join("events/paris-meeting.html").exists(), "--delete removes pages that are gone");
    assert!(Site::load(&dest).broken_links().is_empty());
}

/// What `cargo install --path .` gives: the binary alone, run far from this repository,
/// starts and builds a dossier (the theme and starter are embedded).
#[test]
fn the_binary_alone_works_outside_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    assert!(!dir.path().starts_with(repo_root()), "the temporary folder must be outside the repository");
    let bin = dir.path().join("bin/dossier");
    fs::create_dir_all(bin.parent().unwrap()).unwrap();
    fs::copy(env!("CARGO_BIN_EXE_dossier"), &bin).unwrap();
    let work = dir.path().join("work");
    fs::create_dir_all(&work).unwrap();
    let run = |cwd: &Path, args: &[&str]| {
        let o = Command::new(&bin).args(args).current_dir(cwd).env_remove("CARGO_MANIFEST_DIR").output().unwrap();
        assert!(o.status.success(), "dossier {args:?}: {}", String::from_utf8_lossy(&o.stderr));
        o
    };
    run(&work, &["init", "harbour", "--title", "Harbour dredging"]);
    let root = work.join("harbour");
    run(&root, &["new", "actor", "port-authority"]);
    run(&root, &["build", "--zip", "../harbour.zip"]);
    let site = Site::load(&root.join("site"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
    let css = fs::read_to_string(root.join("site/static/style.css")).unwrap();
    assert!(!css.is_empty(), "the embedded theme's stylesheet is written");
    assert!(work.join("harbour.zip").is_file());
    assert!(root.join("schemas/actor.schema.json").is_file());
}
