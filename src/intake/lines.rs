//! Page furniture and metadata in pasted text, line by line. Each line is judged
//! by its shape and words — length, final punctuation, imperative verbs, credit
//! patterns, participle captions, repetition, position — never by a list of
//! known pages' strings. Lines that carry metadata (byline, dateline, copyright,
//! timestamps) are read before they are set aside.

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Body text or the title: kept.
    Keep,
    /// Removed, with the reason.
    Remove(&'static str),
}

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// The first words of a line: at most 21, which a test of the line's length in
/// words up to 20 reads as it reads all of them, without splitting a long
/// paragraph in full.
fn first_words(line: &str) -> Vec<&str> {
    line.split_whitespace().take(21).collect()
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Verbs that open calls to action.
const ACTION_VERBS: &[&str] = &[
    "sign",
    "subscribe",
    "click",
    "listen",
    "share",
    "follow",
    "download",
    "watch",
    "read",
    "visit",
    "get",
    "enjoying",
    "support",
    "donate",
    "log",
    "register",
    "join",
    "tap",
    "scroll",
    "advertisement",
    "see",
];

/// Agency and picture-desk names that make "Name / X" a credit.
fn looks_like_credit(line: &str) -> bool {
    let w = first_words(line);
    if w.len() > 10 {
        return false;
    }
    let lower = line.to_lowercase();
    lower.starts_with("image credit")
        || lower.starts_with("photo:")
        || lower.starts_with("photo credit")
        || lower.starts_with("credit:")
        || lower.contains("getty images")
        || (line.contains(" / ")
            && !ends_sentence(line)
            && w.iter()
                .filter(|x| x.chars().next().is_some_and(char::is_uppercase))
                .count()
                * 2
                >= w.len())
}

/// "Presidential Press ServicePutin gesturing as he stands…": a caption (a name
/// and a present participle, no finite verb), often glued to its credit.
fn looks_like_caption(line: &str) -> bool {
    let w = words(line);
    let glued = w.iter().take(6).any(|x| {
        let chars: Vec<char> = x.chars().collect();
        chars
            .windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
            && !x.starts_with("Mc")
            && !x.contains('\'')
    });
    let participle = w
        .iter()
        .skip(1)
        .take(5)
        .any(|x| x.len() > 4 && x.ends_with("ing") && x.chars().all(|c| c.is_lowercase()));
    let finite = w.iter().any(|x| {
        matches!(
            x.trim_end_matches([',', '.']),
            "said"
                | "says"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
        )
    });
    glued && participle && !finite
}

/// Lines that are, whole, the heading of a box of other stories, a prompt to
/// comment, share, rate or print, or a label of the page's, in the languages
/// news is most read in (lower case, without the punctuation around them).
const FURNITURE_LINES: &[(&str, &[&str])] = &[
    (
        "related",
        &[
            "related",
            "related articles",
            "related stories",
            "related posts",
            "related content",
            "related coverage",
            "more from",
            "more stories",
            "more on this story",
            "more on this topic",
            "read more",
            "read also",
            "read next",
            "see also",
            "also read",
            "you may also like",
            "you might also like",
            "recommended",
            "recommended for you",
            "most read",
            "most popular",
            "most viewed",
            "trending now",
            "mehr zum thema",
            "mehr themen",
            "lesen sie auch",
            "auch interessant",
            "das könnte sie auch interessieren",
            "das könnte dich auch interessieren",
            "das könnte dich interessieren",
            "weitere artikel",
            "weitere beiträge",
            "weitere themen",
            "meistgelesen",
            "meistgelesene artikel",
            "meistdiskutierte artikel",
            "am meisten gelesen",
            "schon gelesen",
            "für dich empfohlen",
            "ähnliche artikel",
            "ähnliche beiträge",
            "aktuellste beiträge",
            "neueste beiträge",
            "neueste artikel",
            "zum weiterlesen",
            "lire aussi",
            "à lire aussi",
            "voir aussi",
            "sur le même sujet",
            "lee también",
            "lea también",
            "te puede interesar",
            "noticias relacionadas",
            "leia também",
            "veja também",
            "leggi anche",
            "zobacz również",
            "zobacz także",
            "czytaj także",
            "czytaj też",
        ],
    ),
    (
        "comments",
        &[
            "comments",
            "leave a comment",
            "leave a reply",
            "post a comment",
            "add a comment",
            "write a comment",
            "join the conversation",
            "kommentare",
            "kommentieren",
            "kommentar schreiben",
            "kommentare schreiben",
            "kommentar verfassen",
            "schreibe einen kommentar",
            "hinterlasse einen kommentar",
            "letzte kommentare",
            "commentaires",
            "laisser un commentaire",
            "comentarios",
            "deja un comentario",
            "deixe um comentário",
        ],
    ),
    (
        "call-to-action",
        &[
            "share",
            "share this",
            "share this article",
            "share this story",
            "share this post",
            "teilen",
            "artikel teilen",
            "beitrag teilen",
            "möchten sie den artikel teilen",
            "war der artikel nützlich",
            "war dieser artikel hilfreich",
            "print",
            "print recipe",
            "drucken",
            "rezept drucken",
            "partager",
            "compartir",
        ],
    ),
];

/// Labels that open a line of credits, sources or filing ("Foto: …",
/// "Tags: …"), with the reason the line goes.
const FURNITURE_LABELS: &[(&str, &str)] = &[
    ("photo", "credit"),
    ("photos", "credit"),
    ("foto", "credit"),
    ("fotos", "credit"),
    ("bild", "credit"),
    ("bilder", "credit"),
    ("titelbild", "credit"),
    ("beitragsbild", "credit"),
    ("bildquelle", "credit"),
    ("image", "credit"),
    ("credit", "credit"),
    ("credits", "credit"),
    ("crédits photos", "credit"),
    ("crédit photo", "credit"),
    ("quelle", "credit"),
    ("fuente", "credit"),
    ("fonte", "credit"),
    ("tags", "tags"),
    ("schlagwörter", "tags"),
    ("schlagworte", "tags"),
    ("kategorie", "tags"),
    ("kategorien", "tags"),
    ("category", "tags"),
    ("categories", "tags"),
    ("filed under", "tags"),
    ("posted in", "tags"),
    ("themen", "tags"),
    ("topics", "tags"),
];

/// Words of a rights notice ("All rights reserved").
const RIGHTS: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "copyrighted property",
];

/// Is this line, whole, the heading of a box of other stories ("Related",
/// "Mehr zum Thema", "Lire aussi")?
pub fn is_related_heading(line: &str) -> bool {
    let words = line.split_whitespace().take(9).count();
    words <= 8 && boilerplate(&line.trim().to_lowercase(), words) == Some("related")
}

/// Furniture by its words, for a line of at most 16 words (`lower`, its
/// lower-cased text, empty when longer): the heading of other stories, a
/// prompt, a labelled credit or tag line, a rights notice, or the rule that
/// one must log in to comment.
fn boilerplate(lower: &str, words: usize) -> Option<&'static str> {
    if lower.is_empty() {
        return None;
    }
    let key = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if words <= 8 {
        // The whole line, or its start when a colon ends it ("Lesen Sie auch
        // diese Beiträge:").
        let colon = lower.trim_end().ends_with(':');
        if let Some((reason, _)) = FURNITURE_LINES.iter().find(|(_, lines)| {
            lines.iter().any(|l| {
                key == *l
                    || colon
                        && key
                            .strip_prefix(l)
                            .is_some_and(|rest| rest.starts_with(' '))
            })
        }) {
            return Some(reason);
        }
    }
    if words <= 12 {
        let label = FURNITURE_LABELS.iter().find(|(label, _)| {
            lower
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .strip_prefix(label)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
        if let Some((_, reason)) = label {
            return Some(reason);
        }
    }
    // "Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag…": an ad label.
    let ad = [
        "anzeige",
        "werbung",
        "advertisement",
        "sponsored",
        "publicidad",
    ]
    .iter()
    .any(|a| {
        key.strip_prefix(a).is_some_and(|rest| {
            rest.starts_with([',', '.', ':', '|', '-', '–'])
                || rest.starts_with(" -")
                || rest.starts_with(" –")
                || rest.starts_with(" |")
        })
    });
    if ad {
        return Some("advertising");
    }
    if RIGHTS.iter().any(|r| key.contains(r)) {
        return Some("copyright");
    }
    let to_comment = [
        "comment",
        "kommentar",
        "diskussion",
        "commentaire",
        "comentario",
    ]
    .iter()
    .any(|w| key.contains(w));
    let log_in = [
        "logged in",
        "log in",
        "einloggen",
        "angemeldet",
        "anmelden",
        "connecté",
    ]
    .iter()
    .any(|w| key.contains(w));
    (to_comment && log_in).then_some("comments")
}

/// Month names of the languages news is most read in besides English
/// (English's are the ground floor's).
const MONTHS_OTHER: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Words that may stand beside a date in a stamp (labels, "at", "Uhr", "ago").
const STAMP_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "uhr",
    "um",
    "at",
    "on",
    "de",
    "del",
    "le",
    "den",
    "the",
    "of",
    "ago",
    "vor",
    "hace",
    "il",
    "y",
    "updated",
    "published",
    "posted",
    "modified",
    "last",
    "release",
    "date",
    "aktualisiert",
    "veröffentlicht",
    "erstellt",
    "stand",
    "mis",
    "à",
    "jour",
    "publié",
    "actualizado",
    "publicado",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minuten",
    "stunden",
    "tagen",
    "wochen",
    "monaten",
    "jahren",
    "utc",
    "gmt",
    "cet",
    "cest",
    "mez",
    "mesz",
    "est",
    "edt",
    "pst",
    "pdt",
    "veröffentlichung",
    "publiziert",
    "datum",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// A line of up to six words that is only a date, a time or a date label:
/// anywhere when a label says it is a stamp ("Published: 3 May 2021"), else
/// only `near_top` (a date alone lower down may be a table's or a list's).
fn is_date_only(words: &[&str], near_top: bool) -> bool {
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let mut dated = false;
    let mut labelled = false;
    let all = words.iter().all(|word| {
        let x = word
            .trim_matches(|c: char| matches!(c, ',' | ';' | '|' | '(' | ')' | '•' | '-' | '–'))
            .trim_end_matches([':', '.']);
        if x.is_empty() {
            return true;
        }
        if x.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '-'))
        {
            dated |= x.chars().any(|c| c.is_ascii_digit());
            return true;
        }
        let lower = x.to_lowercase();
        if crate::ground::lexical::is_month_word(x) || MONTHS_OTHER.contains(&lower.as_str()) {
            dated = true;
            return true;
        }
        if crate::ground::lexical::WEEKDAYS.contains(&lower.as_str()) {
            return true;
        }
        let stamp = STAMP_WORDS.contains(&lower.as_str());
        labelled |= stamp
            && matches!(
                lower.as_str(),
                "updated"
                    | "published"
                    | "modified"
                    | "aktualisiert"
                    | "veröffentlicht"
                    | "veröffentlichung"
                    | "publiziert"
                    | "publié"
                    | "publicado"
                    | "actualizado"
            );
        stamp
    });
    all && (labelled || dated && near_top)
}

/// Whether a line is only a date (or a date with its weekday, time or label),
/// wherever it stands: "Samstag, 05. Februar 2022", "04.02.2022, 08:27 Uhr".
/// Such a line is removed as furniture; an article with no other date keeps it
/// as a weak stamp (`source` "shown"), one clue among those that date it.
pub fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    // ("Erscheinungsdatum: 14.08.2017", "zuletzt bearbeitet: 04.02.2022": a
    // label of up to three words before a colon)
    let dated = match line.split_once(": ") {
        Some((label, rest)) if label.split_whitespace().count() <= 3 => rest,
        _ => line,
    };
    let w = first_words(dated);
    is_date_only(&w, true) && dated.chars().filter(char::is_ascii_digit).count() >= 4
}

/// Metadata a line can carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineMeta {
    pub byline: Option<String>,
    pub copyright: Option<String>,
    /// (date text, source, confidence)
    pub date: Option<(String, &'static str, f32)>,
    pub dateline: Option<String>,
}

/// Read metadata off a line and say whether the line itself is furniture.
pub fn classify(
    line: &str,
    index: usize,
    seen: &std::collections::HashSet<String>,
    next_is_body: bool,
    is_title: bool,
) -> (Role, LineMeta) {
    let mut meta = LineMeta::default();
    let trimmed = line
        .trim()
        .trim_start_matches(['.', ',', ';', '|', '•', '-'])
        .trim();
    let w = first_words(trimmed);
    // Only lines of up to 16 words are read in lower case (calls to action, copyright).
    let lower = if w.len() <= 16 {
        trimmed.to_lowercase()
    } else {
        String::new()
    };
    if trimmed.is_empty() {
        return (Role::Remove("empty"), meta);
    }
    // "Last Updated: 07/27/2016" (can be years after the story), "Published on 3 May 2021".
    for (prefixes, source, confidence) in [
        (["last updated", "updated"], "updated", 0.3),
        (["published", "posted"], "text", 0.7),
    ] {
        // matched on the line itself (not its lower-cased copy, which can be longer)
        let rest = prefixes.iter().find_map(|p| {
            trimmed
                .get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .and_then(|_| trimmed.get(p.len()..))
        });
        if let Some(rest) = rest.filter(|r| w.len() <= 8 && r.chars().any(|c| c.is_ascii_digit())) {
            let at = trimmed.len().saturating_sub(rest.len());
            let date = trimmed
                .get(at..)
                .unwrap_or("")
                .trim_start_matches([':', ' ']);
            let date = date.strip_prefix("on ").unwrap_or(date);
            // "Posted on 14 March 2024 by Anna Visser": the date, and the byline after "by".
            let (date, author) = match date.split_once(" by ") {
                Some((d, a)) if a.chars().next().is_some_and(char::is_uppercase) => (d, Some(a)),
                _ => (date, None),
            };
            meta.date = Some((date.trim().to_string(), source, confidence));
            meta.byline = author.map(|a| a.trim().to_string());
            return (Role::Remove("timestamp"), meta);
        }
    }
    // A line that is only a date or a time near the top ("23.10.2018",
    // "31. Mai 2021, 19:49 Uhr", "Updated:"): the article's stamp.
    // (Its date is not read here: a page's own date element or metadata, read
    // apart, says more surely what the date is of.)
    if is_date_only(&w, index < 8) {
        return (Role::Remove("timestamp"), meta);
    }
    if (trimmed.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c) "))
        && w.len() <= 14
    {
        meta.copyright = Some(trimmed.to_string());
        if let Some(year) = trimmed
            .split(|c: char| !c.is_ascii_digit())
            .find(|d| d.len() == 4)
        {
            meta.date = Some((year.to_string(), "copyright", 0.3));
        }
        return (Role::Remove("copyright"), meta);
    }
    if w.len() <= 8
        && w.len() >= 2
        && w.first().is_some_and(|f| f.eq_ignore_ascii_case("by"))
        && !ends_sentence(trimmed)
        && w.get(1)
            .and_then(|x| x.chars().next())
            .is_some_and(char::is_uppercase)
    {
        meta.byline = Some(w.get(1..).map(|x| x.join(" ")).unwrap_or_default());
        return (Role::Remove("byline"), meta);
    }
    if w.len() >= 3 && seen.contains(trimmed) {
        return (Role::Remove("repeated"), meta);
    }
    if looks_like_credit(trimmed) {
        return (Role::Remove("credit"), meta);
    }
    if looks_like_caption(trimmed) {
        return (Role::Remove("caption"), meta);
    }
    if let Some(reason) = boilerplate(&lower, w.len()) {
        return (Role::Remove(reason), meta);
    }
    let first = w.first().map(|f| f.to_lowercase()).unwrap_or_default();
    let call = ACTION_VERBS.contains(&first.trim_end_matches(['?', ':', '!']))
        && w.len() <= 16
        && (!ends_sentence(trimmed)
            || lower.contains("subscribe")
            || lower.contains("newsletter")
            || lower.contains("click")
            || lower.ends_with('?'));
    if call
        || (w.len() <= 16
            && (lower.contains("newsletter")
                || lower.contains("subscribe")
                || lower.contains("click here")))
    {
        return (Role::Remove("call-to-action"), meta);
    }
    if is_title {
        return (Role::Keep, meta);
    }
    // A short line without final punctuation that does not head a paragraph of
    // body text is navigation ("Accessibility links", "Breaking News", "shared this story").
    let lower_start = trimmed.chars().next().is_some_and(char::is_lowercase);
    if w.len() <= 6 && !ends_sentence(trimmed) && (!next_is_body || lower_start) {
        return (Role::Remove("navigation"), meta);
    }
    // An agency tag at the end ("Reuters, MT").
    if w.len() <= 3 && trimmed.contains(',') && !ends_sentence(trimmed) && index > 0 {
        return (Role::Remove("credit"), meta);
    }
    (Role::Keep, meta)
}

/// Words of the ways a site asks its reader to stay: subscribing, membership,
/// donations, its newsletter, apps and social channels (lower case; a `*`
/// ends a stem that any ending may follow).
const PROMO_CHANNELS: &[&str] = &[
    "subscri*",
    "suscri*",
    "subskryp*",
    "abonn*",
    "assinatur*",
    "newsletter*",
    "boletín",
    "membership",
    "miembro",
    "miembros",
    "donat*",
    "spende*",
    "donar",
    "donativo",
    "ios",
    "android",
    "whatsapp",
    "telegram",
    "twitter",
    "instagram",
    "facebook",
    "youtube",
    "tiktok",
];
/// Words in which the site speaks of itself or asks ("our", "us",
/// "please"), in the languages news is most read in (lower case).
const PROMO_SITE: &[&str] = &[
    "our", "us", "please", "unser", "unsere", "unseren", "unserem", "unserer", "uns", "bitte",
    "nuestro", "nuestra", "nuestros", "nuestras", "nous", "notre", "nos", "nosso", "nossa", "nasz",
    "nasze", "naszego",
];
/// Verbs that open a call to the reader (lower case): they count as the
/// site's asking when they open the line ("Follow The Gleaner on Twitter",
/// "Hazte miembro", "Zapraszamy do subskrypcji"); "download" anywhere.
const PROMO_CALLS: &[&str] = &[
    "download",
    "follow",
    "join",
    "subscribe",
    "support",
    "donate",
    "folgen",
    "folge",
    "abonnieren",
    "abonniere",
    "unterstützen",
    "únete",
    "unete",
    "síguenos",
    "siguenos",
    "hazte",
    "suscríbete",
    "suscribete",
    "descarga",
    "suivez",
    "abonnez-vous",
    "rejoignez",
    "siga",
    "baixe",
    "assine",
    "zapraszamy",
    "obserwuj",
    "pobierz",
];
/// Words that turn to the reader ("you", "dich", "tu", "vous"): a call has
/// them, but so has any how-to.
const PROMO_READER: &[&str] = &[
    "you", "your", "you're", "you’re", "dich", "dir", "dein", "deine", "euch", "tu", "tú", "te",
    "vous", "votre", "você",
];

/// A site's call to its reader to subscribe, give, join or follow it (a
/// paragraph of at most 40 words, no quotation in it): a word of the ways
/// a site asks its reader to stay, the site speaking of itself or asking
/// (our, us, please, a call opening the line, "download"), and three such
/// words or words to the reader in all, or a call opening a short line ("Follow The Gleaner on Twitter…", "Hazte
/// miembro…", "To view the full story, please subscribe…"). Meant for a
/// page's paragraphs, where the page's structure has told text from
/// navigation.
pub fn is_promotion(line: &str) -> bool {
    if line.split_whitespace().nth(40).is_some() || line.contains(['"', '“', '”', '„', '«', '»'])
    {
        return false;
    }
    // At most 40 words: lower-cased once, as a whole.
    let lowered = line.trim().to_lowercase();
    let w: Vec<&str> = lowered.split_whitespace().take(21).collect();
    let (mut channel, mut site, mut reader, mut calls, mut opens) = (0, 0, 0, 0, false);
    for (i, word) in w.iter().enumerate() {
        let lower = word.trim_matches(|c: char| !c.is_alphanumeric());
        if lower.is_empty() {
            continue;
        }
        let is_channel = PROMO_CHANNELS.iter().any(|c| match c.strip_suffix('*') {
            Some(stem) => lower.starts_with(stem),
            None => lower == *c,
        });
        let call = PROMO_CALLS.contains(&lower) && (i == 0 || lower == "download");
        opens |= call && i == 0;
        calls += usize::from(call);
        channel += usize::from(is_channel && !call);
        site += usize::from(PROMO_SITE.contains(&lower) || call);
        reader += usize::from(PROMO_READER.contains(&lower));
    }
    // A call that opens the line asks for the site when it is short or names
    // the site or two of its channels ("Follow these steps shared on Twitter"
    // does not).
    let opens = opens && (w.len() <= 8 || channel >= 2 || site > calls);
    channel >= 1 && site >= 1 && (channel + site + reader >= 3 || opens)
}

/// Picture agencies and stock libraries a credit names (lower case).
const PICTURE_SOURCES: &[&str] = &[
    "afp",
    "dpa",
    "reuters",
    "getty",
    "istock",
    "istock.com",
    "shutterstock",
    "imago",
    "unsplash",
    "pixabay",
    "epa",
    "keystone",
    "picture-alliance",
    "picture alliance",
    "adobe stock",
    "adobestock",
];

/// A caption that ends with its picture's credit ("Marco Odermatt, ski
/// star. © AFP / MARCO BERTORELLO", "The stoat in winter. (Foto: mlharing /
/// iStock.com)"): at most 40 words, the credit a `©` and at most 8 words
/// after it, or a closing parenthesis of at most 6 words, labelled as the
/// picture's ("Foto:"), naming a picture agency or stock library ("(dpa)"
/// alone closes a paragraph of news). Meant for a page's paragraphs.
pub fn ends_with_credit(line: &str) -> bool {
    let t = line.trim();
    if !t.ends_with(')') && !t.contains('©') || t.split_whitespace().nth(40).is_some() {
        return false;
    }
    if let Some(at) = t.rfind('©') {
        let after = t.get(at + '©'.len_utf8()..).unwrap_or("");
        return at > 0
            && after.split_whitespace().take(9).count() <= 8
            && !after.trim().is_empty()
            && !after.trim_end().ends_with(['.', '!', '?']);
    }
    let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) else {
        return false;
    };
    let inside = t.get(open + 1..t.len() - 1).unwrap_or("").to_lowercase();
    // A label says it is the picture's ("(Foto: picture alliance/Kyodo)");
    // "(dpa)" closing a paragraph of news is the agency's, not a credit.
    let labelled = ["foto:", "fotos:", "photo:", "bild:", "image:", "credit:"]
        .iter()
        .any(|l| inside.trim_start().starts_with(l));
    open > 0
        && labelled
        && inside.split_whitespace().take(7).count() <= 6
        && PICTURE_SOURCES.iter().any(|s| {
            inside
                .split(|c: char| c.is_whitespace() || c == '/' || c == ',' || c == '|')
                .any(|w| w == *s)
                || s.contains(' ') && inside.contains(s)
        })
}

/// Is this line body text: a long line that ends like a sentence?
pub fn is_body(line: &str) -> bool {
    let t = line.trim();
    ends_sentence(t) && t.split_whitespace().nth(11).is_some()
}

/// Could this line be the title: a short line, not a sentence, not all lower-case?
pub fn is_title_like(line: &str) -> bool {
    let t = line.trim();
    // A title has at most 20 words: longer lines are not counted out.
    if t.split_whitespace().nth(20).is_some() {
        return false;
    }
    let w = words(t);
    (3..=20).contains(&w.len())
        && !t.ends_with('.')
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘'))
        && w.iter()
            .filter(|x| x.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 2
            >= w.len().min(6)
}

/// A headline in sentence case: 3 to 14 words, a capital first, no closing punctuation.
pub fn is_headline_shaped(line: &str) -> bool {
    let t = line.trim();
    let count = t.split_whitespace().take(15).count();
    (3..=14).contains(&count)
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '”'])
        && t.chars().next().is_some_and(char::is_uppercase)
}

/// "SYDNEY, Australia --", "BEIJING (AP) —", "Moscow, 29 November 2002 (RFE/RL) --":
/// the dateline at the start of a line and the place it names.
pub fn dateline(line: &str) -> Option<(String, usize)> {
    let t = line.trim_start();
    // Only a dash within the first 80 bytes counts: the search stops there (a
    // paragraph-long line is not scanned four times).
    let window_end = (84..t.len())
        .find(|&at| t.is_char_boundary(at))
        .unwrap_or(t.len());
    let window = t.get(..window_end).unwrap_or(t);
    let dash = ["--", "—", "–", " - "]
        .iter()
        .filter_map(|d| window.find(d).map(|at| (at, d.len())))
        .min()?;
    if dash.0 == 0 || dash.0 > 80 {
        return None;
    }
    let head = t.get(..dash.0)?.trim();
    let place: String = head.split([',', '(']).next()?.trim().to_string();
    let place_words = words(&place);
    if place_words.is_empty()
        || place_words.len() > 4
        || !place_words
            .iter()
            .all(|x| x.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    if !(head.contains(',')
        || head.contains('(')
        || place
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase))
    {
        return None;
    }
    Some((head.to_string(), dash.0 + dash.1))
}

/// An agency tag that starts a new article: "(Tribune News Service) —" or
/// "BEIJING (AP) —". Returns its byte offset in the line when it is preceded by
/// other text glued to it ("The Diplomat Brief(Tribune News Service)").
pub fn glued_article_start(line: &str) -> Option<usize> {
    let open = line.find('(')?;
    if open == 0 {
        return None;
    }
    let before = line.get(..open)?;
    if before.ends_with(char::is_whitespace)
        || !before.chars().last().is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let close = line.get(open..)?.find(')')? + open;
    let tag = line.get(open + 1..close)?;
    let after = line.get(close + 1..)?.trim_start();
    let tag_words = words(tag);
    let agency = !tag_words.is_empty()
        && tag_words.len() <= 5
        && tag_words.iter().all(|x| {
            x.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '/')
        });
    (agency && after.starts_with(['—', '–', '-'])).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(line: &str) -> Role {
        classify(line, 3, &Default::default(), false, false).0
    }

    #[test]
    fn a_stamp_whose_lower_case_is_longer_is_read_without_overflow() {
        // "İ" lower-cases to three bytes from two: offsets come from the line itself.
        let (role, meta) = classify("Updated İİİİİİİİİİ 2", 3, &Default::default(), false, false);
        assert_eq!(role, Role::Remove("timestamp"));
        assert_eq!(meta.date.map(|d| d.0), Some("İİİİİİİİİİ 2".to_string()));
    }

    #[test]
    fn furniture_by_its_words_in_several_languages() {
        for (line, reason) in [
            ("Mehr zum Thema", "related"),
            ("Das könnte Sie auch interessieren!", "related"),
            ("Related articles:", "related"),
            ("Zobacz również", "related"),
            ("Lesen Sie auch diese Beiträge:", "related"),
            ("Kommentare schreiben", "comments"),
            (
                "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
                "comments",
            ),
            ("You must be logged in to post a comment.", "comments"),
            ("Möchten Sie den Artikel teilen?", "call-to-action"),
            ("Rezept drucken", "call-to-action"),
            ("Quelle: Landesregierung", "credit"),
            ("Crédits photos : Bestimage", "credit"),
            ("Kategorie: News", "tags"),
            ("Tags: Klima, Energie, Wasserstoff", "tags"),
            (
                "This article is the copyrighted property of the Daily Paper.",
                "copyright",
            ),
            ("Anzeige, enthält Affiliate Links", "advertising"),
            ("Credit:", "credit"),
        ] {
            assert_eq!(role(line), Role::Remove(reason), "{line}");
        }
        // Prose that merely uses the words stays.
        for line in [
            "Related to the case, the court said it would rule on Monday.",
            "Share prices fell sharply on Monday after the report.",
            "Photo opportunities were rare, the minister's aides said on Tuesday.",
            "Die Quelle des Flusses liegt in den Alpen, sagte sie.",
        ] {
            assert_eq!(role(line), Role::Keep, "{line}");
        }
    }

    #[test]
    fn a_sites_call_to_subscribe_give_or_follow_it() {
        for call in [
            "To view the full story, please subscribe to The Haitian Times. You can choose a $60 Annual Subscription or a $5 Weekly Pass.",
            "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
            "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
            "Folgen Sie uns auf Twitter",
            "Unsere Arbeit ist spendenfinanziert. Wir freuen uns, dass tausende Menschen unsere Arbeit unterstützen.",
            "Puede escribirnos o seguir a Materia en Facebook, Twitter, Instagram o suscribirse aquí a nuestra newsletter.",
        ] {
            assert!(is_promotion(call), "{call}");
        }
        for text in [
            // how-tos and reports that speak of apps, networks and the reader
            "So even if you decide you need to join Facebook, remember that you might be giving the company information about someone else.",
            "But once again, you have to stop your app, launch the tool, then terminate the script in order to display the graph.",
            "Add-ons are like apps that you install to add features to Firefox. They let you compare prices and send a tweet.",
            "Some of our phone call apps may use this permission to read your contacts information when you request.",
            "Follow these steps shared on Twitter to safely apprehend a train groper in Japan.",
            "The party asked its members to donate, and said it would publish our figures on Twitter.\u{201d}",
            "Twitter said users could follow accounts again, and that subscriptions would cost more.",
        ] {
            assert!(!is_promotion(text), "{text}");
        }
    }

    #[test]
    fn a_caption_that_ends_with_its_pictures_credit() {
        for caption in [
            "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
            "Das Hermelin ist im Winter gut getarnt. (Foto: mlharing / iStock.com)",
            "Bundestagspräsidentin spricht bei der Gedenkstunde © dpa | Bernd von Jutrczenka",
        ] {
            assert!(ends_with_credit(caption), "{caption}");
        }
        for text in [
            "Die FDP lehnt die Pläne ab, der Kanzler hat sich skeptisch geäußert. (dpa)",
            "© 2024 The Paper",
            "Netanyahu visits the Western Wall in Jerusalem on March 18. (Thomas Coex/AFP/Getty Images)",
            "The photo agencies (AFP, Reuters) sent no one, the editor said.",
            "Its logo carries a © and the words after it. And it is a sentence.",
        ] {
            assert!(!ends_with_credit(text), "{text}");
        }
    }

    #[test]
    fn a_date_alone_near_the_top_is_a_stamp() {
        for line in [
            "23.10.2018",
            "31. Mai 2021, 19:49 Uhr",
            "Last Modified:",
            "May 3, 2021",
            "Donnerstag, 31. Mai 2012",
        ] {
            let (r, _) = classify(line, 1, &Default::default(), true, false);
            assert_eq!(r, Role::Remove("timestamp"), "{line}");
        }
        // Lower down (a table's cell, a list of events) it stays; so do words.
        let (r, _) = classify("23.10.2018", 20, &Default::default(), true, false);
        assert_eq!(r, Role::Keep);
        // With a label saying what it is, anywhere.
        let (r, _) = classify(
            "Publiziert: 03.04.2020, 12:35",
            20,
            &Default::default(),
            true,
            false,
        );
        assert_eq!(r, Role::Remove("timestamp"));
        let (r, _) = classify("Mai bis Juli", 1, &Default::default(), true, false);
        assert_eq!(r, Role::Keep);
    }

    #[test]
    fn furniture_by_shape() {
        assert_eq!(role("Accessibility links"), Role::Remove("navigation"));
        assert_eq!(role("Breaking News"), Role::Remove("navigation"));
        assert_eq!(
            role("Listen to this article"),
            Role::Remove("call-to-action")
        );
        assert_eq!(
            role("Sign up for our weekly newsletter"),
            Role::Remove("call-to-action")
        );
        assert_eq!(
            role("Enjoying this article? Click here to subscribe for full access."),
            Role::Remove("call-to-action")
        );
        assert_eq!(role("Will Burgess / Reuters"), Role::Remove("credit"));
        assert_eq!(
            role("Image Credit: World Economic Forum"),
            Role::Remove("credit")
        );
        assert_eq!(
            role("Presidential Press ServicePutin gesturing as he stands with Thai Prime Minister Surayud Chulanont and Bush for a photo Saturday."),
            Role::Remove("caption")
        );
        assert_eq!(
            role("The talks, he said, were going well and would continue for several more days."),
            Role::Keep
        );
        assert_eq!(
            classify(
                "A new era for old allies",
                3,
                &Default::default(),
                true,
                false
            )
            .0,
            Role::Keep
        );
        assert_eq!(
            classify("shared this story", 3, &Default::default(), true, false).0,
            Role::Remove("navigation")
        );
        assert!(!is_title_like("Accessibility links"));
        assert!(is_title_like(
            "Russia: President Putin Plans To Visit China"
        ));
    }

    #[test]
    fn metadata_lines() {
        let (r, meta) = classify(
            ". Last Updated: 07/27/2016",
            1,
            &Default::default(),
            false,
            false,
        );
        assert_eq!(r, Role::Remove("timestamp"));
        assert_eq!(meta.date, Some(("07/27/2016".into(), "updated", 0.3)));
        let (_, meta) = classify("©2023 Bloomberg L.P.", 9, &Default::default(), false, false);
        assert_eq!(meta.copyright.as_deref(), Some("©2023 Bloomberg L.P."));
        let (_, meta) = classify(
            "By Jane Doe and John Roe",
            2,
            &Default::default(),
            true,
            false,
        );
        assert_eq!(meta.byline.as_deref(), Some("Jane Doe and John Roe"));
        let (role, meta) = classify(
            "Posted on 14 March 2024 by Anna Visser",
            1,
            &Default::default(),
            true,
            false,
        );
        assert_eq!(role, Role::Remove("timestamp"));
        assert_eq!(meta.byline.as_deref(), Some("Anna Visser"));
        assert_eq!(meta.date.map(|d| d.0).as_deref(), Some("14 March 2024"));
    }

    #[test]
    fn datelines_and_glued_articles() {
        assert_eq!(
            dateline("SYDNEY, Australia -- President Putin").map(|d| d.0),
            Some("SYDNEY, Australia".into())
        );
        assert_eq!(
            dateline("Moscow, 29 November 2002 (RFE/RL) -- Russian").map(|d| d.0),
            Some("Moscow, 29 November 2002 (RFE/RL)".into())
        );
        assert_eq!(
            dateline("BEIJING (AP) — The leaders").map(|d| d.0),
            Some("BEIJING (AP)".into())
        );
        assert_eq!(dateline("He said -- quietly -- no."), None);
        // The dash must come within the line's first 80 bytes; the search stops
        // soon after, on a char boundary.
        let at = |n: usize| format!("BEIJING, {} -- The leaders", "a".repeat(n));
        assert!(dateline(&at(80 - "BEIJING, ".len() - 1)).is_some());
        assert_eq!(dateline(&at(81 - "BEIJING, ".len())), None);
        assert_eq!(dateline(&format!("BEIJING, {} -- x", "é".repeat(60))), None);
        for n in 30..50 {
            let _ = dateline(&format!("BEIJING, {} -- x", "é".repeat(n)));
        }
        assert_eq!(
            glued_article_start("The Diplomat Brief(Tribune News Service) — President"),
            Some(18)
        );
        assert_eq!(glued_article_start("He met (briefly) — then left"), None);
    }

    #[test]
    fn a_date_line_is_only_a_date_with_its_weekday_time_or_label() {
        assert!(is_date_line("Samstag, 05. Februar 2022"));
        assert!(is_date_line("04.02.2022, 08:27 Uhr"));
        assert!(is_date_line("Updated: March 3, 2021"));
        assert!(is_date_line("Erscheinungsdatum: 14.08.2017"));
        assert!(is_date_line("zuletzt bearbeitet: 04.02.2022, 08:27 Uhr"));
        assert!(!is_date_line("Seiten: 448"));
        assert!(!is_date_line(
            "Der Bürgermeister sagte am Montag: 14.08.2017"
        ));
        assert!(!is_date_line("Die Spieler kommen am 5. Februar 2022."));
        assert!(!is_date_line("Top-Touren"));
    }
}
