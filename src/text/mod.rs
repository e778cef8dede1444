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
mod tokens;

use crate::Span;
use serde::Serialize;

pub use sentences::{split_sentences, MAX_SENTENCE_TOKENS};
pub use tokens::tokenize;

/// Append `word` lower-cased to `out` (an ASCII word the cheap way).
pub fn push_lowercase(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Words lower-cased once, in one buffer (ASCII words the cheap way).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LowerWords {
    buffer: String,
    ranges: Vec<std::ops::Range<usize>>,
}

impl LowerWords {
    pub fn new(words: &[&str]) -> LowerWords {
        LowerWords::with(words, push_lowercase)
    }

    /// Each word in the form `append` writes (a lower-casing that also normalizes).
    pub fn with(words: &[&str], append: fn(&str, &mut String)) -> LowerWords {
        let bytes = words.iter().map(|w| w.len()).sum();
        LowerWords::each(words.len(), bytes, |i, buffer| {
            if let Some(w) = words.get(i) {
                append(w, buffer);
            }
        })
    }

    /// `count` forms in one buffer (of about `bytes` bytes), the i-th written by
    /// `append(i, buffer)`: any per-word form, such as a word's shape.
    pub fn each(
        count: usize,
        bytes: usize,
        mut append: impl FnMut(usize, &mut String),
    ) -> LowerWords {
        let mut buffer = String::with_capacity(bytes);
        let mut ranges = Vec::with_capacity(count);
        for i in 0..count {
            let start = buffer.len();
            append(i, &mut buffer);
            ranges.push(start..buffer.len());
        }
        LowerWords { buffer, ranges }
    }

    /// The word at `i`.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.buffer.get(self.ranges.get(i)?.clone())
    }

    /// The words, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ranges
            .iter()
            .map(|r| self.buffer.get(r.clone()).unwrap_or(""))
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The lower-cased words, in order.
    pub fn refs(&self) -> Vec<&str> {
        self.iter().collect()
    }
}

/// A fixed set of lower-case words, looked up by hash instead of scanning a list.
pub struct WordSet(std::collections::HashSet<&'static str, crate::entities::tagger::FxBuild>);

impl WordSet {
    pub fn new(lists: &[&[&'static str]]) -> WordSet {
        WordSet(lists.iter().flat_map(|l| l.iter().copied()).collect())
    }

    /// Is this lower-case word in the set?
    pub fn contains(&self, lower: &str) -> bool {
        self.0.contains(lower)
    }

    /// Is this word, lower-cased, in the set? Without allocating for short ASCII words.
    pub fn contains_ignoring_case(&self, word: &str) -> bool {
        let mut buffer = [0u8; 32];
        match buffer.get_mut(..word.len()) {
            Some(slot) if word.is_ascii() => {
                slot.copy_from_slice(word.as_bytes());
                slot.make_ascii_lowercase();
                std::str::from_utf8(slot).is_ok_and(|lower| self.0.contains(lower))
            }
            _ => self.0.contains(word.to_lowercase().as_str()),
        }
    }
}

/// The lines of an embedded table and the position of the first tab in each: a
/// plain byte scan (faster than `str::lines` and `split_once` on many short lines,
/// which matters because tables are read on the first analysis). A trailing `\r`
/// is dropped, as `str::lines` does.
pub fn table_lines(text: &str) -> impl Iterator<Item = (&str, Option<usize>)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (mut end, mut tab) = (rest.len(), None);
        for (i, &b) in rest.as_bytes().iter().enumerate() {
            if b == b'\n' {
                end = i;
                break;
            }
            if b == b'\t' && tab.is_none() {
                tab = Some(i);
            }
        }
        let line = rest.get(..end).unwrap_or("");
        rest = rest.get(end + 1..).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some((line, tab.filter(|&t| t < line.len())))
    })
}

/// Month names, lower-case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lower-case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// "BC" (or "B.C.", "BCE"), lower-cased: the era after a year before Christ.
pub fn is_bc_word(lower: &str) -> bool {
    matches!(lower, "bc" | "b.c." | "bce" | "b.c")
}

/// A month name or its common abbreviation ("Sept", "Jan."), any case.
pub fn is_month_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.contains(&lower.as_str())
        || (lower.len() >= 3
            && (lower == "sept"
                || MONTHS
                    .iter()
                    .any(|m| m.len() > 3 && m.get(..3) == Some(lower.as_str()))))
}

/// What kind of unit a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (with internal hyphens, apostrophes, periods: "U.S.", "O'Neill").
    Word,
    /// Digits, possibly with separators: "1,000", "3.5", "10:30", "1990s".
    Number,
    /// Punctuation: ".", ",", "--", "“".
    Punct,
    /// Anything else: currency signs, emoji, other symbols.
    Symbol,
    /// A web address or e-mail address.
    Url,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    #[serde(flatten)]
    pub span: Span,
    pub kind: TokenKind,
}

/// One sentence: its span and the half-open range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    #[serde(flatten)]
    pub span: Span,
    #[serde(skip)]
    pub tokens: std::ops::Range<usize>,
}

/// The segmented text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TextLayer {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Span>,
    /// Stretches of quoted speech, quotation marks included.
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

impl crate::span::Remap for TextLayer {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
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
            let fast: Vec<(&str, Option<&str>)> = table_lines(text)
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
