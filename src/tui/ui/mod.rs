//! Drawing: a pure function of the state. Nothing here changes the state.

mod chrome;
mod popups;
pub mod theme;
mod views;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::state::{AppState, Mode, View};
use theme::Theme;

pub use popups::help::last_scroll as help_last_scroll;

/// Smallest size the workbench draws at.
pub const MIN_SIZE: (u16, u16) = (60, 15);

/// Draws the whole screen.
pub fn render(state: &AppState, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::new(&state.options);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(frame, area);
        return;
    }
    let [title, tabs, main, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::title(state, &theme, frame, title);
    chrome::tabs(state, &theme, frame, tabs);
    match state.view {
        View::Journeys => views::journeys::render(state, &theme, frame, main),
        _ => match state.opened() {
            Some(opened) => match state.view {
                View::Corridor => views::corridor::render(state, opened, &theme, frame, main),
                View::Gaps => views::gaps::render(state, opened, &theme, frame, main),
                View::Owners => views::owners::render(state, opened, &theme, frame, main),
                View::Curve => views::curve::render(state, opened, &theme, frame, main),
                View::Actions => views::actions::render(state, opened, &theme, frame, main),
                View::Trend => views::trend::render(state, opened, &theme, frame, main),
                View::Blueprint => views::blueprint::render(state, opened, &theme, frame, main),
                View::Journeys => {}
            },
            None => frame.render_widget(
                Paragraph::new("No journey opened: pick one in the Journeys view (6)."),
                main,
            ),
        },
    }
    chrome::status(state, &theme, frame, status);
    chrome::hints(state, &theme, frame, hints);
    match state.mode {
        Mode::Help => popups::help::render(state, &theme, frame, area),
        Mode::Filter { row } => popups::filter::render(state, row, &theme, frame, main),
        Mode::Detail => {
            if let (Some(opened), Some(index)) = (state.opened(), state.detail_touchpoint()) {
                popups::detail::render(opened, index, &theme, frame, main);
            }
        }
        Mode::Form(ref form) => {
            if let Some(opened) = state.opened() {
                let editor = state.editor.as_ref();
                popups::form::render(opened, form, editor, &theme, frame, area);
            }
        }
        Mode::Recover { show } => popups::recover::render(state, show, &theme, frame, area),
        Mode::Persona => {
            if let Some(opened) = state.opened() {
                popups::persona::render(opened, &theme, frame, main);
            }
        }
        Mode::Compare { first, second, row } => {
            views::compare::render(state, (first, second, row), &theme, frame, main);
        }
        Mode::Clash => popups::clash::render(state, &theme, frame, area),
        Mode::Pick { row } => {
            if let Some(opened) = state.opened() {
                popups::form::render_picker(opened, row, &theme, frame, area);
            }
        }
        Mode::Browse
        | Mode::Conflict
        | Mode::Search
        | Mode::Capture { .. }
        | Mode::ConfirmQuit
        | Mode::ConfirmDelete { .. } => {}
    }
    if theme.ascii {
        asciify(frame.buffer_mut());
    }
}

/// Replaces the drawing characters widgets use (chart axes and markers,
/// blocks, braille) with ASCII, for terminals that cannot show them. Letters
/// from journey files are left alone.
fn asciify(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        let mut chars = cell.symbol().chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let replacement = match c {
            '─' | '━' | '═' | '╌' | '┄' => '-',
            '│' | '┃' | '║' | '╎' | '┆' => '|',
            '\u{2500}'..='\u{257F}' => '+',
            '\u{2580}'..='\u{259F}' => '#',
            '\u{2801}'..='\u{28FF}' | '•' | '★' => '*',
            '\u{2800}' => ' ',
            '·' => '-',
            '…' => '~',
            '↵' => '/',
            '▲' => '^',
            '▼' => 'v',
            _ => continue,
        };
        cell.set_char(replacement);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}x{}, need {}x{}",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        )),
    ];
    frame.render_widget(Paragraph::new(text), area);
}

/// The first visible row so that `selected` shows within `height` rows,
/// starting from the remembered `offset`.
pub fn window(selected: usize, offset: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}
