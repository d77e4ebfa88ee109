//! Markdown fields with `[[id]]` / `[[id|label]]` links: rendering never panics, every
//! broken link's offset points at its id, and the output is sanitised.
#![no_main]

use dossier::markdown::{plain_text, render, Target};
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
    let lower = r.html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{}", r.html);
    // (The words `javascript:` may be text; never a link's target.)
    assert!(!lower.contains("href=\"javascript:") && !lower.contains("src=\"javascript:"), "{}", r.html);
    let _ = plain_text(&text);
});
