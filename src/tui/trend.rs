//! The Trend view's data: the open journey's history as read from git, or
//! why there is none. `effects` has it read on a thread of its own (a long
//! history takes a second or more); `update` asks for it when the view
//! opens on a journey it was not read for.

use std::path::PathBuf;

use crate::analysis::history::History;

/// What the Trend view knows about the open journey's past.
#[derive(Debug, Clone, Default)]
pub enum Trend {
    /// Not read yet (or the journeys were reloaded since).
    #[default]
    Unread,
    /// Being read for the journey at `path`, off the event loop.
    Reading { path: PathBuf },
    /// The history of the journey at `path`.
    Read {
        path: PathBuf,
        history: Box<History>,
    },
    /// The journey at `path` is not in a git work tree.
    NotGit { path: PathBuf },
    /// Reading failed.
    Failed { path: PathBuf, why: String },
}

impl Trend {
    /// Whether this was read for the journey at `path`.
    pub fn is_for(&self, path: &std::path::Path) -> bool {
        match self {
            Trend::Unread => false,
            Trend::Read { path: p, .. }
            | Trend::Reading { path: p }
            | Trend::NotGit { path: p }
            | Trend::Failed { path: p, .. } => p == path,
        }
    }
}

/// Reads the history of the journey at `path` from git (it may take a
/// while: every commit of the file is read and analysed).
pub fn read(path: PathBuf) -> Trend {
    if !crate::store::in_work_tree(&path) {
        return Trend::NotGit { path };
    }
    match crate::store::file_history(&path, None) {
        Ok(log) => {
            let revisions = crate::store::revisions(&log);
            let history = revisions
                .first()
                .map(|(_, list)| crate::analysis::history::history(list))
                .unwrap_or_default();
            Trend::Read {
                path,
                history: Box::new(history),
            }
        }
        Err(e) => Trend::Failed {
            path,
            why: e.to_string(),
        },
    }
}
