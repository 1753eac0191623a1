use clap::Parser;
use letterlint::cli::Cli;
use std::io::{stderr, stdout};
use std::process::ExitCode;

fn main() -> ExitCode {
    let options = Cli::parse().into_options();
    let code = letterlint::run::run(&options, &mut stdout().lock(), &mut stderr().lock());
    ExitCode::from(code)
}
