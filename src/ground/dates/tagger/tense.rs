//! Which way an expression without a year points: the tense of a sentence ("will",
//! "would", a past verb) and the nearest tense cue around a word ("said Friday",
//! "will meet on Thursday", "until Tuesday"), read in context ("the United States"
//! holds no past verb).
//!
//! Guarantees: a cue is looked for within eight words of the expression, so the
//! work per word is bounded; never panics.

use super::*;

/// The tense of a sentence: future when it says "will", "would" (a plan reported:
/// "said flights would leave from August 6"), "'ll", "shall", "plans to" or
/// "going to", else past (news reports what happened).
pub fn tense(words: &[&str]) -> Tense {
    let future = words.iter().enumerate().any(|(i, w)| {
        // "faster than expected" looks back.
        let than = i.checked_sub(1).and_then(|k| words.get(k)) == Some(&"than");
        // "plans to go", not "vacation plans".
        let plan = *w != "plans" || words.get(i + 1) == Some(&"to");
        // "the hastily planned trip" describes; "planned to" plans.
        let described = matches!(*w, "planned" | "scheduled" | "expected")
            && i.checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|p| p.len() > 3 && is_adverb(p));
        !than
            && plan
            && !described
            && matches!(
                *w,
                "will"
                    | "would"
                    | "'ll"
                    | "’ll"
                    | "shall"
                    | "upcoming"
                    | "planned"
                    | "scheduled"
                    | "expected"
                    | "expects"
                    | "plans"
                    | "due"
            )
            || (*w == "going" && words.get(i + 1) == Some(&"to"))
    });
    if future {
        Tense::Future
    } else {
        Tense::Past
    }
}

/// An "-ly" adverb ("hastily"), told by its letters (a word list would make
/// "ly" a word the matchers compare).
pub(super) fn is_adverb(w: &str) -> bool {
    w.strip_suffix('y').is_some_and(|s| s.ends_with('l'))
}

/// Words that put what is near them in the future: "will meet on Thursday",
/// "postponed until Tuesday", "scheduled for Friday", and the present tense of a
/// schedule ("they meet Monday", "the session opens Tuesday").
pub(super) fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "effective"
            | "'ll"
            | "’ll"
            | "shall"
            | "would"
            | "wo"
            | "until"
            | "till"
            | "scheduled"
            | "expected"
            | "expects"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "due"
            | "upcoming"
            | "next"
            | "soon"
            | "going"
            | "meet"
            | "meets"
            | "begins"
            | "starts"
            | "opens"
            | "resumes"
            | "arrives"
            | "leaves"
            | "visits"
            | "travels"
            | "convenes"
            | "expires"
    )
}

/// Words that put what is near them in the past: "said Friday", "was killed
/// Tuesday", "met on Monday".
pub(super) fn past_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "told"
            | "met"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "left"
            | "held"
            | "began"
            | "won"
            | "lost"
            | "found"
            | "got"
            | "saw"
            | "fell"
            | "rose"
            | "sold"
            | "bought"
            | "paid"
            | "spent"
            | "struck"
            | "brought"
            | "thought"
            | "led"
            | "ran"
            | "sent"
            | "shot"
            | "fought"
            | "fled"
            | "flew"
            | "spoke"
            | "wrote"
            | "broke"
            | "stood"
            | "became"
            | "ago"
            | "last"
            | "since"
    ) || (w.len() > 4
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// The tense around word `i`: the nearest tense cue within eight words (the nearer
/// one before on a tie); the sentence's tense when there is none.
pub(super) fn local_tense(cx: &Context, i: usize) -> Tense {
    tense_cue(cx, i).unwrap_or(cx.tense)
}

/// Does a story say word `i` was still to come ("would culminate in 1976",
/// "planned for 1944", "effective until 14 September 1978", "lasted until the
/// fall of Budapest in February 1945")? An "until" that opens a clause of its
/// own is not: "relations worsened until, in March 1980, Iran ..." takes the
/// story there.
pub fn projects(cx: &Context, i: usize) -> bool {
    cue_at(cx, i).is_some_and(|(tense, j)| {
        let opens_clause = matches!(cx.at(j), "until" | "till")
            && (j + 2..=j + 3).contains(&i)
            && (j + 1..i).all(|k| matches!(cx.at(k), "," | "in" | "on"));
        tense == Tense::Future && !opens_clause
    })
}

/// The nearest tense cue around word `i`, if any.
pub(super) fn tense_cue(cx: &Context, i: usize) -> Option<Tense> {
    cue_at(cx, i).map(|(tense, _)| tense)
}

/// The nearest tense cue around word `i` and where it is. Words are cues in
/// context: "plans" only as a verb ("plans to"), "set" only as "set to" / "set
/// for", an "-ed" word only in lower case ("the United States" is no past).
pub(super) fn cue_at(cx: &Context, i: usize) -> Option<(Tense, usize)> {
    // A quotation mark ends the search on its side: the verb that reports a quote
    // ("... leave at 4 a.m. Thursday,'' Castro said") does not set the tense of
    // what is quoted, nor the quote that of the report.
    let mut open = [true, true];
    for d in 1..=8 {
        for (side, j) in [(0, i.checked_sub(d)), (1, Some(i + d))] {
            let Some(j) = j else { continue };
            let Some(still) = open.get_mut(side) else {
                continue;
            };
            if !*still {
                continue;
            }
            let w = cx.at(j);
            if is_quote_mark(w) {
                *still = false;
                continue;
            }
            let next = cx.at(j + 1);
            let future = match w {
                "plans" | "plan" => next == "to",
                // A present progressive is a plan: "he is visiting China Friday".
                _ if w.len() > 5
                    && w.ends_with("ing")
                    && matches!(
                        cx.at(j.wrapping_sub(1)),
                        "is" | "are" | "am" | "'re" | "’re"
                    ) =>
                {
                    true
                }
                // "as previously planned", "the hastily scheduled trip": what was
                // planned, not what is to come.
                "planned" | "scheduled" | "expected"
                    if cx.at(j.wrapping_sub(1)) == "as"
                        || (cx.at(j.wrapping_sub(1)).len() > 3
                            && is_adverb(cx.at(j.wrapping_sub(1)))) =>
                {
                    false
                }
                "set" => matches!(next, "to" | "for"),
                // "The deadline is midnight Tuesday", "the vote is on Friday".
                "is" | "are" => j < i && i - j <= 2,
                // "ahead of the vote in March"; "their last meeting before the
                // election in March": what follows is still to come.
                "ahead" => next == "of" && !past_verb_at(cx, j.wrapping_sub(1)),
                "before" => (1..=3).any(|k| {
                    cx.at(j.wrapping_sub(k)) == "last"
                        && matches!(
                            cx.at(j.wrapping_sub(k + 1)),
                            "the" | "their" | "his" | "her" | "its" | "our" | "my" | "your"
                        )
                }),
                _ => future_cue(w),
            };
            if future {
                // The future of the past: "had been scheduled to expire Friday",
                // "until Thursday, they had not called him".
                let had = |k: usize| cx.at(k) == "had";
                let past_future = match w {
                    "scheduled" | "due" | "expected" | "planned" | "set" => {
                        had(j.wrapping_sub(1))
                            || (cx.at(j.wrapping_sub(1)) == "been" && had(j.wrapping_sub(2)))
                    }
                    "until" | "till" => (j + 1..j + 6).any(had),
                    _ => false,
                };
                let tense = if past_future {
                    Tense::Past
                } else {
                    Tense::Future
                };
                return Some((tense, j));
            }
            // "will be held": a participle after "be" says nothing of the tense;
            // nor does "were" before a plan ("were planning to drive Monday").
            let planning = matches!(w, "was" | "were")
                && matches!(next, "planning" | "going" | "scheduled" | "due" | "set");
            if past_verb_at(cx, j) && !planning {
                return Some((Tense::Past, j));
            }
        }
    }
    None
}

/// A token that opens or closes a quotation.
pub(super) fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "``" | "''" | "'" | "“" | "”" | "‘‘" | "’’")
}

/// Does the sentence have a past verb ("said", "stepped", not "United")?
pub(super) fn has_past_verb(cx: &Context) -> bool {
    (0..cx.words.len())
        .any(|j| past_verb_at(cx, j) && !matches!(cx.at(j), "last" | "since" | "ago"))
}

/// Is word `j` a past cue as used here? Not a participle after "be" ("will be
/// held") or "to", and an "-ed" word not a name ("the United States") nor an
/// adjective after a determiner ("a still unspecified date").
pub(super) fn past_verb_at(cx: &Context, j: usize) -> bool {
    let w = cx.at(j);
    if !past_cue(w) {
        return false;
    }
    let before = cx.at(j.wrapping_sub(1));
    if matches!(before, "be" | "been" | "being" | "to") {
        return false;
    }
    let listed = !w.ends_with("ed") || matches!(w, "said" | "paid" | "led" | "fled" | "sped");
    if listed {
        return true;
    }
    let determiner = |x: &str| {
        matches!(
            x,
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
        )
    };
    let name = j > 0 && cx.capitalized(j);
    let adjective =
        determiner(before) || (before == "still" && determiner(cx.at(j.wrapping_sub(2))));
    // "markets untouched by the crisis" describes the markets; a passive that
    // happened has its "was" ("was hit by"), a cue of its own.
    let participle = cx.at(j + 1) == "by";
    !name && !adjective && !participle
}

/// A plain future near word `i`, said from the writer's day: "will", "'ll",
/// "shall", or a plan in the present ("is expected to", "set for", "due in")
/// rather than one of the story's ("was expected to", "would").
pub(super) fn speaks_of_the_future(cx: &Context, i: usize) -> bool {
    let Some((Tense::Future, j)) = cue_at(cx, i) else {
        return false;
    };
    let before = cx.at(j.wrapping_sub(1));
    match cx.at(j) {
        "will" | "'ll" | "’ll" | "shall" => true,
        "expected" | "scheduled" | "due" | "set" | "planned" | "plans" | "expects" => {
            !matches!(before, "was" | "were" | "had" | "been" | "would")
                && !cx
                    .words
                    .iter()
                    .any(|w| matches!(*w, "was" | "were" | "had"))
        }
        _ => false,
    }
}
