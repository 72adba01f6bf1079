use clap::Parser;
use harvest::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(command),
        None => harvest::launch::open_app(args.file, args.follow, args.exit_after_frames),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.0);
            ExitCode::from(1)
        }
    }
}
