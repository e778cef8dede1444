//! Grouping: mentions become entities, one per real-world thing. "Vladimir
//! Putin" / "Putin" / "President Putin" join; "Hu" joins "Hu Jintao"; "U.S."
//! joins "United States"; "APEC" joins "Asia-Pacific Economic Cooperation";
//! two people sharing a surname stay apart (a bare surname goes to the one
//! mentioned most recently); a surname seen before the full name joins it.
//! Salience ranks entities by mentions, weighted toward the headline and lead.

use super::{Entity, Mention};
use crate::Span;
use std::collections::HashMap;

/// A mention before grouping: its span, type, the words of its name, and the
/// canonical key a gazetteer gives (e.g. "United States" for "U.S.").
pub struct Candidate {
    pub span: Span,
    pub label: &'static str,
    pub words: Vec<String>,
    pub canonical: Option<String>,
    pub titles: Vec<String>,
    pub link: Option<String>,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Group candidates (in text order) into mentions and entities.
pub fn group(candidates: Vec<Candidate>, sentence_count: usize) -> (Vec<Mention>, Vec<Entity>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<(&'static str, String), usize> = HashMap::new();
    let mut last_seen: Vec<usize> = Vec::new();
    let mut mentions = Vec::with_capacity(candidates.len());
    for (n, c) in candidates.iter().enumerate() {
        let text = c.words.join(" ");
        let key_name = c.canonical.as_deref().unwrap_or(&text).to_lowercase();
        let mut id = by_key.get(&(c.label, key_name.clone())).copied();
        if id.is_none() && c.label == "PERSON" && c.words.len() == 1 {
            // A bare surname (or first name): the most recently mentioned person with it.
            let word = c.words.first().map(String::as_str).unwrap_or("");
            id = entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.label == "PERSON" && e.name.split(' ').count() > 1)
                .filter(|(_, e)| e.name.split(' ').any(|w| w == word))
                .max_by_key(|(i, _)| last_seen.get(*i).copied().unwrap_or(0))
                .map(|(i, _)| i);
        }
        if id.is_none() && c.words.len() == 1 && matches!(c.label, "ORG" | "EVENT" | "MISC") {
            // An acronym of a longer name mentioned before.
            let word = c.words.first().map(String::as_str).unwrap_or("");
            if word.len() >= 2 && word.chars().all(|ch| ch.is_uppercase() || ch == '.') {
                let bare: String = word.chars().filter(|ch| *ch != '.').collect();
                id = entities.iter().position(|e| {
                    e.name.split(' ').count() >= 2
                        && initials(&e.name.split(' ').map(str::to_string).collect::<Vec<_>>())
                            == bare
                });
            }
        }
        let id = id.unwrap_or_else(|| {
            entities.push(Entity {
                id: entities.len(),
                name: c.canonical.clone().unwrap_or_else(|| text.clone()),
                label: c.label.to_string(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                salience: 0.0,
                titles: Vec::new(),
                link: None,
            });
            last_seen.push(0);
            entities.len() - 1
        });
        by_key.insert((c.label, key_name), id);
        if let Some(entity) = entities.get_mut(id) {
            entity.mentions.push(mentions.len());
            if text != entity.name && !entity.aliases.contains(&text) {
                entity.aliases.push(text.clone());
            }
            for title in &c.titles {
                if !entity.titles.contains(title) {
                    entity.titles.push(title.clone());
                }
            }
            if entity.link.is_none() {
                entity.link = c.link.clone();
            }
        }
        if let Some(seen) = last_seen.get_mut(id) {
            *seen = n + 1;
        }
        mentions.push(Mention {
            span: c.span,
            entity: id,
            label: c.label.to_string(),
        });
    }
    merge_early_surnames(&mut entities, &mut mentions);
    finish(&mut entities, &candidates, sentence_count);
    (mentions, entities)
}

/// A person first mentioned by surname alone joins the one full name that ends with it.
fn merge_early_surnames(entities: &mut Vec<Entity>, mentions: &mut [Mention]) {
    let mut target: Vec<usize> = (0..entities.len()).collect();
    for (i, e) in entities.iter().enumerate() {
        if e.label != "PERSON" || e.name.contains(' ') {
            continue;
        }
        let fulls: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(j, f)| {
                *j != i
                    && f.label == "PERSON"
                    && f.name.contains(' ')
                    && f.name.rsplit(' ').next() == Some(e.name.as_str())
            })
            .map(|(j, _)| j)
            .collect();
        if let [only] = fulls.as_slice() {
            if let Some(t) = target.get_mut(i) {
                *t = *only;
            }
        }
    }
    if target.iter().enumerate().all(|(i, &t)| i == t) {
        return;
    }
    // Move mentions and aliases, then drop the emptied entities and renumber.
    for i in 0..entities.len() {
        let t = target.get(i).copied().unwrap_or(i);
        if t == i {
            continue;
        }
        let moved_mentions = std::mem::take(&mut entities[i].mentions);
        let name = entities[i].name.clone();
        let aliases = std::mem::take(&mut entities[i].aliases);
        let titles = std::mem::take(&mut entities[i].titles);
        if let Some(dest) = entities.get_mut(t) {
            dest.mentions.extend(moved_mentions);
            dest.mentions.sort_unstable();
            for alias in std::iter::once(name).chain(aliases) {
                if alias != dest.name && !dest.aliases.contains(&alias) {
                    dest.aliases.push(alias);
                }
            }
            for title in titles {
                if !dest.titles.contains(&title) {
                    dest.titles.push(title);
                }
            }
        }
    }
    let mut renumber = vec![usize::MAX; entities.len()];
    let mut kept = Vec::new();
    for (i, e) in std::mem::take(entities).into_iter().enumerate() {
        if target.get(i) == Some(&i) {
            if let Some(r) = renumber.get_mut(i) {
                *r = kept.len();
            }
            kept.push(e);
        }
    }
    for (i, e) in kept.iter_mut().enumerate() {
        e.id = i;
        for &m in &e.mentions {
            if let Some(mention) = mentions.get_mut(m) {
                mention.entity = i;
            }
        }
    }
    *entities = kept;
}

/// Salience: mentions weighted by position (the first sentences count double),
/// names over numbers, scaled so the most salient entity is 1.
fn finish(entities: &mut [Entity], candidates: &[Candidate], sentence_count: usize) {
    let lead = 2.max(sentence_count / 10);
    let mut scores = vec![0f32; entities.len()];
    for (e, score) in entities.iter().zip(scores.iter_mut()) {
        if matches!(
            e.label.as_str(),
            "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" | "ORDINAL"
        ) {
            continue;
        }
        for &m in &e.mentions {
            let sentence = candidates.get(m).map_or(usize::MAX, |c| c.sentence);
            *score += if sentence < lead { 2.0 } else { 1.0 };
        }
    }
    let top = scores.iter().copied().fold(0f32, f32::max);
    for (e, score) in entities.iter_mut().zip(scores) {
        e.salience = if top > 0.0 {
            (score / top * 1000.0).round() / 1000.0
        } else {
            0.0
        };
        e.aliases.sort();
    }
}
