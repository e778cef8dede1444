//! HTML → article: a small, non-recursive tag scanner (no recursion anywhere,
//! so no depth limit to blow; nesting deeper than `scan::MAX_DEPTH` is
//! flattened) that records the block elements of the page as a flat, preorder
//! table (parent, last descendant, class/id weight) and the text blocks inside
//! them (link text, commas), then finds the article the way Readability does:
//! every paragraph scores its parent and grandparent (commas, length), class
//! and id names weigh a container up (article, body, content…) or down
//! (comment, footer, sidebar, share…), link density weighs it down; the best
//! container and the siblings that score near it are the article, with the
//! headline and standfirst before it (in its `<article>`, or named lead, intro,
//! teaser…), cleaned of link lists, hidden parts and, as trafilatura does, of
//! furniture named by class (share bars, author boxes, related stories, meta
//! lines, captions). When that leaves too little, looser passes follow
//! (unlikely parts kept, class weights off, no conditional cleaning), as
//! Readability does. Metadata (title, byline, date, site name, language) is
//! gathered while scanning and ranked by source in [`super::meta`].
//!
//! The rooms, in the order a page goes through them:
//!
//! - `tags`: reading one tag (its end, name, attributes, hidden or not);
//! - `node`: what a block element's tag says about it (class/id weight,
//!   unlikely, furniture, standfirst);
//! - `byline`: the byline element the page shows;
//! - `scan`: the one pass over the page, into nodes and text blocks;
//! - `score`: one pass of the article finder, `score::select`, as a
//!   pipeline of its phases, up to the article's roots;
//! - `clean`: furniture removal inside the roots, the standfirst, and the
//!   text assembled from the blocks kept;
//! - `edges`: what stands at the edges of the body and is not text (the
//!   headline that repeats the title, a box of other stories or a label
//!   left dangling at the end).
//!
//! Guarantees: [`extract`] never panics on any input and never recurses.

mod byline;
mod clean;
mod edges;
mod node;
mod scan;
mod score;
mod tags;

use crate::intake::meta::Found;
use clean::join;
use scan::{scan, Scan};
use score::{select, Pass};

/// What a page yields before the text pipeline cleans it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Blocks of body text in reading order, joined by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    /// Dates shown on the page in elements named as dates (`class="date"`,
    /// "published", "timestamp"…), first three, for when no metadata dates it.
    pub shown_dates: Vec<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
}

/// Extract the article from a page.
pub fn extract(html: &str) -> Page {
    let mut page = Page::default();
    let mut found = Found::default();
    let scan = scan(html, &mut page, &mut found);
    let doc_title = found.page_title().map(str::to_string);
    (
        page.title,
        page.byline,
        page.published,
        page.site_name,
        page.language,
    ) = found.resolve();
    let titles: Vec<&str> = [page.title.as_deref(), doc_title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    page.text = article_text(scan, &titles);
    page
}

/// The article's blocks in reading order, joined by blank lines: the strictest
/// pass that yields enough text; a looser pass counts only when it yields more
/// than twice as much as the passes before (a short page keeps its strict
/// reading), and not when it chose the same container as a reading of some
/// sentences kept (it would only let in what the stricter pass cleaned away).
/// A headline that repeats one of `titles` is left out.
fn article_text(mut scan: Scan, titles: &[&str]) -> String {
    let passes = [
        Pass {
            strip_unlikely: true,
            weigh_classes: true,
            clean: true,
        },
        Pass {
            strip_unlikely: false,
            weigh_classes: true,
            clean: true,
        },
        Pass {
            strip_unlikely: false,
            weigh_classes: false,
            clean: true,
        },
        Pass {
            strip_unlikely: false,
            weigh_classes: false,
            clean: false,
        },
    ];
    let mut best = String::new();
    let mut best_top = node::NONE;
    for pass in passes {
        let (kept, top) = select(&mut scan, pass);
        if top == best_top && best.chars().count() >= 140 {
            // The same container as a reading of some sentences kept: a
            // looser pass only lets in what the stricter one cleaned away.
            continue;
        }
        let kept = edges::drop_headline(&scan.blocks, kept, titles);
        let kept = edges::drop_after_related(&scan.blocks, kept);
        let kept = edges::drop_dangling_end(&scan.blocks, kept);
        let text = join(&scan.blocks, &kept);
        if text.len() > best.len() * 2 {
            best = text;
            best_top = top;
            if best.chars().count() >= 500 {
                return best;
            }
        }
    }
    if best.is_empty() {
        // A page too small to judge: all of its visible text.
        let all: Vec<usize> = (0..scan.blocks.len()).collect();
        best = join(&scan.blocks, &all);
    }
    best
}

#[cfg(test)]
mod fixtures {
    //! Pages to test the article finder with.

    pub(super) fn para(words: &str, n: usize) -> String {
        format!(
            "<p>{}</p>",
            (0..n)
                .map(|i| format!("{words} number {i}, with a comma, and more words to read."))
                .collect::<Vec<_>>()
                .join(" ")
        )
    }

    /// `n` list items of teasers: a linked headline over a line of text.
    pub(super) fn teaser_items(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    r#"<li><h3><a href="/s{i}">Other story {i}</a></h3><p>Teaser {i} in brief.</p></li>"#
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::para;
    use super::*;

    #[test]
    fn article_text_and_metadata() {
        let html = r#"<!doctype html><html lang="en"><head><title>Site | Story</title>
            <meta property="og:title" content="Putin meets Xi">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2023-03-21T10:00:00Z">
            <meta property="og:site_name" content="The Paper">
            <script>var x = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Putin meets Xi</h1>
            <p>Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday, &ldquo;a new era&rdquo; of ties.</p>
            <div class="share-tools">Share on Facebook and Twitter and more</div>
            <p>The two leaders signed agreements on energy and trade cooperation during the visit, officials said.</p></article>
            <footer>Copyright 2023 The Paper. All rights reserved.</footer></body></html>"#;
        let page = extract(html);
        assert_eq!(page.title.as_deref(), Some("Putin meets Xi"));
        assert_eq!(page.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(page.published.as_deref(), Some("2023-03-21T10:00:00Z"));
        assert_eq!(page.site_name.as_deref(), Some("The Paper"));
        assert_eq!(page.language.as_deref(), Some("en"));
        assert!(!extract(
            "<p>⌂ a long enough paragraph of text</p><p>next <b>tag</b> here too, long enough</p>"
        )
        .text
        .contains('<'));
        assert!(page.text.contains("“a new era” of ties."), "{}", page.text);
        assert!(page.text.contains("officials said."));
        assert!(
            !page.text.contains("not text")
                && !page.text.contains("Home")
                && !page.text.contains("Copyright")
                && !page.text.contains("Facebook")
        );
    }

    #[test]
    fn json_ld_and_malformed_deep_pages() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2002-11-29","author":{"@type":"Person","name":"A B"}}</script><p>Body text that is long enough to keep here.</p"#;
        let page = extract(html);
        assert_eq!(page.published.as_deref(), Some("2002-11-29"));
        assert_eq!(page.byline.as_deref(), Some("A B"));
        let deep = format!(
            "{}<p>Deep text that is long enough to be kept.</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(10)
        );
        assert!(extract(&deep).text.contains("Deep text"));
        assert!(!extract("<<<>>><p <a").text.contains("<p"));
    }

    #[test]
    fn a_looser_pass_on_the_same_container_lets_in_nothing_the_stricter_cleaned() {
        // The strict reading keeps the post; the pass without cleaning would
        // add the share box inside the same container.
        let buttons: String = (0..30)
            .map(|i| format!("<p>Share it, way {i:02}</p>"))
            .collect();
        let html = format!(
            r#"<div><div class="post hentry">{}<div class="share-tools">{buttons}</div></div></div>"#,
            para("Post words", 4)
        );
        let text = extract(&html).text;
        assert!(text.contains("Post words number 3"), "{text}");
        assert!(!text.contains("Share it"), "{text}");
    }

    #[test]
    fn looser_pass_when_the_article_has_an_unlikely_name() {
        // The only body text sits in a container named like a share bar.
        let html = format!(
            r#"<div class="share-wrapper" itemprop="articleBody">{}</div><div class="x"><a href="/">Link</a></div>"#,
            para("Body in an oddly named box", 4)
        );
        let text = extract(&html).text;
        assert!(
            text.contains("Body in an oddly named box number 3"),
            "{text}"
        );
        let html = format!(r#"<div class="social-box">{}</div>"#, para("Only text", 4));
        assert!(extract(&html).text.contains("Only text number 0"));
    }
}
