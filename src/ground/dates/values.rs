//! TimeML values as text: reading a value's year, month and day back out of it
//! ("2002-11-29", "BC0480-04", "-0479"), and writing a year before 1 AD in
//! TimeML's form.
//!
//! Guarantees: pure functions of their argument; never panic; a value they cannot
//! read is `None`, never a guess.

use super::calendar::Date;

/// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY` into (year, month, day) with 0 for absent parts.
pub fn parse_iso_date(value: &str) -> Option<(i32, u32, u32)> {
    let (year, rest) = split_year(value.trim())?;
    let mut parts = rest.split('-');
    if !parts.next()?.is_empty() {
        return None;
    }
    let month: u32 = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => 0,
    };
    let day: u32 = match parts.next() {
        Some(d) => d.parse().ok().filter(|d| (1..=31).contains(d))?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((year, month, day))
}

/// The year a TIMEX3 value begins with, as an astronomical year ("BC0490", 490
/// BC, is -489; year 1 BC is 0), and the rest of the value. The tagger counts in
/// astronomical years, so a year before 1 AD is written "-489" until
/// [`bc_form`] gives it TimeML's form.
pub(crate) fn split_year(value: &str) -> Option<(i32, &str)> {
    let four = |s: &str| {
        let digits = s.get(..4)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse::<i32>().ok())
            .flatten()
    };
    if let Some(rest) = value.strip_prefix("BC") {
        return Some((1 - four(rest).filter(|y| *y > 0)?, rest.get(4..)?));
    }
    if let Some(rest) = value.strip_prefix('-') {
        // `format!("{:04}", -479)` writes "-479", `format!("{:04}", -47)` "-047":
        // the digits up to the next dash, three to five of them (two are a decade).
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let year: i32 = rest
            .get(..digits)
            .filter(|d| (3..=5).contains(&d.len()))?
            .parse()
            .ok()?;
        return Some((-year, rest.get(digits..)?));
    }
    let year = four(value).filter(|y| *y > 0)?;
    Some((year, value.get(4..)?))
}

/// The year, month and day a calendar value begins with (month and day 0 when it
/// does not give them): "BC0480-04" is (-479, 4, 0), "2002-11-29TNI" (2002, 11,
/// 29), "1998-SP" (1998, 0, 0).
pub(crate) fn date_parts(value: &str) -> Option<(i32, u32, u32)> {
    let (year, rest) = split_year(value)?;
    let two = |s: &str, range: std::ops::RangeInclusive<u32>| {
        let n = s.strip_prefix('-')?.get(..2)?;
        n.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| n.parse::<u32>().ok())
            .flatten()
            .filter(|n| range.contains(n))
    };
    let month = two(rest, 1..=12).unwrap_or(0);
    let day = if month > 0 {
        rest.get(3..).and_then(|r| two(r, 1..=31)).unwrap_or(0)
    } else {
        0
    };
    Some((year, month, day))
}

/// Is this "YYYY-MM-DD" a day the calendar has (not "2010-02-30")?
pub(crate) fn is_real_day(value: &str) -> bool {
    date_parts(value).is_some_and(|(y, m, d)| Date::new(y, m, d).is_some())
}

/// A value whose year is before 1 AD in TimeML's form: "-0479-04" is
/// "BC0480-04". Other values are returned as they are.
pub(crate) fn bc_form(value: &str) -> Option<String> {
    // Year 0 is 1 BC.
    if let Some(rest) = value.strip_prefix("0000") {
        return Some(format!("BC0001{rest}"));
    }
    let digits = value.strip_prefix('-')?;
    // A decade: "-48" is the 480s BC, "BC048".
    if digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("BC0{digits}"));
    }
    let (year, rest) = split_year(value)?;
    Some(format!("BC{:04}{rest}", 1 - year))
}
