//! The knowledge table of notable names (`models/entities-knowledge.tsv`, written
//! by hand from the public record; see `models/SOURCE-entities.md`):
//! international organizations, news agencies and outlets, parties, companies,
//! leagues and clubs, peoples, and the long and short forms of countries, each
//! with its type and canonical name.
//!
//! It does three things: a name the table knows gets the table's type ("Kommersant"
//! a newspaper, "Maersk" a company); a known name the tagger missed is added
//! ("Reuters"); and an entity is called by its canonical name ("Russian
//! Federation" → "Russia", "U.S." → "United States"), so documents merge in the
//! corpus view. Clubs named after their place ("Kent", "Nice") are organizations
//! only in results tables and fixtures ([`super::layout`]).

use super::tagger::TYPES;
use super::{Chunk, EntityLayer};
use crate::ground::hashing::FxBuild;
use std::collections::HashMap;

static TABLE_TEXT: &str = include_str!("../../models/entities-knowledge.tsv");

/// One known name.
#[derive(Debug)]
pub struct Known {
    /// ORG, GPE, LOC, NORP or MISC.
    pub kind: &'static str,
    /// Only in sports contexts (a club named after its place).
    pub sports_only: bool,
    /// The canonical name.
    pub canonical: &'static str,
    /// For a people: its country.
    pub country: Option<&'static str>,
}

impl Known {
    /// The tagger's coarse type index of this name.
    fn coarse(&self) -> Option<usize> {
        let coarse = match self.kind {
            "ORG" => "ORG",
            "GPE" | "LOC" => "LOC",
            "NORP" | "MISC" => "MISC",
            "PER" | "PERSON" => "PER",
            _ => return None,
        };
        TYPES.iter().position(|t| *t == coarse)
    }
}

struct Table {
    entries: Vec<Known>,
    /// A name squashed (words joined without spaces, curly apostrophes straight) → entry.
    by_name: HashMap<String, usize, FxBuild>,
    /// The same for the upper-cased forms usable in ALL-CAPS lines.
    by_upper: HashMap<String, usize, FxBuild>,
    /// The keys of `by_name`, sorted: can a longer name begin with these words?
    sorted_names: Vec<String>,
    /// The keys of `by_upper`, sorted.
    sorted_upper: Vec<String>,
    /// The most words a name has.
    longest: usize,
}

/// A name's key: its words joined without spaces, ’ as '.
fn squash<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        push_squashed(&mut out, w);
    }
    out
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            entries: Vec::new(),
            by_name: HashMap::default(),
            by_upper: HashMap::default(),
            sorted_names: Vec::new(),
            sorted_upper: Vec::new(),
            longest: 1,
        };
        for line in TABLE_TEXT.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(kind), Some(context), Some(names)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let country = cols.next().map(str::trim).filter(|c| !c.is_empty());
            let mut names = names.split('|').map(str::trim).filter(|n| !n.is_empty());
            let Some(canonical) = names.next() else {
                continue;
            };
            let index = table.entries.len();
            table.entries.push(Known {
                kind,
                sports_only: context == "sports",
                canonical,
                country,
            });
            for name in std::iter::once(canonical).chain(names) {
                let words = name.split(' ').count();
                table.longest = table.longest.max(words + 2);
                table.by_name.entry(squash([name])).or_insert(index);
                let letters = name.chars().filter(|c| c.is_alphabetic()).count();
                if words >= 2 || letters >= 4 {
                    table
                        .by_upper
                        .entry(squash([name.to_uppercase().as_str()]))
                        .or_insert(index);
                }
            }
        }
        table.sorted_names = table.by_name.keys().cloned().collect();
        table.sorted_names.sort_unstable();
        table.sorted_upper = table.by_upper.keys().cloned().collect();
        table.sorted_upper.sort_unstable();
        table
    })
}

/// Does any key of this sorted list begin with `prefix`?
fn any_begins_with(sorted: &[String], prefix: &str) -> bool {
    let at = sorted.partition_point(|k| k.as_str() < prefix);
    sorted.get(at).is_some_and(|k| k.starts_with(prefix))
}

/// Append a word to a key as [`squash`] writes it.
fn push_squashed(key: &mut String, word: &str) {
    for ch in word.chars() {
        if !ch.is_whitespace() {
            key.push(if ch == '’' { '\'' } else { ch });
        }
    }
}

/// The table's entry for these words as written (or, on an ALL-CAPS line,
/// upper-cased).
pub fn lookup(words: &[&str], all_caps_line: bool) -> Option<&'static Known> {
    let table = table();
    let key = squash(words.iter().copied());
    let index = if all_caps_line {
        table.by_upper.get(&key)
    } else {
        table.by_name.get(&key)
    }?;
    table.entries.get(*index)
}

/// A name the table knows only by its canonical form, for entities: the entry of
/// a name as written, in any casing the table lists.
fn lookup_name(name: &str) -> Option<&'static Known> {
    let table = table();
    let key = squash(name.split(' '));
    let index = table
        .by_name
        .get(&key)
        .or_else(|| table.by_upper.get(&key))?;
    table.entries.get(*index)
}

/// Is this name a sports club (any club, including those named after a place)?
pub fn is_club(words: &[&str], all_caps_line: bool) -> bool {
    lookup(words, all_caps_line).is_some_and(|k| k.kind == "ORG")
}

fn all_caps(words: &[&str]) -> bool {
    let mut letters = false;
    for w in words {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        letters |= w.chars().any(char::is_alphabetic);
    }
    letters
}

/// Retype the chunks the table knows, and add the table's names the tagger
/// missed (in place, kept sorted).
pub(crate) fn apply(words: &[&str], sentences: &[std::ops::Range<usize>], chunks: &mut Vec<Chunk>) {
    let caps: Vec<bool> = sentences
        .iter()
        .map(|s| all_caps(words.get(s.clone()).unwrap_or(&[])))
        .collect();
    let caps_at = |i: usize| {
        caps.get(sentences.partition_point(|s| s.end <= i))
            .copied()
            .unwrap_or(false)
    };
    let mut covered = vec![false; words.len()];
    for chunk in chunks.iter_mut() {
        let name = words.get(chunk.tokens.clone()).unwrap_or(&[]);
        if let Some(known) = lookup(name, caps_at(chunk.tokens.start)) {
            if let (false, Some(kind)) = (known.sports_only, known.coarse()) {
                chunk.kind = kind;
            }
        }
        for slot in covered.get_mut(chunk.tokens.clone()).unwrap_or(&mut []) {
            *slot = true;
        }
    }
    let longest = table().longest;
    let mut key = String::new();
    let mut known_at: Vec<Option<&Known>> = Vec::with_capacity(longest);
    let mut added = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let starts_name = words
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if !starts_name {
            i += 1;
            continue;
        }
        let caps_line = caps_at(i);
        // The lengths at which the table has a name (built word by word, and
        // given up as soon as no name begins with the words so far).
        let (map, sorted) = if caps_line {
            (&table().by_upper, &table().sorted_upper)
        } else {
            (&table().by_name, &table().sorted_names)
        };
        key.clear();
        known_at.clear();
        for w in words.get(i..).unwrap_or(&[]).iter().take(longest) {
            push_squashed(&mut key, w);
            if !any_begins_with(sorted, &key) {
                break;
            }
            known_at.push(map.get(key.as_str()).and_then(|&k| table().entries.get(k)));
        }
        let mut matched = 0;
        for len in (1..=known_at.len()).rev() {
            let Some(known) = known_at.get(len - 1).copied().flatten() else {
                continue;
            };
            let range = i..i + len;
            // a name of two words or more may take the place of the tagger's
            // chunks inside it ("Morning Joe" over "Joe"), never cut one
            let any_covered = covered
                .get(range.clone())
                .is_none_or(|c| c.iter().any(|&x| x));
            // the chunks are sorted and do not overlap: only those between these
            // two points can overlap the range (not a scan of every chunk)
            let first = chunks.partition_point(|c| c.tokens.end <= range.start);
            let last = chunks.partition_point(|c| c.tokens.start < range.end);
            let cuts_a_chunk = chunks
                .get(first..last.max(first))
                .unwrap_or(&[])
                .iter()
                .any(|c| {
                    c.tokens.start < range.end
                        && range.start < c.tokens.end
                        && (c.tokens.start < range.start || c.tokens.end > range.end)
                });
            if (any_covered && len < 2) || cuts_a_chunk {
                continue;
            }
            // glued to a capitalized neighbour: part of a longer name
            let glued = words
                .get(i + len)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !caps_line);
            if glued {
                continue;
            }
            if known.sports_only {
                continue;
            }
            if let Some(kind) = known.coarse() {
                // the chunks inside the range give way to it (removed once, below)
                for c in chunks.get(first..last.max(first)).unwrap_or(&[]) {
                    if range.start <= c.tokens.start && c.tokens.end <= range.end {
                        replaced.push(c.tokens.start);
                    }
                }
                for slot in covered.get_mut(range.clone()).unwrap_or(&mut []) {
                    *slot = true;
                }
                added.push(Chunk {
                    tokens: range,
                    kind,
                });
                matched = len;
                break;
            }
        }
        i += matched.max(1);
    }
    if !replaced.is_empty() {
        // `replaced` is in text order, as the chunks are
        chunks.retain(|c| replaced.binary_search(&c.tokens.start).is_err());
    }
    if !added.is_empty() {
        chunks.extend(added);
        chunks.sort_by_key(|c| c.tokens.start);
    }
}

/// Call each entity the table knows by its canonical name and type, and link
/// each people to its country's entity in the document.
pub(crate) fn canonicalize(layer: &mut EntityLayer) {
    for entity in &mut layer.entities {
        if entity.label == "PERSON" {
            continue;
        }
        let known = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .find_map(lookup_name);
        let Some(known) = known.filter(|k| !k.sports_only) else {
            continue;
        };
        let label = match known.kind {
            "GPE" => "GPE",
            "NORP" => "NORP",
            "ORG" => "ORG",
            "MISC" => "MISC",
            _ => entity.label.as_str(),
        }
        .to_string();
        if entity.label != label {
            entity.label.clone_from(&label);
            for &m in &entity.mentions {
                if let Some(mention) = layer.mentions.get_mut(m) {
                    mention.label.clone_from(&label);
                }
            }
        }
        if entity.name != known.canonical {
            let old = std::mem::replace(&mut entity.name, known.canonical.to_string());
            if !entity.aliases.contains(&old) {
                entity.aliases.push(old);
            }
            entity.aliases.retain(|a| a != known.canonical);
        }
        if label == "NORP" && entity.country.is_none() {
            entity.country = known.country.map(str::to_string);
        }
    }
    merge_same(layer);
    // peoples → their country's entity here
    let countries: HashMap<String, usize> = layer
        .entities
        .iter()
        .filter(|e| e.label == "GPE")
        .map(|e| (e.name.clone(), e.id))
        .collect();
    for entity in &mut layer.entities {
        if entity.label == "NORP" && entity.related.is_none() {
            entity.related = entity
                .country
                .as_ref()
                .and_then(|c| countries.get(c).copied());
        }
    }
}

/// Entities that now have the same type and name ("NATO" and "North Atlantic
/// Alliance") become one: the first keeps its id, takes the other's mentions,
/// aliases and titles, and the higher salience; ids are renumbered in order.
fn merge_same(layer: &mut EntityLayer) {
    let mut first: HashMap<(String, String), usize, FxBuild> = HashMap::default();
    let mut target: Vec<usize> = Vec::with_capacity(layer.entities.len());
    for (i, e) in layer.entities.iter().enumerate() {
        let at = *first.entry((e.label.clone(), e.name.clone())).or_insert(i);
        target.push(at);
    }
    if target.iter().enumerate().all(|(i, &t)| i == t) {
        return;
    }
    for i in 0..layer.entities.len() {
        let to = target.get(i).copied().unwrap_or(i);
        if to == i {
            continue;
        }
        let moved = layer
            .entities
            .get_mut(i)
            .map(|e| {
                (
                    std::mem::take(&mut e.mentions),
                    std::mem::take(&mut e.aliases),
                    std::mem::take(&mut e.titles),
                    e.salience,
                )
            })
            .unwrap_or_default();
        if let Some(keep) = layer.entities.get_mut(to) {
            let (mentions, aliases, titles, salience) = moved;
            keep.mentions.extend(mentions);
            keep.mentions.sort_unstable();
            for a in aliases {
                if a != keep.name && !keep.aliases.contains(&a) {
                    keep.aliases.push(a);
                }
            }
            for t in titles {
                if !keep.titles.contains(&t) {
                    keep.titles.push(t);
                }
            }
            keep.salience = keep.salience.max(salience);
        }
    }
    // new ids: the kept entities in order
    let mut new_id = vec![0usize; layer.entities.len()];
    let mut next = 0;
    for (i, &t) in target.iter().enumerate() {
        if t == i {
            if let Some(slot) = new_id.get_mut(i) {
                *slot = next;
            }
            next += 1;
        }
    }
    let id_of = |old: usize| {
        target
            .get(old)
            .and_then(|&t| new_id.get(t))
            .copied()
            .unwrap_or(0)
    };
    let entities = std::mem::take(&mut layer.entities);
    layer.entities = entities
        .into_iter()
        .enumerate()
        .filter(|(i, _)| target.get(*i) == Some(i))
        .map(|(i, mut e)| {
            e.id = id_of(i);
            e.related = e.related.map(id_of);
            e
        })
        .collect();
    for mention in &mut layer.mentions {
        mention.entity = id_of(mention.entity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_forms_of_countries_are_the_country() {
        let china = lookup_name("People’s Republic of China").expect("PRC");
        assert_eq!(china.canonical, "China");
        assert_eq!(
            lookup_name("Russian Federation").map(|k| k.canonical),
            Some("Russia")
        );
        assert_eq!(
            lookup_name("U.S.").map(|k| k.canonical),
            Some("United States")
        );
        assert_eq!(
            lookup_name("America").map(|k| k.canonical),
            Some("United States")
        );
    }

    #[test]
    fn outlets_companies_and_clubs() {
        assert_eq!(lookup(&["Kommersant"], false).map(|k| k.kind), Some("ORG"));
        assert_eq!(lookup(&["Maersk"], false).map(|k| k.kind), Some("ORG"));
        assert!(lookup(&["Kent"], false).is_some_and(|k| k.sports_only));
        assert!(lookup(&["REUTERS"], true).is_some());
        // short names are not matched in capitals ("US" in a headline may be "us")
        assert!(lookup(&["US"], true).is_none());
    }

    #[test]
    fn a_missed_name_is_added_and_a_known_one_retyped() {
        let words = ["Reuters", "said", "Maersk", "grew", "."];
        let mut chunks = vec![Chunk {
            tokens: 2..3,
            kind: 0,
        }];
        apply(&words, std::slice::from_ref(&(0..5)), &mut chunks);
        let org = TYPES.iter().position(|t| *t == "ORG");
        assert_eq!(chunks.len(), 2);
        assert!(chunks.iter().all(|c| Some(c.kind) == org));
    }
}
