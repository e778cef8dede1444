//! Office-holders: the people an article names with their title, and what the
//! title says of when it was written. "President Vladimir Putin", "Chinese
//! President Hu Jintao" and "Japanese Prime Minister Shinzo Abe" in one article
//! can only have been written while all three held office together: between 26
//! September 2006 and 26 September 2007 (the dating module adds the terms up).
//!
//! The table (`models/officeholders.tsv`, compiled by hand from the public
//! record; read once in `ground::knowledge`, where the entity stage reads its
//! names too) lists heads of state and government, foreign and defence
//! ministers, heads of the UN, NATO, the EU, the IMF and the World Bank and
//! central bankers most named in English-language news, one line per term. A mention is "TITLE Name" ("Secretary of State
//! Antony Blinken") or "Name, [Country's] [cue] TITLE" ("Vladimir Putin, Russia's
//! current prime minister and future president"); the word before the title
//! says how it dates the article: in office (no word), "new" (the first months
//! of the term), "outgoing" (the last months), "former"/"late" (after the term),
//! "vice", "deputy", "then"… (nothing). The same surname under several holders
//! ("President Bush") stands for all their terms.
//!
//! Guarantees: never panics; no allocation unless a title word is in the text.

pub(super) use crate::ground::knowledge::{day_number, officeholders, TERM_OPEN as OPEN};

/// The office a one-word title names in German, Spanish or French
/// ("Bundeskanzlerin", "presidente", "président"), also after a prefix
/// ("US-Präsident", "expresidente": [`former_prefix`] reads the "ex").
fn foreign_title(word: &str) -> Option<&'static str> {
    // (a deputy is another office: "Vize-Präsident", "vice-presidente")
    let word = match word.rsplit_once('-') {
        Some(("vice" | "vize" | "co" | "deputy" | "sub", _)) => return None,
        // "VW-Chef", "Waymo-Chefin": the company's chief executive
        Some((_, "chef" | "chefin")) => return Some("ceo"),
        Some((_, tail)) => tail,
        None => word,
    };
    let word = word
        .strip_prefix("ex")
        .filter(|rest| foreign_title_word(rest).is_some())
        .unwrap_or(word);
    foreign_title_word(word)
}

fn foreign_title_word(word: &str) -> Option<&'static str> {
    compound_title(word).or_else(|| plain_foreign_title(word))
}

/// The office of a German minister by the field the compound names
/// ("Wirtschafts-", "Gesundheits-", "Justiz-"), the same as the English title
/// ("economy minister"): "" after "Bundes" is any federal minister.
fn minister_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "" => "federal minister",
        "außen" | "aussen" => "foreign minister",
        "verteidigungs" => "defense minister",
        "finanz" => "finance minister",
        "wirtschafts" => "economy minister",
        "innen" => "interior minister",
        "gesundheits" => "health minister",
        "justiz" => "justice minister",
        "arbeits" | "sozial" => "labour minister",
        "familien" | "jugend" | "frauen" => "family minister",
        "umwelt" | "klima" => "environment minister",
        "verkehrs" | "digital" => "transport minister",
        "landwirtschafts" | "agrar" | "ernährungs" => "agriculture minister",
        "bildungs" | "forschungs" => "education minister",
        "premier" => "prime minister",
        _ => return None,
    })
}

/// A German compound title: "Bundeswirtschaftsminister", "Gesundheitsministerin",
/// "Bundespräsident", "EU-Ratspräsident", "VW-Chef", "Konzernchef" (the
/// company's chief executive). A deputy ("Vizepräsident", "Vizekanzler") and
/// a state premier ("Ministerpräsident") are other offices.
fn compound_title(word: &str) -> Option<&'static str> {
    if word.starts_with("vize") || word.starts_with("vice") {
        return None;
    }
    let stem = |suffixes: &[&str]| {
        suffixes
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .map(|rest| rest.strip_prefix("bundes").unwrap_or(rest))
    };
    if let Some(field) = stem(&["ministerin", "minister"]) {
        return minister_of(field);
    }
    let before = |suffixes: &[&str]| suffixes.iter().find_map(|s| word.strip_suffix(s));
    if let Some(before) = before(&["präsidentin", "präsident"]) {
        return (!before.is_empty() && !before.ends_with("minister")).then_some("president");
    }
    if let Some(before) = before(&["kanzlerin", "kanzler"]) {
        return (!before.is_empty()).then_some("chancellor");
    }
    matches!(
        word,
        "konzernchef" | "konzernchefin" | "vorstandschef" | "vorstandschefin"
    )
    .then_some("ceo")
}

fn plain_foreign_title(word: &str) -> Option<&'static str> {
    Some(match word {
        "präsident" | "präsidentin" | "presidente" | "presidenta" | "président" | "présidente"
        | "president" => "president",
        "bundeskanzler" | "bundeskanzlerin" | "kanzler" | "kanzlerin" | "altkanzler"
        | "altkanzlerin" | "chancellor" => "chancellor",
        "premierminister" | "premierministerin" | "regierungschef" | "regierungschefin" => {
            "prime minister"
        }
        "außenminister" | "außenministerin" | "aussenminister" | "aussenministerin" => {
            "foreign minister"
        }
        _ => return None,
    })
}

/// Whether a one-word title says its holder is out of office: "Ex-Präsident",
/// "expresidente", "Altkanzlerin".
fn former_prefix(word: &str) -> bool {
    word.starts_with("ex-")
        || word.starts_with("alt")
        || (word.starts_with("ex") && !word.contains('-') && foreign_title(word).is_some())
}

/// The office a title names at word `i`, and how many words it takes.
fn title_at(lower: &[&str], i: usize) -> Option<(&'static str, usize)> {
    let at = |k: usize| lower.get(i + k).copied().unwrap_or("");
    let next = at(1);
    let word = lower.get(i).copied()?;
    if word.len() > 6
        && (word.contains('-')
            || !word.is_ascii()
            || word.starts_with("ex")
            || word.ends_with("minister")
            || word.ends_with("ministerin")
            || word.ends_with("chef"))
    {
        if let Some(office) = foreign_title(word) {
            return Some((office, 1));
        }
    }
    Some(match word {
        "presidente" | "presidenta" | "präsident" | "präsidentin" | "président" | "présidente" => {
            ("president", 1)
        }
        "bundeskanzler" | "bundeskanzlerin" | "kanzler" | "kanzlerin" | "altkanzler"
        | "altkanzlerin" => ("chancellor", 1),
        "premierminister" | "premierministerin" | "regierungschef" | "regierungschefin" => {
            ("prime minister", 1)
        }
        "außenminister" | "außenministerin" | "aussenminister" | "aussenministerin" => {
            ("foreign minister", 1)
        }
        "primer" if next == "ministro" => ("prime minister", 2),
        "primera" if next == "ministra" => ("prime minister", 2),
        "premier" if next == "ministre" => ("prime minister", 2),
        "president" | "president-elect" => ("president", 1),
        "prime" if next == "minister" || next == "minister-elect" => ("prime minister", 2),
        "premier" => ("premier", 1),
        "chancellor" => ("chancellor", 1),
        "secretary-general" => ("secretary-general", 1),
        "secretary" if next == "general" => ("secretary general", 2),
        "secretary" if next == "of" && at(2) == "state" => ("secretary of state", 3),
        "secretary" if next == "of" && matches!(at(2), "defense" | "defence") => {
            ("defense secretary", 3)
        }
        "secretary" if next == "of" && at(2) == "the" && at(3) == "treasury" => {
            ("treasury secretary", 4)
        }
        "state" if next == "secretary" => ("secretary of state", 2),
        "foreign" if next == "minister" => ("foreign minister", 2),
        "finance" | "economy" | "economics" | "health" | "interior" | "justice" | "labour"
        | "labor" | "environment" | "transport" | "agriculture" | "education"
            if next == "minister" =>
        {
            (english_minister(word), 2)
        }
        "ceo" => ("ceo", 1),
        "chief" if next == "executive" && at(2) == "officer" => ("ceo", 3),
        "chief" if next == "executive" => ("ceo", 2),
        "foreign" if next == "secretary" => ("foreign secretary", 2),
        "defense" | "defence" if next == "secretary" => ("defense secretary", 2),
        "defense" | "defence" if next == "minister" => ("defense minister", 2),
        "treasury" if next == "secretary" => ("treasury secretary", 2),
        "attorney" if next == "general" => ("attorney general", 2),
        "majority" if next == "leader" => ("majority leader", 2),
        "high" if next == "representative" => ("high representative", 2),
        "managing" if next == "director" => ("managing director", 2),
        "ambassador" => ("ambassador", 1),
        "speaker" => ("speaker", 1),
        "governor" => ("governor", 1),
        "chair" => ("chair", 1),
        "pope" => ("pope", 1),
        "king" => ("king", 1),
        "leader" => ("leader", 1),
        "chairman" => ("chairman", 1),
        _ => return None,
    })
}

/// The office an English "FIELD minister" names (the same as the German
/// compound's).
fn english_minister(field: &str) -> &'static str {
    match field {
        "finance" => "finance minister",
        "economy" | "economics" => "economy minister",
        "health" => "health minister",
        "interior" => "interior minister",
        "justice" => "justice minister",
        "labour" | "labor" => "labour minister",
        "environment" => "environment minister",
        "transport" => "transport minister",
        "agriculture" => "agriculture minister",
        _ => "education minister",
    }
}

/// What the word before a title says of its holder as the article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// In office.
    Current,
    /// In the first months of the term ("new").
    New,
    /// In the last months ("outgoing").
    Outgoing,
    /// After the term ("former", "late").
    Former,
    /// Elected, not yet in office ("president-elect"; "current prime minister
    /// and future president": the future title's term).
    Elect,
}

/// The cue of a word before a title; `None` for a word that says nothing of
/// when ("then", "vice", "deputy", "future"…: the holder is not in that office
/// now, or the title is another).
fn cue_of(word: &str) -> Option<Option<Cue>> {
    Some(match word {
        "former" | "ex" | "ex-" | "late" | "previous" | "past" | "onetime" | "one-time"
        | "erstwhile" => Some(Cue::Former),
        "current" | "sitting" | "incumbent" => Some(Cue::Current),
        "new" | "newly" | "incoming" => Some(Cue::New),
        "outgoing" | "departing" | "retiring" => Some(Cue::Outgoing),
        // German, Spanish and French cues
        "ehemalige" | "ehemaligen" | "ehemaliger" | "frühere" | "früheren" | "früherer"
        | "einstige" | "einstigen" | "antiguo" | "antigua" | "ancien" | "ancienne" => {
            Some(Cue::Former)
        }
        "amtierende" | "amtierenden" | "amtierender" | "actual" | "actuel" | "actuelle" => {
            Some(Cue::Current)
        }
        "neue" | "neuen" | "neuer" | "nuevo" | "nueva" | "nouveau" | "nouvelle" => Some(Cue::New),
        "scheidende" | "scheidenden" | "scheidender" => Some(Cue::Outgoing),
        "designierte" | "designierten" | "designierter" | "electo" | "electa" => None,
        "then" | "vice" | "deputy" | "future" | "next" | "first" | "would-be" | "assistant"
        | "acting" | "shadow" | "opposition" => None,
        _ => return None,
    })
}

/// A word that can be part of a name written after a title: capitalized, or a
/// particle ("da", "von", "el-Sisi").
fn name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            word,
            "da" | "de" | "del" | "der" | "di" | "van" | "von" | "bin" | "al" | "el" | "la" | "le"
        )
        || (word.contains('-') && word.chars().any(char::is_uppercase))
}

/// One titled office-holder named in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Titled {
    /// The words it takes, title and name (token indices).
    pub words: std::ops::Range<usize>,
    /// The terms it can mean (indices into the table's terms).
    pub terms: Vec<usize>,
    /// What the text says of when.
    pub cue: Cue,
}

/// The terms a name (lower-cased words) can mean under a title.
fn terms_named(name: &[&str], office: &str) -> Vec<usize> {
    officeholders()
        .terms_named(&name.join(" "))
        .iter()
        .copied()
        .filter(|&t| {
            officeholders()
                .terms
                .get(t)
                .is_some_and(|t| t.offices.contains(&office))
        })
        .collect()
}

/// The longest name of a holder of `office` among the name words from `start`
/// (at most six), as (words taken, terms).
fn name_after(
    words: &[&str],
    lower: &[&str],
    start: usize,
    office: &str,
) -> Option<(usize, Vec<usize>)> {
    if !lower
        .get(start)
        .is_some_and(|w| officeholders().starts_name(w))
    {
        return None;
    }
    let length = words
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take(6)
        .take_while(|w| name_word(w))
        .count();
    (1..=length).rev().find_map(|n| {
        let terms = terms_named(lower.get(start..start + n)?, office);
        (!terms.is_empty()).then_some((n, terms))
    })
}

/// The longest name of a holder of `office` ending just before word `end`.
fn name_before(
    words: &[&str],
    lower: &[&str],
    end: usize,
    office: &str,
) -> Option<(usize, Vec<usize>)> {
    let length = (1..=end.min(6))
        .take_while(|k| words.get(end - k).is_some_and(|w| name_word(w)))
        .count();
    (1..=length).rev().find_map(|n| {
        let name = lower.get(end - n..end)?;
        if !name.first().is_some_and(|w| officeholders().starts_name(w)) {
            return None;
        }
        let terms = terms_named(name, office);
        (!terms.is_empty()).then_some((n, terms))
    })
}

/// Every office-holder the text names with a title, with the cue of the word
/// before the title; a name that can mean several people ("President Bush") is
/// dropped when a fuller mention ("President George W. Bush") narrows it down.
pub(super) fn titled(words: &[&str], lower: &[&str]) -> Vec<Titled> {
    let mut found: Vec<Titled> = Vec::new();
    for i in 0..lower.len() {
        let Some((office, length)) = title_at(lower, i) else {
            continue;
        };
        let before = |k: usize| i.checked_sub(k).and_then(|j| lower.get(j)).copied();
        // The cue: the word before the title, or the one before that
        // ("former U.S. President").
        let mut cue = Some(Cue::Current);
        let mut first = i;
        for k in 1..=2 {
            if let Some(c) = before(k).and_then(cue_of) {
                cue = c;
                first = i - k;
                break;
            }
        }
        if lower.get(i).is_some_and(|w| w.ends_with("-elect"))
            || lower
                .get(i + length)
                .is_some_and(|w| *w == "-elect" || *w == "elect")
        {
            cue = Some(Cue::Elect);
        }
        if lower
            .get(i)
            .is_some_and(|w| w.len() > 6 && former_prefix(w))
        {
            cue = Some(Cue::Former);
        }
        let Some(mut cue) = cue else { continue };
        // "TITLE Name", "TITLE [of Russia | ruso], Name", else "Name,
        // [Russia's] [cue] TITLE".
        let after = i + length;
        let apposed = || {
            (1..=4).find_map(|k| {
                let between = lower.get(after..after + k)?;
                let (last, rest) = between.split_last()?;
                if *last != "," || rest.iter().any(|w| matches!(*w, "." | "," | ";" | ":")) {
                    return None;
                }
                let (n, terms) = name_after(words, lower, after + k, office)?;
                Some((after + k + n, terms))
            })
        };
        let (words_taken, terms) = if let Some((n, terms)) =
            name_after(words, lower, i + length, office)
        {
            (first..i + length + n, terms)
        } else if let Some((end, terms)) = apposed() {
            (first..end, terms)
        } else {
            // Back over the cue, a country's name ("Russia's", "Chinese") and a
            // comma to the name.
            let mut j = first;
            for _ in 0..3 {
                match j.checked_sub(1).and_then(|k| lower.get(k)).copied() {
                    Some(w)
                        if w == "'s"
                            || w == "\u{2019}s"
                            || w.ends_with("'s")
                            || w.ends_with("\u{2019}s")
                            || words.get(j - 1).is_some_and(|w| name_word(w)) =>
                    {
                        j -= 1;
                    }
                    _ => break,
                }
                if j.checked_sub(1).and_then(|k| lower.get(k)) == Some(&",") {
                    break;
                }
            }
            if j == 0 || lower.get(j - 1) != Some(&",") {
                continue;
            }
            let Some((n, mut terms)) = name_before(words, lower, j - 1, office) else {
                continue;
            };
            // "current prime minister and future president": the future title's term.
            let after = i + length;
            if lower.get(after) == Some(&"and")
                && matches!(lower.get(after + 1), Some(&"future") | Some(&"next"))
            {
                if let Some((future, _)) = title_at(lower, after + 2) {
                    let name: Vec<&str> = lower.get(j - 1 - n..j - 1).unwrap_or_default().to_vec();
                    let later = terms_named(&name, future);
                    let now: Vec<(i64, i64)> = terms
                        .iter()
                        .filter_map(|&t| officeholders().terms.get(t))
                        .map(|t| (t.from, t.to))
                        .collect();
                    // The future term that starts as a current one ends (or within a year).
                    let next: Vec<usize> = later
                        .into_iter()
                        .filter(|&t| {
                            officeholders().terms.get(t).is_some_and(|t| {
                                now.iter().any(|&(_, to)| {
                                    t.from >= to.saturating_sub(400) && t.from <= to + 400
                                })
                            })
                        })
                        .collect();
                    if !next.is_empty() {
                        terms = next;
                        cue = Cue::Elect;
                    }
                }
            }
            (j - 1 - n..i + length, terms)
        };
        let mention = Titled {
            words: words_taken,
            terms,
            cue,
        };
        if !found
            .iter()
            .any(|f| f.terms == mention.terms && f.cue == mention.cue)
        {
            found.push(mention);
        }
    }
    // A mention whose terms include another's (same cue) names the same person
    // less precisely.
    let narrower = |a: &Titled, b: &Titled| {
        a.cue == b.cue && a.terms != b.terms && a.terms.iter().all(|t| b.terms.contains(t))
    };
    found
        .iter()
        .filter(|wide| !found.iter().any(|other| narrower(other, wide)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::dates::calendar::Date;

    /// The words, the cue and the terms (first and last day) of a mention.
    type Found = (String, Cue, Vec<(String, String)>);

    fn mentions(text: &str) -> Vec<Found> {
        let words: Vec<&str> = text
            .split_whitespace()
            .flat_map(|w| match w.strip_suffix(',') {
                Some(w) => vec![w, ","],
                None => vec![w],
            })
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        titled(&words, &lower)
            .into_iter()
            .map(|m| {
                let terms = m
                    .terms
                    .iter()
                    .filter_map(|&t| officeholders().terms.get(t))
                    .map(|t| {
                        (
                            Date::from_days(t.from).iso(),
                            Date::from_days(t.to.min(OPEN / 2)).iso(),
                        )
                    })
                    .collect();
                (
                    words.get(m.words).unwrap_or_default().join(" "),
                    m.cue,
                    terms,
                )
            })
            .collect()
    }

    #[test]
    fn the_table_reads_whole() {
        let rows = crate::ground::knowledge::OFFICEHOLDERS_TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(
            officeholders().terms.len(),
            rows,
            "every line of officeholders.tsv parses"
        );
        assert!(officeholders().terms.iter().all(|t| t.from <= t.to));
    }

    #[test]
    fn titles_before_names_and_their_cues() {
        let found = mentions(
            "U.S. Secretary of State Antony Blinken met new Chinese Foreign Minister Qin Gang",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "Secretary of State Antony Blinken");
        assert_eq!(found[0].1, Cue::Current);
        assert_eq!(found[1].0, "new Chinese Foreign Minister Qin Gang");
        assert_eq!(found[1].1, Cue::New);
        assert_eq!(found[1].2, vec![("2022-12-30".into(), "2023-07-25".into())]);
        let former = mentions("former President Bill Clinton");
        assert_eq!(former.first().map(|f| f.1), Some(Cue::Former));
        // "Vice President" is another office; "then-President" says nothing of now.
        assert!(mentions("Vice President Joe Biden").is_empty());
        assert!(mentions("then President Bill Clinton").is_empty());
    }

    #[test]
    fn a_title_after_the_name_and_a_future_one() {
        let found =
            mentions("Vladimir Putin, Russia's current prime minister and future president, said");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Cue::Elect);
        // Prime minister before each of his presidencies: both stay (the years
        // the text writes choose).
        let starts: Vec<&str> = found[0].2.iter().map(|(from, _)| from.as_str()).collect();
        assert_eq!(starts, ["1999-12-31", "2012-05-07"]);
    }

    #[test]
    fn german_spanish_and_french_titles() {
        let found = mentions("Bundeskanzlerin Angela Merkel und US-Präsident Joe Biden");
        let named: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            named,
            ["Bundeskanzlerin Angela Merkel", "US-Präsident Joe Biden"]
        );
        assert!(found.iter().all(|f| f.1 == Cue::Current), "{found:?}");
        let former = mentions("die Altkanzlerin Angela Merkel und Ex-Präsident Donald Trump");
        assert!(former.iter().all(|f| f.1 == Cue::Former), "{former:?}");
        assert_eq!(former.len(), 2, "{former:?}");
        // "el presidente de Estados Unidos, Joe Biden": the name after the comma.
        let found = mentions("el presidente de Estados Unidos, Joe Biden dijo");
        assert_eq!(found.first().map(|f| f.2.len()), Some(1), "{found:?}");
        assert_eq!(
            mentions("el expresidente Barack Obama")
                .first()
                .map(|f| f.1),
            Some(Cue::Former)
        );
        // A title word alone, or a name nobody of that office had, dates nothing.
        assert!(mentions("der Präsident des Vereins Hans Müller").is_empty());
        assert!(mentions("Vize-Präsident Joe Biden").is_empty());
    }

    #[test]
    fn german_compound_titles_and_chief_executives() {
        let found = mentions(
            "Bundeswirtschaftsminister Robert Habeck traf Gesundheitsministerin Nina Warken",
        );
        let named: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            named,
            [
                "Bundeswirtschaftsminister Robert Habeck",
                "Gesundheitsministerin Nina Warken"
            ]
        );
        // The field chooses the term: Maas was justice, then foreign minister.
        let found = mentions("Bundesjustizminister Heiko Maas");
        assert_eq!(
            found.first().map(|f| f.2.clone()),
            Some(vec![("2013-12-17".into(), "2018-03-14".into())])
        );
        // "Bundesminister" alone is any federal minister; a state premier
        // ("Ministerpräsident") and a deputy are other offices.
        assert_eq!(mentions("Bundesminister Cem Özdemir").len(), 1);
        assert!(mentions("Ministerpräsident Horst Seehofer").is_empty());
        assert!(mentions("Vizekanzler Olaf Scholz").is_empty());
        let found = mentions("Bundespräsident Frank-Walter Steinmeier und VW-Chef Herbert Diess");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(mentions("Microsoft CEO Satya Nadella").len(), 1);
        assert_eq!(mentions("Chief Executive Satya Nadella").len(), 1);
        assert_eq!(mentions("Finance Minister Christian Lindner").len(), 1);
        // "Chairman Powell" in 1991 can be Colin Powell as well as Jerome Powell.
        assert_eq!(
            mentions("Chairman Powell").first().map(|f| f.2.len()),
            Some(2)
        );
    }

    #[test]
    fn a_bare_surname_stands_for_every_holder_of_it() {
        let found = mentions("President Bush spoke");
        assert_eq!(found.first().map(|f| f.2.len()), Some(2), "{found:?}");
        // A fuller mention narrows it down.
        let found = mentions("President George W. Bush and President Bush");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
