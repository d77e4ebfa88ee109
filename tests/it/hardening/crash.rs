//! Crash safety: builds are killed (SIGKILL) at random moments, again and again. After
//! every kill `site/` is exactly the complete old site or the complete new one, a reader
//! polling it never finds it missing, and the next build cleans every leftover.
//!
//! The delays come from a seeded generator: the seed is printed, and
//! `DOSSIER_CRASH_SEED=N cargo test --release --test crash` replays the same delays.
#![cfg(target_os = "linux")]

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{minimal_dossier, snapshot, write};

const KILLS: usize = 24;

/// SplitMix64: small and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A dossier big enough that a build takes a while: `n` sources of a dozen paragraphs.
fn large_dossier(root: &Path, n: usize, edition: &str) {
    minimal_dossier(root);
    let para = "Delegations from both sides met again behind closed doors and argued over the wording of the text, the sequencing of the steps, and who would verify them. ";
    for i in 0..n {
        let body: Vec<String> = (0..12).map(|p| format!("{edition} {i}.{p}: Macron said {}", para.repeat(3))).collect();
        write(
            root,
            &format!("content/sources/s{i:05}.md"),
            &format!(
                "---\ntitle: Report {i} ({edition})\npublisher: Wire\npublished: 2026-01-06\n---\n{}\n",
                body.join("\n\n")
            ),
        );
    }
}

/// Every build is told which edition it follows (`--previous-edition`), so a site's
/// bytes depend on its content alone, not on which edition the folder held before.
fn build_args(root: &Path, out: &Path, edition: &Path) -> Vec<String> {
    let args = ["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()];
    let edition = ["--previous-edition", edition.to_str().unwrap()];
    args.iter().chain(edition.iter()).map(|a| a.to_string()).collect()
}

fn build(root: &Path, out: &Path, edition: &Path) -> Duration {
    let start = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_dossier")).args(build_args(root, out, edition)).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    start.elapsed()
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect()
}

#[test]
fn killed_builds_leave_the_old_or_the_new_site_never_a_mix() {
    let seed = std::env::var("DOSSIER_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    });
    eprintln!("crash test seed: {seed} (DOSSIER_CRASH_SEED={seed} replays it)");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    // Two editions of the content, each built once as a reference.
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    large_dossier(&a, 400, "Old");
    large_dossier(&b, 400, "New");
    let refs_dir = dir.path().join("refs");
    // The edition every build follows: the old content's first.
    let first = dir.path().join("first");
    let edition = dir.path().join("edition.json");
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root", a.to_str().unwrap(), "--output", first.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    fs::copy(first.join("edition.json"), &edition).unwrap();
    let took = build(&a, &refs_dir.join("a"), &edition).max(build(&b, &refs_dir.join("b"), &edition));
    let refs: [BTreeMap<String, Vec<u8>>; 2] = [snapshot(&refs_dir.join("a")), snapshot(&refs_dir.join("b"))];
    assert_ne!(refs[0], refs[1]);
    eprintln!("a build takes {:.2} s ({} files)", took.as_secs_f64(), refs[0].len());

    let out_dir = dir.path().join("out");
    let site = out_dir.join("site");
    build(&a, &site, &edition);
    let mut current = 0; // which edition `site/` holds
    let (mut old_kept, mut new_in) = (0, 0);
    let stop = AtomicBool::new(false);
    let (reads, missing) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|s| {
        // Stops the reader however this scope ends: a failed assertion below must fail
        // the test, not leave the scope waiting for the reader forever.
        struct StopOnDrop<'a>(&'a AtomicBool);
        impl Drop for StopOnDrop<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Relaxed);
            }
        }
        let _stop = StopOnDrop(&stop);
        // A reader: the site must be there at every instant.
        s.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                reads.fetch_add(1, Ordering::Relaxed);
                if !site.join("index.html").is_file() {
                    missing.fetch_add(1, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_micros(200));
            }
        });
        for kill in 0..KILLS {
            let target = 1 - current;
            let root = if target == 0 { &a } else { &b };
            let delay = Duration::from_micros(rng.next() % (took.as_micros() as u64 * 2).max(1));
            let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(build_args(root, &site, &edition))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(delay);
            child.kill().unwrap();
            child.wait().unwrap();
            let now = snapshot(&site);
            let which = refs.iter().position(|r| *r == now);
            assert!(
                which.is_some(),
                "kill {kill} after {delay:?} (seed {seed}): site/ is neither the old nor the new site ({} files)",
                now.len()
            );
            if which == Some(current) {
                old_kept += 1;
            } else {
                new_in += 1;
            }
            // The next run finishes the job and leaves nothing behind.
            build(root, &site, &edition);
            assert_eq!(snapshot(&site), refs[target], "kill {kill}: the next build gives the new site");
            assert!(leftovers(&out_dir).is_empty(), "kill {kill}: leftovers {:?}", leftovers(&out_dir));
            current = target;
        }
        stop.store(true, Ordering::Relaxed);
    });
    eprintln!(
        "{KILLS} kills survived: {old_kept} left the old site, {new_in} the new one; the reader looked {} times, found no site {} times",
        reads.load(Ordering::Relaxed),
        missing.load(Ordering::Relaxed)
    );
    assert_eq!(missing.load(Ordering::Relaxed), 0, "a reader found no site/");
    assert!(old_kept > 0, "some kills must land inside a build (seed {seed})");
}
