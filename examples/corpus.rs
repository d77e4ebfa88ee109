//! Benchmark corpus generator: a dossier root with N sources of realistic length, about
//! 200 actors with aliases, 8 pillars, 40 questions, events and figures, citations whose
//! quotes really occur in their sources, wikilinks, and mentions spread the way news
//! spreads them (a few actors everywhere, most rarely). Deterministic for a seed.
//!
//!     cargo run --release --example corpus -- --sources 10000 --out /tmp/c10k [--seed 7] [--hugo /tmp/h10k] [--zola /tmp/z10k]
//!
//! With `--hugo DIR` and `--zola DIR` it also writes the same material as a Hugo site and
//! a Zola site (sources as pages, actors and pillars as taxonomies, a minimal layout) so
//! the three tools are timed on it. Unknown flags and bad values are refused with the
//! usage, before anything is written; `--help` prints it.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

#[path = "corpus/twins.rs"]
mod twins;

const USAGE: &str = "usage: corpus --out DIR [--sources N] [--seed N] [--hugo DIR] [--zola DIR]
  --out DIR      where to write the dossier root (its content/ folder is replaced)
  --sources N    number of source articles (default 1000)
  --seed N       random seed (default 7): the same seed writes the same corpus
  --hugo DIR     also write the Hugo twin of the corpus there
  --zola DIR     also write the Zola twin of the corpus there
";

struct Args {
    n: usize,
    out: PathBuf,
    seed: u64,
    hugo: Option<PathBuf>,
    zola: Option<PathBuf>,
}

/// The command line, or None once usage or an error has been printed (exit code set).
fn args() -> Option<Args> {
    let fail = |why: String| {
        eprintln!("corpus: {why}\n{USAGE}");
        std::process::exit(2);
    };
    let mut a = Args { n: 1000, out: PathBuf::new(), seed: 7, hugo: None, zola: None };
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            print!("{USAGE}");
            return None;
        }
        let Some(value) = it.next().filter(|_| flag.starts_with("--")) else {
            fail(format!("unknown argument `{flag}` or no value after it"));
            return None;
        };
        let number = |v: &str| v.parse::<u64>().map_err(|_| format!("{flag} takes a whole number, not `{v}`"));
        match flag.as_str() {
            "--sources" => {
                a.n = number(&value).unwrap_or_else(|e| {
                    fail(e);
                    0
                }) as usize
            }
            "--seed" => {
                a.seed = number(&value).unwrap_or_else(|e| {
                    fail(e);
                    0
                })
            }
            "--out" => out = Some(PathBuf::from(value)),
            "--hugo" => a.hugo = Some(PathBuf::from(value)),
            "--zola" => a.zola = Some(PathBuf::from(value)),
            _ => fail(format!("unknown flag `{flag}`")),
        }
    }
    match out {
        Some(o) => a.out = o,
        None => fail("--out DIR is required".into()),
    }
    Some(a)
}

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed towards 0: a few items are picked very often, most rarely.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize % n.max(1)
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mir", "ven", "sta", "dor", "an", "el", "vi", "ro", "ber", "tov", "ski", "na", "gal", "ren", "mar",
    "tin", "os", "ul", "ha", "sen", "dra", "kov", "ley", "mon", "pet", "ris", "bal", "cor",
];
const FIRST: &[&str] = &[
    "Anna", "Boris", "Clara", "Dmytro", "Elena", "Frank", "Greta", "Hans", "Irina", "Jonas", "Katja", "Lars", "Marta",
    "Nikola", "Olga", "Pavel", "Rosa", "Stefan", "Tomas", "Ulla", "Vera", "Walter", "Yana", "Zoran",
];
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "with",
    "as",
    "by",
    "said",
    "would",
    "security",
    "force",
    "troops",
    "ceasefire",
    "guarantee",
    "agreement",
    "talks",
    "officials",
    "government",
    "military",
    "support",
    "parliament",
    "approval",
    "deployment",
    "monitoring",
    "border",
    "defence",
    "alliance",
    "sanctions",
    "funding",
    "aid",
    "weapons",
    "training",
    "treaty",
    "commitment",
    "negotiators",
    "draft",
    "proposal",
    "leaders",
    "summit",
    "minister",
    "president",
    "meeting",
    "week",
    "plan",
    "framework",
    "terms",
    "conditions",
    "region",
    "pressure",
    "response",
    "attack",
    "drones",
    "missiles",
    "air",
    "sea",
    "land",
    "units",
    "contingent",
    "reconnaissance",
    "intelligence",
    "budget",
    "billion",
    "euros",
    "dollars",
    "percent",
    "months",
    "years",
    "future",
    "peace",
    "war",
    "front",
    "line",
    "territory",
    "withdrawal",
    "elections",
    "vote",
    "coalition",
    "partners",
    "allies",
    "mission",
    "is",
    "was",
    "are",
    "will",
    "could",
    "may",
    "not",
    "more",
    "than",
    "after",
    "before",
    "while",
    "under",
    "over",
];
const TOPICS: &[&str] = &[
    "ceasefire monitoring",
    "air defence",
    "training mission",
    "border deployment",
    "maritime support",
    "funding",
    "treaty ratification",
    "sanctions relief",
    "reconstruction",
    "intelligence sharing",
    "arms production",
    "energy security",
    "cyber defence",
    "prisoner exchange",
    "demining",
];

struct Actor {
    id: String,
    name: String,
    aliases: Vec<String>,
    kind: &'static str,
}

fn word(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn actors(rng: &mut Rng, n: usize) -> Vec<Actor> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    while out.len() < n {
        let i = out.len();
        let kind = if i % 10 < 7 {
            "person"
        } else if i % 10 < 9 {
            "state"
        } else {
            "organisation"
        };
        let syllables = 2 + rng.below(2);
        let stem = capitalise(&word(rng, syllables));
        let (name, aliases) = match kind {
            "person" => {
                let first = FIRST[rng.below(FIRST.len())];
                // A second spelling, as transliterations differ between outlets.
                let variant = stem.replacen('y', "i", 1).replacen("ov", "off", 1).replacen('k', "c", 1);
                let mut aliases = vec![stem.clone()];
                if variant != stem {
                    aliases.push(variant);
                }
                (format!("{first} {stem}"), aliases)
            }
            "state" => (format!("{stem}ia"), vec![format!("{stem}ian government")]),
            _ => {
                let name = format!("{stem} Council");
                let acronym: String = format!("{}C", &stem[..1]);
                (name, vec![format!("{acronym}{}", i)])
            }
        };
        if aliases.iter().chain(std::iter::once(&name)).any(|a| seen.contains(a)) {
            continue;
        }
        seen.insert(name.clone());
        seen.extend(aliases.iter().cloned());
        let id = name.to_lowercase().replace(' ', "-");
        out.push(Actor { id, name, aliases, kind });
    }
    out
}

/// The paragraphs of source `i`, regenerated on demand from the seed.
fn source_paragraphs(seed: u64, i: usize, actors: &[Actor]) -> (String, Vec<String>, Vec<usize>) {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let cast: Vec<usize> = (0..3 + rng.below(4)).map(|_| rng.skewed(actors.len())).collect();
    let topic = TOPICS[rng.below(TOPICS.len())];
    let title = format!("{} and {} discuss {topic}", actors[cast[0]].name, actors[cast[1 % cast.len()]].name);
    let paragraphs = (0..8 + rng.below(5))
        .map(|_| {
            let mut p = String::new();
            for s in 0..4 + rng.below(3) {
                let mut sentence: Vec<String> =
                    (0..10 + rng.below(8)).map(|_| WORDS[rng.below(WORDS.len())].to_string()).collect();
                if rng.below(3) > 0 {
                    let a = &actors[cast[rng.below(cast.len())]];
                    // Names appear in full, or by any alias.
                    let spelling =
                        if rng.below(3) == 0 { a.name.clone() } else { a.aliases[rng.below(a.aliases.len())].clone() };
                    let at = rng.below(sentence.len());
                    sentence.insert(at, spelling);
                }
                let mut text = sentence.join(" ");
                text = capitalise(&text);
                if s > 0 {
                    p.push(' ');
                }
                p.push_str(&text);
                p.push('.');
            }
            p
        })
        .collect();
    (title, paragraphs, cast)
}

/// Six consecutive words from a paragraph of a source: a quote that really occurs.
fn quote(seed: u64, source: usize, actors: &[Actor], rng: &mut Rng) -> String {
    let (_, paragraphs, _) = source_paragraphs(seed, source, actors);
    let p = &paragraphs[rng.below(paragraphs.len())];
    let words: Vec<&str> = p.split(' ').collect();
    let start = rng.below(words.len().saturating_sub(6).max(1));
    words[start..(start + 6).min(words.len())].join(" ").trim_end_matches('.').replace('"', "")
}

fn date(i: usize, n: usize) -> String {
    let day = 730 * i / n.max(1); // two years of news
    let (y, rest) = (2024 + day / 365, day % 365);
    format!("{y}-{:02}-{:02}", rest / 31 + 1, rest % 28 + 1)
}

fn write(path: PathBuf, text: &str) {
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn citation(seed: u64, n: usize, actors: &[Actor], rng: &mut Rng) -> String {
    let s = rng.below(n);
    format!("      - source: s{s:06}\n        quote: \"{}\"\n", quote(seed, s, actors, rng))
}

fn main() {
    let Some(Args { n, out, seed, hugo, zola }) = args() else {
        return;
    };
    let mut rng = Rng(seed);
    let actors = actors(&mut rng, 200);
    let c = out.join("content");
    let _ = fs::remove_dir_all(&c);

    write(c.join("dossier.yaml"), &format!("title: Benchmark dossier ({n} sources)\nas_of: 2026-01-07\nbottom_line: |\n  A generated dossier. See [[p1]] and [[{}]].\nkey_judgments:\n  - text: Generated.\n    citations:\n{}", actors[0].id, citation(seed, n, &actors, &mut rng)));
    for (i, a) in actors.iter().enumerate() {
        let aliases = a.aliases.iter().map(|x| format!("\"{x}\"")).collect::<Vec<_>>().join(", ");
        let mut y = format!("name: {}\nkind: {}\naliases: [{aliases}]\nsummary: An actor in the generated dossier, linked to [[p{}]].\n", a.name, a.kind, i % 8 + 1);
        if i < 100 {
            let _ = write!(
                y,
                "positions:\n  - \"on\": q{:02}\n    text: Holds a view.\n    citations:\n{}",
                i % 40 + 1,
                citation(seed, n, &actors, &mut rng)
            );
        }
        y.push_str("reviewed: 2025-06-01\n");
        write(c.join(format!("actors/{}.yaml", a.id)), &y);
    }
    for p in 1..=8 {
        let mut y = format!("title: \"Pillar {p}: {}\"\norder: {p}\nstatus: proposed\nsummary: Pillar {p}, with [[q{:02}]] open.\nkey_points:\n", TOPICS[p % TOPICS.len()], p * 5);
        for _ in 0..5 {
            let _ = write!(y, "  - text: A finding.\n    citations:\n{}", citation(seed, n, &actors, &mut rng));
        }
        y.push_str("actors:\n");
        for k in 0..6 {
            let _ = writeln!(y, "  - actor: {}\n    role: Participant", actors[(p * 7 + k * 13) % actors.len()].id);
        }
        let _ = writeln!(
            y,
            "questions: [{}]\nreviewed: 2025-06-01",
            (0..5).map(|k| format!("q{:02}", (p - 1) * 5 + k + 1)).collect::<Vec<_>>().join(", ")
        );
        write(c.join(format!("pillars/p{p}.yaml")), &y);
    }
    for q in 1..=40 {
        let mut y = format!(
            "title: Open question {q} on {}?\nstatus: open\nwhy_it_matters: It decides [[p{}]].\nevidence:\n",
            TOPICS[q % TOPICS.len()],
            (q - 1) / 5 + 1
        );
        for _ in 0..3 {
            let _ = write!(y, "  - text: Evidence.\n    citations:\n{}", citation(seed, n, &actors, &mut rng));
        }
        let _ = write!(
            y,
            "positions:\n  - actor: {}\n    text: A position.\n    citations:\n{}",
            actors[q * 3 % actors.len()].id,
            citation(seed, n, &actors, &mut rng)
        );
        let _ = writeln!(y, "pillars: [p{}]\nreviewed: 2025-06-01", (q - 1) / 5 + 1);
        write(c.join(format!("questions/q{q:02}.yaml")), &y);
    }
    for e in 1..=100 {
        let y = format!("title: Event {e}\ndate: \"{}\"\nplace: Capital\nsummary: Something happened.\nactors: [{}]\ncitations:\n{}", date((e * n / 100).saturating_sub(1), n), actors[e % actors.len()].id, citation(seed, n, &actors, &mut rng));
        write(c.join(format!("events/e{e:03}.yaml")), &y);
    }
    for f in 1..=30 {
        let mut y = format!("title: Figure {f}\nunit: troops\nsummary: A reported number.\nvalues:\n");
        for v in 0..2 {
            let s = rng.below(n);
            let _ = write!(
                y,
                "  - source: s{s:06}\n    value: \"{}\"\n    number: {}\n    quote: \"{}\"\n",
                1000 * (f + v),
                1000 * (f + v),
                quote(seed, s, &actors, &mut rng)
            );
        }
        y.push_str("reviewed: 2025-06-01\n");
        write(c.join(format!("figures/f{f:02}.yaml")), &y);
    }
    for i in 0..n {
        let (title, paragraphs, cast) = source_paragraphs(seed, i, &actors);
        let relays = if i % 10 == 0 { "relays: The Wire Service\n" } else { "" };
        let body = paragraphs.join("\n\n");
        write(
            c.join(format!("sources/s{i:06}.md")),
            &format!(
                "---\ntitle: \"{title}\"\npublisher: Outlet {}\npublished: {}\n{relays}---\n{body}\n",
                i % 17,
                date(i, n)
            ),
        );
        if let Some(z) = &zola {
            twins::zola_page(
                z,
                i,
                &title,
                &date(i, n),
                &cast.iter().map(|a| actors[*a].name.as_str()).collect::<Vec<_>>(),
                &body,
            );
        }
        if let Some(h) = &hugo {
            let tags: Vec<String> = cast.iter().map(|a| format!("\"{}\"", actors[*a].name)).collect();
            write(
                h.join(format!("content/sources/s{i:06}.md")),
                &format!(
                    "---\ntitle: \"{title}\"\ndate: {}\nactors: [{}]\npillars: [\"Pillar {}\"]\n---\n{body}\n",
                    date(i, n),
                    tags.join(", "),
                    i % 8 + 1
                ),
            );
        }
    }
    if let Some(h) = &hugo {
        twins::write_hugo_site(h, n, &actors);
    }
    if let Some(z) = &zola {
        twins::write_zola_site(z, n, &actors);
    }
    println!(
        "wrote {} sources, {} actors, 8 pillars, 40 questions, 100 events, 30 figures to {}",
        n,
        actors.len(),
        out.display()
    );
}
