//! Test-only: what a well-formed TIMEX3 value looks like, and a property test
//! that the time stage writes nothing else, and no range that runs backwards,
//! however odd the text around it.

use crate::ground::dates::calendar::Date;
use proptest::prelude::*;

/// Is `v` a value TimeML allows: a date ("2002-11-29", "2002-W48-WE",
/// "2002-Q4", "195X", "BC0480", "BC04"), a time ("2002-11-29T10:35",
/// "XXXX-WXX-5TAF"), a duration ("P3D", "PT2H30M", "PXY"), or a reference
/// ("PRESENT_REF")? A date names a real day.
pub fn well_formed(v: &str) -> bool {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return true;
    }
    if let Some(rest) = v.strip_prefix('P') {
        return !rest.is_empty()
            && rest.bytes().any(|b| b.is_ascii_alphabetic())
            && rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b"X.TYMWDHSQLCE".contains(&b));
    }
    // A time of an unnamed day: "TNI".
    if let Some(code) = v.strip_prefix('T') {
        return part_of_day(code);
    }
    let (date, time) = v.split_once('T').map_or((v, None), |(d, t)| (d, Some(t)));
    if let Some(time) = time {
        let clock = |t: &str| {
            let mut fields = t.split(':');
            let hour = fields.next().and_then(|h| h.parse::<u32>().ok());
            hour.is_some_and(|h| h <= 24)
                && fields.all(|m| m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60))
        };
        if !(part_of_day(time) || clock(time)) {
            return false;
        }
    }
    // BC years are counted from 1 BC, the astronomical year 0 (a leap year).
    let bc = date.starts_with("BC");
    let date = date.strip_prefix("BC").unwrap_or(date);
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("");
    // "11,000 years ago": BC11000.
    let longest = if bc { 6 } else { 4 };
    let year_ok = (1..=longest).contains(&year.len())
        && year.bytes().all(|b| b.is_ascii_digit() || b == b'X')
        && year
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'X');
    if !year_ok {
        return false;
    }
    let rest: Vec<&str> = parts.collect();
    if !rest.is_empty() && year.len() != 4 {
        return false;
    }
    let two = |s: &str, max: u32| {
        s == "XX" || s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n)) && s.len() == 2
    };
    match rest.as_slice() {
        [] => true,
        [one] if matches!(*one, "SP" | "SU" | "FA" | "WI" | "H1" | "H2" | "QX") => true,
        [q] if q.len() == 2 && q.starts_with('Q') => matches!(*q, "Q1" | "Q2" | "Q3" | "Q4"),
        [w, rest @ ..] if w.starts_with('W') => {
            let week = w.get(1..).unwrap_or("");
            two(week, 53)
                && match rest {
                    [] => true,
                    ["WE"] => true,
                    [d] => d.len() == 1 && ("1"..="7").contains(d),
                    _ => false,
                }
        }
        [m] => two(m, 12),
        [m, d] => {
            let (Ok(y), Ok(mo), Ok(day)) =
                (year.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
            else {
                return two(m, 12) && two(d, 31);
            };
            let y = if bc { 1 - y } else { y };
            m.len() == 2 && d.len() == 2 && Date::new(y, mo, day).is_some()
        }
        _ => false,
    }
}

fn part_of_day(code: &str) -> bool {
    matches!(code, "MO" | "AF" | "EV" | "NI" | "DT")
}

/// Text made mostly of time words, numbers and dates, in odd orders.
fn time_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "Monday ",
            "Friday night ",
            "Sunday dawn of ",
            "last ",
            "next ",
            "this ",
            "the previous ",
            "the following ",
            "week ",
            "month ",
            "year ",
            "decade ",
            "century ",
            "centuries ",
            "quarter ",
            "fiscal ",
            "spring ",
            "summer and autumn ",
            "the 1990s ",
            "the '80s ",
            "480 BC ",
            "499-493 BC ",
            "1 BC ",
            "AD 5 ",
            "ago ",
            "earlier ",
            "later ",
            "days ",
            "February ",
            "Feb. 29 ",
            "29 February ",
            "31 April ",
            "30 Feb ",
            "December 31, ",
            "Jan. 1 ",
            "1-3 December ",
            "mid-",
            "late ",
            "early ",
            "the 4th century BC ",
            "the nineteenth century ",
            "tonight ",
            "tomorrow ",
            "yesterday ",
            "at noon ",
            "midnight ",
            "10:35 a.m. ",
            "24:00 ",
            "99:99 ",
            "W53 ",
            "week 53 ",
            "Q4 ",
            "the third quarter ",
            "2000 to 2008 ",
            "since ",
            "until ",
            "would ",
            "said ",
            "will ",
            ". ",
            ", ",
            "\"",
            "(",
            ")",
            "- ",
            "every ",
            "a year ",
            "two years ",
            "0000 ",
            "9999 ",
            "the year 2000 ",
            "the summer of 1944 ",
            "Christmas ",
            "New Year's Eve ",
            "the 31st ",
            "the 30th of February ",
            "Feb 29th ",
            "2/29 ",
            "Friday the 13th ",
            "11,000 years ago ",
            "3-1 December ",
            "1945-1939 ",
            "from December 5 to December 1 ",
            "July-March ",
            "on 12/15 ",
            "by 31/2 ",
            "Tues 13/13 ",
            "25/12/2025 ",
            "2026-12-01T10:00:00+01:00 ",
            "9999-12-31T24:59Z ",
            "the 2nd of December ",
            "from now ",
            "hence ",
            "week of ",
            "this past ",
            "Thursday's ",
            "Labor Day weekend ",
            "Easter week ",
            "Mother's Day ",
            "July Fourth ",
            "Black Friday ",
            "over ",
            "every other ",
            "twice a ",
            "times a ",
            "Mondays ",
            "weekends ",
            "per annum ",
            "10:00-11:30 ",
            "23:59-24:00 ",
            "9 a.m. to 5 p.m. ",
            "30.11.2026 ",
            "31.02.2026 ",
            "1700 GMT ",
            "2460 UTC ",
            "11.30am ",
            "13.75pm ",
            "Q3 ",
            "4Q99 ",
            "FY27 ",
            "FY 2027 ",
            "1H26 ",
            "H2 ",
            "Nov. 24 – ",
        ])
        .prop_map(String::from),
        "[0-9]{1,5} ",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4} ",
        "[0-9]{4}-[0-9]{2}-[0-9]{2} ",
        "[A-Z][a-z]{2,7} ",
    ];
    prop::collection::vec(piece, 1..40).prop_map(|v| v.concat())
}

/// A DCT anywhere from 1 AD to 2200, or none.
fn dct() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        (1i32..2200, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn every_value_the_stage_writes_is_well_formed(text in time_text(), dct in dct()) {
        let found = match &dct {
            Some(d) => super::tests::tag(&text, d),
            None => super::tests::tag_undated(&text),
        };
        for (span, _, value, value_end) in found {
            prop_assert!(well_formed(&value), "{value:?} for {span:?} in {text:?} ({dct:?})");
            if let Some(end) = value_end {
                prop_assert!(well_formed(&end), "{end:?} for {span:?} in {text:?} ({dct:?})");
                // A range runs forward.
                prop_assert!(
                    super::chronological(&end) >= super::chronological(&value),
                    "{value:?}..{end:?} for {span:?} in {text:?} ({dct:?})"
                );
            }
        }
    }
}

#[test]
fn the_forms_are_told_apart() {
    for good in [
        "2002-11-29",
        "2002-11",
        "2002",
        "195X",
        "198",
        "19",
        "BC0480",
        "BC04",
        "BC048",
        "2002-W48",
        "2002-W48-WE",
        "XXXX-WXX-5",
        "2002-Q4",
        "2007-SU",
        "2002-H1",
        "P3D",
        "PT2H30M",
        "PXY",
        "P1DE",
        "P2CE",
        "PRESENT_REF",
        "2002-11-29T10:35",
        "1989-10-27T24:00",
        "XXXX-WXX-5TAF",
        "TNI",
        "XXXX-XX-XX",
        "2004-02-29",
    ] {
        assert!(well_formed(good), "{good}");
    }
    for bad in [
        "-4",
        "2003-02-29",
        "2002-13",
        "2002-W54",
        "2002-Q5",
        "P",
        "2002-11-29T25:00",
        "",
        "2002-1-5",
        "20022",
    ] {
        assert!(!well_formed(bad), "{bad}");
    }
}
