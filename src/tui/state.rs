//! The workbench's state: the journeys of the folder, the open one, the view,
//! selections and modes. `update` changes it; `ui` only reads it.

use std::path::PathBuf;

use super::derived::{ActionRow, Derived};
use super::history::{Edit, History};
use crate::model::{GapClass, Journey};
use crate::store::JourneyFile;

/// The views, in key order `1`-`8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Corridor,
    Gaps,
    Owners,
    Curve,
    Actions,
    Journeys,
    /// The open journey over its git history.
    Trend,
    Blueprint,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Corridor,
        View::Gaps,
        View::Owners,
        View::Curve,
        View::Actions,
        View::Journeys,
        View::Trend,
        View::Blueprint,
    ];

    /// The number key that shows the view (also its label in the tabs).
    pub fn key(self) -> char {
        match self {
            View::Corridor => '1',
            View::Gaps => '2',
            View::Owners => '3',
            View::Curve => '4',
            View::Actions => '5',
            View::Journeys => '6',
            View::Trend => '7',
            View::Blueprint => '8',
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            View::Corridor => "Corridor",
            View::Gaps => "Gaps",
            View::Owners => "Owners",
            View::Curve => "Curve",
            View::Actions => "Actions",
            View::Journeys => "Journeys",
            View::Trend => "Trend",
            View::Blueprint => "Blueprint",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub fn cycle(self, step: isize) -> View {
        let n = Self::ALL.len() as isize;
        Self::ALL[((self.index() as isize + step).rem_euclid(n)) as usize]
    }
}

/// What keys currently mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Typing a search query.
    Search,
    /// The filter panel is open; `row` is the dimension being changed.
    Filter {
        row: usize,
    },
    Help,
    /// The selected touchpoint's full detail, full screen.
    Detail,
    /// Workshop score capture on touchpoint `index`: the next digit sets
    /// `expected`, or `actual` when `actual` is true.
    Capture {
        index: usize,
        actual: bool,
    },
    /// Quitting with unsaved changes: save, discard or cancel.
    ConfirmQuit,
    /// Saving found the file changed by someone else in a way that cannot
    /// be merged (removed, or no longer a valid journey): reload (dropping
    /// the edits), save the edits as a copy beside it, or cancel.
    Conflict,
    /// Saving met another corridor's save that changed fields these edits
    /// changed too: keep mine or take theirs (see `AppState::clash`).
    Clash,
    /// A recovery journal newer than the journey was found: recover,
    /// discard, or show the differences.
    Recover {
        show: bool,
    },
    /// The list of what else can be edited (header, stages, departments,
    /// partners, actions).
    Pick {
        row: usize,
    },
    /// Deleting touchpoint `index` waits for y or n.
    ConfirmDelete {
        index: usize,
    },
    /// The form of the journey header or of one entry.
    Form(Form),
    /// The persona card of the open journey.
    Persona,
    /// Two journeys side by side (indices into `AppState::entries`),
    /// `row` the first touchpoint row shown.
    Compare {
        first: usize,
        second: usize,
        row: usize,
    },
}

/// How the field in focus is being typed: in the one-line input, or in the
/// text area (multi-line fields). The text itself is `AppState::editor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    Line,
    Lines,
}

/// A form: every field of `target` from the field table, `row` in focus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub target: crate::model::Target,
    pub row: usize,
    pub typing: Option<Typing>,
    /// Why the last value was refused.
    pub error: Option<String>,
    /// The entry was added with this form and its id was never edited by
    /// hand: the id follows its name (or title).
    pub fresh: bool,
    /// The row of the `E` list to return to; `None` returns to the view.
    pub back_to: Option<usize>,
}

impl Form {
    pub fn new(target: crate::model::Target, back_to: Option<usize>) -> Self {
        Self {
            target,
            row: 0,
            typing: None,
            error: None,
            fresh: false,
            back_to,
        }
    }
}

/// Options fixed at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub color: bool,
    pub ascii: bool,
    pub read_only: bool,
    pub mouse: bool,
    /// The day due dates are measured against (`clock::today`).
    pub today: crate::model::Date,
}

/// A journey that parsed, with its cached figures, its file and its edits.
#[derive(Debug)]
pub struct Opened {
    pub journey: Journey,
    pub derived: Derived,
    /// The file it came from, for saving; `None` for a journey not on disk.
    pub file: Option<JourneyFile>,
    pub history: History,
    /// Why it cannot be edited (its lock file cannot be used).
    pub locked_out: Option<String>,
    /// The file changed on disk under unsaved edits in a way that did not
    /// merge (said once; saving asks).
    pub stale: bool,
    /// The lock path was checked and recovery offered since it was opened.
    pub checked: bool,
    /// Hash of the text the recovery journal's edits were last recorded as
    /// made on.
    pub journaled_base: Option<u64>,
}

impl Opened {
    pub fn new(journey: Journey, file: Option<JourneyFile>) -> Self {
        let derived = Derived::of(&journey);
        Self {
            journey,
            derived,
            file,
            history: History::new(),
            locked_out: None,
            stale: false,
            checked: false,
            journaled_base: None,
        }
    }

    /// Applies an edit (or its reverse) to the journey and refreshes the
    /// figures.
    pub fn apply(&mut self, edit: &Edit, reverse: bool) {
        super::history::apply(&mut self.journey, edit, reverse);
        self.derived = Derived::of(&self.journey);
    }
}

/// A save that met another corridor's changes to the same fields: the
/// journey on disk now, and the merge settled each way.
#[derive(Debug)]
pub struct Clash {
    /// The file as it is on disk now (the merge is written onto it).
    pub file: JourneyFile,
    /// Both sides merged, these edits winning where they clash.
    pub mine: Journey,
    /// Both sides merged, the other corridor's values winning.
    pub theirs: Journey,
    /// What clashed, one line each, for people.
    pub lines: Vec<String>,
}

/// One file of the folder.
#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    /// The path as shown (relative to where the user started).
    pub name: String,
    /// The journey, or the first error as `FILE:LINE:COL: message`.
    pub content: Result<Opened, String>,
}

/// The five things the Gaps view can filter by; `None` means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GapFilter {
    pub stage: Option<String>,
    /// A department id; the empty id stands for touchpoints nobody owns.
    pub department: Option<String>,
    pub partner: Option<String>,
    pub channel: Option<String>,
    pub class: Option<GapClass>,
}

impl GapFilter {
    pub const DIMENSIONS: [&'static str; 5] =
        ["stage", "department", "partner", "channel", "class"];

    pub fn is_empty(&self) -> bool {
        *self == GapFilter::default()
    }
}

/// A cursor into a list, with the first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves by `delta` within `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = (self.selected as isize + delta).clamp(0, len as isize - 1);
        self.selected = target as usize;
    }

    /// Keeps the selection within `height` visible rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// The Corridor view's selection: a stage, and a card within it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorridorCursor {
    pub stage: usize,
    pub card: usize,
    /// First stage column drawn.
    pub first_stage: usize,
    /// First card drawn in the selected stage's column.
    pub first_card: usize,
}

/// The Blueprint view's selection: a touchpoint (by corridor position) and
/// a row of its column: 0 the touchpoint, then its steps lane by lane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BlueprintCursor {
    pub position: usize,
    pub row: usize,
}

/// The whole state of the workbench.
#[derive(Debug)]
pub struct AppState {
    /// What was opened: a folder, or one journey file (reload reads it).
    pub source: PathBuf,
    /// The folder of the journeys (watched for changes by other writers).
    pub folder: PathBuf,
    pub entries: Vec<Entry>,
    /// Index into `entries` of the open journey, if any parsed.
    pub current: Option<usize>,
    pub view: View,
    pub mode: Mode,
    pub options: Options,
    pub corridor: CorridorCursor,
    pub gaps: ListCursor,
    pub owners: ListCursor,
    pub curve: usize,
    pub actions: ListCursor,
    pub journeys: ListCursor,
    /// The Trend view's touchpoint, in corridor order.
    pub trend_cursor: usize,
    /// The open journey's history, for the Trend view.
    pub trend: super::trend::Trend,
    /// Where the history being read in the background arrives.
    pub trend_pending: Option<std::sync::mpsc::Receiver<super::trend::Trend>>,
    pub blueprint: BlueprintCursor,
    /// The journey marked in the Journeys view for comparing (an index
    /// into `entries`).
    pub marked: Option<usize>,
    pub filter: GapFilter,
    pub search: String,
    /// Touchpoint indices shown in the Gaps view (ranked, filtered, searched).
    pub gap_rows: Vec<usize>,
    /// A one-line message for the status bar.
    pub status: Option<String>,
    /// The terminal's size as last drawn.
    pub size: (u16, u16),
    /// First line of the help screen shown.
    pub help_scroll: u16,
    /// The text being typed in a form (one line, or the text area).
    pub editor: Option<ratatui_textarea::TextArea<'static>>,
    /// Unsaved edits found in the recovery journal, with how they differ
    /// from the file, while the user decides.
    pub recovery: Option<(Box<Journey>, Vec<String>)>,
    /// The recovery file those edits came from (removed once recovered or
    /// discarded).
    pub recovery_file: Option<PathBuf>,
    /// A save waiting for keep mine / take theirs.
    pub clash: Option<Box<Clash>>,
    /// Live mode: every edit is saved within a second, so that other
    /// workbenches on the journey see it as it is made.
    pub live: bool,
    pub quit: bool,
}

/// What the screen shows, for telling whether an action changed anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Fingerprint {
    current: Option<usize>,
    view: View,
    mode: Mode,
    cursors: (
        CorridorCursor,
        ListCursor,
        ListCursor,
        usize,
        ListCursor,
        ListCursor,
    ),
    blueprint: (BlueprintCursor, Option<usize>),
    filter: GapFilter,
    search: String,
    status: Option<String>,
    help_scroll: u16,
    trend: (usize, bool),
    edits: (usize, usize),
    text: Option<(Vec<String>, (usize, usize))>,
}

impl AppState {
    pub fn new(folder: PathBuf, entries: Vec<Entry>, options: Options) -> Self {
        let current = entries.iter().position(|e| e.content.is_ok());
        let mut state = Self {
            source: folder.clone(),
            folder,
            entries,
            current,
            view: if current.is_some() {
                View::Corridor
            } else {
                View::Journeys
            },
            mode: Mode::Browse,
            options,
            corridor: CorridorCursor::default(),
            gaps: ListCursor::default(),
            owners: ListCursor::default(),
            curve: 0,
            actions: ListCursor::default(),
            journeys: ListCursor::default(),
            trend_cursor: 0,
            trend: super::trend::Trend::default(),
            trend_pending: None,
            blueprint: BlueprintCursor::default(),
            marked: None,
            filter: GapFilter::default(),
            search: String::new(),
            gap_rows: Vec::new(),
            status: None,
            size: (0, 0),
            help_scroll: 0,
            recovery: None,
            recovery_file: None,
            clash: None,
            live: false,
            editor: None,
            quit: false,
        };
        state.journeys.selected = current.unwrap_or(0);
        state.refresh_gap_rows();
        state
    }

    /// The open journey.
    pub fn opened(&self) -> Option<&Opened> {
        self.entries.get(self.current?)?.content.as_ref().ok()
    }

    pub fn opened_mut(&mut self) -> Option<&mut Opened> {
        self.entries.get_mut(self.current?)?.content.as_mut().ok()
    }

    /// Why edits are refused: `--read-only`, or the journey's lock file
    /// cannot be used.
    pub fn read_only(&self) -> Option<String> {
        if self.options.read_only {
            return Some("read-only: nothing is written".into());
        }
        self.opened()?.locked_out.clone()
    }

    /// Whether the open journey has edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.opened().is_some_and(|o| o.history.is_dirty())
    }

    /// Keeps the Corridor and Gaps selections inside what exists after a
    /// touchpoint was added or removed.
    pub fn clamp_selection(&mut self) {
        let Some(opened) = self.opened() else {
            return;
        };
        let members = &opened.derived.stage_members;
        let stage = self.corridor.stage.min(members.len().saturating_sub(1));
        let cards = members.get(stage).map_or(0, Vec::len);
        self.corridor.stage = stage;
        self.corridor.card = self.corridor.card.min(cards.saturating_sub(1));
        let rows = self.gap_rows.len();
        self.gaps.step(0, rows);
    }

    /// Selects touchpoint `index` in the Corridor (and the Gaps list).
    pub fn select_touchpoint(&mut self, index: usize) {
        let Some(opened) = self.opened() else {
            return;
        };
        let found = opened
            .derived
            .stage_members
            .iter()
            .enumerate()
            .find_map(|(s, members)| Some((s, members.iter().position(|&i| i == index)?)));
        let row = self.gap_rows.iter().position(|&i| i == index);
        if let Some((stage, card)) = found {
            self.corridor.stage = stage;
            self.corridor.card = card;
        }
        if let Some(row) = row {
            self.gaps.selected = row;
        }
    }

    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            current: self.current,
            view: self.view,
            mode: self.mode.clone(),
            cursors: (
                self.corridor,
                self.gaps,
                self.owners,
                self.curve,
                self.actions,
                self.journeys,
            ),
            blueprint: (self.blueprint, self.marked),
            filter: self.filter.clone(),
            search: self.search.clone(),
            status: self.status.clone(),
            help_scroll: self.help_scroll,
            trend: (
                self.trend_cursor,
                matches!(
                    self.trend,
                    super::trend::Trend::Unread | super::trend::Trend::Reading { .. }
                ),
            ),
            edits: self.opened().map_or((0, 0), |o| o.history.depth()),
            text: self.editor.as_ref().map(|e| {
                let ratatui_textarea::DataCursor(row, col) = e.cursor();
                (e.lines().to_vec(), (row, col))
            }),
        }
    }

    /// The touchpoint the current view points at, for the detail screen.
    pub fn detail_touchpoint(&self) -> Option<usize> {
        let opened = self.opened()?;
        match self.view {
            View::Corridor => self.corridor_selection(),
            View::Gaps => self.gap_rows.get(self.gaps.selected).copied(),
            View::Curve => opened.derived.corridor.get(self.curve).copied(),
            View::Actions => match opened.derived.action_rows.get(self.actions.selected)? {
                ActionRow::Unaddressed { index, .. } => Some(*index),
                ActionRow::Action(_, touchpoint) => *touchpoint,
                ActionRow::Heading(_) => None,
            },
            View::Trend => opened.derived.corridor.get(self.trend_cursor).copied(),
            View::Blueprint => opened
                .derived
                .corridor
                .get(self.blueprint.position)
                .copied(),
            View::Owners | View::Journeys => None,
        }
    }

    /// The name of the open journey's file.
    pub fn current_name(&self) -> Option<&str> {
        Some(self.entries.get(self.current?)?.name.as_str())
    }

    /// The touchpoint selected in the Corridor view, as an index.
    pub fn corridor_selection(&self) -> Option<usize> {
        let opened = self.opened()?;
        let members = opened.derived.stage_members.get(self.corridor.stage)?;
        members.get(self.corridor.card).copied()
    }

    /// Recomputes the Gaps view's rows after the filter, the search or the
    /// journey changed.
    pub fn refresh_gap_rows(&mut self) {
        let rows = match self.opened() {
            Some(opened) => {
                let query = self.search.to_lowercase();
                opened
                    .derived
                    .ranked
                    .iter()
                    .copied()
                    .filter(|&i| {
                        self.filter_accepts(opened, i) && matches_search(opened, i, &query)
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        self.gap_rows = rows;
        self.gaps.step(0, self.gap_rows.len());
    }

    fn filter_accepts(&self, opened: &Opened, index: usize) -> bool {
        let t = &opened.journey.touchpoints[index];
        let f = &self.filter;
        f.stage.as_ref().is_none_or(|s| t.stage.as_str() == s)
            && f.department.as_ref().is_none_or(|d| {
                if d.is_empty() {
                    // The Owners view's "(unowned)" row.
                    t.owner
                        .as_ref()
                        .is_none_or(|o| opened.journey.department(o).is_none())
                } else {
                    t.owner.as_ref().map(|o| o.as_str()) == Some(d.as_str())
                }
            })
            && f.partner
                .as_ref()
                .is_none_or(|p| t.partner.as_ref().map(|o| o.as_str()) == Some(p.as_str()))
            && f.channel
                .as_ref()
                .is_none_or(|c| t.channel.as_deref() == Some(c.as_str()))
            && f.class.is_none_or(|c| t.gap_class() == c)
    }
}

/// Whether a touchpoint's names or text contain `query` (lowercase).
pub fn matches_search(opened: &Opened, index: usize, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let t = &opened.journey.touchpoints[index];
    let hit = |s: &str| s.to_lowercase().contains(query);
    hit(&t.name)
        || hit(t.id.as_str())
        || t.channel.as_deref().is_some_and(hit)
        || t.owner.as_ref().is_some_and(|o| hit(o.as_str()))
        || t.partner.as_ref().is_some_and(|p| hit(p.as_str()))
        || t.expectation.as_deref().is_some_and(hit)
        || t.experience.as_deref().is_some_and(hit)
        || t.notes.as_deref().is_some_and(hit)
        || t.evidence.iter().any(|e| hit(e))
}
