//! `dossier serve` against slow clients: heads trickled a byte at a time, more connections
//! than the caps allow, heads that never finish. Every client here comes from 127.0.0.1,
//! so one address is all the server sees; the caps are set per test through the
//! `DOSSIER_SERVE_*` variables to show each rule on its own.

use crate::common;
use crate::serve_support;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serve_support::{Server, WAIT};

const SLOW_HEAD: &[u8] = b"GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";

fn dossier_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("d");
    common::minimal_dossier(&root);
    (dir, root)
}

/// A client that has sent part of a head and waits.
fn slow_client(server: &Server) -> TcpStream {
    let mut s = TcpStream::connect(&server.address).unwrap();
    s.set_nodelay(true).unwrap();
    s.write_all(&SLOW_HEAD[..1]).unwrap();
    s
}

/// What the server has said to `s` within `wait`: None if nothing yet, Some("") if it
/// closed the connection silently.
fn answer(s: &mut TcpStream, wait: Duration) -> Option<String> {
    s.set_read_timeout(Some(wait)).unwrap();
    let mut out = Vec::new();
    match s.read_to_end(&mut out) {
        Err(e) if out.is_empty() && matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => None,
        _ => Some(String::from_utf8_lossy(&out).into_owned()),
    }
}

/// Sends one more byte of the head to each client every 200 ms until `stop`.
fn trickle(mut clients: Vec<TcpStream>, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<TcpStream>> {
    std::thread::spawn(move || {
        let mut sent = 1;
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(200));
            let byte = SLOW_HEAD.get(sent).copied().unwrap_or(b'a');
            for c in &mut clients {
                let _ = c.write_all(&[byte]);
            }
            sent += 1;
        }
        clients
    })
}

fn timed_get(server: &Server) -> Duration {
    let start = Instant::now();
    let (code, body) = server.get("/index.html");
    let took = start.elapsed();
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("Test dossier"));
    took
}

/// Opens `n` slow clients that trickle their heads, asks for a page ten times meanwhile;
/// returns the slowest answer and how many slow clients are still waited for.
fn among_trickling_clients(n: usize, env: &[(&str, &str)]) -> (Duration, usize) {
    let (_dir, root) = dossier_dir();
    let server = Server::start_with(&root, env);
    let clients: Vec<TcpStream> = (0..n).map(|_| slow_client(&server)).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let trickler = trickle(clients, Arc::clone(&stop));
    let mut slowest = Duration::ZERO;
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(300));
        slowest = slowest.max(timed_get(&server));
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap_or_default();
    let threads = status.lines().find(|l| l.starts_with("Threads:")).unwrap_or("").to_string();
    stop.store(true, Ordering::SeqCst);
    let mut clients = trickler.join().unwrap();
    let waiting =
        clients.iter_mut().filter_map(|c| answer(c, Duration::from_millis(1)).is_none().then_some(())).count();
    eprintln!("{n} trickling clients: slowest of 10 requests {slowest:?}, {waiting} still waited for; server {threads}, {} KiB", server.rss_kib());
    (slowest, waiting)
}

#[test]
fn a_request_is_answered_at_once_while_300_clients_trickle_their_heads() {
    // A per-address cap above 300 keeps every slow client open (none is closed to make
    // room), the harder case: 300 threads really are waiting on trickled heads.
    let (slowest, waiting) = among_trickling_clients(300, &[("DOSSIER_SERVE_PER_ADDRESS", "1000")]);
    assert!(slowest < Duration::from_secs(1), "a request waited {slowest:?}");
    assert_eq!(waiting, 300, "every slow client was still being waited for");
}

#[test]
fn with_the_default_caps_600_trickling_clients_from_one_address_block_no_one() {
    // More than the 512 connections the server holds: without making room, a fresh
    // request would be refused. One address may hold 256.
    let (slowest, waiting) = among_trickling_clients(600, &[]);
    assert!(slowest < Duration::from_secs(1), "a request waited {slowest:?}");
    assert_eq!(waiting, 256 - 1, "the per-address cap, less the one the first request made room with");
}

/// Opens 12 slow clients against a cap of 8: the 4 that waited longest are closed with
/// 503, the 8 newest still wait, and a fresh request is answered at once (making room by
/// closing the next oldest).
fn the_longest_waiting_make_room(cap: &str) {
    let (_dir, root) = dossier_dir();
    let server = Server::start_with(&root, &[(cap, "8")]);
    let mut clients: Vec<TcpStream> = (0..12)
        .map(|_| {
            let c = slow_client(&server);
            // Accepted in this order, so the oldest is known.
            std::thread::sleep(Duration::from_millis(20));
            c
        })
        .collect();
    for (i, c) in clients.iter_mut().enumerate().take(4) {
        let said = answer(c, WAIT).unwrap_or_default();
        assert!(said.starts_with("HTTP/1.1 503"), "{cap}: client {i} was told {said:?}");
        assert!(said.contains("too many connections"), "{said}");
    }
    for (i, c) in clients.iter_mut().enumerate().skip(4) {
        assert_eq!(answer(c, Duration::from_millis(100)), None, "{cap}: client {i} is within the cap");
    }
    let took = timed_get(&server);
    assert!(took < Duration::from_secs(1), "{cap}: a fresh request waited {took:?}");
    let said = answer(&mut clients[4], WAIT).unwrap_or_default();
    assert!(said.starts_with("HTTP/1.1 503"), "{cap}: the next oldest made room: {said:?}");
    for (i, c) in clients.iter_mut().enumerate().skip(5) {
        assert_eq!(answer(c, Duration::from_millis(50)), None, "{cap}: client {i} still waits");
    }
}

#[test]
fn past_the_per_address_cap_the_longest_waiting_client_is_closed() {
    the_longest_waiting_make_room("DOSSIER_SERVE_PER_ADDRESS");
}

#[test]
fn past_the_connection_cap_the_longest_waiting_client_is_closed() {
    the_longest_waiting_make_room("DOSSIER_SERVE_MAX_CONNECTIONS");
}

#[test]
fn a_head_not_complete_by_the_deadline_gets_408() {
    let (_dir, root) = dossier_dir();
    let server = Server::start_with(&root, &[("DOSSIER_SERVE_HEAD_TIMEOUT_MS", "1500")]);
    let start = Instant::now();
    let idle = TcpStream::connect(&server.address).unwrap();
    // A byte every 200 ms: a timeout per read would never fire.
    let client = slow_client(&server);
    let mut reader = client.try_clone().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let trickler = trickle(vec![client], Arc::clone(&stop));
    std::thread::sleep(Duration::from_millis(500));
    assert!(timed_get(&server) < Duration::from_secs(1), "other requests are answered meanwhile");
    let said = answer(&mut reader, WAIT).unwrap_or_default();
    let took = start.elapsed();
    stop.store(true, Ordering::SeqCst);
    trickler.join().unwrap();
    assert!(said.starts_with("HTTP/1.1 408 Request Timeout"), "{said:?}");
    assert!(took >= Duration::from_millis(1400) && took < Duration::from_secs(6), "408 after {took:?}");
    // A connection that said nothing at all is closed without a word.
    assert_eq!(answer(&mut { idle }, WAIT).as_deref(), Some(""));
}

#[test]
fn a_bad_limit_is_a_usage_error() {
    let (_dir, root) = dossier_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .env("DOSSIER_SERVE_PER_ADDRESS", "lots")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr(&out);
    assert!(err.contains("DOSSIER_SERVE_PER_ADDRESS must be a whole number above 0, not `lots`"), "{err}");
}
