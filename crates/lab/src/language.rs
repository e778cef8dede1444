//! `lede eval language`: language identification on the dev set that
//! `tools/language_devset.py` builds (news and Wikipedia paragraphs of at least 200
//! characters in 21 languages, from Universal Dependencies treebanks; its SOURCE.md
//! says where each comes from). Each paragraph is analyzed alone as the product
//! does (`lede::intake::language::identify`), and scored per language: the code
//! right, and whether the English-only stages stayed off (non-English) or ran
//! (English). `--chars N` cuts each paragraph to its first N characters (shorter
//! news paragraphs); `--mistakes` lists the misses.

use crate::common::flag;
use lede::intake::language::identify;
use lede::Span;
use std::collections::BTreeMap;

/// Per language: paragraphs, right code, English stages right (off, or on for English).
#[derive(Default)]
struct Score {
    paragraphs: usize,
    right: usize,
    stages_right: usize,
    confusions: BTreeMap<String, usize>,
}

/// Score language identification; the report as text.
pub fn eval(args: &[String]) -> Result<String, String> {
    let path = flag(args, "--dev").unwrap_or("target/language-dev/paragraphs.tsv");
    let data = std::fs::read_to_string(path).map_err(|e| {
        format!("{path}: {e}: build the dev set first: python3 tools/language_devset.py")
    })?;
    let chars: Option<usize> = match flag(args, "--chars") {
        Some(n) => Some(
            n.parse()
                .map_err(|_| format!("--chars {n}: not a number"))?,
        ),
        None => None,
    };
    let mistakes = args.iter().any(|a| a == "--mistakes");
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut listed = String::new();
    let started = std::time::Instant::now();
    let mut bytes = 0usize;
    for line in data.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(gold), Some(_source), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let text = match chars {
            Some(n) => text
                .char_indices()
                .nth(n)
                .map_or(text, |(at, _)| &text[..at]),
            None => text,
        };
        bytes += text.len();
        let language = identify(text, &[Span::new(0, text.len())], None);
        let code = language.code.clone().unwrap_or_else(|| "?".into());
        let score = scores.entry(gold.to_string()).or_default();
        score.paragraphs += 1;
        if code == gold {
            score.right += 1;
        } else {
            *score.confusions.entry(code.clone()).or_default() += 1;
            if mistakes {
                let shown: String = text.chars().take(120).collect();
                listed.push_str(&format!(
                    "  {gold} -> {code} ({:.2}): {shown}\n",
                    language.confidence
                ));
            }
        }
        // English stages: on for English, off for every other language.
        if language.all_english == (gold == "en") {
            score.stages_right += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let mut out = format!(
        "language identification on {path}{}\n\nlanguage  paragraphs  right %  English stages right %  confused with\n",
        chars.map_or(String::new(), |n| format!(" (first {n} characters)"))
    );
    let (mut n, mut right, mut stages) = (0, 0, 0);
    for (lang, s) in &scores {
        let confused: Vec<String> = s
            .confusions
            .iter()
            .map(|(c, k)| format!("{c} {k}"))
            .collect();
        out.push_str(&format!(
            "{lang:<9} {:>10}  {:>7.2}  {:>22.2}  {}\n",
            s.paragraphs,
            100.0 * s.right as f64 / s.paragraphs.max(1) as f64,
            100.0 * s.stages_right as f64 / s.paragraphs.max(1) as f64,
            confused.join(", ")
        ));
        n += s.paragraphs;
        right += s.right;
        stages += s.stages_right;
    }
    let worst = scores
        .iter()
        .map(|(l, s)| (s.right as f64 / s.paragraphs.max(1) as f64, l))
        .min_by(|a, b| a.0.total_cmp(&b.0));
    out.push_str(&format!(
        "all       {n:>10}  {:>7.2}  {:>22.2}\nworst language: {}\nspeed: {:.1} MB/s ({} paragraphs, one core)\n",
        100.0 * right as f64 / n.max(1) as f64,
        100.0 * stages as f64 / n.max(1) as f64,
        worst.map_or("-".into(), |(a, l)| format!("{l} {:.2} %", 100.0 * a)),
        bytes as f64 / secs / 1e6,
        n
    ));
    if mistakes {
        out.push_str("\nmistakes:\n");
        out.push_str(&listed);
    }
    Ok(out)
}
