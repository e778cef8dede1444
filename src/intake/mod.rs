//! Intake: turns what the user gave (pasted text or an HTML page) into articles.
//!
//! Guarantees: never panics on any input; every article's `text` is the cleaned
//! text that all later offsets point into; with `clean: false` the text is the
//! input verbatim (one article, no repairs, no removals).

use crate::{Error, Input, Options, Span};
use serde::Serialize;

/// Where a date came from and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// "caller", "meta", "dateline", "copyright", "updated", "text", "inferred"…
    pub source: String,
    /// 0..1
    pub confidence: f32,
}

/// One repair made to the text: `span` covers the repaired text in the cleaned text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repair {
    #[serde(flatten)]
    pub span: Span,
    /// What stood there in the input.
    pub original: String,
    /// "hex-utf8", "mojibake", "entity", "control", "whitespace"…
    pub kind: String,
}

/// Text removed from the input, kept so the page can show and restore it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Removal {
    /// The removed text would stand at `start` of the cleaned text (`end == start`).
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
    /// "navigation", "call-to-action", "caption", "credit", "byline", "copyright"…
    pub reason: String,
}

/// An article found in the input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Article {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub copyright: Option<String>,
    pub published: Option<Published>,
    pub repairs: Vec<Repair>,
    pub removed: Vec<Removal>,
}

impl crate::span::Remap for Repair {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
        self.span.remap(map);
    }
}

impl crate::span::Remap for Removal {
    fn remap(&mut self, map: &crate::span::OffsetMap) {
        self.span.remap(map);
    }
}

/// Turn the input into one or more articles.
pub fn intake(input: &Input, options: &Options) -> Result<Vec<Article>, Error> {
    let caller_date = options.published.as_deref().map(|value| {
        let valid = crate::time::parse_iso_date(value).is_some();
        Published {
            value: value.to_string(),
            source: "caller".into(),
            confidence: if valid { 1.0 } else { 0.0 },
        }
    });
    if let Some(date) = &caller_date {
        if date.confidence == 0.0 {
            return Err(Error::BadRequest(format!(
                "published date {:?} is not a date: use YYYY-MM-DD",
                date.value
            )));
        }
    }
    let text = match input {
        Input::Text(text) => text.clone(),
        Input::Html { html, .. } => strip_tags(html),
    };
    Ok(vec![Article {
        text,
        published: caller_date,
        ..Article::default()
    }])
}

/// Placeholder HTML to text until the extractor lands: drops tags, keeps text.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;
