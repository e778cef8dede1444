//! Expressions counted from the writer's day or the story's: "today", "tonight",
//! "yesterday", "this week", "last year", "next month", "earlier this month", the
//! decade or century before or after ("the last decade"), and weekdays ("on
//! Monday morning"), the nearest such day backward or forward as the tense says.
//!
//! Guarantees: deictic words count from the DCT (`Context::now`) even inside a
//! narrative; without a reference date a value keeps its unknown parts (`XXXX`);
//! never panics.

use super::*;

/// A word that names a day from the writer's: "today", "tonight", "tomorrow",
/// "yesterday" (and the tweets' spellings: "tdy", "tmr", "2moro").
pub fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "tdy"
            | "2day"
            | "tomorrow"
            | "tmr"
            | "tmrw"
            | "tmw"
            | "trmw"
            | "tomo"
            | "tomolo"
            | "2moro"
            | "2morrow"
            | "yesterday"
            | "tonight"
    )
}

pub(super) fn relative_word(cx: &Context, i: usize) -> Option<Found> {
    let dct = cx.now;
    let day = |offset: i64| dct.map_or("XXXX-XX-XX".to_string(), |d| d.add_days(offset).iso());
    let w = cx.at(i);
    // "USA Today", "VOA Today", "the Today show": a name.
    if w == "today"
        && i > 0
        && cx.capitalized(i)
        && (cx.capitalized(i - 1) || cx.at(i - 1) == "the")
        // Not a title-cased or shouted line ("Not Working Today Wins").
        && (i == 1
            || cx
                .original
                .get(i - 2)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_lowercase))
    {
        return None;
    }
    Some(match w {
        // The informal spellings are from tweets.
        _ if is_day_word(w) && w != "tonight" => {
            let offset = match w {
                "yesterday" => -1,
                "today" | "tdy" | "2day" => 0,
                _ => 1,
            };
            // "tomorrow night", "yesterday afternoon": the part of that day.
            match part_of_day_code(cx.at(i + 1)).filter(|_| !cx.at(i + 1).ends_with('s')) {
                Some(code) => found(i, i + 2, "TIME", format!("{}T{code}", day(offset)))?,
                None => found(i, i + 1, "DATE", day(offset))?,
            }
        }
        "tonight" => found(i, i + 1, "TIME", format!("{}TNI", day(0)))?,
        // "Now, he says, ...": a discourse marker opening the sentence, no time.
        "now"
            if cx.at(i + 1) == ","
                && cx.words.get(..i).is_some_and(|ws| {
                    ws.iter().all(|w| w.chars().all(|c| !c.is_alphanumeric()))
                }) =>
        {
            return None
        }
        "now" | "nowadays" => found(i, i + 1, "DATE", "PRESENT_REF".into())?,
        "recently" | "lately" => found(i, i + 1, "DATE", "PAST_REF".into())?,
        "currently" => found(i, i + 1, "DATE", "PRESENT_REF".into())?,
        // "current market conditions" (but "the current year" is this year)
        "current"
            if unit(cx.at(i + 1)).is_none()
                && cx.at(i + 1) != "fiscal"
                && cx.at(i + 1).bytes().all(|b| b.is_ascii_lowercase())
                && !cx.at(i + 1).is_empty() =>
        {
            found(i, i + 1, "DATE", "PRESENT_REF".into())?
        }
        // "the weekend": the one just past, or the coming one in the future tense.
        "weekend" if cx.at(i.wrapping_sub(1)) == "the" => {
            let value = dct.map_or("XXXX-WXX-WE".into(), |d| {
                let saturday = i64::from(6_u32) - i64::from(d.weekday());
                let offset = match local_tense(cx, i) {
                    Tense::Past if saturday > 0 => saturday - 7,
                    _ => saturday,
                };
                let (y, wk) = d.add_days(offset).iso_week();
                format!("{y:04}-W{wk:02}-WE")
            });
            found(i, i + 1, "DATE", value)?
        }
        // "a long weekend", "Great weekend!": the weekend of the DCT's week
        // (not "a weekend of talks", which names none).
        "weekend"
            if !cx.narrative
                && !matches!(
                    cx.at(i.wrapping_sub(1)),
                    "a" | "an" | "one" | "each" | "every" | "that" | "this" | "last" | "next"
                )
                && cx.at(i + 1) != "of" =>
        {
            let value = dct.map_or("XXXX-WXX-WE".into(), |d| {
                let (y, wk) = d.iso_week();
                format!("{y:04}-W{wk:02}-WE")
            });
            found(i, i + 1, "DATE", value)?
        }
        // "in recent weeks": TimeML marks an unspecified duration.
        "recent" if matches!(cx.at(i + 1), "years" | "months" | "weeks" | "days") => {
            found(i, i + 2, "DURATION", duration(None, unit(cx.at(i + 1))?))?
        }
        "past"
            if cx.at(i.wrapping_sub(1)) == "the"
                && !matches!(cx.at(i + 1), "few" | "several")
                && unit(cx.at(i + 1)).is_none()
                && number(cx.words, i + 1).is_none() =>
        {
            found(i, i + 1, "DATE", "PAST_REF".into())?
        }
        "future" if cx.at(i.wrapping_sub(1)) == "the" => {
            found(i, i + 1, "DATE", "FUTURE_REF".into())?
        }
        // "in future quarters", "future years"
        "future" if cx.at(i + 1).ends_with('s') && unit(cx.at(i + 1)).is_some() => {
            found(i, i + 2, "DATE", "FUTURE_REF".into())?
        }
        // "these days": nowadays
        "these" if cx.at(i + 1) == "days" => found(i, i + 2, "DATE", "PRESENT_REF".into())?,
        // "at a later date"
        // "Islam will one day be ...": some day to come, not a day's length.
        "one"
            if cx.at(i + 1) == "day"
                && matches!(
                    cx.at(i.wrapping_sub(1)),
                    "will" | "would" | "could" | "may" | "might" | "shall" | "can"
                ) =>
        {
            found(i, i + 2, "DATE", "FUTURE_REF".into())?
        }
        "a" if cx.at(i + 1) == "later" && cx.at(i + 2) == "date" => {
            found(i, i + 3, "DATE", "FUTURE_REF".into())?
        }
        // "in the weeks ahead": TimeML marks an unspecified duration, as for
        // "the coming weeks".
        _ if w.ends_with('s') && cx.at(i + 1) == "ahead" && cx.at(i.wrapping_sub(1)) == "the" => {
            found(i, i + 2, "DURATION", duration(None, unit(w)?))?
        }
        // "the near future", "the near term", "the short term"
        "near" | "short"
            if cx.at(i.wrapping_sub(1)) == "the" && matches!(cx.at(i + 1), "future" | "term") =>
        {
            found(i, i + 2, "DATE", "FUTURE_REF".into())?
        }
        _ => return None,
    })
}

/// "this week", "last year", "next month", "earlier this month", "this morning",
/// "last summer", "the past year" (TimeBank: the year before, a DATE), "the coming
/// weeks" (a duration).
pub(super) fn this_last_next(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "this past weekend", "this past Sunday": the last one ("this past spring"
    // is read below: this year's, where "last spring" is the year before's).
    let this_past = w == "this" && cx.at(i + 1) == "past" && !is_season(cx.at(i + 2));
    let (shift, start): (i64, usize) = match w {
        _ if this_past => (-1, i),
        "this" | "current" => (0, i),
        "last" | "previous" => (-1, i),
        "past" if cx.at(i.wrapping_sub(1)) == "the" => (-1, i),
        "next" | "coming" | "upcoming" | "following" => (1, i),
        // "earlier this week": TimeBank marks "this week".
        "earlier" | "later" if cx.at(i + 1) == "this" => (0, i + 1),
        _ => return None,
    };
    let j = if matches!(w, "earlier" | "later") || this_past {
        i + 2
    } else {
        i + 1
    };
    let next = cx.at(j);
    // "the following year", "the next day" count from the story's date, "next
    // year" from the DCT.
    // In a history, "this day", "this year" outside quotation are the story's
    // ("Another major event of this year was ..."); a quoted speaker's "this
    // year" is still the writer's day, for want of the speaker's.
    let quoted = || {
        cx.words
            .get(..i)
            .is_some_and(|before| before.iter().filter(|w| is_quote_mark(w)).count() % 2 == 1)
    };
    // (Not when the story has come within two years of the writer's day, and
    // not "to this day", which is the writer's.)
    let story_is_past = || match (cx.dct, cx.now) {
        (Some(story), Some(now)) => now.days() - story.days() > 730,
        _ => false,
    };
    // ("continue to this day.", "To this day, ..."; not "referred to this day as")
    let to_this_day = w == "this"
        && cx.at(i.wrapping_sub(1)) == "to"
        && cx.at(i + 1) == "day"
        && (is_punctuation_word(cx.at(i + 2)) || i == 1);
    if to_this_day {
        return found(i, i + 2, "DATE", "PRESENT_REF".into());
    }
    let dct = if matches!(w, "following" | "previous")
        || (w == "next" && cx.at(i.wrapping_sub(1)) == "the")
        || (w == "this" && cx.narrative && story_is_past() && !quoted())
    {
        story_date(cx).or(cx.dct)
    } else {
        cx.now
    };
    if let Some(code) = PARTS_OF_DAY
        .iter()
        .find(|(p, _)| *p == next)
        .map(|(_, c)| *c)
    {
        // "this morning", "last night"
        if shift == 0 || (shift < 0 && code == "NI") {
            let d = dct.map_or("XXXX-XX-XX".to_string(), |d| d.add_days(shift).iso());
            return found(start, j + 1, "TIME", format!("{d}T{code}"));
        }
        // "the next morning", "the following evening": the story's next day, a DATE.
        if shift > 0 && !matches!(w, "coming" | "upcoming") && cx.at(i.wrapping_sub(1)) == "the" {
            let d = dct.map_or("XXXX-XX-XX".to_string(), |d| d.add_days(1).iso());
            return found(start, j + 1, "DATE", format!("{d}T{code}"));
        }
    }
    // "last December" (last year's), "next March", "this June"
    if let Some(m) = month(next).filter(|_| cx.capitalized(j) && (next.len() > 3 || next == "may"))
    {
        // "last Oct. 23"
        let day = day_of(cx.at(j + 1));
        // The month just gone is "last month": "last February" said in March is
        // the February of the year before.
        let just_gone = day.is_none() && dct.is_some_and(|d| m + 1 == d.month);
        let year = dct.map(|d| match shift {
            s if s < 0 => d.year - i32::from(m >= d.month || just_gone),
            s if s > 0 => d.year + i32::from(m <= d.month),
            _ => d.year,
        });
        let Some(day) = day else {
            let value = year.map_or(format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}"));
            return found(start, j + 1, "DATE", value);
        };
        // "last Feb. 29": the latest year that had one; "next Feb. 29" the next.
        let step = if shift < 0 { -1 } else { 1 };
        let year = year.map(|y| year_with_day(y, m, day, step));
        let value = match year {
            // A day the month never has ("last April 31") names only the month.
            Some(y) if day > calendar::days_in_month(y, m) => format!("{y:04}-{m:02}"),
            Some(y) => format!("{y:04}-{m:02}-{day:02}"),
            None => format!("XXXX-{m:02}-{day:02}"),
        };
        return found(start, j + 2, "DATE", value);
    }
    // "this past spring": the latest one
    if w == "this" && next == "past" {
        if let Some(code) = SEASONS
            .iter()
            .find(|(s, _)| *s == cx.at(j + 1))
            .map(|(_, c)| *c)
        {
            let month = match code {
                "SP" => 4,
                "SU" => 7,
                "FA" => 10,
                _ => 1,
            };
            let value = dct.map_or(format!("XXXX-{code}"), |d| {
                format!("{:04}-{code}", d.year - i32::from(month >= d.month))
            });
            return found(start, j + 2, "DATE", value);
        }
    }
    if let Some(code) = SEASONS.iter().find(|(s, _)| *s == next).map(|(_, c)| *c) {
        let y = dct.map(|d| d.year + i32::try_from(shift).unwrap_or(0));
        return found(
            start,
            j + 1,
            "DATE",
            y.map_or(format!("XXXX-{code}"), |y| format!("{y:04}-{code}")),
        );
    }
    if next == "weekend" {
        let value = dct.map_or("XXXX-WXX-WE".into(), |d| {
            let (y, wk) = d.add_days(7 * shift).iso_week();
            format!("{y:04}-W{wk:02}-WE")
        });
        return found(start, j + 1, "DATE", value);
    }
    if let Some(d) = weekday_number(next)
        .or_else(|| lookup(&lexical::WEEKDAY_ABBREVIATIONS, next.trim_end_matches('.')))
    {
        // "last Tuesday": the latest Tuesday before the DCT; "next Tuesday", "this
        // coming Tuesday": the first one after it; "this Tuesday": the DCT's week.
        let value = dct.map_or(format!("XXXX-WXX-{d}"), |dct| {
            let diff = i64::from(d) - i64::from(dct.weekday());
            let offset = match shift {
                s if s < 0 => diff - if diff >= 0 { 7 } else { 0 },
                s if s > 0 => diff + if diff <= 0 { 7 } else { 0 },
                _ => diff,
            };
            dct.add_days(offset).iso()
        });
        return found(start, j + 1, "DATE", value);
    }
    // "the past three years", "the next two weeks", "the last 24 hours": durations
    if matches!(
        w,
        "past" | "last" | "next" | "coming" | "upcoming" | "previous" | "following"
    ) {
        if let Some((n, after)) = number(cx.words, j) {
            if let Some(u) = unit(cx.at(after)) {
                return found(start, after + 1, "DURATION", duration(Some(n), u));
            }
        }
        if matches!(next, "few" | "several") {
            if let Some(u) = unit(cx.at(j + 1)) {
                return found(start, j + 2, "DURATION", duration(None, u));
            }
        }
    }
    let u = unit(next)?;
    // "This Week" (the television programme), "Next Year": a title-cased unit is
    // a name.
    let title = cx.original.get(j).is_some_and(|o| {
        o.chars().next().is_some_and(char::is_uppercase) && o.chars().any(char::is_lowercase)
    });
    if title {
        return None;
    }
    if next.ends_with('s') {
        // "the coming weeks", "the past months"
        return found(start, j + 1, "DURATION", duration(None, u));
    }
    // "the past decade": TimeBank counts the years.
    if w == "past" && matches!(u, Unit::Decade | Unit::Century) {
        let years = if u == Unit::Decade { 10 } else { 100 };
        return found(start, j + 1, "DURATION", format!("P{years}Y"));
    }
    let Some(d) = dct else {
        return found(
            start,
            j + 1,
            "DATE",
            match shift {
                0 => "PRESENT_REF",
                s if s < 0 => "PAST_REF",
                _ => "FUTURE_REF",
            }
            .into(),
        );
    };
    let value = match u {
        Unit::Day => d.add_days(shift).iso(),
        Unit::Week => {
            let (y, wk) = d.add_days(7 * shift).iso_week();
            // "next week's election" in the week of the U.S. Election Day: that
            // day.
            let election = HolidayRule::Election
                .on(y)
                .filter(|e| e.iso_week() == (y, wk))
                .filter(|_| {
                    matches!(cx.at(j + 1), "'s" | "’s")
                        && matches!(cx.at(j + 2), "election" | "elections")
                });
            match election {
                Some(e) => e.iso(),
                None => format!("{y:04}-W{wk:02}"),
            }
        }
        Unit::Month => {
            let m = d.add_months(i32::try_from(shift).unwrap_or(0));
            format!("{:04}-{:02}", m.year, m.month)
        }
        // "this quarter's loss" in an earnings report: the quarter reported.
        Unit::Quarter
            if shift == 0
                && w == "this"
                && matches!(cx.at(j + 1), "'s" | "’s")
                && cx.quarter.is_some() =>
        {
            let (y, q) = current_quarter(cx)?;
            format!("{y:04}-Q{q}")
        }
        Unit::Quarter => {
            let q0 = (d.month - 1) / 3;
            let total = d.year * 4 + q0 as i32 + i32::try_from(shift).unwrap_or(0);
            format!("{:04}-Q{}", total.div_euclid(4), total.rem_euclid(4) + 1)
        }
        Unit::Year => match reported_quarter(cx, i).filter(|_| {
            let before = cx.at(i.wrapping_sub(1));
            let sum = |w: &str| w.starts_with('$') || w.bytes().any(|b| b.is_ascii_digit());
            shift < 0
                && (matches!(before, "million" | "billion")
                    || sum(before)
                    || (matches!(cx.at(j + 1), "'s" | "’s") && sum(cx.at(j + 2))))
        }) {
            // "compared with $3 million last year", "up from last year's $1.55
            // billion" in an earnings report
            Some((y, q)) => format!("{:04}-Q{q}", y - 1),
            None => format!("{:04}", d.year + i32::try_from(shift).unwrap_or(0)),
        },
        Unit::Decade => era_span(d.year, 10, i32::try_from(shift).unwrap_or(0), 3),
        Unit::Century => era_span(d.year, 100, i32::try_from(shift).unwrap_or(0), 2),
        _ => return None,
    };
    found(start, j + 1, "DATE", value)
}

/// The decade or century (`size` 10 or 100) `shift` away from the one holding
/// the astronomical `year` (0 is 1 BC), written in `digits` digits: "198",
/// "19", and before Christ "BC048" (the 480s BC), "BC04" (the 400s BC). "The
/// previous century" of 478 BC is the 500s BC, "BC05".
pub(super) fn era_span(year: i32, size: i32, shift: i32, digits: usize) -> String {
    // One axis for both eras: AD spans count up from 0, BC ones down from -1.
    let at = if year >= 1 {
        year / size
    } else {
        -((1 - year) / size) - 1
    };
    let n = at + shift;
    if n >= 0 {
        format!("{n:0digits$}")
    } else {
        format!("BC{:0digits$}", -n - 1)
    }
}

/// "Saturday", "on Monday morning": the nearest such day, backward in past-tense
/// sentences and forward in future ones.
pub(super) fn weekday(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Full names are days however written (tweets write "friday"); short ones
    // ("Sat", "Wed", but also "Sun" the company) only after "this", "on", "next"...
    // or before a time ("Sat 7pm").
    let day = weekday_number(w).or_else(|| {
        let short = lookup(&lexical::WEEKDAY_ABBREVIATIONS, w.trim_end_matches('.'))?;
        (matches!(
            cx.at(i.wrapping_sub(1)),
            "this" | "on" | "next" | "last" | "by" | "until" | "til"
        ) || cx
            .at(i + 1)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit()))
        .then_some(short)
    })?;
    // "Tuesday nights", "on Monday and Tuesday nights": every such night, a SET.
    let every_part = |k: usize| {
        let w = cx.at(k);
        w.ends_with('s').then(|| part_of_day_code(w)).flatten()
    };
    if let Some(code) = every_part(i + 1) {
        return found(i, i + 2, "SET", format!("XXXX-WXX-{day}T{code}"));
    }
    if matches!(cx.at(i + 1), "and" | "or") && weekday_number(cx.at(i + 2)).is_some() {
        if let Some(code) = every_part(i + 3) {
            return found(i, i + 1, "SET", format!("XXXX-WXX-{day}T{code}"));
        }
    }
    // "Monday, Oct. 26": the date says which Monday; so does "Sunday dawn of 25
    // June 1950".
    let next = if cx.at(i + 1) == "," { i + 2 } else { i + 1 };
    if let Some(mut f) = absolute(cx, next).filter(|f| f.value.len() == 10) {
        f.start = i;
        return Some(f);
    }
    let part_of = (part_of_day_code(cx.at(i + 1)).is_some()
        || matches!(cx.at(i + 1), "dawn" | "dusk" | "noon" | "midnight"))
        && cx.at(i + 2) == "of";
    if part_of {
        if let Some(f) = absolute(cx, i + 3).filter(|f| f.value.len() == 10) {
            return found(i, i + 1, "DATE", f.value);
        }
    }
    // "Wednesday's ruling" has happened, unless it is still to come: "ahead of
    // Thursday's meeting", "Thursday's scheduled vote", "Tuesday's vote will
    // decide". (Not "would look for ways around Wednesday's ruling": that plan
    // is not the ruling's.)
    let tense = if matches!(cx.at(i + 1), "'s" | "’s") {
        match cue_at(cx, i) {
            Some((Tense::Future, j))
                if j > i
                    || matches!(
                        cx.at(j),
                        "ahead" | "before" | "upcoming" | "scheduled" | "planned" | "expected"
                    ) =>
            {
                Tense::Future
            }
            _ => Tense::Past,
        }
    } else {
        local_tense(cx, i)
    };
    let value = cx.now.map_or(format!("XXXX-WXX-{day}"), |dct| {
        let diff = i64::from(day) - i64::from(dct.weekday());
        let offset = match tense {
            Tense::Past if diff > 0 => diff - 7,
            Tense::Future if diff < 0 => diff + 7,
            _ => diff,
        };
        dct.add_days(offset).iso()
    });
    // "Friday night", "Friday morning": TimeML (TimeBank) mostly marks the day, a
    // DATE; "Friday evening", "Friday afternoon" it gives the part (1989-10-27TEV,
    // and undated XXXX-WXX-5TAF).
    if let Some((p, code)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == cx.at(i + 1)) {
        if matches!(*p, "evening" | "afternoon") {
            return found(i, i + 2, "DATE", format!("{value}T{code}"));
        }
        return found(i, i + 2, "DATE", value);
    }
    found(i, i + 1, "DATE", value)
}
