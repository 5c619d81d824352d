//! Everything a user can ask of the workbench, as data. Keys map to these
//! (see `keymap`), `update` applies them.

use super::state::View;

/// One user intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Move the selection left (previous stage or column).
    Left,
    /// Move the selection right (next stage or column).
    Right,
    /// Jump a page up.
    PageUp,
    /// Jump a page down.
    PageDown,
    /// Jump to the first row.
    Home,
    /// Jump to the last row.
    End,
    /// Open the selection (a journey, a touchpoint's full detail).
    Open,
    /// Back out of the current popup, mode or detail.
    Back,
    /// Show a view.
    Show(View),
    /// Cycle to the next view.
    NextView,
    /// Cycle to the previous view.
    PrevView,
    /// Open the next journey of the folder.
    NextJourney,
    /// Open the previous journey of the folder.
    PreviousJourney,
    /// Toggle the help screen.
    Help,
    /// Start a live search.
    Search,
    /// Open the filter panel.
    Filter,
    /// Type a character into the search, a prompt or a form field.
    Input(char),
    /// Delete the character before the cursor (search, form field).
    Erase,
    /// Delete the character under the cursor.
    EraseNext,
    /// Delete the word before the cursor.
    EraseWord,
    /// Delete from the start of the line to the cursor.
    EraseToStart,
    /// Delete from the cursor to the end of the line.
    EraseToEnd,
    /// Reload the journeys from disk.
    Reload,
    /// Start workshop score capture on the selected touchpoint.
    Capture,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save the open journey.
    Save,
    /// Edit the selected touchpoint (or action) in a form.
    Edit,
    /// Pick the journey header, a stage, department, partner or action to edit.
    EditOther,
    /// Add one of what the view lists: a touchpoint after the selected
    /// one, an action for the selected gap (Gaps, Actions), an entry (`E`).
    Add,
    /// Add an action for the selected touchpoint.
    AddAction,
    /// Step the selected action's status: open, doing, done.
    CycleStatus,
    /// Delete the selected touchpoint (asks first).
    Delete,
    /// Move the selection later: a touchpoint within its stage, an entry
    /// within its list.
    MoveLater,
    /// Move the selection earlier: a touchpoint within its stage, an entry
    /// within its list.
    MoveEarlier,
    /// Move the selected touchpoint to the end of the previous stage.
    MoveToPreviousStage,
    /// Move the selected touchpoint to the start of the next stage.
    MoveToNextStage,
    /// Show the persona card of the open journey.
    Persona,
    /// In the Journeys view, mark the selected journey for comparing.
    Mark,
    /// In the Journeys view, compare the selected journey with the marked
    /// one, else with its baseline.
    Compare,
    /// When a save met another corridor's change to the same field: keep
    /// this workbench's value (theirs goes into undo history).
    KeepMine,
    /// When a save met another corridor's change to the same field: take
    /// theirs (this workbench's value goes into undo history).
    TakeTheirs,
    /// Quit the workbench.
    Quit,
    /// The terminal changed size.
    Resize(u16, u16),
    /// A key for the multi-line text editor.
    Key(crossterm::event::KeyEvent),
}
