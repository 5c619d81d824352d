//! Where tables land in the saved file. toml_edit writes tables in order of
//! their stored position, not their order in the array, so moves and inserts
//! are expressed as positions: tables that keep their relative order keep
//! their place; moved and new tables go right after their predecessor.

use toml_edit::{DocumentMut, Item, Table};

use crate::model::Kind;

/// Gap left between original positions so new tables fit in between.
pub const SCALE: isize = 1 << 20;

/// Marks the entries that form a longest increasing run of original indices:
/// those stay where they are; every other reused entry counts as moved.
pub fn longest_increasing(sources: &[Option<usize>]) -> Vec<bool> {
    let items: Vec<(usize, usize)> = sources
        .iter()
        .enumerate()
        .filter_map(|(n, s)| s.map(|i| (n, i)))
        .collect();
    // Patience sorting with back-links, O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; items.len()];
    for (k, &(_, value)) in items.iter().enumerate() {
        let at = tails.partition_point(|&t| items[t].1 < value);
        back[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut keep = vec![false; sources.len()];
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        keep[items[k].0] = true;
        cursor = back[k];
    }
    keep
}

/// Multiplies every table position so that new ones fit between old ones.
pub fn spread_positions(doc: &mut DocumentMut) {
    visit_tables(doc.as_table_mut(), &mut |t| {
        if let Some(p) = t.position() {
            t.set_position(Some(p.saturating_mul(SCALE)));
        }
    });
}

/// Gives tables without a position (moved or new) one right after the table
/// before them; leading ones go just before the first kept table, or else
/// just before `next` (where the kind started, or what follows it).
pub fn place_new(tables: &mut [Table], next: isize) {
    let leading = tables.iter().take_while(|t| t.position().is_none()).count();
    let anchor = tables
        .get(leading)
        .and_then(Table::position)
        .unwrap_or(next);
    let mut last = anchor - leading as isize - 1;
    for table in tables.iter_mut() {
        match table.position() {
            Some(p) => last = p,
            None => {
                last += 1;
                table.set_position(Some(last));
            }
        }
    }
}

/// The last position used by any table.
pub fn end_position(doc: &DocumentMut) -> isize {
    let mut all = Vec::new();
    visit_top(doc, &mut |_, t| positions(t, &mut all));
    all.into_iter().max().unwrap_or(0).saturating_add(SCALE)
}

/// The rank of every table corridor does not know: after all the kinds.
const UNKNOWN: usize = Kind::ALL.len() + 1;

/// Where the canonical layout places a table: the persona card, the kinds
/// in their order, then every other table.
fn rank(name: &str) -> usize {
    if name == super::persona::TABLE {
        return 0;
    }
    Kind::ALL
        .iter()
        .position(|k| k.key() == name)
        .map_or(UNKNOWN, |p| p + 1)
}

/// The position of the first top-level table, if there is one.
pub fn first_position(doc: &DocumentMut) -> Option<isize> {
    let mut first: Option<isize> = None;
    visit_top(doc, &mut |_, t| {
        let p = rank_key(t);
        first = Some(first.map_or(p, |f| f.min(p)));
    });
    first
}

/// The position of the first table that the canonical layout puts after
/// the tables of `kind`.
pub fn first_after(doc: &DocumentMut, kind: Kind) -> Option<isize> {
    let own = rank(kind.key());
    let mut first: Option<isize> = None;
    // Before the next known kind; else before the tables corridor does not
    // know that come after every known one (the canonical layout's end),
    // never before one written among the entries.
    let mut last_known: Option<isize> = None;
    visit_top(doc, &mut |name, t| {
        let p = rank_key(t);
        if rank(name) != UNKNOWN {
            last_known = Some(last_known.map_or(p, |l| l.max(p)));
            if rank(name) > own {
                first = Some(first.map_or(p, |f| f.min(p)));
            }
        }
    });
    if first.is_some() {
        return first;
    }
    visit_top(doc, &mut |name, t| {
        let p = rank_key(t);
        if rank(name) == UNKNOWN && last_known.is_none_or(|l| p > l) {
            first = Some(first.map_or(p, |f| f.min(p)));
        }
    });
    first
}

/// A comment paragraph set apart from the table below it by a blank line: a
/// section heading. It describes a place in the file, not the table, so it
/// stays where it was when tables move or go.
#[derive(Debug)]
pub struct Heading {
    /// Position of the table before it when loaded (`None`: first table).
    after: Option<isize>,
    /// Canonical rank of the kind of table it was above: it never lands
    /// above a table of an earlier kind (a kind's first new table).
    rank: usize,
    /// Position of the table it was attached to.
    before: isize,
    text: String,
}

/// Takes the section headings off every top-level table, leaving each table
/// a blank line and its own comment (the lines right above its header).
pub fn detach_headings(doc: &mut DocumentMut) -> Vec<Heading> {
    let mut order: Vec<isize> = Vec::new();
    visit_top(doc, &mut |_, t| order.push(t.position().unwrap_or(0)));
    order.sort_unstable();
    let mut headings = Vec::new();
    visit_top_mut(doc, &mut |name, t| {
        let Some(prefix) = t
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .map(str::to_owned)
        else {
            return;
        };
        let mut cut = 0;
        let mut offset = 0;
        for line in prefix.split_inclusive('\n') {
            offset += line.len();
            if line.trim().is_empty() && line.ends_with('\n') {
                cut = offset;
            }
        }
        let (detached, attached) = prefix.split_at(cut);
        if !detached.contains('#') {
            return;
        }
        let own = t.position().unwrap_or(0);
        let at = order.partition_point(|&p| p < own);
        headings.push(Heading {
            after: at.checked_sub(1).map(|i| order[i]),
            rank: rank(name),
            before: own,
            text: detached.to_owned(),
        });
        t.decor_mut().set_prefix(format!("\n{attached}"));
    });
    headings
}

/// Puts each heading back in its place: after the table it followed when
/// that table kept its place, else before the first table at or after the
/// place it held; at the end of the file when no table follows.
pub fn reattach_headings(doc: &mut DocumentMut, headings: Vec<Heading>) {
    let mut positions = Vec::new();
    visit_top(doc, &mut |name, t| {
        positions.push((t.position().unwrap_or(0), rank(name)));
    });
    positions.sort_unstable();
    for heading in headings.into_iter().rev() {
        let exists = |p: isize| positions.binary_search_by_key(&p, |&(q, _)| q).is_ok();
        let from = match heading.after {
            Some(after) if exists(after) => after.saturating_add(1),
            None => isize::MIN,
            Some(_) => heading.before,
        };
        let start = positions.partition_point(|&(p, _)| p < from);
        let target = positions[start..]
            .iter()
            .find(|&&(_, rank)| rank >= heading.rank)
            .map(|&(p, _)| p);
        let mut given = false;
        if let Some(target) = target {
            visit_top_mut(doc, &mut |_, t| {
                if !given && t.position() == Some(target) {
                    let old = t.decor().prefix().and_then(|r| r.as_str()).unwrap_or("");
                    let joined = format!(
                        "{}{}",
                        heading.text,
                        old.trim_start_matches(['\n', '\r', ' ', '\t'])
                    );
                    t.decor_mut().set_prefix(joined);
                    given = true;
                }
            });
        }
        if !given {
            let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
            doc.set_trailing(format!("{}{trailing}", heading.text));
        }
    }
}

/// Renumbers every table 1, 2, 3... in final order, nested tables right
/// after their parent.
pub fn renumber(doc: &mut DocumentMut) {
    let mut order: Vec<isize> = Vec::new();
    visit_top(doc, &mut |_, t| order.push(rank_key(t)));
    let mut ranked: Vec<(isize, usize)> =
        order.into_iter().enumerate().map(|(i, p)| (p, i)).collect();
    ranked.sort();
    let mut rank = vec![0isize; ranked.len()];
    for (r, &(_, i)) in ranked.iter().enumerate() {
        rank[i] = r as isize;
    }
    // Each top-level block gets a band of positions for itself and its
    // nested tables.
    let mut index = 0;
    visit_top_mut(doc, &mut |_, t| {
        let base = rank[index] * SCALE + 1;
        index += 1;
        t.set_position(Some(base));
        let mut nested: Vec<isize> = Vec::new();
        visit_children(t, &mut |n| nested.push(n.position().unwrap_or(0)));
        nested.sort_unstable();
        visit_children(t, &mut |n| {
            let own = n.position().unwrap_or(0);
            let offset = nested.partition_point(|&p| p < own) as isize;
            n.set_position(Some(base + 1 + offset));
        });
    });
}

/// The positions of a table's header (unless it has none: `[[meta.rows]]`
/// makes `meta` implicitly) and of every table nested in it.
fn positions(table: &Table, out: &mut Vec<isize>) {
    if !table.is_implicit()
        && let Some(p) = table.position()
    {
        out.push(p);
    }
    for (_, item) in table.iter() {
        match item {
            Item::Table(t) => positions(t, out),
            Item::ArrayOfTables(a) => a.iter().for_each(|t| positions(t, out)),
            _ => {}
        }
    }
}

/// Where a top-level table stands in the file: its header's position, or,
/// for a table with no header of its own, where its first nested table
/// stands.
fn rank_key(table: &Table) -> isize {
    if !table.is_implicit() {
        return table.position().unwrap_or(0);
    }
    let mut all = Vec::new();
    positions(table, &mut all);
    all.into_iter().min().unwrap_or(0)
}

/// Calls `f` on every table nested below `table`.
fn visit_children(table: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => visit_tables(t, f),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    visit_tables(t, f);
                }
            }
            _ => {}
        }
    }
}

/// Calls `f` on every table nested in `table`, `table` included.
fn visit_tables(table: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    f(table);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => visit_tables(t, f),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    visit_tables(t, f);
                }
            }
            _ => {}
        }
    }
}

/// Calls `f` on each top-level table (`[table]`s and `[[array]]` entries)
/// with its name.
fn visit_top(doc: &DocumentMut, f: &mut dyn FnMut(&str, &Table)) {
    for (name, item) in doc.as_table().iter() {
        match item {
            Item::Table(t) if !t.is_dotted() => f(name, t),
            Item::ArrayOfTables(a) => a.iter().for_each(|t| f(name, t)),
            _ => {}
        }
    }
}

fn visit_top_mut(doc: &mut DocumentMut, f: &mut dyn FnMut(&str, &mut Table)) {
    for (name, item) in doc.as_table_mut().iter_mut() {
        match item {
            Item::Table(t) if !t.is_dotted() => f(&name, t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| f(&name, t)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_stays() {
        let keep = longest_increasing(&[Some(0), Some(2), Some(1), None, Some(3)]);
        assert_eq!(keep.iter().filter(|k| **k).count(), 3);
        assert!(keep[0] && keep[4] && !keep[3]);
        let moved_last = longest_increasing(&[Some(1), Some(2), Some(3), Some(0)]);
        assert_eq!(moved_last, vec![true, true, true, false]);
    }
}
