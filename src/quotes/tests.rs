//! Each cue shape, quotations over paragraphs, partial quotations and broken
//! marks, through the whole pipeline (the speakers are the entities it finds).

use crate::{analyze, Input, Options};

/// (quotation text, speaker name, cue text, source text, kind) of a quotation.
type Seen = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// What was seen of each quotation.
fn quotes_with(text: &str, options: &Options) -> Vec<Seen> {
    let analysis = analyze(&Input::Text(text.into()), options).expect("analyzes");
    let document = analysis.documents.first().expect("a document");
    let units: Vec<u16> = document.text.encode_utf16().collect();
    let slice = |s: crate::Span| String::from_utf16_lossy(units.get(s.start..s.end).unwrap_or(&[]));
    document
        .quotes
        .iter()
        .map(|q| {
            (
                slice(q.span),
                q.speaker
                    .and_then(|e| document.entities.get(e))
                    .map(|e| e.entity.name.clone()),
                q.cue.map(slice),
                q.source.map(slice),
                format!("{:?}", q.kind).to_lowercase(),
            )
        })
        .collect()
}

fn quotes(text: &str) -> Vec<Seen> {
    quotes_with(text, &Options::default())
}

fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text).into_iter().map(|q| (q.0, q.1)).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn name_then_cue_after_the_quote() {
    let q = quotes("“We will win,” Vladimir Putin said on Monday.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "“We will win,”");
    assert_eq!(q[0].1, some("Vladimir Putin"));
    assert_eq!(q[0].2, some("said"));
    assert_eq!(q[0].4, "direct");
}

#[test]
fn cue_then_name_after_the_quote() {
    let q = quotes("Angela Merkel met the press. \"We will win,\" said Vladimir Putin.");
    assert_eq!(q[0].1, some("Vladimir Putin"));
    assert_eq!(q[0].2, some("said"));
}

#[test]
fn cue_and_colon_before_the_quote() {
    let q = quotes("Vladimir Putin told reporters: \"Russia will not wait.\"");
    assert_eq!(q[0].1, some("Vladimir Putin"));
    assert_eq!(q[0].2, some("told"));
    assert_eq!(q[0].4, "direct");
}

#[test]
fn he_wrote_with_a_colon_ending_the_sentence() {
    let text = "Boris Johnson published a letter on Friday. He wrote:\n\n\"The country must stay united.\"";
    let q = quotes(text);
    assert_eq!(q[0].0, "\"The country must stay united.\"");
    assert_eq!(q[0].1, some("Boris Johnson"));
    assert_eq!(q[0].2, some("wrote"));
}

#[test]
fn according_to() {
    let q = quotes("The talks were \"useful and frank,\" according to Sergei Lavrov.");
    assert_eq!(q[0].1, some("Sergei Lavrov"));
    assert_eq!(q[0].2, some("according to"));
    assert_eq!(q[0].4, "partial");
}

#[test]
fn was_quoted_as_telling() {
    let q = quotes("Xi Jinping was quoted as telling the visitors that ties were \"at their best in history.\"");
    assert_eq!(q[0].1, some("Xi Jinping"));
    assert_eq!(q[0].2, some("was quoted as telling"));
}

#[test]
fn pronoun_in_the_next_sentence() {
    let text = "Vyacheslav Nikonov is director of Moscow's Politika Foundation. He said he is \"not waiting for anything revolutionary.\"";
    assert_eq!(speakers(text)[0].1, some("Vyacheslav Nikonov"));
}

#[test]
fn inverted_pronoun_cue_inside_two_quotes() {
    let text = "Jacinda Ardern spoke in Wellington. “We are ready,” she said, “and we will act.”";
    let q = speakers(text);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1, some("Jacinda Ardern"));
    assert_eq!(q[1].1, some("Jacinda Ardern"));
}

#[test]
fn a_title_stands_for_the_person_named_with_it() {
    let text = "Russian Foreign Minister Sergei Lavrov arrived in Beijing. \"We have much to discuss,\" the minister said.";
    let q = quotes(text);
    assert_eq!(q[0].1, some("Sergei Lavrov"));
    assert_eq!(q[0].2, some("said"));
}

#[test]
fn a_document_or_group_is_a_source() {
    let q = quotes("\"The talks were constructive,\" the statement read.");
    assert_eq!(q[0].1, None);
    assert_eq!(q[0].3, some("the statement"));
    let q = quotes("The drills were \"routine,\" the ministry said.");
    assert_eq!(q[0].1, None);
    assert_eq!(q[0].3, some("the ministry"));
    assert_eq!(q[0].4, "partial");
}

#[test]
fn a_quote_over_several_paragraphs_is_one() {
    let text = "Vladimir Putin spoke at length.\n\n\"First, we will grow.\n\n\"Second, we will share,\" Putin said.\n\nThe end.";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "\"First, we will grow.\n\n\"Second, we will share,\""
    );
    assert_eq!(q[0].1, some("Vladimir Putin"));
    assert_eq!(q[0].4, "direct");
}

#[test]
fn an_unclosed_quote_runs_to_its_paragraph_end() {
    let text = "Hu Jintao said: \"We will grow.\n\nThe end came later.";
    let q = quotes(text);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "\"We will grow.");
}

#[test]
fn the_next_quote_keeps_the_speaker() {
    let text =
        "He said he is \"not waiting for anything,\" Nikonov said. \"Nothing ever happens.\"";
    let q = speakers(text);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].1, q[0].1);
    assert!(q[0].1.is_some());
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let text = "Russia and China are reaching “new milestones” in trade, Vladimir Putin said.";
    let q = quotes(text);
    assert_eq!(q[0].0, "“new milestones”");
    assert_eq!(q[0].1, some("Vladimir Putin"));
    assert_eq!(q[0].4, "partial");
}

#[test]
fn broken_encoding_marks() {
    // unrepaired (clean: false): both marks broken
    let raw = Options {
        clean: false,
        ..Options::default()
    };
    let q = quotes_with("Vladimir Putin said â€œwe will winâ€\u{9d} today.", &raw);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "â€œwe will winâ€\u{9d}");
    assert_eq!(q[0].1, some("Vladimir Putin"));
    // repaired but for a closing mark whose last byte was lost
    let q = quotes("Vladimir Putin said â€œwe will winâ€ today.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "“we will winâ€");
    // a broken dash is no quotation mark
    assert!(quotes_with("one â€” two", &raw).is_empty());
}

#[test]
fn apostrophes_single_quotes_and_titles() {
    assert!(quotes("Russia’s president didn't say it, and the players' union agreed.").is_empty());
    let q = quotes("The team won for 'courageous achievement,' Vladimir Putin said.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "'courageous achievement,'");
    // a few words in quotation marks that nobody said are a term
    assert!(quotes("Scientists call it a \"sample return\" mission.").is_empty());
    // a quotation inside a straight-quoted quotation
    let q = quotes("Einstein said: \"If we knew, it wouldn't be called \"research\", would it?\"");
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].0,
        "\"If we knew, it wouldn't be called \"research\", would it?\""
    );
    // a quotation inside a quotation is part of it
    assert_eq!(
        quotes("He said \"China has its 'old guard' still.\"").len(),
        1
    );
    // a title or a name in quotation marks is not a quotation
    assert!(quotes(
        "He wrote in the newspaper \"Kommersant\" that the so-called \"fourth generation\" rules."
    )
    .is_empty());
}

#[test]
fn runs_of_quote_marks_stay_linear_and_sane() {
    let text = format!("{}{}", "\"".repeat(5000), "“”‘’'".repeat(2000));
    let q = quotes(&text);
    assert!(q.is_empty(), "{}", q.len());
    let text = "\"Go\" he said. ".repeat(3000);
    assert_eq!(quotes(&text).len(), 3000);
}
