//! Lede's lab: the development-data readers, scorers and trainers behind
//! `lede eval STAGE` and `lede train STAGE`. It reads `../shared/data` (or
//! `--data DIR`) and writes models into `models/`; nothing here ships in the
//! browser build. Each stage's commands live in the module of the same name.

mod common;
pub mod entities;
pub mod era;
pub mod intake;
pub mod language;
pub mod quotes;
pub mod sentiment;
pub mod time;

/// Why a command gave no report.
#[derive(Debug)]
pub enum Failure {
    /// The command was asked wrongly (an option it does not read).
    Usage(String),
    /// It ran and failed (missing data, a bad value, a file it could not read).
    Error(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Usage(message) | Failure::Error(message) => f.write_str(message),
        }
    }
}

/// Run `lede eval STAGE ARGS` or `lede train STAGE ARGS`: the report to print, or
/// why there is none. `None` when there is no such command for the stage.
pub fn run(command: &str, stage: &str, args: &[String]) -> Option<Result<String, Failure>> {
    let known = matches!(
        (command, stage),
        (
            "eval",
            "entities"
                | "time"
                | "dating"
                | "era"
                | "sentiment"
                | "extract"
                | "language"
                | "quotes"
        ) | ("train", "entities" | "sentiment" | "tone")
    );
    if !known {
        return None;
    }
    let options = options_of(command, stage);
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Some(Ok(format!(
            "lede {command} {stage} [--data DIR] [OPTION...]\n\
             \x20   DIR: the development data (default ../shared/data){}\n\
             \x20   options: {}\n\
             \x20   (what each does: crates/lab/src/{})",
            if (command, stage) == ("train", "entities") {
                "; a DIR without ner/ is your own CoNLL or IOB2 corpus"
            } else {
                ""
            },
            if options.is_empty() {
                "none".to_string()
            } else {
                options.join(" ")
            },
            module_of(stage),
        )));
    }
    if let Some(unknown) = args
        .iter()
        .find(|a| a.starts_with("--") && *a != "--data" && !options.contains(&a.as_str()))
    {
        return Some(Err(Failure::Usage(format!(
            "unknown option {unknown} (the options of lede {command} {stage}: --data {})",
            options.join(" ")
        ))));
    }
    // One page given with `--page` needs no development data.
    // (Language identification reads its own dev set, built by a tool.)
    if common::flag(args, "--page").is_none() && stage != "language" {
        if let Err(missing) = common::require_data(args) {
            return Some(Err(Failure::Error(missing)));
        }
    }
    let result = match (command, stage) {
        ("eval", "entities") => entities::eval(args),
        ("train", "entities") => entities::train(args),
        ("eval", "time") => time::eval(args),
        ("eval", "dating") => time::eval_dating(args),
        ("eval", "era") => era::eval(args),
        ("eval", "sentiment") => sentiment::eval(args),
        ("train", "sentiment") => sentiment::train(args),
        ("train", "tone") => {
            sentiment::tone::train(&common::data_dir(args).join("sentiment"), args)
        }
        ("eval", "extract") => intake::eval(args),
        ("eval", "language") => language::eval(args),
        ("eval", "quotes") => quotes::eval(args),
        _ => return None,
    };
    Some(result.map_err(Failure::Error))
}

/// The source module of a stage's commands.
fn module_of(stage: &str) -> &'static str {
    match stage {
        "entities" => "entities.rs",
        "time" | "dating" => "time.rs",
        "era" => "era.rs",
        "sentiment" => "sentiment.rs",
        "tone" => "sentiment/tone.rs",
        "extract" => "intake.rs",
        "language" => "language.rs",
        "quotes" => "quotes.rs",
        _ => "lib.rs",
    }
}

/// The options (besides `--data`) each command reads; anything else that looks
/// like an option is refused rather than ignored.
fn options_of(command: &str, stage: &str) -> Vec<&'static str> {
    const ENTITIES: &[&str] = &[
        "--model",
        "--research-conll",
        "--speed",
        "--conll-only",
        "--errors",
        "--bits",
        "--epochs",
        "--seed",
        "--caps-every",
        "--prune",
        "--code-step",
        "--no-wnut",
        "--silver-tokens",
        "--silver-weight",
        "--no-clusters",
        "--no-knowledge",
        "--no-layout",
        "--no-document",
        "--greedy",
        "--no-uner",
        "--uner",
    ];
    const TIME: &[&str] = &["--all", "--dump", "--mistakes"];
    const TONE: &[&str] = &[
        "--out",
        "--bits",
        "--epochs",
        "--rate",
        "--l2",
        "--prune",
        "--coarse",
        "--news-magnitude",
        "--emobank-scale",
        "--gne-magnitude",
        "--tweets-weight",
        "--movie-weight",
        "--amazon-weight",
        "--news-weight",
        "--headlines-weight",
        "--emobank-weight",
        "--emobank-news-weight",
        "--gne-weight",
    ];
    const EXTRACT: &[&str] = &[
        "--page",
        "--field",
        "--raw",
        "--worst",
        "--per-page",
        "--no-speed",
    ];
    match (command, stage) {
        (_, "entities") => ENTITIES.to_vec(),
        (_, "time" | "dating") => TIME.to_vec(),
        ("train", "tone") => TONE.to_vec(),
        // the targeted model's settings are the tone model's names, and eval and
        // train sentiment read the tone model's recipe too
        (_, "sentiment") => [TONE, &["--dev"]].concat(),
        (_, "extract") => EXTRACT.to_vec(),
        (_, "language") => vec!["--chars", "--dev", "--mistakes"],
        (_, "quotes") => vec!["--doc", "--mistakes"],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    /// Every option a command's module reads is one `lede … --help` names and
    /// the dispatch lets through, and nothing else gets through.
    #[test]
    fn options_are_named_by_help_and_typos_are_refused() {
        let commands = [
            ("eval", "entities", include_str!("entities.rs")),
            ("eval", "time", include_str!("time.rs")),
            ("eval", "era", include_str!("era.rs")),
            ("eval", "sentiment", include_str!("sentiment.rs")),
            ("train", "tone", include_str!("sentiment/tone.rs")),
            ("eval", "extract", include_str!("intake.rs")),
            ("eval", "language", include_str!("language.rs")),
            ("eval", "quotes", include_str!("quotes.rs")),
        ];
        for (command, stage, source) in commands {
            let help = super::run(command, stage, &["--help".to_string()])
                .unwrap()
                .unwrap();
            for option in source
                .split('"')
                .skip(1)
                .step_by(2)
                .filter(|s| s.starts_with("--") && s.len() > 2 && !s.contains(' '))
                .filter(|s| *s != "--data" && *s != "--help")
            {
                assert!(
                    help.contains(&format!("{option} "))
                        || help.ends_with(option)
                        || help.contains(&format!("{option}\n")),
                    "lede {command} {stage} --help does not name {option}: {help}"
                );
            }
            let refused = super::run(command, stage, &["--no-such-option".to_string()])
                .unwrap()
                .unwrap_err();
            assert!(matches!(refused, super::Failure::Usage(_)));
            let refused = refused.to_string();
            assert!(refused.contains("--no-such-option"), "{refused}");
        }
    }

    #[test]
    fn missing_data_is_named_with_the_way_out() {
        let args = vec!["--data".to_string(), "/nonexistent/lede-data".to_string()];
        for (command, stage) in [
            ("eval", "time"),
            ("eval", "entities"),
            ("train", "sentiment"),
        ] {
            let error = super::run(command, stage, &args)
                .unwrap()
                .unwrap_err()
                .to_string();
            assert!(error.contains("/nonexistent/lede-data"), "{error}");
            assert!(error.contains("--data"), "{error}");
        }
        assert!(super::run("eval", "nothing", &args).is_none());
        // Every command the dispatch serves is known (a merge once dropped three).
        for (command, stage) in [
            ("eval", "dating"),
            ("eval", "era"),
            ("train", "tone"),
            ("eval", "quotes"),
        ] {
            let error = super::run(command, stage, &args)
                .unwrap()
                .unwrap_err()
                .to_string();
            assert!(error.contains("--data"), "{command} {stage}: {error}");
        }
    }
}
