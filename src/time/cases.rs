//! Time's test cases as data: `tests/data/time/*.json`, one file per topic, each a
//! list of cases that give a text, the article's date (`dct`; none for an undated
//! article) and what the time stage must find in it, read by the one test below.
//!
//! A case names exactly one expectation, each read from [`tag`] (or
//! [`tag_undated`] when the case gives no `dct`), the stage's expressions as
//! (text, TIMEX3 type, value, value_end):
//! - `values`: the values, in text order;
//! - `spans`: the texts;
//! - `pairs`: [text, value] of each;
//! - `pieces`: [text, value] or [text, value, value_end] of each;
//! - `timexes`: [text, type, value] or [text, type, value, value_end] of each;
//! - `typed`: [text, type, value] of each (value_end not compared);
//! - `last`: the value of the last expression ("" when there is none).
//!
//! Guarantees: every file is compiled in (`include_str!`, so the wasm test build,
//! which has no filesystem, runs them too, in headless Chromium) and a native
//! test checks that none in the directory is left out; a failing case reports its file, its name and the
//! difference between what it wants and what the stage found.

use super::tests::{tag, tag_undated};
use serde::Deserialize;

/// The data files, by name.
const FILES: &[(&str, &str)] = &[
    (
        "absolute.json",
        include_str!("../../tests/data/time/absolute.json"),
    ),
    (
        "clock.json",
        include_str!("../../tests/data/time/clock.json"),
    ),
    (
        "decades_and_seasons.json",
        include_str!("../../tests/data/time/decades_and_seasons.json"),
    ),
    (
        "durations_and_sets.json",
        include_str!("../../tests/data/time/durations_and_sets.json"),
    ),
    (
        "events.json",
        include_str!("../../tests/data/time/events.json"),
    ),
    (
        "holidays.json",
        include_str!("../../tests/data/time/holidays.json"),
    ),
    (
        "narrative.json",
        include_str!("../../tests/data/time/narrative.json"),
    ),
    (
        "quarters.json",
        include_str!("../../tests/data/time/quarters.json"),
    ),
    (
        "relative.json",
        include_str!("../../tests/data/time/relative.json"),
    ),
    (
        "spans.json",
        include_str!("../../tests/data/time/spans.json"),
    ),
    (
        "tense.json",
        include_str!("../../tests/data/time/tense.json"),
    ),
];

/// One case: a text, its article date, and one expectation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// Why the case is as it is (the comment the case had as a Rust test).
    #[serde(default)]
    note: Option<String>,
    text: String,
    dct: Option<String>,
    values: Option<Vec<String>>,
    spans: Option<Vec<String>>,
    pairs: Option<Vec<Vec<String>>>,
    pieces: Option<Vec<Vec<String>>>,
    timexes: Option<Vec<Vec<String>>>,
    typed: Option<Vec<Vec<String>>>,
    last: Option<String>,
}

/// The stage's expressions: (text, type, value, value_end).
type Found = Vec<(String, String, String, Option<String>)>;

impl Case {
    /// What the case wants and what the stage found, each as lines, or an error
    /// when the case does not name exactly one expectation.
    fn want_and_got(&self, found: &Found) -> Result<(Vec<String>, Vec<String>), String> {
        let mut named = Vec::new();
        let rows = |rows: &Vec<Vec<String>>| rows.iter().map(|r| format!("{r:?}")).collect();
        let strings = |list: &Vec<String>| list.iter().map(|s| format!("{s:?}")).collect();
        let with_end = |mut row: Vec<String>, end: &Option<String>| {
            row.extend(end.clone());
            format!("{row:?}")
        };
        if let Some(want) = &self.values {
            let got = found.iter().map(|t| format!("{:?}", t.2)).collect();
            named.push((strings(want), got));
        }
        if let Some(want) = &self.spans {
            let got = found.iter().map(|t| format!("{:?}", t.0)).collect();
            named.push((strings(want), got));
        }
        if let Some(want) = &self.pairs {
            let got = found
                .iter()
                .map(|t| format!("{:?}", [&t.0, &t.2]))
                .collect();
            named.push((rows(want), got));
        }
        if let Some(want) = &self.pieces {
            let got = found
                .iter()
                .map(|t| with_end(vec![t.0.clone(), t.2.clone()], &t.3))
                .collect();
            named.push((rows(want), got));
        }
        if let Some(want) = &self.timexes {
            let got = found
                .iter()
                .map(|t| with_end(vec![t.0.clone(), t.1.clone(), t.2.clone()], &t.3))
                .collect();
            named.push((rows(want), got));
        }
        if let Some(want) = &self.typed {
            let got = found
                .iter()
                .map(|t| format!("{:?}", [&t.0, &t.1, &t.2]))
                .collect();
            named.push((rows(want), got));
        }
        if let Some(want) = &self.last {
            let got = found.last().map(|t| t.2.clone()).unwrap_or_default();
            named.push((vec![format!("{want:?}")], vec![format!("{got:?}")]));
        }
        match named.len() {
            1 => Ok(named.remove(0)),
            n => Err(format!("names {n} expectations, not one")),
        }
    }
}

/// The lines of `want` and `got` that differ, marked `-` (wanted) and `+` (found).
fn diff(want: &[String], got: &[String]) -> String {
    let mut out = String::new();
    for k in 0..want.len().max(got.len()) {
        match (want.get(k), got.get(k)) {
            (Some(w), Some(g)) if w == g => out.push_str(&format!("      {w}\n")),
            (w, g) => {
                if let Some(w) = w {
                    out.push_str(&format!("    - {w}\n"));
                }
                if let Some(g) = g {
                    out.push_str(&format!("    + {g}\n"));
                }
            }
        }
    }
    out
}

// (the lib's #[test]s do not run in the wasm test build; this one does, in the browser)
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_case_of_the_data_files_holds() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, source) in FILES {
        let cases: Vec<Case> =
            serde_json::from_str(source).unwrap_or_else(|e| panic!("tests/data/time/{file}: {e}"));
        assert!(!cases.is_empty(), "tests/data/time/{file}: no cases");
        for case in cases {
            count += 1;
            let found = match &case.dct {
                Some(dct) => tag(&case.text, dct),
                None => tag_undated(&case.text),
            };
            let place = format!("tests/data/time/{file}: {}", case.name);
            match case.want_and_got(&found) {
                Err(why) => failures.push(format!("{place}: {why}")),
                Ok((want, got)) if want != got => failures.push(format!(
                    "{place}: text {:?}, dct {}{}\n{}",
                    case.text,
                    case.dct.as_deref().unwrap_or("none"),
                    case.note
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default(),
                    diff(&want, &got)
                )),
                Ok(_) => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every data file in the directory is one of [`FILES`]: a new file is not
/// silently skipped.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_data_file_is_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/time");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/data/time")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let read: Vec<String> = FILES.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(on_disk, read);
}
