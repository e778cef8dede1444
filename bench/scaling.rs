//! How work and memory grow with hostile input (`cargo bench --bench scaling`).
//!
//! Worst-case shapes a reader can paste or a batch can hold — a number table, a
//! name list in one sentence, dates, a results table, runs of quotes, runs of
//! ALL-CAPS words, one long sentence without punctuation (up to 1 MB), deeply
//! nested brackets (in text, and as nested HTML elements), repeated lines, many
//! URLs and e-mail addresses — are generated at sizes n and 2n (about 10k and 20k
//! tokens; the long sentence at 0.5 and 1 MB) and analyzed. For each doubling it
//! prints the ratio of the time (median of several runs) and of the peak heap
//! (counted by this binary's allocator: bytes live at once during `analyze`,
//! exact and free of noise). Linear work doubles; the budget is 2.5×.
//!
//! `-- --check` (run by `make test`) asserts every ratio ≤ 2.5 and exits 1
//! otherwise; a time ratio over budget is measured again (up to three times)
//! before it counts, since other work on a shared machine can slow one run.
//! `-- --long` adds a third size (4n) for a second doubling.

use lede::{analyze, Input, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting bytes live now and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let now = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A small deterministic generator (no dependency, same text on every machine).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len() as u64) as usize)
            .copied()
            .unwrap_or("")
    }
}

const FIRST: &[&str] = &[
    "John", "Maria", "Ahmed", "Li", "Olga", "Pedro", "Fatima", "Kenji", "Anna", "David", "Sofia",
    "Ivan", "Chen", "Amina", "Lucas",
];
const LAST: &[&str] = &[
    "Smith", "Garcia", "Khan", "Wang", "Petrova", "Silva", "Hassan", "Tanaka", "Kowalski", "Cohen",
    "Rossi", "Ivanov", "Zhang", "Okafor", "Muller",
];
const MONTHS: &[&str] = &["January", "March", "May", "July", "Sept.", "December"];
const CAPS: &[&str] = &[
    "BREAKING", "NEWS", "UPDATE", "PUTIN", "NATO", "WAR", "OBAMA", "MARKETS", "CRASH", "NOW",
];
const PROSE: &[&str] = &[
    "the",
    "government",
    "said",
    "that",
    "Smith",
    "and",
    "Paris",
    "on",
    "Monday",
    "would",
    "report",
    "about",
    "troops",
    "in",
    "1999",
    "protesters",
    "criticized",
    "Merkel",
];

/// A shape: its name, whether it is HTML, and the text for about `n` tokens
/// (for "sentence", `n` kilobytes... see [`generate`]).
const SHAPES: &[&str] = &[
    "numbers",
    "names",
    "dates",
    "results",
    "quotes",
    "caps",
    "sentence",
    "brackets",
    "nested-html",
    "lines",
    "urls",
];

/// The input of `shape` at size `n` (about `n` tokens; "sentence": `n` × 50 bytes,
/// so 10k is 0.5 MB and 20k 1 MB).
fn generate(shape: &str, n: usize) -> Input {
    let mut r = Rng(n as u64 * 31 + shape.len() as u64);
    let mut s = String::new();
    match shape {
        "numbers" => {
            for _ in 0..n {
                s.push_str(&format!("{} ", r.below(99_999) + 1));
            }
        }
        "names" => {
            s.push_str("The dead were ");
            for i in 0..n / 3 {
                s.push_str(&format!("{} {}{i}, ", r.pick(FIRST), r.pick(LAST)));
            }
            s.push_str("and others.");
        }
        "dates" => {
            for _ in 0..n / 3 {
                s.push_str(&format!(
                    "{} {} {} ",
                    r.below(28) + 1,
                    r.pick(MONTHS),
                    1900 + r.below(130)
                ));
            }
        }
        "results" => {
            // a sports results table pasted from a page: place, name, country, time, points
            for i in 0..n / 8 {
                s.push_str(&format!(
                    "{}. {} {} ({}) {}.{:02} {} pts\n",
                    i % 8 + 1,
                    r.pick(FIRST),
                    r.pick(LAST),
                    ["USA", "GER", "KEN", "JAM"][r.below(4) as usize],
                    9 + r.below(3),
                    r.below(100),
                    r.below(1000)
                ));
                if i % 8 == 7 {
                    s.push_str(&format!("Heat {} on {} May:\n", i / 8 + 2, r.below(28) + 1));
                }
            }
        }
        "quotes" => {
            for _ in 0..n / 8 {
                s.push_str(&format!("\"{} said\" \"no\" “yes” ", r.pick(FIRST)));
            }
        }
        "caps" => {
            for _ in 0..n {
                s.push_str(r.pick(CAPS));
                s.push(' ');
            }
        }
        "sentence" => {
            while s.len() < n * 50 {
                s.push_str(r.pick(PROSE));
                s.push(' ');
            }
        }
        "brackets" => {
            s.push_str("He said ");
            s.push_str(&"(".repeat(n / 2));
            s.push_str("Putin");
            s.push_str(&")".repeat(n / 2));
            s.push_str(" in Moscow.");
        }
        "nested-html" => {
            s.push_str("<html><body><article><p>Putin met Merkel in Berlin on Monday.</p>");
            for i in 0..n / 4 {
                s.push_str(if i % 2 == 0 { "<div>" } else { "<b>" });
                s.push_str("word ");
            }
            s.push_str("</article></body></html>");
            return Input::Html {
                html: s,
                url: Some("https://example.com/news/a.html".into()),
            };
        }
        "lines" => {
            // identical lines (the page furniture filter folds them; it must stay linear)
            for i in 0..n / 2 {
                s.push_str(&format!(
                    "President Obama met Angela Merkel in Berlin on Monday, officials said. {}\n",
                    i % 3
                ));
            }
        }
        "urls" => {
            for i in 0..n / 4 {
                if i % 2 == 0 {
                    s.push_str(&format!("see https://example{i}.com/a/b?x={i}&y=2 or "));
                } else {
                    s.push_str(&format!("mail user{i}@mail{}.org, ", i % 97));
                }
            }
        }
        _ => {}
    }
    Input::Text(s)
}

/// One analysis of `input`: seconds, peak heap bytes during it, tokens.
fn run(input: &Input) -> (f64, usize, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let result = analyze(input, &Options::default());
    let seconds = start.elapsed().as_secs_f64();
    let tokens = result
        .as_ref()
        .map(|a| a.documents.iter().map(|d| d.tokens.len()).sum())
        .unwrap_or(0);
    drop(result);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    (seconds, peak, tokens)
}

/// Median seconds over `runs`, the peak heap (the same every run) and tokens.
fn measure(input: &Input, runs: usize) -> (f64, usize, usize) {
    let mut times = Vec::with_capacity(runs);
    let (mut peak, mut tokens) = (0, 0);
    for _ in 0..runs.max(1) {
        let (t, p, n) = run(input);
        times.push(t);
        peak = peak.max(p);
        tokens = n;
    }
    times.sort_by(f64::total_cmp);
    (
        times.get(times.len() / 2).copied().unwrap_or(0.0),
        peak,
        tokens,
    )
}

const BUDGET: f64 = 2.5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo test --all-targets` runs this without `--bench`: then each shape is
    // only analyzed once at a small size (does it run?), not measured.
    if !args.iter().any(|a| a == "--bench") {
        for shape in SHAPES {
            let _ = measure(&generate(shape, 300), 1);
        }
        println!(
            "scaling: {} shapes analyzed once (cargo bench --bench scaling measures them)",
            SHAPES.len()
        );
        return;
    }
    let check = args.iter().any(|a| a == "--check");
    let long = args.iter().any(|a| a == "--long");
    let runs = if check { 3 } else { 5 };
    let only: Vec<&String> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let base = 10_000;
    let sizes: Vec<usize> = if long {
        vec![base, 2 * base, 4 * base]
    } else {
        vec![base, 2 * base]
    };
    // warm up: models, gazetteers and lexicons are read on first use
    let _ = measure(&generate("lines", 1_000), 1);
    println!(
        "{:<12} {:>7} {:>9} {:>10} {:>11} {:>7} {:>7}",
        "shape", "n", "tokens", "time ms", "peak heap", "time×", "heap×"
    );
    let mut failed = Vec::new();
    for shape in SHAPES {
        if !only.is_empty() && !only.iter().any(|o| o.as_str() == *shape) {
            continue;
        }
        let mut previous: Option<(f64, usize)> = None;
        for (k, &n) in sizes.iter().enumerate() {
            let input = generate(shape, n);
            let (mut time, peak, tokens) = measure(&input, runs);
            let mut ratios = None;
            if let Some((t0, p0)) = previous {
                let mut time_ratio = time / t0.max(1e-9);
                // a slow run on a shared machine is measured again before it counts
                let mut retries = 0;
                while check && time_ratio > BUDGET && retries < 3 {
                    let small = measure(&generate(shape, sizes[k - 1]), runs).0;
                    time = measure(&input, runs).0;
                    time_ratio = time / small.max(1e-9);
                    retries += 1;
                }
                let heap_ratio = peak as f64 / p0.max(1) as f64;
                if time_ratio > BUDGET || heap_ratio > BUDGET {
                    failed.push(format!(
                        "{shape}: {n} time ×{time_ratio:.2}, heap ×{heap_ratio:.2}"
                    ));
                }
                ratios = Some((time_ratio, heap_ratio));
            }
            let (tr, hr) = ratios.map_or((String::new(), String::new()), |(t, h)| {
                (format!("{t:.2}"), format!("{h:.2}"))
            });
            println!(
                "{:<12} {:>7} {:>9} {:>10.1} {:>9.1}MB {:>7} {:>7}",
                shape,
                n,
                tokens,
                time * 1e3,
                peak as f64 / 1e6,
                tr,
                hr
            );
            previous = Some((time, peak));
        }
    }
    if failed.is_empty() {
        println!("scaling: every ratio within {BUDGET}× per doubling");
    } else {
        println!("scaling: over {BUDGET}× per doubling:");
        for f in &failed {
            println!("  {f}");
        }
        if check {
            std::process::exit(1);
        }
    }
}
