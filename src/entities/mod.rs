//! Entities: finds names (people, organizations, places, groups, events) and
//! numeric expressions, and groups mentions into one entity per real-world thing.
//!
//! How: a statistical tagger ([`tagger`], an averaged perceptron trained by
//! `lede train entities` on openly licensed data) proposes PER/ORG/LOC/MISC
//! names; document-level consistency, a gazetteer ([`gazetteer`]) and the
//! caller's dictionary refine them into PERSON, ORG, GPE, LOC, NORP, EVENT and
//! MISC; rules ([`numbers`]) add MONEY, PERCENT, QUANTITY, CARDINAL and
//! ORDINAL; [`grouping`] joins mentions into entities with salience.
//!
//! Guarantees: never panics; every mention's span lies inside the text on char
//! boundaries; mentions are in text order and do not overlap; every mention
//! points at an entity that lists it.

pub mod features;
pub mod gazetteer;
pub mod grouping;
pub mod numbers;
pub mod tagger;

use crate::text::TextLayer;
use crate::{DictionaryEntry, Span};
use gazetteer::{Gazetteer, PlaceKind};
use grouping::Candidate;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;
use tagger::Model;

/// The shipped tagger model (`lede train entities` rebuilds it).
const MODEL_BYTES: &[u8] = include_bytes!("../../models/entities.bin");

/// The built-in model, loaded once.
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(MODEL_BYTES).ok())
        .as_ref()
}

/// Entity types a caller's dictionary may use.
pub const TYPES: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"];

/// A caller's dictionary of names, prepared for matching: first word → entries
/// (words, type), longest first.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    by_first_word: HashMap<String, Vec<(Vec<String>, &'static str)>>,
}

impl Dictionary {
    pub fn new(entries: &[DictionaryEntry]) -> Dictionary {
        let mut by_first_word: HashMap<String, Vec<(Vec<String>, &'static str)>> = HashMap::new();
        for entry in entries {
            let upper = entry.label.to_uppercase();
            let label = TYPES
                .iter()
                .find(|t| **t == upper)
                .copied()
                .unwrap_or("MISC");
            let words: Vec<String> = crate::text::tokenize(&entry.name)
                .iter()
                .map(|t| t.span.of(&entry.name).to_string())
                .collect();
            if let Some(first) = words.first() {
                by_first_word
                    .entry(first.clone())
                    .or_default()
                    .push((words, label));
            }
        }
        for list in by_first_word.values_mut() {
            list.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
        Dictionary { by_first_word }
    }

    /// The longest dictionary name starting at word `i`: (length in words, type).
    fn match_at(&self, words: &[&str], i: usize) -> Option<(usize, &'static str)> {
        let first = words.get(i)?;
        self.by_first_word
            .get(*first)?
            .iter()
            .find_map(|(name, label)| {
                let fits = name
                    .iter()
                    .enumerate()
                    .all(|(k, w)| words.get(i + k) == Some(&w.as_str()));
                fits.then_some((name.len(), *label))
            })
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
    /// Index into [`EntityLayer::entities`].
    pub entity: usize,
    #[serde(rename = "type")]
    pub label: String,
}

/// A real-world thing mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: usize,
    /// The canonical name: the fullest form used ("Vladimir Putin").
    pub name: String,
    #[serde(rename = "type")]
    pub label: String,
    /// Other forms used in the text ("Putin").
    pub aliases: Vec<String>,
    /// Indices into [`EntityLayer::mentions`].
    pub mentions: Vec<usize>,
    /// 0..1, how central the entity is to the article (1 = the most central).
    pub salience: f32,
    /// Titles seen before the name ("President", "Foreign Minister").
    pub titles: Vec<String>,
    /// For NORP, the place it belongs to ("Russian" → "Russia").
    pub link: Option<String>,
}

/// What the entities stage adds.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EntityLayer {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl crate::span::Remap for EntityLayer {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
        for mention in &mut self.mentions {
            mention.span.remap(map);
        }
    }
}

/// Words that are titles when they stand before a name.
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Finance",
    "Deputy",
    "Vice",
    "Premier",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Secretary",
    "General",
    "Gen.",
    "Sen.",
    "Senator",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Executive",
    "Director",
    "Ambassador",
    "Envoy",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Judge",
    "Justice",
    "Lt.",
    "Col.",
    "Capt.",
    "Sgt.",
    "Maj.",
    "Adm.",
    "Commander",
    "Colonel",
    "Captain",
    "Sheikh",
    "Ayatollah",
    "Rev.",
    "Bishop",
    "Cardinal",
    "Leader",
    "Speaker",
    "State",
    "Spokesman",
    "Spokeswoman",
    "Mr",
    "Mrs",
    "Dr",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Emperor",
];

/// Last words that make a MISC name an EVENT.
const EVENT_WORDS: &[&str] = &[
    "Olympics",
    "Games",
    "War",
    "Summit",
    "summit",
    "Cup",
    "Championship",
    "Championships",
    "Conference",
    "Festival",
    "Revolution",
    "Forum",
    "Expo",
    "Crisis",
    "Election",
    "Elections",
    "Congress",
    "Olympiad",
];

/// Find the entities of one article.
pub fn recognize(text: &str, layer: &TextLayer, dictionary: &Dictionary) -> EntityLayer {
    let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(text)).collect();
    let mut sentence_start = vec![false; words.len()];
    for s in &layer.sentences {
        if let Some(flag) = sentence_start.get_mut(s.tokens.start) {
            *flag = true;
        }
    }
    let spans = tag_document(
        &words,
        &layer
            .sentences
            .iter()
            .map(|s| s.tokens.clone())
            .collect::<Vec<_>>(),
        dictionary,
    );
    let gazetteer = Gazetteer::get();
    let sentence_of = |token: usize| layer.sentences.partition_point(|s| s.tokens.end <= token);
    let candidates = spans
        .into_iter()
        .filter_map(|s| {
            let (first, last) = (
                layer.tokens.get(s.start)?,
                layer.tokens.get(s.end.checked_sub(1)?)?,
            );
            let name_words: Vec<String> = words
                .get(s.start..s.end)?
                .iter()
                .map(|w| w.to_string())
                .collect();
            let joined = name_words.join(" ");
            let canonical = match s.label {
                "GPE" | "LOC" => gazetteer.place(&joined).map(|p| p.canonical.clone()),
                _ => None,
            };
            let titles = titles_before(&words, s.start);
            let link = (s.label == "NORP")
                .then(|| gazetteer.demonym(&joined).map(str::to_string))
                .flatten();
            Some(Candidate {
                span: Span::new(first.span.start, last.span.end),
                label: s.label,
                words: name_words,
                canonical,
                titles,
                link,
                sentence: sentence_of(s.start),
            })
        })
        .collect();
    let (mentions, mut entities) = grouping::group(candidates, layer.sentences.len());
    // Canonical names of places come from the gazetteer's spelling.
    for e in &mut entities {
        if matches!(e.label.as_str(), "GPE" | "LOC") {
            if let Some(place) = gazetteer.place(&e.name) {
                if place.canonical != e.name {
                    let alias = std::mem::replace(&mut e.name, place.canonical.clone());
                    if !e.aliases.contains(&alias) {
                        e.aliases.push(alias);
                    }
                    e.aliases.retain(|a| *a != place.canonical);
                }
            }
        }
    }
    EntityLayer { mentions, entities }
}

/// Title words right before token `start` ("Foreign Minister" before "Sergei Lavrov").
fn titles_before(words: &[&str], start: usize) -> Vec<String> {
    let mut first = start;
    while first > 0 && start - first < 4 && words.get(first - 1).is_some_and(|w| TITLES.contains(w))
    {
        first -= 1;
    }
    if first == start {
        return Vec::new();
    }
    vec![words
        .get(first..start)
        .map(|w| w.join(" "))
        .unwrap_or_default()]
}

/// A typed span of tokens `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedSpan {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
}

/// Tag a whole document given as words and sentence token ranges: the model,
/// document consistency, gazetteer and dictionary, fine types and numbers.
/// Spans are sorted and do not overlap. Used by [`recognize`] and by the evaluation.
pub fn tag_document(
    words: &[&str],
    sentences: &[std::ops::Range<usize>],
    dictionary: &Dictionary,
) -> Vec<TypedSpan> {
    tag_document_with(model(), words, sentences, dictionary)
}

/// [`tag_document`] with a given model (the evaluation compares models).
pub fn tag_document_with(
    model: Option<&Model>,
    words: &[&str],
    sentences: &[std::ops::Range<usize>],
    dictionary: &Dictionary,
) -> Vec<TypedSpan> {
    let gazetteer = Gazetteer::get();
    let mut starts = vec![false; words.len()];
    for s in sentences {
        if let Some(flag) = starts.get_mut(s.start) {
            *flag = true;
        }
    }
    let views = features::views(words, &starts, gazetteer);
    let mut tags = vec![0u8; words.len()];
    if let Some(model) = model {
        for s in sentences {
            if let Some(sentence) = views.get(s.clone()) {
                for (k, tag) in model.tag(sentence).into_iter().enumerate() {
                    if let Some(t) = tags.get_mut(s.start + k) {
                        *t = tag;
                    }
                }
            }
        }
    }
    let mut spans = tidy(words, spans_of(&tags), gazetteer);
    spans = make_consistent(words, spans);
    // Fine types from the gazetteer and word lists.
    for span in &mut spans {
        let joined = words
            .get(span.start..span.end)
            .map(|w| w.join(" "))
            .unwrap_or_default();
        span.label = fine_type(
            span.label,
            &joined,
            words.get(span.end.saturating_sub(1)).copied().unwrap_or(""),
            gazetteer,
        );
    }
    // Places and demonyms the model missed; the caller's dictionary overrides all.
    let marks = gazetteer.mark(words);
    let mut extra = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((len, label)) = dictionary.match_at(words, i) {
            extra.push((
                TypedSpan {
                    start: i,
                    end: i + len,
                    label,
                },
                true,
            ));
            i += len;
            continue;
        }
        match marks.get(i) {
            Some(1) => {
                let mut end = i + 1;
                while marks.get(end) == Some(&2) {
                    end += 1;
                }
                let joined = words.get(i..end).map(|w| w.join(" ")).unwrap_or_default();
                let label = match gazetteer.place(&joined).map(|p| p.kind) {
                    Some(PlaceKind::Continent) => "LOC",
                    _ => "GPE",
                };
                extra.push((
                    TypedSpan {
                        start: i,
                        end,
                        label,
                    },
                    false,
                ));
                i = end;
            }
            Some(3)
                if words
                    .get(i)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase) =>
            {
                extra.push((
                    TypedSpan {
                        start: i,
                        end: i + 1,
                        label: "NORP",
                    },
                    false,
                ));
                i += 1;
            }
            _ => i += 1,
        }
    }
    for (span, forced) in extra {
        let overlaps = |s: &TypedSpan| s.start < span.end && span.start < s.end;
        // "Vladimir Putin": a city name right before a person's name is a first name.
        if !forced && span.label == "GPE" && span.end == span.start + 1 {
            if let Some(person) = spans
                .iter_mut()
                .find(|s| s.start == span.end && s.label == "PERSON")
            {
                person.start = span.start;
                continue;
            }
        }
        if forced {
            spans.retain(|s| !overlaps(s));
            spans.push(span);
        } else if !spans.iter().any(overlaps) {
            spans.push(span);
        }
    }
    // Numbers, where no name is.
    for s in sentences {
        if let Some(sentence_words) = words.get(s.clone()) {
            for n in numbers::find(sentence_words) {
                let span = TypedSpan {
                    start: s.start + n.start,
                    end: s.start + n.end,
                    label: n.label,
                };
                if !spans
                    .iter()
                    .any(|x| x.start < span.end && span.start < x.end)
                {
                    spans.push(span);
                }
            }
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// News conventions the tagger gets wrong: a leading demonym and titles are not
/// part of a name ("Thai Prime Minister Surayud Chulanont" → NORP "Thai" +
/// PERSON "Surayud Chulanont"), and two adjacent person spans are one name.
fn tidy(words: &[&str], spans: Vec<TypedSpan>, gazetteer: &Gazetteer) -> Vec<TypedSpan> {
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for mut span in spans {
        let word = |i: usize| words.get(i).copied().unwrap_or("");
        if span.end - span.start >= 2
            && gazetteer.demonym(word(span.start)).is_some()
            && TITLES.contains(&word(span.start + 1))
        {
            out.push(TypedSpan {
                start: span.start,
                end: span.start + 1,
                label: "NORP",
            });
            span.start += 1;
        }
        let mut titled = false;
        while span.end - span.start >= 2 && TITLES.contains(&word(span.start)) {
            span.start += 1;
            titled = true;
        }
        // "President Hu Jintao" tagged as "Jintao": the capitalized word between the title and the name is part of it.
        if span.label == "PERSON" && span.start >= 2 {
            let before = word(span.start - 1);
            if TITLES.contains(&word(span.start - 2))
                && before.chars().next().is_some_and(char::is_uppercase)
                && !TITLES.contains(&before)
                && gazetteer.place(before).is_none()
                && gazetteer.demonym(before).is_none()
            {
                span.start -= 1;
            }
        }
        // "President Vladimir Putin": a capitalized title right before a name makes it a person.
        let after_title = span.start > 0
            && TITLES.contains(&word(span.start - 1))
            && word(span.start - 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let joined = words
            .get(span.start..span.end)
            .map(|w| w.join(" "))
            .unwrap_or_default();
        if (titled || after_title)
            && span.label != "PERSON"
            && word(span.start)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && gazetteer.place(&joined).is_none()
        {
            span.label = "PERSON";
        }
        // "Russian-Chinese": demonyms joined by hyphens.
        if joined.contains('-')
            && joined
                .split('-')
                .all(|part| gazetteer.demonym(part).is_some())
        {
            span.label = "NORP";
        }
        out.push(span);
    }
    merge_adjacent_persons(out)
}

/// Two person names side by side are one name ("Hu" + "Jintao").
fn merge_adjacent_persons(spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(last) = out.last_mut() {
            if last.end == span.start && last.label == "PERSON" && span.label == "PERSON" {
                last.end = span.end;
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// BIO tags → spans with the tagger's coarse type names.
fn spans_of(tags: &[u8]) -> Vec<TypedSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, &'static str)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let label = tagger::tag_type(tag);
        let begins = tag % 2 == 1;
        if let Some((start, open_label)) = open {
            if label != Some(open_label) || begins {
                spans.push(TypedSpan {
                    start,
                    end: i,
                    label: open_label,
                });
                open = None;
            }
        }
        if open.is_none() {
            if let Some(l) = label {
                open = Some((i, l));
            }
        }
    }
    if let Some((start, label)) = open {
        spans.push(TypedSpan {
            start,
            end: tags.len(),
            label,
        });
    }
    for span in &mut spans {
        span.label = match span.label {
            "PER" => "PERSON",
            "ORG" => "ORG",
            "LOC" => "LOC",
            _ => "MISC",
        };
    }
    spans
}

/// One reading per name in a document: a name the model tagged somewhere is
/// tagged wherever else it appears capitalized, with its most frequent type.
fn make_consistent(words: &[&str], mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let mut votes: HashMap<Vec<&str>, HashMap<&'static str, usize>> = HashMap::new();
    for s in &spans {
        if let Some(name) = words.get(s.start..s.end) {
            *votes
                .entry(name.to_vec())
                .or_default()
                .entry(s.label)
                .or_default() += 1;
        }
    }
    let majority: HashMap<Vec<&str>, &'static str> = votes
        .into_iter()
        .filter_map(|(name, counts)| {
            let best = counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            Some((name, best.0))
        })
        .collect();
    for s in &mut spans {
        if let Some(label) = words.get(s.start..s.end).and_then(|n| majority.get(n)) {
            s.label = label;
        }
        // "Vladimir Putin" mis-typed once, "Putin" a person everywhere else: a person.
        if s.end - s.start >= 2 && s.label != "PERSON" {
            let last = words.get(s.end - 1..s.end).and_then(|n| majority.get(n));
            if last == Some(&"PERSON") {
                s.label = "PERSON";
            }
        }
    }
    // Untagged occurrences of multi-letter capitalized names.
    let mut covered = vec![false; words.len()];
    for s in &spans {
        for c in covered.iter_mut().take(s.end).skip(s.start) {
            *c = true;
        }
    }
    // A person's surname alone, and an acronym of a multi-word name, are that name too.
    let mut derived: Vec<(Vec<&str>, &'static str)> = Vec::new();
    for (name, label) in &majority {
        if name.len() < 2 {
            continue;
        }
        if *label == "PERSON" {
            if let Some(last) = name.last() {
                if last.chars().count() > 2 && last.chars().next().is_some_and(char::is_uppercase) {
                    derived.push((vec![*last], "PERSON"));
                }
            }
            // Family name first ("Hu Jintao" … "Putin told Hu."): the first word
            // counts when the document also uses it alone.
            if let (Some(first), Some(second)) = (name.first(), name.get(1)) {
                let alone = words.windows(2).any(|w| {
                    w[0] == *first
                        && w[1] != *second
                        && !w[1].chars().next().is_some_and(char::is_uppercase)
                });
                if alone
                    && first.chars().next().is_some_and(char::is_uppercase)
                    && !TITLES.contains(first)
                {
                    derived.push((vec![*first], "PERSON"));
                }
            }
        } else {
            let initials: String = name
                .iter()
                .flat_map(|w| w.split('-'))
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials.chars().count() >= 3 {
                if let Some(acronym) = words.iter().find(|w| **w == initials) {
                    derived.push((vec![*acronym], label));
                }
            }
        }
    }
    let mut majority = majority;
    for (name, label) in derived {
        majority.entry(name).or_insert(label);
    }
    // Where each word stands, so each name is looked for only where its first word is.
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if w.chars().next().is_some_and(char::is_uppercase) {
            positions.entry(w).or_default().push(i);
        }
    }
    let mut names: Vec<(&Vec<&str>, &&'static str)> = majority.iter().collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    for (name, label) in names {
        let Some(first) = name.first() else { continue };
        if !first.chars().next().is_some_and(char::is_uppercase)
            || name.concat().chars().count() < 2
        {
            continue;
        }
        let n = name.len();
        for &i in positions.get(first).map_or(&[][..], Vec::as_slice) {
            let free = covered.get(i..i + n).is_some_and(|c| c.iter().all(|x| !x));
            if free && words.get(i..i + n) == Some(name.as_slice()) {
                spans.push(TypedSpan {
                    start: i,
                    end: i + n,
                    label,
                });
                for c in covered.iter_mut().skip(i).take(n) {
                    *c = true;
                }
            }
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    merge_adjacent_persons(spans)
}

/// Refine the tagger's coarse type into the product's types.
fn fine_type(
    label: &'static str,
    name: &str,
    last_word: &str,
    gazetteer: &Gazetteer,
) -> &'static str {
    match label {
        "LOC" => match gazetteer.place(name).map(|p| p.kind) {
            Some(PlaceKind::Continent) | None => "LOC",
            Some(_) => "GPE",
        },
        "MISC" => {
            if gazetteer.demonym(name).is_some() {
                "NORP"
            } else if EVENT_WORDS.contains(&last_word) {
                "EVENT"
            } else if gazetteer.place(name).is_some() {
                "GPE"
            } else {
                "MISC"
            }
        }
        other => other,
    }
}

/// The four CoNLL types of a fine type, for scoring against four-type corpora.
pub fn conll_type(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" => Some("LOC"),
        "NORP" | "EVENT" | "MISC" => Some("MISC"),
        _ => None,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> EntityLayer {
        recognize(text, &crate::text::segment(text), &Dictionary::default())
    }

    fn find<'a>(layer: &'a EntityLayer, name: &str) -> Option<&'a Entity> {
        layer.entities.iter().find(|e| e.name == name)
    }

    #[test]
    fn full_name_surname_and_title_are_one_person() {
        let layer = entities(
            "President Vladimir Putin spoke on Monday. Later, Putin's aides said Putin was tired.",
        );
        let putin = find(&layer, "Vladimir Putin").expect("Putin found");
        assert_eq!(putin.label, "PERSON");
        assert_eq!(putin.mentions.len(), 3);
        assert_eq!(putin.aliases, ["Putin"]);
        assert_eq!(putin.titles, ["President"]);
    }

    #[test]
    fn a_surname_before_the_full_name_joins_it() {
        let layer = entities(
            "Lavrov arrived late. Foreign Minister Sergei Lavrov then met reporters in Moscow.",
        );
        let lavrov = find(&layer, "Sergei Lavrov").expect("Lavrov found");
        assert_eq!(lavrov.mentions.len(), 2);
        assert!(lavrov.titles.contains(&"Foreign Minister".to_string()));
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let layer = entities(
            "George W. Bush met Jeb Bush in Texas. Jeb Bush spoke first. Then Bush, the governor, left.",
        );
        let persons: Vec<&Entity> = layer
            .entities
            .iter()
            .filter(|e| e.label == "PERSON")
            .collect();
        assert!(persons.len() >= 2, "{persons:?}");
        let jeb = find(&layer, "Jeb Bush").expect("Jeb found");
        // The bare "Bush" goes to the most recently mentioned Bush.
        assert_eq!(jeb.mentions.len(), 3, "{persons:?}");
    }

    #[test]
    fn places_demonyms_and_acronyms() {
        let layer = entities("Russian and Chinese envoys met in Sydney at the Asia-Pacific Economic Cooperation summit. APEC leaders from the U.S. and the United States agreed.");
        assert_eq!(
            find(&layer, "Russian").and_then(|e| e.link.as_deref()),
            Some("Russia")
        );
        assert_eq!(
            find(&layer, "Sydney").map(|e| e.label.as_str()),
            Some("GPE")
        );
        let us = find(&layer, "United States").expect("U.S. found");
        assert_eq!(us.mentions.len(), 2);
        if let Some(apec) = find(&layer, "Asia-Pacific Economic Cooperation") {
            assert!(apec.aliases.contains(&"APEC".to_string()));
        }
    }

    #[test]
    fn numbers_are_typed() {
        let layer = entities(
            "China will buy $10 billion of gas, 38 billion cubic meters a year, a 5% rise.",
        );
        let types: Vec<&str> = layer.mentions.iter().map(|m| m.label.as_str()).collect();
        assert!(
            types.contains(&"MONEY") && types.contains(&"QUANTITY") && types.contains(&"PERCENT"),
            "{types:?}"
        );
    }

    #[test]
    fn the_dictionary_wins() {
        let text = "Drizabone jackets were worn by Sputnik Vostok.";
        let dictionary = Dictionary::new(&[
            DictionaryEntry {
                name: "Sputnik Vostok".into(),
                label: "person".into(),
            },
            DictionaryEntry {
                name: "Drizabone".into(),
                label: "ORG".into(),
            },
        ]);
        let layer = recognize(text, &crate::text::segment(text), &dictionary);
        let named: Vec<(&str, &str)> = layer
            .mentions
            .iter()
            .map(|m| (m.span.of(text), m.label.as_str()))
            .collect();
        assert!(named.contains(&("Sputnik Vostok", "PERSON")), "{named:?}");
        assert!(named.contains(&("Drizabone", "ORG")), "{named:?}");
    }

    #[test]
    fn mentions_are_ordered_inside_the_text_and_listed_by_their_entity() {
        let text = "ВЛАДИМИР Путин 😀 met Xi Jinping. XI JINPING AND PUTIN MET IN MOSCOW";
        let layer = entities(text);
        let mut last_end = 0;
        for (i, m) in layer.mentions.iter().enumerate() {
            assert!(m.span.start >= last_end && text.get(m.span.start..m.span.end).is_some());
            last_end = m.span.end;
            assert!(layer.entities[m.entity].mentions.contains(&i));
        }
    }

    #[test]
    fn the_built_in_model_loads() {
        assert!(model().is_some());
    }
}
