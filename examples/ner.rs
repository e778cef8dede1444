fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::env::args().nth(2).unwrap();
    let model = lede::entities::tagger::Model::from_bytes(&std::fs::read(path).unwrap()).unwrap();
    let words: Vec<&str> = text.split(' ').collect();
    let starts: Vec<bool> = (0..words.len()).map(|i| i == 0).collect();
    let views = lede::entities::features::views(
        &words,
        &starts,
        lede::entities::gazetteer::Gazetteer::get(),
    );
    let tags = model.tag(&views);
    for (w, t) in words.iter().zip(tags) {
        print!("{w}/{} ", lede::entities::tagger::TAGS[t as usize]);
    }
    println!();
}
