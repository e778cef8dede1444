//! `lede eval era [--data DIR]`: can the vocabulary of dated, openly licensed news
//! date a page that names nothing datable (issue #23's "era model")? A naive-Bayes
//! year model over words is trained in memory on Wikipedia's "Portal:Current
//! events" (2002–2026, CC BY-SA 4.0: `DATA/time/wikipedia-current-events`, see
//! its SOURCE.md) and scored on the dated web pages of `lede eval dating`, alone
//! and as the chooser inside an open window ("no earlier than 2010"); then the
//! words that first appear in a year (lower bounds a table could hold); then the
//! ceiling the explicit evidence sets: how many pages and TBAQ documents have no
//! clue at all, how many only a lower bound. Nothing here ships: the report says
//! why the dating stage has no era model. Never trains on a dev page.

use crate::common::data_dir;
use crate::time::{date_text, dated_pages, half, tbaq_undated, DatedPage};
use std::collections::HashMap;
use std::path::Path;

/// The first and last year of the training text.
const FIRST: i32 = 2002;
const YEARS: usize = 25;
/// The year the dev sets' open windows run to (the tables' last year).
const NOW: i32 = 2026;

/// The distinct words of a text, lower-cased: runs of letters and digits, with
/// inner apostrophes and hyphens ("covid-19", "o'neill").
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '\'' | '’' | '-')))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Per word, the items of each year that use it; per year, all word uses.
struct Counts {
    words: HashMap<String, [u32; YEARS]>,
    total: [f64; YEARS],
    days: usize,
}

fn read_counts(dir: &Path) -> Result<Counts, String> {
    let path = dir.join("days.jsonl.gz");
    let file = std::fs::File::open(&path).map_err(|e| {
        format!(
            "{}: {e} (the Portal:Current events text, see that folder's SOURCE.md)",
            path.display()
        )
    })?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut counts = Counts {
        words: HashMap::new(),
        total: [0.0; YEARS],
        days: 0,
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let day: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let Some(year) = day["date"]
            .as_str()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
            .and_then(|y| usize::try_from(y - FIRST).ok())
            .filter(|&y| y < YEARS)
        else {
            continue;
        };
        counts.days += 1;
        for item in day["items"].as_array().into_iter().flatten() {
            for word in words(item.as_str().unwrap_or("")) {
                if let Some(slot) = counts.words.entry(word).or_insert([0; YEARS]).get_mut(year) {
                    *slot += 1;
                }
                if let Some(t) = counts.total.get_mut(year) {
                    *t += 1.0;
                }
            }
        }
    }
    Ok(counts)
}

/// A setting of the year model: words used at least `min` times, smoothed
/// toward their overall rate with `smoothing` (× 100,000 uses), kept when their
/// best year's rate is at least e^`peak` times their overall rate.
#[derive(Clone, Copy)]
struct Setting {
    min: u32,
    smoothing: f64,
    peak: f32,
}

/// Per word, the log of its rate in each year over its overall rate (floored
/// at -1: a word rarer in a year says little against it).
type Model = HashMap<String, [f32; YEARS]>;

fn train(counts: &Counts, s: Setting) -> Model {
    let all: f64 = counts.total.iter().sum();
    let mut model = Model::new();
    for (word, c) in &counts.words {
        let uses: u32 = c.iter().sum();
        if uses < s.min || word.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let overall = f64::from(uses) / all.max(1.0);
        let mut ratio = [0f32; YEARS];
        for ((r, &n), &t) in ratio.iter_mut().zip(c).zip(&counts.total) {
            let rate = (f64::from(n) + s.smoothing * overall * 1e5) / (t + s.smoothing * 1e5);
            #[allow(clippy::cast_possible_truncation)]
            {
                *r = ((rate / overall).ln() as f32).max(-1.0);
            }
        }
        if ratio.iter().copied().fold(f32::MIN, f32::max) >= s.peak {
            model.insert(word.clone(), ratio);
        }
    }
    model
}

/// The year the model gives a text's words, among `from..=NOW`; `None` when it
/// knows none of them.
fn guess(model: &Model, text: &str, from: i32) -> Option<i32> {
    let mut score = [0f32; YEARS];
    let mut known = false;
    for w in words(text) {
        if let Some(r) = model.get(&w) {
            known = true;
            score.iter_mut().zip(r).for_each(|(s, x)| *s += x);
        }
    }
    known.then_some(())?;
    let first = usize::try_from(from.max(FIRST) - FIRST).ok()?;
    let (best, _) = score
        .iter()
        .enumerate()
        .skip(first)
        .fold(
            (None, f32::MIN),
            |b, (i, &s)| if s > b.1 { (Some(i), s) } else { b },
        );
    Some(FIRST + i32::try_from(best?).ok()?)
}

fn year_of(value: &str) -> Option<i32> {
    value.get(..4)?.parse().ok()
}

/// Where the evidence of an answer leaves a page: the years every clue allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bound {
    /// No clue at all.
    Nothing,
    /// The clues allow no common year.
    Conflict,
    /// The gold year is outside what the clues allow.
    Outside,
    /// One year.
    Pinned,
    /// Two to three years.
    Narrow,
    /// Four or more years, bounded above before the tables' end.
    Wide,
    /// No earlier than some year, with no upper bound: the year is a guess.
    Open,
}

fn bound(published: Option<&lede::lab::time::Published>, gold: i32) -> (Bound, i32) {
    let evidence = published.map_or(&[][..], |p| &p.evidence[..]);
    if evidence.is_empty() {
        return (Bound::Nothing, 0);
    }
    let (mut lo, mut hi) = (1900, NOW);
    for e in evidence {
        lo = lo.max(e.window.from.as_deref().and_then(year_of).unwrap_or(1900));
        hi = hi.min(e.window.to.as_deref().and_then(year_of).unwrap_or(NOW));
    }
    let kind = match hi - lo + 1 {
        _ if lo > hi => Bound::Conflict,
        _ if !(lo..=hi).contains(&gold) => Bound::Outside,
        1 => Bound::Pinned,
        2 | 3 => Bound::Narrow,
        _ if hi == NOW => Bound::Open,
        _ => Bound::Wide,
    };
    (kind, lo)
}

/// A page with its gold year, the dating stage's answer, and its half.
struct Scored<'a> {
    page: &'a DatedPage,
    gold: i32,
    answer: Option<lede::lab::time::Published>,
}

fn report_model(out: &mut String, label: &str, model: &Model, pages: &[Scored<'_>]) {
    out.push_str(&format!("  {label} ({} words):", model.len()));
    for h in ["tune", "check"] {
        let (mut n, mut answered, mut right, mut near, mut fixes, mut breaks) = (0, 0, 0, 0, 0, 0);
        let (mut open, mut open_now, mut open_era) = (0, 0, 0);
        for p in pages.iter().filter(|p| half(&p.page.0) == h) {
            n += 1;
            let now_right = p
                .answer
                .as_ref()
                .and_then(|a| year_of(&a.value))
                .is_some_and(|y| y == p.gold);
            if let Some(y) = guess(model, &p.page.1, FIRST) {
                answered += 1;
                right += usize::from(y == p.gold);
                near += usize::from((y - p.gold).abs() <= 1);
                fixes += usize::from(y == p.gold && !now_right);
                breaks += usize::from(y != p.gold && now_right);
            }
            let (kind, lo) = bound(p.answer.as_ref(), p.gold);
            if matches!(kind, Bound::Open | Bound::Outside)
                && p.answer
                    .as_ref()
                    .is_some_and(|a| a.evidence.iter().all(|e| e.window.to.is_none()))
            {
                open += 1;
                open_now += usize::from(now_right);
                let y = guess(model, &p.page.1, lo)
                    .or_else(|| p.answer.as_ref().and_then(|a| year_of(&a.value)));
                open_era += usize::from(y == Some(p.gold));
            }
        }
        out.push_str(&format!(
            " {h}: of {n} pages it answers {answered}, right year {right}, within a year {near}, \
             right where dating is wrong {fixes}, wrong where dating is right {breaks}; \
             inside {open} open windows right {open_era} (dating now {open_now});"
        ));
    }
    out.push('\n');
}

/// `lede eval era`: the report described at the top of this module.
pub fn eval(args: &[String]) -> Result<String, String> {
    let data = data_dir(args);
    let counts = read_counts(&data.join("time").join("wikipedia-current-events"))?;
    let mut out = format!(
        "Era model trained on Portal:Current events: {} days, {} distinct words, {FIRST}–{}\n",
        counts.days,
        counts.words.len(),
        FIRST + YEARS as i32 - 1
    );
    let pages = dated_pages(&data.join("extract"));
    let scored: Vec<Scored<'_>> = pages
        .iter()
        .map(|page| Scored {
            page,
            gold: page.2 .0,
            answer: date_text(&page.1),
        })
        .collect();
    // For comparison: one year for every page, the dev set's most common.
    let mut by_year: HashMap<i32, usize> = HashMap::new();
    for p in &scored {
        *by_year.entry(p.gold).or_default() += 1;
    }
    let (mode, mode_n) = by_year
        .iter()
        .max_by_key(|(y, n)| (**n, -**y))
        .map_or((0, 0), |(y, n)| (*y, *n));
    let now_right = scored
        .iter()
        .filter(|p| {
            p.answer
                .as_ref()
                .and_then(|a| year_of(&a.value))
                .is_some_and(|y| y == p.gold)
        })
        .count();
    out.push_str(&format!(
        "Dated web pages: {}; the dating stage right {now_right}; the one year most pages have ({mode}) would be right for {mode_n}\n",
        scored.len()
    ));
    for (label, s) in [
        (
            "all words used 20+ times",
            Setting {
                min: 20,
                smoothing: 0.1,
                peak: 0.0,
            },
        ),
        (
            "words 30+ times, peak ≥ e^1",
            Setting {
                min: 30,
                smoothing: 1.0,
                peak: 1.0,
            },
        ),
        (
            "words 100+ times, peak ≥ e^1.5",
            Setting {
                min: 100,
                smoothing: 1.0,
                peak: 1.5,
            },
        ),
    ] {
        report_model(&mut out, label, &train(&counts, s), &scored);
    }
    // Words that first appear in a year and stay: lower bounds.
    let mut first_use: HashMap<&str, i32> = HashMap::new();
    for (word, c) in &counts.words {
        if word.chars().count() < 4 || word.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(f) = c.iter().position(|&n| n >= 3) else {
            continue;
        };
        let after = c.get(f..).unwrap_or_default();
        let before: u32 = c.get(..f).unwrap_or_default().iter().sum();
        if FIRST + f as i32 >= 2006
            && before <= 1
            && after.iter().sum::<u32>() >= 30
            && after.iter().filter(|&&n| n > 0).count() >= 3
        {
            first_use.insert(word, FIRST + f as i32);
        }
    }
    out.push_str(&format!(
        "Words first used in a year ({} words, first year ≥ 2006, 30+ uses in 3+ years after, at most 1 before):",
        first_use.len()
    ));
    for h in ["tune", "check"] {
        let (mut named, mut holds, mut exact, mut lifts) = (0, 0, 0, 0);
        for p in scored.iter().filter(|p| half(&p.page.0) == h) {
            let Some(f) = words(&p.page.1)
                .iter()
                .filter_map(|w| first_use.get(w.as_str()))
                .max()
                .copied()
            else {
                continue;
            };
            named += 1;
            holds += usize::from(p.gold >= f);
            exact += usize::from(p.gold == f);
            let now = p.answer.as_ref().and_then(|a| year_of(&a.value));
            lifts += usize::from(p.gold == f && now != Some(p.gold) && now.is_none_or(|y| y < f));
        }
        out.push_str(&format!(
            " {h}: {named} pages name one; the bound holds for {holds}, is the year for {exact}, would make a wrong answer right for {lifts};"
        ));
    }
    out.push('\n');
    // The ceiling the explicit evidence sets.
    out.push_str("What the explicit evidence allows (the years all clues of the answer allow):\n");
    let mut tally = |set: &str, h: &str, items: &mut dyn Iterator<Item = (Bound, bool)>| {
        let mut t: std::collections::BTreeMap<Bound, (usize, usize)> = Default::default();
        let mut n = 0;
        for (b, right) in items {
            n += 1;
            let e = t.entry(b).or_default();
            e.0 += 1;
            e.1 += usize::from(right);
        }
        out.push_str(&format!("  {set} {h} ({n}):"));
        for (b, (k, r)) in t {
            out.push_str(&format!(" {b:?} {k} ({r} right now);"));
        }
        out.push('\n');
    };
    for h in ["tune", "check"] {
        tally(
            "pages",
            h,
            &mut scored.iter().filter(|p| half(&p.page.0) == h).map(|p| {
                let right = p
                    .answer
                    .as_ref()
                    .and_then(|a| year_of(&a.value))
                    .is_some_and(|y| y == p.gold);
                (bound(p.answer.as_ref(), p.gold).0, right)
            }),
        );
    }
    // TBAQ with the DCT withheld, as `lede eval dating` reads it.
    let docs: Vec<(String, i32, Option<lede::lab::time::Published>)> = tbaq_undated(&data)?
        .into_iter()
        .map(|d| (d.stem, d.gold.year, d.published))
        .collect();
    for h in ["tune", "check"] {
        tally(
            "TBAQ",
            h,
            &mut docs.iter().filter(|d| half(&d.0) == h).map(|(_, gold, p)| {
                let right = p
                    .as_ref()
                    .and_then(|a| year_of(&a.value))
                    .is_some_and(|y| y == *gold);
                (bound(p.as_ref(), *gold).0, right)
            }),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_distinct_lower_case_runs_with_inner_hyphens() {
        assert_eq!(
            words("COVID-19 hit; covid-19 -- O'Neill's 'quote' 2020"),
            vec!["2020", "covid-19", "hit", "o'neill's", "quote"]
        );
    }

    #[test]
    fn the_model_finds_the_year_a_word_belongs_to_and_keeps_to_the_window() {
        let mut counts = Counts {
            words: HashMap::new(),
            total: [1000.0; YEARS],
            days: 1,
        };
        let mut pandemic = [1u32; YEARS];
        pandemic[18] = 200; // 2020
        let mut summit = [1u32; YEARS];
        summit[5] = 200; // 2007
        counts.words.insert("pandemic".into(), pandemic);
        counts.words.insert("summit".into(), summit);
        counts.words.insert("the".into(), [50; YEARS]);
        let model = train(
            &counts,
            Setting {
                min: 20,
                smoothing: 0.001,
                peak: 1.0,
            },
        );
        assert!(
            !model.contains_key("the"),
            "a word of every year is no clue"
        );
        assert_eq!(guess(&model, "The pandemic.", FIRST), Some(2020));
        assert_eq!(guess(&model, "The summit.", FIRST), Some(2007));
        assert_eq!(
            guess(&model, "The summit.", 2010).map(|y| y >= 2010),
            Some(true)
        );
        assert_eq!(guess(&model, "Nothing known here.", FIRST), None);
    }
}
