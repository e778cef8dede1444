//! Reading tags without a parser: a tag's end (quotes respected), its name,
//! its attributes (ASCII case ignored, entities decoded), an element's end, and
//! whether a tag hides its element. Guarantees: never panics, never recurses,
//! slices only at char boundaries (every cut goes through `get`).

use crate::intake::repair::entity;

/// The value of attribute `name` (ASCII, lowercase) in a start tag, found
/// ignoring ASCII case without copying the tag.
pub(super) fn attr(tag: &str, name: &str) -> Option<String> {
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
pub(super) fn has_flag(tag: &str, name: &str) -> bool {
    tag.trim_end_matches(['>', '/'])
        .split_whitespace()
        .skip(1)
        .any(|w| w.eq_ignore_ascii_case(name))
}

/// `text` with its character references (`&amp;`, `&#8217;`…) decoded.
pub(super) fn decode(text: &str) -> String {
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

/// The element name of a start or end tag, lower-cased.
pub(super) fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Length of the tag at the start of `rest`, up to its `>`: a `>` inside a
/// quoted attribute value (JSON, inline HTML) does not end it; a quote left
/// open falls back to the first `>`.
pub(super) fn tag_end(rest: &str) -> usize {
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
pub(super) fn element_end(rest: &str, name: &str) -> usize {
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
pub(super) fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
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

/// Hidden by its style, its attributes or a class that means hidden.
pub(super) fn is_hidden(tag: &str, class: &str) -> bool {
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

/// A hover card or tooltip: the box a page shows over a name or a term on
/// hover (`role="tooltip"`, a class word such as `tooltip`, `person-tooltip`,
/// `hovercard`, `popover`), not its trigger (`tooltip-trigger`, `has-tooltip`,
/// a `…-wrapper` that holds both).
pub(super) fn is_hover_card(tag: &str, class: &str) -> bool {
    attr(tag, "role").is_some_and(|r| r.eq_ignore_ascii_case("tooltip"))
        || class.split_whitespace().any(|c| {
            matches!(
                c,
                "tooltip"
                    | "tooltiptext"
                    | "tooltip-content"
                    | "tooltip-text"
                    | "tooltip-inner"
                    | "hovercard"
                    | "hover-card"
                    | "popover"
                    | "popover-content"
                    | "popover-body"
            ) || [
                "-tooltip",
                "__tooltip",
                "-hovercard",
                "-hover-card",
                "-popover",
                "__popover",
            ]
            .iter()
            .any(|end| c.ends_with(end))
        })
}

/// A tag's class and id, lower-cased, for matching names in them.
pub(super) fn class_and_id(tag: &str) -> String {
    format!(
        "{} {}",
        attr(tag, "class").unwrap_or_default(),
        attr(tag, "id").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
