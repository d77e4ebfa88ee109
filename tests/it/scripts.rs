//! A dossier in Ukrainian with one Arabic source, written here: declined names linked in
//! every case and counted per form, quotes verifying across apostrophes and decomposed
//! letters, no sentence openers among unknown names, the Arabic text right to left,
//! ids transliterated from Cyrillic headlines, lists in Ukrainian alphabetical order.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{dossier, repo_root, sel, stderr, stdout, write, Site};

/// "Київський" with ї and й decomposed, as pasted from another system.
const KYIVSKYI_NFD: &str = "Киі\u{308}вськии\u{306}";

fn ukrainian_dossier(root: &Path) {
    write(
        root,
        "content/dossier.yaml",
        "title: Переговори\nas_of: 2026-01-07\nlanguage: uk\nbottom_line: Переговори тривають.\nkey_judgments:\n  \
         - text: Позиції спільні.\n    citations:\n      - source: lviv\n        quote: \"не відступимо від обʼєднаних позицій\"\n  \
         - text: Форум відкрився.\n    citations:\n      - source: forum\n        quote: \"Київський форум відкрився вчора\"\n",
    );
    write(
        root,
        "content/actors/kovalenko.yaml",
        "name: Олена Коваленко\nkind: person\naliases: [\"Коваленк*\"]\nsummary: Посланниця.\nreviewed: 2026-01-07\n",
    );
    // Titles that Ukrainian orders Е Є И І Ї (code point order puts Є І Ї first).
    for (id, name) in [("yizhak", "Їжак"), ("ivan", "Іван"), ("yevhen", "Євген"), ("yhor", "Игор"), ("edem", "Едем")]
    {
        write(
            root,
            &format!("content/actors/{id}.yaml"),
            &format!("name: {name}\nkind: person\nsummary: Ніхто.\nreviewed: 2026-01-07\n"),
        );
    }
    write(
        root,
        "content/sources/kyiv.md",
        "---\ntitle: Коваленко в Києві\npublished: 2026-01-05\n---\nОлена Коваленко прибула до Києва у вівторок.\n\n\
         За словами Коваленка, переговори тривають.\n\nВін передав Коваленку нові документи.\n",
    );
    write(
        root,
        "content/sources/lviv.md",
        "---\ntitle: Зустріч у Львові\npublished: 2026-01-06\n---\nГолова комісії зустрівся з Коваленком у Львові.\n\n\
         Коваленко заявила: «Ми не відступимо від об'єднаних позицій».\n\nЖурналісти чекали на Коваленка біля входу.\n",
    );
    write(
        root,
        "content/sources/forum.md",
        &format!(
            "---\ntitle: Форум\npublished: 2026-01-07\n---\n{KYIVSKYI_NFD} форум відкрився вчора.\n\n\
             Організатори подякували Коваленку за підтримку.\n"
        ),
    );
    write(
        root,
        "content/sources/cairo.md",
        "---\ntitle: قمة القاهرة\npublished: 2026-01-04\nlanguage: ar\n---\nقال الرئيس إن المفاوضات مستمرة.\n",
    );
}

fn built() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    ukrainian_dossier(dir.path());
    let out = dossier(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "the Ukrainian dossier builds (its quotes verify): {}", stderr(&out));
    let site = Site::load(&dir.path().join("site"));
    (dir, site)
}

fn texts(site: &Site, page: &str, selector: &str) -> Vec<String> {
    site.page(page).select(&sel(selector)).map(|e| e.text().collect::<String>()).collect()
}

#[test]
fn declined_names_are_linked_in_every_case_and_counted_per_form() {
    let (_dir, site) = built();
    let mut linked = Vec::new();
    for page in ["sources/kyiv.html", "sources/lviv.html", "sources/forum.html"] {
        linked.extend(texts(&site, page, "a.mention"));
    }
    linked.sort();
    let want = ["Коваленка", "Коваленка", "Коваленко", "Коваленком", "Коваленку", "Коваленку", "Олена Коваленко"];
    assert_eq!(linked, want, "every declined mention is linked");
    let forms = texts(&site, "actors/kovalenko.html", ".aliases .forms").join(" ");
    for form in ["Коваленка (2)", "Коваленку (2)", "Коваленком (1)", "Коваленко (1)"]
    {
        assert!(forms.contains(form), "{form} reported on the actor page: {forms:?}");
    }
}

#[test]
fn quotes_verify_across_apostrophes_and_decomposed_letters() {
    let (_dir, site) = built();
    let cited = texts(&site, "sources/lviv.html", "p.cited mark").join(" ");
    assert!(cited.contains("об'єднаних позицій"), "the ʼ quote marks the ' text: {cited:?}");
    let cited = texts(&site, "sources/forum.html", "p.cited mark").join(" ");
    assert!(cited.contains(KYIVSKYI_NFD), "the composed quote marks the decomposed text: {cited:?}");
}

#[test]
fn unknown_names_leave_out_sentence_openers_and_caseless_scripts_say_so() {
    let dir = tempfile::tempdir().unwrap();
    ukrainian_dossier(dir.path());
    write(dir.path(), "content/sources/extra.md", "---\ntitle: Ще\npublished: 2026-01-03\n---\nЗа містом Петро Дорошенко чекав. Він мовчав. Голова комісії прибув до Дорошенка.\n");
    let out = dossier(&["check", "--root", dir.path().to_str().unwrap()]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", stderr(&out));
    assert!(text.contains("Петро Дорошенко"), "a real name is found: {text}");
    for opener in ["За", "Він", "Голова"] {
        let listed = text.lines().any(|l| l.split([',', ' ', '(']).any(|w| w == opener));
        assert!(!listed, "`{opener}` opens a sentence, it is not a name: {text}");
    }
    let notes: Vec<&str> = text.lines().filter(|l| l.contains("without capital letters")).collect();
    assert_eq!(notes.len(), 1, "one note for the Arabic source: {text}");
    assert!(notes[0].contains("cairo"), "{text}");
}

#[test]
fn the_arabic_source_reads_right_to_left() {
    let (_dir, site) = built();
    let page = site.page("sources/cairo.html");
    let article = page.select(&sel("div.article")).next().expect("the text container");
    assert_eq!(article.value().attr("dir"), Some("rtl"));
    assert_eq!(article.value().attr("lang"), Some("ar"));
    let uk = site.page("sources/kyiv.html");
    let article = uk.select(&sel("div.article")).next().unwrap();
    assert_eq!(article.value().attr("dir"), None, "a source in the dossier's language needs no attribute");
    let rows: Vec<String> =
        site.page("sources/index.html").select(&sel("a bdi")).map(|b| b.text().collect::<String>()).collect();
    assert!(rows.contains(&"قمة القاهرة".to_string()), "the Arabic title is isolated: {rows:?}");
}

#[test]
fn lists_follow_ukrainian_alphabetical_order() {
    let (_dir, site) = built();
    let names: Vec<String> = texts(&site, "actors/index.html", "main li a bdi");
    let pos = |n: &str| names.iter().position(|x| x == n).unwrap_or_else(|| panic!("{n} in {names:?}"));
    assert!(pos("Едем") < pos("Євген"), "Є after Е: {names:?}");
    assert!(pos("Игор") < pos("Іван"), "І after И: {names:?}");
    assert!(pos("Іван") < pos("Їжак"), "Ї after І: {names:?}");
}

#[test]
fn a_cyrillic_headline_gives_an_ascii_id() {
    let dir = tempfile::tempdir().unwrap();
    ukrainian_dossier(dir.path());
    let article = dir.path().join("article.txt");
    fs::write(&article, "Зеленський зустрівся з Коваленко\n\nПереговори тривали дві години.\n").unwrap();
    let r = dir.path().to_str().unwrap();
    let out = dossier(&["add", "--root", r, "--published", "2026-01-08", article.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = fs::read_dir(dir.path().join("content/sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("zelenskyi"))
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?} {}", stdout(&out));
    assert!(ids[0].is_ascii() && ids[0].contains("zelenskyi-zustrivsia"), "{ids:?}");
}

#[test]
fn a_misplaced_star_or_a_short_stem_is_an_error_with_a_fix() {
    for (alias, why) in [("Ко*валенко", "may only end a name"), ("Ко*", "shorter than three letters")] {
        let dir = tempfile::tempdir().unwrap();
        ukrainian_dossier(dir.path());
        write(
            dir.path(),
            "content/actors/kovalenko.yaml",
            &format!("name: Олена Коваленко\nkind: person\naliases: [\"{alias}\"]\nsummary: Посланниця.\nreviewed: 2026-01-07\n"),
        );
        let out = dossier(&["check", "--root", dir.path().to_str().unwrap()]);
        let err = stderr(&out);
        assert!(!out.status.success(), "{alias} is refused");
        assert!(err.contains("kovalenko.yaml:3:"), "path:line:col: {err}");
        assert!(err.contains(why), "{err}");
    }
}

#[test]
fn rtl_rows_keep_their_order_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = repo_root().join("tests/browser/node_modules/playwright-core").is_dir()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ready || !Path::new(&chromium).is_file() {
        return common::skip("right to left in Chromium", "needs node, tests/browser/node_modules and Chromium");
    }
    let (dir, _site) = built();
    let o = Command::new("node")
        .arg(repo_root().join("tests/browser/rtl.mjs"))
        .arg(dir.path().join("site"))
        .output()
        .unwrap();
    assert!(o.status.success(), "rtl in Chromium failed:\n{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("rtl checks passed"), "{}", stdout(&o));
}
