fn main() {
    let text = std::env::args().nth(1).unwrap();
    let l = lede::text::segment(&text);
    for t in &l.tokens {
        print!("[{}]", t.span.of(&text));
    }
    println!();
    for s in &l.sentences {
        println!("<{}>", s.span.of(&text));
    }
}
