//! Lexical helpers every stage shares: lower-casing (once per word, in one
//! buffer), fixed word sets, the embedded-table line reader, and the calendar's
//! word lists (months, weekdays, the era words). Each list has this one home.

/// Append `word` lower-cased to `out` (an ASCII word the cheap way).
pub fn push_lowercase(word: &str, out: &mut String) {
    if word.is_ascii() {
        push_ascii_lowercase(word, out);
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Append an ASCII `word` lower-cased: copied, then lower-cased in place.
fn push_ascii_lowercase(word: &str, out: &mut String) {
    let start = out.len();
    out.push_str(word);
    if let Some(tail) = out.get_mut(start..) {
        tail.make_ascii_lowercase();
    }
}

/// Words lower-cased once, in one buffer (ASCII words the cheap way).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LowerWords {
    buffer: String,
    ranges: Vec<std::ops::Range<usize>>,
}

impl LowerWords {
    pub fn new(words: &[&str]) -> LowerWords {
        LowerWords::with(words, push_lowercase)
    }

    /// Each word in the form `append` writes (a lower-casing that also normalizes).
    pub fn with(words: &[&str], append: fn(&str, &mut String)) -> LowerWords {
        let bytes = words.iter().map(|w| w.len()).sum();
        LowerWords::each(words.len(), bytes, |i, buffer| {
            if let Some(w) = words.get(i) {
                append(w, buffer);
            }
        })
    }

    /// `count` forms in one buffer (of about `bytes` bytes), the i-th written by
    /// `append(i, buffer)`: any per-word form, such as a word's shape.
    pub fn each(
        count: usize,
        bytes: usize,
        mut append: impl FnMut(usize, &mut String),
    ) -> LowerWords {
        let mut buffer = String::with_capacity(bytes);
        let mut ranges = Vec::with_capacity(count);
        for i in 0..count {
            let start = buffer.len();
            append(i, &mut buffer);
            ranges.push(start..buffer.len());
        }
        LowerWords { buffer, ranges }
    }

    /// The word at `i`.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.buffer.get(self.ranges.get(i)?.clone())
    }

    /// The words, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ranges
            .iter()
            .map(|r| self.buffer.get(r.clone()).unwrap_or(""))
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The lower-cased words, in order.
    pub fn refs(&self) -> Vec<&str> {
        self.iter().collect()
    }
}

/// A fixed set of lower-case words, looked up by hash instead of scanning a list.
pub struct WordSet(std::collections::HashSet<&'static str, super::hashing::FxBuild>);

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        WordSet(words.into_iter().collect())
    }
}

impl WordSet {
    pub fn new(lists: &[&[&'static str]]) -> WordSet {
        WordSet(lists.iter().flat_map(|l| l.iter().copied()).collect())
    }

    /// Is this lower-case word in the set?
    pub fn contains(&self, lower: &str) -> bool {
        self.0.contains(lower)
    }

    /// Is this word, lower-cased, in the set? Without allocating for short ASCII words.
    pub fn contains_ignoring_case(&self, word: &str) -> bool {
        with_lowercase(word, |lower| self.0.contains(lower))
    }
}

/// Calls `f` with `word` lower-cased, without allocating for a short ASCII word.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()) {
        Some(slot) if word.is_ascii() => {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            f(std::str::from_utf8(slot).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

/// The lines of an embedded table and the position of the first tab in each: a
/// plain byte scan (faster than `str::lines` and `split_once` on many short lines,
/// which matters because tables are read on the first analysis). A trailing `\r`
/// is dropped, as `str::lines` does.
pub fn table_lines(text: &str) -> impl Iterator<Item = (&str, Option<usize>)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (mut end, mut tab) = (rest.len(), None);
        for (i, &b) in rest.as_bytes().iter().enumerate() {
            if b == b'\n' {
                end = i;
                break;
            }
            if b == b'\t' && tab.is_none() {
                tab = Some(i);
            }
        }
        let line = rest.get(..end).unwrap_or("");
        rest = rest.get(end + 1..).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some((line, tab.filter(|&t| t < line.len())))
    })
}

/// Month names, lower-case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month names of German, French, Spanish, Portuguese, Italian and Dutch,
/// lower-case, with their numbers: an undated article in those languages is
/// dated from the dates it writes ("5. Februar 2022", "5 février 2022",
/// "5 de febrero de 2022"), which the English tagger does not read.
#[rustfmt::skip]
pub const FOREIGN_MONTHS: &[(&str, u32)] = &[
    // German
    ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("april", 4), ("mai", 5),
    ("juni", 6), ("juli", 7), ("august", 8), ("september", 9), ("oktober", 10),
    ("november", 11), ("dezember", 12),
    // French
    ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7),
    ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
    // Spanish
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12),
    // Portuguese
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7),
    ("setembro", 9), ("outubro", 10), ("dezembro", 12),
    // Italian
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    // Dutch
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
];

/// Weekday names, lower-case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Abbreviated month names with their numbers ("Sept" too).
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Abbreviated weekday names with their numbers (Monday is 1).
pub const WEEKDAY_ABBREVIATIONS: [(&str, u32); 10] = [
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

/// Spelled cardinals from "one" to "ninety" with their values.
pub const CARDINALS: [(&str, u32); 27] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Spelled ordinals: "first" to "twentieth" in order, then the round ones.
pub const ORDINAL_WORDS: [&str; 26] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "hundredth",
    "thousandth",
    "millionth",
];

/// The number a spelled ordinal from "first" to "twentieth" stands for
/// ("eighteenth" is 18): the century words of a date.
pub fn spelled_ordinal(lower: &str) -> Option<u32> {
    let at = ORDINAL_WORDS.iter().take(20).position(|w| *w == lower)?;
    u32::try_from(at + 1).ok()
}

/// "BC" (or "B.C.", "BCE"), lower-cased: the era after a year before Christ.
pub fn is_bc_word(lower: &str) -> bool {
    matches!(lower, "bc" | "b.c." | "bce" | "b.c")
}

/// A month name or its common abbreviation ("Sept", "Jan."), any case.
pub fn is_month_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.contains(&lower.as_str())
        || (lower.len() >= 3
            && (lower == "sept"
                || MONTHS
                    .iter()
                    .any(|m| m.len() > 3 && m.get(..3) == Some(lower.as_str()))))
}

/// Append the lower-cased word with digits as 0 and curly quotes straightened.
pub fn lower_normalized(word: &str, out: &mut String) {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_digit()) {
        push_ascii_lowercase(word, out);
        return;
    }
    for ch in word.chars() {
        if ch.is_ascii_digit() {
            out.push('0');
        } else if ch == '’' || ch == '‘' {
            out.push('\'');
        } else if ch == '“' || ch == '”' {
            out.push('"');
        } else {
            out.extend(ch.to_lowercase());
        }
    }
}

/// Verbs (and participles) that attribute quoted speech or writing to a
/// speaker: "said", "told", "added", "wrote", "according (to)", "quoted"
/// ("was quoted as telling"), "read" ("the statement read"). Lower-case.
pub const QUOTE_CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "asked",
    "asks",
    "replied",
    "replies",
    "replying",
    "stated",
    "states",
    "explained",
    "explains",
    "explaining",
    "noted",
    "notes",
    "noting",
    "wrote",
    "writes",
    "writing",
    "insisted",
    "insists",
    "warned",
    "warns",
    "warning",
    "claimed",
    "claims",
    "argued",
    "argues",
    "continued",
    "continues",
    "commented",
    "comments",
    "declared",
    "declares",
    "announced",
    "announces",
    "recalled",
    "recalls",
    "remarked",
    "responded",
    "responds",
    "answered",
    "answers",
    "acknowledged",
    "admitted",
    "admits",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "urged",
    "urges",
    "suggested",
    "suggests",
    "concluded",
    "observed",
    "tweeted",
    "posted",
    "predicted",
    "quipped",
    "conceded",
    "complained",
    "boasted",
    "promised",
    "vowed",
    "pledged",
    "affirmed",
    "confirmed",
    "denied",
    "described",
    "describes",
    "called",
    "calls",
    "read",
    "reads",
    "quoted",
    "according",
    "reported",
    "reports",
    "insisting",
    "hailed",
    "praised",
    "criticized",
    "criticised",
    "thinks",
    "believes",
    "joked",
    "shouted",
    "exclaimed",
];

/// Words that introduce a title, a name or a word mentioned as a word rather
/// than quoted speech, when they stand right before the quotation mark: the
/// newspaper "Kommersant", the so-called "fourth generation". Lower-case.
pub const QUOTE_TERM_INTRODUCERS: &[&str] = &[
    "so-called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "codenamed",
    "code-named",
    "named",
    "newspaper",
    "magazine",
    "daily",
    "weekly",
    "hashtag",
    "term",
    "word",
    "words",
    "phrase",
    "slogan",
    "motto",
    "headline",
    "album",
    "song",
    "film",
    "movie",
    "book",
    "novel",
    "series",
    "operation",
];

/// Role nouns that stand for a person already named ("the minister said").
/// Lower-case.
pub const SPEAKER_ROLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "governor",
    "senator",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "judge",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "commander",
    "coach",
    "manager",
    "captain",
    "councilor",
    "councillor",
    "diplomat",
    "official",
    "analyst",
    "professor",
    "author",
    "founder",
    "chief",
    "head",
    "executive",
    "lawyer",
    "attorney",
    "prosecutor",
    "economist",
    "expert",
    "scientist",
    "researcher",
    "doctor",
    "officer",
    "politician",
    "lawmaker",
    "activist",
    "candidate",
    "counterpart",
];

/// Nouns for a document or a group that can be the source of a quotation
/// ("the statement read", "the ministry said", "officials say"). Lower-case.
pub const QUOTE_SOURCE_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "letter",
    "release",
    "communique",
    "declaration",
    "announcement",
    "document",
    "memo",
    "notice",
    "post",
    "tweet",
    "message",
    "website",
    "ministry",
    "department",
    "government",
    "agency",
    "office",
    "police",
    "officials",
    "authorities",
    "spokespeople",
    "committee",
    "council",
    "company",
    "group",
    "organization",
    "organisation",
    "army",
    "military",
    "court",
    "commission",
    "party",
    "campaign",
    "administration",
    "kremlin",
    "source",
    "sources",
    "witnesses",
    "residents",
    "experts",
    "analysts",
    "critics",
    "observers",
    "participants",
    "organizers",
    "organisers",
    "researchers",
    "scientists",
    "people",
    "team",
    "board",
    "union",
    "newspaper",
    "paper",
];

/// Personal pronouns that can be the subject of a quotation cue ("he said").
/// Lower-case; "he" and "she" point back to the last person named.
pub const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we"];

/// Short function words that title case leaves lower-case ("Invites Bush to
/// Siberia", "Lord of the Rings"), so a headline may hold them and still be one.
pub const TITLE_CASE_MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "over",
];

/// Words that make a year written in the same sentence a plan or a forecast
/// (English, German, Spanish, French; lower-case): "will", "wird", "será",
/// "sera", "expected", "voraussichtlich", "prevé", "prévu".
pub const YEAR_FUTURE_WORDS: &[&str] = &[
    "will",
    "'ll",
    "expected",
    "expects",
    "plans",
    "planned",
    "scheduled",
    "forecast",
    "projected",
    "aims",
    "target",
    "goal",
    "upcoming", // English
    "wird",
    "werden",
    "soll",
    "sollen",
    "wollen",
    "plant",
    "planen",
    "geplant",
    "voraussichtlich",
    "künftig",
    "zukünftig",
    "erwartet",
    "erwarten",
    "könnte",
    "könnten",
    "prognose",
    "prognosen",
    "prognostiziert",
    "anvisiert", // German
    "será",
    "serán",
    "habrá",
    "prevé",
    "prevén",
    "previsto",
    "prevista",
    "planea",
    "planean",
    "próximo",
    "próxima",
    "próximos",
    "próximas",
    "espera",
    "esperan", // Spanish
    "sera",
    "seront",
    "prévu",
    "prévue",
    "prévoit",
    "devrait",
    "devraient",
    "prochain",
    "prochaine", // French
];

/// Past-tense auxiliaries and words that make a sentence's years looked back
/// on, even beside a word of [`YEAR_FUTURE_WORDS`] ("wurde", "fue", "was").
pub const YEAR_PAST_WORDS: &[&str] = &[
    "was", "were", "had", "did", "ago", // English
    "wurde", "wurden", "war", "waren", "hatte", "hatten", "seit", "damals", // German
    "fue", "fueron", "había", "habían", "era", "eran", "desde", // Spanish
    "était", "étaient", "fut", "avait", "depuis", // French
];

/// Words just before a year (at most four words back) that make it a limit
/// to come: "by 2030", "bis Ende 2024", "d'ici 2030", "hasta 2030".
pub const YEAR_LIMIT_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "bis",
    "spätestens",
    "hasta",
    "ici",
    "d'ici",
    "d’ici",
    "jusqu'en",
];

/// Words in a year's sentence that make the year the base a result is
/// compared with ("net income rose from $3 million in the 1988 period",
/// "compared with 1988"): the article is of a later year.
pub const YEAR_COMPARISON_WORDS: &[&str] = &[
    "year-earlier",
    "year-ago",
    "year-before",
    "vorjahr",
    "vorjahres",
    "vorjahreszeitraum",
];

/// Words just before a year that say the article is written after it:
/// "since 2019", "seit Anfang 2019", "desde 2019", "depuis 2019".
pub const YEAR_SINCE_WORDS: &[&str] = &["since", "seit", "desde", "depuis"];
/// English function words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries and modals, and a few empty adverbs ("up", "down", "like" and
/// "well" are left out: they often carry a sentence's sense). A tone's explanation leaves
/// them out (`sentences[].sentiment.words` names content words); negations are
/// not here, since a negation is what flips a sentence's tone.
#[rustfmt::skip]
pub const FUNCTION_WORDS: &[&str] = &[
    // articles, determiners, quantifiers
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every",
    "either", "neither", "both", "all", "such", "what", "which", "whatever", "whichever",
    "another", "other", "others", "own", "same", "much", "many", "more", "most", "few",
    "several", "enough",
    // pronouns
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
    "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
    "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "one",
    "who", "whom", "whose", "whoever", "someone", "something", "anyone", "anything",
    "everyone", "everything", "somebody", "anybody", "everybody",
    // prepositions
    "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "upon", "about",
    "above", "below", "over", "under", "between", "among", "through", "during", "before",
    "after", "since", "until", "till", "toward", "towards", "against", "within", "without",
    "across", "along", "around", "behind", "beside", "besides", "beyond", "near", "off", "out",
    "via", "per", "than", "as",
    // conjunctions and connectives
    "and", "or", "but", "nor", "so", "yet", "if", "then", "else", "because", "while",
    "whereas", "although", "though", "unless", "whether", "when", "whenever", "where",
    "wherever", "why", "how", "also", "however", "therefore", "thus", "hence",
    // auxiliaries and modals, with their clitics
    "be", "am", "is", "are", "was", "were", "been", "being", "'m", "'re", "'s", "'ve", "'d",
    "'ll", "have", "has", "had", "having", "do", "does", "did", "doing", "done", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "get", "got",
    "gets", "getting",
    // empty adverbs and particles
    "there", "here", "now", "just", "only", "even", "still", "already", "again", "ever",
    "very", "too", "quite", "rather", "really", "perhaps", "maybe", "oh", "ok", "okay",
    "yes", "let", "lets", "let's",
];

/// Whether a lower-cased token names something in a tone's explanation: it has a
/// letter and is not one of the [`FUNCTION_WORDS`].
pub fn is_content_word(lower: &str) -> bool {
    static FUNCTION: std::sync::LazyLock<WordSet> =
        std::sync::LazyLock::new(|| WordSet::new(&[FUNCTION_WORDS]));
    lower.chars().any(char::is_alphabetic) && !FUNCTION.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_are_those_with_a_letter_outside_the_function_words() {
        for word in [
            "love", "killed", "phone", "not", "never", "down", "like", "élan", "covid-19",
        ] {
            assert!(is_content_word(word), "{word}");
        }
        for word in [
            "i", "and", "have", "the", "'s", "would", ".", ",", "!!", "42", "—", "",
        ] {
            assert!(!is_content_word(word), "{word}");
        }
        // the list is lower case and has no repeats
        let mut seen = std::collections::HashSet::new();
        for word in FUNCTION_WORDS {
            assert_eq!(word.to_lowercase(), *word);
            assert!(seen.insert(word), "{word} twice");
        }
    }
}
