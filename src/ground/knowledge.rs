//! Knowledge tables more than one stage reads, compiled into the binary from
//! `models/` (their one home), and the shape of a piece of dated evidence that a
//! table entry found in a text gives (the intake's article date carries it; the
//! time stage finds it).

use crate::Span;
use serde::Serialize;

/// Heads of state and government, ministers, central bankers and heads of
/// international bodies with their terms, compiled by hand from the public
/// record (the header of `models/officeholders.tsv` says how and for which
/// period): their names make people in the entity stage; the time stage dates
/// articles by their terms.
pub const OFFICEHOLDERS_TABLE: &str = include_str!("../../models/officeholders.tsv");

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
