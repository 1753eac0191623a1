//! Arbitrary bytes as a `letterlint.toml`: loading must give a config or a
//! clear error, never a crash, and a config that loads must lint a letter,
//! alone and against a job posting (the posting rules have thresholds too).
//! The file goes through `FileConfig::load`, the path every run takes.
#![no_main]

use letterlint::config::{FileConfig, Selection};
use letterlint::posting::Posting;
use letterlint::{lint_with_posting, Config, Source};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

static POSTING: LazyLock<Arc<Posting>> = LazyLock::new(|| {
    let text = "# Senior Backend Engineer at Kestrel Pay\n\n## Requirements\n\n- Go, Postgres, Kafka and Redis in production\n- Own the ledger's schema migrations\n";
    Arc::new(Posting::parse(&Source::new("posting.md", text)).expect("valid posting"))
});

static PATH: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("letterlint-fuzz-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("letterlint.toml")
});

const LETTER: &str = "+++\ncompany = \"Kestrel Pay\"\n+++\nDear team,\n\nI am a team player. I built the ledger in Go, Postgres, Kafka and Redis; p99 fell from 900 ms to 85 ms. [Company Name]\n\n## Day-one proposal\n\nI would map the alerts.\n\nBest,\nAna\n";

fuzz_target!(|data: &[u8]| {
    std::fs::write(&*PATH, data).expect("temp file");
    let Ok(file) = FileConfig::load(&PATH) else {
        return;
    };
    let Ok(config) = Config::new(file, &Selection::default()) else {
        return;
    };
    for path in ["letter.md", "letter.txt"] {
        for posting in [None, Some(POSTING.clone())] {
            let _ = lint_with_posting(&Source::new(path, LETTER), &config, posting);
        }
    }
});
