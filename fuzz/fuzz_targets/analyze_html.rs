//! `analyze` on arbitrary HTML: never panics, never recurses without bound.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lede::{analyze, Input, Options};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data).into_owned();
    let input = Input::Html { html, url: Some("https://example.com/news/a.html".into()) };
    if let Ok(analysis) = analyze(&input, &Options::default()) {
        for doc in &analysis.documents {
            let units = doc.text.encode_utf16().count();
            for t in &doc.tokens {
                assert!(t.span.start <= t.span.end && t.span.end <= units);
            }
        }
    }
});
