//! Time: finds temporal expressions, normalizes them to TIMEX3 values against the
//! article's date, and builds the timeline of dated events.
//!
//! Guarantees: never panics; every timex span lies inside the text.

use crate::entities::EntityLayer;
use crate::ground::dates::calendar::Date;
use crate::ground::dates::{
    full_forms, parse_iso_date, split_year, tag_lowered, tag_sentences, tagger, written_years,
};
use crate::intake::Published;
use crate::text::TextLayer;
use crate::Span;
use serde::Serialize;

pub mod officeholders;
// (proptest, a dev-dependency, is native only)
#[cfg(all(test, not(target_arch = "wasm32")))]
mod value_forms;

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
    pub timexes: Vec<Timex>,
    /// Dated sentences in chronological order.
    pub timeline: Vec<Event>,
}

impl crate::ground::span::Remap for TimeLayer {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        for timex in &mut self.timexes {
            timex.span.remap(map);
        }
    }
}

/// The reference date of a published value: missing month or day count as the middle.
fn reference_date(published: &Published) -> Option<Date> {
    // An article is written after 1 AD.
    let (y, m, d) = parse_iso_date(&published.value).filter(|(y, _, _)| (1..=9999).contains(y))?;
    Date::new(y, if m == 0 { 7 } else { m }, if d == 0 { 1 } else { d })
}

/// Infer the article date from the text: a full date near the top (a dateline)
/// is likely the article's own; else the latest full date; else the most
/// mentioned year.
fn infer_published(found: &[tagger::Found], first_sentences_end: usize) -> Option<Published> {
    let full = |f: &&tagger::Found| {
        f.kind == "DATE" && f.value.len() == 10 && parse_iso_date(&f.value).is_some()
    };
    if let Some(f) = found
        .iter()
        .filter(full)
        .find(|f| f.start < first_sentences_end)
    {
        return Some(Published {
            value: f.value.clone(),
            source: "inferred".into(),
            confidence: 0.7,
        });
    }
    if let Some(f) = found
        .iter()
        .filter(full)
        .max_by(|a, b| a.value.cmp(&b.value))
    {
        return Some(Published {
            value: f.value.clone(),
            source: "inferred".into(),
            confidence: 0.4,
        });
    }
    let mut years: Vec<&str> = found
        .iter()
        .filter(|f| {
            f.kind == "DATE" && f.value.len() == 4 && f.value.bytes().all(|b| b.is_ascii_digit())
        })
        .map(|f| f.value.as_str())
        .collect();
    years.sort_unstable();
    let mut best: Option<(&str, usize)> = None;
    for chunk in years.chunk_by(|a, b| a == b) {
        if let Some(year) = chunk.first() {
            if best.is_none_or(|(_, n)| chunk.len() >= n) {
                best = Some((year, chunk.len()));
            }
        }
    }
    // A guess, and named so: the year the text names most.
    best.map(|(year, _)| Published {
        value: year.to_string(),
        source: "mentions".into(),
        confidence: 0.2,
    })
}

/// A weekday written with its date ("Thursday, Jan. 6") fixes the year up to the
/// calendar's cycle. Of the years where each such date falls on its weekday, the
/// article's is taken to be the first not before the latest year the text
/// writes (news names past years, rarely later ones): a guess, so confidence 0.3.
/// The date itself when it is in the first sentences (a dateline), else the year.
fn weekday_year(found: &[tagger::Found], lower: &[&str], lead_end: usize) -> Option<Published> {
    let latest = written_years(found, lower).into_iter().max()?;
    let mut first: Option<(u32, u32, bool)> = None;
    let mut candidates: Option<Vec<i32>> = None;
    for f in found.iter().filter(|f| f.kind == "DATE") {
        let (Some(weekday), Some(rest)) = (
            lower.get(f.start).and_then(|w| tagger::weekday_number(w)),
            f.value.strip_prefix("XXXX-").filter(|r| r.len() == 5),
        ) else {
            continue;
        };
        let (Some(m), Some(d)) = (
            rest.get(..2).and_then(|m| m.parse::<u32>().ok()),
            rest.get(3..).and_then(|d| d.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let years: Vec<i32> = (latest..latest + 30)
            .filter(|&y| Date::new(y, m, d).is_some_and(|date| date.weekday() == weekday))
            .collect();
        candidates = Some(match candidates {
            None => years,
            Some(before) => before.into_iter().filter(|y| years.contains(y)).collect(),
        });
        first.get_or_insert((m, d, f.start < lead_end));
    }
    let year = *candidates?.first()?;
    let (m, d, in_lead) = first?;
    let value = if in_lead {
        Date::new(year, m, d)?.iso()
    } else {
        format!("{year:04}")
    };
    Some(Published {
        value,
        source: "weekday".into(),
        confidence: 0.3,
    })
}

/// An article dated only to its year or month gives "Saturday" or "last month"
/// no day to count from: the reference date stands in the middle, and the day
/// it yields is a guess. Tagged again against another day of that year (or
/// month), an expression whose value moves is cut back to what stays the same,
/// the year (or the month): "Saturday" in an article of 2007 is "2007", not a
/// made-up day. Dates the text writes out do not move and stay as they are.
fn blur_guessed_days(
    found: &mut [tagger::Found],
    published: &str,
    tag: impl Fn(Date) -> Vec<tagger::Found>,
) {
    let Some((y, m, d)) = parse_iso_date(published) else {
        return;
    };
    // The reference date stands at 1 July of a year, the 1st of a month; the
    // other reading is months (or weeks) away. A value that might move is one
    // more precise than the article's date.
    let (other, precise) = match (m, d) {
        (0, _) => (Date::new(y, 11, 15), 4),
        (m, 0) => (Date::new(y, m, 26), 7),
        _ => return,
    };
    let might_move = |f: &tagger::Found| {
        matches!(f.kind, "DATE" | "TIME")
            && f.value.len() > precise
            && f.value.bytes().next().is_some_and(|b| b.is_ascii_digit())
    };
    let Some(other) = other.filter(|_| found.iter().any(might_move)) else {
        return;
    };
    let retagged = tag(other);
    // A calendar value's year ("2007"), and its year and month ("2007-09") when
    // it names a month.
    fn year(v: &str) -> Option<&str> {
        v.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
    }
    fn month(v: &str) -> Option<&str> {
        v.get(..7)
            .filter(|m| year(m).is_some() && m.as_bytes().get(4) == Some(&b'-'))
            .filter(|m| {
                m.get(5..)
                    .is_some_and(|mm| mm.bytes().all(|b| b.is_ascii_digit()))
            })
    }
    for f in found.iter_mut() {
        if !matches!(f.kind, "DATE" | "TIME") {
            continue;
        }
        let Some(o) = retagged
            .iter()
            .find(|o| (o.start, o.end) == (f.start, f.end))
        else {
            continue;
        };
        if o.value == f.value && o.value_end == f.value_end {
            continue;
        }
        // Keep the month when both readings name the same one ("October"), else
        // the year of the reading against the middle of the article's period.
        let same_month = month(&f.value)
            .is_some_and(|m| month(&o.value).map(|om| om.get(5..)) == Some(m.get(5..)));
        let kept = if same_month {
            month(&f.value)
        } else {
            year(&f.value)
        };
        if let Some(kept) = kept.map(str::to_string) {
            if kept != f.value {
                f.kind = "DATE";
                f.value_end = None;
                f.modifier = None;
                f.value = kept;
            }
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
    let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(text)).collect();
    let ranges: Vec<std::ops::Range<usize>> =
        layer.sentences.iter().map(|s| s.tokens.clone()).collect();
    let lower = full_forms(layer.lower.iter());
    // The leaders the text names with their title bound when it was written: a
    // weak date (a "Last Updated" stamp, a copyright year) outside that is dropped.
    let weak = |p: &&Published| p.confidence < 0.5;
    let leaders = published
        .is_none_or(|p| weak(&p))
        .then(|| officeholders::window(&words, &lower))
        .flatten();
    let mut published = published
        .filter(|p| reference_date(p).is_some())
        .filter(|p| !weak(p) || leaders.is_none_or(|w| w.admits(&p.value)))
        .cloned();
    let lead_end = ranges.get(2).or(ranges.last()).map_or(0, |r| r.end);
    if published.is_none() {
        // A full date in the first three sentences is the likeliest article date.
        // Sentences are tagged in order, each seeing only those before it, so the
        // lead tagged alone gives the same expressions as the whole text: when it
        // settles the date, the text is tagged once, against it.
        let lead = tag_sentences(
            &words,
            &lower,
            ranges.get(..3).unwrap_or(&ranges),
            None,
            None,
        );
        published = infer_published(&lead, lead_end).filter(|p| p.confidence >= 0.7);
    }
    let mut found = tag_lowered(
        &words,
        &lower,
        &ranges,
        published.as_ref().and_then(reference_date),
    );
    if published.is_none() {
        // A full date the text writes; else a weekday and date that agree in one
        // year; else the year it names most.
        published = match infer_published(&found, lead_end) {
            Some(full) if full.confidence >= 0.4 => Some(full),
            weak => weekday_year(&found, &lower, lead_end).or(weak),
        };
        if let Some(leaders) = leaders {
            if published
                .as_ref()
                .is_none_or(|p| weak(&p) && !leaders.admits(&p.value))
            {
                // A date the leaders rule out is no date at all.
                published = leaders
                    .published()
                    .or_else(|| leaders.latest_year(&written_years(&found, &lower)));
            }
        }
        if let Some(dct) = published.as_ref().and_then(reference_date) {
            found = tag_lowered(&words, &lower, &ranges, Some(dct));
        }
    }
    if let Some(published) = &published {
        blur_guessed_days(&mut found, &published.value, |dct| {
            tag_lowered(&words, &lower, &ranges, Some(dct))
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
pub(crate) fn spans_of(
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

fn timeline(
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

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ground::dates::{bc_form, tag_words};

    /// (text, type, value[, value_end]) of every expression, against `dct`.
    pub(crate) fn tag(text: &str, dct: &str) -> Vec<(String, String, String, Option<String>)> {
        let layer = crate::text::segment(text);
        let published = Published {
            value: dct.into(),
            source: "caller".into(),
            confidence: 1.0,
        };
        resolve(text, &layer, &EntityLayer::default(), Some(&published))
            .timexes
            .into_iter()
            .map(|t| (t.span.of(text).to_string(), t.kind, t.value, t.value_end))
            .collect()
    }

    /// (text, value, end) of every expression, against `dct`.
    fn pieces(text: &str, dct: &str) -> Vec<(String, String, Option<String>)> {
        tag(text, dct)
            .into_iter()
            .map(|t| (t.0, t.2, t.3))
            .collect()
    }

    /// An expected (text, value, end).
    fn piece(text: &str, value: &str, end: Option<&str>) -> (String, String, Option<String>) {
        (text.to_string(), value.to_string(), end.map(str::to_string))
    }

    fn values(text: &str, dct: &str) -> Vec<String> {
        tag(text, dct).into_iter().map(|t| t.2).collect()
    }

    /// [`tag`] for a text given no date.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn tag_undated(text: &str) -> Vec<(String, String, String, Option<String>)> {
        undated(text)
            .timexes
            .into_iter()
            .map(|t| (t.span.of(text).to_string(), t.kind, t.value, t.value_end))
            .collect()
    }

    /// The time layer of a text given no date.
    fn undated(text: &str) -> TimeLayer {
        resolve(
            text,
            &crate::text::segment(text),
            &EntityLayer::default(),
            None,
        )
    }

    /// Like [`tag`], for an article whose date is only guessed (`confidence` < 0.5).
    fn tag_guessed(
        text: &str,
        published: &str,
        source: &str,
    ) -> (Option<Published>, Vec<(String, String)>) {
        let layer = crate::text::segment(text);
        let published = Published {
            value: published.into(),
            source: source.into(),
            confidence: 0.3,
        };
        let time = resolve(text, &layer, &EntityLayer::default(), Some(&published));
        let values = time
            .timexes
            .iter()
            .map(|t| (t.span.of(text).to_string(), t.value.clone()))
            .collect();
        (time.published, values)
    }

    #[test]
    fn the_leaders_named_date_an_undated_article() {
        let text = "President Vladimir Putin told Chinese President Hu Jintao, U.S. President \
                    George W. Bush and Japanese Prime Minister Shinzo Abe on Saturday that nothing would change after \
                    he leaves office next year. He met them in Sydney last month.";
        // A "Last Updated" stamp of 2016 cannot be the date of a story with those
        // four in office: the window they share, Sep 2006 - Sep 2007, dates it.
        let (published, values) = tag_guessed(text, "2016-07-27", "updated");
        let published = published.expect("a date");
        assert_eq!(
            (published.value.as_str(), published.source.as_str()),
            ("2007", "officeholders")
        );
        assert!(
            values.contains(&("next year".into(), "2008".into())),
            "{values:?}"
        );
        // The year is known, the day is not: no made-up day for "Saturday".
        assert!(
            values.contains(&("Saturday".into(), "2007".into())),
            "{values:?}"
        );
        assert!(
            values.contains(&("last month".into(), "2007".into())),
            "{values:?}"
        );
        // A stamp inside the window stays, with its day.
        let (published, values) = tag_guessed(text, "2007-09-10", "updated");
        assert_eq!(published.map(|p| p.value).as_deref(), Some("2007-09-10"));
        assert!(
            values.contains(&("last month".into(), "2007-08".into())),
            "{values:?}"
        );
        // A weak year is kept when the leaders allow it; its days are not guessed,
        // but a month the text names keeps its month.
        let text = "President Barack Obama met Chancellor Angela Merkel on Friday. \
                    They had spoken in October.";
        let (published, values) = tag_guessed(text, "2013", "copyright");
        assert_eq!(published.map(|p| p.value).as_deref(), Some("2013"));
        assert_eq!(
            values,
            vec![
                ("Friday".into(), "2013".into()),
                ("October".into(), "2012-10".into())
            ]
        );
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            values("Moscow, 29 November 2002 (RFE/RL)", "2002-11-29"),
            ["2002-11-29"]
        );
        assert_eq!(
            values("On September 1, 1939, war broke out.", "2009-12-19"),
            ["1939-09-01"]
        );
        assert_eq!(
            values(
                "Sales in Nov. 2002 and in 2002-11-03 and 07/27/2016.",
                "2002-12-01"
            ),
            ["2002-11", "2002-11-03", "2016-07-27"]
        );
        assert_eq!(values("It was founded in 1998.", "2002-12-01"), ["1998"]);
    }

    #[test]
    fn ranges_decades_centuries_seasons_quarters() {
        let range = tag("The summit runs 1-3 December.", "2002-11-29");
        assert_eq!(range[0].2, "2002-12-01");
        assert_eq!(range[0].3.as_deref(), Some("2002-12-03"));
        assert_eq!(
            values("in the 1950s and the '90s", "2002-11-29"),
            ["195", "199"]
        );
        assert_eq!(values("the 20th century", "2002-11-29"), ["19"]);
        // Spelled, or joined to what it describes.
        assert_eq!(
            values(
                "In eighteenth-century France, as in the nineteenth century, 19th-century writers wrote.",
                "2002-11-29"
            ),
            ["17", "18", "18"]
        );
        assert_eq!(values("last summer", "2007-09-08"), ["2006-SU"]);
        assert_eq!(
            values("the third quarter of 1997", "1998-01-08"),
            ["1997-Q3"]
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_dct() {
        // 2007-09-08 was a Saturday.
        assert_eq!(
            values(
                "Putin told the leaders on Saturday that policy would not change.",
                "2007-09-08"
            ),
            ["2007-09-08"]
        );
        assert_eq!(
            values("He met Bush on Thursday.", "2007-09-08"),
            ["2007-09-06"]
        );
        assert_eq!(
            values("He will meet Bush on Thursday.", "2007-09-08"),
            ["2007-09-13"]
        );
        assert_eq!(
            values("He leaves office next year.", "2007-09-08"),
            ["2008"]
        );
        assert_eq!(values("Prices rose last month.", "2007-09-08"), ["2007-08"]);
        assert_eq!(
            values("It happened earlier this month.", "2007-09-08"),
            ["2007-09"]
        );
        assert_eq!(
            values("It happened three years ago.", "2007-09-08"),
            ["2004"]
        );
        assert_eq!(
            values("yesterday and today and tomorrow", "2007-09-08"),
            ["2007-09-07", "2007-09-08", "2007-09-09"]
        );
        assert_eq!(values("last week", "2002-11-29"), ["2002-W47"]);
        assert_eq!(
            values(
                "The presidential election will be held in March.",
                "2007-09-08"
            ),
            ["2008-03"]
        );
        assert_eq!(
            values("The vote was held in March.", "2007-09-08"),
            ["2007-03"]
        );
    }

    #[test]
    fn durations_sets_times_and_references() {
        assert_eq!(values("for three days", "2007-09-08"), ["P3D"]);
        assert_eq!(values("for 2 1/2 years", "2007-09-08"), ["P2Y6M"]);
        assert_eq!(values("for at least two more weeks", "2007-09-08"), ["P2W"]);
        assert_eq!(
            values("extended for an additional year", "2007-09-08"),
            ["P1Y"]
        );
        assert!(values("two more people", "2007-09-08").is_empty());
        assert_eq!(
            values("then 5 1/2 hours in Nairobi", "2007-09-08"),
            ["PT5H30M"]
        );
        assert_eq!(values("the past three months", "2007-09-08"), ["P3M"]);
        assert_eq!(values("a five-year plan", "2007-09-08"), ["P5Y"]);
        assert_eq!(values("every Monday", "2007-09-08"), ["XXXX-WXX-1"]);
        assert_eq!(values("at 10:30 a.m.", "2007-09-08"), ["2007-09-08T10:30"]);
        assert_eq!(values("now", "2007-09-08"), ["PRESENT_REF"]);
        assert_eq!(tag("for three days", "2007-09-08")[0].1, "DURATION");
        assert_eq!(tag("every Monday", "2007-09-08")[0].1, "SET");
    }

    #[test]
    fn a_years_quarter_is_that_quarter() {
        let d = "1989-10-31";
        assert_eq!(
            values(
                "It could be effective as early as next year's first quarter.",
                d
            ),
            ["1990-Q1", "1990-Q1"]
        );
        assert_eq!(
            values(
                "Net sales for this year's third quarter were $14 million.",
                d
            ),
            ["1989-Q3", "1989-Q3"]
        );
        // Not a quarter: the year stays a year.
        assert_eq!(
            values("Last year's results were hurt by charges.", d),
            ["1988"]
        );
        // In an earnings report "this quarter" is the one reported, and a period
        // "last year" is that quarter a year before.
        let text = "The company posted a third-quarter loss of $2 million, or 10 cents a \
            share. That compares with net income of $1.8 million for the corresponding \
            period last year. This quarter's loss includes charges.";
        assert_eq!(
            values(text, "1989-11-01"),
            ["1989-Q3", "1988-Q3", "1988-Q3", "1989-Q3"]
        );
    }

    #[test]
    fn the_future_of_the_past_is_past() {
        let d = "1989-10-30";
        assert_eq!(
            values("The offer is scheduled to expire Friday.", d),
            ["1989-11-03"]
        );
        assert_eq!(
            values(
                "The offer had been scheduled to expire at midnight Friday.",
                d
            ),
            ["1989-10-27T24:00"]
        );
        assert_eq!(
            values("It had been due to expire Friday.", d),
            ["1989-10-27"]
        );
        assert_eq!(
            values(
                "Until Thursday, they had not called Kopp a suspect.",
                "1999-05-07"
            ),
            ["1999-05-06"]
        );
        assert_eq!(
            values("He will stay until Thursday.", "1999-05-07"),
            ["1999-05-13"]
        );
    }

    #[test]
    fn marches_and_films_are_not_times() {
        let d = "1999-01-22";
        assert!(values("protesters at the annual March for Life", d).is_empty());
        assert!(values("at the head of the March of the Combatant Mothers", d).is_empty());
        assert!(values("a picture from the film High Noon.", d).is_empty());
        // Newspapers, programmes and shows named for a time.
        assert!(values("The Communist Party daily Granma said.", d).is_empty());
        assert!(values("said on state TV's morning talk show.", d).is_empty());
        assert!(values("This is VOA Today.", d).is_empty());
        assert!(values("Speaking on MSNBC's Morning Joe program, he said", d).is_empty());
        assert!(values("hours before the Winter Olympics kicked off", d).is_empty());
        // Numbers that name a thing or count one are no years.
        assert!(values("Citing Resolution 1483, it took power.", d).is_empty());
        assert!(values("Flight 1549 landed.", d).is_empty());
        assert!(values("About 1500 troops arrived.", d).is_empty());
        assert!(values("It injured more than 1000 people.", d).is_empty());
        assert_eq!(values("The 2000 elections were close.", d), ["2000"]);
        assert_eq!(values("Emissions rose 5% over 1990 levels.", d), ["1990"]);
        assert_eq!(values("KARAOKE NIGHT WITH CB", d), [format!("{d}TNI")]);
        assert_eq!(values("USA Today reported it today.", d), [d]);
        assert_eq!(values("Qantas plans daily flights.", d), ["P1D"]);
        assert_eq!(values("NOT WORKING TODAY wins a prize", d), [d]);
        // "It's the second day of an offensive": the day written on.
        assert_eq!(values("It's the second day of an offensive.", d), [d]);
        assert_eq!(
            values("He left in March for health reasons.", "1999-06-22"),
            ["1999-03"]
        );
        assert_eq!(values("in March of 1998", d), ["1998-03"]);
        assert_eq!(values("at noon", d), ["1999-01-22T12:00"]);
        assert_eq!(
            values(
                "On April 14, 1865, Lincoln was shot. He died early the next morning.",
                d
            ),
            ["1865-04-14", "1865-04-15TMO"]
        );
        assert_eq!(
            values("to appear before a judge at midday", d),
            ["1999-01-22T12:00"]
        );
        // A title-cased unit: the programme "This Week".
        assert!(values("Baker, speaking on ABC News' \"This Week,\" said", d).is_empty());
        assert_eq!(values("This week he said", d), ["1999-W03"]);
        assert_eq!(values("THIS WEEK ONLY", d), ["1999-W03"]);
    }

    #[test]
    fn counts_per_unit_are_rates_not_times() {
        let d = "1998-02-13";
        assert!(values("up from four flights a week", d).is_empty());
        assert!(values("This will add nearly 700 seats a week.", d).is_empty());
        assert_eq!(values("He left a week ago.", d), ["1998-W06"]);
        assert_eq!(values("It took them a week.", d), ["P1W"]);
    }

    #[test]
    fn clock_times_take_the_day_named_beside_them() {
        let text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.";
        assert!(values(text, "1998-08-08").contains(&"1998-08-07T10:35".to_string()));
        let text = "At precisely 5:00 am on October 3, 1935, De Bono crossed the river.";
        assert!(values(text, "2009-12-19").contains(&"1935-10-03T05:00".to_string()));
        // Too far from any day: the DCT's.
        let text = "He left at 9 a.m. and the talks, which had begun on Monday, resumed.";
        assert_eq!(values(text, "2007-09-08")[0], "2007-09-08T09:00");
    }

    #[test]
    fn quarters_halves_and_fiscal_years_as_business_news_writes_them() {
        let d = "2026-11-30";
        let t = tag(
            "By the end of Q3, revenue rose. Q4 2025 sales fell, as did 3Q 2025 ones. \
             FY2027 guidance is due; FY 27 looks weak. The H1 2026 results beat 1H25. \
             Results for Q2 FY26 beat. Q1 of 2024 was weak. Profit in Q4 will rise.",
            d,
        );
        let pieces: Vec<(&str, &str)> = t.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
        assert_eq!(
            pieces,
            [
                ("Q3", "2026-Q3"),
                ("Q4 2025", "2025-Q4"),
                ("3Q 2025", "2025-Q3"),
                ("FY2027", "2027"),
                ("FY 27", "2027"),
                ("H1 2026", "2026-H1"),
                ("1H25", "2025-H1"),
                ("Q2 FY26", "2026-Q2"),
                ("Q1 of 2024", "2024-Q1"),
                ("Q4", "2026-Q4"),
            ]
        );
        // "H1" without a year is left alone: a visa, a heading.
        assert!(tag("He holds an H1 visa.", d).is_empty());
    }

    #[test]
    fn forms_of_todays_news() {
        let d = "2026-11-30"; // a Monday
        let spans = |text: &str| -> Vec<(String, String)> {
            tag(text, d).into_iter().map(|t| (t.0, t.2)).collect()
        };
        let expect = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        // An ISO date and time, as pages stamp them: one expression.
        assert_eq!(
            spans("Posted 2026-12-01T10:00:00+01:00 and 2026-12-01T09:30Z."),
            expect(&[
                ("2026-12-01T10:00:00+01:00", "2026-12-01T10:00"),
                ("2026-12-01T09:30Z", "2026-12-01T09:30")
            ])
        );
        assert_eq!(
            spans("It was the 2nd of December."),
            expect(&[("the 2nd of December", "2026-12-02")])
        );
        // A weekday's event still to come.
        assert_eq!(
            values("Ahead of Thursday's meeting, aides worked.", d),
            ["2026-12-03"]
        );
        assert_eq!(values("Wednesday's ruling was a shock.", d), ["2026-11-25"]);
        // A schedule in the present: "the deadline is midnight Tuesday".
        assert_eq!(
            values("The deadline is midnight Tuesday.", d),
            ["2026-12-01T24:00"]
        );
        assert_eq!(values("The vote is on Friday.", d), ["2026-12-04"]);
        assert_eq!(
            values(
                "They would look for ways to get around Wednesday's ruling.",
                d
            ),
            ["2026-11-25"]
        );
        assert_eq!(
            spans("Talks ended this past weekend."),
            expect(&[("this past weekend", "2026-W48-WE")])
        );
        assert_eq!(
            spans("Two weeks from now, we vote. A year hence, all is well."),
            expect(&[("Two weeks from now", "2026-W51"), ("A year hence", "2027")])
        );
        assert_eq!(
            spans("A hearing is set for the week of March 6."),
            expect(&[("the week of March 6", "2027-W09")])
        );
        // Not a rate's "from": "30 a day from the prior average of 70".
        assert_eq!(
            values("Attacks averaged 30 a day from the prior 70.", d),
            Vec::<String>::new()
        );
    }

    #[test]
    fn how_often() {
        let d = "2026-11-30";
        for (text, span, value) in [
            ("It meets every other week.", "every other week", "P2W"),
            ("They meet twice a week.", "twice a week", "P1W"),
            ("Three times a day he eats.", "Three times a day", "P1D"),
            ("Once a month they meet.", "Once a month", "P1M"),
            ("Interest is 5% per annum.", "per annum", "P1Y"),
            ("The shop closes on Mondays.", "Mondays", "XXXX-WXX-1"),
            ("She works weekends.", "weekends", "XXXX-WXX-WE"),
            ("Every two years, they vote.", "Every two years", "P2Y"),
            (
                "The show airs Friday evenings.",
                "Friday evenings",
                "XXXX-WXX-5TEV",
            ),
        ] {
            let t = tag(text, d);
            let got: Vec<(&str, &str, &str)> = t
                .iter()
                .map(|t| (t.0.as_str(), t.1.as_str(), t.2.as_str()))
                .collect();
            assert_eq!(got, [(span, "SET", value)], "{text}");
        }
        // A count of occasions is no frequency.
        assert!(tag("He was here two times.", d).is_empty());
        // The plural part of the day makes both days sets.
        assert_eq!(
            values("Flights leave on Monday and Tuesday nights.", d),
            ["XXXX-WXX-1TNI", "XXXX-WXX-2TNI"]
        );
    }

    #[test]
    fn named_days_fall_by_their_rules() {
        let d = "2026-11-30";
        let spans = |text: &str| -> Vec<(String, String)> {
            tag(text, d).into_iter().map(|t| (t.0, t.2)).collect()
        };
        for (text, span, value) in [
            ("Black Friday sales soared.", "Black Friday", "2026-11-27"),
            ("Cyber Monday sales soared.", "Cyber Monday", "2026-11-30"),
            ("Memorial Day was rainy.", "Memorial Day", "2026-05-25"),
            (
                "Mother's Day brunch was sold out.",
                "Mother's Day",
                "2026-05-10",
            ),
            ("Labor Day parades were held.", "Labor Day", "2026-09-07"),
            (
                "The Fourth of July was hot.",
                "The Fourth of July",
                "2026-07-04",
            ),
            (
                "New Year's Day will be quiet.",
                "New Year's Day",
                "2027-01-01",
            ),
            (
                "New Year's Eve will be cold.",
                "New Year's Eve",
                "2026-12-31",
            ),
            ("Veterans Day was marked.", "Veterans Day", "2026-11-11"),
            ("July Fourth was hot.", "July Fourth", "2026-07-04"),
            (
                "Traffic rose over Labor Day weekend.",
                "Labor Day weekend",
                "2026-W36-WE",
            ),
            ("Easter week began.", "Easter week", "2026-W14"),
        ] {
            assert_eq!(
                spans(text),
                [(span.to_string(), value.to_string())],
                "{text}"
            );
        }
        // A good day is no holiday.
        assert_eq!(
            values("It was a good Friday for stocks.", d),
            ["2026-11-27"]
        );
        assert!(tag("The labor day was long.", d).is_empty());
        // "next week's election" in the week of the U.S. Election Day is that day;
        // in another week it stays the week.
        assert_eq!(
            values(
                "No candidate can ignore next week's election.",
                "1998-10-26"
            ),
            ["1998-11-03"]
        );
        assert_eq!(
            values(
                "No candidate can ignore next week's election.",
                "1998-06-01"
            ),
            ["1998-W24"]
        );
    }

    #[test]
    fn dates_written_with_slashes() {
        let d = "2026-11-30";
        for (text, want) in [
            // Day first when the first number is no month.
            ("It fell on 25/12/2025.", "2025-12-25"),
            ("It was 12/25/2025.", "2025-12-25"),
            // Dots, as Europe writes dates: always day first, and with the year.
            ("Filed 30.11.2026 in Berlin.", "2026-11-30"),
            ("Filed 3.4.2025 there.", "2025-04-03"),
            ("Filed 30-11-2026 too.", "2026-11-30"),
            // Without a year, only where a date is expected.
            ("It must end by 15/12.", "2026-12-15"),
            ("Tues 12/1 is busy.", "2026-12-01"),
        ] {
            assert_eq!(values(text, d), [want], "{text}");
        }
        assert_eq!(
            values("The vote is set for 10am on 12/15.", d),
            ["2026-12-15T10:00", "2026-12-15"]
        );
        for not_a_date in [
            "Version 1.2.3 shipped; pi is 3.14.",
            "Since 9/11, things changed.",
            "It runs 24/7.",
            "They won on 3/4 of the seats.",
            "He was on 1/2 day leave.",
            "The score was 6/4.",
        ] {
            assert!(tag(not_a_date, d).is_empty(), "{not_a_date}");
        }
    }

    #[test]
    fn days_a_year_or_month_lacks() {
        // "Feb. 29" in a year without one: the leap year the tense points to.
        for (text, want) in [
            ("The deadline was Feb. 29.", "2020-02-29"),
            ("It will open on Feb. 29.", "2024-02-29"),
            ("It closed last Feb. 29.", "2020-02-29"),
            ("It opens next Feb. 29.", "2024-02-29"),
            // A day no such month has names the month only.
            ("It happened on 31 April 2020.", "2020-04"),
        ] {
            assert_eq!(values(text, "2023-06-01"), [want], "{text}");
        }
    }

    #[test]
    fn a_speaker_quoted_in_a_history_speaks_of_an_undated_day() {
        let story = "War broke out in 1935. In 1936 the army advanced. In 1937 it fell. \
            In 1938 Rome won. In 1939 it ended. ";
        let text =
            format!("{story}In 1936 he warned: \"It is us today. It will be you tomorrow.\"");
        assert_eq!(
            values(&text, "2009-12-19")[5..],
            ["1936", "XXXX-XX-XX", "XXXX-XX-XX"]
        );
        let text = format!("{story}Nixon said, “I am tonight announcing plans.”");
        assert_eq!(values(&text, "2009-12-19")[5..], ["XXXX-XX-XXTNI"]);
        // A stray mark does not quote the rest of the text.
        let text = format!("{story}He said \"never. It rained. It snowed. He left today.");
        assert_eq!(values(&text, "2009-12-19")[5..], ["2009-12-19"]);
        // Nor is a quoted "today" in the news anything but the DCT.
        assert_eq!(
            values("\"We vote today,\" he said.", "2009-12-19"),
            ["2009-12-19"]
        );
    }

    #[test]
    fn clock_times_as_britain_and_the_military_write_them() {
        let d = "2026-11-30";
        assert_eq!(values("Meet at 11.30am.", d), ["2026-11-30T11:30"]);
        assert_eq!(values("It starts at 1700 GMT.", d), ["2026-11-30T17:00"]);
        assert_eq!(
            values("It starts at 0730 UTC Tuesday.", d),
            ["2026-12-01T07:30"]
        );
        // In brackets it converts the time before it.
        assert_eq!(
            values("The blast came at 10:35 a.m. (0735 GMT) Friday.", d),
            ["2026-11-27T10:35", "2026-11-27"]
        );
        // A conversion in brackets that names its day dates the time before it.
        assert_eq!(
            values("He will leave at 4 in the morning (4 a.m. EDT Tuesday).", d),
            ["2026-12-01T04:00", "2026-12-01T04:00"]
        );
    }

    #[test]
    fn clock_ranges() {
        assert_eq!(
            pieces(
                "Offices open from 9 a.m. to 5 p.m. and 10:00-11:30 GMT.",
                "2026-11-30"
            ),
            [
                piece("9 a.m.", "2026-11-30T09:00", Some("2026-11-30T17:00")),
                piece("5 p.m.", "2026-11-30T17:00", None),
                piece("10:00", "2026-11-30T10:00", Some("2026-11-30T11:30")),
                piece("11:30", "2026-11-30T11:30", None),
            ]
        );
        // A first time without its day is on the second's.
        assert_eq!(
            pieces(
                "Polls are open from 7 a.m. to 8 p.m. on Election Day.",
                "2026-11-30"
            ),
            [
                piece("7 a.m.", "2026-11-03T07:00", Some("2026-11-03T20:00")),
                piece("8 p.m.", "2026-11-03T20:00", None),
                piece("Election Day", "2026-11-03", None),
            ]
        );
    }

    #[test]
    fn ages_are_left_out_unless_they_are_the_predicate() {
        let d = "2007-09-08";
        assert!(tag("Mr. Reupke, 52 years old, will succeed him.", d).is_empty());
        assert!(tag("employees 55 years old or older", d).is_empty());
        let t = tag("All males who were 18 years old were called up.", d);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].0.as_str(), t[0].2.as_str()), ("18 years old", "P18Y"));
        assert_eq!(values("She's 16 days old", d), ["P16D"]);
        assert_eq!(values("He stayed 52 years.", d), ["P52Y"]);
    }

    #[test]
    fn history_is_anchored_to_the_story_not_the_dct() {
        // The value of a story's last expression, told in 2009.
        let last = |text: &str| values(text, "2009-12-19").pop().unwrap_or_default();
        let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
            The siege began in 1942. In September, the offensive stalled. By 1943 it was over.";
        let found = values(text, "2009-12-19");
        assert!(found.contains(&"1942-09".to_string()), "{found:?}");
        // News stays anchored to its DCT.
        assert_eq!(
            values("Talks resume in September.", "2009-12-19"),
            ["2009-09"]
        );
        // A story's winter after its autumn is next year's; "the fall of" a city
        // and "the Long March" are no times.
        let text = "War broke out in 1774. Battles came in 1775 and 1776. The army marched \
            in 1777. It took the city in October 1777. Over the winter, men died. \
            The siege ended with the fall of Charleston. The Long March began.";
        assert_eq!(last(text), "1778-WI", "{text}");
        // A look back ("the previous year") does not take the story back.
        let text = "The war began in 1917. In 1918 it spread. In 1919 they won. In 1920 \
            the war resumed. In August 1920 they held \
            Warsaw. They advanced, repeating their successes from the previous year. \
            On September 18 they crossed the river.";
        assert_eq!(last(text), "1920-09-18", "{text}");
        // A chronicle of recent years is a story too; what it says was to come
        // does not move it on.
        let text = "The invasion began in 2003. Elections followed in 2005. A surge came             in 2007. Violence fell in 2008. Troops stayed through 2006. Talks in 2004             failed. A deal in 2008 set terms. Cuts in 2005 hurt. Aid in 2006 rose.             Planners said funding would end in 2009. On 11 March, Basra fell.";
        assert_eq!(last(text), "2006-03-11", "{text}");
        // A year named in passing, far outside the years the story tells, does not
        // move its date: "August 17" is still 1920's.
        let text = "The war began in 1919. Minsk fell in 1919. Kiev fell in 1920. \
            In July 1920 the Soviets advanced. Warsaw held in 1920. Lwów held in 1920. \
            The battle was the subject of a 2004 film. On August 17, the cavalry attacked.";
        assert_eq!(last(text), "1920-08-17", "{text}");
        // A date in brackets is an aside ("(as of December 5, 2006)"): the story
        // stays in 2003.
        let text = "Plans dated from 2001 and 2002. The war began in 2003. Baghdad fell \
            in 2003. Fighting spread in 2003. \
            Sunni areas saw 73% of deaths (as of December 5, 2006), and more. \
            Raids went on throughout the summer.";
        assert_eq!(last(text), "2003-SU", "{text}");
        // A flash-forward between two dates of the same year is an aside too:
        // "April 15" after "In November 2008" is 2003's. A resolution's number is
        // no year.
        let text = "Plans dated from 2001 and 2002. The war began on March 20, 2003. \
            On April 9 Baghdad fell. In November 2008, protesters staged a similar \
            stomping. On April 15 the coalition declared the invasion over. Citing \
            Resolution 1483 (May 22, 2003), the authority took power.";
        let found = values(text, "2009-12-19");
        assert!(found.contains(&"2003-04-15".to_string()), "{found:?}");
        assert!(!found.contains(&"1483".to_string()), "{found:?}");
        // Half a year either way and no verb to say which: a story moves on.
        let text = "War broke out in 1945. Talks failed in 1946. The army grew in 1947. \
            Fighting resumed in 1948. Nanjing fell in June 1949. In December, the retreat \
            to Taipei.";
        assert_eq!(last(text), "1949-12", "{text}");
        // ... or a cue says which: "until" looks ahead.
        let text = "War broke out in 1945. Talks failed in 1946. The army grew in 1947. \
            Fighting resumed in 1948. Nanjing fell in April 1949. The government stayed \
            in Canton until October 15.";
        assert_eq!(last(text), "1949-10-15", "{text}");
        // "until, in March 1980, ..." opens a clause that takes the story there;
        // "lasted until the fall of Budapest in February 1945" only bounds it.
        let text = "The dispute dated from 1937. Treaties followed in 1975 and 1976. \
            The revolution came in 1979. Relations deteriorated rapidly until in March \
            1980 Iran cut ties. The tension increased in April.";
        assert_eq!(last(text), "1980-04", "{text}");
        let text = "The war began in 1939. It spread in 1940 and 1941. In 1942 and 1943 \
            it turned. In September 1944 Soviet troops came, a siege that lasted until \
            the fall of Budapest in February 1945. By the start of July, they held it.";
        assert_eq!(last(text), "1944-07", "{text}");
        // A named campaign dates its season: "the Spring Offensive of 1918".
        let text = "The war began in 1914. It spread in 1915 and 1916. In 1917 Russia \
            left. The German Spring Offensive of 1918 failed.";
        let found = values(text, "2009-12-19");
        assert!(found.contains(&"1918-SP".to_string()), "{found:?}");
    }

    #[test]
    fn earnings_reports_compare_quarters() {
        assert_eq!(
            values(
                "Net rose in the third quarter. A year earlier, it earned 5 cents a share. \
                 In the year-earlier quarter sales were flat.",
                "1989-10-26"
            ),
            ["1989-Q3", "1988-Q3", "1988-Q3"]
        );
        // Without a quarter named: the last one to have ended.
        assert_eq!(
            values("Sales rose in the quarter.", "1989-11-02"),
            ["1989-Q3"]
        );
        assert_eq!(
            values("Fourth-quarter profit fell.", "1990-01-20"),
            ["1989-Q4"]
        );
        // "the latest period" is the last quarter reported, named or not.
        assert_eq!(
            values(
                "There were no one-time gains in the latest period.",
                "1989-11-02"
            ),
            ["1989-Q3"]
        );
        // A comparison over nine months is of the year before, not its quarter.
        assert_eq!(
            values(
                "Net rose in the third quarter. Through the first nine months, it \
                 earned $673 million, compared with $382 million, or $2.22 a share, a year earlier.",
                "1989-10-30"
            ),
            ["1989-Q3", "P9M", "1988"]
        );
        // Once a quarter is reported, a figure set against "a year earlier" is of
        // that quarter a year before, also in a sentence that does not say
        // "quarter" again; "year-earlier" in the sentence naming the quarter too.
        assert_eq!(
            values(
                "Savin reported a third-quarter net loss of $35.2 million, compared with \
                 year-earlier profit of $3.8 million. Revenue declined 8% to $85.7 million, \
                 from $93.3 million a year earlier.",
                "1989-11-02"
            ),
            ["1989-Q3", "1988-Q3", "1988-Q3"]
        );
        // A quarter named earlier in the sentence is the one compared, not the
        // one the report spoke of before.
        assert_eq!(
            values(
                "Delta's earnings soared in the fiscal first quarter. Separately, America \
                 West reported third-quarter profit of $5.8 million, up from $4 million, or 24 \
                 cents a share, a year earlier.",
                "1989-10-26"
            ),
            ["1989-Q1", "1989-Q3", "1988-Q3"]
        );
        // A fiscal quarter reported as past is under discussion, whatever the
        // calendar says: Ralston's fourth quarter, reported in November.
        assert_eq!(
            values(
                "Ralston reported a 47% decline in fourth-quarter earnings. It earned \
                 $45.2 million, or 65 cents a share, compared with $84.9 million a year \
                 earlier. Sales in the latest period rose 13% from last year's $1.55 billion.",
                "1989-11-02"
            ),
            ["1989-Q4", "1988-Q4", "1989-Q4", "1988-Q4"]
        );
        // "the quarter ended July 31" (May to July) is the second, unless a
        // fiscal quarter was named before.
        assert_eq!(
            values(
                "In the quarter ended July 31, Jayark had 5.6 million shares.",
                "1989-10-30"
            ),
            ["1989-Q2", "1989-07-31"]
        );
        assert_eq!(
            values(
                "Sun's profit fell in its fiscal first quarter. Sales for the quarter \
                 ended Sept. 29 rose 39%.",
                "1989-10-26"
            ),
            ["1989-Q1", "1989-Q1", "1989-09-29"]
        );
        // Without a figure it stays a year.
        assert_eq!(
            values(
                "Net rose in the third quarter. Borrowing costs were higher than a year earlier.",
                "1989-10-26"
            ),
            ["1989-Q3", "1988"]
        );
        // Rates are not expressions.
        assert!(values("It saves $2 million a year.", "1989-11-02").is_empty());
    }

    #[test]
    fn tense_cues_read_in_context() {
        // "United" is a name, not a past verb.
        assert_eq!(
            values(
                "He announced that the father would be traveling to the United States Thursday.",
                "2000-04-05"
            ),
            ["2000-04-06"]
        );
        // "vacation plans" is a noun, no plan for Friday.
        assert_eq!(
            values(
                "On Friday, when Albright set aside vacation plans for the trip, the department lifted a warning.",
                "1998-08-17"
            ),
            ["1998-08-14"]
        );
        assert_eq!(
            values("The peace process is set to resume Monday.", "1998-03-22"),
            ["1998-03-23"]
        );
        // "faster than expected" looks back.
        assert_eq!(
            values(
                "The announcement Friday showed the company is moving faster than expected.",
                "1989-10-30"
            ),
            ["1989-10-27"]
        );
        assert_eq!(
            values(
                "Protesters planned a rally on Saturday and were planning to drive around the airport on Monday.",
                "2000-01-07"
            ),
            ["2000-01-08", "2000-01-10"]
        );
        assert_eq!(
            values("The change is effective Feb. 1.", "1989-10-26"),
            ["1990-02-01"]
        );
        // A past verb further off still says which March.
        assert_eq!(
            values(
                "Taylor, who stepped down as chairman, president and chief executive in March for health reasons.",
                "1989-11-02"
            ),
            ["1989-03"]
        );
        // A "will" further off says which December.
        assert_eq!(
            values(
                "Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December.",
                "1998-03-04"
            ),
            ["1998-12"]
        );
        // "unspecified" is an adjective, no past verb.
        assert_eq!(
            values(
                "The split would be paid on a still unspecified date in January.",
                "1989-10-26"
            ),
            ["1990-01"]
        );
    }

    #[test]
    fn vague_references_and_discourse_now() {
        let d = "1989-10-30";
        assert!(values("Now, he says, it looks bad.", d).is_empty());
        assert_eq!(values("Now the alliance is bigger.", d), ["PRESENT_REF"]);
        assert_eq!(values("It hurts more these days.", d), ["PRESENT_REF"]);
        assert_eq!(
            values("It will be financed at a later date.", d),
            ["FUTURE_REF"]
        );
        assert_eq!(
            values("It cuts taxes in future quarters.", d),
            ["FUTURE_REF"]
        );
        let ahead = tag("Funds may sell in the weeks ahead.", d);
        assert_eq!(
            (ahead[0].0.as_str(), ahead[0].2.as_str()),
            ("the weeks ahead", "PXW")
        );
        let years = tag("Over the years many more patients died.", d);
        assert_eq!(
            (years[0].0.as_str(), years[0].2.as_str()),
            ("the years", "PXY")
        );
        assert_eq!(
            values("In the years that followed, they fought.", d),
            ["PXY"]
        );
        assert!(values("It was published over the years of the war.", d).is_empty());
    }

    #[test]
    fn weekdays_follow_the_nearest_verb() {
        // 2000-01-07 was a Friday.
        assert_eq!(
            values(
                "Cuba predicted Wednesday that they will appeal.",
                "2000-01-07"
            ),
            ["2000-01-05"]
        );
        assert_eq!(
            values("He will leave Tuesday, officials said.", "2000-01-07"),
            ["2000-01-11"]
        );
        // A present progressive is a plan.
        assert_eq!(
            values("Albright is visiting Beijing on Tuesday.", "1998-05-01"),
            ["1998-05-05"]
        );
        // "as previously planned" tells of a plan made, not of what is to come.
        assert_eq!(
            values(
                "Bush let the ground offensive begin as previously planned Saturday night.",
                "1991-02-25"
            ),
            ["1991-02-23"]
        );
        // "Sunday dawn of 25 June 1950": the date says which Sunday.
        assert_eq!(
            values("They crossed at Sunday dawn of 25 June 1950.", "2009-12-19"),
            ["1950-06-25", "1950-06-25"]
        );
        // A present-tense schedule ("meet Monday", "arrives Tuesday") is to come;
        // the same meeting told in the past is the last Monday.
        assert_eq!(
            values(
                "He and Arafat meet separately Monday with Albright.",
                "1998-05-01"
            ),
            ["1998-05-04"]
        );
        assert_eq!(
            values(
                "He and Arafat met separately Monday with Albright.",
                "1998-05-01"
            ),
            ["1998-04-27"]
        );
        // "planned" after an adverb describes a thing; it plans nothing.
        assert_eq!(
            values(
                "On Friday, when Albright set aside vacation plans for the hastily planned trip, aides packed.",
                "1998-08-17"
            ),
            ["1998-08-14"]
        );
        // The verb that reports a quote does not set the tense inside it.
        for quoted in [
            "''The father will fly home with the boy early Tuesday,'' Castro said.",
            "\u{201c}The father will fly home with the boy early Tuesday,\u{201d} Castro said.",
        ] {
            assert_eq!(values(quoted, "2000-01-07"), ["2000-01-11"], "{quoted}");
        }
        let night = tag("They rallied Friday night.", "2000-01-07");
        assert_eq!(
            (night[0].1.as_str(), night[0].2.as_str()),
            ("DATE", "2000-01-07")
        );
        assert_eq!(
            values("A woman was killed Thursday evening.", "1998-02-12"),
            ["1998-02-12TEV"]
        );
        assert_eq!(
            values("They met Friday afternoon.", "2000-01-08"),
            ["2000-01-07TAF"]
        );
        assert_eq!(
            values(
                "The deadline was extended until 9 a.m. Tuesday.",
                "2000-04-03"
            ),
            ["2000-04-04T09:00"]
        );
        assert_eq!(
            values("It happened last Tuesday.", "2000-02-24"),
            ["2000-02-22"]
        );
        assert_eq!(
            values("They met last night.", "2000-02-24"),
            ["2000-02-23TNI"]
        );
        assert_eq!(
            values("They met over the weekend.", "2000-02-24"),
            ["2000-W07-WE"]
        );
    }

    #[test]
    fn timeml_conventions() {
        let later = tag("Three days later, he left.", "1989-10-30");
        assert_eq!(
            (later[0].0.as_str(), later[0].2.as_str()),
            ("Three days", "P3D")
        );
        assert_eq!(values("in recent weeks", "1989-10-30"), ["PXW"]);
        assert_eq!(
            values("It is currently closed.", "1989-10-30"),
            ["PRESENT_REF"]
        );
        assert_eq!(tag("daily flights", "1989-10-30")[0].1, "SET");
        assert_eq!(values("in nineteen ninety-six", "1998-01-15"), ["1996"]);
    }

    #[test]
    fn months_follow_the_nearest_verb() {
        // A participle that describes ("untouched by") is no past verb.
        assert_eq!(
            values(
                "Qantas will almost double its flights between Australia and India by August in search of markets untouched by the crisis.",
                "1998-02-13"
            ),
            ["1998-08"]
        );
        // A past verb next to it: the last such month; a future one: the next.
        assert_eq!(
            values(
                "Revenue was $76 million for the year ended March 31.",
                "1989-11-01"
            ),
            ["P1Y", "1989-03-31"]
        );
        assert_eq!(
            values("Flights will double by August.", "1998-02-13"),
            ["1998-08"]
        );
        assert_eq!(values("The talks end in May.", "1998-03-22"), ["1998-05"]);
        assert!(values("Prices may rise.", "1998-03-22").is_empty());
        assert_eq!(
            values("It was bought last December.", "1989-10-30"),
            ["1988-12"]
        );
        assert_eq!(
            values("It was signed last April.", "1989-10-27"),
            ["1989-04"]
        );
        // The month just gone would be "last month": "last February" in March is
        // a year back.
        assert_eq!(
            values("Two helicopters crashed last February.", "1998-03-01"),
            ["1997-02"]
        );
        assert_eq!(
            values("It was signed last January.", "1998-03-01"),
            ["1998-01"]
        );
        // "would" reports a plan: what it plans is to come.
        assert_eq!(
            values(
                "It said two new flights would leave Bombay, the third departing from August 6.",
                "1998-02-13"
            ),
            ["1998-08-06"]
        );
        assert_eq!(values("in June last year", "1998-02-19"), ["1997-06"]);
        assert_eq!(values("until mid-November", "1989-10-30"), ["1989-11"]);
        assert_eq!(values("over the past year", "1998-03-03"), ["1997"]);
        assert_eq!(values("in the past decade", "1998-03-03"), ["P10Y"]);
        assert_eq!(values("for two decades", "1998-03-03"), ["P20Y"]);
        assert_eq!(values("in the fiscal year", "1998-03-03"), ["P1Y"]);
        assert_eq!(
            values(
                "The Times said in an editorial on Monday, Oct. 26:",
                "1998-10-25"
            ),
            ["1998-10-26"]
        );
    }

    #[test]
    fn holidays_year_ends_and_informal_forms() {
        assert_eq!(
            values("He was found on Thanksgiving Day.", "2000-01-07"),
            ["1999-11-25"]
        );
        assert_eq!(values("Christmas shopping", "2014-10-14"), ["2014-12-25"]);
        assert_eq!(
            values("At month's end, month-end figures rose.", "2014-10-14"),
            ["2014-10", "2014-10"]
        );
        // Election Day: the Tuesday after the first Monday of November.
        assert_eq!(
            values("from now to Election Day.", "1998-10-26")[1],
            "1998-11-03"
        );
        assert_eq!(values("before Election Day", "2016-10-01"), ["2016-11-08"]);
        assert_eq!(values("before Election Day", "2015-10-01"), ["2015-11-03"]);
        assert_eq!(values("a deal by year-end", "1989-11-02"), ["1989-12-31"]);
        assert_eq!(
            values("Sales for the full year rose.", "1989-11-02"),
            ["1989"]
        );
        // The end of the month or week the text is in; "the month" alone is none.
        let end = tag(
            "troops in the region by the end of the month.",
            "1990-08-13",
        );
        assert_eq!(end[0].0, "the end of the month");
        assert_eq!(end[0].2, "1990-08");
        assert_eq!(
            values("at the start of the week", "1990-08-13"),
            ["1990-W33"]
        );
        assert!(values("The month was hard.", "1990-08-13").is_empty());
        assert_eq!(
            values("see u tmr at 8pm", "2014-05-03"),
            ["2014-05-04", "2014-05-04T20:00"]
        );
        assert_eq!(values("party this sat", "2013-03-27"), ["2013-03-30"]);
        // Easter moves: Sunday 23 April in 2000, 20 April in 2014.
        assert_eq!(
            values("Protesters prayed as Easter week began.", "2000-04-17"),
            ["2000-W16"]
        );
        assert_eq!(
            values("He died on Good Friday.", "2000-04-25"),
            ["2000-04-21"]
        );
        assert_eq!(values("We meet at Easter.", "2014-03-01"), ["2014-04-20"]);
        assert_eq!(values("We met last Easter.", "2014-06-01"), ["2014-04-20"]);
        // "Sun" the company is no Sunday.
        assert!(values("Sun Microsystems said", "1989-10-27").is_empty());
    }

    #[test]
    fn ranges_with_the_dash_inside_a_word_are_two_linked_expressions() {
        // A dash or "to" between a date and a bare day: a range.
        for text in ["It ran Nov. 24 – 25 in Geneva.", "It ran Nov. 24 to 25."] {
            assert_eq!(
                pieces(text, "2026-11-30"),
                [
                    piece("Nov. 24", "2026-11-24", Some("2026-11-25")),
                    piece("25", "2026-11-25", None)
                ],
                "{text}"
            );
        }
        // Not a count after it, nor a day before the first.
        assert_eq!(
            values("It was June 3 to 25 people.", "2026-11-30"),
            ["2026-06-03"]
        );
        assert_eq!(values("It ran Nov. 24 to 5.", "2026-11-30"), ["2026-11-24"]);
        // Two weekdays run forward: said on a Monday, "ran from Monday to
        // Wednesday" is last week's; "will run from Friday to Monday" ends next
        // week.
        assert_eq!(
            pieces("The talks ran from Monday to Wednesday.", "2026-11-30"),
            [
                piece("Monday", "2026-11-23", Some("2026-11-25")),
                piece("Wednesday", "2026-11-25", None)
            ]
        );
        assert_eq!(
            pieces("The fair will run from Friday to Monday.", "2026-11-30"),
            [
                piece("Friday", "2026-12-04", Some("2026-12-07")),
                piece("Monday", "2026-12-07", None)
            ]
        );
        // Written backwards: two dates, no span claimed between them.
        assert_eq!(
            pieces("The 3-1 December talks failed.", "2009-12-19"),
            [
                piece("3", "2009-12-03", None),
                piece("1 December", "2009-12-01", None)
            ]
        );
        assert_eq!(
            pieces("Talks stalled in July-August 2002.", "2009-12-19"),
            [
                piece("July", "2002-07", Some("2002-08")),
                piece("August 2002", "2002-08", None)
            ]
        );
        assert_eq!(
            pieces("The exit, April 1985-January 1987, began.", "2009-12-19"),
            [
                piece("April 1985", "1985-04", Some("1987-01")),
                piece("January 1987", "1987-01", None)
            ]
        );
        assert_eq!(
            pieces(
                "The battle (17 August-2 September 1914) was lost.",
                "2009-12-19"
            ),
            [
                piece("17 August", "1914-08-17", Some("1914-09-02")),
                piece("2 September 1914", "1914-09-02", None)
            ]
        );
        // December to January crosses into the year written
        assert_eq!(
            values("Talks in Dec-Jan 1990 failed.", "2009-12-19"),
            ["1989-12", "1990-01"]
        );
        // a prefix is no range
        assert_eq!(
            pieces("Prices rose in the mid-1990s.", "2009-12-19").len(),
            1
        );
    }

    #[test]
    fn a_bare_day_after_a_date_is_a_date_of_that_month() {
        assert_eq!(
            values("The summit is on April 24 and 25.", "1999-02-10"),
            ["1999-04-24", "1999-04-25"]
        );
        assert_eq!(
            values("Surrendering on May 4 and 5 were two armies.", "1865-06-01"),
            ["1865-05-04", "1865-05-05"]
        );
        // a count is not a day
        assert_eq!(
            values("On June 3 and 25 people fled.", "1999-07-01"),
            ["1999-06-03"]
        );
    }

    #[test]
    fn year_ranges_and_eras() {
        // A range written as one word is two expressions, as TimeML marks it: the
        // first carries the last as its end.
        assert_eq!(
            pieces(
                "Eastern Theater 1861–1863 and the siege (1915-17), 499-493 BC.",
                "2009-12-19",
            ),
            [
                piece("1861", "1861", Some("1863")),
                piece("1863", "1863", None),
                piece("1915", "1915", Some("1917")),
                piece("17", "1917", None),
                piece("499", "BC0499", Some("BC0493")),
                piece("493 BC", "BC0493", None),
            ]
        );
        assert_eq!(
            values("In 499 BC the revolt began.", "2009-12-19"),
            ["BC0499"]
        );
        // "from 2000 to 2008": two expressions, the first linked to the second.
        let span = tag("Prices rose from 2000 to 2008.", "2009-12-19");
        assert_eq!(span.len(), 2);
        assert_eq!(span[0].3.as_deref(), Some("2008"));
        assert_eq!(values("It went on for weeks.", "2009-12-19"), ["PXW"]);
        assert!(values("more than a quarter of the market", "2009-12-19").is_empty());
    }

    #[test]
    fn clock_times_take_their_day_and_compounds_their_length() {
        assert_eq!(
            values("The offer runs until 5 p.m. EST, Nov. 9.", "1989-11-02"),
            ["1989-11-09T17:00"]
        );
        assert_eq!(values("a day-long meeting", "2000-04-03"), ["P1D"]);
        assert_eq!(values("a decades-long battle", "2000-04-03"), ["PXY"]);
        assert!(values("the 6-year-old boy", "2000-04-03").is_empty());
        assert_eq!(values("in the near future", "2000-04-03"), ["FUTURE_REF"]);
    }

    #[test]
    fn decades_seasons_halves_and_sets() {
        assert_eq!(values("through the nineties", "1998-03-03"), ["199"]);
        let mid = tag("a 50% share by the mid-1990s", "1989-10-30");
        assert_eq!(mid[0].2, "199");
        assert_eq!(values("the winter of 1994", "1998-02-23"), ["1994-WI"]);
        assert_eq!(values("the last half of 1989", "1989-10-30"), ["1989-H2"]);
        assert_eq!(values("They march each July.", "1998-03-22"), ["XXXX-07"]);
        // A past summer said in spring is last year's.
        assert_eq!(
            values("It rained in the summer.", "1998-03-22"),
            ["1997-SU"]
        );
    }

    #[test]
    fn spans_follow_timeml() {
        // An adverb takes no article: "the recently passed law" marks "recently".
        assert_eq!(
            tag("from the recently passed legislation", "1989-10-26")
                .into_iter()
                .map(|t| t.0)
                .collect::<Vec<_>>(),
            ["recently"]
        );
        let spans = |text: &str| -> Vec<String> {
            tag(text, "1989-10-30").into_iter().map(|t| t.0).collect()
        };
        assert_eq!(spans("since the Aug. 7 attack"), ["Aug. 7"]);
        assert_eq!(spans("in the third quarter"), ["the third quarter"]);
        assert_eq!(spans("the third-quarter results"), ["third-quarter"]);
        assert_eq!(
            spans("for the first nine months"),
            ["the first nine months"]
        );
        assert_eq!(spans("nearly forty years ago"), ["nearly forty years ago"]);
        assert_eq!(spans("for at least 72 hours"), ["at least 72 hours"]);
        assert_eq!(spans("It rose early this week."), ["early this week"]);
        assert_eq!(spans("It rose earlier this week."), ["this week"]);
        assert_eq!(spans("sales in fiscal 1989"), ["fiscal 1989"]);
        let end = tag("by the end of November", "1989-10-30");
        assert_eq!(
            (end[0].0.as_str(), end[0].2.as_str()),
            ("the end of November", "1989-11")
        );
    }

    #[test]
    fn anaphora_within_a_sentence_and_spelled_years() {
        assert_eq!(
            values(
                "He fled in June 1998 and returned later that year.",
                "2000-01-28"
            ),
            ["1998-06", "1998"]
        );
        assert_eq!(values("by the year two thousand", "1998-02-05"), ["2000"]);
        assert_eq!(
            values("January nineteen ninety-seven.", "1998-02-27"),
            ["1997-01"]
        );
        let late = tag("the late-November trip", "2000-01-28");
        assert_eq!(late[0].2, "1999-11");
    }

    #[test]
    fn edge_words_never_panic() {
        // Every ordered triple of words that open or close patterns, at the edges
        // of a sentence, with and without a DCT.
        let vocab = [
            "the",
            "last",
            "next",
            "this",
            "of",
            "a",
            "year",
            "years",
            "ago",
            "earlier",
            "later",
            "that",
            "same",
            "day",
            "nineteen",
            "ninety-six",
            "mid-",
            "late-",
            "-",
            "1861-1863",
            "499",
            "BC",
            "May",
            "Oct.",
            "23",
            ",",
            "quarter",
            "third",
            "fiscal",
            "end",
            "Friday",
            "night",
            "5",
            "p.m",
            "EST",
            "current",
            "nearly",
            "at",
            "least",
            "Christmas",
            "year-end",
            "'s",
            "1-3",
            "December",
        ];
        let dct = Date::new(1998, 2, 13);
        for a in vocab {
            for b in vocab {
                for c in vocab {
                    let words = [a, b, c];
                    for dct in [dct, None] {
                        let sentences = vec![std::ops::Range { start: 0, end: 3 }];
                        let found = tag_words(&words, &sentences, dct);
                        assert!(found.iter().all(|f| f.start < f.end && f.end <= 3));
                    }
                }
            }
        }
    }

    #[test]
    fn present_and_past_references() {
        let current = tag("because of the current market conditions", "1989-10-30");
        assert_eq!(
            (current[0].0.as_str(), current[0].2.as_str()),
            ("current", "PRESENT_REF")
        );
        assert_eq!(values("in the current year", "1989-10-30"), ["1989"]);
        assert_eq!(
            values("He was shot last Oct. 23.", "1999-04-19"),
            ["1998-10-23"]
        );
        assert_eq!(
            values("It closed this past spring.", "1989-10-30"),
            ["1989-SP"]
        );
    }

    #[test]
    fn anaphora_point_at_the_last_date_named() {
        assert_eq!(
            values(
                "On May 22, 1995, he was promoted. The following year he moved.",
                "1998-04-18"
            ),
            ["1995-05-22", "1996"]
        );
        assert_eq!(
            values(
                "Talks failed in 1940. In August of that year, war came.",
                "2009-12-19"
            ),
            ["1940", "1940-08"]
        );
        assert_eq!(
            values(
                "He was shot on Oct. 23, 1998. Earlier that day, he had called.",
                "1999-10-24"
            ),
            ["1998-10-23", "1998-10-23"]
        );
    }

    #[test]
    fn the_day_before_or_after_a_named_day() {
        // 2000-02-24 was a Thursday.
        let before = tag(
            "The day before last Tuesday's hearing, Manuel went to Lazaro's home.",
            "2000-02-24",
        );
        assert_eq!(
            (before[0].0.as_str(), before[0].2.as_str()),
            ("day before last Tuesday", "2000-02-21")
        );
        assert_eq!(
            values("They left the day after Christmas.", "2000-01-07"),
            ["1999-12-26"]
        );
        // Not a day: no shift.
        assert_eq!(
            values("The day after the vote, in 1999, they left.", "2000-01-07"),
            ["1999"]
        );
        // The day last named, a weekday too, anchors "the next morning" and "the
        // previous Friday".
        assert_eq!(
            values(
                "The hearing was on Tuesday. He appeared in court the next morning.",
                "2000-02-24"
            ),
            ["2000-02-22", "2000-02-23TMO"]
        );
        assert_eq!(
            values(
                "Stocks fell Friday. The index was down 4.5% from the previous Friday.",
                "1989-10-30"
            ),
            ["1989-10-27", "1989-10-20"]
        );
    }

    #[test]
    fn narratives_count_from_the_story_but_deixis_from_the_dct() {
        let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
            The siege began on June 10, 1942. Twelve days later, it ended. By 1943 it was over. \
            Today the city is rebuilt.";
        let found = values(text, "2009-12-19");
        assert!(found.contains(&"1942-06-22".to_string()), "{found:?}");
        assert!(found.contains(&"2009-12-19".to_string()), "{found:?}");
        // "this day" and "this year" are the story's in a history, "to this day"
        // the writer's; "the last week of August" is the story's week.
        let text = "War broke out in 1914. In 1915 it spread. In 1916 it stalled. In 1917 \
            America joined. On 8 August 1918 the Allies attacked. Ludendorff called this day \
            the Black Day. During the last week of August the pressure grew. Another event \
            of this year was the armistice. Its effects continue to this day.";
        let found = tag(text, "2009-12-19");
        let value = |text: &str| found.iter().find(|f| f.0 == text).map(|f| f.2.as_str());
        assert_eq!(value("this day"), Some("1918-08-08"), "{found:?}");
        assert_eq!(value("the last week"), Some("1918-W35"), "{found:?}");
        assert_eq!(value("this year"), Some("1918"), "{found:?}");
        assert_eq!(found.last().map(|f| f.2.as_str()), Some("PRESENT_REF"));
        // "the next day" is the story's next day, "next year" the writer's.
        let text = "The siege began on June 10, 1942. The next day it ended. \
            In 1943 it was over. In 1944 the city fell. In 1945 peace came. By 1946 it was rebuilt. \
            A museum opens next year.";
        let found = values(text, "2009-12-19");
        assert!(found.contains(&"1942-06-11".to_string()), "{found:?}");
        assert!(found.contains(&"2010".to_string()), "{found:?}");
        // What a story says is to come counts from the writer's day.
        let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
            The siege began in 1942. By 1943 it was over. A summit is set for April.";
        let found = values(text, "2009-12-19");
        assert_eq!(
            found.last().map(String::as_str),
            Some("2010-04"),
            "{found:?}"
        );
        // A season with its year written moves the story on: "May" is May 1915.
        let text = "War broke out in 1914. In 1915 Italy joined. In 1916 the Somme began. \
            In 1917 Russia left. In 1918 it ended. By the spring of 1915, the Russians had \
            retreated, and in May the Central Powers broke through.";
        let found = values(text, "2009-12-19");
        assert_eq!(
            found.last().map(String::as_str),
            Some("1915-05"),
            "{found:?}"
        );
        // A year in brackets dates the thing named, not the story.
        let text = "In 1789 the Estates met. In 1790 the Church was reformed. In 1791 the King \
            fled. In 1792 war came. In March 1793 the Vendee rose against the Civil Constitution \
            (1790) and the draft. On 17 August, the Convention voted for conscription.";
        let found = values(text, "2009-12-19");
        assert_eq!(
            found.last().map(String::as_str),
            Some("1793-08-17"),
            "{found:?}"
        );
    }

    #[test]
    fn parts_of_the_day() {
        // Undated, the weekday keeps its part of the day.
        let layer = undated("They met at the guesthouse Friday afternoon.");
        let undated_values: Vec<&str> = layer.timexes.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(undated_values, ["XXXX-WXX-5TAF"]);
        // 2015-04-08 was a Wednesday.
        assert_eq!(
            tag("Dealers bought heavily in the morning.", "2015-04-08"),
            [(
                "the morning".to_string(),
                "TIME".to_string(),
                "2015-04-08TMO".to_string(),
                None
            )]
        );
        assert_eq!(values("so quiet at night", "2015-04-08"), ["2015-04-08TNI"]);
        assert_eq!(values("BBQ tmr night!", "2015-04-08"), ["2015-04-09TNI"]);
        assert_eq!(
            values("Shares rose by mid-afternoon yesterday.", "1989-11-02"),
            ["1989-11-01TAF"]
        );
        // The day last named.
        assert_eq!(
            values(
                "Prices fell Friday. Buyers came in the morning.",
                "1989-10-30"
            ),
            ["1989-10-27", "1989-10-27TMO"]
        );
        assert_eq!(
            values("He will leave at 4 in the morning.", "2000-04-05"),
            ["2000-04-05T04:00"]
        );
        assert_eq!(
            values("back at 7 in the evening", "2000-04-05"),
            ["2000-04-05T19:00"]
        );
        // Not times: rates, greetings, a night a clause names.
        assert!(values("Rooms cost $55 a night.", "1989-10-30").is_empty());
        assert!(values("Good morning, Lynne.", "1998-01-14").is_empty());
        assert!(values("tapes from the night the plane went down", "1998-01-14").is_empty());
        // News marks the date alone; a narrative the night of it, one expression.
        assert_eq!(
            values("He was shot on the night of Oct. 23.", "1998-10-26"),
            ["1998-10-23"]
        );
        let text = "War broke out in 1902. In 1903 talks failed. In 1904 Japan struck. \
            On the night of 8 February 1904, the fleet attacked. In 1905 peace came. \
            They travelled at night.";
        let found = tag(text, "2009-12-19");
        assert!(
            found
                .iter()
                .any(|t| t.0 == "the night of 8 February 1904" && t.2 == "1904-02-08TNI"),
            "{found:?}"
        );
        assert_eq!(found.last().map(|t| t.2.as_str()), Some("XXXX-XX-XXTNI"));
    }

    #[test]
    fn halves_prefixed_years_and_some_day() {
        assert_eq!(
            values("a minute and a half later", "1998-01-14"),
            ["PT1M30S"]
        );
        assert_eq!(values("for two and a half years", "1998-01-14"), ["P2Y6M"]);
        assert_eq!(values("an hour and a half", "1998-01-14"), ["PT1H30M"]);
        let post = tag("the post-1959 politics", "2000-02-24");
        assert_eq!(
            (post[0].0.as_str(), post[0].2.as_str()),
            ("post-1959", "1959")
        );
        assert_eq!(
            values("for the fiscal-first quarter ended Sept. 30", "1989-10-26"),
            ["1989-Q1", "1989-09-30"]
        );
        let half = tag("the trend of the last half of the '80s", "1989-10-26");
        assert_eq!(
            (half[0].0.as_str(), half[0].2.as_str()),
            ("the last half of the '80s", "198")
        );
        assert_eq!(
            values("Islam will one day be the second religion.", "1998-03-03"),
            ["FUTURE_REF"]
        );
        assert_eq!(values("It took one day.", "1998-03-03"), ["P1D"]);
    }

    #[test]
    fn joined_dates_share_the_written_year() {
        assert_eq!(
            values(
                "In April and June 1955, Diem cleared the decks.",
                "2009-12-19"
            ),
            ["1955-04", "1955-06"]
        );
        assert_eq!(
            values(
                "losses between March and April 1918 were high",
                "2009-12-19"
            ),
            ["1918-03", "1918-04"]
        );
        assert_eq!(
            values(
                "On 15 October, 1969, the Moratorium was held.",
                "2009-12-19"
            ),
            ["1969-10-15"]
        );
        // A decade is no year for a narrative to count from.
        let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
            The siege began in 1942. By 1943 it was over. The 1960s were calm. \
            In March the marines landed.";
        let found = values(text, "2009-12-19");
        assert!(
            found.last().is_some_and(|v| v.starts_with("194")),
            "{found:?}"
        );
    }

    #[test]
    fn a_weekend_named_alone_is_this_weeks() {
        // 2014-12-14 was a Sunday, in ISO week 50.
        assert_eq!(
            values("Aft a long weekend full of wedding!", "2014-12-14"),
            ["2014-W50-WE"]
        );
        assert!(values("After a weekend of bitter accusations", "2000-04-03").is_empty());
    }

    #[test]
    fn vague_stretches_and_trading_days() {
        assert_eq!(
            values(
                "prisoners taken in the first hours of the war",
                "1991-02-25"
            ),
            ["PTXH"]
        );
        assert_eq!(
            values("lives saved in the early years", "1998-03-31"),
            ["PXY"]
        );
        assert!(
            values("arrested in the early hours of the night", "1998-03-31")
                .iter()
                .all(|v| v != "PTXH")
        );
        assert_eq!(values("Eight trading days after it", "1989-10-30"), ["P8D"]);
        assert_eq!(values("a several-year tenure", "1989-11-02"), ["PXY"]);
    }

    #[test]
    fn a_vague_count_gives_a_direction_not_a_date() {
        // "a few years ago" is not one year ago: no year to land on.
        assert_eq!(
            tag("The machines were removed a few years ago.", "1998-02-12"),
            [(
                "a few years ago".into(),
                "DATE".into(),
                "PAST_REF".into(),
                None
            )]
        );
        assert_eq!(
            values("support of several years ago", "1998-02-13"),
            ["PAST_REF"]
        );
        assert_eq!(
            values("Many years earlier it rose.", "1998-02-13"),
            ["PAST_REF"]
        );
        // A count still lands on its day.
        assert_eq!(
            values("It fell three days ago.", "1998-02-13"),
            ["1998-02-10"]
        );
    }

    #[test]
    fn chat_shorthands_are_read_as_the_words_they_stand_for() {
        let text = "Been almost 7months since I swam. After 2.5 HRS of trekking, 9 mins rest. \
                    One more member nxt yr. The min wage rose. Show last nite!";
        assert_eq!(
            tag(text, "2015-02-07")
                .into_iter()
                .map(|t| (t.0, t.2))
                .collect::<Vec<_>>(),
            [
                ("almost 7months".into(), "P7M".into()),
                ("2.5 HRS".into(), "PT2H30M".into()),
                ("9 mins".into(), "PT9M".into()),
                ("nxt yr".into(), "2016".into()),
                ("last nite".into(), "2015-02-06TNI".into()),
            ]
        );
        // "2.5" with no unit after it is no duration.
        assert!(values("Prices rose 2.5 percent.", "2015-02-07").is_empty());
    }

    #[test]
    fn a_bare_day_beside_a_full_date_is_a_date_of_that_month() {
        let text = "From 15 to 22 February 1984, they attacked. The fall took May 6 and 7th. \
                    They breached it on the 28 and 29 August 1918. The phase (March 19-April 30, 2003) ended.";
        let tagged: Vec<(String, String, Option<String>)> = tag(text, "2009-12-19")
            .into_iter()
            .map(|t| (t.0, t.2, t.3))
            .collect();
        let expect = |text: &str, value: &str, end: Option<&str>| {
            (text.to_string(), value.to_string(), end.map(str::to_string))
        };
        for want in [
            expect("15", "1984-02-15", Some("1984-02-22")),
            expect("22 February 1984", "1984-02-22", None),
            expect("7th", "2009-05-07", None),
            expect("the 28", "1918-08-28", None),
            expect("March 19", "2003-03-19", Some("2003-04-30")),
        ] {
            assert!(tagged.contains(&want), "{want:?} in {tagged:?}");
        }
    }

    #[test]
    fn a_season_joined_to_another_or_to_that_is_a_date() {
        // The year after the second season is the first's too.
        assert_eq!(
            values("Allied victory: summer and autumn 1918.", "2009-12-19"),
            ["1918-SU", "1918-FA"]
        );
        assert_eq!(
            values(
                "Both spent the spring and early summer of 1943 making preparations.",
                "2009-12-19"
            ),
            ["1943-SP", "1943-SU"]
        );
        assert_eq!(
            values(
                "The standoff went on through the fall and winter.",
                "1998-02-12"
            ),
            ["1997-FA", "1998-WI"]
        );
        assert_eq!(
            values("Laos was overrun that same spring.", "1975-06-01"),
            ["1975-SP"]
        );
        // A season that is only a word of a name or a thing stays out.
        assert!(values(
            "They drank spring water after the Arab Spring.",
            "2012-06-01"
        )
        .is_empty());
    }

    #[test]
    fn the_nth_is_a_day_of_the_month_named() {
        let text = "An attack was made on our lines on 20 September. The onslaught on the 20th \
                    was a success. They moved it from the 13th to the 19th of October 1950. \
                    He finished the 20th in the race.";
        let tagged: Vec<(String, String)> = tag(text, "2009-12-19")
            .into_iter()
            .map(|t| (t.0, t.2))
            .collect();
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            tagged,
            pairs(&[
                ("20 September", "2009-09-20"),
                ("the 20th", "2009-09-20"),
                ("the 13th", "1950-10-13"),
                ("the 19th of October 1950", "1950-10-19"),
            ])
        );
    }

    #[test]
    fn decades_and_centuries_sort_at_their_first_year() {
        let mut values = [
            "1834",
            "BC0480-04",
            "19",
            "BC03",
            "BC047",
            "195",
            "PRESENT_REF",
        ];
        values.sort_by_key(|v| chronological(v));
        assert_eq!(
            values,
            [
                "BC0480-04",
                "BC047",
                "BC03",
                "1834",
                "19",
                "195",
                "PRESENT_REF"
            ]
        );
    }

    #[test]
    fn years_before_christ() {
        let tagged: Vec<(String, String, Option<String>)> = tag(
            "The revolt lasted from 499 to 493 BC. In April 480 BC the army marched. It \
             gathered in the autumn of 481 BC. Throughout the 470s BC the League fought.",
            "2009-12-19",
        )
        .into_iter()
        .map(|t| (t.0, t.2, t.3))
        .collect();
        let expect = |text: &str, value: &str, end: Option<&str>| {
            (text.to_string(), value.to_string(), end.map(str::to_string))
        };
        assert_eq!(
            tagged,
            [
                expect("499", "BC0499", Some("BC0493")),
                expect("493 BC", "BC0493", None),
                expect("April 480 BC", "BC0480-04", None),
                expect("the autumn of 481 BC", "BC0481-FA", None),
                expect("the 470s BC", "BC047", None),
            ]
        );
        // "the 4th century BC" is the years 400 to 301 BC; "BC" stays outside.
        assert_eq!(
            tag(
                "Even in the 4th century BC the idea was disputed.",
                "2009-12-19"
            )[0]
            .2,
            "BC03"
        );
        // A history told in BC years counts on from them: the year after 492 BC is
        // 491 BC, and "since 513 BC" does not move the story back.
        let text = "The first war ran from 499 BC. In 496 BC it stalled. By 494 BC it was \
            over. In 493 BC peace came. The first campaign, in 492 BC, took Thrace, part of the \
            empire since 513 BC. The following year, Darius sent ambassadors.";
        let found = values(text, "2009-12-19");
        assert_eq!(
            found.last().map(String::as_str),
            Some("BC0491"),
            "{found:?}"
        );
        assert_eq!(parse_iso_date("BC0480-04"), Some((-479, 4, 0)));
        assert_eq!(bc_form("-479-04").as_deref(), Some("BC0480-04"));
        // Year 0 is 1 BC; "that year" and a written day keep the BC form; a BC
        // year is read before an AD-looking one ("1200 BC").
        let found = values(
            "In 44 BC Caesar was killed. Later that year, Octavian rose. In 2 BC it began. \
             The following year it ended. In April 1200 BC Troy fell. On 22 April 480 BC \
             they sailed. In 0 BC nothing.",
            "2009-12-19",
        );
        assert_eq!(
            found,
            [
                "BC0044",
                "BC0044",
                "BC0002",
                "BC0001",
                "BC1200-04",
                "BC0480-04-22"
            ]
        );
        // An article is not dated before Christ: such a date is no reference.
        assert_eq!(values("This year it rose.", "BC0001"), ["PRESENT_REF"]);
    }

    #[test]
    fn no_day_the_calendar_lacks_and_no_century_as_a_day() {
        assert_eq!(
            values(
                "It was February 28 and 30th. Art from the 18th to the 20th century.",
                "2010-03-05"
            ),
            ["2010-02-28", "19"]
        );
        assert_eq!(values("They took 0.5 hrs.", "2010-03-05"), ["PT30M"]);
        // "that spring" names a season only where it ends its phrase.
        assert!(values("That spring collection sold out.", "2010-03-05").is_empty());
    }

    #[test]
    fn what_comes_after_ahead_of_or_a_last_before_is_to_come() {
        assert_eq!(
            values(
                "It was their last meeting before the election in March.",
                "2007-09-08"
            ),
            ["2008-03"]
        );
        assert_eq!(
            values(
                "Troops are massing ahead of the vote in March.",
                "2007-09-08"
            ),
            ["2008-03"]
        );
        // A past verb before "ahead", no article before "last": March is the one before.
        assert_eq!(
            values(
                "He finished ahead of rivals in the primary in March.",
                "2007-09-08"
            ),
            ["2007-03"]
        );
        assert_eq!(
            values("He was last seen before the crash in March.", "2007-09-08"),
            ["2007-03"]
        );
        assert_eq!(
            values(
                "Plans for the upcoming year, in the upcoming weeks.",
                "2014-12-20"
            ),
            ["2015", "PXW"]
        );
        // Without the cue, March is the one before.
        assert_eq!(
            values(
                "It was their meeting before the election in March.",
                "2007-09-08"
            ),
            ["2007-03"]
        );
    }

    #[test]
    fn a_weekday_with_its_date_fixes_the_year() {
        // 6 January was a Thursday in 2000 (and 2005, 2011): the first such year
        // not before the latest year the text names, 1999.
        let dated = undated(
            "The Times says in an editorial on Thursday, Jan. 6: the agency was right. \
             The boy arrived in November 1999.",
        );
        let published = dated.published.expect("dated");
        assert_eq!(
            (published.value.as_str(), published.source.as_str()),
            ("2000-01-06", "weekday")
        );
        // Without a year written anywhere there is nothing to count from.
        assert!(undated("On Thursday, Jan. 6, the agency ruled.")
            .published
            .is_none());
    }

    #[test]
    fn modifiers_and_unknown_dct() {
        let late = tag("in late September", "2007-10-08");
        assert_eq!(
            (late[0].2.as_str(), late[0].0.as_str()),
            ("2007-09", "late September")
        );
        let dated = undated("He arrived on Saturday.");
        assert_eq!(dated.timexes[0].value, "XXXX-WXX-6");
        assert!(dated.published.is_none());
    }

    #[test]
    fn the_article_date_is_inferred_from_a_dateline() {
        let dated = undated(
            "Moscow, 29 November 2002 (RFE/RL) -- Talks ended on Friday. A deal is due next year.",
        );
        let published = dated.published.expect("inferred");
        assert_eq!(
            (published.value.as_str(), published.source.as_str()),
            ("2002-11-29", "inferred")
        );
        let values: Vec<&str> = dated.timexes.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["2002-11-29", "2002-11-29", "2003"]);
        assert_eq!(dated.timeline.len(), 2);
    }
}
