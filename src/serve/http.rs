//! The HTTP side of `dossier serve`: a small static file server for one folder.
//!
//! It is a development server, built to be safe on a laptop rather than fast on the
//! internet: it answers GET and HEAD only, one request per connection, and refuses
//! anything it is unsure of. Invariants:
//! - no file outside the site folder is ever read: the path is percent-decoded once,
//!   `..`, `.`, backslashes and NUL are refused, and the resolved file (symlinks
//!   followed) must still lie inside the canonical site folder;
//! - a request head is at most `MAX_HEAD` bytes and must arrive within `READ_TIMEOUT`;
//! - each connection has its own thread, at most `MAX_CONNECTIONS` at once, so idle or
//!   slow clients cannot stop others being answered.

use std::fs;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::Status;

pub const MAX_HEAD: usize = 16 * 1024;
pub const MAX_CONNECTIONS: usize = 512;
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const RELOAD_JS: &str = include_str!("reload.js");

/// Accepts connections forever, each on its own thread.
pub fn run(listener: TcpListener, status: Arc<Status>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = respond(&mut stream, 503, "text/plain", b"too many connections\n", false);
            continue;
        }
        let (status, count) = (Arc::clone(&status), Arc::clone(&open));
        let spawned = thread::Builder::new().stack_size(256 * 1024).spawn(move || {
            let _ = handle(stream, &status);
            count.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Reads one request head: Ok(None) if the client closed or sent nothing in time.
fn read_head(stream: &mut TcpStream) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Ok(None),
            Ok(n) => n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => return Ok(None),
            Err(e) => return Err(e),
        };
        buf.extend_from_slice(&chunk[..n]);
        if buf.windows(4).any(|w| w == b"\r\n\r\n") {
            return Ok(Some(buf));
        }
        if buf.len() > MAX_HEAD {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "request head too large"));
        }
    }
}

fn handle(mut stream: TcpStream, status: &Status) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    stream.set_write_timeout(Some(READ_TIMEOUT))?;
    let head = match read_head(&mut stream) {
        Ok(Some(head)) => head,
        Ok(None) => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return respond(&mut stream, 431, "text/plain", b"request header fields too large\n", false)
        }
        Err(e) => return Err(e),
    };
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    let (method, target) = match request.parse(&head) {
        Ok(httparse::Status::Complete(_)) => (request.method.unwrap_or(""), request.path.unwrap_or("")),
        _ => return respond(&mut stream, 400, "text/plain", b"bad request\n", false),
    };
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(&mut stream, 405, "text/plain", b"only GET and HEAD\n", head_only);
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    match path {
        "/__dossier/reload.js" => {
            return respond(&mut stream, 200, "text/javascript; charset=utf-8", RELOAD_JS.as_bytes(), head_only)
        }
        "/__dossier/version" => {
            let version = status.version().to_string();
            return respond(&mut stream, 200, "text/plain", version.as_bytes(), head_only);
        }
        _ => {}
    }
    let Some(relative) = safe_relative(path) else {
        return respond(&mut stream, 400, "text/plain", b"bad path\n", head_only);
    };
    if let Some(error) = status.error() {
        if relative.extension().is_none_or(|e| e == "html") {
            let page = inject(&error_page(&error), status.version());
            return respond(&mut stream, 500, "text/html; charset=utf-8", page.as_bytes(), head_only);
        }
    }
    let site = status.site();
    match resolve_file(&site, &relative) {
        Some(file) => {
            let bytes = fs::read(&file)?;
            let kind = content_type(&file);
            if kind.starts_with("text/html") {
                let page = inject(&String::from_utf8_lossy(&bytes), status.version());
                respond(&mut stream, 200, kind, page.as_bytes(), head_only)
            } else {
                respond(&mut stream, 200, kind, &bytes, head_only)
            }
        }
        // Browsers ask for an icon the site does not have; an empty answer keeps their
        // consoles free of a 404 that is not the site's fault.
        None if relative == Path::new("favicon.ico") => respond(&mut stream, 204, "image/x-icon", b"", true),
        None => {
            let page = resolve_file(&site, Path::new("404.html")).and_then(|p| fs::read(p).ok());
            let page =
                inject(&String::from_utf8_lossy(&page.unwrap_or_else(|| b"not found".to_vec())), status.version());
            respond(&mut stream, 404, "text/html; charset=utf-8", page.as_bytes(), head_only)
        }
    }
}

/// The request path as a relative path inside the site, or None if it could leave it.
pub fn safe_relative(path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut out = PathBuf::new();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part == "." || part == ".." {
            return None;
        }
        out.push(part);
    }
    // Only plain names remain: no root, prefix or parent component can sneak in.
    out.components().all(|c| matches!(c, Component::Normal(_))).then_some(out)
}

/// The file for `relative` (a folder means its index.html), if it exists inside `site`
/// once every symlink is followed.
fn resolve_file(site: &Path, relative: &Path) -> Option<PathBuf> {
    let site = site.canonicalize().ok()?;
    let mut file = site.join(relative).canonicalize().ok()?;
    if file.is_dir() {
        file = file.join("index.html").canonicalize().ok()?;
    }
    (file.starts_with(&site) && file.is_file()).then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script to a page served by `serve` (never to the built files), and
/// lets the page's Content-Security-Policy allow it to ask the server for the version.
fn inject(html: &str, version: u64) -> String {
    // The theme's policy forbids every connection (`connect-src 'none'`); the reload
    // script needs one, to this server only.
    let html = if html.contains("connect-src 'none'") {
        html.replacen("connect-src 'none'", "connect-src 'self'", 1)
    } else {
        html.replacen("default-src 'none'", "default-src 'none'; connect-src 'self'", 1)
    };
    let script = format!("<script src=\"/__dossier/reload.js?v={version}\"></script>");
    match html.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &html[..at], &html[at..]),
        None => html + &script,
    }
}

fn error_page(error: &str) -> String {
    let text = error.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title>\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\">\
         </head><body><h1>The build failed</h1><p>The site is not shown until this is fixed; the page reloads \
         when it is.</p><pre id=\"dossier-build-error\">{text}</pre></body></html>\n"
    )
}

fn respond(stream: &mut TcpStream, code: u16, kind: &str, body: &[u8], head_only: bool) -> io::Result<()> {
    let reason = match code {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Service Unavailable",
    };
    let head = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_could_leave_the_site_are_refused() {
        for bad in ["/../x", "/%2e%2e/x", "/a/%2E%2E/%2e%2e/x", "/..%2fx", "/a\\..\\x", "/%00", "/./x", "x", "/%ff"] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
        assert_eq!(safe_relative("/actors/a%20b.html"), Some(PathBuf::from("actors/a b.html")));
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
        // Decoded once: a double-encoded dot is a literal name, not a parent.
        assert_eq!(safe_relative("/%252e%252e/x"), Some(PathBuf::from("%2e%2e/x")));
    }

    #[test]
    fn the_reload_script_goes_in_before_the_body_ends() {
        let html = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"><body>x</body>";
        let out = inject(html, 7);
        assert!(out.contains("default-src 'none'; connect-src 'self'; script-src 'self'"));
        let theme = inject("content=\"default-src 'none'; connect-src 'none'\"", 1);
        assert!(theme.contains("default-src 'none'; connect-src 'self'\""), "{theme}");
        assert!(out.ends_with("x<script src=\"/__dossier/reload.js?v=7\"></script></body>"));
    }
}
