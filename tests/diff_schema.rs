//! `corridor diff --format json` validates against docs/diff.schema.json
//! for every kind of change.

mod support;

use support::Sandbox;

fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diff.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

#[test]
fn every_kind_of_change_validates() {
    let sandbox = Sandbox::new();
    sandbox.bundled("b2b-onboarding", "old.toml");
    sandbox.bundled("b2b-onboarding", "new.toml");
    let edits: [&[&str]; 4] = [
        &["kickoff-call.actual=4", "webinar.expected=2"],
        &[
            "stage:discover.name=Find",
            "journey.promise=Live in 30 days",
        ],
        &[
            "webinar.stage=evaluate",
            "kickoff-call.evidence+=A new quote",
        ],
        &["department:sales.id=sales-uk"],
    ];
    let validator = validator();
    for assignments in edits {
        let mut args = vec!["set", "new.toml"];
        args.extend_from_slice(assignments);
        let set = sandbox.corridor(&args);
        assert_eq!(set.code, 0, "{}", set.stderr);
        let run = sandbox.corridor(&["diff", "old.toml", "new.toml", "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{assignments:?}: {errors:#?}");
        assert_eq!(value["schema"], "corridor-diff/2");
    }
    // A touchpoint removed and one added: their `null` sides validate too.
    let text = sandbox
        .read("new.toml")
        .replace("id = \"webinar\"", "id = \"webinar-2\"");
    sandbox.write(
        "new.toml",
        &text.replace("name = \"Attends", "name = \"Joins"),
    );
    let run = sandbox.corridor(&["diff", "old.toml", "new.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(
        validator.iter_errors(&value).next().is_none(),
        "{}",
        run.stdout
    );
    let mut broken = value.clone();
    broken["counts"]["improved"] = serde_json::json!(-1);
    assert!(
        validator.iter_errors(&broken).next().is_some(),
        "the schema bites"
    );
}
