//! One touchpoint as a Corridor card, and how big cards are at a size:
//! wide terminals give the name two lines and the partner a line of its
//! own when the stages have the height for it, so a room reads them whole.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::super::theme::Theme;
use crate::model::{Journey, Touchpoint};
use crate::text::{fit, inert, truncate, width};

/// Narrowest stage column.
const MIN_COLUMN: u16 = 24;
/// From this width on, names get two lines and columns `WIDE_COLUMN`.
const WIDE: u16 = 120;
const WIDE_COLUMN: u16 = 30;

/// How cards are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cards {
    /// Most lines the name may take.
    pub name_lines: usize,
    /// Rows per card, the blank row after it included.
    pub rows: u16,
}

/// The narrowest a stage column gets at a terminal width.
pub fn min_column(width: u16) -> u16 {
    if width >= WIDE {
        WIDE_COLUMN
    } else {
        MIN_COLUMN
    }
}

impl Cards {
    /// The cards of a corridor `width` wide with `body` rows for cards,
    /// where the fullest stage holds `most` touchpoints: the roomiest
    /// layout that still shows every card of that stage.
    pub fn at(width: u16, body: u16, most: usize) -> Self {
        if width < WIDE {
            return Self {
                name_lines: 1,
                rows: 4,
            };
        }
        let most = u16::try_from(most.max(1)).unwrap_or(u16::MAX);
        // The last card's blank row may fall off the bottom.
        let rows = if 6u16.saturating_mul(most) <= body + 1 {
            6
        } else {
            5
        };
        Self {
            name_lines: 2,
            rows,
        }
    }
}

/// How one card is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub width: usize,
    pub cards: Cards,
    pub selected: bool,
}

/// The name in `lines` lines of `width` columns: wrapped at spaces, the
/// last line cut with an ellipsis when the name goes on; continuation
/// lines indented under the name.
fn name_lines_of(mark: &str, name: &str, width: usize, lines: usize, ascii: bool) -> Vec<String> {
    let room = width.saturating_sub(2);
    let mut rest = name.trim();
    let mut out = Vec::with_capacity(lines);
    for n in 0..lines {
        let line = if n + 1 == lines {
            rest.to_owned()
        } else {
            let first = crate::text::wrap(rest, room)
                .into_iter()
                .next()
                .unwrap_or_default();
            rest = rest
                .strip_prefix(first.as_str())
                .unwrap_or_default()
                .trim_start();
            first
        };
        let lead = if n == 0 { mark } else { " " };
        out.push(fit(&format!("{lead} {line}"), width, ascii));
    }
    out
}

/// The owner's and the partner's names, inert.
fn owner_and_partner(journey: &Journey, t: &Touchpoint) -> (String, Option<String>) {
    let owner = t.owner.as_ref().map_or("(no owner)".to_owned(), |o| {
        journey
            .department(o)
            .map_or(o.to_string(), |d| d.name.clone())
    });
    let partner = t
        .partner
        .as_ref()
        .map(|p| journey.partner(p).map_or(p.to_string(), |p| p.name.clone()));
    (inert(&owner), partner.map(|p| inert(&p)))
}

/// `  channel · owner / partner` in `width` columns: when it is too long
/// the owner is cut first, so the partner still shows.
fn meta_line(lead: &str, owner: &str, partner: Option<&str>, width: usize, ascii: bool) -> String {
    let Some(partner) = partner else {
        return fit(&format!("{lead}{owner}"), width, ascii);
    };
    let whole = format!("{lead}{owner} / {partner}");
    let room = width.saturating_sub(width_of(lead) + width_of(partner) + 3);
    if width_of(&whole) <= width || room < 4 {
        return fit(&whole, width, ascii);
    }
    fit(
        &format!("{lead}{} / {partner}", truncate(owner, room, ascii)),
        width,
        ascii,
    )
}

fn width_of(text: &str) -> usize {
    width(text)
}

/// The lines of a card: name, channel and owner (and partner), scores.
pub fn lines<'a>(journey: &Journey, t: &Touchpoint, theme: &Theme, look: Look) -> Vec<Line<'a>> {
    let width = look.width;
    let class = t.gap_class();
    let mark = if t.moment_of_truth {
        theme.moment()
    } else {
        " "
    };
    let base = if look.selected {
        theme.selected()
    } else {
        Style::default()
    };
    let meta_style = if look.selected { base } else { theme.dim() };
    // Lines of text a card holds: the name, who delivers it, the scores.
    let budget = usize::from(look.cards.rows.saturating_sub(1)).max(3);
    let name = inert(&t.name);
    let needed = crate::text::wrap(&name, width.saturating_sub(2)).len();
    let name_lines = needed.clamp(1, look.cards.name_lines);
    let mut out: Vec<Line<'a>> = name_lines_of(mark, &name, width, name_lines, theme.ascii)
        .into_iter()
        .map(|line| Line::from(Span::styled(line, base)))
        .collect();
    let (owner, partner) = owner_and_partner(journey, t);
    let channel = inert(t.channel.as_deref().unwrap_or("-"));
    let lead = format!("  {channel} {} ", theme.dot());
    let meta = match partner {
        // Room for a line of its own: the partner shows whole.
        Some(partner) if budget >= name_lines + 3 => {
            vec![format!("{lead}{owner}"), format!("  / {partner}")]
        }
        partner => vec![meta_line(
            &lead,
            &owner,
            partner.as_deref(),
            width,
            theme.ascii,
        )],
    };
    for text in meta {
        out.push(Line::from(Span::styled(
            fit(&text, width, theme.ascii),
            meta_style,
        )));
    }
    let score = |s: Option<crate::model::Score>| s.map_or("?".to_owned(), |s| s.to_string());
    let gap = t.gap().map_or(String::new(), |g| g.to_string());
    let scores = format!("  {} -> {}  ", score(t.expected), score(t.actual));
    let symbol = format!("{} {gap}", theme.symbol(class));
    let pad = width.saturating_sub(width_of(&scores) + width_of(&symbol));
    out.push(Line::from(vec![
        Span::styled(scores, base),
        Span::styled(symbol, base.patch(theme.class(class))),
        Span::styled(" ".repeat(pad), base),
    ]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_is_cut_before_the_partner() {
        let lead = "  in-person · ";
        assert_eq!(
            meta_line(lead, "Field ops", Some("Metrix"), 32, false),
            "  in-person · Field ops / Metrix"
        );
        let cut = meta_line(lead, "Professional Services", Some("Metrix"), 30, false);
        assert!(cut.ends_with("… / Metrix"), "{cut:?}");
        assert_eq!(width(&cut), 30);
    }

    #[test]
    fn names_wrap_onto_a_second_line_then_end_in_an_ellipsis() {
        let lines = name_lines_of("★", "Parcel delivered while nobody is home", 20, 2, false);
        assert_eq!(lines, ["★ Parcel delivered  ", "  while nobody is h…"]);
        let short = name_lines_of(" ", "Opens the parcel", 20, 2, true);
        assert_eq!(short, ["  Opens the parcel  ", &" ".repeat(20)]);
    }

    #[test]
    fn wide_cards_grow_when_the_fullest_stage_fits() {
        assert_eq!(
            Cards::at(119, 40, 3),
            Cards {
                name_lines: 1,
                rows: 4
            }
        );
        assert_eq!(
            Cards::at(160, 29, 3),
            Cards {
                name_lines: 2,
                rows: 6
            }
        );
        assert_eq!(
            Cards::at(160, 16, 3),
            Cards {
                name_lines: 2,
                rows: 5
            }
        );
    }
}
