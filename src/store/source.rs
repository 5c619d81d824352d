//! Positions in a journey file: byte spans of entries and fields, and the
//! translation of byte offsets into 1-based line and column.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::Kind;
use crate::model::Locus;

/// Spans of one `[[table]]` entry: its header and each of its values.
#[derive(Debug, Clone, Default)]
pub struct EntrySpans {
    pub table: Range<usize>,
    pub fields: HashMap<&'static str, Range<usize>>,
    /// A touchpoint's metric values by name (the `value` of a table).
    pub metrics: HashMap<String, Range<usize>>,
}

/// Where each part of a parsed journey sits in its file.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    pub header: HashMap<&'static str, Range<usize>>,
    pub entries: HashMap<Kind, Vec<EntrySpans>>,
}

impl SourceMap {
    /// The byte span a finding points at, when it can be found.
    pub fn span(&self, locus: &Locus) -> Option<Range<usize>> {
        match locus {
            Locus::Span(span) => Some(span.clone()),
            Locus::Header(key) => self.header.get(key).cloned(),
            Locus::Entry { kind, index, field } => {
                let entry = self.entries.get(kind)?.get(*index)?;
                field
                    .and_then(|f| entry.fields.get(f).cloned())
                    .or_else(|| Some(entry.table.clone()))
            }
            Locus::Metric { index, name } => {
                let entry = self.entries.get(&Kind::Touchpoint)?.get(*index)?;
                entry
                    .metrics
                    .get(name)
                    .or_else(|| entry.fields.get("metrics"))
                    .cloned()
                    .or_else(|| Some(entry.table.clone()))
            }
            Locus::File => None,
        }
    }
}

/// Maps byte offsets of a text to line and column (both from 1; the column
/// counts characters, as editors do).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        // A byte-order mark is not a column.
        let column = self.text.get(start..offset).map_or(offset - start, |s| {
            s.chars().filter(|&c| c != '\u{FEFF}').count()
        });
        (line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let index = LineIndex::new("ab\ncdé f\n");
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(3), (2, 1));
        // 'é' is two bytes but one column
        assert_eq!(index.line_col(7), (2, 4));
        assert_eq!(index.line_col(100), (3, 1));
        let bom = LineIndex::new("\u{FEFF}schema = 2");
        assert_eq!(bom.line_col(12), (1, 10));
    }
}
