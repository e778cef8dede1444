//! The sentence splitter: rules over tokens and the whitespace between them.

use super::{Sentence, Token, TokenKind};
use crate::Span;

/// Abbreviations after which a sentence never ends (a name or number follows).
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "sgt",
    "maj", "adm", "cmdr", "gens", "sens", "reps", "rev", "hon", "pres", "supt", "st", "messrs",
    "mme", "mt", "ft", "no", "nos", "vol", "vs", "fig", "op", "cf",
];

/// Capitalized words that usually begin a sentence: after an ambiguous abbreviation
/// ("U.S.", "Inc.") one of these means a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "meanwhile",
    "more",
    "most",
    "mr.",
    "mrs.",
    "ms.",
    "no",
    "not",
    "now",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "we",
    "what",
    "when",
    "while",
    "with",
    "yet",
    "you",
];

/// The most tokens a sentence may hold. Prose never comes near it (the longest
/// sentence in the development data is ~210 tokens, in a web page's link list);
/// a text without sentence punctuation (a pasted number table, a name list, a
/// megabyte with no full stop) would otherwise be one sentence, and the stages
/// that look at a whole sentence for each word or mention in it would cost its
/// square. A longer run is cut after its last comma, semicolon or colon in the
/// final quarter of the limit, else at the limit; [`split_sentences`] counts the
/// cuts, and the report lists them under `truncated`.
pub const MAX_SENTENCE_TOKENS: usize = 256;

fn closes(ch: char) -> bool {
    matches!(ch, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

fn is_terminator(token: &str) -> bool {
    !token.is_empty()
        && token
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

/// Does the gap `text[a..b]` between two tokens hold a line break that ends a sentence?
fn gap_breaks(text: &str, gap: Span, prev: &str, wrapped: bool) -> bool {
    let between = gap.of(text);
    let newlines = between.matches('\n').count();
    if newlines >= 2 {
        return true;
    }
    if newlines == 1 {
        if !wrapped {
            return true;
        }
        // In hard-wrapped text a line break ends a sentence only after sentence-final punctuation.
        return prev.ends_with(['.', '!', '?', ':', '"', '”']);
    }
    false
}

/// Split tokens into sentences; also returns how many sentences were cut at
/// [`MAX_SENTENCE_TOKENS`].
pub fn split_sentences(text: &str, tokens: &[Token], wrapped: bool) -> (Vec<Sentence>, usize) {
    let mut sentences = Vec::new();
    let mut cuts = 0usize;
    let mut first = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let Some(token) = tokens.get(i) else { break };
        let word = token.span.of(text);
        let mut end = i + 1;
        let mut boundary = false;
        if is_terminator(word) {
            // Absorb closing quotes and brackets that touch the terminator: `."` `?)`
            while let Some(next) = tokens.get(end) {
                let prev_end = tokens.get(end - 1).map_or(0, |t| t.span.end);
                let touching = next.span.start == prev_end;
                let s = next.span.of(text);
                if touching && s.chars().all(closes) && !s.is_empty() {
                    end += 1;
                } else {
                    break;
                }
            }
            boundary = match tokens.get(end) {
                None => true,
                Some(next) => starts_sentence(next.span.of(text), word.starts_with('.'), false),
            };
        } else if token.kind == TokenKind::Word && word.ends_with('.') && word.len() > 1 {
            // An abbreviation with its period: ends a sentence only before a typical
            // sentence starter, and never for titles and initials.
            let stem = word.trim_end_matches('.').to_lowercase();
            let initial = stem.chars().count() == 1;
            if !initial && !NEVER_FINAL.contains(&stem.as_str()) {
                boundary = match tokens.get(end) {
                    None => true,
                    Some(next) => starts_sentence(next.span.of(text), true, true),
                };
            }
        }
        // A line break ends the sentence regardless of punctuation (headlines, lists).
        if !boundary {
            if let (Some(last), Some(next)) = (tokens.get(end - 1), tokens.get(end)) {
                let gap = Span::new(last.span.end, next.span.start);
                boundary = gap_breaks(text, gap, last.span.of(text), wrapped);
            }
        }
        if boundary || end >= tokens.len() {
            push_sentence(tokens, first, end, &mut sentences);
            first = end;
        } else if end - first >= MAX_SENTENCE_TOKENS {
            let cut = (first + MAX_SENTENCE_TOKENS * 3 / 4..end)
                .rev()
                .find(|&k| {
                    tokens
                        .get(k)
                        .is_some_and(|t| matches!(t.span.of(text), "," | ";" | ":"))
                })
                .map_or(end, |k| k + 1);
            push_sentence(tokens, first, cut, &mut sentences);
            cuts += 1;
            first = cut;
        }
        i = end;
    }
    (sentences, cuts)
}

/// Could `next` begin a new sentence? `strict` requires a typical sentence starter.
fn starts_sentence(next: &str, after_period: bool, strict: bool) -> bool {
    let Some(ch) = next.chars().next() else {
        return false;
    };
    if strict {
        let lower = next.to_lowercase();
        return SENTENCE_STARTERS.contains(&lower.as_str()) && ch.is_uppercase()
            || matches!(ch, '"' | '“' | '‘');
    }
    if ch.is_lowercase() {
        return false;
    }
    // ", ; :" continue the sentence; digits after "?" or "!" too rarely matter.
    if matches!(ch, ',' | ';' | ':' | ')' | ']' | '}' | '%') {
        return false;
    }
    if after_period && ch.is_ascii_digit() {
        // "3.5" is one token, so a digit after a lone period is a list or a new sentence.
        return true;
    }
    true
}

fn push_sentence(tokens: &[Token], first: usize, end: usize, out: &mut Vec<Sentence>) {
    let (Some(a), Some(b)) = (tokens.get(first), tokens.get(end.saturating_sub(1))) else {
        return;
    };
    out.push(Sentence {
        span: Span::new(a.span.start, b.span.end),
        tokens: first..end,
    });
}

#[cfg(test)]
mod tests {
    use crate::text::segment;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("U.S. President George W. Bush met Gen. Tommy Franks. They talked."),
            [
                "U.S. President George W. Bush met Gen. Tommy Franks.",
                "They talked."
            ]
        );
        assert_eq!(
            sentences("He moved to the U.S. The move was quick."),
            ["He moved to the U.S.", "The move was quick."]
        );
        assert_eq!(
            sentences("Shares of Acme Inc. rose 3%."),
            ["Shares of Acme Inc. rose 3%."]
        );
    }

    #[test]
    fn quotes_ending_sentences() {
        assert_eq!(
            sentences(
                "\"You and I have achieved much,\" Putin added. \"I have no doubt.\" Then he left."
            ),
            [
                "\"You and I have achieved much,\" Putin added.",
                "\"I have no doubt.\"",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("“Why?” he asked. Nobody knew."),
            ["“Why?” he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn datelines_and_headlines() {
        let text = "Putin Reassures Asians\nSYDNEY, Australia -- President Vladimir Putin told the leaders on Saturday. A day earlier, they met.";
        assert_eq!(
            sentences(text),
            [
                "Putin Reassures Asians",
                "SYDNEY, Australia -- President Vladimir Putin told the leaders on Saturday.",
                "A day earlier, they met."
            ]
        );
    }

    #[test]
    fn a_run_without_punctuation_is_cut_at_the_limit() {
        use super::MAX_SENTENCE_TOKENS;
        let numbers: Vec<String> = (0..1000).map(|i| (i * 7919 % 10007).to_string()).collect();
        let text = numbers.join(" ");
        let layer = segment(&text);
        assert_eq!(layer.long_sentences, 1000 / MAX_SENTENCE_TOKENS);
        assert!(layer
            .sentences
            .iter()
            .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(layer.sentences.first().map(|s| s.tokens.start), Some(0));
        assert_eq!(layer.sentences.last().map(|s| s.tokens.end), Some(1000));
        // after a comma near the limit when there is one
        let words: Vec<String> = (0..300)
            .map(|i| {
                if i == 230 {
                    "w,".into()
                } else {
                    format!("w{i}")
                }
            })
            .collect();
        let text = words.join(" ");
        let first = sentences(&text).first().map(|s| s.to_string());
        assert!(first.is_some_and(|s| s.ends_with("w,")));
    }

    #[test]
    fn numbers_and_ellipses() {
        assert_eq!(
            sentences("It grew 3.5 percent... and then fell."),
            ["It grew 3.5 percent... and then fell."]
        );
        assert_eq!(sentences("Wait! 2 more came."), ["Wait!", "2 more came."]);
    }
}
