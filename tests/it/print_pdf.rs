//! The print edition as it comes off a printer: the shipped dossier's print.html printed
//! to PDF by Chromium, read back with `pdftotext -layout`, and its pages rendered to PNG
//! (target/screenshots/print/) for a person to look at.
//!
//! Skipped when Chromium or poppler-utils is missing, unless DOSSIER_REQUIRE_CHECKERS=1.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{dossier, repo_root, stderr};

const SUITE: &str = "print edition PDF (Chromium, pdftotext)";
const REUTERS_URL: &str = "https://www.reuters.com/world/europe/paris-coalition-example";

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// The shipped content, one source given an address, built and printed once; the text
/// of the PDF, one string per page. None when a tool is missing (and not required).
fn pages() -> Option<&'static [String]> {
    static PRINTED: OnceLock<Option<(tempfile::TempDir, Vec<String>)>> = OnceLock::new();
    PRINTED
        .get_or_init(|| {
            if !common::require_tool(&chromium(), &["--version"], SUITE)
                || !common::require_tool("pdftotext", &["-v"], SUITE)
                || !common::require_tool("pdftoppm", &["-v"], SUITE)
            {
                return None;
            }
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            copy_content(root);
            let reuters = root.join("content/sources/reuters-paris-coalition.md");
            let text = std::fs::read_to_string(&reuters).unwrap();
            let text = text.replacen("---\n", &format!("---\nurl: {REUTERS_URL}\n"), 1);
            std::fs::write(&reuters, text).unwrap();
            let site = root.join("site");
            let o = dossier(&["build", "--root", root.to_str().unwrap(), "--output", site.to_str().unwrap()]);
            assert!(o.status.success(), "{}", stderr(&o));
            let pdf = print_to_pdf(root, &site.join("print.html"));
            screenshots(&pdf);
            let o = Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().expect("run pdftotext");
            assert!(o.status.success(), "pdftotext: {}", stderr(&o));
            let text = String::from_utf8_lossy(&o.stdout).into_owned();
            let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
            if pages.last().is_some_and(|p| p.trim().is_empty()) {
                pages.pop();
            }
            Some((dir, pages))
        })
        .as_ref()
        .map(|(_, pages)| pages.as_slice())
}

fn copy_content(root: &Path) {
    common::copy_shipped_content(root);
}

fn print_to_pdf(root: &Path, page: &Path) -> PathBuf {
    let pdf = root.join("print.pdf");
    let profile = root.join("chromium-profile");
    let o = Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(o.status.success() && pdf.is_file(), "chromium did not print: {}", stderr(&o));
    pdf
}

/// Every page as a small PNG in target/screenshots/print/, to look at.
fn screenshots(pdf: &Path) {
    let out = repo_root().join("target/screenshots/print");
    std::fs::create_dir_all(&out).unwrap();
    let o = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(out.join("page"))
        .output()
        .expect("run pdftoppm");
    assert!(o.status.success(), "pdftoppm: {}", stderr(&o));
}

/// Every bracketed group of reference numbers ("[3, 6]") in `text`, in order.
fn groups(text: &str) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        rest = &rest[i + 1..];
        let Some(j) = rest.find(']') else { break };
        let inner = &rest[..j];
        let nums: Option<Vec<usize>> = inner.split(',').map(|n| n.trim().parse().ok()).collect();
        if let Some(nums) = nums.filter(|n| !n.is_empty()) {
            out.push(nums);
        }
    }
    out
}

/// The References section: from its heading (the last "References" line) to the end.
fn references(pages: &[String]) -> String {
    let all = pages.join("\n");
    let at = all.rfind("\nReferences\n").expect("a References section");
    all[at..].to_string()
}

/// Each numbered reference ("12. Title. Publisher, date, paragraph 4. https://..."),
/// joined across its wrapped lines, keyed by its number.
fn reference_entries(refs: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for line in refs.lines().map(str::trim) {
        let number = line.split_once(". ").and_then(|(n, _)| n.parse::<usize>().ok());
        match number {
            Some(n) if out.last().map_or(n == 1, |(last, _)| n == last + 1) => out.push((n, line.to_string())),
            _ if line.is_empty() || line.contains(" / ") => {}
            _ => {
                if let Some((_, entry)) = out.last_mut() {
                    entry.push(' ');
                    entry.push_str(line);
                }
            }
        }
    }
    out
}

#[test]
fn every_page_is_numbered_n_of_total() {
    let Some(pages) = pages() else { return };
    let total = pages.len();
    assert!(total > 10, "the shipped dossier prints on {total} pages");
    for (i, page) in pages.iter().enumerate() {
        let label = format!("{} / {total}", i + 1);
        assert!(page.lines().any(|l| l.trim() == label), "page {} has no page number {label:?}:\n{page}", i + 1);
    }
}

#[test]
fn contents_list_key_judgments_and_what_to_watch() {
    let Some(pages) = pages() else { return };
    let all = pages.join("\n");
    let contents =
        &all[all.find("Contents").expect("a Contents heading")..all.find("\nBottom line\n").expect("Bottom line")];
    for entry in ["Bottom line", "Key judgments", "What to watch", "Pillars", "Figures", "References"] {
        assert!(contents.contains(entry), "contents lack {entry:?}:\n{contents}");
    }
}

#[test]
fn citation_groups_are_sorted_without_repeats_and_numbered_in_order_of_use() {
    let Some(pages) = pages() else { return };
    let all = pages.join("\n");
    let body = &all[..all.rfind("\nReferences\n").expect("References")];
    let groups = groups(body);
    assert!(groups.len() > 30, "found only {} citation groups", groups.len());
    let mut next = 1;
    for g in &groups {
        assert!(g.windows(2).all(|w| w[0] < w[1]), "citation group {g:?} is not ascending without repeats");
        for &n in g {
            assert!(n <= next, "reference {n} is used before reference {next} ({g:?})");
            if n == next {
                next += 1;
            }
        }
    }
    let entries = reference_entries(&references(pages));
    assert_eq!(entries.len(), next - 1, "every reference is cited, and every cited number is listed");
}

#[test]
fn each_reference_gives_publisher_date_paragraph_and_address() {
    let Some(pages) = pages() else { return };
    let entries = reference_entries(&references(pages));
    assert!(entries.len() > 20, "found {} references", entries.len());
    let mut with_url = 0;
    for (n, entry) in &entries {
        assert!(entry.contains(", paragraph "), "reference {n} gives no paragraph: {entry}");
        let date = ["2025", "2026", "date unknown"].iter().any(|d| entry.contains(d));
        assert!(date, "reference {n} gives no date: {entry}");
        let publisher = ["Reuters", "Unknown", "syndicated"].iter().any(|p| entry.contains(p));
        assert!(publisher, "reference {n} gives no publisher: {entry}");
        if entry.contains("close to agreement on Ukraine protection") {
            assert!(entry.contains("Reuters") && entry.contains("January 2026"), "{entry}");
            assert!(entry.replace(" ", "").contains(REUTERS_URL), "reference {n} lacks its source's address: {entry}");
            with_url += 1;
        } else {
            assert!(!entry.contains("https://"), "reference {n} has another source's address: {entry}");
        }
    }
    assert!(with_url > 3, "only {with_url} references to the Reuters report");
    // One number per source paragraph.
    let mut seen = std::collections::HashSet::new();
    for (n, entry) in &entries {
        let key = entry.split_once(". ").map(|(_, rest)| rest.to_string()).unwrap_or_default();
        assert!(seen.insert(key), "reference {n} repeats an earlier one: {entry}");
    }
}

#[test]
fn summaries_are_printed_in_full() {
    let Some(pages) = pages() else { return };
    let all = pages.join("\n");
    assert!(!all.contains('…'), "the print edition cuts some text short with an ellipsis");
}
