//! The byline the page shows (apart from its metadata): the first element
//! marked as the author's outside navigation, sidebars and comments, read
//! whole, and its name cut from "By", separators and dates. Fed tag by tag and
//! text chunk by text chunk by the scanner. Guarantees: bounded memory (an
//! element read stops taking text once past 400 bytes); never panics.

use super::tags::{attr, class_and_id};

/// An element being read for the byline.
struct Capture {
    name: String,
    /// Open elements of its name, itself included.
    depth: usize,
    text: String,
    /// Inside a byline: 0 marked `itemprop=name`, 1 marked as the author's.
    rank: u8,
    /// Of the elements inside a byline, the best name read so far.
    best: Option<(u8, String)>,
}

/// The byline shown on the page: the first element marked as the author's
/// (rel=author, itemprop=author, a byline or author class; not a bio, a note,
/// a follow button, a job title) outside navigation, sidebars and comments
/// that reads as a name, read whole (elements of its name nested inside
/// counted); within it, the text of an element marked `itemprop=name`, or
/// else of one marked as the author's, is the name when it reads as one.
#[derive(Default)]
pub(super) struct Bylines {
    open: Vec<Capture>,
    pub(super) found: Option<String>,
}

impl Bylines {
    /// A start or end tag (not a void or self-closed one).
    pub(super) fn tag(
        &mut self,
        name: &str,
        tag: &str,
        closing: bool,
        furniture: impl Fn() -> bool,
    ) {
        if closing {
            if !self.open.iter().any(|c| c.name == name) {
                return;
            }
            for c in self.open.iter_mut().filter(|c| c.name == name) {
                c.depth -= 1;
            }
            // Elements closed (and any left open inside them) end, innermost first.
            while let Some(at) = self.open.iter().rposition(|c| c.depth == 0) {
                while self.open.len() > at {
                    let Some(done) = self.open.pop() else { break };
                    self.finish(done);
                }
            }
            return;
        }
        for c in self.open.iter_mut().filter(|c| c.name == name) {
            c.depth += 1;
        }
        let rank = if self.open.is_empty() {
            (is_byline_tag(tag) && byline_part(name, tag) && !furniture()).then_some(1)
        } else if attr(tag, "itemprop").is_some_and(|p| p.to_ascii_lowercase().contains("name")) {
            Some(0)
        } else {
            (is_byline_tag(tag) && byline_part(name, tag)).then_some(1)
        };
        if let Some(rank) = rank {
            self.open.push(Capture {
                name: name.to_string(),
                depth: 1,
                text: String::new(),
                rank,
                best: None,
            });
        }
    }

    /// A chunk of text, into every element being read.
    pub(super) fn text(&mut self, chunk: &str) {
        for c in &mut self.open {
            if c.text.len() < 400 {
                c.text.push_str(chunk);
            }
        }
    }

    fn finish(&mut self, done: Capture) {
        let own = visible_byline(&done.text);
        match self.open.first_mut() {
            // An element inside the byline: a candidate for its name.
            Some(region) => {
                let better = region.best.as_ref().is_none_or(|(r, _)| done.rank < *r);
                if let Some(name) = own.filter(|_| better) {
                    region.best = Some((done.rank, name));
                }
            }
            None => {
                self.found = done.best.map(|b| b.1).or(own);
            }
        }
    }
}

/// An element marked as the author's that can hold the byline: not the
/// page's or article's frame, nor a bio, a note, a follow button, a picture
/// or a job title.
fn byline_part(name: &str, tag: &str) -> bool {
    if matches!(
        name,
        "body" | "html" | "article" | "main" | "section" | "form" | "input"
    ) {
        return false;
    }
    let names = class_and_id(tag);
    ![
        "bio", "note", "follow", "more", "comment", "avatar", "photo", "image", "title",
    ]
    .iter()
    .any(|w| names.contains(w))
}

/// A tag that marks its content as the author's name.
fn is_byline_tag(tag: &str) -> bool {
    let names = class_and_id(tag);
    attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || attr(tag, "itemprop").is_some_and(|r| r.to_ascii_lowercase().contains("author"))
        || ["byline", "author", "writtenby", "p-author"]
            .iter()
            .any(|w| names.contains(w))
            // "authorization", "authority" name no author
            && !["authoriz", "authoris", "authorit"]
                .iter()
                .any(|w| names.contains(w))
}

/// The text of a byline element as a byline: short, without a leading "By",
/// cut where a separator (• | ·) or a dash before a date or time begins.
fn visible_byline(text: &str) -> Option<String> {
    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = squashed.to_lowercase();
    let mut name = ["by: ", "by ", "von ", "par ", "por "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| squashed.get(p.len()..)))
        .flatten()
        .unwrap_or(&squashed)
        .trim();
    for sep in [" • ", " | ", " · ", " - ", " – ", " — "] {
        if let Some(at) = name.find(sep) {
            let dated = name
                .get(at + sep.len()..)
                .is_some_and(|rest| rest.chars().any(|c| c.is_ascii_digit()));
            if dated || !sep.contains('-') && !sep.contains('–') && !sep.contains('—') {
                name = name.get(..at).unwrap_or(name).trim();
            }
        }
    }
    let chars = name.chars().count();
    let lettered = name.chars().any(char::is_alphabetic);
    (chars > 1 && chars < 100 && lettered && !name.eq_ignore_ascii_case("by"))
        .then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::html::{extract, fixtures::para};

    #[test]
    fn visible_byline_when_the_metadata_names_none() {
        let html = format!(
            r#"<article><h1>Title</h1><p class="meta">By <a rel="author" href="/jane">Jane Doe</a></p>{}</article>"#,
            para("Story words", 4)
        );
        let page = extract(&html);
        assert_eq!(page.byline.as_deref(), Some("Jane Doe"));
        assert!(!page.text.contains("Jane Doe"), "{}", page.text);
        let html =
            r#"<span class="byline">By Max Muster</span><p>Text that is long enough here.</p>"#;
        assert_eq!(extract(html).byline.as_deref(), Some("Max Muster"));
        let html =
            r#"<meta name="author" content="Meta Name"><div class="author">Other Name</div>"#;
        assert_eq!(extract(html).byline.as_deref(), Some("Meta Name"));
    }

    #[test]
    fn the_byline_element_is_read_whole_and_its_name_preferred() {
        let body = para("Story words", 4);
        // Nested elements of the byline's own name do not end it; the element
        // marked itemprop=name inside is the name.
        let html = format!(
            r#"<div class="authorInfo"><div class="pic"><a rel="author" href="/p"><img src="a.jpg"></a></div>
            <div class="info">by <a class="author"><span itemprop="name">Steven Musil</span></a>
            <time>January 18, 2017</time></div></div>{body}"#
        );
        assert_eq!(extract(&html).byline.as_deref(), Some("Steven Musil"));
        // Else an element inside marked as the author's; a job title is not it.
        let html = format!(
            r#"<div class="author"><a class="author-link" href="/b">Ben Silverman</a>
            <div class="author-title">Games Editor</div></div>{body}"#
        );
        assert_eq!(extract(&html).byline.as_deref(), Some("Ben Silverman"));
        // A date after a separator or a dash is cut; "By" alone names no one.
        let html = format!(
            r#"<em class="byline__by">By</em> <span class="byline__author">Joshua Sokol</span>
            <p class="byline">Dan Goodin - Apr 16, 2015 8:02 pm UTC</p>{body}"#
        );
        assert_eq!(extract(&html).byline.as_deref(), Some("Joshua Sokol"));
        assert_eq!(
            visible_byline("Dan Goodin - Apr 16, 2015 8:02 pm UTC").as_deref(),
            Some("Dan Goodin")
        );
        assert_eq!(
            visible_byline("James Akinaka • 8h").as_deref(),
            Some("James Akinaka")
        );
        assert_eq!(
            visible_byline("Mary Smith-Jones").as_deref(),
            Some("Mary Smith-Jones")
        );
        assert_eq!(visible_byline("By"), None);
    }

    #[test]
    fn bylines_in_sidebars_follow_boxes_or_sign_in_bars_are_not_the_article_s() {
        let body = para("Story words", 4);
        let html = format!(
            r#"<body class="single sidebar-primary"><div id="authorization">Sign In | Sign Up</div>
            <div class="sidebar"><span class="byline">Other Writer</span></div>
            <div id="FollowAuthor">Yahoo News Exclusives</div>
            <article><div class="article__author">By Scott Cunningham</div>{body}</article></body>"#
        );
        assert_eq!(extract(&html).byline.as_deref(), Some("Scott Cunningham"));
    }
}
