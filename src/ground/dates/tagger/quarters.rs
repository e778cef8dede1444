//! Quarters, halves and fiscal years: "the third quarter [of 1997]",
//! "third-quarter", "the first half", "q3", "3Q25", "FY2027", "fiscal 2027", "the
//! quarter ended July 31", "the year ended Sept. 30", and which quarter an earnings
//! report is speaking of when it names none (the one last named, reported or
//! ended).
//!
//! Guarantees: a quarter's value is `YYYY-Qn` (or a half `YYYY-Hn`), with the
//! year left unknown (`XXXX`) when nothing gives it; never panics.

use super::*;

/// The year of quarter `n` named without one: the DCT's year, or the year before
/// when, in a past-tense sentence, the quarter lies more than one ahead of the DCT's
/// ("fourth-quarter results" in January are last year's).
pub(super) fn quarter_year(cx: &Context, n: u32, i: usize) -> Option<i32> {
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
pub(super) fn current_quarter(cx: &Context) -> Option<(i32, u32)> {
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

pub(super) fn quarter_value(year: Option<i32>, kind: &str, n: Option<u32>) -> String {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    year.map_or(format!("XXXX-{kind}{n}"), |y| format!("{y:04}-{kind}{n}"))
}

/// "the third quarter [of 1997]", "third-quarter", "the first half", "the quarter",
/// "the latest quarter", "the year-earlier quarter", "the year-ago period",
/// "the 1988 third quarter", "the fiscal first quarter".
pub(super) fn quarter(cx: &Context, i: usize) -> Option<Found> {
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
pub(super) fn ended_quarter(cx: &Context, at: usize) -> Option<(i32, u32)> {
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
pub(super) fn reported_quarter(cx: &Context, i: usize) -> Option<(i32, u32)> {
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
pub(super) fn quarter_named_before(cx: &Context, i: usize) -> Option<(i32, u32)> {
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
pub(super) fn hyphenated_quarter(w: &str) -> Option<u32> {
    let mut ordinal = w.strip_suffix("-quarter")?;
    while let Some(rest) = ordinal.strip_prefix("fiscal-") {
        ordinal = rest;
    }
    small_ordinal(ordinal)
}

/// "In the first nine months, net was $306 million, compared with a loss in the
/// 1988 period": a comparison over more than a quarter is of the year.
pub(super) fn over_months(cx: &Context) -> bool {
    cx.words.windows(2).any(|p| {
        matches!(p, [n, "months"] if *n != "three") || matches!(p, [_, "nine-month" | "half"])
    })
}

/// "q3", "3q", "h1", "1h", and with a year glued on ("3q25", "1h2026"): the
/// kind ("Q" or "H"), the number, and the year as written (25 or 2026).
pub(super) fn abbreviated_quarter(w: &str) -> Option<(&'static str, u32, Option<i32>)> {
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
pub(super) fn fiscal_year_written(cx: &Context, i: usize) -> Option<(i32, usize)> {
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
pub(super) fn full_year(cx: &Context, y: i32) -> i32 {
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

/// "FY2027", "FY 27": the fiscal year, named by the calendar year it ends in.
pub(super) fn fy(cx: &Context, i: usize) -> Option<Found> {
    if !cx.at(i).starts_with("fy") {
        return None;
    }
    let (y, end) = fiscal_year_written(cx, i)?;
    found(i, end, "DATE", format!("{:04}", full_year(cx, y)))
}

/// "the year ended Sept. 30", "the fiscal year": an accounting year, which
/// TimeBank marks as a one-year duration.
pub(super) fn fiscal_year(cx: &Context, i: usize) -> Option<Found> {
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
