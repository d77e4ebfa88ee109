//! The `dossier` command line: parses arguments, calls the library, prints the outcome.
//! Exit codes: 0 success, 1 content or output errors, 2 usage errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dossier::serve::Report;
use dossier::{AddOptions, Dossier, Failure};

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

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ (and themes/) into site/
    #[command(
        after_help = "Examples:\n  dossier build\n  dossier build --root path/to/dossier --output /tmp/site\n  dossier build --base-url https://example.org/water/ --zip water.zip"
    )]
    Build {
        /// The dossier root: the folder holding content/ and optionally themes/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/site]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Print the time each stage took
        #[arg(long)]
        timings: bool,
        /// The address the site is published at (overrides base_url in dossier.yaml)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Also write the site into this zip archive, for readers who open it from disk
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
    },
    /// Check everything a build checks, then list the review queue and unknown names; write nothing
    #[command(after_help = "Examples:\n  dossier check\n  dossier check --root path/to/dossier")]
    Check {
        /// The dossier root: the folder holding content/ and optionally themes/
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Build, serve the site on 127.0.0.1, rebuild on every change and reload open pages
    #[command(after_help = "Examples:\n  dossier serve\n  dossier serve --root path/to/dossier --port 8080")]
    Serve {
        /// The dossier root: the folder holding content/ and optionally themes/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/site]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Address to listen on; anything but loopback exposes the site to your network
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// Start a new dossier in DIR: one example of every kind, which builds as it is
    #[command(
        after_help = "Examples:\n  dossier init my-dossier --title \"Water supply in the city\"\n  cd my-dossier && dossier build"
    )]
    Init {
        /// A new or empty folder
        dir: PathBuf,
        /// The dossier's title
        #[arg(long, default_value = "My dossier")]
        title: String,
    },
    /// Write a JSON Schema for each kind of content file, for editors that complete fields
    #[command(after_help = "Examples:\n  dossier schema\n  dossier schema --root my-dossier --out /tmp/schemas")]
    Schema {
        /// The dossier root
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the schemas [default: ROOT/schemas]
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write a new item from a template with every field named
    #[command(
        after_help = "Examples:\n  dossier new actor jane-doe\n  dossier new question who-pays --root my-dossier"
    )]
    New {
        /// What kind of item
        kind: NewKind,
        /// Its id: the file name, lowercase a-z, 0-9 and -
        id: String,
        /// The dossier root: the folder holding content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Import an article (plain text, Markdown or HTML) as content/sources/<id>.md
    #[command(after_help = "Examples:
  dossier add ~/Downloads/article.html
  dossier add notes.txt --title \"Talks in Berlin\" --publisher \"Riverton Gazette\" --published 2026-01-08
  dossier add relay.md --relays \"Valley News Agency\"")]
    Add {
        /// The article file; its format is taken from its extension (.html, .md, .txt)
        file: PathBuf,
        /// The dossier root: the folder holding content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Headline [default: the article's <title>, heading or first line]
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        publisher: Option<String>,
        /// Address of the original article
        #[arg(long)]
        url: Option<String>,
        /// Publication date: YYYY-MM-DD, YYYY-MM or YYYY, ~ for approximate
        #[arg(long)]
        published: Option<String>,
        /// The outlet this article reports from, if it relays another's report
        #[arg(long)]
        relays: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Pillar,
    Actor,
    Question,
    Event,
    Figure,
    Source,
}

impl NewKind {
    fn kind(self) -> dossier::load::Kind {
        use dossier::load::Kind;
        match self {
            NewKind::Pillar => Kind::Pillar,
            NewKind::Actor => Kind::Actor,
            NewKind::Question => Kind::Question,
            NewKind::Event => Kind::Event,
            NewKind::Figure => Kind::Figure,
            NewKind::Source => Kind::Source,
        }
    }
}

fn report(failure: Failure, what: &str) -> ExitCode {
    match failure {
        Failure::Content(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            // Notes and warnings are printed but not counted: only errors failed the run.
            let n = errors.iter().filter(|e| e.is_error()).count();
            eprintln!("{what} failed: {n} error{}", if n == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
        Failure::Output(message) => {
            eprintln!("error: {message}\n{what} failed");
            ExitCode::from(1)
        }
        Failure::Usage(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Warnings of a run that succeeded: printed like errors, on stderr.
fn warn(warnings: &[dossier::Diagnostic]) {
    for w in warnings {
        eprintln!("{w}");
    }
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join(", ")
}

/// The review queue and the names no actor covers: what an editor acts on next.
fn print_editor_report(d: &Dossier) {
    if d.review_queue.is_empty() {
        println!("Review queue: empty");
    } else {
        println!(
            "Review queue: {} item{} older than sources that touch them",
            d.review_queue.len(),
            if d.review_queue.len() == 1 { "" } else { "s" }
        );
        for e in &d.review_queue {
            let sources = list(e.stale.sources.iter().map(|s| s.id.clone()));
            println!("  {} (reviewed {}): newer {}", e.item.url, e.stale.reviewed, sources);
        }
    }
    if !d.unknown_names.is_empty() {
        println!("Names in sources that match no actor (most frequent first):");
        println!("  {}", list(d.unknown_names.iter().take(25).map(|n| format!("{} ({})", n.name, n.count))));
    }
}

/// The one line a build ends with.
fn summary(b: &dossier::Built) -> String {
    format!(
        "Built {} pages in {} ms -> {}/ ({} files written, {} unchanged)",
        b.pages,
        b.elapsed.as_millis(),
        b.output.display(),
        b.written,
        b.unchanged
    )
}

// mimalloc: a build allocates millions of small strings from several threads at once;
// with glibc's allocator a third of a large build went to malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, output, timings, base_url, zip } => {
            let output = output.unwrap_or_else(|| root.join("site"));
            let opts = dossier::BuildOptions { base_url, zip };
            match dossier::build_with(&root, &output, &opts) {
                Ok(b) => {
                    warn(&b.warnings);
                    if timings {
                        for (stage, t) in &b.timings {
                            eprintln!("{stage:>14}: {:>6} ms", t.as_millis());
                        }
                    }
                    println!("{}", summary(&b));
                    if let Some(zip) = &opts.zip {
                        println!("Archive: {}", zip.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(f) => report(f, &format!("build (the previous {} is unchanged)", output.display())),
            }
        }
        Command::Serve { root, output, port, bind } => {
            let output = output.unwrap_or_else(|| root.join("site"));
            let options = dossier::serve::Options { root, output, bind, port };
            let result = dossier::serve::serve(&options, &mut |report| match report {
                Report::Listening(address) => {
                    println!("Serving http://{address}/ (Ctrl-C stops); rebuilding when content/ or themes/ change");
                }
                Report::Built(b) => {
                    warn(&b.warnings);
                    println!("{} [{} re-rendered]", summary(b), b.rendered)
                }
                Report::Failed(f) => eprintln!(
                    "{}\nbuild failed: the page shows the error until it is fixed",
                    dossier::serve::describe(f)
                ),
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(f) => report(f, "serve"),
            }
        }
        Command::Check { root } => match dossier::check(&root) {
            Ok(d) => {
                warn(&d.warnings);
                let items = d.pillars.len() + d.questions.len() + d.actors.len() + d.events.len() + d.figures.len();
                println!("Checked {items} items and {} sources: no errors", d.sources.len());
                print_editor_report(&d);
                ExitCode::SUCCESS
            }
            Err(f) => report(f, "check"),
        },
        Command::Init { dir, title } => match dossier::scaffold::init(&dir, &title) {
            Ok(files) => {
                println!("Created a dossier in {} ({} files). Next:", dir.display(), files.len());
                println!("  cd {} && dossier build      then open site/index.html", dir.display());
                println!("  dossier new actor ID        add an item; dossier add FILE imports an article");
                ExitCode::SUCCESS
            }
            Err(message) => report(Failure::Usage(message), "init"),
        },
        Command::Schema { root, out } => {
            let dir = out.unwrap_or_else(|| root.join(dossier::schema::DIR));
            match dossier::schema::write(&dir) {
                Ok(files) => {
                    println!("Wrote {} schemas to {}/", files.len(), dir.display());
                    ExitCode::SUCCESS
                }
                Err(message) => report(Failure::Output(message), "schema"),
            }
        }
        Command::New { kind, id, root } => match dossier::scaffold::new_item(&root, kind.kind(), &id) {
            Ok(path) => {
                println!("Wrote {}: fill in its fields (every one is named), then run dossier check", path.display());
                ExitCode::SUCCESS
            }
            Err(message) => report(Failure::Usage(message), "new"),
        },
        Command::Add { file, root, title, publisher, url, published, relays } => {
            let opts = AddOptions { title, publisher, url, published, relays };
            match dossier::add(&root, &file, &opts) {
                Ok(added) => {
                    println!("Added {} ({} paragraphs)", added.path.display(), added.paragraphs);
                    match added.dossier {
                        Ok(d) => {
                            let Some(source) = d.sources.iter().find(|s| s.head.link.id == added.id) else {
                                return ExitCode::SUCCESS;
                            };
                            let actors = list(source.actors.iter().map(|a| format!("{} ({})", a.actor.title, a.count)));
                            println!("Mentions: {}", if actors.is_empty() { "no known actor".into() } else { actors });
                            let stale: Vec<String> = d
                                .review_queue
                                .iter()
                                .filter(|e| e.stale.sources.iter().any(|s| s.id == added.id))
                                .map(|e| format!("{} (reviewed {})", e.item.url, e.stale.reviewed))
                                .collect();
                            println!(
                                "Now needs review: {}",
                                if stale.is_empty() { "nothing".into() } else { list(stale) }
                            );
                            let names =
                                list(source.unknown_names.iter().take(15).map(|n| format!("{} ({})", n.name, n.count)));
                            println!(
                                "Names matching no actor: {}",
                                if names.is_empty() { "none".into() } else { names }
                            );
                            ExitCode::SUCCESS
                        }
                        Err(errors) => report(Failure::Content(errors), "the article was added, but the dossier check"),
                    }
                }
                Err(f) => report(f, "add"),
            }
        }
    }
}
