//! Choosing the article, the way Readability does: in each pass every
//! paragraph scores the containers above it (commas, length), a container's
//! tag and its class and id names give it a head start up or down, and link
//! density weighs it down; the best container (or the ancestor that holds it
//! and its near-best peers) and the siblings that score near it are the
//! article's roots. [`select`] runs the phases in order, one function each,
//! and hands the roots to [`super::clean`].
//! Guarantees: no recursion and no indexing that can panic; a pass depends
//! only on the scan and the pass (the totals of the pass before are reset).

use super::clean::{self, Article};
use super::node::{Node, NONE};
use super::scan::{Block, Scan};

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

/// How strict a pass of the article finder is.
#[derive(Clone, Copy)]
pub(super) struct Pass {
    pub(super) strip_unlikely: bool,
    pub(super) weigh_classes: bool,
    pub(super) clean: bool,
}

/// One pass of the article finder: the indices of the blocks kept, and the
/// top container chosen (`NONE` when none).
pub(super) fn select(scan: &mut Scan, pass: Pass) -> (Vec<usize>, usize) {
    let Scan { nodes, blocks, .. } = scan;
    let out = excluded(nodes, pass);
    reset_totals(nodes);
    count_own_text(nodes, blocks, &out);
    sum_up_the_tree(nodes);
    let credits = credits(nodes, blocks, &out);
    spread_scores(nodes, credits, pass);
    weigh_by_link_density(nodes);
    let best = best_five(nodes, &out);
    let Some(&best_one) = best.first() else {
        return (Vec::new(), NONE);
    };
    let top = split_in_parts(nodes, &best, best_one);
    give_head_start(nodes, top, pass);
    let top = climb_to_holder(nodes, top, pass);
    let top = climb_through_wrappers(nodes, top);
    let article_at = enclosing_article(nodes, top, &out);
    let Some(roots) = article_roots(nodes, blocks, top, &out) else {
        return (Vec::new(), NONE);
    };
    let article = Article {
        top,
        article_at,
        roots,
    };
    (clean::keep(nodes, blocks, &article, &out, pass), top)
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

/// The score a container starts from: its tag's, and its class weight when
/// the pass weighs classes.
fn head_start(node: &Node, pass: Pass) -> f64 {
    tag_score(&node.name) + if pass.weigh_classes { node.weight } else { 0.0 }
}

/// The share of a node's text that is link text.
pub(super) fn density(node: &Node) -> f64 {
    node.link_chars as f64 / node.chars.max(1) as f64
}

/// A text block whose node is not out in this pass.
pub(super) fn live(out: &[bool], b: &Block) -> bool {
    !out.get(b.node).copied().unwrap_or(true)
}

fn score_of(nodes: &[Node], n: usize) -> f64 {
    nodes.get(n).map_or(0.0, |x| x.score)
}

/// Node `n` sits inside node `a` (not `a` itself).
fn inside(nodes: &[Node], a: usize, n: usize) -> bool {
    a < n && nodes.get(a).is_some_and(|x| n <= x.end)
}

/// Which nodes are out before scoring: hidden, nav/aside/footer, and (strict
/// pass) unlikely names. Preorder: a parent's flag is known before its children's.
fn excluded(nodes: &[Node], pass: Pass) -> Vec<bool> {
    let count = nodes.len();
    let mut out = vec![false; count];
    for n in 0..count {
        let Some(node) = nodes.get(n) else { continue };
        let parent_out = out.get(node.parent).copied().unwrap_or(false);
        let own = node.hard || (pass.strip_unlikely && node.unlikely);
        if let Some(flag) = out.get_mut(n) {
            *flag = parent_out || own;
        }
    }
    out
}

/// The totals and scores of the pass before are forgotten.
fn reset_totals(nodes: &mut [Node]) {
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
}

/// Each live text block counts in the innermost block element around it.
fn count_own_text(nodes: &mut [Node], blocks: &[Block], out: &[bool]) {
    for b in blocks.iter().filter(|b| live(out, b)) {
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
}

/// Totals up the tree: children come after parents, so one reverse sweep.
fn sum_up_the_tree(nodes: &mut [Node]) {
    let count = nodes.len();
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
}

/// What each paragraph earns and the container it credits first. A
/// <section> is scored as a paragraph too, on all of its text (Readability
/// scores sections so): the parts of a page give the element that holds them.
fn credits(nodes: &[Node], blocks: &[Block], out: &[bool]) -> Vec<(usize, f64)> {
    let mut credits: Vec<(usize, f64)> = Vec::with_capacity(blocks.len());
    for b in blocks.iter().filter(|b| live(out, b)) {
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
    credits
}

/// Score: each paragraph gives its container, the container's parent half,
/// and three more ancestors a third, a sixth… of its score; a container
/// scored for the first time starts from its head start.
fn spread_scores(nodes: &mut [Node], credits: Vec<(usize, f64)>, pass: Pass) {
    for (start, score) in credits {
        let mut at = start;
        let mut level = 0;
        while level < 5 && at != NONE && at != 0 {
            let Some(node) = nodes.get_mut(at) else { break };
            if !node.scored {
                node.scored = true;
                node.score = head_start(node, pass);
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
}

/// Link density weighs every score down.
fn weigh_by_link_density(nodes: &mut [Node]) {
    for node in nodes.iter_mut().filter(|n| n.scored) {
        node.score *= 1.0 - density(node);
    }
}

/// The five best containers, best first.
fn best_five(nodes: &[Node], out: &[bool]) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::with_capacity(6);
    for n in 1..nodes.len() {
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
    best
}

/// When three other near-best containers share an ancestor with the best
/// (`top`), the article is split in parts: that ancestor is the article.
fn split_in_parts(nodes: &[Node], best: &[usize], top: usize) -> usize {
    let top_score = score_of(nodes, top);
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
                return up;
            }
            up = nodes.get(up).map_or(NONE, |x| x.parent);
        }
    }
    top
}

/// The top container, when no paragraph scored it (an ancestor of the best
/// parts), starts from its head start.
fn give_head_start(nodes: &mut [Node], top: usize, pass: Pass) {
    if let Some(node) = nodes.get_mut(top) {
        if !node.scored {
            node.scored = true;
            node.score = head_start(node, pass);
        }
    }
}

/// Climb while an ancestor holds nearly as much (the article is split in
/// parts). Whether it holds more is judged by the score its text earned,
/// without the tag's and the class's head start: a wrapper named "main"
/// or "content" does not outrank the article it holds by its name alone.
fn climb_to_holder(nodes: &[Node], top: usize, pass: Pass) -> usize {
    let earned = |node: &Node| node.score - head_start(node, pass) * (1.0 - density(node));
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
                return parent;
            }
            last_earned = earned(node);
        }
        parent = node.parent;
    }
    top
}

/// Climb through wrappers that hold nothing else.
fn climb_through_wrappers(nodes: &[Node], mut top: usize) -> usize {
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
    top
}

/// The <article> element (not out) around the top container, or `NONE`:
/// what it holds before the body (headline, standfirst) belongs to the
/// article; what follows the body there is mostly furniture.
fn enclosing_article(nodes: &[Node], top: usize, out: &[bool]) -> usize {
    let mut up = nodes.get(top).map_or(NONE, |x| x.parent);
    while up != NONE && up != 0 {
        let Some(node) = nodes.get(up) else { break };
        if node.name == "article" && !out.get(up).copied().unwrap_or(true) {
            return up;
        }
        up = node.parent;
    }
    NONE
}

/// The article: the top container and the siblings that score near it, in
/// document order (`None` when there is no top container).
fn article_roots(nodes: &[Node], blocks: &[Block], top: usize, out: &[bool]) -> Option<Vec<usize>> {
    let count = nodes.len();
    let top_node = nodes.get(top)?;
    let threshold = (top_node.score * 0.2).max(10.0);
    let parent = top_node.parent;
    let siblings: Vec<usize> = match nodes.get(parent) {
        Some(p) if parent != NONE => ((parent + 1)..=p.end.min(count - 1))
            .filter(|&n| nodes.get(n).is_some_and(|x| x.parent == parent))
            .collect(),
        _ => vec![top],
    };
    let last_block = last_blocks(nodes, blocks);
    let mut roots: Vec<usize> = Vec::new();
    for &s in &siblings {
        if out.get(s).copied().unwrap_or(true) && s != top {
            continue;
        }
        let keep = nodes.get(s).is_some()
            && (s == top || sibling_joins(nodes, blocks, &last_block, s, top_node, threshold));
        if keep {
            roots.push(s);
        }
    }
    Some(roots)
}

/// The last text block directly in each node, for the sibling test.
fn last_blocks(nodes: &[Node], blocks: &[Block]) -> Vec<Option<usize>> {
    let mut last_block: Vec<Option<usize>> = vec![None; nodes.len()];
    for (i, b) in blocks.iter().enumerate() {
        if let Some(slot) = last_block.get_mut(b.node) {
            *slot = Some(i);
        }
    }
    last_block
}

/// A sibling `s` of the top container joins the article when it scores near
/// it (a class like the top's counts for it), or is a paragraph of prose.
fn sibling_joins(
    nodes: &[Node],
    blocks: &[Block],
    last_block: &[Option<usize>],
    s: usize,
    top_node: &Node,
    threshold: f64,
) -> bool {
    let count = nodes.len();
    let Some(node) = nodes.get(s) else {
        return false;
    };
    let top_score = top_node.score;
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
}

#[cfg(test)]
mod tests {
    use crate::intake::html::{
        extract,
        fixtures::{para, teaser_items},
    };

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
}
