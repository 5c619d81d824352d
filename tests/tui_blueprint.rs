//! The Blueprint view, the persona card and the compare screen on a fixed
//! `TestBackend`: snapshots at 80x24 and 160x45 in colour and ASCII, the
//! styles that carry meaning, and steps added, edited, moved and deleted
//! from the workbench, each undoable.

mod support;

use std::path::{Path, PathBuf};

use corridor::model::{GapClass, Lane};
use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::state::{AppState, Mode, Options, View};
use corridor::tui::ui::theme::Theme;
use corridor::tui::update::update;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::options::{ASCII, COLOR, NO_COLOR};
use support::screen::{draw, text};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn folder() -> PathBuf {
    Path::new(support::BLUEPRINT).to_path_buf()
}

/// The bundled pair (current and future state), the current one open.
fn state(options: Options, size: (u16, u16)) -> AppState {
    let (folder, entries) = read_entries(&folder()).expect("journeys load");
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(size.0, size.1));
    state
}

fn run(state: &mut AppState, actions: &[Action]) {
    for action in actions {
        update(state, action.clone());
    }
}

/// The Blueprint on the payroll connector, its second step selected.
fn blueprint(options: Options, size: (u16, u16)) -> AppState {
    let mut s = state(options, size);
    assert_eq!(s.current_name(), Some("b2b-onboarding.toml"));
    run(&mut s, &[Action::Show(View::Blueprint)]);
    let position = s
        .opened()
        .and_then(|o| {
            let j = &o.journey;
            o.derived
                .corridor
                .iter()
                .position(|&i| j.touchpoints[i].id.as_str() == "payroll-connector")
        })
        .expect("payroll connector");
    for _ in 0..position {
        update(&mut s, Action::Right);
    }
    run(&mut s, &[Action::Down, Action::Down]);
    s
}

/// The compare screen of the future state against its baseline.
fn compare(options: Options, size: (u16, u16)) -> AppState {
    let mut s = state(options, size);
    run(
        &mut s,
        &[Action::Show(View::Journeys), Action::Down, Action::Compare],
    );
    assert!(matches!(s.mode, Mode::Compare { .. }), "{:?}", s.status);
    s
}

#[test]
fn snapshots_of_the_blueprint_and_the_compare_screen() {
    for size in SIZES {
        for (name, options) in [("", COLOR), ("_ascii", ASCII)] {
            let suffix = format!("{name}_{}x{}", size.0, size.1);
            let screen = text(&draw(&blueprint(options, size), size));
            insta::assert_snapshot!(format!("blueprint{suffix}"), screen);
            let screen = text(&draw(&compare(options, size), size));
            insta::assert_snapshot!(format!("compare{suffix}"), screen);
        }
    }
    let mut persona = state(COLOR, (80, 24));
    run(&mut persona, &[Action::Persona]);
    insta::assert_snapshot!("persona_80x24", text(&draw(&persona, (80, 24))));
}

/// Every cell of the row showing `needle`, from where it starts.
fn cells_of(buffer: &Buffer, needle: &str) -> Vec<ratatui::buffer::Cell> {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let line: Vec<ratatui::buffer::Cell> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].clone())
            .collect();
        let joined: String = line.iter().map(|c| c.symbol().to_owned()).collect();
        if let Some(at) = joined.find(needle) {
            let column = joined[..at].chars().count();
            return line[column..].to_vec();
        }
    }
    panic!("{needle:?} is not on the screen:\n{}", text(buffer));
}

#[test]
fn the_step_under_the_cursor_is_reversed_and_fail_points_are_red() {
    let size = (160, 45);
    let buffer = draw(&blueprint(COLOR, size), size);
    let s = blueprint(COLOR, size);
    let step = s
        .opened()
        .map(|o| o.journey.steps[corridor_step(&s)].name.clone())
        .expect("a step");
    let selected = cells_of(&buffer, &step[..12]);
    assert!(
        selected[0].modifier.contains(Modifier::REVERSED) || selected[0].bg != Color::Reset,
        "the selected step stands out"
    );
    // A fail point elsewhere, not selected: red, marked `!`.
    let fail = cells_of(&buffer, "!Northbridge builds");
    assert_eq!(
        fail[0].fg,
        Theme::class_color(GapClass::Critical),
        "fail points in the critical colour"
    );
    // Without colour the selection is reverse video and the mark stays.
    let plain = draw(&blueprint(NO_COLOR, size), size);
    let selected = cells_of(&plain, &step[..12]);
    assert!(selected[0].modifier.contains(Modifier::REVERSED));
    assert!(text(&plain).contains("!Northbridge builds"));
}

fn corridor_step(s: &AppState) -> usize {
    corridor::tui::update::blueprint::selected_step(s).expect("a step is selected")
}

#[test]
fn steps_are_added_edited_moved_and_deleted_each_undoable() {
    let mut s = blueprint(COLOR, (80, 24));
    let before = s.opened().map(|o| o.journey.clone()).expect("open");
    let selected = corridor_step(&s);
    let lane = before.steps[selected].lane;

    // a: a new step after the selected one, in its lane, named as typed.
    update(&mut s, Action::Add);
    for c in "Checks overtime codes".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::Back);
    assert_eq!(s.mode, Mode::Browse);
    let j = &s.opened().expect("open").journey;
    let new = j
        .steps
        .iter()
        .find(|st| st.id.as_str() == "checks-overtime-codes")
        .expect("the new step, its id from its name");
    assert_eq!(new.touchpoint.as_str(), "payroll-connector");
    assert_eq!(new.lane, lane);
    assert_eq!(
        new.owner.as_ref().map(|o| o.as_str()),
        Some("professional-services")
    );
    assert_eq!(j.steps.len(), before.steps.len() + 1);
    assert_eq!(
        corridor::tui::update::blueprint::selected_step(&s).map(|i| j.steps[i].id.as_str()),
        Some("checks-overtime-codes"),
        "the cursor on the new step"
    );

    // e: its form; Right on the lane field steps the lane.
    update(&mut s, Action::Edit);
    let Mode::Form(form) = &s.mode else {
        panic!("a form: {:?}", s.mode);
    };
    assert!(format!("{:?}", form.target).contains("Step"));
    for _ in 0..2 {
        update(&mut s, Action::Down); // touchpoint, lane
    }
    update(&mut s, Action::Right);
    update(&mut s, Action::Back);
    let lane_now = |s: &AppState| {
        s.opened()
            .and_then(|o| {
                o.journey
                    .steps
                    .iter()
                    .find(|st| st.id.as_str() == "checks-overtime-codes")
            })
            .map(|st| st.lane)
    };
    assert_ne!(lane_now(&s), Some(lane), "the lane changed");

    // K moves it earlier, into the lane above at the top of its lane.
    let moved_from = lane_now(&s).expect("lane");
    update(&mut s, Action::MoveEarlier);
    update(&mut s, Action::MoveEarlier);
    let moved_to = lane_now(&s).expect("lane");
    assert!(
        moved_to < moved_from || moved_to == Lane::Frontstage,
        "{moved_from:?} -> {moved_to:?}"
    );

    // d deletes it; u brings it back, and undoing every edit restores the
    // journey as it was.
    update(&mut s, Action::Delete);
    assert_eq!(lane_now(&s), None, "{:?}", s.status);
    update(&mut s, Action::Undo);
    assert!(lane_now(&s).is_some());
    while s.opened().is_some_and(|o| o.history.depth().0 > 0) {
        update(&mut s, Action::Undo);
    }
    assert_eq!(s.opened().map(|o| &o.journey), Some(&before));
}

#[test]
fn the_owners_view_shows_what_a_department_supports_from_behind() {
    let size = (80, 24);
    let mut s = state(COLOR, size);
    run(&mut s, &[Action::Show(View::Owners)]);
    let screen = text(&draw(&s, size));
    assert!(screen.contains("── faced"), "{screen}");
    assert!(screen.contains("── behind"), "{screen}");
    // Resourcing faces no customer and sits behind three critical gaps.
    let row = screen
        .lines()
        .find(|l| l.contains("Resourcing"))
        .expect("resourcing row");
    let numbers: Vec<&str> = row.split_whitespace().rev().take(6).collect();
    assert_eq!(numbers, ["3", "3", "-7", "0", "0", "0"], "{row}");
}

#[test]
fn c_without_a_baseline_or_a_mark_says_what_to_do() {
    let mut s = state(COLOR, (80, 24));
    run(&mut s, &[Action::Show(View::Journeys), Action::Compare]);
    assert_eq!(s.mode, Mode::Browse);
    assert!(
        s.status
            .as_deref()
            .is_some_and(|m| m.contains("names no baseline")),
        "{:?}",
        s.status
    );
    // m marks it; c on the other journey compares the two.
    run(&mut s, &[Action::Mark, Action::Down, Action::Compare]);
    assert_eq!(
        s.mode,
        Mode::Compare {
            first: 0,
            second: 1,
            row: 0
        }
    );
    update(&mut s, Action::Back);
    assert_eq!(s.mode, Mode::Browse);
}

#[test]
fn a_tall_corridor_opens_with_the_persona_card() {
    let tall = (160, 45);
    let screen = text(&draw(&state(COLOR, tall), tall));
    assert!(screen.contains("Persona (p: the card)"), "{screen}");
    assert!(screen.contains("Priya, IT lead at a 200-person logistics firm"));
    assert!(screen.contains("Goals: Rotas live before the peak season"));
    let short = text(&draw(&state(COLOR, (80, 24)), (80, 24)));
    assert!(!short.contains("Persona (p"), "no room at 80x24");
}

#[test]
fn renaming_a_touchpoint_renames_it_in_its_steps_and_undo_restores_both() {
    // Single sign-on: two steps behind it and no action on it.
    let mut s = blueprint(COLOR, (80, 24));
    run(&mut s, &[Action::Right, Action::Edit]);
    assert!(matches!(s.mode, Mode::Form(_)), "{:?}", s.status);
    run(&mut s, &[Action::Open, Action::EraseToStart]);
    for c in "sso".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::Back);
    let behind = |s: &AppState, id: &str| {
        s.opened()
            .map(|o| {
                o.journey
                    .steps
                    .iter()
                    .filter(|st| st.touchpoint.as_str() == id)
                    .count()
            })
            .unwrap_or(0)
    };
    assert_eq!(behind(&s, "sso"), 2, "{:?}", s.status);
    update(&mut s, Action::Undo);
    assert_eq!(behind(&s, "sso"), 0);
    assert_eq!(behind(&s, "sso-setup"), 2, "undo restores the steps too");
}

#[test]
fn the_header_form_shows_and_renames_a_persona_card_by_its_name() {
    use corridor::model::{Field, Target, assign};
    let s = state(COLOR, (80, 24));
    let mut journey = s.opened().map(|o| o.journey.clone()).expect("open");
    let rows = corridor::tui::forms::values(&journey, &Target::Journey).expect("header");
    let persona = rows
        .iter()
        .find(|(spec, _)| spec.field == Field::Persona)
        .map(|(_, text)| text.as_str());
    assert_eq!(persona, Some("Priya"));
    assign(&mut journey, &Target::Journey, "persona", "Mara").expect("renamed");
    let card = journey
        .persona
        .as_ref()
        .and_then(|p| p.card())
        .expect("still a card");
    assert_eq!(card.name, "Mara");
    assert_eq!(card.goals.len(), 2, "the rest of the card stays");
}

#[test]
fn no_size_makes_the_blueprint_or_the_compare_screen_panic() {
    for options in [COLOR, ASCII, NO_COLOR] {
        let mut views = [blueprint(options, (80, 24)), compare(options, (80, 24))];
        for width in [0u16, 1, 20, 59, 60, 61, 79, 81, 120, 250] {
            for height in [0u16, 1, 10, 14, 15, 16, 23, 25, 45, 80] {
                for state in &mut views {
                    update(state, Action::Resize(width, height));
                    draw(state, (width, height));
                }
            }
        }
    }
}
