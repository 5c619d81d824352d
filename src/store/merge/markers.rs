//! Conflicts in a merged file, as git marks them: OURS's lines, BASE's and
//! THEIRS's between `<<<<<<<`, `|||||||`, `=======` and `>>>>>>>`, each
//! side as its own file wrote it. Such a file is not a journey until
//! someone keeps one side and deletes the markers; `found` makes the parser
//! say so at each conflict.

use std::ops::Range;

use super::super::canonical::Framing;
use super::super::{SourceMap, parse_journey};
use super::extras::Sides;
use crate::analysis::merge::{Clash, Conflict, Side};
use crate::model::{Finding, Id, Journey, Kind, Locus, ids};

const START: &str = "<<<<<<<";
const BASE: &str = "|||||||";
const MIDDLE: &str = "=======";
const END: &str = ">>>>>>>";

/// A finding at every conflict left between markers.
pub fn found(text: &str) -> Vec<Finding> {
    let mut offset = 0;
    let mut findings = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix(START) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with([' ', '\r', '\n'])) {
            continue;
        }
        let label = rest.trim();
        // Ours: `ours (touchpoint page: actual)`; git's: `HEAD`.
        let label = label
            .strip_prefix("ours (")
            .and_then(|l| l.strip_suffix(')'))
            .unwrap_or(label);
        let about = if label.is_empty() {
            String::new()
        } else {
            format!(" ({label})")
        };
        findings.push(Finding::error(
            Locus::Span(start..start + START.len()),
            format!(
                "unresolved merge conflict{about}: keep the lines of one side between `{START}` and `{END}` and delete the marker lines"
            ),
        ));
    }
    findings
}

/// A file parsed, for finding lines in it.
struct Located<'a> {
    text: &'a str,
    journey: Journey,
    spans: SourceMap,
}

impl<'a> Located<'a> {
    fn new(text: &'a str) -> Option<Self> {
        let parsed = parse_journey(text);
        Some(Self {
            text,
            journey: parsed.journey?,
            spans: parsed.source_map,
        })
    }

    fn index(&self, kind: Kind, id: &Id) -> Option<usize> {
        ids(&self.journey, kind).position(|i| i == id)
    }

    /// `range` widened to whole lines.
    fn lines(&self, range: Range<usize>) -> Range<usize> {
        let start = self.text[..range.start].rfind('\n').map_or(0, |p| p + 1);
        let end = if range.end > range.start && self.text[..range.end].ends_with('\n') {
            range.end
        } else {
            self.text[range.end..]
                .find('\n')
                .map_or(self.text.len(), |p| range.end + p + 1)
        };
        start..end
    }

    /// The lines of a whole entry: its header to its last key.
    fn table(&self, kind: Kind, id: &Id) -> Option<Range<usize>> {
        let entry = self.spans.entries.get(&kind)?.get(self.index(kind, id)?)?;
        let last = entry
            .fields
            .values()
            .map(|r| r.end)
            .chain([entry.table.end])
            .max()?;
        let mut lines = self.lines(entry.table.start..last);
        // Keys corridor does not know follow on the next lines.
        while let Some(next) = self.text[lines.end..].split_inclusive('\n').next() {
            let t = next.trim_start();
            if t.is_empty() || t.starts_with('#') || t.starts_with('[') {
                break;
            }
            lines.end += next.len();
        }
        Some(lines)
    }

    /// The lines of one key, or where it would go (an empty range).
    fn key(&self, entry: Option<(Kind, &Id)>, key: &str) -> Option<Range<usize>> {
        let (known, around) = match entry {
            Some((kind, id)) => {
                let at = self.spans.entries.get(&kind)?.get(self.index(kind, id)?)?;
                (at.fields.get(key).cloned(), self.table(kind, id)?)
            }
            None => {
                let header_end = self.spans.header.values().map(|r| r.end).max().unwrap_or(0);
                (self.spans.header.get(key).cloned(), 0..header_end)
            }
        };
        if let Some(span) = known {
            return Some(self.lines(span));
        }
        let around = self.lines(around);
        let mut offset = around.start;
        for line in self.text[around.clone()].split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            if let Some(rest) = line.trim_start().strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                return Some(start..offset);
            }
        }
        Some(around.end..around.end)
    }

    fn slice(&self, range: Option<Range<usize>>) -> &str {
        range.and_then(|r| self.text.get(r)).unwrap_or("")
    }
}

/// `text` with every conflict marked between its lines on each side.
pub fn mark(text: &str, conflicts: &[Conflict], sides: &Sides<'_>) -> String {
    let eol = Framing::of(text).eol.as_str();
    let (Some(ours), Some(theirs)) = (Located::new(text), Located::new(sides.theirs)) else {
        return text.to_owned();
    };
    // No BASE when both sides added the file.
    let base = Located::new(sides.base);
    let base_slice = |f: &dyn Fn(&Located<'_>) -> Option<Range<usize>>| {
        base.as_ref().map_or("", |b| b.slice(f(b)))
    };
    let mut blocks: Vec<(Range<usize>, String)> = Vec::new();
    for conflict in conflicts {
        let entry = conflict.entry.as_ref().map(|(k, id)| (*k, id));
        let (label, at, sections) = match &conflict.clash {
            Clash::Field { field, .. } => {
                let at = ours.key(entry, field);
                let sections = [
                    ours.slice(at.clone()),
                    base_slice(&|b| b.key(entry, field)),
                    theirs.slice(theirs.key(entry, field)),
                ];
                (label(conflict), at, sections)
            }
            Clash::Removed { by, .. } => {
                let table = |f: &Located<'_>| entry.and_then(|(k, id)| f.table(k, id));
                let at = table(&ours);
                let kept = ours.slice(at.clone());
                let base_lines = base_slice(&table);
                let sections = match by {
                    Side::Ours => ["", base_lines, kept],
                    Side::Theirs => [kept, base_lines, ""],
                };
                (label(conflict), at, sections)
            }
        };
        let at = at.unwrap_or(text.len()..text.len());
        blocks.push((at, block(&label, sections, eol)));
    }
    blocks.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = text.to_owned();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    for (range, block) in blocks {
        let range = range.start.min(out.len())..range.end.min(out.len());
        out.replace_range(range, &block);
    }
    out
}

/// What a conflict's first marker names: `touchpoint page: actual`.
pub fn label(conflict: &Conflict) -> String {
    let text = match &conflict.clash {
        Clash::Field { field, .. } => format!("{}: {field}", conflict.subject()),
        Clash::Removed { .. } => conflict.subject(),
    };
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// The line (from 1) of a conflict's first marker in a marked text.
pub fn line_of(text: &str, conflict: &Conflict) -> Option<usize> {
    let marker = format!("{START} ours ({})", label(conflict));
    let at = text.find(&marker)?;
    Some(text[..at].matches('\n').count() + 1)
}

/// One conflict between markers; each section's lines end with `eol`.
fn block(label: &str, [ours, base, theirs]: [&str; 3], eol: &str) -> String {
    let mut out = String::new();
    let mut section = |marker: &str, label: &str, lines: &str| {
        out.push_str(marker);
        if !label.is_empty() {
            out.push(' ');
            out.push_str(label);
        }
        out.push_str(eol);
        for line in lines.lines() {
            out.push_str(line);
            out.push_str(eol);
        }
    };
    section(START, &format!("ours ({label})"), ours);
    section(BASE, "base", base);
    section(MIDDLE, "", theirs);
    out.push_str(END);
    out.push_str(" theirs");
    out.push_str(eol);
    out
}
