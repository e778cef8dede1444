//! Lines that are not prose: results tables ("Arsenal 2 Chelsea 1",
//! "CINCINNATI 5 8 0", "Kent 108-3"), fixtures ("Florida at Cincinnati",
//! "Birmingham v Barnsley") and datelines ("NEW YORK 1996-08-30").
//!
//! The tagger is trained on prose, where a city's name is a place. In a results
//! table a name followed by a score is a team, and a team named after its city or
//! county is an organization ("CHICAGO 65 64 .504"), while a country's name there
//! is its national side, which news corpora (CoNLL-2003) keep as a place. A
//! tagger's name also never swallows the scores after it. A dateline's place
//! stays a place, whatever the rest of the document makes of the name.

use super::gazetteer::{gazetteer, PlaceKind};
use super::tagger::TYPES;
use super::Chunk;
use crate::ground::hashing::FxBuild;
use crate::ground::lexical::TITLE_CASE_MINOR_WORDS;
use std::ops::Range;

fn kind_of(name: &str) -> usize {
    TYPES.iter().position(|t| *t == name).unwrap_or(0)
}

/// A score, a count or a figure: digits with dots, commas, colons, slashes or
/// dashes, and no letter ("2", "108-3", ".504", "7-0-29-0", "1:23.45").
pub(crate) fn is_figure(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'/' | b'-'))
}

/// A date as datelines write it ("1996-08-30").
fn is_iso_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2)
        && word.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// Is this line a table row rather than prose: it holds a score or figure (not
/// only a date) and at most one lower-case word?
pub(crate) fn is_table_line(words: &[&str]) -> bool {
    let figures = words
        .iter()
        .filter(|w| is_figure(w) && !is_iso_date(w))
        .count();
    let lower = words
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && w.chars().all(char::is_alphabetic)
        })
        .count();
    figures >= 1 && lower <= 1
}

/// A dateline: a name, perhaps a comma and a region, then a date, alone on its line.
fn is_dateline(words: &[&str]) -> bool {
    words.last().is_some_and(|w| is_iso_date(w)) && words.len() <= 6
}

/// Words joining two sides of a fixture ("Birmingham v Barnsley", "FLORIDA AT
/// CINCINNATI", "Surrey beat Warwickshire").
fn is_fixture_word(word: &str) -> bool {
    matches!(
        word,
        "v" | "v." | "vs" | "vs." | "AT" | "VS" | "V" | "beat" | "BEAT" | "beats" | "BEATS"
    )
}

/// Does the gazetteer know this name as a country (or only as a place that is a
/// country's other name)?
fn is_country(words: &[&str]) -> bool {
    let phrase = super::grouping::lower_phrase(words);
    gazetteer()
        .lookup(&phrase)
        .iter()
        .any(|e| e.kind == PlaceKind::Country)
}

/// Does the gazetteer know this name as a place other than a country?
fn is_known_place(words: &[&str]) -> bool {
    let phrase = super::grouping::lower_phrase(words);
    let entries = gazetteer().lookup(&phrase);
    !entries.is_empty()
        && entries
            .iter()
            .all(|e| e.kind != PlaceKind::Country && e.kind != PlaceKind::Demonym)
}

/// Is the document a sports page: does it have at least `n` table rows?
fn table_lines(words: &[&str], sentences: &[Range<usize>]) -> Vec<bool> {
    sentences
        .iter()
        .map(|s| is_table_line(words.get(s.clone()).unwrap_or(&[])))
        .collect()
}

/// Retype and trim the tagger's chunks on the lines that are not prose (in place).
/// `club` says whether the knowledge table lists a name as a sports club.
pub(crate) fn retype_tables(
    words: &[&str],
    sentences: &[Range<usize>],
    chunks: &mut [Chunk],
    club: impl Fn(&[&str]) -> bool,
) {
    let (person, organization, place) = (kind_of("PER"), kind_of("ORG"), kind_of("LOC"));
    let tables = table_lines(words, sentences);
    let sports_page = tables.iter().filter(|t| **t).count() >= 3;
    let sentence_of = |i: usize| sentences.partition_point(|s| s.end <= i);
    for chunk in chunks.iter_mut() {
        let si = sentence_of(chunk.tokens.start);
        let Some(sentence) = sentences.get(si) else {
            continue;
        };
        let line = words.get(sentence.clone()).unwrap_or(&[]);
        let in_table = tables.get(si).copied().unwrap_or(false);
        if in_table {
            // a name never swallows the figures around it ("CINCINNATI 5 8 0")
            while chunk.tokens.len() > 1
                && words
                    .get(chunk.tokens.end - 1)
                    .is_some_and(|w| is_figure(w))
            {
                chunk.tokens.end -= 1;
            }
            while chunk.tokens.len() > 1
                && words.get(chunk.tokens.start).is_some_and(|w| is_figure(w))
            {
                chunk.tokens.start += 1;
            }
        }
        if is_dateline(line) {
            continue;
        }
        let name = words.get(chunk.tokens.clone()).unwrap_or(&[]);
        let next = words.get(chunk.tokens.end).copied().unwrap_or("");
        let previous = chunk
            .tokens
            .start
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .copied()
            .unwrap_or("");
        let scored = in_table && is_figure(next) && !is_iso_date(next);
        // "FLORIDA AT CINCINNATI": the visitors are a team, the hosts' name after
        // "at" their ground (a place, as CoNLL-2003 has it)
        let at = |w: &str| w.eq_ignore_ascii_case("at");
        let fixture =
            sports_page && (is_fixture_word(next) || (is_fixture_word(previous) && !at(previous)));
        if !(scored || fixture) || is_country(name) {
            continue;
        }
        let team = chunk.kind == place
            || (chunk.kind == person && (club(name) || is_known_place(name)))
            || club(name);
        if team {
            chunk.kind = organization;
        }
    }
}

/// In a headline (ALL CAPS, or title case: every word capitalized but short
/// function words such as "to" and "of") a person's name ends
/// before a word the lexicon knows only as a common word: "PUTIN ARRIVES IN
/// JAPAN", "Putin Reassures Asians, Invites Bush to Siberia" (the tagger, unsure of
/// casing there, runs on), and starts after one ("Invites Bush"); and a phrase of
/// common words it capitalizes is no name.
pub(crate) fn trim_headline_names(
    words: &[&str],
    sentences: &[Range<usize>],
    chunks: &mut Vec<Chunk>,
) {
    let (person, misc) = (kind_of("PER"), kind_of("MISC"));
    // every word capitalized, but for title case's short function words
    let headline = |line: &[&str]| {
        let mut capitalized = 0;
        // (a possessive "’s" is neither)
        let lettered =
            |w: &&&str| w.chars().any(char::is_alphabetic) && !w.starts_with(['\'', '’']);
        for w in line.iter().filter(lettered) {
            if w.chars().next().is_some_and(char::is_uppercase) {
                capitalized += 1;
            } else if !TITLE_CASE_MINOR_WORDS.contains(w) {
                return false;
            }
        }
        capitalized >= 2
    };
    let is_headline: Vec<bool> = sentences
        .iter()
        .map(|s| headline(words.get(s.clone()).unwrap_or(&[])))
        .collect();
    let in_headline = |chunk: &Chunk| {
        let si = sentences.partition_point(|s| s.end <= chunk.tokens.start);
        is_headline.get(si).copied().unwrap_or(false)
    };
    // most texts have no name in a headline: nothing to do
    if !chunks
        .iter()
        .any(|c| (c.kind == person || c.kind == misc) && in_headline(c))
    {
        return;
    }
    // the words of the people the text names outside capitals, lower-cased
    let person_words: std::collections::HashSet<String, FxBuild> = chunks
        .iter()
        .filter(|c| c.kind == person)
        .flat_map(|c| words.get(c.tokens.clone()).unwrap_or(&[]))
        .filter(|w| w.chars().any(char::is_lowercase))
        .map(|w| w.to_lowercase())
        .collect();
    // the same, of the people named outside headlines
    let prose_person_words: std::collections::HashSet<String, FxBuild> = chunks
        .iter()
        .filter(|c| c.kind == person && !in_headline(c))
        .flat_map(|c| words.get(c.tokens.clone()).unwrap_or(&[]))
        .map(|w| w.to_lowercase())
        .collect();
    // how the prose writes each word mid-sentence: a word it capitalizes and never
    // writes lower-case is a name there ("Osama Bin Laden" under "Bin Laden, Kopp
    // on Most-Wanted List"), whatever the lexicon says of "laden"
    let mut capitalized_in_prose: std::collections::HashSet<String, FxBuild> =
        std::collections::HashSet::default();
    let mut lower_in_prose: std::collections::HashSet<String, FxBuild> =
        std::collections::HashSet::default();
    for (sentence, &is_headline) in sentences.iter().zip(&is_headline) {
        if is_headline {
            continue;
        }
        let line = words.get(sentence.clone()).unwrap_or(&[]);
        for w in line.iter().skip(1) {
            if w.chars().next().is_some_and(char::is_uppercase) {
                capitalized_in_prose.insert(w.to_lowercase());
            } else if w.chars().any(char::is_lowercase) {
                lower_in_prose.insert(w.to_lowercase());
            }
        }
    }
    let name_in_prose = |w: &str| capitalized_in_prose.contains(w) && !lower_in_prose.contains(w);
    for chunk in chunks.iter_mut() {
        // A name the headline runs into its verb ("PUTIN ARRIVES IN JAPAN") is
        // tagged a person or, in capitals, often a MISC phrase.
        if (chunk.kind != person && chunk.kind != misc) || chunk.tokens.len() < 2 {
            continue;
        }
        if !in_headline(chunk) {
            continue;
        }
        let common_word = |i: usize| {
            words.get(i).is_some_and(|w| {
                let lower = w.to_lowercase();
                let lexical = super::lexicon::lookup(&lower);
                lexical.common && !lexical.proper && !name_in_prose(&lower)
            })
        };
        // nor does it start with the headline's verb ("…, Invites Bush to Siberia"),
        // when the rest is a person the prose names and the verb is no name there
        let person_word = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| prose_person_words.contains(w.to_lowercase().as_str()))
        };
        let first = chunk.tokens.start;
        let rest_is_named = (first + 1..chunk.tokens.end).all(person_word);
        if rest_is_named && common_word(first) && !person_word(first) {
            chunk.tokens.start += 1;
            chunk.kind = person;
        }
        let cut = (chunk.tokens.start + 1..chunk.tokens.end).find(|&i| common_word(i));
        if let Some(end) = cut {
            chunk.tokens.end = end;
            // what is left is a person when the text names that person elsewhere
            let lower = |i: usize| words.get(i).map(|w| w.to_lowercase());
            if chunk.kind == misc
                && chunk
                    .tokens
                    .clone()
                    .all(|i| lower(i).is_some_and(|w| person_words.contains(w.as_str())))
            {
                chunk.kind = person;
            }
        }
    }
    // A phrase of common words a headline capitalizes is no name, tagged MISC or
    // ORG ("Putin’s Grand Plan for Asia"), unless the prose capitalizes its words
    // too or the knowledge table knows it ("World Bank").
    chunks.retain(|chunk| {
        let phrase = words.get(chunk.tokens.clone()).unwrap_or(&[]);
        let common_only = !phrase.is_empty()
            && phrase.iter().all(|w| {
                let lower = w.to_lowercase();
                let lexical = super::lexicon::lookup(&lower);
                lexical.common && !lexical.proper && !name_in_prose(&lower)
            });
        !((chunk.kind == misc || chunk.kind == kind_of("ORG"))
            && common_only
            && in_headline(chunk)
            && super::knowledge::lookup(phrase, false).is_none()
            && super::knowledge::lookup(phrase, true).is_none())
    });
}

/// After document-level voting: a dateline's name is a place again ("NEW YORK
/// 1996-08-30" in a page of New York's results).
pub(crate) fn restore_datelines(words: &[&str], sentences: &[Range<usize>], chunks: &mut [Chunk]) {
    let place = kind_of("LOC");
    for chunk in chunks.iter_mut() {
        let si = sentences.partition_point(|s| s.end <= chunk.tokens.start);
        let Some(sentence) = sentences.get(si) else {
            continue;
        };
        let line = words.get(sentence.clone()).unwrap_or(&[]);
        if chunk.tokens.start == sentence.start && is_dateline(line) {
            chunk.kind = place;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_a_headline_ends_before_its_verb() {
        let words = ["PUTIN", "ARRIVES", "IN", "JAPAN"];
        let mut chunks = vec![Chunk {
            tokens: 0..2,
            kind: kind_of("PER"),
        }];
        trim_headline_names(&words, std::slice::from_ref(&(0..4)), &mut chunks);
        assert_eq!(chunks[0].tokens, 0..1);
    }

    #[test]
    fn a_title_cased_headline_may_keep_its_function_words_lower_case() {
        let words = [
            "Putin",
            "Reassures",
            "Asians",
            ",",
            "Invites",
            "Bush",
            "to",
            "Siberia",
        ];
        let mut chunks = vec![Chunk {
            tokens: 0..3,
            kind: kind_of("PER"),
        }];
        trim_headline_names(&words, std::slice::from_ref(&(0..8)), &mut chunks);
        assert_eq!(chunks[0].tokens, 0..1);
        // a sentence in prose is not a headline: its names are left alone
        let prose = [
            "Putin",
            "Reassures",
            "said",
            "the",
            "minister",
            "was",
            "wrong",
        ];
        let mut chunks = vec![Chunk {
            tokens: 0..2,
            kind: kind_of("PER"),
        }];
        trim_headline_names(&prose, std::slice::from_ref(&(0..7)), &mut chunks);
        assert_eq!(chunks[0].tokens, 0..2);
        // a word the prose capitalizes mid-sentence is part of the name
        let words = [
            "Bin", "Laden", "on", "List", "Police", "seek", "Osama", "Bin", "Laden",
        ];
        let mut chunks = vec![Chunk {
            tokens: 0..2,
            kind: kind_of("PER"),
        }];
        trim_headline_names(&words, &[0..4, 4..9], &mut chunks);
        assert_eq!(chunks[0].tokens, 0..2);
    }

    #[test]
    fn a_headline_s_capitalized_common_words_are_no_name() {
        let misc = kind_of("MISC");
        let words = [
            "Putin", "’s", "Grand", "Plan", "for", "Asia", "He", "has", "a", "plan",
        ];
        let mut chunks = vec![Chunk {
            tokens: 2..4,
            kind: misc,
        }];
        trim_headline_names(&words, &[0..6, 6..10], &mut chunks);
        assert!(chunks.is_empty());
        // unless the prose capitalizes them too
        let words = ["World", "Cup", "Final", "The", "World", "Cup", "ended"];
        let mut chunks = vec![Chunk {
            tokens: 0..2,
            kind: misc,
        }];
        trim_headline_names(&words, &[0..3, 3..7], &mut chunks);
        assert_eq!(chunks.len(), 1);
    }

    #[test]
    fn tables_and_prose() {
        assert!(is_table_line(&["CINCINNATI", "5", "8", "0"]));
        assert!(is_table_line(&["Arsenal", "2", "Chelsea", "1"]));
        assert!(!is_table_line(&["NEW", "YORK", "1996-08-30"]));
        assert!(!is_table_line(&["He", "scored", "2", "goals", "in", "May"]));
        assert!(is_figure("108-3") && is_figure(".504") && !is_figure("F-16"));
    }

    #[test]
    fn a_city_with_a_score_is_a_team_and_keeps_no_score() {
        let words = ["CINCINNATI", "5", "8", "0"];
        let mut chunks = vec![Chunk {
            tokens: 0..2,
            kind: kind_of("LOC"),
        }];
        retype_tables(&words, std::slice::from_ref(&(0..4)), &mut chunks, |_| {
            false
        });
        assert_eq!(chunks[0].tokens, 0..1);
        assert_eq!(chunks[0].kind, kind_of("ORG"));
    }

    #[test]
    fn a_country_with_a_score_stays_a_place() {
        let words = ["Israel", "2", ",", "Bulgaria", "0"];
        let mut chunks = vec![
            Chunk {
                tokens: 0..1,
                kind: kind_of("LOC"),
            },
            Chunk {
                tokens: 3..4,
                kind: kind_of("LOC"),
            },
        ];
        retype_tables(&words, std::slice::from_ref(&(0..5)), &mut chunks, |_| {
            false
        });
        assert!(chunks.iter().all(|c| c.kind == kind_of("LOC")));
    }
}
