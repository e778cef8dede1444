//! `cargo run --release --example profile [ROUNDS]`: runs `analyze` over ~1,000-word
//! news articles (NewsMTSC sentences, 30 a piece) for profiling with `perf record`.
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let body = std::fs::read_to_string("../shared/data/sentiment/newsmtsc/train.jsonl")?;
    let sentences: Vec<String> = body
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["sentence_normalized"].as_str().map(str::to_string))
        .collect();
    let texts: Vec<String> = sentences
        .chunks(30)
        .take(200)
        .map(|c| c.join(" "))
        .collect();
    let tokens: usize = texts.iter().map(|t| lede::text::tokenize(t).len()).sum();
    let options = lede::Options::default();
    let started = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            lede::analyze(&lede::Input::Text(text.clone()), &options)?;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("{:.0} tokens/s", (tokens * rounds) as f64 / seconds);
    Ok(())
}
