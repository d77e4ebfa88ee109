//! The subcommands and their flags, as `clap` reads them; `main.rs` dispatches them.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use dossier::model::kind::Kind;

#[derive(Subcommand)]
pub enum Command {
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
        /// Replace the output folder (or --zip file) even if it holds files dossier did not write
        #[arg(long)]
        force: bool,
        /// Compare with this edition record (a published site's edition.json) instead of the output's own
        #[arg(long, value_name = "FILE")]
        previous_edition: Option<PathBuf>,
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
        /// Replace the output folder even if it holds files dossier did not write
        #[arg(long)]
        force: bool,
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
    /// Accept a new spelling of an actor: add it to the actor's aliases, keeping the file's comments
    #[command(after_help = "Examples:
  dossier alias zelenskyy \"Volodymyr Zelensky\"
  dossier alias tusk \"Donald Tusk\" --root my-dossier")]
    Alias {
        /// The actor's id (its file name in content/actors/, without .yaml)
        id: String,
        /// The name as the sources write it
        spelling: String,
        /// The dossier root: the folder holding content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Import articles (plain text, Markdown or HTML) as content/sources/<id>.md
    #[command(after_help = "Examples:
  dossier add ~/Downloads/article.html
  dossier add incoming/            (every .html, .htm, .md and .txt file in it)
  dossier add notes.txt --title \"Talks in Berlin\" --publisher \"Riverton Gazette\" --published 2026-01-08
  dossier add relay.md --relays \"Valley News Agency\"

A saved web page gives its own headline, publisher, date and address (Open Graph, JSON-LD,
<link rel=canonical>); a flag is needed only where the page is silent, and wins over the page.
With several files, --title and --url are refused (they name one article); --publisher,
--published and --relays apply to every file.")]
    Add {
        /// Article files and folders; a file's format is taken from its extension (.html, .md, .txt)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
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
        #[arg(long, visible_alias = "date")]
        published: Option<String>,
        /// The outlet (or the id of the source) this article relays, if it repeats another's report
        #[arg(long)]
        relays: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum NewKind {
    Pillar,
    Actor,
    Question,
    Event,
    Figure,
    Source,
}

impl From<NewKind> for Kind {
    fn from(kind: NewKind) -> Kind {
        match kind {
            NewKind::Pillar => Kind::Pillar,
            NewKind::Actor => Kind::Actor,
            NewKind::Question => Kind::Question,
            NewKind::Event => Kind::Event,
            NewKind::Figure => Kind::Figure,
            NewKind::Source => Kind::Source,
        }
    }
}
