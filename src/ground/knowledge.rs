//! Knowledge tables more than one stage reads, compiled into the binary from
//! `models/` (their one home); the office-holders table, read once for both its
//! readers (never panics: a damaged line is skipped); and the shape of a piece of
//! dated evidence that a table entry found in a text gives (the intake's article
//! date carries it; the time stage finds it).

use crate::ground::dates::calendar::Date;
use crate::ground::dates::parse_iso_date;
use crate::ground::hashing::FxBuild;
use crate::Span;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Heads of state and government, ministers, central bankers and heads of
/// international bodies with their terms, compiled by hand from the public
/// record (the header of `models/officeholders.tsv` says how and for which
/// period): their names make people in the entity stage; the time stage dates
/// articles by their terms.
pub const OFFICEHOLDERS_TABLE: &str = include_str!("../../models/officeholders.tsv");

/// A day number far beyond any article: the end of a term still running.
pub const TERM_OPEN: i64 = i64::MAX / 4;

/// One term of office: a line of the office-holders table.
pub struct Term {
    /// The titles it is named by.
    pub offices: Vec<&'static str>,
    /// First day (a day number).
    pub from: i64,
    /// Last day (a day number; [`TERM_OPEN`] while running).
    pub to: i64,
    /// The names it is written with, the first the fullest.
    pub names: Vec<&'static str>,
}

/// The office-holders table, read once for both stages that use it: the entity
/// stage asks whether a name is an office-holder's, the time stage which terms a
/// name under a title can mean.
pub struct Officeholders {
    /// Every term, in table order.
    pub terms: Vec<Term>,
    /// Lower-cased name as written after the title -> the terms it can mean.
    by_name: HashMap<String, Vec<usize>, FxBuild>,
    /// The first words of those names: a word not among them starts no name,
    /// and no name is put together to look it up.
    first_words: HashSet<String, FxBuild>,
    /// The first words of the names of two words or more.
    first_words_of_full_names: HashSet<String, FxBuild>,
}

impl Officeholders {
    /// Could this lower-cased word begin an office-holder's name?
    pub fn starts_name(&self, lower: &str) -> bool {
        self.first_words.contains(lower)
    }

    /// The terms (indices into [`Officeholders::terms`]) a lower-cased name,
    /// its words joined by spaces, can mean; empty when none.
    pub fn terms_named(&self, lower_name: &str) -> &[usize] {
        self.by_name.get(lower_name).map_or(&[], Vec::as_slice)
    }

    /// Is this name (words as written), word for word, the full name of an
    /// office-holder: two words or more, compared lower-cased?
    pub fn is_full_name(&self, name: &[&str]) -> bool {
        // The table's names hold a space between words; tokens hold none.
        let [first, _, ..] = name else {
            return false;
        };
        crate::ground::lexical::with_lowercase(first, |first| {
            self.first_words_of_full_names.contains(first)
        }) && self.by_name.contains_key(&name.join(" ").to_lowercase())
    }
}

/// The day number of an ISO date (`YYYY-MM-DD`).
pub fn day_number(value: &str) -> Option<i64> {
    let (y, m, d) = parse_iso_date(value)?;
    Some(Date::new(y, m, d)?.days())
}

/// The office-holders table, read at first use; a damaged line is skipped.
pub fn officeholders() -> &'static Officeholders {
    static TABLE: LazyLock<Officeholders> =
        LazyLock::new(|| read_officeholders(OFFICEHOLDERS_TABLE));
    &TABLE
}

fn read_officeholders(table: &'static str) -> Officeholders {
    let mut holders = Officeholders {
        terms: Vec::new(),
        by_name: HashMap::default(),
        first_words: HashSet::default(),
        first_words_of_full_names: HashSet::default(),
    };
    for line in table
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
            .map_or(Some(TERM_OPEN), day_number);
        let Some(to) = to else {
            continue;
        };
        let index = holders.terms.len();
        holders.terms.push(Term {
            offices: offices.split('|').collect(),
            from,
            to,
            names: names.split('|').collect(),
        });
        for name in names.split('|') {
            let name = name.to_lowercase();
            let (first, full_name) = name
                .split_once(' ')
                .map_or((name.as_str(), false), |(f, _)| (f, true));
            add_missing(&mut holders.first_words, first);
            if full_name {
                add_missing(&mut holders.first_words_of_full_names, first);
            }
            holders.by_name.entry(name).or_default().push(index);
        }
    }
    holders
}

/// Add `word` to `set` unless it is there (no allocation then).
fn add_missing(set: &mut HashSet<String, FxBuild>, word: &str) {
    if !set.contains(word) {
        set.insert(word.to_string());
    }
}

/// Dated events (Olympics, World Cups, summits, elections), wars and crises with
/// their start dates, and terms whose first use dates a text, compiled by hand
/// from the public record (the header of `models/dating-events.tsv` says how):
/// the time stage dates undated articles by them.
pub const EVENTS_TABLE: &str = include_str!("../../models/dating-events.tsv");

/// The stretch of time a piece of evidence puts the article in: ISO dates,
/// `to` absent when the stretch is open-ended ("COVID-19": from 2020 on), `from`
/// absent when it has no start (a copyright year: no later than its year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateWindow {
    /// The first day (`YYYY-MM-DD`), if bounded below.
    pub from: Option<String>,
    /// The last day (`YYYY-MM-DD`), if bounded above.
    pub to: Option<String>,
}

/// One reason for an inferred article date: what the text names, where, and
/// when that puts the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateEvidence {
    /// "lead" (a full date in the first lines), "officeholder", "event", "summit", "election", "term", "administration",
    /// "year" (a year the text writes, read with its tense), "stamp" (a copyright
    /// or "Last Updated" line; its span is empty where the line was removed).
    pub kind: String,
    /// Where the text names it (UTF-16 code units once reported).
    pub span: Span,
    /// When it puts the article.
    pub window: DateWindow,
    /// For a reader: "Antony Blinken Secretary of State (2021–2025)".
    pub label: String,
    /// Whether it agrees with the date given (false: it points elsewhere).
    pub agrees: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_office_holders_table_answers_both_stages() {
        let table = officeholders();
        // the entity stage: full names only, compared lower-cased
        assert!(table.is_full_name(&["Antony", "Blinken"]));
        assert!(table.is_full_name(&["XI", "JINPING"]));
        assert!(
            !table.is_full_name(&["Blinken"]),
            "a surname alone is no full name"
        );
        assert!(!table.is_full_name(&["Antony", "Blinken", "said"]));
        // the time stage: a name under a title -> its terms, surnames included
        let biden = table.terms_named("biden");
        assert!(!biden.is_empty());
        assert!(biden
            .iter()
            .filter_map(|&t| table.terms.get(t))
            .all(|t| t.names.contains(&"Biden") && t.from <= t.to));
        assert!(table.terms_named("nobody in particular").is_empty());
        assert!(table.starts_name("antony") && !table.starts_name("the"));
    }

    #[test]
    fn damaged_lines_are_skipped() {
        let table = read_officeholders(
            "# header\npresident\tA B\t2001-01-20\t\nbroken line\npresident\tC D\tnot-a-date\t\n",
        );
        assert_eq!(table.terms.len(), 1);
        assert_eq!(table.terms.first().map(|t| t.to), Some(TERM_OPEN));
        assert!(table.is_full_name(&["a", "b"]) && !table.is_full_name(&["c", "d"]));
    }
}
