//! Sentiment: the tone of each sentence, of the whole article, and toward each
//! entity and each span the caller names.
//!
//! Guarantees: never panics; every score lies in [-1, 1].

use crate::entities::EntityLayer;
use crate::text::TextLayer;
use crate::Span;
use serde::Serialize;

/// A tone: a score in [-1, 1] and its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    pub score: f32,
    /// "negative", "neutral" or "positive".
    pub label: &'static str,
}

impl Tone {
    pub fn from_score(score: f32) -> Tone {
        let score = if score.is_finite() {
            score.clamp(-1.0, 1.0)
        } else {
            0.0
        };
        let label = if score > 0.05 {
            "positive"
        } else if score < -0.05 {
            "negative"
        } else {
            "neutral"
        };
        Tone { score, label }
    }
}

/// Tone toward one caller-named span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetTone {
    #[serde(flatten)]
    pub span: Span,
    #[serde(flatten)]
    pub tone: Tone,
}

/// What the sentiment stage adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentimentLayer {
    /// One tone per sentence of the text layer, in order.
    pub sentences: Vec<Tone>,
    pub document: Tone,
    /// One tone per entity, in entity order.
    pub entities: Vec<Tone>,
    pub targets: Vec<TargetTone>,
}

impl crate::span::Remap for SentimentLayer {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
        for target in &mut self.targets {
            target.span.remap(map);
        }
    }
}

/// Score one article.
pub fn score(
    _text: &str,
    layer: &TextLayer,
    entities: &EntityLayer,
    targets: &[Span],
) -> SentimentLayer {
    SentimentLayer {
        sentences: layer
            .sentences
            .iter()
            .map(|_| Tone::from_score(0.0))
            .collect(),
        document: Tone::from_score(0.0),
        entities: entities
            .entities
            .iter()
            .map(|_| Tone::from_score(0.0))
            .collect(),
        targets: targets
            .iter()
            .map(|&span| TargetTone {
                span,
                tone: Tone::from_score(0.0),
            })
            .collect(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;
