//! Language across the stages: an article in another language gets its language
//! named and no English guesses (no names, no tone, no dates in words), only what
//! needs no English (numbers, ISO dates, quotations); an article mixing languages
//! gets the English stages on its English paragraphs only; and which stages ran is
//! in the JSON.

use lede::{analyze, Analysis, Input, Options};

fn run(text: &str) -> Analysis {
    analyze(&Input::Text(text.to_string()), &Options::default()).expect("analysis")
}

fn names(analysis: &Analysis) -> Vec<String> {
    analysis.documents[0]
        .mentions
        .iter()
        .filter(|m| m.kind == "name")
        .map(|m| m.label.clone())
        .collect()
}

const RUSSIAN: &str = "Президент России Владимир Путин встретился в Пекине с председателем КНР Си Цзиньпином 4 февраля 2022 года. Стороны обсудили двусторонние отношения и подписали совместное заявление.";
const GERMAN: &str = "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten. Die Europäische Union berät über neue Sanktionen gegen Russland, die am 2022-02-04 beschlossen werden sollen.";
const CHINESE: &str = "中国国家主席习近平2022年2月4日在北京会见俄罗斯总统普京。双方讨论了双边关系和国际问题，并签署了联合声明。";
const ENGLISH_MORE: &str = "Officials in Washington said the sanctions would be announced next week, and that the allies had agreed on most of the measures after long talks.";
const ENGLISH: &str = "President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Friday, and the two said that their partnership had no limits. The meeting came as tensions with the West grew over Ukraine.";

#[test]
fn other_languages_are_named_and_get_no_english_guesses() {
    for (text, code) in [(RUSSIAN, "ru"), (GERMAN, "de"), (CHINESE, "zh")] {
        let analysis = run(text);
        let document = &analysis.documents[0];
        assert_eq!(document.language.code.as_deref(), Some(code), "{text}");
        assert_eq!(document.language.source, "text");
        assert!(
            names(&analysis).is_empty(),
            "{text}: {:?}",
            names(&analysis)
        );
        assert!(document.sentiment.is_none(), "{text}");
        assert!(document.sentences.iter().all(|s| s.sentiment.is_none()));
        assert_eq!(document.language.stages.sentiment, "none");
        assert_eq!(document.language.stages.entities, "language-neutral");
        // The JSON says so.
        let json = serde_json::to_value(document).expect("json");
        assert_eq!(json["language"]["code"], code);
        assert_eq!(json["language"]["stages"]["time"], "language-neutral");
        assert!(json["sentiment"].is_null());
        assert!(json["language"].get("english").is_none());
    }
}

#[test]
fn language_neutral_readings_still_run_on_other_languages() {
    let analysis = run(GERMAN);
    let document = &analysis.documents[0];
    // The ISO date is read; "Montag" (Monday) is not.
    let values: Vec<&str> = document.timexes.iter().map(|t| t.value.as_str()).collect();
    assert!(values.contains(&"2022-02-04"), "{values:?}");
    for timex in &document.timexes {
        let written = &document.text[..];
        assert!(!written.is_empty());
        assert!(!timex.value.contains("W"), "{:?}", timex);
    }
}

#[test]
fn mixed_articles_read_english_only_where_it_is_english() {
    let text = format!("{ENGLISH}\n\n{GERMAN}\n\n{ENGLISH_MORE}");
    let analysis = run(&text);
    let document = &analysis.documents[0];
    assert!(document.language.mixed);
    assert_eq!(document.language.code.as_deref(), Some("en"));
    let codes: Vec<&str> = document
        .language
        .parts
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(codes, ["en", "de", "en"]);
    assert_eq!(document.language.stages.entities, "english parts");
    let german = document.language.parts[1].span;
    // Offsets are UTF-16 in the output: no name mention inside the German part.
    for mention in document.mentions.iter().filter(|m| m.kind == "name") {
        assert!(
            mention.span.end <= german.start || mention.span.start >= german.end,
            "{mention:?}"
        );
    }
    assert!(names(&analysis).iter().any(|n| n == "PERSON"));
    assert!(document.sentiment.is_some());
    // The German sentences have no tone; the English ones do.
    let toned = document
        .sentences
        .iter()
        .filter(|s| s.sentiment.is_some())
        .count();
    assert_eq!(toned, 3, "{:?}", document.sentences);
}

#[test]
fn english_runs_every_stage() {
    let analysis = run(ENGLISH);
    let document = &analysis.documents[0];
    assert_eq!(document.language.code.as_deref(), Some("en"));
    assert!(!document.language.mixed);
    assert_eq!(document.language.stages.entities, "all");
    assert!(document.sentiment.is_some());
    assert!(!names(&analysis).is_empty());
}

#[test]
fn the_page_language_is_kept_and_used_when_the_text_cannot_tell() {
    let html = "<html lang=\"de\"><head><title>Scholz</title></head><body><article><p>Olaf Scholz.</p></article></body></html>";
    let analysis = analyze(
        &Input::Html {
            html: html.into(),
            url: None,
        },
        &Options::default(),
    )
    .expect("analysis");
    let language = &analysis.documents[0].language;
    assert_eq!(language.declared.as_deref(), Some("de"));
    assert_eq!(language.source, "meta");
    assert!(names(&analysis).is_empty());
}
