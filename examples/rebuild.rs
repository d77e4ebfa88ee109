//! Times incremental rebuilds the way `dossier serve` does them: one build session, a full
//! build, then one source edited, one source added, and both undone, each followed by a
//! rebuild. The dossier is restored at the end.
//!
//! cargo run --release --example rebuild -- --root DIR

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::Session;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn step(session: &mut Session, what: &str) -> Duration {
    match session.build() {
        Ok(b) => {
            let stages: Vec<String> = b.timings.iter().map(|(s, t)| format!("{s} {}", ms(*t))).collect();
            println!(
                "{what:<22} {:>9}  {:>6} pages re-rendered, {:>6} files written, {:>6} unchanged  [{}]",
                ms(b.elapsed),
                b.rendered,
                b.written,
                b.unchanged,
                stages.join(", ")
            );
            b.elapsed
        }
        Err(_) => {
            eprintln!("{what}: the build failed");
            std::process::exit(1);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = args.iter().position(|a| a == "--root").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let Some(root) = root else {
        eprintln!("usage: rebuild --root DIR");
        std::process::exit(2);
    };
    let sources = root.join("content/sources");
    let mut files: Vec<PathBuf> = fs::read_dir(&sources)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect()
        })
        .unwrap_or_default();
    files.sort();
    let Some(edited) = files.get(files.len() / 2).cloned() else {
        eprintln!("no sources in {}", sources.display());
        std::process::exit(1);
    };
    let original = fs::read_to_string(&edited).unwrap_or_default();
    let added = sources.join("zz-rebuild-benchmark.md");

    let mut session = Session::incremental(&root, &root.join("site"));
    let full = step(&mut session, "full build");
    let _ = step(&mut session, "nothing changed");
    write(&edited, &format!("{original}\nA paragraph added by the rebuild benchmark.\n"));
    let edit = step(&mut session, "one source edited");
    write(&added, &original.replacen("title:", "title: Relayed -", 1));
    let add = step(&mut session, "one source added");
    write(&edited, &original);
    let _ = fs::remove_file(&added);
    let _ = step(&mut session, "both undone");
    let ratio = |d: Duration| d.as_secs_f64() / full.as_secs_f64();
    println!("edit/full = {:.3}, add/full = {:.3} (target: at most 0.100)", ratio(edit), ratio(add));
}

fn write(path: &Path, text: &str) {
    if let Err(e) = fs::write(path, text) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
