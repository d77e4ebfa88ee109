//! Markdown fields with `[[id]]` / `[[id|label]]` links: rendering never panics, every
//! broken link's offset points at its id, and the output is sanitised.
#![no_main]

use dossier::text::markdown::{plain_text, render, Target};
use libfuzzer_sys::fuzz_target;

fn resolve(id: &str) -> Option<Target> {
    (id == "known").then(|| Target { title: "<b>Known</b>".into(), url: "actors/known.html".into(), summary: "\"s\"".into() })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = render(&text, &resolve);
    for b in &r.broken {
        assert!(text.is_char_boundary(b.offset), "offset {} inside a character", b.offset);
    }
    // Parsed as a browser would: no script element, no handler, no script URL. (The words
    // `<script` or `javascript:` may well be escaped text.)
    let doc = scraper::Html::parse_fragment(&r.html);
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        assert!(!matches!(el.name(), "script" | "iframe" | "object" | "embed"), "{}", r.html);
        for (name, value) in el.attrs() {
            assert!(!name.starts_with("on"), "{}", r.html);
            let v = value.trim().to_ascii_lowercase();
            assert!(!(matches!(name, "href" | "src") && v.starts_with("javascript:")), "{}", r.html);
        }
    }
    let _ = plain_text(&text);
});
