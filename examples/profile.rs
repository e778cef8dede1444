//! `cargo run --release --example profile [ROUNDS]`: runs `analyze` over ~1,000-word
//! news articles (NewsMTSC sentences, 30 a piece) for profiling with `perf record`,
//! and reports the time spent analyzing and serializing (as the page does: no tokens).
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
    let options = lede::Options {
        tokens: false,
        ..lede::Options::default()
    };
    let (mut analyzing, mut serializing, mut bytes) = (0f64, 0f64, 0usize);
    for _ in 0..rounds {
        for text in &texts {
            let started = Instant::now();
            let analysis = lede::analyze(&lede::Input::Text(text.clone()), &options)?;
            let analyzed = Instant::now();
            bytes += serde_json::to_string(&analysis)?.len();
            serializing += analyzed.elapsed().as_secs_f64();
            analyzing += (analyzed - started).as_secs_f64();
        }
    }
    println!(
        "{:.0} tokens/s analyzing; serializing adds {:.0}% ({} bytes of JSON per token)",
        (tokens * rounds) as f64 / analyzing,
        100.0 * serializing / analyzing,
        bytes / (tokens * rounds)
    );
    Ok(())
}
