//! Fixtures: the demo's promised shape, file loading and its checks, the generator.

mod common;

use cdp_sim::{Fixture, FixtureSource};
use common::*;
use serde_json::Value;

#[test]
fn the_demo_fixture_has_what_the_demo_needs() {
    let fx = FixtureSource::Demo.load().expect("demo fixture is consistent");
    let names: Vec<&str> = fx.parent_segments.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Retail Customers", "Loyalty Members"]);
    assert!(fx.folders.iter().filter(|f| f.name == "Migrated Web Access Token").count() >= 1);
    let locked = fx.folders.iter().find(|f| f.name == "Locked (read only)").unwrap();
    assert!(locked.permissions.view && !locked.permissions.edit);
    assert!(fx.tokens.iter().any(|t| t.folder_id == locked.id));
    let hidden = fx.folders.iter().find(|f| !f.permissions.view).unwrap();
    let hidden_segment = fx.segments.iter().find(|s| s.folder_id == hidden.id).unwrap();
    assert!(fx.tokens.iter().any(|t| t.segments.contains(&hidden_segment.id)));
    assert!((10..=15).contains(&fx.tokens.len()));
    for key in ["td_client_id", "email", "td_global_id"] {
        assert!(fx.tokens.iter().any(|t| t.key_column == key), "a token keyed by {key}");
    }
}

#[test]
fn fixture_files_load_and_broken_ones_are_refused_with_a_reason() {
    let dir = std::env::temp_dir().join(format!("cdp-sim-fixture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, serde_json::to_string(&Fixture::demo()).unwrap()).unwrap();
    assert_eq!(FixtureSource::File(good).load().unwrap(), Fixture::demo());

    let mut cases: Vec<(Value, &str)> = Vec::new();
    let demo = serde_json::to_value(Fixture::demo()).unwrap();
    let mut v = demo.clone();
    v["tokens"][0]["segments"][0] = "999".into();
    cases.push((v, "unknown id 999"));
    let mut v = demo.clone();
    v["folders"][1]["parentId"] = v["folders"][1]["id"].clone();
    cases.push((v, "ancestor"));
    let mut v = demo.clone();
    v["tokens"][0]["token"] = "not-a-uuid".into();
    cases.push((v, "UUID"));
    let mut v = demo.clone();
    v["folders"][0]["id"] = "0100".into();
    cases.push((v, "leading zero"));
    let mut v = demo.clone();
    v["surprise"] = true.into();
    cases.push((v, "unknown field"));
    for (i, (fixture, expect)) in cases.into_iter().enumerate() {
        let path = dir.join(format!("bad{i}.json"));
        std::fs::write(&path, fixture.to_string()).unwrap();
        let err = FixtureSource::File(path).load().unwrap_err();
        assert!(err.contains(expect), "case {i}: {err}");
    }
    let missing = FixtureSource::File(dir.join("missing.json")).load().unwrap_err();
    assert!(missing.contains("cannot read"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn fixture_arguments_parse() {
    assert_eq!("demo".parse::<FixtureSource>().unwrap(), FixtureSource::Demo);
    assert_eq!(
        "generated:42:2000:20000".parse::<FixtureSource>().unwrap(),
        FixtureSource::Generated { seed: 42, folders: 2000, entities: 20000 }
    );
    assert_eq!("data/x.json".parse::<FixtureSource>().unwrap(), FixtureSource::File("data/x.json".into()));
    for bad in ["generated:1:2", "generated:a:1:1", "generated:1:0:5"] {
        assert!(bad.parse::<FixtureSource>().is_err(), "{bad}");
    }
}

#[test]
fn the_generator_is_deterministic_and_big() {
    let gen = |seed| FixtureSource::Generated { seed, folders: 2000, entities: 20000 }.load().unwrap();
    let a = gen(42);
    assert_eq!(a, gen(42), "same seed, same fixture");
    assert_ne!(a, gen(43), "another seed, another fixture");
    assert_eq!(a.folders.len(), 2000);
    let entities = a.segments.iter().filter(|s| s.kind != cdp_sim::fixture::SegmentKind::FunnelStage).count()
        + a.funnels.len()
        + a.tokens.len();
    assert_eq!(entities, 20000);
    let in_bulk = a
        .segments
        .iter()
        .filter(|s| s.folder_id == "2" && s.kind != cdp_sim::fixture::SegmentKind::FunnelStage)
        .count()
        + a.funnels.iter().filter(|f| f.folder_id == "2").count()
        + a.tokens.iter().filter(|t| t.folder_id == "2").count();
    assert!(in_bulk >= 5000, "one folder holds 5,000 children ({in_bulk})");
}

#[tokio::test]
async fn a_generated_listing_of_5000_children_is_served() {
    let fx = FixtureSource::Generated { seed: 1, folders: 2000, entities: 20000 }.load().unwrap();
    let sim = start_with(fx).await;
    let t0 = std::time::Instant::now();
    let body = sim.get_json("/entities/by-folder/2?depth=1").await;
    let n = body["data"].as_array().unwrap().len();
    assert!(n > 5000, "{n} items");
    assert!(t0.elapsed() < std::time::Duration::from_secs(10));
    let all = sim.get_json("/entities/by-folder/1?depth=32").await;
    assert!(all["data"].as_array().unwrap().len() > 15000);
}

/// The binary: prints the startup line with the real port, serves, and stops on SIGTERM.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_announces_its_address_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_cdp-sim"))
        .args(["--addr", "127.0.0.1:0", "--fixture", "demo", "--api-key", KEY, "--allow-origin", ORIGIN])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("cdp-sim listening on ").expect("startup line").to_owned();
    assert!(!url.ends_with(":0"), "{url}");
    let res = reqwest::Client::new()
        .get(format!("{url}/entities/parent_segments"))
        .header("Authorization", format!("TD1 {KEY}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if let Some(code) = child.try_wait().unwrap() {
            assert!(code.success(), "graceful exit: {code}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "stopped within 10 s");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_cdp-sim"))
        .args(["--addr", "127.0.0.1:0", "--api-key", KEY, "--allow-origin", "*"])
        .output()
        .unwrap();
    assert!(!bad.status.success(), "`*` is refused as an origin");
}
