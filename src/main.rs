//! The `dossier` command line: parses arguments and hands each command to `cmd/`.
//! Exit codes: 0 success, 1 content or output errors, 2 usage errors.

use std::process::ExitCode;

mod cmd;

use clap::Parser;
use cmd::args::Command;
use dossier::{AddOptions, BuildOptions};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build a cross-linked, offline-ready briefing site from curated YAML and source articles"
)]
#[command(after_help = "Examples:
  dossier build                          build ./content into ./site
  dossier build --root ~/water-supply    build another dossier
  dossier check                          check everything, list the review queue, write nothing
  dossier add article.html --publisher Reuters --published 2026-01-08")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// mimalloc: a build allocates millions of small strings from several threads at once;
// with glibc's allocator a third of a large build went to malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, output, timings, base_url, zip, force, previous_edition } => {
            cmd::build::run(root, output, timings, BuildOptions { base_url, zip, force, previous_edition })
        }
        Command::Serve { root, output, port, bind, force } => cmd::serve::run(root, output, port, bind, force),
        Command::Check { root } => cmd::check::run(&root),
        Command::Init { dir, title } => cmd::init::run(&dir, &title),
        Command::Schema { root, out } => cmd::schema::run(&root, out),
        Command::New { kind, id, root } => cmd::new::run(&root, kind.into(), &id),
        Command::Alias { id, spelling, root } => cmd::alias::run(&root, &id, &spelling),
        Command::Add { files, root, title, publisher, url, published, relays } => {
            cmd::add::run(&root, &files, &AddOptions { title, publisher, url, published, relays })
        }
    }
}
