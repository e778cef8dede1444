//! Shared by the stages' `lede eval` / `lede train` commands (native only): the
//! data folder, flags, and a throughput harness.

use std::path::PathBuf;

/// `--data DIR`, or `../shared/data` (the data beside the checkout).
pub fn data_dir(args: &[String]) -> PathBuf {
    flag(args, "--data").map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from)
}

/// `Err` with a message naming the folder and how to give another when the
/// development data (`--data DIR`, or `../shared/data`) is not there.
pub fn require_data(args: &[String]) -> Result<PathBuf, String> {
    let dir = data_dir(args);
    if dir.is_dir() {
        return Ok(dir);
    }
    let shown = std::env::current_dir().map_or_else(|_| dir.clone(), |cwd| cwd.join(&dir));
    let how = if flag(args, "--data").is_some() {
        "check the path given with --data"
    } else {
        "run from the checkout with the shared data folder beside it (../shared/data), \
         or pass --data DIR (the folder holding ner/, time/, sentiment/ and extract/)"
    };
    Err(format!(
        "the development data is not at {} ({}): {how}",
        dir.display(),
        shown.display()
    ))
}

/// The value after `name` in `args`.
pub fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// Run `work` over every text (with its segmentation) for at least `seconds`
/// and three rounds; returns (tokens per second, documents per second).
pub fn throughput<F>(texts: &[String], seconds: f64, mut work: F) -> (f64, f64)
where
    F: FnMut(&str, &lede::text::TextLayer),
{
    let layers: Vec<_> = texts.iter().map(|t| lede::text::segment(t)).collect();
    let tokens: usize = layers.iter().map(|l| l.tokens.len()).sum();
    let started = std::time::Instant::now();
    let mut rounds = 0;
    while rounds < 3 || started.elapsed().as_secs_f64() < seconds {
        for (text, layer) in texts.iter().zip(&layers) {
            work(text, layer);
        }
        rounds += 1;
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    (
        (tokens * rounds) as f64 / secs,
        (texts.len() * rounds) as f64 / secs,
    )
}
