//! The `dossier` command line: parses arguments, calls the library, prints the outcome.
//! Exit codes: 0 success, 1 content or output errors, 2 usage errors (clap's default).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dossier::Failure;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build a cross-linked, offline-ready briefing site from curated YAML and source articles"
)]
#[command(
    after_help = "Examples:\n  dossier build                     build ./content into ./site\n  dossier build --root ~/ukraine    build another dossier\n  dossier check                     check everything, write nothing"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ (and themes/) into site/
    #[command(after_help = "Examples:\n  dossier build\n  dossier build --root path/to/dossier --output /tmp/site")]
    Build {
        /// The dossier root: the folder holding content/ and optionally themes/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/site]
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Check everything a build checks (ids, quotes, links, templates); write nothing
    #[command(after_help = "Examples:\n  dossier check\n  dossier check --root path/to/dossier")]
    Check {
        /// The dossier root: the folder holding content/ and optionally themes/
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn report(failure: Failure, what: &str) -> ExitCode {
    match failure {
        Failure::Content(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            let n = errors.len();
            eprintln!("{what} failed: {n} error{}", if n == 1 { "" } else { "s" });
        }
        Failure::Output(message) => eprintln!("error: {message}\n{what} failed"),
    }
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, output } => {
            let output = output.unwrap_or_else(|| root.join("site"));
            match dossier::build(&root, &output) {
                Ok(b) => {
                    println!("Built {} pages in {} ms -> {}/", b.pages, b.elapsed.as_millis(), b.output.display());
                    ExitCode::SUCCESS
                }
                Err(f) => report(f, &format!("build (the previous {} is unchanged)", output.display())),
            }
        }
        Command::Check { root } => match dossier::check(&root) {
            Ok(d) => {
                let items = d.pillars.len() + d.questions.len() + d.actors.len() + d.events.len() + d.figures.len();
                println!("Checked {items} items and {} sources: no errors", d.sources.len());
                ExitCode::SUCCESS
            }
            Err(f) => report(f, "check"),
        },
    }
}
