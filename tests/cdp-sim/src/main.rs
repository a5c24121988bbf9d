//! `cdp-sim`: see `cdp-sim --help` and tests/cdp-sim/README.md.

use cdp_sim::cors::check_origin;
use cdp_sim::{Config, FixtureSource};
use clap::Parser;
use std::io::Write;
use std::net::SocketAddr;

/// A simulator of the Treasure Data CDP API subset Profiles Studio uses.
#[derive(Parser, Debug)]
#[command(name = "cdp-sim", version)]
struct Args {
    /// Address to listen on; port 0 picks a free port (the startup line says which).
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: SocketAddr,
    /// A fixture file, `demo` (built in), or `generated:SEED:FOLDERS:ENTITIES`.
    #[arg(long, default_value = "demo")]
    fixture: FixtureSource,
    /// An accepted API key (`Authorization: TD1 <key>`); repeatable, at least one.
    #[arg(long = "api-key", required = true)]
    api_keys: Vec<String>,
    /// An origin allowed by CORS, exactly as browsers send it (`http://127.0.0.1:8080`); repeatable.
    #[arg(long = "allow-origin", value_parser = check_origin)]
    allow_origins: Vec<String>,
    /// Mount /_sim/ (request log, reset, fault injection). Never for anything but tests.
    #[arg(long)]
    test_endpoints: bool,
    /// Name of the user the API keys belong to (createdBy/updatedBy of writes).
    #[arg(long)]
    user_name: Option<String>,
    /// Also serve the Profiles API (lookups) here, its own origin as in production.
    #[arg(long)]
    lookup_addr: Option<SocketAddr>,
    /// Seconds a token's workflow runs after a save before lookups see the change.
    #[arg(long, default_value_t = 60)]
    workflow_delay_secs: u64,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    if let Err(e) = run(args).await {
        eprintln!("cdp-sim: {e}");
        std::process::exit(1);
    }
}

async fn run(args: Args) -> Result<(), String> {
    if args.api_keys.iter().any(|k| k.trim().is_empty()) {
        return Err("--api-key must not be empty".into());
    }
    let fixture = args.fixture.load()?;
    let config = Config {
        fixture,
        api_keys: args.api_keys,
        allow_origins: args.allow_origins,
        test_endpoints: args.test_endpoints,
        user_name: args.user_name,
        workflow_delay: std::time::Duration::from_secs(args.workflow_delay_secs),
    };
    let (api, lookup) = cdp_sim::apps(config);
    let listener = bind(args.addr).await?;
    let lookup_listener = match args.lookup_addr {
        Some(addr) => Some(bind(addr).await?),
        None => None,
    };
    // Scripts wait for exactly these lines; flush so a pipe sees them at once.
    println!("cdp-sim listening on http://{}", listener.local_addr().map_err(|e| e.to_string())?);
    if let Some(l) = &lookup_listener {
        println!("cdp-sim lookup listening on http://{}", l.local_addr().map_err(|e| e.to_string())?);
    }
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    if let Some(l) = lookup_listener {
        tokio::spawn(cdp_sim::serve(l, lookup, std::future::pending()));
    }
    cdp_sim::serve(listener, api, shutdown_signal()).await.map_err(|e| e.to_string())
}

async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, String> {
    tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))
}

/// Ctrl-C or SIGTERM (what `kill` and test harnesses send).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
