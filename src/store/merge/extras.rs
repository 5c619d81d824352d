//! What the model does not hold, merged in the document: the tables THEIRS
//! added keep the comments and the unknown keys THEIRS wrote them with, and
//! keys corridor does not know (kept on save) merge three-way by their
//! written value, in entries and at the top of the file.

use std::collections::{HashMap, HashSet};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::super::canonical::Framing;
use super::super::order;
use super::super::{SourceMap, parse_journey};
use crate::analysis::merge::{Clash, Conflict};
use crate::model::{EntryList, HEADER, Id, Journey, Kind, KindVisitor, visit_kind};

/// The other two inputs of a merge.
pub struct Sides<'a> {
    pub base: &'a str,
    pub theirs: &'a str,
    pub theirs_journey: &'a Journey,
    pub theirs_spans: &'a SourceMap,
}

impl Sides<'_> {
    /// Whether THEIRS wrote a comment right above the table of entry
    /// `index` of `kind`: only then is its table worth more than the one a
    /// save writes.
    fn commented(&self, kind: Kind, index: usize) -> bool {
        let Some(entry) = self
            .theirs_spans
            .entries
            .get(&kind)
            .and_then(|e| e.get(index))
        else {
            return false;
        };
        let before = &self.theirs[..entry.table.start.min(self.theirs.len())];
        before
            .trim_end_matches(['\n', '\r', ' ', '\t'])
            .rsplit('\n')
            .next()
            .is_some_and(|line| line.trim_start().starts_with('#'))
    }
}

/// Entries of the merged journey that only THEIRS had, exactly as THEIRS
/// has them: their tables can be copied from THEIRS. With `all` unset,
/// only those THEIRS wrote a comment above.
struct FromTheirs<'a, 'b> {
    merged: &'a Journey,
    sides: &'a Sides<'b>,
    all: bool,
}

impl KindVisitor for FromTheirs<'_, '_> {
    type Output = HashSet<Id>;

    fn visit<E: EntryList>(self) -> HashSet<Id> {
        let news: Vec<&E> = E::list(self.merged)
            .iter()
            .filter(|e| e.origin().index().is_none())
            .collect();
        if news.is_empty() {
            return HashSet::new();
        }
        let theirs: HashMap<&Id, (usize, &E)> = E::list(self.sides.theirs_journey)
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id(), (i, e)))
            .collect();
        news.into_iter()
            .filter(|e| {
                theirs.get(e.id()).is_some_and(|(i, t)| {
                    *t == *e && (self.all || self.sides.commented(E::KIND, *i))
                })
            })
            .map(|e| e.id().clone())
            .collect()
    }
}

/// The merged text with THEIRS's tables and the unknown keys merged in;
/// `None` when there is nothing to do (or it would not read back as
/// `journey`). Unknown keys changed differently on both sides keep OURS's
/// value and are added to `conflicts`.
pub fn apply(
    text: &str,
    journey: &Journey,
    sides: &Sides<'_>,
    unknown: bool,
    conflicts: &mut Vec<Conflict>,
) -> Option<String> {
    let donors: HashMap<Kind, HashSet<Id>> = Kind::ALL
        .iter()
        .map(|&k| {
            let found = visit_kind(
                k,
                FromTheirs {
                    merged: journey,
                    sides,
                    all: unknown,
                },
            );
            (k, found)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();
    let comments = comments_of(sides.base) != comments_of(sides.theirs);
    if donors.is_empty() && !unknown && !comments {
        return None;
    }
    let mut doc: DocumentMut = text.parse().ok()?;
    // What the document writes untouched: when nothing below changes it,
    // the text stays as it is (toml_edit would add a missing last newline).
    let untouched = doc.to_string();
    let theirs: DocumentMut = sides.theirs.parse().ok()?;
    let base: Option<DocumentMut> = if unknown || comments {
        Some(sides.base.parse().ok()?)
    } else {
        None
    };
    let mut found = Vec::new();
    for kind in Kind::ALL {
        let known: HashSet<&str> = kind.fields().iter().map(|s| s.field.key()).collect();
        let theirs_tables = tables(&theirs, kind);
        let base_tables = base.as_ref().map(|b| tables(b, kind)).unwrap_or_default();
        let empty = HashSet::new();
        let copied = donors.get(&kind).unwrap_or(&empty);
        let Some(Item::ArrayOfTables(array)) = doc.get_mut(kind.key()) else {
            continue;
        };
        for table in array.iter_mut() {
            let Some(id) = table.get("id").and_then(Item::as_str).map(str::to_owned) else {
                continue;
            };
            if copied.iter().any(|c| c.as_str() == id) {
                if let Some(donor) = theirs_tables.get(id.as_str()) {
                    adopt(table, donor);
                }
                continue;
            }
            if let (true, Some(b), Some(t)) = (
                comments,
                base_tables.get(id.as_str()),
                theirs_tables.get(id.as_str()),
            ) {
                carry_comments(table, b, t, true);
            }
            if unknown {
                let unknown_key = |k: &str| !known.contains(k);
                let subject = Some((kind, Id::new(&id).ok()?));
                merge_keys(
                    table,
                    base_tables.get(id.as_str()).copied(),
                    theirs_tables.get(id.as_str()).copied(),
                    &unknown_key,
                    &mut |clash| {
                        found.push(Conflict {
                            entry: subject.clone(),
                            clash,
                        })
                    },
                );
            }
        }
    }
    if let (true, Some(base)) = (comments, &base) {
        carry_comments(
            doc.as_table_mut(),
            base.as_table(),
            theirs.as_table(),
            false,
        );
    }
    if let (true, Some(base)) = (unknown, &base) {
        let top = |k: &str| {
            !HEADER.iter().any(|s| s.field.key() == k) && !Kind::ALL.iter().any(|c| c.key() == k)
        };
        let end = order::end_position(&doc);
        let root = doc.as_table_mut();
        let arrived = merge_keys(
            root,
            Some(base.as_table()),
            Some(theirs.as_table()),
            &top,
            &mut |clash| found.push(Conflict { entry: None, clash }),
        );
        // A table that arrived from THEIRS goes after everything else.
        for (n, key) in arrived.iter().enumerate() {
            if let Some(Item::Table(t)) = root.get_mut(key) {
                t.set_position(Some(end.saturating_add(n as isize)));
            }
        }
    }
    if doc.to_string() == untouched {
        conflicts.extend(found);
        return None;
    }
    order::renumber(&mut doc);
    let out = Framing::of(text).apply(doc.to_string());
    let reread = parse_journey(&out).journey?;
    if reread != *journey {
        return None;
    }
    conflicts.extend(found);
    Some(out)
}

/// Every comment of a text, as written (a `#` in a string counts too: it
/// only makes the merge look closer).
fn comments_of(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.find('#').map(|at| l[at..].trim_end()))
        .collect()
}

/// The comment lines of a decor, without the blank lines and indentation
/// around them.
fn comment_text(raw: Option<&toml_edit::RawString>) -> Vec<String> {
    raw.and_then(|r| r.as_str())
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Comments THEIRS changed and OURS left as in BASE: above the table
/// (`header`: it has one of its own), above each key and after each value.
/// Where both changed a comment, OURS's stays.
fn carry_comments(table: &mut Table, base: &Table, theirs: &Table, header: bool) {
    let changed = |b: Option<&toml_edit::RawString>,
                   o: Option<&toml_edit::RawString>,
                   t: Option<&toml_edit::RawString>| {
        let (b, o, t) = (comment_text(b), comment_text(o), comment_text(t));
        t != b && o == b
    };
    if header
        && changed(
            base.decor().prefix(),
            table.decor().prefix(),
            theirs.decor().prefix(),
        )
        && let Some(prefix) = theirs.decor().prefix().and_then(|p| p.as_str())
    {
        table.decor_mut().set_prefix(prefix.to_owned());
    }
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let (Some(b), Some(t)) = (base.key(&key), theirs.key(&key)) else {
            continue;
        };
        let (b_prefix, t_prefix) = (b.leaf_decor().prefix(), t.leaf_decor().prefix());
        let above = t_prefix.and_then(|p| p.as_str()).map(str::to_owned);
        if let Some(mut slot) = table.key_mut(&key)
            && changed(b_prefix, slot.leaf_decor().prefix(), t_prefix)
            && let Some(above) = above
        {
            slot.leaf_decor_mut().set_prefix(above);
        }
        // A table under a key (`[persona]`, `[economics]`): its comments too.
        if let (Some(Item::Table(b)), Some(Item::Table(t)), Some(Item::Table(o))) =
            (base.get(&key), theirs.get(&key), table.get_mut(&key))
        {
            carry_comments(o, b, t, true);
            continue;
        }
        let (Some(b_after), Some(t_after)) =
            (value_suffix(base.get(&key)), value_suffix(theirs.get(&key)))
        else {
            continue;
        };
        let after = t_after.and_then(|s| s.as_str()).map(str::to_owned);
        if let Some(value) = table.get_mut(&key).and_then(Item::as_value_mut)
            && changed(b_after, value.decor().suffix(), t_after)
            && let Some(after) = after
        {
            value.decor_mut().set_suffix(after);
        }
    }
}

/// The decor after a value (its trailing comment); `None` for a table.
fn value_suffix(item: Option<&Item>) -> Option<Option<&toml_edit::RawString>> {
    item.and_then(Item::as_value).map(|v| v.decor().suffix())
}

/// The `[[kind]]` tables of a document by id.
fn tables(doc: &DocumentMut, kind: Kind) -> HashMap<&str, &Table> {
    match doc.get(kind.key()) {
        Some(Item::ArrayOfTables(array)) => array
            .iter()
            .filter_map(|t| Some((t.get("id")?.as_str()?, t)))
            .collect(),
        _ => HashMap::new(),
    }
}

/// Replaces a table written new by THEIRS's own, which keeps its comments
/// and unknown keys; a section heading placed above the new table stays.
fn adopt(table: &mut Table, donor: &Table) {
    let heading = table
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .filter(|p| p.contains('#'))
        .map(str::to_owned);
    let position = table.position();
    let mut copy = donor.clone();
    copy.set_position(position);
    if let Some(heading) = heading {
        let own = copy
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .trim_start_matches(['\n', '\r', ' ', '\t'])
            .to_owned();
        copy.decor_mut().set_prefix(format!("{heading}{own}"));
    }
    *table = copy;
}

/// An item as written, without the whitespace and comments around it.
fn bare(item: &Item) -> String {
    let mut item = item.clone();
    match &mut item {
        Item::Value(v) => v.decor_mut().clear(),
        Item::Table(t) => t.decor_mut().clear(),
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                t.decor_mut().clear();
            }
        }
        Item::None => {}
    }
    match item {
        Item::ArrayOfTables(a) => array_text(&a),
        other => other.to_string().trim().to_owned(),
    }
}

fn array_text(array: &ArrayOfTables) -> String {
    array
        .iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Three-way merge of the keys `pick` selects: THEIRS's change applies
/// where OURS (`table`) left the key as in BASE; two different changes are
/// reported and OURS's stays. Returns the keys that arrived from THEIRS.
fn merge_keys(
    table: &mut Table,
    base: Option<&Table>,
    theirs: Option<&Table>,
    pick: &dyn Fn(&str) -> bool,
    conflict: &mut dyn FnMut(Clash),
) -> Vec<String> {
    let mut arrived = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for t in [Some(&*table), base, theirs].into_iter().flatten() {
        for (k, _) in t.iter() {
            if pick(k) && !keys.iter().any(|x| x == k) {
                keys.push(k.to_owned());
            }
        }
    }
    for key in keys {
        let value = |t: Option<&Table>| t.and_then(|t| t.get(&key)).map(bare);
        let (b, o, t) = (value(base), value(Some(table)), value(theirs));
        if t == b || o == t {
            continue;
        }
        if o != b {
            conflict(Clash::Field {
                field: key.clone(),
                base: b,
                ours: o,
                theirs: t,
            });
            continue;
        }
        match (theirs.and_then(|t| t.get(&key)), table.get_mut(&key)) {
            (Some(item), Some(slot)) => {
                let position = slot.as_table().and_then(Table::position);
                *slot = item.clone();
                if let (Some(p), Item::Table(t)) = (position, slot) {
                    t.set_position(Some(p));
                }
            }
            (Some(item), None) => {
                table.insert(&key, item.clone());
                arrived.push(key);
            }
            (None, _) => {
                table.remove(&key);
            }
        }
    }
    arrived
}
