//! Stage 4, render: compiles the theme's templates once, then renders every planned
//! page independently and in parallel. Templates autoescape everything; only fields
//! that are already sanitised HTML (Markdown output) are marked `| safe` in them.

use std::collections::HashMap;
use std::path::Path;

use tera::{Tera, Value};

use crate::diagnostic::Diagnostic;
use crate::pipeline::theme::Theme;
use crate::text::escape;

/// `{{ html | rebase(root=root) }}`: Markdown HTML links are written for item pages one
/// folder down (`../actors/x.html`); at the site root they lose the `../`.
fn rebase(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let html = value.as_str().unwrap_or_default();
    let root = args.get("root").and_then(Value::as_str).unwrap_or("../");
    Ok(Value::String(if root.is_empty() { html.replace("href=\"../", "href=\"") } else { html.to_string() }))
}

pub fn templates(theme: &Theme, root: &Path) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape::html);
    tera.register_filter("rebase", rebase);
    tera.add_raw_templates(theme.templates()).map_err(|e| template_error(root, &e))?;
    Ok(tera)
}

fn template_error(root: &Path, e: &tera::Error) -> Diagnostic {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::new(&root.join("themes"), 0, 0, message)
        .help("fix the template named in the message (see docs/content.md, Themes)")
}

/// Renders one page's context with its template.
pub fn render_page(tera: &Tera, template: &str, context: Value, root: &Path) -> Result<Vec<u8>, Diagnostic> {
    let context = tera::Context::from_value(context).map_err(|e| template_error(root, &e))?;
    let html = tera.render(template, &context).map_err(|e| template_error(root, &e))?;
    Ok(html.into_bytes())
}
