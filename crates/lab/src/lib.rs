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

/// Run `lede eval STAGE ARGS` or `lede train STAGE ARGS`: the report to print, or
/// an error message. `None` when there is no such command for the stage.
pub fn run(command: &str, stage: &str, args: &[String]) -> Option<Result<String, String>> {
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
    // One page given with `--page` needs no development data.
    // (Language identification reads its own dev set, built by a tool.)
    if common::flag(args, "--page").is_none() && stage != "language" {
        if let Err(missing) = common::require_data(args) {
            return Some(Err(missing));
        }
    }
    Some(match (command, stage) {
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
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_data_is_named_with_the_way_out() {
        let args = vec!["--data".to_string(), "/nonexistent/lede-data".to_string()];
        for (command, stage) in [
            ("eval", "time"),
            ("eval", "entities"),
            ("train", "sentiment"),
        ] {
            let error = super::run(command, stage, &args).unwrap().unwrap_err();
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
            let error = super::run(command, stage, &args).unwrap().unwrap_err();
            assert!(error.contains("--data"), "{command} {stage}: {error}");
        }
    }
}
