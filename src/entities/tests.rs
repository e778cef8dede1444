//! Tests of the whole entities stage: recognition, grouping, dictionary, numbers,
//! robustness, and the samples (tests/fixtures/samples).

use super::*;
use crate::text::segment;

fn run(text: &str) -> EntityLayer {
    recognize(text, &segment(text), &Dictionary::default())
}

fn entity_named<'a>(layer: &'a EntityLayer, name: &str) -> Option<&'a Entity> {
    layer.entities.iter().find(|e| e.name == name)
}

/// The entity a given surface form (first occurrence) belongs to.
fn entity_of<'a>(layer: &'a EntityLayer, text: &str, form: &str) -> Option<&'a Entity> {
    layer
        .mentions
        .iter()
        .find(|m| m.span.of(text) == form)
        .and_then(|m| layer.entities.get(m.entity))
}

fn check_invariants(text: &str, layer: &EntityLayer) {
    for (i, m) in layer.mentions.iter().enumerate() {
        assert!(m.span.end <= text.len() && m.span.start < m.span.end);
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        let e = layer
            .entities
            .get(m.entity)
            .expect("mention's entity exists");
        assert!(e.mentions.contains(&i), "entity lists its mention");
    }
    for (id, e) in layer.entities.iter().enumerate() {
        assert_eq!(e.id, id);
        assert!(!e.mentions.is_empty());
        assert!((0.0..=1.0).contains(&e.salience));
        for &m in &e.mentions {
            assert_eq!(layer.mentions.get(m).map(|x| x.entity), Some(id));
        }
    }
}

#[test]
fn putin_forms_group_into_one_person() {
    let text =
        "Russian President Vladimir Putin met Chinese leader Hu Jintao in Moscow on Monday. \
        Putin said Russia and China were partners. President Putin later told reporters that \
        Putin's policy would not change. Hu agreed.";
    let layer = run(text);
    check_invariants(text, &layer);
    let putin = entity_named(&layer, "Vladimir Putin").expect("Putin found");
    assert_eq!(putin.label, "PERSON");
    assert_eq!(putin.mentions.len(), 4, "{layer:#?}");
    assert!(putin.aliases.contains(&"Putin".to_string()));
    assert!(putin.titles.iter().any(|t| t == "President"));
    let hu = entity_of(&layer, text, "Hu").expect("Hu found");
    assert_eq!(hu.name, "Hu Jintao");
    assert_eq!(hu.label, "PERSON");
    // the top entity of the article is Putin
    assert_eq!(putin.salience, 1.0);
}

#[test]
fn nationality_links_to_its_country() {
    let text = "Russian troops crossed the border, Russia said on Tuesday. Moscow denied it.";
    let layer = run(text);
    let russian = entity_named(&layer, "Russian").expect("Russian found");
    assert_eq!(russian.label, "NORP");
    assert_eq!(russian.country.as_deref(), Some("Russia"));
    let russia = entity_named(&layer, "Russia").expect("Russia found");
    assert_eq!(russia.label, "GPE");
    assert_eq!(russian.related, Some(russia.id));
}

#[test]
fn titles_are_attributes_not_names() {
    let text =
        "Foreign Minister Sergei Lavrov arrived in Beijing. Lavrov met his Chinese counterpart.";
    let layer = run(text);
    let lavrov = entity_of(&layer, text, "Lavrov").expect("Lavrov found");
    assert_eq!(lavrov.name, "Sergei Lavrov");
    assert!(
        lavrov.titles.iter().any(|t| t.contains("Minister")),
        "{lavrov:?}"
    );
}

#[test]
fn same_surname_different_people() {
    let text = "John Smith, a farmer, sued the company. His lawyer, Mary Smith, said the case was \
        strong. Mary Smith is no relation. Smith added that she expected to win.";
    let layer = run(text);
    check_invariants(text, &layer);
    let john = entity_named(&layer, "John Smith").expect("John Smith");
    let mary = entity_named(&layer, "Mary Smith").expect("Mary Smith");
    assert_ne!(john.id, mary.id);
    // the lone "Smith" is the Smith mentioned last
    let lone = layer
        .mentions
        .iter()
        .find(|m| m.span.of(text) == "Smith")
        .expect("lone Smith");
    assert_eq!(lone.entity, mary.id);
}

#[test]
fn surname_first_then_full_name() {
    let text = "Gorbachev arrived on Sunday. Later, Mikhail Gorbachev spoke to students in Berlin.";
    let layer = run(text);
    let g = entity_of(&layer, text, "Gorbachev").expect("Gorbachev");
    assert_eq!(g.name, "Mikhail Gorbachev", "{layer:#?}");
    assert_eq!(g.mentions.len(), 2);
}

#[test]
fn dictionary_takes_priority() {
    let text = "Zbigniew Quux of Acme Widgets spoke. QUUX said later that Acme Widgets would grow.";
    let dictionary = Dictionary::new(&[
        DictionaryEntry {
            name: "Acme Widgets".into(),
            label: "ORG".into(),
        },
        DictionaryEntry {
            name: "Zbigniew Quux".into(),
            label: "PERSON".into(),
        },
    ]);
    let layer = recognize(text, &segment(text), &dictionary);
    check_invariants(text, &layer);
    let acme = entity_named(&layer, "Acme Widgets").expect("Acme");
    assert_eq!(acme.label, "ORG");
    assert_eq!(acme.mentions.len(), 2);
    let quux = entity_named(&layer, "Zbigniew Quux").expect("Quux");
    assert_eq!(quux.label, "PERSON");
    assert!(layer
        .mentions
        .iter()
        .any(|m| m.source == "dictionary" && m.label == "PERSON"));
}

#[test]
fn numbers_are_typed() {
    let text = "Gazprom will ship 38 billion cubic meters of gas a year under a $400 billion \
        deal, up 5 percent, the third such contract.";
    let layer = run(text);
    let labels: Vec<(&str, &str)> = layer
        .mentions
        .iter()
        .filter(|m| m.kind == "value")
        .map(|m| (m.span.of(text), m.label.as_str()))
        .collect();
    assert!(
        labels.contains(&("38 billion cubic meters", "QUANTITY")),
        "{labels:?}"
    );
    assert!(labels.contains(&("$400 billion", "MONEY")), "{labels:?}");
    assert!(labels.contains(&("5 percent", "PERCENT")), "{labels:?}");
    assert!(labels.contains(&("third", "ORDINAL")), "{labels:?}");
}

#[test]
fn headlines_tokenized_text_and_curly_quotes() {
    let body = "Russian President Vladimir Putin arrived in Japan on Monday. Putin met officials.";
    for headline in ["PUTIN ARRIVES IN JAPAN", "Putin arrives in Japan"] {
        let text = format!("{headline}\n\n{body}");
        let layer = run(&text);
        check_invariants(&text, &layer);
        let first = layer.mentions.first().expect("a mention in the headline");
        assert_eq!(first.span.of(&text).to_lowercase(), "putin", "{headline}");
        assert_eq!(first.label, "PERSON", "{headline}");
    }
    let curly =
        "“It is unlikely we will meet again,” Putin told Hu. Japan’s policy will not change.";
    let layer = run(curly);
    check_invariants(curly, &layer);
    assert_eq!(
        entity_of(&layer, curly, "Japan").map(|e| e.label.as_str()),
        Some("GPE")
    );
    let tokenized = "Japan 's policy will not change , Putin said .";
    let layer = run(tokenized);
    assert_eq!(
        entity_of(&layer, tokenized, "Japan").map(|e| e.label.as_str()),
        Some("GPE")
    );
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        " ",
        "’s",
        "$",
        "%%%% $$$ 10",
        "A",
        "THE THE THE",
        "\u{0}\u{1}",
        "😀 Zoë 习近平 Müller-Lüdenscheidt",
        "U.S.-China O'Neill's Jean-Claude Van Damme",
    ] {
        let layer = run(text);
        check_invariants(text, &layer);
    }
    let long = "Putin ".repeat(5000);
    check_invariants(&long, &run(&long));
}

#[test]
fn samples_group_the_main_people() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let read = |name: &str| -> String {
        let path = std::fs::read_dir(&dir)
            .expect("tests/fixtures/samples exists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(name))
            })
            .expect("sample present");
        std::fs::read_to_string(path).expect("sample readable")
    };
    // 000: Putin, Bush, Hu Jintao; "Putin", "Putin's" are the same man
    let text = read("000_");
    let layer = run(&text);
    check_invariants(&text, &layer);
    let putin = entity_of(&layer, &text, "Putin").expect("Putin in sample 000");
    assert_eq!(putin.label, "PERSON");
    assert!(putin.name.ends_with("Putin"), "{putin:?}");
    assert!(putin.mentions.len() >= 8, "{putin:?}");
    let hu = entity_of(&layer, &text, "Hu").expect("Hu in sample 000");
    assert_eq!(hu.name, "Hu Jintao");
    let most_salient = layer
        .entities
        .iter()
        .max_by(|a, b| a.salience.total_cmp(&b.salience))
        .expect("entities");
    assert_eq!(most_salient.id, putin.id);
    // every sample: invariants hold and Putin or Xi is a person
    for name in ["001_", "002_", "003_", "004_"] {
        let text = read(name);
        let layer = run(&text);
        check_invariants(&text, &layer);
        assert!(
            layer
                .entities
                .iter()
                .any(|e| e.label == "PERSON" && (e.name.contains("Putin") || e.name.contains("Xi"))),
            "{name}"
        );
    }
}

#[test]
fn what_is_never_a_name() {
    // punctuation, a lone function word, a lower-case phrase in cased prose
    assert!(super::never_a_name(&["“"], true));
    assert!(super::never_a_name(&["The"], true));
    assert!(super::never_a_name(&["Dr"], true));
    assert!(super::never_a_name(&["President"], true));
    assert!(!super::never_a_name(&["Dr", "Mitchell"], true));
    assert!(super::never_a_name(&["their"], false));
    assert!(super::never_a_name(
        &["pursue", "similar", "policies"],
        true
    ));
    // names stay; lower-case ones where the text is not cased (tweets)
    assert!(!super::never_a_name(&["Vladimir", "Putin"], true));
    assert!(!super::never_a_name(&["The", "Hague"], true));
    assert!(!super::never_a_name(&["G7"], true));
    assert!(!super::never_a_name(&["putin"], false));
}

#[test]
fn edited_prose_is_cased_and_chat_is_not() {
    let prose = ["Putin", "met", "Xi", ".", "He", "smiled", "."];
    let chat = ["putin", "met", "xi", "lol", "he", "smiled"];
    assert!(super::is_cased(&prose, &[0..4, 4..7]));
    assert!(!super::is_cased(&chat, &[0..4, 4..6]));
}

#[test]
fn an_acronym_amid_prose_is_not_a_person() {
    let words = ["Officials", "at", "NATO", "said", "so", "."];
    let chunk = Chunk {
        tokens: 2..3,
        kind: 0,
    };
    assert_eq!(super::corrected_kind(&words, &chunk, true), 1);
    // in an all-caps headline, or a text that is not cased, it is left alone
    let headline = ["OFFICIALS", "AT", "NATO", "SAID"];
    assert_eq!(super::corrected_kind(&headline, &chunk, true), 0);
    assert_eq!(super::corrected_kind(&words, &chunk, false), 0);
}

#[test]
fn a_name_that_says_what_it_is_gets_that_type() {
    // TYPES: PER 0, ORG 1, LOC 2, MISC 3. The type of `tokens` tagged `kind`.
    let typed = |words: &[&str], tokens: std::ops::Range<usize>, kind: usize| {
        super::corrected_kind(words, &Chunk { tokens, kind }, true)
    };
    let words = [
        "the", "Russian", "Security", "Council", "and", "Russians", "agreed",
    ];
    assert_eq!(typed(&words, 1..4, 0), 1);
    assert_eq!(typed(&words, 5..6, 0), 3);
    // "the Kuril Islands" is a place; "Olympics" an event (MISC).
    let words = ["the", "Kuril", "Islands", "and", "the", "Olympics"];
    assert_eq!(typed(&words, 1..3, 1), 2);
    assert_eq!(typed(&words, 5..6, 0), 3);
    // A person is left alone, and so is a lone head word.
    let words = ["Lee", "Bank", "and", "Council", "met"];
    assert_eq!(typed(&words, 0..1, 0), 0);
    assert_eq!(typed(&words, 3..4, 2), 2);
    // A head of government's full name is a person; "Sino-Russian" and "Soviet"
    // are a people's adjectives (MISC), not places.
    let words: Vec<&str> = "Hu Jintao and Sino-Russian and Soviet ties"
        .split(' ')
        .collect();
    assert_eq!(typed(&words, 0..2, 1), 0);
    assert_eq!(typed(&words, 3..4, 2), 3);
    assert_eq!(typed(&words, 5..6, 2), 3);
    // A lone surname is left to the tagger.
    assert_eq!(typed(&["Hu"], 0..1, 1), 1);
    // "the Beijing Games" is an event; "NATO" (no place) a body.
    let words: Vec<&str> = "the Beijing Games and NATO and Russia-China ties"
        .split(' ')
        .collect();
    assert_eq!(typed(&words, 1..3, 2), 3);
    assert_eq!(typed(&words, 4..5, 2), 1);
    assert_eq!(typed(&words, 6..7, 2), 3);
    assert_eq!(typed(&["Asians", "and", "Europeans"], 0..1, 0), 3);
}

/// The token ranges of `chunks` (each a range and a type) after `pass` over `words`.
fn spans_after(
    pass: fn(&[&str], &mut Vec<Chunk>),
    words: &[&str],
    chunks: &[(std::ops::Range<usize>, usize)],
) -> Vec<std::ops::Range<usize>> {
    let mut chunks: Vec<Chunk> = chunks
        .iter()
        .map(|(tokens, kind)| Chunk {
            tokens: tokens.clone(),
            kind: *kind,
        })
        .collect();
    pass(words, &mut chunks);
    chunks.into_iter().map(|c| c.tokens).collect()
}

#[test]
fn a_chunk_and_the_words_that_finish_a_leaders_name_are_one_name() {
    let words = "Vladimir Putin , Russia 's Hu Jintao Beijing"
        .split(' ')
        .collect::<Vec<_>>();
    // "Vladimir" taken for the city; "Hu" and "Jintao Beijing" split wrongly.
    let chunks = [(0..1, 2), (3..4, 2), (5..6, 1), (6..8, 2)];
    assert_eq!(
        spans_after(super::complete_officeholders, &words, &chunks),
        [0..2, 3..4, 5..7, 7..8]
    );
}

#[test]
fn a_field_joined_by_and_to_a_body_is_one_name() {
    let words =
        "Moscow 's Foreign and Defense Policy Council and Russia and China Investment Council"
            .split(' ')
            .collect::<Vec<_>>();
    // "Foreign and Defense Policy Council" is one body; a place before "and"
    // ("Russia and China Investment Council") stays apart.
    let chunks = [(2..3, 2), (4..7, 1), (8..9, 2), (10..13, 1)];
    assert_eq!(
        spans_after(super::merge_known_places, &words, &chunks),
        [2..7, 8..9, 10..13]
    );
}

#[test]
fn weekdays_are_dates_not_names() {
    assert!(super::never_a_name(&["Wednesday"], true));
    assert!(super::never_a_name(&["FRIDAY"], true));
    assert!(!super::never_a_name(&["Robinson", "Crusoe"], true));
    let text = "The two leaders met at the Diaoyutai State Guesthouse Friday afternoon.";
    let layer = run(text);
    check_invariants(text, &layer);
    assert!(
        layer
            .mentions
            .iter()
            .all(|m| !m.span.of(text).ends_with("Friday")),
        "{:?}",
        layer.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_letter_or_an_acronym_ending_a_name_stays() {
    for text in [
        "He fought in World War I before he retired.",
        "Juventus lead Serie A again.",
        "She joined the Bank of the US in May.",
    ] {
        let layer = run(text);
        check_invariants(text, &layer);
        for m in &layer.mentions {
            let form = m.span.of(text);
            assert!(
                !matches!(form, "World War" | "Serie" | "Bank of the"),
                "{text}: {form}"
            );
        }
    }
}

#[test]
fn chunks_that_make_a_known_place_are_one_name() {
    let words = ["the", "People", "’s", "Republic", "of", "China", "said"];
    let mut chunks = vec![
        Chunk {
            tokens: 1..2,
            kind: 2,
        },
        Chunk {
            tokens: 3..6,
            kind: 2,
        },
    ];
    super::merge_known_places(&words, &mut chunks);
    assert_eq!(chunks.len(), 1);
    assert_eq!(chunks.first().map(|c| c.tokens.clone()), Some(1..6));
    // two names side by side stay two
    let words = ["Russia", "’s", "Vladimir", "Putin"];
    let mut chunks = vec![
        Chunk {
            tokens: 0..1,
            kind: 2,
        },
        Chunk {
            tokens: 2..4,
            kind: 0,
        },
    ];
    super::merge_known_places(&words, &mut chunks);
    assert_eq!(chunks.len(), 2);
}
#[test]
fn a_title_cased_headline_does_not_stretch_a_name() {
    let text = "Russia: President Putin Plans To Visit China\n\nPresident Vladimir Putin \
        plans to visit China next week, officials said.\n";
    let layer = run(text);
    check_invariants(text, &layer);
    let forms: Vec<&str> = layer.mentions.iter().map(|m| m.span.of(text)).collect();
    assert!(forms.contains(&"Putin"), "{forms:?}");
    assert!(forms.iter().all(|f| !f.contains("Plans")), "{forms:?}");
    // a title before a name the text never writes in lower case still finds it
    let text = "Minister Sergei Lavrov arrived.";
    let layer = run(text);
    assert!(entity_named(&layer, "Sergei Lavrov").is_some());
}

#[test]
fn a_common_word_after_a_prefixed_name_is_no_name() {
    let misc = tagger::TYPES.iter().position(|t| *t == "MISC").unwrap_or(0);
    let words = ["their", "post-Cold", "War", "ties"];
    let war = Chunk {
        tokens: 2..3,
        kind: misc,
    };
    assert!(super::tail_of_prefixed_name(&words, &war));
    // a name after an ordinary hyphenated word stays
    let words = ["a", "long-term", "Gazprom", "deal"];
    let gazprom = Chunk {
        tokens: 2..3,
        kind: misc,
    };
    assert!(!super::tail_of_prefixed_name(&words, &gazprom));
}

#[test]
fn a_model_file_with_a_weight_that_is_no_number_is_refused() {
    assert!(QuantizedModel::from_bytes(MODEL_BYTES).is_some());
    // the last full-precision row's last weight, then a codebook entry
    let mut bytes = MODEL_BYTES.to_vec();
    let end = bytes.len();
    if let Some(last) = bytes.get_mut(end - 4..) {
        last.copy_from_slice(&f32::NAN.to_le_bytes());
    }
    assert!(QuantizedModel::from_bytes(&bytes).is_none());
    let mut bytes = MODEL_BYTES.to_vec();
    if let Some(code) = bytes.get_mut(10 + 4 * 7..10 + 4 * 8) {
        code.copy_from_slice(&f32::INFINITY.to_le_bytes());
    }
    assert!(QuantizedModel::from_bytes(&bytes).is_none());
    assert!(
        use_model(bytes).is_err(),
        "the page and CLI say it is no model"
    );
}
