//! Pages with a budget: a list that can grow with the dossier (an actor's "Mentioned
//! in", an item's "Referenced by", the sources index) shows its first entries where it
//! stands and continues on numbered list pages beside it, so no page grows with the
//! number of sources. The entries keep the order the list already has, which is its
//! order of relevance: mentions by how often the source names the actor (most first),
//! sources newest first, backlinks by kind then title.
//!
//! Nothing is lost: the item page holds entries `0..ITEM`, list page 2 the next
//! `PAGE`, and so on; the union of the pages is the whole list, each entry once.
//! List pages sit in the same folder as the page they continue (`actors/x.html` →
//! `actors/x.mentions-2.html`), so `root` stays one `../`; the `.` cannot occur in an
//! id, so no name collides with an item's page.

use serde_json::{json, Value};

use super::context::{Common, WithCommon};
use super::{value, Data, Page, SiteInfo};
use crate::model::dossier::Dossier;
use crate::model::kind::Kind;

/// How many entries of a long list an item page shows, and how many each list page
/// holds. `DOSSIER_PAGE_SIZES=ITEM,PAGE` overrides both (tests use small sizes to
/// exercise paging on a small dossier).
#[derive(Clone, Copy)]
pub struct Sizes {
    pub item: usize,
    pub page: usize,
}

impl Sizes {
    pub fn get() -> Sizes {
        let parsed = std::env::var("DOSSIER_PAGE_SIZES").ok().and_then(|v| {
            let (a, b) = v.split_once(',')?;
            Some(Sizes { item: a.trim().parse().ok()?, page: b.trim().parse().ok()? })
        });
        parsed.filter(|s| s.item > 0 && s.page > 0).unwrap_or(Sizes { item: 100, page: 500 })
    }
}

/// One long list of one page: what it is called in paths and headings.
pub struct List<'a> {
    /// The page the list belongs to, e.g. `actors/macron.html`.
    pub owner_url: &'a str,
    pub owner_title: &'a str,
    /// In file names, e.g. `mentions`.
    pub slug: &'a str,
    /// Which markup the template uses for an entry: `mentions`, `backlinks`, `entries`.
    pub shape: &'a str,
    pub section: &'a str,
}

/// The address of list page `n` (2 and up) of a list.
fn page_url(list: &List, n: usize) -> String {
    let stem = list.owner_url.strip_suffix(".html").unwrap_or(list.owner_url);
    format!("{stem}.{}-{n}.html", list.slug)
}

/// What the first page says of the rest: `count` more entries on `pages` list pages,
/// starting at `url`. `None` when the list fits where it stands.
pub fn more(list: &List, total: usize, first: usize, sizes: Sizes) -> Option<Value> {
    let count = total.checked_sub(first).filter(|&c| c > 0)?;
    let pages = count.div_ceil(sizes.page);
    Some(json!({ "count": count, "pages": pages, "url": page_url(list, 2) }))
}

/// Cuts `entries` (a JSON array) to what an item page shows, returning the rest.
pub fn split_off(entries: Option<&mut Value>, sizes: Sizes) -> Vec<Value> {
    match entries {
        Some(Value::Array(list)) if list.len() > sizes.item => list.split_off(sizes.item),
        _ => Vec::new(),
    }
}

/// The list pages holding `rest`, the entries after the first page's `first`.
pub fn pages<'d>(site: &SiteInfo, list: &List, first: usize, rest: Vec<Value>, sizes: Sizes) -> Vec<Page<'d>> {
    let total = first + rest.len();
    let count = rest.len().div_ceil(sizes.page) + 1;
    let mut out = Vec::with_capacity(count);
    let mut rest = rest.into_iter();
    for n in 2..=count {
        let entries: Vec<Value> = rest.by_ref().take(sizes.page).collect();
        let start = first + (n - 2) * sizes.page;
        let path = page_url(list, n);
        let prev = if n == 2 { list.owner_url.to_string() } else { page_url(list, n - 1) };
        let next = (n < count).then(|| page_url(list, n + 1));
        let extra = json!({
            "list": { "shape": list.shape, "owner": { "url": list.owner_url, "title": list.owner_title } },
            "entries": entries, "page": n, "pages": count, "prev": prev, "next": next,
            "from": start + 1, "to": start + entries.len(), "total": total,
        });
        let data = serde_json::to_value(WithCommon { common: Common::new(site, &path, list.section), page: extra })
            .unwrap_or_default();
        out.push(Page { path, template: "more.html", data: Data::Ready(data), lastmod: None });
    }
    out
}

/// The long lists an item page of `kind` has: (slug, shape, where in its context).
fn lists_of(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Actor => &[("mentions", "mentions"), ("referenced-by", "backlinks")],
        // A source's own lists are bounded by its paragraphs and the items citing it.
        Kind::Source => &[],
        _ => &[("referenced-by", "backlinks")],
    }
}

/// Cuts an item page's long lists (`item.mentions`, `backlinks`) to what the page shows
/// and returns what it says of the rest, by list (`more.mentions`, `more.backlinks`).
pub fn trim(kind: Kind, url: &str, title: &str, item: &mut Value, backlinks: &mut Value) -> Value {
    let sizes = Sizes::get();
    let mut more_of = serde_json::Map::new();
    for &(slug, shape) in lists_of(kind) {
        let entries = if shape == "mentions" { item.get_mut("mentions") } else { Some(&mut *backlinks) };
        let total = entries.as_ref().and_then(|e| e.as_array()).map_or(0, Vec::len);
        split_off(entries, sizes);
        let list = List { owner_url: url, owner_title: title, slug, shape, section: kind.dir() };
        more_of.insert(shape.into(), more(&list, total, sizes.item, sizes).unwrap_or(Value::Null));
    }
    Value::Object(more_of)
}

/// The list pages continuing every item page's long lists (see `trim`).
pub fn item_lists<'d>(d: &'d Dossier) -> Vec<Page<'d>> {
    let sizes = Sizes::get();
    let site = SiteInfo::of(d);
    let heads = d.pillars.iter().map(|x| (Kind::Pillar, &x.head, None));
    let heads = heads.chain(d.questions.iter().map(|x| (Kind::Question, &x.head, None)));
    let heads = heads.chain(d.actors.iter().map(|x| (Kind::Actor, &x.head, Some(&x.mentions))));
    let heads = heads.chain(d.events.iter().map(|x| (Kind::Event, &x.head, None)));
    let heads = heads.chain(d.figures.iter().map(|x| (Kind::Figure, &x.head, None)));
    let mut out = Vec::new();
    for (kind, head, mentions) in heads {
        let link = &head.link;
        for &(slug, shape) in lists_of(kind) {
            let rest = match (shape, mentions) {
                ("mentions", Some(m)) if m.len() > sizes.item => value(&m[sizes.item..]),
                ("backlinks", _) => match d.backlinks.get(&link.id) {
                    Some(b) if b.len() > sizes.item => value(&b[sizes.item..]),
                    _ => continue,
                },
                _ => continue,
            };
            let Value::Array(rest) = rest else { continue };
            let list = List { owner_url: &link.url, owner_title: &link.title, slug, shape, section: kind.dir() };
            out.extend(pages(&site, &list, sizes.item, rest, sizes));
        }
    }
    out
}

/// A list page (`sources/index.html`) cut to one page's worth of entries, with `more`
/// added, and the list pages holding the rest.
pub fn index<'d>(d: &'d Dossier, kind: Kind, title: &str, first: Page<'d>) -> Vec<Page<'d>> {
    let Data::Ready(mut data) = first.data else { return vec![first] };
    let sizes = Sizes::get();
    let sizes = Sizes { item: sizes.page, page: sizes.page };
    let url = format!("{}/index.html", kind.dir());
    let total = data.get("entries").and_then(Value::as_array).map_or(0, Vec::len);
    let rest = split_off(data.get_mut("entries"), sizes);
    let list = List { owner_url: &url, owner_title: title, slug: "page", shape: "entries", section: kind.dir() };
    if let Value::Object(map) = &mut data {
        map.insert("more".into(), more(&list, total, sizes.item, sizes).unwrap_or(Value::Null));
    }
    let site = SiteInfo::of(d);
    let first = Page { data: Data::Ready(data), ..first };
    std::iter::once(first).chain(pages(&site, &list, sizes.item, rest, sizes)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_pages_hold_the_rest_once_and_link_in_order() {
        let list = List {
            owner_url: "actors/a.html",
            owner_title: "A",
            slug: "mentions",
            shape: "mentions",
            section: "actors",
        };
        let sizes = Sizes { item: 3, page: 4 };
        let mut all = Value::Array((0..12).map(|i| json!(i)).collect());
        let rest = split_off(Some(&mut all), sizes);
        assert_eq!(all.as_array().map(Vec::len), Some(3));
        let m = more(&list, 12, 3, sizes).unwrap_or_default();
        assert_eq!(m["count"], 9);
        assert_eq!(m["pages"], 3);
        assert_eq!(page_url(&list, 2), "actors/a.mentions-2.html");
        assert!(more(&list, 3, 3, sizes).is_none());
        assert_eq!(rest.len(), 9);
    }
}
