//! Print a plain-text page line by line with what extraction kept:
//! `cargo run -p dyad-extract --example show_text -- FILE...`
use dyad_extract::text::find_blocks;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let summary = args.first().is_some_and(|a| a == "--dropped");
    if summary {
        args.remove(0);
    }
    for path in args {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let (blocks, dropped) = find_blocks(&text);
        if summary {
            // Only what was dropped, to review extraction over a corpus.
            for d in &dropped {
                let shown: String = d.slice(&text).chars().take(110).collect();
                println!("{path}\t{}\t{shown}", blocks.len());
            }
            continue;
        }
        println!("=== {path}");
        if std::env::var_os("DIAG").is_some() {
            for (n, d) in dyad_extract::text::diagnose(&text) {
                println!("{:>3} {d}", n + 1);
            }
        }
        let mut off = 0;
        for (n, line) in text.split('\n').enumerate() {
            let span = off..off + line.len();
            off += line.len() + 1;
            let kind = blocks
                .iter()
                .find(|b| {
                    b.span.start >= span.start && b.span.end <= span.end && !line.trim().is_empty()
                })
                .map(|b| b.kind.as_str())
                .unwrap_or("");
            let shown: String = line.chars().take(90).collect();
            println!("{:>3} {:<8} {}", n + 1, kind, shown);
        }
    }
}
