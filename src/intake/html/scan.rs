//! The scanning pass: one left-to-right walk over the page, with no recursion
//! (so no depth limit to blow; nesting deeper than [`MAX_DEPTH`] is flattened),
//! that records the block elements as a flat, preorder table of [`Node`]s and
//! the text blocks inside them (link text, commas, headings, dates), marks data
//! tables and lists, and gathers metadata, the byline and the dates shown on
//! the way. Guarantees: never panics; skipped elements left open skip only
//! their tag; hidden inline elements and non-text elements give no text.

use super::byline::Bylines;
use super::node::{new_node, Node, NONE};
use super::tags::{
    attr, class_and_id, decode, element_end, find_ascii_ci, is_hidden, is_hover_card, tag_end,
    tag_name,
};
use super::Page;
use crate::intake::meta::Found;

/// Elements whose content is never text.
/// (`rt` and `rp`: the readings over ruby text, 子<rt>こ</rt>, not its words.)
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "select", "button", "iframe", "object",
    "canvas", "textarea", "rt", "rp",
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
    "dialog",
];
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed",
    "param", "track",
];
/// Nesting deeper than this is flattened into the deepest element kept.
const MAX_DEPTH: usize = 512;

/// A run of text between block boundaries, squashed to single spaces.
pub(super) struct Block {
    pub(super) text: String,
    pub(super) chars: usize,
    pub(super) link_chars: usize,
    pub(super) commas: usize,
    /// Innermost block element around the text.
    pub(super) node: usize,
    pub(super) heading: bool,
    /// Holds a `<time>` element (a date line, when short).
    pub(super) dated: bool,
}

/// The page as a flat table of block elements and the text blocks inside them.
pub(super) struct Scan {
    pub(super) nodes: Vec<Node>,
    pub(super) blocks: Vec<Block>,
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

/// Commas in `text`, of any script.
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

/// The scanning pass: dates shown into `page`, metadata into `found`, block
/// elements and text blocks out.
pub(super) fn scan(html: &str, page: &mut Page, found: &mut Found) -> Scan {
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
            if name == "script" && !closing && is_markup_script(tag, html.get(i..).unwrap_or("")) {
                // A post held in `<script type="text/template">` to be shown by
                // the page's script (Blogger): its markup is the page's text.
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
            if name == "img"
                && !closing
                && find_ascii_ci(tag, "emoji").is_none()
                && find_ascii_ci(tag, "smiley").is_none()
            {
                if let Some(node) = stack.last().and_then(|&n| nodes.get_mut(n)) {
                    node.images += 1;
                }
            }
            if name == "input"
                && find_ascii_ci(tag, "password").is_some()
                && attr(tag, "type").is_some_and(|t| t.eq_ignore_ascii_case("password"))
            {
                // A password field: the form around it is a sign-in box.
                let form = stack
                    .iter()
                    .rev()
                    .find(|&&n| nodes.get(n).is_some_and(|x| x.name == "form"));
                if let Some(node) = form.and_then(|&f| nodes.get_mut(f)) {
                    node.sign_in = true;
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
                // The page's own element names what its script can do ("plugin-tooltip").
                && !matches!(name.as_str(), "html" | "head")
                // Cheap test first: most inline tags name nothing hidden.
                && [
                    "hid",
                    "none",
                    "sr-only",
                    "screen-reader",
                    "invisible",
                    "tooltip",
                    "hover",
                    "popover",
                ]
                .iter()
                .any(|w| find_ascii_ci(tag, w).is_some())
                && {
                    let class = attr(tag, "class").unwrap_or_default().to_ascii_lowercase();
                    is_hidden(tag, &class) || is_hover_card(tag, &class)
                }
            {
                // A hidden inline element (a span shown only to machines) or a
                // hover card (shown on hover, "Ilhan OmarIlhan Omar…" glued into
                // the sentence otherwise): its text is not the page's.
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
    wrappers_are_not_unlikely(&mut nodes, &blocks);
    found.doc_title(&title);
    Scan { nodes, blocks }
}

/// A container unlikely only by a word of place ("above-footer",
/// "header-wrap") that holds most of the page's prose is the page's wrapper,
/// not furniture: it is not unlikely. Bottom up, one sweep, which also sums
/// each node's images and marks the nodes that hold paragraphs.
fn wrappers_are_not_unlikely(nodes: &mut [Node], blocks: &[Block]) {
    let count = nodes.len();
    let mut prose = vec![0usize; count];
    let mut total = 0usize;
    for b in blocks {
        if b.chars >= 80 && b.link_chars * 4 < b.chars {
            if let Some(slot) = prose.get_mut(b.node) {
                *slot += b.chars;
            }
            total += b.chars;
        }
    }
    for n in (1..count).rev() {
        let here = prose.get(n).copied().unwrap_or(0);
        let Some(node) = nodes.get_mut(n) else {
            continue;
        };
        if node.by_place && here * 2 > total {
            node.unlikely = false;
        }
        let paragraph = node.holds_paragraph
            || matches!(
                node.name.as_str(),
                "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "pre" | "blockquote"
            );
        let (p, images) = (node.parent, node.images);
        if let Some(slot) = prose.get_mut(p) {
            *slot += here;
        }
        if let Some(parent) = nodes.get_mut(p) {
            parent.images += images;
            parent.holds_paragraph |= paragraph;
        }
    }
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
        node.in_data = p_data || data || node.embedded_post;
        node.in_list = p_list || matches!(node.name.as_str(), "ul" | "ol");
        node.list_top = if p_top != NONE {
            p_top
        } else if matches!(node.name.as_str(), "ul" | "ol") {
            n
        } else {
            NONE
        };
    }
    // Bottom up: whether a node holds the page's main parts (an <article>,
    // <main> or <h1>); a sign-in form that holds none of them is not text.
    let mut holds_main = vec![false; count];
    for n in (1..count).rev() {
        let Some(node) = nodes.get_mut(n) else {
            continue;
        };
        let here = holds_main.get(n).copied().unwrap_or(false)
            || matches!(node.name.as_str(), "article" | "main" | "h1");
        if node.sign_in && !here {
            node.hard = true;
        }
        let (p, has) = (node.parent, node.has_data || node.in_data);
        if let Some(slot) = holds_main.get_mut(p) {
            *slot |= here;
        }
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

/// A `<script>` whose type says it holds HTML for the page to show, and
/// whose content (`after` the tag) is markup (not JSON, nor CDATA).
fn is_markup_script(tag: &str, after: &str) -> bool {
    let content = after.trim_start();
    content.starts_with('<')
        && !content.starts_with("<![")
        && !content.starts_with("</")
        && attr(tag, "type").is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            matches!(t.trim(), "text/template" | "text/html" | "text/x-template")
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::html::{extract, fixtures::para};

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
    fn ruby_readings_and_posts_held_in_template_scripts() {
        let html = format!(
            r#"<div class="post">{}<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。</p>
            <div class="post-body"><script type='text/template'><p>The post shown by the page's script, long enough to be read as the text, with commas, yes.</p></script></div>
            <script type="text/template"><![CDATA[{{"type":"Image","data":"<p>not text either</p>"}}]]></script>
            <script>var shown = "<p>not text</p>";</script></div>"#,
            para("Post words", 4)
        );
        let text = extract(&html).text;
        assert!(text.contains("子どもへの虐待をなくすための法律"), "{text}");
        assert!(
            text.contains("The post shown by the page's script"),
            "{text}"
        );
        assert!(!text.contains("not text"), "{text}");
    }

    #[test]
    fn hover_cards_are_not_glued_into_the_sentence() {
        let html = format!(
            r#"<html class="js plugin-tooltip"><div class="story">{}<p>Rep. <span class="person-tooltip-wrapper"><a href="/omar">Ilhan Omar</a><span class="person-tooltip"><b>Ilhan Omar</b> Hillicon Valley: more on the congresswoman</span></span> said on Monday she would vote for the bill, aides said.</p>
            <p>The bill <span role="tooltip">Tooltip words here</span>passed. <div class="hovercard">Card of a name, shown on hover only.</div></p></div>"#,
            para("Story words", 4)
        );
        let text = extract(&html).text;
        assert!(text.contains("Rep. Ilhan Omar said on Monday"), "{text}");
        assert!(
            !text.contains("Hillicon")
                && !text.contains("Tooltip words")
                && !text.contains("Card of a name"),
            "{text}"
        );
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
}
