//! Dating the five samples with their date withheld (issue #23): each gets the
//! year its source gives, from what it names, with the reasons in
//! `published.evidence`, each tied to its span in the text. Skipped when the
//! samples are not beside the checkout.
#![cfg(not(target_arch = "wasm32"))]

use lede::{analyze, Input, Options};

mod common;
use common::sample;

/// One reason: kind, the text at its span, whether it agrees.
type Reason = (String, String, bool);

/// (value, source, the evidence) of a sample.
fn dated(prefix: &str) -> Option<(String, String, Vec<Reason>)> {
    published_of(&sample(prefix)?)
}

/// (value, source, the evidence) of a text; spans are UTF-16 code units into it.
fn published_of(text: &str) -> Option<(String, String, Vec<Reason>)> {
    let analysis = analyze(&Input::Text(text.to_string()), &Options::default()).expect("analysis");
    let doc = analysis.documents.into_iter().next()?;
    let published = doc.published?;
    let utf16: Vec<u16> = doc.text.encode_utf16().collect();
    let evidence = published
        .evidence
        .iter()
        .map(|e| {
            let at = utf16.get(e.span.start..e.span.end).unwrap_or_default();
            (e.kind.clone(), String::from_utf16_lossy(at), e.agrees)
        })
        .collect();
    Some((published.value, published.source, evidence))
}

fn has(evidence: &[Reason], kind: &str, span: &str) -> bool {
    evidence
        .iter()
        .any(|(k, s, agrees)| k == kind && s == span && *agrees)
}

#[test]
fn sample_000_is_2007_by_the_leaders_it_names() {
    let Some((value, source, evidence)) = dated("000") else {
        return;
    };
    assert_eq!((value.as_str(), source.as_str()), ("2007", "evidence"));
    assert!(
        has(&evidence, "officeholder", "Prime Minister Shinzo Abe"),
        "{evidence:?}"
    );
}

#[test]
fn sample_001_keeps_its_dateline() {
    let Some((value, source, _)) = dated("001") else {
        return;
    };
    assert_eq!(
        (value.as_str(), source.as_str()),
        ("2002-11-29", "dateline")
    );
}

#[test]
fn sample_002_is_spring_2012_between_election_and_inauguration() {
    let Some((value, _, evidence)) = dated("002") else {
        return;
    };
    assert_eq!(value, "2012");
    assert!(
        evidence.iter().any(|(k, s, agrees)| k == "officeholder"
            && s.starts_with("Vladimir Putin, Russia")
            && s.ends_with("current prime minister")
            && *agrees),
        "{evidence:?}"
    );
    assert!(has(&evidence, "year", "2010"), "{evidence:?}");
}

#[test]
fn sample_003_is_2023_by_the_new_foreign_minister() {
    let Some((value, _, evidence)) = dated("003") else {
        return;
    };
    assert_eq!(value, "2023");
    assert!(
        has(
            &evidence,
            "officeholder",
            "new Chinese Foreign Minister Qin Gang"
        ),
        "{evidence:?}"
    );
}

#[test]
fn sample_004_is_2022_by_the_winter_olympics_in_beijing() {
    let Some((value, _, evidence)) = dated("004") else {
        return;
    };
    assert_eq!(value, "2022");
    assert!(has(&evidence, "event", "Olympics"), "{evidence:?}");
    assert!(has(&evidence, "term", "COVID-19"), "{evidence:?}");
    assert!(
        has(
            &evidence,
            "officeholder",
            "Secretary of State Antony Blinken"
        ),
        "{evidence:?}"
    );
}

#[test]
fn a_given_date_is_kept_and_carries_no_evidence() {
    let Some(text) = sample("004") else { return };
    let options = Options {
        published: Some("2022-02-04".into()),
        ..Options::default()
    };
    let analysis = analyze(&Input::Text(text), &options).expect("analysis");
    let published = analysis.documents[0].published.clone().expect("date");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2022-02-04", "caller")
    );
    assert!(published.evidence.is_empty());
}

/// (value, the evidence) of a text of one's own.
fn dated_text(text: &str) -> Option<(String, Vec<Reason>)> {
    published_of(text).map(|(value, _, evidence)| (value, evidence))
}

#[test]
fn a_german_article_is_dated_by_the_titles_and_terms_it_names() {
    // Read in part (not English): the tagger sees its numbers only, dating
    // sees every word.
    let text = "Die Bundesregierung hat am Mittwoch neue Regeln beschlossen. \
                Bundeskanzler Olaf Scholz sagte, die Lage sei ernst. Die Ampelkoalition \
                streitet seit Wochen über den Haushalt. Die Opposition kritisierte den \
                Beschluss scharf und kündigte Widerstand im Bundesrat an.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert!(
        has(&evidence, "officeholder", "Bundeskanzler Olaf Scholz"),
        "{evidence:?}"
    );
    let year: i32 = value.get(..4).and_then(|y| y.parse().ok()).expect("a year");
    assert!((2021..=2025).contains(&year), "{value}");
}

#[test]
fn a_year_to_come_bounds_the_article_and_a_compared_year_comes_before() {
    // "bis 2024" is a limit: the article is of 2024 or before, most likely the
    // year before.
    let text = "Die Bundesregierung hat den Ausstieg beschlossen. Die Kraftwerke \
                laufen bis 2024 weiter, sagte der Sprecher. Die Kritik der \
                Umweltverbände ist laut und deutlich.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert_eq!(value.get(..4), Some("2023"), "{evidence:?}");
    // "ab 1. Januar 2024" (the sentence split after "1.") starts a rule to come.
    let text = "Der Verkehrsverbund hat neue Preise beschlossen. Die Ticketpreise im \
                Verbund steigen ab 1. Januar 2024 um durchschnittlich zwölf Prozent. \
                Der Fahrgastverband kritisiert die Erhöhung.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert_eq!(value.get(..4), Some("2023"), "{evidence:?}");
    // An earnings report compares with the year before.
    let text = "Net income rose to $3.1 million in the third quarter from $2.2 million \
                in the 1988 period, the company said. Revenue rose 8% to $41 million.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert_eq!(value.get(..4), Some("1989"), "{evidence:?}");
}

#[test]
fn dates_written_in_other_languages_date_the_article() {
    // The English tagger sees only "5", "." and "2022" of a German date; a
    // year it reads alone stays its clue, and the dates it does not read at
    // all ("14.08.2017" of a German text) are read here.
    let text = "Die Mannschaft gewann am Samstag, 5. Februar 2022 in Berlin deutlich. \
                Der Trainer lobte die Abwehr und die Geduld seiner Spieler. Die Fans \
                feierten bis in die Nacht.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert_eq!(value.get(..4), Some("2022"), "{evidence:?}");
    assert!(
        evidence
            .iter()
            .any(|(k, s, a)| k == "year" && s.contains("2022") && *a),
        "{evidence:?}"
    );
    let text = "El equipo ganó el 5 de febrero de 2021 en Madrid. El entrenador elogió \
                la defensa y la paciencia de sus jugadores. Los aficionados celebraron \
                hasta la noche.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert_eq!(value.get(..4), Some("2021"), "{evidence:?}");
    assert!(has(&evidence, "year", "2021"), "{evidence:?}");
    let text = "Der Verein hat am 14.08.2017 seine Mitglieder eingeladen. Es kamen mehr \
                als hundert Gäste. Die Stimmung war gut und die Reden waren kurz.";
    let (value, evidence) = dated_text(text).expect("dated");
    assert_eq!(value.get(..4), Some("2017"), "{evidence:?}");
    assert!(has(&evidence, "year", "14.08.2017"), "{evidence:?}");
}

#[test]
fn a_line_that_is_only_a_date_is_a_weak_stamp() {
    // The line is removed as furniture; with nothing else to date the text,
    // it is the one clue, shown as a stamp with no span.
    let text = "Die Golfer spielen in Dubai um den Titel, und die Favoriten sind früh \
                ausgeschieden.\n\nDie Übertragung beginnt am Abend und dauert bis in die \
                Nacht, sagte der Sender.\n\nSamstag, 05. Februar 2022\n\nDie Spieler \
                kommen aus vielen Ländern und spielen vier Runden.";
    let analysis = analyze(&Input::Text(text.into()), &Options::default()).expect("analysis");
    let doc = &analysis.documents[0];
    assert!(!doc.text.contains("Samstag"), "{}", doc.text);
    let published = doc.published.clone().expect("dated");
    assert_eq!(published.value.get(..4), Some("2022"), "{published:?}");
    assert!(
        published
            .evidence
            .iter()
            .any(|e| e.kind == "stamp" && e.agrees && e.label.contains("2022")),
        "{published:?}"
    );
    // Given a date, the line changes nothing.
    let options = Options {
        published: Some("2021-06-01".into()),
        ..Options::default()
    };
    let analysis = analyze(&Input::Text(text.into()), &options).expect("analysis");
    let published = analysis.documents[0].published.clone().expect("date");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2021-06-01", "caller")
    );
}
