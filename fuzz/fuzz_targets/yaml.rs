//! Front matter splitting and YAML loading of every kind of content file: any bytes
//! give a record or a Diagnostic with a position, never a panic.
#![no_main]

use std::path::Path;

use dossier::pipeline::load::{parse_source, parse_yaml};
use dossier::model::files::{ActorFile, DossierFile, EventFile, FigureFile, PillarFile, QuestionFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("x.yaml");
    let _ = parse_yaml::<DossierFile>(path, &text, 0);
    let _ = parse_yaml::<PillarFile>(path, &text, 0);
    let _ = parse_yaml::<QuestionFile>(path, &text, 0);
    let _ = parse_yaml::<ActorFile>(path, &text, 0);
    let _ = parse_yaml::<EventFile>(path, &text, 0);
    let _ = parse_yaml::<FigureFile>(path, &text, 0);
    match parse_source(Path::new("x.md"), &text) {
        Ok(source) => assert_eq!(&text[source.body_offset..], source.body, "the body is the rest of the file"),
        Err(e) => assert!(e.line >= 1 && e.col >= 1 || e.line == 0, "{e}"),
    }
});
