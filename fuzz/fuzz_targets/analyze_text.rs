//! `analyze` on arbitrary text, cleaned and verbatim: never panics, offsets stay inside.
#![no_main]
use libfuzzer_sys::fuzz_target;
use lede::{analyze, Input, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for clean in [true, false] {
        let options = Options { clean, ..Options::default() };
        if let Ok(analysis) = analyze(&Input::Text(text.clone()), &options) {
            for doc in &analysis.documents {
                let units = doc.text.encode_utf16().count();
                for s in &doc.sentences {
                    assert!(s.span.start <= s.span.end && s.span.end <= units);
                }
                for m in &doc.mentions {
                    assert!(m.span.start <= m.span.end && m.span.end <= units);
                }
            }
        }
    }
});
