//! `dossier add`'s importer for text, Markdown and HTML: any input gives an article whose
//! stored file loads back as a source, and (for text and HTML) whose paragraphs read
//! back as the imported text.
#![no_main]

use std::path::Path;

use dossier::authoring::import::{read, source_file, Format};
use dossier::pipeline::load::parse_source;
use dossier::model::files::{Rights, SourceFrontMatter};
use dossier::text::paragraphs::split;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Format::detect(Path::new("article"), &text);
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let Ok(article) = read(&text, format) else { continue };
        let blocks = split(&article.body);
        let front = SourceFrontMatter {
            title: article.title.clone().unwrap_or_else(|| "t".into()),
            publisher: None,
            url: None,
            published: None,
            retrieved: None,
            relays: None,
            reliability: None,
            rights: Rights::Full,
        };
        let file = source_file(&front, &article.body).expect("front matter serialises");
        let loaded = parse_source(Path::new("x.md"), &file).expect("an imported file loads back");
        assert_eq!(loaded.front.title, front.title, "the title survives the round trip");
        if format == Format::Text {
            // Plain text keeps every word, in order: nothing turns into markup or vanishes.
            let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let shown: Vec<String> = blocks.iter().map(|b| b.text.clone()).collect();
            let want = words(&text);
            assert_eq!(words(&shown.join(" ")), want, "body: {:?}", article.body);
        }
        if format != Format::Markdown {
            let again: Vec<String> = split(&loaded.body).into_iter().map(|b| b.text).collect();
            let first: Vec<String> = blocks.into_iter().map(|b| b.text).collect();
            assert_eq!(again, first, "paragraphs read back the same");
        }
    }
});
