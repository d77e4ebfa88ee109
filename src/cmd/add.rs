//! `dossier add FILE...`: imports articles, then says what each touches and what it did
//! in total. Everything that comes from an article is escaped before it is printed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::authoring::add::{Added, Batch};
use dossier::pipeline::resolve::copies::percent;
use dossier::{AddOptions, Failure};

use super::{list, print_names, report, safe};

pub fn run(root: &Path, files: &[PathBuf], opts: &AddOptions) -> ExitCode {
    let mut batch = match dossier::add(root, files, opts) {
        Ok(batch) => batch,
        Err(f) => return report(f, "add"),
    };
    // One file that could not be added: its error, as before batches.
    if batch.files.len() == 1 && batch.files[0].1.is_err() {
        if let Some((_, Err(f))) = batch.files.pop() {
            return report(f, "add");
        }
    }
    if !batch.shared_flags.is_empty() {
        println!("{} applied to all {} files", batch.shared_flags.join(", "), batch.files.len());
    }
    let several = batch.files.len() > 1;
    for (i, (file, result)) in batch.files.iter().enumerate() {
        if several && i > 0 {
            println!();
        }
        match result {
            Ok(added) => print_added(root, file, added, several),
            Err(f) => {
                println!("Skipped {}: {}", safe(&file.display().to_string()), safe(&reason(f)));
                eprintln!("{f}");
            }
        }
    }
    print_total(&batch);
    if let Err(errors) = &batch.dossier {
        eprintln!();
        let what = "the articles were added (what they touch is above, worked out without the review queue), \
                    but the dossier check";
        let code = report(Failure::Content(errors.clone()), what);
        if batch.failed() == 0 {
            return code;
        }
    }
    if batch.failed() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A skipped file's reason, on one line.
fn reason(f: &Failure) -> String {
    match f {
        Failure::Content(errors) => errors.first().map(|e| e.message.clone()).unwrap_or_default(),
        Failure::Output(m) | Failure::Usage(m) => m.clone(),
    }
}

fn print_added(root: &Path, file: &Path, a: &Added, several: bool) {
    let from = if several { format!("{} -> ", file.display()) } else { String::new() };
    println!(
        "Added {}{} ({} paragraphs): \"{}\"",
        safe(&from),
        safe(&a.path.display().to_string()),
        a.paragraphs,
        safe(&a.title)
    );
    if !a.from_page.is_empty() {
        let read: Vec<String> = a
            .from_page
            .iter()
            .map(|f| match *f {
                "publisher" => format!("publisher: {}", a.front.publisher.as_deref().unwrap_or_default()),
                "url" => format!("url: {}", a.front.url.as_deref().unwrap_or_default()),
                "published" => format!("published: {}", a.front.published.map(|d| d.iso()).unwrap_or_default()),
                other => other.to_string(),
            })
            .collect();
        println!("Read from the page: {}", list(read));
    }
    let missing: Vec<&str> =
        [("--publisher", a.front.publisher.is_none()), ("--published", a.front.published.is_none())]
            .into_iter()
            .filter_map(|(f, m)| m.then_some(f))
            .collect();
    if !missing.is_empty() {
        println!("Not given and not on the page: {} (edit the front matter to add them)", missing.join(", "));
    }
    if let Some(date) = &a.unread_date {
        println!("The page's date \"{}\" is not a date dossier reads: give --published YYYY-MM-DD", safe(date));
    }
    if let Some(author) = &a.author {
        println!("Byline: {} (not stored; sources have no author field)", safe(author));
    }
    let t = &a.touches;
    let actors = list(t.actors.iter().map(|(actor, n)| format!("{} ({n})", actor.title)));
    println!("Mentions: {}", if actors.is_empty() { "no known actor".into() } else { actors });
    match &t.stale {
        Some(stale) => {
            let stale = list(stale.iter().map(|(url, reviewed)| format!("{url} (reviewed {reviewed})")));
            println!("Now needs review: {}", if stale.is_empty() { "nothing".into() } else { stale });
        }
        None => println!("Now needs review: not known until the dossier's errors (below) are fixed"),
    }
    print_names("Names matching no actor: ", &t.unknown_names, 15, root);
    let file_name = a.path.display().to_string();
    for c in &t.copies {
        let new = if c.other_is_new { ", also added now" } else { "" };
        let share = if c.share >= c.share_of_other {
            format!("{} of its text repeats", percent(c.share))
        } else {
            format!("it repeats {} of", percent(c.share_of_other))
        };
        println!("Copy: {share} source `{}` (\"{}\"{new}) word for word", safe(&c.other), safe(&c.other_title));
        if c.declared {
            println!("  declared: relays: {}", safe(a.front.relays.as_deref().unwrap_or(&c.other)));
        } else {
            println!("  if it is a wire copy or relay, add `relays: {}` to {}", safe(&c.other), safe(&file_name));
        }
    }
    if a.front.relays.is_none() {
        for c in t.credits.iter().take(3) {
            println!(
                "Credits {} ({}x, \"{}\"): if it relays that report, add `relays: {}` to {}",
                safe(&c.outlet),
                c.count,
                safe(&c.example),
                safe(&c.outlet),
                safe(&file_name)
            );
        }
    }
}

fn print_total(batch: &Batch) {
    if batch.files.len() < 2 {
        return;
    }
    let added = batch.files.len() - batch.failed();
    let skipped: Vec<String> = batch
        .files
        .iter()
        .filter_map(|(file, r)| {
            let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into());
            r.as_ref().err().map(|f| format!("{name} ({})", reason(f)))
        })
        .collect();
    println!();
    if skipped.is_empty() {
        println!("{added} added, 0 skipped");
    } else {
        println!("{added} added, {} skipped: {}", skipped.len(), list(skipped));
    }
}
