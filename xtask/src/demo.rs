//! `cargo xtask demo`: the app against the simulator's demo data, as a user would see it.

use crate::procs::Service;
use crate::{build, paths, tools, Result};
use std::process::Command;
use std::time::Duration;

/// The demo's API key: the simulator accepts it, the user types it on the connect screen.
pub const DEMO_API_KEY: &str = "1/demo0123456789abcdef";
/// The second user of the example host console (its right-hand instance).
const DEMO_API_KEY_2: &str = "1/demo-second-user-0123";

pub fn run(args: &[String]) -> Result {
    let app_port = flag(args, "--app-port").unwrap_or(8080);
    let api_port = flag(args, "--api-port").unwrap_or(8787);
    let host_port = flag(args, "--host-port").unwrap_or(8081);
    let lookup_port = flag(args, "--lookup-port").unwrap_or(8788);
    tools::ensure_all()?;
    build::release()?;
    let sim = build_simulator(false)?;

    let app_origin = format!("http://127.0.0.1:{app_port}");
    let host_origin = format!("http://127.0.0.1:{host_port}");
    let (mut _api, api_url) = Service::start(
        "cdp-sim",
        Command::new(&sim)
            .args([
                "--addr",
                &format!("127.0.0.1:{api_port}"),
                "--fixture",
                "demo",
                "--api-key",
                DEMO_API_KEY,
                "--api-key",
                DEMO_API_KEY_2,
                // The Profiles API on its own origin; a saved change is live half a minute later.
                "--lookup-addr",
                &format!("127.0.0.1:{lookup_port}"),
                "--workflow-delay-secs",
                "30",
            ])
            .args(["--allow-origin", &app_origin, "--allow-origin", &format!("http://localhost:{app_port}")])
            .args(["--allow-origin", &host_origin]),
        "cdp-sim listening on ",
        Duration::from_secs(30),
    )?;
    // Both listeners are bound before the simulator says it is ready.
    let lookup_url = format!("http://127.0.0.1:{lookup_port}");
    let config = write_config(&api_url, &lookup_url)?;
    let (mut app, app_url) = Service::start(
        "app",
        static_server(&paths::dist_dir(), app_port, &config).args(["--cors", "*"]),
        "serving on ",
        Duration::from_secs(30),
    )?;
    let host_config = write_host_config(&app_url, &api_url, &lookup_url)?;
    let (mut _host, host_url) = Service::start(
        "example host",
        &mut static_server(&paths::root().join("tests").join("embed").join("host"), host_port, &host_config),
        "serving on ",
        Duration::from_secs(30),
    )?;
    println!();
    println!("  Profiles Studio demo:  {app_url}/");
    println!("  Example host console:  {host_url}/  (two embedded instances, another origin)");
    println!("  CDP simulator:         {api_url}  (demo data; Profiles API lookups on {lookup_url})");
    println!("  API key to connect:    {DEMO_API_KEY}");
    println!();
    println!("  Press Ctrl-C to stop.");
    app.wait()
}

/// Builds the simulator binary and returns its path: a debug build for the demo and the tests
/// (quick to build), a release one for the bench (the simulator must not be what is measured).
pub fn build_simulator(release: bool) -> Result<std::path::PathBuf> {
    let mut cargo = Command::new("cargo");
    cargo.args(["build", "--quiet", "-p", "cdp-sim"]).current_dir(paths::root());
    if release {
        cargo.arg("--release");
    }
    crate::procs::run(&mut cargo)?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map(Into::into).unwrap_or_else(|| paths::root().join("target"));
    Ok(target.join(if release { "release" } else { "debug" }).join("cdp-sim"))
}

/// The static server shared with the e2e suite: serves `dir`, and `/config.json` from `config`.
pub fn static_server(dir: &std::path::Path, port: u16, config: &std::path::Path) -> Command {
    let mut cmd = Command::new("node");
    cmd.arg(paths::e2e_dir().join("serve-static.mjs"))
        .arg("--dir")
        .arg(dir)
        .args(["--port", &port.to_string()])
        .arg("--config-file")
        .arg(config);
    cmd
}

/// The runtime defaults the app reads at start: the simulator's URL, never the key.
fn write_config(api_url: &str, lookup_url: &str) -> Result<std::path::PathBuf> {
    let path = paths::root().join("target").join("demo-config.json");
    let body =
        format!("{{\"region\":\"custom\",\"baseUrl\":\"{api_url}\",\"lookupBase\":\"{lookup_url}\"}}\n");
    std::fs::create_dir_all(paths::root().join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The example host console's settings: where our module and the API are, and the keys of its
/// two "signed-in users" (a real console would hold its users' credentials itself).
fn write_host_config(app_url: &str, api_url: &str, lookup_url: &str) -> Result<std::path::PathBuf> {
    let path = paths::root().join("target").join("demo-host-config.json");
    let body = format!(
        "{{\"module\":\"{app_url}/embed/profiles-studio.js\",\"apiBase\":\"{api_url}\",\"lookupBase\":\"{lookup_url}\",\"keys\":[\"{DEMO_API_KEY}\",\"{DEMO_API_KEY_2}\"]}}\n"
    );
    std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

fn flag(args: &[String], name: &str) -> Option<u16> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1)?.parse().ok()
}
