//! Writes a deterministic corpus of generated cover letters, for benchmarks
//! and for trying letterlint on many files at once:
//!
//! ```sh
//! cargo run --release --example gen_letters -- OUT_DIR N [SEED]
//! ```
//!
//! Letters are named `letter-00001.md` …; every tenth is a `.txt` letter,
//! so both readers are exercised. The same N and SEED always write the same
//! files.

#[path = "../benches/common/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_letters OUT_DIR N [SEED]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, count, seed) = match args.as_slice() {
        [dir, n] => (dir, n.parse::<usize>(), Ok(1)),
        [dir, n, seed] => (dir, n.parse::<usize>(), seed.parse::<u64>()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (Ok(count), Ok(seed)) = (count, seed) else {
        eprintln!("{USAGE}: N and SEED are whole numbers");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let mut rng = generate::Rng::new(seed);
    for i in 1..=count {
        let extension = if i % 10 == 0 { "txt" } else { "md" };
        let path = dir.join(format!("letter-{i:05}.{extension}"));
        if let Err(e) = std::fs::write(&path, generate::letter(&mut rng)) {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
