//! The wasm bindings, run in headless Chromium by wasm-bindgen-test: what JS sees.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use lede_wasm::{analyze_html, analyze_text, info};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn first_document(analysis: &JsValue) -> JsValue {
    Array::from(&get(analysis, "documents")).get(0)
}

/// Slice a JS string by UTF-16 offsets, as the page does.
fn js_slice(text: &JsValue, start: &JsValue, end: &JsValue) -> String {
    let s = js_sys::JsString::from(text.clone());
    s.slice(
        start.as_f64().unwrap_or(0.0) as u32,
        end.as_f64().unwrap_or(0.0) as u32,
    )
    .into()
}

#[wasm_bindgen_test]
fn offsets_are_utf16_for_emoji_accents_and_cjk() {
    let text = "Zoë 😀 met 习近平 in Zürich. Then 👩‍👩‍👧 left.";
    let analysis = analyze_text(text.into(), JsValue::UNDEFINED).expect("analysis");
    let doc = first_document(&analysis);
    let doc_text = get(&doc, "text");
    let tokens = Array::from(&get(&doc, "tokens"));
    let words: Vec<String> = tokens
        .iter()
        .map(|t| js_slice(&doc_text, &get(&t, "start"), &get(&t, "end")))
        .collect();
    assert!(words.contains(&"Zoë".to_string()), "{words:?}");
    assert!(words.contains(&"😀".to_string()), "{words:?}");
    assert!(words.contains(&"习近平".to_string()), "{words:?}");
    assert!(words.contains(&"Zürich".to_string()), "{words:?}");
    assert!(words.contains(&"👩‍👩‍👧".to_string()), "{words:?}");
    let sentences = Array::from(&get(&doc, "sentences"));
    assert_eq!(sentences.length(), 2);
    let second = sentences.get(1);
    assert_eq!(
        js_slice(&doc_text, &get(&second, "start"), &get(&second, "end")),
        "Then 👩‍👩‍👧 left."
    );
}

#[wasm_bindgen_test]
fn results_are_plain_objects_with_the_schema() {
    let analysis =
        analyze_text("Putin met Hu in Moscow.".into(), JsValue::UNDEFINED).expect("analysis");
    assert!(analysis.is_instance_of::<Object>());
    assert_eq!(
        get(&analysis, "schema").as_string().as_deref(),
        Some("lede/1")
    );
    assert_eq!(
        get(&info().expect("info"), "schema").as_string().as_deref(),
        Some("lede/1")
    );
}

#[wasm_bindgen_test]
fn options_are_read_and_bad_options_rejected() {
    let options = Object::new();
    Reflect::set(&options, &"clean".into(), &JsValue::FALSE).expect("set");
    let analysis = analyze_text("  verbatim  text ".into(), options.into()).expect("analysis");
    assert_eq!(
        get(&first_document(&analysis), "text")
            .as_string()
            .as_deref(),
        Some("  verbatim  text ")
    );

    let bad = Object::new();
    Reflect::set(&bad, &"clena".into(), &JsValue::TRUE).expect("set");
    let error = analyze_text("text".into(), bad.into()).expect_err("unknown option rejected");
    assert!(error
        .as_string()
        .unwrap_or_default()
        .contains("bad options"));
}

#[wasm_bindgen_test]
fn empty_input_is_a_clear_error_not_a_panic() {
    let error = analyze_text("   \n ".into(), JsValue::UNDEFINED).expect_err("empty rejected");
    assert!(error.as_string().unwrap_or_default().contains("empty"));
    let error = analyze_html(
        "<html><body></body></html>".into(),
        None,
        JsValue::UNDEFINED,
    )
    .expect_err("empty page rejected");
    assert!(error
        .as_string()
        .unwrap_or_default()
        .contains("no article text was found"));
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_do_not_break_anything() {
    // A JS string with a lone surrogate arrives as U+FFFD through wasm-bindgen.
    let js = js_sys::JsString::from_char_code(&[0x0041, 0xD800, 0x0020, 0x0042, 0x002E]);
    let text: String = js.into();
    let analysis = analyze_text(text, JsValue::UNDEFINED).expect("analysis");
    assert_eq!(
        Array::from(&get(&first_document(&analysis), "sentences")).length(),
        1
    );
}
