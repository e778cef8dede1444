//! Proleptic Gregorian date arithmetic (days since 1970-01-01, weekdays, ISO
//! weeks), after Howard Hinnant's civil-date algorithms. No panics, no I/O.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The ISO week: (week-based year, week number).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let first = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        (
            thursday.year,
            ((thursday.days() - first.days()) / 7 + 1) as u32,
        )
    }

    /// Add months, clamping the day to the month's length.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u32;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Date::new(2002, 11, 29).expect("date");
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 5); // a Friday
        assert_eq!(Date::new(1970, 1, 1).map(Date::days), Some(0));
        assert_eq!(d.iso_week(), (2002, 48));
        assert_eq!(Date::new(2008, 12, 29).map(Date::iso_week), Some((2009, 1)));
        assert_eq!(d.add_days(3).iso(), "2002-12-02");
        assert_eq!(
            Date::new(2004, 1, 31).map(|d| d.add_months(1).iso()),
            Some("2004-02-29".into())
        );
        assert_eq!(Date::new(2003, 2, 29), None);
    }
}
