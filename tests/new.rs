//! `corridor new`: every template makes a file `check` accepts, sample
//! templates keep structure and expectations but no scores of experience,
//! and nothing is ever written over an existing file.

mod support;

use corridor::model::Journey;
use corridor::store::parse_journey;
use support::Sandbox;

const TEMPLATES: [&str; 4] = [
    "blank",
    "b2b-onboarding",
    "online-order-courier",
    "subscription-renewal",
];

fn journey_of(text: &str) -> Journey {
    parse_journey(text).journey.expect("the file parses")
}

#[test]
fn every_template_makes_a_file_check_accepts() {
    let sandbox = Sandbox::new();
    for name in TEMPLATES {
        let file = format!("{name}-copy.toml");
        let run = sandbox.corridor(&["new", &file, "--template", name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stdout.contains(&file), "{}", run.stdout);
        let check = sandbox.corridor(&["check", &file]);
        assert_eq!(check.code, 0, "{name}: {}{}", check.stdout, check.stderr);
        assert!(
            check.stdout.contains(": 0 errors,"),
            "{name}: {}",
            check.stdout
        );
        assert!(!check.stdout.contains(": error:"), "{}", check.stdout);
        let fmt = sandbox.corridor(&["fmt", "--check", &file]);
        assert_eq!(
            fmt.code, 0,
            "{name} is in the canonical layout: {}",
            fmt.stdout
        );
    }
}

#[test]
fn a_template_keeps_the_sample_structure_without_what_customers_got() {
    let sandbox = Sandbox::new();
    for name in &TEMPLATES[1..] {
        let sample = journey_of(
            &std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src/cli/new/templates")
                    .join(format!("{name}.toml")),
            )
            .expect("template source"),
        );
        let file = format!("{name}.toml");
        let run = sandbox.corridor(&["new", &file, "-t", name]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = sandbox.read(&file);
        let made = journey_of(&text);

        let ids = |j: &Journey| -> (Vec<String>, Vec<String>) {
            (
                j.stages.iter().map(|s| s.id.to_string()).collect(),
                j.touchpoints.iter().map(|t| t.id.to_string()).collect(),
            )
        };
        assert_eq!(ids(&made), ids(&sample), "{name}: stages and touchpoints");
        assert_eq!(made.departments, sample.departments);
        assert_eq!(made.partners, sample.partners);
        assert_eq!(made.persona, sample.persona);
        for (m, s) in made.touchpoints.iter().zip(&sample.touchpoints) {
            assert_eq!(
                (&m.name, &m.channel, &m.owner, &m.partner),
                (&s.name, &s.channel, &s.owner, &s.partner)
            );
            assert_eq!((&m.expectation, m.expected), (&s.expectation, s.expected));
            assert_eq!(m.moment_of_truth, s.moment_of_truth);
            assert!(m.actual.is_none() && m.experience.is_none() && m.emotion.is_none());
            assert!(m.evidence.is_empty() && m.metrics.is_empty() && m.notes.is_none());
        }
        assert!(made.actions.is_empty(), "{name}: no actions");
        assert!(!sample.actions.is_empty());
        for key in [
            "actual",
            "experience",
            "emotion",
            "evidence",
            "metrics",
            "notes",
        ] {
            assert!(
                !text.lines().any(|l| l.starts_with(&format!("{key} ="))),
                "{name}: no `{key}` line"
            );
        }
        assert!(!text.lines().any(|l| l == "[[actions]]"), "{name}");
        assert!(
            text.starts_with(&format!("# Started from the `{name}` template")),
            "{name}: {text}"
        );
        let header = sample_header(name);
        assert!(
            text.contains(&header),
            "{name}: the sample's header comment"
        );
    }
}

/// The comment paragraph at the top of a bundled journey.
fn sample_header(name: &str) -> String {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/cli/new/templates")
            .join(format!("{name}.toml")),
    )
    .expect("template source");
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn an_existing_file_is_refused_and_left_as_it_is() {
    let sandbox = Sandbox::new();
    let before = "not even a journey\n";
    sandbox.write("taken.toml", before);
    for template in ["blank", "b2b-onboarding"] {
        let run = sandbox.corridor(&["new", "taken.toml", "--template", template]);
        assert_eq!(run.code, 2, "{}", run.stdout);
        assert!(run.stderr.contains("already exists"), "{}", run.stderr);
        assert_eq!(sandbox.read("taken.toml"), before);
    }
    let entries = std::fs::read_dir(sandbox.root())
        .expect("read folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != ".sandbox")
        .count();
    assert_eq!(entries, 1, "no temporary or other file left behind");
}

#[test]
fn an_unknown_template_exits_2_listing_the_names() {
    let sandbox = Sandbox::new();
    let run = sandbox.corridor(&["new", "x.toml", "--template", "retail"]);
    assert_eq!(run.code, 2);
    for name in TEMPLATES {
        assert!(run.stderr.contains(name), "{name} in {}", run.stderr);
    }
    assert!(!sandbox.path("x.toml").exists());
}

#[test]
fn templates_are_listed_with_a_line_each() {
    let sandbox = Sandbox::new();
    for args in [
        &["new", "--list-templates"][..],
        &["new", "--template", "list"][..],
    ] {
        let run = sandbox.corridor(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), TEMPLATES.len(), "{}", run.stdout);
        for (line, name) in lines.iter().zip(TEMPLATES) {
            assert!(line.starts_with(name), "{line}");
            assert!(line.len() > name.len() + 10, "a description: {line}");
        }
    }
    let run = sandbox.corridor(&["new"]);
    assert_eq!(run.code, 2, "FILE is needed to create anything");
}

#[test]
fn blank_takes_its_title_from_the_file_name() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("journeys")).expect("folder");
    let run = sandbox.corridor(&["new", "journeys/home-insurance_claim.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let journey = journey_of(&sandbox.read("journeys/home-insurance_claim.toml"));
    assert_eq!(journey.title, "Home insurance claim");
    let stages: Vec<String> = journey.stages.iter().map(|s| s.id.to_string()).collect();
    assert_eq!(stages, ["buy", "own", "advocate"]);
    assert_eq!(journey.departments.len(), 1);
    assert_eq!(journey.touchpoints.len(), 1);
    assert!(journey.persona.is_none() && journey.actions.is_empty());
}

#[test]
fn a_missing_folder_inside_an_existing_one_is_made() {
    let sandbox = Sandbox::new();
    let run = sandbox.corridor(&["new", "journeys/move.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let journey = journey_of(&sandbox.read("journeys/move.toml"));
    assert_eq!(journey.title, "Move");
}

#[test]
fn a_missing_folder_path_is_an_error_and_nothing_is_created() {
    let sandbox = Sandbox::new();
    let run = sandbox.corridor(&["new", "missing/deeper/x.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no such folder"), "{}", run.stderr);
    assert!(!sandbox.path("missing").exists());
}
