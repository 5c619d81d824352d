//! `update` tests of the `E` list: every kind created from it, the first
//! one included, edited, moved, deleted and undone.

use crate::analysis::validate;
use crate::model::{ActionStatus, Id, Kind, Severity, Target};
use crate::store::parse_journey;
use crate::tui::action::Action;
use crate::tui::effects::save;
use crate::tui::forms::{PickRow, pick_rows};
use crate::tui::state::{AppState, Mode, Typing};
use crate::tui::update::test_support::{bare, courier, form, go_to, journey, set_field, type_text};
use crate::tui::update::update;

/// Opens `E` and moves to `row`.
fn pick(state: &mut AppState, row: &PickRow) {
    if !matches!(state.mode, Mode::Pick { .. }) {
        update(state, Action::EditOther);
    }
    let at = pick_rows(journey(state))
        .iter()
        .position(|(r, _)| r == row)
        .unwrap_or_else(|| panic!("{row:?} listed"));
    update(state, Action::Home);
    for _ in 0..at {
        update(state, Action::Down);
    }
}

fn id(text: &str) -> Id {
    Id::new(text).expect("id")
}

fn errors(state: &AppState) -> Vec<String> {
    validate(journey(state))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect()
}

#[test]
fn every_kind_is_created_in_a_journey_that_has_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = bare(dir.path());
    update(&mut state, Action::EditOther);
    let listed: Vec<PickRow> = pick_rows(journey(&state))
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(listed.len(), 6, "the header and five headings: {listed:?}");

    // a on a heading adds the first entry of that kind, typing its name.
    for (kind, name, expected) in [
        (Kind::Stage, "Discover", "discover"),
        (Kind::Department, "Customer care", "customer-care"),
        (Kind::Partner, "Metrix", "metrix"),
        (Kind::MetricDef, "First-time fix", "first-time-fix"),
    ] {
        pick(&mut state, &PickRow::Heading(kind));
        update(&mut state, Action::Add);
        assert!(form(&state).fresh && form(&state).typing == Some(Typing::Line));
        type_text(&mut state, name);
        // Esc keeps what was typed and goes back to the list, on the entry.
        update(&mut state, Action::Back);
        let Mode::Pick { row } = state.mode else {
            panic!("back in the list: {:?}", state.mode);
        };
        assert_eq!(
            pick_rows(journey(&state))[row].0,
            PickRow::Entry(kind, id(expected))
        );
    }
    update(&mut state, Action::Back);

    // The first touchpoint, its channel, owner and partner from their lists.
    update(&mut state, Action::Add);
    type_text(&mut state, "Reads the pricing page");
    update(&mut state, Action::Open);
    update(&mut state, Action::Right); // channel: the first common one
    update(&mut state, Action::Down);
    update(&mut state, Action::Right); // owner
    update(&mut state, Action::Down);
    update(&mut state, Action::Right); // partner
    update(&mut state, Action::Back);
    let t = &journey(&state).touchpoints[0];
    assert_eq!(t.id.as_str(), "reads-the-pricing-page");
    assert_eq!(t.channel.as_deref(), Some("web"));
    assert_eq!(t.owner, Some(id("customer-care")));
    assert_eq!(t.partner, Some(id("metrix")));

    // The first action, for the touchpoint in focus, owned by its owner.
    pick(&mut state, &PickRow::Heading(Kind::Action));
    update(&mut state, Action::Add);
    type_text(&mut state, "Fix the install booking");
    update(&mut state, Action::Back);
    let a = &journey(&state).actions[0];
    assert_eq!(a.id.as_str(), "fix-the-install-booking");
    assert_eq!(a.touchpoint.as_str(), "reads-the-pricing-page");
    assert_eq!(a.owner, Some(id("customer-care")));
    assert_eq!(a.status, ActionStatus::Open);
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);

    assert_eq!(errors(&state), Vec::<String>::new());
    assert!(save(&mut state), "{:?}", state.status);
    let text = std::fs::read_to_string(dir.path().join("journey.toml")).expect("read");
    assert_eq!(parse_journey(&text).journey.as_ref(), Some(journey(&state)));
}

#[test]
fn an_action_needs_a_touchpoint_to_close_a_gap_at() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = bare(dir.path());
    pick(&mut state, &PickRow::Heading(Kind::Action));
    update(&mut state, Action::Add);
    assert!(matches!(state.mode, Mode::Pick { .. }));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("add a touchpoint first"))
    );
    update(&mut state, Action::Back);
    update(&mut state, Action::Add);
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("add a stage first"))
    );
    assert!(journey(&state).actions.is_empty() && journey(&state).touchpoints.is_empty());
}

#[test]
fn the_header_and_every_kind_of_entry_can_be_edited_and_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let original = journey(&state).clone();
    pick(&mut state, &PickRow::Header);
    update(&mut state, Action::Open);
    set_field(&mut state, "title", "Courier corridor, revised");
    assert_eq!(journey(&state).title, "Courier corridor, revised");
    update(&mut state, Action::Back);

    // Renaming a department's id renames every reference to it.
    pick(
        &mut state,
        &PickRow::Entry(Kind::Department, id("logistics")),
    );
    update(&mut state, Action::Open);
    set_field(&mut state, "id", "delivery");
    let j = journey(&state);
    assert!(j.department(&id("delivery")).is_some());
    assert!(
        j.touchpoints
            .iter()
            .all(|t| t.owner.as_ref().map(|o| o.as_str()) != Some("logistics"))
    );
    assert_eq!(
        form(&state).target,
        Target::Entry(Kind::Department, id("delivery"))
    );
    update(&mut state, Action::Back);

    // An action owned by a department that does not exist is refused.
    let action = journey(&state).actions[0].id.clone();
    pick(&mut state, &PickRow::Entry(Kind::Action, action));
    update(&mut state, Action::Open);
    set_field(&mut state, "owner", "nobody");
    assert!(
        form(&state)
            .error
            .as_deref()
            .is_some_and(|e| e.contains("nobody"))
    );
    // Esc once more drops the refused value.
    update(&mut state, Action::Back);
    assert!(matches!(state.mode, Mode::Pick { .. }));
    update(&mut state, Action::Open);
    set_field(&mut state, "status", "done");
    assert_eq!(journey(&state).actions[0].status, ActionStatus::Done);
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);

    for _ in 0..3 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(*journey(&state), original);
    assert!(save(&mut state), "nothing to save is still a save");
}

#[test]
fn stages_and_departments_move_are_added_and_deleted_from_the_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let original = journey(&state).clone();
    let stage_ids = |state: &AppState| -> Vec<String> {
        journey(state)
            .stages
            .iter()
            .map(|s| s.id.to_string())
            .collect()
    };
    let first = stage_ids(&state)[0].clone();
    pick(&mut state, &PickRow::Entry(Kind::Stage, id(&first)));
    update(&mut state, Action::MoveLater);
    assert_eq!(stage_ids(&state)[1], first, "moved one place later");
    // A stage that touchpoints use cannot go.
    update(&mut state, Action::Delete);
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("still in use"))
    );
    assert_eq!(stage_ids(&state).len(), original.stages.len());
    // a adds one of its kind after it, in its phase, typing the name.
    update(&mut state, Action::Add);
    type_text(&mut state, "Hear about us");
    update(&mut state, Action::Open);
    let added = journey(&state).stages[2].clone();
    assert_eq!(
        (added.id.as_str(), added.name.as_str()),
        ("hear-about-us", "Hear about us")
    );
    assert_eq!(added.phase, original.stages[0].phase);
    // The new stage is unused: it can go.
    update(&mut state, Action::Back);
    update(&mut state, Action::Delete);
    assert!(journey(&state).stages.iter().all(|s| s.id != added.id));
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    for _ in 0..4 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(*journey(&state), original);
}

#[test]
fn left_right_step_the_fixed_values_of_every_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    // A stage's phase: buy -> own.
    let stage = journey(&state).stages[0].id.clone();
    pick(&mut state, &PickRow::Entry(Kind::Stage, stage));
    update(&mut state, Action::Open);
    go_to(&mut state, "phase");
    update(&mut state, Action::Right);
    assert_eq!(
        journey(&state).stages[0].phase.map(|p| p.name()),
        Some("own")
    );
    update(&mut state, Action::Back);
    // An action's status and its touchpoint.
    let action = journey(&state).actions[1].clone();
    pick(&mut state, &PickRow::Entry(Kind::Action, action.id.clone()));
    update(&mut state, Action::Open);
    go_to(&mut state, "status");
    update(&mut state, Action::Right);
    assert_eq!(journey(&state).actions[1].status, ActionStatus::Doing);
    go_to(&mut state, "touchpoint");
    update(&mut state, Action::Left);
    assert_ne!(journey(&state).actions[1].touchpoint, action.touchpoint);
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    // A touchpoint's emotion, moment of truth and scores.
    let index = state.corridor_selection().expect("selection");
    let before = journey(&state).touchpoints[index].clone();
    update(&mut state, Action::Edit);
    for key in ["emotion", "moment_of_truth", "expected", "channel"] {
        go_to(&mut state, key);
        update(&mut state, Action::Right);
        assert_eq!(form(&state).error, None, "{key}");
    }
    let after = &journey(&state).touchpoints[index];
    assert_ne!(after.emotion, before.emotion);
    assert_ne!(after.moment_of_truth, before.moment_of_truth);
    assert_ne!(after.expected, before.expected);
    assert_ne!(after.channel, before.channel);
    // Four edits, four undos, each one step.
    update(&mut state, Action::Back);
    for _ in 0..4 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(journey(&state).touchpoints[index], before);
}
