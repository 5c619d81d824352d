//! Snapshots of the workbench's screens on a fixed `TestBackend`: every view
//! and popup as text (insta), plus the styles that carry meaning (gap
//! colours, reverse-video selection without colour), ASCII purity, wide
//! character alignment, and a no-panic sweep over awkward terminal sizes.

mod support;

use std::path::{Path, PathBuf};

use corridor::model::GapClass;
use corridor::text::width;
use corridor::tui::action::Action;
use corridor::tui::effects::read_entries;
use corridor::tui::state::{AppState, Options, View};
use corridor::tui::ui::render;
use corridor::tui::ui::theme::Theme;
use corridor::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::options::{ASCII, COLOR, NO_COLOR};

/// The screens snapshotted: a name and the actions that lead there.
fn screens() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("corridor", vec![Action::Show(View::Corridor)]),
        ("gaps", vec![Action::Show(View::Gaps)]),
        ("owners", vec![Action::Show(View::Owners)]),
        ("curve", vec![Action::Show(View::Curve)]),
        ("actions", vec![Action::Show(View::Actions)]),
        ("journeys", vec![Action::Show(View::Journeys)]),
        ("help", vec![Action::Help]),
        (
            "filter",
            vec![Action::Show(View::Gaps), Action::Filter, Action::Right],
        ),
        ("detail", vec![Action::Show(View::Corridor), Action::Open]),
    ]
}

fn journeys_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples")
}

fn courier() -> PathBuf {
    journeys_dir().join("online-order-courier.toml")
}

fn load(path: &Path, options: Options, size: (u16, u16)) -> AppState {
    let (folder, entries) = read_entries(path).expect("journeys load");
    let mut state = AppState::new(folder, entries, options);
    update(&mut state, Action::Resize(size.0, size.1));
    state
}

/// The state for a named screen: the Journeys view lists the whole folder,
/// everything else shows the courier journey alone.
fn screen_state(name: &str, actions: &[Action], options: Options, size: (u16, u16)) -> AppState {
    let path = if name == "journeys" {
        journeys_dir()
    } else {
        courier()
    };
    let mut state = load(&path, options, size);
    for action in actions {
        update(&mut state, action.clone());
    }
    state
}

fn draw(state: &AppState, size: (u16, u16)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    terminal
        .draw(|frame| render(state, frame))
        .expect("frame draws");
    terminal.backend().buffer().clone()
}

/// One line per row, symbols joined, trailing spaces trimmed. A wide
/// character covers the cell after it, which is left out as a terminal
/// would.
fn text(buffer: &Buffer) -> String {
    let w = usize::from(buffer.area.width);
    let mut lines = Vec::new();
    if w > 0 {
        for row in buffer.content().chunks(w) {
            let mut line = String::new();
            let mut covered = 0usize;
            for cell in row {
                if covered == 0 {
                    line.push_str(cell.symbol());
                }
                covered = covered.max(width(cell.symbol())).saturating_sub(1);
            }
            lines.push(line.trim_end().to_owned());
        }
    }
    lines.join("\n")
}

/// Every non-ASCII symbol in the buffer, with where it is.
fn non_ascii(buffer: &Buffer, what: &str) -> Vec<String> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if !symbol.is_ascii() {
                found.push(format!("{what}: {symbol:?} at ({x}, {y})"));
            }
        }
    }
    found
}

#[test]
fn every_screen_at_100x30_and_80x24() {
    for size in [(100, 30), (80, 24)] {
        for (name, actions) in screens() {
            let state = screen_state(name, &actions, COLOR, size);
            let screen = text(&draw(&state, size));
            insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen);
        }
    }
}

#[test]
fn detail_of_a_moment_of_truth() {
    // The doorstep delivery: a moment of truth with evidence and metrics.
    let mut actions = vec![Action::Show(View::Corridor)];
    actions.extend(std::iter::repeat_n(Action::Right, 4));
    actions.push(Action::Open);
    let state = screen_state("detail", &actions, COLOR, (100, 30));
    insta::assert_snapshot!("detail_moment_100x30", text(&draw(&state, (100, 30))));
}

#[test]
fn search_in_gaps() {
    let mut actions = vec![Action::Show(View::Gaps), Action::Search];
    actions.extend("parcel".chars().map(Action::Input));
    let state = screen_state("gaps", &actions, COLOR, (100, 30));
    insta::assert_snapshot!("gaps_search_100x30", text(&draw(&state, (100, 30))));
}

#[test]
fn gaps_scrolled_to_the_end() {
    // 21 touchpoints do not fit in 80x24: the corner shows the position.
    let size = (80, 24);
    let mut state = load(&journeys_dir().join("b2b-onboarding.toml"), COLOR, size);
    update(&mut state, Action::Show(View::Gaps));
    update(&mut state, Action::End);
    insta::assert_snapshot!("gaps_scrolled_80x24", text(&draw(&state, size)));
}

#[test]
fn no_colour_draws_the_same_text() {
    let size = (80, 24);
    for (name, actions) in screens() {
        let colour = text(&draw(&screen_state(name, &actions, COLOR, size), size));
        let plain = text(&draw(&screen_state(name, &actions, NO_COLOR, size), size));
        assert_eq!(colour, plain, "{name}: text differs without colour");
    }
    let state = screen_state("gaps", &[Action::Show(View::Gaps)], NO_COLOR, size);
    insta::assert_snapshot!("gaps_no_color_80x24", text(&draw(&state, size)));
}

#[test]
fn ascii_at_80x24_has_no_other_characters() {
    let size = (80, 24);
    let mut found = Vec::new();
    for (name, actions) in screens() {
        let state = screen_state(name, &actions, ASCII, size);
        let buffer = draw(&state, size);
        found.extend(non_ascii(&buffer, name));
        insta::assert_snapshot!(format!("{name}_ascii_80x24"), text(&buffer));
    }
    assert!(
        found.is_empty(),
        "non-ASCII in ASCII mode:\n{}",
        found.join("\n")
    );
}

#[test]
fn ascii_detail_of_every_touchpoint() {
    // File text reaches the screen too (names, notes across lines): walk
    // the whole corridor in the full-screen detail.
    let size = (80, 24);
    let mut state = screen_state(
        "detail",
        &[Action::Show(View::Corridor), Action::Open],
        ASCII,
        size,
    );
    let mut seen = 0;
    let mut found = Vec::new();
    loop {
        seen += 1;
        let buffer = draw(&state, size);
        let at = state.detail_touchpoint();
        found.extend(non_ascii(&buffer, &format!("detail of touchpoint {at:?}")));
        if update(&mut state, Action::Down) == corridor::tui::update::Effect::None {
            break;
        }
    }
    assert_eq!(seen, 19, "the courier journey has 19 touchpoints");
    assert!(
        found.is_empty(),
        "non-ASCII in ASCII mode:\n{}",
        found.join("\n")
    );
}

#[test]
fn too_small() {
    let state = load(&courier(), COLOR, (59, 14));
    insta::assert_snapshot!("too_small_59x14", text(&draw(&state, (59, 14))));
}

#[test]
fn no_panic_at_any_size() {
    let sizes = [
        (0, 0),
        (1, 1),
        (20, 5),
        (59, 15),
        (60, 14),
        (60, 15),
        (61, 16),
        (200, 60),
    ];
    for options in [COLOR, NO_COLOR, ASCII] {
        for size in sizes {
            for (name, actions) in screens() {
                let state = screen_state(name, &actions, options, size);
                draw(&state, size);
            }
        }
    }
}

/// Cells `(x, y)` whose symbols spell `needle`, one grapheme per cell.
fn find(buffer: &Buffer, needle: &[&str]) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let fits = needle.iter().enumerate().all(|(n, s)| {
                let cx = x + n as u16;
                cx < area.right() && buffer[(cx, y)].symbol() == *s
            });
            let starts = x == area.left() || !needle.contains(&buffer[(x - 1, y)].symbol());
            if fits && starts {
                found.push((x, y));
            }
        }
    }
    found
}

/// Whether the cell after `needle` at `(x, y)` continues it with the same
/// symbol (so `▼` is not the start of `▼▼`).
fn followed_by_same(buffer: &Buffer, (x, y): (u16, u16), len: u16, symbol: &str) -> bool {
    x + len < buffer.area.right() && buffer[(x + len, y)].symbol() == symbol
}

#[test]
fn gap_symbols_carry_their_class_colour() {
    let size = (100, 30);
    let state = screen_state("gaps", &[Action::Show(View::Gaps)], COLOR, size);
    let buffer = draw(&state, size);
    // Skip the header (row 2) and the selected row (row 3), whose colours
    // mix with the selection.
    let body = |&(_, y): &(u16, u16)| y > 3;

    let critical: Vec<_> = find(&buffer, &["▼", "▼"])
        .into_iter()
        .filter(body)
        .collect();
    assert!(!critical.is_empty(), "a critical row below the first");
    for (x, y) in critical {
        for cx in [x, x + 1] {
            assert_eq!(
                buffer[(cx, y)].fg,
                Theme::class_color(GapClass::Critical),
                "critical ▼▼ at ({cx}, {y})"
            );
        }
    }

    let shortfall: Vec<_> = find(&buffer, &["▼"])
        .into_iter()
        .filter(body)
        .filter(|&at| !followed_by_same(&buffer, at, 1, "▼"))
        .collect();
    assert!(!shortfall.is_empty(), "a shortfall row");
    for at in shortfall {
        assert_eq!(
            buffer[at].fg,
            Theme::class_color(GapClass::Shortfall),
            "shortfall ▼ at {at:?}"
        );
    }

    let exceeded: Vec<_> = find(&buffer, &["▲"]).into_iter().filter(body).collect();
    assert!(!exceeded.is_empty(), "an exceeded row");
    for at in exceeded {
        assert_eq!(
            buffer[at].fg,
            Theme::class_color(GapClass::Exceeded),
            "exceeded ▲ at {at:?}"
        );
    }
}

#[test]
fn without_colour_selection_is_reverse_video_and_nothing_is_coloured() {
    let size = (100, 30);
    let state = screen_state("gaps", &[Action::Show(View::Gaps)], NO_COLOR, size);
    let buffer = draw(&state, size);
    // Title, tabs, then the table header: the selected first row is row 3.
    let selected_row = 3;
    assert!(
        text(&buffer)
            .lines()
            .nth(usize::from(selected_row))
            .is_some_and(|l| l.starts_with("  1 ")),
        "row 3 is the first gap"
    );
    // The selection covers the text of every cell (not the padding between
    // columns, so that a move redraws little).
    let mut covered = 0;
    for x in 0..size.0 {
        let cell = &buffer[(x, selected_row)];
        if cell.symbol() != " " {
            covered += 1;
            assert!(
                cell.modifier.contains(Modifier::REVERSED),
                "selected row cell ({x}, {selected_row}) is reversed"
            );
        }
    }
    assert!(covered > 20, "the selected row has text");
    assert!(
        !buffer[(0, selected_row + 1)]
            .modifier
            .contains(Modifier::REVERSED),
        "the next row is not"
    );
    // The whole screen, in every view and popup, carries no colour.
    for (name, actions) in screens() {
        let state = screen_state(name, &actions, NO_COLOR, size);
        let buffer = draw(&state, size);
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{name}: fg of {:?}", cell.symbol());
            assert_eq!(cell.bg, Color::Reset, "{name}: bg of {:?}", cell.symbol());
        }
    }
}

const WIDE: &str = r#"schema = 1
title = "Wide names"

[[stages]]
id = "buy"
name = "Buy"

[[stages]]
id = "ship"
name = "Ship"

[[departments]]
id = "sales"
name = "Sales"

[[touchpoints]]
id = "plain"
stage = "buy"
name = "Plain name"
owner = "sales"
expected = 3
actual = 3

[[touchpoints]]
id = "cjk"
stage = "buy"
name = "日本語の名前"
owner = "sales"
expected = 4
actual = 1

[[touchpoints]]
id = "emoji"
stage = "ship"
name = "🚚 配達"
owner = "sales"
expected = 4
actual = 3

[[touchpoints]]
id = "long-cjk"
stage = "ship"
name = "とても長い日本語の名前がここに続きます配達状況の確認と再配達の依頼"
owner = "sales"
expected = 2
actual = 4
"#;

/// The cell column where `needle` starts on row `y`, counting cells.
fn column_of(buffer: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let symbols: Vec<String> = needle.chars().map(String::from).collect();
    let area = buffer.area;
    (area.left()..area.right()).find(|&x| {
        symbols.iter().enumerate().all(|(n, s)| {
            let cx = x + n as u16;
            cx < area.right() && buffer[(cx, y)].symbol() == s
        })
    })
}

#[test]
fn wide_names_keep_the_columns_aligned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("wide.toml");
    std::fs::write(&file, WIDE).expect("journey written");
    for size in [(100, 30), (80, 24)] {
        let mut state = load(&file, COLOR, size);
        update(&mut state, Action::Show(View::Gaps));
        let buffer = draw(&state, size);
        insta::assert_snapshot!(format!("gaps_wide_{}x{}", size.0, size.1), text(&buffer));

        let header = column_of(&buffer, 2, "Stage").expect("Stage header");
        let owner = column_of(&buffer, 2, "Owner").expect("Owner header");
        for y in 3..3 + 4 {
            let stage = column_of(&buffer, y, "Buy").or_else(|| column_of(&buffer, y, "Ship"));
            assert_eq!(
                stage,
                Some(header),
                "{}x{}: stage on row {y} starts under the header:\n{}",
                size.0,
                size.1,
                text(&buffer)
            );
            assert_eq!(
                column_of(&buffer, y, "Sales"),
                Some(owner),
                "{}x{}: owner on row {y} starts under the header",
                size.0,
                size.1
            );
        }
        // The text rendering (wide characters covering two cells) lines up
        // by display width too.
        let screen = text(&buffer);
        let lines: Vec<&str> = screen.lines().collect();
        let at = |line: &str, needle: &str| line.find(needle).map(|b| width(&line[..b]));
        let stage_w = at(lines[2], "Stage");
        for line in &lines[3..7] {
            let w = at(line, " Buy ")
                .or_else(|| at(line, " Ship "))
                .map(|w| w + 1);
            assert_eq!(w, stage_w, "display column of the stage in {line:?}");
        }
    }
    // The Corridor cards and the detail pane fit wide names too.
    let mut state = load(&file, COLOR, (80, 24));
    update(&mut state, Action::Down);
    insta::assert_snapshot!("corridor_wide_80x24", text(&draw(&state, (80, 24))));
}

#[test]
fn help_reaches_its_end_at_80x24() {
    let size = (80, 24);
    for options in [COLOR, ASCII] {
        let state = screen_state("help", &[Action::Help, Action::End], options, size);
        let screen = text(&draw(&state, size));
        // The last figure's formula, wrapped, ends on screen.
        let last = corridor::analysis::figures::ALL
            .last()
            .expect("figures")
            .formula;
        let tail = last.rsplit(' ').next().expect("a word");
        assert!(
            screen
                .lines()
                .rev()
                .nth(1)
                .is_some_and(|l| l.contains(tail)),
            "the help ends on its last line:\n{screen}"
        );
        assert!(!screen.contains("more below"), "{screen}");
        if !options.ascii {
            insta::assert_snapshot!("help_end_80x24", screen);
        }
    }
}

/// Gaps filtered by department (Logistics and Fulfilment) and class
/// (critical), the panel closed again.
fn filtered_gaps() -> Vec<Action> {
    let mut actions = vec![Action::Show(View::Gaps), Action::Filter, Action::Down];
    actions.extend(std::iter::repeat_n(Action::Right, 4));
    actions.extend([Action::Down, Action::Down, Action::Down, Action::Right]);
    actions.push(Action::Back);
    actions
}

#[test]
fn a_filter_shows_in_the_view_header() {
    for size in [(80, 24), (160, 45)] {
        let state = screen_state("gaps", &filtered_gaps(), COLOR, size);
        let screen = text(&draw(&state, size));
        let header = screen.lines().nth(2).unwrap_or_default();
        let shown = state.gap_rows.len();
        assert!(
            header.starts_with("Filter: department Logistics and Fulfilment, class critical"),
            "{screen}"
        );
        assert!(
            header.contains(&format!("{shown} of 19 touchpoints")),
            "{screen}"
        );
        insta::assert_snapshot!(format!("gaps_filtered_{}x{}", size.0, size.1), screen);
    }
    // A search too, both in the Gaps view and the Corridor.
    for (view, name) in [(View::Gaps, "gaps"), (View::Corridor, "corridor")] {
        let size = (80, 24);
        let mut actions = vec![Action::Show(view), Action::Search];
        actions.extend("parcel".chars().map(Action::Input));
        actions.push(Action::Open);
        let state = screen_state(name, &actions, COLOR, size);
        let screen = text(&draw(&state, size));
        let header = screen.lines().nth(2).unwrap_or_default();
        assert!(header.starts_with("Search: \"parcel\""), "{screen}");
        assert!(header.contains(" of 19 touchpoints"), "{screen}");
        insta::assert_snapshot!(format!("{name}_searched_80x24"), screen);
    }
}

#[test]
fn wide_corridor_cards_wrap_names_and_show_partners() {
    for (journey, size) in [
        ("online-order-courier", (160, 45)),
        ("b2b-onboarding", (160, 45)),
        ("online-order-courier", (120, 30)),
    ] {
        let path = journeys_dir().join(format!("{journey}.toml"));
        let state = load(&path, COLOR, size);
        let screen = text(&draw(&state, size));
        let opened = state.opened().expect("open");
        // The first card's name is longer than its column: it wraps whole.
        let first = &opened.journey.touchpoints[opened.derived.corridor[0]].name;
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains(&first[..12]))
            .expect("first card");
        let column = |l: &str| l.split('│').next().unwrap_or_default().to_owned();
        let both = format!("{} {}", column(lines[at]), column(lines[at + 1]));
        let words: Vec<&str> = both.split_whitespace().collect();
        assert!(
            words
                .windows(first.split(' ').count())
                .any(|w| w.join(" ") == *first),
            "{first:?} wraps whole:\n{screen}"
        );
        // Every partner of a card on screen shows whole.
        let mut partners = 0;
        for t in &opened.journey.touchpoints {
            let Some(partner) = t.partner.as_ref().and_then(|p| opened.journey.partner(p)) else {
                continue;
            };
            let start: String = t.name.chars().take(12).collect();
            if screen.contains(&start) {
                partners += 1;
                assert!(
                    screen.contains(&format!("/ {}", partner.name)),
                    "{} of {:?} shows:\n{screen}",
                    partner.name,
                    t.name
                );
            }
        }
        assert!(
            partners > 0,
            "a card with a partner is on screen:\n{screen}"
        );
        insta::assert_snapshot!(format!("corridor_{journey}_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn table_cells_cut_with_an_ellipsis_and_errors_span_the_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(courier(), dir.path().join("courier.toml")).expect("copy");
    let broken = "a-journey-with-a-rather-long-file-name-for-a-workshop.toml";
    std::fs::write(
        dir.path().join(broken),
        "schema = 1\ntitle = \"Broken\"\n\n[[stages]]\nid = \"Not An Id\"\nname = \"x\"\n",
    )
    .expect("write");
    let size = (80, 24);
    let mut state = load(dir.path(), COLOR, size);
    update(&mut state, Action::Show(View::Journeys));
    let screen = text(&draw(&state, size));
    let lines: Vec<&str> = screen.lines().collect();
    let title_at = lines[2].find("Title").expect("Title header");
    let row = lines
        .iter()
        .find(|l| l.starts_with("  a-journey"))
        .expect("the broken file's row");
    assert!(row.contains('…'), "the file name is cut: {row:?}");
    let error: String = row.chars().skip(title_at).collect();
    assert!(
        error.starts_with("a-journey-with-a-rather-long-file-name"),
        "the error starts under Title: {row:?}"
    );
    assert!(
        error.ends_with('…'),
        "the error is cut to the screen: {row:?}"
    );
    assert_eq!(width(row), 80, "{row:?}");
    // Actions: cut titles end in an ellipsis.
    let state = screen_state("actions", &[Action::Show(View::Actions)], COLOR, size);
    let screen = text(&draw(&state, size));
    assert!(
        screen.contains("Allow Paywise at guest checkout wit… "),
        "{screen}"
    );
}

#[test]
fn the_capture_line_keeps_the_scores_on_a_narrow_screen() {
    let size = (60, 15);
    let state = screen_state("corridor", &[Action::Capture], COLOR, size);
    let screen = text(&draw(&state, size));
    let status = screen.lines().nth(13).unwrap_or_default();
    assert!(
        status.starts_with("capture Sees a reel of") && status.contains('…'),
        "the name is cut: {status:?}"
    );
    assert!(
        status.ends_with("expected[2]actual 4"),
        "the scores show: {status:?}"
    );
}

#[test]
fn the_first_screen_says_which_journey_of_how_many() {
    for size in [(80, 24), (100, 30), (160, 45)] {
        let state = load(&journeys_dir(), COLOR, size);
        let screen = text(&draw(&state, size));
        let title = screen.lines().next().unwrap_or_default();
        assert!(title.contains("1/3 ([ ] or 6)"), "{title:?}");
        assert!(title.contains("B2B onboarding"), "{title:?}");
        assert!(
            title.ends_with("21 touchpoints · 4 critical · debt -14")
                || title.ends_with("21 touchpoints · 9 stages · 4 critical · debt -14"),
            "{title:?}"
        );
        insta::assert_snapshot!(format!("first_screen_{}x{}", size.0, size.1), screen);
    }
    // One touchpoint, one stage: singular words.
    let min = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/valid/min.toml");
    let state = load(&min, COLOR, (100, 30));
    let screen = text(&draw(&state, (100, 30)));
    let title = screen.lines().next().unwrap_or_default();
    assert!(
        title.ends_with("1 touchpoint · 1 stage · 0 critical · debt 0"),
        "{title:?}"
    );
    assert!(
        !title.contains("1/1"),
        "one journey needs no position: {title:?}"
    );
}

#[test]
fn a_long_filter_value_is_cut_inside_the_panel() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("long.toml");
    let id = "customer-experience-and-service-operations-emea";
    std::fs::write(&file, WIDE.replace("\"sales\"", &format!("\"{id}\""))).expect("write");
    let size = (80, 24);
    let mut state = load(&file, COLOR, size);
    for action in [Action::Filter, Action::Down, Action::Right] {
        update(&mut state, action);
    }
    let screen = text(&draw(&state, size));
    let row = screen
        .lines()
        .find(|l| l.contains("department  <"))
        .expect("the department row");
    assert!(row.contains("< customer-experience-and-"), "{row:?}");
    assert!(
        row.contains("… >"),
        "the value closes inside the box: {row:?}"
    );
}
