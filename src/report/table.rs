//! Tables as every format shows them: raw cell text (each writer makes it
//! inert and escapes it), an alignment per column and an optional gap class
//! per cell for colour. Markdown tables get their `|` lined up in the source
//! (cells padded by display width).

use crate::model::GapClass;
use crate::text::{inert, width};

/// Which side of its column a cell sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One table of a report. Cells hold raw text (file text included).
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
    /// The gap class of a cell, for writers that colour: (row, column,
    /// class), in row order (each is added to the last row).
    pub classes: Vec<(usize, usize, GapClass)>,
}

impl Table {
    pub fn new(columns: &[(&str, Align)]) -> Self {
        Self {
            header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            align: columns.iter().map(|&(_, a)| a).collect(),
            rows: Vec::new(),
            classes: Vec::new(),
        }
    }

    /// Adds a row; missing cells are left empty, extra cells are dropped.
    pub fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.header.len(), String::new());
        self.rows.push(cells);
    }

    /// Marks a cell of the last row with a gap class.
    pub fn tone(&mut self, column: usize, class: GapClass) {
        if let Some(row) = self.rows.len().checked_sub(1) {
            self.classes.push((row, column, class));
        }
    }

    /// The gap class of a cell, if it has one: a binary search for the
    /// row, then its few classed cells.
    pub fn class_of(&self, row: usize, column: usize) -> Option<GapClass> {
        let start = self.classes.partition_point(|&(r, _, _)| r < row);
        self.classes[start..]
            .iter()
            .take_while(|&&(r, _, _)| r == row)
            .find(|&&(_, c, _)| c == column)
            .map(|&(_, _, class)| class)
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as Markdown, one line per row, each ending in a newline.
    pub fn to_markdown(&self, out: &mut String) {
        let header: Vec<String> = self.header.iter().map(|c| md_text(c)).collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| md_text(c)).collect())
            .collect();
        let widths: Vec<usize> = (0..self.header.len())
            .map(|c| {
                std::iter::once(&header)
                    .chain(&rows)
                    .map(|r| r.get(c).map_or(0, |cell| width(cell)))
                    .max()
                    .unwrap_or(0)
                    .max(3)
            })
            .collect();
        self.line(out, &header, &widths);
        let rule: Vec<String> = widths
            .iter()
            .zip(&self.align)
            .map(|(&w, &a)| match a {
                Align::Left => "-".repeat(w),
                Align::Right => format!("{}:", "-".repeat(w - 1)),
            })
            .collect();
        self.line(out, &rule, &widths);
        for row in &rows {
            self.line(out, row, &widths);
        }
    }

    fn line(&self, out: &mut String, cells: &[String], widths: &[usize]) {
        out.push('|');
        for ((cell, &w), &align) in cells.iter().zip(widths).zip(&self.align) {
            let pad = " ".repeat(w.saturating_sub(width(cell)));
            out.push(' ');
            match align {
                Align::Left => {
                    out.push_str(cell);
                    out.push_str(&pad);
                }
                Align::Right => {
                    out.push_str(&pad);
                    out.push_str(cell);
                }
            }
            out.push_str(" |");
        }
        out.push('\n');
    }
}

/// File text as Markdown that shows exactly that text: inert first, then
/// backslash escapes for what GitHub would read as markup (`|` included, so
/// a cell never splits) and entities for `<`, `>` and `&` so no HTML passes.
pub fn md_text(text: &str) -> String {
    let clean = inert(text);
    let mut out = String::with_capacity(clean.len() + 8);
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Backslash escapes, never HTML entities: the raw file reads
            // as written (`Move in & meter`), and renders the same.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '$' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            // `&` is literal unless it could start an entity (`&amp;`).
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_find_their_class_among_many() {
        let mut table = Table::new(&[("A", Align::Left), ("B", Align::Left), ("C", Align::Left)]);
        for r in 0..50 {
            table.row(vec![String::new(); 3]);
            if r % 3 != 1 {
                table.tone(2, GapClass::Critical);
                table.tone(0, GapClass::Met);
            }
        }
        for r in 0..50 {
            let toned = r % 3 != 1;
            assert_eq!(table.class_of(r, 0), toned.then_some(GapClass::Met), "{r}");
            assert_eq!(table.class_of(r, 1), None, "{r}");
            assert_eq!(
                table.class_of(r, 2),
                toned.then_some(GapClass::Critical),
                "{r}"
            );
        }
        assert_eq!(table.class_of(50, 0), None);
    }

    #[test]
    fn pipes_line_up_with_wide_text() {
        let mut table = Table::new(&[("Name", Align::Left), ("N", Align::Right)]);
        table.row(vec!["日本語 a|b".into(), "12".into()]);
        table.row(vec!["x".into(), "3".into()]);
        let mut out = String::new();
        table.to_markdown(&mut out);
        let columns: Vec<Vec<usize>> = out
            .lines()
            .map(|line| {
                let mut at = Vec::new();
                let mut escaped = false;
                for (i, c) in line.char_indices() {
                    if c == '|' && !escaped {
                        at.push(width(&line[..i]));
                    }
                    escaped = c == '\\' && !escaped;
                }
                at
            })
            .collect();
        assert!(columns.windows(2).all(|w| w[0] == w[1]), "{out}");
        assert!(out.contains("a\\|b"));
        assert!(
            out.lines()
                .nth(1)
                .is_some_and(|rule| rule.ends_with("| --: |"))
        );
    }
}
