//! Named days: Christmas, Thanksgiving, Labor Day, Good Friday, New Year's and the
//! rest, each with the rule that places it in a year (a fixed day, the nth weekday
//! of a month, days from Easter, the U.S. Election Day).
//!
//! Guarantees: a holiday's day is computed by its rule for the year the text or
//! the reference date gives; never panics.

use super::*;

/// How a holiday falls in a year.
#[derive(Clone, Copy)]
pub(super) enum HolidayRule {
    /// Month and day.
    Fixed(u32, u32),
    /// The `n`th weekday (1 Monday .. 7 Sunday) of a month, counted from its
    /// end when `n` is negative, moved by `offset` days (Black Friday is the day
    /// after the fourth Thursday of November).
    Nth {
        month: u32,
        weekday: u32,
        n: i64,
        offset: i64,
    },
    /// Days from Easter Sunday.
    Easter(i64),
    /// The U.S. Election Day: the Tuesday after the first Monday of November.
    Election,
}

impl HolidayRule {
    pub(super) fn on(self, y: i32) -> Option<Date> {
        match self {
            HolidayRule::Fixed(m, d) => Date::new(y, m, d),
            HolidayRule::Nth {
                month,
                weekday,
                n,
                offset,
            } => {
                let day = if n > 0 {
                    let first = Date::new(y, month, 1)?;
                    let to = (i64::from(weekday) + 7 - i64::from(first.weekday())) % 7;
                    first.add_days(to + 7 * (n - 1))
                } else {
                    let last = Date::new(y, month, calendar::days_in_month(y, month))?;
                    let back = (i64::from(last.weekday()) + 7 - i64::from(weekday)) % 7;
                    last.add_days(-back + 7 * (n + 1))
                };
                Some(day.add_days(offset))
            }
            HolidayRule::Easter(offset) => easter_sunday(y).map(|d| d.add_days(offset)),
            HolidayRule::Election => {
                let second = Date::new(y, 11, 2)?;
                Some(second.add_days((2 + 7 - i64::from(second.weekday())) % 7))
            }
        }
    }
}

pub(super) const THANKSGIVING: HolidayRule = HolidayRule::Nth {
    month: 11,
    weekday: 4,
    n: 4,
    offset: 0,
};

/// Named days, as lower-cased words ("'s" split off as the tokenizer does), and
/// how each falls. U.S. days where countries differ ("Labor Day", "Memorial
/// Day"); none whose date moves with a lunar calendar.
pub(super) const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["new", "year", "'s", "day"], HolidayRule::Fixed(1, 1)),
    (&["new", "years", "day"], HolidayRule::Fixed(1, 1)),
    (&["new", "year", "'s", "eve"], HolidayRule::Fixed(12, 31)),
    (&["new", "years", "eve"], HolidayRule::Fixed(12, 31)),
    (&["valentine", "'s", "day"], HolidayRule::Fixed(2, 14)),
    (&["st.", "patrick", "'s", "day"], HolidayRule::Fixed(3, 17)),
    (
        &["saint", "patrick", "'s", "day"],
        HolidayRule::Fixed(3, 17),
    ),
    (&["fourth", "of", "july"], HolidayRule::Fixed(7, 4)),
    (&["bastille", "day"], HolidayRule::Fixed(7, 14)),
    (&["halloween"], HolidayRule::Fixed(10, 31)),
    (&["veterans", "day"], HolidayRule::Fixed(11, 11)),
    (&["armistice", "day"], HolidayRule::Fixed(11, 11)),
    (&["christmas", "eve"], HolidayRule::Fixed(12, 24)),
    (&["xmas", "eve"], HolidayRule::Fixed(12, 24)),
    (&["christmas", "day"], HolidayRule::Fixed(12, 25)),
    (&["christmas"], HolidayRule::Fixed(12, 25)),
    (&["xmas"], HolidayRule::Fixed(12, 25)),
    (&["boxing", "day"], HolidayRule::Fixed(12, 26)),
    (
        &["martin", "luther", "king", "day"],
        HolidayRule::Nth {
            month: 1,
            weekday: 1,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["mlk", "day"],
        HolidayRule::Nth {
            month: 1,
            weekday: 1,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["mother", "'s", "day"],
        HolidayRule::Nth {
            month: 5,
            weekday: 7,
            n: 2,
            offset: 0,
        },
    ),
    (
        &["memorial", "day"],
        HolidayRule::Nth {
            month: 5,
            weekday: 1,
            n: -1,
            offset: 0,
        },
    ),
    (
        &["father", "'s", "day"],
        HolidayRule::Nth {
            month: 6,
            weekday: 7,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["labor", "day"],
        HolidayRule::Nth {
            month: 9,
            weekday: 1,
            n: 1,
            offset: 0,
        },
    ),
    (
        &["columbus", "day"],
        HolidayRule::Nth {
            month: 10,
            weekday: 1,
            n: 2,
            offset: 0,
        },
    ),
    (&["thanksgiving", "day"], THANKSGIVING),
    (&["thanksgiving"], THANKSGIVING),
    (
        &["black", "friday"],
        HolidayRule::Nth {
            month: 11,
            weekday: 4,
            n: 4,
            offset: 1,
        },
    ),
    (
        &["cyber", "monday"],
        HolidayRule::Nth {
            month: 11,
            weekday: 4,
            n: 4,
            offset: 4,
        },
    ),
    (&["election", "day"], HolidayRule::Election),
    // Easter and the days counted from it; "Easter week" is read below.
    (&["easter", "monday"], HolidayRule::Easter(1)),
    (&["easter", "sunday"], HolidayRule::Easter(0)),
    (&["easter", "day"], HolidayRule::Easter(0)),
    (&["easter", "week"], HolidayRule::Easter(0)),
    (&["easter"], HolidayRule::Easter(0)),
    (&["good", "friday"], HolidayRule::Easter(-2)),
];

/// Holidays ("Christmas", "Thanksgiving", "Labor Day", "Good Friday", "New
/// Year's Eve"): the nearest one to the DCT, leaning the way the tense points;
/// "Labor Day weekend" is the weekend beside it, "Easter week" its week.
pub(super) fn holiday(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Most words leave at once.
    static FIRST_WORDS: LazyLock<lexical::WordSet> = LazyLock::new(|| {
        HOLIDAYS
            .iter()
            .filter_map(|(names, _)| names.first().copied())
            .collect()
    });
    if !FIRST_WORDS.contains(w) {
        return None;
    }
    let same = |k: usize, name: &str| {
        let at = cx.at(k);
        at == name || (name == "'s" && at == "’s")
    };
    let (names, rule) = HOLIDAYS
        .iter()
        .find(|(names, _)| names.iter().enumerate().all(|(k, name)| same(i + k, name)))?;
    // A name is written with capitals ("Labor Day"), but "christmas" and
    // "thanksgiving" are days however written; not "a good Friday".
    let one_word = names.len() == 1 && !matches!(w, "easter");
    if !one_word && !cx.capitalized(i) {
        return None;
    }
    let mut end = i + names.len();
    let week = names.last() == Some(&"week");
    let weekend = cx.at(end) == "weekend";
    if weekend {
        end += 1;
    }
    let Some(now) = cx.dct else {
        // Easter and the days set by weekday have no fixed day without a year.
        let HolidayRule::Fixed(m, d) = rule else {
            return None;
        };
        return found(i, end, "DATE", format!("XXXX-{m:02}-{d:02}"));
    };
    let shift = match cx.at(i.wrapping_sub(1)) {
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    };
    // "Easter week" runs from its Monday: "as Easter week began" is this one.
    let on = |y: i32| rule.on(y).map(|d| if week { d.add_days(-6) } else { d });
    let (this, before, after) = (on(now.year)?, on(now.year - 1)?, on(now.year + 1)?);
    let last = if this <= now { this } else { before };
    let next = if this >= now { this } else { after };
    let date = match (shift, tense_cue(cx, i)) {
        (Some(-1), _) | (None, Some(Tense::Past)) => last,
        (Some(_), _) | (None, Some(Tense::Future)) => next,
        // No word says which: the nearer one.
        (None, None) => {
            if now.days() - last.days() <= next.days() - now.days() {
                last
            } else {
                next
            }
        }
    };
    let start = if shift.is_some() { i - 1 } else { i };
    if week {
        let (y, wk) = date.iso_week();
        return found(start, end, "DATE", format!("{y:04}-W{wk:02}"));
    }
    if weekend {
        // A Monday holiday's weekend is the one before it; another day's, the
        // one after (or its own).
        let sunday = if date.weekday() == 1 {
            date.add_days(-1)
        } else {
            date.add_days((7 - i64::from(date.weekday())) % 7)
        };
        let (y, wk) = sunday.iso_week();
        return found(start, end, "DATE", format!("{y:04}-W{wk:02}-WE"));
    }
    found(start, end, "DATE", date.iso())
}

/// Easter Sunday of a year (Gregorian; the anonymous algorithm).
pub(super) fn easter_sunday(y: i32) -> Option<Date> {
    if y < 1583 {
        return None;
    }
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}
