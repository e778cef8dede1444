//! `cargo run --release --example first`: how long the first analysis takes (models
//! and tables are built on first use) against the second.
use std::time::Instant;

fn main() -> Result<(), lede::Error> {
    let text = "Russian President Vladimir Putin travels to Beijing this weekend. \
        Moscow, 29 November 2002 (RFE/RL) -- He met Hu Jintao on Monday, and praised the deal.";
    let options = lede::Options::default();
    for round in ["first", "second"] {
        let started = Instant::now();
        lede::analyze(&lede::Input::Text(text.to_string()), &options)?;
        println!("{round}: {:.2} ms", started.elapsed().as_secs_f64() * 1e3);
    }
    Ok(())
}
