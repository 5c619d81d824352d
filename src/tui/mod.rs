//! The workbench: terminal setup and restore, signals, and the event loop.
//!
//! The loop is synchronous: wait for a key (or a signal), turn it into an
//! `Action` through the keymap, `update` the state, and draw only when the
//! update says something changed.

pub mod action;
pub mod config;
pub mod derived;
pub mod effects;
mod encode;
pub mod forms;
pub mod history;
pub mod keymap;
pub mod screen;
mod scroll;
pub mod state;
pub mod trend;
pub mod ui;
pub mod update;

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use action::Action;
use screen::Screen;
use state::{AppState, Options};
use update::{Effect, update};

/// How the workbench was asked to start.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub path: Option<PathBuf>,
    pub no_color: bool,
    pub ascii: bool,
    pub mouse: bool,
    pub read_only: bool,
    /// Save every edit within a second (other workbenches see it at once).
    pub live: bool,
}

/// Whether the locale promises UTF-8 (LC_ALL, then LC_CTYPE, then LANG).
pub fn locale_is_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// Runs the workbench; returns the process exit code.
pub fn run(launch: &Launch) -> u8 {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if dumb || !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "corridor: the workbench needs an interactive terminal; for text output use `corridor show FILE` (or `corridor check`)"
        );
        return 2;
    }
    let config = match config::Config::load() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("corridor: {}", crate::text::inert(&e));
            return 2;
        }
    };
    let Some(path) = launch
        .path
        .clone()
        .or_else(|| Some(PathBuf::from("journeys")).filter(|p| p.is_dir()))
        .or_else(|| config.folder.clone())
    else {
        eprintln!(
            "corridor: no ./journeys folder here and no `folder` in config.toml; name a folder or file: corridor PATH"
        );
        return 2;
    };
    let (folder, entries) = match effects::read_entries(&path) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("corridor: {}", crate::text::inert(&e));
            return 2;
        }
    };
    let env_no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let today = match crate::clock::today() {
        Ok(today) => today,
        Err(e) => {
            eprintln!("corridor: {}", crate::text::inert(&e));
            return 2;
        }
    };
    let options = Options {
        today,
        color: !(launch.no_color || env_no_color || config.no_color),
        ascii: launch.ascii || config.ascii || !locale_is_utf8(),
        mouse: launch.mouse || config.mouse,
        read_only: launch.read_only,
    };
    let mut state = AppState::new(folder, entries, options);
    state.source = path;
    state.live = (launch.live || config.live) && !launch.read_only;
    effects::open_current(&mut state);
    match run_loop(&mut state) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("corridor: terminal error: {e}");
            2
        }
    }
}

fn restore(mouse: bool) {
    let mut out = std::io::stdout();
    if mouse {
        let _ = execute!(out, event::DisableMouseCapture);
    }
    let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

fn run_loop(state: &mut AppState) -> std::io::Result<u8> {
    let mouse = state.options.mouse;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
    // SIGTERM and SIGHUP are handled on their own thread: after an SSH
    // drop the main thread can be stuck inside crossterm's event poll,
    // which spins on end-of-file (crossterm#793) and never returns.
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            restore(mouse);
            std::process::exit(128 + sig);
        }
    });
    terminal::enable_raw_mode()?;
    let mut out = std::io::stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, event::EnableMouseCapture)?;
    }
    let result = event_loop(state);
    restore(mouse);
    result
}

fn event_loop(state: &mut AppState) -> std::io::Result<u8> {
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, std::io::stdout()));
    let scrolling = screen::scroll_regions(std::env::var("TERM").ok().as_deref());
    let mut screen = Screen::new(Terminal::new(backend)?, scrolling);
    let (width, height) = terminal::size()?;
    update(state, Action::Resize(width, height));
    draw(state, &mut screen)?;
    // Other writers (an editor, git pull) are noticed through the folder:
    // git and editors save by rename, which strands a watch on the file.
    let (changes, changed) = std::sync::mpsc::channel();
    let _watcher = watch(&state.folder, changes);
    // Live mode: when unsaved edits are due to be saved.
    let mut due: Option<Instant> = None;
    loop {
        if effects::history_arrived(state) {
            draw(state, &mut screen)?;
        }
        // Wake now and then to notice changes on disk (and when a live
        // save is due); nothing runs idle.
        // A history being read is looked for more often.
        let tick = if state.trend_pending.is_some() {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(300)
        };
        let wait = due.map_or(tick, |d| {
            d.saturating_duration_since(Instant::now()).min(tick)
        });
        match event::poll(wait) {
            Ok(true) => {}
            Ok(false) => {
                if changed.try_recv().is_ok() {
                    while changed.try_recv().is_ok() {}
                    if effects::disk_changed(state) {
                        // Merged-in changes change what a recovery holds.
                        effects::journal(state);
                        draw(state, &mut screen)?;
                    }
                }
                if due.is_some_and(|d| Instant::now() >= d) {
                    due = None;
                    if live_save(state) {
                        draw(state, &mut screen)?;
                    }
                }
                continue;
            }
            Err(_) => return Ok(128 + SIGHUP as u8),
        }
        let action = match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                if on_key(state, &mut screen, &key)? {
                    return Ok(0);
                }
                None
            }
            Ok(Event::Resize(w, h)) => {
                screen.autoresize()?;
                Some(Action::Resize(w, h))
            }
            Ok(Event::Mouse(m)) if state.options.mouse => match m.kind {
                MouseEventKind::ScrollUp => Some(Action::Up),
                MouseEventKind::ScrollDown => Some(Action::Down),
                _ => None,
            },
            Ok(_) => None,
            // The terminal is gone (an SSH link dropped): treat as a hang-up.
            Err(_) => return Ok(128 + SIGHUP as u8),
        };
        if let Some(action) = action
            && (apply(state, &mut screen, action)? == Effect::Quit || state.quit)
        {
            return Ok(0);
        }
        if state.live && due.is_none() && state.is_dirty() {
            due = Some(Instant::now() + LIVE_DELAY);
        }
        if due.is_some_and(|d| Instant::now() >= d) {
            due = None;
            if live_save(state) {
                draw(state, &mut screen)?;
            }
        }
    }
}

/// Applies what a key means in the current mode; an Alt-key with no
/// binding of its own is Esc then the key (see `keymap::split_alt`), each
/// read in the mode the one before it left. True when the workbench ends.
pub fn on_key<B: Backend<Error = std::io::Error> + Write>(
    state: &mut AppState,
    screen: &mut Screen<B>,
    key: &event::KeyEvent,
) -> std::io::Result<bool> {
    for key in keymap::split_alt(&state.mode, key) {
        let Some(action) = keymap::action_for(&state.mode, &key) else {
            continue;
        };
        if apply(state, screen, action)? == Effect::Quit || state.quit {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Live mode saves this long after an edit: soon enough for a room to see
/// it within a second, late enough to take a few keys at once.
const LIVE_DELAY: Duration = Duration::from_millis(400);

/// Saves the open journey's edits in live mode, unless a question is open
/// (the save would ask another). True when something changed on screen.
fn live_save(state: &mut AppState) -> bool {
    let asking = matches!(
        state.mode,
        state::Mode::Clash
            | state::Mode::Conflict
            | state::Mode::ConfirmQuit
            | state::Mode::Recover { .. }
    );
    if asking || !state.is_dirty() || state.read_only().is_some() {
        return false;
    }
    effects::save(state);
    effects::journal(state);
    true
}

/// Watches `folder` for changes; `None` when the platform cannot (the
/// workbench then only sees changes on `r`).
fn watch(
    folder: &std::path::Path,
    changes: std::sync::mpsc::Sender<()>,
) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = changes.send(());
        }
    })
    .ok()?;
    watcher
        .watch(folder, notify::RecursiveMode::Recursive)
        .ok()?;
    Some(watcher)
}

/// One turn of the loop: update the state, carry out the effect, and draw
/// only when something changed (and then send only what changed).
pub fn apply<B: Backend<Error = std::io::Error> + Write>(
    state: &mut AppState,
    screen: &mut Screen<B>,
    action: Action,
) -> std::io::Result<Effect> {
    let depth = state.opened().map(|o| o.history.depth());
    let effect = update(state, action);
    if state.opened().map(|o| o.history.depth()) != depth {
        effects::journal(state);
    }
    match effect {
        Effect::None | Effect::Quit => {}
        Effect::Save => {
            effects::save(state);
            effects::journal(state);
            draw(state, screen)?;
        }
        Effect::SaveAndQuit => {
            if effects::save(state) {
                effects::journal(state);
                state.quit = true;
                return Ok(Effect::Quit);
            }
            if state.mode == state::Mode::ConfirmQuit {
                state.mode = state::Mode::Browse;
            }
            draw(state, screen)?;
        }
        Effect::Redraw => draw(state, screen)?,
        Effect::LoadHistory => {
            effects::load_history(state);
            draw(state, screen)?;
        }
        Effect::Reload => {
            effects::reload(state);
            effects::open_current(state);
            draw(state, screen)?;
        }
        Effect::Opened => {
            effects::open_current(state);
            draw(state, screen)?;
        }
        Effect::ForceReload => {
            effects::reload(state);
            effects::open_current(state);
            draw(state, screen)?;
        }
        Effect::SaveCopy => {
            effects::save_copy(state);
            draw(state, screen)?;
        }
        Effect::DiscardRecovery => {
            effects::discard_recovery(state);
            draw(state, screen)?;
        }
        Effect::DiscardAndQuit => {
            effects::discard_own_journal(state);
            state.quit = true;
            return Ok(Effect::Quit);
        }
    }
    Ok(effect)
}

/// Draws a frame: only what changed is sent, rows that moved as scrolls
/// (see `screen::Screen::draw`).
pub fn draw<B: Backend<Error = std::io::Error> + Write>(
    state: &AppState,
    screen: &mut Screen<B>,
) -> std::io::Result<()> {
    screen.draw(|frame| ui::render(state, frame))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};

    fn courier(dir: &std::path::Path) -> AppState {
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/samples/online-order-courier.toml");
        let path = dir.join("journey.toml");
        std::fs::copy(source, &path).expect("copy");
        let (folder, entries) = effects::read_entries(&path).expect("read");
        let options = Options {
            today: crate::model::Date {
                year: 2026,
                month: 1,
                day: 15,
            },
            color: false,
            ascii: false,
            read_only: false,
            mouse: false,
        };
        AppState::new(folder, entries, options)
    }

    fn press(state: &mut AppState, code: KeyCode, modifiers: KeyModifiers) -> bool {
        let terminal = Terminal::with_options(
            CrosstermBackend::new(Vec::<u8>::new()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
            },
        )
        .expect("terminal");
        let mut screen = Screen::new(terminal, false);
        on_key(state, &mut screen, &KeyEvent::new(code, modifiers)).expect("key applied")
    }

    #[test]
    fn esc_then_a_key_arriving_as_alt_key_is_two_actions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut state = courier(dir.path());
        update(&mut state, Action::Resize(100, 30));
        // Help open in the Gaps view: Esc closes it, j moves down a row.
        press(&mut state, KeyCode::Char('2'), KeyModifiers::NONE);
        press(&mut state, KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(state.mode, state::Mode::Help);
        press(&mut state, KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(state.mode, state::Mode::Browse);
        assert_eq!(state.gaps.selected, 1);
        // Typing a search: Esc clears it, j moves on instead of being typed.
        press(&mut state, KeyCode::Char('/'), KeyModifiers::NONE);
        press(&mut state, KeyCode::Char('e'), KeyModifiers::NONE);
        press(&mut state, KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(state.mode, state::Mode::Browse);
        assert_eq!(state.search, "");
        // Esc then q quits.
        assert!(press(&mut state, KeyCode::Char('q'), KeyModifiers::ALT));
    }
}
