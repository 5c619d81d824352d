//! The edit form of a touchpoint: every field with its value; Enter edits
//! the field in focus, Left/Right pick stage, owner, partner and moment of
//! truth from the journey's lists, refused values say why in place.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::theme::Theme;
use super::centered;
use crate::model::GapClass;
use crate::text::{inert, truncate};
use crate::tui::forms::{matches, targets, touchpoint_fields};
use crate::tui::state::Opened;

/// What the form shows: which touchpoint, the field in focus, the text
/// being typed and the reason the last value was refused.
#[derive(Clone, Copy)]
pub struct Form<'a> {
    pub index: usize,
    pub row: usize,
    pub input: Option<&'a str>,
    pub error: Option<&'a str>,
    /// A line under the fields (type-ahead matches).
    pub hint: Option<&'a str>,
}

pub fn render(opened: &Opened, form: &Form<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(t) = opened.journey.touchpoints.get(form.index) else {
        return;
    };
    let rows = touchpoint_fields(t);
    let title = format!(" Edit {} ", inert(t.id.as_str()));
    // While typing a stage, owner, partner or channel: what it matches.
    let hint = match (rows.get(form.row), form.input, form.error) {
        (Some((field, _)), Some(typed), None) => {
            let found = matches(&opened.journey, field, typed);
            (!found.is_empty()).then(|| {
                let list: Vec<String> = found
                    .iter()
                    .take(6)
                    .map(|(id, name)| {
                        if id == name {
                            inert(id)
                        } else {
                            format!("{} ({})", inert(id), inert(name))
                        }
                    })
                    .collect();
                format!(" matches: {}", list.join(", "))
            })
        }
        _ => None,
    };
    let form = Form {
        hint: hint.as_deref(),
        ..*form
    };
    render_rows(&title, &rows, &form, theme, frame, area);
}

/// A form of `rows` (field, value); `form.index` is not used here.
pub fn render_rows(
    title: &str,
    rows: &[(&str, String)],
    form: &Form<'_>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let popup = centered(area, 90, rows.len() as u16 + 5);
    frame.render_widget(Clear, popup);
    let value_width = usize::from(popup.width.saturating_sub(20));
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(n, (field, current))| {
            let focused = n == form.row;
            let value = match (focused, form.input) {
                (true, Some(text)) => format!("{}_", inert(text)),
                _ => inert(current),
            };
            let label = format!(" {field:<16}");
            let value = truncate(&value, value_width, theme.ascii);
            if focused {
                let style = if form.input.is_some() {
                    theme.key()
                } else {
                    theme.selected()
                };
                Line::from(vec![
                    Span::styled(label, theme.selected()),
                    Span::raw(" "),
                    Span::styled(value, style),
                ])
            } else {
                Line::from(vec![
                    Span::styled(label, theme.heading()),
                    Span::raw(format!(" {value}")),
                ])
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(match (form.error, form.hint) {
        (Some(why), _) => Line::from(Span::styled(
            format!(" refused: {}", inert(why)),
            theme.class(GapClass::Critical),
        )),
        (None, Some(hint)) => Line::from(Span::styled(hint.to_owned(), theme.key())),
        (None, None) => Line::from(Span::styled(
            " Enter edit/apply  Left/Right pick  Esc cancel/close  (lists: a | b)",
            theme.dim(),
        )),
    });
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(title.to_owned());
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// The text area for a multi-line field.
pub fn render_text(
    editor: &ratatui_textarea::TextArea<'_>,
    field: &str,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let popup = centered(area, 90, 14);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(format!(" {field} (Ctrl-s applies, Esc cancels) "));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(editor, inner);
}

/// The list `E` opens: the header and every stage, department, partner and
/// action.
pub fn render_picker(opened: &Opened, row: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let list = targets(&opened.journey);
    let popup = centered(area, 90, area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let height = usize::from(popup.height.saturating_sub(2));
    let first = super::super::window(row, 0, height);
    let width = usize::from(popup.width.saturating_sub(2));
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(n, (_, label))| {
            let text = truncate(&format!(" {}", inert(label)), width, theme.ascii);
            if n == row {
                Line::from(Span::styled(text, theme.selected()))
            } else {
                Line::from(text)
            }
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Edit what? (Enter opens, Esc closes) ");
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
