//! Counts of units of time: durations ("three years", "five-year", "24 hours",
//! "2.5 hrs"), dates counted from a day ("three years ago", "a day earlier") and
//! sets ("every day", "each week", "daily", "annually", "every Monday").
//!
//! Guarantees: a duration's value is a TIMEX3 period (`P3Y`, `PT24H`; `X` for a
//! count the text does not give: `PXW`); never panics.

use super::*;

/// "three years" (DURATION), "three years ago" (DATE), "a day earlier" (DATE),
/// "five-year" (DURATION), "24 hours".
pub(super) fn numbered(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "five-year", "10-day", "day-long", "decades-long" (not "three-quarters of";
    // not ages, "a 6-year-old boy", which TimeBank leaves out)
    let compound = if w.ends_with("-long") {
        w.strip_suffix("-long").unwrap_or(w)
    } else {
        w
    };
    if let Some((a, b)) = compound.split_once('-') {
        if let (Some(u), Some((n, _)), false) = (unit(b), number(&[a], 0), cx.at(i + 1) == "of") {
            return found(i, i + 1, "DURATION", duration(Some(n), u));
        }
        // "a several-year tenure", "multi-year contracts"
        if let (Some(u), true) = (unit(b), matches!(a, "several" | "multi" | "many")) {
            return found(i, i + 1, "DURATION", duration(None, u));
        }
    } else if compound != w {
        if let Some(u) = unit(compound) {
            let n = (!compound.ends_with('s')).then_some(1);
            return found(i, i + 1, "DURATION", duration(n, u));
        }
    }
    let glued = glued_count(w);
    // "2.5 hrs": the whole count, the half is read below.
    let and_half = w
        .strip_suffix(".5")
        .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|k| k.parse::<u32>().ok());
    let (n, after) = if let Some((n, _)) = glued {
        (Some(n), i)
    } else if and_half.is_some()
        || (VAGUE_NUMBERS.contains(&w) && matches!(w, "several" | "few" | "many" | "some"))
    {
        (None, i + 1)
    } else if w == "a" && cx.at(i + 1) == "few" {
        (None, i + 2)
    } else {
        let (n, after) = number(cx.words, i)?;
        (Some(n), after)
    };
    // "two more weeks", "an additional year", "eight trading days"
    let after = if matches!(
        cx.at(after),
        "more" | "additional" | "further" | "trading" | "business" | "working"
    ) && unit(cx.at(after + 1)).is_some()
    {
        after + 1
    } else {
        after
    };
    // "5 1/2 hours", "2 1/2 years", "two and a half years", "a minute and a
    // half": the half in the next smaller unit.
    let and_a_half = |k: usize| {
        cx.at(k) == "and" && matches!(cx.at(k + 1), "a" | "one") && cx.at(k + 2) == "half"
    };
    let half = match (n, cx.at(after)) {
        (Some(n), "1/2") => Some((n, after + 1, after + 2)),
        // "2.5 hrs"
        (None, _) if and_half.is_some() => and_half.map(|n| (n, i + 1, i + 2)),
        (Some(n), _) if and_a_half(after) => Some((n, after + 3, after + 4)),
        (Some(n), _) if unit(cx.at(after)).is_some() && and_a_half(after + 1) => {
            Some((n, after, after + 4))
        }
        _ => None,
    };
    if let Some((n, at, end)) = half {
        let value = match (unit(cx.at(at))?, n) {
            // "0.5 hrs", "half a year" alone
            (Unit::Year, 0) => "P6M".to_string(),
            (Unit::Day, 0) => "PT12H".to_string(),
            (Unit::Hour, 0) => "PT30M".to_string(),
            (Unit::Minute, 0) => "PT30S".to_string(),
            (Unit::Year, _) => format!("P{n}Y6M"),
            (Unit::Day, _) => format!("P{n}DT12H"),
            (Unit::Hour, _) => format!("PT{n}H30M"),
            (Unit::Minute, _) => format!("PT{n}M30S"),
            _ => return None,
        };
        return found(i, end, "DURATION", value);
    }
    let u = match glued {
        Some((_, u)) => u,
        None => unit(cx.at(after))?,
    };
    if n.is_none() && !cx.at(after).ends_with('s') {
        return None;
    }
    // "a quarter of the market" is a share.
    if u == Unit::Quarter && cx.at(after + 1) == "of" {
        return None;
    }
    // Rates ("$2 million a year", "24 hours a day") and "a second attempt", but
    // not "$2 million a year earlier".
    let anchored = matches!(
        cx.at(after + 1),
        "ago" | "earlier" | "later" | "before" | "after" | "hence"
    ) || (cx.at(after + 1) == "from" && matches!(cx.at(after + 2), "now" | "today"));
    if matches!(w, "a" | "an") && !anchored {
        let before = cx.at(i.wrapping_sub(1));
        // "four flights a week", "700 seats a week", "24 hours a day": a count per
        // unit.
        let per = before.len() > 3
            && before.ends_with('s')
            && number(cx.words, i.wrapping_sub(2)).is_some_and(|(_, e)| e + 1 == i);
        if u == Unit::Second
            || per
            || before.bytes().any(|b| b.is_ascii_digit())
            || matches!(
                before,
                "million" | "billion" | "thousand" | "percent" | "times" | "once" | "twice"
            )
        {
            return None;
        }
    }
    let end = after + 1;
    let anchor_word = cx.at(end);
    // Ages: an attribute ("Mr. Reupke, 52 years old, will succeed") is left out
    // (TimeBank), a predicate ("all males who were 18 years old") is a length, the
    // whole phrase (WikiWars, tweets).
    if anchor_word == "old" {
        let copula = matches!(
            cx.at(i.wrapping_sub(1)),
            "is" | "was" | "are" | "were" | "'s" | "’s" | "be" | "been" | "being"
        );
        return copula.then(|| found(i, end + 1, "DURATION", duration(n, u)))?;
    }
    // "two weeks from now", "three days from today", "a year hence": forward
    // from the writer's day, as "ago" is back.
    let from_now = (anchor_word == "from" && matches!(cx.at(end + 1), "now" | "today"))
        || anchor_word == "hence";
    let anchor_end = if anchor_word == "from" {
        end + 2
    } else {
        end + 1
    };
    if (from_now
        || matches!(
            anchor_word,
            "ago" | "earlier" | "later" | "before" | "after"
        ))
        && !matches!(cx.at(end + 1), "than" | "that")
    {
        let sign: i64 = if matches!(anchor_word, "ago" | "earlier" | "before") {
            -1
        } else {
            1
        };
        // News (TimeML): "three days later" marks "three days", a duration.
        if !cx.narrative && matches!(anchor_word, "later" | "before" | "after") {
            return found(i, end, "DURATION", duration(n, u));
        }
        let reference = if anchor_word == "ago" || from_now {
            cx.now
        } else {
            cx.dct
        };
        // "a few years ago", "several days later": no count, so no date to
        // land on, only the direction (TimeML's PAST_REF / FUTURE_REF).
        let (Some(dct), Some(n)) = (reference, n) else {
            return found(
                i,
                anchor_end,
                "DATE",
                if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
            );
        };
        let k = i64::from(n) * sign;
        // In an earnings report "a year earlier" is the same quarter a year before.
        if let (Unit::Year, Some((y, q)), -1) = (u, reported_quarter(cx, i), k) {
            return found(i, anchor_end, "DATE", format!("{:04}-Q{q}", y - 1));
        }
        let value = match u {
            Unit::Day => dct.add_days(k).iso(),
            Unit::Week => {
                let (y, wk) = dct.add_days(7 * k).iso_week();
                format!("{y:04}-W{wk:02}")
            }
            Unit::Month => {
                let m = dct.add_months(i32::try_from(k).unwrap_or(0));
                format!("{:04}-{:02}", m.year, m.month)
            }
            Unit::Year => format!("{:04}", i64::from(dct.year) + k),
            Unit::Decade => format!("{:03}", (i64::from(dct.year) + 10 * k) / 10),
            _ => {
                return found(
                    i,
                    anchor_end,
                    "DATE",
                    if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                )
            }
        };
        return found(i, anchor_end, "DATE", value);
    }
    found(i, end, "DURATION", duration(n, u))
}

/// "every day", "each week", "daily", "annually", "every Monday".
pub(super) fn set(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "annually" is left out: TimeML annotates it rarely.
    let simple = match w {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        _ => None,
    };
    // "the Communist Party daily Granma", "the business daily Nikkei": a
    // newspaper.
    let newspaper = cx.original.get(i) == Some(&"daily")
        && cx.capitalized(i + 1)
        && (cx.capitalized(i.wrapping_sub(1))
            || matches!(
                cx.at(i.wrapping_sub(1)),
                "the" | "a" | "business" | "financial"
            ));
    if let Some(v) = simple.filter(|_| !newspaper) {
        return found(i, i + 1, "SET", v.into());
    }
    // "on Mondays", "Tuesdays": every such day; "weekends" every weekend.
    if let Some(d) = w
        .strip_suffix('s')
        .filter(|w| w.ends_with("day"))
        .and_then(weekday_number)
    {
        return found(i, i + 1, "SET", format!("XXXX-WXX-{d}"));
    }
    if w == "weekends" {
        return found(i, i + 1, "SET", "XXXX-WXX-WE".into());
    }
    // "twice a week", "three times a day", "once per month": how often.
    // (A count is read only when "times" follows within three words.)
    let times_near = (i + 1..i + 4).any(|k| cx.at(k) == "times");
    let (count_end, times) = match w {
        "once" | "twice" | "thrice" => (i + 1, true),
        _ if times_near => match number(cx.words, i) {
            Some((_, after)) if cx.at(after) == "times" => (after + 1, true),
            _ => (i, false),
        },
        _ => (i, false),
    };
    if times && matches!(cx.at(count_end), "a" | "an" | "per" | "each" | "every") {
        if let Some(u) = unit(cx.at(count_end + 1)).filter(|_| !cx.at(count_end + 1).ends_with('s'))
        {
            return found(i, count_end + 2, "SET", duration(Some(1), u));
        }
    }
    if w == "per" && cx.at(i + 1) == "annum" {
        return found(i, i + 2, "SET", "P1Y".into());
    }
    if matches!(w, "every" | "each" | "per") {
        let next = cx.at(i + 1);
        // "every other week", "every two years"
        let (n, at) = match next {
            "other" => (Some(2), i + 2),
            _ => match number(cx.words, i + 1) {
                Some((n, after)) if w == "every" => (Some(n), after),
                _ => (None, i + 1),
            },
        };
        if let (Some(n), Some(u)) = (n, unit(cx.at(at))) {
            return found(i, at + 1, "SET", duration(Some(n), u));
        }
        if let Some(d) = weekday_number(next) {
            return found(i, i + 2, "SET", format!("XXXX-WXX-{d}"));
        }
        if let Some(m) = month(next).filter(|_| next.len() > 3) {
            return found(i, i + 2, "SET", format!("XXXX-{m:02}"));
        }
        if let Some(u) = unit(next) {
            return found(i, i + 2, "SET", duration(Some(1), u));
        }
    }
    None
}
