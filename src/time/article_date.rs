//! The article's date: the one the caller gives, checked against the leaders the
//! text names with their titles; else one inferred from the text (a dateline, the
//! latest full date, a weekday and date that agree in one year, the year named
//! most); and, when it is known only to its year or month, the days it cannot
//! give cut back to what it does give.
//!
//! Guarantees: an inferred date says so (`source` and a `confidence` below the
//! caller's 1.0); never panics.

use crate::ground::dates::calendar::Date;
use crate::ground::dates::{parse_iso_date, tagger, written_years};
use crate::intake::Published;

/// The reference date of a published value: missing month or day count as the middle.
pub(super) fn reference_date(published: &Published) -> Option<Date> {
    // An article is written after 1 AD.
    let (y, m, d) = parse_iso_date(&published.value).filter(|(y, _, _)| (1..=9999).contains(y))?;
    Date::new(y, if m == 0 { 7 } else { m }, if d == 0 { 1 } else { d })
}

/// Infer the article date from the text: a full date near the top (a dateline)
/// is likely the article's own; else the latest full date; else the most
/// mentioned year.
pub(super) fn infer_published(
    found: &[tagger::Found],
    first_sentences_end: usize,
) -> Option<Published> {
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
            evidence: Vec::new(),
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
            evidence: Vec::new(),
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
        evidence: Vec::new(),
    })
}

/// A weekday written with its date ("Thursday, Jan. 6") fixes the year up to the
/// calendar's cycle. Of the years where each such date falls on its weekday, the
/// article's is taken to be the first not before the latest year the text
/// writes (news names past years, rarely later ones): a guess, so confidence 0.3.
/// The date itself when it is in the first sentences (a dateline), else the year.
pub(super) fn weekday_year(
    found: &[tagger::Found],
    lower: &[&str],
    lead_end: usize,
) -> Option<Published> {
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
        evidence: Vec::new(),
    })
}

/// An article dated only to its year or month gives "Saturday" or "last month"
/// no day to count from: the reference date stands in the middle, and the day
/// it yields is a guess. Tagged again against another day of that year (or
/// month), an expression whose value moves is cut back to what stays the same,
/// the year (or the month): "Saturday" in an article of 2007 is "2007", not a
/// made-up day. Dates the text writes out do not move and stay as they are.
pub(super) fn blur_guessed_days(
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
