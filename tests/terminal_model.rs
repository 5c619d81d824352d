//! The bytes the workbench sends, played into a terminal emulator (the
//! `vt100` crate): after every frame the emulated screen must equal the
//! frame as drawn from scratch (symbols, colours and attributes), for random
//! keys in every view and mode and for resizes; and the bytes that moving
//! through the Gaps view costs, now that rows which move are scrolled by the
//! terminal instead of repainted.
//!
//! States are driven through `update` and `draw` (no saves, reloads or
//! recovery journals: nothing is written outside the test's folder).

#[path = "terminal_model/rig.rs"]
mod rig;

use corridor::sample::Lcg;
use corridor::tui::action::Action;
use corridor::tui::keymap::action_for;
use corridor::tui::state::{Options, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rig::{COLOR, Rig};

/// A random key, weighted towards moving, as a person exploring would.
fn random_key(rng: &mut Lcg) -> KeyEvent {
    const MOVES: [KeyCode; 10] = [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Up,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::End,
    ];
    const OTHERS: [KeyCode; 8] = [
        KeyCode::Home,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Enter,
        KeyCode::Esc,
    ];
    const CHARS: &str = "jjjkkhl123456/f?xeadJKuUrEs0123459 tpzn";
    let code = match rng.below(10) {
        0..=4 => MOVES[rng.below(MOVES.len())],
        5 | 6 => OTHERS[rng.below(OTHERS.len())],
        _ => {
            let chars: Vec<char> = CHARS.chars().collect();
            KeyCode::Char(chars[rng.below(chars.len())])
        }
    };
    let modifiers = if rng.below(40) == 0 {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, modifiers)
}

const SIZES: [(u16, u16); 7] = [
    (120, 40),
    (80, 24),
    (100, 30),
    (200, 60),
    (60, 15),
    (50, 12),
    (133, 41),
];

/// Random keys and resizes; the screen is checked after every frame.
fn explore(seed: u64, open: Option<&str>, options: Options, scrolling: bool, steps: usize) {
    let mut rng = Lcg(seed);
    let mut rig = Rig::new(open, options, SIZES[0], scrolling);
    rig.check(&format!("seed {seed}: first frame"));
    let mut keys = Vec::new();
    for step in 0..steps {
        let action = if rng.below(40) == 0 {
            let (w, h) = SIZES[rng.below(SIZES.len())];
            keys.push(format!("resize {w}x{h}"));
            Action::Resize(w, h)
        } else {
            let key = random_key(&mut rng);
            keys.push(format!("{:?}{:?}", key.modifiers, key.code));
            match action_for(&rig.state.mode, &key) {
                Some(Action::Quit) | None => continue,
                Some(action) => action,
            }
        };
        rig.act(action);
        let recent = keys[keys.len().saturating_sub(8)..].join(", ");
        rig.check(&format!(
            "seed {seed}, step {step}, view {:?}, mode {:?}, last keys [{recent}]",
            rig.state.view, rig.state.mode
        ));
        if rig.state.quit {
            break;
        }
    }
}

#[test]
fn random_keys_in_every_view_keep_the_screen_exact() {
    for seed in 1..=3 {
        explore(seed, None, COLOR, true, 220);
    }
}

#[test]
fn random_keys_over_the_folder_keep_the_screen_exact() {
    explore(21, Some(""), COLOR, true, 200);
    let no_color = Options {
        color: false,
        ascii: true,
        ..COLOR
    };
    explore(22, None, no_color, true, 200);
}

#[test]
fn without_scroll_regions_the_screen_is_still_exact() {
    explore(31, None, COLOR, false, 150);
}

#[test]
fn each_view_walked_down_and_up_keeps_the_screen_exact() {
    for view in View::ALL {
        let mut rig = Rig::new(None, COLOR, (120, 40), true);
        rig.act(Action::Show(view));
        for (n, action) in std::iter::repeat_n(Action::Down, 60)
            .chain(std::iter::repeat_n(Action::Up, 60))
            .chain([Action::End, Action::Home, Action::PageDown, Action::PageUp])
            .enumerate()
        {
            rig.act(action.clone());
            rig.check(&format!("{view:?}, move {n} ({action:?})"));
        }
    }
}

/// The budget for walking 150 rows down the Gaps view at 120x40: one and
/// a half times what vim (`-u NONE`, `cursorline`) sends walking 150 lines
/// of a generated journey file in a terminal of that size (32 KB; walking
/// the Gaps rows themselves as text, vim sends 55 KB).
const WALK_BUDGET: usize = 48_000;
/// The most one move of the selection may send.
const MOVE_BUDGET: usize = 600;

#[test]
fn walking_the_gaps_view_sends_scrolls_not_repaints() {
    let mut rig = Rig::new(None, COLOR, (120, 40), true);
    rig.act(Action::Show(View::Gaps));
    let mut total = 0;
    let mut largest = 0;
    for n in 0..150 {
        let sent = rig.act(Action::Down);
        rig.check(&format!("row {n}"));
        total += sent;
        largest = largest.max(sent);
    }
    assert!(
        largest <= MOVE_BUDGET,
        "a one-row move sent {largest} bytes (budget {MOVE_BUDGET})"
    );
    assert!(
        total <= WALK_BUDGET,
        "150 rows sent {total} bytes (budget {WALK_BUDGET})"
    );
    for n in 0..150 {
        let sent = rig.act(Action::Up);
        rig.check(&format!("back up, row {n}"));
        assert!(sent <= MOVE_BUDGET, "a move up sent {sent} bytes");
    }
}

#[test]
fn a_frame_that_changes_nothing_sends_nothing() {
    let mut rig = Rig::new(None, COLOR, (120, 40), true);
    rig.act(Action::Show(View::Gaps));
    rig.act(Action::Down);
    // A resize to the same size asks for a frame; it is the same frame.
    assert_eq!(rig.act(Action::Resize(120, 40)), 0);
    rig.check("after the same-size resize");
}
