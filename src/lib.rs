//! Lede: news analytics that runs in the reader's browser.
//!
//! One entry point, [`analyze`], takes pasted text or an HTML page and returns an
//! [`Analysis`]: the cleaned article text and, pointing into it, sentences, tokens,
//! entities, temporal expressions, a timeline and tone. Data flows one way through
//! the stages, each a module with a single entry point:
//!
//! ```text
//! intake → text → entities → quotes → time → sentiment → report
//! ```
//!
//! Inside the core every offset is a UTF-8 byte offset into the cleaned text
//! ([`Span`]); [`report`] converts them all to UTF-16 code units at the very end,
//! so every JSON output (wasm and CLI) indexes strings the way JavaScript does.
//!
//! ```
//! let analysis = lede::analyze(&lede::Input::Text("Putin met Hu in Moscow.".into()), &lede::Options::default()).unwrap();
//! assert_eq!(analysis.schema, "lede/1");
//! assert_eq!(analysis.documents[0].sentences.len(), 1);
//! ```

// Every public item of the product is documented. (The `lab` feature opens
// internals to the lab, which are documented where they are, not all item by item.)
#![cfg_attr(not(feature = "lab"), deny(missing_docs))]

pub mod entities;
pub mod intake;
pub mod quotes;
pub mod report;
pub mod sentiment;
pub mod text;
pub mod time;

mod ground;

#[cfg(feature = "lab")]
#[doc(hidden)]
pub mod lab;

pub use ground::span::Span;
pub use report::{Analysis, Document};

use serde::Deserialize;

/// The version of the JSON schema every [`Analysis`] carries.
pub const SCHEMA: &str = "lede/1";

/// The largest input accepted, in bytes. Larger inputs get a clear error.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// What the caller hands to [`analyze`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Plain text, as pasted or read from a .txt file.
    Text(String),
    /// An HTML page, with the address it came from when known (for relative links).
    Html {
        /// The page's markup.
        html: String,
        /// Where the page came from.
        url: Option<String>,
    },
}

/// A span given by the caller in UTF-16 code units (as JavaScript counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Utf16Span {
    /// The first UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
}

/// A name the caller wants recognized with a given type, taking priority over the model.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DictionaryEntry {
    /// The name as it is written.
    pub name: String,
    #[serde(rename = "type")]
    /// Its type (PERSON, ORG, GPE, LOC, NORP, EVENT or MISC).
    pub label: String,
}

/// How to analyze. Every field has a sensible default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Repair encodings and remove page furniture (default). `false` keeps the text
    /// verbatim so offsets point into the text exactly as given.
    pub clean: bool,
    /// Split several articles pasted together into separate documents (default).
    pub split: bool,
    /// The article's publication date (`YYYY-MM-DD`), when the caller knows it.
    pub published: Option<String>,
    /// Spans (UTF-16, into the cleaned text of the first document) whose portrayed
    /// tone the caller wants.
    pub targets: Vec<Utf16Span>,
    /// Extra names with types that take priority over the statistical model.
    pub dictionary: Vec<DictionaryEntry>,
    /// Include every token in the output (default). The page turns this off: on a
    /// long article tokens are most of the JSON and it never shows them.
    pub tokens: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clean: true,
            split: true,
            published: None,
            targets: Vec::new(),
            dictionary: Vec::new(),
            tokens: true,
        }
    }
}

/// Why an input could not be analyzed. The message is meant for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing to analyze: empty or only whitespace.
    Empty,
    /// The input had content, but no article text was left in it (only markup or page furniture).
    NoText,
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge {
        /// The input's size.
        bytes: usize,
    },
    /// The options or request could not be understood.
    BadRequest(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Empty => write!(f, "the input is empty: paste or drop an article"),
            Error::NoText => write!(
                f,
                "no article text was found: the input holds only markup or page furniture"
            ),
            Error::TooLarge { bytes } => write!(
                f,
                "the input is {:.1} MB; the limit is {} MB: split it into smaller parts",
                *bytes as f64 / 1e6,
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            Error::BadRequest(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for Error {}

/// Analyze one input (which may hold several articles) and return the [`Analysis`].
pub fn analyze(input: &Input, options: &Options) -> Result<Analysis, Error> {
    let raw_len = match input {
        Input::Text(t) => t.len(),
        Input::Html { html, .. } => html.len(),
    };
    if raw_len > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { bytes: raw_len });
    }
    let articles = intake::intake(input, options)?;
    if articles.iter().all(|a| a.text.trim().is_empty()) {
        let raw = match input {
            Input::Text(t) => t,
            Input::Html { html, .. } => html,
        };
        return Err(if raw.trim().is_empty() {
            Error::Empty
        } else {
            Error::NoText
        });
    }
    let mut documents = Vec::with_capacity(articles.len());
    // built once, not once per article of a paste that holds many
    let dictionary = entities::Dictionary::new(&options.dictionary);
    for (index, article) in articles.into_iter().enumerate() {
        let layer = text::segment(&article.text);
        let language = intake::language::identify(
            &article.text,
            &layer.paragraphs,
            article.meta.language.as_deref(),
        );
        // Caller-named targets refer to the first document.
        let targets: Vec<Span> = if index == 0 {
            options
                .targets
                .iter()
                .filter_map(|t| ground::span::from_utf16(&article.text, t.start, t.end))
                .collect()
        } else {
            Vec::new()
        };
        let mut document = if language.all_english {
            let found = entities::recognize(&article.text, &layer, &dictionary);
            let said = quotes::attribute(&article.text, &layer, &found);
            let dated = time::resolve(&article.text, &layer, &found, article.published.as_ref());
            let tone = sentiment::score(&article.text, &layer, &found, &targets);
            let layers = report::Layers {
                text: layer,
                entities: found,
                quotes: said,
                time: dated,
                tone: Some(tone),
            };
            report::document(article, layers, language, None)
        } else {
            read_in_part(article, layer, language, &dictionary, &targets)
        };
        if !options.tokens {
            document.tokens = Vec::new();
        }
        documents.push(document);
    }
    Ok(report::analysis(documents))
}

/// An article not (all) in English: the stages that read only English read its
/// English paragraphs; names and dates also read, everywhere, what needs no
/// English (tokens without letters: numbers, ISO dates such as 2022-02-04); tone
/// reads only the English paragraphs, and there is none when there are none.
fn read_in_part(
    article: intake::Article,
    layer: text::TextLayer,
    language: intake::Language,
    dictionary: &entities::Dictionary,
    targets: &[Span],
) -> Document {
    let text = article.text.as_str();
    let english = language.english.as_slice();
    let in_english = |span: Span| {
        let at = english.partition_point(|p| p.end <= span.start);
        english.get(at).is_some_and(|p| p.start <= span.start)
    };
    let neutral = text::restrict(text, &layer, |_, t| {
        in_english(t.span) || !t.span.of(text).chars().any(char::is_alphabetic)
    });
    let found = entities::recognize(text, &neutral.layer, dictionary);
    let said = quotes::attribute(text, &layer, &found);
    let mut dated = time::resolve_in_part(
        text,
        &neutral.layer,
        &found,
        article.published.as_ref(),
        &layer,
    );
    for event in &mut dated.timeline {
        event.sentence = neutral.sentences.get(event.sentence).copied().unwrap_or(0);
    }
    let tone = (!english.is_empty()).then(|| {
        let only = text::restrict(text, &layer, |_, t| in_english(t.span));
        let mut tone = sentiment::score(text, &only.layer, &found, targets);
        for entity in tone.entities.iter_mut().flatten() {
            for sentence in &mut entity.evidence {
                *sentence = only.sentences.get(*sentence).copied().unwrap_or(0);
            }
        }
        (tone, only.sentences)
    });
    let (tone, sentences) = match tone {
        Some((tone, sentences)) => (Some(tone), Some(sentences)),
        None => (None, None),
    };
    report::document(
        article,
        report::Layers {
            text: layer,
            entities: found,
            quotes: said,
            time: dated,
            tone,
        },
        language,
        sentences.as_deref(),
    )
}

/// The crate version and what this build contains, for `lede --version` and the page.
pub fn info() -> serde_json::Value {
    serde_json::json!({
        "name": "lede",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": SCHEMA,
    })
}
