//! Curated Markdown fields to safe HTML: `[[id]]` / `[[id|label]]` become links to items,
//! fenced code is highlighted by syntect with CSS classes (the stylesheet comes from
//! build.rs), and the result is sanitised by ammonia so raw HTML cannot run.
//!
//! Links are written relative to an item page (`../actors/x.html`); pages at the site
//! root rewrite them with the `rebase` template filter.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Must match `CLASS_STYLE` in build.rs, which writes the stylesheet for these classes.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// What a wikilink points to, as resolved by the caller.
pub struct Target {
    /// What a bare `[[id]]` shows: the item's short name for running text.
    pub title: String,
    /// Path from the site root, e.g. `actors/macron.html`.
    pub url: String,
    /// One line about the item, shown when the link is hovered.
    pub summary: String,
}

/// A wikilink whose id is not an item: its id and byte offset in the Markdown.
pub struct BrokenLink {
    pub id: String,
    pub offset: usize,
}

pub struct Rendered {
    pub html: String,
    /// The same text without markup, on one line, from the same events: links read as
    /// the names they show, entities decoded (for descriptions, search, "cited by").
    pub plain: String,
    /// Every id linked, in order (for backlinks).
    pub links: Vec<String>,
    pub broken: Vec<BrokenLink>,
    /// Set when the field nests elements deeper than `nesting::LIMIT` (raw HTML, or
    /// quotes and lists inside each other): the HTML is then empty, as the text is an error.
    pub too_deep: Option<usize>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_WIKILINKS
}

pub fn render(markdown: &str, resolve: &dyn Fn(&str) -> Option<Target>) -> Rendered {
    let mut links = Vec::new();
    let mut broken = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut in_wikilink: Option<(bool, String)> = None; // (has label, title to use)
    let mut code: Option<(String, String)> = None; // (language, text)
    let (mut depth, mut deepest, mut raw_html) = (0usize, 0usize, false);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(_) | Event::InlineHtml(_) => raw_html = true,
            _ => {}
        }
        match event {
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { has_pothole }, dest_url, id, .. }) => {
                let wanted = dest_url.trim().to_string();
                match resolve(&wanted) {
                    Some(target) => {
                        links.push(wanted);
                        in_wikilink = Some((has_pothole, target.title));
                        let url = CowStr::from(format!("../{}", target.url));
                        let title = CowStr::from(target.summary);
                        events.push(Event::Start(Tag::Link { link_type: LinkType::Inline, dest_url: url, title, id }));
                    }
                    None => {
                        let offset = range.start + markdown[range.clone()].find(&wanted).unwrap_or(0);
                        broken.push(BrokenLink { id: wanted, offset });
                        in_wikilink = Some((has_pothole, String::new()));
                        events.push(Event::Start(Tag::Emphasis));
                    }
                }
            }
            Event::End(TagEnd::Link) if in_wikilink.is_some() => {
                let resolved = in_wikilink.take().is_some_and(|(_, title)| !title.is_empty());
                events.push(Event::End(if resolved { TagEnd::Link } else { TagEnd::Emphasis }));
            }
            Event::Text(text) if in_wikilink.is_some() => {
                // `[[id]]` shows the item's title; `[[id|label]]` shows the label.
                let shown = match &in_wikilink {
                    Some((false, title)) if !title.is_empty() => CowStr::from(title.clone()),
                    _ => text,
                };
                events.push(Event::Text(shown));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, buf)) = &mut code {
                    buf.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text)) = code.take() {
                    events.push(Event::Html(highlight(&lang, &text).into()));
                }
            }
            other => events.push(other),
        }
    }
    if deepest > crate::text::nesting::LIMIT {
        return Rendered { html: String::new(), plain: String::new(), links, broken, too_deep: Some(deepest) };
    }
    let plain = plain_of_events(&events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // ammonia parses the HTML with html5ever, which slows quadratically with depth; raw
    // HTML can nest deeper than the Markdown shows, so it is measured first.
    if raw_html {
        if let Err(e) = crate::text::nesting::check_fragment(&html) {
            return Rendered { html: String::new(), plain, links, broken, too_deep: Some(e.depth) };
        }
    }
    Rendered { html: sanitiser().clean(&html).to_string(), plain, links, broken, too_deep: None }
}

/// The words of rendered events: text and code kept (pulldown-cmark has decoded
/// entities already), raw HTML tags dropped, blocks and line breaks read as spaces.
fn plain_of_events(events: &[Event]) -> String {
    let mut out = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::End(end)
                if !matches!(end, TagEnd::Link | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) =>
            {
                out.push(' ')
            }
            Event::Start(Tag::Item | Tag::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a Markdown field without markup, on one line (for link previews), with
/// `[[id]]` read as `name(id)` (the id itself only when `name` knows no such item).
pub fn plain_text(markdown: &str, name: &dyn Fn(&str) -> Option<String>) -> String {
    let mut events = Vec::new();
    let mut bare: Option<Option<String>> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Link { link_type: LinkType::WikiLink { has_pothole }, dest_url, .. }) => {
                bare = Some(if has_pothole { None } else { name(dest_url.trim()) });
            }
            Event::End(TagEnd::Link) => bare = None,
            Event::Text(t) => match &bare {
                Some(Some(shown)) => events.push(Event::Text(shown.clone().into())),
                _ => events.push(Event::Text(t)),
            },
            other => events.push(other),
        }
    }
    plain_of_events(&events)
}

/// The text of already-rendered (sanitised) HTML, tags dropped, entities decoded (those
/// ammonia's serialiser writes: `&amp; &lt; &gt; &quot; &nbsp;`, and `&#39;`). Block
/// tags become spaces; inline ones (links, emphasis) do not, so "[[x|Paris]]:" reads
/// "Paris:", not "Paris :".
pub fn plain_text_of_html(html: &str) -> String {
    const INLINE: [&str; 12] = ["a", "em", "strong", "code", "span", "b", "i", "del", "sup", "sub", "q", "mark"];
    let mut out = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(t), '>') => {
                let name =
                    t.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
                if !INLINE.contains(&name.to_ascii_lowercase().as_str()) {
                    out.push(' ');
                }
                tag = None;
            }
            (Some(t), c) => t.push(c),
            (None, c) => out.push(c),
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A highlighted `<pre>`; unknown languages come out as escaped plain text.
fn highlight(lang: &str, code: &str) -> String {
    let set = syntaxes();
    let syntax = (!lang.is_empty()).then(|| set.find_syntax_by_token(lang)).flatten();
    let body = match syntax {
        Some(syntax) => {
            let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
            let ok =
                LinesWithEndings::from(code).all(|line| gen.parse_html_for_line_which_includes_newline(line).is_ok());
            if ok {
                gen.finalize()
            } else {
                super::escape::html(code)
            }
        }
        None => super::escape::html(code),
    };
    format!("<pre class=\"code\"><code>{body}</code></pre>\n")
}

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_tag_attributes("span", &["class"]).add_tag_attributes("pre", &["class"]);
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(id: &str) -> Option<Target> {
        (id == "macron").then(|| Target {
            title: "Emmanuel Macron".into(),
            url: "actors/macron.html".into(),
            summary: "President of France".into(),
        })
    }

    #[test]
    fn wikilinks_resolve_and_report_broken_ones() {
        let r = render("See [[macron]], [[macron|the president]] and [[macrom]].", &resolve);
        assert!(
            r.html.contains(r#"<a href="../actors/macron.html" title="President of France" rel="noopener noreferrer">Emmanuel Macron</a>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(">the president</a>"));
        assert_eq!(r.links, ["macron", "macron"]);
        assert_eq!(r.broken.len(), 1);
        assert_eq!(r.broken[0].id, "macrom");
        assert_eq!(&"See [[macron]], [[macron|the president]] and [[macrom]]."[r.broken[0].offset..][..6], "macrom");
    }

    #[test]
    fn raw_html_is_sanitised() {
        let r = render(
            "<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)> and [x](javascript:alert(3)).",
            &resolve,
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onerror"), "{}", r.html);
        assert!(!r.html.contains("href=\"javascript"), "{}", r.html);
        assert!(r.html.contains("<img src=\"x\">"), "harmless markup stays: {}", r.html);
    }

    #[test]
    fn deep_nesting_is_reported_not_parsed() {
        let deep_html = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let deep_quotes = format!("{} x", ">".repeat(100_000));
        let deep_mixed = format!("{} {}x", ">".repeat(300), "<b>".repeat(300));
        for text in [deep_html, deep_quotes, deep_mixed] {
            let r = render(&text, &resolve);
            assert!(r.too_deep.is_some_and(|d| d > crate::text::nesting::LIMIT), "{:?}", r.too_deep);
            assert!(r.html.is_empty());
        }
        let r = render(&format!("{}x", "<b>".repeat(100)), &resolve);
        assert_eq!(r.too_deep, None);
        assert!(r.html.contains("<b><b>x"), "{}", r.html);
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```rust\nfn main() {}\n```\n", &resolve);
        assert!(r.html.contains("<pre class=\"code\">"), "{}", r.html);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
    }

    #[test]
    fn plain_text_strips_markup() {
        let name = |id: &str| (id == "macron").then(|| "Emmanuel Macron".to_string());
        assert_eq!(plain_text("A *b*\n\nc [[x|y]]", &name), "A b c y");
        assert_eq!(plain_text("Met [[macron]] and [[unknown-id]].", &name), "Met Emmanuel Macron and unknown-id.");
    }

    #[test]
    fn plain_reads_links_as_names_and_decodes_entities() {
        let r = render("At [[macron]]&nbsp;and [[macron|him]]: *a* &amp; `b`.\n\n- one\n- two", &resolve);
        assert_eq!(r.plain, "At Emmanuel Macron and him: a & b. one two");
        assert!(!r.plain.contains("macron"));
        assert_eq!(plain_text_of_html("a&nbsp;b &amp; c"), "a b & c");
    }

    #[test]
    fn plain_text_of_html_keeps_punctuation_against_links() {
        let r = render("At the [[macron|President]]: *he* said.\n\nNext", &resolve);
        assert_eq!(plain_text_of_html(&r.html), "At the President: he said. Next");
    }
}
