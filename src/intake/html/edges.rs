//! The edges of the article the finder kept: what stands before the first
//! paragraph of prose and is no part of the body text. The headline goes to
//! `title`, not `text`: a leading block that repeats the page's title (equal
//! to it, one of its segments once the site's name is cut off, or nearly the
//! same words) is dropped. The rules read the blocks' words only, never a
//! site's name. Guarantees: only blocks of `kept` are returned, in their
//! order; no indexing that can panic.

use super::scan::Block;

/// Blocks before the first paragraph of prose that are looked at, at most.
const HEAD_BLOCKS: usize = 8;

/// The words of a text, lower-cased, for comparing a block with a title.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Separators between a title's segments (headline, section, site).
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", " • ", " : ",
];

/// The segments of a title at spaced separators (the whole title first).
fn segments(title: &str) -> Vec<&str> {
    let mut out = vec![title];
    let mut rest = title;
    while let Some((at, len)) = SEPARATORS
        .iter()
        .filter_map(|s| rest.find(s).map(|at| (at, s.len())))
        .min()
    {
        out.push(rest.get(..at).unwrap_or(""));
        rest = rest.get(at + len..).unwrap_or("");
    }
    if out.len() > 1 {
        out.push(rest);
    }
    out
}

/// Does a block repeat the title: the same words as the title or one of its
/// segments (of two words or more), or nearly the same words (four or more,
/// nine in ten of them shared)?
fn repeats_title(block: &[String], title: &str) -> bool {
    if block.is_empty() {
        return false;
    }
    let segs = segments(title);
    let same_as_segment = segs.iter().enumerate().any(|(i, s)| {
        let sw = words(s);
        sw == block && (i == 0 || sw.len() >= 2)
    });
    if same_as_segment {
        return true;
    }
    let whole = words(title);
    if block.len() < 4 || whole.len() < 4 {
        return false;
    }
    let shared = block.iter().filter(|w| whole.contains(w)).count();
    let longest = block.len().max(whole.len());
    shared * 10 >= longest * 9
}

/// The kept blocks without the leading ones that repeat the page's title
/// (`titles`: the title found and the `<title>` text as the page has it).
/// Only blocks before the first paragraph of prose are looked at, and a
/// block of body length never goes.
pub(super) fn drop_headline(blocks: &[Block], kept: Vec<usize>, titles: &[&str]) -> Vec<usize> {
    if titles.is_empty() || kept.len() < 2 {
        return kept;
    }
    let mut head = true;
    let mut looked = 0;
    kept.into_iter()
        .filter(|&i| {
            let Some(b) = blocks.get(i) else {
                return false;
            };
            if !head {
                return true;
            }
            looked += 1;
            if looked > HEAD_BLOCKS || b.chars >= 80 && !b.heading || b.chars > 250 {
                head = false;
                return true;
            }
            let w = words(&b.text);
            !titles.iter().any(|t| repeats_title(&w, t))
        })
        .collect()
}

/// Headings of the box of contacts and further information a press release
/// or an institute's news ends with (lower case, without the colon).
const CONTACT_HEADINGS: &[&str] = &[
    "kontakt",
    "pressekontakt",
    "medienkontakt",
    "kontakt für rückfragen",
    "ansprechpartner",
    "ansprechpartnerin",
    "ansprechpartner:innen",
    "weitere informationen",
    "contact",
    "contacts",
    "media contact",
    "press contact",
    "for more information",
    "more information",
    "further information",
    "contacto",
    "contacto de prensa",
    "más información",
    "contact presse",
    "plus d'informations",
];

/// Is this block, whole, the heading of a box of contacts ("Kontakt:",
/// "Media contact", "Weitere Informationen:")?
fn is_contact_heading(text: &str) -> bool {
    let key = text.trim().trim_end_matches(':').trim().to_lowercase();
    CONTACT_HEADINGS.contains(&key.as_str())
}

/// The kept blocks up to a heading of other stories ("Related", "Mehr zum
/// Thema") or of contacts ("Kontakt:", "Media contact") that stands in the
/// last third of the text, the rest being the box it heads (teasers,
/// addresses: no long paragraph of prose); a heading amid the text (a "see
/// also" between its parts) keeps what follows.
pub(super) fn drop_after_related(blocks: &[Block], kept: Vec<usize>) -> Vec<usize> {
    let total: usize = kept
        .iter()
        .filter_map(|&i| blocks.get(i))
        .map(|b| b.chars)
        .sum();
    let mut before = 0;
    let cut = kept.iter().position(|&i| {
        let Some(b) = blocks.get(i) else {
            return false;
        };
        let at = before;
        before += b.chars;
        b.chars <= 80
            && at * 3 >= total * 2
            && (crate::intake::lines::is_related_heading(&b.text) || is_contact_heading(&b.text))
    });
    // What follows must be teasers, not a paragraph of the text's own.
    let prose_after = |at: usize| {
        kept.iter()
            .skip(at + 1)
            .filter_map(|&i| blocks.get(i))
            .any(|b| b.chars >= 250 && b.link_chars * 4 < b.chars)
    };
    match cut.filter(|&at| !prose_after(at)) {
        Some(at) => kept.into_iter().take(at).collect(),
        None => kept,
    }
}

/// The kept blocks without a dangling end: a last block that introduces
/// what is not there (a short line ending in a colon, "Weitere
/// Informationen:") or heads nothing (a short heading), again while the
/// end dangles.
pub(super) fn drop_dangling_end(blocks: &[Block], mut kept: Vec<usize>) -> Vec<usize> {
    while kept.len() > 1 {
        let dangles = kept
            .last()
            .and_then(|&i| blocks.get(i))
            .is_some_and(|b| b.chars <= 120 && (b.heading || b.text.trim_end().ends_with(':')));
        if !dangles {
            break;
        }
        kept.pop();
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::html::{extract, fixtures::para};

    #[test]
    fn a_box_of_contacts_at_the_end_goes_a_contact_heading_amid_the_text_stays() {
        let html = format!(
            r#"<div class="news">{}{}<p>Kontakt:</p><p>Dr. Jane Roe</p><p>Institute of Meteorology</p><p>Telefon +49 40 41173 0</p></div>"#,
            para("Body words", 5),
            para("Last words", 4)
        );
        let text = extract(&html).text;
        assert!(text.contains("Last words number 3"), "{text}");
        assert!(
            !text.contains("Jane Roe") && !text.contains("Kontakt"),
            "{text}"
        );
        let html = format!(
            r#"<div class="news">{}<h2>Contact</h2>{}</div>"#,
            para("Body words", 2),
            para("Contact words", 6)
        );
        assert!(extract(&html).text.contains("Contact words number 5"));
    }

    #[test]
    fn the_headline_that_repeats_the_title_goes_to_the_title_only() {
        let html = format!(
            r#"<head><title>Port strike ends after talks | The Daily Paper</title></head>
            <body><article><h1>Port strike ends after talks</h1><div class="text">{}{}</div></article></body>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let page = extract(&html);
        assert_eq!(page.title.as_deref(), Some("Port strike ends after talks"));
        assert!(!page.text.contains("Port strike ends"), "{}", page.text);
        assert!(page.text.contains("Last words number 2"), "{}", page.text);
    }

    #[test]
    fn a_heading_that_is_not_the_title_stays() {
        let html = format!(
            r#"<head><title>Port strike ends after talks</title></head>
            <body><article><h1>Port strike ends after talks</h1><div class="text">{}<h2>What the unions said</h2>{}</div></article></body>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(!text.contains("Port strike ends"), "{text}");
        assert!(text.contains("What the unions said"), "{text}");
    }

    #[test]
    fn what_a_related_heading_heads_at_the_end_goes() {
        let html = format!(
            r#"<div class="story">{}{}<h3>Mehr zum Thema</h3><p>Another story of the site, told in brief, a teaser for it.</p><p>And one more teaser, for yet another story.</p></div>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("Last words number 2"), "{text}");
        assert!(!text.contains("teaser"), "{text}");
        // Amid the text, a "see also" heads its part.
        let html = format!(
            r#"<div class="story">{}<h3>See also</h3>{}{}</div>"#,
            para("Body words", 2),
            para("Part words", 4),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("Part words number 3"), "{text}");
    }

    #[test]
    fn a_label_or_a_heading_that_ends_the_text_goes() {
        let html = format!(
            r#"<div class="story">{}{}<p>Weitere Informationen:</p><h4>Über den Autor</h4></div>"#,
            para("Body words", 4),
            para("Last words", 3)
        );
        let text = extract(&html).text;
        assert!(text.contains("Last words number 2"), "{text}");
        assert!(
            !text.contains("Informationen") && !text.contains("Autor"),
            "{text}"
        );
    }

    #[test]
    fn titles_are_compared_by_their_words_and_segments() {
        let w = |t: &str| words(t);
        assert!(repeats_title(
            &w("Skoda: Der lange Weg zum Strom"),
            "Skoda: Der lange Weg zum Strom - autohaus.de"
        ));
        assert!(repeats_title(
            &w("Ucrania interrumpe paso de gas ruso a Europa"),
            "Ucrania interrumpe paso de gas ruso a Europa."
        ));
        // A one-word segment (a section name) is not the headline.
        assert!(!repeats_title(
            &w("News"),
            "Port strike ends | News | Paper"
        ));
        assert!(!repeats_title(
            &w("The unions said the strike would end on Monday"),
            "Port strike ends after talks"
        ));
        assert_eq!(segments("A | B - C").len(), 4);
    }
}
