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
use super::{
    anchor_of, bc_form, date_parts, deictic, is_day, is_real_day, parse_iso_date, shorthand,
    split_year,
};
use crate::ground::lexical;
use std::collections::HashMap;
use std::sync::LazyLock;

mod absolute;
mod anaphoric;
mod clock;
mod counts;
mod holidays;
mod literal_words;
mod passes;
mod quarters;
mod relative;
mod tense;
mod words;

use absolute::*;
use anaphoric::*;
use clock::*;
use counts::*;
use holidays::*;
use literal_words::LITERAL_WORDS;
use passes::*;
use quarters::*;
use relative::*;
use tense::*;
use words::*;
// (used outside the tagger)
pub(crate) use relative::is_day_word;
pub(crate) use tense::{projects, tense};
pub(crate) use words::weekday_number;

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
    /// Which words can begin an expression ([`beginnings`]); a word past its end
    /// is tried.
    pub begins: &'a [bool],
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

/// The words that can begin an expression: [`LITERAL_WORDS`] and the lists of
/// `ground::lexical` it leaves out.
static LITERAL_WORD_SET: LazyLock<lexical::WordSet> = LazyLock::new(|| {
    let numbered = |list: &'static [(&'static str, u32)]| list.iter().map(|(w, _)| *w);
    (LITERAL_WORDS.iter().copied())
        .chain(lexical::MONTHS)
        .chain(lexical::WEEKDAYS)
        .chain(numbered(&lexical::MONTH_ABBREVIATIONS))
        .chain(numbered(&lexical::WEEKDAY_ABBREVIATIONS))
        .chain(numbered(&lexical::CARDINALS))
        // "first" to "tenth"; later ordinals begin one through `spelled_ordinal`
        .chain(lexical::ORDINAL_WORDS.iter().take(10).copied())
        .collect()
});

/// Can an expression begin at this (lower-cased) word? Not at the frequent words
/// of [`literal_words::NEVER_BEGIN`]; words of ASCII letters begin one only if
/// they, or they without a plural "s", are words this file names; any other word
/// (digits, "mid-", "'90s", "Oct.", accents) is tried.
fn can_begin(word: &str) -> bool {
    static NEVER_BEGIN_SET: LazyLock<lexical::WordSet> =
        LazyLock::new(|| literal_words::NEVER_BEGIN.iter().copied().collect());
    if NEVER_BEGIN_SET.contains(word) {
        return false;
    }
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

/// For each lower-cased word, whether it can begin an expression: computed once
/// for a text that is tagged several times (against different dates).
pub fn beginnings(lower: &[&str]) -> Vec<bool> {
    let mut begins: Vec<bool> = lower.iter().map(|w| can_begin(w)).collect();
    // A determiner begins an expression only with the words after it ("the past
    // three months", "a year ago", "that day"), so only before a word that can
    // begin one itself.
    for (i, word) in lower.iter().enumerate() {
        if matches!(*word, "the" | "a" | "an" | "that" | "this")
            && !begins.get(i + 1).copied().unwrap_or(true)
        {
            if let Some(slot) = begins.get_mut(i) {
                *slot = false;
            }
        }
    }
    begins
}

/// Find every expression in a sentence.
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
        if !cx.begins.get(i).copied().unwrap_or(true) {
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
                if !deictic(words) {
                    if let Some(date) = anchor_of(&found, words) {
                        named = Some(found.value.clone());
                        named_date = Some(date);
                    }
                } else if is_day(&found) {
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
        if let Some(bc) = bc_form(&f.value) {
            f.value = bc;
        }
        if let Some(bc) = f.value_end.as_deref().and_then(bc_form) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_determiner_is_tried_only_before_a_word_that_can_begin_an_expression() {
        let words = [
            "the", "cat", "dog", "a", "year", "that", "week", "the", "1990s", "an",
        ];
        assert_eq!(
            beginnings(&words),
            [false, false, false, true, true, true, true, true, true, true]
        );
        // a determiner before such a word still begins its expression
        let text = [
            "The", "cat", "left", "a", "year", "ago", "and", "this", "week", ".",
        ];
        let lowered: Vec<String> = text.iter().map(|w| w.to_ascii_lowercase()).collect();
        let lower: Vec<&str> = lowered.iter().map(String::as_str).collect();
        let cx = Context {
            words: &lower,
            original: &text,
            dct: Date::new(2020, 6, 1),
            now: Date::new(2020, 6, 1),
            narrative: false,
            tense: Tense::Past,
            quarter: None,
            story: None,
            begins: &beginnings(&lower),
        };
        let spans: Vec<(usize, usize)> = find(&cx).iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(spans, [(3, 6), (7, 9)]);
    }

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

    /// Every word literal of the tagger's files is in the set `LITERAL_WORDS` and
    /// the lexical lists make: a matcher that starts comparing with a new word
    /// fails here until the list has it.
    #[test]
    fn literal_words_list_every_word_this_file_compares() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("absolute.rs"),
            include_str!("anaphoric.rs"),
            include_str!("clock.rs"),
            include_str!("counts.rs"),
            include_str!("holidays.rs"),
            include_str!("passes.rs"),
            include_str!("quarters.rs"),
            include_str!("relative.rs"),
            include_str!("tense.rs"),
            include_str!("words.rs"),
        ];
        let mut missing = Vec::new();
        let code = sources
            .iter()
            .map(|source| source.split("#[cfg(test)]").next().unwrap_or(source));
        for line in code.flat_map(str::lines) {
            let code = line.split("//").next().unwrap_or("");
            for (k, piece) in code.split('"').enumerate() {
                let word = k % 2 == 1
                    && !piece.is_empty()
                    && piece.bytes().all(|b| b.is_ascii_lowercase());
                if word && !LITERAL_WORD_SET.contains(piece) {
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
