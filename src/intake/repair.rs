//! Repairs of pasted text: UTF-8 written as hex with its backslashes lost
//! ("Russiaxe2x80x99s"), mojibake ("â€™", "Ã©"), HTML entities, control
//! characters and odd whitespace. Text that is already right is left alone:
//! hex is decoded only when it forms valid multi-byte UTF-8, mojibake only when
//! the re-encoded bytes do.

use crate::Span;

/// One repair, relative to the repaired string it was made in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalRepair {
    pub span: Span,
    pub original: String,
    pub kind: &'static str,
}

/// Windows-1252's characters for bytes 0x80–0x9F.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The byte a character stands for when UTF-8 was misread as Windows-1252/Latin-1.
fn misread_byte(ch: char) -> Option<u8> {
    let code = ch as u32;
    if (0xA0..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    CP1252
        .iter()
        .position(|&c| c == ch)
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// Hex bytes at `at`: "xe2x80x99" or "\xe2\x80\x99". Returns the decoded text and its length.
fn hex_utf8(text: &str, at: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut decoded = Vec::with_capacity(4);
    let read_byte = |i: usize| -> Option<(u8, usize)> {
        let start = if bytes.get(i) == Some(&b'\\') {
            i + 1
        } else {
            i
        };
        if !matches!(bytes.get(start), Some(b'x' | b'X')) {
            return None;
        }
        let hex = text.get(start + 1..start + 3)?;
        let value = u8::from_str_radix(hex, 16).ok()?;
        Some((value, start + 3))
    };
    let (lead, next) = read_byte(i)?;
    let need = utf8_len(lead);
    if need < 2 {
        return None;
    }
    decoded.push(lead);
    i = next;
    while decoded.len() < need {
        let (b, next) = read_byte(i)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        decoded.push(b);
        i = next;
    }
    let s = String::from_utf8(decoded).ok()?;
    Some((s, i - at))
}

/// Mojibake at `at`: a lead character and continuation characters whose bytes form UTF-8.
fn mojibake(text: &str, at: usize) -> Option<(String, usize)> {
    let mut chars = text.get(at..)?.char_indices();
    let (_, first) = chars.next()?;
    let lead = misread_byte(first)?;
    let need = utf8_len(lead);
    if need < 2 {
        return None;
    }
    let mut decoded = vec![lead];
    let mut end = first.len_utf8();
    while decoded.len() < need {
        let (offset, ch) = chars.next()?;
        let b = misread_byte(ch).filter(|b| (0x80..=0xBF).contains(b))?;
        decoded.push(b);
        end = offset + ch.len_utf8();
    }
    Some((String::from_utf8(decoded).ok()?, end))
}

/// The named character references of HTML 4 (Latin-1, symbols and Greek,
/// punctuation: the ones pages write, `&szlig;`, `&agrave;`, `&acute;`…) and
/// `&apos;`, sorted by name (as `str` orders them) for a binary search; a
/// no-break space is a space, a soft hyphen nothing.
const ENTITIES: &[(&str, &str)] = &[
    ("AElig", "Æ"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Agrave", "À"),
    ("Alpha", "Α"),
    ("Aring", "Å"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Beta", "Β"),
    ("Ccedil", "Ç"),
    ("Chi", "Χ"),
    ("Dagger", "‡"),
    ("Delta", "Δ"),
    ("ETH", "Ð"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Egrave", "È"),
    ("Epsilon", "Ε"),
    ("Eta", "Η"),
    ("Euml", "Ë"),
    ("Gamma", "Γ"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Igrave", "Ì"),
    ("Iota", "Ι"),
    ("Iuml", "Ï"),
    ("Kappa", "Κ"),
    ("Lambda", "Λ"),
    ("Mu", "Μ"),
    ("Ntilde", "Ñ"),
    ("Nu", "Ν"),
    ("OElig", "Œ"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Ograve", "Ò"),
    ("Omega", "Ω"),
    ("Omicron", "Ο"),
    ("Oslash", "Ø"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Phi", "Φ"),
    ("Pi", "Π"),
    ("Prime", "″"),
    ("Psi", "Ψ"),
    ("Rho", "Ρ"),
    ("Scaron", "Š"),
    ("Sigma", "Σ"),
    ("THORN", "Þ"),
    ("Tau", "Τ"),
    ("Theta", "Θ"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Ugrave", "Ù"),
    ("Upsilon", "Υ"),
    ("Uuml", "Ü"),
    ("Xi", "Ξ"),
    ("Yacute", "Ý"),
    ("Yuml", "Ÿ"),
    ("Zeta", "Ζ"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("acute", "´"),
    ("aelig", "æ"),
    ("agrave", "à"),
    ("alefsym", "ℵ"),
    ("alpha", "α"),
    ("amp", "&"),
    ("and", "∧"),
    ("ang", "∠"),
    ("apos", "'"),
    ("aring", "å"),
    ("asymp", "≈"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("bdquo", "„"),
    ("beta", "β"),
    ("brvbar", "¦"),
    ("bull", "•"),
    ("cap", "∩"),
    ("ccedil", "ç"),
    ("cedil", "¸"),
    ("cent", "¢"),
    ("chi", "χ"),
    ("circ", "ˆ"),
    ("clubs", "♣"),
    ("cong", "≅"),
    ("copy", "©"),
    ("crarr", "↵"),
    ("cup", "∪"),
    ("curren", "¤"),
    ("dArr", "⇓"),
    ("dagger", "†"),
    ("darr", "↓"),
    ("deg", "°"),
    ("delta", "δ"),
    ("diams", "♦"),
    ("divide", "÷"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("egrave", "è"),
    ("empty", "∅"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("epsilon", "ε"),
    ("equiv", "≡"),
    ("eta", "η"),
    ("eth", "ð"),
    ("euml", "ë"),
    ("euro", "€"),
    ("exist", "∃"),
    ("fnof", "ƒ"),
    ("forall", "∀"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("frasl", "⁄"),
    ("gamma", "γ"),
    ("ge", "≥"),
    ("gt", ">"),
    ("hArr", "⇔"),
    ("harr", "↔"),
    ("hearts", "♥"),
    ("hellip", "…"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iexcl", "¡"),
    ("igrave", "ì"),
    ("image", "ℑ"),
    ("infin", "∞"),
    ("int", "∫"),
    ("iota", "ι"),
    ("iquest", "¿"),
    ("isin", "∈"),
    ("iuml", "ï"),
    ("kappa", "κ"),
    ("lArr", "⇐"),
    ("lambda", "λ"),
    ("lang", "〈"),
    ("laquo", "«"),
    ("larr", "←"),
    ("lceil", "⌈"),
    ("ldquo", "“"),
    ("le", "≤"),
    ("lfloor", "⌊"),
    ("lowast", "∗"),
    ("loz", "◊"),
    ("lrm", "\u{200e}"),
    ("lsaquo", "‹"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("macr", "¯"),
    ("mdash", "—"),
    ("micro", "µ"),
    ("middot", "·"),
    ("minus", "−"),
    ("mu", "μ"),
    ("nabla", "∇"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("ne", "≠"),
    ("ni", "∋"),
    ("not", "¬"),
    ("notin", "∉"),
    ("nsub", "⊄"),
    ("ntilde", "ñ"),
    ("nu", "ν"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("oelig", "œ"),
    ("ograve", "ò"),
    ("oline", "‾"),
    ("omega", "ω"),
    ("omicron", "ο"),
    ("oplus", "⊕"),
    ("or", "∨"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("oslash", "ø"),
    ("otilde", "õ"),
    ("otimes", "⊗"),
    ("ouml", "ö"),
    ("para", "¶"),
    ("part", "∂"),
    ("permil", "‰"),
    ("perp", "⊥"),
    ("phi", "φ"),
    ("pi", "π"),
    ("piv", "ϖ"),
    ("plusmn", "±"),
    ("pound", "£"),
    ("prime", "′"),
    ("prod", "∏"),
    ("prop", "∝"),
    ("psi", "ψ"),
    ("quot", "\""),
    ("rArr", "⇒"),
    ("radic", "√"),
    ("rang", "〉"),
    ("raquo", "»"),
    ("rarr", "→"),
    ("rceil", "⌉"),
    ("rdquo", "”"),
    ("real", "ℜ"),
    ("reg", "®"),
    ("rfloor", "⌋"),
    ("rho", "ρ"),
    ("rlm", "\u{200f}"),
    ("rsaquo", "›"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("scaron", "š"),
    ("sdot", "⋅"),
    ("sect", "§"),
    ("shy", ""),
    ("sigma", "σ"),
    ("sigmaf", "ς"),
    ("sim", "∼"),
    ("spades", "♠"),
    ("sub", "⊂"),
    ("sube", "⊆"),
    ("sum", "∑"),
    ("sup", "⊃"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("supe", "⊇"),
    ("szlig", "ß"),
    ("tau", "τ"),
    ("there4", "∴"),
    ("theta", "θ"),
    ("thetasym", "ϑ"),
    ("thinsp", "\u{2009}"),
    ("thorn", "þ"),
    ("tilde", "˜"),
    ("times", "×"),
    ("trade", "™"),
    ("uArr", "⇑"),
    ("uacute", "ú"),
    ("uarr", "↑"),
    ("ucirc", "û"),
    ("ugrave", "ù"),
    ("uml", "¨"),
    ("upsih", "ϒ"),
    ("upsilon", "υ"),
    ("uuml", "ü"),
    ("weierp", "℘"),
    ("xi", "ξ"),
    ("yacute", "ý"),
    ("yen", "¥"),
    ("yuml", "ÿ"),
    ("zeta", "ζ"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
];

/// An HTML entity at `at` ("&amp;", "&#8217;", "&#x2019;").
pub fn entity(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?;
    // The ';' within 12 bytes, found by byte: a multibyte character that
    // straddles the 12th byte must not hide it ("&nbsp;la pré").
    let semi = rest.bytes().take(12).position(|b| b == b';')?;
    let body = rest.get(1..semi)?;
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let ch = char::from_u32(code).filter(|c| *c != '\0')?;
        ch.to_string()
    } else {
        let at = ENTITIES.binary_search_by(|(n, _)| (*n).cmp(body)).ok()?;
        ENTITIES.get(at)?.1.to_string()
    };
    Some((decoded, semi + 1))
}

/// An ASCII byte that [`repair`] copies unchanged: printable (or a tab or a line
/// feed), and not one that can start hex UTF-8 or an entity.
fn is_plain_ascii(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x20..=0x7e) && !matches!(b, b'x' | b'X' | b'\\' | b'&')
}

/// Repair one line (or any text). With `entities`, HTML entities are decoded too.
pub fn repair(text: &str, entities: bool) -> (String, Vec<LocalRepair>) {
    let mut out = String::with_capacity(text.len());
    let mut repairs = Vec::new();
    let mut i = 0;
    while i < text.len() {
        // A run of plain ASCII (no control character, nothing that can start a
        // repair) goes over as it is.
        let rest = text.as_bytes().get(i..).unwrap_or(&[]);
        let run = rest
            .iter()
            .position(|&b| !is_plain_ascii(b))
            .unwrap_or(rest.len());
        if run > 0 {
            out.push_str(text.get(i..i + run).unwrap_or(""));
            i += run;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let found = match ch {
            'x' | 'X' | '\\' => hex_utf8(text, i).map(|f| (f, "hex-utf8")),
            '&' if entities => entity(text, i).map(|f| (f, "entity")),
            c if c as u32 >= 0xC2 && c as u32 <= 0xF4 || CP1252.contains(&c) => {
                mojibake(text, i).map(|f| (f, "mojibake"))
            }
            _ => None,
        };
        if let Some(((decoded, len), kind)) = found {
            let start = out.len();
            out.push_str(&decoded);
            repairs.push(LocalRepair {
                span: Span::new(start, out.len()),
                original: text.get(i..i + len).unwrap_or("").to_string(),
                kind,
            });
            i += len.max(1);
            continue;
        }
        // Odd whitespace becomes a space; invisible and control characters go.
        let replacement = match ch {
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(" "),
            '\u{200b}' | '\u{feff}' | '\u{00ad}' | '\u{2060}' => Some(""),
            '\t' | '\n' => None,
            c if c.is_control() => Some(""),
            _ => None,
        };
        match replacement {
            Some(r) => {
                let start = out.len();
                out.push_str(r);
                repairs.push(LocalRepair {
                    span: Span::new(start, out.len()),
                    original: ch.to_string(),
                    kind: if r.is_empty() {
                        "control"
                    } else {
                        "whitespace"
                    },
                });
            }
            None => out.push(ch),
        }
        i += ch.len_utf8();
    }
    (out, repairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repair(text, true).0
    }

    #[test]
    fn hex_utf8_with_lost_backslashes() {
        assert_eq!(fixed("Russiaxe2x80x99s policy"), "Russia’s policy");
        assert_eq!(fixed("xe2x80x9cinterferencexe2x80x9d"), "“interference”");
        assert_eq!(fixed("BEIJING (AP) xe2x80x94 The"), "BEIJING (AP) — The");
        assert_eq!(fixed("caf\\xc3\\xa9"), "café");
        let (_, repairs) = repair("Russiaxe2x80x99s", true);
        assert_eq!(repairs[0].original, "xe2x80x99");
        assert_eq!(repairs[0].kind, "hex-utf8");
    }

    #[test]
    fn mojibake_and_entities() {
        assert_eq!(fixed("Russiaâ€™s cafÃ© Ã¼ber"), "Russia’s café über");
        assert_eq!(fixed("AT&amp;T &#8217; &#x2019; &rsquo;"), "AT&T ’ ’ ’");
        assert_eq!(fixed("a\u{a0}b\u{200b}c\u{7}d"), "a bcd");
        // A multibyte character across the 12th byte after the '&'.
        assert_eq!(entity("&nbsp;la pré", 0).map(|e| e.1), Some(6));
        assert_eq!(fixed("«&nbsp;la prévention"), "« la prévention");
        // Every named reference of HTML 4, case kept.
        assert_eq!(
            fixed("Ma&szlig;nahme th&eacute;&acirc;tre &agrave; tut&acute;s &Auml;rger &alpha;"),
            "Maßnahme théâtre à tut´s Ärger α"
        );
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn text_that_is_right_stays_right() {
        for text in [
            "The xenon lamp, axe and box exec: Xe2 x80 fine.",
            "Colour #e2e2e2 and 0xe2 and hex x41x42.",
            "Zoë, café, naïve, Ångström, 习近平, 😀, “quotes” — dashes – fine.",
            "Fish & chips; a &b; R&D; AT&T",
            "Ã alone and Â alone stay",
        ] {
            assert_eq!(fixed(text), text, "{text}");
        }
    }
}
