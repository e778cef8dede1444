//! What a block element's start tag says about it: its class, id and role
//! weighed as Readability weighs them (article-like up, furniture-like down),
//! whether they name it unlikely, furniture to discard or a standfirst, and
//! whether it is hidden or furniture by its tag. Each [`Node`] also carries
//! the per-pass totals that the article finder fills in.
//! Guarantees: the verdicts depend on the tag alone; never panics.

use super::tags::{attr, is_hidden, is_hover_card};

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
    "credit",
    "widget",
    "masthead",
    "tags",
    "complementary",
    "dialog",
    "alert",
];
/// Class, id or role words of boxes shown over the page (sign-in, cookie
/// consent, pop-ups): never the article, in any pass.
const OVERLAY: &[&str] = &["cookie", "consent", "gdpr", "login", "signin", "sign-in"];
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
/// No node: the root's parent, a node outside any list or table.
pub(super) const NONE: usize = usize::MAX;

/// A block element of the page, in document (preorder) order.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) name: String,
    pub(super) parent: usize,
    /// Index of the last node inside this one (the subtree is `self..=end`).
    pub(super) end: usize,
    /// Class and id weight (Readability's ±25 each).
    pub(super) weight: f64,
    /// Its own class, id or role names it as furniture.
    pub(super) unlikely: bool,
    /// Images (`<img>`, not emoji) inside, counted after the scan.
    pub(super) images: usize,
    /// Holds a paragraph, list item, heading or cell (set after the scan):
    /// text of its own kind, not a caption's line.
    pub(super) holds_paragraph: bool,
    /// Unlikely only by a word of place ("header", "footer" in its name).
    pub(super) by_place: bool,
    /// Its class or id names furniture that may sit inside an article (share
    /// bar, author box, related links, embedded post): dropped from inside the
    /// article whatever else the name says.
    pub(super) discard: bool,
    /// Its class or id names the standfirst (lead, intro, teaser, summary).
    pub(super) lead: bool,
    /// Out in every pass: furniture by its tag (nav, aside, footer, dialog),
    /// hidden by style or attribute, a dialog or alert by its role, a box
    /// shown over the page by its name (sign-in, cookie consent), or a
    /// sign-in form (set after the scan, see `sign_in`).
    pub(super) hard: bool,
    /// The class attribute, to find siblings of the same kind.
    pub(super) class: String,
    /// A table marked as data by its markup (summary, th, thead, caption, col…).
    pub(super) data_hint: bool,
    /// A table marked as layout (role=presentation).
    pub(super) layout: bool,
    /// An embedded post (a tweet, an Instagram or TikTok post quoted in the
    /// text: `<blockquote class="twitter-tweet">`), kept as data tables are.
    pub(super) embedded_post: bool,
    /// A form with a password field (a sign-in or sign-up box); made `hard`
    /// after the scan unless it holds the page's main parts.
    pub(super) sign_in: bool,
    /// Inside a data table or an embedded post (or one itself).
    pub(super) in_data: bool,
    /// Holds a data table.
    pub(super) has_data: bool,
    /// Inside a list (or one itself).
    pub(super) in_list: bool,
    /// The outermost list this node is in (or itself), or `NONE`.
    pub(super) list_top: usize,
    /// Text inside lists, of `chars`.
    pub(super) list_chars: usize,

    // Totals over the text inside (the blocks kept in the current pass).
    pub(super) chars: usize,
    pub(super) link_chars: usize,
    pub(super) commas: usize,
    pub(super) paragraphs: usize,
    /// Headings inside that are all link text (the headlines of teasers).
    pub(super) headlines: usize,
    pub(super) score: f64,
    pub(super) scored: bool,
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

/// The node for a block element's start `tag` (`name` lower-cased), its totals zero.
pub(super) fn new_node(name: &str, parent: usize, tag: &str) -> Node {
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
    // Unlikely only by a word of place on the page ("above-footer",
    // "header-wrap"): a wrapper that holds most of the prose is not furniture.
    let by_place = unlikely && {
        let rest = names.replace("header", " ").replace("footer", " ");
        !UNLIKELY.iter().any(|w| rest.contains(w))
    };
    Node {
        name: name.to_string(),
        parent,
        end: 0,
        by_place,
        images: 0,
        holds_paragraph: false,
        weight: class_weight(&named, &id, slug) + if article_body { 25.0 } else { 0.0 },
        unlikely,
        lead: LEAD.iter().any(|w| names.contains(w)),
        discard: !article_body && DISCARD.iter().any(|w| names.contains(w))
            || is_hover_card(tag, &class),
        hard: hidden
            || matches!(name, "nav" | "aside" | "footer" | "dialog")
            || matches!(role.as_str(), "alert" | "alertdialog" | "dialog")
            || name != "body"
                && !article_body
                && OVERLAY.iter().any(|w| names.contains(w))
                && !MAYBE.iter().any(|w| names.contains(w))
            || attr(tag, "aria-modal").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || matches!(name, "figure" | "figcaption" | "picture"),
        data_hint: name == "table" && attr(tag, "summary").is_some(),
        layout: name == "table"
            && (role == "presentation" || attr(tag, "datatable").is_some_and(|v| v == "0")),
        embedded_post: name == "blockquote"
            && [
                "twitter-tweet",
                "instagram-media",
                "tiktok-embed",
                "bluesky-embed",
                "mastodon-embed",
                "threads-post",
            ]
            .iter()
            .any(|c| class.split_whitespace().any(|x| x == *c)),
        sign_in: false,
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

#[cfg(test)]
mod tests {
    use crate::intake::html::{extract, fixtures::para};

    #[test]
    fn an_embedded_post_in_the_text_stays_in_its_embed_box() {
        let html = format!(
            r#"<div class="post">{}<div class="embed-twitter"><blockquote class="twitter-tweet"><p lang="en">The quoted tweet says <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Jane Doe (@jdoe) <a href="https://twitter.com/jdoe/status/1">May 3, 2021</a></blockquote></div>{}<div class="share-embed"><a href="/s">Embed this story</a></div></div>"#,
            para("Post words", 4),
            para("More words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("The quoted tweet says"), "{text}");
        assert!(text.contains("More words number 2"), "{text}");
        assert!(!text.contains("Embed this story"), "{text}");
    }

    #[test]
    fn sign_in_boxes_and_consent_banners_are_never_the_article() {
        // A video page: a short description, and a sign-in dialog with long
        // error messages in a form with a password field.
        let errors: String = (0..12)
            .map(|i| format!("<p role=\"alert\">Error message number {i}: this address has no account, or the password is wrong, please try again.</p><p>Please fill in field {i} of the form, with the value asked for, or leave it.</p>"))
            .collect();
        let cookies = "Privacy and cookies: this site uses cookies, and by going on you agree to their use, as the policy says. ".repeat(4);
        let html = format!(
            r#"<main class="main"><article><div class="item-caption"><p class="item-description">The city is the centre of the pandemic in the country. Sport, too, has come to a standstill; how it goes on is unclear.</p></div></article></main>
            <div id="login-dialog" class="b-dialog x-dialog-login"><form><fieldset>{errors}<input type="password" name="pw"></fieldset></form></div>
            <div class="widget widget_eu_cookie_law_widget"><p>{cookies}</p></div>"#
        );
        let text = extract(&html).text;
        assert!(
            text.contains("Sport, too, has come to a standstill"),
            "{text}"
        );
        for gone in ["Error message", "Please fill in", "cookies"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        // A page-wide form that holds the article (ASP.NET) is not a sign-in box.
        let html = format!(
            r#"<form id="aspnetForm"><div class="login"><input type="password"></div><main><h1>Title</h1><div class="story">{}</div></main></form>"#,
            para("Story words", 5)
        );
        assert!(extract(&html).text.contains("Story words number 4"));
    }

    #[test]
    fn a_wrapper_named_by_its_place_that_holds_the_prose_is_not_furniture() {
        let notice = "Many of the offers on this site come from companies that pay us and that may change where they appear. ".repeat(6);
        let html = format!(
            r#"<body><div class="top"><div class="disclosure"><p>{notice}</p></div></div><div class="above-footer"><div class="post-content"><div class="article-body">{}</div></div></div><div class="site-footer"><p>{notice}</p></div></body>"#,
            (0..10).map(|_| para("Story words", 4)).collect::<String>()
        );
        let text = extract(&html).text;
        assert!(text.contains("Story words number 2"), "{text}");
        assert!(!text.contains("companies that pay us"), "{text}");
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
}
