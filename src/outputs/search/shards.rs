//! How the search index is cut into files a page loads only when a search needs them.
//!
//! - Every document has a stable id, a 32-bit hash of its URL: adding a page renumbers
//!   nothing, so a new article changes only the shards of the terms it uses, its own
//!   document shard and the manifest, and the write stage keeps every other file as it was.
//! - Term shards: terms sorted and grouped by prefix, a group split by its next letter
//!   while it is over `TERM_SHARD_BYTES` (a small letter group stays with its parent), so
//!   a word's postings are in the shard of the longest shard key it begins with, and the
//!   terms a typed prefix begins are in that shard and the ones under it.
//! - Document shards: documents by the top bits of their id, about two to four a shard, so
//!   showing twenty results loads about sixty documents' text, at any size.
//! - Postings are a string per term: for each document, the gap from the previous id and a
//!   weight (occurrences times two, plus one if the title uses the term), each number in
//!   base 32 with its last digit from another alphabet ("varint" in letters), so the most
//!   common term of 50,000 sources is a few hundred KB, not megabytes.

use std::collections::{BTreeMap, HashSet};

/// A term shard is split while it holds more than this (bytes of its script).
pub const TERM_SHARD_BYTES: usize = 48 * 1024;

/// Digits that end a number, and digits that another follows.
const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// FNV-1a: a fixed hash (std's may change between Rust releases, and ids must not).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Ids for documents by URL: the hash of the URL, or for the rare URL whose hash another
/// took, the next free number (URLs taken in order, so the same set gives the same ids).
pub fn ids(urls: &[&str]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..urls.len()).collect();
    order.sort_unstable_by_key(|&i| urls[i]);
    let mut taken = HashSet::with_capacity(urls.len());
    let mut ids = vec![0; urls.len()];
    for i in order {
        let mut id = fnv1a(urls[i]);
        while !taken.insert(id) {
            id = id.wrapping_add(1);
        }
        ids[i] = id;
    }
    ids
}

/// Bits of the id that choose a document's shard: about four documents a shard at most
/// on average; it changes only when the number of documents crosses a power of two.
pub fn bucket_bits(docs: usize) -> u32 {
    let log = usize::BITS - docs.max(1).saturating_sub(1).leading_zeros();
    log.saturating_sub(2).min(24)
}

pub fn bucket(id: u32, bits: u32) -> u32 {
    if bits == 0 {
        0
    } else {
        id >> (32 - bits)
    }
}

fn push_number(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 13];
    let mut k = 0;
    loop {
        digits[k] = (n % 32) as u8;
        k += 1;
        n /= 32;
        if n == 0 {
            break;
        }
    }
    for (j, d) in digits[..k].iter().rev().enumerate() {
        let set = if j + 1 == k { LAST } else { MORE };
        out.push(set[*d as usize] as char);
    }
}

/// Postings as a string: (id gap, weight) for each (id, weight) sorted by id.
pub fn encode(postings: &mut [(u32, u32)]) -> String {
    postings.sort_unstable();
    let mut out = String::with_capacity(postings.len() * 5);
    let mut last = 0u32;
    for &(id, weight) in postings.iter() {
        push_number(&mut out, u64::from(id - last));
        push_number(&mut out, u64::from(weight));
        last = id;
    }
    out
}

/// The (id, weight) pairs of an encoded postings string (what search.js reads).
pub fn decode(text: &str) -> Vec<(u32, u32)> {
    let mut numbers = Vec::new();
    let mut n: u64 = 0;
    for b in text.bytes() {
        if let Some(d) = MORE.iter().position(|c| *c == b) {
            n = n * 32 + d as u64;
        } else if let Some(d) = LAST.iter().position(|c| *c == b) {
            numbers.push(n * 32 + d as u64);
            n = 0;
        }
    }
    let mut id = 0u64;
    numbers
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| {
            id += c[0];
            (id as u32, c[1] as u32)
        })
        .collect()
}

/// The file (under `static/search/t/`) of a term shard: its key's bytes in hex, so any
/// script's letters make a plain file name.
pub fn term_file(key: &str) -> String {
    let mut name = String::from("x");
    for b in key.bytes() {
        name.push_str(&format!("{b:02x}"));
    }
    name
}

/// A term and its encoded postings.
pub type Term = (String, String);

/// Term shards: key -> the terms (with their encoded postings) it holds. `terms` sorted.
pub fn plan(terms: &[Term]) -> BTreeMap<String, Vec<&Term>> {
    let mut out = BTreeMap::new();
    split(terms, 0, "", &mut out);
    out
}

fn size(t: &(String, String)) -> usize {
    t.0.len() + t.1.len() + 6
}

/// Places `terms` (all beginning with `prefix`, which is `depth` bytes long) in shards.
fn split<'a>(
    terms: &'a [(String, String)],
    depth: usize,
    prefix: &str,
    out: &mut BTreeMap<String, Vec<&'a (String, String)>>,
) {
    let total: usize = terms.iter().map(size).sum();
    if total <= TERM_SHARD_BYTES || terms.len() == 1 {
        if !terms.is_empty() {
            out.insert(prefix.to_string(), terms.iter().collect());
        }
        return;
    }
    // The prefix itself, if a term, stays in the prefix's shard; the rest by next letter.
    let mut keep: Vec<&(String, String)> = Vec::new();
    // (key, its terms, their bytes) per next letter.
    let mut groups: Vec<(String, &[Term], usize)> = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let Some(next) = terms[i].0[depth..].chars().next() else {
            keep.push(&terms[i]);
            i += 1;
            continue;
        };
        let key = format!("{prefix}{next}");
        let end = i + terms[i..].iter().take_while(|t| t.0.starts_with(&key)).count();
        let group = &terms[i..end];
        groups.push((key, group, group.iter().map(size).sum()));
        i = end;
    }
    // Small letter groups stay with the prefix, smallest first, while they fit: fewer,
    // fuller files than one per rare letter.
    groups.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.0.cmp(&b.0)));
    let mut kept: usize = keep.iter().map(|t| size(t)).sum();
    for (key, group, bytes) in groups {
        if bytes < TERM_SHARD_BYTES / 4 && kept + bytes <= TERM_SHARD_BYTES {
            keep.extend(group.iter());
            kept += bytes;
        } else {
            split(group, key.len(), &key, out);
        }
    }
    if !keep.is_empty() {
        keep.sort_by(|a, b| a.0.cmp(&b.0));
        out.insert(prefix.to_string(), keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_survive_encoding() {
        let mut p = vec![(u32::MAX, 1), (0, 0), (31, 32), (32, 1023), (4_000_000_000, 7)];
        let text = encode(&mut p);
        assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{text}");
        assert_eq!(decode(&text), p);
    }

    #[test]
    fn ids_do_not_move_when_a_page_is_added() {
        let urls: Vec<String> = (0..2000).map(|i| format!("sources/s{i}.html")).collect();
        let before: Vec<&str> = urls.iter().map(String::as_str).collect();
        let mut after = before.clone();
        after.insert(700, "sources/new.html");
        let (a, b) = (ids(&before), ids(&after));
        let moved = before.iter().enumerate().filter(|(i, _)| b[if *i < 700 { *i } else { i + 1 }] != a[*i]).count();
        assert!(moved <= 1, "{moved} ids moved");
        assert_eq!(b.iter().collect::<HashSet<_>>().len(), b.len(), "ids are unique");
    }

    #[test]
    fn every_term_is_in_the_shard_of_its_longest_key() {
        let mut terms: Vec<(String, String)> =
            (0..20_000).map(|i| (format!("{}{i}", ["ab", "abc", "b", "zé"][i % 4]), "x".repeat(i % 50))).collect();
        terms.push(("ab".into(), "y".repeat(60_000)));
        terms.sort();
        let shards = plan(&terms);
        assert!(shards.len() > 10, "{}", shards.len());
        let mut placed = 0;
        for (key, held) in &shards {
            for (t, _) in held {
                let longest =
                    (0..=t.len()).rev().filter(|&i| t.is_char_boundary(i)).find(|&i| shards.contains_key(&t[..i]));
                assert_eq!(longest.map(|i| &t[..i]), Some(key.as_str()), "{t}");
                placed += 1;
            }
            let bytes: usize = held.iter().map(|t| size(t)).sum();
            assert!(
                bytes <= TERM_SHARD_BYTES || held.len() == 1 || held.iter().any(|t| size(t) > TERM_SHARD_BYTES),
                "{key}: {bytes}"
            );
        }
        assert_eq!(placed, terms.len());
    }
}
