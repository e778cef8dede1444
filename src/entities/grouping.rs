//! Grouping mentions into entities, within one document.
//!
//! People: a full name ("Vladimir Putin") starts an entity; a lone word
//! ("Putin", "Hu") joins the most recently mentioned person whose full name starts
//! or ends with it (so two people sharing a surname stay apart and "Smith" means
//! the Smith last talked about); a person first named by surname only is one
//! entity that a later full name completes. Titles before or inside the name
//! ("Foreign Minister Sergei Lavrov", "President Putin") are kept as attributes,
//! not in the name. Other types group by normalized spelling ("U.S." = "US"),
//! countries by their canonical name ("Russian Federation" = "Russia"), and an
//! acronym joins the organization whose initials it spells ("UN" → "United
//! Nations"). Nationalities (NORP) are linked to their country.
//!
//! Salience: each mention counts 1, 1.5 in the first three sentences and 2 in the
//! first (the headline or lead); numeric values count half; scores are divided
//! by the largest, so the most central entity has salience 1.

use super::gazetteer::{gazetteer, PlaceKind};
use super::numbers::Numeric;
use super::{Entity, EntityLayer, Mention};
use crate::ground::hashing::FxBuild;
use crate::ground::lexical::WordSet;
use crate::text::TextLayer;
use crate::Span;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A typed name before grouping.
#[derive(Debug, Clone)]
pub struct Name {
    pub tokens: Range<usize>,
    pub label: String,
    pub source: &'static str,
}

/// Countries often written in ways the gazetteer lacks.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("u.s.", "United States"),
    ("us", "United States"),
    ("u.s.a.", "United States"),
    ("usa", "United States"),
    ("america", "United States"),
    ("united states of america", "United States"),
    ("uk", "United Kingdom"),
    ("u.k.", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("great britain", "United Kingdom"),
    ("england", "United Kingdom"),
    ("scotland", "United Kingdom"),
    ("wales", "United Kingdom"),
    ("prc", "China"),
    ("ussr", "Soviet Union"),
    ("soviet union", "Soviet Union"),
    ("holland", "Netherlands"),
    ("burma", "Myanmar"),
    ("ivory coast", "Ivory Coast"),
];

/// Groups of people that are NORP though not nationalities.
const GROUP_WORDS: &[&str] = &[
    "muslim",
    "muslims",
    "christian",
    "christians",
    "jewish",
    "jews",
    "jew",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "sunni",
    "sunnis",
    "shiite",
    "shiites",
    "shia",
    "hindu",
    "hindus",
    "buddhist",
    "buddhists",
    "islamic",
    "islamist",
    "islamists",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "communist",
    "communists",
    "socialist",
    "socialists",
    "conservative",
    "conservatives",
    "uighur",
    "uighurs",
    "uyghur",
    "uyghurs",
    "kurd",
    "kurds",
    "kurdish",
    "arab",
    "arabs",
    "tibetan",
    "tibetans",
    "palestinians",
    "palestinian",
    "western",
    "european",
    "europeans",
    "asian",
    "african",
    "latin",
    "soviet",
    "ukrainian",
    "ukrainians",
    "russian",
    "russians",
    "chinese",
    "british",
    "english",
    "french",
    "dutch",
    "scottish",
    "welsh",
];

/// Last words of event names.
/// Is this lower-cased word one that ends an event's name ("games", "war")?
pub(crate) fn is_event_word(lower: &str) -> bool {
    EVENT_WORDS.contains(&lower)
}

const EVENT_WORDS: &[&str] = &[
    "olympics",
    "olympiad",
    "games",
    "cup",
    "championship",
    "championships",
    "war",
    "summit",
    "open",
    "festival",
    "election",
    "elections",
    "revolution",
    "tournament",
    "prix",
    "marathon",
    "rally",
    "crisis",
    "massacre",
    "uprising",
    "expo",
    "series",
    "derby",
    "classic",
    "tour",
];

/// Words that qualify a title without heading a name ("Prime", "Foreign",
/// "former"); with [`HEAD_TITLES`] they make up the title words (lower-cased).
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "prime",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "trade",
    "economy",
    "energy",
    "state",
    "chair",
    "executive",
    "representative",
    "congressman",
    "congresswoman",
    "deputy",
    "first",
    "party",
    "communist",
    "national",
    "security",
    "attorney",
    "former",
    "late",
    "acting",
];

/// Words that are titles on their own (a lone "Foreign" or "State" is not).
const HEAD_TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "governor",
    "senator",
    "sen.",
    "rep.",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "gen.",
    "general",
    "col.",
    "lt.",
    "capt.",
    "sgt.",
    "adm.",
    "maj.",
    "judge",
    "justice",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "leader",
    "commander",
    "coach",
    "manager",
    "captain",
    "sir",
    "lord",
    "lady",
    "sheikh",
    "ayatollah",
    "emperor",
    "archbishop",
    "bishop",
    "cardinal",
    "rev.",
    "professor",
    "prof.",
    "adviser",
    "advisor",
    "speaker",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "champion",
    "chief",
];

pub(crate) fn lower_phrase(words: &[&str]) -> String {
    let mut phrase = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            phrase.push(' ');
        }
        crate::ground::lexical::push_lowercase(w, &mut phrase);
    }
    phrase
}

/// The country a place phrase names or lies in, with its kind.
fn place(lower: &str) -> Option<(PlaceKind, String)> {
    if let Some((_, country)) = COUNTRY_ALIASES.iter().find(|(a, _)| *a == lower) {
        return Some((PlaceKind::Country, (*country).to_string()));
    }
    let entries = gazetteer().lookup(lower);
    for kind in [PlaceKind::Country, PlaceKind::State, PlaceKind::City] {
        if let Some(e) = entries.iter().find(|e| e.kind == kind) {
            return Some((kind, e.target.to_string()));
        }
    }
    None
}

/// The fine type of a name the tagger typed `coarse` (PER, ORG, LOC, MISC).
pub fn fine_type(coarse: &str, words: &[&str], tokens: Range<usize>) -> String {
    let name = words.get(tokens).unwrap_or(&[]);
    let lower = lower_phrase(name);
    match coarse {
        "PER" => "PERSON".into(),
        "ORG" => "ORG".into(),
        "LOC" => match place(&lower) {
            Some((PlaceKind::Continent, _)) | None => "LOC".into(),
            Some(_) => "GPE".into(),
        },
        _ => {
            let last = name.last().map(|w| w.to_lowercase()).unwrap_or_default();
            if gazetteer().demonym_country(&lower).is_some()
                || GROUP_WORDS.contains(&lower.as_str())
                || super::is_peoples_adjective(&lower)
            {
                "NORP".into()
            } else if name.len() > 1 && is_event_word(&last) {
                "EVENT".into()
            } else {
                "MISC".into()
            }
        }
    }
}

/// Is this a word of a title or role ("Foreign", "Minister", "Mr.")?
pub fn is_title_word(word: &str) -> bool {
    static TITLE_WORDS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(&[HEAD_TITLES, TITLE_MODIFIERS]));
    TITLE_WORDS.contains_ignoring_case(word)
}

/// A weekday, a month, a country or a state: never part of a person's name.
pub fn is_calendar_or_place(word: &str) -> bool {
    let lower = word.to_lowercase();
    // cities are left out: many are also given names ("Vladimir", "Florence")
    crate::ground::lexical::WEEKDAYS.contains(&lower.as_str())
        || crate::ground::lexical::MONTHS.contains(&lower.as_str())
        || place(&lower).is_some_and(|(kind, _)| kind != PlaceKind::City)
}

/// Is this a title on its own ("President", "Minister", "Dr.")?
pub fn is_head_title(word: &str) -> bool {
    static HEAD_TITLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&[HEAD_TITLES]));
    HEAD_TITLE_WORDS.contains_ignoring_case(word)
}

/// Normalized key of a non-person name: lower case, no periods, no leading "the".
fn plain_key(words: &[&str]) -> String {
    let mut key = lower_phrase(words).replace('.', "");
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest.to_string();
    }
    key
}

/// Initials of a multi-word name, skipping function words ("United Nations" → "un").
fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "the" | "and" | "for" | "&"
            )
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Builder {
    label: String,
    /// The words of the canonical name.
    canonical: Vec<String>,
    /// The canonical name as written.
    canonical_text: String,
    forms: Vec<String>,
    titles: Vec<String>,
    mentions: Vec<usize>,
    last_seen: usize,
    score: f32,
    country: Option<String>,
}

/// The entities built so far, indexed by what [`find_person`] and
/// [`acronym_match`] look for, so each name is matched by lookups rather than a
/// scan of every entity (a casualty list names thousands of people). Words are
/// keyed ASCII-lower-cased, as the matching compares them. An entity is taken
/// out before its canonical name or `last_seen` changes and put back after.
#[derive(Default)]
struct Index {
    /// People by the first and by the last word of their name, most recent last.
    person_end_word: HashMap<String, std::collections::BTreeSet<(usize, usize)>>,
    /// People by their whole name (two words or more).
    person_name: HashMap<String, std::collections::BTreeSet<usize>>,
    /// People so far named by one word only, by that word.
    person_single: HashMap<String, std::collections::BTreeSet<usize>>,
    /// Organizations with a name of two words or more, by its initials.
    org_initials: HashMap<String, std::collections::BTreeSet<usize>>,
}

/// The key of a name for [`Index::person_name`].
fn name_key<S: AsRef<str>>(words: &[S]) -> String {
    let mut key = String::new();
    for w in words {
        key.push_str(&w.as_ref().to_ascii_lowercase());
        key.push('\u{1}');
    }
    key
}

impl Index {
    /// The keys a builder is filed under: end words, whole name, single word, initials.
    fn keys(b: &Builder) -> Vec<(u8, String)> {
        let mut keys = Vec::new();
        if b.label == "PERSON" {
            if let (Some(first), Some(last)) = (b.canonical.first(), b.canonical.last()) {
                keys.push((0, first.to_ascii_lowercase()));
                keys.push((0, last.to_ascii_lowercase()));
                if b.canonical.len() == 1 {
                    keys.push((2, first.to_ascii_lowercase()));
                } else {
                    keys.push((1, name_key(&b.canonical)));
                }
            }
        } else if b.label == "ORG" && b.canonical.len() > 1 {
            let words: Vec<&str> = b.canonical.iter().map(String::as_str).collect();
            keys.push((3, initials(&words)));
        }
        keys
    }

    fn insert(&mut self, id: usize, b: &Builder) {
        for (kind, key) in Index::keys(b) {
            match kind {
                0 => {
                    self.person_end_word
                        .entry(key)
                        .or_default()
                        .insert((b.last_seen, id));
                }
                1 => {
                    self.person_name.entry(key).or_default().insert(id);
                }
                2 => {
                    self.person_single.entry(key).or_default().insert(id);
                }
                _ => {
                    self.org_initials.entry(key).or_default().insert(id);
                }
            }
        }
    }

    fn remove(&mut self, id: usize, b: &Builder) {
        for (kind, key) in Index::keys(b) {
            match kind {
                0 => {
                    if let Some(set) = self.person_end_word.get_mut(&key) {
                        set.remove(&(b.last_seen, id));
                    }
                }
                1 => {
                    if let Some(set) = self.person_name.get_mut(&key) {
                        set.remove(&id);
                    }
                }
                2 => {
                    if let Some(set) = self.person_single.get_mut(&key) {
                        set.remove(&id);
                    }
                }
                _ => {
                    if let Some(set) = self.org_initials.get_mut(&key) {
                        set.remove(&id);
                    }
                }
            }
        }
    }
}

/// Group typed names and numeric values into mentions and entities.
pub fn build(
    text: &str,
    layer: &TextLayer,
    words: &[&str],
    mut names: Vec<Name>,
    values: Vec<Numeric>,
) -> EntityLayer {
    // sentence index of every token, for salience
    let mut sentence_of = vec![usize::MAX; words.len()];
    for (index, s) in layer.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if let Some(slot) = sentence_of.get_mut(i) {
                *slot = index;
            }
        }
    }
    let span_of = |tokens: &Range<usize>| -> Option<Span> {
        let first = layer.tokens.get(tokens.start)?;
        let last = layer.tokens.get(tokens.end.checked_sub(1)?)?;
        (first.span.start < last.span.end).then(|| Span::new(first.span.start, last.span.end))
    };

    // a lone word that begins or ends a person's full name is that person
    let mut person_words: HashMap<&str, usize, FxBuild> = HashMap::default();
    for n in &names {
        if n.label == "PERSON" && n.tokens.len() >= 2 {
            for i in [n.tokens.start, n.tokens.end - 1] {
                if let Some(w) = words.get(i) {
                    *person_words.entry(w).or_default() += 1;
                }
            }
        }
    }
    for n in &mut names {
        if n.source == "model" && n.tokens.len() == 1 && n.label != "PERSON" {
            if let Some(w) = words.get(n.tokens.start) {
                let lower = w.to_lowercase();
                // not a place or a nationality: "Russian Security Council Secretary
                // Nikolai Patrushev" does not make "the Russian leader" a person
                if person_words.contains_key(w)
                    && place(&lower).is_none()
                    && gazetteer().demonym_country(&lower).is_none()
                {
                    n.label = "PERSON".into();
                }
            }
        }
    }

    names = split_titled(words, names);
    let mut out = EntityLayer::default();
    let mut builders: Vec<Builder> = Vec::new();
    let mut by_key: HashMap<(String, String), usize, FxBuild> = HashMap::default();
    let mut index_of = Index::default();

    for (order, name) in names.iter().enumerate() {
        let mut tokens = name.tokens.clone();
        let mut titles: Vec<String> = Vec::new();
        if name.label == "PERSON" {
            // titles inside the chunk ("President Putin")
            let mut end = tokens.start;
            while end + 1 < tokens.end && words.get(end).is_some_and(|w| is_title_word(w)) {
                end += 1;
            }
            let run = words.get(tokens.start..end).unwrap_or(&[]);
            if run.iter().any(|w| is_head_title(w)) {
                tokens.start = end;
            }
            if tokens.start > name.tokens.start {
                titles.push(
                    words
                        .get(name.tokens.start..tokens.start)
                        .unwrap_or(&[])
                        .join(" "),
                );
            }
            // titles just before it ("Foreign Minister Sergei Lavrov")
            let mut first = name.tokens.start;
            while first > 0
                && words.get(first - 1).is_some_and(|w| {
                    is_title_word(w) && w.chars().next().is_some_and(char::is_uppercase)
                })
                && name.tokens.start - first < 4
            {
                first -= 1;
            }
            if first < name.tokens.start {
                let run = words.get(first..name.tokens.start).unwrap_or(&[]);
                if run.iter().any(|w| is_head_title(w)) {
                    titles.push(run.join(" "));
                }
            }
        }
        let Some(span) = span_of(&tokens) else {
            continue;
        };
        let name_words: Vec<&str> = words.get(tokens.clone()).unwrap_or(&[]).to_vec();
        let surface = span.of(text).to_string();
        let sentence = sentence_of.get(tokens.start).copied().unwrap_or(usize::MAX);
        let weight = match sentence {
            0 => 2.0,
            1 | 2 => 1.5,
            _ => 1.0,
        };

        let entity = if name.label == "PERSON" {
            find_person(&index_of, &name_words)
        } else {
            let key = non_person_key(&name.label, &name_words);
            by_key
                .get(&(name.label.clone(), key.clone()))
                .copied()
                .or_else(|| acronym_match(&index_of, &name.label, &name_words))
                .or_else(|| {
                    // the acronym came first: "UN" … later "United Nations"
                    (name_words.len() > 1 && name.label == "ORG")
                        .then(|| initials(&name_words))
                        .and_then(|i| by_key.get(&(name.label.clone(), i)).copied())
                })
        };
        let index = match entity {
            Some(index) => index,
            None => {
                let country = match name.label.as_str() {
                    "NORP" => gazetteer()
                        .demonym_country(&lower_phrase(&name_words))
                        .map(str::to_string),
                    "GPE" => place(&lower_phrase(&name_words)).map(|(_, c)| c),
                    _ => None,
                };
                builders.push(Builder {
                    label: name.label.clone(),
                    canonical: Vec::new(),
                    canonical_text: String::new(),
                    forms: Vec::new(),
                    titles: Vec::new(),
                    mentions: Vec::new(),
                    last_seen: order,
                    score: 0.0,
                    country,
                });
                builders.len() - 1
            }
        };
        if name.label != "PERSON" {
            by_key.insert(
                (name.label.clone(), non_person_key(&name.label, &name_words)),
                index,
            );
        }
        let Some(b) = builders.get_mut(index) else {
            continue;
        };
        index_of.remove(index, b);
        let shouting = |t: &str| !t.chars().any(char::is_lowercase);
        if name_words.len() > b.canonical.len()
            || (name_words.len() == b.canonical.len()
                && shouting(&b.canonical_text)
                && !shouting(&surface))
        {
            b.canonical = name_words.iter().map(|w| w.to_string()).collect();
            b.canonical_text = surface.clone();
        }
        if !b.forms.contains(&surface) {
            b.forms.push(surface);
        }
        for t in titles {
            if !b.titles.contains(&t) {
                b.titles.push(t);
            }
        }
        b.last_seen = order;
        index_of.insert(index, b);
        b.score += weight;
        b.mentions.push(out.mentions.len());
        out.mentions.push(Mention {
            span,
            entity: index,
            label: name.label.clone(),
            kind: "name",
            source: name.source,
        });
    }

    // numeric values: one entity per label and spelling
    for value in values {
        let Some(span) = span_of(&value.tokens) else {
            continue;
        };
        let surface = span.of(text).to_string();
        let key = (value.label.to_string(), surface.to_lowercase());
        let index = *by_key.entry(key).or_insert_with(|| {
            builders.push(Builder {
                label: value.label.to_string(),
                canonical: vec![surface.clone()],
                canonical_text: surface.clone(),
                forms: vec![surface.clone()],
                titles: Vec::new(),
                mentions: Vec::new(),
                last_seen: 0,
                score: 0.0,
                country: None,
            });
            builders.len() - 1
        });
        if let Some(b) = builders.get_mut(index) {
            b.score += 0.5;
            b.mentions.push(out.mentions.len());
        }
        out.mentions.push(Mention {
            span,
            entity: index,
            label: value.label.to_string(),
            kind: "value",
            source: "rule",
        });
    }

    // mentions in text order, entity mention lists rebuilt to match
    let mut order: Vec<usize> = (0..out.mentions.len()).collect();
    order.sort_by_key(|&m| out.mentions.get(m).map(|x| (x.span.start, x.span.end)));
    let mentions: Vec<Mention> = order
        .iter()
        .filter_map(|&m| out.mentions.get(m).cloned())
        .collect();
    for b in &mut builders {
        b.mentions.clear();
    }
    for (m, mention) in mentions.iter().enumerate() {
        if let Some(b) = builders.get_mut(mention.entity) {
            b.mentions.push(m);
        }
    }
    out.mentions = mentions;

    let top = builders.iter().fold(0f32, |m, b| m.max(b.score)).max(1e-6);
    for (id, b) in builders.iter().enumerate() {
        let aliases = b
            .forms
            .iter()
            .filter(|f| **f != b.canonical_text)
            .cloned()
            .collect();
        out.entities.push(Entity {
            id,
            name: b.canonical_text.clone(),
            label: b.label.clone(),
            aliases,
            titles: b.titles.clone(),
            country: b.country.clone(),
            related: None,
            mentions: b.mentions.clone(),
            salience: ((b.score / top) * 1000.0).round() / 1000.0,
        });
    }
    // NORP → the country's entity in this document
    let countries: HashMap<String, usize> = out
        .entities
        .iter()
        .filter(|e| e.label == "GPE")
        .filter_map(|e| {
            let canonical = place(&e.name.to_lowercase()).map(|(_, c)| c)?;
            place(&e.name.to_lowercase())
                .is_some_and(|(k, _)| k == PlaceKind::Country)
                .then_some((canonical, e.id))
        })
        .collect();
    for e in &mut out.entities {
        if e.label == "NORP" {
            e.related = e.country.as_ref().and_then(|c| countries.get(c).copied());
        }
    }
    out
}

fn non_person_key(label: &str, words: &[&str]) -> String {
    if label == "GPE" {
        if let Some((PlaceKind::Country, canonical)) = place(&lower_phrase(words)) {
            return canonical.to_lowercase();
        }
    }
    plain_key(words)
}

/// An all-caps single word that spells the initials of an organization seen before
/// (the latest such organization).
fn acronym_match(index: &Index, label: &str, words: &[&str]) -> Option<usize> {
    let [word] = words else {
        return None;
    };
    let letters: String = word.chars().filter(|c| *c != '.').collect();
    if letters.len() < 2 || letters.chars().any(|c| !c.is_uppercase()) || label != "ORG" {
        return None;
    }
    let wanted = letters.to_lowercase();
    index.org_initials.get(&wanted)?.last().copied()
}

/// The person entity a name refers to, if any.
fn find_person(index: &Index, words: &[&str]) -> Option<usize> {
    if words.len() == 1 {
        let word = words.first()?.to_ascii_lowercase();
        // the most recently mentioned person whose name starts or ends with it
        return index.person_end_word.get(&word)?.last().map(|&(_, id)| id);
    }
    // the same full name (the first such person)
    if let Some(&id) = index
        .person_name
        .get(&name_key(words))
        .and_then(|set| set.first())
    {
        return Some(id);
    }
    // a person so far named by one word only, which this full name ends or starts
    // with (the first such person)
    let first = words.first()?.to_ascii_lowercase();
    let last = words.last()?.to_ascii_lowercase();
    let earliest = |key: &str| {
        index
            .person_single
            .get(key)
            .and_then(|set| set.first().copied())
    };
    match (earliest(&last), earliest(&first)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Split a name that swallowed a title and a person ("Thai Prime Minister Surayud
/// Chulanont" tagged as one name) into what precedes the title (typed again:
/// "Thai" → NORP) and the person after it; the title is then found as an
/// attribute of the person.
fn split_titled(words: &[&str], names: Vec<Name>) -> Vec<Name> {
    let mut out = Vec::with_capacity(names.len());
    for mut name in names {
        // a trailing title is no part of a name: "Russian President" → "Russian"
        if name.source == "model" && name.label != "PERSON" {
            let mut end = name.tokens.end;
            while end > name.tokens.start + 1
                && words.get(end - 1).is_some_and(|w| is_title_word(w))
            {
                end -= 1;
            }
            let stripped = words.get(end..name.tokens.end).unwrap_or(&[]);
            if end < name.tokens.end && stripped.iter().any(|w| is_head_title(w)) {
                name.tokens.end = end;
                let lower = lower_phrase(words.get(name.tokens.clone()).unwrap_or(&[]));
                if gazetteer().demonym_country(&lower).is_some() {
                    name.label = "NORP".into();
                } else if place(&lower).is_some() {
                    name.label = "GPE".into();
                }
            }
        }
        if name.source != "model" || name.tokens.len() < 3 {
            out.push(name);
            continue;
        }
        // the last head title inside, with at least one word after it
        let title_at = (name.tokens.start..name.tokens.end.saturating_sub(1))
            .rev()
            .find(|&i| words.get(i).is_some_and(|w| is_head_title(w)));
        let Some(title_at) = title_at else {
            out.push(name);
            continue;
        };
        // "Secretary of State Antony Blinken": the title runs on through "of" and
        // what it governs; the person is the last two words.
        let governs = words.get(title_at + 1) == Some(&"of") && name.tokens.end >= title_at + 5;
        let person = if governs {
            name.tokens.end - 2..name.tokens.end
        } else {
            title_at + 1..name.tokens.end
        };
        let after_ok = words
            .get(person.clone())
            .unwrap_or(&[])
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_title_word(w));
        if !after_ok {
            out.push(name);
            continue;
        }
        // the words before the title run
        let mut run_start = title_at;
        while run_start > name.tokens.start
            && words.get(run_start - 1).is_some_and(|w| is_title_word(w))
        {
            run_start -= 1;
        }
        if run_start > name.tokens.start {
            let before = name.tokens.start..run_start;
            let lower = lower_phrase(words.get(before.clone()).unwrap_or(&[]));
            let label = if gazetteer().demonym_country(&lower).is_some() {
                "NORP".to_string()
            } else if place(&lower).is_some() {
                "GPE".to_string()
            } else if super::names_a_body(words.get(before.clone()).unwrap_or(&[])) {
                // "Russian Security Council [Secretary Nikolai Patrushev]"
                "ORG".to_string()
            } else {
                name.label.clone()
            };
            out.push(Name {
                tokens: before,
                label,
                source: name.source,
            });
        }
        out.push(Name {
            tokens: person,
            label: "PERSON".into(),
            source: name.source,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(words: &[&str], tokens: Range<usize>) -> Vec<(String, String)> {
        let name = Name {
            tokens,
            label: "MISC".into(),
            source: "model",
        };
        split_titled(words, vec![name])
            .into_iter()
            .map(|n| (words.get(n.tokens).unwrap_or(&[]).join(" "), n.label))
            .collect()
    }

    #[test]
    fn a_title_that_governs_a_word_is_split_off_before_the_last_two() {
        let words = ["Secretary", "of", "State", "Antony", "Blinken", "said"];
        assert_eq!(
            split(&words, 0..5),
            [("Antony Blinken".into(), "PERSON".into())]
        );
        // "Thai Prime Minister Surayud Chulanont": the nationality before, the person after.
        let words = ["Thai", "Prime", "Minister", "Surayud", "Chulanont"];
        assert_eq!(
            split(&words, 0..5),
            [
                ("Thai".into(), "NORP".into()),
                ("Surayud Chulanont".into(), "PERSON".into())
            ]
        );
    }
}
