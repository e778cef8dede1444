//! The model parsers: arbitrary bytes as an entity model and as a targeted-sentiment
//! model; whatever parses is used on a fixed text, so bad weights, codebooks and
//! row indices are exercised too.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lede::lab::entities::{recognize_with, Dictionary, QuantizedModel};
use lede::lab::sentiment::{features, Context, Model};

const TEXT: &str = "Zoë 😀 met Vladimir Putin in Moscow on Saturday; NATO criticized him.";

fuzz_target!(|data: &[u8]| {
    let layer = lede::text::segment(TEXT);
    if let Some(model) = QuantizedModel::from_bytes(data) {
        let _ = recognize_with(&model, TEXT, &layer, &Dictionary::new(&[]));
    }
    if let Some(model) = Model::from_bytes(data) {
        let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(TEXT)).collect();
        let context = Context::new(&words);
        let mut buckets = Vec::new();
        for start in 0..words.len() {
            features(&context, start, start + 1, model.bits(), &mut buckets);
            let _ = model.probabilities(&buckets);
        }
    }
});
