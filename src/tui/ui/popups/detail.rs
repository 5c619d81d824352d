//! Everything about one touchpoint: the detail pane and the full screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::theme::Theme;
use crate::model::{Journey, Touchpoint};
use crate::text::inert;
use crate::tui::state::Opened;

/// `Owner / Partner`, by name.
pub fn owner_label(journey: &Journey, t: &Touchpoint) -> String {
    let owner = t.owner.as_ref().map_or("(no owner)".to_owned(), |o| {
        journey
            .department(o)
            .map_or(o.to_string(), |d| d.name.clone())
    });
    let text = match &t.partner {
        Some(p) => {
            let partner = journey.partner(p).map_or(p.to_string(), |p| p.name.clone());
            format!("{owner} / {partner}")
        }
        None => owner,
    };
    inert(&text)
}

fn field<'a>(theme: &Theme, label: &str, value: String) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.heading()),
        Span::raw(value),
    ])
}

/// A labelled text field; each line of a multi-line text on its own line.
fn push_text<'a>(out: &mut Vec<Line<'a>>, theme: &Theme, label: &str, text: &str) {
    let mut lines = text.lines();
    out.push(field(theme, label, inert(lines.next().unwrap_or(""))));
    let indent = " ".repeat(label.len() + 2);
    out.extend(lines.map(|l| Line::from(format!("{indent}{}", inert(l)))));
}

/// The lines describing touchpoint `index`.
pub fn lines<'a>(opened: &Opened, index: usize, theme: &Theme) -> Vec<Line<'a>> {
    let j = &opened.journey;
    let Some(t) = j.touchpoints.get(index) else {
        return Vec::new();
    };
    let class = t.gap_class();
    let stage = j
        .stage(&t.stage)
        .map_or(t.stage.to_string(), |s| s.name.clone());
    let score = |s: Option<crate::model::Score>| s.map_or("?".to_owned(), |s| s.to_string());
    let mut out = vec![
        Line::from(vec![
            Span::styled(
                format!(
                    "{}{}",
                    if t.moment_of_truth {
                        format!("{} ", theme.moment())
                    } else {
                        String::new()
                    },
                    inert(&t.name)
                ),
                theme.heading(),
            ),
            Span::raw(format!(
                "  {} {} {} {} {}",
                inert(&stage),
                theme.dot(),
                inert(t.channel.as_deref().unwrap_or("-")),
                theme.dot(),
                owner_label(j, t)
            )),
        ]),
        Line::from(vec![
            Span::raw(format!("{} -> {}  ", score(t.expected), score(t.actual))),
            Span::styled(
                format!(
                    "{} {} {}",
                    theme.symbol(class),
                    t.gap().map_or(String::new(), |g| g.to_string()),
                    class.name()
                ),
                theme.class(class),
            ),
            Span::raw(format!(
                "  severity {}{}{}",
                opened.derived.severity.get(index).copied().unwrap_or(0),
                t.emotion
                    .map_or(String::new(), |e| format!("  emotion {e}")),
                if t.moment_of_truth {
                    "  moment of truth"
                } else {
                    ""
                }
            )),
        ]),
    ];
    for (label, text) in [("Expected", &t.expectation), ("Experience", &t.experience)] {
        if let Some(text) = text {
            push_text(&mut out, theme, label, text);
        }
    }
    if !t.evidence.is_empty() {
        let list: Vec<String> = t.evidence.iter().map(|e| inert(e)).collect();
        out.push(field(theme, "Evidence", list.join("; ")));
    }
    out.extend(super::measure::lines(j, t, theme));
    if let Some(notes) = &t.notes {
        push_text(&mut out, theme, "Notes", notes);
    }
    for action in j.actions_for(&t.id) {
        let due = action.due.map_or(String::new(), |d| format!(", due {d}"));
        let owner = action
            .owner
            .as_ref()
            .map_or(String::new(), |o| format!(", {o}"));
        out.push(field(
            theme,
            "Action",
            format!(
                "[{}] {}{owner}{due}{aim}",
                action.status.name(),
                inert(&action.title),
                aim = action.target.as_ref().map_or(String::new(), |t| format!(
                    ", aims for {}",
                    inert(&t.to_string())
                ))
            ),
        ));
    }
    out
}

/// The full-screen detail of a touchpoint.
pub fn render(opened: &Opened, index: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(" Touchpoint (Esc closes, j/k next) ");
    let text = lines(opened, index, theme);
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        area,
    );
}
