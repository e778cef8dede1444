//! Office-holders: dating an undated article by the leaders it names with their
//! title. "President Vladimir Putin", "Chinese President Hu Jintao" and "Japanese
//! Prime Minister Shinzo Abe" in one article can only have been written while all
//! three held office together: between 26 September 2006 and 26 September 2007.
//!
//! The table (`models/officeholders.tsv`, compiled by hand from the public
//! record; the entity stage reads its names too) lists heads of state and
//! government most named in English-language news, one line per term. A mention counts only as "TITLE Name" with no "former", "late", "vice"…
//! before the title; the same surname under several holders ("President Bush")
//! stands for all their terms.
//!
//! Guarantees: never panics; no allocation unless a title word is in the text.

use crate::ground::dates::calendar::{self, Date};
use crate::ground::dates::parse_iso_date;
use crate::intake::Published;
use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = crate::ground::knowledge::OFFICEHOLDERS_TABLE;

/// A day number far beyond any article: the end of a term still running.
const OPEN: i64 = i64::MAX / 4;

struct Term {
    offices: Vec<&'static str>,
    from: i64,
    to: i64,
}

struct Holders {
    terms: Vec<Term>,
    /// Lower-cased name as written after the title -> the terms it can mean.
    by_name: HashMap<String, Vec<usize>>,
}

fn day_number(value: &str) -> Option<i64> {
    let (y, m, d) = parse_iso_date(value)?;
    Some(Date::new(y, m, d)?.days())
}

static HOLDERS: LazyLock<Holders> = LazyLock::new(|| {
    let mut holders = Holders {
        terms: Vec::new(),
        by_name: HashMap::new(),
    };
    for line in TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        let (Some(offices), Some(names), Some(from), to) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Some(from) = day_number(from) else {
            continue;
        };
        let to = to
            .filter(|t| !t.trim().is_empty())
            .map_or(Some(OPEN), day_number);
        let Some(to) = to else {
            continue;
        };
        let index = holders.terms.len();
        holders.terms.push(Term {
            offices: offices.split('|').collect(),
            from,
            to,
        });
        for name in names.split('|') {
            holders
                .by_name
                .entry(name.to_lowercase())
                .or_default()
                .push(index);
        }
    }
    holders
});

/// The office a title names at word `i`, and how many words it takes.
fn title_at(lower: &[&str], i: usize) -> Option<(&'static str, usize)> {
    let next = lower.get(i + 1).copied().unwrap_or("");
    Some(match lower.get(i).copied()? {
        "president" => ("president", 1),
        "prime" if next == "minister" => ("prime minister", 2),
        "premier" => ("premier", 1),
        "chancellor" => ("chancellor", 1),
        "secretary-general" => ("secretary-general", 1),
        "secretary" if next == "general" => ("secretary general", 2),
        "pope" => ("pope", 1),
        "king" => ("king", 1),
        "leader" => ("leader", 1),
        "chairman" => ("chairman", 1),
        _ => return None,
    })
}

/// Words before a title that say its holder is not in office as the article is
/// written, or holds another office ("Vice President").
fn not_in_office(word: &str) -> bool {
    matches!(
        word,
        "former"
            | "ex"
            | "late"
            | "then"
            | "vice"
            | "deputy"
            | "future"
            | "next"
            | "first"
            | "previous"
            | "past"
            | "onetime"
            | "one-time"
            | "erstwhile"
            | "would-be"
            | "assistant"
    )
}

/// A word that can be part of a name written after a title: capitalized, or a
/// particle ("da", "von", "el-Sisi").
fn name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            word,
            "da" | "de" | "del" | "der" | "di" | "van" | "von" | "bin" | "al" | "el" | "la" | "le"
        )
        || (word.contains('-') && word.chars().any(char::is_uppercase))
}

/// The terms each titled office-holder named in the text can mean, one set per
/// person (a name that can mean several people, "President Bush", is dropped when
/// a fuller mention, "President George W. Bush", narrows it down).
fn people(words: &[&str], lower: &[&str]) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = Vec::new();
    for i in 0..lower.len() {
        let Some((office, length)) = title_at(lower, i) else {
            continue;
        };
        let before = |k: usize| i.checked_sub(k).and_then(|j| lower.get(j)).copied();
        if before(1).is_some_and(not_in_office) || before(2).is_some_and(not_in_office) {
            continue;
        }
        let start = i + length;
        let name_length = words
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take(6)
            .take_while(|w| name_word(w))
            .count();
        for n in (1..=name_length).rev() {
            let Some(name) = lower.get(start..start + n) else {
                continue;
            };
            let terms: Vec<usize> = HOLDERS
                .by_name
                .get(&name.join(" "))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&t| {
                    HOLDERS
                        .terms
                        .get(t)
                        .is_some_and(|t| t.offices.contains(&office))
                })
                .collect();
            if !terms.is_empty() {
                if !found.contains(&terms) {
                    found.push(terms);
                }
                break;
            }
        }
    }
    // A mention whose terms include another's names the same person less precisely.
    let narrower = |a: &Vec<usize>, b: &Vec<usize>| a != b && a.iter().all(|t| b.contains(t));
    found
        .iter()
        .filter(|wide| !found.iter().any(|other| narrower(other, wide)))
        .cloned()
        .collect()
}

/// The stretch of time in which the office-holders an article names held office
/// together, as day numbers (inclusive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub from: i64,
    pub to: i64,
}

impl Window {
    /// Whether a date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) overlaps the window.
    pub fn admits(&self, value: &str) -> bool {
        let Some((y, m, d)) = parse_iso_date(value) else {
            return true;
        };
        let first = Date::new(y, m.max(1), d.max(1));
        let last = Date::new(
            y,
            if m == 0 { 12 } else { m },
            if d == 0 {
                calendar::days_in_month(y, if m == 0 { 12 } else { m })
            } else {
                d
            },
        );
        match (first, last) {
            (Some(first), Some(last)) => first.days() <= self.to && last.days() >= self.from,
            _ => true,
        }
    }

    /// The article date the window gives: its month when it lies in one, else the
    /// calendar year holding most of it when it spans about a year at most.
    pub fn published(&self) -> Option<Published> {
        if self.to - self.from > 400 {
            return None;
        }
        let (from, to) = (Date::from_days(self.from), Date::from_days(self.to));
        let value = if (from.year, from.month) == (to.year, to.month) {
            format!("{:04}-{:02}", from.year, from.month)
        } else {
            let new_year = Date::new(to.year, 1, 1)?.days();
            let year = if to.year == from.year || self.to - new_year >= new_year - self.from {
                to.year
            } else {
                from.year
            };
            format!("{year:04}")
        };
        Some(Published {
            value,
            source: "officeholders".into(),
            confidence: 0.5,
        })
    }
}

impl Window {
    /// For a window of some years: the latest of the years the text writes out
    /// that lies in it (news looks back, so the article is no earlier), as a
    /// weak date.
    pub fn latest_year(&self, years: &[i32]) -> Option<Published> {
        let year = years
            .iter()
            .copied()
            .filter(|&y| self.admits(&format!("{y:04}")))
            .max()?;
        Some(Published {
            value: format!("{year:04}"),
            source: "officeholders".into(),
            confidence: 0.3,
        })
    }
}

/// When the article was written, going by the office-holders it names: the
/// stretch most of them (at least two) held office together, if one stretch wins.
pub fn window(words: &[&str], lower: &[&str]) -> Option<Window> {
    let people = people(words, lower);
    if people.len() < 2 {
        return None;
    }
    // Each person's terms as day ranges, merged where they overlap (two kings
    // named Abdullah are one name, counted once); count, at each boundary, how
    // many of the people named hold office.
    let mut edges: Vec<(i64, i32)> = Vec::new();
    for terms in &people {
        let mut ranges: Vec<(i64, i64)> = terms
            .iter()
            .filter_map(|&t| HOLDERS.terms.get(t))
            .map(|t| (t.from, t.to))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(ranges.len());
        for (from, to) in ranges {
            match merged.last_mut() {
                Some(last) if from <= last.1.saturating_add(1) => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        for (from, to) in merged {
            edges.push((from, 1));
            edges.push((to.saturating_add(1), -1));
        }
    }
    edges.sort_unstable();
    let (mut count, mut best, mut ties) = (0i32, None::<(i64, i64, i32)>, 0usize);
    for (k, &(at, step)) in edges.iter().enumerate() {
        count += step;
        let next = edges.get(k + 1).map_or(OPEN, |e| e.0);
        if next <= at {
            continue;
        }
        match best {
            Some((_, _, n)) if count < n => {}
            Some((from, to, n)) if count == n => {
                if to + 1 == at {
                    best = Some((from, next - 1, n));
                } else {
                    ties += 1;
                }
            }
            _ => {
                best = Some((at, next - 1, count));
                ties = 0;
            }
        }
    }
    let (from, to, agreeing) = best?;
    let agreeing = usize::try_from(agreeing).ok()?;
    (ties == 0 && agreeing >= 2 && agreeing * 2 > people.len()).then_some(Window { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window_of(text: &str) -> Option<(String, String)> {
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_end_matches(','))
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        window(&words, &lower).map(|w| {
            let end = if w.to >= OPEN - 1 {
                "open".to_string()
            } else {
                Date::from_days(w.to).iso()
            };
            (Date::from_days(w.from).iso(), end)
        })
    }

    #[test]
    fn the_table_reads_whole() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(
            HOLDERS.terms.len(),
            rows,
            "every line of officeholders.tsv parses"
        );
        assert!(HOLDERS.terms.iter().all(|t| t.from <= t.to));
    }

    #[test]
    fn leaders_named_together_date_the_article() {
        let text = "President Vladimir Putin told Chinese President Hu Jintao and Japanese \
                    Prime Minister Shinzo Abe that U.S. President George W. Bush agreed";
        assert_eq!(
            window_of(text),
            Some(("2006-09-26".into(), "2007-09-26".into()))
        );
        let words: Vec<&str> = text.split_whitespace().collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let w = window(&words, &lower);
        assert_eq!(
            w.and_then(|w| w.published()).map(|p| p.value),
            Some("2007".into())
        );
        assert!(w.is_some_and(|w| w.admits("2007-03") && !w.admits("2016-07-27")));
        // Leaders still in office leave the window open.
        assert_eq!(
            window_of("President Xi Jinping met President Vladimir Putin"),
            Some(("2013-03-14".into(), "open".into()))
        );
    }

    #[test]
    fn a_window_of_some_years_takes_the_latest_year_written_in_it() {
        let text = "President Bill Clinton and Prime Minister Benjamin Netanyahu";
        let words: Vec<&str> = text.split_whitespace().collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let w = window(&words, &lower).expect("1996-1999");
        assert_eq!(w.published(), None, "three years are too many for one");
        let latest = w.latest_year(&[1948, 1997, 1996, 2004]);
        assert_eq!(latest.map(|p| p.value), Some("1997".into()));
        assert_eq!(w.latest_year(&[1948]), None);
    }

    #[test]
    fn former_and_vice_holders_do_not_count() {
        assert_eq!(
            window_of("former President Bill Clinton and President Vladimir Putin"),
            None
        );
        assert_eq!(
            window_of("Vice President Joe Biden met Prime Minister Tony Blair"),
            None
        );
        // One name alone, or two that never held office together, decide nothing.
        assert_eq!(window_of("President Barack Obama"), None);
        assert_eq!(
            window_of("President Bill Clinton and Chancellor Olaf Scholz"),
            None
        );
    }

    #[test]
    fn a_bare_surname_stands_for_every_holder_of_it() {
        // "President Bush" alone is either Bush; with Prime Minister Blair, the son.
        assert_eq!(
            window_of("President Bush and Prime Minister Blair"),
            Some(("2001-01-20".into(), "2007-06-27".into()))
        );
        // One name for two people counts once: King Abdullah of Jordan (from 1999)
        // or of Saudi Arabia (2005-2015), beside President Clinton, is Jordan's.
        assert_eq!(
            window_of("King Abdullah met President Bill Clinton"),
            Some(("1999-02-07".into(), "2001-01-20".into()))
        );
        // The office decides: Prime Minister Putin, 2008-2012, under President Medvedev.
        assert_eq!(
            window_of("Prime Minister Vladimir Putin and President Dmitry Medvedev"),
            Some(("2008-05-08".into(), "2012-05-07".into()))
        );
    }
}
