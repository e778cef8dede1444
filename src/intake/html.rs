//! HTML → article: a small, non-recursive tag scanner (no tree, so no depth
//! limit to blow) that collects text blocks with their link density and the
//! classes and ids around them, keeps the blocks of the main article (inside
//! <article> or <main> when the page has one, else the blocks whose context is
//! not navigation, header, footer, sidebar, comments, share or promo), and reads
//! the metadata: <title>, Open Graph and article meta tags, JSON-LD NewsArticle,
//! <time datetime>, <html lang>.

use super::repair::entity;

/// What a page yields before the text pipeline cleans it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Blocks of body text in reading order, joined by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "select", "button", "iframe", "object",
    "canvas", "math",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "br",
    "article",
    "section",
    "blockquote",
    "td",
    "th",
    "tr",
    "pre",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "ul",
    "ol",
    "dd",
    "dt",
    "table",
    "form",
    "hr",
];
const BOILERPLATE: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "sidebar",
    "comment",
    "share",
    "social",
    "related",
    "promo",
    "advert",
    "banner",
    "cookie",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "masthead",
    "widget",
    "popup",
    "modal",
    "caption",
    "credit",
    "byline",
    "toolbar",
    "skip",
    "signup",
    "recommend",
    "outbrain",
    "taboola",
];
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed",
    "param", "track",
];

struct Block {
    text: String,
    link_chars: usize,
    boilerplate: bool,
    in_article: bool,
    heading: bool,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower.get(from..)?.find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = at == 0
            || lower
                .as_bytes()
                .get(at - 1)
                .is_some_and(|b| b.is_ascii_whitespace());
        let rest = lower.get(at + name.len()..)?.trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let raw = tag.get(value_start..)?.trim_start();
        let value = match raw.chars().next()? {
            q @ ('"' | '\'') => raw.get(1..)?.split(q).next()?,
            _ => raw.split(|c: char| c.is_whitespace() || c == '>').next()?,
        };
        return Some(decode(value));
    }
    None
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) {
        if ch == '&' {
            if let Some((decoded, len)) = entity(text, i) {
                out.push_str(&decoded);
                i += len;
                continue;
            }
        }
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Where `</name` starts in `html`, ignoring ASCII case, without copying the page.
fn find_closing_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes.get(from..)?.iter().position(|&b| b == b'<') {
        let start = from + at;
        if bytes.get(start + 1) == Some(&b'/')
            && bytes
                .get(start + 2..start + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// Extract the article from a page.
pub fn extract(html: &str) -> Page {
    let mut page = Page::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = String::new();
    let mut link_chars = 0usize;
    // Open elements: (name, is boilerplate context, is article context)
    let mut stack: Vec<(String, bool, bool)> = Vec::new();
    let mut skip_until: Option<String> = None;
    let mut in_link = 0usize;
    let mut in_title = false;
    let mut title = String::new();
    let mut json_ld: Vec<String> = Vec::new();
    let mut heading = false;
    let mut i = 0;
    let flush = |current: &mut String,
                 link_chars: &mut usize,
                 blocks: &mut Vec<Block>,
                 stack: &[(String, bool, bool)],
                 heading: bool| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(Block {
                text,
                link_chars: *link_chars,
                boilerplate: stack.iter().any(|s| s.1),
                in_article: stack.iter().any(|s| s.2),
                heading,
            });
        }
        current.clear();
        *link_chars = 0;
    };
    while i < html.len() {
        let rest = html.get(i..).unwrap_or("");
        if let Some(name) = skip_until.take() {
            // An element left open to the end of the page (a stray <style> or <svg>)
            // skips only its tag: the rest of the page is not lost.
            if let Some(at) = find_closing_tag(rest, &name) {
                if name == "script" {
                    let body = rest.get(..at).unwrap_or("");
                    if body.contains("\"@type\"") || body.contains("datePublished") {
                        json_ld.push(body.to_string());
                    }
                }
                i += at;
            }
            continue;
        }
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<')
            && rest.get(1..2).is_some_and(|c| {
                c.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
            })
        {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = rest.get(..end).unwrap_or("");
            let name = tag_name(tag);
            let closing = tag.starts_with("</");
            i += end;
            if name == "html" && !closing {
                page.language = attr(tag, "lang");
            }
            if name == "meta" {
                let key = attr(tag, "property")
                    .or_else(|| attr(tag, "name"))
                    .or_else(|| attr(tag, "itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if let Some(content) = attr(tag, "content") {
                    match key.as_str() {
                        "og:title" | "twitter:title" => {
                            page.title = page.title.take().or(Some(content))
                        }
                        "author" | "article:author" | "byl" | "dc.creator" => {
                            page.byline = page.byline.take().or(Some(content))
                        }
                        "article:published_time"
                        | "datepublished"
                        | "pubdate"
                        | "date"
                        | "dc.date"
                        | "publish-date"
                        | "parsely-pub-date"
                        | "sailthru.date" => {
                            page.published = page.published.take().or(Some(content));
                        }
                        "og:site_name" | "application-name" => {
                            page.site_name = page.site_name.take().or(Some(content))
                        }
                        _ => {}
                    }
                }
            }
            if name == "time" && !closing && page.published.is_none() {
                page.published = attr(tag, "datetime");
            }
            if name == "title" {
                in_title = !closing;
                continue;
            }
            if SKIP.contains(&name.as_str()) && !closing {
                if !tag.ends_with("/>") {
                    skip_until = Some(name);
                }
                continue;
            }
            if name == "a" {
                in_link = if closing {
                    in_link.saturating_sub(1)
                } else {
                    in_link + 1
                };
                continue;
            }
            if BLOCK.contains(&name.as_str()) {
                flush(&mut current, &mut link_chars, &mut blocks, &stack, heading);
                heading = false;
                if VOID.contains(&name.as_str()) {
                    continue;
                }
                if closing {
                    if let Some(at) = stack.iter().rposition(|s| s.0 == name) {
                        stack.truncate(at);
                    }
                } else if !tag.ends_with("/>") {
                    let context = format!(
                        "{} {} {}",
                        attr(tag, "class").unwrap_or_default(),
                        attr(tag, "id").unwrap_or_default(),
                        attr(tag, "role").unwrap_or_default()
                    )
                    .to_ascii_lowercase();
                    let boiler = matches!(name.as_str(), "nav" | "footer" | "aside" | "form")
                        || BOILERPLATE.iter().any(|b| context.contains(b));
                    let article = matches!(name.as_str(), "article" | "main")
                        || context.contains("article-body")
                        || context.contains("story-body")
                        || context.contains("entry-content")
                        || context.contains("post-content")
                        || context.contains("article-content");
                    // Bounded: a page nested deeper than this is flattened, not followed.
                    if stack.len() < 512 {
                        stack.push((name.clone(), boiler, article));
                    }
                    heading = name.starts_with('h') && name.len() == 2;
                }
            }
            continue;
        }
        // Text up to the next '<', stepping over the first char whatever its width.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let next = rest
            .get(first..)
            .and_then(|r| r.find('<'))
            .map_or(rest.len(), |p| p + first);
        let chunk = decode(rest.get(..next).unwrap_or(""));
        if in_title {
            title.push_str(&chunk);
        } else {
            if in_link > 0 {
                link_chars += chunk.trim().chars().count();
            }
            current.push_str(&chunk);
        }
        i += next;
    }
    flush(&mut current, &mut link_chars, &mut blocks, &stack, heading);
    let doc_title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if page.title.is_none() && !doc_title.is_empty() {
        page.title = Some(doc_title);
    }
    for body in &json_ld {
        if page.published.is_none() {
            page.published = json_string(body, "datePublished");
        }
        if page.byline.is_none() {
            page.byline =
                json_string(body, "author").or_else(|| json_name_after(body, "\"author\""));
        }
        if page.title.is_none() {
            page.title = json_string(body, "headline");
        }
    }
    let has_article = blocks.iter().any(|b| b.in_article && b.text.len() > 200);
    let good = |b: &Block| {
        let chars = b.text.chars().count();
        !b.boilerplate && b.link_chars * 2 < chars.max(1) && (chars >= 20 || b.heading)
    };
    let kept: Vec<&Block> = blocks
        .iter()
        .filter(|b| good(b))
        .filter(|b| !has_article || b.in_article)
        .collect();
    page.text = kept
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if page.text.is_empty() {
        // A page too small to judge: all of its text.
        page.text = blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    page
}

/// `"key": "value"` in JSON-LD, without a JSON parser's cost on whole pages.
fn json_string(body: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let at = body.find(&needle)? + needle.len();
    let rest = body.get(at..)?.trim_start().strip_prefix(':')?.trim_start();
    let value = rest.strip_prefix('"')?;
    Some(value.get(..value.find('"')?)?.to_string())
}

fn json_name_after(body: &str, key: &str) -> Option<String> {
    let at = body.find(key)?;
    json_string(body.get(at..)?, "name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_left_open_does_not_swallow_the_page() {
        let html = "<html><head><title>T</title></head><body><h1>Talks <style>x{}</h1>\
            <p>The ministers met in Geneva on Monday and agreed to talk again.</p>\
            <svg><p>Officials said the next round would be held in Vienna.</p></body></html>";
        let page = extract(html);
        assert!(
            page.text.contains("ministers met in Geneva"),
            "{}",
            page.text
        );
        assert!(
            page.text.contains("next round would be held"),
            "{}",
            page.text
        );
        assert_eq!(find_closing_tag("a</STYLE>", "style"), Some(1));
        assert_eq!(find_closing_tag("a</styl", "style"), None);
        assert_eq!(find_closing_tag("é</Script ", "script"), Some(2));
    }

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
}
