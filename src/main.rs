use clap::Parser;
use letterlint::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    Cli::parse().execute()
}
