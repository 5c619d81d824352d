//! The workbench as a facilitator runs it in a workshop, end to end in tmux:
//! moving cards, capturing and saving, reading the help to its end, a
//! quick Esc over a slow link, switching journeys, and discarding edits for
//! good.

#![cfg(target_os = "linux")]

mod support;

use std::fs;

use support::tmux::*;

const CORRIDOR: &str = "Detail (Enter: full screen)";

/// The recovery journals in the session's data folder.
fn journals(t: &Session) -> Vec<String> {
    let dir = t.path().join("data/corridor/recovery");
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn discard_and_quit_leaves_nothing_to_recover() {
    let Some(t) = Session::start("discard", 100, 30) else {
        return;
    };
    let (_, path, before) = one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    t.keys(&["x"]);
    t.wait_for("1-5 score");
    t.keys(&["5"]);
    t.wait_for("expected 5");
    t.keys(&["Escape"]);
    t.wait_gone("1-5 score");
    assert!(!journals(&t).is_empty(), "the edit is journaled");
    t.keys(&["q"]);
    t.wait_for("Unsaved changes");
    t.keys(&["d"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    assert_eq!(fs::read_to_string(&path).expect("read"), before);
    assert_eq!(journals(&t), Vec::<String>::new(), "the journal is gone");

    let again = t.shell("\"$CORRIDOR\" one/journey.toml");
    let screen = t.wait_for(CORRIDOR);
    assert!(!screen.contains("Recovery"), "{}", framed(&screen));
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&again, DEADLINE), 0);
}

#[test]
fn k_k_moves_a_card_two_places_and_s_saves_the_order() {
    let Some(t) = Session::start("moves", 100, 30) else {
        return;
    };
    let (_, path, _) = one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    // Choose: the product page, the stock badge, the delivery promise.
    t.keys(&["l", "j", "j"]);
    t.wait_for("Sees 'Order by 8pm for next-day delivery'  Choose");
    t.keys(&["K", "K"]);
    let moved = t.wait_until("the card at the top of Choose", DEADLINE, |s| {
        s.lines()
            .nth(4)
            .is_some_and(|l| l.contains("Sees 'Order by"))
    });
    assert!(moved.contains("[modified]"), "{}", framed(&moved));
    t.keys(&["K"]);
    t.wait_for("H moves it to the previous stage");
    t.keys(&["s"]);
    t.wait_for("saved journey.toml");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    let text = fs::read_to_string(&path).expect("read");
    let at = |id: &str| text.find(&format!("id = \"{id}\"")).expect("in the file");
    assert!(at("delivery-promise") < at("product-page"));
    assert!(at("product-page") < at("stock-badge"));
}

#[test]
fn capture_in_the_gaps_view_stays_on_its_row_and_s_saves() {
    let Some(t) = Session::start("gapscapture", 100, 30) else {
        return;
    };
    let (_, path, before) = one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    t.keys(&["2"]);
    t.wait_for("# Sev Gap");
    t.keys(&["x"]);
    t.wait_for("capture Parcel delivered while nobody is home");
    // Met now, it would rank low: capture goes on down the rows it had.
    t.keys(&["3", "3"]);
    let screen = t.wait_for("capture Returns the throw at the till");
    let first = screen.lines().nth(3).unwrap_or_default();
    assert!(first.contains("Parcel delivered"), "{}", framed(&screen));
    t.keys(&["s"]);
    let saved = t.wait_for("saved journey.toml");
    assert!(!saved.contains("1-5 score"), "{}", framed(&saved));
    // Capture over, the rows take the new scores into their ranking.
    let first = saved.lines().nth(3).unwrap_or_default();
    assert!(first.contains("Returns the throw"), "{}", framed(&saved));
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
    assert_ne!(fs::read_to_string(&path).expect("read"), before);
}

#[test]
fn help_reaches_its_end_at_80x24() {
    let Some(t) = Session::start("helpend", 80, 24) else {
        return;
    };
    one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    t.keys(&["?"]);
    t.wait_for("more below");
    // The last line of help: the last figure of the vocabulary.
    let last = corridor::analysis::figures::ALL
        .last()
        .map(|f| format!("{} ({})", f.name, f.label))
        .unwrap_or_default();
    t.keys(&["G"]);
    let end = t.wait_for(&last);
    assert!(!end.contains("more below"), "{}", framed(&end));
    t.keys(&["g"]);
    t.wait_for("arrows, h j k l");
    t.keys(&["PageDown"; 12]);
    t.wait_for(&last);
    t.keys(&["Escape", "q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
}

#[test]
fn a_quick_esc_then_a_key_is_two_keys() {
    let Some(t) = Session::start("slowesc", 100, 30) else {
        return;
    };
    one_journey(&t);
    let done = t.shell("\"$CORRIDOR\" one/journey.toml");
    t.wait_for(CORRIDOR);
    t.keys(&["2"]);
    t.wait_for("1/19");
    t.keys(&["?"]);
    t.wait_for("Help (Esc closes");
    // Both bytes in one write, as a slow link delivers them: Alt-j.
    t.keys(&["Escape", "j"]);
    let screen = t.wait_for("2/19");
    assert!(!screen.contains("Help (Esc closes"), "{}", framed(&screen));
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
}

#[test]
fn brackets_switch_journeys_and_the_title_says_which() {
    let Some(t) = Session::start("switch", 100, 30) else {
        return;
    };
    copy_journeys(t.path());
    let done = t.shell("\"$CORRIDOR\"");
    t.wait_for("1/3 ([ ] or 6) · B2B onboarding");
    t.keys(&["]"]);
    t.wait_for("2/3 ([ ] or 6) · Online order");
    t.keys(&["[", "["]);
    t.wait_for("3/3 ([ ] or 6) · Subscription renewal");
    t.keys(&["q"]);
    assert_eq!(t.wait_done(&done, DEADLINE), 0);
}
