//! Who said what in the five samples (tests/fixtures/samples, issue #28): the
//! quotations a reader checked, each with its speaker.
#![cfg(not(target_arch = "wasm32"))]

use lede::{analyze, Document, Input, Options};

mod common;
use common::sample;

fn document(text: &str) -> Document {
    let mut analysis =
        analyze(&Input::Text(text.to_string()), &Options::default()).expect("analysis");
    analysis.documents.remove(0)
}

/// The speaker's name of the quotation holding `words`, and its kind.
fn said(doc: &Document, words: &str) -> (Option<String>, String) {
    let units: Vec<u16> = doc.text.encode_utf16().collect();
    let quote = doc
        .quotes
        .iter()
        .find(|q| {
            units
                .get(q.span.start..q.span.end)
                .is_some_and(|u| String::from_utf16_lossy(u).contains(words))
        })
        .unwrap_or_else(|| panic!("no quotation holds {words:?}"));
    let speaker = quote
        .speaker
        .and_then(|e| doc.entities.get(e))
        .map(|e| e.entity.name.clone());
    (speaker, format!("{:?}", quote.kind).to_lowercase())
}

fn speaker(doc: &Document, words: &str) -> Option<String> {
    said(doc, words).0
}

#[test]
fn sample_003_putin_and_wang_yi() {
    let Some(text) = sample("003") else { return };
    let doc = document(&text);
    let putin = Some("Vladimir Putin".to_string());
    assert_eq!(
        said(
            &doc,
            "very important for stabilizing the international situation"
        ),
        (putin.clone(), "partial".to_string())
    );
    assert_eq!(speaker(&doc, "new milestones"), putin);
    assert_eq!(
        said(
            &doc,
            "The current international situation is indeed critical"
        ),
        (Some("Wang Yi".to_string()), "direct".to_string())
    );
    assert_eq!(
        speaker(&doc, "jointly practice true multilateralism"),
        Some("Nikolai Patrushev".to_string())
    );
    assert_eq!(speaker(&doc, "Three Nos"), Some("Qin Gang".to_string()));
    // each speaker lists the quotations it said
    let wang = doc.entities.iter().find(|e| e.entity.name == "Wang Yi");
    assert!(wang.is_some_and(|e| !e.quotes.is_empty()));
}

#[test]
fn sample_001_nikonov_by_pronoun_and_the_quote_after() {
    let Some(text) = sample("001") else { return };
    let doc = document(&text);
    let nikonov = Some("Vyacheslav Nikonov".to_string());
    assert_eq!(
        said(&doc, "not waiting for anything revolutionary"),
        (nikonov.clone(), "partial".to_string())
    );
    // the next quotation, without a cue of its own, goes on from it
    assert_eq!(
        said(&doc, "First, nothing revolutionary ever happens"),
        (nikonov, "direct".to_string())
    );
    assert_eq!(
        speaker(&doc, "We are deeply interested"),
        Some("Sergei Karaganov".to_string())
    );
    // a newspaper's name in quotation marks is not a quotation
    let units: Vec<u16> = doc.text.encode_utf16().collect();
    assert!(!doc.quotes.iter().any(|q| units
        .get(q.span.start..q.span.end)
        .is_some_and(|u| String::from_utf16_lossy(u).contains("Kommersant"))));
}

#[test]
fn sample_000_putin_to_hu() {
    let Some(text) = sample("000") else { return };
    let doc = document(&text);
    let putin = Some("Vladimir Putin".to_string());
    assert_eq!(speaker(&doc, "It is unlikely we will meet again"), putin);
    assert_eq!(speaker(&doc, "You and I have achieved"), putin);
}
