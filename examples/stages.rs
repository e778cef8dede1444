use std::time::Instant;
fn main() {
    let body = std::fs::read_to_string("../shared/data/sentiment/newsmtsc/train.jsonl").unwrap();
    let sentences: Vec<String> = body
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["sentence_normalized"].as_str().map(str::to_string))
        .collect();
    let texts: Vec<String> = sentences
        .chunks(30)
        .take(100)
        .map(|c| c.join(" "))
        .collect();
    let opts = lede::Options::default();
    for x in texts.iter().take(3) {
        lede::analyze(&lede::Input::Text(x.clone()), &opts).unwrap();
    }
    let t = Instant::now();
    let arts: Vec<_> = texts
        .iter()
        .map(|x| lede::intake::intake(&lede::Input::Text(x.clone()), &opts).unwrap())
        .collect();
    println!("intake {:?}", t.elapsed());
    let t = Instant::now();
    let layers: Vec<_> = arts
        .iter()
        .map(|a| lede::text::segment(&a[0].text))
        .collect();
    println!("text {:?}", t.elapsed());
    let n: usize = layers.iter().map(|l| l.tokens.len()).sum();
    let t = Instant::now();
    let ents: Vec<_> = arts
        .iter()
        .zip(&layers)
        .map(|(a, l)| lede::entities::recognize(&a[0].text, l, &Default::default()))
        .collect();
    println!("entities {:?}", t.elapsed());
    let t = Instant::now();
    for ((a, l), e) in arts.iter().zip(&layers).zip(&ents) {
        lede::time::resolve(&a[0].text, l, e, None);
    }
    println!("time {:?}", t.elapsed());
    let t = Instant::now();
    for ((a, l), e) in arts.iter().zip(&layers).zip(&ents) {
        lede::sentiment::score(&a[0].text, l, e, &[]);
    }
    println!("sentiment {:?}", t.elapsed());
    let t = Instant::now();
    for x in &texts {
        lede::analyze(&lede::Input::Text(x.clone()), &opts).unwrap();
    }
    println!("analyze {:?} for {n} tokens", t.elapsed());
}
