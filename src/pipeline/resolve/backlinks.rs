//! Who refers to what, tidied for readers: one backlink row per referring item with
//! every way it refers; "Cited by" grouped per cited paragraph, one row per citing
//! item, each claim linked at its own anchor on the citing page.

use std::collections::{BTreeMap, BTreeSet};

use super::File;
use crate::model::dossier::{Backlink, CitedBy, CitedParagraph, CitingClaim, Link, Via};

/// A claim cited from a source: (paragraph number, citing item, the claim).
pub type Citing = (usize, Link, CitingClaim);

/// A short id made from `words` alone (FNV-1a, fixed across builds and Rust versions):
/// adding, removing or reordering other claims never moves it.
pub fn anchor(words: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    // Spacing and case do not change what a claim says; an edit of its words does.
    for word in words.split_whitespace() {
        for b in word.to_lowercase().bytes().chain([b' ']) {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    format!("c-{h:08x}")
}

impl File<'_> {
    /// The anchor of a claim with these words on this file's page; a second claim with
    /// the same words (or hash) gets `-2`, and so on, so ids stay unique on the page.
    pub(super) fn anchor(&mut self, words: &str) -> String {
        let base = anchor(words);
        let mut id = base.clone();
        let mut n = 1;
        while !self.anchors.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}

/// One row per referring item, its ways of referring merged, sorted by kind and title.
pub fn backlinks(refs: Vec<(String, Backlink)>) -> BTreeMap<String, Vec<Backlink>> {
    let mut map: BTreeMap<String, BTreeMap<String, (Backlink, BTreeSet<Via>)>> = BTreeMap::new();
    for (to, back) in refs {
        let rows = map.entry(to).or_default();
        let row = rows
            .entry(back.url.clone())
            .or_insert_with(|| (Backlink { via: Vec::new(), ..back.clone() }, BTreeSet::new()));
        row.1.extend(back.via);
    }
    map.into_iter()
        .map(|(to, rows)| {
            let mut list: Vec<Backlink> =
                rows.into_values().map(|(b, via)| Backlink { via: via.into_iter().collect(), ..b }).collect();
            list.sort();
            (to, list)
        })
        .collect()
}

/// "Cited by" for one source: per paragraph, one row per item (in title order), its
/// claims in the order written, each once.
pub fn group(mut list: Vec<Citing>) -> Vec<CitedParagraph> {
    // A stable sort keeps each item's claims in the order of its file.
    list.sort_by(|a, b| (a.0, &a.1.title, &a.1.url).cmp(&(b.0, &b.1.title, &b.1.url)));
    let mut out: Vec<CitedParagraph> = Vec::new();
    for (paragraph, item, claim) in list {
        if out.last().is_none_or(|g| g.paragraph != paragraph) {
            out.push(CitedParagraph { paragraph, rows: Vec::new() });
        }
        let Some(group) = out.last_mut() else { continue };
        if group.rows.last().is_none_or(|r| r.item.url != item.url) {
            group.rows.push(CitedBy { item, claims: Vec::new() });
        }
        let Some(row) = group.rows.last_mut() else { continue };
        // A claim quoting one paragraph twice is listed once: the page lists claims.
        if !row.claims.iter().any(|c| c.url == claim.url) {
            row.claims.push(claim);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;

    fn back(title: &str, via: Via) -> Backlink {
        let l = Link::new(Kind::Actor, &title.to_lowercase(), title);
        Backlink { kind: l.kind, title: l.title, url: l.url, via: vec![via] }
    }

    #[test]
    fn one_backlink_row_per_item_with_every_relation() {
        let refs = vec![
            ("x".to_string(), back("Macron", Via::Link)),
            ("x".to_string(), back("Macron", Via::Citation)),
            ("x".to_string(), back("Macron", Via::Link)),
            ("x".to_string(), back("Biden", Via::Actor)),
        ];
        let map = backlinks(refs);
        let rows: Vec<(&str, Vec<Via>)> = map["x"].iter().map(|b| (b.title.as_str(), b.via.clone())).collect();
        assert_eq!(rows, [("Biden", vec![Via::Actor]), ("Macron", vec![Via::Citation, Via::Link])]);
    }

    #[test]
    fn anchors_depend_on_the_words_only() {
        assert_eq!(anchor("The force  would stay"), anchor("the force would stay"));
        assert_ne!(anchor("the force would stay"), anchor("the force would go"));
        assert!(anchor("x").starts_with("c-") && anchor("x").len() == 10);
    }

    #[test]
    fn cited_by_groups_per_paragraph_and_item() {
        let item = |t: &str| Link::new(Kind::Pillar, &t.to_lowercase(), t);
        let claim = |t: &str, a: &str| CitingClaim { text: t.into(), quote: "q".into(), url: format!("x.html#{a}") };
        let list = vec![
            (3, item("B"), claim("b1", "1")),
            (1, item("A"), claim("a1", "2")),
            (3, item("A"), claim("a2", "3")),
            (3, item("B"), claim("b2", "4")),
            (3, item("B"), claim("b1", "1")),
        ];
        let groups = group(list);
        let shape: Vec<(usize, Vec<(&str, usize)>)> = groups
            .iter()
            .map(|g| (g.paragraph, g.rows.iter().map(|r| (r.item.title.as_str(), r.claims.len())).collect()))
            .collect();
        assert_eq!(shape, [(1, vec![("A", 1)]), (3, vec![("A", 1), ("B", 2)])]);
        assert_eq!(groups[1].rows[1].claims[0].text, "b1", "claims keep their written order");
    }
}
