//! `dossier serve` as a reader and an attacker meet it: over real TCP on loopback, with
//! raw requests (an HTTP client would tidy the paths an attacker sends). Every wait is
//! bounded: a server that hangs fails the test instead of stalling the suite.

use crate::common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{minimal_dossier, write};

const WAIT: Duration = Duration::from_secs(20);

/// A running `dossier serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dossier serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Dropped (killed and waited for) if it never says where it listens.
        let mut server = Server { child, address: String::new() };
        let deadline = Instant::now() + WAIT;
        while server.address.is_empty() {
            let wait = deadline.saturating_duration_since(Instant::now());
            let line = rx.recv_timeout(wait).expect("serve never said where it listens");
            if let Some(rest) = line.strip_prefix("Serving http://") {
                server.address = rest.split('/').next().unwrap().to_string();
            }
        }
        server
    }

    /// Sends raw bytes, returns (status code, body).
    fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut s = TcpStream::connect(&self.address).unwrap();
        s.set_read_timeout(Some(WAIT)).unwrap();
        s.write_all(request).unwrap();
        let mut response = Vec::new();
        let _ = s.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response).into_owned();
        let code = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        (code, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
    }

    fn version(&self) -> String {
        self.get("/__dossier/version").1
    }

    /// Waits until a rebuild has finished since `before`; returns how long that took.
    fn wait_for_rebuild(&self, before: &str) -> Duration {
        let start = Instant::now();
        while self.version() == before {
            assert!(start.elapsed() < WAIT, "no rebuild within {WAIT:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
        start.elapsed()
    }

    /// Resident memory of the server, in KiB (Linux).
    fn rss_kib(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or("VmRSS: 0 kB");
        line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dossier_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("d");
    minimal_dossier(&root);
    (dir, root)
}

#[test]
fn serves_the_site_rebuilds_on_save_and_shows_errors_in_the_page() {
    let (_dir, root) = dossier_dir();
    let server = Server::start(&root);
    let (code, home) = server.get("/");
    assert_eq!(code, 200);
    assert!(home.contains("<script src=\"/__dossier/reload.js?v="), "the reload script is injected when serving");
    let on_disk = fs::read_to_string(root.join("site/index.html")).unwrap();
    assert!(!on_disk.contains("__dossier"), "the built files never carry the reload script");
    assert_eq!(server.get("/__dossier/reload.js").0, 200);

    // Save a content file: the page changes after one rebuild.
    let before = server.version();
    let actor = root.join("content/actors/macron.yaml");
    let text = fs::read_to_string(&actor).unwrap();
    fs::write(&actor, text.replace("President of France.", "President of the French Republic.")).unwrap();
    let took = server.wait_for_rebuild(&before);
    eprintln!("rebuilt {took:?} after the save");
    assert!(server.get("/actors/macron.html").1.contains("President of the French Republic."));

    // A broken file: every page shows the error, located, instead of a stale site.
    let before = server.version();
    fs::write(&actor, "name: Emmanuel Macron\nkind: person\nsummary: <b>x</b>\nsumary: typo\n").unwrap();
    server.wait_for_rebuild(&before);
    let (code, page) = server.get("/actors/macron.html");
    assert_eq!(code, 500);
    assert!(page.contains("macron.yaml:4:1: error: unknown field `sumary`"), "{page}");
    assert!(page.contains("reload.js"), "the error page reloads itself once fixed");

    // Fixed: the site is back.
    let before = server.version();
    fs::write(&actor, text).unwrap();
    server.wait_for_rebuild(&before);
    let (code, page) = server.get("/actors/macron.html");
    assert_eq!(code, 200);
    assert!(page.contains("President of France."));
}

#[test]
fn a_rebuild_re_renders_only_what_changed() {
    let (_dir, root) = dossier_dir();
    let server = Server::start(&root);
    let before = server.version();
    let inode = |p: &str| std::os::unix::fs::MetadataExt::ino(&fs::metadata(root.join("site").join(p)).unwrap());
    let (event, actor) = (inode("events/paris-meeting.html"), inode("actors/macron.html"));
    let path = root.join("content/actors/macron.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("President of France.", "Head of state.")).unwrap();
    server.wait_for_rebuild(&before);
    assert_eq!(inode("events/paris-meeting.html"), event, "a page the edit does not touch is left alone");
    assert_ne!(inode("actors/macron.html"), actor, "the edited actor's page is rewritten");
}

#[test]
fn no_request_reads_outside_the_site() {
    let (dir, root) = dossier_dir();
    let secret = "SECRET-7f3a";
    fs::write(dir.path().join("secret.txt"), secret).unwrap();
    write(&root, "content/notes.txt", secret);
    let server = Server::start(&root);
    // Links planted in the built site pointing out of it must not be followed.
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("site/leak.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), root.join("site/up")).unwrap();
    let attacks = [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/..%2F..%2Fd%2Fcontent%2Fnotes.txt",
        "/.%2e/secret.txt",
        "/static/..%5c..%5csecret.txt",
        "/static/../../secret.txt",
        "//../secret.txt",
        "/%252e%252e/secret.txt",
        "/leak.txt",
        "/up/secret.txt",
        "/up/d/content/notes.txt",
        "/./../secret.txt",
        "/secret.txt%00.html",
        "http://localhost/../secret.txt",
        "../secret.txt",
    ];
    for attack in attacks {
        let (code, body) = server.get(attack);
        assert!(!body.contains(secret), "{attack} leaked the file");
        assert!(code == 400 || code == 404, "{attack}: {code}");
    }
    assert_eq!(server.get("/index.html").0, 200, "still serving");
}

#[test]
fn abusive_requests_are_refused_and_idle_connections_block_no_one() {
    let (_dir, root) = dossier_dir();
    let server = Server::start(&root);
    let huge = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: {}\r\n\r\n", "a".repeat(dossier::serve::MAX_HEAD * 4));
    assert_eq!(server.raw(huge.as_bytes()).0, 431, "an oversized head");
    assert_eq!(server.raw(b"GARBAGE\r\n\r\n").0, 400, "a malformed request line");
    assert_eq!(server.raw(b"GET / HTTP/1.1\r\nBad Header\r\n\r\n").0, 400, "a malformed header");
    assert_eq!(server.raw(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc").0, 405);
    assert_eq!(server.raw(b"DELETE /index.html HTTP/1.1\r\n\r\n").0, 405);
    let (code, body) = server.raw(b"HEAD /index.html HTTP/1.1\r\n\r\n");
    assert_eq!((code, body.as_str()), (200, ""), "HEAD has no body");

    // 200 clients connect and say nothing (or half a request); others are still answered.
    let idle: Vec<TcpStream> = (0..200)
        .map(|i| {
            let mut s = TcpStream::connect(&server.address).unwrap();
            if i % 2 == 0 {
                s.write_all(b"GET /index.html HTTP/1.1\r\nHost:").unwrap();
            }
            s
        })
        .collect();
    let start = Instant::now();
    assert_eq!(server.get("/index.html").0, 200);
    assert!(start.elapsed() < Duration::from_secs(5), "idle connections delayed a request: {:?}", start.elapsed());

    // 200 concurrent requests, all answered.
    let address = server.address.clone();
    let workers: Vec<_> = (0..200)
        .map(|i| {
            let address = address.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(&address).unwrap();
                s.set_read_timeout(Some(WAIT)).unwrap();
                let path = if i % 2 == 0 { "/index.html" } else { "/actors/macron.html" };
                s.write_all(format!("GET {path} HTTP/1.1\r\n\r\n").as_bytes()).unwrap();
                let mut out = String::new();
                let _ = s.read_to_string(&mut out);
                out.starts_with("HTTP/1.1 200")
            })
        })
        .collect();
    let ok = workers.into_iter().map(|w| w.join().unwrap()).filter(|ok| *ok).count();
    assert_eq!(ok, 200, "every concurrent request answered");
    let rss = server.rss_kib();
    eprintln!("server RSS with 200 idle connections open: {rss} KiB");
    assert!(rss < 256 * 1024, "memory stays bounded: {rss} KiB");
    drop(idle);
}

/// In Chromium: the page reloads by itself after a save (needs node and
/// tests/browser/node_modules; mandatory when DOSSIER_REQUIRE_CHECKERS=1, as in CI).
#[test]
fn an_open_page_reloads_itself_after_a_save() {
    let browser = common::repo_root().join("tests/browser");
    let ready = browser.join("node_modules/playwright-core").is_dir() && Path::new("/usr/bin/chromium").exists();
    if !ready {
        assert!(
            std::env::var("DOSSIER_REQUIRE_CHECKERS").map_or(true, |v| v != "1"),
            "the reload check needs node, Chromium and tests/browser/node_modules"
        );
        eprintln!("skipped: the reload check needs node, Chromium and tests/browser/node_modules");
        return;
    }
    let (_dir, root) = dossier_dir();
    let server = Server::start(&root);
    let url = format!("http://{}/actors/macron.html", server.address);
    let file = root.join("content/actors/macron.yaml");
    let o = Command::new("node")
        .arg(browser.join("reload.mjs"))
        .args([url.as_str(), file.to_str().unwrap(), "President of France.", "President, reloaded."])
        .output()
        .expect("run node");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}{}", out, String::from_utf8_lossy(&o.stderr));
    let ms: u64 = out.trim().parse().expect("milliseconds");
    eprintln!("the page reloaded {ms} ms after the save");
    assert!(ms < 5000, "reloaded only after {ms} ms");
}
