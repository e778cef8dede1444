//! Entities: finds names (people, organizations, places, groups, events) and
//! numeric expressions, and groups mentions into one entity per real-world thing.
//!
//! Guarantees: never panics; every mention's span lies inside the text on char
//! boundaries; every mention points at an entity that lists it.

use crate::text::TextLayer;
use crate::{DictionaryEntry, Span};
use serde::Serialize;

/// A caller's dictionary of names, prepared for matching.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pub entries: Vec<DictionaryEntry>,
}

impl Dictionary {
    pub fn new(entries: &[DictionaryEntry]) -> Dictionary {
        Dictionary {
            entries: entries.to_vec(),
        }
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
    /// Index into [`EntityLayer::entities`].
    pub entity: usize,
    #[serde(rename = "type")]
    pub label: String,
}

/// A real-world thing mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    #[serde(rename = "type")]
    pub label: String,
    pub aliases: Vec<String>,
    /// Indices into [`EntityLayer::mentions`].
    pub mentions: Vec<usize>,
    /// 0..1, how central the entity is to the article.
    pub salience: f32,
}

/// What the entities stage adds.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EntityLayer {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl crate::span::Remap for EntityLayer {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
        for mention in &mut self.mentions {
            mention.span.remap(map);
        }
    }
}

/// Find the entities of one article.
pub fn recognize(_text: &str, _layer: &TextLayer, _dictionary: &Dictionary) -> EntityLayer {
    EntityLayer::default()
}

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;
