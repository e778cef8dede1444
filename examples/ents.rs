fn main() {
    let text = std::env::args().nth(1).unwrap();
    let layer = lede::entities::recognize(&text, &lede::text::segment(&text), &Default::default());
    for m in &layer.mentions {
        print!("[{} {} e{}] ", m.span.of(&text), m.label, m.entity);
    }
    println!();
    for e in &layer.entities {
        println!("{} {} {:?} {:?}", e.label, e.name, e.aliases, e.mentions);
    }
}
