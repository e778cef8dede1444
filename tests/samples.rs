//! The five pasted samples (tests/fixtures/samples, copied from ../shared/samples) through the whole pipeline:
//! furniture removed and recorded, encodings repaired, metadata found, two
//! articles pasted together split apart, the same people grouped. Skipped when
//! the samples are not beside the checkout.
#![cfg(not(target_arch = "wasm32"))]

use lede::{analyze, Analysis, Input, Options};

mod common;
use common::sample;

fn run(text: &str) -> Analysis {
    analyze(&Input::Text(text.to_string()), &Options::default()).expect("analysis")
}

fn removed(analysis: &Analysis) -> Vec<(String, String)> {
    analysis.documents[0]
        .removed
        .iter()
        .map(|r| (r.reason.clone(), r.text.clone()))
        .collect()
}

#[test]
fn sample_000_furniture_dateline_and_people() {
    let Some(text) = sample("000") else { return };
    let analysis = run(&text);
    let doc = &analysis.documents[0];
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Putin Reassures Asians, Invites Bush to Siberia")
    );
    assert_eq!(doc.meta.dateline.as_deref(), Some("SYDNEY"));
    // "Last Updated: 07/27/2016" is years after the story. President Putin, President
    // Hu Jintao, President George W. Bush and Prime Minister Shinzo Abe held office
    // together from September 2006 to September 2007: the stamp weighs less, and the
    // story is of 2007 (the reasons in `evidence`), so "after he leaves office next
    // year" is 2008.
    let published = doc.published.as_ref().expect("a date");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2007", "evidence")
    );
    assert!(published.confidence <= 0.5);
    let value_of = |words: &str| {
        doc.timexes
            .iter()
            .find(|t| t.span.of(&doc.text) == words)
            .map(|t| t.value.clone())
    };
    assert_eq!(value_of("next year").as_deref(), Some("2008"));
    // "their last meeting before the presidential election in March": that March
    // is still to come.
    assert_eq!(value_of("March").as_deref(), Some("2008-03"));
    // With only the year known, "Saturday" is a day of 2007, not a made-up date.
    assert_eq!(value_of("Saturday").as_deref(), Some("2007"));
    let reasons = removed(&analysis);
    assert!(
        reasons
            .iter()
            .any(|(r, t)| r == "credit" && t == "Will Burgess / Reuters"),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|(r, t)| r == "caption" && t.starts_with("Presidential Press Service")),
        "{reasons:?}"
    );
    assert!(!doc.text.contains("Last Updated") && !doc.text.contains("Will Burgess"));
    let putin = doc
        .entities
        .iter()
        .find(|e| e.entity.name == "Vladimir Putin")
        .expect("Putin");
    assert!(putin.entity.mentions.len() >= 15);
    assert!(putin.entity.aliases.contains(&"Putin".to_string()));
    assert_eq!(putin.entity.salience, 1.0);
    assert!(doc
        .entities
        .iter()
        .any(|e| e.entity.name == "Hu Jintao" && e.entity.aliases.contains(&"Hu".to_string())));
}

#[test]
fn sample_001_dateline_date_and_title() {
    let Some(text) = sample("001") else { return };
    let analysis = run(&text);
    let doc = &analysis.documents[0];
    let published = doc.published.as_ref().expect("a date");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2002-11-29", "dateline")
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Russia: President Putin Plans To Visit China")
    );
    let reasons = removed(&analysis);
    assert!(
        reasons.iter().any(|(_, t)| t == "Accessibility links"),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|(_, t)| t == "Breaking News"),
        "{reasons:?}"
    );
    // Relative dates land on the right days: "1-3 December" as a range.
    assert!(doc
        .timexes
        .iter()
        .any(|t| t.value == "2002-12-01" && t.value_end.as_deref() == Some("2002-12-03")));
}

#[test]
fn samples_002_and_003_pasted_together_are_two_articles() {
    let (Some(a), Some(b)) = (sample("002"), sample("003")) else {
        return;
    };
    let analysis = run(&format!("{a}{b}"));
    assert_eq!(analysis.documents.len(), 2);
    assert_eq!(
        analysis.documents[0].meta.title.as_deref(),
        Some("Putin’s Grand Plan for Asia")
    );
    assert!(analysis.documents[1]
        .text
        .starts_with("(Tribune News Service)"));
    assert_eq!(
        analysis.documents[1].meta.copyright.as_deref(),
        Some("©2023 Bloomberg L.P.")
    );
    // The corpus view merges the people of both.
    let putin = analysis
        .corpus
        .entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .expect("Putin");
    assert_eq!(putin.appearances.len(), 2);
}

#[test]
fn sample_004_hex_utf8_is_repaired_and_recorded() {
    let Some(text) = sample("004") else { return };
    let analysis = run(&text);
    let doc = &analysis.documents[0];
    assert!(!doc.text.contains("xe2x80"));
    assert!(doc
        .text
        .contains("Russia’s Vladimir Putin and China’s Xi Jinping"));
    assert!(doc.text.contains("BEIJING (AP) — The leaders"));
    assert!(doc.repairs.len() >= 50);
    let units: Vec<u16> = doc.text.encode_utf16().collect();
    for repair in &doc.repairs {
        let fixed = String::from_utf16_lossy(&units[repair.span.start..repair.span.end]);
        assert!(
            repair.original.starts_with('x') && !fixed.is_empty(),
            "{repair:?}"
        );
    }
    assert!(removed(&analysis)
        .iter()
        .any(|(_, t)| t == "Listen to this article"));
    assert!(removed(&analysis)
        .iter()
        .any(|(_, t)| t == "shared this story"));
}

#[test]
fn clean_text_comes_out_unchanged() {
    let text = "Russia and China signed a gas deal on Friday.\n\nThe agreement, worth $400 billion, runs for 30 years. “It is a good deal,” Putin said.";
    let analysis = run(text);
    assert_eq!(analysis.documents.len(), 1);
    assert_eq!(analysis.documents[0].text, text);
    assert!(analysis.documents[0].repairs.is_empty());
    assert!(analysis.documents[0].removed.is_empty());
}
