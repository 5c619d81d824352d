//! `update` tests of forms: ids that follow the name of a new entry, the
//! one-line input's editing keys, and actions added, edited and stepped
//! from the Actions and Gaps views.

use crate::model::{ActionStatus, Kind, Target};
use crate::tui::action::Action;
use crate::tui::derived::ActionRow;
use crate::tui::effects::save;
use crate::tui::state::{AppState, Mode, Typing, View};
use crate::tui::update::test_support::{courier, form, go_to, journey, set_field, type_text};
use crate::tui::update::{Effect, update};

fn typed(state: &AppState) -> String {
    let editor = state.editor.as_ref().expect("typing");
    editor.lines().join("\n")
}

fn cursor(state: &AppState) -> usize {
    state.editor.as_ref().expect("typing").cursor().1
}

#[test]
fn a_new_touchpoint_takes_its_id_from_its_name_until_the_id_is_edited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    update(&mut state, Action::Add);
    type_text(&mut state, "Fix the install booking");
    update(&mut state, Action::Open);
    let index = state.corridor_selection().expect("selection");
    let id = |state: &AppState| journey(state).touchpoints[index].id.to_string();
    assert_eq!(id(&state), "fix-the-install-booking");
    assert_eq!(
        form(&state).target,
        Target::Entry(
            Kind::Touchpoint,
            journey(&state).touchpoints[index].id.clone()
        )
    );
    // While the form is open and the id untouched, it follows the name.
    set_field(&mut state, "name", "Books the installer, twice");
    assert_eq!(id(&state), "books-the-installer-twice");
    set_field(&mut state, "id", "double-booking");
    set_field(&mut state, "name", "Books the installer");
    assert_eq!(id(&state), "double-booking", "an id edited by hand stays");
    update(&mut state, Action::Back);
    // Another of the same name gets the next free number.
    update(&mut state, Action::Add);
    type_text(&mut state, "Books the installer");
    update(&mut state, Action::Back);
    update(&mut state, Action::Add);
    type_text(&mut state, "Books the installer");
    update(&mut state, Action::Back);
    let ids: Vec<&str> = journey(&state)
        .touchpoints
        .iter()
        .map(|t| t.id.as_str())
        .filter(|i| i.starts_with("books-the-installer"))
        .collect();
    assert_eq!(ids, ["books-the-installer", "books-the-installer-2"]);
    // Editing an existing touchpoint's name leaves its id alone.
    update(&mut state, Action::Edit);
    set_field(&mut state, "name", "Something else");
    assert!(
        journey(&state)
            .touchpoint("books-the-installer-2")
            .is_some()
    );
}

#[test]
fn the_one_line_input_edits_like_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    update(&mut state, Action::Edit);
    go_to(&mut state, "name");
    update(&mut state, Action::Open);
    update(&mut state, Action::EraseToStart);
    assert_eq!(typed(&state), "");
    type_text(&mut state, "Sees an reel");
    for _ in 0.."reel".len() + 1 {
        update(&mut state, Action::Left);
    }
    update(&mut state, Action::Erase); // the n of "an"
    assert_eq!(typed(&state), "Sees a reel");
    update(&mut state, Action::Home);
    assert_eq!(cursor(&state), 0);
    update(&mut state, Action::EraseNext);
    type_text(&mut state, "s");
    assert_eq!(typed(&state), "sees a reel");
    update(&mut state, Action::End);
    update(&mut state, Action::EraseWord);
    assert_eq!(typed(&state), "sees a ");
    type_text(&mut state, "story ad");
    update(&mut state, Action::Home);
    update(&mut state, Action::Right);
    update(&mut state, Action::Right);
    update(&mut state, Action::Right);
    update(&mut state, Action::Right);
    update(&mut state, Action::EraseToEnd);
    assert_eq!(typed(&state), "sees");
    type_text(&mut state, " a story ad");
    update(&mut state, Action::Open);
    let index = state.corridor_selection().expect("selection");
    assert_eq!(journey(&state).touchpoints[index].name, "sees a story ad");
    assert_eq!(form(&state).typing, None);
}

#[test]
fn esc_keeps_what_was_typed_and_s_saves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    update(&mut state, Action::Add);
    type_text(&mut state, "Calls the shop");
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    let index = state.corridor_selection().expect("selection");
    assert_eq!(
        journey(&state).touchpoints[index].id.as_str(),
        "calls-the-shop"
    );
    update(&mut state, Action::Edit);
    set_field(&mut state, "channel", "phone");
    let on = form(&state).clone();
    assert_eq!(update(&mut state, Action::Save), Effect::Save);
    // Letters after `s` stay in the form, which only says how to type.
    type_text(&mut state, "ud");
    assert_eq!(form(&state), &on);
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("Enter types"))
    );
    assert!(save(&mut state), "{:?}", state.status);
    let text = std::fs::read_to_string(dir.path().join("journey.toml")).expect("read");
    assert!(text.contains("id = \"calls-the-shop\""), "{text}");
    assert!(text.contains("channel = \"phone\""));
}

/// Moves the Actions view's cursor to the first row `pick` accepts.
fn select_row(state: &mut AppState, pick: impl Fn(&ActionRow) -> bool) -> ActionRow {
    update(state, Action::Show(View::Actions));
    let rows = state.opened().expect("open").derived.action_rows.clone();
    let at = rows.iter().position(pick).expect("such a row");
    update(state, Action::Home);
    for _ in 0..at {
        update(state, Action::Down);
    }
    rows[at].clone()
}

#[test]
fn a_in_the_actions_view_adds_an_action_for_the_gap_under_the_cursor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let row = select_row(&mut state, |r| matches!(r, ActionRow::Unaddressed { .. }));
    let ActionRow::Unaddressed { index, .. } = row else {
        unreachable!("selected an unaddressed gap");
    };
    let touchpoint = journey(&state).touchpoints[index].clone();
    let count = journey(&state).actions.len();
    update(&mut state, Action::Add);
    assert_eq!(form(&state).typing, Some(Typing::Line), "typing the title");
    type_text(&mut state, "Fix the install booking");
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    let j = journey(&state);
    assert_eq!(j.actions.len(), count + 1);
    let added = j.actions.last().expect("added");
    assert_eq!(added.id.as_str(), "fix-the-install-booking");
    assert_eq!(added.touchpoint, touchpoint.id);
    assert_eq!(added.owner, touchpoint.owner);
    assert_eq!(added.status, ActionStatus::Open);
    // The cursor is on the new action.
    let rows = &state.opened().expect("open").derived.action_rows;
    assert!(matches!(rows[state.actions.selected], ActionRow::Action(a, _) if a == count));
    // Space steps its status; e edits it (the due date is a field).
    update(&mut state, Action::CycleStatus);
    assert_eq!(journey(&state).actions[count].status, ActionStatus::Doing);
    update(&mut state, Action::CycleStatus);
    update(&mut state, Action::CycleStatus);
    assert_eq!(journey(&state).actions[count].status, ActionStatus::Open);
    update(&mut state, Action::Edit);
    assert_eq!(
        form(&state).target,
        Target::Entry(Kind::Action, added_id(&state, count))
    );
    set_field(&mut state, "due", "2026-03-01");
    assert_eq!(
        journey(&state).actions[count].due.map(|d| d.to_string()),
        Some("2026-03-01".into())
    );
    update(&mut state, Action::Back);
    // Every step undoes: due, three statuses, title, the action itself.
    for _ in 0..6 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(journey(&state).actions.len(), count);
}

fn added_id(state: &AppState, index: usize) -> crate::model::Id {
    journey(state).actions[index].id.clone()
}

#[test]
fn the_gaps_view_adds_an_action_for_the_selected_gap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    update(&mut state, Action::Show(View::Gaps));
    update(&mut state, Action::Down);
    let index = state.gap_rows[state.gaps.selected];
    let touchpoint = journey(&state).touchpoints[index].id.clone();
    for key in [Action::Add, Action::AddAction] {
        update(&mut state, key);
        type_text(&mut state, "Call back within a day");
        update(&mut state, Action::Back);
    }
    let added: Vec<(&str, &str)> = journey(&state)
        .actions
        .iter()
        .filter(|a| a.touchpoint == touchpoint && a.title == "Call back within a day")
        .map(|a| (a.id.as_str(), a.status.name()))
        .collect();
    assert_eq!(
        added,
        [
            ("call-back-within-a-day", "open"),
            ("call-back-within-a-day-2", "open")
        ]
    );
}

#[test]
fn right_walks_every_channel_on_offer_without_turning_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    update(&mut state, Action::Edit);
    go_to(&mut state, "channel");
    let offered = crate::tui::forms::choices(
        journey(&state),
        Kind::Touchpoint.field("channel").expect("channel"),
    )
    .expect("channels");
    let mut seen = Vec::new();
    for _ in 0..offered.len() {
        update(&mut state, Action::Right);
        seen.push(
            journey(&state).touchpoints[index]
                .channel
                .clone()
                .unwrap_or_default(),
        );
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), offered.len(), "{seen:?}");
}

#[test]
fn a_on_a_heading_or_an_empty_actions_view_still_adds_an_action() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    update(&mut state, Action::Show(View::Actions));
    update(&mut state, Action::Home);
    let rows = state.opened().expect("open").derived.action_rows.clone();
    assert!(matches!(rows[0], ActionRow::Heading(_)));
    let first_gap = rows.iter().find_map(|r| match r {
        ActionRow::Unaddressed { index, .. } => Some(*index),
        _ => None,
    });
    let first_gap = journey(&state).touchpoints[first_gap.expect("a gap")]
        .id
        .clone();
    update(&mut state, Action::Add);
    type_text(&mut state, "Below the heading");
    update(&mut state, Action::Back);
    let added = journey(&state).actions.last().expect("added").clone();
    assert_eq!(
        (added.title.as_str(), &added.touchpoint),
        ("Below the heading", &first_gap)
    );

    // No gap and no action yet: the touchpoint selected in the Corridor.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = crate::tui::update::test_support::bare(dir.path());
    update(&mut state, Action::EditOther);
    update(&mut state, Action::Down);
    update(&mut state, Action::Add);
    type_text(&mut state, "Buy");
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    update(&mut state, Action::Add);
    type_text(&mut state, "Orders online");
    update(&mut state, Action::Back);
    update(&mut state, Action::Show(View::Actions));
    assert!(state.opened().expect("open").derived.action_rows.is_empty());
    update(&mut state, Action::Add);
    type_text(&mut state, "Ask how it went");
    update(&mut state, Action::Back);
    let a = &journey(&state).actions[0];
    assert_eq!(
        (a.id.as_str(), a.touchpoint.as_str()),
        ("ask-how-it-went", "orders-online")
    );
}
