//! Reading a text's sentences in order, as a story: each sentence is tagged
//! against the date the story has reached, and a history (most of its written
//! years far from the article's date) is read a second time with the years it
//! is about, so that "in September" means the September of the story told.
//!
//! Guarantees: sentences are tagged in order, each seeing only those before it;
//! never panics.

use super::calendar::Date;
use super::tagger;
use super::values::{parse_iso_date, split_year};

/// A narrative: at least five dates that write their year out, over 60% of them
/// more than five years from the DCT, or at least ten, over 60% of them more than
/// a year from it. (Dates without a year are left out: they
/// were resolved against the DCT, so they would vote for it.)
pub(super) fn is_narrative(found: &[tagger::Found], words: &[&str], dct: Option<Date>) -> bool {
    let Some(dct) = dct else { return false };
    let years = written_years(found, words);
    let most_beyond = |gap: i32| {
        let far = years
            .iter()
            .filter(|y| (**y - dct.year).abs() > gap)
            .count();
        far * 10 > years.len() * 6
    };
    // A long chronicle of recent years (a war from 2003 to 2009 told in 2009) is a
    // narrative too, though its years lie close to the DCT.
    (years.len() >= 5 && most_beyond(5)) || (years.len() >= 10 && most_beyond(1))
}

/// The years of the dates that write their year out.
pub(crate) fn written_years(found: &[tagger::Found], words: &[&str]) -> Vec<i32> {
    written_dates(found, words).map(|(_, y)| y).collect()
}

/// Where each date that writes its year out starts, and its year.
fn written_dates<'a>(
    found: &'a [tagger::Found],
    words: &'a [&str],
) -> impl Iterator<Item = (usize, i32)> + 'a {
    found
        .iter()
        .filter(|f| f.kind == "DATE")
        .filter(|f| {
            // "1915", "490 BC"
            words.get(f.start..f.end).is_some_and(|ws| {
                ws.iter()
                    .any(|w| (3..=4).contains(&w.bytes().filter(u8::is_ascii_digit).count()))
            })
        })
        .filter_map(|f| Some((f.start, split_year(&f.value)?.0)))
}

/// What a first reading of a history tells the second: the years it is about,
/// and where its flash-forwards and flashbacks start.
pub(crate) struct Story {
    pub(super) era: (i32, i32),
    pub(super) asides: Vec<usize>,
}

/// Dates a history names in passing, years away from the dates written on
/// either side of them, which agree with each other: "On April 9 2003 Baghdad
/// fell. In November 2008, protesters staged a similar stomping. ... On April 15
/// 2003 ...". The story does not move to them.
pub(super) fn flash_asides(found: &[tagger::Found], words: &[&str]) -> Vec<usize> {
    let dates: Vec<(usize, i32)> = written_dates(found, words).collect();
    dates
        .windows(3)
        .filter_map(|w| match w {
            [(_, before), (at, year), (_, after)]
                if (year - before).abs() >= 3
                    && (year - after).abs() >= 3
                    && (before - after).abs() <= 1 =>
            {
                Some(*at)
            }
            _ => None,
        })
        .collect()
}

/// The years a narrative is about: those its dates name, less the farthest tenth
/// at each end (one at least), widened by a decade. A year named in passing
/// outside them ("the 2004 film", "Napoleon's retreat of 1812") does not move
/// the story's date.
pub(super) fn era_of(found: &[tagger::Found], words: &[&str]) -> Option<(i32, i32)> {
    let mut years = written_years(found, words);
    years.sort_unstable();
    // At least one year off each end once there are five.
    let tenth = (years.len() / 10).max(usize::from(years.len() >= 5));
    let first = years.get(tenth)?;
    let last = years.get(years.len() - 1 - tenth)?;
    Some((first - 10, last + 10))
}

/// Does an expression point from the writer's day ("last year", "Friday")? Such
/// dates do not move a narrative's reference date.
pub(super) fn deictic(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(
            *w,
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "this"
                | "last"
                | "next"
                | "ago"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        )
    })
}

/// Does an expression name one calendar day (`2000-02-22`, `2000-02-22TNI`)?
pub(super) fn is_day(found: &tagger::Found) -> bool {
    matches!(found.kind, "DATE" | "TIME")
        && parse_iso_date(found.value.get(..10).unwrap_or_default())
            .is_some_and(|(_, m, d)| m > 0 && d > 0)
}

/// The (year, quarter) of a value like `1989-Q3`.
fn quarter_of(value: &str) -> Option<(i32, u32)> {
    let (year, q) = value.split_once("-Q")?;
    let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some((year.parse().ok()?, q))
}

/// The date an expression names, to anchor later ones in a narrative.
pub(super) fn anchor_of(found: &tagger::Found, words: &[&str]) -> Option<Date> {
    // A date, or a part of a named day ("the night of 8 February 1904").
    let part =
        found.kind == "TIME" && found.value.get(10..11) == Some("T") && found.value.len() == 13;
    // A decade ("194") or a century ("19") is no year to count from.
    let (year, rest) = split_year(&found.value)?;
    if found.kind != "DATE" && !part {
        return None;
    }
    // A season or a quarter of a year stands for its middle month ("by the
    // spring of 1915, ... in May" is May 1915), when its year is written: one
    // worked out ("the Spring Offensive") is no firmer than the story's date.
    let middle_month = match rest {
        "-SP" => Some(4),
        "-SU" => Some(7),
        "-FA" => Some(10),
        "-WI" => Some(1),
        "-Q1" => Some(2),
        "-Q2" => Some(5),
        "-Q3" => Some(8),
        "-Q4" => Some(11),
        _ => None,
    };
    let year_written = words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()));
    if let Some(m) = middle_month.filter(|_| year_written) {
        return Date::new(year, m, 15);
    }
    let (y, m, d) = parse_iso_date(found.value.get(..10).unwrap_or(&found.value))?;
    // A year alone stands for its middle, a month for its middle day.
    Date::new(y, if m == 0 { 7 } else { m }, if d == 0 { 15 } else { d })
}

/// Is words `start..end` inside brackets opened and closed within the sentence
/// `sentence` ("73% of deaths (as of December 5, 2006), and ...")?
fn in_brackets(lower: &[&str], sentence: std::ops::Range<usize>, start: usize, end: usize) -> bool {
    let opened = lower
        .get(sentence.start..start)
        .and_then(|before| before.iter().rev().find(|w| matches!(**w, "(" | ")")))
        == Some(&"(");
    let closed = lower
        .get(end..sentence.end)
        .and_then(|after| after.iter().find(|w| matches!(**w, "(" | ")")))
        == Some(&")");
    opened && closed
}

/// Is a quotation open after `words`, given whether one was open before them?
/// Curly and TeX-style marks say which way they face; a straight `"` turns the
/// state over. An apostrophe is not counted: "the soldiers' letters".
fn quote_left_open(words: &[&str], open_before: bool) -> bool {
    words.iter().fold(open_before, |open, w| match *w {
        "“" | "``" | "‘‘" => true,
        "”" | "''" | "’’" => false,
        "\"" => !open,
        _ => open,
    })
}

pub(crate) fn tag_sentences(
    text: &super::TaggerWords,
    sentences: &[std::ops::Range<usize>],
    dct: Option<Date>,
    story_told: Option<&Story>,
) -> Vec<tagger::Found> {
    let lower = text.lower;
    let narrative = story_told.is_some();
    let (era_from, era_to) = story_told.map_or((i32::MIN, i32::MAX), |s| s.era);
    let mut out = Vec::new();
    let mut anchor = dct;
    let mut quarter: Option<(i32, u32)> = None;
    // The value of the last date the text named itself ("that year" points there).
    let mut story: Option<String> = None;
    // Does the sentence open inside a quotation the one before left open? For
    // at most two sentences on: a stray mark must not turn the rest of the text
    // into a quotation.
    let mut quote_open = false;
    let mut quoted_sentences = 0;
    for range in sentences {
        let (Some(original), Some(words)) = (
            text.written.get(range.clone()),
            text.lower.get(range.clone()),
        ) else {
            continue;
        };
        let begins = text.begins.get(range.clone()).unwrap_or(&[]);
        let quote_opens_sentence = quote_open && quoted_sentences < 2;
        quoted_sentences = if quote_opens_sentence {
            quoted_sentences + 1
        } else {
            0
        };
        // (Only a narrative reads it.)
        quote_open = narrative && quote_left_open(words, quote_opens_sentence);
        let cx = tagger::Context {
            words,
            original,
            dct: if narrative { anchor } else { dct },
            now: dct,
            narrative,
            tense: if narrative {
                tagger::Tense::Past
            } else {
                tagger::tense(words)
            },
            quarter,
            story: story.as_deref(),
            begins,
        };
        let (sentence_words, sentence_past) = (words, cx.tense == tagger::Tense::Past);
        // What a story says was to come ("would culminate in 1976") does not move
        // it on.
        let found: Vec<(tagger::Found, bool)> = tagger::find(&cx)
            .into_iter()
            .map(|f| {
                let projected = narrative && tagger::projects(&cx, f.start);
                (f, projected)
            })
            .collect();
        for (mut f, projected) in found {
            f.start += range.start;
            f.end += range.start;
            // The quarter under discussion: the latest one named that had ended by
            // the DCT, within a year of it (not "the third quarter of 1984").
            // A fiscal quarter reported as past ("Ralston reported a decline in
            // fourth-quarter earnings" in November, "its fourth quarter ended
            // Sept. 30") counts too, however the calendar numbers it.
            if let (Some(q), Some(d)) = (quarter_of(&f.value), dct) {
                let ended = (d.year * 4 + (d.month as i32 - 1) / 3) - 1;
                let at = q.0 * 4 + q.1 as i32 - 1;
                let reported = || {
                    matches!(lower.get(f.end), Some(&"ended"))
                        || (sentence_past
                            && sentence_words
                                .iter()
                                .any(|w| matches!(*w, "reported" | "posted" | "earned")))
                };
                if (at <= ended || (at - ended <= 1 && reported()))
                    && ended - at < 4
                    && quarter.is_none_or(|old| q >= old)
                {
                    quarter = Some(q);
                }
            }
            // A date alone in brackets dates a thing the text names ("the Civil
            // Constitution of the Clergy (1790)"): an aside, not where the story is.
            // So does a date a state is counted from ("part of the empire since
            // 513 BC"): the story stays where it was.
            let before = f.start.checked_sub(1).and_then(|k| lower.get(k)).copied();
            let aside = (before == Some("(") && lower.get(f.end) == Some(&")"))
                || story_told.is_some_and(|s| s.asides.contains(&f.start))
                || (narrative && before == Some("since"))
                || (narrative && in_brackets(lower, range.clone(), f.start, f.end));
            let words = lower.get(f.start..f.end).unwrap_or_default();
            // A speaker quoted in a history ("It is us today. It will be you
            // tomorrow.") speaks of their own day, which the text does not date.
            if narrative
                && words.first().is_some_and(|w| tagger::is_day_word(w))
                && lower
                    .get(range.start..f.start)
                    .is_some_and(|before| quote_left_open(before, quote_opens_sentence))
            {
                if let Some(rest) = f.value.get(10..) {
                    f.value = format!("XXXX-XX-XX{rest}");
                }
            }
            if aside {
                out.push(f);
                continue;
            }
            if !deictic(words) {
                if let Some(date) = anchor_of(&f, words) {
                    // "repeating their successes from the previous year" looks
                    // back; the story stays where it was.
                    let looks_back = words.iter().any(|w| {
                        matches!(
                            *w,
                            "previous" | "earlier" | "before" | "preceding" | "prior"
                        )
                    });
                    if narrative
                        && !projected
                        && !looks_back
                        && (era_from..=era_to).contains(&date.year)
                    {
                        anchor = Some(date);
                    }
                    story = Some(f.value.clone());
                }
            } else if is_day(&f) {
                // The day last named, "Tuesday" too, is the one "the next
                // morning" or "the previous Friday" counts from.
                story = Some(f.value.clone());
            }
            out.push(f);
        }
    }
    out
}
