//! Finding quotations: one pass over the paragraphs' characters pairing quote
//! marks, straight (`"` `'`), curly (`“ ” ‘ ’ „ « »`) and broken by an encoding
//! mix-up (`â€œ`, `â€\u{9d}`, a lone `â€` whose last byte was lost).
//!
//! A paragraph that opens a quotation and does not close it continues into the
//! next paragraph when that one opens with a quotation mark (news style for a
//! quotation over several paragraphs); otherwise the quotation runs to the end of
//! its paragraph. Single quotation marks count only outside double ones (inside
//! they are a quotation within the quotation) and only where they cannot be an
//! apostrophe (`don't`, `Russia’s`).
//!
//! Guarantees: linear in the text (each character is looked at a bounded number
//! of times, runs of quote marks included); quotations are in text order, do not
//! overlap and lie inside the text on char boundaries.

use crate::ground::lexical::{WordSet, QUOTE_TERM_INTRODUCERS};
use crate::Span;
use std::sync::LazyLock;

/// Whether a quotation is a whole utterance or a few words inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// One or more whole sentences of quoted speech ("“We will win,” he said").
    Direct,
    /// Quoted words inside the writer's own sentence (is “very important”).
    Partial,
}

/// A quotation found in the text, before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The quotation, its marks included.
    pub span: Span,
    /// What is between the marks.
    pub inner: Span,
    /// Direct or partial.
    pub kind: QuoteKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// A quotation mark at a position: double or single, its role and its length
/// in bytes.
#[derive(Clone, Copy)]
struct Mark {
    double: bool,
    role: Role,
    len: usize,
}

/// The quotation mark starting with `ch` at the start of `rest`, if it is one.
fn mark(ch: char, rest: &str) -> Option<Mark> {
    let (double, role) = match ch {
        '“' | '„' | '«' => (true, Role::Open),
        '”' | '»' => (true, Role::Close),
        '"' => (true, Role::Either),
        '‘' => (false, Role::Open),
        '’' => (false, Role::Close),
        '\'' => (false, Role::Either),
        'â' => return mojibake(rest),
        _ => return None,
    };
    Some(Mark {
        double,
        role,
        len: ch.len_utf8(),
    })
}

/// A curly quotation mark written as UTF-8 read as Windows-1252: `â€œ` `â€\u{9d}`
/// `â€˜` `â€™`, and `â€` alone (the `\u{9d}` of a closing mark is often lost, as
/// Windows-1252 has no character for it).
fn mojibake(rest: &str) -> Option<Mark> {
    let mut chars = rest.chars();
    let (Some('â'), Some('€')) = (chars.next(), chars.next()) else {
        return None;
    };
    let head = 'â'.len_utf8() + '€'.len_utf8();
    let third = chars.next();
    let (double, role, len) = match third {
        Some('œ') => (true, Role::Open, head + 2),
        Some('\u{9d}') => (true, Role::Close, head + 2),
        Some('˜') => (false, Role::Open, head + 2),
        Some('™') => (false, Role::Close, head + 3),
        // another character broken the same way (a dash, an ellipsis)
        Some(c)
            if ('\u{80}'..='\u{bf}').contains(&c) || "‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c) =>
        {
            return None
        }
        _ => (true, Role::Close, head),
    };
    Some(Mark { double, role, len })
}

fn is_space(ch: Option<char>) -> bool {
    ch.is_none_or(char::is_whitespace)
}

/// Could a mark between `prev` and `next` open a quotation (it begins a word)?
fn opens_word(prev: Option<char>, next: Option<char>) -> bool {
    let before = match prev {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/“\"«„".contains(c),
    };
    before && !is_space(next)
}

/// Could a mark between `prev` and `next` close a quotation (it ends a word)?
fn closes_word(prev: Option<char>, next: Option<char>) -> bool {
    !is_space(prev) && next.is_none_or(|c| !c.is_alphanumeric())
}

/// Every quotation in the text, in order. `paragraphs` are the text's
/// paragraph spans, in order.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    // an open double quotation: where it starts
    let mut double: Option<usize> = None;
    // quotations opened inside it (at most a few in real text; any count is linear)
    let mut nested = 0usize;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let body = paragraph.of(text);
        let mut single: Option<usize> = None;
        // a quotation continued from the last paragraph: skip this one's opening mark
        let mut continued = double.is_some();
        let bytes = body.as_bytes();
        let mut from = 0usize;
        // only the bytes a quotation mark can begin with are looked at: `"`, `'`,
        // and the lead bytes of “ ” ‘ ’ „ (E2), « » (C2) and â (C3)
        while let Some(i) = bytes
            .get(from..)
            .and_then(|b| {
                b.iter()
                    .position(|&c| matches!(c, b'"' | b'\'' | 0xE2 | 0xC2 | 0xC3))
            })
            .map(|k| from + k)
        {
            let Some(rest) = body.get(i..) else { break };
            let Some(ch) = rest.chars().next() else { break };
            let Some(m) = mark(ch, rest) else {
                from = i + ch.len_utf8();
                continue;
            };
            from = i + m.len;
            let at = paragraph.start + i;
            let end = at + m.len;
            let prev = body.get(..i).and_then(|b| b.chars().next_back());
            let next = body.get(from..).and_then(|r| r.chars().next());
            // (a paragraph begins with its first non-space character)
            if std::mem::take(&mut continued) && i == 0 && m.double && m.role != Role::Close {
                continue;
            }
            if m.double {
                match (double, m.role) {
                    (Some(start), _) => {
                        // a quotation inside the quotation (`"… called "research", would
                        // it?"`) opens where a mark begins a word and does not end one; a
                        // closing mark written as an opening one (“word“) closes
                        let closing = m.role == Role::Close || closes_word(prev, next);
                        if closing && nested > 0 {
                            nested -= 1;
                        } else if closing || m.role == Role::Either && !opens_word(prev, next) {
                            push(text, start, end, m.len, start < paragraph.start, &mut out);
                            double = None;
                        } else if opens_word(prev, next) {
                            nested += 1;
                        }
                    }
                    (None, Role::Open) => double = Some(at),
                    (None, Role::Either | Role::Close) => {
                        // a lone closing mark is dropped; one that begins a word opens,
                        // and so does a straight one after a comma or colon (`said," [He]`)
                        let either = m.role == Role::Either;
                        if opens_word(prev, next)
                            || either
                                && (!closes_word(prev, next) || matches!(prev, Some(',' | ':')))
                        {
                            double = Some(at);
                        }
                    }
                }
                if double.is_none() {
                    nested = 0;
                }
                single = None;
            } else if double.is_none() {
                match (single, m.role) {
                    (Some(start), Role::Close | Role::Either) if closes_word(prev, next) => {
                        push(text, start, end, m.len, start < paragraph.start, &mut out);
                        single = None;
                    }
                    (None, Role::Open | Role::Either) if opens_word(prev, next) => {
                        single = Some(at);
                    }
                    _ => {}
                }
            }
        }
        if let Some(start) = double {
            let continues = paragraphs
                .get(p + 1)
                .and_then(|next| {
                    let body = next.of(text);
                    let ch = body.chars().next()?;
                    mark(ch, body)
                })
                .is_some_and(|m| m.double && m.role != Role::Close);
            if !continues {
                push(
                    text,
                    start,
                    paragraph.end,
                    0,
                    start < paragraph.start,
                    &mut out,
                );
                double = None;
            }
        }
    }
    out
}

/// Record the quotation `[start, end)` whose closing mark is `close` bytes long
/// (0 when unclosed), unless it holds no word or is a title or a name.
/// `crossed`: it began in an earlier paragraph.
fn push(text: &str, start: usize, end: usize, close: usize, crossed: bool, out: &mut Vec<Found>) {
    let Some(whole) = text.get(start..end) else {
        return;
    };
    let Some(first) = whole.chars().next() else {
        return;
    };
    let open = mark(first, whole).map_or(first.len_utf8(), |m| m.len);
    let inner = Span::new(start + open, end.saturating_sub(close).max(start + open));
    let words = inner.of(text);
    let Some(initial) = words.chars().find(|c| c.is_alphanumeric()) else {
        return;
    };
    if introduces_term(text.get(..start).unwrap_or("")) {
        return;
    }
    let before = text.get(..start).and_then(|t| t.trim_end().chars().last());
    let sentence_inside = words
        .trim_end_matches(|c: char| c.is_whitespace() || "'’‘\"".contains(c))
        .ends_with(['.', '?', '!']);
    let starts_upper = initial.is_uppercase() || initial.is_ascii_digit();
    let direct =
        crossed || starts_upper && (before.is_none_or(|c| !c.is_alphanumeric()) || sentence_inside);
    out.push(Found {
        span: Span::new(start, end),
        inner,
        kind: if direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        },
    });
}

/// Does the text before a quotation end with a word that makes it a title or a
/// name ("the newspaper", "so-called")? Reads at most the last 24 bytes.
fn introduces_term(before: &str) -> bool {
    static TERMS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[QUOTE_TERM_INTRODUCERS]));
    let trimmed = before.trim_end();
    let mut from = trimmed.len().saturating_sub(24);
    while !trimmed.is_char_boundary(from) {
        from += 1;
    }
    let tail = trimmed.get(from..).unwrap_or("");
    let word = tail
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    !word.is_empty() && TERMS.contains_ignoring_case(word)
}
