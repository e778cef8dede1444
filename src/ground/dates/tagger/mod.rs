//! The temporal tagger: hand-written patterns over tokens (in the manner of
//! HeidelTime) that find DATE, TIME, DURATION and SET expressions and
//! normalize them to TIMEX3 values against a reference date.
//!
//! How values are chosen, in words:
//! - Deictic words ("today", "last year", "Friday", "three years ago") count from the
//!   DCT; anaphoric ones ("the following year", "that month", "two days later" in a
//!   narrative) from the last date the text named; bare months and days from the DCT
//!   in news and from the story's date in a narrative.
//! - Which way a weekday, month, season or holiday without a year points is read
//!   from the nearest tense cue within eight words ("said Friday", "will meet on
//!   Thursday", "until Tuesday", "ended March 31", "effective Feb. 1"), else from
//!   the sentence (a "will" or a past verb anywhere in it). Cues are read in
//!   context: "the United States" and "a still unspecified date" hold no past
//!   verb, "vacation plans" no plan. In a narrative, a plain future ("a summit set
//!   for April") counts forward from the DCT.
//! - "the next morning", "the previous Friday" count from the day last named,
//!   "Tuesday" included; "the day before last Tuesday" is one expression.
//! - A part of the day ("in the morning", "at night", "tomorrow night") takes the
//!   day last named, else the DCT's, with TimeML's code (`2015-04-08TNI`); in a
//!   narrative "the night of 8 February 1904" is one expression and a bare "at
//!   night" any night (`XXXX-XX-XXTNI`).
//! - Dates joined by "and", "to" or a dash share the year one of them writes
//!   ("in April and June 1955").
//! - In earnings reports "a year earlier", "year-ago" and "last year" next to a
//!   figure mean the quarter under discussion a year before (`1988-Q3`): the one
//!   the sentence names, else the last one reported (a fiscal quarter reported as
//!   past counts, whatever the calendar says), else the last to have ended.
//! - Spans follow TimeML as TimeBank annotates it: "the" belongs to "the third
//!   quarter" but not to "the Aug. 7 attack"; hedges ("nearly", "at least") belong;
//!   "three days later" in news marks the duration "three days".
//!
//! Guarantees: no panics and no indexing on input (words are read through
//! `Context::at`, which yields "" past either end); every span lies within the
//! sentence; the work per word is bounded (a few table look-ups, at most a
//! sixteen-word scan for tense cues; a bare month or "Now," also one pass over
//! its sentence).

use super::calendar::{self, Date};
use crate::ground::lexical;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A found expression: token range, type, value, optional range end and modifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub value: String,
    pub value_end: Option<String>,
    pub modifier: Option<&'static str>,
}

/// Which way relative expressions point when the text does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

const VAGUE_NUMBERS: &[&str] = &[
    "several", "few", "many", "some", "recent", "coming", "next", "past", "last",
];
const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];
/// Things named by a number, which is then no year: "Resolution 1483",
/// "Flight 1549", "Room 1600", "Section 2001".
const NUMBERED_THINGS: &[&str] = &[
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
const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// The TIMEX3 code of a part of the day, singular or plural ("nights"), and
/// the informal "nite" of tweets.
fn part_of_day_code(word: &str) -> Option<&'static str> {
    let w = word.strip_suffix('s').unwrap_or(word);
    let w = if w == "nite" { "night" } else { w };
    PARTS_OF_DAY.iter().find(|(p, _)| *p == w).map(|(_, c)| *c)
}

/// A unit of time: its TIMEX3 letter, whether it takes the T (time) prefix, and its
/// date granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
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

fn unit(word: &str) -> Option<Unit> {
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
fn glued_count(word: &str) -> Option<(u32, Unit)> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let (count, rest) = (word.get(..digits)?, word.get(digits..)?);
    if count.is_empty() || rest.is_empty() {
        return None;
    }
    let rest = super::shorthand(rest).unwrap_or(rest);
    Some((count.parse().ok()?, unit(rest)?))
}

fn duration(n: Option<u32>, unit: Unit) -> String {
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

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// A word table asked about every token, as a hash map built on first use.
type WordTable = LazyLock<HashMap<&'static str, u32, crate::ground::hashing::FxBuild>>;
static MONTH_TABLE: WordTable = LazyLock::new(|| {
    counted_from_one(&lexical::MONTHS)
        .chain(lexical::MONTH_ABBREVIATIONS.iter().copied())
        .collect()
});
static SMALL_NUMBER_TABLE: WordTable = LazyLock::new(|| {
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
static WEEKDAY_TABLE: WordTable = LazyLock::new(|| counted_from_one(&lexical::WEEKDAYS).collect());

/// Each word of a calendar list with its number, counting from 1.
fn counted_from_one(words: &'static [&'static str]) -> impl Iterator<Item = (&'static str, u32)> {
    words.iter().copied().zip(1..)
}

/// The number of "first" to "fourth" (quarters, halves, weeks of a month).
fn small_ordinal(word: &str) -> Option<u32> {
    lexical::spelled_ordinal(word).filter(|n| *n <= 4)
}

fn month(word: &str) -> Option<u32> {
    MONTH_TABLE.get(word.trim_end_matches('.')).copied()
}

pub fn weekday_number(word: &str) -> Option<u32> {
    WEEKDAY_TABLE.get(word).copied()
}

fn small_number(word: &str) -> Option<u32> {
    SMALL_NUMBER_TABLE.get(word).copied()
}

fn year_of(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// "480 BC" at `i`: the astronomical year (-479) and where it ends.
fn bc_year(cx: &Context, i: usize) -> Option<(i32, usize)> {
    let w = cx.at(i);
    let n: i32 = (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|n| *n > 0)?;
    crate::ground::lexical::is_bc_word(cx.at(i + 1)).then_some((1 - n, i + 2))
}

fn day_of(word: &str) -> Option<u32> {
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
fn number(words: &[&str], i: usize) -> Option<(u32, usize)> {
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

/// The context of one sentence: lower-cased words, the reference date, and the
/// fiscal quarter the document last named (earnings reports compare "the third
/// quarter" with "a year earlier", which then means the same quarter a year before).
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub words: &'a [&'a str],
    pub original: &'a [&'a str],
    /// The reference date: the DCT in news, the story's last date in a narrative.
    pub dct: Option<Date>,
    /// The DCT itself: deictic words ("today", "last year", "Friday", "three years
    /// ago") point from the writer's day even inside a narrative.
    pub now: Option<Date>,
    /// A narrative: "two days later" counts from the story's last date; in news
    /// TimeML marks "two days" as a duration.
    pub narrative: bool,
    pub tense: Tense,
    pub quarter: Option<(i32, u32)>,
    /// The value of the last date the text named ("that year", "the same day").
    pub story: Option<&'a str>,
}

impl Context<'_> {
    fn at(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }
    fn capitalized(&self, i: usize) -> bool {
        self.original
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

/// The tense of a sentence: future when it says "will", "would" (a plan reported:
/// "said flights would leave from August 6"), "'ll", "shall", "plans to" or
/// "going to", else past (news reports what happened).
pub fn tense(words: &[&str]) -> Tense {
    let future = words.iter().enumerate().any(|(i, w)| {
        // "faster than expected" looks back.
        let than = i.checked_sub(1).and_then(|k| words.get(k)) == Some(&"than");
        // "plans to go", not "vacation plans".
        let plan = *w != "plans" || words.get(i + 1) == Some(&"to");
        // "the hastily planned trip" describes; "planned to" plans.
        let described = matches!(*w, "planned" | "scheduled" | "expected")
            && i.checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|p| p.len() > 3 && is_adverb(p));
        !than
            && plan
            && !described
            && matches!(
                *w,
                "will"
                    | "would"
                    | "'ll"
                    | "’ll"
                    | "shall"
                    | "upcoming"
                    | "planned"
                    | "scheduled"
                    | "expected"
                    | "expects"
                    | "plans"
                    | "due"
            )
            || (*w == "going" && words.get(i + 1) == Some(&"to"))
    });
    if future {
        Tense::Future
    } else {
        Tense::Past
    }
}

/// An "-ly" adverb ("hastily"), told by its letters (a word list would make
/// "ly" a word the matchers compare).
fn is_adverb(w: &str) -> bool {
    w.strip_suffix('y').is_some_and(|s| s.ends_with('l'))
}

/// Words that put what is near them in the future: "will meet on Thursday",
/// "postponed until Tuesday", "scheduled for Friday", and the present tense of a
/// schedule ("they meet Monday", "the session opens Tuesday").
fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "effective"
            | "'ll"
            | "’ll"
            | "shall"
            | "would"
            | "wo"
            | "until"
            | "till"
            | "scheduled"
            | "expected"
            | "expects"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "due"
            | "upcoming"
            | "next"
            | "soon"
            | "going"
            | "meet"
            | "meets"
            | "begins"
            | "starts"
            | "opens"
            | "resumes"
            | "arrives"
            | "leaves"
            | "visits"
            | "travels"
            | "convenes"
            | "expires"
    )
}

/// Words that put what is near them in the past: "said Friday", "was killed
/// Tuesday", "met on Monday".
fn past_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "told"
            | "met"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "left"
            | "held"
            | "began"
            | "won"
            | "lost"
            | "found"
            | "got"
            | "saw"
            | "fell"
            | "rose"
            | "sold"
            | "bought"
            | "paid"
            | "spent"
            | "struck"
            | "brought"
            | "thought"
            | "led"
            | "ran"
            | "sent"
            | "shot"
            | "fought"
            | "fled"
            | "flew"
            | "spoke"
            | "wrote"
            | "broke"
            | "stood"
            | "became"
            | "ago"
            | "last"
            | "since"
    ) || (w.len() > 4
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// The tense around word `i`: the nearest tense cue within eight words (the nearer
/// one before on a tie); the sentence's tense when there is none.
fn local_tense(cx: &Context, i: usize) -> Tense {
    tense_cue(cx, i).unwrap_or(cx.tense)
}

/// Does a story say word `i` was still to come ("would culminate in 1976",
/// "planned for 1944", "effective until 14 September 1978", "lasted until the
/// fall of Budapest in February 1945")? An "until" that opens a clause of its
/// own is not: "relations worsened until, in March 1980, Iran ..." takes the
/// story there.
pub fn projects(cx: &Context, i: usize) -> bool {
    cue_at(cx, i).is_some_and(|(tense, j)| {
        let opens_clause = matches!(cx.at(j), "until" | "till")
            && (j + 2..=j + 3).contains(&i)
            && (j + 1..i).all(|k| matches!(cx.at(k), "," | "in" | "on"));
        tense == Tense::Future && !opens_clause
    })
}

/// The nearest tense cue around word `i`, if any.
fn tense_cue(cx: &Context, i: usize) -> Option<Tense> {
    cue_at(cx, i).map(|(tense, _)| tense)
}

/// The nearest tense cue around word `i` and where it is. Words are cues in
/// context: "plans" only as a verb ("plans to"), "set" only as "set to" / "set
/// for", an "-ed" word only in lower case ("the United States" is no past).
fn cue_at(cx: &Context, i: usize) -> Option<(Tense, usize)> {
    // A quotation mark ends the search on its side: the verb that reports a quote
    // ("... leave at 4 a.m. Thursday,'' Castro said") does not set the tense of
    // what is quoted, nor the quote that of the report.
    let mut open = [true, true];
    for d in 1..=8 {
        for (side, j) in [(0, i.checked_sub(d)), (1, Some(i + d))] {
            let Some(j) = j else { continue };
            let Some(still) = open.get_mut(side) else {
                continue;
            };
            if !*still {
                continue;
            }
            let w = cx.at(j);
            if is_quote_mark(w) {
                *still = false;
                continue;
            }
            let next = cx.at(j + 1);
            let future = match w {
                "plans" | "plan" => next == "to",
                // A present progressive is a plan: "he is visiting China Friday".
                _ if w.len() > 5
                    && w.ends_with("ing")
                    && matches!(
                        cx.at(j.wrapping_sub(1)),
                        "is" | "are" | "am" | "'re" | "’re"
                    ) =>
                {
                    true
                }
                // "as previously planned", "the hastily scheduled trip": what was
                // planned, not what is to come.
                "planned" | "scheduled" | "expected"
                    if cx.at(j.wrapping_sub(1)) == "as"
                        || (cx.at(j.wrapping_sub(1)).len() > 3
                            && is_adverb(cx.at(j.wrapping_sub(1)))) =>
                {
                    false
                }
                "set" => matches!(next, "to" | "for"),
                // "The deadline is midnight Tuesday", "the vote is on Friday".
                "is" | "are" => j < i && i - j <= 2,
                // "ahead of the vote in March"; "their last meeting before the
                // election in March": what follows is still to come.
                "ahead" => next == "of" && !past_verb_at(cx, j.wrapping_sub(1)),
                "before" => (1..=3).any(|k| {
                    cx.at(j.wrapping_sub(k)) == "last"
                        && matches!(
                            cx.at(j.wrapping_sub(k + 1)),
                            "the" | "their" | "his" | "her" | "its" | "our" | "my" | "your"
                        )
                }),
                _ => future_cue(w),
            };
            if future {
                // The future of the past: "had been scheduled to expire Friday",
                // "until Thursday, they had not called him".
                let had = |k: usize| cx.at(k) == "had";
                let past_future = match w {
                    "scheduled" | "due" | "expected" | "planned" | "set" => {
                        had(j.wrapping_sub(1))
                            || (cx.at(j.wrapping_sub(1)) == "been" && had(j.wrapping_sub(2)))
                    }
                    "until" | "till" => (j + 1..j + 6).any(had),
                    _ => false,
                };
                let tense = if past_future {
                    Tense::Past
                } else {
                    Tense::Future
                };
                return Some((tense, j));
            }
            // "will be held": a participle after "be" says nothing of the tense;
            // nor does "were" before a plan ("were planning to drive Monday").
            let planning = matches!(w, "was" | "were")
                && matches!(next, "planning" | "going" | "scheduled" | "due" | "set");
            if past_verb_at(cx, j) && !planning {
                return Some((Tense::Past, j));
            }
        }
    }
    None
}

/// A token that opens or closes a quotation.
fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "``" | "''" | "'" | "“" | "”" | "‘‘" | "’’")
}

/// Find every expression in a sentence.
/// Every word of letters alone that this file compares a word with: only these
/// (and their plurals) can begin an expression, so `find` tries the matchers
/// nowhere else. A test keeps the list in step with the literals of this file.
const LITERAL_WORDS: &[&str] = &[
    "a",
    "about",
    "across",
    "additional",
    "after",
    "afternoon",
    "ago",
    "ahead",
    "almost",
    "am",
    "an",
    "and",
    "annum",
    "apartment",
    "approximately",
    "apr",
    "april",
    "are",
    "armistice",
    "around",
    "arrives",
    "article",
    "as",
    "at",
    "aug",
    "august",
    "autumn",
    "bastille",
    "bc",
    "bce",
    "be",
    "became",
    "been",
    "before",
    "began",
    "beginning",
    "begins",
    "being",
    "between",
    "billion",
    "black",
    "bought",
    "boxing",
    "broke",
    "brought",
    "bst",
    "bus",
    "business",
    "by",
    "came",
    "campaign",
    "can",
    "cdt",
    "centurie",
    "centuries",
    "century",
    "cet",
    "chapter",
    "children",
    "christmas",
    "closing",
    "club",
    "columbus",
    "coming",
    "comparable",
    "convenes",
    "corresponding",
    "could",
    "couple",
    "cst",
    "current",
    "currently",
    "cyber",
    "daily",
    "date",
    "dawn",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "decree",
    "did",
    "due",
    "dusk",
    "each",
    "earlier",
    "early",
    "easter",
    "ed",
    "edition",
    "edt",
    "effective",
    "eight",
    "eighteen",
    "eighth",
    "eighties",
    "eighty",
    "election",
    "elections",
    "eleven",
    "end",
    "ended",
    "ending",
    "est",
    "eve",
    "evening",
    "every",
    "expected",
    "expects",
    "expires",
    "fall",
    "father",
    "feb",
    "february",
    "fell",
    "few",
    "fewer",
    "fifteen",
    "fifth",
    "fifties",
    "fifty",
    "final",
    "financial",
    "first",
    "fiscal",
    "five",
    "fled",
    "flew",
    "flight",
    "following",
    "for",
    "forties",
    "forty",
    "fought",
    "found",
    "four",
    "fourteen",
    "fourth",
    "fri",
    "friday",
    "from",
    "full",
    "further",
    "future",
    "fy",
    "games",
    "gate",
    "gave",
    "gd",
    "glory",
    "gmt",
    "going",
    "good",
    "got",
    "had",
    "half",
    "halloween",
    "hangar",
    "he",
    "held",
    "hence",
    "her",
    "high",
    "highway",
    "his",
    "hour",
    "hourly",
    "hours",
    "hundred",
    "i",
    "in",
    "ing",
    "interstate",
    "is",
    "it",
    "item",
    "its",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "just",
    "king",
    "labor",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "least",
    "leaves",
    "led",
    "left",
    "less",
    "life",
    "local",
    "long",
    "lost",
    "luther",
    "made",
    "many",
    "mar",
    "march",
    "martin",
    "may",
    "meet",
    "meets",
    "memorial",
    "men",
    "met",
    "mid",
    "midday",
    "middle",
    "midnight",
    "might",
    "million",
    "minute",
    "mlk",
    "model",
    "mon",
    "monday",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "most",
    "mother",
    "multi",
    "my",
    "nd",
    "near",
    "nearly",
    "new",
    "news",
    "newspaper",
    "next",
    "night",
    "nine",
    "nineteen",
    "nineties",
    "ninety",
    "ninth",
    "nite",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "number",
    "oct",
    "october",
    "of",
    "offensive",
    "offensives",
    "old",
    "olympic",
    "olympics",
    "on",
    "once",
    "one",
    "only",
    "opening",
    "opens",
    "or",
    "other",
    "our",
    "over",
    "page",
    "paid",
    "palace",
    "paper",
    "papers",
    "paralympics",
    "past",
    "patrick",
    "pdt",
    "people",
    "per",
    "percent",
    "period",
    "person",
    "pier",
    "plan",
    "planned",
    "planning",
    "plans",
    "platform",
    "pm",
    "prayer",
    "prayers",
    "previous",
    "program",
    "programme",
    "pst",
    "quarter",
    "ran",
    "rd",
    "recent",
    "recently",
    "resolution",
    "respectively",
    "resumes",
    "room",
    "rose",
    "roughly",
    "route",
    "said",
    "saint",
    "same",
    "sat",
    "saturday",
    "saw",
    "scheduled",
    "school",
    "second",
    "section",
    "sent",
    "sep",
    "sept",
    "september",
    "set",
    "seven",
    "seventeen",
    "seventh",
    "seventies",
    "seventy",
    "several",
    "shall",
    "share",
    "she",
    "short",
    "shot",
    "show",
    "shows",
    "sickness",
    "since",
    "six",
    "sixteen",
    "sixth",
    "sixties",
    "sixty",
    "sky",
    "sold",
    "some",
    "soon",
    "sped",
    "spent",
    "spoke",
    "spring",
    "st",
    "star",
    "start",
    "starts",
    "still",
    "stood",
    "struck",
    "suite",
    "summer",
    "sun",
    "sunday",
    "talk",
    "tdy",
    "ten",
    "tenth",
    "term",
    "th",
    "than",
    "thanksgiving",
    "that",
    "the",
    "their",
    "these",
    "they",
    "third",
    "thirteen",
    "thirties",
    "thirty",
    "this",
    "thought",
    "thousand",
    "three",
    "thrice",
    "through",
    "throughout",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "ticket",
    "til",
    "till",
    "times",
    "tmr",
    "tmrw",
    "tmw",
    "to",
    "today",
    "told",
    "tomo",
    "tomolo",
    "tomorrow",
    "tonight",
    "took",
    "trading",
    "travels",
    "trmw",
    "tue",
    "tues",
    "tuesday",
    "twelve",
    "twenties",
    "twenty",
    "twice",
    "two",
    "until",
    "up",
    "upcoming",
    "utc",
    "valentine",
    "veterans",
    "visits",
    "was",
    "we",
    "wed",
    "wednesday",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "went",
    "were",
    "when",
    "whole",
    "will",
    "winter",
    "within",
    "wo",
    "women",
    "won",
    "working",
    "would",
    "wrote",
    "xmas",
    "year",
    "yearly",
    "years",
    "yesterday",
    "you",
    "your",
];
static LITERAL_WORD_SET: LazyLock<crate::ground::lexical::WordSet> =
    LazyLock::new(|| crate::ground::lexical::WordSet::new(&[LITERAL_WORDS]));

/// Can an expression begin at this (lower-cased) word? Words of ASCII letters
/// begin one only if they, or they without a plural "s", are words this file
/// names; any other word (digits, "mid-", "'90s", "Oct.", accents) is tried.
fn can_begin(word: &str) -> bool {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let words = &*LITERAL_WORD_SET;
    words.contains(word)
        // "the eighteenth century" ("first" to "third" are listed)
        || (word.len() >= 5 && word.ends_with("th") && lexical::spelled_ordinal(word).is_some())
        || (word.ends_with('s')
            && (words.contains(word.trim_end_matches('s'))
                || word.strip_suffix('s').is_some_and(|w| words.contains(w))))
}

pub fn find(cx: &Context) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    // The last date this sentence named ("in June 1998 and later that year").
    let mut named: Option<String> = None;
    let mut named_date: Option<Date> = None;
    while i < cx.words.len() {
        // In a narrative the story's date moves within the sentence too.
        let here = Context {
            story: named.as_deref().or(cx.story),
            dct: named_date.filter(|_| cx.narrative).or(cx.dct),
            ..*cx
        };
        if !can_begin(cx.at(i)) {
            debug_assert!(
                match_at(&here, i).is_none(),
                "{:?} begins an expression",
                cx.at(i)
            );
            i += 1;
            continue;
        }
        match match_at(&here, i) {
            Some(mut found) => {
                // A leading "the" belongs to the expression ("the past three months",
                // "the 1950s"), but not to a date ("the Aug. 7 attack"), a day or an
                // adjective ("the third-quarter results", "the two-week strike").
                let first = cx.at(found.start);
                let date = month(first).is_some()
                    || weekday_number(first).is_some()
                    || (first.bytes().next().is_some_and(|b| b.is_ascii_digit())
                        && found.value.len() != 3
                        && !(found.value.starts_with("BC") && found.value.len() == 5))
                    || (first.contains('-') && !first.starts_with("year-"))
                    // "the Q3 earnings call"
                    || abbreviated_quarter(first).is_some()
                    || (first == "current" && found.end == found.start + 1)
                    // "the recently passed law": the adverb alone.
                    || matches!(first, "recently" | "lately" | "currently");
                // "the first nine months"
                if found.kind == "DURATION"
                    && found.start == i
                    && matches!(cx.at(i.wrapping_sub(1)), "first" | "final")
                {
                    found.start -= 1;
                }
                // "fiscal 1989"
                if found.start == i
                    && cx.at(i.wrapping_sub(1)) == "fiscal"
                    && year_of(first).is_some()
                {
                    found.start -= 1;
                }
                if found.start > 0 && cx.at(found.start - 1) == "the" && found.start <= i && !date {
                    found.start -= 1;
                }
                // "nearly forty years", "about two years ago", "around 7:15 p.m."
                // (Not a named day: "over Labor Day weekend", "around Wednesday's
                // ruling".)
                let counted = first.starts_with(|c: char| c.is_ascii_digit())
                    || number(cx.words, i).is_some()
                    || matches!(first, "a" | "an" | "several" | "few");
                if found.kind != "SET" && found.start == i && counted {
                    found.start -= quantifier(cx, i);
                }
                i = found.end.max(i + 1);
                let words = cx.words.get(found.start..found.end).unwrap_or_default();
                if !super::deictic(words) {
                    if let Some(date) = super::anchor_of(&found, words) {
                        named = Some(found.value.clone());
                        named_date = Some(date);
                    }
                } else if super::is_day(&found) {
                    named = Some(found.value.clone());
                }
                out.push(found);
            }
            None => i += 1,
        }
    }
    day_before_after(cx, &mut out);
    second_days(cx, &mut out);
    first_days(cx, &mut out);
    share_years(cx, &mut out);
    date_clock_times(cx, &mut out);
    // (after the times have their days: "from 7 a.m. to 8 p.m. on Election Day")
    link_ranges(cx, &mut out);
    years_of_quarters(cx, &mut out);
    for f in &mut out {
        if let Some(bc) = super::bc_form(&f.value) {
            f.value = bc;
        }
        if let Some(bc) = f.value_end.as_deref().and_then(super::bc_form) {
            f.value_end = Some(bc);
        }
        if f.value_end.as_deref().is_some_and(beyond_9999) {
            f.value_end = None;
        }
    }
    // Counting on from a date near 9999 ("February" after "9999-10-01") would
    // write a year TIMEX3 has no form for.
    out.retain(|f| !beyond_9999(&f.value));
    out
}

/// Does the value start with a year of five digits or more (after 9999 AD)?
fn beyond_9999(value: &str) -> bool {
    value.bytes().take_while(u8::is_ascii_digit).count() > 4
}

/// The two sides of a word joined by a dash or slash ("september-october",
/// "1985-january", "august-2"), both non-empty.
pub fn joined(word: &str) -> Option<(&str, &str)> {
    let at = word.find(['-', '–', '—', '/'])?;
    let dash = word.get(at..)?.chars().next()?.len_utf8();
    let (a, b) = (word.get(..at)?, word.get(at + dash..)?);
    (!a.is_empty() && !b.is_empty()).then_some((a, b))
}

/// A range of months or days written with its dash inside a word, as one
/// expression carrying its end: "July-August 2002", "(September-October 1950)",
/// "April 1985-January 1987", "17 August-2 September 1914". TimeML marks each end
/// on its own; `spans_of` splits the text at the dash.
fn joined_months(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    let resolve = |m: u32, year: Option<i32>| year.or_else(|| resolve_month_year(cx, m, i));
    let range = |start: usize, end: usize, first: String, last: String| Found {
        start,
        end,
        kind: "DATE",
        value: first,
        value_end: Some(last),
        modifier: None,
    };
    // "July-August 2002"
    if let Some((m1, m2)) = joined(w).and_then(|(a, b)| Some((month(a)?, month(b)?))) {
        let year = year_of(cx.at(i + 1));
        let end = if year.is_some() { i + 2 } else { i + 1 };
        let y2 = resolve(m2, year)?;
        let y1 = if m1 > m2 { y2 - 1 } else { y2 };
        return Some(range(
            i,
            end,
            format!("{y1:04}-{m1:02}"),
            format!("{y2:04}-{m2:02}"),
        ));
    }
    if let Some(m1) = month(w) {
        // "March 19-April 30"
        if let Some((d1, m2)) =
            joined(cx.at(i + 1)).and_then(|(a, b)| Some((day_of(a)?, month(b)?)))
        {
            let d2 = day_of(cx.at(i + 2))?;
            // "April 30 2003", "April 30, 2003"
            let comma = usize::from(cx.at(i + 3) == ",");
            let year = year_of(cx.at(i + 3 + comma));
            let end = if year.is_some() { i + 4 + comma } else { i + 3 };
            let y2 = resolve(m2, year)?;
            let y1 = if m1 > m2 { y2 - 1 } else { y2 };
            let first = Date::new(y1, m1, d1)?;
            let last = Date::new(y2, m2, d2)?;
            return Some(range(i, end, first.iso(), last.iso()));
        }
        // "April 1985-January 1987"
        let (y1, m2) = joined(cx.at(i + 1)).and_then(|(a, b)| Some((year_of(a)?, month(b)?)))?;
        let y2 = year_of(cx.at(i + 2))?;
        return (y2 >= y1).then(|| {
            range(
                i,
                i + 3,
                format!("{y1:04}-{m1:02}"),
                format!("{y2:04}-{m2:02}"),
            )
        });
    }
    // "17 August-2 September 1914"
    let d1 = day_of(w)?;
    let (m1, d2) = joined(cx.at(i + 1)).and_then(|(a, b)| Some((month(a)?, day_of(b)?)))?;
    let m2 = month(cx.at(i + 2))?;
    let year = year_of(cx.at(i + 3));
    let end = if year.is_some() { i + 4 } else { i + 3 };
    let y2 = resolve(m2, year)?;
    let y1 = if m1 > m2 { y2 - 1 } else { y2 };
    let first = Date::new(y1, m1, d1)?;
    let last = Date::new(y2, m2, d2)?;
    Some(range(i, end, first.iso(), last.iso()))
}

/// "April 24 and 25", "May 4 or 5": the bare day number after a full date is a
/// date of its own, in the same month.
fn second_days(cx: &Context, found: &mut Vec<Found>) {
    let mut k = 0;
    while k < found.len() {
        let Some(f) = found.get(k) else { break };
        let next_start = found.get(k + 1).map_or(usize::MAX, |n| n.start);
        // "Nov. 24 – 25" and "Nov. 24 to 25" too: a range, which `link_ranges`
        // then links.
        let joiner = cx.at(f.end);
        let joined = matches!(
            joiner,
            "and" | "or" | "&" | "to" | "through" | "-" | "–" | "—"
        );
        let ranged = !matches!(joiner, "and" | "or" | "&");
        let at = f.end + 1;
        let day = day_of(cx.at(at))
            .filter(|_| cx.at(at).len() <= 4)
            .filter(|d| {
                !ranged || f.value.get(8..10).and_then(|v| v.parse::<u32>().ok()) < Some(*d)
            });
        // "April 24 and 25." or "May 4 and 5 were ..." but not "June 3 and 25 people"
        let after = cx.at(at + 1);
        let ends = after.is_empty()
            || !after.starts_with(|c: char| c.is_alphanumeric())
            || matches!(
                after,
                "were" | "was" | "in" | "at" | "of" | "when" | "respectively" | "the"
            );
        let month_day = month(cx.at(f.start)).is_some() && f.end == f.start + 2;
        // Not "February 28 and 30th".
        let value = match (f.value.get(..8), day) {
            (Some(month), Some(d)) if f.value.len() == 10 => Some(format!("{month}{d:02}")),
            _ => None,
        }
        .filter(|v| super::is_real_day(v));
        if let (true, true, true, true, Some(value)) =
            (joined, month_day, ends, at < next_start, value)
        {
            let second = Found {
                start: at,
                end: at + 1,
                kind: "DATE",
                value,
                value_end: None,
                modifier: None,
            };
            found.insert(k + 1, second);
            k += 1;
        }
        k += 1;
    }
}

/// "15 to 22 February", "the 28 and 29 August": the bare day number before a
/// day and month is a date of its own, in the same month (and, joined by "to",
/// the start of a range that `link_ranges` then links).
fn first_days(cx: &Context, found: &mut Vec<Found>) {
    let mut k = 0;
    while k < found.len() {
        let Some(f) = found.get(k) else { break };
        let previous_end = k
            .checked_sub(1)
            .and_then(|p| found.get(p))
            .map_or(0, |p| p.end);
        let day_month = day_of(cx.at(f.start)).is_some() && month(cx.at(f.start + 1)).is_some();
        let joined = matches!(
            cx.at(f.start.wrapping_sub(1)),
            "to" | "and" | "or" | "&" | "through" | "until" | "-" | "–"
        );
        let at = f.start.wrapping_sub(2);
        let first = day_of(cx.at(at))
            .filter(|_| cx.at(at).len() <= 4 && at >= previous_end && at < f.start)
            .zip(f.value.get(8..10).and_then(|d| d.parse::<u32>().ok()))
            .filter(|(d1, d2)| d1 < d2)
            .and_then(|(d1, _)| Some(format!("{}{d1:02}", f.value.get(..8)?)))
            .filter(|v| super::is_real_day(v));
        match (day_month && joined && f.value.len() == 10, first) {
            (true, Some(value)) => {
                let start = if cx.at(at.wrapping_sub(1)) == "the" && at > previous_end {
                    at - 1
                } else {
                    at
                };
                let first = Found {
                    start,
                    end: at + 1,
                    kind: "DATE",
                    value,
                    value_end: None,
                    modifier: None,
                };
                found.insert(k, first);
                k += 2;
            }
            _ => k += 1,
        }
    }
}

/// "the day before last Tuesday", "the day after Christmas": the day next to the
/// one named, one expression from "day" on (as TimeBank marks it).
fn day_before_after(cx: &Context, found: &mut [Found]) {
    for k in 0..found.len() {
        let Some(f) = found.get(k) else { continue };
        let shift = match cx.at(f.start.wrapping_sub(1)) {
            "before" => -1,
            "after" => 1,
            _ => continue,
        };
        let day = f.start.checked_sub(2);
        let free = k
            .checked_sub(1)
            .and_then(|p| found.get(p))
            .is_none_or(|g| day.is_some_and(|d| g.end <= d));
        if f.kind != "DATE"
            || f.value.len() != 10
            || cx.at(f.start.wrapping_sub(2)) != "day"
            || !free
        {
            continue;
        }
        let Some(date) = super::parse_iso_date(&f.value)
            .and_then(|(y, m, d)| Date::new(y, m, d))
            .filter(|_| f.value.bytes().next().is_some_and(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        if let (Some(f), Some(day)) = (found.get_mut(k), day) {
            f.start = day;
            f.value = date.add_days(shift).iso();
        }
    }
}

/// "this year's third quarter", "next year's first quarter", "last year's
/// quarter": the year stands for that quarter (TimeBank), and lends it its year.
fn years_of_quarters(cx: &Context, found: &mut [Found]) {
    for k in 0..found.len() {
        let Some(f) = found.get(k) else { continue };
        // "the corresponding period [last year]": the quarter a year before.
        if let Some(g) = k.checked_sub(1).and_then(|p| found.get(p)) {
            if g.end == f.start
                && g.value.get(4..6) == Some("-Q")
                && f.value.len() == 4
                && g.value.get(..4) == Some(f.value.as_str())
            {
                let value = g.value.clone();
                if let Some(f) = found.get_mut(k) {
                    f.value = value;
                }
                continue;
            }
        }
        let year = f.value.len() == 4
            && f.value.bytes().all(|b| b.is_ascii_digit())
            && cx.at(f.end.wrapping_sub(1)) == "year"
            && matches!(cx.at(f.end), "'s" | "’s");
        if !year {
            continue;
        }
        let (end, y) = (f.end, f.value.clone());
        // The quarter named right after, or the one being reported.
        let named = found
            .get(k + 1)
            .filter(|g| g.start <= end + 2 && g.kind == "DATE" && g.value.get(4..6) == Some("-Q"));
        let q = match named {
            Some(g) => g.value.get(6..).map(str::to_string),
            None if cx.at(end + 1) == "quarter" => current_quarter(cx).map(|(_, q)| q.to_string()),
            None => None,
        };
        let Some(q) = q else { continue };
        let value = format!("{y}-Q{q}");
        if named.is_some() {
            if let Some(g) = found.get_mut(k + 1) {
                g.value.clone_from(&value);
            }
        }
        if let Some(f) = found.get_mut(k) {
            f.value = value;
        }
    }
}

/// A clock time that names no day takes the day named next to it in the sentence:
/// "at about 10:35 a.m. (0735 GMT) Friday", "at 5:00 am on October 3, 1935".
fn date_clock_times(cx: &Context, found: &mut [Found]) {
    for k in 0..found.len() {
        let Some(f) = found.get(k) else { continue };
        if !is_bare_clock(cx, f) {
            continue;
        }
        // The nearest full date within four words either side, with no other
        // time between.
        let (start, end) = (f.start, f.end);
        let dated = |g: &Found| g.value.bytes().next().is_some_and(|b| b.is_ascii_digit());
        // "at 4 in the morning (4 a.m. EDT Thursday)": the conversion in brackets
        // names the day.
        let converted = found
            .get(k + 1)
            .filter(|g| g.kind == "TIME" && dated(g) && cx.at(end) == "(" && g.start == end + 1)
            .and_then(|g| g.value.get(..10))
            .filter(|d| d.len() == 10 && d.as_bytes().get(4) == Some(&b'-'))
            .map(str::to_string);
        let day = [k.wrapping_sub(1), k + 1]
            .into_iter()
            .filter_map(|j| found.get(j))
            .filter(|g| {
                g.kind == "DATE"
                    && g.value.len() == 10
                    && dated(g)
                    && (g.start >= end && g.start - end <= 4
                        || g.end <= start && start - g.end <= 4)
            })
            .min_by_key(|g| {
                if g.start >= end {
                    g.start - end
                } else {
                    start - g.end
                }
            })
            .map(|g| g.value.clone())
            .or(converted);
        if let (Some(day), Some(f)) = (day, found.get_mut(k)) {
            if let Some(time) = f.value.get(10..) {
                f.value = format!("{day}{time}");
            }
        }
    }
}

/// A clock time written without its day ("10:30", "9 a.m.", "noon"), which
/// took the DCT's or the story's.
fn is_bare_clock(cx: &Context, f: &Found) -> bool {
    let last = cx.at(f.end.wrapping_sub(1));
    // "4 in the morning"
    let hour_of_part = matches!(last, "morning" | "afternoon" | "evening" | "night")
        && cx.at(f.start).bytes().all(|b| b.is_ascii_digit());
    f.kind == "TIME"
        && f.value.get(10..11) == Some("T")
        && (last.contains(':')
            || hour_of_part
            || matches!(last, "noon" | "midday" | "midnight")
            || ["a.m.", "am", "p.m.", "pm", "a.m", "p.m"]
                .iter()
                .any(|x| last.ends_with(x)))
}

/// How many words before `i` hedge an amount ("nearly", "more than", "at least").
fn quantifier(cx: &Context, i: usize) -> usize {
    let one = cx.at(i.wrapping_sub(1));
    let two = cx.at(i.wrapping_sub(2));
    match (two, one) {
        ("more" | "less" | "fewer", "than") | ("at", "least" | "most") | ("up", "to") => 2,
        (
            _,
            "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "over"
            | "some" | "only" | "just",
        ) => 1,
        _ => 0,
    }
}

/// "in April and June 1955", "between March and April 1918", "26 June - 4
/// August 1952": a date that leaves its year out takes the year written in the
/// date joined to it (the year before, when its month comes later).
fn share_years(cx: &Context, found: &mut [Found]) {
    let written = |f: &Found| {
        cx.words
            .get(f.start..f.end)
            .unwrap_or_default()
            .iter()
            .any(|w| year_of(w).is_some())
    };
    for k in 1..found.len() {
        let (Some(a), Some(b)) = (found.get(k - 1), found.get(k)) else {
            continue;
        };
        let joined = b.start == a.end + 1
            && matches!(
                cx.at(a.end),
                "and" | "or" | "to" | "until" | "through" | "-" | "–"
            );
        let dated = |f: &Found| {
            f.kind == "DATE"
                && f.value.len() >= 7
                && f.value.as_bytes().get(4) == Some(&b'-')
                && f.value.bytes().take(4).all(|c| c.is_ascii_digit())
        };
        if !joined || !dated(a) || !dated(b) || written(a) || !written(b) {
            continue;
        }
        let (Some(year), Some(ma), Some(mb)) = (
            b.value.get(..4).and_then(|y| y.parse::<i32>().ok()),
            a.value.get(5..7).and_then(|m| m.parse::<u32>().ok()),
            b.value.get(5..7).and_then(|m| m.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let year = if ma > mb { year - 1 } else { year };
        let rest = a.value.get(4..).unwrap_or_default().to_string();
        if let Some(a) = found.get_mut(k - 1) {
            a.value = format!("{year:04}{rest}");
        }
    }
}

/// "from 2000 to 2008", "between March and May", "1939-1945": the first date of a
/// range carries the last as its `value_end` (both stay expressions of their own,
/// as TimeML marks them).
fn link_ranges(cx: &Context, found: &mut [Found]) {
    let dct_day = cx.dct.map(Date::iso);
    let on_dct = |f: &Found| f.value.get(..10) == dct_day.as_deref();
    for k in 1..found.len() {
        let (head, tail) = found.split_at_mut(k);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first_mut()) else {
            continue;
        };
        let joined = b.start == a.end + 1
            && matches!(cx.at(a.end), "to" | "until" | "through" | "-" | "–" | "and")
            && (cx.at(a.end) != "and" || cx.at(a.start.wrapping_sub(1)) == "between");
        if !joined {
            continue;
        }
        // "from 9 a.m. to 5 p.m. Tuesday": a first time left on the DCT's day is
        // on the second's, when that was named.
        if is_bare_clock(cx, a) && on_dct(a) && b.kind == "TIME" && !on_dct(b) {
            if let Some(value) = b
                .value
                .get(..10)
                .zip(a.value.get(10..))
                .map(|(day, time)| format!("{day}{time}"))
            {
                a.value = value;
            }
        }
        // "ran from Monday to Wednesday", said on a Monday: last week's Monday,
        // so that the range runs forward ("will run from Friday to Monday": next
        // week's Monday).
        let weekdays = weekday_number(cx.at(a.start)).is_some()
            && weekday_number(cx.at(b.start)).is_some()
            && a.value.len() == 10
            && b.value.len() == 10
            && a.value > b.value;
        if weekdays {
            let past = local_tense(cx, a.start) == Tense::Past;
            let (f, days) = if past { (&mut *a, -7) } else { (&mut *b, 7) };
            if let Some(moved) = super::parse_iso_date(&f.value)
                .and_then(|(y, m, d)| Date::new(y, m, d))
                .map(|d| d.add_days(days).iso())
            {
                f.value = moved;
            }
        }
        // Two dates, or two times: "from 9 a.m. to 5 p.m."
        let same_grain = a.kind == b.kind
            && matches!(a.kind, "DATE" | "TIME")
            && a.value.len() == b.value.len()
            && a.value.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && a.value < b.value;
        if same_grain && a.value_end.is_none() {
            a.value_end = Some(b.value.clone());
        }
    }
}

fn found(start: usize, end: usize, kind: &'static str, value: String) -> Option<Found> {
    Some(Found {
        start,
        end,
        kind,
        value,
        value_end: None,
        modifier: None,
    })
}

/// A word of punctuation only (or none: the sentence's end).
pub fn is_punctuation_word(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric)
}

fn match_at(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Not times: "the March of the Combatant Mothers", "the annual March for
    // Life", "High Noon".
    let name = match w {
        // "the Long March", "his March to the Sea", "no battles along the March."
        "march" if cx.at(i.wrapping_sub(1)) == "long" => true,
        "march"
            if {
                // (past an opening quote: his "March to the Sea")
                let k = if is_quote_mark(cx.at(i.wrapping_sub(1))) {
                    2
                } else {
                    1
                };
                matches!(cx.at(i.wrapping_sub(k)), "the" | "his" | "their" | "her")
            } && (cx.at(i + 1) == "to" || is_punctuation_word(cx.at(i + 1))) =>
        {
            true
        }
        "march" => match cx.at(i + 1) {
            "of" => cx.at(i + 2) == "the",
            "for" => cx.capitalized(i + 2),
            _ => false,
        },
        "noon" => cx.at(i.wrapping_sub(1)) == "high",
        _ => false,
    };
    if name {
        return None;
    }
    if let Some(f) = joined_months(cx, i) {
        return Some(f);
    }
    // early/late/mid + an expression; "the end of November"
    let modifier = match w {
        "early" | "beginning" | "start" => Some("START"),
        "late" | "end" => Some("END"),
        "mid" | "mid-" | "middle" => Some("MID"),
        _ => None,
    };
    if let Some(m) = modifier {
        let of = cx.at(i + 1) == "of";
        if matches!(w, "beginning" | "start" | "end") && !of {
            return None;
        }
        let next = if of { i + 2 } else { i + 1 };
        // "the end of the year": the inner "the" is part of it.
        let inner = if of && cx.at(next) == "the" {
            next + 1
        } else {
            next
        };
        if let Some(mut f) = absolute(cx, inner)
            .or_else(|| this_last_next(cx, inner))
            .or_else(|| year_end(cx, inner))
            .or_else(|| the_month_or_week(cx, inner).filter(|_| inner > next))
            .or_else(|| relative_word(cx, inner).filter(|f| f.kind == "DATE"))
        {
            // TimeBank leaves "early" out of "early 1990s" but keeps it in
            // "early this week".
            f.start = i;
            f.modifier = Some(m);
            return Some(f);
        }
        if let Some(mut f) = decade(cx, next) {
            f.modifier = Some(m);
            return Some(f);
        }
        return None;
    }
    // "mid-November", "late-November", "early-2002"
    // "post-1959": after that year (TimeML mod AFTER).
    let hyphened = [
        ("mid-", "MID"),
        ("late-", "END"),
        ("early-", "START"),
        ("post-", "AFTER"),
        ("pre-", "BEFORE"),
    ]
    .iter()
    .filter(|_| w.contains('-'))
    .find_map(|(p, m)| Some((w.strip_prefix(p)?, *m)));
    if let Some((rest, modifier)) = hyphened {
        if let Some(m) = month(rest).filter(|_| rest.len() > 3) {
            let year = resolve_month_year(cx, m, i);
            return Some(Found {
                start: i,
                end: i + 1,
                kind: "DATE",
                value: year.map_or(format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}")),
                value_end: None,
                modifier: Some(modifier),
            });
        }
        if let Some(y) = year_of(rest) {
            return Some(Found {
                start: i,
                end: i + 1,
                kind: "DATE",
                value: y.to_string(),
                value_end: None,
                modifier: Some(modifier),
            });
        }
    }
    quarter(cx, i)
        .or_else(|| week_of_date(cx, i))
        .or_else(|| week_of_month(cx, i))
        .or_else(|| anaphoric(cx, i))
        .or_else(|| absolute(cx, i))
        .or_else(|| decade(cx, i))
        .or_else(|| relative_word(cx, i))
        .or_else(|| this_last_next(cx, i))
        .or_else(|| weekday(cx, i))
        .or_else(|| numbered(cx, i))
        .or_else(|| year_earlier(cx, i))
        .or_else(|| fiscal_year(cx, i))
        .or_else(|| fy(cx, i))
        .or_else(|| holiday(cx, i))
        .or_else(|| bare_units(cx, i))
        .or_else(|| year_end(cx, i))
        .or_else(|| nth_day_today(cx, i))
        .or_else(|| clock(cx, i))
        .or_else(|| set(cx, i))
        .or_else(|| part_of_day(cx, i))
}

/// Explicit dates: "29 November 2002", "November 29, 2002", "Nov. 2002",
/// "2002-11-29", "11/29/2002", "1-3 December", "November", "2002".
fn absolute(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Every form below begins with a digit, a month, a season, "year" or
    // "nineteen": other words (nearly all) leave at once.
    if !w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && month(w).is_none()
        && !matches!(w, "year" | "nineteen")
        && !is_season(w)
    {
        return None;
    }
    if let Some(d) = iso_or_slashed(w) {
        return found(i, i + 1, "DATE", d);
    }
    if let Some(t) = iso_datetime(w) {
        return found(i, i + 1, "TIME", t);
    }
    if let Some((m, d)) = slashed_day(cx, i) {
        return Some(date_with_range(cx, None, m, d, None, i, i + 1));
    }
    if let Some(f) = year_range(cx, i) {
        return Some(f);
    }
    // D Month [YYYY] and D-D Month [YYYY]
    let (day_a, day_b) = match w.split_once('-') {
        Some((a, b)) => (day_of(a), day_of(b)),
        None => (day_of(w), None),
    };
    if let Some(d) = day_a {
        if let Some(m) = month(cx.at(i + 1)).filter(|_| cx.capitalized(i + 1)) {
            // "15 October 1969", "15 October, 1969"
            let after = if cx.at(i + 2) == "," { i + 3 } else { i + 2 };
            // "22 April 480 BC"
            let (year, end) = match (bc_year(cx, after), year_of(cx.at(after))) {
                (Some((y, end)), _) => (Some(y), end),
                (None, Some(y)) => (Some(y), after + 1),
                (None, None) => (None, i + 2),
            };
            return Some(date_with_range(cx, year, m, d, day_b, i, end));
        }
    }
    if let Some(m) = month(w).filter(|_| cx.capitalized(i)) {
        if w == "may" && !cx.capitalized(i) {
            return None;
        }
        let next = cx.at(i + 1);
        // "July 4", "July 4th", "July Fourth"
        let day = day_of(next)
            .or_else(|| lexical::spelled_ordinal(next).filter(|d| (1..=31).contains(d)));
        if let Some(d) = day {
            let after = if cx.at(i + 2) == "," { i + 3 } else { i + 2 };
            let (year, end) = match (year_of(cx.at(after)), story_year(cx, i + 2)) {
                (Some(y), _) => (Some(y), after + 1),
                (None, Some((y, end))) => (Some(y), end),
                (None, None) => (None, i + 2),
            };
            return Some(date_with_range(cx, year, m, d, None, i, end));
        }
        if let Some((a, b)) = next.split_once('-') {
            if let (Some(a), Some(b)) = (day_of(a), day_of(b)) {
                let (year, end) = match year_of(cx.at(i + 2)) {
                    Some(y) => (Some(y), i + 3),
                    None => (None, i + 2),
                };
                return Some(date_with_range(cx, year, m, a, Some(b), i, end));
            }
        }
        let after = if next == "of" || next == "," {
            i + 2
        } else {
            i + 1
        };
        // "April 480 BC", "April 1200 BC"
        if let Some((y, end)) = bc_year(cx, after) {
            return found(i, end, "DATE", format!("{y:04}-{m:02}"));
        }
        if let Some(y) = year_of(cx.at(after)) {
            return found(i, after + 1, "DATE", format!("{y:04}-{m:02}"));
        }
        if let Some((y, end)) = spelled_year(cx, after) {
            return found(i, end, "DATE", format!("{y:04}-{m:02}"));
        }
        // "August of that year"
        if let Some((y, end)) = story_year(cx, i + 1) {
            return found(i, end, "DATE", format!("{y:04}-{m:02}"));
        }
        // "June last year", "March next year"
        if let (Some(shift), Some(d), "year") = (
            match next {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            },
            cx.now,
            cx.at(i + 2),
        ) {
            return found(i, i + 3, "DATE", format!("{:04}-{m:02}", d.year + shift));
        }
        // "May" alone is too often the verb (but not after "in", "by", "since"...),
        // "Jan" a name; other months alone are dates.
        let may_is_month = i > 0
            && matches!(
                cx.at(i - 1),
                "in" | "by"
                    | "since"
                    | "until"
                    | "till"
                    | "of"
                    | "from"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
            );
        if (w == "may" && !may_is_month)
            || w.len() <= 4 && !matches!(w, "june" | "july" | "may")
            || w == "march" && cx.at(i + 1) == "on"
        {
            return None;
        }
        let year = resolve_month_year(cx, m, i);
        return found(
            i,
            i + 1,
            "DATE",
            year.map_or(format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}")),
        );
    }
    // "nineteen ninety-six"
    if let Some((y, end)) = spelled_year(cx, i) {
        return found(i, end, "DATE", format!("{y:04}"));
    }
    if let Some(y) = year_of(w) {
        // not "1,200 troops" (no comma in years), not "$2000"
        let before = cx.at(i.wrapping_sub(1));
        // (nor "1700 GMT", a time; nor "Resolution 1483", "Flight 1549", "Room
        // 1600": a number that names a thing)
        // (nor "about 1500 troops", "nearly 2000 people": a count; but "over
        // 1990 levels" is a year)
        let next = cx.original.get(i + 1).copied().unwrap_or("");
        let counted = quantifier(cx, i) > 0
            && before != "over"
            && next.len() > 2
            && (next.ends_with('s') || matches!(next, "people" | "men" | "women" | "children"))
            && next.bytes().all(|b| b.is_ascii_lowercase());
        if matches!(before, "$" | "#" | "no." | "number")
            || counted
            || NUMBERED_THINGS.contains(&before)
            || unit(cx.at(i + 1)).is_some()
            || is_zone(cx.at(i + 1))
        {
            return None;
        }
        return found(i, i + 1, "DATE", y.to_string());
    }
    // "summer 2002", "the winter of 1994", "the summer"
    if let Some(code) = SEASONS.iter().find(|(s, _)| *s == w).map(|(_, v)| *v) {
        if let Some(y) = year_of(cx.at(i + 1)) {
            return found(i, i + 2, "DATE", format!("{y:04}-{code}"));
        }
        // A year, or "of" and a year, at `at` ("481 BC" too).
        let year_at = |at: usize| {
            let at = if cx.at(at) == "of" { at + 1 } else { at };
            absolute(cx, at).filter(|f| {
                super::split_year(&f.value).is_some_and(|(_, rest)| rest.is_empty())
                    && f.value_end.is_none()
            })
        };
        if cx.at(i + 1) == "of" {
            // "the winter of 1994", "the autumn of 481 BC"
            if let Some(year) = year_at(i + 1) {
                return found(i, year.end, "DATE", format!("{}-{code}", year.value));
            }
        }
        // "the Spring Offensive of 1918", "the Iraq Spring Fighting of 2004": a
        // named campaign dates its season.
        if cx.capitalized(i) && cx.capitalized(i + 1) && cx.at(i + 2) == "of" {
            if let Some(year) = year_at(i + 2) {
                return found(i, i + 1, "DATE", format!("{}-{code}", year.value));
            }
        }
        // "summer and autumn 1918", "the spring and early summer of 1943": the
        // year written after the second season is the first's too.
        if matches!(cx.at(i + 1), "and" | "or") {
            let second = if matches!(cx.at(i + 2), "early" | "late" | "mid") {
                i + 3
            } else {
                i + 2
            };
            let second_is_season = is_season(cx.at(second));
            if let Some(year) = year_at(second + 1).filter(|_| second_is_season) {
                return found(i, i + 1, "DATE", format!("{}-{code}", year.value));
            }
        }
        // "the fall of Budapest", "the fall of the regime": a collapse, not
        // autumn ("the fall of that year" is).
        let of_a_year = matches!(cx.at(i + 2), "that" | "this" | "the" | "last" | "next")
            && cx.at(i + 3) == "year";
        if w == "fall" && cx.at(i + 1) == "of" && !of_a_year {
            return None;
        }
        // "the Winter Olympics", "the Summer Palace": a name.
        if matches!(
            cx.at(i + 1),
            "olympics" | "olympic" | "games" | "paralympics" | "palace"
        ) {
            return None;
        }
        let before = cx.at(i.wrapping_sub(1));
        // "the fall and winter", "that same spring", and in a history "their
        // summer offensive": the season of the year in question.
        // Not "that spring collection", "a spring and summer wardrobe": after
        // "that", "same" or another season, the season must end its phrase.
        let next = cx.at(i + 1);
        let ends_phrase = !next.starts_with(|c: char| c.is_alphanumeric())
            || matches!(
                next,
                "and" | "or" | "of" | "in" | "when" | "to" | "as" | "was" | "were" | "had" | "the"
            );
        if matches!(before, "the" | "in" | "this" | "early" | "late" | "mid")
            || (matches!(before, "that" | "same") && ends_phrase)
            || (matches!(before, "and" | "or")
                && is_season(cx.at(i.wrapping_sub(2)))
                && ends_phrase)
            || (cx.narrative && matches!(next, "offensive" | "offensives" | "campaign"))
        {
            // Spring, summer and fall: the nearest one the tense allows.
            let month = match code {
                "SP" => 4,
                "SU" => 7,
                "FA" => 10,
                _ => 0,
            };
            // A story's winter is the one nearest its date, named for the year
            // of its January: after the autumn of 1777 comes the winter of 1778.
            let month = if code == "WI" && cx.narrative {
                1
            } else {
                month
            };
            let y = if month > 0 {
                resolve_month_year(cx, month, i)
            } else {
                cx.dct.map(|d| d.year)
            };
            return found(
                i,
                i + 1,
                "DATE",
                y.map_or(format!("XXXX-{code}"), |y| format!("{y:04}-{code}")),
            );
        }
    }
    None
}

/// A year in words, "nineteen ninety-six", "the year two thousand" (broadcast
/// transcripts), and where it ends.
fn spelled_year(cx: &Context, i: usize) -> Option<(i32, usize)> {
    if cx.at(i) == "year" && cx.at(i + 1) == "two" && cx.at(i + 2) == "thousand" {
        return Some((2000, i + 3));
    }
    if cx.at(i) != "nineteen" {
        return None;
    }
    let (n, end) = number(cx.words, i + 1).filter(|(n, _)| (10..100).contains(n))?;
    Some((1900 + i32::try_from(n).ok()?, end))
}

/// "499 BC", "1861-1863", "1915-17", "499-493 BC": a year or a range of years in
/// one token.
fn year_range(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    let bc = crate::ground::lexical::is_bc_word(cx.at(i + 1));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    // "from 499 to 493 BC", "(264 to 241 BC)": the first year of a range that
    // says BC once, at its end (BC years count down).
    if digits(w)
        && matches!(cx.at(i + 1), "to" | "-" | "–" | "and" | "until")
        && crate::ground::lexical::is_bc_word(cx.at(i + 3))
    {
        let (first, last): (i32, i32) = (w.parse().ok()?, cx.at(i + 2).parse().ok()?);
        return (first > last && last > 0 && digits(cx.at(i + 2))).then(|| Found {
            start: i,
            end: i + 1,
            kind: "DATE",
            value: format!("BC{first:04}"),
            value_end: Some(format!("BC{last:04}")),
            modifier: None,
        });
    }
    let (a, b) = match w.split_once(['-', '–']) {
        Some((a, b)) if digits(a) && digits(b) => (a, Some(b)),
        None if digits(w) && bc => (w, None),
        _ => return None,
    };
    let first: i32 = a.parse().ok().filter(|y: &i32| *y > 0)?;
    let end = if bc { i + 2 } else { i + 1 };
    if bc {
        let last = b.and_then(|b| b.parse::<i32>().ok());
        return Some(Found {
            start: i,
            end,
            kind: "DATE",
            value: format!("BC{first:04}"),
            value_end: last.map(|l| format!("BC{l:04}")),
            modifier: None,
        });
    }
    // AD: both years, or a year and the last digits of another ("1915-17").
    year_of(a)?;
    let b = b?;
    let last: i32 = match b.len() {
        4 => year_of(b)?,
        2 => first - first % 100 + b.parse::<i32>().ok()?,
        _ => return None,
    };
    (last > first && last - first < 100).then_some(())?;
    Some(Found {
        start: i,
        end,
        kind: "DATE",
        value: format!("{first:04}"),
        value_end: Some(format!("{last:04}")),
        modifier: None,
    })
}

fn date_with_range(
    cx: &Context,
    year: Option<i32>,
    m: u32,
    d: u32,
    d_end: Option<u32>,
    start: usize,
    end: usize,
) -> Found {
    // "Feb. 29" said in a year without one is the leap year the tense points to:
    // "the deadline was Feb. 29" the last, "opens Feb. 29" the next.
    let year = year.or_else(|| {
        let y = resolve_month_year(cx, m, start)?;
        let step = if local_tense(cx, start) == Tense::Past {
            -1
        } else {
            1
        };
        Some(year_with_day(y, m, d, step))
    });
    // A day the month does not have ("31 April 2020") names only the month.
    let fmt = |day: u32| match year {
        Some(y) if day > calendar::days_in_month(y, m) => format!("{y:04}-{m:02}"),
        Some(y) => format!("{y:04}-{m:02}-{day:02}"),
        None => format!("XXXX-{m:02}-{day:02}"),
    };
    Found {
        start,
        end,
        kind: "DATE",
        value: fmt(d),
        value_end: d_end.map(fmt),
        modifier: None,
    }
}

/// The year of a month named without one: the DCT's year, or the one before or
/// after when the tense points that way past the DCT's month.
fn resolve_month_year(cx: &Context, m: u32, i: usize) -> Option<i32> {
    // A story told in the past still speaks of what is to come from the writer's
    // day: "a summit set for April", "a museum will open in May".
    if cx.narrative && speaks_of_the_future(cx, i) {
        let now = cx.now?;
        return Some(now.year + i32::from(m < now.month));
    }
    let dct = cx.dct?;
    let here = dct.year * 12 + dct.month as i32;
    // The nearest such month to the DCT, leaning the way the tense points: hard
    // when a verb nearby says it ("ended March 31", "will open in March") or
    // when a past verb further off in the sentence does ("Taylor, who stepped
    // down as chairman, president and chief executive in March").
    let (tense, weight) = match (cx.narrative, tense_cue(cx, i)) {
        // A story goes back about as often as forward, so only a tie is broken:
        // by a cue near it ("fell on 14 January", "until October 15"), else
        // forward, as a story moves on.
        (true, cue) => (cue.unwrap_or(Tense::Future), 1),
        (false, Some(t)) => (t, 7),
        // The sentence's own tense, when it says it: a "will" or a past verb
        // anywhere in it.
        (false, None) if cx.tense == Tense::Future || has_past_verb(cx) => (cx.tense, 7),
        (false, None) => (cx.tense, 3),
    };
    (dct.year - 1..=dct.year + 1).min_by_key(|&y| {
        let diff = y * 12 + m as i32 - here;
        let lean = match tense {
            Tense::Past if diff > 0 => weight,
            Tense::Future if diff < 0 => weight,
            _ => 0,
        };
        diff.abs() + lean
    })
}

/// Does the sentence have a past verb ("said", "stepped", not "United")?
fn has_past_verb(cx: &Context) -> bool {
    (0..cx.words.len())
        .any(|j| past_verb_at(cx, j) && !matches!(cx.at(j), "last" | "since" | "ago"))
}

/// Is word `j` a past cue as used here? Not a participle after "be" ("will be
/// held") or "to", and an "-ed" word not a name ("the United States") nor an
/// adjective after a determiner ("a still unspecified date").
fn past_verb_at(cx: &Context, j: usize) -> bool {
    let w = cx.at(j);
    if !past_cue(w) {
        return false;
    }
    let before = cx.at(j.wrapping_sub(1));
    if matches!(before, "be" | "been" | "being" | "to") {
        return false;
    }
    let listed = !w.ends_with("ed") || matches!(w, "said" | "paid" | "led" | "fled" | "sped");
    if listed {
        return true;
    }
    let determiner = |x: &str| {
        matches!(
            x,
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
        )
    };
    let name = j > 0 && cx.capitalized(j);
    let adjective =
        determiner(before) || (before == "still" && determiner(cx.at(j.wrapping_sub(2))));
    // "markets untouched by the crisis" describes the markets; a passive that
    // happened has its "was" ("was hit by"), a cue of its own.
    let participle = cx.at(j + 1) == "by";
    !name && !adjective && !participle
}

/// A plain future near word `i`, said from the writer's day: "will", "'ll",
/// "shall", or a plan in the present ("is expected to", "set for", "due in")
/// rather than one of the story's ("was expected to", "would").
fn speaks_of_the_future(cx: &Context, i: usize) -> bool {
    let Some((Tense::Future, j)) = cue_at(cx, i) else {
        return false;
    };
    let before = cx.at(j.wrapping_sub(1));
    match cx.at(j) {
        "will" | "'ll" | "’ll" | "shall" => true,
        "expected" | "scheduled" | "due" | "set" | "planned" | "plans" | "expects" => {
            !matches!(before, "was" | "were" | "had" | "been" | "would")
                && !cx
                    .words
                    .iter()
                    .any(|w| matches!(*w, "was" | "were" | "had"))
        }
        _ => false,
    }
}

fn iso_or_slashed(w: &str) -> Option<String> {
    // every form starts with a digit: most words leave here, without allocating
    if !w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    // "30.11.2026" (day first, as Europe writes it), and only with its year.
    let dotted = w.contains('.');
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    if dotted && (w.contains(['-', '/']) || parts.last().is_none_or(|y| y.len() != 4)) {
        return None;
    }
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (y, m, d) = match (
        n.first(),
        n.get(1),
        n.get(2),
        parts.first().map(|p| p.len()),
    ) {
        (Some(&y), Some(&m), Some(&d), Some(4)) => (y, m, d),
        // "12/25/2020"; "25/12/2020" when the first number is no month; "30.11.2026".
        (Some(&a), Some(&b), Some(&y), _) if dotted => (y, b, a),
        (Some(&a), Some(&b), Some(&y), _)
            if w.contains('/') || parts.get(2).is_some_and(|y| y.len() == 4) =>
        {
            (
                if y < 100 {
                    1900 + y + if y < 50 { 100 } else { 0 }
                } else {
                    y
                },
                if a > 12 { b } else { a },
                if a > 12 { a } else { b },
            )
        }
        _ => return None,
    };
    Date::new(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
    .map(Date::iso)
}

/// An ISO 8601 date and time, "2026-12-01t10:00:00+01:00" (lower-cased): its
/// date, hour and minute ("2026-12-01T10:00"), the zone left out as TimeBank
/// does.
fn iso_datetime(w: &str) -> Option<String> {
    let (date, time) = w.split_once('t')?;
    let date = iso_or_slashed(date).filter(|_| date.contains('-'))?;
    let clock = time.trim_end_matches('z');
    let hh = clock.get(..2)?;
    let mm = clock.get(3..5).filter(|_| clock.get(2..3) == Some(":"));
    let number = |s: &str, max: u32| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let hour = number(hh, 24)?;
    let minute = match mm {
        Some(mm) => number(mm, 59)?,
        None => 0,
    };
    Some(format!("{date}T{hour:02}:{minute:02}"))
}

/// "on 12/15", "by 15/12", "Tuesday 12/15": a month and day written with a
/// slash, read only where a date is expected (after "on", "by", "until",
/// "from", "since", "before", "after", "through" or a weekday), month first
/// unless the first number is no month. Not "9/11" (the attacks), "24/7"
/// (always) or "3/4 of", "1/2 day" (fractions).
fn slashed_day(cx: &Context, i: usize) -> Option<(u32, u32)> {
    let w = cx.at(i);
    let (a, b) = w.split_once('/')?;
    let small = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // ("on 1/2 day leave": a fraction too.)
    let fraction = cx.at(i + 1) == "of" || unit(cx.at(i + 1)).is_some();
    if !small(a) || !small(b) || matches!(w, "9/11" | "24/7") || fraction {
        return None;
    }
    let before = cx.at(i.wrapping_sub(1));
    let expected = matches!(
        before,
        "on" | "by" | "until" | "till" | "from" | "since" | "before" | "after" | "through"
    ) || weekday_number(before).is_some()
        || lookup(
            &lexical::WEEKDAY_ABBREVIATIONS,
            before.trim_end_matches('.'),
        )
        .is_some();
    if !expected {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// "the 1950s" → 195, "the '90s" → 199, "the nineties" → 199, "the mid-1990s"
/// (MID), "the 20th century" → 19.
fn decade(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    if let Some(rest) = w.strip_prefix("mid-") {
        let stem = rest.strip_suffix('s')?;
        if stem.len() == 4 && stem.ends_with('0') && year_of(stem).is_some() {
            return Some(Found {
                start: i,
                end: i + 1,
                kind: "DATE",
                value: stem.get(..3)?.to_string(),
                value_end: None,
                modifier: Some("MID"),
            });
        }
        return None;
    }
    if cx.at(i.wrapping_sub(1)) == "the" {
        let tens = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if let Some(k) = tens.iter().position(|t| *t == w) {
            return found(i, i + 1, "DATE", format!("19{}", k + 2));
        }
    }
    if let Some(stem) = w.strip_suffix('s') {
        // "the 470s BC"
        if crate::ground::lexical::is_bc_word(cx.at(i + 1))
            && (3..=4).contains(&stem.len())
            && stem.ends_with('0')
            && stem.bytes().all(|b| b.is_ascii_digit())
        {
            let tens = stem.get(..stem.len() - 1)?;
            return found(i, i + 2, "DATE", format!("BC{tens:0>3}"));
        }
        if stem.len() == 4 && stem.ends_with('0') && year_of(stem).is_some() {
            return found(i, i + 1, "DATE", stem.get(..3)?.to_string());
        }
        if let Some(two) = stem.strip_prefix(['\'', '’']) {
            if two.len() == 2 && two.ends_with('0') && two.bytes().all(|b| b.is_ascii_digit()) {
                let century = if two.as_bytes().first().is_some_and(|b| *b <= b'2') {
                    "20"
                } else {
                    "19"
                };
                return found(i, i + 1, "DATE", format!("{century}{}", two.get(..1)?));
            }
        }
    }
    // "the 19th century", "the eighteenth century", "19th-century writers"
    let (ordinal, end) = match w.strip_suffix("-century") {
        Some(ordinal) => (ordinal, i + 1),
        None if cx.at(i + 1) == "century" => (w, i + 2),
        None => return None,
    };
    let digits: String = ordinal.chars().take_while(char::is_ascii_digit).collect();
    let n = digits
        .parse::<u32>()
        .ok()
        .or_else(|| lexical::spelled_ordinal(ordinal))
        .filter(|n| (1..=21).contains(n))?;
    // "the 4th century BC": BC03 (the years 400 to 301 BC).
    let era = if crate::ground::lexical::is_bc_word(cx.at(end)) {
        "BC"
    } else {
        ""
    };
    found(i, end, "DATE", format!("{era}{:02}", n - 1))
}

/// "spring", "summer", "fall", "autumn", "winter".
fn is_season(w: &str) -> bool {
    SEASONS.iter().any(|(s, _)| *s == w)
}

/// The year nearest `year`, stepping by `step` (1 or -1), whose month `m` has day
/// `d`: "Feb. 29" said in 2023 is 2024's going forward, 2020's going back.
fn year_with_day(year: i32, m: u32, d: u32, step: i32) -> i32 {
    (0..8)
        .map(|k| year + k * step)
        .find(|&y| d <= calendar::days_in_month(y, m))
        .unwrap_or(year)
}

/// A word that names a day from the writer's: "today", "tonight", "tomorrow",
/// "yesterday" (and the tweets' spellings: "tdy", "tmr", "2moro").
pub fn is_day_word(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "tdy"
            | "2day"
            | "tomorrow"
            | "tmr"
            | "tmrw"
            | "tmw"
            | "trmw"
            | "tomo"
            | "tomolo"
            | "2moro"
            | "2morrow"
            | "yesterday"
            | "tonight"
    )
}

fn relative_word(cx: &Context, i: usize) -> Option<Found> {
    let dct = cx.now;
    let day = |offset: i64| dct.map_or("XXXX-XX-XX".to_string(), |d| d.add_days(offset).iso());
    let w = cx.at(i);
    // "USA Today", "VOA Today", "the Today show": a name.
    if w == "today"
        && i > 0
        && cx.capitalized(i)
        && (cx.capitalized(i - 1) || cx.at(i - 1) == "the")
        // Not a title-cased or shouted line ("Not Working Today Wins").
        && (i == 1
            || cx
                .original
                .get(i - 2)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_lowercase))
    {
        return None;
    }
    Some(match w {
        // The informal spellings are from tweets.
        _ if is_day_word(w) && w != "tonight" => {
            let offset = match w {
                "yesterday" => -1,
                "today" | "tdy" | "2day" => 0,
                _ => 1,
            };
            // "tomorrow night", "yesterday afternoon": the part of that day.
            match part_of_day_code(cx.at(i + 1)).filter(|_| !cx.at(i + 1).ends_with('s')) {
                Some(code) => found(i, i + 2, "TIME", format!("{}T{code}", day(offset)))?,
                None => found(i, i + 1, "DATE", day(offset))?,
            }
        }
        "tonight" => found(i, i + 1, "TIME", format!("{}TNI", day(0)))?,
        // "Now, he says, ...": a discourse marker opening the sentence, no time.
        "now"
            if cx.at(i + 1) == ","
                && cx.words.get(..i).is_some_and(|ws| {
                    ws.iter().all(|w| w.chars().all(|c| !c.is_alphanumeric()))
                }) =>
        {
            return None
        }
        "now" | "nowadays" => found(i, i + 1, "DATE", "PRESENT_REF".into())?,
        "recently" | "lately" => found(i, i + 1, "DATE", "PAST_REF".into())?,
        "currently" => found(i, i + 1, "DATE", "PRESENT_REF".into())?,
        // "current market conditions" (but "the current year" is this year)
        "current"
            if unit(cx.at(i + 1)).is_none()
                && cx.at(i + 1) != "fiscal"
                && cx.at(i + 1).bytes().all(|b| b.is_ascii_lowercase())
                && !cx.at(i + 1).is_empty() =>
        {
            found(i, i + 1, "DATE", "PRESENT_REF".into())?
        }
        // "the weekend": the one just past, or the coming one in the future tense.
        "weekend" if cx.at(i.wrapping_sub(1)) == "the" => {
            let value = dct.map_or("XXXX-WXX-WE".into(), |d| {
                let saturday = i64::from(6_u32) - i64::from(d.weekday());
                let offset = match local_tense(cx, i) {
                    Tense::Past if saturday > 0 => saturday - 7,
                    _ => saturday,
                };
                let (y, wk) = d.add_days(offset).iso_week();
                format!("{y:04}-W{wk:02}-WE")
            });
            found(i, i + 1, "DATE", value)?
        }
        // "a long weekend", "Great weekend!": the weekend of the DCT's week
        // (not "a weekend of talks", which names none).
        "weekend"
            if !cx.narrative
                && !matches!(
                    cx.at(i.wrapping_sub(1)),
                    "a" | "an" | "one" | "each" | "every" | "that" | "this" | "last" | "next"
                )
                && cx.at(i + 1) != "of" =>
        {
            let value = dct.map_or("XXXX-WXX-WE".into(), |d| {
                let (y, wk) = d.iso_week();
                format!("{y:04}-W{wk:02}-WE")
            });
            found(i, i + 1, "DATE", value)?
        }
        // "in recent weeks": TimeML marks an unspecified duration.
        "recent" if matches!(cx.at(i + 1), "years" | "months" | "weeks" | "days") => {
            found(i, i + 2, "DURATION", duration(None, unit(cx.at(i + 1))?))?
        }
        "past"
            if cx.at(i.wrapping_sub(1)) == "the"
                && !matches!(cx.at(i + 1), "few" | "several")
                && unit(cx.at(i + 1)).is_none()
                && number(cx.words, i + 1).is_none() =>
        {
            found(i, i + 1, "DATE", "PAST_REF".into())?
        }
        "future" if cx.at(i.wrapping_sub(1)) == "the" => {
            found(i, i + 1, "DATE", "FUTURE_REF".into())?
        }
        // "in future quarters", "future years"
        "future" if cx.at(i + 1).ends_with('s') && unit(cx.at(i + 1)).is_some() => {
            found(i, i + 2, "DATE", "FUTURE_REF".into())?
        }
        // "these days": nowadays
        "these" if cx.at(i + 1) == "days" => found(i, i + 2, "DATE", "PRESENT_REF".into())?,
        // "at a later date"
        // "Islam will one day be ...": some day to come, not a day's length.
        "one"
            if cx.at(i + 1) == "day"
                && matches!(
                    cx.at(i.wrapping_sub(1)),
                    "will" | "would" | "could" | "may" | "might" | "shall" | "can"
                ) =>
        {
            found(i, i + 2, "DATE", "FUTURE_REF".into())?
        }
        "a" if cx.at(i + 1) == "later" && cx.at(i + 2) == "date" => {
            found(i, i + 3, "DATE", "FUTURE_REF".into())?
        }
        // "in the weeks ahead": TimeML marks an unspecified duration, as for
        // "the coming weeks".
        _ if w.ends_with('s') && cx.at(i + 1) == "ahead" && cx.at(i.wrapping_sub(1)) == "the" => {
            found(i, i + 2, "DURATION", duration(None, unit(w)?))?
        }
        // "the near future", "the near term", "the short term"
        "near" | "short"
            if cx.at(i.wrapping_sub(1)) == "the" && matches!(cx.at(i + 1), "future" | "term") =>
        {
            found(i, i + 2, "DATE", "FUTURE_REF".into())?
        }
        _ => return None,
    })
}

/// "this week", "last year", "next month", "earlier this month", "this morning",
/// "last summer", "the past year" (TimeBank: the year before, a DATE), "the coming
/// weeks" (a duration).
fn this_last_next(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "this past weekend", "this past Sunday": the last one ("this past spring"
    // is read below: this year's, where "last spring" is the year before's).
    let this_past = w == "this" && cx.at(i + 1) == "past" && !is_season(cx.at(i + 2));
    let (shift, start): (i64, usize) = match w {
        _ if this_past => (-1, i),
        "this" | "current" => (0, i),
        "last" | "previous" => (-1, i),
        "past" if cx.at(i.wrapping_sub(1)) == "the" => (-1, i),
        "next" | "coming" | "upcoming" | "following" => (1, i),
        // "earlier this week": TimeBank marks "this week".
        "earlier" | "later" if cx.at(i + 1) == "this" => (0, i + 1),
        _ => return None,
    };
    let j = if matches!(w, "earlier" | "later") || this_past {
        i + 2
    } else {
        i + 1
    };
    let next = cx.at(j);
    // "the following year", "the next day" count from the story's date, "next
    // year" from the DCT.
    // In a history, "this day", "this year" outside quotation are the story's
    // ("Another major event of this year was ..."); a quoted speaker's "this
    // year" is still the writer's day, for want of the speaker's.
    let quoted = || {
        cx.words
            .get(..i)
            .is_some_and(|before| before.iter().filter(|w| is_quote_mark(w)).count() % 2 == 1)
    };
    // (Not when the story has come within two years of the writer's day, and
    // not "to this day", which is the writer's.)
    let story_is_past = || match (cx.dct, cx.now) {
        (Some(story), Some(now)) => now.days() - story.days() > 730,
        _ => false,
    };
    // ("continue to this day.", "To this day, ..."; not "referred to this day as")
    let to_this_day = w == "this"
        && cx.at(i.wrapping_sub(1)) == "to"
        && cx.at(i + 1) == "day"
        && (is_punctuation_word(cx.at(i + 2)) || i == 1);
    if to_this_day {
        return found(i, i + 2, "DATE", "PRESENT_REF".into());
    }
    let dct = if matches!(w, "following" | "previous")
        || (w == "next" && cx.at(i.wrapping_sub(1)) == "the")
        || (w == "this" && cx.narrative && story_is_past() && !quoted())
    {
        story_date(cx).or(cx.dct)
    } else {
        cx.now
    };
    if let Some(code) = PARTS_OF_DAY
        .iter()
        .find(|(p, _)| *p == next)
        .map(|(_, c)| *c)
    {
        // "this morning", "last night"
        if shift == 0 || (shift < 0 && code == "NI") {
            let d = dct.map_or("XXXX-XX-XX".to_string(), |d| d.add_days(shift).iso());
            return found(start, j + 1, "TIME", format!("{d}T{code}"));
        }
        // "the next morning", "the following evening": the story's next day, a DATE.
        if shift > 0 && !matches!(w, "coming" | "upcoming") && cx.at(i.wrapping_sub(1)) == "the" {
            let d = dct.map_or("XXXX-XX-XX".to_string(), |d| d.add_days(1).iso());
            return found(start, j + 1, "DATE", format!("{d}T{code}"));
        }
    }
    // "last December" (last year's), "next March", "this June"
    if let Some(m) = month(next).filter(|_| cx.capitalized(j) && (next.len() > 3 || next == "may"))
    {
        // "last Oct. 23"
        let day = day_of(cx.at(j + 1));
        // The month just gone is "last month": "last February" said in March is
        // the February of the year before.
        let just_gone = day.is_none() && dct.is_some_and(|d| m + 1 == d.month);
        let year = dct.map(|d| match shift {
            s if s < 0 => d.year - i32::from(m >= d.month || just_gone),
            s if s > 0 => d.year + i32::from(m <= d.month),
            _ => d.year,
        });
        let Some(day) = day else {
            let value = year.map_or(format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}"));
            return found(start, j + 1, "DATE", value);
        };
        // "last Feb. 29": the latest year that had one; "next Feb. 29" the next.
        let step = if shift < 0 { -1 } else { 1 };
        let year = year.map(|y| year_with_day(y, m, day, step));
        let value = match year {
            // A day the month never has ("last April 31") names only the month.
            Some(y) if day > calendar::days_in_month(y, m) => format!("{y:04}-{m:02}"),
            Some(y) => format!("{y:04}-{m:02}-{day:02}"),
            None => format!("XXXX-{m:02}-{day:02}"),
        };
        return found(start, j + 2, "DATE", value);
    }
    // "this past spring": the latest one
    if w == "this" && next == "past" {
        if let Some(code) = SEASONS
            .iter()
            .find(|(s, _)| *s == cx.at(j + 1))
            .map(|(_, c)| *c)
        {
            let month = match code {
                "SP" => 4,
                "SU" => 7,
                "FA" => 10,
                _ => 1,
            };
            let value = dct.map_or(format!("XXXX-{code}"), |d| {
                format!("{:04}-{code}", d.year - i32::from(month >= d.month))
            });
            return found(start, j + 2, "DATE", value);
        }
    }
    if let Some(code) = SEASONS.iter().find(|(s, _)| *s == next).map(|(_, c)| *c) {
        let y = dct.map(|d| d.year + i32::try_from(shift).unwrap_or(0));
        return found(
            start,
            j + 1,
            "DATE",
            y.map_or(format!("XXXX-{code}"), |y| format!("{y:04}-{code}")),
        );
    }
    if next == "weekend" {
        let value = dct.map_or("XXXX-WXX-WE".into(), |d| {
            let (y, wk) = d.add_days(7 * shift).iso_week();
            format!("{y:04}-W{wk:02}-WE")
        });
        return found(start, j + 1, "DATE", value);
    }
    if let Some(d) = weekday_number(next)
        .or_else(|| lookup(&lexical::WEEKDAY_ABBREVIATIONS, next.trim_end_matches('.')))
    {
        // "last Tuesday": the latest Tuesday before the DCT; "next Tuesday", "this
        // coming Tuesday": the first one after it; "this Tuesday": the DCT's week.
        let value = dct.map_or(format!("XXXX-WXX-{d}"), |dct| {
            let diff = i64::from(d) - i64::from(dct.weekday());
            let offset = match shift {
                s if s < 0 => diff - if diff >= 0 { 7 } else { 0 },
                s if s > 0 => diff + if diff <= 0 { 7 } else { 0 },
                _ => diff,
            };
            dct.add_days(offset).iso()
        });
        return found(start, j + 1, "DATE", value);
    }
    // "the past three years", "the next two weeks", "the last 24 hours": durations
    if matches!(
        w,
        "past" | "last" | "next" | "coming" | "upcoming" | "previous" | "following"
    ) {
        if let Some((n, after)) = number(cx.words, j) {
            if let Some(u) = unit(cx.at(after)) {
                return found(start, after + 1, "DURATION", duration(Some(n), u));
            }
        }
        if matches!(next, "few" | "several") {
            if let Some(u) = unit(cx.at(j + 1)) {
                return found(start, j + 2, "DURATION", duration(None, u));
            }
        }
    }
    let u = unit(next)?;
    // "This Week" (the television programme), "Next Year": a title-cased unit is
    // a name.
    let title = cx.original.get(j).is_some_and(|o| {
        o.chars().next().is_some_and(char::is_uppercase) && o.chars().any(char::is_lowercase)
    });
    if title {
        return None;
    }
    if next.ends_with('s') {
        // "the coming weeks", "the past months"
        return found(start, j + 1, "DURATION", duration(None, u));
    }
    // "the past decade": TimeBank counts the years.
    if w == "past" && matches!(u, Unit::Decade | Unit::Century) {
        let years = if u == Unit::Decade { 10 } else { 100 };
        return found(start, j + 1, "DURATION", format!("P{years}Y"));
    }
    let Some(d) = dct else {
        return found(
            start,
            j + 1,
            "DATE",
            match shift {
                0 => "PRESENT_REF",
                s if s < 0 => "PAST_REF",
                _ => "FUTURE_REF",
            }
            .into(),
        );
    };
    let value = match u {
        Unit::Day => d.add_days(shift).iso(),
        Unit::Week => {
            let (y, wk) = d.add_days(7 * shift).iso_week();
            // "next week's election" in the week of the U.S. Election Day: that
            // day.
            let election = HolidayRule::Election
                .on(y)
                .filter(|e| e.iso_week() == (y, wk))
                .filter(|_| {
                    matches!(cx.at(j + 1), "'s" | "’s")
                        && matches!(cx.at(j + 2), "election" | "elections")
                });
            match election {
                Some(e) => e.iso(),
                None => format!("{y:04}-W{wk:02}"),
            }
        }
        Unit::Month => {
            let m = d.add_months(i32::try_from(shift).unwrap_or(0));
            format!("{:04}-{:02}", m.year, m.month)
        }
        // "this quarter's loss" in an earnings report: the quarter reported.
        Unit::Quarter
            if shift == 0
                && w == "this"
                && matches!(cx.at(j + 1), "'s" | "’s")
                && cx.quarter.is_some() =>
        {
            let (y, q) = current_quarter(cx)?;
            format!("{y:04}-Q{q}")
        }
        Unit::Quarter => {
            let q0 = (d.month - 1) / 3;
            let total = d.year * 4 + q0 as i32 + i32::try_from(shift).unwrap_or(0);
            format!("{:04}-Q{}", total.div_euclid(4), total.rem_euclid(4) + 1)
        }
        Unit::Year => match reported_quarter(cx, i).filter(|_| {
            let before = cx.at(i.wrapping_sub(1));
            let sum = |w: &str| w.starts_with('$') || w.bytes().any(|b| b.is_ascii_digit());
            shift < 0
                && (matches!(before, "million" | "billion")
                    || sum(before)
                    || (matches!(cx.at(j + 1), "'s" | "’s") && sum(cx.at(j + 2))))
        }) {
            // "compared with $3 million last year", "up from last year's $1.55
            // billion" in an earnings report
            Some((y, q)) => format!("{:04}-Q{q}", y - 1),
            None => format!("{:04}", d.year + i32::try_from(shift).unwrap_or(0)),
        },
        Unit::Decade => era_span(d.year, 10, i32::try_from(shift).unwrap_or(0), 3),
        Unit::Century => era_span(d.year, 100, i32::try_from(shift).unwrap_or(0), 2),
        _ => return None,
    };
    found(start, j + 1, "DATE", value)
}

/// The decade or century (`size` 10 or 100) `shift` away from the one holding
/// the astronomical `year` (0 is 1 BC), written in `digits` digits: "198",
/// "19", and before Christ "BC048" (the 480s BC), "BC04" (the 400s BC). "The
/// previous century" of 478 BC is the 500s BC, "BC05".
fn era_span(year: i32, size: i32, shift: i32, digits: usize) -> String {
    // One axis for both eras: AD spans count up from 0, BC ones down from -1.
    let at = if year >= 1 {
        year / size
    } else {
        -((1 - year) / size) - 1
    };
    let n = at + shift;
    if n >= 0 {
        format!("{n:0digits$}")
    } else {
        format!("BC{:0digits$}", -n - 1)
    }
}

/// "Saturday", "on Monday morning": the nearest such day, backward in past-tense
/// sentences and forward in future ones.
fn weekday(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Full names are days however written (tweets write "friday"); short ones
    // ("Sat", "Wed", but also "Sun" the company) only after "this", "on", "next"...
    // or before a time ("Sat 7pm").
    let day = weekday_number(w).or_else(|| {
        let short = lookup(&lexical::WEEKDAY_ABBREVIATIONS, w.trim_end_matches('.'))?;
        (matches!(
            cx.at(i.wrapping_sub(1)),
            "this" | "on" | "next" | "last" | "by" | "until" | "til"
        ) || cx
            .at(i + 1)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit()))
        .then_some(short)
    })?;
    // "Tuesday nights", "on Monday and Tuesday nights": every such night, a SET.
    let every_part = |k: usize| {
        let w = cx.at(k);
        w.ends_with('s').then(|| part_of_day_code(w)).flatten()
    };
    if let Some(code) = every_part(i + 1) {
        return found(i, i + 2, "SET", format!("XXXX-WXX-{day}T{code}"));
    }
    if matches!(cx.at(i + 1), "and" | "or") && weekday_number(cx.at(i + 2)).is_some() {
        if let Some(code) = every_part(i + 3) {
            return found(i, i + 1, "SET", format!("XXXX-WXX-{day}T{code}"));
        }
    }
    // "Monday, Oct. 26": the date says which Monday; so does "Sunday dawn of 25
    // June 1950".
    let next = if cx.at(i + 1) == "," { i + 2 } else { i + 1 };
    if let Some(mut f) = absolute(cx, next).filter(|f| f.value.len() == 10) {
        f.start = i;
        return Some(f);
    }
    let part_of = (part_of_day_code(cx.at(i + 1)).is_some()
        || matches!(cx.at(i + 1), "dawn" | "dusk" | "noon" | "midnight"))
        && cx.at(i + 2) == "of";
    if part_of {
        if let Some(f) = absolute(cx, i + 3).filter(|f| f.value.len() == 10) {
            return found(i, i + 1, "DATE", f.value);
        }
    }
    // "Wednesday's ruling" has happened, unless it is still to come: "ahead of
    // Thursday's meeting", "Thursday's scheduled vote", "Tuesday's vote will
    // decide". (Not "would look for ways around Wednesday's ruling": that plan
    // is not the ruling's.)
    let tense = if matches!(cx.at(i + 1), "'s" | "’s") {
        match cue_at(cx, i) {
            Some((Tense::Future, j))
                if j > i
                    || matches!(
                        cx.at(j),
                        "ahead" | "before" | "upcoming" | "scheduled" | "planned" | "expected"
                    ) =>
            {
                Tense::Future
            }
            _ => Tense::Past,
        }
    } else {
        local_tense(cx, i)
    };
    let value = cx.now.map_or(format!("XXXX-WXX-{day}"), |dct| {
        let diff = i64::from(day) - i64::from(dct.weekday());
        let offset = match tense {
            Tense::Past if diff > 0 => diff - 7,
            Tense::Future if diff < 0 => diff + 7,
            _ => diff,
        };
        dct.add_days(offset).iso()
    });
    // "Friday night", "Friday morning": TimeML (TimeBank) mostly marks the day, a
    // DATE; "Friday evening", "Friday afternoon" it gives the part (1989-10-27TEV,
    // and undated XXXX-WXX-5TAF).
    if let Some((p, code)) = PARTS_OF_DAY.iter().find(|(p, _)| *p == cx.at(i + 1)) {
        if matches!(*p, "evening" | "afternoon") {
            return found(i, i + 2, "DATE", format!("{value}T{code}"));
        }
        return found(i, i + 2, "DATE", value);
    }
    found(i, i + 1, "DATE", value)
}

/// The year of quarter `n` named without one: the DCT's year, or the year before
/// when, in a past-tense sentence, the quarter lies more than one ahead of the DCT's
/// ("fourth-quarter results" in January are last year's).
fn quarter_year(cx: &Context, n: u32, i: usize) -> Option<i32> {
    let dct = cx.dct?;
    if let Some((y, _)) = cx.quarter.filter(|(_, q)| *q == n) {
        return Some(y);
    }
    let current = (dct.month - 1) / 3 + 1;
    Some(if n > current + 1 && local_tense(cx, i) == Tense::Past {
        dct.year - 1
    } else {
        dct.year
    })
}

/// The quarter under discussion: the one the document last named, else the last
/// one to have ended before the DCT.
fn current_quarter(cx: &Context) -> Option<(i32, u32)> {
    cx.quarter.or_else(|| {
        let d = cx.dct?;
        let q0 = (d.month - 1) / 3;
        Some(if q0 == 0 {
            (d.year - 1, 4)
        } else {
            (d.year, q0)
        })
    })
}

fn quarter_value(year: Option<i32>, kind: &str, n: Option<u32>) -> String {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    year.map_or(format!("XXXX-{kind}{n}"), |y| format!("{y:04}-{kind}{n}"))
}

/// "the third quarter [of 1997]", "third-quarter", "the first half", "the quarter",
/// "the latest quarter", "the year-earlier quarter", "the year-ago period",
/// "the 1988 third quarter", "the fiscal first quarter".
fn quarter(cx: &Context, i: usize) -> Option<Found> {
    // Modifiers: a shift to the year before, an explicit year, or neutral words.
    let mut j = i;
    let mut shift = 0;
    let mut year = None;
    let mut modified = false;
    // "the latest period": the last one reported, whether or not one was named.
    let latest = cx.at(i) == "latest" && cx.at(i + 1) == "period";
    while j < i + 3 {
        let m = cx.at(j);
        if matches!(
            m,
            "year-ago" | "year-earlier" | "year-before" | "prior-year"
        ) {
            shift = -1;
        } else if let Some(y) = year_of(m).filter(|_| !cx.at(j + 1).is_empty()) {
            year = Some(y);
        } else if !matches!(
            m,
            "latest" | "recent" | "comparable" | "corresponding" | "fiscal" | "same"
        ) {
            break;
        }
        modified = true;
        j += 1;
    }
    let w = cx.at(j);
    let hyphenated = hyphenated_quarter(w);
    // "the fiscal-first quarter"
    let fiscal = w
        .strip_prefix("fiscal-")
        .and_then(small_ordinal)
        .filter(|_| cx.at(j + 1) == "quarter");
    // "Q3", "3Q 2025", "1H26", "Q2 FY26": the abbreviations of business news.
    if let Some((kind, n, glued)) = abbreviated_quarter(w) {
        let (year, end) = match glued {
            Some(yy) => (Some(yy), j + 1),
            None => match (year_of(cx.at(j + 1)), fiscal_year_written(cx, j + 1)) {
                (Some(y), _) => (Some(y), j + 2),
                (None, Some((y, end))) => (Some(y), end),
                (None, None) => match (cx.at(j + 1), year_of(cx.at(j + 2))) {
                    ("of", Some(y)) => (Some(y), j + 3),
                    _ => (year, j + 1),
                },
            },
        };
        let year = year.map(|y| full_year(cx, y));
        let year = match kind {
            "Q" => year.or_else(|| quarter_year(cx, n, i)),
            // "H1" alone is too often something else (a visa, a heading).
            _ => Some(year?),
        };
        return found(
            i,
            end,
            "DATE",
            quarter_value(year.map(|y| y + shift), kind, Some(n)),
        );
    }
    let (kind, n, end) = if let Some(n) = hyphenated {
        ("Q", Some(n), j + 1)
    } else if let Some(n) = fiscal {
        ("Q", Some(n), j + 2)
    } else if let Some(n) = small_ordinal(w).or((w == "last").then_some(2)) {
        match cx.at(j + 1) {
            "quarter" => ("Q", Some(n), j + 2),
            "half" if n <= 2 => ("H", Some(n), j + 2),
            _ => return None,
        }
    } else if (w == "quarter" && (modified || cx.at(i.wrapping_sub(1)) == "the"))
        || (w == "period"
            && modified
            && (shift != 0 || year.is_some() || cx.quarter.is_some() || latest))
    {
        ("Q", None, j + 1)
    } else {
        return None;
    };
    // "the corresponding period last year", "the quarter a year ago"
    if n.is_none()
        && matches!(
            (cx.at(end), cx.at(end + 1), cx.at(end + 2)),
            ("last", "year", _) | ("a", "year", "ago" | "earlier")
        )
    {
        shift = -1;
    }
    // "the last half of the '80s": a part of a decade has no value of its own.
    if let (("H", Some(n)), "of") = ((kind, n), cx.at(end)) {
        let at = if cx.at(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        if let Some(mut f) = decade(cx, at) {
            f.start = i;
            f.modifier = Some(if n == 1 { "START" } else { "END" });
            return Some(f);
        }
    }
    // "... of 1997"
    let (year, end) = match (cx.at(end), year_of(cx.at(end + 1))) {
        ("of", Some(y)) => (Some(y), end + 2),
        _ => (year, end),
    };
    let (year, n) = match n {
        Some(n) if kind == "Q" => (year.or_else(|| quarter_year(cx, n, i)), Some(n)),
        Some(n) => (year.or(cx.dct.map(|d| d.year)), Some(n)),
        // A fiscal quarter already named keeps its number ("the fiscal first
        // quarter ... for the quarter ended Sept. 30").
        None => match cx
            .quarter
            .or_else(|| ended_quarter(cx, end))
            .or_else(|| current_quarter(cx))
        {
            Some((y, q)) => (Some(year.unwrap_or(y)), Some(q)),
            None => (year, None),
        },
    };
    found(
        i,
        end,
        "DATE",
        quarter_value(year.map(|y| y + shift), kind, n),
    )
}

/// "the quarter ended July 31": the three months to that day, named by the
/// calendar quarter holding most of them (May to July is the second), when no
/// quarter has been named before.
fn ended_quarter(cx: &Context, at: usize) -> Option<(i32, u32)> {
    if !matches!(cx.at(at), "ended" | "ending") {
        return None;
    }
    let m = month(cx.at(at + 1).trim_end_matches('.'))?;
    let day: u32 = cx
        .at(at + 2)
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    let dct = cx.dct?;
    let year = if cx.at(at) == "ended" && (m, day) > (dct.month, dct.day) {
        dct.year - 1
    } else {
        dct.year
    };
    // The middle month of the three.
    let (year, middle) = if m == 1 {
        (year - 1, 12)
    } else {
        (year, m - 1)
    };
    Some((year, (middle - 1) / 3 + 1))
}

/// The quarter a sentence of an earnings report speaks of: one that gives figures
/// per share or names a quarter or period, or, once the document has named a
/// quarter, gives any sum or percentage ("Revenue declined 8% to $85.7 million,
/// from $93.3 million a year earlier"). That quarter, else the last one to have
/// ended.
fn reported_quarter(cx: &Context, i: usize) -> Option<(i32, u32)> {
    let figures = cx
        .words
        .iter()
        .any(|w| matches!(*w, "share" | "quarter" | "period") || w.ends_with("-quarter"))
        || (cx.quarter.is_some()
            && cx
                .words
                .iter()
                .any(|w| matches!(*w, "million" | "billion" | "%" | "percent")));
    if !figures || over_months(cx) {
        return None;
    }
    quarter_named_before(cx, i).or_else(|| current_quarter(cx))
}

/// The quarter the sentence itself names before `i` ("America West reported
/// third-quarter profit of $5.8 million, up from $4 million a year earlier"): it
/// overrides the one under discussion so far.
fn quarter_named_before(cx: &Context, i: usize) -> Option<(i32, u32)> {
    (0..i.min(cx.words.len())).rev().find_map(|k| {
        let w = cx.at(k);
        let n = hyphenated_quarter(w).or_else(|| {
            (cx.at(k + 1) == "quarter")
                .then(|| small_ordinal(w))
                .flatten()
        })?;
        Some((quarter_year(cx, n, k)?, n))
    })
}

/// "third-quarter" (results), "fiscal-first-quarter": the quarter's number.
fn hyphenated_quarter(w: &str) -> Option<u32> {
    let ordinal = w.trim_start_matches("fiscal-").strip_suffix("-quarter")?;
    small_ordinal(ordinal)
}

/// "In the first nine months, net was $306 million, compared with a loss in the
/// 1988 period": a comparison over more than a quarter is of the year.
fn over_months(cx: &Context) -> bool {
    cx.words.windows(2).any(|p| {
        matches!(p, [n, "months"] if *n != "three") || matches!(p, [_, "nine-month" | "half"])
    })
}

/// "q3", "3q", "h1", "1h", and with a year glued on ("3q25", "1h2026"): the
/// kind ("Q" or "H"), the number, and the year as written (25 or 2026).
fn abbreviated_quarter(w: &str) -> Option<(&'static str, u32, Option<i32>)> {
    let b = w.as_bytes();
    let (kind, digit) = match (b.first()?, b.get(1)?) {
        (b'q', d @ b'1'..=b'4') | (d @ b'1'..=b'4', b'q') => ("Q", *d),
        (b'h', d @ b'1'..=b'2') | (d @ b'1'..=b'2', b'h') => ("H", *d),
        _ => return None,
    };
    let rest = w.get(2..)?;
    let glued = match rest.len() {
        0 => None,
        2 | 4 if rest.bytes().all(|b| b.is_ascii_digit()) => Some(rest.parse().ok()?),
        _ => return None,
    };
    Some((kind, u32::from(digit - b'0'), glued))
}

/// "FY2027", "FY27", "FY 2027", "fiscal 2027" at `i`: the year as written and
/// where it ends.
fn fiscal_year_written(cx: &Context, i: usize) -> Option<(i32, usize)> {
    let w = cx.at(i);
    let digits = |s: &str| {
        (matches!(s.len(), 2 | 4) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(y) = w.strip_prefix("fy").and_then(digits) {
        return Some((y, i + 1));
    }
    if matches!(w, "fy" | "fiscal") {
        return digits(cx.at(i + 1).trim_end_matches(['.', ','])).map(|y| (y, i + 2));
    }
    None
}

/// A year written with two digits ("FY27", "3Q25") in the century that puts it
/// nearest the writer's day (2000s without one).
fn full_year(cx: &Context, y: i32) -> i32 {
    if y >= 100 {
        return y;
    }
    let now = cx.now.or(cx.dct).map_or(2000, |d| d.year);
    let base = now - now.rem_euclid(100) + y;
    [base - 100, base, base + 100]
        .into_iter()
        .filter(|c| (0..=9999).contains(c))
        .min_by_key(|c| (c - now).abs())
        .unwrap_or(base)
}

/// "the week of March 6": the ISO week that holds the day.
fn week_of_date(cx: &Context, i: usize) -> Option<Found> {
    if cx.at(i) != "week" || cx.at(i + 1) != "of" {
        return None;
    }
    let day = absolute(cx, i + 2).filter(|f| f.value.len() == 10)?;
    let (y, m, d) = super::parse_iso_date(&day.value)?;
    let (year, week) = Date::new(y, m, d)?.iso_week();
    found(i, day.end, "DATE", format!("{year:04}-W{week:02}"))
}

/// "FY2027", "FY 27": the fiscal year, named by the calendar year it ends in.
fn fy(cx: &Context, i: usize) -> Option<Found> {
    if !cx.at(i).starts_with("fy") {
        return None;
    }
    let (y, end) = fiscal_year_written(cx, i)?;
    found(i, end, "DATE", format!("{:04}", full_year(cx, y)))
}

/// "the year ended Sept. 30", "the fiscal year": an accounting year, which
/// TimeBank marks as a one-year duration.
fn fiscal_year(cx: &Context, i: usize) -> Option<Found> {
    let fiscal = cx.at(i) == "fiscal";
    let year = if fiscal { i + 1 } else { i };
    if cx.at(year) != "year" || !(fiscal || cx.at(i.wrapping_sub(1)) == "the") {
        return None;
    }
    // "the current fiscal year" is this one, "the latest fiscal year" the last.
    if let (true, Some(d)) = (fiscal, cx.now) {
        match cx.at(i.wrapping_sub(1)) {
            "current" => return found(i - 1, year + 1, "DATE", format!("{:04}", d.year)),
            "latest" => return found(i - 1, year + 1, "DATE", format!("{:04}", d.year - 1)),
            _ => {}
        }
    }
    let ended = matches!(cx.at(year + 1), "ended" | "ending");
    if !(ended || fiscal && cx.at(i.wrapping_sub(1)) == "the") {
        return None;
    }
    found(i, year + 1, "DURATION", "P1Y".into())
}

/// How a holiday falls in a year.
#[derive(Clone, Copy)]
enum HolidayRule {
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
    fn on(self, y: i32) -> Option<Date> {
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

const THANKSGIVING: HolidayRule = HolidayRule::Nth {
    month: 11,
    weekday: 4,
    n: 4,
    offset: 0,
};

/// Named days, as lower-cased words ("'s" split off as the tokenizer does), and
/// how each falls. U.S. days where countries differ ("Labor Day", "Memorial
/// Day"); none whose date moves with a lunar calendar.
const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
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
fn holiday(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // Most words leave at once.
    static FIRST_WORDS: LazyLock<std::collections::HashSet<&str>> = LazyLock::new(|| {
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

/// The last date the text named, as a day (a year stands for its middle, a month
/// for its 15th).
fn story_date(cx: &Context) -> Option<Date> {
    let v = cx.story?;
    let (y, m, d) = super::parse_iso_date(v.get(..10).unwrap_or(v))?;
    Date::new(y, if m == 0 { 7 } else { m }, if d == 0 { 15 } else { d })
}

/// "of that year", "of the same year" at `i`: the story's year and where it ends.
fn story_year(cx: &Context, i: usize) -> Option<(i32, usize)> {
    if cx.at(i) != "of" {
        return None;
    }
    let f = anaphoric(cx, i + 1).filter(|f| f.value.len() == 4)?;
    Some((f.value.parse().ok()?, f.end))
}

/// "that year", "the same day", "later that month", "earlier that day": the last
/// date the text named, at that grain (nothing when it was named less precisely).
fn anaphoric(cx: &Context, i: usize) -> Option<Found> {
    // "the onslaught on the 20th", "from the 13th to the 19th of October": a day
    // of the month last named.
    // ("It was the 2nd of December": with its month, after any word.)
    let of_month =
        || cx.at(i + 2) == "of" && month(cx.at(i + 3)).is_some_and(|_| cx.capitalized(i + 3));
    if cx.at(i) == "the"
        && (matches!(
            cx.at(i.wrapping_sub(1)),
            "on" | "from" | "by" | "until" | "till" | "since" | "to"
        ) || of_month())
        && (!cx.at(i + 2).starts_with(|c: char| c.is_alphanumeric())
            || matches!(cx.at(i + 2), "to" | "and" | "or" | "of" | "was" | "were" | "when"))
        // "from the 18th to the 20th century" counts centuries.
        && !(i + 2..i + 7).any(|k| matches!(cx.at(k), "century" | "centuries"))
    {
        let d = day_of(cx.at(i + 1)).filter(|_| {
            let w = cx.at(i + 1);
            w.len() <= 4 && w.ends_with(|c: char| c.is_ascii_alphabetic())
        })?;
        // "the 19th of October 1950"; "the 13th to the 19th of October": the
        // month written after it.
        let written = (i + 2..i + 9).find(|&k| cx.at(k) == "of" && month(cx.at(k + 1)).is_some());
        if let Some(k) = written {
            let m = month(cx.at(k + 1))?;
            let year = year_of(cx.at(k + 2));
            let y = year.or_else(|| resolve_month_year(cx, m, i))?;
            let end = match (k == i + 2, year.is_some()) {
                (true, true) => k + 3,
                (true, false) => k + 2,
                (false, _) => i + 2,
            };
            return found(i, end, "DATE", Date::new(y, m, d)?.iso());
        }
        let (y, m, _) = super::date_parts(cx.story?).filter(|(_, m, _)| *m > 0)?;
        return found(i, i + 2, "DATE", Date::new(y, m, d)?.iso());
    }
    let mut j = i;
    if matches!(cx.at(j), "earlier" | "later") {
        j += 1;
    }
    match (cx.at(j), cx.at(j + 1)) {
        ("that", "same") | ("the", "same") => j += 2,
        ("that", _) => j += 1,
        _ => return None,
    }
    let u = unit(cx.at(j)).filter(|_| !cx.at(j).ends_with('s'))?;
    let (y, m, d) = super::date_parts(cx.story?)?;
    let value = match u {
        Unit::Year => format!("{y:04}"),
        Unit::Month if m > 0 => format!("{y:04}-{m:02}"),
        Unit::Day if m > 0 && d > 0 => Date::new(y, m, d)?.iso(),
        _ => return None,
    };
    found(i, j + 1, "DATE", value)
}

/// "for weeks", "within days", "in years": a duration of unknown length.
fn bare_units(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "over the years", "in the years that followed": an unspecified stretch.
    if matches!(w, "years" | "decades") && cx.at(i.wrapping_sub(1)) == "the" {
        let before = cx.at(i.wrapping_sub(2));
        let next = cx.at(i + 1);
        if matches!(before, "over" | "through" | "throughout" | "across")
            || (before == "in" && matches!(next, "that" | "since"))
        {
            // Not "over the years 1751-1777", "the years of the war".
            if next == "of" || next.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                return None;
            }
            return found(i, i + 1, "DURATION", duration(None, unit(w)?));
        }
    }
    // "the first hours of the war", "the early years", "the final years of":
    // an unspecified stretch (not "the early hours of", the small hours).
    if w.ends_with('s')
        && matches!(
            cx.at(i.wrapping_sub(1)),
            "first" | "final" | "early" | "opening" | "closing"
        )
        && cx.at(i.wrapping_sub(2)) == "the"
        && !(w == "hours" && cx.at(i.wrapping_sub(1)) == "early")
    {
        let u = unit(w)?;
        return found(i - 2, i + 1, "DURATION", duration(None, u));
    }
    if !w.ends_with('s') || !matches!(cx.at(i.wrapping_sub(1)), "for" | "within" | "in") {
        return None;
    }
    let u = unit(w).filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))?;
    found(i, i + 1, "DURATION", duration(None, u))
}

/// "year-end", "year end", "year's end", "(for|of) the [full] year": the DCT's year
/// (the year before, "since year-end"); "month's end", "month-end": its month.
fn year_end(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "at month's end", "month-end figures": the month of the reference date.
    let month_end = match w {
        "month-end" => Some(i + 1),
        "month's" if cx.at(i + 1) == "end" => Some(i + 2),
        "month" if matches!(cx.at(i + 1), "'s" | "’s") && cx.at(i + 2) == "end" => Some(i + 3),
        _ => None,
    };
    if let Some(end) = month_end {
        let d = cx.dct?;
        return found(i, end, "DATE", format!("{:04}-{:02}", d.year, d.month));
    }
    let end = match w {
        "year-end" => i + 1,
        "year" | "year's" if cx.at(i + 1) == "end" => i + 2,
        "year" if matches!(cx.at(i + 1), "'s" | "’s") && cx.at(i + 2) == "end" => i + 3,
        // "for the year,", "earlier in the year"
        "year"
            if cx.at(i.wrapping_sub(1)) == "the"
                && matches!(cx.at(i.wrapping_sub(2)), "for" | "of" | "through" | "in")
                && matches!(cx.at(i + 1), "," | "." | ";" | "" | "by" | "to" | "and") =>
        {
            i + 1
        }
        "full" if cx.at(i + 1) == "year" && cx.at(i.wrapping_sub(1)) == "the" => i + 2,
        _ => return None,
    };
    let now = cx.dct?;
    let year = now.year - i32::from(cx.at(i.wrapping_sub(1)) == "since");
    if w == "year-end" {
        return found(i, end, "DATE", format!("{year:04}-12-31"));
    }
    found(i, end, "DATE", format!("{year:04}"))
}

/// "(the end of) the month", "(the start of) the week": the month or week of the
/// reference date (the story's, in a history).
fn the_month_or_week(cx: &Context, i: usize) -> Option<Found> {
    let d = cx.dct?;
    let value = match cx.at(i) {
        "month" => format!("{:04}-{:02}", d.year, d.month),
        "week" => {
            let (y, wk) = d.iso_week();
            format!("{y:04}-W{wk:02}")
        }
        _ => return None,
    };
    found(i, i + 1, "DATE", value)
}

/// "the last week of August", "the first week of March 1917": that ISO week,
/// the one holding the month's fourth-last or fourth day.
fn week_of_month(cx: &Context, i: usize) -> Option<Found> {
    let first = match cx.at(i) {
        "first" => true,
        "last" | "final" => false,
        _ => return None,
    };
    if cx.at(i.wrapping_sub(1)) != "the" || cx.at(i + 1) != "week" || cx.at(i + 2) != "of" {
        return None;
    }
    let month = absolute(cx, i + 3).filter(|f| f.value.len() == 7 && f.value_end.is_none())?;
    let (y, m, _) = super::parse_iso_date(&month.value)?;
    let day = if first {
        Date::new(y, m, 4)?
    } else {
        Date::new(y, m, super::calendar::days_in_month(y, m))?.add_days(-3)
    };
    let (wy, wk) = day.iso_week();
    // TimeML marks "the last week" and "August" each on its own.
    found(i - 1, i + 2, "DATE", format!("{wy:04}-W{wk:02}"))
}

/// Easter Sunday of a year (Gregorian; the anonymous algorithm).
fn easter_sunday(y: i32) -> Option<Date> {
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

/// "It's the second day of an offensive", "today is the eighth day of Desert
/// Shield": the day written on, counted within something else.
fn nth_day_today(cx: &Context, i: usize) -> Option<Found> {
    if cx.at(i) != "the" || cx.at(i + 2) != "day" || cx.at(i + 3) != "of" {
        return None;
    }
    let nth = matches!(
        cx.at(i + 1),
        "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
    ) || ["nd", "rd", "th"].iter().any(|end| {
        cx.at(i + 1)
            .strip_suffix(end)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let today = matches!(
        (cx.at(i.wrapping_sub(2)), cx.at(i.wrapping_sub(1))),
        (_, "it's" | "it’s") | ("it" | "today" | "this", "is" | "'s" | "’s")
    );
    if !nth || !today {
        return None;
    }
    found(i, i + 3, "DATE", cx.now?.iso())
}

/// "year-earlier" and "year-ago" alone ("year-earlier profit"): the quarter under
/// discussion a year before, else last year.
fn year_earlier(cx: &Context, i: usize) -> Option<Found> {
    if !matches!(cx.at(i), "year-earlier" | "year-ago") {
        return None;
    }
    let quarter = reported_quarter(cx, i).or(cx.quarter.filter(|_| !over_months(cx)));
    let value = match (quarter, cx.dct) {
        (Some((y, q)), _) => format!("{:04}-Q{q}", y - 1),
        (None, Some(d)) => format!("{:04}", d.year - 1),
        (None, None) => "PAST_REF".into(),
    };
    found(i, i + 1, "DATE", value)
}

/// "three years" (DURATION), "three years ago" (DATE), "a day earlier" (DATE),
/// "five-year" (DURATION), "24 hours".
fn numbered(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "five-year", "10-day", "day-long", "decades-long" (not "three-quarters of";
    // not ages, "a 6-year-old boy", which TimeBank leaves out)
    let compound = if w.ends_with("-long") {
        w.strip_suffix("-long").unwrap_or(w)
    } else {
        w
    };
    if let Some((a, b)) = compound.split_once('-') {
        if let (Some(u), Some((n, _)), false) = (unit(b), number(&[a], 0), cx.at(i + 1) == "of") {
            return found(i, i + 1, "DURATION", duration(Some(n), u));
        }
        // "a several-year tenure", "multi-year contracts"
        if let (Some(u), true) = (unit(b), matches!(a, "several" | "multi" | "many")) {
            return found(i, i + 1, "DURATION", duration(None, u));
        }
    } else if compound != w {
        if let Some(u) = unit(compound) {
            let n = (!compound.ends_with('s')).then_some(1);
            return found(i, i + 1, "DURATION", duration(n, u));
        }
    }
    let glued = glued_count(w);
    // "2.5 hrs": the whole count, the half is read below.
    let and_half = w
        .strip_suffix(".5")
        .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|k| k.parse::<u32>().ok());
    let (n, after) = if let Some((n, _)) = glued {
        (Some(n), i)
    } else if and_half.is_some()
        || (VAGUE_NUMBERS.contains(&w) && matches!(w, "several" | "few" | "many" | "some"))
    {
        (None, i + 1)
    } else if w == "a" && cx.at(i + 1) == "few" {
        (None, i + 2)
    } else {
        let (n, after) = number(cx.words, i)?;
        (Some(n), after)
    };
    // "two more weeks", "an additional year", "eight trading days"
    let after = if matches!(
        cx.at(after),
        "more" | "additional" | "further" | "trading" | "business" | "working"
    ) && unit(cx.at(after + 1)).is_some()
    {
        after + 1
    } else {
        after
    };
    // "5 1/2 hours", "2 1/2 years", "two and a half years", "a minute and a
    // half": the half in the next smaller unit.
    let and_a_half = |k: usize| {
        cx.at(k) == "and" && matches!(cx.at(k + 1), "a" | "one") && cx.at(k + 2) == "half"
    };
    let half = match (n, cx.at(after)) {
        (Some(n), "1/2") => Some((n, after + 1, after + 2)),
        // "2.5 hrs"
        (None, _) if and_half.is_some() => and_half.map(|n| (n, i + 1, i + 2)),
        (Some(n), _) if and_a_half(after) => Some((n, after + 3, after + 4)),
        (Some(n), _) if unit(cx.at(after)).is_some() && and_a_half(after + 1) => {
            Some((n, after, after + 4))
        }
        _ => None,
    };
    if let Some((n, at, end)) = half {
        let value = match (unit(cx.at(at))?, n) {
            // "0.5 hrs", "half a year" alone
            (Unit::Year, 0) => "P6M".to_string(),
            (Unit::Day, 0) => "PT12H".to_string(),
            (Unit::Hour, 0) => "PT30M".to_string(),
            (Unit::Minute, 0) => "PT30S".to_string(),
            (Unit::Year, _) => format!("P{n}Y6M"),
            (Unit::Day, _) => format!("P{n}DT12H"),
            (Unit::Hour, _) => format!("PT{n}H30M"),
            (Unit::Minute, _) => format!("PT{n}M30S"),
            _ => return None,
        };
        return found(i, end, "DURATION", value);
    }
    let u = match glued {
        Some((_, u)) => u,
        None => unit(cx.at(after))?,
    };
    if n.is_none() && !cx.at(after).ends_with('s') {
        return None;
    }
    // "a quarter of the market" is a share.
    if u == Unit::Quarter && cx.at(after + 1) == "of" {
        return None;
    }
    // Rates ("$2 million a year", "24 hours a day") and "a second attempt", but
    // not "$2 million a year earlier".
    let anchored = matches!(
        cx.at(after + 1),
        "ago" | "earlier" | "later" | "before" | "after" | "hence"
    ) || (cx.at(after + 1) == "from" && matches!(cx.at(after + 2), "now" | "today"));
    if matches!(w, "a" | "an") && !anchored {
        let before = cx.at(i.wrapping_sub(1));
        // "four flights a week", "700 seats a week", "24 hours a day": a count per
        // unit.
        let per = before.len() > 3
            && before.ends_with('s')
            && number(cx.words, i.wrapping_sub(2)).is_some_and(|(_, e)| e + 1 == i);
        if u == Unit::Second
            || per
            || before.bytes().any(|b| b.is_ascii_digit())
            || matches!(
                before,
                "million" | "billion" | "thousand" | "percent" | "times" | "once" | "twice"
            )
        {
            return None;
        }
    }
    let end = after + 1;
    let anchor_word = cx.at(end);
    // Ages: an attribute ("Mr. Reupke, 52 years old, will succeed") is left out
    // (TimeBank), a predicate ("all males who were 18 years old") is a length, the
    // whole phrase (WikiWars, tweets).
    if anchor_word == "old" {
        let copula = matches!(
            cx.at(i.wrapping_sub(1)),
            "is" | "was" | "are" | "were" | "'s" | "’s" | "be" | "been" | "being"
        );
        return copula.then(|| found(i, end + 1, "DURATION", duration(n, u)))?;
    }
    // "two weeks from now", "three days from today", "a year hence": forward
    // from the writer's day, as "ago" is back.
    let from_now = (anchor_word == "from" && matches!(cx.at(end + 1), "now" | "today"))
        || anchor_word == "hence";
    let anchor_end = if anchor_word == "from" {
        end + 2
    } else {
        end + 1
    };
    if (from_now
        || matches!(
            anchor_word,
            "ago" | "earlier" | "later" | "before" | "after"
        ))
        && !matches!(cx.at(end + 1), "than" | "that")
    {
        let sign: i64 = if matches!(anchor_word, "ago" | "earlier" | "before") {
            -1
        } else {
            1
        };
        // News (TimeML): "three days later" marks "three days", a duration.
        if !cx.narrative && matches!(anchor_word, "later" | "before" | "after") {
            return found(i, end, "DURATION", duration(n, u));
        }
        let reference = if anchor_word == "ago" || from_now {
            cx.now
        } else {
            cx.dct
        };
        // "a few years ago", "several days later": no count, so no date to
        // land on, only the direction (TimeML's PAST_REF / FUTURE_REF).
        let (Some(dct), Some(n)) = (reference, n) else {
            return found(
                i,
                anchor_end,
                "DATE",
                if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
            );
        };
        let k = i64::from(n) * sign;
        // In an earnings report "a year earlier" is the same quarter a year before.
        if let (Unit::Year, Some((y, q)), -1) = (u, reported_quarter(cx, i), k) {
            return found(i, anchor_end, "DATE", format!("{:04}-Q{q}", y - 1));
        }
        let value = match u {
            Unit::Day => dct.add_days(k).iso(),
            Unit::Week => {
                let (y, wk) = dct.add_days(7 * k).iso_week();
                format!("{y:04}-W{wk:02}")
            }
            Unit::Month => {
                let m = dct.add_months(i32::try_from(k).unwrap_or(0));
                format!("{:04}-{:02}", m.year, m.month)
            }
            Unit::Year => format!("{:04}", i64::from(dct.year) + k),
            Unit::Decade => format!("{:03}", (i64::from(dct.year) + 10 * k) / 10),
            _ => {
                return found(
                    i,
                    anchor_end,
                    "DATE",
                    if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                )
            }
        };
        return found(i, anchor_end, "DATE", value);
    }
    found(i, end, "DURATION", duration(n, u))
}

/// The day after a clock time ("9 a.m. [EST] Tuesday", "noon today"): its date
/// and where it ends.
fn clock_day(cx: &Context, at: usize) -> Option<(String, usize)> {
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
fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "est" | "edt" | "gmt" | "pst" | "pdt" | "cst" | "cdt" | "utc" | "local" | "bst" | "cet"
    )
}

/// "10:30 a.m.", "3 p.m.", "noon", "midday", "midnight", "9 a.m. Tuesday",
/// "11.30am", "1700 GMT".
fn clock(cx: &Context, i: usize) -> Option<Found> {
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
fn part_of_day(cx: &Context, i: usize) -> Option<Found> {
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
        Some(v) if v.len() >= 10 && super::parse_iso_date(v.get(..10)?)?.2 > 0 => {
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

/// "every day", "each week", "daily", "annually", "every Monday".
fn set(cx: &Context, i: usize) -> Option<Found> {
    let w = cx.at(i);
    // "annually" is left out: TimeML annotates it rarely.
    let simple = match w {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        _ => None,
    };
    // "the Communist Party daily Granma", "the business daily Nikkei": a
    // newspaper.
    let newspaper = cx.original.get(i) == Some(&"daily")
        && cx.capitalized(i + 1)
        && (cx.capitalized(i.wrapping_sub(1))
            || matches!(
                cx.at(i.wrapping_sub(1)),
                "the" | "a" | "business" | "financial"
            ));
    if let Some(v) = simple.filter(|_| !newspaper) {
        return found(i, i + 1, "SET", v.into());
    }
    // "on Mondays", "Tuesdays": every such day; "weekends" every weekend.
    if let Some(d) = w
        .strip_suffix('s')
        .filter(|w| w.ends_with("day"))
        .and_then(weekday_number)
    {
        return found(i, i + 1, "SET", format!("XXXX-WXX-{d}"));
    }
    if w == "weekends" {
        return found(i, i + 1, "SET", "XXXX-WXX-WE".into());
    }
    // "twice a week", "three times a day", "once per month": how often.
    // (A count is read only when "times" follows within three words.)
    let times_near = (i + 1..i + 4).any(|k| cx.at(k) == "times");
    let (count_end, times) = match w {
        "once" | "twice" | "thrice" => (i + 1, true),
        _ if times_near => match number(cx.words, i) {
            Some((_, after)) if cx.at(after) == "times" => (after + 1, true),
            _ => (i, false),
        },
        _ => (i, false),
    };
    if times && matches!(cx.at(count_end), "a" | "an" | "per" | "each" | "every") {
        if let Some(u) = unit(cx.at(count_end + 1)).filter(|_| !cx.at(count_end + 1).ends_with('s'))
        {
            return found(i, count_end + 2, "SET", duration(Some(1), u));
        }
    }
    if w == "per" && cx.at(i + 1) == "annum" {
        return found(i, i + 2, "SET", "P1Y".into());
    }
    if matches!(w, "every" | "each" | "per") {
        let next = cx.at(i + 1);
        // "every other week", "every two years"
        let (n, at) = match next {
            "other" => (Some(2), i + 2),
            _ => match number(cx.words, i + 1) {
                Some((n, after)) if w == "every" => (Some(n), after),
                _ => (None, i + 1),
            },
        };
        if let (Some(n), Some(u)) = (n, unit(cx.at(at))) {
            return found(i, at + 1, "SET", duration(Some(n), u));
        }
        if let Some(d) = weekday_number(next) {
            return found(i, i + 2, "SET", format!("XXXX-WXX-{d}"));
        }
        if let Some(m) = month(next).filter(|_| next.len() > 3) {
            return found(i, i + 2, "SET", format!("XXXX-{m:02}"));
        }
        if let Some(u) = unit(next) {
            return found(i, i + 2, "SET", duration(Some(1), u));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades_and_centuries_count_across_the_eras() {
        // 1850 is in the 1850s and the 1800s.
        assert_eq!(era_span(1850, 10, 0, 3), "185");
        assert_eq!(era_span(1850, 100, -1, 2), "17");
        // 478 BC (year -477) is in the 470s BC and the 400s BC.
        assert_eq!(era_span(-477, 10, 0, 3), "BC047");
        assert_eq!(era_span(-477, 10, 1, 3), "BC046");
        assert_eq!(era_span(-477, 100, -1, 2), "BC05");
        // 470 BC (year -469) is still in the 470s BC.
        assert_eq!(era_span(-469, 10, 0, 3), "BC047");
        // 51 BC: the 1st century BC; the next is the 1st AD.
        assert_eq!(era_span(-50, 100, 0, 2), "BC00");
        assert_eq!(era_span(-50, 100, 1, 2), "00");
    }

    /// Every word literal of this file is in `LITERAL_WORDS`: a matcher that
    /// starts comparing with a new word fails here until the list has it.
    #[test]
    fn literal_words_list_every_word_this_file_compares() {
        let source = include_str!("mod.rs");
        let code = source.split("#[cfg(test)]").next().unwrap_or(source);
        let mut missing = Vec::new();
        for line in code.lines() {
            let code = line.split("//").next().unwrap_or("");
            for (k, piece) in code.split('"').enumerate() {
                let word = k % 2 == 1
                    && !piece.is_empty()
                    && piece.bytes().all(|b| b.is_ascii_lowercase());
                if word && !LITERAL_WORDS.contains(&piece) {
                    missing.push(piece.to_string());
                }
            }
        }
        assert!(missing.is_empty(), "add to LITERAL_WORDS: {missing:?}");
    }

    #[test]
    fn only_named_words_and_other_shapes_can_begin_an_expression() {
        for word in [
            "the", "years", "dayss", "nights", "mondays", "1990s", "mid-1990", "oct.", "'90s",
            "café",
        ] {
            assert!(can_begin(word), "{word}");
        }
        for word in ["government", "protest", "minister", "markets"] {
            assert!(!can_begin(word), "{word}");
        }
    }
}
