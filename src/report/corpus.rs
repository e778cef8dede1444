//! The corpus view over several documents: entities merged across articles,
//! entity co-occurrence, and one timeline across all of them.
//!
//! Guarantees: every index in the corpus points into the analysis it belongs to
//! (`document` into `documents`, `entity` into that document's `entities`).

use super::Document;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Two entities mentioned in the same sentence, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cooccurrence {
    /// One entity (an index into the corpus's entities).
    pub a: usize,
    /// The other entity (an index into the corpus's entities).
    pub b: usize,
    /// In how many sentences they appear together.
    pub count: usize,
}

/// Where a corpus entity appears: a document and that document's entity index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appearance {
    /// The document (an index into the analysis's documents).
    pub document: usize,
    /// The entity in that document (an index into its entities).
    pub entity: usize,
}

/// One real-world thing across all documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusEntity {
    /// Its index in the corpus's entities.
    pub id: usize,
    /// Its canonical name.
    pub name: String,
    #[serde(rename = "type")]
    /// Its type.
    pub label: String,
    /// Other names it goes by across the documents.
    pub aliases: Vec<String>,
    /// Where it appears: one entry per document.
    pub appearances: Vec<Appearance>,
    /// Mentions summed over documents.
    pub mentions: usize,
    /// Salience summed over documents.
    pub salience: f32,
}

/// A timeline event of one document, in corpus order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusEvent {
    /// The document the event is in.
    pub document: usize,
    /// Index into that document's timeline.
    pub event: usize,
    /// The sortable date (the event's `when`).
    pub when: String,
    /// Corpus entity ids involved.
    pub entities: Vec<usize>,
}

/// The view across every document of an analysis.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Corpus {
    /// Entities merged across documents.
    pub entities: Vec<CorpusEntity>,
    /// Between corpus entity ids, most frequent first.
    pub cooccurrence: Vec<Cooccurrence>,
    /// The events of all documents in chronological order.
    pub timeline: Vec<CorpusEvent>,
}

/// The most entities of one sentence that co-occurrence pairs: the first this
/// many distinct entities mentioned in it. A sentence naming k entities makes
/// k(k-1)/2 pairs; a news sentence names a handful, a pasted casualty list or
/// number table thousands (millions of pairs). Sentences over the limit are
/// counted and reported under the document's `truncated`.
pub const MAX_COOCCURRING: usize = 48;

/// Pairs of entities (document entity indices) mentioned in the same sentence,
/// and how many sentences named more than [`MAX_COOCCURRING`] entities.
pub fn cooccurrence(doc: &Document) -> (Vec<Cooccurrence>, usize) {
    let mut per_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for mention in &doc.mentions {
        let at = doc
            .sentences
            .partition_point(|s| s.span.end <= mention.span.start);
        if let Some(list) = per_sentence.get_mut(at) {
            list.push(mention.entity);
        }
    }
    let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut truncated = 0usize;
    let mut seen = vec![false; doc.entities.len()];
    for list in per_sentence {
        // the first MAX_COOCCURRING distinct entities, in the order first mentioned
        let mut kept = Vec::with_capacity(list.len().min(MAX_COOCCURRING));
        let mut more = false;
        for &e in &list {
            match seen.get_mut(e) {
                Some(slot) if !*slot => {
                    if kept.len() == MAX_COOCCURRING {
                        more = true;
                        break;
                    }
                    *slot = true;
                    kept.push(e);
                }
                _ => {}
            }
        }
        for &e in &kept {
            if let Some(slot) = seen.get_mut(e) {
                *slot = false;
            }
        }
        truncated += usize::from(more);
        let mut list = kept;
        list.sort_unstable();
        for (i, &a) in list.iter().enumerate() {
            for &b in list.iter().skip(i + 1) {
                *counts.entry((a, b)).or_default() += 1;
            }
        }
    }
    (sorted_pairs(counts), truncated)
}

fn sorted_pairs(counts: BTreeMap<(usize, usize), usize>) -> Vec<Cooccurrence> {
    let mut pairs: Vec<Cooccurrence> = counts
        .into_iter()
        .map(|((a, b), count)| Cooccurrence { a, b, count })
        .collect();
    pairs.sort_by(|x, y| y.count.cmp(&x.count).then((x.a, x.b).cmp(&(y.a, y.b))));
    pairs
}

fn key(label: &str, name: &str) -> (String, String) {
    (label.to_string(), name.to_lowercase())
}

/// The corpus people by their whole name and by their last word (both
/// lower-cased), so a name is matched in a lookup rather than a scan of every
/// person (a corpus of name lists holds thousands).
#[derive(Default)]
struct People {
    by_name: HashMap<String, BTreeSet<usize>>,
    by_last: HashMap<String, BTreeSet<usize>>,
}

impl People {
    fn keys(name: &str) -> (String, String) {
        let last = name.rsplit(' ').next().unwrap_or(name);
        (name.to_lowercase(), last.to_lowercase())
    }

    fn insert(&mut self, id: usize, name: &str) {
        let (whole, last) = People::keys(name);
        self.by_name.entry(whole).or_default().insert(id);
        self.by_last.entry(last).or_default().insert(id);
    }

    fn remove(&mut self, id: usize, name: &str) {
        let (whole, last) = People::keys(name);
        if let Some(ids) = self.by_name.get_mut(&whole) {
            ids.remove(&id);
        }
        if let Some(ids) = self.by_last.get_mut(&last) {
            ids.remove(&id);
        }
    }

    /// The one person in `index` under `key`, if exactly one.
    fn only(index: &HashMap<String, BTreeSet<usize>>, key: &str) -> Option<usize> {
        let ids = index.get(key)?;
        match (ids.first(), ids.len()) {
            (Some(&id), 1) => Some(id),
            _ => None,
        }
    }
}

/// Merge every document's entities, co-occurrences and timeline.
pub fn corpus(documents: &[Document]) -> Corpus {
    let mut entities: Vec<CorpusEntity> = Vec::new();
    let mut by_key: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut people = People::default();
    // corpus id of each (document, entity)
    let mut ids: Vec<Vec<usize>> = Vec::with_capacity(documents.len());
    for (d, doc) in documents.iter().enumerate() {
        let mut doc_ids = Vec::with_capacity(doc.entities.len());
        for (e, out) in doc.entities.iter().enumerate() {
            let entity = &out.entity;
            let person = entity.label == "PERSON";
            let id =
                find_same(&by_key, &people, &entity.label, &entity.name).unwrap_or_else(|| {
                    let id = entities.len();
                    entities.push(CorpusEntity {
                        id,
                        name: entity.name.clone(),
                        label: entity.label.clone(),
                        aliases: Vec::new(),
                        appearances: Vec::new(),
                        mentions: 0,
                        salience: 0.0,
                    });
                    by_key.insert(key(&entity.label, &entity.name), id);
                    if person {
                        people.insert(id, &entity.name);
                    }
                    id
                });
            if let Some(merged) = entities.get_mut(id) {
                merged.appearances.push(Appearance {
                    document: d,
                    entity: e,
                });
                merged.mentions += entity.mentions.len();
                merged.salience += entity.salience;
                // The longest name a document calls it by is the canonical one
                // ("Vladimir Putin" over "Putin"); a document's aliases stay aliases
                // ("People's Republic of China" of China).
                let before = person.then(|| merged.name.clone());
                let mut names = vec![entity.name.clone()];
                names.extend(entity.aliases.iter().cloned());
                for (k, name) in names.into_iter().enumerate() {
                    if k == 0 && name.chars().count() > merged.name.chars().count() {
                        let old = std::mem::replace(&mut merged.name, name);
                        merged.aliases.push(old);
                    } else if name != merged.name {
                        merged.aliases.push(name);
                    }
                }
                merged.aliases.sort();
                merged.aliases.dedup();
                let canonical = merged.name.clone();
                merged.aliases.retain(|a| *a != canonical);
                if let Some(before) = before.filter(|b| *b != merged.name) {
                    people.remove(id, &before);
                    people.insert(id, &merged.name);
                }
            }
            doc_ids.push(id);
        }
        ids.push(doc_ids);
    }
    let corpus_id = |d: usize, e: usize| ids.get(d).and_then(|v| v.get(e)).copied();

    let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut timeline = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for pair in &doc.cooccurrence {
            if let (Some(a), Some(b)) = (corpus_id(d, pair.a), corpus_id(d, pair.b)) {
                if a != b {
                    *counts.entry((a.min(b), a.max(b))).or_default() += pair.count;
                }
            }
        }
        for (i, event) in doc.timeline.iter().enumerate() {
            timeline.push(CorpusEvent {
                document: d,
                event: i,
                when: event.when.clone(),
                entities: event
                    .entities
                    .iter()
                    .filter_map(|&e| corpus_id(d, e))
                    .collect(),
            });
        }
    }
    // Dated events first in date order (BC before AD); undated last.
    timeline.sort_by(|x, y| {
        let order = crate::time::chronological;
        (order(&x.when), x.document, x.event).cmp(&(order(&y.when), y.document, y.event))
    });
    Corpus {
        entities,
        cooccurrence: sorted_pairs(counts),
        timeline,
    }
}

/// The corpus entity this (type, name) is: the same name and type, or for a
/// one-word PERSON name the one corpus person whose name ends with it.
fn find_same(
    by_key: &BTreeMap<(String, String), usize>,
    people: &People,
    label: &str,
    name: &str,
) -> Option<usize> {
    if let Some(&id) = by_key.get(&key(label, name)) {
        return Some(id);
    }
    if label != "PERSON" {
        return None;
    }
    if let Some(last) = name
        .contains(' ')
        .then(|| name.rsplit(' ').next())
        .flatten()
    {
        // "Vladimir Putin" after a document that only said "Putin".
        return People::only(&people.by_name, &last.to_lowercase());
    }
    People::only(&people.by_last, &name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Entity, EntityLayer, Mention};
    use crate::intake::Article;
    use crate::{sentiment, text, time, Span};

    /// A document whose entities are the given (name, type) mentions, in order.
    fn doc(text_body: &str, names: &[(&str, &str)]) -> Document {
        let layer = text::segment(text_body);
        let mut found = EntityLayer::default();
        for (name, label) in names {
            let start = text_body.find(name).unwrap_or(0);
            let id = found
                .entities
                .iter()
                .position(|e: &Entity| e.name == *name)
                .unwrap_or_else(|| {
                    found.entities.push(Entity {
                        id: found.entities.len(),
                        name: name.to_string(),
                        label: label.to_string(),
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                        salience: 0.5,
                        titles: Vec::new(),
                        country: None,
                        related: None,
                    });
                    found.entities.len() - 1
                });
            if let Some(entity) = found.entities.get_mut(id) {
                entity.mentions.push(found.mentions.len());
            }
            found.mentions.push(Mention {
                span: Span::new(start, start + name.len()),
                entity: id,
                label: label.to_string(),
                kind: "name",
                source: "model",
            });
        }
        let dated = time::TimeLayer::default();
        let tone = sentiment::score(text_body, &layer, &found, &[]);
        let article = Article {
            text: text_body.to_string(),
            ..Article::default()
        };
        let language = crate::intake::language::identify(text_body, &layer.paragraphs, None);
        super::super::document(
            article,
            super::super::Layers {
                text: layer,
                entities: found,
                quotes: Vec::new(),
                time: dated,
                tone: Some(tone),
            },
            language,
            None,
        )
    }

    #[test]
    fn entities_merge_across_documents_and_surnames_join_full_names() {
        let a = doc(
            "Vladimir Putin met Hu Jintao in Moscow.",
            &[
                ("Vladimir Putin", "PERSON"),
                ("Hu Jintao", "PERSON"),
                ("Moscow", "GPE"),
            ],
        );
        let b = doc(
            "Putin flew to Moscow. Beijing waited.",
            &[("Putin", "PERSON"), ("Moscow", "GPE"), ("Beijing", "GPE")],
        );
        let corpus = corpus(&[a, b]);
        let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Vladimir Putin", "Hu Jintao", "Moscow", "Beijing"]);
        let putin = &corpus.entities[0];
        assert_eq!(putin.aliases, ["Putin"]);
        assert_eq!(putin.appearances.len(), 2);
        assert_eq!(putin.mentions, 2);
        // Putin–Moscow co-occur in a sentence of each document; Moscow–Beijing never.
        let pair = corpus
            .cooccurrence
            .iter()
            .find(|p| (p.a, p.b) == (0, 2))
            .map(|p| p.count);
        assert_eq!(pair, Some(2));
        assert!(!corpus.cooccurrence.iter().any(|p| (p.a, p.b) == (2, 3)));
    }

    #[test]
    fn an_ambiguous_surname_is_not_merged() {
        let a = doc(
            "George Bush and Jeb Bush spoke.",
            &[("George Bush", "PERSON"), ("Jeb Bush", "PERSON")],
        );
        let b = doc("Bush spoke.", &[("Bush", "PERSON")]);
        let corpus = corpus(&[a, b]);
        assert_eq!(corpus.entities.len(), 3);
    }
}
