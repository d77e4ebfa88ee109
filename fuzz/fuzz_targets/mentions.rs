//! Alias matching: input is `name\0name...\0text`. Matches are on character edges and
//! never inside a word.
#![no_main]

use dossier::pipeline::resolve::Mentions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut parts: Vec<&str> = input.split('\0').collect();
    let text = parts.pop().unwrap_or_default();
    let names: Vec<(&str, &str)> = parts.iter().map(|n| ("a", *n)).collect();
    let mentions = Mentions::from_names(&names);
    for (s, e, _) in mentions.find(text) {
        assert!(s < e && text.is_char_boundary(s) && text.is_char_boundary(e));
        assert!(text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
        assert!(text[e..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
    }
    let _ = dossier::pipeline::resolve::unknown_names::unknown_names(std::iter::once(text), &mentions, 50);
});
