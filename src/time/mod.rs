//! Time: finds temporal expressions, normalizes them to TIMEX3 values against the
//! article's date, and builds the timeline of dated events.
//!
//! Guarantees: never panics; every timex span lies inside the text.

use crate::entities::EntityLayer;
use crate::intake::Published;
use crate::text::TextLayer;
use crate::Span;
use serde::Serialize;

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    #[serde(flatten)]
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// The TIMEX3 value, e.g. `2002-11-29`, `P3D`, `XXXX-WXX-1`.
    pub value: String,
}

/// A sentence anchored to a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub when: String,
    /// Index into the document's sentences.
    pub sentence: usize,
    /// Indices into the document's entities.
    pub entities: Vec<usize>,
    pub label: String,
}

/// What the time stage adds.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TimeLayer {
    /// The document creation time used to resolve relative dates.
    pub published: Option<Published>,
    pub timexes: Vec<Timex>,
    pub timeline: Vec<Event>,
}

impl crate::span::Remap for TimeLayer {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
        for timex in &mut self.timexes {
            timex.span.remap(map);
        }
    }
}

/// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY` into (year, month, day) with 0 for absent parts.
pub fn parse_iso_date(value: &str) -> Option<(i32, u32, u32)> {
    let mut parts = value.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => 0,
    };
    let day: u32 = match parts.next() {
        Some(d) => d.parse().ok().filter(|d| (1..=31).contains(d))?,
        None => 0,
    };
    if parts.next().is_some() || !(1..=9999).contains(&year) {
        return None;
    }
    Some((year, month, day))
}

/// Find and normalize the temporal expressions of one article.
pub fn resolve(
    _text: &str,
    _layer: &TextLayer,
    _entities: &EntityLayer,
    published: Option<&Published>,
) -> TimeLayer {
    TimeLayer {
        published: published.cloned(),
        ..TimeLayer::default()
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;
