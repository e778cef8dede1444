//! Cross-stage tests of the entities stage through `lede::analyze`: JSON shape,
//! UTF-16 offsets, and the caller's dictionary.

use lede::{analyze, DictionaryEntry, Input, Options};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(start..end).unwrap_or(&[]))
}

#[test]
fn mentions_use_utf16_offsets_and_entities_serialize() {
    let text =
        "😀 Zoë says: Russian President Vladimir Putin met Xi Jinping in Moscow. Putin smiled.";
    let analysis = analyze(&Input::Text(text.into()), &Options::default()).expect("analysis");
    let doc = analysis.documents.first().expect("one document");
    let json = serde_json::to_value(doc).expect("serializes");
    let mentions = json["mentions"].as_array().expect("mentions");
    let entities = json["entities"].as_array().expect("entities");
    assert!(!mentions.is_empty());
    let mut putin_mentions = 0;
    for m in mentions {
        let (start, end) = (
            m["start"].as_u64().unwrap_or(0),
            m["end"].as_u64().unwrap_or(0),
        );
        let surface = utf16_slice(&doc.text, start as usize, end as usize);
        let entity = &entities[m["entity"].as_u64().unwrap_or(0) as usize];
        if entity["name"] == "Vladimir Putin" {
            assert!(surface.ends_with("Putin"), "{surface}");
            putin_mentions += 1;
        }
    }
    assert_eq!(putin_mentions, 2);
    let putin = entities
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .expect("Putin entity");
    assert_eq!(putin["type"], "PERSON");
    assert_eq!(putin["salience"], 1.0);
    assert!(putin["titles"].as_array().is_some_and(|t| !t.is_empty()));
    let russian = entities
        .iter()
        .find(|e| e["name"] == "Russian")
        .expect("Russian");
    assert_eq!(russian["type"], "NORP");
    assert_eq!(russian["country"], "Russia");
}

#[test]
fn dictionary_from_options_wins() {
    let options = Options {
        dictionary: vec![DictionaryEntry {
            name: "Blue Harbor".into(),
            label: "ORG".into(),
        }],
        ..Options::default()
    };
    let text = "Blue Harbor said on Monday it would hire 200 people in Ohio.";
    let analysis = analyze(&Input::Text(text.into()), &options).expect("analysis");
    let doc = analysis.documents.first().expect("one document");
    let org = doc
        .mentions
        .iter()
        .find(|m| utf16_slice(&doc.text, m.span.start, m.span.end) == "Blue Harbor")
        .expect("dictionary name found");
    assert_eq!(org.label, "ORG");
    assert_eq!(org.source, "dictionary");
}
