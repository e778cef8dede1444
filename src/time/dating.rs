//! Dating an article that does not say when, from what it names, with reasons a
//! reader can check.
//!
//! Each thing the text names that has a date in the public record is a clue,
//! tied to its words: an office-holder with a title ("Secretary of State Antony
//! Blinken": 2021–2025; "new Foreign Minister Qin Gang": the first months of his
//! term; "current prime minister and future president": between the election
//! and the inauguration), a dated event named without its year ("the Winter
//! Olympics … in Beijing": February 2022; a G20 summit and its host city; an
//! election and its winner), a term whose first use dates a text ("COVID-19":
//! 2020 on), the years the text writes read with their tense ("in 2010 …
//! ranked": no earlier than 2010; "by 2030": no later), and a weak stamp the
//! page carried (a copyright year or "Last Updated": no later than it). Each
//! clue puts weight on the months it allows; the months with the most weight
//! win, and the answer is as precise as they are (a month, a year). Its
//! confidence grows with the margin over the best month of any other year,
//! calibrated on the dev set (`lede eval time`).
//!
//! Guarantees: never panics; allocates only for an undated article (the
//! pipeline calls it only then); every evidence span lies inside the text.

use super::officeholders::{self, officeholders as holders, Cue, OPEN};
use crate::ground::dates::calendar::Date;
use crate::ground::dates::tagger;
use crate::ground::hashing::FxBuild;
use crate::ground::knowledge::{DateEvidence, DateWindow, EVENTS_TABLE};
use crate::intake::Published;
use crate::text::Token;
use crate::Span;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The first year of the month grid the clues are added up on.
const FIRST_YEAR: i32 = 1900;
/// The last year (the tables cover the record through 2026).
const LAST_YEAR: i32 = 2026;
const MONTHS: usize = ((LAST_YEAR - FIRST_YEAR + 1) * 12) as usize;
/// A day number before any article: the start of a window with no start.
const NEVER: i64 = i64::MIN / 4;

/// One row of the events table.
struct Row {
    kind: &'static str,
    /// Words (lower-cased, tokenized as texts are) any of which must be in the
    /// sentence; empty: none needed.
    context: Vec<Vec<String>>,
    from: i64,
    to: i64,
    label: &'static str,
    /// The last day of the time it was most written about, if the table says.
    peak: Option<i64>,
}

struct Events {
    rows: Vec<Row>,
    /// First word of a phrase -> (the phrase's words, the row).
    by_first: HashMap<String, Vec<(Vec<String>, usize)>, FxBuild>,
}

fn words_of(phrase: &str) -> Vec<String> {
    // Plain words tokenize as themselves: no tokenizer for them (the table is
    // read once per process, and mostly such words).
    if phrase
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ')
    {
        return phrase.split_whitespace().map(str::to_string).collect();
    }
    let tokens = crate::ground::tokens::tokenize(phrase);
    tokens
        .iter()
        .map(|t| t.span.of(phrase).to_lowercase())
        .collect()
}

static EVENTS: LazyLock<Events> = LazyLock::new(|| {
    let mut events = Events {
        rows: Vec::new(),
        by_first: HashMap::default(),
    };
    for line in EVENTS_TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&'static str> = line.split('\t').collect();
        let (Some(&kind), Some(&phrases), Some(&context), Some(&from), Some(&to), Some(&label)) = (
            fields.first(),
            fields.get(1),
            fields.get(2),
            fields.get(3),
            fields.get(4),
            fields.get(5),
        ) else {
            continue;
        };
        let Some(from) = officeholders::day_number(from) else {
            continue;
        };
        let to = if to.trim().is_empty() {
            OPEN
        } else {
            match officeholders::day_number(to) {
                Some(to) => to,
                None => continue,
            }
        };
        let index = events.rows.len();
        events.rows.push(Row {
            kind,
            context: context
                .split('|')
                .filter(|c| !c.is_empty())
                .map(words_of)
                .collect(),
            from,
            to,
            label,
            peak: fields.get(6).and_then(|p| officeholders::day_number(p)),
        });
        for phrase in phrases.split('|') {
            let words = words_of(phrase);
            if let Some(first) = words.first() {
                events
                    .by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words.clone(), index));
            }
        }
    }
    events
});

/// Where a clue puts the article: alternatives (a name that can mean two
/// events), each a window shown to the reader and tiers of weight (a summit
/// weighs most in the months around it).
struct Alternative {
    shown: (i64, i64),
    label: String,
    tiers: Vec<(i64, i64, f32)>,
}

/// One thing the text names that dates it.
struct Clue {
    kind: &'static str,
    words: Range<usize>,
    alternatives: Vec<Alternative>,
}

fn year_start(y: i32) -> i64 {
    Date::new(y, 1, 1).map_or(NEVER, |d| d.days())
}

fn year_end(y: i32) -> i64 {
    Date::new(y, 12, 31).map_or(OPEN, |d| d.days())
}

/// The day numbers of the first day of each month of the grid, and one past.
static MONTH_STARTS: LazyLock<Vec<i64>> = LazyLock::new(|| {
    (0..=MONTHS)
        .map(|m| {
            let (y, mo) = (FIRST_YEAR + (m / 12) as i32, (m % 12) as u32 + 1);
            Date::new(y, mo, 1).map_or(0, |d| d.days())
        })
        .collect()
});

/// The months of the grid a window of days touches (inclusive indices).
fn months_of(from: i64, to: i64) -> Option<(usize, usize)> {
    let starts = &*MONTH_STARTS;
    let first = starts.partition_point(|&s| s <= from).saturating_sub(1);
    let last = starts.partition_point(|&s| s <= to).checked_sub(1)?;
    let last = last.min(MONTHS - 1);
    (first <= last && to >= *starts.first()?).then_some((first, last))
}

fn years_label(from: i64, to: i64) -> String {
    let y = |d: i64| Date::from_days(d).year;
    match (from <= NEVER / 2, to >= OPEN / 2) {
        (true, true) => String::new(),
        (false, true) => format!("{}–", y(from)),
        (true, false) => format!("–{}", y(to)),
        (false, false) if y(from) == y(to) => format!("{}", y(from)),
        (false, false) => format!("{}–{}", y(from), y(to)),
    }
}

fn month_label(day: i64) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let d = Date::from_days(day);
    let name = NAMES.get((d.month as usize).wrapping_sub(1)).unwrap_or(&"");
    format!("{name} {}", d.year)
}

/// The office a term is named by, for a reader ("Secretary of State").
fn office_label(office: &str) -> String {
    let mut out = String::with_capacity(office.len());
    for (i, word) in office.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if matches!(word, "of" | "the") {
            out.push_str(word);
        } else if let Some(rest) = word.strip_prefix("secretary-") {
            out.push_str("Secretary-");
            out.push_str(rest);
        } else {
            let mut chars = word.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// Clues from the office-holders named with a title.
fn officeholder_clues(words: &[&str], lower: &[&str], clues: &mut Vec<Clue>) {
    const MONTHS_6: i64 = 183;
    for mention in officeholders::titled(words, lower) {
        let mut alternatives = Vec::new();
        for term in mention.terms.iter().filter_map(|&t| holders().terms.get(t)) {
            let name = term.names.first().copied().unwrap_or("");
            let office = office_label(term.offices.first().copied().unwrap_or(""));
            let (from, to, weight, how) = match mention.cue {
                Cue::Current => (term.from, term.to, 2.0, ""),
                Cue::New => (term.from, term.from + MONTHS_6, 2.5, "new "),
                Cue::Outgoing => (term.to.saturating_sub(MONTHS_6), term.to, 2.5, "outgoing "),
                Cue::Former => (term.to, OPEN, 1.0, "former "),
                Cue::Elect => {
                    // Between the election and the inauguration: from the
                    // election the table holds for the name, else from half a
                    // year before.
                    let election = EVENTS
                        .rows
                        .iter()
                        .filter(|r| r.kind == "election")
                        .filter(|r| r.from <= term.from && r.from >= term.from - 400)
                        .filter(|r| {
                            r.context.iter().any(|c| {
                                term.names.iter().any(|n| {
                                    n.to_lowercase()
                                        .split(' ')
                                        .any(|w| c.len() == 1 && c.first().is_some_and(|x| x == w))
                                })
                            })
                        })
                        .map(|r| r.from)
                        .max();
                    (
                        election.unwrap_or(term.from - MONTHS_6),
                        term.from,
                        3.0,
                        "future ",
                    )
                }
            };
            let span = if to >= OPEN / 2 && mention.cue != Cue::Former {
                format!("{}–", Date::from_days(from).year)
            } else if mention.cue == Cue::Former {
                format!("after {}", Date::from_days(from).year)
            } else if matches!(mention.cue, Cue::New | Cue::Outgoing | Cue::Elect) {
                format!("{}–{}", month_label(from), month_label(to))
            } else {
                years_label(from, to)
            };
            alternatives.push(Alternative {
                shown: (from, to),
                label: format!("{name} {how}{office} ({span})"),
                tiers: vec![(from, to, weight)],
            });
        }
        if !alternatives.is_empty() {
            clues.push(Clue {
                kind: "officeholder",
                words: mention.words,
                alternatives,
            });
        }
    }
}

/// A year written next to words `at` ("the 2008 Summer Olympics", "Sochi
/// 2014"): the event is named by its year, not as news of the day.
fn year_beside(lower: &[&str], at: Range<usize>) -> bool {
    let is_year = |w: &&str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && w.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y))
    };
    let before = lower
        .get(at.start.saturating_sub(3)..at.start)
        .unwrap_or_default();
    let after = lower
        .get(at.end..(at.end + 1).min(lower.len()))
        .unwrap_or_default();
    before.iter().chain(after).any(is_year)
}

/// Clues from the events, terms and administrations the text names.
fn event_clues(words: &[&str], lower: &[&str], sentences: &[Range<usize>], clues: &mut Vec<Clue>) {
    // Rows already counted, per kind of mention: each row once.
    let mut seen: Vec<usize> = Vec::new();
    let mut by_words: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    for (i, word) in lower.iter().enumerate() {
        let Some(candidates) = EVENTS.by_first.get(*word) else {
            continue;
        };
        let sentence = sentences
            .iter()
            .find(|r| r.contains(&i))
            .cloned()
            .unwrap_or(i..i + 1);
        let in_sentence = |phrase: &Vec<String>| {
            let n = phrase.len();
            (sentence.start..sentence.end.saturating_sub(n - 1).max(sentence.start)).any(|k| {
                lower
                    .get(k..k + n)
                    .is_some_and(|ws| ws.iter().zip(phrase).all(|(a, b)| a == b))
            })
        };
        for (phrase, row_index) in candidates {
            let n = phrase.len();
            let Some(ws) = lower.get(i..i + n) else {
                continue;
            };
            if !ws.iter().zip(phrase).all(|(a, b)| a == b) {
                continue;
            }
            let Some(row) = EVENTS.rows.get(*row_index) else {
                continue;
            };
            // Events and summits are proper names: capitalized as written.
            if matches!(row.kind, "event" | "summit")
                && !words
                    .get(i)
                    .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            {
                continue;
            }
            if !row.context.is_empty() && !row.context.iter().any(in_sentence) {
                continue;
            }
            if matches!(row.kind, "event" | "summit") && year_beside(lower, i..i + n) {
                continue;
            }
            if seen.contains(row_index) {
                continue;
            }
            seen.push(*row_index);
            match by_words.iter_mut().find(|(r, _)| r.start == i) {
                Some((r, rows)) => {
                    r.end = r.end.max(i + n);
                    rows.push(*row_index);
                }
                None => by_words.push((i..i + n, vec![*row_index])),
            }
        }
    }
    for (at, rows) in by_words {
        let mut kind = "term";
        let mut alternatives = Vec::new();
        for row in rows.iter().filter_map(|&r| EVENTS.rows.get(r)) {
            kind = row.kind;
            let (from, to) = (row.from, row.to);
            let (tiers, shown) = match row.kind {
                // News of an event is written in the year before it, during
                // it, or just after; most in the weeks around it.
                "event" => (
                    vec![(from - 300, to + 60, 1.0), (from - 30, to + 30, 2.0)],
                    (from, to),
                ),
                "summit" => (
                    vec![(from - 180, to + 60, 1.0), (from - 30, to + 20, 1.8)],
                    (from, to),
                ),
                "election" => (vec![(from - 200, to + 150, 0.8)], (from, to)),
                "administration" => (
                    vec![(from, to.saturating_add(365), 0.8), (from, to, 1.0)],
                    (from, to),
                ),
                // A product is news from its release, most in its first year.
                "product" => (
                    vec![
                        (from - 60, OPEN, 0.5),
                        (from - 60, from + 2 * 365, 1.0),
                        (from - 30, from + 365, 1.5),
                    ],
                    (from, from + 2 * 365),
                ),
                // A term that came into use before the web is common
                // knowledge; a recent one, or an event's, dates a text more
                // surely, and most in the time it was most written about.
                _ => {
                    let lasting = row.peak.is_none() && to >= OPEN / 2;
                    let weight = if lasting && from < year_start(1996) {
                        0.4
                    } else {
                        1.0
                    };
                    let mut tiers = vec![(from, to, weight)];
                    // (the most in the first months, then less: a step
                    // down each season until the peak ends)
                    if let Some(peak) = row.peak {
                        for (days, extra) in [(peak - from, 0.5), (365, 0.6)] {
                            tiers.push((from, from + days.min(peak - from), weight + extra));
                        }
                    }
                    (tiers, (from, to))
                }
            };
            let when = match row.kind {
                "event" | "summit" | "election" | "product" => month_label(from),
                _ => years_label(from, to),
            };
            alternatives.push(Alternative {
                shown,
                label: format!("{} ({when})", row.label),
                tiers,
            });
        }
        if !alternatives.is_empty() {
            clues.push(Clue {
                kind,
                words: at,
                alternatives,
            });
        }
    }
}

/// A date written with dots, day first, as German and most of Europe write
/// it: "14.08.2017", "4.2.2022" (one token).
fn dotted_date(w: &str) -> Option<(i32, u32, u32)> {
    if !(6..=10).contains(&w.len()) || !w.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let mut parts = w.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !short(d) || !short(m) || !is_year_word(y) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Date::new(y, m, d).map(|_| (y, m, d))
}

/// Month names, foreign and English, lower-case → month number (a foreign
/// name wins): one lookup a word, where scanning both lists cost 2 % of the
/// pipeline.
static MONTH_NUMBERS: LazyLock<HashMap<&'static str, u32, FxBuild>> = LazyLock::new(|| {
    use crate::ground::lexical::{FOREIGN_MONTHS, MONTHS};
    (1..)
        .zip(MONTHS)
        .map(|(m, name)| (name, m))
        .chain(FOREIGN_MONTHS.iter().map(|&(name, m)| (name, m)))
        .collect()
});

/// Dates written as German, French, Spanish, Portuguese, Italian and Dutch
/// write them, which the English tagger does not read (it sees only the words
/// without letters of a text in another language): "5. Februar 2022",
/// "5 février 2022", "5 de febrero de 2022", "März 2008", "14.08.2017". Only
/// where no expression found covers the words (a year the tagger read alone
/// stays a year: read as a full date instead, a date late in a year tips the
/// answer to the next, and the dev pages lost more than they gained); in the
/// order of the text.
fn foreign_dates(lower: &[&str], found: &[tagger::Found]) -> Vec<tagger::Found> {
    let covered = |a: usize, b: usize| found.iter().any(|f| f.start < b && a < f.end);
    let word = |i: Option<usize>| i.and_then(|i| lower.get(i)).copied().unwrap_or("");
    let year_at = |i: usize| plausible_year(word(Some(i)));
    let day_of = |w: &str| {
        let w = w.strip_suffix("er").unwrap_or(w);
        Some(w)
            .filter(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|w| w.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d))
    };
    let date = |start: usize, end: usize, value: String| tagger::Found {
        start,
        end,
        kind: "DATE",
        value,
        value_end: None,
        modifier: None,
    };
    let mut out = Vec::new();
    for (i, w) in lower.iter().enumerate() {
        if let Some((y, m, d)) = dotted_date(w) {
            if !covered(i, i + 1) {
                out.push(date(i, i + 1, format!("{y:04}-{m:02}-{d:02}")));
            }
            continue;
        }
        let Some(&month) = MONTH_NUMBERS.get(w) else {
            continue;
        };
        // The year: next, or after "de", "del" or a comma.
        let (year, end) = match (year_at(i + 1), word(Some(i + 1))) {
            (Some(y), _) => (y, i + 2),
            (None, "de" | "del" | ",") => match year_at(i + 2) {
                Some(y) => (y, i + 3),
                None => continue,
            },
            _ => continue,
        };
        // The day: "5. Februar", "5 février", "5 de febrero", "1er mars".
        let back = |k: usize| i.checked_sub(k);
        let (day, start) = match word(back(1)) {
            "." | "de" => (day_of(word(back(2))), back(2)),
            w => (day_of(w), back(1)),
        };
        let start = start.filter(|_| day.is_some()).unwrap_or(i);
        if covered(start, end) {
            continue;
        }
        let value = match day.filter(|&d| Date::new(year, month, d).is_some()) {
            Some(d) => format!("{year:04}-{month:02}-{d:02}"),
            None => format!("{year:04}-{month:02}"),
        };
        out.push(date(start, end, value));
    }
    out
}

/// How a year the text writes stands to the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    /// Past or present: the article is no earlier.
    Past,
    /// A plan or a forecast ("wird 2023", "expects … in 1990"): the article
    /// is no later, and most often of that year or the one before.
    Future,
    /// A limit ("by 2030", "bis Ende 2024", "hasta 2025"): the article is no
    /// later, and most often of the year before.
    Limit,
    /// The base a result is compared with ("the 1988 period", "up from $3
    /// million in 1988, a year-earlier …"), or the start of what still goes on
    /// ("since 2019"): the article is of a later year.
    Before,
}

fn is_year_word(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// A year word an article can date by: four digits from `FIRST_YEAR` to 2100.
fn plausible_year(w: &str) -> Option<i32> {
    Some(w)
        .filter(|w| is_year_word(w))
        .and_then(|w| w.parse::<i32>().ok())
        .filter(|y| (FIRST_YEAR..=2100).contains(y))
}

/// The tense of a year written at words `at` in `sentence` (the sentence's
/// words): a limit word just before it ("by", "bis", "hasta", with no other
/// year between: "from 2015 until 2019" is past), a sentence of plans with no
/// past-tense word, the English "in/by/for/of YEAR" in a sentence of plans;
/// the base of a comparison; else past or present.
fn year_tense(lower: &[&str], at: Range<usize>, sentence: Range<usize>) -> Tense {
    use crate::ground::lexical::{
        YEAR_COMPARISON_WORDS, YEAR_FUTURE_WORDS, YEAR_LIMIT_WORDS, YEAR_PAST_WORDS,
        YEAR_SINCE_WORDS,
    };
    let words = lower.get(sentence.clone()).unwrap_or_default();
    let back = lower
        .get(at.start.saturating_sub(4).max(sentence.start)..at.start)
        .unwrap_or_default();
    let before = at.start.checked_sub(1).and_then(|k| lower.get(k)).copied();
    let limit = back
        .iter()
        .rposition(|w| YEAR_LIMIT_WORDS.contains(w))
        .is_some_and(|k| {
            let start = (at.start - back.len() + k).saturating_sub(3);
            !lower
                .get(start..at.start)
                .unwrap_or_default()
                .iter()
                .any(|w| is_year_word(w))
        });
    let plans = words.iter().any(|w| YEAR_FUTURE_WORDS.contains(w));
    let looked_back = words.iter().any(|w| YEAR_PAST_WORDS.contains(w));
    // "ab 1. Januar 2024", "ab dem Jahr 2025": from a day to come, unless
    // the sentence looks back ("ab 2015 wurde").
    let from_then = back.contains(&"ab") && !looked_back;
    if limit || from_then {
        return Tense::Limit;
    }
    if plans && (!looked_back || matches!(before, Some("in" | "by" | "for" | "of"))) {
        return Tense::Future;
    }
    let after = |k: usize| lower.get(at.end + k).copied().unwrap_or("");
    // ("the 1988 period" is one expression or two)
    let inside = lower.get(at.clone()).unwrap_or_default();
    let base = matches!(after(0), "period" | "quarter" | "half")
        || inside
            .iter()
            .skip_while(|w| !is_year_word(w))
            .any(|w| matches!(*w, "period" | "quarter" | "half"))
        || (matches!(after(0), "first" | "second" | "third" | "fourth")
            && matches!(after(1), "quarter" | "half"))
        || words.iter().any(|w| YEAR_COMPARISON_WORDS.contains(w))
        || words
            .windows(3)
            .any(|w| w[0] == "a" && w[1] == "year" && matches!(w[2], "earlier" | "ago"));
    let since = back
        .iter()
        .rev()
        .take(2)
        .any(|w| YEAR_SINCE_WORDS.contains(w));
    if base || since {
        Tense::Before
    } else {
        Tense::Past
    }
}

/// A month's name in English, German, Spanish or French, by its first letters
/// ("januar", "märz", "dezember", "octubre").
fn month_like(word: &str) -> bool {
    const STEMS: [&str; 20] = [
        "jan", "feb", "mar", "mär", "apr", "may", "mai", "jun", "jul", "aug", "sep", "oct", "okt",
        "nov", "dec", "dez", "ene", "abr", "ago", "dic",
    ];
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && STEMS.iter().any(|s| word.starts_with(s))
}

/// The sentence of word `i`, joined to the one before when the split came
/// inside a German date ("ab 1. | Januar 2024").
fn sentence_of(lower: &[&str], sentences: &[Range<usize>], i: usize) -> Option<Range<usize>> {
    let k = sentences.iter().position(|r| r.contains(&i))?;
    let here = sentences.get(k)?.clone();
    let split_date = here.start >= 2
        && lower.get(here.start).is_some_and(|w| month_like(w))
        && lower.get(here.start - 1) == Some(&".")
        && lower
            .get(here.start - 2)
            .is_some_and(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()));
    match k.checked_sub(1).and_then(|j| sentences.get(j)) {
        Some(previous) if split_date => Some(previous.start..here.end),
        _ => Some(here),
    }
}

/// Clues from the years and dates the text writes out, read with their tense:
/// the latest one written as past or present (news is written in the year of
/// the latest date it names, or soon after; the year after a year it compares
/// with or counts from), and the earliest one written as a plan (the article
/// is no later, and most often of the year before).
fn year_clues(
    lower: &[&str],
    sentences: &[Range<usize>],
    found: &[tagger::Found],
    clues: &mut Vec<Clue>,
) {
    let mut latest_past: Option<(i64, bool, Range<usize>, Tense)> = None;
    let mut earliest_future: Option<(i32, Range<usize>, Tense)> = None;
    for f in found.iter().filter(|f| f.kind == "DATE") {
        let written = lower.get(f.start..f.end).is_some_and(|ws| {
            ws.iter().any(|w| {
                (w.len() >= 4 && w.bytes().filter(u8::is_ascii_digit).count() == 4)
                    || dotted_date(w).is_some()
            })
        });
        if !written {
            continue;
        }
        let Some(year) = f.value.get(..4).and_then(plausible_year) else {
            continue;
        };
        let full = crate::ground::dates::parse_iso_date(&f.value)
            .filter(|&(_, m, d)| m > 0 && d > 0)
            .and_then(|(y, m, d)| Date::new(y, m, d));
        let sentence = sentence_of(lower, sentences, f.start).unwrap_or(f.start..f.end);
        let tense = if year > LAST_YEAR {
            Tense::Future
        } else {
            year_tense(lower, f.start..f.end, sentence.clone())
        };
        match tense {
            Tense::Future | Tense::Limit => {
                if earliest_future.as_ref().is_none_or(|(y, ..)| year < *y) {
                    earliest_future = Some((year, f.start..f.end, tense));
                }
            }
            Tense::Past | Tense::Before => {
                let day = match (tense, full) {
                    (Tense::Before, _) => year_start(year + 1),
                    (_, Some(d)) => d.days(),
                    (_, None) => year_start(year),
                };
                if latest_past.as_ref().is_none_or(|(d, ..)| day > *d) {
                    latest_past = Some((day, full.is_some(), f.start..f.end, tense));
                }
            }
        }
    }
    if let Some((day, full, words, tense)) = latest_past {
        let year = Date::from_days(day).year;
        let (tiers, label) = if tense == Tense::Before {
            (
                vec![(day, year_end(year), 1.0), (day, OPEN, 0.5)],
                format!(
                    "names {} as a year it compares with or counts from (later)",
                    year - 1
                ),
            )
        } else if full {
            // (in the year of the date or the three months after it: the
            // year's months weigh alike, else a date late in a year tips the
            // answer to the next, which has more months after it)
            (
                vec![
                    (year_start(year), year_end(year), 1.0),
                    (day, day + 90, 1.0),
                    (day, OPEN, 0.5),
                ],
                format!(
                    "names {} as past or present (no earlier)",
                    Date::from_days(day).iso()
                ),
            )
        } else {
            (
                vec![(day, year_end(year + 1), 1.0), (day, OPEN, 0.5)],
                format!("names {year} as past or present (no earlier; news names recent years)"),
            )
        };
        clues.push(Clue {
            kind: "year",
            words,
            alternatives: vec![Alternative {
                shown: (day, OPEN),
                label,
                tiers,
            }],
        });
    }
    if let Some((year, words, tense)) = earliest_future {
        // A limit is most often set for a later year; a plan for this one.
        let this_year = if tense == Tense::Limit {
            FUTURE_NEAR - 0.1
        } else {
            FUTURE_NEAR + 0.1
        };
        clues.push(Clue {
            kind: "year",
            words,
            alternatives: vec![Alternative {
                shown: (NEVER, year_end(year)),
                label: format!("names {year} as to come (no later)"),
                tiers: vec![
                    (NEVER, year_end(year), 0.5),
                    (year_start(year - 1), year_end(year), FUTURE_NEAR),
                    (year_start(year), year_end(year), this_year),
                ],
            }],
        });
    }
}

/// The weight a year written as to come puts on itself and the year before
/// (plans are most often written about the next year or so).
const FUTURE_NEAR: f32 = 0.7;

/// A weak stamp the page carried: a copyright year or a "Last Updated" date is
/// no earlier than the article (a site stamps every page with this year's
/// copyright; an update can come years later), and most often its year.
fn stamp_clue(stamp: &Published, clues: &mut Vec<Clue>) {
    let Some((y, m, d)) = crate::ground::dates::parse_iso_date(&stamp.value) else {
        return;
    };
    let last = if m == 0 {
        year_end(y)
    } else {
        Date::new(y, m, if d == 0 { 28 } else { d }).map_or(year_end(y), |d| d.days())
    };
    let (shown, label, tiers) = match stamp.source.as_str() {
        // A dateline that gives only a year or a month ("Hamberger, J. (2021):"
        // read as one is a citation as often as a dateline): a clue on that
        // period, no more.
        "dateline" => {
            let first = if m == 0 {
                year_start(y)
            } else {
                Date::new(y, m, 1).map_or(year_start(y), |d| d.days())
            };
            (
                (first, last),
                format!("a dateline that gives {} only", stamp.value),
                vec![(first, last, 1.5)],
            )
        }
        // A line of the text that is only a date ("Samstag, 05. Februar 2022",
        // "zuletzt bearbeitet: 04.02.2022"): most often the article's own, or of
        // what it announces; sometimes a schedule's or an old post's.
        "shown" => {
            // (as precise as the line: a year, a month or a day, and a month
            // either side)
            let (first, last) = match (m, d) {
                (0, _) => (year_start(y), year_end(y)),
                (_, 0) => Date::new(y, m, 1).map_or((year_start(y), year_end(y)), |s| {
                    (s.days() - 30, s.days() + 60)
                }),
                _ => Date::new(y, m, d).map_or((year_start(y), year_end(y)), |s| {
                    (s.days() - 30, s.days() + 30)
                }),
            };
            (
                (first, last),
                format!("a line that shows only a date, {}", stamp.value),
                vec![(first, last, 1.0), (first - 365, last + 365, 0.5)],
            )
        }
        source => {
            let what = if source == "copyright" {
                "copyright"
            } else {
                "last updated"
            };
            (
                (NEVER, last),
                format!(
                    "{what} {} (no later; often later than the article)",
                    stamp.value
                ),
                vec![(NEVER, last, 1.0), (last - 365, last, 1.7)],
            )
        }
    };
    clues.push(Clue {
        kind: "stamp",
        words: 0..0,
        alternatives: vec![Alternative {
            shown,
            label,
            tiers,
        }],
    });
}

/// A full date in the first sentences (the lead): most often the article's own
/// (a dateline the intake did not read as one), sometimes the date of what it
/// reports.
fn lead_clue(found: &[tagger::Found], lead_end: usize, clues: &mut Vec<Clue>) -> Option<String> {
    let f = found.iter().find(|f| {
        f.kind == "DATE"
            && f.start < lead_end
            && f.value.len() == 10
            && crate::ground::dates::parse_iso_date(&f.value).is_some()
    })?;
    let (y, m, d) = crate::ground::dates::parse_iso_date(&f.value)?;
    let day = Date::new(y, m, d)?.days();
    clues.push(Clue {
        kind: "lead",
        words: f.start..f.end,
        alternatives: vec![Alternative {
            shown: (day, day + 14),
            label: format!("a date in the first lines, {}", f.value),
            tiers: vec![(day, day + 14, 2.0), (day, day + 365, 1.0)],
        }],
    });
    Some(f.value.clone())
}

/// An article as the time stage has read it.
#[derive(Clone, Copy)]
pub(super) struct Read<'a> {
    /// The words as written.
    pub words: &'a [&'a str],
    /// The words lower-cased (shorthands written out).
    pub lower: &'a [&'a str],
    /// The tokens, for spans.
    pub tokens: &'a [Token],
    /// Each sentence's words.
    pub sentences: &'a [Range<usize>],
    /// The expressions tagged.
    pub found: &'a [tagger::Found],
}

/// A weekday written with its date ("Thursday, Jan. 6") that fixes the year
/// (`article_date::weekday_year`): a clue on that year (or day), tied to the
/// first such date. Returns the value.
fn weekday_clue(
    weekday: Published,
    found: &[tagger::Found],
    lower: &[&str],
    clues: &mut Vec<Clue>,
) -> Option<String> {
    let (y, m, d) = crate::ground::dates::parse_iso_date(&weekday.value)?;
    let (from, to) = if m > 0 && d > 0 {
        let day = Date::new(y, m, d)?.days();
        (day, day + 7)
    } else {
        (year_start(y), year_end(y))
    };
    let f = found.iter().find(|f| {
        f.kind == "DATE"
            && f.value.starts_with("XXXX-")
            && lower
                .get(f.start)
                .is_some_and(|w| tagger::weekday_number(w).is_some())
    });
    clues.push(Clue {
        kind: "weekday",
        words: f.map_or(0..0, |f| f.start..f.end),
        alternatives: vec![Alternative {
            shown: (from, to),
            label: format!("a weekday and date that agree in {y}"),
            tiers: vec![(from, to, 1.5)],
        }],
    });
    Some(weekday.value)
}

/// The date the clues agree on, as precise as they allow, with a confidence;
/// `None` when there is no clue. A full date in the lead, when the clues agree
/// with its year, is the answer to the day.
pub(super) fn date(
    text: &Read<'_>,
    stamp: Option<&Published>,
    weekday: Option<Published>,
    lead_end: usize,
) -> Option<Published> {
    let Read {
        words,
        lower,
        tokens,
        sentences,
        found,
    } = *text;
    let foreign = foreign_dates(lower, found);
    let merged: Vec<tagger::Found>;
    let found = if foreign.is_empty() {
        found
    } else {
        merged = {
            let mut all: Vec<tagger::Found> = found.iter().chain(&foreign).cloned().collect();
            all.sort_by_key(|f| f.start);
            all
        };
        &merged
    };
    let mut clues = Vec::new();
    let lead = lead_clue(found, lead_end, &mut clues);
    officeholder_clues(words, lower, &mut clues);
    event_clues(words, lower, sentences, &mut clues);
    year_clues(lower, sentences, found, &mut clues);
    if let Some(stamp) = stamp {
        stamp_clue(stamp, &mut clues);
    }
    let weekday = weekday.and_then(|w| weekday_clue(w, found, lower, &mut clues));
    let mut verdict = combine(&clues)?;
    // A day the clues agree with, to the year: the lead's full date, a
    // weekday and date that agree in that year, a "Last Updated" day.
    let same_year = |v: &String| v.get(..4) == verdict.value.get(..4) && v.len() > 4;
    if let Some(day) = lead
        .filter(same_year)
        .or_else(|| weekday.filter(same_year))
        .or_else(|| {
            stamp
                .map(|s| s.value.clone())
                .filter(|_| stamp.is_some_and(|s| s.source != "copyright"))
                .filter(same_year)
        })
    {
        verdict.value = day;
    }
    let evidence = clues
        .iter()
        .map(|clue| evidence_of(clue, tokens, &verdict))
        .collect();
    Some(Published {
        value: verdict.value,
        source: "evidence".into(),
        confidence: verdict.confidence,
        evidence,
    })
}

/// What the clues add up to.
struct Verdict {
    value: String,
    confidence: f32,
    /// The days the value covers.
    from: i64,
    to: i64,
}

fn combine(clues: &[Clue]) -> Option<Verdict> {
    if clues.is_empty() {
        return None;
    }
    let mut total = vec![0f32; MONTHS];
    // The same, from what the record dates alone (no date the text writes).
    let mut recorded = vec![0f32; MONTHS];
    let mut own = vec![0f32; MONTHS];
    for clue in clues {
        let of_record = !own_dates(clue.kind);
        let mut touched: Option<(usize, usize)> = None;
        for alt in &clue.alternatives {
            for &(from, to, weight) in &alt.tiers {
                let Some((a, b)) = months_of(from, to) else {
                    continue;
                };
                for w in own.get_mut(a..=b).unwrap_or_default() {
                    *w = w.max(weight);
                }
                touched = Some(touched.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
            }
        }
        if let Some((a, b)) = touched {
            let weights = own.get(a..=b).unwrap_or_default();
            for grid in [Some(&mut total), of_record.then_some(&mut recorded)]
                .into_iter()
                .flatten()
            {
                for (t, w) in grid
                    .get_mut(a..=b)
                    .unwrap_or_default()
                    .iter_mut()
                    .zip(weights)
                {
                    *t += w;
                }
            }
            own.get_mut(a..=b)
                .unwrap_or_default()
                .iter_mut()
                .for_each(|w| *w = 0.0);
        }
    }
    let best = total.iter().copied().fold(0f32, f32::max);
    if best <= 0.0 {
        return None;
    }
    let top: Vec<usize> = (0..MONTHS)
        .filter(|&m| total.get(m).is_some_and(|&t| t >= best - 0.05))
        .collect();
    // Each month's share of belief grows exponentially with its weight; a
    // year's share is the sum of its months'. The year with the most (the
    // earliest of equals: an open-ended clue allows every year since) is the
    // answer, and its share the confidence (the steepness calibrated on the dev
    // set: `lede eval time` prints the table).
    let mut shares = vec![0f64; MONTHS / 12];
    let mut belief = Belief::default();
    for (m, &t) in total.iter().enumerate() {
        if let Some(share) = shares.get_mut(m / 12) {
            *share += belief.of(t, best);
        }
    }
    let sum: f64 = shares.iter().sum();
    let (year_index, share) =
        shares
            .iter()
            .copied()
            .enumerate()
            .fold(
                (0usize, -1f64),
                |b, (y, s)| if s > b.1 + 1e-9 { (y, s) } else { b },
            );
    let year = FIRST_YEAR + i32::try_from(year_index).ok()?;
    let in_year: Vec<usize> = top
        .iter()
        .copied()
        .filter(|m| m / 12 == year_index)
        .collect();
    let (value, from, to) = match (in_year.first(), in_year.last()) {
        (Some(&first), Some(&last)) if first == last && top.len() == 1 => {
            let month = u32::try_from(first % 12).ok()? + 1;
            let start = Date::new(year, month, 1)?.days();
            let end = MONTH_STARTS.get(first + 1).map_or(start + 30, |s| s - 1);
            (format!("{year:04}-{month:02}"), start, end)
        }
        _ => (format!("{year:04}"), year_start(year), year_end(year)),
    };
    // A clue of weight that allows none of the chosen year is a conflict: the
    // answer is said with half the confidence.
    let conflict = clues.iter().any(|clue| {
        let strong = clue
            .alternatives
            .iter()
            .flat_map(|a| &a.tiers)
            .any(|&(_, _, w)| w >= 1.0);
        strong
            && !clue
                .alternatives
                .iter()
                .flat_map(|a| &a.tiers)
                .any(|&(a, b, _)| a <= year_end(year) && b >= year_start(year))
    });
    // Dates the text writes alone (its years, a date in the lead, a stamp)
    // can be of what it looks back on or ahead to: unless what the record
    // dates gives the year at least half the belief (nothing of the record
    // agreeing, or the text's own dates choosing among several years of it:
    // a year inside a term of office), the answer is said with less confidence.
    let recorded_share = year_share(&recorded, year_index);
    #[allow(clippy::cast_possible_truncation)]
    let confidence = (share / sum.max(f64::MIN_POSITIVE)) as f32
        * if conflict { 0.5 } else { 1.0 }
        * if recorded_share >= 0.5 { 1.0 } else { 0.8 };
    Some(Verdict {
        value,
        confidence: (confidence * 100.0).round() / 100.0,
        from,
        to,
    })
}

/// Dates the text writes alone (its years, a date in the lead, a stamp, a
/// weekday): they can be of what it looks back on or ahead to.
fn own_dates(kind: &str) -> bool {
    matches!(kind, "year" | "lead" | "stamp" | "weekday")
}

/// The share of belief year `index` of the grid gets from `total` (0 when
/// nothing is on the grid).
fn year_share(total: &[f32], index: usize) -> f64 {
    let best = total.iter().copied().fold(0f32, f32::max);
    if best <= 0.0 {
        return 0.0;
    }
    let mut sum = 0f64;
    let mut mine = 0f64;
    let mut belief = Belief::default();
    for (m, &t) in total.iter().enumerate() {
        if t <= 0.0 {
            continue;
        }
        let share = belief.of(t, best);
        sum += share;
        if m / 12 == index {
            mine += share;
        }
    }
    mine / sum.max(f64::MIN_POSITIVE)
}

/// A month's belief, exp(STEEPNESS × (weight − best)), worked out once per
/// run of months of equal weight (the clues' windows make long runs).
#[derive(Default)]
struct Belief {
    last: Option<(f32, f64)>,
}

impl Belief {
    fn of(&mut self, t: f32, best: f32) -> f64 {
        match self.last {
            Some((w, b)) if w.to_bits() == t.to_bits() => b,
            _ => {
                let b = f64::from(STEEPNESS * (t - best)).exp();
                self.last = Some((t, b));
                b
            }
        }
    }
}

/// How steeply belief falls with weight: a month one unit of weight below the
/// best counts exp(-STEEPNESS) as much.
const STEEPNESS: f32 = 2.0;

fn evidence_of(clue: &Clue, tokens: &[Token], verdict: &Verdict) -> DateEvidence {
    let overlaps = |(a, b): (i64, i64)| a <= verdict.to && b >= verdict.from;
    let agreeing = clue.alternatives.iter().find(|alt| overlaps(alt.shown));
    let agrees = agreeing.is_some();
    let shown = agreeing.or(clue.alternatives.first());
    let (from, to) = shown.map_or((NEVER, OPEN), |a| a.shown);
    let day = |d: i64, open: bool| (!open).then(|| Date::from_days(d).iso());
    let span = match (
        tokens.get(clue.words.start),
        clue.words.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        (Some(first), Some(last)) if !clue.words.is_empty() => {
            Span::new(first.span.start, last.span.end)
        }
        _ => Span::new(0, 0),
    };
    DateEvidence {
        kind: clue.kind.to_string(),
        span,
        window: DateWindow {
            from: day(from, from <= NEVER / 2),
            to: day(to, to >= OPEN / 2),
        },
        label: shown.map_or(String::new(), |a| a.label.clone()),
        agrees,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_dates_are_day_first_and_checked() {
        assert_eq!(dotted_date("14.08.2017"), Some((2017, 8, 14)));
        assert_eq!(dotted_date("4.2.2022"), Some((2022, 2, 4)));
        assert_eq!(dotted_date("31.02.2022"), None);
        assert_eq!(dotted_date("08.14.2017"), None);
        assert_eq!(dotted_date("1.2.3"), None);
        assert_eq!(dotted_date("14.08.2017.1"), None);
        assert_eq!(dotted_date("3.1"), None);
    }

    #[test]
    fn foreign_dates_are_read_where_no_expression_covers_them() {
        let found = |words: &[&str]| -> Vec<(usize, usize, String)> {
            foreign_dates(words, &[])
                .into_iter()
                .map(|f| (f.start, f.end, f.value))
                .collect()
        };
        assert_eq!(
            found(&["am", "5", ".", "februar", "2022", "gewann"]),
            vec![(1, 5, "2022-02-05".to_string())]
        );
        assert_eq!(
            found(&["el", "5", "de", "febrero", "de", "2021"]),
            vec![(1, 6, "2021-02-05".to_string())]
        );
        assert_eq!(
            found(&["le", "1er", "mars", "2020"]),
            vec![(1, 4, "2020-03-01".to_string())]
        );
        assert_eq!(
            found(&["im", "märz", "2008"]),
            vec![(1, 3, "2008-03".to_string())]
        );
        assert_eq!(
            found(&["am", "14.08.2017"]),
            vec![(1, 2, "2017-08-14".to_string())]
        );
        // no year after the month, or a month-like word alone: nothing
        assert!(found(&["im", "märz", "wurde"]).is_empty());
        assert!(found(&["mars", "rover"]).is_empty());
        // an expression found already covers it (a year read alone too)
        let at = |start, end, value: &str| tagger::Found {
            start,
            end,
            kind: "DATE",
            value: value.into(),
            value_end: None,
            modifier: None,
        };
        assert!(foreign_dates(&["märz", "2008"], &[at(0, 2, "2008-03")]).is_empty());
        assert!(foreign_dates(&["märz", "2008"], &[at(1, 2, "2008")]).is_empty());
    }
}
