//! The files a host and a feed reader need besides the pages: `404.html`, `feed.xml`,
//! `sitemap.xml` and `robots.txt`.

use serde::Serialize;

use super::context::{ready, Common, NotFound, WithCommon};
use super::{Page, SiteInfo};
use crate::model::base_url::BaseUrl;
use crate::model::date::PartialDate;
use crate::model::dossier::{Dossier, Source};
use crate::outputs::edition::Edition;

/// `base_url` with exactly one trailing slash, or "".
fn base_url(d: &Dossier) -> String {
    d.meta.base_url.as_ref().map(BaseUrl::with_slash).unwrap_or_default()
}

/// `404.html`, which a host serves at any depth: with a `base_url`, its links, styles and
/// scripts are absolute (`root` is the base URL); without, 404.html finds the root itself.
pub(super) fn not_found<'d>(d: &Dossier) -> Page<'d> {
    let base = base_url(d);
    let site = SiteInfo::of(d);
    let mut common = Common::new(&site, "404.html", "home");
    if !base.is_empty() {
        common.root = base.clone();
    }
    // Not a page to point search engines at.
    common.canonical = None;
    ready("404.html", "404.html", WithCommon { common, page: NotFound { base_url: base } })
}

/// `sitemap.xml`.
#[derive(Serialize)]
struct Sitemap {
    urls: Vec<SitemapUrl>,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

/// `robots.txt`.
#[derive(Serialize)]
struct Robots {
    sitemap: Option<String>,
}

/// `sitemap.xml` (only with a `base_url`: sitemaps need absolute addresses) and
/// `robots.txt`, pointing at the sitemap when there is one.
pub(super) fn publishing_files(d: &Dossier, pages: &mut Vec<Page<'_>>) {
    let base = base_url(d);
    if !base.is_empty() {
        let urls = pages
            .iter()
            .filter(|p| p.path.ends_with(".html") && p.path != "404.html" && p.path != "review.html")
            .map(|p| SitemapUrl {
                loc: format!("{base}{}", p.path),
                lastmod: p.lastmod.filter(|r| r.day.is_some() && !r.approximate).map(|r| r.iso()),
            })
            .collect();
        pages.push(ready("sitemap.xml", "sitemap.xml", Sitemap { urls }));
    }
    let sitemap = (!base.is_empty()).then(|| format!("{base}sitemap.xml"));
    pages.push(ready("robots.txt", "robots.txt", Robots { sitemap }));
}

const FEED_ENTRIES: usize = 50;

/// `feed.xml`.
#[derive(Serialize)]
struct Feed<'d> {
    title: &'d str,
    subtitle: Option<&'d str>,
    home: String,
    self_link: String,
    id: String,
    updated: String,
    entries: Vec<FeedEntry<'d>>,
}

#[derive(Serialize)]
struct FeedEntry<'d> {
    title: String,
    link: String,
    id: String,
    updated: String,
    publisher: Option<&'d str>,
    summary: String,
}

/// `feed.xml`: an Atom feed of the editions and the sources, newest first. Links are
/// absolute when `base_url` is set and relative (valid Atom either way) when it is not.
pub(super) fn feed<'d>(d: &'d Dossier, edition: &Edition) -> Page<'d> {
    let base = base_url(d);
    let id_base = if base.is_empty() {
        format!("urn:dossier:{}:", crate::model::kind::suggest_id(&d.meta.title))
    } else {
        base.clone()
    };
    let date_of = |s: &Source| s.published.or(s.retrieved).unwrap_or(d.meta.as_of);
    let updated = d.sources.iter().map(date_of).max().unwrap_or(d.meta.as_of).max(d.meta.as_of);
    // One entry per edition, saying what it changed, then the sources: sorted newest
    // first, a feed carries the latest, as feeds do.
    let editions = edition.history.iter().map(|e| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("n", e.number.to_string());
        args.set("summary", e.summary.clone());
        args.set("title", d.meta.title.clone());
        FeedEntry {
            title: d.messages.text("feed-edition-title", Some(&args)),
            link: format!("{base}changes.html"),
            id: format!("{id_base}changes.html#edition-{}", e.number),
            updated: PartialDate::parse(&e.as_of).unwrap_or(d.meta.as_of).rfc3339(),
            publisher: None,
            summary: d.messages.text("feed-edition-summary", Some(&args)),
        }
    });
    let sources = d.sources.iter().take(FEED_ENTRIES).map(|s| FeedEntry {
        title: s.head.link.title.clone(),
        link: format!("{base}{}", s.head.link.url),
        id: format!("{id_base}{}", s.head.link.url),
        updated: date_of(s).rfc3339(),
        publisher: s.publisher.as_deref(),
        summary: s.head.summary_text.clone(),
    });
    let feed = Feed {
        title: &d.meta.title,
        subtitle: d.meta.subtitle.as_deref(),
        home: format!("{base}index.html"),
        self_link: format!("{base}feed.xml"),
        id: format!("{id_base}index.html"),
        updated: updated.rfc3339(),
        entries: editions.chain(sources).collect(),
    };
    ready("feed.xml", "feed.xml", feed)
}
