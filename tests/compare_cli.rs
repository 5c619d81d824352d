//! `corridor compare A B`: the bundled current and future state (copies
//! under tests/fixtures/blueprint) lined up by touchpoint id, in every
//! format, with the figures `analysis::compare` computes.

mod support;

use corridor::analysis::compare::compare;
use corridor::store::parse_journey;
use support::Sandbox;

const NOW: &str = "b2b-onboarding.toml";
const NEXT: &str = "b2b-onboarding_future.toml";

fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.blueprint(NOW, NOW);
    sandbox.blueprint(NEXT, NEXT);
    sandbox
}

#[test]
fn text_gives_both_gaps_the_change_and_one_sided_touchpoints() {
    let sandbox = sandbox();
    let run = sandbox.corridor(&["compare", NOW, NEXT, "--width", "120"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let payroll = run
        .stdout
        .lines()
        .find(|l| l.contains("Payroll connector"))
        .expect("payroll row");
    assert!(payroll.contains("4 -> 1 -3"), "{payroll}");
    assert!(payroll.contains("4 -> 3 -1"), "{payroll}");
    assert!(payroll.trim_end().ends_with("+2"), "{payroll}");
    let gone = run
        .stdout
        .lines()
        .find(|l| l.contains("Gets set up as a supplier"))
        .expect("supplier row");
    assert!(gone.ends_with("only current"), "{gone}");
    let new = run
        .stdout
        .lines()
        .find(|l| l.contains("Meets the Northbridge lead"))
        .expect("new row");
    assert!(new.ends_with("only future"), "{new}");
    let services = run
        .stdout
        .lines()
        .find(|l| l.contains("Professional Services"))
        .expect("department row");
    assert!(services.contains("-8 -> -1"), "{services}");
}

#[test]
fn json_and_markdown_carry_the_same_comparison() {
    let sandbox = sandbox();
    let first = parse_journey(&sandbox.read(NOW)).journey.expect("valid");
    let second = parse_journey(&sandbox.read(NEXT)).journey.expect("valid");
    let cmp = compare(&first, &second);
    let run = sandbox.corridor(&["compare", NOW, NEXT, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(value["schema"], "corridor-compare/1");
    assert_eq!(value["first"]["state"], "current");
    assert_eq!(value["second"]["state"], "future");
    let rows = value["touchpoints"].as_array().expect("rows");
    assert_eq!(rows.len(), cmp.rows.len());
    for (json, row) in rows.iter().zip(&cmp.rows) {
        assert_eq!(json["touchpoint"], row.touchpoint.id.as_str());
        assert_eq!(json["change"], serde_json::json!(row.change()));
    }
    assert_eq!(value["only_first"], serde_json::json!(["supplier-setup"]));
    assert_eq!(value["only_second"], serde_json::json!(["partner-intro"]));
    assert_eq!(
        value["first"]["figures"]["experience_debt"],
        serde_json::json!(cmp.first.debt)
    );
    let md = sandbox.corridor(&["compare", NOW, NEXT, "--format", "md"]);
    assert!(md.stdout.contains("## Touchpoints"));
    assert!(md.stdout.contains("| Change |") || md.stdout.contains(" Change "));
    let html = sandbox.corridor(&["compare", NOW, NEXT, "--format", "html", "-o", "c.html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = sandbox.read("c.html");
    assert!(page.contains("<svg class=\"compare\""));
    assert_eq!(
        page.matches("<polyline").count(),
        4,
        "two actual and two expected curves"
    );
}

#[test]
fn an_invalid_journey_is_refused_with_its_line() {
    let sandbox = sandbox();
    sandbox.write("bad.toml", "schema = 1\ntitle = 3\n");
    let run = sandbox.corridor(&["compare", NOW, "bad.toml"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("bad.toml:2:9"), "{}", run.stderr);
}
