//! Intake: turns what the user gave (pasted text or an HTML page) into articles.
//!
//! Guarantees: never panics on any input; every article's `text` is the cleaned
//! text that all later offsets point into; with `clean: false` the text is the
//! input verbatim (one article, no repairs, no removals).

use crate::{Error, Input, Options, Span};

pub mod charset;
pub(crate) mod html;
pub mod language;
pub use language::{Language, LanguagePart, Stages};
pub(crate) mod lines;
pub(crate) mod meta;
pub(crate) mod repair;
use serde::Serialize;

/// Where a date came from and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// "caller", "meta", "page" (a date the page shows), "shown" (a line of the text that is only a date: a weak stamp), "dateline", "copyright", "updated", "text", "inferred", "mentions" (the year the text names most), "weekday" (a weekday and date that agree in one year), "evidence" (what the text names that the record dates: see `evidence`)…
    pub source: String,
    /// 0..1
    pub confidence: f32,
    /// For a date inferred from what the text names (`source` "evidence"): the
    /// reasons, each dated and tied to its span. Empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<crate::ground::knowledge::DateEvidence>,
}

/// One repair made to the text: `span` covers the repaired text in the cleaned text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repair {
    #[serde(flatten)]
    /// What was changed, in the cleaned text.
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
    /// The text that was taken out.
    pub text: String,
    /// The line as it was pasted, when repairs changed it (so nothing is lost).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// "navigation", "call-to-action", "caption", "credit", "byline", "copyright"…
    pub reason: String,
}

/// What an article says about itself, found in the page or the pasted text.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// The place of the dateline ("SYDNEY").
    pub dateline: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// The document's language (a BCP 47 tag), when the page says. The JSON's
    /// `language` is what [`language::identify`] makes of the text and this.
    #[serde(skip)]
    pub language: Option<String>,
    /// The copyright line.
    pub copyright: Option<String>,
}

/// An article found in the input.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Article {
    /// The cleaned article text every offset points into.
    pub text: String,
    #[serde(flatten)]
    /// What the page says about the article.
    pub meta: Metadata,
    /// The article's date, when one was found or given.
    pub published: Option<Published>,
    /// Repairs made to the text (encodings, invisible characters).
    pub repairs: Vec<Repair>,
    /// Page furniture taken out.
    pub removed: Vec<Removal>,
}

impl crate::ground::span::Remap for Repair {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        self.span.remap(map);
    }
}

impl crate::ground::span::Remap for Removal {
    fn remap(&mut self, map: &crate::ground::span::OffsetMap) {
        self.span.remap(map);
    }
}

/// Turn the input into one or more articles.
pub fn intake(input: &Input, options: &Options) -> Result<Vec<Article>, Error> {
    let caller_date = match options.published.as_deref() {
        Some(value) => match crate::ground::dates::parse_iso_date(value) {
            // a day that the month does not have ("2023-02-30") is no date either
            Some((year, month, day))
                if day == 0 || crate::ground::dates::calendar::Date::new(year, month, day).is_some() =>
            {
                Some(Published {
                    value: value.to_string(),
                    source: "caller".into(),
                    confidence: 1.0,
                    evidence: Vec::new(),
                })
            }
            Some((year, month, day)) => {
                return Err(Error::BadRequest(format!(
                    "\"published\": {value:?} is not a calendar date: month {month} of {year} has no day {day}; use YYYY-MM-DD"
                )))
            }
            None => {
                return Err(Error::BadRequest(format!(
                    "\"published\": {value:?} is not a date: use YYYY-MM-DD"
                )))
            }
        },
        None => None,
    };
    let mut articles = match input {
        Input::Text(text) if !options.clean => vec![Article {
            text: text.clone(),
            ..Article::default()
        }],
        Input::Text(text) => text_articles(text, options.split, false),
        Input::Html { html, .. } => {
            let page = html::extract(html);
            let mut articles = if options.clean {
                text_articles(&page.text, false, true)
            } else {
                vec![Article {
                    text: page.text.clone(),
                    ..Article::default()
                }]
            };
            if let Some(article) = articles.first_mut() {
                article.meta.title = page.title.or(article.meta.title.take());
                article.meta.byline = page.byline.or(article.meta.byline.take());
                article.meta.site_name = page.site_name;
                article.meta.language = page.language;
                if let Some(value) = page.published.as_deref().and_then(date_value) {
                    article.published = Some(Published {
                        value,
                        source: "meta".into(),
                        confidence: 0.9,
                        evidence: Vec::new(),
                    });
                } else if article
                    .published
                    .as_ref()
                    .is_none_or(|p| p.source == "shown")
                {
                    // No metadata and no date line in the text: a date the page shows.
                    let shown = page.shown_dates.iter().find_map(|d| date_value(d));
                    if let Some(value) = shown {
                        article.published = Some(Published {
                            value,
                            source: "page".into(),
                            confidence: 0.7,
                            evidence: Vec::new(),
                        });
                    }
                }
            }
            articles
        }
    };
    for article in &mut articles {
        if caller_date.is_some() {
            article.published = caller_date.clone();
        }
    }
    Ok(articles)
}

/// A date string in any common form as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
pub fn date_value(text: &str) -> Option<String> {
    let t = text.trim();
    // A date is short: the time tagger reads its words as one sentence, so only
    // the beginning of a (hostile) megabyte-long meta value is read.
    let t = t
        .char_indices()
        .nth(DATE_VALUE_CHARS)
        .and_then(|(at, _)| t.get(..at))
        .unwrap_or(t);
    if let Some(prefix) = t.get(..10) {
        if crate::ground::dates::parse_iso_date(prefix).is_some() {
            return Some(prefix.to_string());
        }
    }
    let tokens = crate::ground::tokens::tokenize(t);
    let words: Vec<&str> = tokens.iter().map(|tok| tok.span.of(t)).collect();
    let whole: Vec<std::ops::Range<usize>> = std::iter::once(0..words.len()).collect();
    crate::ground::dates::tag_words(&words, &whole, None)
        .into_iter()
        .map(|f| f.value)
        .find(|v| crate::ground::dates::parse_iso_date(v).is_some())
}

/// How many characters of a metadata value [`date_value`] reads.
const DATE_VALUE_CHARS: usize = 200;

/// One line of input, repaired, with what it is.
struct Line {
    text: String,
    repairs: Vec<repair::LocalRepair>,
    /// A blank line stood before it.
    after_blank: bool,
}

impl Line {
    /// The line as it was before its repairs, if they changed it.
    fn original(&self) -> Option<String> {
        if self.repairs.is_empty() {
            return None;
        }
        let mut repairs: Vec<&repair::LocalRepair> = self.repairs.iter().collect();
        repairs.sort_by_key(|r| r.span.start);
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for r in repairs {
            if r.span.start < at {
                continue;
            }
            out.push_str(self.text.get(at..r.span.start).unwrap_or(""));
            out.push_str(&r.original);
            at = r.span.end;
        }
        out.push_str(self.text.get(at..).unwrap_or(""));
        Some(out.trim().to_string())
    }
}

/// Split pasted text into articles and clean each (`from_html`: the text of
/// blocks an HTML page's structure already chose).
fn text_articles(raw: &str, split: bool, from_html: bool) -> Vec<Article> {
    let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut groups: Vec<Vec<Line>> = vec![Vec::new()];
    let mut blank = false;
    // What a line of invisible characters alone ("\u{ad}") had: it goes, and
    // its repairs are recorded at the start of the next line.
    let mut carried: Vec<repair::LocalRepair> = Vec::new();
    for raw_line in normalized.split('\n') {
        let (text, repairs) = repair::repair(raw_line.trim_end(), true);
        if text.trim().is_empty() {
            carried.extend(repairs.into_iter().map(|mut r| {
                r.span = crate::Span::new(0, 0);
                r
            }));
            blank = true;
            continue;
        }
        let repairs: Vec<repair::LocalRepair> = carried.drain(..).chain(repairs).collect();
        // Two articles run together: "…The Diplomat Brief(Tribune News Service) — …"
        if let Some(at) = lines::glued_article_start(&text).filter(|_| split) {
            let (head, tail) = text.split_at(at);
            let (head_repairs, tail_repairs): (Vec<_>, Vec<_>) =
                repairs.into_iter().partition(|r| r.span.start < at);
            if let Some(group) = groups.last_mut() {
                group.push(Line {
                    text: head.to_string(),
                    repairs: head_repairs,
                    after_blank: blank,
                });
            }
            let shifted = tail_repairs
                .into_iter()
                .map(|mut r| {
                    r.span = crate::Span::new(r.span.start - at, r.span.end - at);
                    r
                })
                .collect();
            groups.push(vec![Line {
                text: tail.to_string(),
                repairs: shifted,
                after_blank: true,
            }]);
            blank = false;
            continue;
        }
        // Cheap tests first, and the body count stops at four: linear in the input.
        let starts_article = split
            && lines::dateline(&text).is_some()
            && groups
                .last()
                .and_then(|g| g.last())
                .is_some_and(|prev| lines::is_title_like(&prev.text))
            && groups
                .last()
                .is_some_and(|g| g.iter().filter(|l| lines::is_body(&l.text)).take(4).count() >= 4);
        if starts_article {
            // The title line before the dateline belongs to the new article.
            let title = groups.last_mut().and_then(Vec::pop);
            groups.push(title.into_iter().collect());
        }
        if let Some(group) = groups.last_mut() {
            group.push(Line {
                text,
                repairs,
                after_blank: blank,
            });
        }
        blank = false;
    }
    // After a split, fragments with no text worth the name join nothing: drop them.
    if groups.len() > 1 {
        groups.retain(|g| {
            g.iter()
                .any(|l| lines::is_body(&l.text) || l.text.split_whitespace().count() >= 8)
        });
    }
    if groups.is_empty() {
        groups.push(Vec::new());
    }
    groups
        .into_iter()
        .map(|g| clean_article(g, from_html))
        .collect()
}

/// Assemble one article from its lines: furniture out (recorded), metadata read,
/// repairs mapped into the cleaned text.
fn clean_article(lines_in: Vec<Line>, from_html: bool) -> Article {
    let article = assemble(&lines_in, true, from_html);
    if article.text.trim().is_empty() {
        // Everything looked like furniture (a one-line paste): keep it all instead.
        return assemble(&lines_in, false, from_html);
    }
    article
}

fn assemble(lines_in: &[Line], remove_furniture: bool, from_html: bool) -> Article {
    let mut article = Article::default();
    // Lines met so far (a set: a long page has many).
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut dates: Vec<(String, &'static str, f32)> = Vec::new();
    let kept = |l: &Line| {
        lines::classify(&l.text, 0, &Default::default(), true, false).0 == lines::Role::Keep
    };
    let title_at = lines_in
        .iter()
        .take(6)
        .position(|l| lines::is_title_like(&l.text) && kept(l))
        // A sentence-case headline ("Port strike ends after talks in Rotterdam")
        // as the first line, standing apart from what follows.
        .or_else(|| {
            let first = lines_in.first()?;
            let apart = lines_in.get(1).is_some_and(|n| {
                let meta = lines::classify(&n.text, 1, &Default::default(), false, false).1;
                // not a hard-wrapped sentence running on in lower case
                let continues = n
                    .text
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                !continues
                    && (n.after_blank
                        || lines::is_body(&n.text)
                        || meta.byline.is_some()
                        || meta.date.is_some())
            });
            (apart && lines::is_headline_shaped(&first.text) && kept(first)).then_some(0)
        });
    for (i, line) in lines_in.iter().enumerate() {
        let next_is_body = lines_in.get(i + 1).is_some_and(|n| lines::is_body(&n.text));
        let is_title = Some(i) == title_at;
        let (mut role, meta) = lines::classify(&line.text, i, &seen, next_is_body, is_title);
        if !remove_furniture {
            role = lines::Role::Keep;
        }
        // A page's own structure already told navigation from text: a short
        // line without final punctuation there is a heading, a list item or a
        // table cell of the article, and a repeated line is the page's own.
        if from_html
            && matches!(
                role,
                lines::Role::Remove("navigation") | lines::Role::Remove("repeated")
            )
        {
            role = lines::Role::Keep;
        }
        // A page's paragraph that calls its reader to subscribe, give or follow.
        if from_html
            && remove_furniture
            && role == lines::Role::Keep
            && !is_title
            && lines::is_promotion(&line.text)
        {
            role = lines::Role::Remove("promotion");
        }
        // A page's caption that ends with its picture's credit.
        if from_html
            && remove_furniture
            && role == lines::Role::Keep
            && !is_title
            && lines::ends_with_credit(&line.text)
        {
            role = lines::Role::Remove("caption");
        }
        article.meta.byline = article.meta.byline.take().or(meta.byline);
        article.meta.copyright = article.meta.copyright.take().or(meta.copyright);
        if let Some(date) = meta.date {
            dates.push(date);
        }
        let trimmed = line.text.trim();
        match role {
            lines::Role::Keep => {
                if !article.text.is_empty() {
                    article
                        .text
                        .push_str(if line.after_blank { "\n\n" } else { "\n" });
                }
                let lead = line.text.len() - line.text.trim_start().len();
                let base = article.text.len();
                article.text.push_str(trimmed);
                // A repair in the blank trimmed off either end (a soft hyphen
                // before a leading space) stays, at that end: nothing pasted is
                // lost without a record.
                let inside = |at: usize| at.clamp(lead, lead + trimmed.len()) - lead;
                for r in &line.repairs {
                    article.repairs.push(Repair {
                        span: crate::Span::new(
                            base + inside(r.span.start),
                            base + inside(r.span.end),
                        ),
                        original: r.original.clone(),
                        kind: r.kind.to_string(),
                    });
                }
                if is_title {
                    article.meta.title = Some(trimmed.to_string());
                } else if article.meta.dateline.is_none() {
                    if let Some((head, _)) = lines::dateline(trimmed) {
                        let place = head
                            .split([',', '('])
                            .next()
                            .unwrap_or("")
                            .trim()
                            .to_string();
                        if let Some(value) = date_value(&head) {
                            dates.push((value, "dateline", 0.9));
                        }
                        article.meta.dateline = Some(place);
                    }
                }
            }
            lines::Role::Remove(reason) => {
                // A line that is only a date: a weak stamp, the last resort.
                if remove_furniture && lines::is_date_line(trimmed) {
                    dates.push((trimmed.to_string(), "shown", 0.3));
                }
                let at = article.text.len();
                article.removed.push(Removal {
                    span: crate::Span::new(at, at),
                    text: trimmed.to_string(),
                    original: line.original(),
                    reason: reason.to_string(),
                });
            }
        }
        seen.insert(trimmed.to_string());
    }
    // The most trustworthy date: dateline, then a "Published" stamp, then "Last
    // Updated" (which can be years after the story), then the copyright year.
    let rank = |source: &str| match source {
        "dateline" => 0,
        "text" => 1,
        "updated" => 2,
        "shown" => 3,
        _ => 4,
    };
    dates.sort_by_key(|d| rank(d.1));
    article.published = dates.into_iter().find_map(|(text, source, confidence)| {
        let value = if crate::ground::dates::parse_iso_date(&text).is_some() {
            Some(text)
        } else {
            date_value(&text)
        }?;
        Some(Published {
            value,
            source: source.into(),
            confidence,
            evidence: Vec::new(),
        })
    });
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_callers_date_must_be_on_the_calendar() {
        let with = |date: &str| Options {
            published: Some(date.into()),
            ..Options::default()
        };
        let input = Input::Text("Dock workers struck on Monday.".into());
        for bad in [
            "2023-02-30",
            "2023-04-31",
            "2100-02-29",
            "2023-13-01",
            "yesterday",
        ] {
            let error = intake(&input, &with(bad)).map(|_| ()).unwrap_err();
            let message = error.to_string();
            assert!(
                message.contains("\"published\"") && message.contains(bad),
                "{message}"
            );
        }
        for good in ["2024-02-29", "2000-02-29", "2023-02-28", "2023-02", "2023"] {
            let articles = intake(&input, &with(good)).unwrap_or_default();
            let date = articles.first().and_then(|a| a.published.as_ref());
            assert_eq!(date.map(|p| p.value.as_str()), Some(good));
        }
    }

    #[test]
    fn a_huge_metadata_date_is_read_from_its_beginning() {
        let value = format!("2013-03-22 {}", "word ".repeat(200_000));
        assert_eq!(date_value(&value).as_deref(), Some("2013-03-22"));
        let value = format!("March 22, 2013 {}", "12 ".repeat(200_000));
        assert_eq!(date_value(&value).as_deref(), Some("2013-03-22"));
    }

    #[test]
    fn invisible_characters_at_a_line_end_or_alone_are_recorded() {
        for text in [
            "\u{ad} Dock workers struck.",
            "\u{ad}\nDock workers struck.",
        ] {
            let articles = text_articles(text, true, false);
            let article = articles.first().expect("an article");
            assert_eq!(article.text, "Dock workers struck.", "{text:?}");
            let originals: Vec<&str> = article
                .repairs
                .iter()
                .map(|r| r.original.as_str())
                .collect();
            assert_eq!(originals, ["\u{ad}"], "{text:?}");
        }
    }

    #[test]
    fn a_sentence_case_headline_on_the_first_line_is_the_title() {
        let text = "Port strike ends after talks in Rotterdam\nPosted on 14 March 2024\n\n\
            ROTTERDAM — Dock workers returned to work on Thursday after a four-day strike that left ships waiting.\n";
        let articles = text_articles(text, true, false);
        let title = articles.first().and_then(|a| a.meta.title.clone());
        assert_eq!(
            title.as_deref(),
            Some("Port strike ends after talks in Rotterdam")
        );
        // A first line that runs into the next one is not a title.
        let text = "The ministers met in Geneva\non Monday and agreed to talk again in the spring, officials said.\n";
        let articles = text_articles(text, true, false);
        assert_eq!(articles.first().and_then(|a| a.meta.title.clone()), None);
    }

    #[test]
    fn html_date_shown_on_the_page_when_no_metadata_dates_it() {
        let body = "The council met on Tuesday, and it voted on the budget, which passed easily after a long debate.";
        let html = format!(
            r#"<article><div class="post-date">5 May 2021</div><p>{body}</p><p>{body}</p></article>"#
        );
        let articles = intake(&Input::Html { html, url: None }, &Options::default());
        let published = articles
            .ok()
            .and_then(|a| a.first().and_then(|a| a.published.clone()));
        assert_eq!(
            published.map(|p| (p.value, p.source)),
            Some(("2021-05-05".to_string(), "page".to_string()))
        );
    }

    #[test]
    fn a_pages_call_to_subscribe_is_set_aside_and_a_paste_keeps_it() {
        let body = "The council met on Tuesday, and it voted on the budget, which passed easily after a long debate.";
        let call = "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.";
        let html = format!("<article><p>{body}</p><p>{body} Again.</p><p>{call}</p></article>");
        let options = Options::default();
        let articles = intake(&Input::Html { html, url: None }, &options).unwrap_or_default();
        let article = articles.first();
        assert!(
            article.is_some_and(|a| !a.text.contains("Nationnews")
                && a.removed.iter().any(|r| r.reason == "promotion")),
            "{article:?}"
        );
        let pasted = format!("{body}\n\n{body} Again.\n\n{call}");
        let text = intake(&Input::Text(pasted), &options)
            .ok()
            .and_then(|a| a.first().map(|a| a.text.clone()))
            .unwrap_or_default();
        assert!(text.contains("Nationnews"), "{text}");
    }

    #[test]
    fn html_keeps_short_lines_its_structure_chose() {
        // Pasted, a short line without final punctuation is navigation; in a
        // page's article it is a heading or a list item and stays.
        let body = "The council met on Tuesday, and it voted on the budget, which passed easily after a long debate.";
        let html = format!(
            "<article><p>{body}</p><h2>Ingredients list</h2><ul><li>Two eggs</li><li>Flour</li></ul><p>{body} Again.</p></article>"
        );
        let options = Options::default();
        let input = Input::Html { html, url: None };
        let text = intake(&input, &options)
            .map(|a| a[0].text.clone())
            .unwrap_or_default();
        assert!(
            text.contains("Ingredients list") && text.contains("Two eggs"),
            "{text}"
        );
        let pasted = format!("{body}\n\nTwo eggs\n\nFlour\n\n{body} Again.");
        let text = intake(&Input::Text(pasted), &options)
            .ok()
            .and_then(|a| a.first().map(|a| a.text.clone()))
            .unwrap_or_default();
        assert!(!text.contains("Two eggs"), "{text}");
    }
}
