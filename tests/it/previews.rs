//! What a reader meets around the pages' text: link previews (their data, and in
//! Chromium at 360 px, tests/browser/previews.mjs), each figure's value on the figures
//! list, labelled figure cells on phones, "On this page" for the right column, a 404
//! page that works at any depth, and the editors' review queue kept off public pages.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{dossier, repo_root, sel, stderr, stdout, Site};
use serde_json::Value;

/// The shipped content, built once.
fn shipped() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &BUILT.get_or_init(|| common::build_shipped_copy(|_| {})).1
}

/// The minimal dossier with `edit` applied, built (with `args` added to `build`).
fn minimal(edit: impl FnOnce(&Path), args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::minimal_dossier(dir.path());
    edit(dir.path());
    let out = dir.path().join("site");
    let mut all = vec!["build", "--root", dir.path().to_str().unwrap(), "--output", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = dossier(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, out)
}

/// `static/preview-data.js` as address -> [title, kind, facts, summary].
fn preview_data(site: &Path) -> BTreeMap<String, Vec<String>> {
    let js = std::fs::read_to_string(site.join("static/preview-data.js")).unwrap();
    let json = js.trim().strip_prefix("window.DossierPreviews = ").and_then(|j| j.strip_suffix(';')).expect("script");
    let v: BTreeMap<String, Value> = serde_json::from_str(json).unwrap();
    v.into_iter()
        .map(|(k, v)| (k, v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()))
        .collect()
}

fn text(e: scraper::ElementRef) -> String {
    e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn preview_data_names_every_item_in_plain_words() {
    let site = shipped();
    let data = preview_data(site);
    let pages: BTreeSet<String> = common::snapshot(site)
        .into_keys()
        .filter(|p| {
            let dir = p.split('/').next().unwrap_or("");
            ["pillars", "questions", "actors", "events", "figures", "sources"].contains(&dir)
                && !p.ends_with("/index.html")
        })
        .collect();
    assert_eq!(data.keys().cloned().collect::<BTreeSet<_>>(), pages, "one preview per item page");
    let ids: Vec<String> =
        pages.iter().map(|p| p.rsplit('/').next().unwrap().trim_end_matches(".html").to_string()).collect();
    for (url, p) in &data {
        assert_eq!(p.len(), 4, "{url}: {p:?}");
        assert!(!p[0].is_empty() && !p[1].is_empty() && !p[3].is_empty(), "{url}: {p:?}");
        let all = p.join(" ");
        assert!(!all.contains("[[") && !all.contains('<'), "{url}: markup in a preview: {all}");
        // An item id in a preview is an id shown to a reader (one-word ids are names too).
        for id in ids.iter().filter(|id| id.contains('-')) {
            let shown = all.match_indices(id.as_str()).any(|(i, _)| {
                let before = all[..i].chars().next_back();
                let after = all[i + id.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                    && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            });
            assert!(!shown, "{url}: the id {id} in its preview: {all}");
        }
    }
    assert_eq!(data["figures/ukraine-army-size.html"][2], "800,000 troops · 2 reports");
    // Every page loads the preview script; none carries the data itself.
    let s = Site::load(site);
    for path in ["index.html", "actors/macron.html", "sources/index.html", "figures/ukraine-army-size.html"] {
        let page = s.page(path);
        let srcs: Vec<&str> = page.select(&sel("script[src]")).filter_map(|e| e.value().attr("src")).collect();
        assert!(srcs.iter().any(|src| src.ends_with("static/preview.js")), "{path}: {srcs:?}");
    }
}

#[test]
fn preview_data_of_hostile_text_is_escaped() {
    let (_dir, site) = minimal(
        |root| {
            common::write(
                root,
                "content/sources/wire.md",
                "---\ntitle: Wire </script><b>report</b>\npublisher: Wire\npublished: 2026-01-06\n---\nThe package includes a multinational force led by France and the UK. <script>alert(1)</script> 1 < 2 & <img src=x onerror=alert(2)>\n\nMacron said the force would operate “away from the contact line”.\n",
            )
        },
        &[],
    );
    let js = std::fs::read_to_string(site.join("static/preview-data.js")).unwrap();
    assert!(!js.contains('<'), "no raw markup can reach a preview: {js}");
    let data = preview_data(&site);
    let wire = &data["sources/wire.html"];
    assert!(wire[0].contains("</script><b>report</b>"), "the title is kept as text, for textContent: {wire:?}");
    assert!(!wire[3].contains("onerror") && !wire[3].contains("alert(1)"), "tags dropped from the summary: {wire:?}");
}

#[test]
fn figures_list_shows_each_value_and_report_count() {
    let s = Site::load(shipped());
    let list = s.page("figures/index.html");
    let rows: Vec<(String, String)> = list
        .select(&sel("ul.entries > li"))
        .map(|li| {
            let a = li.select(&sel("a")).next().unwrap();
            (
                a.value().attr("href").unwrap().trim_start_matches("../").to_string(),
                text(li.select(&sel(".via")).next().unwrap()),
            )
        })
        .collect();
    assert!(rows.len() >= 5, "{rows:?}");
    for (url, meta) in &rows {
        let reports = s.page(url).select(&sel("table.figure tbody tr")).count();
        let count = format!("{reports} report{}", if reports == 1 { "" } else { "s" });
        let (value, rest) = meta.split_once(" · ").unwrap_or_else(|| panic!("{url}: no value in {meta:?}"));
        assert!(value.chars().any(|c| c.is_ascii_digit()), "{url}: {meta:?}");
        assert!(rest.starts_with(&count), "{url}: {meta:?} should count {count}");
    }
    let meta: BTreeMap<&str, &str> = rows.iter().map(|(u, m)| (u.as_str(), m.as_str())).collect();
    assert_eq!(meta["figures/ukraine-army-size.html"], "800,000 troops · 2 reports");
    assert_eq!(meta["figures/eu-defence-fund.html"], "8 billion EUR · 1 report");
    assert_eq!(meta["figures/joint-training-increase.html"], "42% · 1 report");
}

#[test]
fn figures_list_shows_a_range_when_sources_disagree() {
    let (_dir, site) = minimal(
        |root| {
            common::write(root, "content/figures/force-size.yaml", "title: Force size\nsummary: How big.\nunit: troops\nvalues:\n  - source: wire\n    value: five thousand\n    number: 5000\n    quote: \"led by France and the UK\"\n  - source: wire\n    value: ten thousand\n    number: 10000\n    quote: \"a multinational force\"\nreviewed: 2026-01-07\n")
        },
        &[],
    );
    let s = Site::load(&site);
    let via = text(s.page("figures/index.html").select(&sel("ul.entries .via")).next().unwrap());
    assert_eq!(via, "5,000–10,000 troops · 2 reports · sources disagree");
}

#[test]
fn figure_table_cells_carry_their_column_label() {
    let s = Site::load(shipped());
    let page = s.page("figures/ukraine-army-size.html");
    let heads: Vec<String> = page.select(&sel("table.figure thead th")).map(text).collect();
    assert_eq!(heads.len(), 4, "{heads:?}");
    let rows: Vec<_> = page.select(&sel("table.figure tbody tr")).collect();
    assert_eq!(rows.len(), 2);
    for row in rows {
        let labels: Vec<&str> = row.select(&sel("td")).map(|td| td.value().attr("data-label").unwrap_or("")).collect();
        assert_eq!(labels, heads, "every cell names its column for the stacked phone layout");
    }
    let css = std::fs::read_to_string(shipped().join("static/style.css")).unwrap();
    assert!(css.contains(".figure td::before { content: attr(data-label)"), "the label is shown on phones");
}

#[test]
fn item_pages_have_contents_for_the_right_column() {
    let s = Site::load(shipped());
    for path in [
        "pillars/multinational-force.html",
        "actors/macron.html",
        "events/budapest-memorandum.html",
        "figures/ukraine-army-size.html",
        "questions/russia-acceptance.html",
    ] {
        let page = s.page(path);
        let toc = page.select(&sel("main article > nav.toc.onpage")).next().unwrap_or_else(|| panic!("{path}: no toc"));
        let targets: Vec<&str> = toc.select(&sel("a")).filter_map(|a| a.value().attr("href")).collect();
        assert!(targets.len() >= 2, "{path}: {targets:?}");
        for t in targets {
            let id = t.strip_prefix('#').unwrap_or_else(|| panic!("{path}: {t}"));
            assert!(page.select(&sel(&format!("[id=\"{id}\"]"))).next().is_some(), "{path}: {t} leads nowhere");
        }
    }
}

#[test]
fn review_queue_is_for_editors_only() {
    let (dir, site) = minimal(|_| {}, &["--base-url", "https://example.org/d/"]);
    let s = Site::load(&site);
    for (path, _) in common::snapshot(&site).iter().filter(|(p, _)| p.ends_with(".html") && *p != "review.html") {
        let page = s.page(path);
        let to_review =
            page.select(&sel("a[href]")).filter_map(|a| a.value().attr("href")).find(|h| h.contains("review.html"));
        assert_eq!(to_review, None, "{path} links the review queue");
    }
    let review = s.page("review.html");
    let robots: Vec<&str> =
        review.select(&sel("meta[name=robots]")).filter_map(|m| m.value().attr("content")).collect();
    assert_eq!(robots, ["noindex, nofollow"]);
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("index.html") && !sitemap.contains("review.html"), "{sitemap}");
    // Where editors do look: `dossier check` names the page, when there is a queue.
    common::write(
        dir.path(),
        "content/sources/later.md",
        "---\ntitle: Later\npublisher: Wire\npublished: 2026-02-01\n---\nMacron spoke again.\n",
    );
    let o = dossier(&["check", "--root", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Review queue: 1 item") && stdout(&o).contains("review.html"), "{}", stdout(&o));
}

/// Every address a page loads or links, with its attribute.
fn addresses(page: &scraper::Html) -> Vec<String> {
    let mut all = Vec::new();
    for (css, attr) in [("a[href]", "href"), ("link[href]", "href"), ("script[src]", "src"), ("form[action]", "action")]
    {
        all.extend(page.select(&sel(css)).filter_map(|e| e.value().attr(attr)).map(str::to_string));
    }
    all
}

#[test]
fn not_found_page_is_absolute_with_a_base_url() {
    let (_dir, site) = minimal(|_| {}, &["--base-url", "https://example.org/d/"]);
    let page = Site::load(&site).page("404.html").clone();
    // Links and the search form: absolute, so they work at any depth.
    let mut nav: Vec<String> =
        page.select(&sel("a[href]")).filter_map(|e| e.value().attr("href")).map(str::to_string).collect();
    nav.extend(page.select(&sel("form[action]")).filter_map(|e| e.value().attr("action")).map(str::to_string));
    assert!(nav.iter().any(|a| a == "https://example.org/d/index.html"), "{nav:?}");
    assert!(nav.iter().any(|a| a == "https://example.org/d/search.html"), "{nav:?}");
    let relative: Vec<_> =
        nav.iter().filter(|a| !a.starts_with("https://example.org/d/") && !a.starts_with('#')).collect();
    assert!(relative.is_empty(), "relative links break at a nested path: {relative:?}");
    // Styles come from the base URL by way of the page's script, which knows it; nothing
    // is loaded by absolute address from the markup (a copy on disk makes no request).
    let base: Vec<&str> =
        page.select(&sel("meta[name=dossier-base]")).filter_map(|m| m.value().attr("content")).collect();
    assert_eq!(base, ["https://example.org/d/"]);
    assert_eq!(page.select(&sel("script:not([src])")).count(), 1, "the root-finding script");
    let loads: Vec<_> = addresses(&page).into_iter().filter(|a| a.starts_with("http") && !nav.contains(a)).collect();
    assert!(loads.is_empty(), "{loads:?}");
    assert!(page.select(&sel("link[rel=canonical]")).next().is_none(), "a 404 is no page to index");
}

#[test]
fn not_found_page_without_a_base_url_finds_the_root_itself() {
    let (_dir, site) = minimal(|_| {}, &[]);
    let page = Site::load(&site).page("404.html").clone();
    assert_eq!(page.select(&sel("head script:not([src])")).count(), 1, "one inline script finds the root");
    // The hash is of the script's bytes as written (a parser would re-serialise them).
    let raw = std::fs::read_to_string(site.join("404.html")).unwrap();
    let script = raw.split("<script>").nth(1).and_then(|s| s.split("</script>").next()).expect("inline script");
    assert!(script.contains("location.pathname") && script.contains("\"actors\""), "{script}");
    // Without script, the page still has its (top-level) stylesheet.
    let fallback: String = page.select(&sel("head noscript")).map(|e| e.inner_html()).collect();
    assert!(fallback.contains("static/style.css"), "{fallback}");
    // The Content-Security-Policy allows exactly that script, by its hash.
    let csp = page
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap()
        .to_string();
    if !common::require_tool("openssl", &["version"], "404 script hash") {
        return;
    }
    let mut child = Command::new("sh")
        .args(["-c", "openssl dgst -sha256 -binary | openssl base64 -A"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let hash = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(
        csp.contains(&format!("'sha256-{}'", hash.trim())),
        "the CSP must allow the 404 script: {csp} (hash {hash})"
    );
    // Every other page allows no inline script at all.
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("script-src 'self';"), "only 404.html has a script hash");
}

fn node_ready() -> bool {
    repo_root().join("tests/browser/node_modules/playwright-core").is_dir()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn previews_stay_on_a_phone_screen_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !node_ready() || !Path::new(&chromium).is_file() {
        return common::skip("previews in Chromium", "needs node, tests/browser/node_modules and Chromium");
    }
    // A copy of the site: the test puts a stray page in it (404.html one folder down).
    let (_dir, site) = common::build_shipped_copy(|_| {});
    let o = Command::new("node").arg(repo_root().join("tests/browser/previews.mjs")).arg(&site).output().unwrap();
    assert!(o.status.success(), "previews in Chromium failed:\n{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("preview checks passed"), "{}", stdout(&o));
}
