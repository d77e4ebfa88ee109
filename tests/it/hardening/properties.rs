//! Property tests of every parser of ours, a bounded number of cases each (256), so they
//! run in the normal suite; the cargo-fuzz targets in fuzz/ explore the same code longer.

use std::path::Path;

use dossier::authoring::import::{read, Format};
use dossier::model::files::ActorFile;
use dossier::pipeline::load::{parse_source, parse_yaml};
use dossier::pipeline::resolve::Mentions;
use dossier::text::markdown::{render, Target};
use dossier::text::paragraphs::split;
use dossier::text::quote::{locate, normalise, Normalised};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text made of what articles are made of, and of what breaks parsers.
fn text() -> impl Strategy<Value = String> {
    let chars = vec![
        'a',
        'b',
        'E',
        'z',
        ' ',
        ' ',
        '\n',
        '\t',
        '.',
        ',',
        '-',
        '\'',
        '"',
        '[',
        ']',
        '|',
        '#',
        '*',
        '_',
        '<',
        '>',
        '&',
        '\\',
        ':',
        '1',
        'é',
        'É',
        'ß',
        'İ',
        '\u{301}',
        '\u{308}',
        '\u{5B8}',
        'ש',
        'ق',
        '\u{202E}',
        '😀',
        '\u{1F3FD}',
        '\u{200D}',
        '…',
        '“',
        '”',
        '—',
        '\u{a0}',
        '\u{feff}',
        '\r',
        '~',
        '`',
        '!',
        '{',
        '}',
    ];
    prop::collection::vec(prop::sample::select(chars), 0..60).prop_map(|v| v.into_iter().collect())
}

fn one(p: &str) -> (Vec<String>, Vec<String>) {
    (vec![p.to_string()], vec![normalise(p)])
}

fn words(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A quote is found in any paragraph that contains it, and the range found holds it.
    #[test]
    fn a_quote_is_found_in_a_paragraph_containing_it(a in text(), q in text(), b in text()) {
        let q = format!("x{q}");
        let p = format!("{a} {q} {b}");
        let (paras, norm) = one(&p);
        let (_, (s, e)) = locate(&q, &paras, &norm).expect("found");
        prop_assert!(p.is_char_boundary(s) && p.is_char_boundary(e));
        prop_assert_eq!(normalise(&p[s..e]), normalise(&q));
    }

    /// Composed (NFC) and decomposed (NFD) forms find each other, both ways.
    #[test]
    fn nfc_and_nfd_find_each_other(a in text(), q in text(), b in text()) {
        let q = format!("x{q}");
        let p = format!("{a} {q} {b}");
        for (quote, para) in [(q.nfc().collect::<String>(), p.nfd().collect::<String>()), (q.nfd().collect(), p.nfc().collect())] {
            let (paras, norm) = one(&para);
            prop_assert!(locate(&quote, &paras, &norm).is_ok(), "{:?} in {:?}", quote, para);
        }
    }

    /// Any normalised range maps back to character edges of the original, in order.
    #[test]
    fn offset_map_lands_on_character_edges(t in text(), i in 0usize..200, j in 0usize..200) {
        let n = Normalised::new(&t);
        prop_assert_eq!(&n.text, &normalise(&t));
        let (i, j) = (i.min(n.text.len()), j.min(n.text.len()));
        let (s, e) = n.original(i.min(j), i.max(j));
        prop_assert!(s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e));
    }

    /// Imported plain text keeps every word in order: nothing becomes markup or vanishes.
    #[test]
    fn imported_text_reads_back_word_for_word(t in text()) {
        let article = read(&t, Format::Text).expect("60 characters nest nothing deep");
        let shown: Vec<String> = split(&article.body).into_iter().map(|b| b.text).collect();
        prop_assert_eq!(words(&shown.join(" ")), words(&t), "body {:?}", article.body);
    }

    /// HTML and Markdown imports never panic and give a file that loads back.
    #[test]
    fn imports_load_back(t in text()) {
        for format in [Format::Html, Format::Markdown, Format::Text] {
            let a = read(&t, format).expect("60 characters nest nothing deep");
            let front = serde_yaml::from_str(&format!("title: {}", serde_json::to_string(&a.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "Untitled".into())).unwrap())).unwrap();
            let file = dossier::authoring::import::source_file(&front, &a.body).unwrap();
            prop_assert!(parse_source(Path::new("x.md"), &file).is_ok(), "{}", file);
        }
    }

    /// Arbitrary bytes as YAML give a record or an error with a position, never a panic.
    #[test]
    fn any_yaml_gives_a_located_error(bytes in prop::collection::vec(any::<u8>(), 0..200), t in text()) {
        for text in [String::from_utf8_lossy(&bytes).into_owned(), t] {
            if let Err(e) = parse_yaml::<ActorFile>(Path::new("a.yaml"), &text, 0) {
                prop_assert!(e.line >= 1 && e.col >= 1, "{}", e);
            }
            if let Err(e) = parse_source(Path::new("s.md"), &format!("---\n{text}\n---\nBody\n")) {
                prop_assert!(e.line >= 1 && e.col >= 1, "{}", e);
            }
        }
    }

    /// Wikilinks never panic, broken ones point at their id, and nothing runs.
    #[test]
    fn wikilinks_render_safely(a in text(), id in text(), b in text()) {
        let md = format!("{a}[[{id}]]{b}<script>x</script>");
        let resolve = |i: &str| (i == "x").then(|| Target { title: "X".into(), url: "actors/x.html".into(), summary: String::new() });
        let r = render(&md, &resolve);
        prop_assert!(!r.html.contains("<script"), "{}", r.html);
        for broken in r.broken {
            prop_assert!(md.is_char_boundary(broken.offset));
        }
    }

    /// Names match only as whole words.
    #[test]
    fn mentions_never_match_inside_a_word(name in "[A-Za-zé]{1,6}", a in text(), b in text()) {
        let m = Mentions::from_names(&[("x", name.as_str())]);
        let t = format!("{a}{name}{b}");
        for (s, e, _) in m.find(&t) {
            prop_assert!(t[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
            prop_assert!(t[e..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
        }
        prop_assert_eq!(m.find(&format!("{name} ")).len(), 1);
    }
}
