//! Real checkers on the shipped dossier, built with a `base_url` so canonical links,
//! OpenGraph and the sitemap are checked too: the W3C Nu HTML checker on every page,
//! axe-core and browser behaviour in Chromium (tests/browser/check.mjs), and xmllint on
//! the feed and the sitemap (against tests/schemas/sitemap.xsd).
//!
//! Where a checker is not installed, its test passes and says so on stderr, unless
//! DOSSIER_REQUIRE_CHECKERS=1 (set by .ci/run, which installs them): then it fails.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{repo_root, stderr, stdout};

/// Whether a command runs (the checkers are found by running them).
fn works(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success())
}

/// The shipped content with a base_url, built once.
fn site() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &BUILT
        .get_or_init(|| {
            common::build_shipped_copy(|root| {
                common::set_in_dossier_yaml(root, "base_url: https://dossier.example.org/ukraine/")
            })
        })
        .1
}

#[test]
fn nu_html_checker_finds_no_errors() {
    let jar = repo_root().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() || !works("java", &["-version"]) {
        return common::skip(
            "W3C Nu HTML checker",
            "needs java and tests/browser/node_modules (npm ci in tests/browser)",
        );
    }
    let o = Command::new("java")
        .args(["-jar", jar.to_str().unwrap(), "--errors-only", "--skip-non-html", "--format", "text"])
        .arg(site())
        .output()
        .expect("run vnu");
    let pages = walkdir::WalkDir::new(site())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(o.status.success(), "vnu errors:\n{}{}", stdout(&o), stderr(&o));
    assert!(pages > 80, "checked {pages} pages");
}

#[test]
fn browser_checks_axe_search_citations_and_screenshots() {
    let script = repo_root().join("tests/browser/check.mjs");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !repo_root().join("tests/browser/node_modules/playwright-core").is_dir() || !works("node", &["--version"]) {
        return common::skip(
            "browser checks (axe-core, search, citations, screenshots)",
            "needs node and tests/browser/node_modules",
        );
    }
    if !Path::new(&chromium).is_file() {
        return common::skip(
            "browser checks (axe-core, search, citations, screenshots)",
            &format!("needs Chromium at {chromium} (or set CHROMIUM)"),
        );
    }
    let shots = repo_root().join("target/screenshots");
    let o = Command::new("node").arg(script).arg(site()).arg(&shots).output().expect("run node");
    assert!(o.status.success(), "browser checks failed:\n{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("browser checks passed"), "{}", stdout(&o));
    for name in ["index-360-light.png", "index-1440-dark.png", "source-360-dark.png", "print.pdf"] {
        assert!(shots.join(name).is_file(), "screenshot {name}");
    }
}

#[test]
fn feed_and_sitemap_are_valid_xml() {
    if !works("xmllint", &["--version"]) {
        return common::skip("xmllint on feed.xml and sitemap.xml", "needs xmllint (Debian package libxml2-utils)");
    }
    let feed = Command::new("xmllint").arg("--noout").arg(site().join("feed.xml")).output().unwrap();
    assert!(feed.status.success(), "{}", stderr(&feed));
    let schema = repo_root().join("tests/schemas/sitemap.xsd");
    let map = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(site().join("sitemap.xml"))
        .output()
        .unwrap();
    assert!(map.status.success(), "{}", stderr(&map));
    let text = std::fs::read_to_string(site().join("sitemap.xml")).unwrap();
    assert!(text.contains("<loc>https://dossier.example.org/ukraine/index.html</loc>"), "{text}");
    let robots = std::fs::read_to_string(site().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://dossier.example.org/ukraine/sitemap.xml"), "{robots}");
}

#[test]
fn canonical_opengraph_and_json_ld_with_a_base_url() {
    let s = common::Site::load(site());
    let page = s.page("actors/zelenskyy.html");
    let canonical: Vec<&str> =
        page.select(&common::sel("link[rel=canonical]")).filter_map(|l| l.value().attr("href")).collect();
    assert_eq!(canonical, ["https://dossier.example.org/ukraine/actors/zelenskyy.html"]);
    assert_eq!(page.select(&common::sel("meta[property='og:title']")).count(), 1);
    let ld: String = page.select(&common::sel("script[type='application/ld+json']")).flat_map(|e| e.text()).collect();
    let v: serde_json::Value = serde_json::from_str(&ld).expect("JSON-LD parses");
    assert_eq!(v["@type"], "Person");
    let src = s.page("sources/reuters-paris-coalition.html");
    let ld: String = src.select(&common::sel("script[type='application/ld+json']")).flat_map(|e| e.text()).collect();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&ld).unwrap()["@type"], "NewsArticle");
    let csp = page
        .select(&common::sel("meta[http-equiv='Content-Security-Policy']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
}
