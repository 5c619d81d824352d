//! The Trend view's data: the open journey's history as read from git, or
//! why there is none. `effects` reads it; `update` asks for it when the
//! view opens on a journey it was not read for.

use std::path::PathBuf;

use crate::analysis::history::History;

/// What the Trend view knows about the open journey's past.
#[derive(Debug, Clone, Default)]
pub enum Trend {
    /// Not read yet (or the journeys were reloaded since).
    #[default]
    Unread,
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
            | Trend::NotGit { path: p }
            | Trend::Failed { path: p, .. } => p == path,
        }
    }
}
