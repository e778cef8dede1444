//! Passes over the expressions a sentence yielded, after matching: ranges written
//! with a dash inside a word ("September-October"), bare day numbers next to a
//! full date ("April 24 and 25", "15 to 22 February"), the day next to a named
//! day ("the day after Christmas"), years shared by dates joined by "and" or "to"
//! ("in April and June 1955"), clock times that take the day named beside them,
//! and ranges linked into one value and its end ("from 2000 to 2008").
//!
//! Guarantees: a pass changes values and joins neighbouring expressions, never
//! moves one outside its sentence; never panics.

use super::*;

/// A range of months or days written with its dash inside a word, as one
/// expression carrying its end: "July-August 2002", "(September-October 1950)",
/// "April 1985-January 1987", "17 August-2 September 1914". TimeML marks each end
/// on its own; `spans_of` splits the text at the dash.
pub(super) fn joined_months(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    let resolve = |m: u32, year: Option<i32>| year.or_else(|| resolve_month_year(cx, m, i));
    let range = |start: usize, end: usize, first: String, last: String| Found {
        start,
        end,
        kind: "DATE",
        value: first,
        value_end: Some(last),
        modifier: None,
    };
    // "July-August 2002"
    if let Some((m1, m2)) = joined(w).and_then(|(a, b)| Some((month(a)?, month(b)?))) {
        let year = year_of(cx.at(i + 1));
        let end = if year.is_some() { i + 2 } else { i + 1 };
        let y2 = resolve(m2, year)?;
        let y1 = if m1 > m2 { y2 - 1 } else { y2 };
        return Some(range(
            i,
            end,
            format!("{y1:04}-{m1:02}"),
            format!("{y2:04}-{m2:02}"),
        ));
    }
    if let Some(m1) = month(w) {
        // "March 19-April 30"
        if let Some((d1, m2)) =
            joined(cx.at(i + 1)).and_then(|(a, b)| Some((day_of(a)?, month(b)?)))
        {
            let d2 = day_of(cx.at(i + 2))?;
            // "April 30 2003", "April 30, 2003"
            let comma = usize::from(cx.at(i + 3) == ",");
            let year = year_of(cx.at(i + 3 + comma));
            let end = if year.is_some() { i + 4 + comma } else { i + 3 };
            let y2 = resolve(m2, year)?;
            let y1 = if m1 > m2 { y2 - 1 } else { y2 };
            let first = Date::new(y1, m1, d1)?;
            let last = Date::new(y2, m2, d2)?;
            return Some(range(i, end, first.iso(), last.iso()));
        }
        // "April 1985-January 1987"
        let (y1, m2) = joined(cx.at(i + 1)).and_then(|(a, b)| Some((year_of(a)?, month(b)?)))?;
        let y2 = year_of(cx.at(i + 2))?;
        return (y2 >= y1).then(|| {
            range(
                i,
                i + 3,
                format!("{y1:04}-{m1:02}"),
                format!("{y2:04}-{m2:02}"),
            )
        });
    }
    // "17 August-2 September 1914"
    let d1 = day_of(w)?;
    let (m1, d2) = joined(cx.at(i + 1)).and_then(|(a, b)| Some((month(a)?, day_of(b)?)))?;
    let m2 = month(cx.at(i + 2))?;
    let year = year_of(cx.at(i + 3));
    let end = if year.is_some() { i + 4 } else { i + 3 };
    let y2 = resolve(m2, year)?;
    let y1 = if m1 > m2 { y2 - 1 } else { y2 };
    let first = Date::new(y1, m1, d1)?;
    let last = Date::new(y2, m2, d2)?;
    Some(range(i, end, first.iso(), last.iso()))
}

/// "April 24 and 25", "May 4 or 5": the bare day number after a full date is a
/// date of its own, in the same month.
pub(super) fn second_days(cx: &Context, found: &mut Vec<Found>) {
    let mut k = 0;
    while k < found.len() {
        let Some(f) = found.get(k) else { break };
        let next_start = found.get(k + 1).map_or(usize::MAX, |n| n.start);
        // "Nov. 24 – 25" and "Nov. 24 to 25" too: a range, which `link_ranges`
        // then links.
        let joiner = cx.at(f.end);
        let joined = matches!(
            joiner,
            "and" | "or" | "&" | "to" | "through" | "-" | "–" | "—"
        );
        let ranged = !matches!(joiner, "and" | "or" | "&");
        let at = f.end + 1;
        let day = day_of(cx.at(at))
            .filter(|_| cx.at(at).len() <= 4)
            .filter(|d| {
                !ranged || f.value.get(8..10).and_then(|v| v.parse::<u32>().ok()) < Some(*d)
            });
        // "April 24 and 25." or "May 4 and 5 were ..." but not "June 3 and 25 people"
        let after = cx.at(at + 1);
        let ends = after.is_empty()
            || !after.starts_with(|c: char| c.is_alphanumeric())
            || matches!(
                after,
                "were" | "was" | "in" | "at" | "of" | "when" | "respectively" | "the"
            );
        let month_day = month(cx.at(f.start)).is_some() && f.end == f.start + 2;
        // Not "February 28 and 30th".
        let value = match (f.value.get(..8), day) {
            (Some(month), Some(d)) if f.value.len() == 10 => Some(format!("{month}{d:02}")),
            _ => None,
        }
        .filter(|v| is_real_day(v));
        if let (true, true, true, true, Some(value)) =
            (joined, month_day, ends, at < next_start, value)
        {
            let second = Found {
                start: at,
                end: at + 1,
                kind: "DATE",
                value,
                value_end: None,
                modifier: None,
            };
            found.insert(k + 1, second);
            k += 1;
        }
        k += 1;
    }
}

/// "15 to 22 February", "the 28 and 29 August": the bare day number before a
/// day and month is a date of its own, in the same month (and, joined by "to",
/// the start of a range that `link_ranges` then links).
pub(super) fn first_days(cx: &Context, found: &mut Vec<Found>) {
    let mut k = 0;
    while k < found.len() {
        let Some(f) = found.get(k) else { break };
        let previous_end = k
            .checked_sub(1)
            .and_then(|p| found.get(p))
            .map_or(0, |p| p.end);
        let day_month = day_of(cx.at(f.start)).is_some() && month(cx.at(f.start + 1)).is_some();
        let joined = matches!(
            cx.at(f.start.wrapping_sub(1)),
            "to" | "and" | "or" | "&" | "through" | "until" | "-" | "–"
        );
        let at = f.start.wrapping_sub(2);
        let first = day_of(cx.at(at))
            .filter(|_| cx.at(at).len() <= 4 && at >= previous_end && at < f.start)
            .zip(f.value.get(8..10).and_then(|d| d.parse::<u32>().ok()))
            .filter(|(d1, d2)| d1 < d2)
            .and_then(|(d1, _)| Some(format!("{}{d1:02}", f.value.get(..8)?)))
            .filter(|v| is_real_day(v));
        match (day_month && joined && f.value.len() == 10, first) {
            (true, Some(value)) => {
                let start = if cx.at(at.wrapping_sub(1)) == "the" && at > previous_end {
                    at - 1
                } else {
                    at
                };
                let first = Found {
                    start,
                    end: at + 1,
                    kind: "DATE",
                    value,
                    value_end: None,
                    modifier: None,
                };
                found.insert(k, first);
                k += 2;
            }
            _ => k += 1,
        }
    }
}

/// "the day before last Tuesday", "the day after Christmas": the day next to the
/// one named, one expression from "day" on (as TimeBank marks it).
pub(super) fn day_before_after(cx: &Context, found: &mut [Found]) {
    for k in 0..found.len() {
        let Some(f) = found.get(k) else { continue };
        let shift = match cx.at(f.start.wrapping_sub(1)) {
            "before" => -1,
            "after" => 1,
            _ => continue,
        };
        let day = f.start.checked_sub(2);
        let free = k
            .checked_sub(1)
            .and_then(|p| found.get(p))
            .is_none_or(|g| day.is_some_and(|d| g.end <= d));
        if f.kind != "DATE"
            || f.value.len() != 10
            || cx.at(f.start.wrapping_sub(2)) != "day"
            || !free
        {
            continue;
        }
        let Some(date) = parse_iso_date(&f.value)
            .and_then(|(y, m, d)| Date::new(y, m, d))
            .filter(|_| f.value.bytes().next().is_some_and(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        if let (Some(f), Some(day)) = (found.get_mut(k), day) {
            f.start = day;
            f.value = date.add_days(shift).iso();
        }
    }
}

/// "this year's third quarter", "next year's first quarter", "last year's
/// quarter": the year stands for that quarter (TimeBank), and lends it its year.
pub(super) fn years_of_quarters(cx: &Context, found: &mut [Found]) {
    for k in 0..found.len() {
        let Some(f) = found.get(k) else { continue };
        // "the corresponding period [last year]": the quarter a year before.
        if let Some(g) = k.checked_sub(1).and_then(|p| found.get(p)) {
            if g.end == f.start
                && g.value.get(4..6) == Some("-Q")
                && f.value.len() == 4
                && g.value.get(..4) == Some(f.value.as_str())
            {
                let value = g.value.clone();
                if let Some(f) = found.get_mut(k) {
                    f.value = value;
                }
                continue;
            }
        }
        let year = f.value.len() == 4
            && f.value.bytes().all(|b| b.is_ascii_digit())
            && cx.at(f.end.wrapping_sub(1)) == "year"
            && matches!(cx.at(f.end), "'s" | "’s");
        if !year {
            continue;
        }
        let (end, y) = (f.end, f.value.clone());
        // The quarter named right after, or the one being reported.
        let named = found
            .get(k + 1)
            .filter(|g| g.start <= end + 2 && g.kind == "DATE" && g.value.get(4..6) == Some("-Q"));
        let q = match named {
            Some(g) => g.value.get(6..).map(str::to_string),
            None if cx.at(end + 1) == "quarter" => current_quarter(cx).map(|(_, q)| q.to_string()),
            None => None,
        };
        let Some(q) = q else { continue };
        let value = format!("{y}-Q{q}");
        if named.is_some() {
            if let Some(g) = found.get_mut(k + 1) {
                g.value.clone_from(&value);
            }
        }
        if let Some(f) = found.get_mut(k) {
            f.value = value;
        }
    }
}

/// A clock time that names no day takes the day named next to it in the sentence:
/// "at about 10:35 a.m. (0735 GMT) Friday", "at 5:00 am on October 3, 1935".
pub(super) fn date_clock_times(cx: &Context, found: &mut [Found]) {
    for k in 0..found.len() {
        let Some(f) = found.get(k) else { continue };
        if !is_bare_clock(cx, f) {
            continue;
        }
        // The nearest full date within four words either side, with no other
        // time between.
        let (start, end) = (f.start, f.end);
        let dated = |g: &Found| g.value.bytes().next().is_some_and(|b| b.is_ascii_digit());
        // "at 4 in the morning (4 a.m. EDT Thursday)": the conversion in brackets
        // names the day.
        let converted = found
            .get(k + 1)
            .filter(|g| g.kind == "TIME" && dated(g) && cx.at(end) == "(" && g.start == end + 1)
            .and_then(|g| g.value.get(..10))
            .filter(|d| d.len() == 10 && d.as_bytes().get(4) == Some(&b'-'))
            .map(str::to_string);
        let day = [k.wrapping_sub(1), k + 1]
            .into_iter()
            .filter_map(|j| found.get(j))
            .filter(|g| {
                g.kind == "DATE"
                    && g.value.len() == 10
                    && dated(g)
                    && (g.start >= end && g.start - end <= 4
                        || g.end <= start && start - g.end <= 4)
            })
            .min_by_key(|g| {
                if g.start >= end {
                    g.start - end
                } else {
                    start - g.end
                }
            })
            .map(|g| g.value.clone())
            .or(converted);
        if let (Some(day), Some(f)) = (day, found.get_mut(k)) {
            if let Some(time) = f.value.get(10..) {
                f.value = format!("{day}{time}");
            }
        }
    }
}

/// A clock time written without its day ("10:30", "9 a.m.", "noon"), which
/// took the DCT's or the story's.
pub(super) fn is_bare_clock(cx: &Context, f: &Found) -> bool {
    let last = cx.at(f.end.wrapping_sub(1));
    // "4 in the morning"
    let hour_of_part = matches!(last, "morning" | "afternoon" | "evening" | "night")
        && cx.at(f.start).bytes().all(|b| b.is_ascii_digit());
    f.kind == "TIME"
        && f.value.get(10..11) == Some("T")
        && (last.contains(':')
            || hour_of_part
            || matches!(last, "noon" | "midday" | "midnight")
            || ["a.m.", "am", "p.m.", "pm", "a.m", "p.m"]
                .iter()
                .any(|x| last.ends_with(x)))
}

/// How many words before `i` hedge an amount ("nearly", "more than", "at least").
pub(super) fn quantifier(cx: &Context, i: usize) -> usize {
    let one = cx.at(i.wrapping_sub(1));
    let two = cx.at(i.wrapping_sub(2));
    match (two, one) {
        ("more" | "less" | "fewer", "than") | ("at", "least" | "most") | ("up", "to") => 2,
        (
            _,
            "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "over"
            | "some" | "only" | "just",
        ) => 1,
        _ => 0,
    }
}

/// "in April and June 1955", "between March and April 1918", "26 June - 4
/// August 1952": a date that leaves its year out takes the year written in the
/// date joined to it (the year before, when its month comes later).
pub(super) fn share_years(cx: &Context, found: &mut [Found]) {
    let written = |f: &Found| {
        cx.words
            .get(f.start..f.end)
            .unwrap_or_default()
            .iter()
            .any(|w| year_of(w).is_some())
    };
    for k in 1..found.len() {
        let (Some(a), Some(b)) = (found.get(k - 1), found.get(k)) else {
            continue;
        };
        let joined = b.start == a.end + 1
            && matches!(
                cx.at(a.end),
                "and" | "or" | "to" | "until" | "through" | "-" | "–"
            );
        let dated = |f: &Found| {
            f.kind == "DATE"
                && f.value.len() >= 7
                && f.value.as_bytes().get(4) == Some(&b'-')
                && f.value.bytes().take(4).all(|c| c.is_ascii_digit())
        };
        if !joined || !dated(a) || !dated(b) || written(a) || !written(b) {
            continue;
        }
        let (Some(year), Some(ma), Some(mb)) = (
            b.value.get(..4).and_then(|y| y.parse::<i32>().ok()),
            a.value.get(5..7).and_then(|m| m.parse::<u32>().ok()),
            b.value.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let year = if ma > mb { year - 1 } else { year };
        let rest = a.value.get(4..).unwrap_or_default().to_string();
        if let Some(a) = found.get_mut(k - 1) {
            a.value = format!("{year:04}{rest}");
        }
    }
}

/// "from 2000 to 2008", "between March and May", "1939-1945": the first date of a
/// range carries the last as its `value_end` (both stay expressions of their own,
/// as TimeML marks them).
pub(super) fn link_ranges(cx: &Context, found: &mut [Found]) {
    let dct_day = cx.dct.map(Date::iso);
    let on_dct = |f: &Found| f.value.get(..10) == dct_day.as_deref();
    for k in 1..found.len() {
        let (head, tail) = found.split_at_mut(k);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first_mut()) else {
            continue;
        };
        let joined = b.start == a.end + 1
            && matches!(cx.at(a.end), "to" | "until" | "through" | "-" | "–" | "and")
            && (cx.at(a.end) != "and" || cx.at(a.start.wrapping_sub(1)) == "between");
        if !joined {
            continue;
        }
        // "from 9 a.m. to 5 p.m. Tuesday": a first time left on the DCT's day is
        // on the second's, when that was named.
        if is_bare_clock(cx, a) && on_dct(a) && b.kind == "TIME" && !on_dct(b) {
            if let Some(value) = b
                .value
                .get(..10)
                .zip(a.value.get(10..))
                .map(|(day, time)| format!("{day}{time}"))
            {
                a.value = value;
            }
        }
        // "ran from Monday to Wednesday", said on a Monday: last week's Monday,
        // so that the range runs forward ("will run from Friday to Monday": next
        // week's Monday).
        let weekdays = weekday_number(cx.at(a.start)).is_some()
            && weekday_number(cx.at(b.start)).is_some()
            && a.value.len() == 10
            && b.value.len() == 10
            && a.value > b.value;
        if weekdays {
            let past = local_tense(cx, a.start) == Tense::Past;
            let (f, days) = if past { (&mut *a, -7) } else { (&mut *b, 7) };
            if let Some(moved) = parse_iso_date(&f.value)
                .and_then(|(y, m, d)| Date::new(y, m, d))
                .map(|d| d.add_days(days).iso())
            {
                f.value = moved;
            }
        }
        // Two dates, or two times: "from 9 a.m. to 5 p.m."
        let same_grain = a.kind == b.kind
            && matches!(a.kind, "DATE" | "TIME")
            && a.value.len() == b.value.len()
            && a.value.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && a.value < b.value;
        if same_grain && a.value_end.is_none() {
            a.value_end = Some(b.value.clone());
        }
    }
}
