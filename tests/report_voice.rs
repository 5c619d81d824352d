//! The report executives read carries the customer's voice: persona and
//! promise first, the day it was made and the commit it was made from,
//! each touchpoint's expectation, experience, evidence and notes, plain
//! Markdown without HTML entities, and dates that never wrap in HTML.

mod support;

use support::Sandbox;

const JOURNEY: &str = r#"schema = 1
title = "Move in & meter"
persona = "Tenant moving home with a toddler"
promise = "Power on the day you move in"

[[stages]]
id = "move"
name = "Move in & meter"

[[departments]]
id = "field"
name = "Field ops"

[[touchpoints]]
id = "meter-reading"
stage = "move"
name = "Reads the meter on <moving> day"
owner = "field"
expectation = "A text telling me what to do"
expected = 4
experience = """Nobody came.
Had to call twice."""
actual = 1
evidence = ["Call log 14 May: 'second call, still no engineer'", "Survey: 2/5"]
notes = "Installer booked the wrong week & day"

[[actions]]
id = "fix-booking"
touchpoint = "meter-reading"
title = "Fix the install booking"
owner = "field"
due = 2026-01-02
"#;

fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("move.toml", JOURNEY);
    sandbox
}

#[test]
fn markdown_opens_with_the_persona_and_carries_the_customers_words() {
    let sandbox = sandbox();
    let run = sandbox.corridor(&["report", "move.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = &run.stdout;
    let persona = md.find("**Persona:** Tenant moving home").expect("persona");
    let promise = md.find("**Promise:** Power on the day").expect("promise");
    let summary = md.find("## Summary").expect("summary");
    assert!(persona < summary && promise < summary, "{md}");
    assert!(md.contains("*Made 2026-01-15 from move.toml.*"), "{md}");
    // The customer's voice, after the tables.
    let voice = md
        .find("## What customers expected and experienced")
        .expect("voice section");
    assert!(voice > summary);
    for words in [
        "- **Expected:** A text telling me what to do",
        "- **Experienced:** Nobody came.  \n  Had to call twice.",
        "- **Evidence:** Call log 14 May: 'second call, still no engineer'",
        "- **Evidence:** Survey: 2/5",
        "- **Notes:** Installer booked the wrong week & day",
    ] {
        assert!(md[voice..].contains(words), "{words:?} in\n{md}");
    }
    // Plain Markdown: no HTML entities, markup escaped with backslashes.
    assert!(md.starts_with("# Move in & meter\n"), "{md}");
    assert!(!md.contains("&amp;") && !md.contains("&lt;"), "{md}");
    assert!(md.contains("\\<moving\\>"), "{md}");
    // The action is overdue on the report's day.
    assert!(md.contains("overdue by 13 days"), "{md}");
}

#[test]
fn the_report_names_the_last_commit_of_the_file() {
    let sandbox = sandbox();
    sandbox.git(&["init", "-q"]);
    sandbox.git(&["add", "move.toml"]);
    sandbox.git(&["commit", "-q", "-m", "Move-in journey"]);
    let hash = sandbox.git(&["log", "-1", "--format=%h"]).stdout;
    let date = sandbox.git(&["log", "-1", "--format=%cs"]).stdout;
    let run = sandbox.corridor(&["report", "move.toml"]);
    let expected = format!(
        "*Made 2026-01-15 from move.toml (last commit {} {}).*",
        date.trim(),
        hash.trim()
    );
    assert!(
        run.stdout.contains(&expected),
        "{expected} in\n{}",
        run.stdout
    );
    let json = sandbox.corridor(&["report", "move.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value["made"], "2026-01-15");
    assert_eq!(value["source"]["commit"]["hash"], hash.trim());
}

#[test]
fn html_keeps_dates_whole_and_shows_the_voice() {
    let sandbox = sandbox();
    let run = sandbox.corridor(&["report", "move.toml", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.contains("<td class=\"d\">2026-01-02</td>"), "{html}");
    assert!(html.contains("td.d { white-space: nowrap; }"));
    assert!(html.contains("<dt>Experienced</dt><dd>Nobody came.<br>Had to call twice.</dd>"));
    assert!(html.contains("Reads the meter on &lt;moving&gt; day"));
    let persona = html.find("Tenant moving home").expect("persona");
    assert!(persona < html.find("<h2>").expect("sections"));
}
