//! Helpers shared by the integration tests: run the real binary, write small dossiers,
//! and walk a built site the way a reader's browser would.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

#[cfg(target_os = "linux")]
pub mod bounded;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `dossier ARGS` and returns its output.
pub fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).output().expect("run dossier")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

/// A small dossier that builds: one item of every kind, cross-linked and cited.
pub fn minimal_dossier(root: &Path) {
    write(root, "content/dossier.yaml", "title: Test dossier\nas_of: 2026-01-07\nbottom_line: |\n  The [[force]] matters.\nkey_judgments:\n  - text: A force is planned.\n    citations:\n      - source: wire\n        quote: \"a multinational force led by France\"\n");
    write(root, "content/pillars/force.yaml", "title: Multinational force\norder: 1\nstatus: proposed\nsummary: Led by [[macron]].\nkey_points:\n  - text: It stays back.\n    citations:\n      - source: wire\n        quote: \"away from the contact line\"\nactors:\n  - actor: macron\n    role: Leads\nquestions: [who-supplies]\nreviewed: 2026-01-07\n");
    write(
        root,
        "content/actors/macron.yaml",
        "name: Emmanuel Macron\nkind: person\naliases: [Macron]\nsummary: President of France.\nreviewed: 2026-01-07\n",
    );
    write(root, "content/questions/who-supplies.yaml", "title: Who supplies the troops?\nstatus: open\nwhy_it_matters: Numbers decide credibility.\npillars: [force]\nreviewed: 2026-01-07\n");
    write(root, "content/events/paris-meeting.yaml", "title: Paris meeting\ndate: \"~2026-01\"\nplace: Paris\nsummary: Leaders met.\nactors: [macron]\ncitations:\n  - source: wire\n    quote: \"a multinational force\"\n");
    write(root, "content/figures/force-size.yaml", "title: Force size\nsummary: How big.\nvalues:\n  - source: wire\n    value: two countries\n    number: 2\n    quote: \"led by France and the UK\"\nreviewed: 2026-01-07\n");
    write(root, "content/sources/wire.md", "---\ntitle: Wire report\npublisher: Wire\npublished: 2026-01-06\n---\nThe package includes a multinational force led by France and the UK.\n\nMacron said the force would operate “away from the contact line”.\n");
}

/// Copies the folder `from` (files and folders) to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(e.path().strip_prefix(from).expect("under from"));
        if e.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// The shipped dossier's `content/`, copied into `root` (to build it, or change it, in a
/// temporary folder).
pub fn copy_shipped_content(root: &Path) {
    copy_tree(&repo_root().join("content"), &root.join("content"));
}

/// The shipped dossier, copied into a temporary folder, changed by `edit` and built there:
/// (the folder, which must be kept alive, and the built site).
pub fn build_shipped_copy(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    copy_shipped_content(root);
    edit(root);
    let out = root.join("site");
    let o = dossier(&["build", "--root", root.to_str().expect("utf-8"), "--output", out.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, out)
}

/// Puts `line` first in `ROOT/content/dossier.yaml` (to set `base_url:`, `theme:`, ...).
pub fn set_in_dossier_yaml(root: &Path, line: &str) {
    let path = root.join("content/dossier.yaml");
    let text = fs::read_to_string(&path).expect("read dossier.yaml");
    fs::write(&path, format!("{line}\n{text}")).expect("write dossier.yaml");
}

/// Every file under `dir`, relative, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("under dir").to_string_lossy().replace('\\', "/");
            (rel, fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The built site, parsed: every HTML page by site path.
pub struct Site {
    pub dir: PathBuf,
    pub pages: BTreeMap<String, Html>,
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

impl Site {
    pub fn load(dir: &Path) -> Site {
        let mut pages = BTreeMap::new();
        for (rel, bytes) in snapshot(dir) {
            if rel.ends_with(".html") {
                pages.insert(rel, Html::parse_document(&String::from_utf8(bytes).expect("pages are UTF-8")));
            }
        }
        Site { dir: dir.to_path_buf(), pages }
    }

    pub fn page(&self, path: &str) -> &Html {
        self.pages.get(path).unwrap_or_else(|| panic!("no page {path}"))
    }

    fn ids(&self, path: &str) -> HashSet<String> {
        let id = sel("[id]");
        self.page(path).select(&id).filter_map(|e| e.value().attr("id").map(str::to_string)).collect()
    }

    /// Follows every link, stylesheet, script and image of every page. Returns the
    /// problems found (empty when every target file and anchor exists).
    pub fn broken_links(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids_cache: HashMap<String, HashSet<String>> = HashMap::new();
        let refs = sel("a[href], link[href], script[src], img[src]");
        for (page, html) in &self.pages {
            for el in html.select(&refs) {
                let v = el.value();
                let target = v.attr("href").or_else(|| v.attr("src")).unwrap_or_default();
                if target.starts_with("http://") || target.starts_with("https://") || target.starts_with("mailto:") {
                    // A canonical link names the page's address; browsers load nothing from it.
                    if v.name() != "a" && v.attr("rel") != Some("canonical") {
                        problems.push(format!("{page}: loads from the network: {target}"));
                    }
                    continue;
                }
                let (file, fragment) = match target.split_once('#') {
                    Some((f, frag)) => (f, Some(frag)),
                    None => (target, None),
                };
                let resolved = if file.is_empty() { Some(page.clone()) } else { resolve(page, file) };
                let Some(resolved) = resolved else {
                    problems.push(format!("{page}: link leaves the site: {target}"));
                    continue;
                };
                if !self.dir.join(&resolved).is_file() {
                    problems.push(format!("{page}: broken link {target} (no file {resolved})"));
                    continue;
                }
                if let Some(frag) = fragment {
                    if resolved.ends_with(".html") {
                        let ids = ids_cache.entry(resolved.clone()).or_insert_with(|| self.ids(&resolved));
                        if !ids.contains(frag) {
                            problems.push(format!("{page}: broken anchor {target}"));
                        }
                    }
                }
            }
        }
        problems
    }
}

/// Resolves a relative link from a page; None if it leaves the site root.
pub fn resolve(page: &str, link: &str) -> Option<String> {
    let mut parts: Vec<String> = Path::new(page).parent().map_or(Vec::new(), |p| {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    });
    for piece in link.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p.to_string()),
        }
    }
    Some(parts.join("/"))
}

/// Nothing in the site can run: no script-like element, no event handler attribute,
/// no `javascript:` or `data:` URL.
pub fn assert_inert(site: &Site) {
    let any = sel("*");
    for (page, html) in &site.pages {
        assert_eq!(
            html.select(&sel("iframe, object, embed, svg script, svg foreignObject")).count(),
            0,
            "{page}: executable element"
        );
        // The only scripts are the theme's own files, loaded by `src`, with no inline code,
        // but for 404.html's one script, allowed by its hash (tests/it/previews.rs checks it).
        let hashed = page == "404.html"
            && html
                .select(&sel("meta[http-equiv=Content-Security-Policy]"))
                .any(|m| m.value().attr("content").is_some_and(|c| c.contains("'sha256-")));
        let mut allowed = usize::from(hashed);
        for script in html.select(&sel("script")) {
            let src = script.value().attr("src").unwrap_or_default();
            let data = script.value().attr("type") == Some("application/ld+json");
            if src.is_empty() && !data && allowed > 0 {
                allowed -= 1;
                continue;
            }
            assert!(
                data || src.ends_with(".js") && src.contains("static/"),
                "{page}: script not from the theme: {src:?}"
            );
            assert!(data || script.text().all(|t| t.trim().is_empty()), "{page}: inline script");
        }
        for el in html.select(&any) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{page}: event handler {name}={value}");
                let v = value.trim().to_lowercase();
                if matches!(name, "href" | "src" | "action" | "formaction") {
                    assert!(!v.starts_with("javascript:") && !v.starts_with("data:"), "{page}: {name}={value}");
                }
            }
        }
    }
}

/// Whether an external tool (`cmd args`, e.g. `pdftotext -v`) runs here. When it does not,
/// the calling test should pass with a note on stderr, unless DOSSIER_REQUIRE_CHECKERS=1
/// (set by .ci/run, which installs every tool): then this fails the test instead.
pub fn require_tool(cmd: &str, args: &[&str], suite: &str) -> bool {
    if Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success()) {
        return true;
    }
    skip(suite, &format!("needs `{cmd}`"));
    false
}

/// The one way a test skips for want of an external checker: loudly, and never when
/// `DOSSIER_REQUIRE_CHECKERS=1` (set by `.ci/run`, which installs them all): then it fails.
pub fn skip(suite: &str, why: &str) {
    let required = std::env::var("DOSSIER_REQUIRE_CHECKERS").is_ok_and(|v| v == "1");
    assert!(!required, "{suite}: {why}, and DOSSIER_REQUIRE_CHECKERS=1 makes it mandatory");
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {suite}: {why} (bash .ci/run installs it)");
}

/// The `to accept: dossier alias ...` command `dossier add` prints, split into its arguments.
pub fn accept_command(out: &str) -> Vec<String> {
    let line = out.lines().find_map(|l| l.trim().strip_prefix("to accept: ")).expect("a command is printed");
    let (head, rest) = line.split_once(" \"").expect("the spelling is quoted");
    let (spelling, tail) = rest.split_once('"').unwrap();
    let mut args: Vec<String> = head.split(' ').map(String::from).collect();
    args.push(spelling.to_string());
    args.extend(tail.split_whitespace().map(String::from));
    args
}
