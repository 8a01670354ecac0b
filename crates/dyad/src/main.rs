use clap::Parser;

fn main() -> std::process::ExitCode {
    dyad::cli::run(dyad::cli::Cli::parse())
}
