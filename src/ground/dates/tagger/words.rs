//! The tagger's word tables and the readers of single words and numbers: months,
//! weekdays, seasons, parts of the day, units of time ("hrs", "7months"), small
//! numbers in digits or words ("twenty-four"), years and days of the month.
//!
//! Guarantees: each reader looks at the words it is given and nothing else; a
//! word it does not know is `None`; never panics.

use super::*;

pub(super) const VAGUE_NUMBERS: &[&str] = &[
    "several", "few", "many", "some", "recent", "coming", "next", "past", "last",
];
pub(super) const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];
/// Things named by a number, which is then no year: "Resolution 1483",
/// "Flight 1549", "Room 1600", "Section 2001".
pub(super) const NUMBERED_THINGS: &[&str] = &[
    "resolution",
    "flight",
    "route",
    "room",
    "highway",
    "interstate",
    "section",
    "article",
    "chapter",
    "page",
    "suite",
    "gate",
    "platform",
    "bus",
    "model",
    "item",
    "decree",
    "ticket",
    "apartment",
    "pier",
    "hangar",
];
pub(super) const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// The TIMEX3 code of a part of the day, singular or plural ("nights"), and
/// the informal "nite" of tweets.
pub(super) fn part_of_day_code(word: &str) -> Option<&'static str> {
    let w = word.strip_suffix('s').unwrap_or(word);
    let w = if w == "nite" { "night" } else { w };
    PARTS_OF_DAY.iter().find(|(p, _)| *p == w).map(|(_, c)| *c)
}

/// A unit of time: its TIMEX3 letter, whether it takes the T (time) prefix, and its
/// date granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

pub(super) fn unit(word: &str) -> Option<Unit> {
    Some(match word.trim_end_matches('s') {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    })
}

/// A count glued to its unit, as chat writes it: "7months", "12hrs" → (7, Month).
pub(super) fn glued_count(word: &str) -> Option<(u32, Unit)> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let (count, rest) = (word.get(..digits)?, word.get(digits..)?);
    if count.is_empty() || rest.is_empty() {
        return None;
    }
    let rest = shorthand(rest).unwrap_or(rest);
    Some((count.parse().ok()?, unit(rest)?))
}

pub(super) fn duration(n: Option<u32>, unit: Unit) -> String {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Year => format!("P{n}Y"),
        // TimeBank counts decades in years: "two decades" is P20Y.
        Unit::Decade => match n.parse::<u32>() {
            Ok(k) => format!("P{}Y", 10 * k),
            Err(_) => "PXY".into(),
        },
        Unit::Century => format!("P{n}CE"),
    }
}

pub(super) fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// A word table asked about every token, as a hash map built on first use.
pub(super) type WordTable = LazyLock<HashMap<&'static str, u32, crate::ground::hashing::FxBuild>>;
pub(super) static MONTH_TABLE: WordTable = LazyLock::new(|| {
    counted_from_one(&lexical::MONTHS)
        .chain(lexical::MONTH_ABBREVIATIONS.iter().copied())
        .collect()
});
pub(super) static SMALL_NUMBER_TABLE: WordTable = LazyLock::new(|| {
    [
        ("a", 1),
        ("an", 1),
        ("hundred", 100),
        ("couple", 2),
        ("half", 0),
    ]
    .into_iter()
    .chain(lexical::CARDINALS.iter().copied())
    .collect()
});
pub(super) static WEEKDAY_TABLE: WordTable =
    LazyLock::new(|| counted_from_one(&lexical::WEEKDAYS).collect());

/// Each word of a calendar list with its number, counting from 1.
pub(super) fn counted_from_one(
    words: &'static [&'static str],
) -> impl Iterator<Item = (&'static str, u32)> {
    words.iter().copied().zip(1..)
}

/// The number of "first" to "fourth" (quarters, halves, weeks of a month).
pub(super) fn small_ordinal(word: &str) -> Option<u32> {
    let at = lexical::ORDINAL_WORDS
        .iter()
        .take(4)
        .position(|w| *w == word)?;
    u32::try_from(at + 1).ok()
}

pub(super) fn month(word: &str) -> Option<u32> {
    MONTH_TABLE.get(word.trim_end_matches('.')).copied()
}

pub fn weekday_number(word: &str) -> Option<u32> {
    WEEKDAY_TABLE.get(word).copied()
}

pub(super) fn small_number(word: &str) -> Option<u32> {
    SMALL_NUMBER_TABLE.get(word).copied()
}

pub(super) fn year_of(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// "480 BC" at `i`: the astronomical year (-479) and where it ends.
pub(super) fn bc_year(cx: &Context, i: usize) -> Option<(i32, usize)> {
    let w = cx.at(i);
    let n: i32 = (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|n| *n > 0)?;
    crate::ground::lexical::is_bc_word(cx.at(i + 1)).then_some((1 - n, i + 2))
}

pub(super) fn day_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ',');
    (!w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<u32>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
        .filter(|_| {
            let suffix = &word[w.len()..];
            matches!(suffix.trim_end_matches(','), "" | "st" | "nd" | "rd" | "th")
        })
}

/// A number written in digits or words ("24", "twenty four", "twenty-four").
pub(super) fn number(words: &[&str], i: usize) -> Option<(u32, usize)> {
    let w = *words.get(i)?;
    // only a word starting with a digit, a sign or a comma can parse as digits
    if w.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'+' || b == b',')
    {
        let parsed = if w.contains(',') {
            w.replace(',', "").parse::<u32>()
        } else {
            w.parse::<u32>()
        };
        if let Ok(n) = parsed {
            return Some((n, i + 1));
        }
    }
    if let Some((a, b)) = w.split_once('-') {
        if let (Some(x), Some(y)) = (small_number(a), small_number(b)) {
            return Some((x + y, i + 1));
        }
    }
    let mut n = small_number(w)?;
    let mut end = i + 1;
    if w == "couple" || (matches!(w, "a" | "an") && words.get(i + 1) == Some(&"couple")) {
        end = if w == "couple" { i + 1 } else { i + 2 };
        if words.get(end) == Some(&"of") {
            end += 1;
        }
        return Some((2, end));
    }
    if (20..100).contains(&n) {
        if let Some(m) = words
            .get(end)
            .and_then(|x| small_number(x))
            .filter(|m| *m < 10 && *m > 0)
        {
            n += m;
            end += 1;
        }
    }
    Some((n, end))
}
