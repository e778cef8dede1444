//! HTML → article: a small, non-recursive tag scanner (no recursion anywhere,
//! so no depth limit to blow; nesting deeper than [`MAX_DEPTH`] is flattened)
//! that records the block elements of the page as a flat, preorder table
//! (parent, last descendant, class/id weight) and the text blocks inside them
//! (link text, commas), then finds the article the way Readability does:
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

use super::meta::Found;
use super::repair::entity;

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

/// Elements whose content is never text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "select", "button", "iframe", "object",
    "canvas", "textarea",
];
/// Elements that break text into blocks and that the article finder weighs.
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
    "figure",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "table",
    "tbody",
    "thead",
    "form",
    "fieldset",
    "hr",
    "center",
    "address",
    "details",
    "summary",
    "body",
    "picture",
];
/// Blocks that are a paragraph themselves (their parent is the container scored).
const PARAGRAPH: &[&str] = &[
    "p",
    "pre",
    "td",
    "th",
    "li",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "address",
    "summary",
];
/// Class, id or role words of parts that are not the article (Readability's
/// "unlikely candidates" plus the furniture of news sites).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-break",
    "agegate",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cookie",
    "consent",
    "cover-wrap",
    "disqus",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "pagination",
    "pager",
    "popup",
    "modal",
    "share",
    "sharing",
    "newsletter",
    "subscribe",
    "signup",
    "promo",
    "outbrain",
    "taboola",
    "recommend",
    "navigation",
    "navbar",
    "toolbar",
    "skip",
    "byline",
    "author-info",
    "caption",
    "credit",
    "widget",
    "masthead",
    "tags",
    "complementary",
    "dialog",
    "alert",
];
/// Class or id words of furniture inside an article (trafilatura's discard list, abridged).
const DISCARD: &[&str] = &[
    "footer",
    "related",
    "viral",
    "share",
    "sharing",
    "social",
    "sociable",
    "syndication",
    "embed",
    "newsletter",
    "subnav",
    "cookie",
    "consent",
    "sidebar",
    "banner",
    "breadcrumb",
    "bread-crumb",
    "author",
    "byline",
    "button",
    "rating",
    "attachment",
    "timestamp",
    "user-info",
    "user-profile",
    "-ad-",
    "article-infos",
    "infoline",
    "outbrain",
    "taboola",
    "criteo",
    "modal",
    "paid-content",
    "paywall",
    "next-post",
    "post-nav",
    "side-stories",
    "most-popular",
    "factbox",
    "comments-title",
    "nocomments",
    "akismet",
    "noprint",
    "hide-",
    "caption",
    "credit",
    "subscribe",
    "signup",
    "promo",
    "recommend",
    "widget",
    "menu",
    "navigation",
    "navbar",
    "skip",
    "print-only",
    "disclaimer",
    "disclosure",
    "meta",
    "teasers",
    "kommentar",
    "respond",
    "toc_container",
    "toc-container",
    "entry-utility",
];
/// Class or id words of a standfirst, which often stands apart from the body.
const LEAD: &[&str] = &[
    "lead",
    "intro",
    "teaser",
    "chapo",
    "excerpt",
    "summary",
    "standfirst",
    "abstract",
    "vorspann",
    "perex",
    "bajada",
    "subtitle",
    "subheadline",
    "sub-headline",
    "deck",
    "kicker",
    "sumario",
];
/// Words that keep a part with an unlikely word in its name ("article-header").
const MAYBE: &[&str] = &[
    "and",
    "article",
    "body",
    "column",
    "content",
    "main",
    "mathjax",
    "shadow",
    "story",
    "entry",
    "post-text",
];
/// Class and id words that weigh a container up.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story", "prose",
];
/// Class and id words that weigh a container down.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "nav",
    "menu",
    "social",
    "byline",
    "author",
    "caption",
    "cookie",
    "newsletter",
    "breadcrumb",
];
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed",
    "param", "track",
];
/// Nesting deeper than this is flattened into the deepest element kept.
const MAX_DEPTH: usize = 512;
const NONE: usize = usize::MAX;

/// A block element of the page, in document (preorder) order.
#[derive(Debug, Clone)]
struct Node {
    name: String,
    parent: usize,
    /// Index of the last node inside this one (the subtree is `self..=end`).
    end: usize,
    /// Class and id weight (Readability's ±25 each).
    weight: f64,
    /// Its own class, id or role names it as furniture.
    unlikely: bool,
    /// Its class or id names furniture that may sit inside an article (share
    /// bar, author box, related links, embedded post): dropped from inside the
    /// article whatever else the name says.
    discard: bool,
    /// Its class or id names the standfirst (lead, intro, teaser, summary).
    lead: bool,
    /// Furniture by its tag (nav, aside, footer) or hidden by style or attribute.
    hard: bool,
    /// The class attribute, to find siblings of the same kind.
    class: String,
    /// A table marked as data by its markup (summary, th, thead, caption, col…).
    data_hint: bool,
    /// A table marked as layout (role=presentation).
    layout: bool,
    /// Inside a data table (or one itself).
    in_data: bool,
    /// Holds a data table.
    has_data: bool,
    /// Inside a list (or one itself).
    in_list: bool,
    /// The outermost list this node is in (or itself), or `NONE`.
    list_top: usize,
    /// Text inside lists, of `chars`.
    list_chars: usize,

    // Totals over the text inside (the blocks kept in the current pass).
    chars: usize,
    link_chars: usize,
    commas: usize,
    paragraphs: usize,
    /// Headings inside that are all link text (the headlines of teasers).
    headlines: usize,
    score: f64,
    scored: bool,
}

struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    commas: usize,
    /// Innermost block element around the text.
    node: usize,
    heading: bool,
    /// Holds a `<time>` element (a date line, when short).
    dated: bool,
}

/// How strict a pass of the article finder is.
#[derive(Clone, Copy)]
struct Pass {
    strip_unlikely: bool,
    weigh_classes: bool,
    clean: bool,
}

/// The value of attribute `name` (ASCII, lowercase) in a start tag, found
/// ignoring ASCII case without copying the tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(found) = find_ascii_ci(tag.get(from..)?, name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = at == 0
            || tag
                .as_bytes()
                .get(at - 1)
                .is_some_and(|b| b.is_ascii_whitespace());
        let rest = tag.get(at + name.len()..)?.trim_start();
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

/// A bare attribute (`<div hidden>`): the name stands alone among the attributes.
fn has_flag(tag: &str, name: &str) -> bool {
    tag.trim_end_matches(['>', '/'])
        .split_whitespace()
        .skip(1)
        .any(|w| w.eq_ignore_ascii_case(name))
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

/// Length of the tag at the start of `rest`, up to its `>`: a `>` inside a
/// quoted attribute value (JSON, inline HTML) does not end it; a quote left
/// open falls back to the first `>`.
fn tag_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let plain = rest.find('>').map_or(rest.len(), |e| e + 1);
    let mut i = 1;
    let mut after_equals = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return i + 1,
            b'"' | b'\'' if after_equals => {
                let close = bytes
                    .get(i + 1..)
                    .and_then(|r| r.iter().position(|&c| c == b));
                match close {
                    Some(at) => i += at + 2,
                    None => return plain,
                }
                after_equals = false;
                continue;
            }
            b'=' => after_equals = true,
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    plain
}

/// Length of an element's content and end tag, `rest` starting after its
/// start tag: elements of the same name nested inside are counted; an
/// element never closed ends at its first end tag of any kind, or at once.
fn element_end(rest: &str, name: &str) -> usize {
    let bytes = rest.as_bytes();
    let n = name.len();
    let mut depth = 1usize;
    let mut at = 0;
    while let Some(found) = bytes
        .get(at..)
        .and_then(|r| r.iter().position(|&b| b == b'<'))
    {
        at += found + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let start = at + usize::from(closing);
        let named = bytes
            .get(start..start + n)
            .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
            && !bytes
                .get(start + n)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
        if !named {
            continue;
        }
        if closing {
            depth -= 1;
            if depth == 0 {
                return rest
                    .get(at..)
                    .and_then(|r| r.find('>'))
                    .map_or(rest.len(), |e| at + e + 1);
            }
        } else {
            depth += 1;
        }
    }
    0
}

/// Byte offset of `needle` (ASCII, lowercase) in `hay`, ignoring ASCII case; no copy.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    let mut at = 0;
    while at + n.len() <= h.len() {
        let rest = h.get(at..)?;
        let skip = rest.iter().position(|b| b.to_ascii_lowercase() == first)?;
        at += skip;
        if h.get(at..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Readability's class weight: +25 for an article-like class, −25 for a
/// furniture-like one, the same again for the id.
fn class_weight(class: &str, id: &str, slug: bool) -> f64 {
    let mut weight = 0.0;
    for name in [class, id] {
        if name.is_empty() {
            continue;
        }
        if NEGATIVE.iter().any(|w| name.contains(w)) && !(slug && name == id) {
            weight -= 25.0;
        }
        if POSITIVE.iter().any(|w| name.contains(w)) {
            weight += 25.0;
        }
    }
    weight
}

/// Readability's first score of a container, by its tag.
fn tag_score(name: &str) -> f64 {
    match name {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Characters of `text` once trimmed and with each run of white space made
/// one space (as the block's text is counted), without building it.
fn squashed_len(text: &str) -> usize {
    let mut n = 0;
    let mut gap = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            gap = true;
        } else {
            n += 1 + usize::from(gap);
            gap = false;
        }
    }
    n
}

fn commas(text: &str) -> usize {
    text.chars()
        .filter(|c| {
            matches!(
                c,
                ',' | '，' | '、' | '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲'
            )
        })
        .count()
}

/// The page as a flat table of block elements and the text blocks inside them.
struct Scan {
    nodes: Vec<Node>,
    blocks: Vec<Block>,
}

/// Extract the article from a page.
pub fn extract(html: &str) -> Page {
    let mut page = Page::default();
    let mut found = Found::default();
    let scan = scan(html, &mut page, &mut found);
    (
        page.title,
        page.byline,
        page.published,
        page.site_name,
        page.language,
    ) = found.resolve();
    page.text = article_text(scan);
    page
}

/// Hidden by its style, its attributes or a class that means hidden.
fn is_hidden(tag: &str, class: &str) -> bool {
    let style = attr(tag, "style")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace(' ', "");
    style.contains("display:none")
        || style.contains("visibility:hidden")
        || has_flag(tag, "hidden")
        || attr(tag, "hidden").is_some()
        || attr(tag, "aria-hidden").is_some_and(|v| v == "true") && !class.contains("fallback")
        || class.split_whitespace().any(|c| {
            matches!(
                c,
                "hidden"
                    | "sr-only"
                    | "visually-hidden"
                    | "screen-reader-text"
                    | "d-none"
                    | "hide"
                    | "is-hidden"
                    | "invisible"
            )
        })
}

fn new_node(name: &str, parent: usize, tag: &str) -> Node {
    let class = attr(tag, "class").unwrap_or_default().to_ascii_lowercase();
    let id = attr(tag, "id").unwrap_or_default().to_ascii_lowercase();
    // An id made of a heading's words ("sharing-with-a-single-developer") names
    // the text, not a part of the page.
    let slug = id.len() >= 24 && id.split(['-', '_']).filter(|w| !w.is_empty()).count() >= 4;
    let role = attr(tag, "role").unwrap_or_default().to_ascii_lowercase();
    // A class that says a part is absent ("no-sidebar", "no_caption") does not name it.
    let named: std::borrow::Cow<str> = if class.contains("no-") || class.contains("no_") {
        class
            .split_whitespace()
            .filter(|c| !c.starts_with("no-") && !c.starts_with("no_"))
            .collect::<Vec<_>>()
            .join(" ")
            .into()
    } else {
        class.as_str().into()
    };
    let names = if slug {
        format!("{named} {role}")
    } else {
        format!("{named} {id} {role}")
    };
    let hidden = is_hidden(tag, &class);
    let article_body =
        attr(tag, "itemprop").is_some_and(|v| v.to_ascii_lowercase().contains("articlebody"));
    // Tables are data, whatever their class says ("table-header").
    let unlikely = !matches!(
        name,
        "body" | "table" | "thead" | "tbody" | "tr" | "td" | "th"
    ) && !article_body
        && UNLIKELY.iter().any(|w| names.contains(w))
        && !MAYBE.iter().any(|w| names.contains(w))
        || matches!(
            role.as_str(),
            "navigation"
                | "menu"
                | "menubar"
                | "complementary"
                | "alert"
                | "alertdialog"
                | "dialog"
        );
    Node {
        name: name.to_string(),
        parent,
        end: 0,
        weight: class_weight(&named, &id, slug) + if article_body { 25.0 } else { 0.0 },
        unlikely,
        lead: LEAD.iter().any(|w| names.contains(w)),
        discard: !article_body && DISCARD.iter().any(|w| names.contains(w)),
        hard: hidden
            || matches!(name, "nav" | "aside" | "footer")
            || matches!(name, "figure" | "figcaption" | "picture"),
        data_hint: name == "table" && attr(tag, "summary").is_some(),
        layout: name == "table"
            && (role == "presentation" || attr(tag, "datatable").is_some_and(|v| v == "0")),
        in_data: false,
        has_data: false,
        in_list: false,
        list_top: NONE,
        list_chars: 0,
        class,
        chars: 0,
        link_chars: 0,
        commas: 0,
        paragraphs: 0,
        headlines: 0,
        score: 0.0,
        scored: false,
    }
}

/// The scanning pass: dates shown into `page`, metadata into `found`, block
/// elements and text blocks out.
fn scan(html: &str, page: &mut Page, found: &mut Found) -> Scan {
    let mut nodes: Vec<Node> = vec![new_node("#root", NONE, "")];
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = String::new();
    let mut link_chars = 0usize;
    // Open block elements, as indices into `nodes` (the root always first).
    let mut stack: Vec<usize> = vec![0];
    let mut skip_until: Option<String> = None;
    // The script skipped is JSON-LD by its type.
    let mut ld_script = false;
    // The stack depth where an open link started (links do not nest; one left
    // open ends with the block it started in).
    let mut link_at: Option<usize> = None;
    // An in-page link (`href="#…"`, a table of contents) counts for less.
    let mut link_hash = false;
    let mut in_title = false;
    let mut title = String::new();
    let mut heading = false;
    let mut dated = false;
    // A byline element open now (its tag name, its text so far), and the byline found.
    let mut bylines = Bylines::default();
    // The same for an element named as a date.
    let mut date_open: Option<(String, String)> = None;
    let mut i = 0;
    let flush = |current: &mut String,
                 link_chars: &mut usize,
                 dated: &mut bool,
                 blocks: &mut Vec<Block>,
                 stack: &[usize],
                 heading: bool| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(Block {
                chars: text.chars().count(),
                commas: commas(&text),
                text,
                link_chars: *link_chars,
                node: stack.last().copied().unwrap_or(0),
                heading,
                dated: *dated,
            });
        }
        current.clear();
        *link_chars = 0;
        *dated = false;
    };
    let close = |nodes: &mut Vec<Node>, stack: &mut Vec<usize>, at: usize| {
        let last = nodes.len().saturating_sub(1);
        for &open in stack.get(at..).unwrap_or(&[]) {
            if let Some(node) = nodes.get_mut(open) {
                node.end = last;
            }
        }
        stack.truncate(at.max(1));
    };
    while i < html.len() {
        let rest = html.get(i..).unwrap_or("");
        if let Some(name) = skip_until.take() {
            // An element left open to the end of the page (a stray <style> or <svg>)
            // skips only its tag: the rest of the page is not lost.
            if let Some(at) = find_ascii_ci(rest, &format!("</{name}")) {
                if name == "script" {
                    found.script(rest.get(..at).unwrap_or(""), ld_script);
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
            let end = tag_end(rest);
            let tag = rest.get(..end).unwrap_or("");
            let name = tag_name(tag);
            let closing = tag.starts_with("</");
            i += end;
            if matches!(name.as_str(), "html" | "meta" | "time") && !closing {
                dated |= name == "time";
                read_meta(&name, tag, found);
            }
            if name == "title" {
                // A <title> inside <svg> or <body> text is not the page's.
                in_title = !closing && title.is_empty();
                continue;
            }
            if SKIP.contains(&name.as_str()) && !closing {
                if !tag.ends_with("/>") {
                    ld_script = name == "script"
                        && attr(tag, "type")
                            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                    skip_until = Some(name);
                }
                continue;
            }
            if page.shown_dates.len() < 3 {
                match &mut date_open {
                    None if !closing && !tag.ends_with("/>") && is_date_tag(tag) => {
                        date_open = Some((name.clone(), String::new()));
                    }
                    Some((open, text)) if closing && *open == name => {
                        let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if squashed.len() < 80 && squashed.chars().any(|c| c.is_ascii_digit()) {
                            page.shown_dates.push(squashed);
                        }
                        date_open = None;
                    }
                    _ => {}
                }
            }
            if bylines.found.is_none() && !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
                // A byline inside navigation, a sidebar or comments is not the
                // article's (the page's and article's own classes aside).
                let furniture = || {
                    stack.iter().any(|&n| {
                        nodes.get(n).is_some_and(|x| {
                            x.name == "nav"
                                || !matches!(x.name.as_str(), "body" | "article" | "main")
                                    && x.class.split_whitespace().any(|c| {
                                        c.starts_with("comment") || c.starts_with("sidebar")
                                    })
                        })
                    })
                };
                bylines.tag(&name, tag, closing, furniture);
                if let Some(name) = &bylines.found {
                    found.visible_byline(name);
                }
            }
            if !closing
                && matches!(
                    name.as_str(),
                    "caption" | "colgroup" | "col" | "tfoot" | "thead" | "th"
                )
            {
                let table = stack
                    .iter()
                    .rposition(|&n| nodes.get(n).is_some_and(|x| x.name == "table"))
                    .and_then(|at| stack.get(at).copied());
                if let Some(node) = table.and_then(|t| nodes.get_mut(t)) {
                    node.data_hint = true;
                }
            }
            if name == "a" {
                link_at = (!closing && !tag.ends_with("/>")).then_some(stack.len());
                link_hash = link_at.is_some()
                    && attr(tag, "href").is_some_and(|h| h.len() > 1 && h.starts_with('#'));
                continue;
            }
            if !closing
                && !tag.ends_with("/>")
                && !BLOCK.contains(&name.as_str())
                && !VOID.contains(&name.as_str())
                // Cheap test first: most inline tags name nothing hidden.
                && ["hid", "none", "sr-only", "screen-reader", "invisible"]
                    .iter()
                    .any(|w| find_ascii_ci(tag, w).is_some())
                && is_hidden(
                    tag,
                    &attr(tag, "class").unwrap_or_default().to_ascii_lowercase(),
                )
            {
                // A hidden inline element (a span shown only to machines): its text is not the page's.
                i += element_end(html.get(i..).unwrap_or(""), &name);
                continue;
            }
            if BLOCK.contains(&name.as_str()) {
                flush(
                    &mut current,
                    &mut link_chars,
                    &mut dated,
                    &mut blocks,
                    &stack,
                    heading,
                );
                heading = false;
                if VOID.contains(&name.as_str()) {
                    continue;
                }
                if closing {
                    let open = stack
                        .iter()
                        .rposition(|&n| nodes.get(n).is_some_and(|node| node.name == name));
                    if let Some(at) = open.filter(|&at| at > 0) {
                        close(&mut nodes, &mut stack, at);
                        if link_at.is_some_and(|d| d > stack.len()) {
                            link_at = None;
                        }
                    }
                } else if !tag.ends_with("/>") {
                    // A block start closes an open <p>; a list item closes the one before.
                    if let Some(&top) = stack.last() {
                        let top_name = nodes.get(top).map_or("", |n| n.name.as_str());
                        if top_name == "p"
                            || (top_name == name && matches!(top_name, "li" | "dt" | "dd"))
                        {
                            let at = stack.len() - 1;
                            close(&mut nodes, &mut stack, at);
                        }
                    }
                    // Bounded: a page nested deeper than this is flattened, not followed.
                    if stack.len() < MAX_DEPTH {
                        let parent = stack.last().copied().unwrap_or(0);
                        nodes.push(new_node(&name, parent, tag));
                        stack.push(nodes.len() - 1);
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
        bylines.text(&chunk);
        if let Some((_, text)) = &mut date_open {
            if text.len() < 400 {
                text.push_str(&chunk);
            }
        }
        if in_title {
            title.push_str(&chunk);
        } else {
            if link_at.is_some() {
                let n = squashed_len(&chunk);
                link_chars += if link_hash { (n * 3).div_ceil(10) } else { n };
            }
            current.push_str(&chunk);
        }
        i += next;
    }
    flush(
        &mut current,
        &mut link_chars,
        &mut dated,
        &mut blocks,
        &stack,
        heading,
    );
    close(&mut nodes, &mut stack, 0);
    let last = nodes.len().saturating_sub(1);
    if let Some(root) = nodes.first_mut() {
        root.end = last;
    }
    mark_tables_and_lists(&mut nodes);
    found.doc_title(&title);
    Scan { nodes, blocks }
}

/// Readability's data tables (whose cells are never cleaned) and the parts
/// of the page inside lists. Preorder: parents come before their children.
fn mark_tables_and_lists(nodes: &mut [Node]) {
    let count = nodes.len();
    // The nearest table and row above each node.
    let mut table_of = vec![NONE; count];
    let mut row_of = vec![NONE; count];
    for n in 1..count {
        let Some(node) = nodes.get(n) else { continue };
        let p = node.parent;
        let (pt, pr, pname) = match nodes.get(p) {
            Some(parent) => (
                table_of.get(p).copied().unwrap_or(NONE),
                row_of.get(p).copied().unwrap_or(NONE),
                parent.name.as_str(),
            ),
            None => (NONE, NONE, ""),
        };
        if let Some(slot) = table_of.get_mut(n) {
            *slot = if pname == "table" { p } else { pt };
        }
        if let Some(slot) = row_of.get_mut(n) {
            *slot = if pname == "tr" {
                p
            } else if pname == "table" {
                NONE
            } else {
                pr
            };
        }
    }
    let mut rows = vec![0usize; count];
    let mut cells = vec![0usize; count];
    let mut nested = vec![false; count];
    for n in 1..count {
        let Some(node) = nodes.get(n) else { continue };
        let t = table_of.get(n).copied().unwrap_or(NONE);
        match node.name.as_str() {
            "tr" => {
                if let Some(r) = rows.get_mut(t) {
                    *r += 1;
                }
            }
            "td" | "th" => {
                if let Some(c) = row_of.get(n).and_then(|&r| cells.get_mut(r)) {
                    *c += 1;
                }
            }
            "table" => {
                if let Some(flag) = nested.get_mut(t) {
                    *flag = true;
                }
            }
            _ => {}
        }
    }
    let mut columns = vec![0usize; count];
    for n in 1..count {
        if nodes.get(n).is_some_and(|x| x.name == "tr") {
            let t = table_of.get(n).copied().unwrap_or(NONE);
            let c = cells.get(n).copied().unwrap_or(0);
            if let Some(cols) = columns.get_mut(t) {
                *cols = (*cols).max(c);
            }
        }
    }
    for n in 1..count {
        let parent = nodes.get(n).map_or(NONE, |x| x.parent);
        let (p_data, p_list, p_top) = nodes
            .get(parent)
            .map_or((false, false, NONE), |x| (x.in_data, x.in_list, x.list_top));
        let (r, c, nest) = (
            rows.get(n).copied().unwrap_or(0),
            columns.get(n).copied().unwrap_or(0),
            nested.get(n).copied().unwrap_or(false),
        );
        let Some(node) = nodes.get_mut(n) else {
            continue;
        };
        let data = node.name == "table"
            && !node.layout
            && (node.data_hint || !nest && (r >= 10 || c > 4 || r * c > 10));
        node.in_data = p_data || data;
        node.in_list = p_list || matches!(node.name.as_str(), "ul" | "ol");
        node.list_top = if p_top != NONE {
            p_top
        } else if matches!(node.name.as_str(), "ul" | "ol") {
            n
        } else {
            NONE
        };
    }
    for n in (1..count).rev() {
        let Some(node) = nodes.get(n) else { continue };
        let (p, has) = (node.parent, node.has_data || node.in_data);
        if let Some(parent) = nodes.get_mut(p) {
            parent.has_data |= has;
        }
    }
}

/// The metadata an `<html>`, `<meta>` or `<time>` start tag gives (apart
/// from the scanning loop, which stays small).
#[inline(never)]
fn read_meta(name: &str, tag: &str, found: &mut Found) {
    match name {
        "html" => {
            if let Some(lang) = attr(tag, "lang") {
                found.html_lang(&lang, false);
            }
            if let Some(lang) = attr(tag, "xml:lang") {
                found.html_lang(&lang, true);
            }
        }
        "meta" => {
            if let Some(content) = attr(tag, "content") {
                let key = attr(tag, "name")
                    .or_else(|| attr(tag, "itemprop"))
                    .or_else(|| attr(tag, "http-equiv"));
                found.meta(attr(tag, "property").as_deref(), key.as_deref(), &content);
            }
        }
        _ => {
            if let Some(datetime) = attr(tag, "datetime") {
                let itemprop =
                    attr(tag, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                found.time(&datetime, itemprop);
            }
        }
    }
}

/// A tag's class and id, lower-cased, for matching names in them.
fn class_and_id(tag: &str) -> String {
    format!(
        "{} {}",
        attr(tag, "class").unwrap_or_default(),
        attr(tag, "id").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

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
struct Bylines {
    open: Vec<Capture>,
    found: Option<String>,
}

impl Bylines {
    /// A start or end tag (not a void or self-closed one).
    fn tag(&mut self, name: &str, tag: &str, closing: bool, furniture: impl Fn() -> bool) {
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

    fn text(&mut self, chunk: &str) {
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

/// A tag whose name marks its content as the date of publication.
fn is_date_tag(tag: &str) -> bool {
    let names = class_and_id(tag);
    [
        "date",
        "publish",
        "timestamp",
        "posted",
        "dateline",
        "datum",
        "fecha",
    ]
    .iter()
    .any(|w| names.contains(w))
        && !names.contains("update")
        && !names.contains("modif")
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

/// The article's blocks in reading order, joined by blank lines: the strictest
/// pass that yields enough text; a looser pass counts only when it yields more
/// than twice as much as the passes before (a short page keeps its strict reading).
fn article_text(mut scan: Scan) -> String {
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
    for pass in passes {
        let kept = select(&mut scan, pass);
        let text = join(&scan.blocks, &kept);
        if text.len() > best.len() * 2 {
            best = text;
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

fn join(blocks: &[Block], kept: &[usize]) -> String {
    kept.iter()
        .filter_map(|&b| blocks.get(b))
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One pass of the article finder: the indices of the blocks kept.
fn select(scan: &mut Scan, pass: Pass) -> Vec<usize> {
    let Scan { nodes, blocks, .. } = scan;
    let count = nodes.len();
    // Which nodes are out before scoring: hidden, nav/aside/footer, and (strict
    // pass) unlikely names. Preorder: a parent's flag is known before its children's.
    let mut out = vec![false; count];
    for n in 0..count {
        let Some(node) = nodes.get(n) else { continue };
        let parent_out = out.get(node.parent).copied().unwrap_or(false);
        let own = node.hard || (pass.strip_unlikely && node.unlikely);
        if let Some(flag) = out.get_mut(n) {
            *flag = parent_out || own;
        }
    }
    for node in nodes.iter_mut() {
        node.chars = 0;
        node.list_chars = 0;
        node.link_chars = 0;
        node.commas = 0;
        node.paragraphs = 0;
        node.headlines = 0;
        node.score = 0.0;
        node.scored = false;
    }
    let live = |b: &Block| !out.get(b.node).copied().unwrap_or(true);
    for b in blocks.iter().filter(|b| live(b)) {
        if let Some(node) = nodes.get_mut(b.node) {
            node.chars += b.chars;
            if node.in_list {
                node.list_chars += b.chars;
            }
            node.link_chars += b.link_chars.min(b.chars);
            node.commas += b.commas;
            if b.chars >= 25 {
                node.paragraphs += 1;
            }
            if b.heading && b.link_chars * 10 >= b.chars * 9 {
                node.headlines += 1;
            }
        }
    }
    // Totals up the tree: children come after parents, so one reverse sweep.
    for n in (1..count).rev() {
        let Some(node) = nodes.get(n) else { continue };
        let (p, chars, links, c, paras, list, heads) = (
            node.parent,
            node.chars,
            node.link_chars,
            node.commas,
            node.paragraphs,
            node.list_chars,
            node.headlines,
        );
        if let Some(parent) = nodes.get_mut(p) {
            parent.chars += chars;
            parent.list_chars += list;
            parent.link_chars += links;
            parent.commas += c;
            parent.paragraphs += paras;
            parent.headlines += heads;
        }
    }
    // Score: each paragraph gives its container, the container's parent half,
    // and three more ancestors a third, a sixth… of its score. A <section> is
    // scored as a paragraph too, on all of its text (Readability scores
    // sections so): the parts of a page give the element that holds them.
    let mut credits: Vec<(usize, f64)> = Vec::with_capacity(blocks.len());
    for b in blocks.iter().filter(|b| live(b)) {
        if b.chars < 25 || b.link_chars * 2 > b.chars {
            continue;
        }
        let score = 1.0 + b.commas as f64 + (b.chars / 100).min(3) as f64;
        match nodes.get(b.node) {
            Some(node) if PARAGRAPH.contains(&node.name.as_str()) => {
                credits.push((node.parent, score));
            }
            Some(_) => credits.push((b.node, score)),
            None => {}
        }
    }
    for (n, node) in nodes.iter().enumerate() {
        if node.name == "section"
            && !out.get(n).copied().unwrap_or(true)
            && node.chars >= 25
            && node.link_chars * 2 <= node.chars
        {
            let score = 1.0 + node.commas as f64 + (node.chars / 100).min(3) as f64;
            credits.push((node.parent, score));
        }
    }
    for (start, score) in credits {
        let mut at = start;
        let mut level = 0;
        while level < 5 && at != NONE && at != 0 {
            let Some(node) = nodes.get_mut(at) else { break };
            if !node.scored {
                node.scored = true;
                node.score =
                    tag_score(&node.name) + if pass.weigh_classes { node.weight } else { 0.0 };
            }
            node.score += match level {
                0 => score,
                1 => score / 2.0,
                _ => score / (level as f64 * 3.0),
            };
            at = node.parent;
            level += 1;
        }
    }
    let density = |node: &Node| node.link_chars as f64 / node.chars.max(1) as f64;
    for node in nodes.iter_mut().filter(|n| n.scored) {
        node.score *= 1.0 - density(node);
    }
    let score_of = |nodes: &[Node], n: usize| nodes.get(n).map_or(0.0, |x| x.score);
    // The five best containers, best first.
    let mut best: Vec<usize> = Vec::with_capacity(6);
    for n in 1..count {
        if !nodes.get(n).is_some_and(|x| x.scored) || out.get(n).copied().unwrap_or(true) {
            continue;
        }
        let at = best
            .iter()
            .position(|&b| score_of(nodes, n) > score_of(nodes, b))
            .unwrap_or(best.len());
        if at < 5 {
            best.insert(at, n);
            best.truncate(5);
        }
    }
    let Some(mut top) = best.first().copied() else {
        return Vec::new();
    };
    // When three other near-best containers share an ancestor with the best,
    // the article is split in parts: that ancestor is the article.
    let top_score = score_of(nodes, top);
    let inside =
        |nodes: &[Node], a: usize, n: usize| a < n && nodes.get(a).is_some_and(|x| n <= x.end);
    // Containers that hold the best or sit in it are the same part, not others.
    let near: Vec<usize> = best
        .iter()
        .skip(1)
        .copied()
        .filter(|&n| top_score > 0.0 && score_of(nodes, n) / top_score >= 0.75)
        .filter(|&n| !inside(nodes, n, top) && !inside(nodes, top, n))
        .collect();
    if near.len() >= 3 {
        let mut up = nodes.get(top).map_or(NONE, |x| x.parent);
        while up != NONE && up != 0 && nodes.get(up).is_some_and(|x| x.name != "body") {
            if near.iter().filter(|&&n| inside(nodes, up, n)).count() >= 3 {
                top = up;
                break;
            }
            up = nodes.get(up).map_or(NONE, |x| x.parent);
        }
    }
    if let Some(node) = nodes.get_mut(top) {
        if !node.scored {
            node.scored = true;
            node.score = tag_score(&node.name) + if pass.weigh_classes { node.weight } else { 0.0 };
        }
    }
    // Climb while an ancestor holds nearly as much (the article is split in
    // parts). Whether it holds more is judged by the score its text earned,
    // without the tag's and the class's head start: a wrapper named "main"
    // or "content" does not outrank the article it holds by its name alone.
    let earned = |node: &Node| {
        let prior = tag_score(&node.name) + if pass.weigh_classes { node.weight } else { 0.0 };
        node.score - prior * (1.0 - density(node))
    };
    let threshold = score_of(nodes, top) / 3.0;
    let mut last_earned = nodes.get(top).map_or(0.0, earned);
    let mut parent = nodes.get(top).map_or(NONE, |x| x.parent);
    while parent != NONE && parent != 0 {
        let Some(node) = nodes.get(parent) else { break };
        if node.scored {
            if node.score < threshold {
                break;
            }
            if earned(node) > last_earned {
                top = parent;
                break;
            }
            last_earned = earned(node);
        }
        parent = node.parent;
    }
    // Climb through wrappers that hold nothing else.
    while let Some(node) = nodes.get(top) {
        let p = node.parent;
        if p == NONE || p == 0 {
            break;
        }
        let Some(up) = nodes.get(p) else { break };
        if up.chars > node.chars || up.name == "body" {
            break;
        }
        top = p;
    }
    // Inside an <article>: what it holds before the body (headline, standfirst)
    // belongs to the article; what follows the body there is mostly furniture.
    let mut up = nodes.get(top).map_or(NONE, |x| x.parent);
    let mut article_at = NONE;
    while up != NONE && up != 0 {
        let Some(node) = nodes.get(up) else { break };
        if node.name == "article" && !out.get(up).copied().unwrap_or(true) {
            article_at = up;
            break;
        }
        up = node.parent;
    }
    // The article: the top container and the siblings that score near it.
    let top_node = nodes.get(top).cloned();
    let Some(top_node) = top_node else {
        return Vec::new();
    };
    let top_score = top_node.score;
    let threshold = (top_score * 0.2).max(10.0);
    let mut roots: Vec<usize> = Vec::new();
    let parent = top_node.parent;
    let siblings: Vec<usize> = match nodes.get(parent) {
        Some(p) if parent != NONE => ((parent + 1)..=p.end.min(count - 1))
            .filter(|&n| nodes.get(n).is_some_and(|x| x.parent == parent))
            .collect(),
        _ => vec![top],
    };
    // The last text block directly in each node, for the sibling test below.
    let mut last_block: Vec<Option<usize>> = vec![None; count];
    for (i, b) in blocks.iter().enumerate() {
        if let Some(slot) = last_block.get_mut(b.node) {
            *slot = Some(i);
        }
    }
    for &s in &siblings {
        if out.get(s).copied().unwrap_or(true) && s != top {
            continue;
        }
        let Some(node) = nodes.get(s) else { continue };
        let keep = if s == top {
            true
        } else {
            let bonus = if !top_node.class.is_empty() && node.class == top_node.class {
                top_score * 0.2
            } else {
                0.0
            };
            // A sibling of the same class whose paragraphs sit too deep to score it
            // is judged by the best container inside it.
            let deep = if bonus > 0.0 {
                (s..=node.end.min(count - 1))
                    .filter_map(|n| nodes.get(n))
                    .filter(|x| x.scored)
                    .map(|x| x.score)
                    .fold(0.0, f64::max)
            } else {
                0.0
            };
            if node.scored && node.score + bonus >= threshold || deep >= threshold {
                true
            } else if node.name == "p" {
                let d = density(node);
                let last_char = (s..=node.end.min(count - 1))
                    .filter_map(|n| last_block.get(n).copied().flatten())
                    .max()
                    .and_then(|b| blocks.get(b))
                    .and_then(|b| b.text.chars().last());
                (node.chars > 80 && d < 0.25)
                    || (node.chars > 0 && node.chars <= 80 && d == 0.0 && last_char == Some('.'))
            } else {
                false
            }
        };
        if keep {
            roots.push(s);
        }
    }
    // Conditional cleaning inside the article: containers that are mostly
    // links, few commas and little text, or named as furniture, go.
    let mut dropped = vec![false; count];
    let top_chars = top_node.chars;
    // The node of the article's last paragraph of prose: lists before it are
    // part of the text, lists after it are mostly furniture.
    let last_prose = blocks
        .iter()
        .rev()
        .find(|b| {
            live(b)
                && b.chars >= 80
                && b.link_chars * 4 < b.chars
                && roots
                    .iter()
                    .any(|&r| r <= b.node && nodes.get(r).is_some_and(|x| b.node <= x.end))
                && !nodes.get(b.node).is_some_and(|x| x.in_list)
        })
        .map_or(0, |b| b.node);
    // Lists the text introduces, the line before them ending in a colon ("In
    // progress:", "the steps are:"): their items are the text's, whatever
    // their links. Preorder: whatever is inside such a list is marked too.
    let mut first_block = vec![NONE; count];
    for (i, b) in blocks.iter().enumerate().rev() {
        if let Some(slot) = first_block.get_mut(b.node) {
            *slot = i;
        }
    }
    for n in (1..count).rev() {
        let (p, own) = (
            nodes.get(n).map_or(NONE, |x| x.parent),
            first_block.get(n).copied().unwrap_or(NONE),
        );
        if let Some(slot) = first_block.get_mut(p) {
            *slot = (*slot).min(own);
        }
    }
    let mut introduced = vec![false; count];
    for n in 1..count {
        let Some(node) = nodes.get(n) else { continue };
        let inherited = introduced.get(node.parent).copied().unwrap_or(false);
        let own = matches!(node.name.as_str(), "ul" | "ol")
            && nodes.get(node.parent).is_some_and(|p| p.name == "li")
            // The item's own text just before the sub-list.
            && first_block
                .get(n)
                .and_then(|&f| blocks.get(f.checked_sub(1)?))
                .is_some_and(|b| b.node == node.parent && live(b) && b.text.ends_with(':'));
        if let Some(flag) = introduced.get_mut(n) {
            *flag = inherited || own;
        }
    }
    for &root in &roots {
        let Some(end) = nodes.get(root).map(|x| x.end) else {
            continue;
        };
        for n in (root + 1)..=end.min(count - 1) {
            let Some(node) = nodes.get(n) else { continue };
            let parent_dropped = dropped.get(node.parent).copied().unwrap_or(false);
            // Readability never cleans data tables, nor what holds them.
            let protected =
                node.in_data || node.has_data || introduced.get(n).copied().unwrap_or(false);
            let is_list = node.list_chars * 10 > node.chars * 9;
            let own = !protected && pass.clean && node.discard && node.chars * 2 < top_chars
                || !protected
                    && pass.clean
                    && {
                        let weight = if pass.weigh_classes { node.weight } else { 0.0 };
                        let d = density(node);
                        let container = matches!(
                            node.name.as_str(),
                            "div"
                                | "section"
                                | "ul"
                                | "ol"
                                | "table"
                                | "form"
                                | "fieldset"
                                | "dl"
                                | "header"
                                | "aside"
                                | "figure"
                        );
                        container
                        && node.commas < 10
                        // A list amid the prose goes only when named as content
                        // and mostly links (Readability's rule for lists).
                        && if is_list && node.end < last_prose {
                            weight >= 25.0 && d > 0.5
                        } else if is_list && node.headlines == 0 {
                            // After the prose, a list with text besides its links
                            // (fixes, sources, credits) stays, as in Readability; one
                            // mostly of links goes, and so does a list of teasers
                            // (headlines that are links) by the rule below.
                            d > 0.8
                        } else {
                            (weight < 25.0 && d > 0.2 && node.paragraphs < 3) || d > 0.5
                        }
                        || (node.name.len() == 2 && node.name.starts_with('h') && weight < 0.0)
                        // After the prose, a list of three teasers or more
                        // (headlines that are links) goes, however long their
                        // summaries; a page without prose (a front page) has
                        // no "after".
                        || is_list && last_prose > 0 && node.end >= last_prose && node.headlines >= 3
                    };
            if let Some(flag) = dropped.get_mut(n) {
                *flag = parent_dropped || own;
            }
        }
    }
    let mut in_roots = vec![false; count];
    for &r in &roots {
        let end = nodes.get(r).map_or(r, |x| x.end).min(count - 1);
        for flag in in_roots.get_mut(r..=end).into_iter().flatten() {
            *flag = true;
        }
    }
    // A standfirst before the article, inside the same section of the page.
    let first_root = roots.first().copied().unwrap_or(top);
    let mut area = first_root;
    for _ in 0..3 {
        match nodes.get(area).map(|x| x.parent) {
            Some(p) if p != NONE && p != 0 => area = p,
            _ => break,
        }
    }
    let area_end = nodes.get(area).map_or(0, |x| x.end);
    let mut lead_in = vec![false; count];
    for n in area..first_root.min(count) {
        let Some(node) = nodes.get(n) else { continue };
        let inherited = n > area && lead_in.get(node.parent).copied().unwrap_or(false);
        if let Some(flag) = lead_in.get_mut(n) {
            *flag = (node.lead || inherited) && n <= area_end && !node.discard;
        }
    }
    // The article element's parts before the body, except furniture by name.
    if article_at != NONE {
        let mut discarded = vec![false; count];
        for n in article_at..first_root.min(count) {
            let Some(node) = nodes.get(n) else { continue };
            let d = node.discard
                || (n > article_at && discarded.get(node.parent).copied().unwrap_or(false));
            if let Some(flag) = discarded.get_mut(n) {
                *flag = d;
            }
            if !d {
                if let Some(flag) = lead_in.get_mut(n) {
                    *flag = true;
                }
            }
        }
    }
    let kept: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            live(b)
                && (in_roots.get(b.node).copied().unwrap_or(false)
                    // A standfirst is words: figures alone (a ticker) are not one,
                    // nor is a short line holding a <time> (a date line).
                    || lead_in.get(b.node).copied().unwrap_or(false)
                        && b.text.chars().any(char::is_alphabetic)
                        && !(b.dated && !b.heading && b.chars < 120))
        })
        .filter(|(_, b)| !dropped.get(b.node).copied().unwrap_or(false))
        .map(|(i, _)| i)
        .collect();
    // The items of each outermost list: those with words besides their links,
    // and those that are only a link.
    let mut items = vec![(0usize, 0usize); count];
    for node in nodes.iter().filter(|x| x.name == "li" && x.chars > 0) {
        if let Some(tally) = items.get_mut(node.list_top) {
            if node.link_chars * 10 < node.chars * 9 {
                tally.0 += 1;
            } else {
                tally.1 += 1;
            }
        }
    }
    // A heading that is a link and stands in the body among its paragraphs,
    // the next block a paragraph of prose beside it (not a teaser in a list
    // item or a box of its own), heads a part of the text.
    let parent_of = |n: usize| nodes.get(n).map_or(NONE, |x| x.parent);
    let heads_prose = |i: usize, b: &Block| {
        let at = parent_of(b.node);
        blocks.get(i + 1).is_some_and(|next| {
            live(next)
                && next.chars >= 80
                && next.link_chars * 4 < next.chars
                && parent_of(next.node) == at
        }) && nodes
            .get(at)
            .is_some_and(|x| !x.in_list && x.paragraphs >= 3)
    };
    kept.into_iter()
        .filter_map(|i| blocks.get(i).map(|b| (i, b)))
        // Lines that are mostly link text (menus, "Read more") go; long ones stay.
        .filter(|&(i, b)| {
            let node = nodes.get(b.node);
            // Cells of data tables stay; so do list items with text besides their
            // links, and every item of a list whose items are mostly text (a link
            // among the points of a list is one of the points).
            node.is_some_and(|x| x.in_data)
                || node.is_some_and(|x| {
                    x.in_list
                        && (b.link_chars * 10 < b.chars * 9
                            || introduced.get(b.node).copied().unwrap_or(false)
                            || items
                                .get(x.list_top)
                                .is_some_and(|&(text, links)| text > links))
                })
                || b.link_chars * 2 < b.chars.max(1)
                || (b.heading && b.link_chars < b.chars)
                || b.heading && heads_prose(i, b)
                || b.chars >= 120
        })
        // A line that is only an ad label or a loading notice goes (Readability's rule).
        .filter(|&(_, b)| b.chars > 24 || !is_ad_or_loading_label(&b.text))
        .map(|(i, _)| i)
        .collect()
}

/// A line that says only "Advertisement", "Anzeige", "Loading…" and the like.
fn is_ad_or_loading_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "ad",
        "ads",
        "advertising",
        "advertisement",
        "pub",
        "publicité",
        "publicidad",
        "werbung",
        "anzeige",
        "广告",
        "реклама",
        "anuncio",
        "loading",
        "正在加载",
        "загрузка",
        "chargement",
        "cargando",
    ];
    let label = text
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '.' | '…' | ':' | '|')
        })
        .to_lowercase();
    LABELS.contains(&label.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_left_open_does_not_swallow_the_page() {
        let html = "<html><head><title>T</title></head><body><h1>Talks <style>x{}</h1>\
            <p>The ministers met in Geneva on Monday and agreed to talk again soon, officials said.</p>\
            <svg><p>Officials said the next round of talks would be held in Vienna in the spring.</p></body></html>";
        let page = extract(html);
        assert!(
            page.text.contains("ministers met in Geneva"),
            "{}",
            page.text
        );
        assert!(page.text.contains("next round of talks"), "{}", page.text);
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

    fn para(words: &str, n: usize) -> String {
        format!(
            "<p>{}</p>",
            (0..n)
                .map(|i| format!("{words} number {i}, with a comma, and more words to read."))
                .collect::<Vec<_>>()
                .join(" ")
        )
    }

    #[test]
    fn best_container_wins_without_article_tag() {
        let html = format!(
            r#"<body><div id="menu"><a href="/">Home</a> <a href="/a">A</a></div>
            <div class="sidebar"><p>Sidebar teaser text that is long enough, with commas, yes.</p></div>
            <div class="wrap"><div class="story-text">{}{}<ul class="links"><li><a href="/x">Another story headline here</a></li><li><a href="/y">And one more headline</a></li></ul>{}</div></div>
            <div class="comments">{}</div>
            <div style="display: none">Hidden sentence that must not show, with, commas, everywhere.</div></body>"#,
            para("Main story sentence", 3),
            para("Second paragraph sentence", 3),
            para("Closing paragraph sentence", 2),
            para("Reader comment sentence", 1)
        );
        let text = extract(&html).text;
        assert!(text.contains("Main story sentence number 0"), "{text}");
        assert!(
            text.contains("Closing paragraph sentence number 1"),
            "{text}"
        );
        for gone in [
            "Home",
            "Sidebar teaser",
            "Another story headline",
            "Reader comment",
            "Hidden sentence",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }

    #[test]
    fn article_split_in_parts_and_text_in_divs_with_br() {
        // Three sibling parts of nearly equal weight: their common parent is the article.
        let part = |w: &str| {
            format!(
                r#"<div class="part"><div class="inner">{}</div></div>"#,
                para(w, 4)
            )
        };
        let html = format!(
            r#"<div id="nav"><a href="/">Home</a></div><div class="body">{}{}{}</div><div class="footer">Imprint</div>"#,
            part("Alpha words"),
            part("Beta words"),
            part("Gamma words")
        );
        let text = extract(&html).text;
        assert!(
            text.contains("Alpha words number 0") && text.contains("Gamma words number 3"),
            "{text}"
        );
        assert!(
            !text.contains("Imprint") && !text.contains("Home"),
            "{text}"
        );
        let br = "<div>First line of the text in a div, separated by breaks, as old pages do.<br>Second line of that text, with more words, and commas.<br><br>Third line, the last one, ending here.</div>";
        let text = extract(br).text;
        assert!(
            text.contains("First line") && text.contains("Third line"),
            "{text}"
        );
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

    #[test]
    fn unclosed_link_does_not_make_the_page_a_link_list() {
        let html = format!(
            r#"<div class="head"><a href="/">Logo</div>{}"#,
            para("Text after a link left open", 4)
        );
        let text = extract(&html).text;
        assert!(
            text.contains("Text after a link left open number 2"),
            "{text}"
        );
    }

    #[test]
    fn article_element_keeps_its_lead_and_drops_its_furniture() {
        let html = format!(
            r#"<div class="menu"><a href="/">Home</a></div><article><header><h1>The headline</h1>
            <p class="teaser">A lead paragraph that sums the story up.</p></header>
            <div class="text">{}<figure><img src="x.jpg"><figcaption>Photo: Some Agency</figcaption></figure>{}
            <div class="author-box"><p>Jane writes about cities, trains, and the weather here.</p></div>
            <div class="share-buttons">Share this story</div></div></article>"#,
            para("Body sentence", 4),
            para("More body", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("A lead paragraph"), "{text}");
        assert!(
            text.contains("The headline") && text.contains("More body number 2"),
            "{text}"
        );
        for gone in [
            "Photo: Some Agency",
            "Jane writes",
            "Share this story",
            "Home",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }

    #[test]
    fn standfirst_before_the_body_joins_it() {
        let html = format!(
            r#"<div class="menu"><a href="/">Home</a></div><div class="page"><div class="head"><h1>Title</h1>
            <div class="article-intro"><p>The standfirst, short and apart.</p></div></div>
            <div class="body">{}<div class="entry-meta">Posted in News</div>{}</div></div>
            <div class="promo"><div class="lead">Another page's teaser, not this one.</div></div>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("The standfirst, short and apart."), "{text}");
        assert!(text.contains("Last words number 2"), "{text}");
        assert!(
            !text.contains("Posted in News") && !text.contains("Another page's teaser"),
            "{text}"
        );
    }

    #[test]
    fn hidden_parts_and_quoted_angle_brackets() {
        let html = format!(
            r#"<div class="story">{}<p hidden="hidden">Hidden by attribute, with, commas, everywhere.</p>
            <span class="sr-only"><p>Screen reader only text, with, commas, too.</p></span>
            <div class="player" data-options='{{"html":"<p>not text</p>","n":1}}'>{}</div></div>"#,
            para("Visible words", 4),
            para("Player box text", 1)
        );
        let text = extract(&html).text;
        assert!(text.contains("Visible words number 3"), "{text}");
        assert!(text.contains("Player box text number 0"), "{text}");
        for gone in ["Hidden by attribute", "not text", "\"n\":1"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert_eq!(tag_end("<a href='x>y'>rest"), 14);
        assert_eq!(tag_end("<a href='open>rest"), 14);
    }

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

    #[test]
    fn hidden_spans_math_data_tables_and_list_items_with_text() {
        let rows: String = (0..6)
            .map(|i| format!("<tr><td><a href=\"/f{i}\">Film {i}</a></td><td>19{i}0</td></tr>"))
            .collect();
        let html = format!(
            r#"<div class="story">{}<p>Seen <span style="display:none">machine only words</span> here, and <math><mi>x</mi><mo>=</mo><mn>42</mn></math> too.</p>
            <table><tr><th>Title</th><th>Year</th></tr>{rows}</table>
            <ul><li><a href="/bug1">Fixed</a> a crash on start in the profile code, thanks to Ann and Bob for the report</li><li><a href="/other">Another story</a></li></ul>{}</div>"#,
            para("Story words", 4),
            para("More words", 2)
        );
        let text = extract(&html).text;
        assert!(!text.contains("machine only"), "{text}");
        assert!(text.contains("42"), "{text}");
        assert!(text.contains("Film 5"), "{text}");
        assert!(text.contains("Fixed a crash on start"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
        assert_eq!(element_end("<span>a</span>b</span>c", "span"), 22);
        assert_eq!(element_end("never closed", "span"), 0);
    }

    #[test]
    fn heading_slug_ids_and_deep_parts_of_the_same_kind() {
        // An id made from a heading does not name furniture.
        let html = format!(
            r#"<div class="doc">{}<div class="section" id="sharing-with-a-single-developer"><h2>Sharing</h2>{}</div></div>"#,
            para("Intro words", 4),
            para("Section words", 4)
        );
        let text = extract(&html).text;
        assert!(text.contains("Section words number 3"), "{text}");
        // Parts of one class: the first holds its paragraphs too deep to be scored.
        let deep = |w: &str| {
            format!(
                r#"<div class="part"><div><div><div><div><div><div>{}</div></div></div></div></div></div></div>"#,
                para(w, 6)
            )
        };
        let html = format!(
            r#"<div class="wrap">{}<div class="part"><div>{}</div></div><div class="other"><a href="/">Home</a></div></div>"#,
            deep("Opening words"),
            para("Main words", 10)
        );
        let text = extract(&html).text;
        assert!(
            text.contains("Opening words number 5") && text.contains("Main words number 9"),
            "{text}"
        );
    }

    #[test]
    fn a_link_list_amid_the_prose_stays_one_after_it_goes() {
        let list = |w: &str| {
            format!(
                r#"<ul><li><a href="/{w}1">{w} first item</a> note</li><li><a href="/{w}2">{w} second item</a> note</li><li><a href="/{w}3">{w} third item</a></li></ul>"#
            )
        };
        let html = format!(
            r#"<div class="wrap">{}{}{}{}</div>"#,
            para("Opening words", 3),
            list("Amid"),
            para("Closing words", 3),
            list("After")
        );
        let text = extract(&html).text;
        assert!(text.contains("Amid first item note"), "{text}");
        assert!(!text.contains("After first item"), "{text}");
    }

    #[test]
    fn link_lines_go_and_tables_stay_whatever_their_class() {
        let long_links = "<p><a href=\"/a\">A long run of linked words that goes on and on</a> and <a href=\"/b\">another long run of linked words that also goes on for quite a while longer</a>.</p>";
        let html = format!(
            r#"<div class="story">{}<p><a href="/more">Read more: another story here</a></p>{long_links}
            <table class="ingredients table-header"><tr><td>Two eggs</td><td>Flour</td></tr></table>{}</div>"#,
            para("Story words", 4),
            para("More words", 2)
        );
        let text = extract(&html).text;
        assert!(!text.contains("Read more"), "{text}");
        assert!(text.contains("another long run of linked words"), "{text}");
        assert!(text.contains("Two eggs"), "{text}");
    }

    #[test]
    fn link_text_broken_over_indented_lines_counts_once_squashed() {
        // Pretty-printed HTML: the white space inside a link is one space, as in the text.
        let pad = " ".repeat(60);
        let html = format!(
            "<div class=\"body\"><p>The <a href=\"/x\">Xbox\n{pad}One X</a> is the \
             ultimate <a href=\"/y\">video\n{pad}game\n{pad}system</a>, the best one yet.</p>{}</div>",
            para("Body words", 4)
        );
        let text = extract(&html).text;
        assert!(text.contains("ultimate video game system"), "{text}");
        assert_eq!(squashed_len("  a \n\t b  "), 3);
        assert_eq!(squashed_len(" \n "), 0);
    }

    /// `n` list items of teasers: a linked headline over a line of text.
    fn teaser_items(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    r#"<li><h3><a href="/s{i}">Other story {i}</a></h3><p>Teaser {i} in brief.</p></li>"#
                )
            })
            .collect()
    }

    #[test]
    fn a_wrapper_named_main_does_not_outrank_the_article_it_holds() {
        let teasers = teaser_items(8);
        let html = format!(
            r#"<div id="main" class="page-content"><section class="story-article"><div class="wrap"><div class="story-body">{}</div></div></section>
            <div class="stream"><ul>{teasers}</ul></div></div>"#,
            (0..10).map(|_| para("Story words", 3)).collect::<String>()
        );
        let text = extract(&html).text;
        assert!(text.contains("Story words number 2"), "{text}");
        assert!(!text.contains("Teaser 3"), "{text}");
    }

    #[test]
    fn lines_that_are_only_an_ad_label_go() {
        let html = format!(
            r#"<div class="story">{}<div>Advertisement</div><p>- Anzeige -</p>{}<div>Loading…</div></div>"#,
            para("Story words", 4),
            para("More words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("More words number 2"), "{text}");
        for gone in ["Advertisement", "Anzeige", "Loading"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(!is_ad_or_loading_label("Ad hoc committees met"));
        assert!(is_ad_or_loading_label(" Advertisement: "));
    }

    #[test]
    fn a_list_after_the_prose_stays_unless_links_or_teasers() {
        let fixes: String = (0..4)
            .map(|i| {
                format!(
                    r#"<li>Contributor {i} <a href="/bug{i}">fixed a crash in the profile code on start</a> for us</li>"#
                )
            })
            .collect();
        let teasers = teaser_items(4);
        let html = format!(
            r#"<div class="post">{}<h3>Fixed this week</h3><ul>{fixes}</ul><h3>More stories</h3><ul>{teasers}</ul></div>"#,
            (0..4).map(|_| para("Post words", 3)).collect::<String>()
        );
        let text = extract(&html).text;
        assert!(text.contains("Contributor 3 fixed a crash"), "{text}");
        assert!(!text.contains("Teaser 2"), "{text}");
    }

    #[test]
    fn a_link_that_is_a_point_of_a_list_of_text_stays() {
        let points: String = (0..4)
            .map(|i| {
                format!(
                    "<li>Point {i} of the update, told in words with no link at all in it.</li>"
                )
            })
            .collect();
        let html = format!(
            r#"<div class="post">{}<ul><li><a href="/review">Here is our year in review!</a></li>{points}</ul>{}</div>"#,
            para("Post words", 3),
            para("Closing words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("Here is our year in review!"), "{text}");
        assert!(text.contains("Point 3 of the update"), "{text}");
    }

    #[test]
    fn a_sub_list_an_item_introduces_with_a_colon_stays() {
        let links = |word: &str| -> String {
            (0..4)
                .map(|i| format!(r#"<li><a href="/{word}{i}">{word} {i}: a fix in the player window</a></li>"#))
                .collect()
        };
        let html = format!(
            r#"<div class="post">{}<ul><li>Students will hack on the player next term, mentored by two of the team.</li><li>The player window now remembers where it was last put on the screen.</li><li>In progress:<ul>{}</ul></li><li>Also see<ul>{}</ul></li></ul></div>"#,
            (0..4).map(|_| para("Post words", 3)).collect::<String>(),
            links("Bug"),
            links("Menu")
        );
        let text = extract(&html).text;
        assert!(text.contains("Bug 3: a fix in the player window"), "{text}");
        assert!(!text.contains("Menu 3"), "{text}");
    }

    #[test]
    fn a_heading_that_is_a_link_heads_the_prose_beside_it() {
        let html = format!(
            r#"<div class="post">{}<h3><a href="/game">“Thumper” ($20)</a></h3><p>A rhythm game of speed and menace, where the beetle rides a rail through a void of lights and noise.</p>{}<ul>{}</ul></div>"#,
            para("Post words", 3),
            para("More words", 3),
            teaser_items(4)
        );
        let text = extract(&html).text;
        assert!(text.contains("“Thumper” ($20)"), "{text}");
        assert!(!text.contains("Other story 2"), "{text}");
    }

    #[test]
    fn a_class_that_says_a_part_is_absent_does_not_name_it() {
        let html = format!(
            r#"<div class="post">{}<div class="item no_caption"><h2>The mother said her daughter was burning up from within before she died.</h2></div>{}<div class="item photo-caption"><p>A caption under the picture of the house, seen from the street.</p></div></div>"#,
            para("Post words", 3),
            para("More words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("burning up from within"), "{text}");
        assert!(!text.contains("A caption under"), "{text}");
    }

    #[test]
    fn sections_score_the_element_that_holds_them() {
        let feature = |name: &str| {
            format!("<li><h2>{name}</h2><p>Develop and debug your apps across browsers and devices with {name}, built in.</p></li>")
        };
        let html = format!(
            r#"<main><section class="intro"><header><h1>Welcome</h1><p>Get to know the features that make it the most complete browser.</p></header><ul>{}{}</ul><div class="notice"><h4>Important</h4><p>This edition comes with a new profile, so you can run it alongside other versions, and to get your bookmarks, history, passwords and more, you need to sync the new profile with your existing account, or create a new one, which takes a minute or two.</p></div></section>
            <section class="more"><div class="container"><header><h2>Features and tools</h2></header><ul>{}{}{}{}</ul></div></section></main>"#,
            feature("WebIDE"),
            feature("Valence"),
            feature("Inspector"),
            feature("Console"),
            feature("Debugger"),
            feature("Network Monitor")
        );
        let text = extract(&html).text;
        assert!(text.contains("with Valence, built in"), "{text}");
        assert!(text.contains("with Network Monitor, built in"), "{text}");
    }

    #[test]
    fn containers_nested_in_the_best_are_not_other_parts_of_the_article() {
        let paragraphs: String = (0..8)
            .map(|i| format!("<p>Post words number {i} and more words to read here in this long enough sentence of the story body.</p>"))
            .collect();
        let html = format!(
            r#"<div class="site"><div class="screen"><div class="bio"><p>Hi, I am Nicolas.</p></div><article class="post"><div class="post-body"><div class="body-text"><section><div class="section-content"><div class="inner">{paragraphs}</div></div></section></div></div></article></div></div>"#
        );
        let text = extract(&html).text;
        assert!(text.contains("Post words number 7"), "{text}");
        assert!(!text.contains("Hi, I am Nicolas."), "{text}");
    }

    #[test]
    fn teasers_after_the_prose_go_however_long_their_summaries() {
        let teasers: String = (0..4)
            .map(|i| {
                format!(
                    r#"<li><h3><a href="/s{i}">Other story {i}</a></h3><p>Summary {i} of another story, told at length, with a comma, another comma, and words enough to pass for prose in a list of teasers.</p></li>"#
                )
            })
            .collect();
        let html = format!(
            r#"<div class="main"><div class="story">{}<ul>{teasers}</ul></div></div>"#,
            (0..4).map(|_| para("Story words", 3)).collect::<String>()
        );
        let text = extract(&html).text;
        assert!(text.contains("Story words number 2"), "{text}");
        assert!(!text.contains("Summary 2"), "{text}");
        // A page of teasers alone (a front page) has no prose for them to follow.
        let front = format!(
            r#"<div class="main"><div class="top"><h2>Top stories</h2><ul>{teasers}</ul></div><div class="more"><h2>More</h2><ul>{teasers}</ul></div></div>"#
        );
        let text = extract(&front).text;
        assert!(text.contains("Summary 2"), "{text}");
    }

    #[test]
    fn figures_alone_are_no_standfirst() {
        let html = format!(
            r#"<div class="page"><div class="head"><div class="top-lead"><p>2,111.72</p><p>-14.43 (-0.68%)</p>
            <p>The standfirst, short and apart.</p></div></div><div class="body">{}{}</div></div>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("The standfirst, short and apart."), "{text}");
        assert!(
            !text.contains("2,111.72") && !text.contains("-0.68%"),
            "{text}"
        );
    }

    #[test]
    fn attributes_by_name_whatever_their_case() {
        let tag = r#"<DIV data-id='no' ID="Main" Class = "Story &amp; more" hidden>"#;
        assert_eq!(attr(tag, "class").as_deref(), Some("Story & more"));
        assert_eq!(attr(tag, "id").as_deref(), Some("Main"));
        assert_eq!(attr(tag, "style"), None);
        assert_eq!(
            attr("<p title=Ünïcode·x>", "title").as_deref(),
            Some("Ünïcode·x")
        );
        assert!(has_flag(tag, "hidden"));
    }

    #[test]
    fn a_date_line_before_the_body_is_no_standfirst() {
        let html = format!(
            r#"<article><h1>The headline</h1><div class="line"><time datetime="2019-04-28T06:01">April 28, 2019 at 6:01 am</time></div>
            <div class="text">{}{}</div></article>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let page = extract(&html);
        assert!(page.text.contains("The headline"), "{}", page.text);
        assert!(!page.text.contains("April 28"), "{}", page.text);
        assert_eq!(page.published.as_deref(), Some("2019-04-28T06:01"));
    }
}
