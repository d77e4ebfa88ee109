//! Stage 4, render: compiles the theme's templates once, then renders every planned
//! page independently and in parallel. Templates autoescape everything; only fields
//! that are already sanitised HTML (Markdown output) are marked `| safe` in them.

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Tera, Value};

use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::model::messages::Messages;
use crate::pipeline::plan::{Page, SiteInfo};
use crate::pipeline::theme::Theme;
use crate::text::escape;

/// `{{ html | rebase(root=root) }}`: Markdown HTML links are written for item pages one
/// folder down (`../actors/x.html`); at the site root they lose the `../`.
fn rebase(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let html = value.as_str().unwrap_or_default();
    let root = args.get("root").and_then(Value::as_str).unwrap_or("../");
    Ok(Value::String(if root.is_empty() { html.replace("href=\"../", "href=\"") } else { html.to_string() }))
}

/// `{{ t(key="cited-by", count=n, title=item.title) }}`: the message `key` of the
/// dossier's language (src/model/messages.rs). Messages come from the catalogues (as
/// trusted as templates) and may hold markup; every argument is escaped, so the result
/// is safe HTML and is not escaped again. A number argument selects the plural form.
struct Translate(Arc<Messages>);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args.get("key").and_then(Value::as_str).ok_or("t() needs key=\"message-id\"")?;
        if !self.0.has(key) {
            return Err(format!("no message `{key}` in the catalogue (themes/default/i18n/en.ftl lists them)").into());
        }
        let mut fluent = fluent_bundle::FluentArgs::new();
        for (name, value) in args.iter().filter(|(n, _)| n.as_str() != "key") {
            match value {
                Value::Number(n) => fluent.set(name.as_str(), n.as_f64().unwrap_or_default()),
                Value::String(s) => fluent.set(name.as_str(), escape::html(s)),
                Value::Bool(b) => fluent.set(name.as_str(), b.to_string()),
                Value::Null => fluent.set(name.as_str(), ""),
                other => fluent.set(name.as_str(), escape::html(&other.to_string())),
            }
        }
        Ok(Value::String(self.0.text(key, Some(&fluent))))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Compiles every template of the theme. tera stops at the first template that does not
/// parse; each is parsed alone first, so that one run reports every broken template.
pub fn templates(theme: &Theme, messages: Arc<Messages>) -> Result<Tera, Vec<Diagnostic>> {
    let (list, mut errors) = theme.templates();
    for (name, text) in &list {
        let mut alone = Tera::default();
        alone.register_function("t", Translate(messages.clone()));
        if let Err(e) = alone.add_raw_template(name, text) {
            // Other failures (a missing parent or macro file) are only known with all loaded.
            if e.to_string().starts_with("Failed to parse") {
                errors.push(template_error(theme, &e));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut tera = Tera::default();
    tera.set_escape_fn(escape::html);
    tera.register_filter("rebase", rebase);
    tera.register_function("t", Translate(messages));
    tera.add_raw_templates(list).map_err(|e| vec![template_error(theme, &e)])?;
    Ok(tera)
}

/// A tera error as a diagnostic at its template, with line and column where tera knows
/// them (syntax errors) or where the name it complains about first appears.
fn template_error(theme: &Theme, e: &tera::Error) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let all = chain.join("\n");
    // The template is the first name in quotes: "Failed to parse 'pillar.html'".
    let name = chain[0].split('\'').nth(1).filter(|n| theme.template_text(n).is_some());
    let Some(name) = name else {
        return Diagnostic::new(&theme.dir, 0, 0, chain.join(": "))
            .help("fix the template named in the message (see docs/guide.md, section 10 (Themes))");
    };
    let path = theme.template_path(name);
    let text = theme.template_text(name).unwrap_or_default();
    // pest, which parses for tera, marks the place as ` --> 10:8`.
    let pest = all.split(" --> ").nth(1).and_then(|rest| {
        let (line, rest) = rest.split_once(':')?;
        let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some((line.trim().parse::<usize>().ok()?, col.parse::<usize>().ok()?))
    });
    if let Some((line, col)) = pest {
        let expected = all.lines().find_map(|l| l.trim().strip_prefix("= ")).unwrap_or("cannot be read");
        return Diagnostic::new(&path, line, col, format!("template syntax error: {expected}")).help(
            "fix the tag at this position: every `{{` needs `}}`, every `{%` needs `%}` and every block its end tag",
        );
    }
    let cause = chain.last().cloned().unwrap_or_default();
    // Otherwise: at the first use of what the message names (`variable`, 'parent.html').
    let names = cause.split('`').skip(1).step_by(2).chain(cause.split('\'').skip(1).step_by(2));
    let offset = names.filter(|n| !n.is_empty() && *n != name).find_map(|n| text.find(n));
    let help = if cause.contains("Variable") {
        "fix the name: what a page can use is listed in docs/guide.md, section 10 (Themes)"
    } else if cause.contains("Template '") || cause.contains("template '") {
        "fix the template name: it must be a file under templates/ in the theme (or built in)"
    } else {
        "fix the template at this position (see docs/guide.md, section 10, Themes)"
    };
    match offset {
        Some(offset) => Diagnostic::at_offset(&path, text, offset, cause).help(help),
        None => Diagnostic::new(&path, 0, 0, cause).help(help),
    }
}

/// Renders one page's context with its template.
pub fn render_page(tera: &Tera, template: &str, context: Value, theme: &Theme) -> Result<Vec<u8>, Diagnostic> {
    let context = tera::Context::from_value(context).map_err(|e| template_error(theme, &e))?;
    let html = tera.render(template, &context).map_err(|e| template_error(theme, &e))?;
    Ok(html.into_bytes())
}

/// What a page's rendering is for: a build writes the bytes, a check only wants errors.
pub trait Sink: Sync {
    /// Whether the page at `path` (with this fingerprint) is already in place as it would
    /// be rendered, so it need not be rendered again.
    fn unchanged(&self, path: &str, fingerprint: Option<u64>) -> std::io::Result<bool>;
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// Renders every page (with its fingerprint, if a build session computed one) in
/// parallel into `sink`, skipping those the sink already holds.
/// Returns how many were rendered, or every content error (each once; content errors win
/// over the first output error).
pub fn render_all(
    pages: Vec<(Page<'_>, Option<u64>)>,
    site: &SiteInfo,
    tera: &Tera,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<usize, Failure> {
    use rayon::prelude::*;
    let outcomes: Vec<Result<bool, Failure>> = pages
        .into_par_iter()
        .map(|(page, fp)| {
            let path = page.path.clone();
            let write = |e: std::io::Error| Failure::Output(format!("cannot write {path}: {e}"));
            if sink.unchanged(&path, fp).map_err(write)? {
                return Ok(false);
            }
            let template = page.template;
            let bytes =
                render_page(tera, template, page.context(site), theme).map_err(|e| Failure::Content(vec![e]))?;
            sink.put(&path, &bytes).map_err(write)?;
            Ok(true)
        })
        .collect();
    let mut content: Vec<Diagnostic> = Vec::new();
    let mut output = None;
    let mut rendered = 0;
    for outcome in outcomes {
        match outcome {
            Ok(r) => rendered += usize::from(r),
            // One template error met on many pages is reported once.
            Err(Failure::Content(errors)) => errors.into_iter().for_each(|e| {
                if !content.contains(&e) {
                    content.push(e);
                }
            }),
            Err(Failure::Output(e) | Failure::Usage(e)) => output = output.or(Some(e)),
        }
    }
    if !content.is_empty() {
        return Err(Failure::Content(content));
    }
    match output {
        Some(e) => Err(Failure::Output(e)),
        None => Ok(rendered),
    }
}

/// A sink that keeps nothing: `check` renders every page only to find its errors.
pub struct Discard;

impl Sink for Discard {
    fn unchanged(&self, _: &str, _: Option<u64>) -> std::io::Result<bool> {
        Ok(false)
    }

    fn put(&self, _: &str, _: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}
