//! What a saved web page says about itself: headline, publisher, date, address and
//! author, from Open Graph and `article:` meta tags, JSON-LD (`NewsArticle` and kin,
//! alone, in an array or in an `@graph`), `<link rel=canonical>`, `<time datetime>` and
//! `<title>`/`<h1>`. The page is untrusted: every value is cleaned of control characters,
//! its whitespace collapsed and its length capped, and JSON that does not parse is
//! skipped (serde_json limits nesting, so no block can overflow the stack).

use scraper::{Html, Selector};
use serde_json::Value;

use crate::model::date::PartialDate;

/// The page's own account of itself; `None` where it is silent.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    /// A date the page gives that is not one `dossier` reads (kept to say so).
    pub unread_date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// A JSON-LD block longer than this is not read (no article's metadata needs it).
const JSON_LD_LIMIT: usize = 1 << 20;
/// Longest value kept: a headline, a name or an address.
const VALUE_LIMIT: usize = 400;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Control characters out, whitespace collapsed, at most `VALUE_LIMIT` characters.
fn clean(text: &str) -> Option<String> {
    let text = crate::text::strip_controls(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let text: String = text.chars().take(VALUE_LIMIT).collect();
    (!text.is_empty()).then_some(text)
}

/// An address worth storing: absolute http(s), no spaces.
fn clean_url(text: &str) -> Option<String> {
    let url = clean(text)?;
    let lower = url.to_ascii_lowercase();
    ((lower.starts_with("https://") || lower.starts_with("http://")) && !url.contains(' ')).then_some(url)
}

/// `2026-01-08T10:00:00Z`, `2026-01-08`: the day, as a date the dossier reads.
fn date(text: &str) -> Result<PartialDate, String> {
    let text = text.trim();
    let day = text.get(..10).unwrap_or(text);
    PartialDate::parse(day).map_err(|_| text.chars().take(40).collect())
}

/// The content of the first `<meta>` among `keys` (matched on `property`, then `name`).
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let metas = sel("meta[content]");
    for key in keys {
        for m in doc.select(&metas) {
            let e = m.value();
            let named = e.attr("property").or(e.attr("name")).or(e.attr("itemprop"));
            if named.is_some_and(|n| n.eq_ignore_ascii_case(key)) {
                if let Some(v) = e.attr("content").and_then(clean) {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// A JSON-LD value's text: a string, or an object's `name` (or the first of an array).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => a.iter().find_map(name_of),
        _ => None,
    }
}

fn is_article(v: &Value) -> bool {
    let article = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report";
    match v.get("@type") {
        Some(Value::String(t)) => article(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(article)),
        _ => false,
    }
}

/// The article object of every JSON-LD block: one alone, in an array, or in `@graph`.
fn json_ld_article(doc: &Html) -> Option<Value> {
    let mut objects = Vec::new();
    for script in doc.select(&sel("script[type]")) {
        if !script.value().attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let text: String = script.text().collect();
        if text.len() > JSON_LD_LIMIT {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        let mut pending = vec![value];
        // Two levels are enough for every layout in use (array of graphs of objects).
        for _ in 0..3 {
            let mut next = Vec::new();
            for v in pending {
                match v {
                    Value::Array(items) => next.extend(items),
                    Value::Object(mut o) => {
                        if let Some(graph) = o.remove("@graph") {
                            next.push(graph);
                        }
                        objects.push(Value::Object(o));
                    }
                    _ => {}
                }
            }
            pending = next;
        }
    }
    objects.into_iter().find(is_article)
}

/// Reads what the page says about itself. Open Graph first (what sites fill in for
/// link previews, usually the cleanest), then JSON-LD, then the document itself.
pub fn read(doc: &Html) -> PageMeta {
    let ld = json_ld_article(doc);
    let ld_field = |key: &str| ld.as_ref().and_then(|v| v.get(key));
    let ld_text = |key: &str| ld_field(key).and_then(name_of);
    let first_text =
        |selector: &str| doc.select(&sel(selector)).map(|e| e.text().collect::<String>()).find_map(|t| clean(&t));
    let title = meta(doc, &["og:title", "twitter:title"])
        .or_else(|| ld_text("headline"))
        .or_else(|| first_text("title"))
        .or_else(|| first_text("h1"));
    let publisher = meta(doc, &["og:site_name", "application-name"]).or_else(|| ld_text("publisher"));
    let url = doc
        .select(&sel("link[rel][href]"))
        .filter(|l| {
            l.value().attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")))
        })
        .find_map(|l| l.value().attr("href").and_then(clean_url))
        .or_else(|| meta(doc, &["og:url"]).and_then(|u| clean_url(&u)))
        .or_else(|| ld_field("url").and_then(Value::as_str).and_then(clean_url));
    // An author given as a profile address is not a name.
    let author = meta(doc, &["author", "article:author", "byl"])
        .filter(|a| !a.contains("://"))
        .or_else(|| ld_text("author"))
        .map(|a| a.trim_start_matches("By ").trim_start_matches("by ").to_string());
    let raw_date = meta(doc, &["article:published_time", "datePublished", "date", "dc.date"])
        .or_else(|| ld_field("datePublished").and_then(Value::as_str).and_then(clean))
        .or_else(|| doc.select(&sel("time[datetime]")).find_map(|t| t.value().attr("datetime").and_then(clean)));
    let (published, unread_date) = match raw_date.as_deref().map(date) {
        Some(Ok(d)) => (Some(d), None),
        Some(Err(raw)) => (None, Some(raw)),
        None => (None, None),
    };
    PageMeta { title, publisher, published, unread_date, url, author }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        read(&Html::parse_document(html))
    }

    #[test]
    fn open_graph_and_json_ld_graph() {
        let m = meta_of(
            r#"<html><head><title>Talks | Gazette</title>
            <meta property="og:title" content="Talks resume in Geneva">
            <link rel="canonical" href="https://gazette.example/talks">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"H","datePublished":"2026-01-08T09:30:00+01:00",
               "publisher":{"@type":"Organization","name":"Riverton Gazette"},
               "author":[{"@type":"Person","name":"Ana Lind"}]}]}</script></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(m.publisher.as_deref(), Some("Riverton Gazette"));
        assert_eq!(m.published.map(|d| d.iso()), Some("2026-01-08".into()));
        assert_eq!(m.url.as_deref(), Some("https://gazette.example/talks"));
        assert_eq!(m.author.as_deref(), Some("Ana Lind"));
    }

    #[test]
    fn json_ld_array_time_element_and_silence() {
        let m = meta_of(
            r#"<script type="application/ld+json">[{"@type":["NewsArticle"],"publisher":"Wire"}]</script>
            <h1>Only a heading</h1><time datetime="2025-12-15">Monday</time>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Only a heading"));
        assert_eq!(m.publisher.as_deref(), Some("Wire"));
        assert_eq!(m.published.map(|d| d.iso()), Some("2025-12-15".into()));
        assert_eq!(meta_of("<p>nothing</p>"), PageMeta::default());
    }

    #[test]
    fn hostile_values_are_cleaned_skipped_or_capped() {
        let long = "x".repeat(5000);
        let m = meta_of(&format!(
            r#"<meta property="og:title" content="<script>alert(1)</script>&#x1b;[31m red">
            <meta property="og:url" content="javascript:alert(1)">
            <meta property="article:published_time" content="yesterday">
            <meta property="og:site_name" content="{long}">
            <script type="application/ld+json">{{"@type":"NewsArticle", "headline": [[[[</script>
            <script type="application/ld+json">{}</script>"#,
            "[".repeat(100_000)
        ));
        assert_eq!(m.title.as_deref(), Some("<script>alert(1)</script> [31m red"));
        assert_eq!(m.url, None);
        assert_eq!(m.published, None);
        assert_eq!(m.unread_date.as_deref(), Some("yesterday"));
        assert_eq!(m.publisher.map(|p| p.chars().count()), Some(VALUE_LIMIT));
    }
}
