//! The tokenizer: whitespace chunks split into words, numbers, punctuation and
//! symbols, news-corpus style.

use crate::Span;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

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
    /// Where the token is.
    pub span: Span,
    /// What kind of unit it is.
    pub kind: TokenKind,
}

/// Abbreviations that keep their period ("Gen." "Inc."), lower-cased, without the period.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "sgt",
    "maj", "adm", "cmdr", "gens", "sens", "reps", "rev", "hon", "pres", "supt", "st", "jr", "sr",
    "messrs", "mme", "mt", "ft", "inc", "corp", "ltd", "co", "cos", "bros", "plc", "llc", "dept",
    "univ", "assn", "no", "nos", "vol", "vs", "etc", "approx", "est", "fig", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn",
    "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn",
    "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo", "al", "op", "cf", "ave", "blvd", "rd",
];

/// Clitics split off the end of a word, PTB style ("Japan's" → "Japan" "'s").
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Tokenize a text. Offsets are UTF-8 bytes.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut chunk_start: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() || ch.is_control() || ch == '\u{200b}' || ch == '\u{feff}' {
            if let Some(s) = chunk_start.take() {
                tokenize_chunk(text, s, i, &mut tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        tokenize_chunk(text, s, text.len(), &mut tokens);
    }
    tokens
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_mark(ch)
}

/// Combining marks (accents typed separately, Indic vowel signs): part of words.
fn is_mark(ch: char) -> bool {
    matches!(ch as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0E31..=0x0E3A
        | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '’'
}

/// Characters that join word characters into one token when a word character
/// follows: "Russia-China", "O'Neill", "U.S", "AT&T", "RFE/RL", "a@b.org".
fn is_joiner(ch: char) -> bool {
    matches!(
        ch,
        '-' | '\u{2010}' | '\u{2011}' | '.' | '&' | '/' | '@' | '_' | '·'
    ) || is_apostrophe(ch)
}

fn looks_like_url(chunk: &str) -> bool {
    let starts = |prefix: &str| {
        chunk
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    starts("http://") || starts("https://") || starts("www.")
}

fn push(tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    if end > start {
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
}

/// Tokenize one whitespace-free chunk `text[start..end]`.
fn tokenize_chunk(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let chunk = text.get(start..end).unwrap_or("");
    if looks_like_url(chunk) || is_email(chunk) {
        let body = chunk.trim_end_matches(|c: char| ".,;:!?)]}\"'”’".contains(c));
        push(tokens, start, start + body.len(), TokenKind::Url);
        tokenize_punct_run(text, start + body.len(), end, tokens);
        return;
    }
    let mut i = start;
    while i < end {
        let Some(ch) = text.get(i..end).and_then(|s| s.chars().next()) else {
            break;
        };
        if is_word_char(ch) {
            i = take_word(text, i, end, tokens);
        } else if ch.is_ascii_punctuation() || is_unicode_punct(ch) {
            i = take_punct(text, i, end, tokens);
        } else {
            // A symbol: one grapheme cluster, so emoji sequences stay whole.
            let rest = text.get(i..end).unwrap_or("");
            let g = rest.graphemes(true).next().map_or(ch.len_utf8(), str::len);
            push(tokens, i, i + g, TokenKind::Symbol);
            i += g.max(1);
        }
    }
}

fn is_email(chunk: &str) -> bool {
    if !chunk.as_bytes().contains(&b'@') {
        return false;
    }
    let body = chunk.trim_end_matches(|c: char| ".,;:!?)]}\"'”’".contains(c));
    match body.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.ends_with('.')
                && body
                    .chars()
                    .all(|c| c.is_alphanumeric() || "@._-+".contains(c))
        }
        None => false,
    }
}

fn is_unicode_punct(ch: char) -> bool {
    matches!(
        ch,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‹'
            | '›'
            | '—'
            | '–'
            | '…'
            | '•'
            | '·'
            | '‐'
            | '‑'
            | '‒'
            | '―'
            | '¡'
            | '¿'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
    )
}

fn is_currency(ch: char) -> bool {
    matches!(
        ch,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₪' | '₺' | '¢'
    )
}

/// Punctuation at `i`: a run of the same character ("--", "...", "!!") is one
/// token; an apostrophe that starts a clitic of the previous word is handled by
/// `take_word`. Returns the end.
fn take_punct(text: &str, i: usize, end: usize, tokens: &mut Vec<Token>) -> usize {
    let rest = text.get(i..end).unwrap_or("");
    let Some(ch) = rest.chars().next() else {
        return end;
    };
    // A clitic standing alone, as in tokenized text: "Japan 's".
    if is_apostrophe(ch) {
        if let Some(len) = clitic_len(text, i, end) {
            push(tokens, i, i + len, TokenKind::Word);
            return i + len;
        }
    }
    // Decades and years written '90s / ’90s.
    if is_apostrophe(ch) {
        let digits = rest[ch.len_utf8()..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 2 {
            let after = i + ch.len_utf8() + 2;
            let s_end = if text.get(after..after + 1) == Some("s") {
                after + 1
            } else {
                after
            };
            push(tokens, i, s_end, TokenKind::Number);
            return s_end;
        }
    }
    // Only the characters that merge are counted on: a run of brackets is one
    // token per bracket, and counting it at each would cost its square.
    let merges = matches!(ch, '-' | '.' | '!' | '?' | '=' | '*' | '_' | '~');
    let run = if merges {
        rest.chars().take_while(|&c| c == ch).count()
    } else {
        1
    };
    let run_bytes = run * ch.len_utf8();
    let kind = if is_currency(ch)
        || matches!(
            ch,
            '%' | '#' | '+' | '=' | '<' | '>' | '^' | '~' | '|' | '*' | '§'
        ) {
        TokenKind::Symbol
    } else {
        TokenKind::Punct
    };
    if run > 1 {
        push(tokens, i, i + run_bytes, kind);
        i + run_bytes
    } else {
        push(tokens, i, i + ch.len_utf8(), kind);
        i + ch.len_utf8()
    }
}

fn tokenize_punct_run(text: &str, mut i: usize, end: usize, tokens: &mut Vec<Token>) {
    while i < end {
        i = take_punct(text, i, end, tokens);
    }
}

/// Does `s` begin an ISO 8601 date and time, up to at least its hour
/// ("2026-12-01T10", "2026-12-01T10:00:00", "2026-12-01T10:00:00.5+01")?
fn is_iso_datetime_prefix(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    b.len() >= 13
        && digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && b.get(13..).is_some_and(|rest| {
            rest.iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-'))
        })
}

/// A word or number starting at `i`, with its clitics and abbreviation period.
/// Returns the end.
fn take_word(text: &str, i: usize, end: usize, tokens: &mut Vec<Token>) -> usize {
    let bytes_end = end;
    let starts_with_digit = text
        .get(i..end)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_ascii_digit());
    let mut j = i;
    let mut has_inner_period = false;
    let mut has_letter = false;
    loop {
        // ASCII letters and digits, the common case, a byte at a time
        let rest = text.as_bytes().get(j..bytes_end).unwrap_or(&[]);
        let run = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        has_letter |= rest
            .get(..run)
            .is_some_and(|r| r.iter().any(u8::is_ascii_alphabetic));
        j += run;
        let Some(ch) = text.get(j..bytes_end).and_then(|s| s.chars().next()) else {
            break;
        };
        if is_word_char(ch) {
            has_letter |= ch.is_alphabetic();
            j += ch.len_utf8();
            continue;
        }
        let next = text
            .get(j + ch.len_utf8()..bytes_end)
            .and_then(|s| s.chars().next());
        let joins = match (ch, next) {
            // An ISO date and time is one token: "2026-12-01T10:00:00+01:00".
            (':' | '+' | '-', Some(n))
                if n.is_ascii_digit() && text.get(i..j).is_some_and(is_iso_datetime_prefix) =>
            {
                true
            }
            // 1,000 and 3.5 and 10:30 inside numbers
            (',' | ':', Some(n)) => starts_with_digit && !has_letter && n.is_ascii_digit(),
            (c, Some(n)) if is_joiner(c) => {
                if is_apostrophe(c) && is_clitic_at(text, j, bytes_end) {
                    false
                } else if c == '.' {
                    has_inner_period |= is_word_char(n);
                    is_word_char(n)
                } else {
                    is_word_char(n)
                }
            }
            _ => false,
        };
        if !joins {
            break;
        }
        j += ch.len_utf8();
    }
    // An abbreviation keeps its period: "U.S.", "J.", "Gen.".
    if text.get(j..bytes_end).is_some_and(|s| s.starts_with('.')) {
        let word = text.get(i..j).unwrap_or("");
        let is_abbreviation = has_inner_period && has_letter
            || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
        if is_abbreviation && !text.get(j..bytes_end).is_some_and(|s| s.starts_with("..")) {
            j += 1;
        }
    }
    let kind = if starts_with_digit && !has_letter_after_digits(text.get(i..j).unwrap_or("")) {
        TokenKind::Number
    } else if starts_with_digit {
        // "1990s", "2nd", "10am": numbers with a suffix
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    // "n't" belongs to the clitic, not the word: "don't" → "do" "n't".
    let word = text.get(i..j).unwrap_or("");
    if let Some(stem) = word
        .strip_suffix("n't")
        .or_else(|| word.strip_suffix("n’t"))
        .or_else(|| word.strip_suffix("N'T"))
        .or_else(|| word.strip_suffix("N’T"))
    {
        if !stem.is_empty() {
            push(tokens, i, i + stem.len(), kind);
            push(tokens, i + stem.len(), j, TokenKind::Word);
            return j;
        }
    }
    push(tokens, i, j, kind);
    if is_clitic_at(text, j, bytes_end) {
        return take_clitic(text, j, bytes_end, tokens);
    }
    // A plural possessive: "Russians'" → "Russians" "'".
    j
}

fn has_letter_after_digits(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// Is there a clitic (`'s`, `’re`, `n't`…) at `at`, ending the word?
fn is_clitic_at(text: &str, at: usize, end: usize) -> bool {
    clitic_len(text, at, end).is_some()
}

fn clitic_len(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = text.get(at..end)?;
    // Every clitic starts with ' (or ’) or n: most word ends are rejected here.
    if !(rest.starts_with(['\'', '’', 'n', 'N'])) {
        return None;
    }
    let normalized = rest.chars().take(4).map(|c| {
        if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    });
    for clitic in CLITICS {
        if normalized
            .clone()
            .take(clitic.chars().count())
            .eq(clitic.chars())
        {
            // byte length in the original (’ is 3 bytes)
            let chars = clitic.chars().count();
            let len: usize = rest.chars().take(chars).map(char::len_utf8).sum();
            let after = rest.get(len..).and_then(|s| s.chars().next());
            if !after.is_some_and(is_word_char) {
                return Some(len);
            }
        }
    }
    None
}

fn take_clitic(text: &str, at: usize, end: usize, tokens: &mut Vec<Token>) -> usize {
    match clitic_len(text, at, end) {
        Some(len) => {
            push(tokens, at, at + len, TokenKind::Word);
            at + len
        }
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn news_conventions() {
        assert_eq!(
            words("Japan's U.S. envoy didn't pay $10.5 billion (3%) to AT&T."),
            [
                "Japan", "'s", "U.S.", "envoy", "did", "n't", "pay", "$", "10.5", "billion", "(",
                "3", "%", ")", "to", "AT&T", "."
            ]
        );
    }

    #[test]
    fn curly_quotes_and_possessives() {
        assert_eq!(
            words("“Russia’s policy,” Putin said—firmly."),
            ["“", "Russia", "’s", "policy", ",", "”", "Putin", "said", "—", "firmly", "."]
        );
        assert_eq!(
            words("the Russians' view"),
            ["the", "Russians", "'", "view"]
        );
    }

    #[test]
    fn hyphens_initials_and_dashes() {
        assert_eq!(
            words("George W. Bush -- Russia-China ties, 1-3 December, 1,000 in the '90s..."),
            [
                "George",
                "W.",
                "Bush",
                "--",
                "Russia-China",
                "ties",
                ",",
                "1-3",
                "December",
                ",",
                "1,000",
                "in",
                "the",
                "'90s",
                "..."
            ]
        );
    }

    #[test]
    fn iso_dates_and_times_are_one_token() {
        assert_eq!(
            words("At 2026-12-01T10:00:00+01:00, 2026-12-01T09:30Z and 10:30-11:00 GMT."),
            [
                "At",
                "2026-12-01T10:00:00+01:00",
                ",",
                "2026-12-01T09:30Z",
                "and",
                "10:30-11:00",
                "GMT",
                "."
            ]
        );
    }

    #[test]
    fn already_tokenized_text_is_kept() {
        assert_eq!(
            words("Japan 's U.S. envoy ."),
            ["Japan", "'s", "U.S.", "envoy", "."]
        );
    }

    #[test]
    fn urls_emails_emoji_and_cjk() {
        assert_eq!(
            words("See https://example.com/a?b=1, mail a.b@x.org 👍🏽 习近平说"),
            [
                "See",
                "https://example.com/a?b=1",
                ",",
                "mail",
                "a.b@x.org",
                "👍🏽",
                "习近平说"
            ]
        );
    }

    #[test]
    fn abbreviation_periods() {
        assert_eq!(words("Gen. Smith"), ["Gen.", "Smith"]);
        assert_eq!(words("the end."), ["the", "end", "."]);
        assert_eq!(words("Corp. and Co."), ["Corp.", "and", "Co."]);
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "'",
            "’",
            "n't",
            "''''",
            "a'",
            "....",
            "\u{301}",
            "x\u{0}y",
            "’’s",
            "a’n’t",
        ] {
            let tokens = tokenize(text);
            for t in &tokens {
                assert!(text.get(t.span.start..t.span.end).is_some());
            }
        }
    }
}
