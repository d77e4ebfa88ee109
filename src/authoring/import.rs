//! `dossier add`: a raw article (plain text, Markdown or HTML) becomes a source file,
//! `content/sources/<id>.md`. HTML goes through a real parser (html5ever, via scraper)
//! and is reduced to its paragraphs; scripts, styles, navigation and forms are dropped.
//! The text is stored so that it reads back exactly as it arrived: characters that
//! Markdown would turn into formatting are escaped.

use std::fs;
use std::path::{Path, PathBuf};

use scraper::{ElementRef, Node};

use super::metadata::{self, PageMeta};
use crate::model::date::PartialDate;
use crate::model::files::SourceFrontMatter;
use crate::model::kind::suggest_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// From the file extension, else from a look at the start of the text.
    pub fn detect(path: &Path, text: &str) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            Some("txt" | "text") => Format::Text,
            _ => {
                let head = text.trim_start().get(..200).unwrap_or(text.trim_start()).to_ascii_lowercase();
                if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
                    Format::Html
                } else {
                    Format::Text
                }
            }
        }
    }
}

/// An article reduced to a title guess and its paragraphs (Markdown, ready to store).
pub struct Article {
    pub title: Option<String>,
    pub body: String,
    /// What a saved web page says about itself (empty for text and Markdown).
    pub meta: PageMeta,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "iframe", "object", "embed", "svg", "canvas", "menu", "dialog",
];
/// Elements that are one paragraph each.
const BLOCKS: &[&str] =
    &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "td", "th"];

/// The article cannot be imported: its HTML nests elements deeper than any page a
/// browser shows (`nesting::LIMIT`).
pub use crate::text::nesting::TooDeep;

/// The article's title guess and paragraphs. Control characters never reach them (a
/// carriage return is a line break, any other becomes a space): an article from the open
/// web may carry escape sequences meant for a terminal.
pub fn read(text: &str, format: Format) -> Result<Article, TooDeep> {
    let article = match format {
        Format::Html => from_html(text)?,
        Format::Markdown => {
            let text = crate::text::strip_controls(text);
            let title = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(|l| l.trim_start_matches('#').trim().to_string());
            Article { title, body: text.trim().to_string(), meta: PageMeta::default() }
        }
        // A lone CR (old Mac files) ends a line for Markdown too: `.\r-` would read back
        // as a heading underlined by `-` unless the `-` line is its own, escaped, paragraph.
        Format::Text => from_text(&crate::text::strip_controls(text)),
    };
    Ok(article)
}

/// Plain text: paragraphs are separated by blank lines, or, where the text has none,
/// are its lines (as news text pasted from the web often is). The first line is the
/// title guess.
fn from_text(text: &str) -> Article {
    let paragraphs: Vec<String> = if text.contains("\n\n") {
        text.split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
    } else {
        text.lines().map(|l| l.trim().to_string()).collect()
    };
    let paragraphs: Vec<String> = paragraphs.into_iter().filter(|p| !p.is_empty()).collect();
    let title = paragraphs.first().cloned();
    let body = paragraphs.iter().map(|p| escape_markdown(p)).collect::<Vec<_>>().join("\n\n");
    Article { title, body, meta: PageMeta::default() }
}

fn from_html(text: &str) -> Result<Article, TooDeep> {
    let doc = crate::text::nesting::parse_document(text)?;
    let meta = metadata::read(&doc);
    let paragraphs = collect_blocks(doc.root_element());
    let body = paragraphs.iter().map(|p| escape_markdown(p)).collect::<Vec<_>>().join("\n\n");
    Ok(Article { title: meta.title.clone(), body, meta })
}

/// Walks the document; each outermost block element becomes one paragraph. The walk
/// keeps its own stack (the depth is bounded, but a walk that cannot overflow need not
/// rely on that).
fn collect_blocks(root: ElementRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<ElementRef> = root.children().rev().filter_map(ElementRef::wrap).collect();
    while let Some(el) = stack.pop() {
        let name = el.value().name();
        if DROPPED.contains(&name) || name == "head" {
            continue;
        }
        if BLOCKS.contains(&name) {
            let text = collapse(&visible_text(el));
            if !text.is_empty() {
                out.push(text);
            }
        } else {
            stack.extend(el.children().rev().filter_map(ElementRef::wrap));
        }
    }
    out
}

/// The text a reader sees in `el`: dropped elements skipped, `<br>` a space.
fn visible_text(el: ElementRef) -> String {
    let mut out = String::new();
    let mut stack: Vec<_> = el.children().rev().collect();
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if DROPPED.contains(&e.name()) => {}
            Node::Element(e) if e.name() == "br" => out.push(' '),
            Node::Element(_) => stack.extend(node.children().rev()),
            _ => {}
        }
    }
    out
}

fn collapse(text: &str) -> String {
    crate::text::strip_controls(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes what Markdown would read as formatting, so the stored text reads back as
/// the same characters. `<` too: inside what Markdown takes for raw HTML (`<?`, `<a x>`)
/// backslash escapes are not read, so they would show.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let leading = i == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '|');
        if leading || matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '~' | '&' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. text", "1) text" or a lone "0." at the start would become a numbered list.
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    let marker = digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')'));
    if marker && out[digits + 1..].chars().next().is_none_or(char::is_whitespace) {
        out.insert(digits, '\\');
    }
    out
}

/// A new source's id: `<date>-<title words>`, never the id of an existing file.
pub fn new_id(sources_dir: &Path, date: PartialDate, title: &str) -> (String, PathBuf) {
    let mut slug = suggest_id(title);
    if slug.len() > 60 {
        let cut = slug[..60].rfind('-').unwrap_or(60);
        slug.truncate(cut);
    }
    let day = date.iso().trim_start_matches('~').to_string();
    let base = format!("{day}-{slug}");
    let mut n = 1;
    loop {
        let id = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let path = sources_dir.join(format!("{id}.md"));
        if !path.exists() {
            return (id, path);
        }
        n += 1;
    }
}

/// The file's full text: front matter, then the body.
pub fn source_file(front: &SourceFrontMatter, body: &str) -> Result<String, String> {
    let yaml = serde_yaml::to_string(front).map_err(|e| e.to_string())?;
    Ok(format!("---\n{yaml}---\n{}\n", body.trim_end()))
}

/// Writes the new file without ever replacing one (`create_new`). A file that cannot be
/// written whole is removed again (it is the one just created), so nothing half-written
/// stays behind.
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut f = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
    if written.is_err() {
        drop(f);
        let _ = fs::remove_file(path);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    #[test]
    fn html_is_reduced_to_paragraphs_without_scripts_or_navigation() {
        let html = r#"<html><head><title>Talks in Berlin</title><script>var x=1</script></head><body>
            <nav><a href="/">Home</a></nav><h1>Talks in Berlin</h1>
            <p>First <b>para</b> with <a href="x">link</a>.<script>alert(1)</script></p>
            <div><p>Second &lt;script&gt; para.</p></div><footer>Subscribe</footer></body></html>"#;
        let a = read(html, Format::Html).expect("shallow");
        assert_eq!(a.title.as_deref(), Some("Talks in Berlin"));
        let texts: Vec<String> = paragraphs::split(&a.body).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["Talks in Berlin", "First para with link.", "Second <script> para."]);
    }

    #[test]
    fn plain_text_reads_back_character_for_character() {
        let text = "Title line\n1. Not a list *really* [x](y) _u_ \\ `c` ~s~ &amp;\n# not a heading";
        let a = read(text, Format::Text).expect("shallow");
        let texts: Vec<String> = paragraphs::split(&a.body).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["Title line", "1. Not a list *really* [x](y) _u_ \\ `c` ~s~ &amp;", "# not a heading"]);
    }

    #[test]
    fn lone_carriage_return_is_a_line_break_not_a_setext_heading() {
        // Found by the property test `imported_text_reads_back_word_for_word`.
        let a = read(".\r-", Format::Text).expect("shallow");
        let texts: Vec<String> = paragraphs::split(&a.body).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, [".", "-"]);
    }

    /// The paragraphs of `text` imported as plain text.
    fn paragraphs_of(text: &str) -> Vec<String> {
        paragraphs::split(&read(text, Format::Text).expect("shallow").body).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_lone_number_with_a_dot_is_not_a_list() {
        // Found by the fuzz target `import` (input `0.`).
        for text in ["0.", "12) twelve", "3. three"] {
            assert_eq!(paragraphs_of(text), [text]);
        }
    }

    #[test]
    fn html_like_text_keeps_no_stray_backslashes() {
        // Found by the fuzz target `import` (input `<?*<?*`).
        for text in ["<?*<?*", "a <b x=*> c", "<div>_x_</div>"] {
            assert_eq!(paragraphs_of(text), [text]);
        }
    }

    #[test]
    fn ids_never_collide() {
        let dir = tempfile::tempdir().unwrap();
        let date = PartialDate::parse("2026-01-08").unwrap();
        let (id, path) = new_id(dir.path(), date, "U.S. and Europe: a deal?");
        assert_eq!(id, "2026-01-08-u-s-and-europe-a-deal");
        fs::write(&path, "x").unwrap();
        assert_eq!(new_id(dir.path(), date, "U.S. and Europe: a deal?").0, "2026-01-08-u-s-and-europe-a-deal-2");
    }
}
