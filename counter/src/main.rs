//! `portal-counter`: see `portal-counter --help` and the README.

use portal_counter::config::{parse, Parsed, USAGE};

#[tokio::main]
async fn main() {
    let parsed = parse(std::env::args().skip(1), std::env::var("REDIS_URL").ok());
    let config = match parsed {
        Ok(Parsed::Run(config)) => *config,
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            return;
        }
        Err(problem) => {
            eprintln!("portal-counter: {problem}");
            std::process::exit(2);
        }
    };
    if let Err(problem) = portal_counter::run(config).await {
        eprintln!("portal-counter: {problem}");
        std::process::exit(1);
    }
}
