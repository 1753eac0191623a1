//! `lint()` on the bundled example letters and on generated letters of
//! 1 KB to 1 MB. Each group reports throughput in bytes, so the time per
//! KB can be read off at every size: if linting is linear, it stays flat
//! from 1 KB to 1 MB.
//!
//! `cargo bench` runs everything in a few minutes on two cores; `cargo bench
//! -- size` runs only the size sweep.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use letterlint::{lint, Config, Source};
use std::hint::black_box;
use std::time::Duration;

#[path = "common/generate.rs"]
mod generate;

const EXAMPLES: [&str; 4] = ["strong.md", "weak.md", "template.md", "nurse.md"];

fn examples(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("examples");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for name in EXAMPLES {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("bundled example");
        let source = Source::new(path, text);
        group.throughput(Throughput::Bytes(source.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &source, |b, source| {
            b.iter(|| lint(black_box(source), &config).expect("lints"))
        });
    }
    group.finish();
}

fn sizes(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("size");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (label, bytes) in [
        ("1KB", 1 << 10),
        ("10KB", 10 << 10),
        ("100KB", 100 << 10),
        ("1MB", 1 << 20),
    ] {
        let text = generate::letter_of_size(&mut generate::Rng::new(42), bytes);
        let source = Source::new(format!("generated-{label}.md"), text);
        group.throughput(Throughput::Bytes(source.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &source, |b, source| {
            b.iter(|| lint(black_box(source), &config).expect("lints"))
        });
    }
    group.finish();
}

criterion_group!(benches, examples, sizes);
criterion_main!(benches);
