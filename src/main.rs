use clap::Parser;
use letterlint::cli::Cli;
use std::io::{stderr, stdout, BufWriter, ErrorKind, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let options = Cli::parse().into_options();
    // Reports are written in many small pieces, and standard output on its
    // own scans every piece for a line break and writes each line: for a
    // thousand letters that is most of a JSON run. The buffer writes in
    // large blocks; it is flushed here so that a write error is not lost.
    let mut out = BufWriter::new(stdout().lock());
    let mut code = letterlint::run::run(&options, &mut out, &mut stderr().lock());
    if let Err(e) = out.flush() {
        if e.kind() != ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {e}");
            code = letterlint::run::EXIT_FAILED;
        }
    }
    ExitCode::from(code)
}
