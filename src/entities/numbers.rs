//! Rule-based numeric entities over tokens: MONEY ("$10 billion", "5 million
//! euros"), PERCENT ("3%", "12 percent"), QUANTITY ("10 billion cubic meters"),
//! ORDINAL ("second", "3rd") and CARDINAL (other counts, not years).

/// A numeric expression: token range `[start, end)` and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericSpan {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
}

const SCALES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "mln", "m", "k", "hundred", "dozen",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "yen", "yuan", "renminbi", "rouble", "roubles", "ruble",
    "rubles", "rupee", "rupees", "cents", "pence", "francs", "pesos", "won", "marks", "lira",
    "sterling",
];
const UNITS: &[&str] = &[
    "km",
    "kilometers",
    "kilometres",
    "kilometer",
    "kilometre",
    "miles",
    "mile",
    "meters",
    "metres",
    "meter",
    "metre",
    "feet",
    "foot",
    "tons",
    "tonnes",
    "ton",
    "tonne",
    "barrels",
    "barrel",
    "cubic",
    "square",
    "kg",
    "kilograms",
    "kilogram",
    "grams",
    "acres",
    "hectares",
    "degrees",
    "liters",
    "litres",
    "gallons",
    "megawatts",
    "gigawatts",
    "mw",
    "gw",
    "bcm",
    "mph",
    "inches",
    "pounds",
    "ounces",
    "cm",
    "mm",
    "sq",
];
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
];
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn is_number(word: &str) -> bool {
    let mut digits = 0;
    for ch in word.chars() {
        if ch.is_ascii_digit() {
            digits += 1;
        } else if !matches!(ch, ',' | '.') {
            return false;
        }
    }
    digits > 0
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2100).contains(&y))
}

fn is_ordinal(lower: &str) -> bool {
    if ORDINALS.contains(&lower) {
        return true;
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// Find the numeric expressions of a sentence given its words.
pub fn find(words: &[&str]) -> Vec<NumericSpan> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let at = |i: usize| lower.get(i).map_or("", String::as_str);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = at(i);
        let currency_symbol = matches!(
            w,
            "$" | "€" | "£" | "¥" | "₽" | "₹" | "us$" | "a$" | "c$" | "hk$"
        );
        if currency_symbol && is_number(at(i + 1)) {
            let mut end = i + 2;
            while SCALES.contains(&at(end)) {
                end += 1;
            }
            out.push(NumericSpan {
                start: i,
                end,
                label: "MONEY",
            });
            i = end;
            continue;
        }
        let numeric = is_number(w) || (NUMBER_WORDS.contains(&w) && w != "one");
        if numeric {
            let mut end = i + 1;
            while SCALES.contains(&at(end)) {
                end += 1;
            }
            let next = at(end);
            let span = if next == "%" || next == "percent" || next == "pct" {
                Some((end + 1, "PERCENT"))
            } else if (next == "per" && at(end + 1) == "cent")
                || (next == "percentage" && at(end + 1) == "points")
            {
                Some((end + 2, "PERCENT"))
            } else if CURRENCY_WORDS.contains(&next) {
                Some((end + 1, "MONEY"))
            } else if UNITS.contains(&next) {
                let mut unit_end = end + 1;
                if matches!(next, "cubic" | "square" | "sq") && UNITS.contains(&at(unit_end)) {
                    unit_end += 1;
                }
                Some((unit_end, "QUANTITY"))
            } else if is_year(w)
                || MONTHS.contains(&at(i.wrapping_sub(1)))
                || MONTHS.contains(&next)
            {
                None // a date: the time stage's
            } else if is_number(w) || end > i + 1 || NUMBER_WORDS.contains(&w) {
                Some((end, "CARDINAL"))
            } else {
                None
            };
            if let Some((end, label)) = span {
                out.push(NumericSpan {
                    start: i,
                    end,
                    label,
                });
                i = end;
                continue;
            }
        } else if is_ordinal(w) {
            out.push(NumericSpan {
                start: i,
                end: i + 1,
                label: "ORDINAL",
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, &'static str)> {
        let words: Vec<&str> = text.split(' ').collect();
        find(&words)
            .into_iter()
            .map(|s| (words[s.start..s.end].join(" "), s.label))
            .collect()
    }

    #[test]
    fn money_percent_quantity_ordinal_cardinal() {
        assert_eq!(
            labels("a $ 10 billion deal"),
            [("$ 10 billion".to_string(), "MONEY")]
        );
        assert_eq!(
            labels("5 million euros"),
            [("5 million euros".to_string(), "MONEY")]
        );
        assert_eq!(labels("up 3.5 %"), [("3.5 %".to_string(), "PERCENT")]);
        assert_eq!(
            labels("12 per cent"),
            [("12 per cent".to_string(), "PERCENT")]
        );
        assert_eq!(
            labels("10 billion cubic meters of gas"),
            [("10 billion cubic meters".to_string(), "QUANTITY")]
        );
        assert_eq!(
            labels("the second meeting"),
            [("second".to_string(), "ORDINAL")]
        );
        assert_eq!(labels("the 3rd time"), [("3rd".to_string(), "ORDINAL")]);
        assert_eq!(labels("1,200 troops"), [("1,200".to_string(), "CARDINAL")]);
        assert_eq!(labels("in 2002 and on 29 November"), []);
    }
}
