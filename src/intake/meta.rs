//! What an HTML page says about its article: title, byline, publication date,
//! site name and language, each taken from the best of the sources the page
//! gives (a lower rank wins; of equal ranks, the first met, a meta tag's
//! standard `property` form before its `name` form):
//!
//! - title: JSON-LD article `headline` or `name` (the one `<title>` holds,
//!   when they differ), Dublin Core, Open Graph, `<meta name=title>`,
//!   Twitter, Parse.ly (each as the page states it), then `<title>`, cut of a
//!   first or last segment that names the site (" - BBC News") or, failing
//!   that, of its last segment after a separator when five words or more
//!   stay (as Readability does);
//! - byline: JSON-LD `author` (names joined by ", "), Dublin Core creator,
//!   `<meta name=author>`, Parse.ly, `article:author` (not a profile URL),
//!   then the byline shown on the page (rel=author, a byline class);
//! - date: JSON-LD `datePublished`, `article:published_time`, Parse.ly, other
//!   date meta and `itemprop=datePublished`, JSON-LD `dateCreated`, then the
//!   first `<time datetime>`;
//! - site name: JSON-LD `publisher.name`, `og:site_name`, then the web-app
//!   name (`application-name`) unless it is the title;
//! - language: `<html lang>`, `xml:lang`, `Content-Language`, then `og:locale`.
//!
//! JSON-LD is read from `application/ld+json` scripts with a JSON parser
//! (objects, arrays and `@graph`; the first article-typed object counts);
//! other scripts that look like JSON-LD, or JSON that does not parse, are
//! searched for `"key": "value"` pairs as a last resort.

/// A value and the rank of its source (lower is better).
type Ranked = Option<(u8, String)>;

/// Candidates met while scanning a page.
#[derive(Debug, Default)]
pub struct Found {
    title: Ranked,
    byline: Ranked,
    published: Ranked,
    site: Ranked,
    /// The web-app name, a site name only when it is not the title.
    app_name: Option<String>,
    /// JSON-LD article `headline` and `name`, chosen between at the end.
    ld_headline: Option<String>,
    ld_name: Option<String>,
    language: Ranked,
    /// The `<title>` text, whitespace squashed.
    doc_title: Option<String>,
}

/// Keep `value` in `slot` if its rank is better than what is there.
fn offer(slot: &mut Ranked, rank: u8, value: &str) {
    if slot.as_ref().is_some_and(|(r, _)| *r <= rank) {
        return;
    }
    let value = squash(value);
    if !value.is_empty() {
        *slot = Some((rank, value));
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A profile link or a handle names no one in words.
fn is_name(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && !t.starts_with("http") && !t.starts_with("www.") && !t.starts_with('@')
}

/// The metadata of the page, in the order of the `Page` fields: title,
/// byline, published, site name, language.
pub type Resolved = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Found {
    /// A `<meta>` tag: `property`, `name` or `itemprop` (each of several
    /// space-separated keys) with `content`; `http-equiv=content-language`.
    pub fn meta(&mut self, property: Option<&str>, name: Option<&str>, content: &str) {
        if content.trim().is_empty() {
            return;
        }
        let keys = |attr: Option<&str>, standard: bool| {
            attr.into_iter()
                .flat_map(str::split_whitespace)
                .map(move |k| (k.to_ascii_lowercase(), standard))
                .collect::<Vec<_>>()
        };
        for (key, standard) in keys(property, true).into_iter().chain(keys(name, false)) {
            self.key(&key, content, standard);
        }
    }

    /// One key; ranks are doubled so that a `property` key outranks the same
    /// key given as `name`.
    fn key(&mut self, key: &str, content: &str, standard: bool) {
        let offer = |slot: &mut Ranked, rank: u8, value: &str| {
            offer(slot, rank * 2 + u8::from(!standard), value)
        };
        // "og:article:author" is "article:author"; "dc.title" is "dc:title".
        let key: std::borrow::Cow<str> = match key.strip_prefix("og:article:") {
            Some(rest) => format!("article:{rest}").into(),
            None if key.contains('.') => key.replace('.', ":").into(),
            None => key.into(),
        };
        let title_rank = match key.as_ref() {
            "dc:title" | "dcterm:title" | "dcterms:title" => Some(1),
            "og:title" => Some(2),
            "weibo:article:title" | "weibo:webpage:title" => Some(3),
            "title" => Some(4),
            "twitter:title" => Some(5),
            "parsely-title" => Some(6),
            _ => None,
        };
        if let Some(rank) = title_rank {
            offer(&mut self.title, rank, content);
            return;
        }
        match key.as_ref() {
            "dc:creator" | "dcterm:creator" | "dcterms:creator" if is_name(content) => {
                offer(&mut self.byline, 1, content)
            }
            "author" if is_name(content) => offer(&mut self.byline, 2, content),
            "parsely-author" if is_name(content) => offer(&mut self.byline, 3, content),
            "article:author" if is_name(content) => offer(&mut self.byline, 4, content),
            "byl" | "sailthru:author" if is_name(content) => offer(&mut self.byline, 5, content),
            "article:published_time" => offer(&mut self.published, 1, content),
            "parsely-pub-date" => offer(&mut self.published, 2, content),
            "datepublished" | "pubdate" | "date" | "dc:date" | "dc:date:issued"
            | "dcterms:date" | "dcterms:issued" | "publish-date" | "sailthru:date" => {
                offer(&mut self.published, 3, content)
            }
            "og:site_name" => offer(&mut self.site, 1, content),
            "application-name" | "apple-mobile-web-app-title" if self.app_name.is_none() => {
                self.app_name = Some(squash(content));
            }
            "content-language" => offer(&mut self.language, 2, content),
            "og:locale" => offer(&mut self.language, 3, &content.replace('_', "-")),
            _ => {}
        }
    }

    /// `<html lang>` (`xml`: the `xml:lang` attribute).
    pub fn html_lang(&mut self, lang: &str, xml: bool) {
        offer(&mut self.language, u8::from(xml) * 2, lang);
    }

    /// A `<time datetime>` (`itemprop`: marked `itemprop=datePublished`).
    pub fn time(&mut self, datetime: &str, itemprop: bool) {
        offer(&mut self.published, if itemprop { 7 } else { 10 }, datetime);
    }

    /// The byline shown on the page.
    pub fn visible_byline(&mut self, byline: &str) {
        offer(&mut self.byline, 12, byline);
    }

    /// The text of the page's `<title>`.
    pub fn doc_title(&mut self, title: &str) {
        let title = squash(title);
        if self.doc_title.is_none() && !title.is_empty() {
            self.doc_title = Some(title);
        }
    }

    /// A script's text; `ld`: its type is `application/ld+json`.
    pub fn script(&mut self, body: &str, ld: bool) {
        if ld {
            let json = body
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>")
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->");
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(json) {
                if let Some(article) = article_object(&value) {
                    self.json_ld(article);
                }
                return;
            }
        }
        if !(body.contains("\"@type\"") || body.contains("datePublished")) {
            return;
        }
        // Not JSON-LD by its type, or JSON that does not parse: the pairs
        // alone, looked for (a scan of the script each) only when no better
        // source gave the field.
        let wanted = |slot: &Ranked, rank: u8| slot.as_ref().is_none_or(|(r, _)| *r > rank);
        if wanted(&self.published, 8) {
            if let Some(date) = json_string(body, "datePublished") {
                offer(&mut self.published, 8, &date);
            }
        }
        if wanted(&self.byline, 11) {
            let author =
                json_string(body, "author").or_else(|| json_name_after(body, "\"author\""));
            if let Some(author) = author.filter(|a| is_name(a)) {
                offer(&mut self.byline, 11, &author);
            }
        }
        if wanted(&self.title, 13) {
            if let Some(headline) = json_string(body, "headline") {
                offer(&mut self.title, 13, &headline);
            }
        }
    }

    /// The fields of a JSON-LD article object.
    fn json_ld(&mut self, article: &serde_json::Map<String, serde_json::Value>) {
        let text = |key: &str| {
            article
                .get(key)
                .and_then(|v| v.as_str())
                .map(squash)
                .filter(|v| !v.is_empty())
        };
        if self.ld_headline.is_none() && self.ld_name.is_none() {
            self.ld_headline = text("headline");
            self.ld_name = text("name");
        }
        if let Some(author) = article.get("author").and_then(names) {
            offer(&mut self.byline, 0, &author);
        }
        if let Some(date) = text("datePublished") {
            offer(&mut self.published, 0, &date);
        }
        if let Some(date) = text("dateCreated") {
            offer(&mut self.published, 9, &date);
        }
        let publisher = article.get("publisher").and_then(|p| match p {
            serde_json::Value::String(s) => Some(s.as_str()),
            serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()),
            _ => None,
        });
        if let Some(publisher) = publisher.filter(|p| is_name(p)) {
            offer(&mut self.site, 0, publisher);
        }
    }

    /// The page's `<title>` text, white space squashed, as the page has it
    /// (the site's name not cut off), before [`Found::resolve`] takes the rest.
    pub fn page_title(&self) -> Option<&str> {
        self.doc_title.as_deref()
    }

    /// The metadata, best source first, the title cleaned of the site's name.
    pub fn resolve(mut self) -> Resolved {
        let mut sites: Vec<String> = Vec::new();
        if let Some((_, site)) = &self.site {
            sites.push(site.clone());
        }
        if let Some(app) = &self.app_name {
            sites.push(app.clone());
        }
        let sites: Vec<&str> = sites.iter().map(String::as_str).collect();
        // JSON-LD's headline or name, when they differ the name if the page's
        // <title> holds it and not the headline (the headline is at times a
        // description) and it is not the site's name, else the headline.
        let held = |t: &String| {
            self.doc_title
                .as_deref()
                .is_some_and(|d| d.to_lowercase().contains(&t.to_lowercase()))
        };
        let ld_title = match (self.ld_headline.take(), self.ld_name.take()) {
            (Some(h), Some(n)) if held(&n) && !held(&h) && !names_site(&n, &sites) => Some(n),
            (h, n) => h.or(n),
        };
        if let Some(title) = ld_title {
            offer(&mut self.title, 0, &title);
        }
        let title = match (&self.title, &self.doc_title) {
            (Some((_, title)), _) => Some(title.clone()),
            (None, Some(doc)) => Some(document_title(doc, &sites)),
            (None, None) => None,
        };
        let site = self.site.map(|s| s.1).or_else(|| {
            // A web-app name that is the page's title names no site.
            self.app_name.filter(|a| {
                !self.doc_title.as_deref().is_some_and(|d| same(d, a))
                    && !title.as_deref().is_some_and(|t| same(t, a))
            })
        });
        (
            title,
            self.byline.map(|b| b.1),
            self.published.map(|p| p.1),
            site,
            self.language.map(|l| l.1),
        )
    }
}

/// The first object of a JSON-LD value (an object, an array, a `@graph`)
/// whose `@type` is an article's.
fn article_object(
    value: &serde_json::Value,
) -> Option<&serde_json::Map<String, serde_json::Value>> {
    let mut queue: Vec<&serde_json::Value> = vec![value];
    // Bounded: an array of objects with a `@graph` of objects at most.
    for _ in 0..4 {
        let mut next = Vec::new();
        for v in queue {
            match v {
                serde_json::Value::Array(items) => next.extend(items.iter()),
                serde_json::Value::Object(o) => {
                    if o.get("@type").is_some_and(is_article_type) {
                        return Some(o);
                    }
                    if let Some(graph) = o.get("@graph") {
                        next.push(graph);
                    }
                }
                _ => {}
            }
        }
        queue = next;
    }
    None
}

/// A schema.org type (or list of types) of articles and posts.
fn is_article_type(value: &serde_json::Value) -> bool {
    let one = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting"
                    | "LiveBlogPosting"
                    | "SocialMediaPosting"
                    | "DiscussionForumPosting"
                    | "Report"
                    | "APIReference"
            )
    };
    match value {
        serde_json::Value::String(t) => one(t),
        serde_json::Value::Array(types) => types.iter().filter_map(|t| t.as_str()).any(one),
        _ => false,
    }
}

/// The names in a JSON-LD `author`: a string, an object with a `name`, or a
/// list of these, joined by ", ".
fn names(author: &serde_json::Value) -> Option<String> {
    let one = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()),
        serde_json::Value::Object(o) => o
            .get("name")
            .and_then(|n| n.as_str())
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    let all: Vec<String> = match author {
        serde_json::Value::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    let all: Vec<String> = all.into_iter().filter(|n| is_name(n)).collect();
    (!all.is_empty()).then(|| all.join(", "))
}

/// Equal once white space and case are set aside.
fn same(a: &str, b: &str) -> bool {
    squash(a).to_lowercase() == squash(b).to_lowercase()
}

/// Separators between a title and the site's name.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", " • ",
];

/// The segments of a title at spaced separators.
fn segments(title: &str) -> Vec<&str> {
    let mut cuts: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|s| title.match_indices(s).map(|(at, m)| (at, at + m.len())))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for (start, end) in cuts {
        if start < from {
            continue;
        }
        out.push(title.get(from..start).unwrap_or(""));
        from = end;
    }
    out.push(title.get(from..).unwrap_or(""));
    out
}

/// Does a title segment name the site (equal to a site name, or the first
/// words of one: "Spiceworks" of "Spiceworks Inc")?
fn names_site(segment: &str, sites: &[&str]) -> bool {
    let seg = squash(segment).to_lowercase();
    seg.chars().count() >= 2
        && sites.iter().any(|site| {
            let site = squash(site).to_lowercase();
            site == seg
                || site
                    .strip_prefix(&seg)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        })
}

/// A title without a first or last segment that names the site.
fn without_site(title: &str, sites: &[&str]) -> String {
    let parts = segments(title);
    if parts.len() < 2 {
        return title.to_string();
    }
    let sep_end = |part: &str| {
        // Byte offset in `title` where `part` starts (parts are slices of it).
        part.as_ptr() as usize - title.as_ptr() as usize
    };
    if let Some(last) = parts.last().filter(|p| names_site(p, sites)) {
        let start = sep_end(last);
        let head = title.get(..start).unwrap_or(title);
        let head = SEPARATORS
            .iter()
            .find_map(|s| head.strip_suffix(s))
            .unwrap_or(head);
        if !head.trim().is_empty() {
            return head.trim().to_string();
        }
    }
    if let (Some(first), Some(second)) = (parts.first(), parts.get(1)) {
        if names_site(first, sites) {
            let tail = title.get(sep_end(second)..).unwrap_or(title);
            if !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The `<title>` as the article's title: without the site's name, or else
/// without its last segment after a separator when five words or more stay
/// (as Readability does).
fn document_title(title: &str, sites: &[&str]) -> String {
    let cleaned = without_site(title, sites);
    if cleaned != title {
        return cleaned;
    }
    let parts = segments(title);
    if let Some(last) = parts.last().filter(|_| parts.len() >= 2) {
        let start = last.as_ptr() as usize - title.as_ptr() as usize;
        let head = title.get(..start).unwrap_or(title);
        let head = SEPARATORS
            .iter()
            .find_map(|s| head.strip_suffix(s))
            .unwrap_or(head)
            .trim();
        if head.split_whitespace().count() >= 5 {
            return head.to_string();
        }
    }
    title.to_string()
}

/// `"key": "value"` in JSON-like text, the value's escapes decoded.
fn json_string(body: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let at = body.find(&needle)? + needle.len();
    let rest = body.get(at..)?.trim_start().strip_prefix(':')?.trim_start();
    let value = rest.strip_prefix('"')?;
    // The closing quote is the first one no backslash escapes.
    let mut end = None;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                end = Some(i);
                break;
            }
            _ => escaped = false,
        }
    }
    let raw = value.get(..end?)?;
    serde_json::from_str::<String>(&format!("\"{raw}\""))
        .ok()
        .or_else(|| Some(raw.to_string()))
}

fn json_name_after(body: &str, key: &str) -> Option<String> {
    let at = body.find(key)?;
    json_string(body.get(at..)?, "name")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(found: Found) -> Resolved {
        found.resolve()
    }

    #[test]
    fn json_ld_article_wins_and_is_parsed() {
        let mut f = Found::default();
        f.meta(Some("og:title"), None, "Social title");
        f.meta(None, Some("author"), "meta-user");
        f.meta(Some("article:published_time"), None, "2024-12-07T12:43:39Z");
        f.meta(Some("og:site_name"), None, "Site Inc");
        f.script(
            r#"<![CDATA[ [{"@type":"BreadcrumbList","name":"Crumbs"},
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},
            {"@type":["NewsArticle"],"headline":"Real headline","name":"Site",
            "author":[{"@type":"Person","name":"Ale\u0161 V\u00e1vra"},{"name":"Jo Roe"},"https://x.example/a"],
            "datePublished":"2024-12-06T22:00:40.000Z","publisher":{"name":"Site"}}]}] ]]>"#,
            true,
        );
        let (title, byline, published, site, _) = resolved(f);
        assert_eq!(title.as_deref(), Some("Real headline"));
        assert_eq!(byline.as_deref(), Some("Aleš Vávra, Jo Roe"));
        assert_eq!(published.as_deref(), Some("2024-12-06T22:00:40.000Z"));
        assert_eq!(site.as_deref(), Some("Site"));
    }

    #[test]
    fn json_ld_other_types_and_broken_json() {
        // An Organization's name is no title; a Review is no article.
        let mut f = Found::default();
        f.script(r#"{"@type":"Organization","name":"GitLab"}"#, true);
        f.script(r#"{"@type":"Review","author":{"name":"R"}}"#, true);
        let (title, byline, ..) = resolved(f);
        assert_eq!((title, byline), (None, None));
        // JSON that does not parse: the pairs, escapes decoded.
        let mut f = Found::default();
        f.script(
            r#"{"@type":"NewsArticle","headline":"Caf\u00e9 \"open\"","datePublished":"2020-01-02",}"#,
            true,
        );
        let (title, _, published, ..) = resolved(f);
        assert_eq!(title.as_deref(), Some("Café \"open\""));
        assert_eq!(published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn meta_keys_in_order_of_trust() {
        let mut f = Found::default();
        f.meta(None, Some("title"), "Meta name title");
        f.meta(Some("og:title"), None, "Open Graph title");
        f.meta(None, Some("DC.title"), "Dublin Core name title");
        f.meta(Some("x:title dc:title"), None, "Dublin Core title");
        f.meta(None, Some("author"), "Meta Author");
        f.meta(Some("dc:creator twitter:site_name"), None, "Creator Name");
        f.meta(Some("article:author"), None, "https://facebook.com/someone");
        f.meta(None, Some("sailthru.date"), "2018-07-24");
        f.meta(
            Some("article:published_time"),
            None,
            "2017-12-15T08:50:02-05:00",
        );
        f.meta(None, Some("application-name"), "Some App");
        f.meta(Some("og:locale"), None, "pt_BR");
        let (title, byline, published, site, language) = resolved(f);
        assert_eq!(title.as_deref(), Some("Dublin Core title"));
        assert_eq!(byline.as_deref(), Some("Creator Name"));
        assert_eq!(published.as_deref(), Some("2017-12-15T08:50:02-05:00"));
        assert_eq!(site.as_deref(), Some("Some App"));
        assert_eq!(language.as_deref(), Some("pt-BR"));
        // og:article:author counts as article:author; html lang beats og:locale.
        let mut f = Found::default();
        f.meta(Some("og:locale"), None, "en_GB");
        f.html_lang("fr", false);
        f.meta(Some("og:article:author"), None, "BBC News");
        let (_, byline, _, _, language) = resolved(f);
        assert_eq!(byline.as_deref(), Some("BBC News"));
        assert_eq!(language.as_deref(), Some("fr"));
    }

    #[test]
    fn an_app_name_that_is_the_title_is_no_site() {
        let mut f = Found::default();
        f.meta(
            None,
            Some("application-name"),
            "Nintendo's first iPhone game",
        );
        f.doc_title("Nintendo's first iPhone game");
        let (title, _, _, site, _) = resolved(f);
        assert_eq!(title.as_deref(), Some("Nintendo's first iPhone game"));
        assert_eq!(site, None);
    }

    #[test]
    fn the_site_name_is_cut_from_the_title() {
        let sites = ["BBC News", "Aktuálně.cz - Víte, co se právě děje"];
        assert_eq!(
            without_site("Obama admits US gun laws - BBC News", &sites),
            "Obama admits US gun laws"
        );
        assert_eq!(
            without_site("West Ham hrozí gigantům | Aktuálně.cz", &["Aktuálně.cz"]),
            "West Ham hrozí gigantům"
        );
        assert_eq!(
            without_site(
                "Vidyard Introduces New Features - Spiceworks",
                &["Spiceworks Inc"]
            ),
            "Vidyard Introduces New Features"
        );
        assert_eq!(
            without_site("BBC News | Obama admits US gun laws", &sites),
            "Obama admits US gun laws"
        );
        // A segment that does not name the site stays, and so does a title
        // that is the site's name alone.
        assert_eq!(
            without_site("Brexit - what happens next", &sites),
            "Brexit - what happens next"
        );
        assert_eq!(without_site("BBC News", &sites), "BBC News");
        assert_eq!(
            without_site("Spiceworks Incident report - Foo", &["Spiceworks"]),
            "Spiceworks Incident report - Foo"
        );
    }

    #[test]
    fn a_document_title_is_cut_to_its_article() {
        let none: [&str; 0] = [];
        assert_eq!(
            document_title("Lorem ipsum dolor sit amet – My website", &none),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            document_title(
                "Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault",
                &none,
            ),
            "Get your Frontend JavaScript Code Covered | Code"
        );
        assert_eq!(
            document_title("New Zealand - Wikipedia", &["Wikipedia"]),
            "New Zealand"
        );
        // Too little would stay: the whole title.
        assert_eq!(
            document_title("On Recent Controversial Events - Bradley M. Kuhn", &none),
            "On Recent Controversial Events - Bradley M. Kuhn"
        );
    }

    #[test]
    fn metadata_titles_stay_as_the_page_states_them() {
        let mut f = Found::default();
        f.meta(Some("og:title"), None, "How to Build a Terrarium | eHow");
        f.meta(Some("og:site_name"), None, "eHow");
        f.doc_title("How to Build a Terrarium | eHow");
        assert_eq!(
            resolved(f).0.as_deref(),
            Some("How to Build a Terrarium | eHow")
        );
    }

    #[test]
    fn json_ld_headline_or_name_whichever_the_title_holds() {
        let mut f = Found::default();
        f.doc_title("New Zealand - Wikipedia");
        f.script(
            r#"{"@type":"Article","name":"New Zealand","headline":"country in Oceania"}"#,
            true,
        );
        assert_eq!(resolved(f).0.as_deref(), Some("New Zealand"));
        // A name that is the site's is no title.
        let mut f = Found::default();
        f.doc_title("Součkovu práci - Aktuálně.cz");
        f.script(
            r#"{"@type":"NewsArticle","name":"Aktuálně.cz","headline":"Součka",
            "publisher":{"name":"Aktuálně.cz"}}"#,
            true,
        );
        assert_eq!(resolved(f).0.as_deref(), Some("Součka"));
    }
}
