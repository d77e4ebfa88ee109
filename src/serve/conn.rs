//! Connections for `dossier serve`: who may hold one, for how long, and who makes room.
//!
//! Each connection has its own thread with blocking IO, which keeps the server small; what
//! a slow client holds is therefore a thread, and these rules bound it:
//! - the whole request head must arrive within `head_timeout` of the connection being
//!   accepted, however slowly it trickles (a timeout per read would let one byte every few
//!   seconds hold a thread for ever): 408 when it does not;
//! - at most `max_connections` at once, and at most `per_address` from one address (an
//!   IPv6 /64 counts as one), so one machine cannot take every thread;
//! - when a cap is reached, the connection that has waited longest for its head is closed
//!   (503) to make room for the newcomer. A real request's head arrives in one packet, so
//!   the longest wait is the slowest client's, and a fresh request is let in however many
//!   slow ones there are. Connections being answered are never closed; only when a cap is
//!   full of those is the newcomer refused;
//! - an answer must be taken within `ANSWER_TIME`, however slowly the client reads.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

pub const MAX_HEAD: usize = 16 * 1024;
const ANSWER_TIME: Duration = Duration::from_secs(60);

/// The caps. Tests lower or raise them with `DOSSIER_SERVE_MAX_CONNECTIONS`,
/// `DOSSIER_SERVE_PER_ADDRESS` and `DOSSIER_SERVE_HEAD_TIMEOUT_MS`.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_connections: usize,
    pub per_address: usize,
    pub head_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        // Half the threads for one address: a browser opens six connections per host, a
        // local link checker perhaps a hundred or two.
        Limits { max_connections: 512, per_address: 256, head_timeout: Duration::from_secs(10) }
    }
}

impl Limits {
    pub fn from_env() -> Result<Limits, String> {
        let number = |name: &str, default: u64| -> Result<u64, String> {
            match std::env::var(name) {
                Err(_) => Ok(default),
                Ok(text) => match text.trim().parse::<u64>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => Err(format!("{name} must be a whole number above 0, not `{}`", text.escape_debug())),
                },
            }
        };
        let d = Limits::default();
        let count = |name, default: usize| number(name, default as u64).map(|n| n.min(1 << 20) as usize);
        Ok(Limits {
            max_connections: count("DOSSIER_SERVE_MAX_CONNECTIONS", d.max_connections)?,
            per_address: count("DOSSIER_SERVE_PER_ADDRESS", d.per_address)?,
            head_timeout: Duration::from_millis(number("DOSSIER_SERVE_HEAD_TIMEOUT_MS", 10_000)?),
        })
    }
}

/// Every open connection, by the order it was accepted (ids only grow, so the first
/// waiting one in the map is the one that has waited longest).
pub struct Registry {
    limits: Limits,
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next: u64,
    entries: BTreeMap<u64, Entry>,
}

struct Entry {
    address: IpAddr,
    /// While the head is still arriving: the stream (to wake its reader) and its flag.
    waiting: Option<(Arc<TcpStream>, Arc<AtomicBool>)>,
}

/// A connection's place in the registry; dropping it frees the place.
pub struct Ticket {
    registry: Arc<Registry>,
    id: u64,
    evicted: Arc<AtomicBool>,
    deadline: Instant,
}

impl Registry {
    pub fn new(limits: Limits) -> Arc<Registry> {
        Arc::new(Registry { limits, open: Mutex::new(Open::default()) })
    }

    fn open(&self) -> MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A place for a new connection, making room if a cap is reached; None if every
    /// place the newcomer could take is held by a connection being answered.
    pub fn admit(self: &Arc<Self>, stream: &Arc<TcpStream>) -> Option<Ticket> {
        let address = stream.peer_addr().map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| key(a.ip()));
        let mut open = self.open();
        let same = open.entries.values().filter(|e| e.address == address).count();
        if same >= self.limits.per_address && !open.evict_oldest(Some(address)) {
            return None;
        }
        if open.entries.len() >= self.limits.max_connections && !open.evict_oldest(None) {
            return None;
        }
        let id = open.next;
        open.next += 1;
        let evicted = Arc::new(AtomicBool::new(false));
        open.entries.insert(id, Entry { address, waiting: Some((Arc::clone(stream), Arc::clone(&evicted))) });
        let deadline = Instant::now() + self.limits.head_timeout;
        Some(Ticket { registry: Arc::clone(self), id, evicted, deadline })
    }
}

impl Open {
    /// Closes the connection (from `address`, if given) that has waited longest for its
    /// head; false if there is none.
    fn evict_oldest(&mut self, address: Option<IpAddr>) -> bool {
        let oldest = self
            .entries
            .iter()
            .find(|(_, e)| e.waiting.is_some() && address.is_none_or(|a| e.address == a))
            .map(|(id, _)| *id);
        let Some(entry) = oldest.and_then(|id| self.entries.remove(&id)) else { return false };
        if let Some((stream, flag)) = entry.waiting {
            flag.store(true, Ordering::SeqCst);
            // Wakes its thread, blocked reading, which then answers 503; the write side
            // stays open for that answer.
            let _ = stream.shutdown(std::net::Shutdown::Read);
        }
        true
    }
}

/// Addresses as counted: IPv4 in IPv6 is IPv4, and an IPv6 /64 (one machine's share)
/// is one address.
fn key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) if !v6.is_loopback() => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        other => other,
    }
}

impl Ticket {
    /// The head is in: from now on the connection is being answered and is never evicted.
    pub fn answering(&self) {
        if let Some(entry) = self.registry.open().entries.get_mut(&self.id) {
            entry.waiting = None;
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.registry.open().entries.remove(&self.id);
    }
}

/// How reading a request head ended.
pub enum Head {
    Complete(Vec<u8>),
    /// The client closed the connection, or sent nothing at all in time.
    Gone,
    /// Only part of a head arrived before the deadline.
    Late,
    /// Closed to make room for a newer connection.
    Evicted,
    TooLarge,
}

/// Reads one request head, by the ticket's deadline for the whole head.
pub fn read_head(stream: &TcpStream, ticket: &Ticket) -> io::Result<Head> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let mut reader = stream;
    loop {
        if ticket.evicted.load(Ordering::SeqCst) {
            return Ok(Head::Evicted);
        }
        let left = ticket.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(if buf.is_empty() { Head::Gone } else { Head::Late });
        }
        stream.set_read_timeout(Some(left))?;
        let n = match reader.read(&mut chunk) {
            Ok(0) if ticket.evicted.load(Ordering::SeqCst) => return Ok(Head::Evicted),
            Ok(0) => return Ok(Head::Gone),
            Ok(n) => n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        // Only the new bytes (and the three before them) can complete the blank line, so
        // a head sent a byte at a time costs no more than one sent at once.
        let from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if buf[from..].windows(4).any(|w| w == b"\r\n\r\n") {
            return Ok(Head::Complete(buf));
        }
        if buf.len() > MAX_HEAD {
            return Ok(Head::TooLarge);
        }
    }
}

/// Closes gently after answering a client that had not finished sending: stops writing,
/// then reads and drops what it still sends for a moment, so that closing with its bytes
/// unread does not reset the connection and lose the answer before the client reads it.
pub fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let until = Instant::now() + Duration::from_secs(1);
    let (mut reader, mut sink, mut budget) = (stream, [0u8; 4096], 64 * 1024_usize);
    while budget > 0 {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match reader.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(n) => budget = budget.saturating_sub(n),
        }
    }
}

/// Starts the clock for an answer: every byte of it must be taken before the deadline.
pub fn answer_deadline() -> Instant {
    Instant::now() + ANSWER_TIME
}

/// Writes all of `bytes` by `deadline`, however slowly the client reads.
pub fn send(stream: &TcpStream, bytes: &[u8], deadline: Instant) -> io::Result<()> {
    let (mut writer, mut rest) = (stream, bytes);
    while !rest.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "client too slow to read the answer"));
        }
        stream.set_write_timeout(Some(left))?;
        match writer.write(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => rest = &rest[n..],
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
