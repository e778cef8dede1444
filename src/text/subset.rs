//! Subsets of a text layer: the same text, read only in part.
//!
//! The stages that read only English run on the English paragraphs of an article
//! that mixes languages, and on what needs no English (numbers, ISO dates) in the
//! rest. [`restrict`] makes the layer they read: the tokens kept, the sentences
//! that still hold any (with their full spans), and for each of those its index in
//! the whole layer, so that what the stages say of a sentence can be put back.
//!
//! Guarantees: never panics; the subset's tokens and sentences are in order, every
//! sentence's token range lies inside the subset's tokens, and every span still
//! points into the same text.

use super::{Sentence, TextLayer};
use crate::ground::lexical::{push_lowercase, LowerWords};

/// A layer made of part of another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subset {
    /// The layer the stages read.
    pub layer: TextLayer,
    /// For each of its sentences, the index of that sentence in the whole layer.
    pub sentences: Vec<usize>,
}

/// The layer of the tokens `keep` accepts (given each token's index): sentences
/// left without tokens are dropped; paragraphs and quotations stay as they are.
pub fn restrict(
    text: &str,
    layer: &TextLayer,
    mut keep: impl FnMut(usize, &super::Token) -> bool,
) -> Subset {
    let mut tokens = Vec::with_capacity(layer.tokens.len());
    let mut sentences = Vec::with_capacity(layer.sentences.len());
    let mut origin = Vec::with_capacity(layer.sentences.len());
    for (index, sentence) in layer.sentences.iter().enumerate() {
        let start = tokens.len();
        for i in sentence.tokens.clone() {
            if let Some(token) = layer.tokens.get(i) {
                if keep(i, token) {
                    tokens.push(*token);
                }
            }
        }
        if tokens.len() > start {
            sentences.push(Sentence {
                span: sentence.span,
                tokens: start..tokens.len(),
            });
            origin.push(index);
        }
    }
    let lower = LowerWords::each(tokens.len(), text.len(), |i, buffer| {
        if let Some(token) = tokens.get(i) {
            push_lowercase(token.span.of(text), buffer);
        }
    });
    Subset {
        layer: TextLayer {
            tokens,
            sentences,
            paragraphs: layer.paragraphs.clone(),
            quotes: layer.quotes.clone(),
            lower,
            long_sentences: layer.long_sentences,
        },
        sentences: origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_chosen_tokens_and_maps_sentences_back() {
        let text = "One two three. Four five. Six seven.";
        let layer = super::super::segment(text);
        assert_eq!(layer.sentences.len(), 3);
        // Keep the first and last sentence only.
        let subset = restrict(text, &layer, |_, t| t.span.start < 13 || t.span.start > 26);
        assert_eq!(subset.sentences, [0, 2]);
        assert_eq!(subset.layer.sentences.len(), 2);
        for s in &subset.layer.sentences {
            assert!(s.tokens.end <= subset.layer.tokens.len());
        }
        assert_eq!(subset.layer.lower.iter().count(), subset.layer.tokens.len());
        let all = restrict(text, &layer, |_, _| true);
        assert_eq!(all.layer.tokens, layer.tokens);
        assert_eq!(all.sentences, [0, 1, 2]);
    }
}
