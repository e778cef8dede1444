//! Expressions that point back to what the text last named: "that year", "the same
//! day", "later that month", "of that year", "the week of March 6", "the last week
//! of August", "year-end", "(the end of) the month", "the eighth day of an
//! offensive", "year-earlier", and durations of unknown length ("for weeks").
//!
//! Guarantees: with no earlier date in the text (`Context::story`) an anaphoric
//! expression counts from the reference date or is left unresolved; never panics.

use super::*;

/// "the week of March 6": the ISO week that holds the day.
pub(super) fn week_of_date(cx: &Context, i: usize) -> Option<Found> {
    if cx.at(i) != "week" || cx.at(i + 1) != "of" {
        return None;
    }
    let day = absolute(cx, i + 2).filter(|f| f.value.len() == 10)?;
    let (y, m, d) = parse_iso_date(&day.value)?;
    let (year, week) = Date::new(y, m, d)?.iso_week();
    found(i, day.end, "DATE", format!("{year:04}-W{week:02}"))
}

/// The last date the text named, as a day (a year stands for its middle, a month
/// for its 15th).
pub(super) fn story_date(cx: &Context) -> Option<Date> {
    let v = cx.story?;
    let (y, m, d) = parse_iso_date(v.get(..10).unwrap_or(v))?;
    Date::new(y, if m == 0 { 7 } else { m }, if d == 0 { 15 } else { d })
}

/// "of that year", "of the same year" at `i`: the story's year and where it ends.
pub(super) fn story_year(cx: &Context, i: usize) -> Option<(i32, usize)> {
    if cx.at(i) != "of" {
        return None;
    }
    let f = anaphoric(cx, i + 1).filter(|f| f.value.len() == 4)?;
    Some((f.value.parse().ok()?, f.end))
}

/// "that year", "the same day", "later that month", "earlier that day": the last
/// date the text named, at that grain (nothing when it was named less precisely).
pub(super) fn anaphoric(cx: &Context, i: usize) -> Option<Found> {
    // "the onslaught on the 20th", "from the 13th to the 19th of October": a day
    // of the month last named.
    // ("It was the 2nd of December": with its month, after any word.)
    let of_month =
        || cx.at(i + 2) == "of" && month(cx.at(i + 3)).is_some_and(|_| cx.capitalized(i + 3));
    if cx.at(i) == "the"
        && (matches!(
            cx.at(i.wrapping_sub(1)),
            "on" | "from" | "by" | "until" | "till" | "since" | "to"
        ) || of_month())
        && (!cx.at(i + 2).starts_with(|c: char| c.is_alphanumeric())
            || matches!(cx.at(i + 2), "to" | "and" | "or" | "of" | "was" | "were" | "when"))
        // "from the 18th to the 20th century" counts centuries.
        && !(i + 2..i + 7).any(|k| matches!(cx.at(k), "century" | "centuries"))
    {
        let d = day_of(cx.at(i + 1)).filter(|_| {
            let w = cx.at(i + 1);
            w.len() <= 4 && w.ends_with(|c: char| c.is_ascii_alphabetic())
        })?;
        // "the 19th of October 1950"; "the 13th to the 19th of October": the
        // month written after it.
        let written = (i + 2..i + 9).find(|&k| cx.at(k) == "of" && month(cx.at(k + 1)).is_some());
        if let Some(k) = written {
            let m = month(cx.at(k + 1))?;
            let year = year_of(cx.at(k + 2));
            let y = year.or_else(|| resolve_month_year(cx, m, i))?;
            let end = match (k == i + 2, year.is_some()) {
                (true, true) => k + 3,
                (true, false) => k + 2,
                (false, _) => i + 2,
            };
            return found(i, end, "DATE", Date::new(y, m, d)?.iso());
        }
        let (y, m, _) = date_parts(cx.story?).filter(|(_, m, _)| *m > 0)?;
        return found(i, i + 2, "DATE", Date::new(y, m, d)?.iso());
    }
    let mut j = i;
    if matches!(cx.at(j), "earlier" | "later") {
        j += 1;
    }
    match (cx.at(j), cx.at(j + 1)) {
        ("that", "same") | ("the", "same") => j += 2,
        ("that", _) => j += 1,
        _ => return None,
    }
    let u = unit(cx.at(j)).filter(|_| !cx.at(j).ends_with('s'))?;
    let (y, m, d) = date_parts(cx.story?)?;
    let value = match u {
        Unit::Year => format!("{y:04}"),
        Unit::Month if m > 0 => format!("{y:04}-{m:02}"),
        Unit::Day if m > 0 && d > 0 => Date::new(y, m, d)?.iso(),
        _ => return None,
    };
    found(i, j + 1, "DATE", value)
}

/// "for weeks", "within days", "in years": a duration of unknown length.
pub(super) fn bare_units(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "over the years", "in the years that followed": an unspecified stretch.
    if matches!(w, "years" | "decades") && cx.at(i.wrapping_sub(1)) == "the" {
        let before = cx.at(i.wrapping_sub(2));
        let next = cx.at(i + 1);
        if matches!(before, "over" | "through" | "throughout" | "across")
            || (before == "in" && matches!(next, "that" | "since"))
        {
            // Not "over the years 1751-1777", "the years of the war".
            if next == "of" || next.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                return None;
            }
            return found(i, i + 1, "DURATION", duration(None, unit(w)?));
        }
    }
    // "the first hours of the war", "the early years", "the final years of":
    // an unspecified stretch (not "the early hours of", the small hours).
    if w.ends_with('s')
        && matches!(
            cx.at(i.wrapping_sub(1)),
            "first" | "final" | "early" | "opening" | "closing"
        )
        && cx.at(i.wrapping_sub(2)) == "the"
        && !(w == "hours" && cx.at(i.wrapping_sub(1)) == "early")
    {
        let u = unit(w)?;
        return found(i - 2, i + 1, "DURATION", duration(None, u));
    }
    if !w.ends_with('s') || !matches!(cx.at(i.wrapping_sub(1)), "for" | "within" | "in") {
        return None;
    }
    let u = unit(w).filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))?;
    found(i, i + 1, "DURATION", duration(None, u))
}

/// "year-end", "year end", "year's end", "(for|of) the [full] year": the DCT's year
/// (the year before, "since year-end"); "month's end", "month-end": its month.
pub(super) fn year_end(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "at month's end", "month-end figures": the month of the reference date.
    let month_end = match w {
        "month-end" => Some(i + 1),
        "month's" if cx.at(i + 1) == "end" => Some(i + 2),
        "month" if matches!(cx.at(i + 1), "'s" | "’s") && cx.at(i + 2) == "end" => Some(i + 3),
        _ => None,
    };
    if let Some(end) = month_end {
        let d = cx.dct?;
        return found(i, end, "DATE", format!("{:04}-{:02}", d.year, d.month));
    }
    let end = match w {
        "year-end" => i + 1,
        "year" | "year's" if cx.at(i + 1) == "end" => i + 2,
        "year" if matches!(cx.at(i + 1), "'s" | "’s") && cx.at(i + 2) == "end" => i + 3,
        // "for the year,", "earlier in the year"
        "year"
            if cx.at(i.wrapping_sub(1)) == "the"
                && matches!(cx.at(i.wrapping_sub(2)), "for" | "of" | "through" | "in")
                && matches!(cx.at(i + 1), "," | "." | ";" | "" | "by" | "to" | "and") =>
        {
            i + 1
        }
        "full" if cx.at(i + 1) == "year" && cx.at(i.wrapping_sub(1)) == "the" => i + 2,
        _ => return None,
    };
    let now = cx.dct?;
    let year = now.year - i32::from(cx.at(i.wrapping_sub(1)) == "since");
    if w == "year-end" {
        return found(i, end, "DATE", format!("{year:04}-12-31"));
    }
    found(i, end, "DATE", format!("{year:04}"))
}

/// "(the end of) the month", "(the start of) the week": the month or week of the
/// reference date (the story's, in a history).
pub(super) fn the_month_or_week(cx: &Context, i: usize) -> Option<Found> {
    let d = cx.dct?;
    let value = match cx.at(i) {
        "month" => format!("{:04}-{:02}", d.year, d.month),
        "week" => {
            let (y, wk) = d.iso_week();
            format!("{y:04}-W{wk:02}")
        }
        _ => return None,
    };
    found(i, i + 1, "DATE", value)
}

/// "the last week of August", "the first week of March 1917": that ISO week,
/// the one holding the month's fourth-last or fourth day.
pub(super) fn week_of_month(cx: &Context, i: usize) -> Option<Found> {
    let first = match cx.at(i) {
        "first" => true,
        "last" | "final" => false,
        _ => return None,
    };
    if cx.at(i.wrapping_sub(1)) != "the" || cx.at(i + 1) != "week" || cx.at(i + 2) != "of" {
        return None;
    }
    let month = absolute(cx, i + 3).filter(|f| f.value.len() == 7 && f.value_end.is_none())?;
    let (y, m, _) = parse_iso_date(&month.value)?;
    let day = if first {
        Date::new(y, m, 4)?
    } else {
        Date::new(y, m, calendar::days_in_month(y, m))?.add_days(-3)
    };
    let (wy, wk) = day.iso_week();
    // TimeML marks "the last week" and "August" each on its own.
    found(i - 1, i + 2, "DATE", format!("{wy:04}-W{wk:02}"))
}

/// "It's the second day of an offensive", "today is the eighth day of Desert
/// Shield": the day written on, counted within something else.
pub(super) fn nth_day_today(cx: &Context, i: usize) -> Option<Found> {
    if cx.at(i) != "the" || cx.at(i + 2) != "day" || cx.at(i + 3) != "of" {
        return None;
    }
    let nth = matches!(
        cx.at(i + 1),
        "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
    ) || ["nd", "rd", "th"].iter().any(|end| {
        cx.at(i + 1)
            .strip_suffix(end)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let today = matches!(
        (cx.at(i.wrapping_sub(2)), cx.at(i.wrapping_sub(1))),
        (_, "it's" | "it’s") | ("it" | "today" | "this", "is" | "'s" | "’s")
    );
    if !nth || !today {
        return None;
    }
    found(i, i + 3, "DATE", cx.now?.iso())
}

/// "year-earlier" and "year-ago" alone ("year-earlier profit"): the quarter under
/// discussion a year before, else last year.
pub(super) fn year_earlier(cx: &Context, i: usize) -> Option<Found> {
    if !matches!(cx.at(i), "year-earlier" | "year-ago") {
        return None;
    }
    let quarter = reported_quarter(cx, i).or(cx.quarter.filter(|_| !over_months(cx)));
    let value = match (quarter, cx.dct) {
        (Some((y, q)), _) => format!("{:04}-Q{q}", y - 1),
        (None, Some(d)) => format!("{:04}", d.year - 1),
        (None, None) => "PAST_REF".into(),
    };
    found(i, i + 1, "DATE", value)
}
