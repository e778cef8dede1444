//! Dates the text writes out: "29 November 2002", "Nov. 2002", "2002-11-03",
//! "07/27/2016", "499 BC", year ranges ("1861-1863", "1915-17"), years in words
//! ("nineteen ninety-six"), decades and centuries ("the 1950s", "the '90s", "the
//! 20th century") and seasons; a month or day without a year takes the year the
//! tense and the reference date give it.
//!
//! Guarantees: a written year is kept as written (BC years in astronomical
//! numbering until the tagger writes TimeML's form); never panics.

use super::*;

/// Explicit dates: "29 November 2002", "November 29, 2002", "Nov. 2002",
/// "2002-11-29", "11/29/2002", "1-3 December", "November", "2002".
pub(super) fn absolute(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Every form below begins with a digit, a month, a season, "year" or
    // "nineteen": other words (nearly all) leave at once.
    if !w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && month(w).is_none()
        && !matches!(w, "year" | "nineteen")
        && !is_season(w)
    {
        return None;
    }
    if let Some(d) = iso_or_slashed(w) {
        return found(i, i + 1, "DATE", d);
    }
    if let Some(t) = iso_datetime(w) {
        return found(i, i + 1, "TIME", t);
    }
    if let Some((m, d)) = slashed_day(cx, i) {
        return Some(date_with_range(cx, None, m, d, None, i, i + 1));
    }
    if let Some(f) = year_range(cx, i) {
        return Some(f);
    }
    // D Month [YYYY] and D-D Month [YYYY]
    let (day_a, day_b) = match w.split_once('-') {
        Some((a, b)) => (day_of(a), day_of(b)),
        None => (day_of(w), None),
    };
    if let Some(d) = day_a {
        if let Some(m) = month(cx.at(i + 1)).filter(|_| cx.capitalized(i + 1)) {
            // "15 October 1969", "15 October, 1969"
            let after = if cx.at(i + 2) == "," { i + 3 } else { i + 2 };
            // "22 April 480 BC"
            let (year, end) = match (bc_year(cx, after), year_of(cx.at(after))) {
                (Some((y, end)), _) => (Some(y), end),
                (None, Some(y)) => (Some(y), after + 1),
                (None, None) => (None, i + 2),
            };
            return Some(date_with_range(cx, year, m, d, day_b, i, end));
        }
    }
    if let Some(m) = month(w).filter(|_| cx.capitalized(i)) {
        if w == "may" && !cx.capitalized(i) {
            return None;
        }
        let next = cx.at(i + 1);
        // "July 4", "July 4th", "July Fourth"
        let day = day_of(next)
            .or_else(|| lexical::spelled_ordinal(next).filter(|d| (1..=31).contains(d)));
        if let Some(d) = day {
            let after = if cx.at(i + 2) == "," { i + 3 } else { i + 2 };
            let (year, end) = match (year_of(cx.at(after)), story_year(cx, i + 2)) {
                (Some(y), _) => (Some(y), after + 1),
                (None, Some((y, end))) => (Some(y), end),
                (None, None) => (None, i + 2),
            };
            return Some(date_with_range(cx, year, m, d, None, i, end));
        }
        if let Some((a, b)) = next.split_once('-') {
            if let (Some(a), Some(b)) = (day_of(a), day_of(b)) {
                let (year, end) = match year_of(cx.at(i + 2)) {
                    Some(y) => (Some(y), i + 3),
                    None => (None, i + 2),
                };
                return Some(date_with_range(cx, year, m, a, Some(b), i, end));
            }
        }
        let after = if next == "of" || next == "," {
            i + 2
        } else {
            i + 1
        };
        // "April 480 BC", "April 1200 BC"
        if let Some((y, end)) = bc_year(cx, after) {
            return found(i, end, "DATE", format!("{y:04}-{m:02}"));
        }
        if let Some(y) = year_of(cx.at(after)) {
            return found(i, after + 1, "DATE", format!("{y:04}-{m:02}"));
        }
        if let Some((y, end)) = spelled_year(cx, after) {
            return found(i, end, "DATE", format!("{y:04}-{m:02}"));
        }
        // "August of that year"
        if let Some((y, end)) = story_year(cx, i + 1) {
            return found(i, end, "DATE", format!("{y:04}-{m:02}"));
        }
        // "June last year", "March next year"
        if let (Some(shift), Some(d), "year") = (
            match next {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            },
            cx.now,
            cx.at(i + 2),
        ) {
            return found(i, i + 3, "DATE", format!("{:04}-{m:02}", d.year + shift));
        }
        // "May" alone is too often the verb (but not after "in", "by", "since"...),
        // "Jan" a name; other months alone are dates.
        let may_is_month = i > 0
            && matches!(
                cx.at(i - 1),
                "in" | "by"
                    | "since"
                    | "until"
                    | "till"
                    | "of"
                    | "from"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
            );
        if (w == "may" && !may_is_month)
            || w.len() <= 4 && !matches!(w, "june" | "july" | "may")
            || w == "march" && cx.at(i + 1) == "on"
        {
            return None;
        }
        let year = resolve_month_year(cx, m, i);
        return found(
            i,
            i + 1,
            "DATE",
            year.map_or(format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}")),
        );
    }
    // "nineteen ninety-six"
    if let Some((y, end)) = spelled_year(cx, i) {
        return found(i, end, "DATE", format!("{y:04}"));
    }
    if let Some(y) = year_of(w) {
        // not "1,200 troops" (no comma in years), not "$2000"
        let before = cx.at(i.wrapping_sub(1));
        // (nor "1700 GMT", a time; nor "Resolution 1483", "Flight 1549", "Room
        // 1600": a number that names a thing)
        // (nor "about 1500 troops", "nearly 2000 people": a count; but "over
        // 1990 levels" is a year)
        let next = cx.original.get(i + 1).copied().unwrap_or("");
        let counted = quantifier(cx, i) > 0
            && before != "over"
            && next.len() > 2
            && (next.ends_with('s') || matches!(next, "people" | "men" | "women" | "children"))
            && next.bytes().all(|b| b.is_ascii_lowercase());
        if matches!(before, "$" | "#" | "no." | "number")
            || counted
            || NUMBERED_THINGS.contains(&before)
            || unit(cx.at(i + 1)).is_some()
            || is_zone(cx.at(i + 1))
        {
            return None;
        }
        return found(i, i + 1, "DATE", y.to_string());
    }
    // "summer 2002", "the winter of 1994", "the summer"
    if let Some(code) = SEASONS.iter().find(|(s, _)| *s == w).map(|(_, v)| *v) {
        if let Some(y) = year_of(cx.at(i + 1)) {
            return found(i, i + 2, "DATE", format!("{y:04}-{code}"));
        }
        // A year, or "of" and a year, at `at` ("481 BC" too).
        let year_at = |at: usize| {
            let at = if cx.at(at) == "of" { at + 1 } else { at };
            absolute(cx, at).filter(|f| {
                split_year(&f.value).is_some_and(|(_, rest)| rest.is_empty())
                    && f.value_end.is_none()
            })
        };
        if cx.at(i + 1) == "of" {
            // "the winter of 1994", "the autumn of 481 BC"
            if let Some(year) = year_at(i + 1) {
                return found(i, year.end, "DATE", format!("{}-{code}", year.value));
            }
        }
        // "the Spring Offensive of 1918", "the Iraq Spring Fighting of 2004": a
        // named campaign dates its season.
        if cx.capitalized(i) && cx.capitalized(i + 1) && cx.at(i + 2) == "of" {
            if let Some(year) = year_at(i + 2) {
                return found(i, i + 1, "DATE", format!("{}-{code}", year.value));
            }
        }
        // "summer and autumn 1918", "the spring and early summer of 1943": the
        // year written after the second season is the first's too.
        if matches!(cx.at(i + 1), "and" | "or") {
            let second = if matches!(cx.at(i + 2), "early" | "late" | "mid") {
                i + 3
            } else {
                i + 2
            };
            let second_is_season = is_season(cx.at(second));
            if let Some(year) = year_at(second + 1).filter(|_| second_is_season) {
                return found(i, i + 1, "DATE", format!("{}-{code}", year.value));
            }
        }
        // "the fall of Budapest", "the fall of the regime": a collapse, not
        // autumn ("the fall of that year" is).
        let of_a_year = matches!(cx.at(i + 2), "that" | "this" | "the" | "last" | "next")
            && cx.at(i + 3) == "year";
        if w == "fall" && cx.at(i + 1) == "of" && !of_a_year {
            return None;
        }
        // "the Winter Olympics", "the Summer Palace": a name.
        if matches!(
            cx.at(i + 1),
            "olympics" | "olympic" | "games" | "paralympics" | "palace"
        ) {
            return None;
        }
        let before = cx.at(i.wrapping_sub(1));
        // "the fall and winter", "that same spring", and in a history "their
        // summer offensive": the season of the year in question.
        // Not "that spring collection", "a spring and summer wardrobe": after
        // "that", "same" or another season, the season must end its phrase.
        let next = cx.at(i + 1);
        let ends_phrase = !next.starts_with(|c: char| c.is_alphanumeric())
            || matches!(
                next,
                "and" | "or" | "of" | "in" | "when" | "to" | "as" | "was" | "were" | "had" | "the"
            );
        if matches!(before, "the" | "in" | "this" | "early" | "late" | "mid")
            || (matches!(before, "that" | "same") && ends_phrase)
            || (matches!(before, "and" | "or")
                && is_season(cx.at(i.wrapping_sub(2)))
                && ends_phrase)
            || (cx.narrative && matches!(next, "offensive" | "offensives" | "campaign"))
        {
            // Spring, summer and fall: the nearest one the tense allows.
            let month = match code {
                "SP" => 4,
                "SU" => 7,
                "FA" => 10,
                _ => 0,
            };
            // A story's winter is the one nearest its date, named for the year
            // of its January: after the autumn of 1777 comes the winter of 1778.
            let month = if code == "WI" && cx.narrative {
                1
            } else {
                month
            };
            let y = if month > 0 {
                resolve_month_year(cx, month, i)
            } else {
                cx.dct.map(|d| d.year)
            };
            return found(
                i,
                i + 1,
                "DATE",
                y.map_or(format!("XXXX-{code}"), |y| format!("{y:04}-{code}")),
            );
        }
    }
    None
}

/// A year in words, "nineteen ninety-six", "the year two thousand" (broadcast
/// transcripts), and where it ends.
pub(super) fn spelled_year(cx: &Context, i: usize) -> Option<(i32, usize)> {
    if cx.at(i) == "year" && cx.at(i + 1) == "two" && cx.at(i + 2) == "thousand" {
        return Some((2000, i + 3));
    }
    if cx.at(i) != "nineteen" {
        return None;
    }
    let (n, end) = number(cx.words, i + 1).filter(|(n, _)| (10..100).contains(n))?;
    Some((1900 + i32::try_from(n).ok()?, end))
}

/// "499 BC", "1861-1863", "1915-17", "499-493 BC": a year or a range of years in
/// one token.
pub(super) fn year_range(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    let bc = crate::ground::lexical::is_bc_word(cx.at(i + 1));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    // "from 499 to 493 BC", "(264 to 241 BC)": the first year of a range that
    // says BC once, at its end (BC years count down).
    if digits(w)
        && matches!(cx.at(i + 1), "to" | "-" | "–" | "and" | "until")
        && crate::ground::lexical::is_bc_word(cx.at(i + 3))
    {
        let (first, last): (i32, i32) = (w.parse().ok()?, cx.at(i + 2).parse().ok()?);
        return (first > last && last > 0 && digits(cx.at(i + 2))).then(|| Found {
            start: i,
            end: i + 1,
            kind: "DATE",
            value: format!("BC{first:04}"),
            value_end: Some(format!("BC{last:04}")),
            modifier: None,
        });
    }
    let (a, b) = match w.split_once(['-', '–']) {
        Some((a, b)) if digits(a) && digits(b) => (a, Some(b)),
        None if digits(w) && bc => (w, None),
        _ => return None,
    };
    let first: i32 = a.parse().ok().filter(|y: &i32| *y > 0)?;
    let end = if bc { i + 2 } else { i + 1 };
    if bc {
        let last = b.and_then(|b| b.parse::<i32>().ok());
        return Some(Found {
            start: i,
            end,
            kind: "DATE",
            value: format!("BC{first:04}"),
            value_end: last.map(|l| format!("BC{l:04}")),
            modifier: None,
        });
    }
    // AD: both years, or a year and the last digits of another ("1915-17").
    year_of(a)?;
    let b = b?;
    let last: i32 = match b.len() {
        4 => year_of(b)?,
        2 => first - first % 100 + b.parse::<i32>().ok()?,
        _ => return None,
    };
    (last > first && last - first < 100).then_some(())?;
    Some(Found {
        start: i,
        end,
        kind: "DATE",
        value: format!("{first:04}"),
        value_end: Some(format!("{last:04}")),
        modifier: None,
    })
}

pub(super) fn date_with_range(
    cx: &Context,
    year: Option<i32>,
    m: u32,
    d: u32,
    d_end: Option<u32>,
    start: usize,
    end: usize,
) -> Found {
    // "Feb. 29" said in a year without one is the leap year the tense points to:
    // "the deadline was Feb. 29" the last, "opens Feb. 29" the next.
    let year = year.or_else(|| {
        let y = resolve_month_year(cx, m, start)?;
        let step = if local_tense(cx, start) == Tense::Past {
            -1
        } else {
            1
        };
        Some(year_with_day(y, m, d, step))
    });
    // A day the month does not have ("31 April 2020") names only the month.
    let fmt = |day: u32| match year {
        Some(y) if day > calendar::days_in_month(y, m) => format!("{y:04}-{m:02}"),
        Some(y) => format!("{y:04}-{m:02}-{day:02}"),
        None => format!("XXXX-{m:02}-{day:02}"),
    };
    Found {
        start,
        end,
        kind: "DATE",
        value: fmt(d),
        value_end: d_end.map(fmt),
        modifier: None,
    }
}

/// The year of a month named without one: the DCT's year, or the one before or
/// after when the tense points that way past the DCT's month.
pub(super) fn resolve_month_year(cx: &Context, m: u32, i: usize) -> Option<i32> {
    // A story told in the past still speaks of what is to come from the writer's
    // day: "a summit set for April", "a museum will open in May".
    if cx.narrative && speaks_of_the_future(cx, i) {
        let now = cx.now?;
        return Some(now.year + i32::from(m < now.month));
    }
    let dct = cx.dct?;
    let here = dct.year * 12 + dct.month as i32;
    // The nearest such month to the DCT, leaning the way the tense points: hard
    // when a verb nearby says it ("ended March 31", "will open in March") or
    // when a past verb further off in the sentence does ("Taylor, who stepped
    // down as chairman, president and chief executive in March").
    let (tense, weight) = match (cx.narrative, tense_cue(cx, i)) {
        // A story goes back about as often as forward, so only a tie is broken:
        // by a cue near it ("fell on 14 January", "until October 15"), else
        // forward, as a story moves on.
        (true, cue) => (cue.unwrap_or(Tense::Future), 1),
        (false, Some(t)) => (t, 7),
        // The sentence's own tense, when it says it: a "will" or a past verb
        // anywhere in it.
        (false, None) if cx.tense == Tense::Future || has_past_verb(cx) => (cx.tense, 7),
        (false, None) => (cx.tense, 3),
    };
    (dct.year - 1..=dct.year + 1).min_by_key(|&y| {
        let diff = y * 12 + m as i32 - here;
        let lean = match tense {
            Tense::Past if diff > 0 => weight,
            Tense::Future if diff < 0 => weight,
            _ => 0,
        };
        diff.abs() + lean
    })
}

pub(super) fn iso_or_slashed(w: &str) -> Option<String> {
    // every form starts with a digit: most words leave here, without allocating
    if !w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    // "30.11.2026" (day first, as Europe writes it), and only with its year.
    let dotted = w.contains('.');
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    if dotted && (w.contains(['-', '/']) || parts.last().is_none_or(|y| y.len() != 4)) {
        return None;
    }
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = match (
        n.first(),
        n.get(1),
        n.get(2),
        parts.first().map(|p| p.len()),
    ) {
        (Some(&y), Some(&m), Some(&d), Some(4)) => (y, m, d),
        // "12/25/2020"; "25/12/2020" when the first number is no month; "30.11.2026".
        (Some(&a), Some(&b), Some(&y), _) if dotted => (y, b, a),
        (Some(&a), Some(&b), Some(&y), _)
            if w.contains('/') || parts.get(2).is_some_and(|y| y.len() == 4) =>
        {
            (
                if y < 100 {
                    1900 + y + if y < 50 { 100 } else { 0 }
                } else {
                    y
                },
                if a > 12 { b } else { a },
                if a > 12 { a } else { b },
            )
        }
        _ => return None,
    };
    Date::new(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
    .map(Date::iso)
}

/// An ISO 8601 date and time, "2026-12-01t10:00:00+01:00" (lower-cased): its
/// date, hour and minute ("2026-12-01T10:00"), the zone left out as TimeBank
/// does.
pub(super) fn iso_datetime(w: &str) -> Option<String> {
    let (date, time) = w.split_once('t')?;
    let date = iso_or_slashed(date).filter(|_| date.contains('-'))?;
    let clock = time.trim_end_matches('z');
    let hh = clock.get(..2)?;
    let mm = clock.get(3..5).filter(|_| clock.get(2..3) == Some(":"));
    let number = |s: &str, max: u32| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let hour = number(hh, 24)?;
    let minute = match mm {
        Some(mm) => number(mm, 59)?,
        None => 0,
    };
    Some(format!("{date}T{hour:02}:{minute:02}"))
}

/// "on 12/15", "by 15/12", "Tuesday 12/15": a month and day written with a
/// slash, read only where a date is expected (after "on", "by", "until",
/// "from", "since", "before", "after", "through" or a weekday), month first
/// unless the first number is no month. Not "9/11" (the attacks), "24/7"
/// (always) or "3/4 of", "1/2 day" (fractions).
pub(super) fn slashed_day(cx: &Context, i: usize) -> Option<(u32, u32)> {
    let w = cx.at(i);
    let (a, b) = w.split_once('/')?;
    let small = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // ("on 1/2 day leave": a fraction too.)
    let fraction = cx.at(i + 1) == "of" || unit(cx.at(i + 1)).is_some();
    if !small(a) || !small(b) || matches!(w, "9/11" | "24/7") || fraction {
        return None;
    }
    let before = cx.at(i.wrapping_sub(1));
    let expected = matches!(
        before,
        "on" | "by" | "until" | "till" | "from" | "since" | "before" | "after" | "through"
    ) || weekday_number(before).is_some()
        || lookup(
            &lexical::WEEKDAY_ABBREVIATIONS,
            before.trim_end_matches('.'),
        )
        .is_some();
    if !expected {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// "the 1950s" → 195, "the '90s" → 199, "the nineties" → 199, "the mid-1990s"
/// (MID), "the 20th century" → 19.
pub(super) fn decade(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    if let Some(rest) = w.strip_prefix("mid-") {
        let stem = rest.strip_suffix('s')?;
        if stem.len() == 4 && stem.ends_with('0') && year_of(stem).is_some() {
            return Some(Found {
                start: i,
                end: i + 1,
                kind: "DATE",
                value: stem.get(..3)?.to_string(),
                value_end: None,
                modifier: Some("MID"),
            });
        }
        return None;
    }
    if cx.at(i.wrapping_sub(1)) == "the" {
        let tens = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if let Some(k) = tens.iter().position(|t| *t == w) {
            return found(i, i + 1, "DATE", format!("19{}", k + 2));
        }
    }
    if let Some(stem) = w.strip_suffix('s') {
        // "the 470s BC"
        if crate::ground::lexical::is_bc_word(cx.at(i + 1))
            && (3..=4).contains(&stem.len())
            && stem.ends_with('0')
            && stem.bytes().all(|b| b.is_ascii_digit())
        {
            let tens = stem.get(..stem.len() - 1)?;
            return found(i, i + 2, "DATE", format!("BC{tens:0>3}"));
        }
        if stem.len() == 4 && stem.ends_with('0') && year_of(stem).is_some() {
            return found(i, i + 1, "DATE", stem.get(..3)?.to_string());
        }
        if let Some(two) = stem.strip_prefix(['\'', '’']) {
            if two.len() == 2 && two.ends_with('0') && two.bytes().all(|b| b.is_ascii_digit()) {
                let century = if two.as_bytes().first().is_some_and(|b| *b <= b'2') {
                    "20"
                } else {
                    "19"
                };
                return found(i, i + 1, "DATE", format!("{century}{}", two.get(..1)?));
            }
        }
    }
    // "the 19th century", "the eighteenth century", "19th-century writers"
    let (ordinal, end) = match w.strip_suffix("-century") {
        Some(ordinal) => (ordinal, i + 1),
        None if cx.at(i + 1) == "century" => (w, i + 2),
        None => return None,
    };
    let digits: String = ordinal.chars().take_while(char::is_ascii_digit).collect();
    let n = digits
        .parse::<u32>()
        .ok()
        .or_else(|| lexical::spelled_ordinal(ordinal))
        .filter(|n| (1..=21).contains(n))?;
    // "the 4th century BC": BC03 (the years 400 to 301 BC).
    let era = if crate::ground::lexical::is_bc_word(cx.at(end)) {
        "BC"
    } else {
        ""
    };
    found(i, end, "DATE", format!("{era}{:02}", n - 1))
}

/// "spring", "summer", "fall", "autumn", "winter".
pub(super) fn is_season(w: &str) -> bool {
    SEASONS.iter().any(|(s, _)| *s == w)
}

/// The year nearest `year`, stepping by `step` (1 or -1), whose month `m` has day
/// `d`: "Feb. 29" said in 2023 is 2024's going forward, 2020's going back.
pub(super) fn year_with_day(year: i32, m: u32, d: u32, step: i32) -> i32 {
    (0..8)
        .map(|k| year + k * step)
        .find(|&y| d <= calendar::days_in_month(y, m))
        .unwrap_or(year)
}
