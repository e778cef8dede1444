//! Quotes: quoted speech and who said it.
//!
//! [`attribute`] finds every quotation in the cleaned text (straight, curly and
//! broken-encoding marks; over several paragraphs; whole or partial) and, for
//! each, the cue that attributes it ("said", "told", "according to", "He
//! wrote:") and the speaker: an entity of the entities stage (named, or named
//! earlier and pointed to by "he" or "the minister"), or else the document or
//! group it comes from ("the statement", "the ministry") as a `source` span.
//!
//! Guarantees: never panics; linear in the text plus a bounded look around each
//! quotation; quotations are in text order and do not overlap; every span lies in
//! the text on char boundaries; `speaker` is an index into the entities given.

mod detect;
mod speaker;
#[cfg(test)]
mod tests;

use crate::entities::EntityLayer;
use crate::text::TextLayer;
use crate::Span;
use serde::Serialize;

pub use detect::QuoteKind;

/// One quotation with its attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    #[serde(flatten)]
    /// The quotation, its marks included.
    pub span: Span,
    /// Who said it: an index into the entities, when it is a named one.
    pub speaker: Option<usize>,
    /// The words that attribute it ("said", "according to"), when there are any
    /// (none when it goes on from the quotation before it).
    pub cue: Option<Span>,
    /// Whole sentences of speech, or a few words inside the writer's sentence.
    pub kind: QuoteKind,
    /// The document or group it comes from ("the statement", "the ministry"),
    /// or a role no named person holds ("the official"), when that is the
    /// attribution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

impl crate::ground::span::Remap for Quote {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        self.span.remap(map);
        self.cue.remap(map);
        self.source.remap(map);
    }
}

/// Find the quotations of a text and attribute each to its speaker.
pub fn attribute(text: &str, layer: &TextLayer, found: &EntityLayer) -> Vec<Quote> {
    let quotes = detect::find(text, &layer.paragraphs);
    speaker::attribute(text, layer, found, &quotes)
}
