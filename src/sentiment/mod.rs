//! Sentiment: the tone of each sentence, of the whole article, and toward each
//! entity and each span the caller names.
//!
//! A sentence's tone comes from the trained sentence-tone model (`tone`,
//! `models/sentiment-tone.bin`): linear regression over the sentence's words and
//! bigrams, their negation, contrast and quotation scope, and the word-valence
//! lexicon's reading (`lexicon`: VADER's rules for negation, boosters,
//! contrast), trained on human ratings. [`sentence_words`] names the words that
//! moved it. The article's tone is the mean of its sentence tones, each counted
//! by its strength ([`STRENGTH_FLOOR`] + |score|) and quoted speech at
//! [`QUOTED_WEIGHT`]. Tone toward a mention (a
//! caller's target, or each mention of an entity) comes from the trained
//! targeted-sentiment model (`target`, `models/sentiment-targets.bin`): class
//! probabilities for the mention in its sentence; the score is P(positive) −
//! P(negative), the label the most probable class. An entity's tone averages the
//! probabilities over its mentions; its evidence is the sentences whose mention
//! reads non-neutral, strongest first. The targeted model reads the lexicon's
//! sentence tone, not the tone model's (it was trained so).
//!
//! Guarantees: never panics; every score lies in [-1, 1].

use crate::entities::EntityLayer;
use crate::ground::lexical::is_content_word;
use crate::text::TextLayer;
use crate::Span;
use serde::Serialize;

/// A tone: a score in [-1, 1] and its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    /// From -1 (most negative) to 1 (most positive).
    pub score: f32,
    /// "negative", "neutral" or "positive".
    pub label: &'static str,
}

/// A sentence or article tone within ± this reads neutral (the tone model's
/// scores; the band that maximizes the labels' macro-F1 on NewsMTSC train
/// sentences of one tone, cross-validated: `lede train tone` prints it).
pub const NEUTRAL_BAND: f32 = 0.13;

impl Tone {
    /// The tone of a score, labelled negative, neutral or positive (±0.05 neutral).
    pub fn from_score(score: f32) -> Tone {
        Tone::with_band(score, 0.05)
    }

    /// The tone of a score, neutral within ±`band`.
    pub fn with_band(score: f32, band: f32) -> Tone {
        let score = if score.is_finite() {
            score.clamp(-1.0, 1.0)
        } else {
            0.0
        };
        let label = if score > band {
            "positive"
        } else if score < -band {
            "negative"
        } else {
            "neutral"
        };
        Tone { score, label }
    }
}

/// Tone toward one caller-named target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetTone {
    #[serde(flatten)]
    /// The span the caller named.
    pub span: Span,
    #[serde(flatten)]
    /// Its portrayed tone.
    pub tone: Tone,
}

/// The tone an article takes toward one entity, with the sentences that show it
/// (label: the most probable class of the mean over its mentions).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityTone {
    #[serde(flatten)]
    /// Its tone across the sentences that mention it.
    pub tone: Tone,
    /// Indices of the sentences that carry the most tone toward the entity, strongest first.
    pub evidence: Vec<usize>,
}

/// What the sentiment stage adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentimentLayer {
    /// One tone per sentence of the text layer, in order.
    pub sentences: Vec<Tone>,
    /// For each sentence, the content words (no function words or punctuation)
    /// that moved its tone most: their spans and
    /// shares of the score, strongest first (at most [`MAX_TONE_WORDS`], none
    /// weaker than [`MIN_TONE_WEIGHT`]; the explanation [`sentence_words`] gives, cut short).
    pub words: Vec<Vec<(Span, f32)>>,
    /// The whole article's tone.
    pub document: Tone,
    /// One tone per entity, in entity order (none for numbers and amounts).
    pub entities: Vec<Option<EntityTone>>,
    /// The tone of each span the caller named.
    pub targets: Vec<TargetTone>,
}

impl crate::ground::span::Remap for SentimentLayer {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        for target in &mut self.targets {
            target.span.remap(map);
        }
        for (span, _) in self.words.iter_mut().flatten() {
            span.remap(map);
        }
    }
}

/// VADER's normalization of a valence sum into [-1, 1].
fn normalize(sum: f32) -> f32 {
    sum / (sum * sum + 15.0).sqrt()
}

/// The sentiment each word of a sentence contributes, after negation (the three
/// words before), boosters, hedges, "but" contrast and capitals.
pub fn contributions(words: &[&str]) -> Vec<f32> {
    contributions_lowered(
        words,
        &crate::ground::lexical::LowerWords::new(words).refs(),
    )
}

/// [`contributions`] given the words lower-cased too.
fn contributions_lowered(words: &[&str], lower: &[&str]) -> Vec<f32> {
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let contrast = lower
        .iter()
        .position(|w| matches!(*w, "but" | "however" | "although" | "though"));
    let mut hedged = false;
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in lower.iter().enumerate() {
        if lexicon::HEDGES.contains(word) {
            hedged = true;
        }
        let Some(mut v) = lexicon::valence(word) else {
            out.push(0.0);
            continue;
        };
        for back in 1..=2 {
            let boost = i
                .checked_sub(back)
                .and_then(|j| lower.get(j))
                .and_then(|w| lexicon::booster(w));
            if let Some(b) = boost {
                v += v.signum() * b * if back == 1 { 1.0 } else { 0.95 };
            }
        }
        let negated = (1..=3).any(|back| {
            i.checked_sub(back)
                .and_then(|j| lower.get(j))
                .is_some_and(|w| lexicon::NEGATIONS.contains(w))
        });
        if negated {
            v *= -0.74;
        }
        if hedged {
            v *= 0.8;
        }
        if let Some(c) = contrast {
            v *= match i.cmp(&c) {
                std::cmp::Ordering::Less => 0.5,
                std::cmp::Ordering::Greater => 1.5,
                std::cmp::Ordering::Equal => 1.0,
            };
        }
        let original = words.get(i).copied().unwrap_or("");
        let shouted = original.chars().count() > 1
            && !original.chars().any(char::is_lowercase)
            && original.chars().any(char::is_alphabetic);
        if !all_caps && shouted {
            v *= 1.2;
        }
        out.push(v);
    }
    out
}

/// The tone of a sentence given its words.
pub fn sentence_score(words: &[&str]) -> f32 {
    score_of(words, &contributions(words))
}

/// The tone of a sentence given its words and their [`contributions`].
fn score_of(words: &[&str], contributions: &[f32]) -> f32 {
    let sum: f32 = contributions.iter().sum();
    let exclamations = words.iter().filter(|w| w.contains('!')).count().min(4) as f32;
    normalize(sum + sum.signum() * exclamations * 0.292)
}

/// The tone toward tokens `[start, end)` of a sentence: the sentence's word
/// sentiment weighted by nearness to the target, the target's own words left out.
pub fn target_score(contributions: &[f32], start: usize, end: usize) -> f32 {
    let mut sum = 0.0;
    for (i, c) in contributions.iter().enumerate() {
        if (start..end).contains(&i) || *c == 0.0 {
            continue;
        }
        let distance = if i < start { start - i } else { i + 1 - end } as f32;
        sum += c / (1.0 + distance / 4.0);
    }
    normalize(sum)
}

/// Below this a targeted tone counts as neutral.
pub const TARGET_NEUTRAL: f32 = 0.1;

/// The shipped targeted-sentiment model, trained by `lede train sentiment`.
pub static TARGET_MODEL_BYTES: &[u8] = include_bytes!("../../models/sentiment-targets.bin");

/// The shipped target model; `None` only if the embedded file is damaged, in
/// which case targets fall back to the lexicon's nearness-weighted score.
pub fn target_model() -> Option<&'static target::Model<'static>> {
    static MODEL: std::sync::OnceLock<Option<target::Model<'static>>> = std::sync::OnceLock::new();
    MODEL
        .get_or_init(|| target::Model::from_bytes(TARGET_MODEL_BYTES))
        .as_ref()
}

/// The token range `[start, end)` covering a byte span, among `tokens`.
/// Tokens are in text order and do not overlap, so both ends are found by binary
/// search (a sentence may hold thousands of mentions).
pub fn token_range(tokens: &[crate::text::Token], span: Span) -> Option<(usize, usize)> {
    let start = tokens.partition_point(|t| t.span.end <= span.start);
    if start >= tokens.len() {
        return None;
    }
    let end = tokens.partition_point(|t| t.span.start < span.end);
    Some((start, end.max(start + 1)))
}

/// For each sentence, is it quoted speech: inside a quotation, or holding one
/// that is at least half of it? One pass over the quotations sorted by start
/// (not every quotation for every sentence).
fn quoted_sentences(sentences: &[crate::text::Sentence], quotes: &[Span]) -> Vec<bool> {
    let mut sorted = quotes.to_vec();
    sorted.sort_by_key(|q| q.start);
    let mut reach = 0usize;
    let furthest_end: Vec<usize> = sorted
        .iter()
        .map(|q| {
            reach = reach.max(q.end);
            reach
        })
        .collect();
    sentences
        .iter()
        .map(|sentence| {
            let s = sentence.span;
            let before = sorted.partition_point(|q| q.start <= s.start);
            let inside_one = before
                .checked_sub(1)
                .and_then(|i| furthest_end.get(i))
                .is_some_and(|&end| end >= s.end);
            let first = sorted.partition_point(|q| q.start < s.start);
            let holds_one = sorted
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .take_while(|q| q.start <= s.end)
                .any(|q| s.contains(*q) && q.len() * 2 >= s.len());
            inside_one || holds_one
        })
        .collect()
}

/// Class probabilities (negative, neutral, positive) toward a mention.
type Probabilities = [f32; target::N];

/// Per-sentence material for targeted tone, built when a sentence is first needed.
struct Sentences<'a> {
    text: &'a str,
    layer: &'a TextLayer,
    contributions: &'a [Vec<f32>],
    tones: &'a [Tone],
    contexts: Vec<Option<target::Context>>,
    buckets: Vec<u32>,
}

impl Sentences<'_> {
    /// The sentence holding a byte span and the tone toward the span in it.
    fn tone(&mut self, span: Span) -> Option<(usize, Probabilities)> {
        let layer = self.layer;
        // Sentences are in text order: the last one starting at or before the span.
        let si = layer
            .sentences
            .partition_point(|s| s.span.start <= span.start)
            .checked_sub(1)
            .filter(|&i| {
                layer
                    .sentences
                    .get(i)
                    .is_some_and(|s| span.start < s.span.end)
            })?;
        let tokens = layer.sentence_tokens(layer.sentences.get(si)?);
        let (start, end) = token_range(tokens, span)?;
        let Some(model) = target_model() else {
            let s = target_score(self.contributions.get(si)?, start, end);
            let p = if s > TARGET_NEUTRAL {
                [0.0, 0.0, 1.0]
            } else if s < -TARGET_NEUTRAL {
                [1.0, 0.0, 0.0]
            } else {
                [0.0, 1.0, 0.0]
            };
            return Some((si, p));
        };
        let contributions = self.contributions.get(si)?;
        let tone = self.tones.get(si).map_or(0.0, |t| t.score);
        let slot = self.contexts.get_mut(si)?;
        let text = self.text;
        let ctx = slot.get_or_insert_with(|| {
            let words: Vec<&str> = tokens.iter().map(|t| t.span.of(text)).collect();
            target::Context::with_lexicon(&words, contributions.clone(), tone)
        });
        target::features(ctx, start, end, model.bits(), &mut self.buckets);
        Some((si, model.probabilities(&self.buckets)))
    }
}

/// The tone a probability triple expresses: score P(positive) − P(negative),
/// label the most probable class.
fn tone_of(p: &Probabilities) -> Tone {
    let score = p[2] - p[0];
    Tone {
        score: if score.is_finite() {
            score.clamp(-1.0, 1.0)
        } else {
            0.0
        },
        label: target::CLASSES
            .get(target::argmax(p))
            .copied()
            .unwrap_or("neutral"),
    }
}

/// In the article's tone each sentence counts by its strength: this plus the
/// magnitude of its score. A plain mean lets neutral sentences dilute a text's
/// tone; by 5-fold cross-validation on the rated snippets of several sentences
/// (VADER tweets) r 0.840 → 0.864, the other sets unchanged.
pub const STRENGTH_FLOOR: f32 = 0.05;

/// How much a quoted sentence (speech inside quotation marks) counts in the
/// article's tone, against 1 for the writer's own sentences.
pub const QUOTED_WEIGHT: f32 = 0.5;

/// Whether one sentence is quoted speech: inside a quotation, or mostly one
/// (for all sentences at once, [`quoted_sentences`]).
fn is_quoted(layer: &TextLayer, sentence: Span) -> bool {
    layer
        .quotes
        .iter()
        .any(|q| q.contains(sentence) || (sentence.contains(*q) && q.len() * 2 >= sentence.len()))
}

/// The shipped sentence-tone model, trained by `lede train tone`.
pub static TONE_MODEL_BYTES: &[u8] = include_bytes!("../../models/sentiment-tone.bin");

/// The shipped sentence-tone model; `None` only if the embedded file is damaged,
/// in which case sentences take the lexicon's tone.
pub fn tone_model() -> Option<&'static tone::Model<'static>> {
    static MODEL: std::sync::OnceLock<Option<tone::Model<'static>>> = std::sync::OnceLock::new();
    MODEL
        .get_or_init(|| tone::Model::from_bytes(TONE_MODEL_BYTES))
        .as_ref()
}

/// One sentence as the sentiment stage reads it.
pub struct SentenceReading {
    /// The lexicon's sentiment of each word ([`contributions`]).
    pub contributions: Vec<f32>,
    /// The lexicon's tone of the sentence ([`sentence_score`]).
    pub lexicon: f32,
    /// The tone model's score of the sentence (not clamped), given a model.
    pub tone: Option<f32>,
    /// The tone model's features, when asked for (the lab trains on them).
    pub features: Vec<tone::Feature>,
    /// What moved the score: each word's index in the sentence and its share
    /// (the model's weights of the features anchored at the word; without a
    /// model, the lexicon's contribution), in word order.
    pub effects: Vec<(usize, f32)>,
    /// The sentence's weight in the article's tone (before its strength).
    pub weight: f32,
}

/// Read each sentence of a segmented text: the lexicon's reading, the tone
/// `model`'s score, and, for `keep` = Some(hash bits), the model's features
/// (the path [`score`] takes; the lab trains on it).
pub fn read_sentences(
    text: &str,
    layer: &TextLayer,
    model: Option<&tone::Model>,
    keep: Option<u32>,
) -> Vec<SentenceReading> {
    let all_lower = layer.lower.refs();
    let mut words: Vec<&str> = Vec::new();
    let mut buffer = Vec::new();
    // one pass over the quotations, not every quotation for every sentence
    let quoted_speech = quoted_sentences(&layer.sentences, &layer.quotes);
    layer
        .sentences
        .iter()
        .enumerate()
        .map(|(k, sentence)| {
            words.clear();
            words.extend(
                layer
                    .sentence_tokens(sentence)
                    .iter()
                    .map(|t| t.span.of(text)),
            );
            let lower = all_lower.get(sentence.tokens.clone()).unwrap_or_default();
            let contributions = contributions_lowered(&words, lower);
            let lexicon = score_of(&words, &contributions);
            let quoted = quoted_speech.get(k).copied().unwrap_or(false);
            let reading = tone::Sentence {
                words: &words,
                lower,
                contributions: &contributions,
                lexicon,
                quoted,
            };
            let (tone, effects) = match model {
                Some(model) => {
                    tone::features(&reading, model.bits(), &mut buffer);
                    (Some(model.score(&buffer)), model.word_effects(&buffer))
                }
                None => (None, lexicon_effects(&contributions)),
            };
            let mut features = Vec::new();
            if let Some(bits) = keep {
                tone::features(&reading, bits, &mut features);
            }
            SentenceReading {
                contributions,
                lexicon,
                tone,
                features,
                effects,
                weight: if quoted { QUOTED_WEIGHT } else { 1.0 },
            }
        })
        .collect()
}

/// The words that moved sentence `index`'s tone, strongest first: each word's
/// span and its share of the score (for the tone model, the weights of the
/// features anchored at the word; without it, the lexicon's contribution).
/// Empty for a sentence that does not exist.
pub fn sentence_words(text: &str, layer: &TextLayer, index: usize) -> Vec<(Span, f32)> {
    let Some(sentence) = layer.sentences.get(index) else {
        return Vec::new();
    };
    let tokens = layer.sentence_tokens(sentence);
    let words: Vec<&str> = tokens.iter().map(|t| t.span.of(text)).collect();
    let all_lower = layer.lower.refs();
    let lower = all_lower.get(sentence.tokens.clone()).unwrap_or_default();
    let contributions = contributions_lowered(&words, lower);
    let effects: Vec<(usize, f32)> = match tone_model() {
        Some(model) => {
            let reading = tone::Sentence {
                words: &words,
                lower,
                contributions: &contributions,
                lexicon: score_of(&words, &contributions),
                quoted: is_quoted(layer, sentence.span),
            };
            let mut features = Vec::new();
            tone::features(&reading, model.bits(), &mut features);
            model.word_effects(&features)
        }
        None => lexicon_effects(&contributions),
    };
    strongest(tokens, lower, effects)
}

/// The lexicon's effects: each word's contribution, where it has one.
fn lexicon_effects(contributions: &[f32]) -> Vec<(usize, f32)> {
    contributions
        .iter()
        .enumerate()
        .filter(|(_, c)| **c != 0.0)
        .map(|(i, c)| (i, *c))
        .collect()
}

/// Effects on a sentence's content words as spans, strongest first (ties in
/// text order): function words ("I", "and", "have") and punctuation are left
/// out of the explanation (`ground::lexical::is_content_word`), though their
/// features still count in the score.
fn strongest(
    tokens: &[crate::text::Token],
    lower: &[&str],
    effects: Vec<(usize, f32)>,
) -> Vec<(Span, f32)> {
    let mut out: Vec<(Span, f32)> = effects
        .into_iter()
        .filter(|(i, _)| lower.get(*i).is_some_and(|w| is_content_word(w)))
        .filter_map(|(i, e)| Some((tokens.get(i)?.span, e)))
        .collect();
    out.sort_by(|a, b| {
        b.1.abs()
            .total_cmp(&a.1.abs())
            .then(a.0.start.cmp(&b.0.start))
    });
    out
}

/// The most words [`SentimentLayer::words`] lists per sentence: the explanation stays small.
pub const MAX_TONE_WORDS: usize = 5;
/// Words that moved a sentence by less than this are not listed in [`SentimentLayer::words`].
pub const MIN_TONE_WEIGHT: f32 = 0.01;

/// Score one article.
pub fn score(
    text: &str,
    layer: &TextLayer,
    entities: &EntityLayer,
    targets: &[Span],
) -> SentimentLayer {
    let model = tone_model();
    let readings = read_sentences(text, layer, model, None);
    let mut sentences = Vec::with_capacity(readings.len());
    let mut per_sentence: Vec<Vec<f32>> = Vec::with_capacity(readings.len());
    let mut lexicon_tones: Vec<Tone> = Vec::with_capacity(readings.len());
    let mut words = Vec::with_capacity(readings.len());
    let (mut weighted, mut weights) = (0.0, 0.0);
    let all_lower = layer.lower.refs();
    for (reading, sentence) in readings.into_iter().zip(&layer.sentences) {
        let lower = all_lower.get(sentence.tokens.clone()).unwrap_or_default();
        let mut moved = strongest(layer.sentence_tokens(sentence), lower, reading.effects);
        moved.retain(|(_, e)| e.abs() >= MIN_TONE_WEIGHT);
        moved.truncate(MAX_TONE_WORDS);
        words.push(moved);
        let tone = match reading.tone {
            Some(score) => Tone::with_band(score, NEUTRAL_BAND),
            None => Tone::from_score(reading.lexicon),
        };
        let w = reading.weight * (STRENGTH_FLOOR + tone.score.abs());
        weighted += tone.score * w;
        weights += w;
        sentences.push(tone);
        lexicon_tones.push(Tone::from_score(reading.lexicon));
        per_sentence.push(reading.contributions);
    }
    let document = Tone::with_band(
        if weights > 0.0 {
            weighted / weights
        } else {
            0.0
        },
        if model.is_some() { NEUTRAL_BAND } else { 0.05 },
    );
    let mut prepared = Sentences {
        text,
        layer,
        contributions: &per_sentence,
        tones: &lexicon_tones,
        contexts: std::iter::repeat_with(|| None)
            .take(layer.sentences.len())
            .collect(),
        buckets: Vec::new(),
    };
    let entity_tones = entities
        .entities
        .iter()
        .map(|entity| {
            // Numbers, amounts and percentages are not parties: no tone toward them.
            if matches!(
                entity.label.as_str(),
                "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" | "ORDINAL"
            ) {
                return None;
            }
            let mut scored: Vec<(usize, Probabilities)> = entity
                .mentions
                .iter()
                .filter_map(|&m| entities.mentions.get(m))
                .filter_map(|m| prepared.tone(m.span))
                .collect();
            let mut mean = [0f32; target::N];
            for (_, p) in &scored {
                for (m, v) in mean.iter_mut().zip(p) {
                    *m += v / scored.len() as f32;
                }
            }
            if scored.is_empty() {
                mean = [0.0, 1.0, 0.0];
            }
            let strength = |p: &Probabilities| (p[2] - p[0]).abs();
            scored.sort_by(|a, b| {
                strength(&b.1)
                    .total_cmp(&strength(&a.1))
                    .then(a.0.cmp(&b.0))
            });
            let mut evidence: Vec<usize> = Vec::new();
            for (sentence, p) in scored {
                if target::argmax(&p) != 1 && !evidence.contains(&sentence) && evidence.len() < 3 {
                    evidence.push(sentence);
                }
            }
            Some(EntityTone {
                tone: tone_of(&mean),
                evidence,
            })
        })
        .collect();
    let targets = targets
        .iter()
        .map(|&span| TargetTone {
            span,
            tone: tone_of(&prepared.tone(span).map_or([0.0, 1.0, 0.0], |t| t.1)),
        })
        .collect();
    SentimentLayer {
        sentences,
        words,
        document,
        entities: entity_tones,
        targets,
    }
}

pub(crate) mod lexicon;
pub(crate) mod target;
pub(crate) mod tone;

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(text: &str) -> f32 {
        let words: Vec<&str> = crate::text::tokenize(text)
            .iter()
            .map(|t| t.span.of(text))
            .collect();
        sentence_score(&words)
    }

    #[test]
    fn the_tone_model_reads_sentences_and_names_the_words_that_moved_them() {
        let model = tone_model().expect("models/sentiment-tone.bin reads");
        assert!(model.bits() >= 12);
        // it ships in the browser's .wasm: keep it small
        assert!(TONE_MODEL_BYTES.len() < 600_000);
        let text = "The rescue was a wonderful success. The attack killed dozens and wounded hundreds. The council met on Tuesday.";
        let layer = crate::text::segment(text);
        let result = score(text, &layer, &EntityLayer::default(), &[]);
        let labels: Vec<&str> = result.sentences.iter().map(|t| t.label).collect();
        assert_eq!(labels, ["positive", "negative", "neutral"]);
        let words = sentence_words(text, &layer, 1);
        let top: Vec<&str> = words.iter().take(3).map(|(s, _)| s.of(text)).collect();
        assert!(
            top.contains(&"killed") || top.contains(&"attack"),
            "{top:?}"
        );
        assert!(words.first().is_some_and(|w| w.1 < 0.0));
        assert!(sentence_words(text, &layer, 9).is_empty());
        // The layer's explanation is sentence_words, cut short.
        assert_eq!(result.words.len(), layer.sentences.len());
        for (i, listed) in result.words.iter().enumerate() {
            let mut all = sentence_words(text, &layer, i);
            all.retain(|(_, w)| w.abs() >= MIN_TONE_WEIGHT);
            all.truncate(MAX_TONE_WORDS);
            assert_eq!(listed, &all, "sentence {i}");
        }
        for tone in result.sentences.iter().chain([&result.document]) {
            assert!((-1.0..=1.0).contains(&tone.score));
        }
    }

    #[test]
    fn the_explanation_names_content_words_only() {
        let text = "I have to say that I really love this phone, and it works. We did not like the ending at all.";
        let layer = crate::text::segment(text);
        let result = score(text, &layer, &EntityLayer::default(), &[]);
        let named: Vec<Vec<&str>> = result
            .words
            .iter()
            .map(|ws| ws.iter().map(|(span, _)| span.of(text)).collect())
            .collect();
        assert!(
            named.first().is_some_and(|w| w.contains(&"love")),
            "{named:?}"
        );
        for word in named.iter().flatten() {
            let lower = word.to_lowercase();
            assert!(
                !crate::ground::lexical::FUNCTION_WORDS.contains(&lower.as_str()),
                "{word} in {named:?}"
            );
            assert!(word.chars().any(char::is_alphabetic), "{word} in {named:?}");
        }
        // the score still counts every word's features: only the listing leaves them out
        let all = sentence_words(text, &layer, 0);
        assert!(all
            .iter()
            .all(|(span, _)| is_content_word(&span.of(text).to_lowercase())));
    }

    #[test]
    fn negation_contrast_boosters_and_news_words() {
        assert!(tone("The talks were a great success.") > 0.3);
        assert!(tone("The talks were not a success.") < 0.0);
        assert!(tone("The deal is good but the sanctions are crippling.") < 0.0);
        assert!(tone("The talks were very good.") > tone("The talks were good."));
        assert!(tone("Tensions rose after the invasion.") < -0.3);
        assert!(tone("The two countries deepened their partnership.") > 0.2);
        assert_eq!(tone("The party met on Monday."), 0.0);
    }

    fn target_label(text: &str, mention: &str) -> &'static str {
        let layer = crate::text::segment(text);
        let at = text.find(mention).unwrap_or(0);
        let span = Span::new(at, at + mention.len());
        let result = score(text, &layer, &EntityLayer::default(), &[span]);
        result.targets.first().map_or("missing", |t| t.tone.label)
    }

    #[test]
    fn the_shipped_target_model_loads_and_reads_roles() {
        let model = target_model().expect("models/sentiment-targets.bin reads");
        assert!(model.bits() >= 12);
        // it ships in the browser's .wasm: keep it small
        assert!(TARGET_MODEL_BYTES.len() < 300_000);
        assert_eq!(
            target_label("Protesters slammed Putin over the war.", "Putin"),
            "negative"
        );
        assert_eq!(
            target_label(
                "Voters praised Merkel for her courage and leadership.",
                "Merkel"
            ),
            "positive"
        );
        assert_eq!(
            target_label("Merkel met Macron in Paris on Tuesday.", "Macron"),
            "neutral"
        );
    }

    #[test]
    fn tone_toward_entities_and_targets_with_evidence() {
        let text =
            "Putin praised the strong partnership. Critics condemned Bush over the failed war.";
        let layer = crate::text::segment(text);
        let found =
            crate::entities::recognize(text, &layer, &crate::entities::Dictionary::default());
        let putin = Span::new(0, 5);
        let bush = Span::new(
            text.find("Bush").unwrap_or(0),
            text.find("Bush").unwrap_or(0) + 4,
        );
        let result = score(text, &layer, &found, &[putin, bush]);
        assert_eq!(result.targets[0].tone.label, "positive");
        assert_eq!(result.targets[1].tone.label, "negative");
        for (entity, tone) in found.entities.iter().zip(&result.entities) {
            if entity.name.contains("Bush") {
                let tone = tone.as_ref().expect("a tone toward a person");
                assert_eq!(tone.tone.label, "negative");
                assert_eq!(tone.evidence, [1]);
            }
        }
        // No tone toward numbers and amounts.
        let text = "Protesters slammed the plan to cut 300 jobs and $5 million in aid.";
        let layer = crate::text::segment(text);
        let found =
            crate::entities::recognize(text, &layer, &crate::entities::Dictionary::default());
        let numbers = score(text, &layer, &found, &[]);
        for (entity, tone) in found.entities.iter().zip(&numbers.entities) {
            if matches!(entity.label.as_str(), "CARDINAL" | "MONEY") {
                assert!(tone.is_none(), "{}", entity.name);
            }
        }
        assert!(result.sentences.len() == 2 && (-1.0..=1.0).contains(&result.document.score));
    }
}
