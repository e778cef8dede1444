//! Time: finds temporal expressions, normalizes them to TIMEX3 values against the
//! article's date, and builds the timeline of dated events.
//!
//! Guarantees: never panics; every timex span lies inside the text.

use crate::entities::EntityLayer;
use crate::ground::dates::{full_forms, tag_lowered, tag_sentences, tagger, TaggerWords};
use crate::intake::Published;
use crate::text::TextLayer;
use crate::Span;
use article_date::{blur_guessed_days, infer_published, reference_date, weekday_year};
use serde::Serialize;
pub use timeline::chronological;
use timeline::timeline;

mod article_date;
#[cfg(test)]
mod cases;
mod dating;
pub(crate) mod officeholders;
#[cfg(test)]
pub(crate) mod tests;
mod timeline;
// (proptest, a dev-dependency, is native only)
#[cfg(all(test, not(target_arch = "wasm32")))]
mod value_forms;

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    #[serde(flatten)]
    /// Where the expression is.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// The TIMEX3 value, e.g. `2002-11-29`, `P3D`, `XXXX-WXX-1`.
    pub value: String,
    /// For a range ("1-3 December"), the value of its last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_end: Option<String>,
    /// START, MID or END ("early 2002", "late September").
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// A sentence anchored to a date: one point of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The date (`2002-11-29`, `2002-11`, `2002`, `2002-W48`…): as precise as the text is.
    pub when: String,
    /// The last date of a range, when the text gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Index into the document's sentences.
    pub sentence: usize,
    /// Index into `timexes` of the expression that dates it.
    pub timex: usize,
    /// Indices into the document's entities (names, not numbers) in the sentence.
    pub entities: Vec<usize>,
    /// The place in the sentence (an entity index), if any.
    pub place: Option<usize>,
    /// The sentence, shortened.
    pub label: String,
}

/// What the time stage adds.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TimeLayer {
    /// The document creation time used to resolve relative dates.
    pub published: Option<Published>,
    /// Every temporal expression, in text order.
    pub timexes: Vec<Timex>,
    /// Dated sentences in chronological order.
    pub timeline: Vec<Event>,
}

impl crate::ground::span::Remap for TimeLayer {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        for timex in &mut self.timexes {
            timex.span.remap(map);
        }
        for evidence in self.published.iter_mut().flat_map(|p| &mut p.evidence) {
            evidence.span.remap(map);
        }
    }
}

/// Find and normalize the temporal expressions of one article.
pub fn resolve(
    text: &str,
    layer: &TextLayer,
    entities: &EntityLayer,
    published: Option<&Published>,
) -> TimeLayer {
    resolve_in(text, layer, entities, published, None)
}

/// [`resolve`] for an article read in part (`layer` holds the tokens the
/// English tagger can read): an undated article is dated from all its words
/// (`whole`: titles, names and terms in any language), its expressions from
/// `layer`'s.
pub fn resolve_in_part(
    text: &str,
    layer: &TextLayer,
    entities: &EntityLayer,
    published: Option<&Published>,
    whole: &TextLayer,
) -> TimeLayer {
    resolve_in(text, layer, entities, published, Some(whole))
}

fn resolve_in(
    text: &str,
    layer: &TextLayer,
    entities: &EntityLayer,
    published: Option<&Published>,
    whole: Option<&TextLayer>,
) -> TimeLayer {
    let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(text)).collect();
    let ranges: Vec<std::ops::Range<usize>> =
        layer.sentences.iter().map(|s| s.tokens.clone()).collect();
    let lower = full_forms(layer.lower.iter());
    let tagged = TaggerWords::new(&words, &lower);
    // A weak stamp (a "Last Updated" line, a copyright year) is one clue
    // among the others of an undated article.
    // So is a dateline without its day: a year in parentheses is a citation
    // as often as a dateline.
    let weak = |p: &&Published| {
        p.confidence < 0.5 || (p.source == "dateline" && p.value.len() < "2001-01-01".len())
    };
    let stamp = published.filter(weak);
    let mut published = published
        .filter(|p| reference_date(p).is_some())
        .filter(|p| !weak(p))
        .cloned();
    let lead_end = ranges.get(2).or(ranges.last()).map_or(0, |r| r.end);
    if published.is_none() {
        // A full date in the first three sentences is the likeliest article date.
        // Sentences are tagged in order, each seeing only those before it, so the
        // lead tagged alone gives the same expressions as the whole text: when it
        // settles the date, the text is tagged once, against it.
        let lead = tag_sentences(&tagged, ranges.get(..3).unwrap_or(&ranges), None, None);
        published = infer_published(&lead, lead_end).filter(|p| p.confidence >= 0.7);
    }
    let mut found = tag_lowered(
        &tagged,
        &ranges,
        published.as_ref().and_then(reference_date),
    );
    // An undated article, or one dated only by a full date in its lead: what
    // the text names that the record dates (office-holders, events, terms, the
    // years it writes, the stamp, the lead's date); else a full date the text
    // writes, a weekday and date that agree in one year, the year it names most.
    let from_lead = published.as_ref().is_some_and(|p| p.source == "inferred");
    if published.is_none() || from_lead {
        let before = published.take();
        let tagged_against = before.as_ref().map(|p| p.value.clone());
        let weekday = weekday_year(&found, &lower, lead_end);
        let dated = match whole {
            // The whole text's words, the expressions moved onto them.
            Some(whole) => {
                let at = |i: usize| {
                    layer.tokens.get(i).map(|t| {
                        whole
                            .tokens
                            .partition_point(|w| w.span.start < t.span.start)
                    })
                };
                let after = |end: usize| end.checked_sub(1).and_then(at).map_or(0, |i| i + 1);
                let moved: Vec<tagger::Found> = found
                    .iter()
                    .filter_map(|f| {
                        Some(tagger::Found {
                            start: at(f.start)?,
                            end: after(f.end),
                            ..f.clone()
                        })
                    })
                    .collect();
                let whole_words: Vec<&str> = whole.tokens.iter().map(|t| t.span.of(text)).collect();
                let whole_lower = full_forms(whole.lower.iter());
                let whole_ranges: Vec<std::ops::Range<usize>> =
                    whole.sentences.iter().map(|s| s.tokens.clone()).collect();
                let read = dating::Read {
                    words: &whole_words,
                    lower: &whole_lower,
                    tokens: &whole.tokens,
                    sentences: &whole_ranges,
                    found: &moved,
                };
                dating::date(&read, stamp, weekday, after(lead_end))
            }
            None => {
                let read = dating::Read {
                    words: &words,
                    lower: &lower,
                    tokens: &layer.tokens,
                    sentences: &ranges,
                    found: &found,
                };
                dating::date(&read, stamp, weekday, lead_end)
            }
        };
        published = dated
            .or(before)
            .or_else(|| match infer_published(&found, lead_end) {
                Some(full) if full.confidence >= 0.4 => Some(full),
                weak => weekday_year(&found, &lower, lead_end).or(weak),
            });
        if published.as_ref().map(|p| &p.value) != tagged_against.as_ref() {
            if let Some(dct) = published.as_ref().and_then(reference_date) {
                found = tag_lowered(&tagged, &ranges, Some(dct));
            }
        }
    }
    if let Some(published) = &published {
        blur_guessed_days(&mut found, &published.value, |dct| {
            tag_lowered(&tagged, &ranges, Some(dct))
        });
    }
    let mut timexes = Vec::with_capacity(found.len());
    let mut sentence_of = Vec::with_capacity(found.len());
    for f in &found {
        let Some((span, second)) = spans_of(text, &layer.tokens, f) else {
            continue;
        };
        let sentence = layer.sentences.partition_point(|s| s.tokens.end <= f.start);
        let timex = |span, value: &str, value_end: Option<&String>| Timex {
            span,
            kind: f.kind.to_string(),
            value: value.to_string(),
            value_end: value_end.cloned(),
            modifier: f.modifier.map(str::to_string),
        };
        // A range written backwards ("the 3-1 December talks") links nothing: the
        // two dates stay, the span between them is not claimed.
        let value_end = f
            .value_end
            .as_ref()
            .filter(|end| chronological(end) >= chronological(&f.value));
        timexes.push(timex(span, &f.value, value_end));
        sentence_of.push(sentence);
        if let (Some(second), Some(last)) = (second, &f.value_end) {
            timexes.push(timex(second, last, None));
            sentence_of.push(sentence);
        }
    }
    let timeline = timeline(text, layer, entities, &timexes, &sentence_of);
    TimeLayer {
        published,
        timexes,
        timeline,
    }
}

/// The text span of a found expression, and a second span when it is a range
/// with its dash inside a word ("1939-1945", "1915-17", "499-493 BC", "July-August
/// 2002", "17 August-2 September 1914"): TimeML marks each end as an expression
/// of its own ("July" and "August 2002"), the first carrying the range's end as
/// its `value_end`. Only a dash between two date pieces (digits or a month name)
/// splits: "mid-1990s" stays whole.
pub fn spans_of(
    text: &str,
    tokens: &[crate::text::Token],
    f: &tagger::Found,
) -> Option<(Span, Option<Span>)> {
    let first = tokens.get(f.start)?.span;
    let last = tokens.get(f.end.checked_sub(1)?)?.span;
    let whole = Span::new(first.start, last.end);
    if f.value_end.is_none() {
        return Some((whole, None));
    }
    // (a day, a year, a month, or a clock time: "10:00-11:30")
    let piece = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b':'))
            || crate::ground::lexical::is_month_word(s)
    };
    for token in tokens.get(f.start..f.end).unwrap_or_default() {
        let word = token.span.of(text);
        let Some((before, after)) = tagger::joined(word) else {
            continue;
        };
        if piece(before) && piece(after) {
            let dash_start = token.span.start + before.len();
            let dash_end = token.span.end - after.len();
            return Some((
                Span::new(first.start, dash_start),
                Some(Span::new(dash_end, last.end)),
            ));
        }
        return Some((whole, None));
    }
    Some((whole, None))
}
