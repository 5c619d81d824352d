//! Overlays: help, the filter panel, a touchpoint's full detail, the
//! recovery offer and the keep-mine-or-take-theirs question.

pub mod clash;
pub mod detail;
pub mod filter;
pub mod form;
pub mod help;
pub mod measure;
pub mod persona;
pub mod recover;

use ratatui::layout::Rect;

/// A rectangle centred in `area`, at most `width` x `height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
