//! Quote normalisation and lookup: input is `quote\0paragraph\0paragraph...`. A found
//! quote maps back to a range on character edges whose normalised text is the quote's.
#![no_main]

use dossier::text::quote::{locate, normalise, Normalised};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let quote = parts.next().unwrap_or_default();
    let paragraphs: Vec<String> = parts.map(str::to_string).collect();
    let normalised: Vec<String> = paragraphs.iter().map(|p| normalise(p)).collect();
    for (p, n) in paragraphs.iter().zip(&normalised) {
        let full = Normalised::new(p);
        assert_eq!(&full.text, n, "both normalisations agree");
        let (s, e) = full.original(0, full.text.len());
        assert!(s <= e && e <= p.len() && p.is_char_boundary(s) && p.is_char_boundary(e));
    }
    if let Ok((i, (s, e))) = locate(quote, &paragraphs, &normalised) {
        let p = &paragraphs[i];
        assert!(s <= e && p.is_char_boundary(s) && p.is_char_boundary(e), "{s}..{e} in {p:?}");
        assert_eq!(normalise(&p[s..e]), normalise(quote), "the marked words are the quote");
    } else {
        // A miss is explained without a panic, however odd the text.
    }
});
