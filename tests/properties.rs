//! Invariants of the whole pipeline on arbitrary input (property tests): it never
//! panics; every offset in the output is a UTF-16 offset inside the cleaned text
//! that never splits a surrogate pair; and every character of pasted text is
//! accounted for: kept, repaired (with its original recorded) or removed (recorded).
#![cfg(not(target_arch = "wasm32"))]

use lede::{analyze, Input, Options};
use proptest::prelude::*;
use serde_json::Value;

/// Text made of the pieces that break naive code: emoji, CJK, combining marks, RTL,
/// curly quotes, hex-escaped UTF-8 with lost backslashes, markup, odd whitespace.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[0-9]{1,4}",
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("U.S. ".to_string()),
        Just("xe2x80x99".to_string()),
        Just("â€™".to_string()),
        Just("“Quote,” ".to_string()),
        Just("😀👩‍👩‍👧".to_string()),
        Just("习近平".to_string()),
        Just("e\u{301}".to_string()),
        Just("مرحبا".to_string()),
        Just("\u{200b}\u{a0}\t\r".to_string()),
        Just("<p>".to_string()),
        Just("&amp;".to_string()),
        Just("$10 billion".to_string()),
        Just("on Saturday, 29 November 2002".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Check every {start, end} object in the JSON against the text's UTF-16 units.
fn check_offsets(value: &Value, units: &[u16], path: &str) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (start as usize, end as usize);
                if s > e || e > units.len() {
                    return Err(format!("{path}: {s}..{e} outside 0..{}", units.len()));
                }
                for at in [s, e] {
                    if at > 0 && at < units.len() {
                        let unit = units.get(at).copied().unwrap_or(0);
                        if (0xDC00..0xE000).contains(&unit) {
                            return Err(format!("{path}: offset {at} splits a surrogate pair"));
                        }
                    }
                }
            }
            for (key, child) in map {
                check_offsets(child, units, &format!("{path}.{key}"))?;
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                check_offsets(child, units, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn check(input: Input, options: &Options) -> Result<(), TestCaseError> {
    match analyze(&input, options) {
        Err(_) => Ok(()), // a clear error is a fine answer (e.g. empty input)
        Ok(analysis) => {
            let json =
                serde_json::to_value(&analysis).map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (i, doc) in json["documents"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                let text = doc["text"].as_str().unwrap_or("");
                let units: Vec<u16> = text.encode_utf16().collect();
                check_offsets(doc, &units, &format!("documents[{i}]"))
                    .map_err(TestCaseError::fail)?;
                let sentences = doc["sentences"].as_array().cloned().unwrap_or_default();
                let mut last_end = 0;
                for s in &sentences {
                    let start = s["start"].as_u64().unwrap_or(0);
                    prop_assert!(start >= last_end, "sentences overlap or are out of order");
                    last_end = s["end"].as_u64().unwrap_or(0);
                }
            }
            Ok(())
        }
    }
}

/// The visible characters of a text, sorted: what must survive cleaning.
fn visible_chars(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '\u{200b}' | '\u{feff}'))
        .collect();
    chars.sort_unstable();
    chars
}

/// Rebuild what a pasted text was from the Analysis: each document's text with its
/// repairs undone, plus every removed line. Its visible characters must be the input's.
fn accounted_for(text: &str) -> Result<(), TestCaseError> {
    let Ok(analysis) = analyze(&Input::Text(text.to_string()), &Options::default()) else {
        return Ok(());
    };
    let json = serde_json::to_value(&analysis).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut rebuilt = String::new();
    for doc in json["documents"].as_array().cloned().unwrap_or_default() {
        let units: Vec<u16> = doc["text"].as_str().unwrap_or("").encode_utf16().collect();
        let mut repairs = doc["repairs"].as_array().cloned().unwrap_or_default();
        repairs.sort_by_key(|r| r["start"].as_u64().unwrap_or(0));
        let mut at = 0usize;
        for r in &repairs {
            let start = r["start"].as_u64().unwrap_or(0) as usize;
            let end = r["end"].as_u64().unwrap_or(0) as usize;
            prop_assert!(
                start >= at && end <= units.len(),
                "repairs overlap or run out of the text"
            );
            rebuilt.push_str(&String::from_utf16_lossy(&units[at..start]));
            rebuilt.push_str(r["original"].as_str().unwrap_or(""));
            at = end;
        }
        rebuilt.push_str(&String::from_utf16_lossy(&units[at..]));
        for removed in doc["removed"].as_array().cloned().unwrap_or_default() {
            rebuilt.push('\n');
            let line = removed.get("original").unwrap_or(&removed["text"]);
            rebuilt.push_str(line.as_str().unwrap_or(""));
        }
    }
    prop_assert_eq!(
        visible_chars(&rebuilt),
        visible_chars(text),
        "input {:?}",
        text
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_character_is_kept_repaired_or_removed(text in messy_text()) {
        accounted_for(&text)?;
    }

    #[test]
    fn text_offsets_are_utf16_inside_the_text(text in messy_text()) {
        check(Input::Text(text.clone()), &Options::default())?;
        check(Input::Text(text), &Options { clean: false, ..Options::default() })?;
    }

    #[test]
    fn html_never_panics_and_offsets_hold(body in messy_text(), depth in 0usize..50) {
        let html = format!("<html><head><title>{body}</title></head><body>{}{body}{}</body></html>",
            "<div>".repeat(depth), "</div>".repeat(depth / 2));
        check(Input::Html { html, url: None }, &Options::default())?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check(Input::Text(text), &Options::default())?;
    }
}

#[test]
fn verbatim_text_is_kept_exactly() {
    let text = "  Zoë\u{a0}met xe2x80x9cHuxe2x80x9d &amp; 😀\r\n";
    let options = Options {
        clean: false,
        ..Options::default()
    };
    let analysis = analyze(&Input::Text(text.into()), &options).expect("analysis");
    assert_eq!(analysis.documents.len(), 1);
    assert_eq!(analysis.documents[0].text, text);
}
