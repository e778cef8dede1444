//! Rule-based numeric expressions: MONEY ("$10 billion", "5 million euros"),
//! PERCENT ("3.5 percent", "10%"), QUANTITY ("10 billion cubic meters", "200 km"),
//! ORDINAL ("third", "21st") and CARDINAL (other numbers, not years or clock times,
//! which belong to the time stage).
//!
//! Works on tokens (PTB-like: "$ 10", "10 %"), so pasted prose and tokenized text
//! give the same results. Never panics; each expression is a half-open token range.

use crate::ground::lexical::{self, is_month_word, WordSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Number words beyond the cardinals of [`lexical::CARDINALS`].
const LARGE_NUMBER_WORDS: &[&str] = &[
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];
const CURRENCY_SIGNS: &[&str] = &[
    "$", "us$", "€", "£", "¥", "c$", "a$", "hk$", "s$", "nz$", "r$", "₽", "₹", "₩", "rmb",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
    "ruble", "rubles", "rouble", "roubles", "rupee", "rupees", "franc", "francs", "mark", "marks",
    "cent", "cents", "pence", "won", "peso", "pesos", "lira", "lire", "crowns", "kronor", "krona",
    "kroner", "rand", "ringgit", "baht", "dinars", "dirhams", "riyals", "shekels", "zloty", "usd",
    "eur", "gbp", "jpy", "cny",
];
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "mln", "bln", "mn", "m", "k",
];
const PERCENT_WORDS: &[&str] = &["%", "percent", "pct", "per-cent", "percentage"];
/// Units, lower-cased; multi-word units first.
const UNITS: &[&[&str]] = &[
    &["cubic", "meters"],
    &["cubic", "metres"],
    &["cubic", "feet"],
    &["square", "kilometers"],
    &["square", "kilometres"],
    &["square", "km"],
    &["square", "miles"],
    &["square", "meters"],
    &["square", "metres"],
    &["square", "feet"],
    &["metric", "tons"],
    &["metric", "tonnes"],
    &["light", "years"],
    &["meters"],
    &["metres"],
    &["meter"],
    &["metre"],
    &["km"],
    &["kilometers"],
    &["kilometres"],
    &["kilometer"],
    &["kilometre"],
    &["miles"],
    &["mile"],
    &["feet"],
    &["foot"],
    &["inches"],
    &["cm"],
    &["mm"],
    &["kg"],
    &["kilograms"],
    &["kilogrammes"],
    &["grams"],
    &["tonnes"],
    &["tons"],
    &["tonne"],
    &["ton"],
    &["barrels"],
    &["bpd"],
    &["litres"],
    &["liters"],
    &["gallons"],
    &["acres"],
    &["hectares"],
    &["degrees"],
    &["megawatts"],
    &["gigawatts"],
    &["mw"],
    &["gw"],
    &["kw"],
    &["kwh"],
    &["mph"],
    &["knots"],
    &["ounces"],
    &["oz"],
    &["lbs"],
    &["bushels"],
    &["calories"],
];

fn is_digits(word: &str) -> bool {
    let mut digits = 0;
    for ch in word.chars() {
        if ch.is_ascii_digit() {
            digits += 1;
        } else if !matches!(ch, ',' | '.' | '/') {
            return false;
        }
    }
    digits > 0 && word.starts_with(|c: char| c.is_ascii_digit() || c == '.')
}

fn is_number_word(lower: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| {
        lexical::CARDINALS
            .iter()
            .map(|(word, _)| *word)
            .chain(LARGE_NUMBER_WORDS.iter().copied())
            .collect()
    });
    // "twenty-five": split at the first hyphen, found in one byte scan
    SET.contains(lower)
        || lower.bytes().position(|b| b == b'-').is_some_and(|at| {
            SET.contains(lower.get(..at).unwrap_or_default())
                && SET.contains(lower.get(at + 1..).unwrap_or_default())
        })
}

fn is_ordinal(lower: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[&lexical::ORDINAL_WORDS]));
    if SET.contains(lower) {
        return true;
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = lower.get(digits.len()..).unwrap_or("");
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// Looks like a year or a clock time: left to the time stage.
fn is_time_like(word: &str) -> bool {
    if word.contains(':') {
        return true;
    }
    if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
        return matches!(word.parse::<u32>(), Ok(1500..=2100));
    }
    word.ends_with('s')
        && word
            .trim_end_matches('s')
            .chars()
            .all(|c| c.is_ascii_digit())
}

/// A numeric expression: its token range and label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeric {
    pub tokens: Range<usize>,
    pub label: &'static str,
}

/// Find numeric expressions among `words` (one sentence or a whole document);
/// tokens with `blocked[i]` set (already part of a name) are never used.
pub fn find(words: &[&str], lower: &[&str], blocked: &[bool]) -> Vec<Numeric> {
    let at = |i: usize| lower.get(i).copied().unwrap_or("");
    let free = |i: usize| i < words.len() && !blocked.get(i).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        // currency sign first: "$ 10 billion", "US$ 5"
        let mut start = i;
        let mut money_sign = false;
        static SIGNS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[CURRENCY_SIGNS]));
        if SIGNS.contains(at(i)) || (at(i) == "us" && at(i + 1) == "$") {
            let skip = if at(i) == "us" { 2 } else { 1 };
            if free(i + skip) && is_digits(at(i + skip)) {
                money_sign = true;
                start = i;
                i += skip;
            }
        }
        let word = at(i);
        let numeric = is_digits(word);
        if !(numeric || is_number_word(word)) {
            // "the 4th century BC", "the second millennium": a date, not an ordinal.
            let era = matches!(at(i + 1), "century" | "centuries" | "millennium");
            if is_ordinal(word) && free(i) && !era {
                out.push(Numeric {
                    tokens: i..i + 1,
                    label: "ORDINAL",
                });
            }
            i += 1;
            continue;
        }
        if !money_sign {
            start = i;
        }
        // the number itself: digits or number words, then scale words
        let mut end = i + 1;
        while free(end)
            && (is_number_word(at(end))
                || (SCALES.contains(&at(end)) && at(end) != "m" && at(end) != "k")
                || (at(end) == "and" && is_number_word(at(end + 1))))
        {
            end += 1;
        }
        if free(end) && (at(end) == "m" || at(end) == "k" || at(end) == "bn") && numeric {
            end += 1;
        }
        let label;
        if money_sign {
            label = "MONEY";
        } else if free(end) && PERCENT_WORDS.contains(&at(end)) {
            end += 1;
            if at(end - 1) == "percentage" && at(end) == "points" {
                end += 1;
            }
            label = "PERCENT";
        } else if free(end) && at(end) == "per" && at(end + 1) == "cent" {
            end += 2;
            label = "PERCENT";
        } else if free(end) && CURRENCY_WORDS.contains(&at(end)) {
            end += 1;
            label = "MONEY";
        } else if let Some(unit) = UNITS.iter().find(|unit| {
            unit.iter()
                .enumerate()
                .all(|(k, u)| free(end + k) && at(end + k) == *u)
        }) {
            end += unit.len();
            label = "QUANTITY";
        } else {
            let previous = if start > 0 { at(start - 1) } else { "" };
            let next = at(end);
            let single = end == start + 1;
            // A year before Christ, alone or opening a range: "480 BC", "499 to 493 BC".
            let bc = |k: usize| crate::ground::lexical::is_bc_word(at(k));
            let bc_year = bc(end)
                || (matches!(next, "to" | "-" | "–" | "and")
                    && is_digits(at(end + 1))
                    && bc(end + 2));
            if numeric
                && single
                && (is_time_like(word) || is_month_word(previous) || is_month_word(next) || bc_year)
            {
                i = end;
                continue;
            }
            label = "CARDINAL";
        }
        out.push(Numeric {
            tokens: start..end,
            label,
        });
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, &'static str)> {
        let words: Vec<&str> = text.split(' ').collect();
        let blocked = vec![false; words.len()];
        find(
            &words,
            &crate::ground::lexical::LowerWords::new(&words).refs(),
            &blocked,
        )
        .into_iter()
        .map(|n| {
            (
                words.get(n.tokens.clone()).unwrap_or(&[]).join(" "),
                n.label,
            )
        })
        .collect()
    }

    #[test]
    fn money_percent_quantity() {
        assert_eq!(
            labels("a $ 10 billion deal for 10 billion cubic meters of gas"),
            [
                ("$ 10 billion".to_string(), "MONEY"),
                ("10 billion cubic meters".to_string(), "QUANTITY")
            ]
        );
        assert_eq!(
            labels("up 3.5 percent to 5 million euros"),
            [
                ("3.5 percent".to_string(), "PERCENT"),
                ("5 million euros".to_string(), "MONEY")
            ]
        );
        assert_eq!(labels("rose 10 %"), [("10 %".to_string(), "PERCENT")]);
    }

    #[test]
    fn cardinals_and_ordinals_but_not_years() {
        assert_eq!(
            labels("the third of 25 talks in 2002 began on June 5 at 10:30"),
            [
                ("third".to_string(), "ORDINAL"),
                ("25".to_string(), "CARDINAL")
            ]
        );
        assert_eq!(
            labels("two - thirds of twenty-five 21st"),
            [
                ("two".to_string(), "CARDINAL"),
                ("twenty-five".to_string(), "CARDINAL"),
                ("21st".to_string(), "ORDINAL")
            ]
        );
        // Centuries are dates ("the 4th century BC").
        assert!(labels("in the 4th century BC and the twentieth Century").is_empty());
        // Years before Christ are dates too.
        assert_eq!(
            labels("from 499 to 493 BC , and 300 ships in 480 B.C."),
            [("300".to_string(), "CARDINAL")]
        );
    }

    #[test]
    fn blocked_tokens_are_skipped_and_odd_input_is_fine() {
        let words = ["Apollo", "11", "$", "", "%"];
        let blocked = [true, true, false, false, false];
        assert!(find(
            &words,
            &crate::ground::lexical::LowerWords::new(&words).refs(),
            &blocked
        )
        .is_empty());
        assert!(find(&[], &[], &[]).is_empty());
    }
}
