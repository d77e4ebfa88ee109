//! Citations: each quote verified in its source, or an error that says what differs
//! (a word cut, letter case, too few words) and where the quote stands in the YAML file.

use super::{File, Resolver};
use crate::diagnostic::Diagnostic;
use crate::model::dossier::{CitationRef, CitingClaim, Via};
use crate::model::kind::Kind;
use crate::text::quote;

/// Where the value of the n-th `quote:` that starts with `needle` begins: past the key,
/// an opening quote mark, or a block scalar's `|` or `>` line.
fn find_quote(text: &str, needle: &str, nth: usize) -> Option<usize> {
    let values = text.match_indices("quote:").map(|(i, key)| {
        let value = text[i + key.len()..].trim_start_matches([' ', '\t']);
        if value.starts_with(['|', '>']) {
            value.split_once('\n').map_or("", |(_, rest)| rest).trim_start()
        } else {
            value.strip_prefix(['"', '\'']).unwrap_or(value)
        }
    });
    values.filter(|v| v.starts_with(needle)).nth(nth).map(|v| text.len() - v.len())
}

impl File<'_> {
    /// An error at the next `quote:` whose value starts with `needle` (else as `error_at`).
    fn error_at_quote(&mut self, needle: &str, message: String) -> Diagnostic {
        let n = self.seen.entry(format!("quote:{needle}")).or_insert(0);
        let found = find_quote(self.text, needle, *n);
        *n += 1;
        match found {
            Some(offset) => Diagnostic::at_offset(self.path, self.text, offset, message),
            None => self.error_at(needle, false, message),
        }
    }
}

impl Resolver<'_> {
    /// Verifies one citation and records it on its source.
    pub(super) fn citation(
        &mut self,
        file: &mut File,
        source: &str,
        quote: &str,
        short: bool,
        claim: &str,
        anchor: &str,
    ) -> Option<CitationRef> {
        let link = self.id(file, source, &[Kind::Source], Via::Citation)?;
        let text = self.texts.get(source)?;
        let needle = quote.chars().take(40).collect::<String>();
        let shown = format!("\"{needle}{}\"", if quote.len() > needle.len() { "..." } else { "" });
        if !short && !quote.trim().is_empty() && quote::too_short(quote) {
            let words = quote::word_count(quote);
            let message = format!(
                "quote {shown} is too short to stand as evidence ({words} word{}): a quote needs at least {} words or {} characters",
                if words == 1 { "" } else { "s" },
                quote::MIN_WORDS,
                quote::MIN_CHARS
            );
            let help = "quote more of the source's sentence, or add `short: true` to this citation if these few words are enough on purpose";
            let e = file.error_at_quote(&needle, message);
            self.errors.push(e.help(help));
            return None;
        }
        let (index, start, end) = match text.locate(quote) {
            Ok(found) => found,
            Err(miss) => {
                // A quote found nowhere may differ only in case: say so.
                let (message, help) = self.miss(source, quote, &shown, miss);
                let e = file.error_at_quote(&needle, message);
                self.errors.push(e.help(help));
                return None;
            }
        };
        self.marks.entry(source.to_string()).or_default().push((index, start, end));
        let paragraph = index + 1;
        // A row of "Cited by" says which claim, not all of it: the link leads to the rest.
        let citing = CitingClaim {
            text: crate::text::truncate::excerpt(claim, 160),
            quote: quote.to_string(),
            url: format!("{}#{anchor}", file.link.url),
        };
        self.cited_by.entry(source.to_string()).or_default().push((paragraph, file.link.clone(), citing));
        let para = &text.paragraphs[index];
        let context = crate::text::truncate::excerpt(para, 420);
        Some(CitationRef {
            context,
            url: format!("{}#p{paragraph}", link.url),
            source: link,
            quote: quote.to_string(),
            paragraph,
            origin: text.origin.clone(),
        })
    }

    /// The message and help for a quote that did not verify.
    fn miss(&self, source: &str, quote: &str, shown: &str, miss: quote::Miss) -> (String, String) {
        match miss {
            _ if quote.trim().is_empty() => {
                ("empty quote".into(), "copy the words exactly from one paragraph of the source".into())
            }
            quote::Miss::CutWord { paragraph, word, at_start } => (
                format!(
                    "quote {shown} {} inside the word \"{word}\" in source `{source}`, paragraph {}",
                    if at_start { "starts" } else { "ends" },
                    paragraph + 1
                ),
                format!(
                    "quote whole words: {} \"{word}\" whole, or {} it",
                    if at_start { "start with" } else { "end with" },
                    if at_start { "start after" } else { "end before" }
                ),
            ),
            quote::Miss::NotFound => {
                // Sources in file-name order, so the suggestion is the same on every run.
                let texts = self.texts;
                let elsewhere = self.index.ids(&[Kind::Source]).filter(|id| *id != source).find_map(|id| {
                    let (i, _, _) = texts.get(id)?.locate(quote).ok()?;
                    Some(format!("these words are in `{id}`, paragraph {}: cite that source", i + 1))
                });
                let help = elsewhere.unwrap_or_else(|| {
                    "copy the words exactly from one paragraph of the source (spaces, quote marks and dashes may differ)".into()
                });
                (format!("quote not found in source `{source}`: {shown}"), help)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_quote;

    #[test]
    fn find_quote_points_at_the_value_in_any_yaml_style() {
        let text = "a: date\ncitations:\n  - quote: a\n  - quote: \"a\"\n  - quote: 'a b'\n  - quote: |\n      a c\n";
        let at = |nth| find_quote(text, "a", nth).map(|i| &text[i..]);
        assert_eq!(at(0), Some("a\n  - quote: \"a\"\n  - quote: 'a b'\n  - quote: |\n      a c\n"));
        assert!(at(1).unwrap().starts_with("a\"\n"), "inside the double quotes");
        assert!(at(2).unwrap().starts_with("a b'"), "inside the single quotes");
        assert_eq!(at(3), Some("a c\n"), "the block scalar's first line");
        assert_eq!(at(4), None);
    }
}
