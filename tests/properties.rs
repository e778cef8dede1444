//! Invariants of the whole pipeline on arbitrary input (property tests): it never
//! panics, and every offset in the output is a UTF-16 offset inside the cleaned
//! text that never splits a surrogate pair.
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

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
