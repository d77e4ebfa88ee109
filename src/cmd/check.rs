//! `dossier check`: every check a build makes, then what an editor acts on next.

use std::path::Path;
use std::process::ExitCode;

use dossier::Dossier;

use super::{list, print_names, report, safe};

pub fn run(root: &Path) -> ExitCode {
    match dossier::check(root) {
        Ok(d) => {
            for w in &d.warnings {
                eprintln!("{w}");
            }
            println!("Checked {} items and {} sources: no errors", d.item_count(), d.sources.len());
            print_editor_report(&d, root);
            ExitCode::SUCCESS
        }
        Err(f) => report(f, "check"),
    }
}

/// The review queue and the names no actor covers: what an editor acts on next.
fn print_editor_report(d: &Dossier, root: &Path) {
    if d.review_queue.is_empty() {
        println!("Review queue: empty");
    } else {
        println!(
            "Review queue: {} item{} older than sources that touch them",
            d.review_queue.len(),
            if d.review_queue.len() == 1 { "" } else { "s" }
        );
        // The site's review.html is for editors: no public page links it, so say where it is.
        println!("  (also listed on review.html in the built site, which the site's pages do not link)");
        for e in &d.review_queue {
            let sources = list(e.stale.sources.iter().map(|s| s.id.clone()));
            println!("  {} (reviewed {}): newer {}", safe(&e.item.url), e.stale.reviewed, sources);
        }
    }
    if !d.unknown_names.is_empty() {
        print_names("Names in sources that match no actor (most frequent first):\n  ", &d.unknown_names, 25, root);
    }
    if !d.caseless_sources.is_empty() {
        let n = d.caseless_sources.len();
        println!(
            "Names not looked for in {n} source{} written in a script without capital letters (Arabic, Hebrew, Chinese...), \
             where capitals cannot tell a name: {}",
            if n == 1 { "" } else { "s" },
            safe(&d.caseless_sources.join(", "))
        );
    }
}
