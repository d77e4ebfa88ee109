//! HTML from the open web parsed with a bound on how deep elements nest.
//!
//! html5ever's tree builder scans its stack of open elements for most tags (is a `<p>`
//! open? which element does this end tag close?), so a document nested N deep costs
//! N² steps: 40,000 nested `<div>` took 17 s to parse, and code that walks the tree
//! recursively overflows the stack. Browsers stop nesting at 512 levels (Chromium
//! flattens anything deeper), so no readable page needs more. The parse is watched by a
//! tree sink that measures the depth of every node it inserts, and input is fed in small
//! chunks, so a document that goes deeper is refused within a chunk of the element
//! that crossed the limit: the cost stays linear in the size of the input.

use std::borrow::Cow;
use std::collections::HashMap;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, LocalName, Namespace, QualName};
use scraper::Html;

/// How deep elements may nest: what browsers render (Chromium's parser stops at 512).
pub const LIMIT: usize = 512;

/// Input is fed this many bytes at a time; after each chunk the depth is checked, so
/// at most this much input is parsed past the limit.
const CHUNK: usize = 1024;

/// The document nests elements deeper than `LIMIT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the start tag that went too deep.
    pub offset: usize,
    pub depth: usize,
}

/// Parses a whole document (`<html>`), as `scraper::Html::parse_document` does.
pub fn parse_document(html: &str) -> Result<Html, TooDeep> {
    parse(html, false)
}

/// Parses a fragment (the HTML of a Markdown field), as `scraper::Html::parse_fragment`
/// (and ammonia, which sanitises it) does.
pub fn check_fragment(html: &str) -> Result<(), TooDeep> {
    parse(html, true).map(drop)
}

fn parse(html: &str, fragment: bool) -> Result<Html, TooDeep> {
    match run(html, fragment, CHUNK) {
        Ok(doc) => Ok(doc),
        // Where exactly: parse again up to the chunk, then a character at a time (the
        // tokenizer hands a start tag over at its `>`); only failing input pays this.
        Err(chunk_start) => {
            let mut offset = chunk_start;
            let depth = match run_until(html, fragment, chunk_start) {
                Some((at, depth)) => {
                    offset = html[..=at].rfind('<').unwrap_or(at);
                    depth
                }
                None => LIMIT + 1,
            };
            Err(TooDeep { offset, depth })
        }
    }
}

/// Feeds `html` in chunks; `Err(start of the chunk)` if it went too deep.
fn run(html: &str, fragment: bool, chunk: usize) -> Result<Html, usize> {
    let mut parser = parser(fragment);
    let mut start = 0;
    while start < html.len() {
        let mut end = (start + chunk).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&html[start..end]));
        if parser.tokenizer.sink.sink.too_deep.is_some() {
            return Err(start);
        }
        start = end;
    }
    let doc = parser.finish();
    Ok(doc)
}

/// Parses `html[..from]` at once, then a character at a time until the depth is crossed:
/// the byte offset of the character that completed the offending tag, and the depth.
fn run_until(html: &str, fragment: bool, from: usize) -> Option<(usize, usize)> {
    let mut parser = parser(fragment);
    if from > 0 {
        parser.process(StrTendril::from_slice(&html[..from]));
    }
    for (i, c) in html[from..].char_indices() {
        let mut buf = [0u8; 4];
        parser.process(StrTendril::from_slice(c.encode_utf8(&mut buf)));
        if let Some(depth) = parser.tokenizer.sink.sink.too_deep {
            return Some((from + i, depth));
        }
    }
    None
}

fn parser(fragment: bool) -> html5ever::Parser<Guard> {
    let html_ns = Namespace::from("http://www.w3.org/1999/xhtml");
    if fragment {
        let context = QualName::new(None, html_ns, LocalName::from("body"));
        html5ever::parse_fragment(Guard::new(Html::new_fragment()), Default::default(), context, Vec::new())
    } else {
        html5ever::parse_document(Guard::new(Html::new_document()), Default::default())
    }
}

/// scraper's tree sink, measuring the depth of every node inserted.
struct Guard {
    html: Html,
    too_deep: Option<usize>,
    /// Depths measured so far, valid while their generation is current: moving nodes
    /// (mis-nested tags do) bumps the generation rather than fixing every moved subtree.
    depths: HashMap<Handle, (usize, u64)>,
    generation: u64,
}

type Handle = <Html as TreeSink>::Handle;

impl Guard {
    fn new(html: Html) -> Self {
        Guard { html, too_deep: None, depths: HashMap::new(), generation: 0 }
    }

    /// Records `node`'s depth, and whether it is past the limit. The walk up stops at the
    /// first ancestor whose depth is known (usually the parent); at worst it costs the
    /// depth, which the limit bounds as it bounds the tree builder's own scans.
    fn measure(&mut self, node: Handle) {
        if self.too_deep.is_some() {
            return;
        }
        let Some(node_ref) = self.html.tree.get(node) else { return };
        let mut depth = 1;
        for ancestor in node_ref.ancestors() {
            match self.depths.get(&ancestor.id()) {
                Some(&(known, generation)) if generation == self.generation => {
                    depth += known;
                    break;
                }
                _ => depth += 1,
            }
        }
        self.depths.insert(node, (depth, self.generation));
        if depth > LIMIT + 1 {
            self.too_deep = Some(depth - 1);
        }
    }

    fn moved(&mut self) {
        self.generation += 1;
    }
}

impl TreeSink for Guard {
    type Handle = Handle;
    type Output = Html;

    fn finish(self) -> Html {
        self.html
    }
    fn parse_error(&mut self, msg: Cow<'static, str>) {
        self.html.parse_error(msg)
    }
    fn get_document(&mut self) -> Handle {
        self.html.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.html.elem_name(target)
    }
    fn create_element(&mut self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.html.create_element(name, attrs, flags)
    }
    fn create_comment(&mut self, text: StrTendril) -> Handle {
        self.html.create_comment(text)
    }
    fn create_pi(&mut self, target: StrTendril, data: StrTendril) -> Handle {
        self.html.create_pi(target, data)
    }
    fn append(&mut self, parent: &Handle, child: NodeOrText<Handle>) {
        let node = match &child {
            NodeOrText::AppendNode(n) => Some(*n),
            NodeOrText::AppendText(_) => None,
        };
        self.html.append(parent, child);
        if let Some(node) = node {
            self.measure(node);
        }
    }
    fn append_based_on_parent_node(&mut self, element: &Handle, prev: &Handle, child: NodeOrText<Handle>) {
        let node = match &child {
            NodeOrText::AppendNode(n) => Some(*n),
            NodeOrText::AppendText(_) => None,
        };
        self.html.append_based_on_parent_node(element, prev, child);
        if let Some(node) = node {
            self.measure(node);
        }
    }
    fn append_doctype_to_document(&mut self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.html.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&mut self, target: &Handle) -> Handle {
        self.html.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.html.same_node(x, y)
    }
    fn set_quirks_mode(&mut self, mode: QuirksMode) {
        self.html.set_quirks_mode(mode)
    }
    fn append_before_sibling(&mut self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let node = match &new_node {
            NodeOrText::AppendNode(n) => Some(*n),
            NodeOrText::AppendText(_) => None,
        };
        self.html.append_before_sibling(sibling, new_node);
        if let Some(node) = node {
            self.measure(node);
        }
    }
    fn add_attrs_if_missing(&mut self, target: &Handle, attrs: Vec<Attribute>) {
        self.html.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&mut self, target: &Handle) {
        self.moved();
        self.html.remove_from_parent(target)
    }
    fn reparent_children(&mut self, node: &Handle, new_parent: &Handle) {
        self.moved();
        self.html.reparent_children(node, new_parent);
        // The moved children sit one level deeper than `new_parent`.
        let first = self.html.tree.get(*new_parent).and_then(|n| n.first_child()).map(|n| n.id());
        if let Some(child) = first {
            self.measure(child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, n: usize) -> String {
        format!("<title>T</title>{}<p>x</p>{}", format!("<{tag}>").repeat(n), format!("</{tag}>").repeat(n))
    }

    #[test]
    fn ordinary_nesting_parses() {
        let doc = parse_document(&nested("div", 400)).expect("400 levels are fine");
        assert_eq!(doc.root_element().value().name(), "html");
        check_fragment(&nested("blockquote", 400)).expect("400 levels are fine");
    }

    #[test]
    fn deep_nesting_is_refused_at_the_tag_that_crosses_the_limit() {
        for tag in ["div", "b", "span", "blockquote"] {
            let html = nested(tag, 100_000);
            let e = parse_document(&html).expect_err(tag);
            assert_eq!(e.depth, LIMIT + 1, "{tag}");
            let before = &html[..e.offset];
            assert!(html[e.offset..].starts_with(&format!("<{tag}>")), "{tag}: {}", &html[e.offset..][..20]);
            // html, body and the elements before it: the tag that makes LIMIT + 1.
            assert_eq!(before.matches(&format!("<{tag}>")).count(), LIMIT - 2, "{tag}");
            assert_eq!(check_fragment(&html).map_err(|e| e.depth), Err(LIMIT + 1), "{tag}");
        }
    }

    #[test]
    fn misnested_formatting_cannot_hide_depth() {
        // Unclosed formatting elements are reopened by the tree builder after each block;
        // the depth is that of the tree it builds, not a count of the tags.
        let html = (0..5000).map(|i| format!("<b id={i}><p>x</p>")).collect::<String>();
        assert!(parse_document(&html).is_err());
        let html = "<span><div></span>".repeat(5000);
        assert!(parse_document(&html).is_err());
    }
}
