//! Reports of a journey with a service blueprint and a persona card: the
//! JSON carries the steps, the card and the figures behind the line (and
//! validates against the schema), Markdown has the blueprint as a table and
//! opens with the persona, HTML draws the blueprint as inline SVG.

use corridor::analysis::department_figures;
use corridor::model::Journey;
use corridor::report::Format;

use super::{
    assert_inert, assert_only_own_tags, assert_valid, journey_at, render, root, validator,
};

fn blueprints() -> Vec<(String, Journey)> {
    ["b2b-onboarding.toml", "b2b-onboarding_future.toml"]
        .into_iter()
        .map(|f| {
            let path = root().join("tests/fixtures/blueprint").join(f);
            (f.to_owned(), journey_at(&path))
        })
        .collect()
}

#[test]
fn json_carries_steps_persona_and_figures_behind_the_line() {
    let validator = validator();
    for (file, journey) in blueprints() {
        let value: serde_json::Value =
            serde_json::from_str(&render(&journey, Format::Json)).expect("JSON");
        assert_valid(&validator, &file, &value);
        let steps = value["journey"]["steps"].as_array().expect("steps");
        assert_eq!(steps.len(), journey.steps.len(), "{file}");
        for (json, step) in steps.iter().zip(&journey.steps) {
            assert_eq!(json["id"], step.id.as_str());
            assert_eq!(json["lane"], step.lane.name());
            assert_eq!(json["fail_point"], step.fail_point);
        }
        let card = journey
            .persona
            .as_ref()
            .and_then(|p| p.card())
            .expect("card");
        assert_eq!(value["journey"]["persona_card"]["name"], card.name.as_str());
        assert_eq!(
            value["journey"]["state"],
            journey.state.map(|s| s.name()).expect("a state")
        );
        let mut broken = value.clone();
        broken["journey"]["steps"][0]["lane"] = serde_json::json!("offstage");
        assert!(!validator.is_valid(&broken), "the schema checks lanes");
    }
}

#[test]
fn markdown_opens_with_the_persona_and_tables_the_blueprint() {
    let (_, journey) = blueprints().remove(0);
    let md = render(&journey, Format::Md);
    let persona = md.find("## Persona").expect("persona section");
    let summary = md.find("## Summary").expect("summary");
    assert!(persona < summary, "the report opens with the persona");
    let at = md.find("## Service blueprint").expect("blueprint section");
    let rows: Vec<&str> = md[at..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .collect();
    let with_steps = journey
        .touchpoints
        .iter()
        .filter(|t| journey.steps_for(&t.id).next().is_some())
        .count();
    assert_eq!(rows.len(), with_steps);
    for step in &journey.steps {
        assert!(md.contains(&step.name), "{}", step.id);
    }
    let payroll = rows
        .iter()
        .find(|r| r.contains("Payroll connector"))
        .expect("payroll row");
    assert!(
        payroll.contains("⚠ Northbridge builds a custom payroll mapping (Northbridge Consulting)")
    );
    assert!(md.contains("## Behind the line of visibility"));
    assert_inert("md", &md);
}

#[test]
fn html_draws_the_blueprint_in_svg_with_the_line_of_visibility() {
    let (_, journey) = blueprints().remove(0);
    let html = render(&journey, Format::Html);
    assert_only_own_tags("blueprint", &html);
    assert_inert("html", &html);
    let start = html
        .find("<svg class=\"blueprint\"")
        .expect("blueprint svg");
    let svg = &html[start..start + html[start..].find("</svg>").expect("end")];
    assert!(svg.contains("line of visibility"));
    assert_eq!(
        svg.matches("<g class=\"step\">").count(),
        journey.steps.len()
    );
    let fail_points = journey.steps.iter().filter(|s| s.fail_point).count();
    assert_eq!(svg.matches("stroke=\"#c62828\"").count(), fail_points);
    assert!(html.contains("<h4>Persona</h4>"));
    // Faced and behind, one row per department or partner that has either.
    let resourcing = department_figures(&journey)
        .into_iter()
        .find(|d| d.id.as_str() == "resourcing")
        .expect("resourcing");
    assert_eq!(resourcing.figures.count, 0, "faces no customer");
    assert_eq!(resourcing.behind.critical, 3, "behind three critical gaps");
    assert!(html.contains("Behind the line of visibility"));
}
