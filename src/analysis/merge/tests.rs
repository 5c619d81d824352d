use super::*;
use crate::model::{Journey, Score};
use crate::store::parse_journey;

const BASE: &str = r#"schema = 1
title = "Merge"

[[stages]]
id = "find"
name = "Find"

[[stages]]
id = "buy"
name = "Buy"

[[departments]]
id = "sales"
name = "Sales"

[[touchpoints]]
id = "ad"
stage = "find"
name = "Sees an ad"
owner = "sales"
expected = 3
actual = 3
metrics = { ctr = 0.1, reach = 100 }

[[touchpoints]]
id = "page"
stage = "find"
name = "Reads the page"
expected = 4
actual = 2

[[touchpoints]]
id = "pay"
stage = "buy"
name = "Pays"
owner = "sales"

[[actions]]
id = "fix-page"
touchpoint = "page"
title = "Fix the page"
owner = "sales"
"#;

fn journey(text: &str) -> Journey {
    let parsed = parse_journey(text);
    parsed
        .journey
        .unwrap_or_else(|| panic!("valid journey: {:?}\n{text}", parsed.findings))
}

fn edit(f: impl FnOnce(&mut Journey)) -> Journey {
    let mut j = journey(BASE);
    f(&mut j);
    j
}

fn ids(list: &[crate::model::Touchpoint]) -> Vec<&str> {
    list.iter().map(|t| t.id.as_str()).collect()
}

fn touchpoint(id: &str, stage: &str) -> crate::model::Touchpoint {
    crate::model::Touchpoint::new(
        Id::new(id).expect("id"),
        Id::new(stage).expect("id"),
        format!("Touchpoint {id}"),
    )
}

fn run(ours: &Journey, theirs: &Journey) -> Merge {
    merge(&journey(BASE), ours, theirs, Options::default())
}

#[test]
fn one_side_changed_gives_that_side() {
    let base = journey(BASE);
    let changed = edit(|j| {
        j.touchpoints[1].actual = Score::new(4).ok();
        j.touchpoints.swap(0, 1);
        j.touchpoints.push(touchpoint("new", "buy"));
    });
    assert_eq!(run(&base, &changed).journey, changed);
    assert_eq!(run(&changed, &base).journey, changed);
    assert!(run(&changed, &base).conflicts.is_empty());
    assert_eq!(run(&base, &changed).taken, 3);
}

#[test]
fn additions_at_the_same_place_keep_both_ours_first() {
    let ours = edit(|j| j.touchpoints.insert(2, touchpoint("mine", "find")));
    let theirs = edit(|j| j.touchpoints.insert(2, touchpoint("yours", "find")));
    let m = run(&ours, &theirs);
    assert!(m.conflicts.is_empty());
    assert_eq!(
        ids(&m.journey.touchpoints),
        ["ad", "page", "mine", "yours", "pay"]
    );
    // THEIRS's entry is new to OURS's file; OURS's keep their tables.
    assert_eq!(m.journey.touchpoints[3].origin.index(), None);
    assert_eq!(m.journey.touchpoints[4].origin.index(), Some(2));
}

#[test]
fn a_chain_added_at_the_start_stays_in_order() {
    let ours = edit(|j| j.touchpoints.insert(0, touchpoint("mine", "find")));
    let theirs = edit(|j| {
        j.touchpoints.insert(0, touchpoint("b", "find"));
        j.touchpoints.insert(0, touchpoint("a", "find"));
    });
    let m = run(&ours, &theirs);
    assert_eq!(
        ids(&m.journey.touchpoints),
        ["mine", "a", "b", "ad", "page", "pay"]
    );
}

#[test]
fn different_fields_of_one_touchpoint_both_apply() {
    let ours = edit(|j| j.touchpoints[0].actual = Score::new(1).ok());
    let theirs = edit(|j| j.touchpoints[0].notes = Some("Seen twice".into()));
    let m = run(&ours, &theirs);
    assert!(m.conflicts.is_empty());
    let ad = &m.journey.touchpoints[0];
    assert_eq!(ad.actual.map(Score::get), Some(1));
    assert_eq!(ad.notes.as_deref(), Some("Seen twice"));
}

#[test]
fn metrics_and_evidence_merge_item_by_item() {
    let ours = edit(|j| {
        j.touchpoints[0].metrics[0].value = 0.2;
        j.touchpoints[0].evidence = vec!["one".into()];
    });
    let theirs = edit(|j| {
        j.touchpoints[0].metrics.remove(1);
        j.touchpoints[0].evidence = vec!["two".into()];
    });
    let m = run(&ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let ad = &m.journey.touchpoints[0];
    assert_eq!(ad.metrics.len(), 1);
    assert_eq!(
        (ad.metrics[0].name.as_str(), ad.metrics[0].value),
        ("ctr", 0.2)
    );
    assert_eq!(ad.evidence, ["one", "two"]);
}

#[test]
fn a_renamed_department_takes_the_other_sides_new_touchpoint_along() {
    let ours = edit(|j| {
        crate::model::rename(
            j,
            Kind::Department,
            &Id::new("sales").expect("id"),
            Id::new("revenue").expect("id"),
        )
        .expect("renamed");
    });
    let theirs = edit(|j| {
        let mut t = touchpoint("call", "buy");
        t.owner = Some(Id::new("sales").expect("id"));
        j.touchpoints.push(t);
    });
    for (o, t) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = run(o, t);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let j = &m.journey;
        assert_eq!(j.departments[0].id.as_str(), "revenue");
        assert!(
            j.touchpoints
                .iter()
                .chain([j.touchpoint("call").expect("call")])
                .filter_map(|t| t.owner.as_ref())
                .all(|o| o.as_str() == "revenue")
        );
        assert_eq!(j.actions[0].owner.as_ref().map(Id::as_str), Some("revenue"));
        assert!(
            crate::analysis::validate(j)
                .iter()
                .all(|f| f.severity != crate::model::Severity::Error)
        );
    }
}

#[test]
fn a_move_and_an_edit_of_the_same_touchpoint_both_apply() {
    let ours = edit(|j| {
        let page = j.touchpoints.remove(1);
        j.touchpoints.insert(0, page);
    });
    let theirs = edit(|j| j.touchpoints[1].actual = Score::new(5).ok());
    for (o, t) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = run(o, t);
        assert!(m.conflicts.is_empty());
        assert_eq!(ids(&m.journey.touchpoints), ["page", "ad", "pay"]);
        assert_eq!(m.journey.touchpoints[0].actual.map(Score::get), Some(5));
    }
}

#[test]
fn the_same_field_to_two_values_is_a_conflict() {
    let ours = edit(|j| j.touchpoints[1].actual = Score::new(1).ok());
    let theirs = edit(|j| j.touchpoints[1].actual = Score::new(5).ok());
    let m = run(&ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].describe(),
        "touchpoint page: `actual` changed on both sides: base 2, ours 1, theirs 5"
    );
    assert_eq!(m.journey.touchpoints[1].actual.map(Score::get), Some(1));
    let theirs_wins = merge(
        &journey(BASE),
        &ours,
        &theirs,
        Options {
            prefer: Side::Theirs,
            keep_changed: false,
        },
    );
    assert_eq!(
        theirs_wins.journey.touchpoints[1].actual.map(Score::get),
        Some(5)
    );
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let ours = edit(|j| {
        j.touchpoints.remove(2);
    });
    let theirs = edit(|j| j.touchpoints[2].notes = Some("Cards only".into()));
    let m = run(&ours, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].describe(),
        "touchpoint pay: removed by ours but changed by theirs (notes)"
    );
    assert!(m.journey.touchpoint("pay").is_none());
    let kept = merge(
        &journey(BASE),
        &ours,
        &theirs,
        Options {
            prefer: Side::Ours,
            keep_changed: true,
        },
    );
    assert_eq!(ids(&kept.journey.touchpoints), ["ad", "page", "pay"]);
    // Removed on both sides, or removed and untouched: gone, no conflict.
    let m = run(&ours, &ours);
    assert!(m.conflicts.is_empty());
    let m = run(&journey(BASE), &ours);
    assert!(m.journey.touchpoint("pay").is_none());
}

#[test]
fn header_fields_merge_three_way() {
    let ours = edit(|j| j.title = "Ours".into());
    let theirs = edit(|j| j.persona = Some(crate::model::Persona::Line("Buyer".into())));
    let m = run(&ours, &theirs);
    assert_eq!(m.journey.title, "Ours");
    assert_eq!(
        m.journey.persona,
        Some(crate::model::Persona::Line("Buyer".into()))
    );
    let clash = run(&ours, &edit(|j| j.title = "Theirs".into()));
    assert_eq!(clash.conflicts.len(), 1);
    assert_eq!(clash.conflicts[0].subject(), "journey");
}
