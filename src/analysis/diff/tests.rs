//! Tests of the semantic diff.

use super::*;
use crate::model::{Action, ActionStatus, Department, Kind, Metric, Origin, Score, Stage};

fn id(text: &str) -> Id {
    Id::new(text).expect("id")
}

fn touchpoint(tp: &str, stage: &str, expected: i64, actual: i64) -> Touchpoint {
    let mut t = Touchpoint::new(id(tp), id(stage), format!("Touchpoint {tp}"));
    t.expected = Score::new(expected).ok();
    t.actual = Score::new(actual).ok();
    t.owner = Some(id("sales"));
    t
}

fn journey() -> Journey {
    let stage = |s: &str| Stage {
        origin: Origin::NEW,
        id: id(s),
        name: s.to_uppercase(),
        phase: None,
    };
    Journey {
        schema: 1,
        title: "J".into(),
        stages: vec![stage("buy"), stage("own")],
        departments: vec![Department {
            origin: Origin::NEW,
            id: id("sales"),
            name: "Sales".into(),
            lead: None,
        }],
        touchpoints: vec![
            touchpoint("a", "buy", 4, 2),
            touchpoint("b", "buy", 3, 3),
            touchpoint("c", "own", 3, 2),
        ],
        actions: vec![Action {
            origin: Origin::NEW,
            id: id("fix-a"),
            touchpoint: id("a"),
            title: "Fix a".into(),
            owner: None,
            status: ActionStatus::Open,
            due: None,
            target: None,
        }],
        ..Journey::default()
    }
}

#[test]
fn identical_journeys_have_no_differences() {
    let (a, b) = (journey(), journey());
    let d = diff(&a, &b);
    assert!(d.is_empty());
    assert_eq!(d.summary_line(), "no differences");
    assert!(d.departments.iter().all(|o| !o.changed()));
}

#[test]
fn a_score_change_reports_the_field_and_the_gap() {
    let old = journey();
    let mut new = journey();
    new.touchpoints[0].actual = Score::new(3).ok();
    let d = diff(&old, &new);
    assert_eq!(d.touchpoints.len(), 1);
    let t = &d.touchpoints[0];
    assert_eq!(t.status, Status::Changed);
    assert_eq!(
        t.fields,
        vec![FieldChange {
            field: "actual".into(),
            old: Some("2".into()),
            new: Some("3".into())
        }]
    );
    assert_eq!(t.gap.trend(), Trend::Improved);
    assert_eq!(
        (t.gap.old_class(), t.gap.new_class()),
        (GapClass::Critical, GapClass::Shortfall)
    );
    let sales = &d.departments[0];
    assert!(sales.changed());
    assert_eq!(sales.old.as_ref().map(|f| f.critical), Some(1));
    assert_eq!(sales.new.as_ref().map(|f| f.critical), Some(0));
    assert_eq!((d.before.figures.debt, d.after.figures.debt), (-3, -2));
    assert_eq!(
        d.summary_line(),
        "1 touchpoint changed (1 improved); experience debt -3 -> -2, below expectation 2, critical 1 -> 0"
    );
}

#[test]
fn a_lowered_expectation_is_not_an_improvement() {
    let old = journey();
    let mut lowered = journey();
    lowered.touchpoints[0].expected = Score::new(2).ok();
    let d = diff(&old, &lowered);
    let t = &d.touchpoints[0];
    assert_eq!(t.gap.trend(), Trend::ExpectationLowered);
    assert_eq!(t.gap.reasons(), [Trend::ExpectationLowered]);
    let s = d.summary();
    assert_eq!((s.improved, s.worsened, s.expectation_lowered), (0, 0, 1));
    assert_eq!(
        d.summary_line(),
        "1 touchpoint changed (1 expectation lowered); experience debt -3 -> -1, below expectation 2 -> 1, critical 1 -> 0"
    );

    let mut raised = journey();
    raised.touchpoints[1].expected = Score::new(5).ok();
    let d = diff(&old, &raised);
    assert_eq!(d.touchpoints[0].gap.trend(), Trend::ExpectationRaised);
    assert_eq!(d.summary().worsened, 0);

    // Both moved: the experience decides, the expectation is said too.
    let mut both = journey();
    both.touchpoints[0].expected = Score::new(3).ok();
    both.touchpoints[0].actual = Score::new(1).ok();
    let d = diff(&old, &both);
    let t = &d.touchpoints[0];
    assert_eq!(
        t.gap.reasons(),
        [Trend::Worsened, Trend::ExpectationLowered]
    );
    assert_eq!(d.summary().worsened, 1);
}

#[test]
fn added_removed_and_renamed() {
    let old = journey();
    let mut new = journey();
    new.touchpoints.remove(1);
    new.touchpoints.push(touchpoint("d", "own", 2, 1));
    new.touchpoints[0].id = id("a-renamed");
    new.actions[0].touchpoint = id("a-renamed");
    let d = diff(&old, &new);
    let statuses: Vec<(Status, &str)> = d
        .touchpoints
        .iter()
        .map(|t| (t.status, t.touchpoint().map_or("", |t| t.id.as_str())))
        .collect();
    assert_eq!(
        statuses,
        vec![
            (Status::Changed, "a-renamed"),
            (Status::Added, "d"),
            (Status::Removed, "b")
        ]
    );
    assert_eq!(d.touchpoints[0].fields[0].field, "id");
    assert_eq!(d.entries.len(), 1, "the action follows the rename");
    assert_eq!(d.entries[0].fields[0].field, "touchpoint");
}

#[test]
fn moves_by_stage_and_by_order() {
    let old = journey();
    let mut new = journey();
    new.touchpoints.swap(0, 1);
    new.touchpoints[2].stage = id("buy");
    let d = diff(&old, &new);
    let moved: Vec<(&str, usize, usize)> = d
        .touchpoints
        .iter()
        .filter_map(|t| {
            let m = t.moved.as_ref()?;
            Some((t.new?.id.as_str(), m.old_position, m.new_position))
        })
        .collect();
    // One of a and b moved (the other stays); c changed stage only.
    assert_eq!(moved.len(), 2);
    assert!(moved.contains(&("c", 3, 3)));
    assert_eq!(d.summary().moved, 2);
    assert!(d.touchpoints.iter().all(|t| t.fields.is_empty()));
}

#[test]
fn evidence_metrics_and_entries() {
    let old = journey();
    let mut new = journey();
    new.touchpoints[1].evidence.push("Interview 4".into());
    new.touchpoints[1].metrics.push(Metric::new("csat", 3.5));
    new.actions[0].status = ActionStatus::Done;
    new.stages.swap(0, 1);
    new.title = "J2".into();
    let d = diff(&old, &new);
    let b = d
        .touchpoints
        .iter()
        .find(|t| t.new.is_some_and(|t| t.id.as_str() == "b"))
        .expect("b changed");
    let fields: Vec<&str> = b.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["evidence", "metrics.csat"]);
    assert_eq!(b.fields[1].new.as_deref(), Some("3.5"));
    let entries: Vec<(Kind, &str)> = d
        .entries
        .iter()
        .map(|e| (e.kind, e.fields[0].field.as_str()))
        .collect();
    assert_eq!(
        entries,
        vec![(Kind::Stage, "position"), (Kind::Action, "status")]
    );
    assert_eq!(d.header[0].field, "title");
    assert_eq!((d.before.open_actions, d.after.open_actions), (1, 0));
    // Swapping stages reorders the corridor: touchpoints move too.
    assert!(d.summary().moved > 0);
}

#[test]
fn repeated_ids_pair_in_order() {
    let mut old = journey();
    let mut again = old.actions[0].clone();
    again.title = "Fix a again".into();
    again.touchpoint = id("b");
    old.actions.push(again);
    let mut twin = touchpoint("a", "own", 1, 5);
    twin.name = "Another a".into();
    old.touchpoints.push(twin);
    assert!(diff(&old, &old.clone()).is_empty());

    let mut new = old.clone();
    new.actions[1].title = "Fix a, second".into();
    new.touchpoints[3].actual = Score::new(4).ok();
    let d = diff(&old, &new);
    let titles: Vec<_> = d
        .entries
        .iter()
        .map(|e| (e.status, e.name.as_str()))
        .collect();
    assert_eq!(titles, vec![(Status::Changed, "Fix a, second")]);
    let changed: Vec<_> = d
        .touchpoints
        .iter()
        .map(|t| (t.status, t.fields.len()))
        .collect();
    assert_eq!(changed, vec![(Status::Changed, 1)]);
    assert_eq!(
        d.touchpoints[0].new.map(|t| t.name.as_str()),
        Some("Another a")
    );
}
