//! Clock times and parts of the day: "10:30 a.m.", "3 p.m. EST", "noon",
//! "midnight", "9 a.m. Tuesday", "in the morning", "at night", "tomorrow night",
//! with the day they fall on (`2015-04-08T10:30`, `2015-04-08TNI`).
//!
//! Guarantees: a time takes the day written beside it, else the day last named,
//! else the reference date's; without any a time of an unknown day; never panics.

use super::*;

/// The day after a clock time ("9 a.m. [EST] Tuesday", "noon today"): its date
/// and where it ends.
pub(super) fn clock_day(cx: &Context, at: usize) -> Option<(String, usize)> {
    let at = if is_zone(cx.at(at)) { at + 1 } else { at };
    // "5 p.m. EST, Nov. 9"
    let at = if cx.at(at) == "," { at + 1 } else { at };
    let f = weekday(cx, at)
        .filter(|f| f.end == at + 1)
        .or_else(|| relative_word(cx, at).filter(|f| f.kind == "DATE"))
        .or_else(|| absolute(cx, at).filter(|f| f.value.len() == 10))?;
    f.value
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit())
        .then(|| (f.value.clone(), f.end))
}

/// A time zone written after a clock time: "EST", "GMT", "UTC", "local".
pub(super) fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "est" | "edt" | "gmt" | "pst" | "pdt" | "cst" | "cdt" | "utc" | "local" | "bst" | "cet"
    )
}

/// "10:30 a.m.", "3 p.m.", "noon", "midday", "midnight", "9 a.m. Tuesday",
/// "11.30am", "1700 GMT".
pub(super) fn clock(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Only words that start with a digit, "noon", "midday" or "midnight" can be clock times.
    let named = matches!(w, "noon" | "midday" | "midnight");
    if !(w.bytes().next().is_some_and(|b| b.is_ascii_digit()) || named) {
        return None;
    }
    let date = cx.dct.map_or("XXXX-XX-XX".to_string(), Date::iso);
    if named {
        let (date, end) = clock_day(cx, i + 1).unwrap_or((date, i + 1));
        return found(
            i,
            end,
            "TIME",
            format!("{date}T{}", if w == "midnight" { "24:00" } else { "12:00" }),
        );
    }
    // "8am", "10:30pm" (tweets) or "8 a.m."
    // ("11.30am." keeps its period as the tokenizer reads "am." as an
    // abbreviation.)
    let (body, next, end) = match [
        ("a.m.", "a.m."),
        ("am.", "am"),
        ("am", "am"),
        ("p.m.", "p.m."),
        ("pm.", "pm"),
        ("pm", "pm"),
    ]
    .iter()
    .find_map(|(x, read)| Some((w.strip_suffix(x).filter(|b| !b.is_empty())?, *read)))
    {
        Some((body, x)) => (body, x, i + 1),
        None => (w, cx.at(i + 1), i + 2),
    };
    // "1700 GMT": a 24-hour time without its colon, told by the zone after it.
    // In brackets ("10:35 a.m. (0735 GMT) Friday") it converts the time before
    // it, and is left to it.
    if body.len() == 4 && body.bytes().all(|b| b.is_ascii_digit()) && is_zone(cx.at(i + 1)) {
        if cx.at(i.wrapping_sub(1)) == "(" {
            return None;
        }
        let (h, m) = (
            body.get(..2)?.parse::<u32>().ok()?,
            body.get(2..)?.parse::<u32>().ok()?,
        );
        (h < 24 && m < 60).then_some(())?;
        let (date, end) = clock_day(cx, i + 1).unwrap_or((date, i + 2));
        return found(i, end, "TIME", format!("{date}T{h:02}:{m:02}"));
    }
    // "10:30", and before "am"/"pm" "11.30" as Britain writes it
    let separator = if next.starts_with(['a', 'p']) && !body.contains(':') {
        '.'
    } else {
        ':'
    };
    let (h, m) = match body.split_once(separator) {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.get(..2)?.parse::<u32>().ok()?),
        None => (body.parse::<u32>().ok()?, 0),
    };
    // "4 in the morning", "7 in the evening", "11 at night"
    let part = match (next, cx.at(i + 2), cx.at(i + 3)) {
        ("in", "the", p) => part_of_day_code(p)
            .filter(|_| !p.ends_with('s'))
            .map(|c| (c, i + 4)),
        ("at", "night", _) => Some(("NI", i + 3)),
        _ => None,
    };
    let (h, end) = match (next, part) {
        ("a.m." | "am" | "a.m", _) => (if h == 12 { 0 } else { h }, end),
        ("p.m." | "pm" | "p.m", _) => (if h == 12 { 12 } else { h + 12 }, end),
        (_, Some(("MO", end))) if (1..=12).contains(&h) => (h % 12, end),
        (_, Some((_, end))) if (1..=11).contains(&h) => (h + 12, end),
        _ if w.contains(':') => (h, i + 1),
        _ => return None,
    };
    (h <= 24 && m < 60).then_some(())?;
    let (date, end) = clock_day(cx, end).unwrap_or((date, end));
    // "10:00-11:30": two times, the first carrying the second as its end.
    let until = joined(w).and_then(|(_, b)| {
        let (h, m) = b.split_once(':')?;
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (h <= 24 && m < 60 && h * 60 + m > 0).then(|| format!("{date}T{h:02}:{m:02}"))
    });
    let value = format!("{date}T{h:02}:{m:02}");
    Some(Found {
        start: i,
        end,
        kind: "TIME",
        value_end: until.filter(|u| *u > value),
        value,
        modifier: None,
    })
}

/// A part of the day named alone: "in the morning", "at night", "that
/// afternoon", "a late night". TimeML gives it the day's date and a part code
/// (`2015-04-08TNI`): the day last named, else the DCT's; in a narrative the
/// story's date at the grain it is known (`1918-08-XXTNI`). Not a greeting
/// ("good morning"). "the night of May 13" is one expression in a narrative
/// (TIMEX2, WikiWars); news (TimeBank) marks the date alone.
pub(super) fn part_of_day(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "mid-afternoon", "late-night"
    let bare = ["mid-", "late-", "early-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
    let code = part_of_day_code(bare)?;
    let before = cx.at(i.wrapping_sub(1));
    if matches!(before, "good" | "gd") {
        return None;
    }
    // "MSNBC's Morning Joe program", "Morning Edition": a programme's name.
    // (Not a shouted or title-cased line: "KARAOKE NIGHT WITH CB".)
    if i > 0 && cx.capitalized(i) && cx.capitalized(i + 1) && !cx.capitalized(i - 1) {
        return None;
    }
    // "a morning talk show", "the evening news", "morning sickness": a thing.
    if matches!(
        cx.at(i + 1),
        "show"
            | "shows"
            | "talk"
            | "news"
            | "newspaper"
            | "paper"
            | "papers"
            | "edition"
            | "program"
            | "programme"
            | "sickness"
            | "star"
            | "glory"
            | "person"
            | "club"
            | "school"
            | "life"
            | "sky"
            | "prayer"
            | "prayers"
    ) {
        return None;
    }
    let mut end = i + 1;
    let mut day: Option<String> = None;
    // "the night of May 13", "the early morning hours of 30 April"
    let of = match cx.at(i + 1) {
        "of" => Some(i + 2),
        "hours" if cx.at(i + 2) == "of" => Some(i + 3),
        _ => None,
    };
    if let Some(at) = of {
        if !cx.narrative {
            return None;
        }
        let date = absolute(cx, at).filter(|f| f.value.len() == 10)?;
        end = date.end;
        day = Some(date.value);
    }
    // "the night the plane went down": a clause says which night.
    if matches!(
        cx.at(i + 1),
        "the" | "a" | "an" | "he" | "she" | "they" | "we" | "i" | "you" | "it"
    ) {
        return None;
    }
    // "$55 a night", "two meals a day": a rate.
    let rate = |k: usize| {
        let b = cx.at(k);
        b.bytes().any(|c| c.is_ascii_digit()) || matches!(b, "million" | "billion" | "times")
    };
    if matches!(before, "a" | "an" | "per") && rate(i.wrapping_sub(2)) {
        return None;
    }
    // "a late night", "one afternoon", "that morning", "the whole morning"
    let mut start = i;
    if matches!(before, "late" | "early" | "whole") {
        start -= 1;
    }
    if matches!(cx.at(start.wrapping_sub(1)), "a" | "an" | "one" | "that") {
        start -= 1;
    }
    // "mid-afternoon yesterday", "the morning after"
    if let Some(f) = relative_word(cx, end).filter(|f| f.kind == "DATE" && f.value.len() == 10) {
        return found(start, f.end, "TIME", format!("{}T{code}", f.value));
    }
    // With a determiner, the day the story is at; alone in a narrative ("they
    // moved only at night"), any day.
    let determined = start < i || cx.at(i.wrapping_sub(1)) == "the";
    let story = cx
        .story
        .filter(|v| v.len() >= 4 && v.bytes().take(4).all(|b| b.is_ascii_digit()));
    let day = day.or_else(|| match story {
        _ if cx.narrative && !determined => None,
        Some(v) if v.len() >= 10 && parse_iso_date(v.get(..10)?)?.2 > 0 => {
            Some(v.get(..10)?.to_string())
        }
        Some(v) if cx.narrative && v.len() >= 7 => Some(format!("{}-XX", v.get(..7)?)),
        Some(v) if cx.narrative => Some(format!("{}-XX-XX", v.get(..4)?)),
        _ if cx.narrative => None,
        _ => cx.now.map(Date::iso),
    });
    let day = day.unwrap_or_else(|| "XXXX-XX-XX".into());
    found(start, end, "TIME", format!("{day}T{code}"))
}
