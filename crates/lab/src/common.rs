//! Shared by the stages' `lede eval` / `lede train` commands (native only): the
//! data folder, flags, and a throughput harness.

use std::path::PathBuf;

/// `--data DIR`, or `../shared/data` (the data beside the checkout).
pub fn data_dir(args: &[String]) -> PathBuf {
    flag(args, "--data").map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from)
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
