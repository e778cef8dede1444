//! Text: tokens, sentences, paragraphs and quotations of the cleaned text.
//!
//! Tokens follow news-corpus conventions (Penn Treebank-like: `Japan 's`, `do n't`,
//! `$ 10`, `U.S.` kept whole) so models trained on tokenized corpora see the same
//! units in pasted prose. Sentences respect abbreviations ("U.S.", "Gen."),
//! initials, quotations that end sentences, headlines without final punctuation and
//! datelines ("SYDNEY, Australia --").
//!
//! Guarantees: never panics; every span lies inside the text on char boundaries;
//! tokens are in order and do not overlap; every token belongs to exactly one
//! sentence, and sentences are in order and do not overlap.

mod sentences;
mod subset;

use crate::ground::lexical::{push_lowercase, LowerWords};
use crate::Span;
use serde::Serialize;

pub use crate::ground::tokens::{tokenize, Token, TokenKind};
pub use sentences::{split_sentences, MAX_SENTENCE_TOKENS};
pub use subset::{restrict, Subset};

/// One sentence: its span and the half-open range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    #[serde(flatten)]
    /// Where the sentence is.
    pub span: Span,
    #[serde(skip)]
    /// Its tokens (indices into the layer's tokens).
    pub tokens: std::ops::Range<usize>,
}

/// The segmented text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TextLayer {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
    /// Paragraph spans, in order.
    pub paragraphs: Vec<Span>,
    /// Stretches of quoted speech inside each paragraph, quotation marks
    /// included: the pairs of double marks the tone model was trained to read
    /// (the reported quotations, with speakers, are the quotes stage's).
    pub quotes: Vec<Span>,
    /// Every token lower-cased, once for the stages that compare words.
    #[serde(skip)]
    pub lower: LowerWords,
    /// How many sentences were cut at [`MAX_SENTENCE_TOKENS`] (a run
    /// of text without sentence punctuation).
    #[serde(skip)]
    pub long_sentences: usize,
}

impl TextLayer {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }
}

impl crate::ground::span::Remap for TextLayer {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        for token in &mut self.tokens {
            token.span.remap(map);
        }
        for sentence in &mut self.sentences {
            sentence.span.remap(map);
        }
        self.paragraphs.remap(map);
        self.quotes.remap(map);
    }
}

/// Segment a text into tokens, sentences, paragraphs and quotations.
pub fn segment(text: &str) -> TextLayer {
    let tokens = tokenize(text);
    let wrapped = is_hard_wrapped(text);
    let (sentences, long_sentences) = split_sentences(text, &tokens, wrapped);
    let paragraphs = paragraphs(text, wrapped);
    let quotes = quotations(text, &paragraphs);
    let lower = LowerWords::each(tokens.len(), text.len(), |i, buffer| {
        if let Some(token) = tokens.get(i) {
            push_lowercase(token.span.of(text), buffer);
        }
    });
    TextLayer {
        tokens,
        sentences,
        paragraphs,
        quotes,
        lower,
        long_sentences,
    }
}

/// True when the text looks hard-wrapped at a fixed width (lines of a paragraph end
/// mid-sentence), so a single newline is not a paragraph or sentence break.
pub fn is_hard_wrapped(text: &str) -> bool {
    let mut lengths: Vec<usize> = text
        .lines()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.len() < 4 {
        return false;
    }
    lengths.sort_unstable();
    let p90 = lengths
        .get(lengths.len() * 9 / 10)
        .copied()
        .unwrap_or_default();
    if !(40..=110).contains(&p90) {
        return false;
    }
    let near_width = lengths.iter().filter(|&&n| n * 10 >= p90 * 7).count();
    near_width * 2 >= lengths.len()
}

/// Paragraph spans: separated by blank lines, or by any newline when not hard-wrapped.
fn paragraphs(text: &str, wrapped: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank || !wrapped {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end));
            }
        }
        if !blank {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
    out
}

/// Quoted stretches inside each paragraph: “…”, "…" and «…».
fn quotations(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for paragraph in paragraphs {
        let body = paragraph.of(text);
        let mut open: Option<(usize, char)> = None;
        for (i, ch) in body.char_indices() {
            let at = paragraph.start + i;
            match (open, ch) {
                (None, '“' | '«') => open = Some((at, ch)),
                (None, '"') => open = Some((at, ch)),
                (Some((s, '“')), '”') | (Some((s, '«')), '»') | (Some((s, '"')), '"') => {
                    out.push(Span::new(s, at + ch.len_utf8()));
                    open = None;
                }
                _ => {}
            }
        }
        // A quotation left open runs to the end of its paragraph (news style for
        // multi-paragraph quotes).
        if let Some((s, _)) = open {
            if paragraph.end > s + 1 {
                out.push(Span::new(s, paragraph.end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lines_split_as_lines_and_split_once() {
        for text in ["a\tb\nc\n\nd\te\tf\r\n", "", "\n", "x", "é\t1\n\t\n"] {
            let fast: Vec<(&str, Option<&str>)> = crate::ground::lexical::table_lines(text)
                .map(|(line, tab)| (line, tab.and_then(|t| line.get(t + 1..))))
                .collect();
            let slow: Vec<(&str, Option<&str>)> = text
                .lines()
                .map(|line| (line, line.split_once('\t').map(|(_, rest)| rest)))
                .collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn paragraphs_split_on_newlines_unless_wrapped() {
        let text = "Headline\n\nFirst para.\nSecond para.\n";
        let layer = segment(text);
        let paras: Vec<&str> = layer.paragraphs.iter().map(|p| p.of(text)).collect();
        assert_eq!(paras, ["Headline", "First para.", "Second para."]);
    }

    #[test]
    fn wrapped_text_keeps_paragraphs_together() {
        let line = "President Vladimir Putin told the leaders of China and Japan on";
        let text = format!("{line}\n{line}\n{line}\nend.\n\n{line}\n{line}\n{line}\nend.");
        assert!(is_hard_wrapped(&text));
        let layer = segment(&text);
        assert_eq!(layer.paragraphs.len(), 2);
        assert_eq!(layer.sentences.len(), 2);
    }

    #[test]
    fn quotations_are_found() {
        let text = "“It is unlikely we will meet again,” Putin told Hu. He said \"no\".";
        let layer = segment(text);
        let quotes: Vec<&str> = layer.quotes.iter().map(|q| q.of(text)).collect();
        assert_eq!(quotes, ["“It is unlikely we will meet again,”", "\"no\""]);
    }

    #[test]
    fn every_token_is_in_one_sentence() {
        let text =
            "Mr. Smith went to Washington. He met Gen. Jones! \"Why?\" he asked.\n\nNew para";
        let layer = segment(text);
        let mut next = 0;
        for sentence in &layer.sentences {
            assert_eq!(sentence.tokens.start, next);
            next = sentence.tokens.end;
        }
        assert_eq!(next, layer.tokens.len());
    }
}
