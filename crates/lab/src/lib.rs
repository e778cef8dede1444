//! Lede's lab: the development-data readers, scorers and trainers behind
//! `lede eval STAGE` and `lede train STAGE`. It reads `../shared/data` (or
//! `--data DIR`) and writes models into `models/`; nothing here ships in the
//! browser build. Each stage's commands live in the module of the same name.

mod common;
pub mod entities;
pub mod intake;
pub mod language;
pub mod sentiment;
pub mod time;

/// Run `lede eval STAGE ARGS` or `lede train STAGE ARGS`: the report to print, or
/// an error message. `None` when there is no such command for the stage.
pub fn run(command: &str, stage: &str, args: &[String]) -> Option<Result<String, String>> {
    Some(match (command, stage) {
        ("eval", "entities") => entities::eval(args),
        ("train", "entities") => entities::train(args),
        ("eval", "time") => time::eval(args),
        ("eval", "sentiment") => sentiment::eval(args),
        ("train", "sentiment") => sentiment::train(args),
        ("eval", "extract") => intake::eval(args),
        ("eval", "language") => language::eval(args),
        _ => return None,
    })
}
