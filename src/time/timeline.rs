//! The timeline: each sentence dated by its first calendar expression, with the
//! names (not numbers) and the place it mentions, in chronological order.
//!
//! Guarantees: one event a sentence at most; events sort by date (BC before AD,
//! decades and centuries at their first year), then by sentence; never panics.

use super::{Event, Timex};
use crate::entities::EntityLayer;
use crate::ground::dates::split_year;
use crate::text::TextLayer;

/// Is this a value that places something on a calendar ("2002-11", "BC0480",
/// the decade "195", the century "BC03"; not "P3D" or "PAST_REF")? A decade or
/// a century is a long range, and the page draws it as one.
fn is_calendar_value(value: &str) -> bool {
    // A year and what is within it, or a decade or century ("195", "BC03").
    !chronological(value).0
}

/// The order of timeline dates: calendar values by year (BC before AD), then by
/// the rest of the value as text (ISO sorts so); anything else after them.
pub fn chronological(value: &str) -> (bool, i32, &str) {
    if let Some((year, rest)) = split_year(value) {
        return (false, year, rest);
    }
    // A decade ("195", "BC047") or a century ("19", "BC03") sorts at its first
    // year: 1950, 479 BC (astronomical -478), 1900, 399 BC.
    let (bc, digits) = match value.strip_prefix("BC") {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let digits = digits.trim_end_matches('X');
    let scale = match digits.len() {
        3 => 10,
        2 => 100,
        _ => return (true, 0, value),
    };
    match digits.parse::<i32>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            let first = if bc {
                1 - (n * scale + scale - 1)
            } else {
                n * scale
            };
            (false, first, "")
        }
        _ => (true, 0, value),
    }
}

pub(super) fn timeline(
    text: &str,
    layer: &TextLayer,
    entities: &EntityLayer,
    timexes: &[Timex],
    sentence_of: &[usize],
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut dated = std::collections::BTreeSet::new();
    // The mentions in text order, so a sentence finds its own by binary search
    // (scanning them all for each sentence took minutes on a 10 MB paste).
    // (keyed by start and then index, so that one unstable sort is exact)
    let mut in_order: Vec<(usize, usize)> = (entities.mentions.iter())
        .enumerate()
        .map(|(k, m)| (m.span.start, k))
        .collect();
    in_order.sort_unstable();
    for (index, (timex, &sentence)) in timexes.iter().zip(sentence_of).enumerate() {
        if !matches!(timex.kind.as_str(), "DATE" | "TIME")
            || !is_calendar_value(&timex.value)
            || !dated.insert(sentence)
        {
            continue;
        }
        let Some(s) = layer.sentences.get(sentence) else {
            continue;
        };
        let mut involved = Vec::new();
        let mut place = None;
        let first = in_order.partition_point(|&(start, _)| start < s.span.start);
        let mut mentions: Vec<usize> = in_order
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(start, _)| start < s.span.end)
            .map(|&(_, k)| k)
            .collect();
        // (in the entity layer's own order, as before)
        mentions.sort_unstable();
        let mentions = mentions
            .into_iter()
            .filter_map(|k| entities.mentions.get(k));
        for m in mentions.filter(|m| s.span.contains(m.span)) {
            if matches!(
                m.label.as_str(),
                "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" | "ORDINAL"
            ) {
                continue;
            }
            if matches!(m.label.as_str(), "GPE" | "LOC") && place.is_none() {
                place = Some(m.entity);
            }
            if !involved.contains(&m.entity) {
                involved.push(m.entity);
            }
        }
        let sentence_text = s
            .span
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let label = if sentence_text.chars().count() > 140 {
            format!("{}…", sentence_text.chars().take(139).collect::<String>())
        } else {
            sentence_text
        };
        events.push(Event {
            when: timex
                .value
                .split('T')
                .next()
                .unwrap_or(&timex.value)
                .to_string(),
            until: timex.value_end.clone(),
            sentence,
            timex: index,
            entities: involved,
            place,
            label,
        });
    }
    events.sort_by(|a, b| {
        chronological(&a.when)
            .cmp(&chronological(&b.when))
            .then(a.sentence.cmp(&b.sentence))
    });
    events
}
