//! The one HTML escaper: templates' autoescape, code blocks in Markdown and the server's
//! error text all go through it, so what counts as safe is decided once.

/// Escapes the five characters that matter in HTML text and quoted attributes, nothing
/// more (tera's default also escapes `/`, which bloats every link).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_the_five_and_nothing_else() {
        assert_eq!(
            super::html(r#"<a href="x" title='y'>&/</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;/&lt;/a&gt;"
        );
    }
}
