//! The HTTP side of `dossier serve`: a small static file server for one folder.
//!
//! It is a development server, built to be safe on a laptop rather than fast on the
//! internet: it answers GET and HEAD only, one request per connection, and refuses
//! anything it is unsure of. Invariants:
//! - no file outside the site folder is ever read: the path is percent-decoded once,
//!   `..`, `.`, backslashes and NUL are refused, and the resolved file (symlinks
//!   followed) must still lie inside the canonical site folder;
//! - only requests addressed to `localhost` or an IP address are answered (421
//!   otherwise): a web page elsewhere can point its own name at 127.0.0.1 (DNS
//!   rebinding), but its requests then carry that name, and it reads nothing;
//! - slow or idle clients cannot stop others being answered: see `conn`.

use std::fs;
use std::io::{self, Write};
use std::net::{IpAddr, Ipv6Addr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::conn::{self, Head, Limits, Registry, Ticket};
use super::Status;

const RELOAD_JS: &str = include_str!("reload.js");
const ERROR_HTML: &str = include_str!("error.html");

/// Accepts connections forever, each on its own thread.
pub fn run(listener: TcpListener, status: Arc<Status>, limits: Limits) {
    let registry = Registry::new(limits);
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => Arc::new(stream),
            // Out of file descriptors, say: the connection waits in the queue, and
            // accepting again at once would spin.
            Err(_) => {
                thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let Some(ticket) = registry.admit(&stream) else {
            // Every place is held by a connection being answered: a small answer fits in
            // the new socket's buffer, so this write cannot hold up the accepting.
            let body = "too many connections\n";
            let _ = stream.set_nonblocking(true);
            let _ = (&*stream).write(format!("{}{body}", head_of(503, "text/plain", body.len())).as_bytes());
            continue;
        };
        let status = Arc::clone(&status);
        // If the thread cannot start, the closure and the ticket in it are dropped, which
        // frees the place.
        let _ = thread::Builder::new().stack_size(256 * 1024).spawn(move || {
            let _ = handle(&stream, &ticket, &status);
        });
    }
}

fn handle(stream: &TcpStream, ticket: &Ticket, status: &Status) -> io::Result<()> {
    let head = match conn::read_head(stream, ticket)? {
        Head::Complete(head) => head,
        Head::Gone => return Ok(()),
        Head::Late => {
            respond(stream, 408, "text/plain", b"the request did not arrive in time\n", false)?;
            conn::linger(stream);
            return Ok(());
        }
        Head::Evicted => {
            let why = b"too many connections: this one, waiting longest for its request, was closed\n";
            return respond(stream, 503, "text/plain", why, false);
        }
        Head::TooLarge => {
            respond(stream, 431, "text/plain", b"request header fields too large\n", false)?;
            conn::linger(stream);
            return Ok(());
        }
    };
    ticket.answering();
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    let (method, target) = match request.parse(&head) {
        Ok(httparse::Status::Complete(_)) => (request.method.unwrap_or(""), request.path.unwrap_or("")),
        _ => return respond(stream, 400, "text/plain", b"bad request\n", false),
    };
    let mut hosts = request.headers.iter().filter(|h| h.name.eq_ignore_ascii_case("host"));
    match (hosts.next(), hosts.next()) {
        (_, Some(_)) => return respond(stream, 400, "text/plain", b"more than one Host header\n", false),
        (Some(host), None) if !host_allowed(host.value) => {
            let why =
                b"this server answers only requests to localhost or an IP address, such as http://127.0.0.1:PORT/\n";
            return respond(stream, 421, "text/plain", why, false);
        }
        // No Host at all: an HTTP/1.0 tool, never a browser (browsers always send one).
        _ => {}
    }
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(stream, 405, "text/plain", b"only GET and HEAD\n", head_only);
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    match path {
        "/__dossier/reload.js" => {
            return respond(stream, 200, "text/javascript; charset=utf-8", RELOAD_JS.as_bytes(), head_only)
        }
        "/__dossier/version" => {
            let version = status.version().to_string();
            return respond(stream, 200, "text/plain", version.as_bytes(), head_only);
        }
        _ => {}
    }
    let Some(relative) = safe_relative(path) else {
        return respond(stream, 400, "text/plain", b"bad path\n", head_only);
    };
    if let Some(error) = status.error() {
        if relative.extension().is_none_or(|e| e == "html") {
            let page = inject(&error_page(&error), status.version());
            return respond(stream, 500, "text/html; charset=utf-8", page.as_bytes(), head_only);
        }
    }
    let site = status.site();
    match resolve_file(&site, &relative) {
        Some(file) => {
            let bytes = fs::read(&file)?;
            let kind = content_type(&file);
            if kind.starts_with("text/html") {
                let page = inject(&String::from_utf8_lossy(&bytes), status.version());
                respond(stream, 200, kind, page.as_bytes(), head_only)
            } else {
                respond(stream, 200, kind, &bytes, head_only)
            }
        }
        // Browsers ask for an icon the site does not have; an empty answer keeps their
        // consoles free of a 404 that is not the site's fault.
        None if relative == Path::new("favicon.ico") => respond(stream, 204, "image/x-icon", b"", true),
        None => {
            let page = resolve_file(&site, Path::new("404.html")).and_then(|p| fs::read(p).ok());
            let page =
                inject(&String::from_utf8_lossy(&page.unwrap_or_else(|| b"not found".to_vec())), status.version());
            respond(stream, 404, "text/html; charset=utf-8", page.as_bytes(), head_only)
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

/// The page every request gets while the build fails: `error.html`, with the error text
/// escaped by the one escaper the theme uses. It is not part of the theme on purpose: it
/// must show even when the theme is what is broken.
fn error_page(error: &str) -> String {
    ERROR_HTML.replace("{{ error }}", &crate::text::escape::html(error))
}

/// Whether a Host header names this server in a way no other site can: `localhost` (or a
/// name under it, which browsers keep on this machine) or an IP address, any port.
fn host_allowed(value: &[u8]) -> bool {
    let Ok(host) = std::str::from_utf8(value) else { return false };
    let host = host.trim();
    let name = match host.strip_prefix('[') {
        // [v6] or [v6]:port
        Some(rest) => match rest.split_once(']') {
            Some((v6, port)) if port.is_empty() || port.strip_prefix(':').is_some_and(port_ok) => {
                return v6.parse::<Ipv6Addr>().is_ok()
            }
            _ => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if port_ok(port) => name,
            Some(_) => return false,
            None => host,
        },
    };
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name.parse::<IpAddr>().is_ok() || name == "localhost" || name.ends_with(".localhost")
}

fn port_ok(port: &str) -> bool {
    !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
}

fn head_of(code: u16, kind: &str, length: usize) -> String {
    let reason = match code {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Service Unavailable",
    };
    format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {length}\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
    )
}

fn respond(stream: &TcpStream, code: u16, kind: &str, body: &[u8], head_only: bool) -> io::Result<()> {
    let deadline = conn::answer_deadline();
    conn::send(stream, head_of(code, kind, body.len()).as_bytes(), deadline)?;
    if !head_only {
        conn::send(stream, body, deadline)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_page_shows_the_error_as_text() {
        let page = error_page("content/a.yaml:1:1: error: `<script>alert(1)</script>` & more");
        assert!(page.contains("<pre id=\"dossier-build-error\">content/a.yaml:1:1: error: `&lt;script&gt;alert(1)&lt;/script&gt;` &amp; more</pre>"), "{page}");
        assert!(!page.contains("<script>") && !page.contains("{{"), "{page}");
    }

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
    fn only_hosts_no_other_site_can_claim_are_answered() {
        for good in
            ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "[::1]", "192.168.1.5:80", "a.localhost:1"]
        {
            assert!(host_allowed(good.as_bytes()), "{good}");
        }
        for bad in ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io:8000", "", ":80"] {
            assert!(!host_allowed(bad.as_bytes()), "{bad}");
        }
        for bad in ["localhost:80x", "[::1]x", "[::1]80", "[evil]:80", "localhost:123456", "local\u{ff}host"] {
            assert!(!host_allowed(bad.as_bytes()), "{bad}");
        }
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
