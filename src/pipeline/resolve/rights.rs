//! What a source's `rights` let the site show. With `rights: excerpts` only the cited
//! paragraphs may appear; the rule is applied here, once, while the resolved model is
//! built: every text the model takes from a source (paragraph segments, mention
//! snippets, unknown names) is read through `Shown`, which has no text for a hidden
//! paragraph. No page, preview, index or export can then show what the model lacks, and
//! a link that would land on a hidden paragraph is sent to the original article instead.

use crate::model::dossier::Link;
use crate::model::files::Rights;

/// A source's paragraphs as the site may show them.
pub struct Shown<'a> {
    paragraphs: &'a [String],
    shown: Vec<bool>,
}

impl<'a> Shown<'a> {
    /// `cited[i]` says whether paragraph index `i` is cited by any claim.
    pub fn new(paragraphs: &'a [String], rights: Rights, cited: impl Fn(usize) -> bool) -> Shown<'a> {
        let shown = (0..paragraphs.len()).map(|i| rights == Rights::Full || cited(i)).collect();
        Shown { paragraphs, shown }
    }

    /// The text of paragraph index `i`, or None if the site may not show it.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let paragraphs: &'a [String] = self.paragraphs;
        self.shown.get(i).copied().unwrap_or(false).then(|| paragraphs[i].as_str())
    }
}

/// The original article's address if a link may point at it: an `http(s)://` address
/// with nothing in it that could break out of an attribute. Anything else (a typo, a
/// `javascript:` URL in an untrusted import) is not linked.
pub fn original_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>'));
    (web && clean && url.len() > "https://".len()).then(|| url.to_string())
}

/// Where a link about paragraph `n` of `source` goes: the paragraph's anchor when it is
/// shown; when it is hidden, the original article (absolute), else the source page's top.
pub fn paragraph_url(source: &Link, n: Option<usize>, original: Option<&str>) -> String {
    match (n, original) {
        (Some(n), _) => format!("{}#p{n}", source.url),
        (None, Some(url)) => url.to_string(),
        (None, None) => source.url.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kind::Kind;

    #[test]
    fn excerpts_show_only_cited_paragraphs() {
        let paras = vec!["one".to_string(), "two".into(), "three".into()];
        let shown = Shown::new(&paras, Rights::Excerpts, |i| i == 1);
        assert_eq!(shown.get(0), None);
        assert_eq!(shown.get(1), Some("two"));
        assert_eq!(shown.get(7), None);
        let full = Shown::new(&paras, Rights::Full, |_| false);
        assert_eq!((0..3).filter_map(|i| full.get(i)).count(), 3);
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert_eq!(original_url(Some(" https://example.org/a?b=1 ")).as_deref(), Some("https://example.org/a?b=1"));
        assert_eq!(original_url(Some("HTTP://example.org")).as_deref(), Some("HTTP://example.org"));
        for bad in ["javascript:alert(1)", "example.org", "https://", "https://a b", "https://a\"onclick=x", ""] {
            assert_eq!(original_url(Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn hidden_paragraphs_link_to_the_original_or_the_page() {
        let s = Link::new(Kind::Source, "wire", "Wire");
        assert_eq!(paragraph_url(&s, Some(3), Some("https://x.org")), "sources/wire.html#p3");
        assert_eq!(paragraph_url(&s, None, Some("https://x.org")), "https://x.org");
        assert_eq!(paragraph_url(&s, None, None), "sources/wire.html");
    }
}
