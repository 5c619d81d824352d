//! Forms and the `E` list. A form shows every field of the journey header
//! or of an entry, from the field table; the field in focus is typed in a
//! one-line input with a cursor (multi-line fields in a text area drawn
//! over the form); below the fields, type-ahead matches or why the last
//! value was refused.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::super::theme::Theme;
use super::centered;
use crate::model::{Field, FieldType, GapClass, Id, Target};
use crate::text::{inert, truncate, width};
use crate::tui::forms::{
    PickRow, fields, has_choices, id_for_name, matches, name_field, pick_rows, values,
};
use crate::tui::state::{Form, Opened, Typing};

/// Width of the field names column.
const LABEL: usize = 17;

pub fn render(
    opened: &Opened,
    form: &Form,
    editor: Option<&TextArea<'_>>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(rows) = values(&opened.journey, &form.target) else {
        return;
    };
    // Fields, a blank line and the hint line inside the border; on a short
    // screen the fields scroll to keep the focus in view.
    let popup = centered(area, 90, rows.len() as u16 + 4);
    frame.render_widget(Clear, popup);
    let room = usize::from(popup.height.saturating_sub(4)).max(1);
    let first = super::super::window(form.row, 0, room);
    let value_width = usize::from(popup.width.saturating_sub(2)).saturating_sub(LABEL + 2);
    let typed = editor.and_then(|e| Some((e.lines().first()?.as_str(), e.cursor().1)));
    let id_preview = preview(opened, form, typed.map(|(text, _)| text));
    let title = match &form.target {
        Target::Journey => " Edit the journey ".to_owned(),
        Target::Entry(kind, id) => {
            let verb = if form.fresh { "New" } else { "Edit" };
            let id = id_preview.as_ref().unwrap_or(id);
            format!(" {verb} {} {} ", kind.noun(), inert(id.as_str()))
        }
    };
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(n, (spec, current))| {
            let label = format!(" {:<width$}", spec.field.key(), width = LABEL - 1);
            if n != form.row {
                let shown = match (&id_preview, spec.field) {
                    (Some(id), Field::Id) => id.as_str(),
                    _ => current.as_str(),
                };
                let value = truncate(&inert(shown), value_width, theme.ascii);
                return Line::from(vec![
                    Span::styled(label, theme.heading()),
                    Span::raw(format!(" {value}")),
                ]);
            }
            let mut spans = vec![Span::styled(label, theme.selected()), Span::raw(" ")];
            match (form.typing, typed) {
                (Some(Typing::Line), Some((text, cursor))) => {
                    spans.extend(input(text, cursor, value_width, theme));
                }
                _ => {
                    let value = truncate(&inert(current), value_width, theme.ascii);
                    spans.push(Span::styled(value, theme.selected()));
                    if form.typing.is_none() && has_choices(spec.ty) {
                        spans.push(Span::styled("  Left/Right", theme.dim()));
                    }
                }
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::default());
    let focused = rows.get(form.row).map(|(spec, _)| *spec);
    let found = match (focused, form.typing, typed) {
        (Some(spec), Some(Typing::Line), Some((text, _))) => matches(&opened.journey, spec, text),
        _ => Vec::new(),
    };
    lines.push(match &form.error {
        Some(why) => Line::from(Span::styled(
            format!(" refused: {}", inert(why)),
            theme.class(GapClass::Critical),
        )),
        None if !found.is_empty() => {
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
            Line::from(Span::styled(
                format!(" matches: {}", list.join(", ")),
                theme.key(),
            ))
        }
        None => Line::from(Span::styled(
            match (form.typing, focused.map(|s| s.ty)) {
                (Some(_), Some(FieldType::TextList)) => {
                    " Enter apply, next  Esc apply, close  items: a | b | c"
                }
                (Some(_), _) => " Enter apply, next  Esc apply, close  Ctrl-u clear",
                (None, _) => " Enter type  Left/Right pick  Up/Down field  s save  Esc close",
            },
            theme.dim(),
        )),
    });
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(title);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    if let (Some(Typing::Lines), Some(editor), Some(spec)) = (form.typing, editor, focused) {
        render_text(editor, spec.field.key(), theme, frame, area);
    }
}

/// While the name of a new entry is typed: the id it will get.
fn preview(opened: &Opened, form: &Form, typed: Option<&str>) -> Option<Id> {
    let text = typed.filter(|t| !t.is_empty())?;
    let focused = fields(&form.target).get(form.row).map(|s| s.field);
    if !form.fresh || focused != Some(name_field(&form.target)) {
        return None;
    }
    id_for_name(&opened.journey, &form.target, text)
}

/// The one-line input: the text with the cursor as a reversed cell, the
/// start cut off when the cursor would be past the right edge.
fn input(text: &str, cursor: usize, room: usize, theme: &Theme) -> Vec<Span<'static>> {
    let split = text
        .char_indices()
        .nth(cursor)
        .map_or(text.len(), |(i, _)| i);
    let (before, rest) = text.split_at(split);
    let mut chars = rest.chars();
    let under = chars
        .next()
        .map_or(" ".to_owned(), |c| inert(&c.to_string()));
    let after = inert(chars.as_str());
    let under_width = width(&under).max(1);
    let before = tail(&inert(before), room.saturating_sub(under_width));
    let left = room.saturating_sub(width(&before) + under_width);
    let cursor_style = Style::default().add_modifier(ratatui::style::Modifier::REVERSED);
    vec![
        Span::styled(before, theme.key()),
        Span::styled(under, cursor_style),
        Span::styled(truncate(&after, left, theme.ascii), theme.key()),
    ]
}

/// The last `max` columns of `text`, never splitting a wide character.
fn tail(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

/// The text area for a multi-line field.
pub fn render_text(
    editor: &TextArea<'_>,
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
        .title(format!(" {field} (Esc or Ctrl-s applies) "));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(editor, inner);
}

/// The list `E` opens: the header, then a heading per kind (shown even
/// when it has no entry) over its entries.
pub fn render_picker(opened: &Opened, row: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let list = pick_rows(&opened.journey);
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
        .map(|(n, (kind, label))| {
            let text = truncate(&format!(" {}", inert(label)), width, theme.ascii);
            let style = match kind {
                _ if n == row => theme.selected(),
                PickRow::Heading(_) | PickRow::Header => theme.heading(),
                PickRow::Entry(..) => Style::default(),
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Edit what? (Enter opens, a adds, Esc closes) ");
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
