//! Cleaning the article score chose, and assembling its text: inside the
//! roots, containers that are mostly links with little text, or named as
//! furniture (share bars, author boxes, related stories, captions), go, as
//! trafilatura and Readability's conditional cleaning do, while data tables
//! and the lists the text introduces stay; the headline and standfirst before
//! the body join it; lines of link text and ad or loading labels go. The
//! blocks kept are joined in reading order by blank lines.
//! Guarantees: only blocks of the scan are kept, each at most once, in
//! document order; no indexing that can panic.

use super::node::{Node, NONE};
use super::scan::Block;
use super::score::{density, live, Pass};

/// The article score found: the top container, the `<article>` element
/// around it (or `NONE`), and the roots kept (the top and the siblings that
/// score near it), in document order.
pub(super) struct Article {
    pub(super) top: usize,
    pub(super) article_at: usize,
    pub(super) roots: Vec<usize>,
}

/// The indices of the article's blocks kept in this pass, in reading order.
pub(super) fn keep(
    nodes: &[Node],
    blocks: &[Block],
    article: &Article,
    out: &[bool],
    pass: Pass,
) -> Vec<usize> {
    let roots = &article.roots;
    let top_chars = nodes.get(article.top).map_or(0, |x| x.chars);
    let last_prose = last_prose(nodes, blocks, roots, out);
    let introduced = introduced_lists(nodes, blocks, out);
    let dropped = conditional_clean(nodes, roots, top_chars, last_prose, &introduced, pass);
    let in_roots = in_roots(nodes, roots);
    let first_root = roots.first().copied().unwrap_or(article.top);
    let mut lead_in = standfirst(nodes, first_root);
    article_head(nodes, first_root, article.article_at, &mut lead_in);
    let kept = blocks_kept(blocks, out, &in_roots, &lead_in, &dropped);
    let kept = drop_link_lines(nodes, blocks, kept, out, &introduced);
    drop_ad_labels(blocks, kept)
}

/// The text of the blocks `kept`, joined by blank lines.
pub(super) fn join(blocks: &[Block], kept: &[usize]) -> String {
    kept.iter()
        .filter_map(|&b| blocks.get(b))
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The node of the article's last paragraph of prose (0 when none): lists
/// before it are part of the text, lists after it are mostly furniture.
fn last_prose(nodes: &[Node], blocks: &[Block], roots: &[usize], out: &[bool]) -> usize {
    blocks
        .iter()
        .rev()
        .find(|b| {
            live(out, b)
                && b.chars >= 80
                && b.link_chars * 4 < b.chars
                && roots
                    .iter()
                    .any(|&r| r <= b.node && nodes.get(r).is_some_and(|x| b.node <= x.end))
                && !nodes.get(b.node).is_some_and(|x| x.in_list)
        })
        .map_or(0, |b| b.node)
}

/// Lists the text introduces, the line before them ending in a colon ("In
/// progress:", "the steps are:"): their items are the text's, whatever
/// their links. Preorder: whatever is inside such a list is marked too.
fn introduced_lists(nodes: &[Node], blocks: &[Block], out: &[bool]) -> Vec<bool> {
    let count = nodes.len();
    let first_block = first_blocks(nodes, blocks);
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
                .is_some_and(|b| b.node == node.parent && live(out, b) && b.text.ends_with(':'));
        if let Some(flag) = introduced.get_mut(n) {
            *flag = inherited || own;
        }
    }
    introduced
}

/// The first text block inside each node (`NONE` when it holds none).
fn first_blocks(nodes: &[Node], blocks: &[Block]) -> Vec<usize> {
    let count = nodes.len();
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
    first_block
}

/// Conditional cleaning inside the article: the nodes dropped, with all
/// that they hold. Readability never cleans data tables, nor what holds
/// them, nor (here) the lists the text introduces.
fn conditional_clean(
    nodes: &[Node],
    roots: &[usize],
    top_chars: usize,
    last_prose: usize,
    introduced: &[bool],
    pass: Pass,
) -> Vec<bool> {
    let count = nodes.len();
    let mut dropped = vec![false; count];
    for &root in roots {
        let Some(end) = nodes.get(root).map(|x| x.end) else {
            continue;
        };
        for n in (root + 1)..=end.min(count - 1) {
            let Some(node) = nodes.get(n) else { continue };
            let parent_dropped = dropped.get(node.parent).copied().unwrap_or(false);
            let protected =
                node.in_data || node.has_data || introduced.get(n).copied().unwrap_or(false);
            let own = !protected && pass.clean && is_furniture(node, top_chars, last_prose, pass);
            if let Some(flag) = dropped.get_mut(n) {
                *flag = parent_dropped || own;
            }
        }
    }
    dropped
}

/// A container inside the article that is furniture: named as such (and
/// smaller than half the article), or mostly links, few commas and little text.
fn is_furniture(node: &Node, top_chars: usize, last_prose: usize, pass: Pass) -> bool {
    let is_list = node.list_chars * 10 > node.chars * 9;
    if node.discard && node.chars * 2 < top_chars {
        return true;
    }
    // A picture and a line or two under it, not in a paragraph of their own
    // (a step of a how-to is): its caption and credit.
    if node.images > 0
        && !node.holds_paragraph
        && node.chars <= 250
        && node.commas < 4
        && matches!(node.name.as_str(), "div" | "figure" | "section")
    {
        return true;
    }
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
}

/// The nodes inside the roots (the roots included).
fn in_roots(nodes: &[Node], roots: &[usize]) -> Vec<bool> {
    let count = nodes.len();
    let mut in_roots = vec![false; count];
    for &r in roots {
        let end = nodes.get(r).map_or(r, |x| x.end).min(count - 1);
        for flag in in_roots.get_mut(r..=end).into_iter().flatten() {
            *flag = true;
        }
    }
    in_roots
}

/// A standfirst before the article, inside the same section of the page
/// (up to three levels above the first root): the nodes named as a lead,
/// and what they hold, unless named as furniture.
fn standfirst(nodes: &[Node], first_root: usize) -> Vec<bool> {
    let count = nodes.len();
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
    lead_in
}

/// The article element's parts before the body join the lead-in, except
/// furniture by name (and what it holds).
fn article_head(nodes: &[Node], first_root: usize, article_at: usize, lead_in: &mut [bool]) {
    if article_at == NONE {
        return;
    }
    let count = nodes.len();
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

/// The live blocks inside the roots or the lead-in, and not dropped.
fn blocks_kept(
    blocks: &[Block],
    out: &[bool],
    in_roots: &[bool],
    lead_in: &[bool],
    dropped: &[bool],
) -> Vec<usize> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            live(out, b)
                && (in_roots.get(b.node).copied().unwrap_or(false)
                    // A standfirst is words: figures alone (a ticker) are not one,
                    // nor is a short line holding a <time> (a date line).
                    || lead_in.get(b.node).copied().unwrap_or(false)
                        && b.text.chars().any(char::is_alphabetic)
                        && !(b.dated && !b.heading && b.chars < 120))
        })
        .filter(|(_, b)| !dropped.get(b.node).copied().unwrap_or(false))
        .map(|(i, _)| i)
        .collect()
}

/// The items of each outermost list: those with words besides their links,
/// and those that are only a link.
fn list_items(nodes: &[Node]) -> Vec<(usize, usize)> {
    let mut items = vec![(0usize, 0usize); nodes.len()];
    for node in nodes.iter().filter(|x| x.name == "li" && x.chars > 0) {
        if let Some(tally) = items.get_mut(node.list_top) {
            if node.link_chars * 10 < node.chars * 9 {
                tally.0 += 1;
            } else {
                tally.1 += 1;
            }
        }
    }
    items
}

/// Lines that are mostly link text (menus, "Read more") go; long ones stay.
fn drop_link_lines(
    nodes: &[Node],
    blocks: &[Block],
    kept: Vec<usize>,
    out: &[bool],
    introduced: &[bool],
) -> Vec<usize> {
    let items = list_items(nodes);
    // A heading that is a link and stands in the body among its paragraphs,
    // the next block a paragraph of prose beside it (not a teaser in a list
    // item or a box of its own), heads a part of the text.
    let parent_of = |n: usize| nodes.get(n).map_or(NONE, |x| x.parent);
    let heads_prose = |i: usize, b: &Block| {
        let at = parent_of(b.node);
        blocks.get(i + 1).is_some_and(|next| {
            live(out, next)
                && next.chars >= 80
                && next.link_chars * 4 < next.chars
                && parent_of(next.node) == at
        }) && nodes
            .get(at)
            .is_some_and(|x| !x.in_list && x.paragraphs >= 3)
    };
    kept.into_iter()
        .filter_map(|i| blocks.get(i).map(|b| (i, b)))
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
        .map(|(i, _)| i)
        .collect()
}

/// A line that is only an ad label, a loading notice (Readability's rule) or
/// one of the page's controls ("Load more", "Print recipe", "Leave a reply") goes.
fn drop_ad_labels(blocks: &[Block], kept: Vec<usize>) -> Vec<usize> {
    kept.into_iter()
        .filter(|&i| {
            blocks
                .get(i)
                .is_some_and(|b| b.chars > 24 || !is_ad_or_loading_label(&b.text))
        })
        .collect()
}

/// A line that says only "Advertisement", "Anzeige", "Loading…", "Mehr
/// laden", "Rezept drucken" and the like.
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
        // the page's controls: load more, print, show or hide, reply
        "load more",
        "show more",
        "mehr laden",
        "mehr anzeigen",
        "lade weitere inhalte",
        "weitere inhalte laden",
        "cargar más",
        "ver más",
        "charger plus",
        "afficher plus",
        "print",
        "drucken",
        "print recipe",
        "rezept drucken",
        "artikel drucken",
        "seite drucken",
        "imprimer",
        "imprimir",
        "quellen ausblenden",
        "quellen anzeigen",
        "externer inhalt",
        "no ratings yet",
        "noch keine bewertungen",
        "(noch keine bewertungen)",
        "permalink",
        "permalien",
        "leave a comment",
        "leave a reply",
        "cancel reply",
        "kommentar verfassen",
        "antwort abbrechen",
        "back to top",
        "nach oben",
        "zum seitenanfang",
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
    use crate::intake::html::{
        extract,
        fixtures::{para, teaser_items},
    };

    #[test]
    fn a_picture_and_its_lines_are_a_caption_a_step_with_its_picture_is_text() {
        let html = format!(
            r#"<div class="article-text">{}<div class="visual inline"><a href="/big.jpg"><img src="a.jpg"></a><div class="description"><strong>A small round notch for the camera</strong> Picture: Maker</div></div>{}
            <div class="step"><div class="content"><span>Step 3</span><p>You can add various plants if you wish.</p></div><div class="thumb"><img src="b.jpg"></div></div>{}</div>"#,
            para("Body sentence", 4),
            para("More body", 3),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("More body number 2"), "{text}");
        assert!(text.contains("add various plants"), "{text}");
        assert!(!text.contains("small round notch"), "{text}");
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
    fn lines_that_are_only_an_ad_label_go() {
        let html = format!(
            r#"<div class="story">{}<div>Advertisement</div><p>- Anzeige -</p>{}<div>Loading…</div><p>Rezept drucken</p><div>Lade weitere Inhalte</div></div>"#,
            para("Story words", 4),
            para("More words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("More words number 2"), "{text}");
        for gone in ["Advertisement", "Anzeige", "Loading", "drucken", "Inhalte"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(!is_ad_or_loading_label("Ad hoc committees met"));
        assert!(!is_ad_or_loading_label("Print the form and sign it."));
        assert!(is_ad_or_loading_label(" Advertisement: "));
    }
}
