//! Who said it: for each quotation, the cue ("said", "told", "according to")
//! and the speaker the cue points to.
//!
//! The cue is looked for in the quotation's own sentence, outside any quotation:
//! right after the closing mark ("…,” Putin said / said Putin), else before the
//! opening mark ("He said he is “…”", "Putin said: “…”"), else later in the
//! sentence ("“new milestones” …, Putin said"). A quotation without a cue takes
//! the speaker of the quotation just before it in its paragraph (or in the
//! paragraph before, when it opens its own), else of a cue in the sentence
//! before it. The cue's subject is the name next to it, a pronoun ("he" is the
//! last person named before it), a role ("the minister": the last person named
//! with that title), or a document or group ("the statement", "the ministry"),
//! which is reported as the quotation's source.
//!
//! Guarantees: never panics; work is linear in the tokens and mentions plus a
//! bounded look around each quotation and cue.

use super::detect::Found;
use super::Quote;
use crate::entities::EntityLayer;
use crate::ground::lexical::{
    WordSet, QUOTE_CUE_VERBS, QUOTE_SOURCE_NOUNS, SPEAKER_PRONOUNS, SPEAKER_ROLES,
};
use crate::text::{TextLayer, TokenKind};
use crate::Span;
use std::sync::LazyLock;

static CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[QUOTE_CUE_VERBS]));
static ROLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[SPEAKER_ROLES]));
static SOURCES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[QUOTE_SOURCE_NOUNS]));
static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[SPEAKER_PRONOUNS]));

/// Words between a subject and its cue verb ("Putin also said", "he has said").
const BETWEEN_SUBJECT_AND_CUE: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "have",
    "had",
    "was",
    "is",
    "were",
    "are",
    "would",
    "will",
    "recently",
    "previously",
    "earlier",
    "further",
    "reportedly",
    "once",
    "again",
    "repeatedly",
    "simply",
    "just",
    "had",
    "has",
    "once",
    "publicly",
    "privately",
    "told",
    "been",
];

/// Determiners that begin a role or source phrase ("the ministry", "a statement").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "its", "his", "her", "their", "our",
];

/// How many tokens after a closing mark a cue still counts as right after it
/// ("…,” Chinese State Councilor Wang Yi said).
const ADJACENT: usize = 6;

/// How many person mentions back a role ("the minister") is looked for.
const ROLE_LOOKBACK: usize = 64;

/// What a cue's subject turned out to be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Subject {
    /// A named entity (index into the entities).
    Entity(usize),
    /// A document or group, or a role no named person has: its words.
    Source(Span),
    /// Found, but points to no one we know ("they", "I").
    Nobody,
}

/// A cue: its words and where its subject is looked for.
#[derive(Clone, Copy, Debug)]
struct Cue {
    span: Span,
    /// The first and last token of the cue.
    first: usize,
    last: usize,
    /// "according to": the subject follows.
    subject_after: bool,
    /// "the statement read": only a document can be its subject.
    document_only: bool,
}

/// The text, tokens and mentions the attribution reads, with per-token indexes.
struct Reader<'a> {
    text: &'a str,
    layer: &'a TextLayer,
    found: &'a EntityLayer,
    /// For each token: is it inside a quotation?
    quoted: Vec<bool>,
    /// For each token: its sentence.
    sentence: Vec<usize>,
    /// For each token: the speaker-eligible name mention covering it.
    mention: Vec<Option<usize>>,
    /// Person name mentions: (start byte, mention index), in order.
    people: Vec<(usize, usize)>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, layer: &'a TextLayer, found: &'a EntityLayer, quotes: &[Found]) -> Self {
        let tokens = &layer.tokens;
        let mut quoted = vec![false; tokens.len()];
        let mut q = quotes.iter().peekable();
        for (k, token) in tokens.iter().enumerate() {
            while q.peek().is_some_and(|f| f.span.end <= token.span.start) {
                q.next();
            }
            if let (Some(f), Some(slot)) = (q.peek(), quoted.get_mut(k)) {
                *slot = f.span.start <= token.span.start;
            }
        }
        let mut sentence = vec![0; tokens.len()];
        for (s, sent) in layer.sentences.iter().enumerate() {
            for slot in sentence.get_mut(sent.tokens.clone()).unwrap_or(&mut []) {
                *slot = s;
            }
        }
        let mut mention = vec![None; tokens.len()];
        let mut people = Vec::new();
        let mut k = 0usize;
        for (m, men) in found.mentions.iter().enumerate() {
            if men.kind != "name"
                || !matches!(men.label.as_str(), "PERSON" | "ORG" | "GPE" | "NORP")
            {
                continue;
            }
            if men.label == "PERSON" {
                people.push((men.span.start, m));
            }
            while tokens.get(k).is_some_and(|t| t.span.end <= men.span.start) {
                k += 1;
            }
            let mut j = k;
            while let Some(t) = tokens.get(j) {
                if t.span.start >= men.span.end {
                    break;
                }
                if let Some(slot) = mention.get_mut(j) {
                    *slot = Some(m);
                }
                j += 1;
            }
        }
        Reader {
            text,
            layer,
            found,
            quoted,
            sentence,
            mention,
            people,
        }
    }

    fn lower(&self, k: usize) -> &str {
        self.layer.lower.get(k).unwrap_or("")
    }

    fn span(&self, k: usize) -> Option<Span> {
        self.layer.tokens.get(k).map(|t| t.span)
    }

    fn quoted(&self, k: usize) -> bool {
        self.quoted.get(k).copied().unwrap_or(true)
    }

    fn sentence_of(&self, k: usize) -> usize {
        self.sentence.get(k).copied().unwrap_or(usize::MAX)
    }

    /// The token range of sentence `s`.
    fn sentence_tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.layer
            .sentences
            .get(s)
            .map_or(0..0, |x| x.tokens.clone())
    }

    /// The entity of the name mention covering token `k`.
    fn entity_at(&self, k: usize) -> Option<usize> {
        let m = self.mention.get(k).copied().flatten()?;
        self.found.mentions.get(m).map(|x| x.entity)
    }

    /// A cue at token `k`, if it is one (outside quotations).
    fn cue_at(&self, k: usize) -> Option<Cue> {
        if self.quoted(k) {
            return None;
        }
        let word = self.lower(k);
        if !CUES.contains(word) {
            return None;
        }
        if k >= 2 && self.lower(k - 1) == "as" && self.lower(k - 2) == "quoted" {
            // "telling" of "was quoted as telling"
            return self.cue_at(k - 2);
        }
        let here = self.span(k)?;
        let mut cue = Cue {
            span: here,
            first: k,
            last: k,
            subject_after: false,
            document_only: matches!(word, "read" | "reads"),
        };
        match word {
            "according" => {
                if self.lower(k + 1) != "to" {
                    return None;
                }
                cue.last = k + 1;
                cue.subject_after = true;
            }
            "quoted" => {
                // "was quoted as telling/saying"
                if k > 0 && matches!(self.lower(k - 1), "was" | "is" | "were" | "been") {
                    cue.first = k - 1;
                }
                if self.lower(k + 1) == "as" && CUES.contains(self.lower(k + 2)) {
                    cue.last = k + 2;
                }
            }
            // "described by both leaders as": the subject follows "by"
            _ if word.ends_with("ed") && self.lower(k + 1) == "by" => {
                cue.last = k + 1;
                cue.subject_after = true;
            }
            _ => {}
        }
        let (a, b) = (self.span(cue.first)?, self.span(cue.last)?);
        cue.span = Span::new(a.start, b.end);
        Some(cue)
    }

    /// The last person named before byte `at`: what "he" or "she" stands for.
    fn person_before(&self, at: usize) -> Option<usize> {
        let i = self.people.partition_point(|&(start, _)| start < at);
        let &(_, m) = self.people.get(i.checked_sub(1)?)?;
        self.found.mentions.get(m).map(|x| x.entity)
    }

    /// The last person named before byte `at` whose titles hold `role`
    /// ("minister" for "Foreign Minister Sergei Lavrov").
    fn person_with_role(&self, role: &str, at: usize) -> Option<usize> {
        let i = self.people.partition_point(|&(start, _)| start < at);
        let from = i.saturating_sub(ROLE_LOOKBACK);
        self.people.get(from..i)?.iter().rev().find_map(|&(_, m)| {
            let entity = self.found.mentions.get(m)?.entity;
            let titles = &self.found.entities.get(entity)?.titles;
            titles
                .iter()
                .any(|t| {
                    t.to_lowercase()
                        .split_whitespace()
                        .any(|w| w.trim_end_matches('.') == role)
                })
                .then_some(entity)
        })
    }

    /// The subject a word at token `k` gives, when it can be one.
    fn subject_at(&self, k: usize, cue: &Cue) -> Option<Subject> {
        if self.quoted(k) {
            return None;
        }
        let word = self.lower(k);
        let at = self.span(k)?.start;
        if let Some(entity) = self.entity_at(k) {
            return Some(Subject::Entity(entity));
        }
        if PRONOUNS.contains(word) {
            return Some(match word {
                "he" | "she" => self
                    .person_before(at)
                    .map_or(Subject::Nobody, Subject::Entity),
                _ => Subject::Nobody,
            });
        }
        let singular = word.strip_suffix('s').filter(|w| ROLES.contains(w));
        if ROLES.contains(word) || singular.is_some() || SOURCES.contains(word) {
            let phrase = self.phrase_ending_at(k);
            if let Some(entity) = self.named_after(k) {
                return Some(Subject::Entity(entity));
            }
            if ROLES.contains(word) && !cue.document_only {
                if let Some(entity) = self.person_with_role(word, at) {
                    return Some(Subject::Entity(entity));
                }
            }
            return Some(Subject::Source(phrase));
        }
        None
    }

    /// "a statement issued by Japan's Ministry of Defense": the body named just
    /// after a source noun at `k`.
    fn named_after(&self, k: usize) -> Option<usize> {
        for j in k + 1..k + 5 {
            if let Some(entity) = self.entity_at(j) {
                return Some(entity);
            }
            if !matches!(
                self.lower(j),
                "issued" | "released" | "published" | "by" | "from" | "of" | "the" | "'s"
            ) {
                return None;
            }
        }
        None
    }

    /// The noun phrase ending at token `k`: back over up to three words to a
    /// determiner ("the Russian foreign ministry").
    fn phrase_ending_at(&self, k: usize) -> Span {
        let end = self.span(k).unwrap_or_default();
        let mut start = end.start;
        let sentence = self.sentence_of(k);
        for j in (k.saturating_sub(3)..k).rev() {
            let Some(token) = self.layer.tokens.get(j) else {
                break;
            };
            if self.quoted(j) || self.sentence_of(j) != sentence {
                break;
            }
            let word = self.lower(j);
            let wordlike = matches!(token.kind, TokenKind::Word) || word == "'s";
            if !wordlike || CUES.contains(word) || STOPS.contains(&word) {
                break;
            }
            start = token.span.start;
            if DETERMINERS.contains(&word) {
                break;
            }
        }
        Span::new(start, end.end)
    }

    /// The cue's subject: next to it (before, or after for "according to" and
    /// "…,” said Putin"), else the nearest person or pronoun before it in its
    /// sentence.
    fn subject(&self, cue: &Cue, inverted_first: bool) -> Option<Subject> {
        let before = || {
            let mut j = cue.first;
            for _ in 0..4 {
                j = j.checked_sub(1)?;
                if self.sentence_of(j) != self.sentence_of(cue.first) {
                    return None;
                }
                if let Some(s) = self.subject_at(j, cue) {
                    return Some(s);
                }
                if !BETWEEN_SUBJECT_AND_CUE.contains(&self.lower(j)) {
                    return None;
                }
            }
            None
        };
        let after = || {
            let sentence = self.sentence_of(cue.last);
            for j in cue.last + 1..cue.last + 5 {
                if self.sentence_of(j) != sentence {
                    return None;
                }
                if let Some(s) = self.subject_at(j, cue) {
                    return Some(s);
                }
                let word = self.lower(j);
                let capitalized = self
                    .span(j)
                    .and_then(|s| s.of(self.text).chars().next())
                    .is_some_and(char::is_uppercase);
                if !(DETERMINERS.contains(&word) || capitalized) {
                    return None;
                }
            }
            None
        };
        let found = if cue.subject_after {
            after()
        } else if inverted_first {
            after().or_else(before)
        } else {
            before()
        };
        if found.is_some() || cue.subject_after {
            return found.filter(|s| !cue.document_only || matches!(s, Subject::Source(_)));
        }
        if cue.document_only {
            return None;
        }
        // "Nikonov, director of …, said": the nearest person or he/she before it
        let range = self.sentence_tokens(self.sentence_of(cue.first));
        let mut other = None;
        for j in (range.start..cue.first).rev() {
            if self.quoted(j) {
                continue;
            }
            if let Some(m) = self.mention.get(j).copied().flatten() {
                let Some(men) = self.found.mentions.get(m) else {
                    continue;
                };
                if men.label == "PERSON" {
                    return Some(Subject::Entity(men.entity));
                }
                other = other.or(Some(Subject::Entity(men.entity)));
            } else if matches!(self.lower(j), "he" | "she") {
                let at = self.span(j)?.start;
                return self.person_before(at).map(Subject::Entity);
            }
        }
        other
    }
}

/// Words that end a role or source phrase going back.
const STOPS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "as", "in", "on", "at", "to", "for", "by", "of",
    "with", "while", "when", "where", "because", "than", "said", "says", "told",
];

/// Attribute each quotation found in the text.
pub fn attribute(
    text: &str,
    layer: &TextLayer,
    found: &EntityLayer,
    quotes: &[Found],
) -> Vec<Quote> {
    let reader = Reader::new(text, layer, found, quotes);
    let tokens = &layer.tokens;
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for (index, q) in quotes.iter().enumerate() {
        let a = tokens.partition_point(|t| t.span.start < q.span.start);
        let b = tokens.partition_point(|t| t.span.start < q.span.end);
        let mut quote = Quote {
            span: q.span,
            speaker: None,
            cue: None,
            kind: q.kind,
            source: None,
        };
        let found_cue = find_cue(&reader, a, b, text, q.span);
        if let Some((cue, inverted)) = found_cue {
            quote.cue = Some(cue.span);
            match reader.subject(&cue, inverted) {
                Some(Subject::Entity(e)) => quote.speaker = Some(e),
                Some(Subject::Source(span)) => quote.source = Some(span),
                Some(Subject::Nobody) | None => {}
            }
        } else if let Some(previous) = index.checked_sub(1).and_then(|i| out.get(i)) {
            // a quotation that goes on from the one before it
            if follows(previous.span, q.span, layer) {
                quote.speaker = previous.speaker;
                quote.source = previous.source;
            }
        }
        if quote.cue.is_none() && quote.speaker.is_none() && quote.source.is_none() {
            // the cue of the sentence before, in the same paragraph ("He agrees …
            // but adds that … “We are …”")
            if let Some(cue) = cue_in_sentence_before(&reader, a) {
                if let Some(Subject::Entity(e)) = reader.subject(&cue, false) {
                    quote.speaker = Some(e);
                    quote.cue = Some(cue.span);
                }
            }
        }
        out.push(quote);
    }
    // A few words in quotation marks that nobody is said to have said are a
    // term, a title or a name ("sample return", "Hope"), not a quotation.
    out.retain(|q| {
        let attributed = q.cue.is_some() || q.speaker.is_some() || q.source.is_some();
        let words = q.span.of(text).split_whitespace().count();
        attributed || q.kind == super::QuoteKind::Direct || words > MAX_TERM_WORDS
    });
    out
}

/// The most words an unattributed partial quotation may have and still be taken
/// for a term rather than a quotation.
const MAX_TERM_WORDS: usize = 4;

/// The cue of the quotation spanning tokens `a..b`, and whether its subject
/// may follow it ("…,” said Putin).
fn find_cue(reader: &Reader, a: usize, b: usize, text: &str, span: Span) -> Option<(Cue, bool)> {
    // right after the closing mark, in the sentence the quotation ends in
    let last_sentence = reader.sentence_of(b.saturating_sub(1).max(a));
    let end_range = reader.sentence_tokens(last_sentence);
    let mut later: Option<(Cue, bool)> = None;
    let mut k = b;
    while k < end_range.end {
        if reader.quoted(k) {
            break;
        }
        if let Some(cue) = reader.cue_at(k) {
            let gap = k - b;
            let comma_only = (b..k).all(|j| matches!(reader.lower(j), "," | "--" | "—"));
            if gap <= ADJACENT {
                return Some((cue, comma_only));
            }
            later = Some((cue, false));
            break;
        }
        k += 1;
    }
    // before the opening mark, in the sentence it begins in
    let first_sentence = reader.sentence_of(a);
    let start_range = reader.sentence_tokens(first_sentence);
    for k in (start_range.start..a).rev() {
        if reader.quoted(k) {
            break;
        }
        if let Some(cue) = reader.cue_at(k) {
            return Some((cue, false));
        }
    }
    if later.is_some() {
        return later;
    }
    // a colon that ends the sentence before ("He wrote:")
    let before = text.get(..span.start).unwrap_or("").trim_end();
    if before.ends_with(':') && a > 0 {
        let colon = a - 1;
        let range = reader.sentence_tokens(reader.sentence_of(colon));
        for k in (range.start..colon).rev() {
            if reader.quoted(k) {
                break;
            }
            if let Some(cue) = reader.cue_at(k) {
                return Some((cue, false));
            }
        }
    }
    None
}

/// Does the quotation at `next` go on from the one at `previous`: in the same
/// paragraph, or opening the paragraph right after it?
fn follows(previous: Span, next: Span, layer: &TextLayer) -> bool {
    let (p, n) = (
        paragraph_of(layer, previous.end.saturating_sub(1)),
        paragraph_of(layer, next.start),
    );
    if p == n {
        return true;
    }
    let opens = layer
        .paragraphs
        .get(n)
        .is_some_and(|par| par.start == next.start);
    n == p + 1 && opens
}

/// The paragraph holding byte `at` (or the next one after it).
fn paragraph_of(layer: &TextLayer, at: usize) -> usize {
    layer.paragraphs.partition_point(|p| p.end <= at)
}

/// A cue in the sentence before token `a`, when it is in the same paragraph.
fn cue_in_sentence_before(reader: &Reader, a: usize) -> Option<Cue> {
    let s = reader.sentence_of(a).checked_sub(1)?;
    let range = reader.sentence_tokens(s);
    let last = reader.span(range.end.checked_sub(1)?)?;
    let here = reader.span(a)?;
    if paragraph_of(reader.layer, last.start) != paragraph_of(reader.layer, here.start) {
        return None;
    }
    range.rev().find_map(|k| reader.cue_at(k))
}
