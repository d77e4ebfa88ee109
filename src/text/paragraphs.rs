//! Splits a source article into numbered paragraphs of plain text. The article is read
//! as Markdown only to find its blocks (paragraphs, headings, list items, quotes, code);
//! inline markup is reduced to its text and raw HTML is kept as literal text, so nothing
//! in an untrusted article ever becomes markup on the site.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Item,
    Quote,
    Code,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// The article's blocks in order; empty blocks are skipped.
pub fn split(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(BlockKind, usize, String)> = None; // kind, nesting depth, text
    let mut depth = 0usize;
    let mut quote_depth = 0usize;
    let finish = |current: &mut Option<(BlockKind, usize, String)>, blocks: &mut Vec<Block>| {
        if let Some((kind, _, text)) = current.take() {
            let text = text.trim().to_string();
            if !text.is_empty() {
                blocks.push(Block { kind, text });
            }
        }
    };
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => {
                depth += 1;
                if matches!(tag, Tag::BlockQuote(_)) {
                    quote_depth += 1;
                }
                let kind = match tag {
                    Tag::Paragraph if quote_depth > 0 => Some(BlockKind::Quote),
                    Tag::Paragraph | Tag::Table(_) | Tag::HtmlBlock => Some(BlockKind::Paragraph),
                    Tag::Heading { .. } => Some(BlockKind::Heading),
                    Tag::Item => Some(BlockKind::Item),
                    Tag::CodeBlock(_) => Some(BlockKind::Code),
                    _ => None,
                };
                match (&mut current, kind) {
                    (None, Some(kind)) => current = Some((kind, depth, String::new())),
                    // A block inside a list item (a loose list, a nested list) joins the item.
                    (Some((_, _, text)), Some(_)) if !text.is_empty() && !text.ends_with(' ') => text.push(' '),
                    _ => {}
                }
                if matches!(tag, Tag::TableCell) {
                    if let Some((_, _, text)) = &mut current {
                        if !text.is_empty() {
                            text.push_str(" | ");
                        }
                    }
                }
            }
            Event::End(tag) => {
                if current.as_ref().is_some_and(|(_, d, _)| *d == depth) {
                    finish(&mut current, &mut blocks);
                }
                if matches!(tag, TagEnd::BlockQuote(_)) {
                    quote_depth = quote_depth.saturating_sub(1);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => {
                let (kind, d, text) = current.get_or_insert((BlockKind::Paragraph, depth, String::new()));
                let _ = (kind, d);
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((kind, _, text)) = &mut current {
                    text.push(if *kind == BlockKind::Code { '\n' } else { ' ' });
                }
            }
            Event::FootnoteReference(t) => {
                if let Some((_, _, text)) = &mut current {
                    text.push_str(&format!("[^{t}]"));
                }
            }
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }
    finish(&mut current, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_blocks_and_keeps_html_as_text() {
        let body = "# Head\n\nFirst *para*\ncontinues.\n\n<script>alert(1)</script>\n\n- one\n- two\n\n> quoted\n";
        let blocks = split(body);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Head", "First para continues.", "<script>alert(1)</script>", "one", "two", "quoted"]);
        assert_eq!(blocks[0].kind, BlockKind::Heading);
        assert_eq!(blocks[3].kind, BlockKind::Item);
        assert_eq!(blocks[5].kind, BlockKind::Quote);
    }

    #[test]
    fn inline_html_is_text() {
        let blocks = split("Click <img src=x onerror=alert(1)> here");
        assert_eq!(blocks[0].text, "Click <img src=x onerror=alert(1)> here");
    }
}
