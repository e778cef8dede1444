//! Recognition of date expressions: finds the temporal expressions of a text
//! given as words and sentences, and normalizes each to a TIMEX3 type and value
//! against the article's date (the DCT) when one is given. Intake uses it to read
//! dates in pasted text; the time stage to date the article and build the
//! timeline.
//!
//! Guarantees: never panics; every expression found lies within its sentence.
//! Nothing here imports a stage.

pub mod calendar;
mod events;
mod story;
pub(crate) mod tagger;
mod values;

use calendar::Date;
use story::{era_of, flash_asides, is_narrative, Story};
pub(crate) use story::{tag_sentences, written_years};
// (for the tagger)
use story::{anchor_of, deictic, is_day};
pub use tagger::Found;
pub use values::parse_iso_date;
pub(crate) use values::{bc_form, date_parts, is_real_day, split_year};

/// The full time word a chat or headline shorthand stands for ("hrs" hours, "nxt"
/// next, "tonite" tonight), if it is one. "min" and "sec" are left to
/// [`full_forms`], which reads them only after a number ("the min wage", "the
/// SEC").
pub(crate) fn shorthand(lower: &str) -> Option<&'static str> {
    // Most words are none: a look at the length and first letter settles them.
    if !(2..=6).contains(&lower.len())
        || !matches!(
            lower.as_bytes().first(),
            Some(b'h' | b'm' | b's' | b'y' | b'w' | b'n' | b't' | b'2')
        )
    {
        return None;
    }
    Some(match lower {
        "hr" => "hour",
        "hrs" => "hours",
        "mins" => "minutes",
        "secs" => "seconds",
        "yr" => "year",
        "yrs" => "years",
        "wk" => "week",
        "wks" => "weeks",
        "mth" => "month",
        "mths" => "months",
        "nxt" => "next",
        "tonite" | "2nite" => "tonight",
        "nite" => "night",
        "nites" => "nights",
        _ => return None,
    })
}

/// The lower-cased words with each shorthand for a time word written out in full
/// ([`shorthand`]; "2.5 hrs", "nxt yr", "9 min"); every other word as it is.
pub(crate) fn full_forms<'a>(lower: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut previous = "";
    lower
        .into_iter()
        .map(|w| {
            let after_number = previous.bytes().next().is_some_and(|b| b.is_ascii_digit());
            previous = w;
            match w {
                "min" if after_number => "minutes",
                "sec" if after_number => "seconds",
                _ => shorthand(w).unwrap_or(w),
            }
        })
        .collect()
}

/// The words of a text as the date tagger reads them: as written, lower-cased in
/// full forms ([`full_forms`]), and which of them can begin an expression
/// (decided once per text; a text may be tagged against several dates).
pub(crate) struct TaggerWords<'a> {
    pub written: &'a [&'a str],
    pub lower: &'a [&'a str],
    pub begins: Vec<bool>,
}

impl<'a> TaggerWords<'a> {
    /// `lower`: the words of `written`, lower-cased in full forms.
    pub(crate) fn new(written: &'a [&'a str], lower: &'a [&'a str]) -> TaggerWords<'a> {
        TaggerWords {
            written,
            lower,
            begins: tagger::beginnings(lower),
        }
    }
}

/// Find the expressions of a text given as words and sentence token ranges,
/// against `dct`. Used by intake, by the time stage and by the evaluation.
pub fn tag_words(
    words: &[&str],
    sentences: &[std::ops::Range<usize>],
    dct: Option<Date>,
) -> Vec<Found> {
    let lower = crate::ground::lexical::LowerWords::new(words);
    let lower = full_forms(lower.iter());
    tag_lowered(&TaggerWords::new(words, &lower), sentences, dct)
}

/// [`tag_words`] with the words prepared.
pub(crate) fn tag_lowered(
    words: &TaggerWords,
    sentences: &[std::ops::Range<usize>],
    dct: Option<Date>,
) -> Vec<Found> {
    let lower = words.lower;
    let mut found = tag_sentences(words, sentences, dct, None);
    if is_narrative(&found, lower, dct) {
        // History rather than news: "in September" means the September of the
        // story being told, not of the day it was written.
        let story = Story {
            era: era_of(&found, lower).unwrap_or((i32::MIN, i32::MAX)),
            asides: flash_asides(&found, lower),
        };
        found = tag_sentences(words, sentences, dct, Some(&story));
    }
    events::anchor_to_events(lower, sentences, dct, &mut found);
    found
}
