//! `dossier serve` as a reader and an attacker meet it: over real TCP on loopback, with
//! raw requests (an HTTP client would tidy the paths an attacker sends). Every wait is
//! bounded: a server that hangs fails the test instead of stalling the suite.

use crate::common;
use crate::serve_support;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{minimal_dossier, write};
use serve_support::{Server, WAIT};

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

#[test]
fn requests_for_another_site_name_are_refused() {
    let (_dir, root) = dossier_dir();
    let server = Server::start(&root);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    let ask = |host: &str| server.raw(format!("GET /index.html HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
    // DNS rebinding: a page at evil.example points that name at 127.0.0.1; its requests
    // still say evil.example, and must read nothing of the draft.
    for host in ["evil.example", &format!("evil.example:{port}"), &format!("localhost.evil.example:{port}")] {
        let (code, body) = ask(host);
        assert_eq!(code, 421, "Host: {host}");
        assert!(!body.contains("Test dossier"), "Host: {host} read the site");
    }
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}"), "localhost".into()]
    {
        let (code, body) = ask(&host);
        assert_eq!(code, 200, "Host: {host}");
        assert!(body.contains("Test dossier"), "Host: {host}");
    }
    let twice = format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\n\r\n");
    assert_eq!(server.raw(twice.as_bytes()).0, 400, "two Host headers");
}

#[test]
fn a_themes_folder_made_after_the_start_is_watched() {
    let (_dir, root) = dossier_dir();
    let server = Server::start(&root);
    assert!(!root.join("themes").exists());
    let base = fs::read_to_string(common::repo_root().join("themes/default/templates/base.html")).unwrap();
    let template = root.join("themes/default/templates/base.html");
    let shows = |marker: &str| {
        let start = Instant::now();
        while !server.get("/index.html").1.contains(marker) {
            assert!(start.elapsed() < WAIT, "the home page never showed {marker}");
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    fs::create_dir_all(template.parent().unwrap()).unwrap();
    fs::write(&template, base.replace("</footer>", "<p>first-override</p></footer>")).unwrap();
    shows("first-override");
    // An edit inside the new folder, once it is quiet: only its own watch can see this.
    std::thread::sleep(Duration::from_millis(700));
    fs::write(&template, base.replace("</footer>", "<p>second-edit</p></footer>")).unwrap();
    shows("second-edit");
}

/// In Chromium: the page reloads by itself after a save (needs node and
/// tests/browser/node_modules; mandatory when DOSSIER_REQUIRE_CHECKERS=1, as in CI).
#[test]
fn an_open_page_reloads_itself_after_a_save() {
    let browser = common::repo_root().join("tests/browser");
    let ready = browser.join("node_modules/playwright-core").is_dir() && Path::new("/usr/bin/chromium").exists();
    if !ready {
        return common::skip("reload check", "needs node, Chromium and tests/browser/node_modules");
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
