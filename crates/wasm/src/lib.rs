//! The WebAssembly bindings: a thin shell that exposes [`lede::analyze`] (and the choice of entities model) to
//! JavaScript. Results cross as plain JS objects (via serde-wasm-bindgen); every
//! offset in them is a UTF-16 code unit, as JS strings count. Built for
//! `wasm32-unknown-unknown` only (`scripts/build-wasm.sh`); empty elsewhere.
#![cfg(target_arch = "wasm32")]

use lede::{analyze, Input, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Serialized to a JSON string and parsed by the browser's native JSON.parse:
/// measured several times faster than building the objects one by one across
/// the wasm boundary (the Analysis holds thousands of small objects).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

fn parse_options(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    // Through serde_json::Value so unknown option names are rejected, not ignored.
    let value: serde_json::Value = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsValue::from_str(&format!("bad options: {e}")))?;
    serde_json::from_value(value).map_err(|e| JsValue::from_str(&format!("bad options: {e}")))
}

/// Analyze pasted text. `options` is an object like `{clean, split, published,
/// targets, dictionary}` or undefined. Throws a string message on bad input.
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: String, options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    let analysis =
        analyze(&Input::Text(text), &options).map_err(|e| JsValue::from_str(&e.to_string()))?;
    to_js(&analysis)
}

/// Analyze an HTML page; `url` is where it came from, when known.
#[wasm_bindgen(js_name = analyzeHtml)]
pub fn analyze_html(
    html: String,
    url: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    let analysis = analyze(&Input::Html { html, url }, &options)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    to_js(&analysis)
}

/// Use an entities model of the user's own (a file made by `lede train entities
/// --data DIR`) instead of the shipped one, for every analysis after this call.
/// Throws a clear message for a file that is not such a model, or when a model
/// was already set in this instance (start a fresh one to change it).
#[wasm_bindgen(js_name = useModel)]
pub fn use_model(bytes: Vec<u8>) -> Result<(), JsValue> {
    lede::entities::use_model(bytes).map_err(|e| JsValue::from_str(&e))
}

/// The version and schema of this build.
#[wasm_bindgen]
pub fn info() -> Result<JsValue, JsValue> {
    to_js(&lede::info())
}

/// Abort as a Rust panic does in the browser build (`panic = "abort"`: a wasm
/// trap). Only the page's tests call it, to check that a worker whose engine
/// died is replaced and the page says so.
#[wasm_bindgen(js_name = testAbort)]
pub fn test_abort() {
    panic!("testAbort: the page's tests asked the engine to abort");
}
