//! Time's tests that are not a table of cases (those are data, in
//! `tests/data/time/`, read by `cases.rs`): what the stage says about the article's
//! date, checks of one expression among several, and properties of values.

use super::*;
use crate::ground::dates::calendar::Date;
use crate::ground::dates::{bc_form, parse_iso_date, tag_words};

/// (text, type, value[, value_end]) of every expression, against `dct`.
pub(crate) fn tag(text: &str, dct: &str) -> Vec<(String, String, String, Option<String>)> {
    let layer = crate::text::segment(text);
    let published = Published {
        value: dct.into(),
        source: "caller".into(),
        confidence: 1.0,
        evidence: Vec::new(),
    };
    resolve(text, &layer, &EntityLayer::default(), Some(&published))
        .timexes
        .into_iter()
        .map(|t| (t.span.of(text).to_string(), t.kind, t.value, t.value_end))
        .collect()
}

/// (text, value, end) of every expression, against `dct`.
fn pieces(text: &str, dct: &str) -> Vec<(String, String, Option<String>)> {
    tag(text, dct)
        .into_iter()
        .map(|t| (t.0, t.2, t.3))
        .collect()
}

fn values(text: &str, dct: &str) -> Vec<String> {
    tag(text, dct).into_iter().map(|t| t.2).collect()
}

/// [`tag`] for a text given no date.
pub(super) fn tag_undated(text: &str) -> Vec<(String, String, String, Option<String>)> {
    undated(text)
        .timexes
        .into_iter()
        .map(|t| (t.span.of(text).to_string(), t.kind, t.value, t.value_end))
        .collect()
}

/// The time layer of a text given no date.
fn undated(text: &str) -> TimeLayer {
    resolve(
        text,
        &crate::text::segment(text),
        &EntityLayer::default(),
        None,
    )
}

/// Like [`tag`], for an article whose date is only guessed (`confidence` < 0.5).
fn tag_guessed(
    text: &str,
    published: &str,
    source: &str,
) -> (Option<Published>, Vec<(String, String)>) {
    let layer = crate::text::segment(text);
    let published = Published {
        value: published.into(),
        source: source.into(),
        confidence: 0.3,
        evidence: Vec::new(),
    };
    let time = resolve(text, &layer, &EntityLayer::default(), Some(&published));
    let values = time
        .timexes
        .iter()
        .map(|t| (t.span.of(text).to_string(), t.value.clone()))
        .collect();
    (time.published, values)
}

#[test]
fn the_leaders_named_date_an_undated_article() {
    let text = "President Vladimir Putin told Chinese President Hu Jintao, U.S. President \
                George W. Bush and Japanese Prime Minister Shinzo Abe on Saturday that nothing would change after \
                he leaves office next year. He met them in Sydney last month.";
    // A "Last Updated" stamp of 2016 is unlikely the date of a story with those
    // four in office: the window they share, Sep 2006 - Sep 2007, dates it.
    let (published, values) = tag_guessed(text, "2016-07-27", "updated");
    let published = published.expect("a date");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2007", "evidence")
    );
    assert_eq!(
        published
            .evidence
            .iter()
            .filter(|e| e.kind == "officeholder")
            .count(),
        4
    );
    assert!(
        values.contains(&("next year".into(), "2008".into())),
        "{values:?}"
    );
    // The year is known, the day is not: no made-up day for "Saturday".
    assert!(
        values.contains(&("Saturday".into(), "2007".into())),
        "{values:?}"
    );
    assert!(
        values.contains(&("last month".into(), "2007".into())),
        "{values:?}"
    );
    // A stamp inside the window stays, with its day.
    let (published, values) = tag_guessed(text, "2007-09-10", "updated");
    assert_eq!(published.map(|p| p.value).as_deref(), Some("2007-09-10"));
    assert!(
        values.contains(&("last month".into(), "2007-08".into())),
        "{values:?}"
    );
    // A weak year is kept when the leaders allow it; its days are not guessed,
    // but a month the text names keeps its month.
    let text = "President Barack Obama met Chancellor Angela Merkel on Friday. \
                They had spoken in October.";
    let (published, values) = tag_guessed(text, "2013", "copyright");
    assert_eq!(published.map(|p| p.value).as_deref(), Some("2013"));
    assert_eq!(
        values,
        vec![
            ("Friday".into(), "2013".into()),
            ("October".into(), "2012-10".into())
        ]
    );
}

#[test]
fn ranges_decades_centuries_seasons_quarters() {
    let range = tag("The summit runs 1-3 December.", "2002-11-29");
    assert_eq!(range[0].2, "2002-12-01");
    assert_eq!(range[0].3.as_deref(), Some("2002-12-03"));
}

#[test]
fn durations_sets_times_and_references() {
    assert_eq!(tag("for three days", "2007-09-08")[0].1, "DURATION");
    assert_eq!(tag("every Monday", "2007-09-08")[0].1, "SET");
}

#[test]
fn clock_times_take_the_day_named_beside_them() {
    let text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.";
    assert!(values(text, "1998-08-08").contains(&"1998-08-07T10:35".to_string()));
    let text = "At precisely 5:00 am on October 3, 1935, De Bono crossed the river.";
    assert!(values(text, "2009-12-19").contains(&"1935-10-03T05:00".to_string()));
    // Too far from any day: the DCT's.
    let text = "He left at 9 a.m. and the talks, which had begun on Monday, resumed.";
    assert_eq!(values(text, "2007-09-08")[0], "2007-09-08T09:00");
}

#[test]
fn quarters_halves_and_fiscal_years_as_business_news_writes_them() {
    let d = "2026-11-30";
    let t = tag(
        "By the end of Q3, revenue rose. Q4 2025 sales fell, as did 3Q 2025 ones. \
         FY2027 guidance is due; FY 27 looks weak. The H1 2026 results beat 1H25. \
         Results for Q2 FY26 beat. Q1 of 2024 was weak. Profit in Q4 will rise.",
        d,
    );
    let pieces: Vec<(&str, &str)> = t.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        pieces,
        [
            ("Q3", "2026-Q3"),
            ("Q4 2025", "2025-Q4"),
            ("3Q 2025", "2025-Q3"),
            ("FY2027", "2027"),
            ("FY 27", "2027"),
            ("H1 2026", "2026-H1"),
            ("1H25", "2025-H1"),
            ("Q2 FY26", "2026-Q2"),
            ("Q1 of 2024", "2024-Q1"),
            ("Q4", "2026-Q4"),
        ]
    );
}

#[test]
fn a_speaker_quoted_in_a_history_speaks_of_an_undated_day() {
    let story = "War broke out in 1935. In 1936 the army advanced. In 1937 it fell. \
        In 1938 Rome won. In 1939 it ended. ";
    let text = format!("{story}In 1936 he warned: \"It is us today. It will be you tomorrow.\"");
    assert_eq!(
        values(&text, "2009-12-19")[5..],
        ["1936", "XXXX-XX-XX", "XXXX-XX-XX"]
    );
    let text = format!("{story}Nixon said, “I am tonight announcing plans.”");
    assert_eq!(values(&text, "2009-12-19")[5..], ["XXXX-XX-XXTNI"]);
    // A stray mark does not quote the rest of the text.
    let text = format!("{story}He said \"never. It rained. It snowed. He left today.");
    assert_eq!(values(&text, "2009-12-19")[5..], ["2009-12-19"]);
}

#[test]
fn ages_are_left_out_unless_they_are_the_predicate() {
    let d = "2007-09-08";
    let t = tag("All males who were 18 years old were called up.", d);
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].0.as_str(), t[0].2.as_str()), ("18 years old", "P18Y"));
}

#[test]
fn history_is_anchored_to_the_story_not_the_dct() {
    let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
        The siege began in 1942. In September, the offensive stalled. By 1943 it was over.";
    let found = values(text, "2009-12-19");
    assert!(found.contains(&"1942-09".to_string()), "{found:?}");
    // A flash-forward between two dates of the same year is an aside too:
    // "April 15" after "In November 2008" is 2003's. A resolution's number is
    // no year.
    let text = "Plans dated from 2001 and 2002. The war began on March 20, 2003. \
        On April 9 Baghdad fell. In November 2008, protesters staged a similar \
        stomping. On April 15 the coalition declared the invasion over. Citing \
        Resolution 1483 (May 22, 2003), the authority took power.";
    let found = values(text, "2009-12-19");
    assert!(found.contains(&"2003-04-15".to_string()), "{found:?}");
    assert!(!found.contains(&"1483".to_string()), "{found:?}");
    // A named campaign dates its season: "the Spring Offensive of 1918".
    let text = "The war began in 1914. It spread in 1915 and 1916. In 1917 Russia \
        left. The German Spring Offensive of 1918 failed.";
    let found = values(text, "2009-12-19");
    assert!(found.contains(&"1918-SP".to_string()), "{found:?}");
}

#[test]
fn vague_references_and_discourse_now() {
    let d = "1989-10-30";
    let ahead = tag("Funds may sell in the weeks ahead.", d);
    assert_eq!(
        (ahead[0].0.as_str(), ahead[0].2.as_str()),
        ("the weeks ahead", "PXW")
    );
    let years = tag("Over the years many more patients died.", d);
    assert_eq!(
        (years[0].0.as_str(), years[0].2.as_str()),
        ("the years", "PXY")
    );
}

#[test]
fn weekdays_follow_the_nearest_verb() {
    let night = tag("They rallied Friday night.", "2000-01-07");
    assert_eq!(
        (night[0].1.as_str(), night[0].2.as_str()),
        ("DATE", "2000-01-07")
    );
}

#[test]
fn timeml_conventions() {
    let later = tag("Three days later, he left.", "1989-10-30");
    assert_eq!(
        (later[0].0.as_str(), later[0].2.as_str()),
        ("Three days", "P3D")
    );
    assert_eq!(tag("daily flights", "1989-10-30")[0].1, "SET");
}

#[test]
fn holidays_year_ends_and_informal_forms() {
    // Election Day: the Tuesday after the first Monday of November.
    assert_eq!(
        values("from now to Election Day.", "1998-10-26")[1],
        "1998-11-03"
    );
    // The end of the month or week the text is in; "the month" alone is none.
    let end = tag(
        "troops in the region by the end of the month.",
        "1990-08-13",
    );
    assert_eq!(end[0].0, "the end of the month");
    assert_eq!(end[0].2, "1990-08");
}

#[test]
fn ranges_with_the_dash_inside_a_word_are_two_linked_expressions() {
    // a prefix is no range
    assert_eq!(
        pieces("Prices rose in the mid-1990s.", "2009-12-19").len(),
        1
    );
}

#[test]
fn year_ranges_and_eras() {
    // "from 2000 to 2008": two expressions, the first linked to the second.
    let span = tag("Prices rose from 2000 to 2008.", "2009-12-19");
    assert_eq!(span.len(), 2);
    assert_eq!(span[0].3.as_deref(), Some("2008"));
}

#[test]
fn decades_seasons_halves_and_sets() {
    let mid = tag("a 50% share by the mid-1990s", "1989-10-30");
    assert_eq!(mid[0].2, "199");
}

#[test]
fn spans_follow_timeml() {
    // An adverb takes no article: "the recently passed law" marks "recently".
    assert_eq!(
        tag("from the recently passed legislation", "1989-10-26")
            .into_iter()
            .map(|t| t.0)
            .collect::<Vec<_>>(),
        ["recently"]
    );
    let end = tag("by the end of November", "1989-10-30");
    assert_eq!(
        (end[0].0.as_str(), end[0].2.as_str()),
        ("the end of November", "1989-11")
    );
}

#[test]
fn anaphora_within_a_sentence_and_spelled_years() {
    let late = tag("the late-November trip", "2000-01-28");
    assert_eq!(late[0].2, "1999-11");
}

#[test]
fn edge_words_never_panic() {
    // Every ordered triple of words that open or close patterns, at the edges
    // of a sentence, with and without a DCT.
    let vocab = [
        "the",
        "last",
        "next",
        "this",
        "of",
        "a",
        "year",
        "years",
        "ago",
        "earlier",
        "later",
        "that",
        "same",
        "day",
        "nineteen",
        "ninety-six",
        "mid-",
        "late-",
        "-",
        "1861-1863",
        "499",
        "BC",
        "May",
        "Oct.",
        "23",
        ",",
        "quarter",
        "third",
        "fiscal",
        "end",
        "Friday",
        "night",
        "5",
        "p.m",
        "EST",
        "current",
        "nearly",
        "at",
        "least",
        "Christmas",
        "year-end",
        "'s",
        "1-3",
        "December",
    ];
    let dct = Date::new(1998, 2, 13);
    for a in vocab {
        for b in vocab {
            for c in vocab {
                let words = [a, b, c];
                for dct in [dct, None] {
                    let sentences = vec![std::ops::Range { start: 0, end: 3 }];
                    let found = tag_words(&words, &sentences, dct);
                    assert!(found.iter().all(|f| f.start < f.end && f.end <= 3));
                }
            }
        }
    }
}

#[test]
fn present_and_past_references() {
    let current = tag("because of the current market conditions", "1989-10-30");
    assert_eq!(
        (current[0].0.as_str(), current[0].2.as_str()),
        ("current", "PRESENT_REF")
    );
}

#[test]
fn the_day_before_or_after_a_named_day() {
    // 2000-02-24 was a Thursday.
    let before = tag(
        "The day before last Tuesday's hearing, Manuel went to Lazaro's home.",
        "2000-02-24",
    );
    assert_eq!(
        (before[0].0.as_str(), before[0].2.as_str()),
        ("day before last Tuesday", "2000-02-21")
    );
}

#[test]
fn narratives_count_from_the_story_but_deixis_from_the_dct() {
    let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
        The siege began on June 10, 1942. Twelve days later, it ended. By 1943 it was over. \
        Today the city is rebuilt.";
    let found = values(text, "2009-12-19");
    assert!(found.contains(&"1942-06-22".to_string()), "{found:?}");
    assert!(found.contains(&"2009-12-19".to_string()), "{found:?}");
    // "this day" and "this year" are the story's in a history, "to this day"
    // the writer's; "the last week of August" is the story's week.
    let text = "War broke out in 1914. In 1915 it spread. In 1916 it stalled. In 1917 \
        America joined. On 8 August 1918 the Allies attacked. Ludendorff called this day \
        the Black Day. During the last week of August the pressure grew. Another event \
        of this year was the armistice. Its effects continue to this day.";
    let found = tag(text, "2009-12-19");
    let value = |text: &str| found.iter().find(|f| f.0 == text).map(|f| f.2.as_str());
    assert_eq!(value("this day"), Some("1918-08-08"), "{found:?}");
    assert_eq!(value("the last week"), Some("1918-W35"), "{found:?}");
    assert_eq!(value("this year"), Some("1918"), "{found:?}");
    assert_eq!(found.last().map(|f| f.2.as_str()), Some("PRESENT_REF"));
    // "the next day" is the story's next day, "next year" the writer's.
    let text = "The siege began on June 10, 1942. The next day it ended. \
        In 1943 it was over. In 1944 the city fell. In 1945 peace came. By 1946 it was rebuilt. \
        A museum opens next year.";
    let found = values(text, "2009-12-19");
    assert!(found.contains(&"1942-06-11".to_string()), "{found:?}");
    assert!(found.contains(&"2010".to_string()), "{found:?}");
    // What a story says is to come counts from the writer's day.
    let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
        The siege began in 1942. By 1943 it was over. A summit is set for April.";
    let found = values(text, "2009-12-19");
    assert_eq!(
        found.last().map(String::as_str),
        Some("2010-04"),
        "{found:?}"
    );
    // A season with its year written moves the story on: "May" is May 1915.
    let text = "War broke out in 1914. In 1915 Italy joined. In 1916 the Somme began. \
        In 1917 Russia left. In 1918 it ended. By the spring of 1915, the Russians had \
        retreated, and in May the Central Powers broke through.";
    let found = values(text, "2009-12-19");
    assert_eq!(
        found.last().map(String::as_str),
        Some("1915-05"),
        "{found:?}"
    );
    // A year in brackets dates the thing named, not the story.
    let text = "In 1789 the Estates met. In 1790 the Church was reformed. In 1791 the King \
        fled. In 1792 war came. In March 1793 the Vendee rose against the Civil Constitution \
        (1790) and the draft. On 17 August, the Convention voted for conscription.";
    let found = values(text, "2009-12-19");
    assert_eq!(
        found.last().map(String::as_str),
        Some("1793-08-17"),
        "{found:?}"
    );
}

#[test]
fn parts_of_the_day() {
    // Undated, the weekday keeps its part of the day.
    let layer = undated("They met at the guesthouse Friday afternoon.");
    let undated_values: Vec<&str> = layer.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(undated_values, ["XXXX-WXX-5TAF"]);
    let text = "War broke out in 1902. In 1903 talks failed. In 1904 Japan struck. \
        On the night of 8 February 1904, the fleet attacked. In 1905 peace came. \
        They travelled at night.";
    let found = tag(text, "2009-12-19");
    assert!(
        found
            .iter()
            .any(|t| t.0 == "the night of 8 February 1904" && t.2 == "1904-02-08TNI"),
        "{found:?}"
    );
    assert_eq!(found.last().map(|t| t.2.as_str()), Some("XXXX-XX-XXTNI"));
}

#[test]
fn halves_prefixed_years_and_some_day() {
    let post = tag("the post-1959 politics", "2000-02-24");
    assert_eq!(
        (post[0].0.as_str(), post[0].2.as_str()),
        ("post-1959", "1959")
    );
    let half = tag("the trend of the last half of the '80s", "1989-10-26");
    assert_eq!(
        (half[0].0.as_str(), half[0].2.as_str()),
        ("the last half of the '80s", "198")
    );
}

#[test]
fn joined_dates_share_the_written_year() {
    // A decade is no year for a narrative to count from.
    let text = "War broke out in 1939. In 1940 France fell. In 1941 Germany attacked. \
        The siege began in 1942. By 1943 it was over. The 1960s were calm. \
        In March the marines landed.";
    let found = values(text, "2009-12-19");
    assert!(
        found.last().is_some_and(|v| v.starts_with("194")),
        "{found:?}"
    );
}

#[test]
fn vague_stretches_and_trading_days() {
    assert!(
        values("arrested in the early hours of the night", "1998-03-31")
            .iter()
            .all(|v| v != "PTXH")
    );
}

#[test]
fn chat_shorthands_are_read_as_the_words_they_stand_for() {
    let text = "Been almost 7months since I swam. After 2.5 HRS of trekking, 9 mins rest. \
                One more member nxt yr. The min wage rose. Show last nite!";
    assert_eq!(
        tag(text, "2015-02-07")
            .into_iter()
            .map(|t| (t.0, t.2))
            .collect::<Vec<_>>(),
        [
            ("almost 7months".into(), "P7M".into()),
            ("2.5 HRS".into(), "PT2H30M".into()),
            ("9 mins".into(), "PT9M".into()),
            ("nxt yr".into(), "2016".into()),
            ("last nite".into(), "2015-02-06TNI".into()),
        ]
    );
}

#[test]
fn a_bare_day_beside_a_full_date_is_a_date_of_that_month() {
    let text = "From 15 to 22 February 1984, they attacked. The fall took May 6 and 7th. \
                They breached it on the 28 and 29 August 1918. The phase (March 19-April 30, 2003) ended.";
    let tagged: Vec<(String, String, Option<String>)> = tag(text, "2009-12-19")
        .into_iter()
        .map(|t| (t.0, t.2, t.3))
        .collect();
    let expect = |text: &str, value: &str, end: Option<&str>| {
        (text.to_string(), value.to_string(), end.map(str::to_string))
    };
    for want in [
        expect("15", "1984-02-15", Some("1984-02-22")),
        expect("22 February 1984", "1984-02-22", None),
        expect("7th", "2009-05-07", None),
        expect("the 28", "1918-08-28", None),
        expect("March 19", "2003-03-19", Some("2003-04-30")),
    ] {
        assert!(tagged.contains(&want), "{want:?} in {tagged:?}");
    }
}

#[test]
fn the_nth_is_a_day_of_the_month_named() {
    let text = "An attack was made on our lines on 20 September. The onslaught on the 20th \
                was a success. They moved it from the 13th to the 19th of October 1950. \
                He finished the 20th in the race.";
    let tagged: Vec<(String, String)> = tag(text, "2009-12-19")
        .into_iter()
        .map(|t| (t.0, t.2))
        .collect();
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        tagged,
        pairs(&[
            ("20 September", "2009-09-20"),
            ("the 20th", "2009-09-20"),
            ("the 13th", "1950-10-13"),
            ("the 19th of October 1950", "1950-10-19"),
        ])
    );
}

#[test]
fn decades_and_centuries_sort_at_their_first_year() {
    let mut values = [
        "1834",
        "BC0480-04",
        "19",
        "BC03",
        "BC047",
        "195",
        "PRESENT_REF",
    ];
    values.sort_by_key(|v| chronological(v));
    assert_eq!(
        values,
        [
            "BC0480-04",
            "BC047",
            "BC03",
            "1834",
            "19",
            "195",
            "PRESENT_REF"
        ]
    );
}

#[test]
fn years_before_christ() {
    let tagged: Vec<(String, String, Option<String>)> = tag(
        "The revolt lasted from 499 to 493 BC. In April 480 BC the army marched. It \
         gathered in the autumn of 481 BC. Throughout the 470s BC the League fought.",
        "2009-12-19",
    )
    .into_iter()
    .map(|t| (t.0, t.2, t.3))
    .collect();
    let expect = |text: &str, value: &str, end: Option<&str>| {
        (text.to_string(), value.to_string(), end.map(str::to_string))
    };
    assert_eq!(
        tagged,
        [
            expect("499", "BC0499", Some("BC0493")),
            expect("493 BC", "BC0493", None),
            expect("April 480 BC", "BC0480-04", None),
            expect("the autumn of 481 BC", "BC0481-FA", None),
            expect("the 470s BC", "BC047", None),
        ]
    );
    // "the 4th century BC" is the years 400 to 301 BC; "BC" stays outside.
    assert_eq!(
        tag(
            "Even in the 4th century BC the idea was disputed.",
            "2009-12-19"
        )[0]
        .2,
        "BC03"
    );
    // A history told in BC years counts on from them: the year after 492 BC is
    // 491 BC, and "since 513 BC" does not move the story back.
    let text = "The first war ran from 499 BC. In 496 BC it stalled. By 494 BC it was \
        over. In 493 BC peace came. The first campaign, in 492 BC, took Thrace, part of the \
        empire since 513 BC. The following year, Darius sent ambassadors.";
    let found = values(text, "2009-12-19");
    assert_eq!(
        found.last().map(String::as_str),
        Some("BC0491"),
        "{found:?}"
    );
    assert_eq!(parse_iso_date("BC0480-04"), Some((-479, 4, 0)));
    assert_eq!(bc_form("-479-04").as_deref(), Some("BC0480-04"));
}

#[test]
fn a_weekday_with_its_date_fixes_the_year() {
    // 6 January was a Thursday in 2000 (and 2005, 2011): the first such year
    // not before the latest year the text names, 1999.
    let dated = undated(
        "The Times says in an editorial on Thursday, Jan. 6: the agency was right. \
         The boy arrived in November 1999.",
    );
    let published = dated.published.expect("dated");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2000-01-06", "evidence")
    );
    assert!(published.evidence.iter().any(|e| e.kind == "weekday"));
    // Without a year written anywhere there is nothing to count from.
    assert!(undated("On Thursday, Jan. 6, the agency ruled.")
        .published
        .is_none());
}

#[test]
fn modifiers_and_unknown_dct() {
    let late = tag("in late September", "2007-10-08");
    assert_eq!(
        (late[0].2.as_str(), late[0].0.as_str()),
        ("2007-09", "late September")
    );
    let dated = undated("He arrived on Saturday.");
    assert_eq!(dated.timexes[0].value, "XXXX-WXX-6");
    assert!(dated.published.is_none());
}

#[test]
fn the_article_date_is_inferred_from_a_dateline() {
    let dated = undated(
        "Moscow, 29 November 2002 (RFE/RL) -- Talks ended on Friday. A deal is due next year.",
    );
    let published = dated.published.expect("inferred");
    assert_eq!(
        (published.value.as_str(), published.source.as_str()),
        ("2002-11-29", "evidence")
    );
    let values: Vec<&str> = dated.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2002-11-29", "2002-11-29", "2003"]);
    assert_eq!(dated.timeline.len(), 2);
}

/// (text, value) of every expression, against 1999-04-19: dates counted
/// from an event the text dates (`ground::dates::events`).
fn event_values(text: &str) -> Vec<(String, String)> {
    tag(text, "1999-04-19")
        .into_iter()
        .map(|(text, _, value, _)| (text, value))
        .collect()
}

#[test]
fn the_first_of_two_equally_fine_dated_events_anchors() {
    let got = event_values(
        "The Oct. 23 shooting shocked the city. The Nov. 4 shooting followed. \
         The car was seen two days before the shooting.",
    );
    assert_eq!(
        got.last().map(|(_, v)| v.as_str()),
        Some("1998-10-21"),
        "{got:?}"
    );
}

#[test]
fn an_undated_event_anchors_nothing() {
    let got = event_values("He was seen two days before the shooting, at 10 p.m. on a Sunday.");
    assert!(got.iter().all(|(_, v)| !v.starts_with("1998")), "{got:?}");
    let got = event_values(
        "The death penalty was imposed on Oct. 23. It came two days after the hearing.",
    );
    assert!(
        got.iter().any(|(t, v)| t == "two days" && v == "P2D"),
        "{got:?}"
    );
}
