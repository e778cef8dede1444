//! The options parser and the targets path: arbitrary JSON options with a fixed text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lede::{analyze, Input, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(options) = serde_json::from_slice::<Options>(data) {
        let _ = analyze(&Input::Text("Zoë 😀 met Putin in Moscow on Saturday.".into()), &options);
    }
});
