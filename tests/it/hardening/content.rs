//! Hostile dossiers, generated: each one gives a correct site or a clear error (exit 1,
//! `path:line:col: error:` and `help:`), within a time limit, and no built page carries
//! anything executable from content. A failed build leaves the last good site as it was.
//! The file-system cases (symbolic links, ids like paths, vanishing files) are in
//! tests/hostile_files.rs.
#![cfg(target_os = "linux")]

use crate::common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::bounded::{run, Run};
use common::{assert_inert, minimal_dossier, sel, snapshot, write, Site};

const LIMIT: Duration = Duration::from_secs(120);

/// A built minimal dossier changed by `hostile`, then built again.
pub fn build_hostile(hostile: impl FnOnce(&Path)) -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    minimal_dossier(root);
    let root_s = root.to_str().expect("utf-8 path");
    let first = run(&["build", "--root", root_s], LIMIT);
    assert_eq!(first.code, Some(0), "the fixture builds: {}", first.stderr);
    let before = snapshot(&root.join("site"));
    hostile(root);
    let r = run(&["build", "--root", root_s], LIMIT);
    match r.code {
        Some(0) => assert_inert(&Site::load(&root.join("site"))),
        Some(1) => {
            assert!(r.stderr.contains(": error: ") && r.stderr.contains("help: "), "a clear error:\n{}", r.stderr);
            assert_eq!(snapshot(&root.join("site")), before, "the last good site is kept");
        }
        other => panic!("exit {other:?} (a panic is 101):\n{}", r.stderr),
    }
    (dir, r)
}

fn y(s: &str) -> String {
    serde_json::to_string(s).unwrap() // a JSON string is a valid YAML string
}

fn page_text(root: &Path, page: &str) -> String {
    let site = Site::load(&root.join("site"));
    site.page(page).root_element().text().collect()
}

#[test]
fn script_payloads_in_urls_and_attributes_stay_inert() {
    let payloads = [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(2)",
        "java\tscript:alert(3)",
        "javascript&#58;alert(4)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==",
        "vbscript:msgbox(6)",
        "\" onmouseover=\"alert(7)",
        "'><script>alert(8)</script>",
        "</script><script>alert(9)</script>",
    ];
    for (i, p) in payloads.iter().enumerate() {
        // Markdown decodes `&#58;` in the article, so that quote is the plain words.
        let quote = if p.contains('&') { "alert(4) said".to_string() } else { format!("{p} said") };
        let (dir, r) = build_hostile(|root| {
            let links = format!("[a]({p}) [b](<{p}>) <a href=\"{p}\">c</a> <img src=\"{p}\"> [[macron|{p}]]");
            write(root, "content/actors/macron.yaml", &format!(
                "name: Emmanuel Macron\nkind: person\naliases: [Macron, {a}]\nrole: {a}\nsummary: {s}\nreviewed: 2026-01-07\n",
                a = y(p), s = y(&links)));
            write(root, "content/sources/evil.md", &format!(
                "---\ntitle: {a}\npublisher: {a}\nurl: {a}\nrelays: {a}\nreliability: {s}\n---\n{p} said {links}\n\n[x]({p})\n",
                a = y(p), s = y(&links)));
            write(root, "content/events/paris-meeting.yaml", &format!(
                "title: {a}\ndate: \"~2026-01\"\nplace: {a}\nsummary: {s}\nactors: [macron]\ncitations:\n  - source: evil\n    quote: {q}\n",
                a = y(p), s = y(&links), q = y(&quote)));
        });
        assert_eq!(r.code, Some(0), "payload {i} {p:?}: {}", r.stderr);
        assert!(page_text(dir.path(), "sources/evil.html").contains(p.trim()), "payload {i} is shown as text");
    }
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_an_error() {
    let (_dir, r) = build_hostile(|root| common::set_in_dossier_yaml(root, "base_url: \"javascript:alert(1)//\""));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("dossier.yaml:1:") && r.stderr.contains("not an absolute web address"), "{}", r.stderr);
}

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    let mut bomb = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (prev, name) in
        ["a", "b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["b", "c", "d", "e", "f", "g", "h", "i", "j"])
    {
        bomb += &format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n");
    }
    let (_dir, r) = build_hostile(|root| {
        write(root, "content/actors/bomb.yaml", &format!("name: Bomb\nkind: person\nsummary: x\n{bomb}"))
    });
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("actors/bomb.yaml:"), "{}", r.stderr);
    assert!(r.peak_mib < 500, "alias bomb took {} MiB", r.peak_mib);
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    // `[[[[...` and `- - - ...` (a valid compact nesting when it starts a line).
    for (name, deep) in [("flow", "[".repeat(100_000)), ("block", "\n  ".to_string() + &"- ".repeat(20_000) + "x")] {
        let (_dir, r) = build_hostile(|root| {
            write(
                root,
                "content/actors/deep.yaml",
                &format!("name: Deep\nkind: person\nsummary: x\naliases: {deep}\n"),
            );
            write(root, "content/sources/deep.md", &format!("---\ntitle: {deep}\n---\nText.\n"));
        });
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        assert!(r.stderr.contains("deep.yaml:") && r.stderr.contains("deep.md:"), "{name}: {}", r.stderr);
    }
}

#[test]
fn a_50_mb_source_builds_in_bounded_memory() {
    let (dir, r) = build_hostile(|root| {
        let para = "The delegations met again on Tuesday and the talks went on late into the night. ".repeat(12);
        let mut body = String::with_capacity(51 << 20);
        let mut n = 0;
        while body.len() < 50 << 20 {
            body += &format!("Paragraph {n}. {para}\n\n");
            n += 1;
        }
        body += "At the very end, the envoy said “the ceasefire holds”.\n";
        write(root, "content/sources/huge.md", &format!("---\ntitle: Huge\n---\n{body}"));
        write(root, "content/events/huge-event.yaml", "title: Huge\ndate: 2026-01-02\nsummary: x\ncitations:\n  - source: huge\n    quote: \"the ceasefire holds\"\n");
    });
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    eprintln!("50 MB source: {:.1} s, peak {} MiB", r.elapsed.as_secs_f64(), r.peak_mib);
    assert!(r.peak_mib < 4096, "peak memory {} MiB for a 50 MB source", r.peak_mib);
    let page = fs::read_to_string(dir.path().join("site/sources/huge.html")).unwrap();
    assert!(page.contains("<mark>the ceasefire holds</mark>") || page.contains(">the ceasefire holds</mark>"));
}

#[test]
fn a_single_100000_word_paragraph_builds_in_bounded_memory() {
    let (dir, r) = build_hostile(|root| {
        let words: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
        write(root, "content/sources/long.md", &format!("---\ntitle: Long\n---\nMacron {} end.\n", words.join(" ")));
        write(root, "content/events/long-event.yaml", "title: Long\ndate: 2026-01-02\nsummary: x\ncitations:\n  - source: long\n    quote: \"w99998 w99999 end\"\n");
    });
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    eprintln!("100,000-word paragraph: {:.1} s, peak {} MiB", r.elapsed.as_secs_f64(), r.peak_mib);
    assert!(r.peak_mib < 1024, "peak memory {} MiB", r.peak_mib);
    let site = Site::load(&dir.path().join("site"));
    let marks: Vec<String> = site.page("sources/long.html").select(&sel("mark")).map(|m| m.text().collect()).collect();
    assert_eq!(marks, ["w99998 w99999 end"]);
}

#[test]
fn crlf_line_endings_and_byte_order_marks_everywhere() {
    let (dir, r) = build_hostile(|root| {
        for entry in walkdir::WalkDir::new(root.join("content")).into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() {
                let text = fs::read_to_string(entry.path()).unwrap();
                fs::write(entry.path(), format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
            }
        }
    });
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(page_text(dir.path(), "sources/wire.html").contains("multinational force led by France"));
}

/// Quotes typed in one Unicode form find sources written in another, and the source
/// page marks exactly the quoted words.
#[test]
fn combining_marks_emoji_and_right_to_left_text_in_quotes() {
    let nfd = "Le pre\u{301}sident a dit : « la Re\u{301}publique tiendra » \u{1F1EB}\u{1F1F7}\u{1F44D}\u{1F3FD}.";
    let rtl = "\u{202E}evil\u{202C} قال الوزير «السلام ممكن» ثم غادر. \u{05E9}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}";
    let (dir, r) = build_hostile(|root| {
        write(root, "content/sources/unicode.md", &format!("---\ntitle: \"\u{202E}cod.exe\"\n---\n{nfd}\n\n{rtl}\n"));
        write(root, "content/events/unicode-event.yaml", &format!(
            "title: Unicode\ndate: 2026-01-02\nsummary: x\ncitations:\n  - source: unicode\n    quote: {}\n  - source: unicode\n    quote: {}\n    short: true\n  - source: unicode\n    quote: {}\n    short: true\n",
            y("la République tiendra » \u{1F1EB}\u{1F1F7}\u{1F44D}\u{1F3FD}"), y("«السلام ممكن»"), y("\u{05E9}\u{05B8}\u{05DC}\u{05D5}\u{05B9}\u{05DD}")));
        write(
            root,
            "content/events/unicode-nfc-source.yaml",
            &format!(
                "title: NFC\ndate: 2026-01-02\nsummary: x\ncitations:\n  - source: wire\n    quote: {}\n",
                y("Macron said the force would operate")
            ),
        );
    });
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let site = Site::load(&dir.path().join("site"));
    let marks: Vec<String> =
        site.page("sources/unicode.html").select(&sel("mark")).map(|m| m.text().collect()).collect();
    let want =
        ["la Re\u{301}publique tiendra » \u{1F1EB}\u{1F1F7}\u{1F44D}\u{1F3FD}", "«السلام ممكن»", &rtl[rtl.len() - 12..]];
    assert_eq!(marks, want);
}

#[test]
fn a_composed_quote_of_a_decomposed_source_and_back() {
    let (_dir, r) = build_hostile(|root| {
        write(
            root,
            "content/sources/nfd.md",
            "---\ntitle: NFD\n---\nZoe\u{308} visited Mu\u{308}nchen.\n\nZoë visited Köln.\n",
        );
        write(root, "content/events/nfd-event.yaml", &format!(
            "title: NFD\ndate: 2026-01-02\nsummary: x\ncitations:\n  - source: nfd\n    quote: {}\n  - source: nfd\n    quote: {}\n",
            y("Zoë visited München"), y("Zoe\u{308} visited Ko\u{308}ln")));
    });
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let (_dir, r) = build_hostile(|root| {
        write(root, "content/sources/nfd.md", "---\ntitle: NFD\n---\nZoe\u{308} visited Mu\u{308}nchen.\n");
        write(
            root,
            "content/events/nfd-event.yaml",
            "title: NFD\ndate: 2026-01-02\nsummary: x\ncitations:\n  - source: nfd\n    quote: \"Zoe visited Munchen\"\n",
        );
    });
    assert_eq!(r.code, Some(1), "a letter without its accent is another word: {}", r.stderr);
    assert!(r.stderr.contains("events/nfd-event.yaml:") && r.stderr.contains("quote not found"), "{}", r.stderr);
}
