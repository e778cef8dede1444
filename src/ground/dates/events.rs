//! Dates counted from an event the text dates itself. "the Oct. 23 slaying" or
//! "was killed ... last fall" dates the killing; then "10 days before the murder"
//! (1998-10-13), "in the weeks before the shooting" (1998-10), "the day after his
//! death" (1998-10-24) and "at 10 p.m." in a sentence telling of the killing
//! (1998-10-23T22:00) are dates counted from it, not durations or times of the
//! article's day.
//!
//! Guarantees: only an event the text dates to a season or finer anchors anything
//! (a count of days needs its day);
//! an expression near an undated event is left as the tagger found it; never
//! panics.

use super::calendar::Date;
use super::tagger::{is_punctuation_word, Found};
use super::values::{parse_iso_date, split_year};
use std::ops::Range;

/// Words that name an event, and the event they name: a killing is one event
/// whether the text calls it the shooting, the slaying or his death.
const EVENT_WORDS: &[(&str, &str)] = &[
    ("shooting", "killing"),
    ("shootings", "killing"),
    ("slaying", "killing"),
    ("killing", "killing"),
    ("murder", "killing"),
    ("death", "killing"),
    ("assassination", "killing"),
    ("killed", "killing"),
    ("shot", "killing"),
    ("slain", "killing"),
    ("murdered", "killing"),
    ("assassinated", "killing"),
    ("gunned", "killing"),
    ("bombing", "bombing"),
    ("bombings", "bombing"),
    ("blast", "bombing"),
    ("blasts", "bombing"),
    ("explosion", "bombing"),
    ("explosions", "bombing"),
    ("bombed", "bombing"),
    ("earthquake", "earthquake"),
    ("quake", "earthquake"),
    ("crash", "crash"),
    ("crashed", "crash"),
    ("invasion", "invasion"),
    ("invaded", "invasion"),
    ("coup", "coup"),
    ("hurricane", "hurricane"),
];

/// Event words that are verbs: only a verb before a date dates its event ("was
/// killed ... last fall"); a noun there may be what someone is charged with
/// ("charged with murder Thursday").
const EVENT_VERBS: &[&str] = &[
    "killed",
    "shot",
    "slain",
    "murdered",
    "assassinated",
    "gunned",
    "bombed",
    "crashed",
    "invaded",
];

/// Words after an event word that make it part of another thing: "the death
/// penalty", "the death toll", "a shooting range".
const NOT_AFTER: &[&str] = &[
    "penalty",
    "toll",
    "threat",
    "threats",
    "sentence",
    "row",
    "squad",
    "certificate",
    "camp",
    "camps",
    "warrant",
    "rate",
    "rates",
    "range",
    "risk",
];

fn event_of(lower: &[&str], i: usize) -> Option<&'static str> {
    let w = lower.get(i)?;
    let (_, event) = EVENT_WORDS.iter().find(|(word, _)| word == w)?;
    let next = lower.get(i + 1).copied().unwrap_or("");
    (!NOT_AFTER.contains(&next)).then_some(*event)
}

/// How precisely a value dates an event: a day, a month or a season of a year.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Anchor {
    Season(String),
    Month(i32, u32),
    Day(Date),
}

impl Anchor {
    fn of(value: &str) -> Option<Anchor> {
        let (_, rest) = split_year(value)?;
        if value.starts_with("BC") {
            return None;
        }
        if matches!(rest, "-SP" | "-SU" | "-FA" | "-WI") {
            return Some(Anchor::Season(value.to_string()));
        }
        let (y, m, d) = parse_iso_date(value.get(..10).unwrap_or(value))?;
        match (m, d) {
            (0, _) => None,
            (m, 0) => Some(Anchor::Month(y, m)),
            (m, d) => Date::new(y, m, d).map(Anchor::Day),
        }
    }

    /// How finely it dates: a season, a month, a day.
    fn precision(&self) -> u8 {
        match self {
            Anchor::Season(_) => 0,
            Anchor::Month(..) => 1,
            Anchor::Day(_) => 2,
        }
    }

    /// The stretch around the event: its month, or its season.
    fn period(&self) -> String {
        match self {
            Anchor::Season(s) => s.clone(),
            Anchor::Month(y, m) => format!("{y:04}-{m:02}"),
            Anchor::Day(d) => format!("{:04}-{:02}", d.year, d.month),
        }
    }
}

/// The event named within a few words from `i` on ("the shooting", "his death",
/// "Slepian was killed", "a sniper killed"), before any punctuation.
fn event_after(lower: &[&str], i: usize) -> Option<&'static str> {
    (i..i + 4)
        .take_while(|&k| lower.get(k).is_some_and(|w| !is_punctuation_word(w)))
        .find_map(|k| event_of(lower, k))
}

/// The events the text dates: a date right before an event word ("the Oct. 23
/// slaying", "last month's shooting death", "last fall when he was gunned
/// down"), or, less surely, after an event verb in the same sentence with no
/// other date or comma between ("was killed in his kitchen ... last fall"). The
/// surer kind wins, then the more precise date, then the first.
fn dated_events(
    lower: &[&str],
    sentences: &[Range<usize>],
    found: &[Found],
) -> Vec<(&'static str, Anchor)> {
    // Per event: the best sure anchor and the best unsure one.
    let mut events: Vec<(&'static str, Option<Anchor>, Option<Anchor>)> = Vec::new();
    let mut note = |event: &'static str, sure: bool, anchor: Anchor| {
        let at = match events.iter().position(|(e, _, _)| *e == event) {
            Some(at) => at,
            None => {
                events.push((event, None, None));
                events.len() - 1
            }
        };
        if let Some((_, best_sure, best_unsure)) = events.get_mut(at) {
            let best = if sure { best_sure } else { best_unsure };
            if best
                .as_ref()
                .is_none_or(|old| anchor.precision() > old.precision())
            {
                *best = Some(anchor);
            }
        }
    };
    for (k, f) in found.iter().enumerate() {
        if f.kind != "DATE" {
            continue;
        }
        let Some(anchor) = Anchor::of(&f.value) else {
            continue;
        };
        // A date counted from something else ("two days before the vote") dates
        // no event itself.
        if matches!(
            lower.get(f.end).copied(),
            Some("before" | "after" | "earlier" | "later")
        ) {
            continue;
        }
        let mut after = f.end;
        let mut reach = 3;
        match lower.get(after).copied() {
            Some("'s" | "’s") => after += 1,
            Some("when") => reach = 5,
            _ => {}
        }
        // Only words that can describe the event may come between ("the Oct. 23
        // sniper shooting"), not "charged with murder Thursday in the slaying".
        let named_after = (after..after + reach)
            .take_while(|&j| {
                lower
                    .get(j)
                    .is_some_and(|w| !is_punctuation_word(w) && (reach > 3 || !is_function_word(w)))
            })
            .find_map(|j| event_of(lower, j));
        if let Some(event) = named_after {
            note(event, true, anchor);
            continue;
        }
        let sentence_start = sentence_of(sentences, f.start).map_or(0, |s| s.start);
        let previous_end = k
            .checked_sub(1)
            .and_then(|p| found.get(p))
            .map_or(0, |p| p.end);
        let from = sentence_start
            .max(previous_end)
            .max(f.start.saturating_sub(10));
        let named_before = (from..f.start)
            .rev()
            .take_while(|&j| lower.get(j).is_some_and(|w| !is_punctuation_word(w)))
            .filter(|&j| lower.get(j).is_some_and(|w| EVENT_VERBS.contains(w)))
            .find_map(|j| event_of(lower, j));
        if let Some(event) = named_before {
            note(event, false, anchor);
        }
    }
    // An unsure day within a surely dated month is that month's day ("the
    // October slaying" ... "shot to death last Oct. 23").
    events
        .into_iter()
        .filter_map(|(event, sure, unsure)| {
            let anchor = match (sure, unsure) {
                (Some(sure), Some(Anchor::Day(d)))
                    if !matches!(sure, Anchor::Day(_))
                        && sure.period() == Anchor::Day(d).period() =>
                {
                    Anchor::Day(d)
                }
                (Some(sure), _) => sure,
                (None, unsure) => unsure?,
            };
            Some((event, anchor))
        })
        .collect()
}

fn anchor_of<'a>(events: &'a [(&'static str, Anchor)], event: &str) -> Option<&'a Anchor> {
    events.iter().find(|(e, _)| *e == event).map(|(_, a)| a)
}

/// Move the expressions counted from a dated event onto its date.
pub fn anchor_to_events(
    lower: &[&str],
    sentences: &[Range<usize>],
    dct: Option<Date>,
    found: &mut Vec<Found>,
) {
    in_text_order(found);
    let events = dated_events(lower, sentences, found);
    if events.is_empty() {
        return;
    }
    // "10 days before the murder": a date, not a stretch of time.
    for f in found.iter_mut().filter(|f| f.kind == "DURATION") {
        let direction = match lower.get(f.end).copied() {
            Some("before") => -1,
            Some("after" | "following") => 1,
            _ => continue,
        };
        let Some(Anchor::Day(day)) =
            event_after(lower, f.end + 1).and_then(|e| anchor_of(&events, e))
        else {
            continue;
        };
        let Some(days) = f
            .value
            .strip_prefix('P')
            .and_then(|v| {
                v.strip_suffix('D')
                    .map(|n| (n, 1))
                    .or_else(|| v.strip_suffix('W').map(|n| (n, 7)))
            })
            .and_then(|(n, unit)| n.parse::<i64>().ok().map(|n| n * unit))
        else {
            continue;
        };
        f.kind = "DATE";
        f.value = day.add_days(direction * days).iso();
    }
    // "in the weeks before the shooting", "the day after his death", "days after a
    // sniper killed": the unit word alone is the expression.
    let mut added = Vec::new();
    for (i, w) in lower.iter().enumerate() {
        let direction = match lower.get(i + 1).copied() {
            Some("before" | "preceding") => -1,
            Some("after" | "following") => 1,
            _ => continue,
        };
        // (`found` is in text order and its expressions do not overlap.)
        let before = found.partition_point(|f| f.start <= i);
        if found.get(before.wrapping_sub(1)).is_some_and(|f| i < f.end) {
            continue;
        }
        let Some(anchor) = event_after(lower, i + 2).and_then(|e| anchor_of(&events, e)) else {
            continue;
        };
        let previous = lower.get(i.wrapping_sub(1)).copied().unwrap_or("");
        let value = match *w {
            "days" | "weeks" if previous == "the" || !is_determiner(previous) => anchor.period(),
            "day" if previous == "the" => match anchor {
                Anchor::Day(d) => d.add_days(direction).iso(),
                _ => continue,
            },
            _ => continue,
        };
        added.push(Found {
            start: i,
            end: i + 1,
            kind: "DATE",
            value,
            value_end: None,
            modifier: None,
        });
    }
    if !added.is_empty() {
        found.extend(added);
        in_text_order(found);
    }
    // "was shot to death at 10 p.m.": a clock time the tagger put on the
    // article's day, in a sentence that tells of the event and names no other
    // day, is a time of the event's day; so is one beside a date counted from it
    // ("at 6 a.m. ten days before the shooting").
    let Some(today) = dct.map(Date::iso) else {
        return;
    };
    let on_today = |f: &Found| {
        f.kind == "TIME" && f.value.starts_with(&today) && f.value.get(10..11) == Some("T")
    };
    let clocks: Vec<usize> = (0..found.len())
        .filter(|&k| found.get(k).is_some_and(&on_today))
        .collect();
    for k in clocks {
        let Some(s) = found.get(k).and_then(|f| sentence_of(sentences, f.start)) else {
            continue;
        };
        let from = found.partition_point(|f| f.start < s.start);
        let to = found.partition_point(|f| f.start < s.end);
        let in_sentence = found.get(from..to).unwrap_or_default();
        let dates: Vec<&Found> = in_sentence.iter().filter(|f| f.kind == "DATE").collect();
        let day = match dates.as_slice() {
            [] => (s.clone())
                .filter_map(|i| event_of(lower, i))
                .find_map(|e| match anchor_of(&events, e) {
                    Some(Anchor::Day(d)) => Some(d.iso()),
                    _ => None,
                }),
            [only] if only.value.len() == 10 && only.value != today => {
                let counted = matches!(lower.get(only.end).copied(), Some("before" | "after"));
                counted.then(|| only.value.clone())
            }
            _ => None,
        };
        if let (Some(day), Some(f)) = (day, found.get_mut(k)) {
            let clock = f.value.get(10..).unwrap_or("").to_string();
            f.value = format!("{day}{clock}");
        }
    }
}

/// Sort expressions by where they start (one sort, compiled once).
fn in_text_order(found: &mut [Found]) {
    found.sort_by_key(|f| f.start);
}

/// The sentence holding token `i` (`sentences` are in order).
fn sentence_of(sentences: &[Range<usize>], i: usize) -> Option<&Range<usize>> {
    let k = sentences.partition_point(|s| s.end <= i);
    sentences.get(k).filter(|s| s.contains(&i))
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "of"
            | "at"
            | "on"
            | "the"
            | "a"
            | "an"
            | "for"
            | "to"
            | "by"
            | "with"
            | "and"
            | "or"
            | "from"
            | "as"
            | "that"
            | "which"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "two" | "three" | "few" | "several" | "many"
    )
}
