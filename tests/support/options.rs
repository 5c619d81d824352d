//! The workbench options the rendering tests draw with: the fixed test
//! date, in colour, without, and on an ASCII-only terminal.

use corridor::model::Date;
use corridor::tui::state::Options;

pub const COLOR: Options = Options {
    color: true,
    ascii: false,
    read_only: false,
    mouse: false,
    today: Date {
        year: 2026,
        month: 1,
        day: 15,
    },
};
pub const NO_COLOR: Options = Options {
    color: false,
    ..COLOR
};
pub const ASCII: Options = Options {
    ascii: true,
    ..COLOR
};
pub const ASCII_NO_COLOR: Options = Options {
    ascii: true,
    ..NO_COLOR
};
