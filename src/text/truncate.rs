//! Shortening plain text for excerpts and previews: the cut falls at the end of a
//! sentence or, failing that, between words, and an ellipsis says that text is missing.
//! A reader never sees half a word.

/// `text` if it has at most `max` characters; otherwise its longest start of at most
/// `max` characters that ends a sentence (when that keeps at least half), else a
/// word, followed by "…" where text was dropped.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max || max == 0 {
        return text.to_string();
    }
    // Room for the ellipsis.
    let limit = text.char_indices().nth(max.saturating_sub(1)).map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    let cut_at_space = text[limit..].starts_with(char::is_whitespace);
    let sentence = head
        .char_indices()
        .filter(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(char::is_whitespace))
        .map(|(i, _)| i + 1)
        .next_back()
        .filter(|&end| end * 2 >= limit);
    if let Some(end) = sentence {
        return format!("{} …", head[..end].trim_end());
    }
    let words = if cut_at_space { head } else { head.rfind(char::is_whitespace).map_or("", |i| &head[..i]) };
    let words = words.trim_end().trim_end_matches([',', ';', ':', '(', '—', '–', '-']).trim_end();
    if words.is_empty() {
        // One word longer than the room: nothing to cut between.
        return format!("{}…", head);
    }
    format!("{words}…")
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn short_text_is_kept() {
        assert_eq!(excerpt("Leaders met in Paris.", 50), "Leaders met in Paris.");
    }

    #[test]
    fn cuts_between_words() {
        let e = excerpt("Leaders of the coalition met in Paris, and agreed on five pillars", 30);
        assert_eq!(e, "Leaders of the coalition met…");
        assert!(e.chars().count() <= 30);
        assert_eq!(excerpt("one two three, four five", 15), "one two three…");
    }

    #[test]
    fn prefers_a_sentence_end() {
        let e = excerpt("The force stays back. Its size is not yet agreed by anyone at all", 40);
        assert_eq!(e, "The force stays back. …");
    }

    #[test]
    fn never_cuts_a_word_unless_it_is_the_only_one() {
        for max in 5..60 {
            let e = excerpt("Multinational coordination mechanisms were discussed at length in Paris", max);
            let kept = e.trim_end_matches('…').trim_end();
            assert!(
                "Multinational coordination mechanisms were discussed at length in Paris"
                    .split(' ')
                    .any(|w| kept.ends_with(w))
                    || kept.chars().count() == max - 1,
                "{max}: {e}"
            );
            assert!(e.chars().count() <= max, "{max}: {e}");
        }
    }
}
