//! Report: assembles each stage's output into one serializable [`Analysis`] and
//! converts every offset from UTF-8 bytes to UTF-16 code units.
//!
//! Guarantees: after [`document`], every `start`/`end` in the document is a UTF-16
//! offset into `text`, with `start <= end <= text.encode_utf16().count()`.

use crate::entities::{Entity, EntityLayer, Mention};
use crate::ground::span::{OffsetMap, Remap};
use crate::intake::{Article, Language, Metadata, Published, Removal, Repair};
use crate::quotes::Quote;
use crate::sentiment::{EntityTone, SentimentLayer, TargetTone, Tone};
use crate::text::{TextLayer, Token, TokenKind};
use crate::time::{Event, TimeLayer, Timex};
use crate::{Span, SCHEMA};
use serde::Serialize;

mod corpus;
pub use corpus::{Appearance, Cooccurrence, Corpus, CorpusEntity, CorpusEvent};

/// The result of [`crate::analyze`]: one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// Always [`SCHEMA`] (`"lede/1"`).
    pub schema: &'static str,
    /// One per article (several when articles pasted together were split).
    pub documents: Vec<Document>,
    /// Entities merged across documents, co-occurrence and one timeline.
    pub corpus: Corpus,
}

/// A sentence with its tone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceOut {
    #[serde(flatten)]
    /// Where the sentence is.
    pub span: Span,
    /// Its tone, with the words that moved it.
    pub sentiment: Option<SentenceTone>,
}

/// A sentence's tone and the explanation of it: the words that moved it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceTone {
    #[serde(flatten)]
    /// Score and label.
    pub tone: Tone,
    /// The words that moved the score most, strongest first (at most
    /// [`crate::sentiment::MAX_TONE_WORDS`], none weaker than
    /// [`crate::sentiment::MIN_TONE_WEIGHT`]).
    pub words: Vec<ToneWord>,
}

/// A word that moved a sentence's tone, and by how much (its share of the score:
/// positive pulls toward positive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ToneWord {
    #[serde(flatten)]
    /// Where the word is.
    pub span: Span,
    /// Its share of the score, rounded to three decimals.
    pub weight: f32,
}

/// An entity with the tone the article takes toward it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityOut {
    #[serde(flatten)]
    /// The entity.
    pub entity: Entity,
    /// How the article portrays it, when it can tell.
    pub sentiment: Option<EntityTone>,
    /// The quotations it is the speaker of (indices into `quotes`).
    pub quotes: Vec<usize>,
}

/// One article. All offsets are UTF-16 code units into `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Title, byline, dateline place, site name, language, copyright.
    #[serde(flatten)]
    pub meta: Metadata,
    /// The article's language: code, confidence, where it came from, the parts in
    /// other languages, and which stages ran on what because of it.
    pub language: Language,
    /// The article date used to resolve relative dates, with its source and confidence.
    pub published: Option<Published>,
    /// The cleaned text every offset points into.
    pub text: String,
    /// Repairs made to the input (spans cover the repaired text).
    pub repairs: Vec<Repair>,
    /// Text removed from the input (zero-width spans mark where it stood).
    pub removed: Vec<Removal>,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Words and numbers in `text` (counted even when tokens are left out).
    pub word_count: usize,
    /// Sentences with their tone.
    pub sentences: Vec<SentenceOut>,
    /// Every token (empty when the caller asked for none).
    pub tokens: Vec<Token>,
    /// Quotations, marks included, each with its speaker, cue and kind.
    pub quotes: Vec<Quote>,
    /// Every name and number found, in text order.
    pub mentions: Vec<Mention>,
    /// The mentions grouped into entities, with salience and tone.
    pub entities: Vec<EntityOut>,
    /// Temporal expressions with their TIMEX3 values.
    pub timexes: Vec<Timex>,
    /// Dated sentences in chronological order.
    pub timeline: Vec<Event>,
    /// The tone of the whole article (of its English parts); `None` when it has
    /// none in English.
    pub sentiment: Option<Tone>,
    /// Tone toward each caller-named target, in the order given.
    pub targets: Vec<TargetTone>,
    /// Entities (indices into `entities`) mentioned in the same sentence.
    pub cooccurrence: Vec<Cooccurrence>,
    /// Limits this document reached, each with what was left out (absent when
    /// none was: every normal article). They keep work and memory linear in the
    /// input on pathological text (a number table, a name list, a megabyte
    /// without a full stop).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub truncated: Vec<Truncation>,
}

/// A limit a document reached: what it applies to, the limit, how many times it
/// was reached and a sentence saying what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Truncation {
    /// "sentences" (a sentence cut into pieces of `limit` tokens) or
    /// "cooccurrence" (pairs made from the first `limit` entities of a sentence).
    pub what: &'static str,
    /// The limit (tokens of a sentence, or entities of a sentence).
    pub limit: usize,
    /// How many sentences it applied to.
    pub count: usize,
    /// A sentence for the reader saying what was left out.
    pub note: String,
}

/// What the stages after intake found in one article.
pub struct Layers {
    /// Tokens, sentences, paragraphs.
    pub text: TextLayer,
    /// Mentions and entities.
    pub entities: EntityLayer,
    /// Quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// Temporal expressions and the timeline.
    pub time: TimeLayer,
    /// Tone, when there was English to read it in.
    pub tone: Option<SentimentLayer>,
}

/// Assemble one document from every stage's output, converting offsets to UTF-16.
pub fn document(
    mut article: Article,
    layers: Layers,
    mut language: Language,
    tone_sentences: Option<&[usize]>,
) -> Document {
    let Layers {
        text: mut text_layer,
        entities: mut entity_layer,
        mut quotes,
        time: mut time_layer,
        tone,
    } = layers;
    let long_sentences = text_layer.long_sentences;
    // No tone read (nothing in English): no tone at all, not a neutral one.
    let read = tone.is_some();
    let mut tone = tone.unwrap_or_else(|| SentimentLayer {
        sentences: Vec::new(),
        words: Vec::new(),
        document: Tone::from_score(0.0),
        entities: Vec::new(),
        targets: Vec::new(),
    });
    let map = OffsetMap::new(&article.text);
    article.repairs.remap(&map);
    article.removed.remap(&map);
    text_layer.remap(&map);
    entity_layer.remap(&map);
    quotes.remap(&map);
    time_layer.remap(&map);
    tone.remap(&map);
    for part in &mut language.parts {
        part.span.remap(&map);
    }
    // The tones in sentence order; when tone read only some sentences, each in
    // its place and the others without.
    // Each with the words that moved it, their weights rounded to three decimals.
    let explained = tone.sentences.into_iter().zip(
        tone.words
            .into_iter()
            .chain(std::iter::repeat_with(Vec::new)),
    );
    let explained = explained.map(|(tone, words)| SentenceTone {
        tone,
        words: words
            .into_iter()
            .map(|(span, weight)| ToneWord {
                span,
                weight: (weight * 1000.0).round() / 1000.0,
            })
            .collect(),
    });
    let mut sentence_tones: Vec<Option<SentenceTone>> = match tone_sentences {
        None => explained.map(Some).collect(),
        Some(places) => {
            let mut all = vec![None; text_layer.sentences.len()];
            for (place, t) in places.iter().zip(explained) {
                if let Some(slot) = all.get_mut(*place) {
                    *slot = Some(t);
                }
            }
            all
        }
    }
    .into_iter()
    .rev()
    .collect();
    let sentences = text_layer
        .sentences
        .iter()
        .map(|s| SentenceOut {
            span: s.span,
            sentiment: sentence_tones.pop().flatten(),
        })
        .collect();
    let mut entity_tones = tone.entities.into_iter();
    let entities = entity_layer
        .entities
        .into_iter()
        .map(|entity| EntityOut {
            entity,
            sentiment: entity_tones.next().flatten(),
            quotes: Vec::new(),
        })
        .collect::<Vec<_>>();
    let mut entities = entities;
    for (index, quote) in quotes.iter().enumerate() {
        if let Some(entity) = quote.speaker.and_then(|e| entities.get_mut(e)) {
            entity.quotes.push(index);
        }
    }
    let mut document = Document {
        meta: article.meta,
        language,
        published: time_layer.published.or(article.published),
        text: article.text,
        repairs: article.repairs,
        removed: article.removed,
        paragraphs: text_layer.paragraphs,
        word_count: text_layer
            .tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count(),
        sentences,
        tokens: text_layer.tokens,
        quotes,
        mentions: entity_layer.mentions,
        entities,
        timexes: time_layer.timexes,
        timeline: time_layer.timeline,
        sentiment: read.then_some(tone.document),
        targets: tone.targets,
        cooccurrence: Vec::new(),
        truncated: Vec::new(),
    };
    if long_sentences > 0 {
        let limit = crate::text::MAX_SENTENCE_TOKENS;
        document.truncated.push(Truncation {
            what: "sentences",
            limit,
            count: long_sentences,
            note: format!(
                "{long_sentences} run(s) of more than {limit} tokens without sentence punctuation were cut into sentences of at most {limit} tokens"
            ),
        });
    }
    let (pairs, crowded) = corpus::cooccurrence(&document);
    document.cooccurrence = pairs;
    if crowded > 0 {
        let limit = corpus::MAX_COOCCURRING;
        document.truncated.push(Truncation {
            what: "cooccurrence",
            limit,
            count: crowded,
            note: format!(
                "{crowded} sentence(s) named more than {limit} entities: co-occurrence pairs only their first {limit}"
            ),
        });
    }
    document
}

/// Wrap documents into the versioned [`Analysis`].
pub fn analysis(documents: Vec<Document>) -> Analysis {
    Analysis {
        schema: SCHEMA,
        corpus: corpus::corpus(&documents),
        documents,
    }
}

/// Event and Timex are re-exported for typed consumers.
pub type TimelineEvent = Event;
/// The name the JSON schema's documentation uses for a [`Timex`].
pub type TemporalExpression = Timex;

#[cfg(test)]
mod tests {
    use crate::{analyze, Input, Options};

    #[test]
    fn each_sentence_tone_lists_the_words_that_moved_it() {
        // "😀 " before: UTF-16 offsets differ from byte offsets from the start.
        let text =
            "😀 The attack was a brutal disaster. The talks were a great success. It rained.";
        let analysis = analyze(&Input::Text(text.into()), &Options::default()).expect("analysis");
        let doc = &analysis.documents[0];
        let utf16: Vec<u16> = doc.text.encode_utf16().collect();
        let word = |w: &super::ToneWord| String::from_utf16_lossy(&utf16[w.span.start..w.span.end]);
        let mut listed = Vec::new();
        for sentence in &doc.sentences {
            let tone = sentence.sentiment.as_ref().expect("tone read");
            assert!(tone.words.len() <= crate::sentiment::MAX_TONE_WORDS);
            for pair in tone.words.windows(2) {
                assert!(
                    pair[0].weight.abs() >= pair[1].weight.abs(),
                    "{:?}",
                    tone.words
                );
            }
            for w in &tone.words {
                assert!(sentence.span.start <= w.span.start && w.span.end <= sentence.span.end);
                assert!(w.weight.abs() >= crate::sentiment::MIN_TONE_WEIGHT);
                listed.push((word(w), w.weight));
            }
        }
        assert!(
            listed
                .iter()
                .any(|(w, weight)| (w == "brutal" || w == "disaster") && *weight < 0.0),
            "{listed:?}"
        );
        assert!(
            listed
                .iter()
                .any(|(w, weight)| (w == "great" || w == "success") && *weight > 0.0),
            "{listed:?}"
        );
        let json = serde_json::to_value(doc).expect("json");
        assert!(json["sentences"][0]["sentiment"]["words"][0]["weight"].is_number());
    }
}
