//! Corridor: stages as columns left to right, touchpoints as cards, the
//! selected touchpoint in full underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::super::chrome;
use super::super::popups::detail;
use super::super::theme::Theme;
use super::super::window;
use crate::text::{fit, inert};
use crate::tui::state::{AppState, Opened};

mod card;

use card::{Cards, Look};

/// The persona shows above the corridor from this many rows of view.
const PERSONA_FROM: u16 = 34;
const PERSONA_ROWS: u16 = 3;

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let area = match &opened.journey.persona {
        Some(persona) if area.height >= PERSONA_FROM => {
            let [top, rest] =
                Layout::vertical([Constraint::Length(PERSONA_ROWS + 1), Constraint::Min(1)])
                    .areas(area);
            let block = Block::default()
                .borders(Borders::BOTTOM)
                .border_set(theme.border())
                .title_bottom(Span::styled(" Persona (p: the card) ", theme.dim()));
            let lines: Vec<_> = super::super::popups::persona::lines(persona, theme)
                .into_iter()
                .take(usize::from(PERSONA_ROWS))
                .collect();
            frame.render_widget(Paragraph::new(lines).block(block), top);
            rest
        }
        _ => area,
    };
    // A search says what it looks for and how many touchpoints match (the
    // Gaps rows: the Corridor selects the first of them). A filter alone
    // changes nothing here, so it says nothing.
    let header = if state.search.is_empty() {
        None
    } else {
        chrome::narrowing(
            state,
            opened,
            theme,
            state.gap_rows.len(),
            usize::from(area.width),
        )
    };
    let area = match header {
        Some(line) => {
            let [top, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
            frame.render_widget(Paragraph::new(line), top);
            rest
        }
        None => area,
    };
    let detail_h = (area.height / 3).clamp(5, 10);
    let [columns, pane] =
        Layout::vertical([Constraint::Min(6), Constraint::Length(detail_h)]).areas(area);
    draw_columns(state, opened, theme, frame, columns);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_set(theme.border())
        .title(Span::styled(" Detail (Enter: full screen) ", theme.dim()));
    let inner = block.inner(pane);
    frame.render_widget(block, pane);
    match state.corridor_selection() {
        Some(index) => {
            let text = detail::lines(opened, index, theme);
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        }
        None => frame.render_widget(Paragraph::new("This stage has no touchpoints."), inner),
    }
}

fn draw_columns(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let stages = &opened.journey.stages;
    if stages.is_empty() {
        frame.render_widget(Paragraph::new("This journey has no stages yet."), area);
        return;
    }
    let visible = usize::from((area.width / card::min_column(area.width)).max(1)).min(stages.len());
    let most = opened
        .derived
        .stage_members
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    // Columns have a two-line head above the cards.
    let cards = Cards::at(area.width, area.height.saturating_sub(2), most);
    let first = window(state.corridor.stage, state.corridor.first_stage, visible);
    let constraints = vec![Constraint::Ratio(1, visible as u32); visible];
    let areas = Layout::horizontal(constraints).split(area);
    for (slot, column) in areas.iter().enumerate() {
        let s = first + slot;
        let Some(stage) = stages.get(s) else {
            continue;
        };
        let last = slot + 1 == visible;
        let block = Block::default()
            .borders(if last { Borders::NONE } else { Borders::RIGHT })
            .border_set(theme.border());
        let inner = block.inner(*column);
        frame.render_widget(block, *column);
        let width = usize::from(inner.width.saturating_sub(1));
        let mut title = inert(&stage.name);
        if let Some(phase) = stage.phase {
            title.push_str(&format!(" ({})", phase.name()));
        }
        if slot == 0 && first > 0 {
            title = format!("< {title}");
        }
        if last && s + 1 < stages.len() {
            title = format!(
                "{} >",
                fit(&title, width.saturating_sub(2), theme.ascii).trim_end()
            );
        }
        let members = opened
            .derived
            .stage_members
            .get(s)
            .map_or(&[][..], Vec::as_slice);
        let header = vec![
            Line::from(Span::styled(
                fit(&title, width, theme.ascii),
                theme.heading(),
            )),
            Line::from(Span::styled(
                crate::text::plural(members.len(), "touchpoint"),
                theme.dim(),
            )),
        ];
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        frame.render_widget(Paragraph::new(header), head);
        let fits = usize::from((body.height / cards.rows).max(1));
        let selected = (s == state.corridor.stage).then_some(state.corridor.card);
        let start = selected.map_or(0, |c| window(c, 0, fits));
        for (row, &index) in members.iter().skip(start).take(fits).enumerate() {
            let top = row as u16 * cards.rows;
            let card_area = Rect {
                x: body.x,
                y: body.y + top,
                width: body.width,
                height: (cards.rows - 1).min(body.height.saturating_sub(top)),
            };
            let t = &opened.journey.touchpoints[index];
            let look = Look {
                width,
                cards,
                selected: selected == Some(start + row),
            };
            let lines = card::lines(&opened.journey, t, theme, look);
            frame.render_widget(Paragraph::new(lines), card_area);
        }
        if members.len() > start + fits {
            let more = Rect {
                y: body.y + body.height.saturating_sub(1),
                height: 1,
                ..body
            };
            let text = format!("{} more", members.len() - start - fits);
            frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), more);
        }
    }
}
