//! Language: which language an article is written in, paragraph by paragraph, and
//! so which parts the stages that read only English may read.
//!
//! Lede's names, tone and dates in words are English models and word lists: on
//! other languages they guess wrong with confidence ("Montag" as a person). This
//! module identifies the language of every paragraph from its text, with the
//! `whatlang` crate (trigram profiles of 69 languages, ~60 KB of wasm) behind a
//! fast path for plain English prose (a paragraph in Latin letters whose words are
//! mostly English function words found nowhere else, e.g. "the", "of", "which"), so
//! English articles pay almost nothing. Short paragraphs (headlines, bylines) and
//! unsure guesses take the language of the paragraphs around them.
//!
//! The result, [`Language`], says the article's language, how sure the
//! identification is and where it came from (the text, or the page's metadata when
//! the text is too short to tell), the parts in other languages when the article
//! mixes them, and which stages ran on what.
//!
//! Guarantees: never panics; every part's span lies inside the text, in order,
//! without overlap.

use crate::Span;
use serde::Serialize;

/// Letters a paragraph needs before its language is guessed from it alone.
const MIN_LETTERS: usize = 24;
/// A guess of a Latin-script language other than English below this confidence
/// is not trusted to switch English stages off: the paragraph counts as unsure.
const MIN_FOREIGN_CONFIDENCE: f64 = 0.5;
/// Letters a paragraph in Latin letters needs before a guess of another language
/// than English is trusted: shorter ones (headlines, score lines, lists of names)
/// fool the identifier.
const MIN_FOREIGN_LETTERS: usize = 60;
/// Bytes of a paragraph given to the identifier (its start): enough for a sure
/// guess, and it keeps the cost bounded on long paragraphs.
const SAMPLE_BYTES: usize = 600;
/// The share of a paragraph's words that must be English-only function words for
/// the fast path to call it English without asking the identifier.
const ENGLISH_SHARE: f64 = 0.15;
/// Below this share of English-only function words, a paragraph in Latin letters
/// is not English even when the identifier is unsure which language it is (English
/// news prose runs at 20–35 %).
const NOT_ENGLISH_SHARE: f64 = 0.04;
/// A paragraph in plain Latin letters with at least this share of English-only
/// function words (but short of [`ENGLISH_SHARE`]) is not given to the identifier:
/// on the dev set 2.6 % of English paragraphs fall there, and 0.9 % of the others.
const MAYBE_ENGLISH_SHARE: f64 = 0.06;
/// The confidence given to a paragraph the fast path calls English: on the
/// language dev set (`lede eval language`) no paragraph of another language
/// passes it.
const ENGLISH_FAST_CONFIDENCE: f32 = 0.99;
/// A second language is reported (the article is "mixed") when its paragraphs
/// hold at least this share of the letters.
const MIXED_SHARE: f64 = 0.1;

/// A word (lower-cased) common in English prose and rare as a word of other
/// languages written in Latin letters (so not "a", "to", "in", "was", "will",
/// "die", "for", "at", "by"). A `match`, so the check is a few comparisons.
fn english_only(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "of"
            | "and"
            | "that"
            | "with"
            | "said"
            | "from"
            | "his"
            | "her"
            | "have"
            | "has"
            | "were"
            | "they"
            | "who"
            | "which"
            | "had"
            | "been"
            | "its"
            | "their"
            | "would"
            | "are"
            | "after"
            | "but"
            | "this"
            | "these"
            | "than"
            | "about"
            | "into"
            | "when"
            | "there"
            | "she"
            | "could"
            | "our"
            | "also"
            | "not"
            | "more"
            | "it"
            | "is"
            | "be"
            | "on"
            | "we"
            | "you"
            | "what"
            | "should"
            | "over"
            | "we're"
            | "it's"
            | "what's"
            | "he's"
            | "year"
            | "new"
            | "other"
            | "some"
            | "them"
            | "because"
            | "while"
            | "where"
            | "those"
            | "being"
            | "such"
            | "only"
            | "most"
            | "just"
            | "like"
            | "many"
            | "any"
    )
}

/// The language of one stretch of the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguagePart {
    #[serde(flatten)]
    /// Where the stretch is (whole paragraphs).
    pub span: Span,
    /// ISO 639-1 code ("de"; ISO 639-3 where a language has no 639-1 code).
    pub code: String,
    /// Its English name ("German").
    pub name: String,
    /// 0..1, how sure the identification is.
    pub confidence: f32,
}

/// Which stages ran, and on what: "all" (the whole text), "english parts" (only
/// the paragraphs in English), "language-neutral" (only what needs no English:
/// numbers, ISO dates such as 2022-02-04, quotations by their marks) or "none".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stages {
    /// Names (and numbers).
    pub entities: &'static str,
    /// Temporal expressions.
    pub time: &'static str,
    /// Tone.
    pub sentiment: &'static str,
}

/// The article's language, how it was found, and what was analyzed because of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-1 code of the main language ("en", "de"; ISO 639-3 where a language
    /// has no 639-1 code), or `None` when neither the text nor the page tells.
    pub code: Option<String>,
    /// Its English name ("German").
    pub name: Option<String>,
    /// 0..1, how sure the identification is.
    pub confidence: f32,
    /// "text" (identified from the text) or "meta" (the page's metadata, used
    /// when the text is too short to tell); "none" when neither tells.
    pub source: &'static str,
    /// What the page's metadata declares (`<html lang>`…), when it does.
    pub declared: Option<String>,
    /// The article mixes languages: more than one holds a fair share of it.
    pub mixed: bool,
    /// When mixed, or when any part is not English: runs of paragraphs in one
    /// language, in text order (empty for an article all in English).
    pub parts: Vec<LanguagePart>,
    /// Which stages ran, and on what.
    pub stages: Stages,
    /// The paragraphs the English-only stages read (every paragraph when the
    /// article is English). Inside the core only.
    #[serde(skip)]
    pub english: Vec<Span>,
    /// Every paragraph is English (or unsure): the stages run as they always did.
    #[serde(skip)]
    pub all_english: bool,
}

impl Language {
    /// The stages ran on the whole text: what every English article gets.
    fn stages_all() -> Stages {
        Stages {
            entities: "all",
            time: "all",
            sentiment: "all",
        }
    }
}

/// One paragraph's guess.
#[derive(Debug, Clone, Copy)]
struct Guess {
    lang: Option<whatlang::Lang>,
    confidence: f32,
    letters: usize,
    /// The guess is sure enough to decide the paragraph's language.
    sure: bool,
}

/// Identify the language of an article from its paragraphs (spans into `text`),
/// with what the page declares (`declared`, a BCP 47 tag) as a fallback.
pub fn identify(text: &str, paragraphs: &[Span], declared: Option<&str>) -> Language {
    let spans: Vec<Span> = if paragraphs.is_empty() && !text.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        paragraphs.to_vec()
    };
    let guesses: Vec<Guess> = spans.iter().map(|p| guess(p.of(text))).collect();
    // Letters per language, over the sure paragraphs.
    let mut totals: Vec<(whatlang::Lang, usize, f64)> = Vec::new();
    for g in guesses.iter().filter(|g| g.sure) {
        if let Some(lang) = g.lang {
            match totals.iter_mut().find(|t| t.0 == lang) {
                Some(t) => {
                    t.1 += g.letters;
                    t.2 += f64::from(g.confidence) * g.letters as f64;
                }
                None => totals.push((lang, g.letters, f64::from(g.confidence) * g.letters as f64)),
            }
        }
    }
    totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code().cmp(b.0.code())));
    let sure_letters: usize = totals.iter().map(|t| t.1).sum();
    // No paragraph sure on its own: the whole text at once, then the metadata.
    let whole = if totals.is_empty() {
        guess_with(text, SAMPLE_BYTES * 2, MIN_LETTERS / 2, false)
    } else {
        None
    };
    let (main, confidence, source) = match (totals.first(), whole) {
        (Some(&(lang, _, weighted)), _) => (
            Some(lang),
            (weighted / sure_letters.max(1) as f64) as f32,
            "text",
        ),
        (None, Some(g)) if g.sure => (g.lang, g.confidence, "text"),
        (None, _) if declared.is_some() => (None, 0.0, "meta"),
        (None, _) => (None, 0.0, "none"),
    };
    // What a paragraph too short to tell on its own falls back to: the article's
    // language when it is sure, else the page's declaration.
    let declared_lang = declared.and_then(from_tag);
    let sure_main = match (totals.first(), whole) {
        (Some(t), _) => Some(t.0),
        (None, Some(g)) if g.sure => g.lang,
        _ => None,
    };
    let fallback = sure_main.or(declared_lang);
    // Each paragraph's language: its own when sure, else its neighbours' (the
    // previous sure paragraph, else the next), else the article's.
    let mut assigned: Vec<Option<whatlang::Lang>> = guesses
        .iter()
        .map(|g| g.sure.then_some(g.lang).flatten())
        .collect();
    let mut last = None;
    for slot in assigned.iter_mut() {
        match slot {
            Some(lang) => last = Some(*lang),
            None => *slot = last,
        }
    }
    let mut next = None;
    for (slot, g) in assigned.iter_mut().zip(&guesses).rev() {
        if g.sure {
            next = g.lang;
        } else if slot.is_none() {
            *slot = next;
        }
    }
    for slot in assigned.iter_mut() {
        if slot.is_none() {
            *slot = fallback;
        }
    }
    // Unknown counts as English: the stages run as they always did.
    let is_english = |l: &Option<whatlang::Lang>| l.is_none_or(|l| l == whatlang::Lang::Eng);
    let english: Vec<Span> = spans
        .iter()
        .zip(&assigned)
        .filter(|(_, l)| is_english(l))
        .map(|(s, _)| *s)
        .collect();
    let all_english = english.len() == spans.len();
    let second = totals
        .get(1)
        .is_some_and(|t| t.1 as f64 >= MIXED_SHARE * sure_letters as f64);
    let mixed = second;
    let mut parts: Vec<LanguagePart> = Vec::new();
    if mixed || !all_english {
        for ((span, lang), g) in spans.iter().zip(&assigned).zip(&guesses) {
            let Some(lang) = lang else { continue };
            let confidence = if g.sure && g.lang == Some(*lang) {
                g.confidence
            } else {
                0.0
            };
            match parts.last_mut() {
                Some(part) if part.code == code_of(*lang) => {
                    part.span = Span::new(part.span.start, span.end);
                    part.confidence = part.confidence.max(confidence);
                }
                _ => parts.push(LanguagePart {
                    span: *span,
                    code: code_of(*lang).to_string(),
                    name: name_of(*lang).to_string(),
                    confidence,
                }),
            }
        }
    }
    let stages = if all_english {
        Language::stages_all()
    } else if english.is_empty() {
        Stages {
            entities: "language-neutral",
            time: "language-neutral",
            sentiment: "none",
        }
    } else {
        Stages {
            entities: "english parts",
            time: "english parts",
            sentiment: "english parts",
        }
    };
    let (code, name, confidence, source) = match (main, source) {
        (Some(lang), _) => (
            Some(code_of(lang).to_string()),
            Some(name_of(lang).to_string()),
            (confidence * 1000.0).round() / 1000.0,
            source,
        ),
        (None, "meta") => (
            declared.map(|d| d.to_string()),
            declared_lang.map(|l| name_of(l).to_string()),
            0.5,
            "meta",
        ),
        (None, source) => (None, None, 0.0, source),
    };
    Language {
        code,
        name,
        confidence,
        source,
        declared: declared.map(str::to_string),
        mixed,
        parts,
        stages,
        english,
        all_english,
    }
}

/// Guess one paragraph's language.
fn guess(paragraph: &str) -> Guess {
    guess_with(paragraph, SAMPLE_BYTES, MIN_LETTERS, true).unwrap_or(Guess {
        lang: None,
        confidence: 0.0,
        letters: 0,
        sure: false,
    })
}

/// Guess the language of the start of `text` (`bytes` of it), which needs
/// `min_letters` letters for a guess; `None` when it has no letters at all.
/// `paragraph`: one paragraph of several (else the whole text).
fn guess_with(text: &str, bytes: usize, min_letters: usize, paragraph: bool) -> Option<Guess> {
    let sample = prefix(text, bytes);
    let (letters, ascii_letters) = sample.chars().fold((0, 0), |(all, ascii), c| {
        if c.is_alphabetic() {
            (all + 1, ascii + usize::from(c.is_ascii_alphabetic()))
        } else {
            (all, ascii)
        }
    });
    let unsure = Guess {
        lang: None,
        confidence: 0.0,
        letters,
        sure: false,
    };
    if letters == 0 {
        return None;
    }
    if letters < min_letters {
        return Some(unsure);
    }
    let share = english_share(sample);
    if ascii_letters * 50 >= letters * 49 && share.is_some_and(|s| s >= ENGLISH_SHARE) {
        return Some(Guess {
            lang: Some(whatlang::Lang::Eng),
            confidence: ENGLISH_FAST_CONFIDENCE,
            letters,
            sure: true,
        });
    }
    // In plain Latin letters only long prose can decide (below): a short line,
    // a list of names or a table of scores is not worth asking the identifier.
    let plain_latin = ascii_letters * 50 >= letters * 49;
    if plain_latin && (letters < MIN_FOREIGN_LETTERS || !is_prose(sample)) {
        return Some(unsure);
    }
    // A paragraph with a fair share of English's function words, short of the
    // fast path, is left to its neighbours (it is English in English articles);
    // only the whole text, when nothing else tells, asks the identifier then.
    if paragraph && plain_latin && share.is_some_and(|s| s >= MAYBE_ENGLISH_SHARE) {
        return Some(unsure);
    }
    let Some(info) = whatlang::detect(sample) else {
        return Some(unsure);
    };
    let latin = info.script() == whatlang::Script::Latin;
    let confidence = info.confidence() as f32;
    Some(Guess {
        lang: Some(info.lang()),
        confidence,
        letters,
        // Another script than Latin is never English. In Latin letters, only
        // prose long enough decides (lists of names and score tables fool the
        // identifier), and a weak guess at another language does not stop the
        // English stages unless the paragraph has (almost) none of English's
        // function words.
        sure: !latin
            || (letters >= MIN_FOREIGN_LETTERS
                && is_prose(sample)
                && (info.lang() == whatlang::Lang::Eng
                    || info.confidence() >= MIN_FOREIGN_CONFIDENCE
                    || (share.is_some_and(|s| s < NOT_ENGLISH_SHARE)
                        && info.confidence() >= MIN_FOREIGN_CONFIDENCE / 2.0))),
    })
}

/// Prose, not markup, a list of names, a table of scores or a headline in capitals: at
/// least a third of its words (numbers count as words) begin with a
/// lower-case letter (German prose, which capitalizes its nouns, runs at about half).
fn is_prose(text: &str) -> bool {
    // Markup or code shown in an article is in no language.
    if text.matches(['<', '{', '=']).count() > 2 {
        return false;
    }
    let (mut words, mut lower) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if let Some(c) = word.chars().next() {
            words += 1;
            lower += usize::from(c.is_lowercase());
        }
    }
    lower * 3 >= words && words > 0
}

/// The share of words that are English-only function words; `None` for fewer
/// than six words.
fn english_share(text: &str) -> Option<f64> {
    let mut words = 0usize;
    let mut english = 0usize;
    let mut buffer = [0u8; 8];
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if let Some(slot) = buffer.get_mut(..word.len()) {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            if std::str::from_utf8(slot).is_ok_and(english_only) {
                english += 1;
            }
        }
    }
    (words >= 6).then(|| english as f64 / words as f64)
}

/// At most `bytes` bytes of the start of `text`, cut on a character boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// The ISO 639-1 code of a language (its ISO 639-3 code when it has none).
pub fn code_of(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        // A language added to whatlang later: its own (ISO 639-3) code.
        #[allow(unreachable_patterns)]
        other => other.code(),
    }
}

/// A language's English name as a reader knows it ("Chinese", not whatlang's
/// "Mandarin", which is what its trigrams of written Chinese stand for).
pub fn name_of(lang: whatlang::Lang) -> &'static str {
    match lang {
        whatlang::Lang::Cmn => "Chinese",
        whatlang::Lang::Nob => "Norwegian",
        other => other.eng_name(),
    }
}

/// The language a BCP 47 tag names ("de-DE" → German), when the identifier knows it.
fn from_tag(tag: &str) -> Option<whatlang::Lang> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    whatlang::Lang::all()
        .iter()
        .copied()
        .find(|l| code_of(*l) == primary || l.code() == primary)
}

/// The code and name of a language the identifier returns, for the lab.
pub fn detect_code(text: &str) -> Option<(&'static str, f32)> {
    let g = guess(text);
    g.lang.map(|l| (code_of(l), g.confidence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut at = 0;
        for part in text.split("\n\n") {
            spans.push(Span::new(at, at + part.len()));
            at += part.len() + 2;
        }
        spans
    }

    fn of(text: &str) -> Language {
        identify(text, &paragraphs(text), None)
    }

    const GERMAN: &str = "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten. Die Europäische Union berät über neue Sanktionen gegen Russland.";
    const RUSSIAN: &str = "Президент России Владимир Путин встретился в Пекине с председателем КНР Си Цзиньпином 4 февраля 2022 года.";
    const CHINESE: &str =
        "中国国家主席习近平2022年2月4日在北京会见俄罗斯总统普京。双方讨论了双边关系和国际问题。";
    const ENGLISH: &str = "President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Friday, and the two said that their partnership had no limits.";

    #[test]
    fn names_the_language_of_short_news_paragraphs() {
        for (text, code) in [
            (GERMAN, "de"),
            (RUSSIAN, "ru"),
            (CHINESE, "zh"),
            (ENGLISH, "en"),
        ] {
            let language = of(text);
            assert_eq!(language.code.as_deref(), Some(code), "{text}");
            assert_eq!(language.source, "text");
            assert!(language.confidence > 0.05, "{text}: {language:?}");
            assert!(!language.mixed);
            assert_eq!(language.all_english, code == "en");
        }
    }

    #[test]
    fn english_runs_every_stage() {
        let language = of(ENGLISH);
        assert_eq!(language.stages, Language::stages_all());
        assert_eq!(language.english.len(), 1);
    }

    #[test]
    fn other_languages_run_only_language_neutral_stages() {
        let language = of(GERMAN);
        assert!(language.english.is_empty());
        assert_eq!(language.stages.sentiment, "none");
        assert_eq!(language.stages.entities, "language-neutral");
    }

    #[test]
    fn mixed_articles_report_their_parts() {
        let text = format!("{ENGLISH}\n\n{GERMAN}\n\n{ENGLISH}");
        let language = of(&text);
        assert!(language.mixed, "{language:?}");
        let codes: Vec<&str> = language.parts.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["en", "de", "en"]);
        assert_eq!(language.english.len(), 2);
        assert_eq!(language.stages.entities, "english parts");
        for part in &language.parts {
            assert!(part.span.end <= text.len());
        }
    }

    #[test]
    fn short_paragraphs_follow_their_neighbours() {
        let text = format!("Scholz in Berlin\n\n{GERMAN}");
        let language = of(&text);
        assert!(language.english.is_empty(), "{language:?}");
    }

    #[test]
    fn too_short_to_tell_falls_back_to_the_page() {
        let language = identify("Olaf Scholz", &paragraphs("Olaf Scholz"), Some("de-DE"));
        assert_eq!(language.source, "meta");
        assert_eq!(language.code.as_deref(), Some("de-DE"));
        assert!(language.english.is_empty());
        let none = identify("Olaf Scholz", &paragraphs("Olaf Scholz"), None);
        assert!(none.all_english);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            " ",
            "\n\n",
            "1234 5678",
            "ééééééééééééééééééééééééééééé",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
        ] {
            let _ = identify(text, &paragraphs(text), None);
            let _ = identify(text, &[], Some("x"));
        }
    }
}
