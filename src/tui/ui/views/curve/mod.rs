//! Curve: the journey's rollercoaster. Scores 1-5 (expected and actual) and
//! experience debt on separate panels over one x axis, emotion and stage
//! bands beneath, the selected touchpoint and the worst gap called out.

mod axis;
mod debt;
mod geometry;
mod scores;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::Theme;
use crate::model::{GapClass, Touchpoint};
use crate::text::{inert, truncate, width};
use crate::tui::state::{AppState, Opened};
use geometry::Slots;

/// Columns left of the plots: row labels ("Emotion") and axis values.
const MARGIN: u16 = 8;

/// What every part of the view needs to place and style itself.
struct Curve<'a> {
    opened: &'a Opened,
    theme: &'a Theme,
    slots: Slots,
    /// Left edge of the plots.
    left: u16,
    /// Corridor position of the selected touchpoint.
    selected: usize,
    /// Corridor position of the most severe gap.
    worst: Option<usize>,
}

impl Curve<'_> {
    /// The touchpoint at a corridor position.
    fn touchpoint(&self, p: usize) -> Option<&Touchpoint> {
        let index = *self.opened.derived.corridor.get(p)?;
        self.opened.journey.touchpoints.get(index)
    }

    /// A row of the plot area, `y` on screen.
    fn plot_row(&self, y: u16) -> Rect {
        Rect::new(self.left, y, self.slots.width, 1)
    }

    /// Marks the selected column: its background in colour, reverse video
    /// without.
    fn mark_selected(&self, buffer: &mut Buffer, rows: Rect) {
        let x = self.left + self.slots.center(self.selected);
        for y in rows.top()..rows.bottom() {
            if let Some(cell) = buffer.cell_mut((x, y)) {
                if self.theme.color {
                    cell.set_bg(Color::Blue);
                } else {
                    cell.modifier.insert(Modifier::REVERSED);
                }
            }
        }
    }

    /// Stage boundaries (the first cell of each stage but the first) in
    /// the blank cells of `rows`.
    fn boundaries(&self, buffer: &mut Buffer, rows: Rect) {
        let glyph = if self.theme.ascii { ":" } else { "┆" };
        for x in axis::stage_spans(self).into_iter().map(|s| s.start) {
            if x == 0 {
                continue;
            }
            for y in rows.top()..rows.bottom() {
                if let Some(cell) = buffer.cell_mut((self.left + x, y))
                    && cell.symbol() == " "
                {
                    cell.set_symbol(glyph).set_style(self.theme.dim());
                }
            }
        }
    }
}

/// One glyph of ours into one cell: cheaper than `set_string`, which
/// segments its text, and file text never goes through here.
fn put(buffer: &mut Buffer, (x, y): (u16, u16), glyph: &str, style: Style) {
    if let Some(cell) = buffer.cell_mut((x, y)) {
        cell.set_symbol(glyph).set_style(style);
    }
}

/// How the view's height is shared out.
#[derive(Debug, PartialEq)]
struct Rows {
    scores: u16,
    debt: u16,
    emotion: bool,
    worst: bool,
}

impl Rows {
    /// The info line, the two panel titles and the stages take a row each.
    /// The scores get 4k+1 rows (each score on a row of its own, evenly
    /// spaced) and about two thirds of the rest, the debt the remainder;
    /// the emotion row and the worst-gap line come when there is room for
    /// five score rows and two debt rows besides.
    fn of(height: u16) -> Option<Self> {
        let mut rest = height.checked_sub(4)?;
        let emotion = rest >= 8;
        rest -= u16::from(emotion);
        let worst = rest >= 14;
        rest -= u16::from(worst);
        if rest < 4 {
            return None;
        }
        let k = (rest * 2 / 3).saturating_sub(1) / 4;
        let scores = (4 * k.max(1) + 1).min(rest - 2);
        Some(Self {
            scores,
            debt: rest - scores,
            emotion,
            worst,
        })
    }
}

pub fn render(state: &AppState, opened: &Opened, theme: &Theme, frame: &mut Frame, area: Rect) {
    let len = opened.derived.corridor.len();
    if len == 0 {
        frame.render_widget(Paragraph::new("This journey has no touchpoints yet."), area);
        return;
    }
    let curve = Curve {
        opened,
        theme,
        slots: Slots {
            len,
            width: area.width.saturating_sub(MARGIN),
        },
        left: area.x + MARGIN,
        selected: state.curve.min(len - 1),
        worst: opened.derived.worst,
    };
    let info = Rect { height: 1, ..area };
    frame.render_widget(Paragraph::new(info_line(&curve, info.width)), info);
    let Some(rows) = Rows::of(area.height).filter(|_| curve.slots.width >= 4) else {
        return;
    };
    let mut y = area.y + 1;
    let mut take = |height: u16| {
        let rect = Rect::new(area.x, y, area.width, height);
        y += height;
        rect
    };
    let scores_title = take(1);
    let scores = take(rows.scores);
    let debt_title = take(1);
    let debt = take(rows.debt);
    let emotion = take(u16::from(rows.emotion));
    let stages = take(1);
    let worst = take(u16::from(rows.worst));

    frame.render_widget(
        Paragraph::new(scores::title(&curve, area.width)),
        scores_title,
    );
    scores::draw(&curve, frame.buffer_mut(), scores);
    frame.render_widget(Paragraph::new(debt::title(&curve, area.width)), debt_title);
    debt::draw(&curve, frame.buffer_mut(), debt);
    axis::emotion(&curve, frame.buffer_mut(), emotion);
    axis::stages(&curve, frame.buffer_mut(), stages);
    frame.render_widget(Paragraph::new(worst_line(&curve, area.width)), worst);
}

fn score(score: Option<crate::model::Score>) -> String {
    score.map_or("?".into(), |s| s.to_string())
}

/// The selected touchpoint: where it is, its name and every figure.
fn info_line(curve: &Curve, columns: u16) -> Line<'static> {
    let p = curve.selected;
    let Some(t) = curve.touchpoint(p) else {
        return Line::default();
    };
    let theme = curve.theme;
    let class = t.gap_class();
    let gap = t
        .gap()
        .map_or("?".into(), |g| format!("{g} {}", theme.symbol(class)));
    let debt = curve.opened.derived.debt.get(p).copied().unwrap_or(0);
    let figures = vec![
        Span::raw(format!(
            "  expected {}  actual {}  gap ",
            score(t.expected),
            score(t.actual)
        )),
        Span::styled(gap, theme.class(class)),
        Span::raw(format!(
            "  emotion {}  debt {debt}",
            t.emotion.map_or("-".into(), |e| e.to_string())
        )),
    ];
    let figures_width: usize = figures.iter().map(|s| width(&s.content)).sum();
    let at = format!("{}/{} ", p + 1, curve.slots.len);
    let moment = if t.moment_of_truth {
        format!(" {}", theme.moment())
    } else {
        String::new()
    };
    let room = usize::from(columns).saturating_sub(width(&at) + width(&moment) + figures_width);
    let name = truncate(&inert(&t.name), room.max(10), theme.ascii);
    let mut spans = vec![
        Span::styled(at, theme.heading()),
        Span::styled(name, Style::default().add_modifier(Modifier::BOLD)),
        Span::styled(moment, theme.key()),
    ];
    spans.extend(figures);
    Line::from(spans)
}

/// The worst moment of the journey in words, for anyone who missed it on
/// the curve.
fn worst_line(curve: &Curve, columns: u16) -> Line<'static> {
    let theme = curve.theme;
    let Some((p, t)) = curve.worst.and_then(|p| Some((p, curve.touchpoint(p)?))) else {
        return Line::from(Span::styled(
            "No gaps: every scored touchpoint meets or beats what was expected",
            theme.class(GapClass::Exceeded),
        ));
    };
    let class = t.gap_class();
    let gap = t.gap().map_or("?".into(), |g| g.to_string());
    let moment = if t.moment_of_truth {
        " at a moment of truth"
    } else {
        ""
    };
    let head = format!("Worst gap {gap} {}{moment}: ", theme.symbol(class));
    let at = format!("{}/{} ", p + 1, curve.slots.len);
    let room = usize::from(columns).saturating_sub(width(&head) + width(&at));
    Line::from(vec![
        Span::styled(head, theme.class(class)),
        Span::raw(at),
        Span::raw(truncate(&inert(&t.name), room, theme.ascii)),
    ])
}

/// Legend entries after a panel title, as many as fit in `columns`.
fn titled(
    title: &str,
    legend: Vec<Vec<Span<'static>>>,
    theme: &Theme,
    columns: u16,
) -> Line<'static> {
    let mut spans = vec![Span::styled(title.to_owned(), theme.heading())];
    let mut used = width(title);
    for entry in legend {
        let w: usize = entry.iter().map(|s| width(&s.content)).sum::<usize>() + 2;
        if used + w > usize::from(columns) {
            break;
        }
        used += w;
        spans.push(Span::raw("  "));
        spans.extend(entry);
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::{Rows, render};
    use crate::tui::effects::read_entries;
    use crate::tui::state::{AppState, Options};
    use crate::tui::ui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;

    #[test]
    fn any_area_draws_without_panic() {
        // The caller draws a "too small" notice below 60x15; the view itself
        // must still survive any area, at any offset.
        let dir = tempfile::tempdir().expect("temp dir");
        let mut terminal = Terminal::new(TestBackend::new(130, 40)).expect("terminal");
        for len in [0, 1, 2, 5, 1500] {
            let path = dir.path().join(format!("j{len}.toml"));
            std::fs::write(&path, crate::sample::synthetic_journey(len)).expect("written");
            for ascii in [false, true] {
                let (folder, entries) = read_entries(&path).expect("read");
                let options = Options {
                    color: !ascii,
                    ascii,
                    read_only: false,
                    mouse: false,
                    today: crate::model::Date {
                        year: 2026,
                        month: 1,
                        day: 15,
                    },
                };
                let mut state = AppState::new(folder, entries, options);
                state.curve = len.saturating_sub(1);
                let opened = state.opened().expect("opened");
                let theme = Theme::new(&options);
                for width in [0, 1, 7, 8, 9, 11, 12, 13, 20, 40, 59, 60, 61, 80, 125] {
                    for height in (0..=25).chain([30, 37]) {
                        let area = Rect::new(3, 2, width, height);
                        render(&state, opened, &theme, &mut terminal.get_frame(), area);
                    }
                }
            }
        }
    }

    #[test]
    fn rows_share_the_height() {
        // 80x24 and 160x45 leave 20 and 41 rows to the view.
        let full = |scores, debt| {
            Some(Rows {
                scores,
                debt,
                emotion: true,
                worst: true,
            })
        };
        assert_eq!(Rows::of(20), full(9, 5));
        assert_eq!(Rows::of(41), full(21, 14));
        // The smallest screen (60x15) leaves 11: every score keeps a row.
        let small = Rows::of(11).expect("fits");
        assert_eq!((small.scores, small.debt), (5, 2), "{small:?}");
        assert!(Rows::of(12).is_some_and(|r| r.emotion && r.scores == 5));
        for height in 0..200 {
            if let Some(rows) = Rows::of(height) {
                let extra = u16::from(rows.emotion) + u16::from(rows.worst);
                assert_eq!(4 + rows.scores + rows.debt + extra, height, "{height}");
                assert!(rows.debt >= 2, "height {height}");
            }
        }
        assert_eq!(Rows::of(7), None);
    }
}
