//! A running `dossier serve` for the serve tests, spoken to over real TCP with raw
//! requests. Every wait is bounded: a server that hangs fails the test.
#![allow(dead_code)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(20);

/// A running `dossier serve`, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub address: String,
}

impl Server {
    pub fn start(root: &Path) -> Server {
        Server::start_with(root, &[])
    }

    /// Starts with extra environment variables (the `DOSSIER_SERVE_*` limits).
    pub fn start_with(root: &Path, env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
            .envs(env.iter().copied())
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
    pub fn raw(&self, request: &[u8]) -> (u16, String) {
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

    pub fn get(&self, path: &str) -> (u16, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
    }

    pub fn version(&self) -> String {
        self.get("/__dossier/version").1
    }

    /// Waits until a rebuild has finished since `before`; returns how long that took.
    pub fn wait_for_rebuild(&self, before: &str) -> Duration {
        let start = Instant::now();
        while self.version() == before {
            assert!(start.elapsed() < WAIT, "no rebuild within {WAIT:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
        start.elapsed()
    }

    /// Resident memory of the server, in KiB (Linux).
    pub fn rss_kib(&self) -> u64 {
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
