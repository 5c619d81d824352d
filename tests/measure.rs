//! Typed metrics through the real binary: `check` places scale errors at
//! the value's FILE:LINE:COL and warns about metrics asked differently at
//! different stages; saves keep both value forms; `import responses`
//! aggregates survey answers (mean, NPS, n) and refuses invalid rows.

mod support;

use support::Sandbox;

const MEASURED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/measure/measured.toml"
);

fn journey(touchpoints: &str) -> String {
    format!(
        "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"buy\"\nname = \"Buy\"\n\n[[stages]]\nid = \"use\"\nname = \"Use\"\n\n\
[[departments]]\nid = \"ops\"\nname = \"Ops\"\n\n\
[[metrics]]\nid = \"csat\"\nname = \"Satisfaction\"\nkind = \"csat\"\nscale = [1, 5]\ntarget = 4.0\nquestion = \"How satisfied?\"\n\n\
{touchpoints}"
    )
}

fn touchpoint(id: &str, stage: &str, metrics: &str) -> String {
    format!(
        "[[touchpoints]]\nid = \"{id}\"\nstage = \"{stage}\"\nname = \"{id}\"\nowner = \"ops\"\nexpected = 4\nactual = 4\nmetrics = {metrics}\n\n"
    )
}

#[test]
fn values_outside_their_scale_are_errors_at_the_value() {
    let sandbox = Sandbox::new();
    let text = journey(&format!(
        "{}{}",
        touchpoint("a", "buy", "{ dropoff = 0.4, csat = 6 }"),
        touchpoint("b", "use", "{ csat = { value = 0.5, n = 12 } }")
    ));
    sandbox.write("j.toml", &text);
    let run = sandbox.corridor(&["check", "j.toml"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    // Line 31 is a's metrics: `metrics = { dropoff = 0.4, csat = 6 }`, the
    // 6 in column 35; line 40 is b's, its `value` 0.5 in column 30.
    assert!(
        run.stdout
            .contains("j.toml:31:35: error: metric `csat` = 6 at `a` is outside its scale [1, 5]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "j.toml:40:30: error: metric `csat` = 0.5 at `b` is outside its scale [1, 5]"
        ),
        "{}",
        run.stdout
    );
    // A metric without a definition (dropoff) is fine, as before.
    assert!(!run.stdout.contains("dropoff"), "{}", run.stdout);
}

#[test]
fn a_metric_asked_differently_at_another_stage_is_a_warning() {
    let sandbox = Sandbox::new();
    let text = journey(&format!(
        "{}{}{}",
        touchpoint("a", "buy", "{ csat = 4 }"),
        touchpoint("b", "buy", "{ csat = 3 }"),
        touchpoint("c", "use", "{ csat = { value = 6, scale = [1, 7] } }")
    ));
    // Line 49 is c's metrics, its `value` in column 30.
    sandbox.write("j.toml", &text);
    let run = sandbox.corridor(&["check", "j.toml"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "j.toml:49:30: warning: metric `csat` at stage `use` uses scale [1, 7] where stage `buy` used [1, 5]: ask the same question"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 warning"), "{}", run.stdout);
}

#[test]
fn saves_keep_plain_numbers_plain_and_details_in_their_table() {
    let sandbox = Sandbox::new();
    let original = std::fs::read_to_string(MEASURED).expect("fixture");
    sandbox.write("m.toml", &original);
    let run = sandbox.corridor(&[
        "set",
        "m.toml",
        "engineer-visit.metrics.first_time_fix=0.7",
        "engineer-visit.actual=3",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let saved = sandbox.read("m.toml");
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [
            ("actual = 2", "actual = 3"),
            (
                "metrics = { csat = { value = 2.9, n = 212, period = \"2026-Q3\" }, first_time_fix = 0.61 }",
                "metrics = { csat = { value = 2.9, n = 212, period = \"2026-Q3\" }, first_time_fix = 0.7 }"
            )
        ]
    );
    assert_eq!(original.lines().count(), saved.lines().count());
    assert_eq!(sandbox.corridor(&["fmt", "--check", "m.toml"]).code, 0);
    let refused = sandbox.corridor(&["set", "m.toml", "engineer-visit.metrics.csat=6"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("outside its scale [1, 5]"),
        "{}",
        refused.stderr
    );
    assert_eq!(sandbox.read("m.toml"), saved);
}

#[test]
fn responses_become_means_and_nps_with_their_counts() {
    let sandbox = Sandbox::new();
    let original = std::fs::read_to_string(MEASURED).expect("fixture");
    sandbox.write("m.toml", &original);
    // CSAT 1-5: order-online 5, 4, 4 (mean 4.33); engineer-visit 2, 3 (2.5).
    sandbox.write(
        "csat.csv",
        "respondent,touchpoint,score\n1,order-online,5\n2,engineer-visit,2\n3,order-online,4\n4,order-online,4\n5,engineer-visit,3\n",
    );
    let run = sandbox.corridor(&[
        "import",
        "responses",
        "csat.csv",
        "m.toml",
        "--metric",
        "csat",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let saved = sandbox.read("m.toml");
    assert!(saved.contains(
        "metrics = { csat = { value = 4.33, n = 3, period = \"2026-Q3\", source = \"post-order survey\" } }"
    ));
    assert!(saved.contains(
        "metrics = { csat = { value = 2.5, n = 2, period = \"2026-Q3\" }, first_time_fix = 0.61 }"
    ));
    // Only those two lines changed.
    let changed = original
        .lines()
        .zip(saved.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 2);

    // NPS from 0-10 answers, by hand: 10 answers, promoters (9-10): 4,
    // passives (7-8): 3, detractors (0-6): 3. 40% - 30% = 10 points.
    let answers = [10, 9, 9, 10, 7, 8, 8, 6, 0, 3];
    let mut csv = String::from("Touchpoint;Answer\n");
    for a in answers {
        csv.push_str(&format!("first-bill;{a}\n"));
    }
    sandbox.write("nps.csv", &csv.replace(';', ","));
    let run = sandbox.corridor(&[
        "import",
        "responses",
        "nps.csv",
        "m.toml",
        "--metric",
        "nps",
        "--score-column",
        "answer",
        "--period",
        "2026-Q4",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        sandbox
            .read("m.toml")
            .contains("metrics = { nps = { value = 10, n = 10, period = \"2026-Q4\" } }"),
        "{}",
        sandbox.read("m.toml")
    );
    assert_eq!(sandbox.corridor(&["check", "m.toml"]).code, 0);
}

#[test]
fn invalid_rows_are_named_by_line_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let original = std::fs::read_to_string(MEASURED).expect("fixture");
    sandbox.write("m.toml", &original);
    sandbox.write(
        "r.csv",
        "tp,score\norder-online,5\nnobody,4\nengineer-visit,9\nengineer-visit,x\nengineer-visit,3\n",
    );
    let args = [
        "import",
        "responses",
        "r.csv",
        "m.toml",
        "--metric",
        "csat",
        "--id-column",
        "tp",
    ];
    let run = sandbox.corridor(&args);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("r.csv:3:1: error: no touchpoint `nobody` in the journey"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("r.csv:4:2: error: score 9 is outside the scale [1, 5]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("r.csv:5:2: error: score \"x\" is not a number"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nothing written (3 rows of 5 invalid"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.read("m.toml"), original);

    let mut skipping = args.to_vec();
    skipping.push("--skip-invalid");
    let run = sandbox.corridor(&skipping);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("csat of 2 touchpoints updated from 2 responses (3 skipped)"),
        "{}",
        run.stdout
    );
    assert!(
        sandbox
            .read("m.toml")
            .contains("csat = { value = 3, n = 1, period = \"2026-Q3\" }")
    );
}

#[test]
fn fmt_puts_economics_after_the_header_and_metrics_before_touchpoints() {
    let sandbox = Sandbox::new();
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n\
[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"T\"\nvolume = 10\nmetrics = { csat = 4 }\n\n\
[[metrics]]\nid = \"csat\"\nname = \"Satisfaction\"\n\n\
# The assumptions of the value at stake.\n[economics]\nchurn = { shortfall = 0.1, critical = 0.3 }\nvalue_per_customer = 50\ncurrency = \"EUR\"\n";
    sandbox.write("j.toml", text);
    let run = sandbox.corridor(&["fmt", "j.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        sandbox.read("j.toml"),
        "schema = 1\ntitle = \"T\"\n\n\
# The assumptions of the value at stake.\n[economics]\ncurrency = \"EUR\"\nvalue_per_customer = 50\nchurn = { shortfall = 0.1, critical = 0.3 }\n\n\
[[stages]]\nid = \"s\"\nname = \"S\"\n\n\
[[metrics]]\nid = \"csat\"\nname = \"Satisfaction\"\n\n\
[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"T\"\nvolume = 10\nmetrics = { csat = 4 }\n"
    );
    assert_eq!(sandbox.corridor(&["check", "j.toml"]).code, 0);
}

#[test]
fn reports_give_value_at_stake_with_its_assumptions() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "m.toml",
        &std::fs::read_to_string(MEASURED).expect("fixture"),
    );
    let md = sandbox.corridor(&["report", "m.toml", "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    // 800 x 0.3 x 1000 at the critical engineer visit, 780 x 0.1 x 1000 at
    // the first bill (a shortfall): 318,000 in all.
    for line in [
        "| Value per customer                               |   EUR 1,000 |",
        "| Share lost after a critical touchpoint           |         0.3 |",
        "| Journey total                                    | EUR 318,000 |",
        "| Engineer visit | critical  |    800 |   0.3 | EUR 240,000 |",
        "| First bill     | shortfall |    780 |   0.1 |  EUR 78,000 |",
        "| Engineer visit | Satisfaction   |   2.9 | 212 | 2026-Q3 |      4 | missed by 1.1  |",
    ] {
        assert!(md.stdout.contains(line), "{line}\n{}", md.stdout);
    }
    assert!(md.stdout.contains("volume x churn share"), "{}", md.stdout);
    let json = sandbox.corridor(&["report", "m.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let stake = &value["value_at_stake"];
    assert_eq!(stake["total"], 318_000.0);
    assert_eq!(stake["departments"][0]["id"], "field");
    assert_eq!(stake["partners"][0]["value_at_stake"], 240_000.0);
    assert_eq!(stake["assumptions"]["churn"]["critical"], 0.3);
    // Without [economics], no money anywhere.
    let plain = std::fs::read_to_string(MEASURED)
        .expect("fixture")
        .replace("[economics]\ncurrency = \"EUR\"\nvalue_per_customer = 1000\nchurn = { critical = 0.3, shortfall = 0.1 }\n\n", "");
    sandbox.write("plain.toml", &plain);
    let md = sandbox.corridor(&["report", "plain.toml", "--format", "md"]);
    assert!(!md.stdout.contains("EUR"), "{}", md.stdout);
    let json = sandbox.corridor(&["report", "plain.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert!(value["value_at_stake"].is_null());
}

#[test]
fn set_and_diff_reach_metric_definitions() {
    let sandbox = Sandbox::new();
    let original = std::fs::read_to_string(MEASURED).expect("fixture");
    sandbox.write("old.toml", &original);
    sandbox.write("m.toml", &original);
    // A metric id may hold `_`, as touchpoint metric names do.
    let run = sandbox.corridor(&["set", "m.toml", "metric:first_time_fix.target=0.9"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(sandbox.read("m.toml").contains("target = 0.9\n"));
    let diff = sandbox.corridor(&["diff", "old.toml", "m.toml"]);
    assert!(
        diff.stdout
            .contains("~ metric first_time_fix  First-time fix")
            && diff.stdout.contains("target: 0.85 -> 0.9"),
        "{}",
        diff.stdout
    );
    let refused = sandbox.corridor(&["set", "m.toml", "metric:csat.target=7"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("outside its scale [1, 5]"),
        "{}",
        refused.stderr
    );
}
