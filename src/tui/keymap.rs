//! Keys to actions, per mode. The same table draws the help screen and the
//! hint bar, so what is documented is what works.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::state::{Form, Mode, Typing, View};

/// A key as written in help: `j`, `Down`, `Ctrl-r`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    /// A letter with Control held.
    Ctrl(char),
}

impl Key {
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Code(KeyCode::Delete) => "Delete".into(),
            Key::Code(KeyCode::Up) => "Up".into(),
            Key::Code(KeyCode::Down) => "Down".into(),
            Key::Code(KeyCode::Left) => "Left".into(),
            Key::Code(KeyCode::Right) => "Right".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(KeyCode::Enter) => "Enter".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::BackTab) => "Shift-Tab".into(),
            Key::Code(KeyCode::Backspace) => "Backspace".into(),
            Key::Code(code) => format!("{code:?}"),
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        match self {
            Key::Char(c) => event.code == KeyCode::Char(c),
            Key::Code(code) => event.code == code,
            Key::Ctrl(c) => {
                event.code == KeyCode::Char(c) && event.modifiers.contains(KeyModifiers::CONTROL)
            }
        }
    }
}

/// One binding: keys, the action, and what help says about it.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Short label for the hint bar, when the binding earns a place there.
    pub hint: Option<&'static str>,
}

use Key::{Char, Code, Ctrl};

/// One binding on one line: keys, action, help text, hint-bar label.
macro_rules! bind {
    ($keys:expr, $action:expr, $help:expr) => {
        Binding {
            keys: $keys,
            action: $action,
            help: $help,
            hint: None,
        }
    };
    ($keys:expr, $action:expr, $help:expr, $hint:expr) => {
        Binding {
            keys: $keys,
            action: $action,
            help: $help,
            hint: Some($hint),
        }
    };
}

#[path = "keymap_form.rs"]
mod form;

fn browse() -> Vec<Binding> {
    let b = |keys, action, help, hint| Binding {
        keys,
        action,
        help,
        hint,
    };
    vec![
        b(&[Code(KeyCode::Up), Char('k')], Action::Up, "move up", None),
        b(
            &[Code(KeyCode::Down), Char('j')],
            Action::Down,
            "move down",
            None,
        ),
        b(
            &[Code(KeyCode::Left), Char('h')],
            Action::Left,
            "move left (previous stage)",
            None,
        ),
        b(
            &[Code(KeyCode::Right), Char('l')],
            Action::Right,
            "move right (next stage)",
            None,
        ),
        b(&[Code(KeyCode::PageUp)], Action::PageUp, "page up", None),
        b(
            &[Code(KeyCode::PageDown)],
            Action::PageDown,
            "page down",
            None,
        ),
        b(
            &[Code(KeyCode::Home), Char('g')],
            Action::Home,
            "first row",
            None,
        ),
        b(
            &[Code(KeyCode::End), Char('G')],
            Action::End,
            "last row",
            None,
        ),
        b(
            &[Code(KeyCode::Enter)],
            Action::Open,
            "open the selection",
            Some("open"),
        ),
        b(&[Code(KeyCode::Esc)], Action::Back, "back out", None),
        b(
            &[Char('1')],
            Action::Show(View::Corridor),
            "Corridor view",
            None,
        ),
        b(&[Char('2')], Action::Show(View::Gaps), "Gaps view", None),
        b(
            &[Char('3')],
            Action::Show(View::Owners),
            "Owners view",
            None,
        ),
        b(&[Char('4')], Action::Show(View::Curve), "Curve view", None),
        b(
            &[Char('5')],
            Action::Show(View::Actions),
            "Actions view",
            None,
        ),
        b(
            &[Char('6')],
            Action::Show(View::Journeys),
            "Journeys view",
            None,
        ),
        b(
            &[Char('7')],
            Action::Show(View::Trend),
            "Trend view: debt over commits; j/k pick a touchpoint",
            None,
        ),
        b(
            &[Char(']')],
            Action::NextJourney,
            "next journey of the folder",
            None,
        ),
        b(
            &[Char('[')],
            Action::PreviousJourney,
            "previous journey of the folder",
            None,
        ),
        b(
            &[Char('8')],
            Action::Show(View::Blueprint),
            "Blueprint view: lanes behind each touchpoint",
            None,
        ),
        b(&[Char('p')], Action::Persona, "the persona card", None),
        b(
            &[Char('m')],
            Action::Mark,
            "mark a journey to compare (Journeys view)",
            None,
        ),
        b(
            &[Char('c')],
            Action::Compare,
            "compare it with the marked journey, else its baseline (Journeys view)",
            None,
        ),
        b(
            &[Code(KeyCode::Tab)],
            Action::NextView,
            "next view",
            Some("view"),
        ),
        b(
            &[Code(KeyCode::BackTab)],
            Action::PrevView,
            "previous view",
            None,
        ),
        b(
            &[Char('/')],
            Action::Search,
            "search names and text (Enter keeps, Esc clears)",
            Some("search"),
        ),
        b(
            &[Char('f')],
            Action::Filter,
            "filter gaps (Up/Down pick, Left/Right change)",
            Some("filter"),
        ),
        b(&[Char('r')], Action::Reload, "reload from disk", None),
        b(
            &[Char('x')],
            Action::Capture,
            "capture scores: digits set expected, then actual; Backspace steps back, s saves, Esc stops",
            Some("capture"),
        ),
        b(&[Char('u')], Action::Undo, "undo", None),
        b(&[Char('s')], Action::Save, "save", Some("save")),
        b(
            &[Char('e')],
            Action::Edit,
            "edit the selected touchpoint (the action, in Actions)",
            Some("edit"),
        ),
        b(
            &[Char('a')],
            Action::Add,
            "add a touchpoint after it (in Gaps and Actions: an action for the gap)",
            None,
        ),
        b(
            &[Char('A')],
            Action::AddAction,
            "add an action for the selected touchpoint",
            None,
        ),
        b(
            &[Char(' ')],
            Action::CycleStatus,
            "step an action's status (in the Actions view)",
            None,
        ),
        b(
            &[Char('E')],
            Action::EditOther,
            "edit header, stages, departments, partners, metrics, actions",
            None,
        ),
        b(&[Char('d')], Action::Delete, "delete it (asks first)", None),
        b(
            &[Char('J')],
            Action::MoveLater,
            "move it later in its stage",
            None,
        ),
        b(
            &[Char('K')],
            Action::MoveEarlier,
            "move it earlier in its stage",
            None,
        ),
        b(
            &[Char('H')],
            Action::MoveToPreviousStage,
            "move it to the end of the previous stage",
            None,
        ),
        b(
            &[Char('L')],
            Action::MoveToNextStage,
            "move it to the start of the next stage",
            None,
        ),
        b(&[Char('?')], Action::Help, "help", Some("help")),
        b(&[Char('q')], Action::Quit, "quit", Some("quit")),
    ]
}

/// The bindings active in a mode.
pub fn bindings(mode: &Mode) -> Vec<Binding> {
    let b = |keys, action, help, hint| Binding {
        keys,
        action,
        help,
        hint,
    };
    match mode {
        Mode::Browse => browse(),
        Mode::Search => vec![
            b(
                &[Code(KeyCode::Enter)],
                Action::Open,
                "keep the search",
                Some("keep"),
            ),
            b(
                &[Code(KeyCode::Esc)],
                Action::Back,
                "clear the search",
                Some("clear"),
            ),
            b(
                &[Code(KeyCode::Backspace)],
                Action::Erase,
                "delete a character",
                None,
            ),
            b(&[Code(KeyCode::Up)], Action::Up, "move up", None),
            b(&[Code(KeyCode::Down)], Action::Down, "move down", None),
        ],
        Mode::Filter { .. } => vec![
            b(
                &[Code(KeyCode::Up), Char('k')],
                Action::Up,
                "previous filter",
                None,
            ),
            b(
                &[Code(KeyCode::Down), Char('j')],
                Action::Down,
                "next filter",
                None,
            ),
            b(
                &[Code(KeyCode::Left), Char('h')],
                Action::Left,
                "previous value",
                Some("change"),
            ),
            b(
                &[Code(KeyCode::Right), Char('l')],
                Action::Right,
                "next value",
                None,
            ),
            b(
                &[Code(KeyCode::Backspace)],
                Action::Erase,
                "clear all filters",
                Some("clear"),
            ),
            b(
                &[Code(KeyCode::Enter), Code(KeyCode::Esc), Char('f')],
                Action::Back,
                "close",
                Some("close"),
            ),
        ],
        Mode::Help => vec![
            b(
                &[Code(KeyCode::Esc), Char('?'), Char('q')],
                Action::Back,
                "close help",
                Some("close"),
            ),
            b(
                &[Code(KeyCode::Up), Char('k')],
                Action::Up,
                "scroll up",
                None,
            ),
            b(
                &[Code(KeyCode::Down), Char('j')],
                Action::Down,
                "scroll down",
                Some("scroll"),
            ),
            b(&[Code(KeyCode::PageUp)], Action::PageUp, "page up", None),
            b(
                &[Code(KeyCode::PageDown), Char(' ')],
                Action::PageDown,
                "page down",
                Some("page"),
            ),
            b(&[Code(KeyCode::Home), Char('g')], Action::Home, "top", None),
            b(
                &[Code(KeyCode::End), Char('G')],
                Action::End,
                "end",
                Some("end"),
            ),
        ],
        Mode::Capture { .. } => vec![
            b(
                &[Code(KeyCode::Esc)],
                Action::Back,
                "stop capturing",
                Some("stop"),
            ),
            b(
                &[Code(KeyCode::Backspace)],
                Action::Erase,
                "step back",
                Some("back"),
            ),
            b(
                &[Char('s')],
                Action::Save,
                "stop capturing and save",
                Some("save"),
            ),
        ],
        Mode::Conflict => vec![b(
            &[Code(KeyCode::Esc)],
            Action::Back,
            "cancel",
            Some("cancel"),
        )],
        Mode::Clash => vec![
            b(
                &[Char('m')],
                Action::KeepMine,
                "keep my values (theirs go into undo)",
                Some("keep mine"),
            ),
            b(
                &[Char('t')],
                Action::TakeTheirs,
                "take their values (mine go into undo)",
                Some("take theirs"),
            ),
            b(
                &[Code(KeyCode::Esc)],
                Action::Back,
                "decide later (nothing saved)",
                Some("later"),
            ),
        ],
        Mode::Recover { .. } => vec![b(
            &[Code(KeyCode::Esc)],
            Action::Back,
            "decide later",
            Some("later"),
        )],
        Mode::Pick { .. } => vec![
            b(
                &[Char('J')],
                Action::MoveLater,
                "move it later",
                Some("later"),
            ),
            b(
                &[Char('K')],
                Action::MoveEarlier,
                "move it earlier",
                Some("earlier"),
            ),
            b(
                &[Char('a')],
                Action::Add,
                "add one of the kind under the cursor (after it)",
                Some("add"),
            ),
            b(
                &[Char('d')],
                Action::Delete,
                "delete it when nothing refers to it",
                Some("delete"),
            ),
            b(
                &[Code(KeyCode::Up), Char('k')],
                Action::Up,
                "previous",
                None,
            ),
            b(
                &[Code(KeyCode::Down), Char('j')],
                Action::Down,
                "next",
                None,
            ),
            b(&[Code(KeyCode::PageUp)], Action::PageUp, "page up", None),
            b(
                &[Code(KeyCode::PageDown)],
                Action::PageDown,
                "page down",
                None,
            ),
            b(&[Code(KeyCode::Home)], Action::Home, "first row", None),
            b(&[Code(KeyCode::End)], Action::End, "last row", None),
            b(
                &[Code(KeyCode::Enter)],
                Action::Open,
                "edit it",
                Some("edit"),
            ),
            b(&[Code(KeyCode::Esc)], Action::Back, "close", Some("close")),
        ],
        Mode::ConfirmDelete { .. } => vec![b(
            &[Code(KeyCode::Esc)],
            Action::Back,
            "keep it",
            Some("keep"),
        )],
        Mode::Form(form) => form::bindings(form),
        Mode::Persona => vec![b(
            &[Code(KeyCode::Esc), Code(KeyCode::Enter), Char('p')],
            Action::Back,
            "close the persona card",
            Some("close"),
        )],
        Mode::Compare { .. } => vec![
            b(
                &[Code(KeyCode::Esc), Char('c')],
                Action::Back,
                "close the comparison",
                Some("close"),
            ),
            b(
                &[Code(KeyCode::Up), Char('k')],
                Action::Up,
                "scroll up",
                Some("scroll"),
            ),
            b(
                &[Code(KeyCode::Down), Char('j')],
                Action::Down,
                "scroll down",
                None,
            ),
            b(&[Code(KeyCode::PageUp)], Action::PageUp, "page up", None),
            b(
                &[Code(KeyCode::PageDown)],
                Action::PageDown,
                "page down",
                None,
            ),
            b(&[Char('q')], Action::Quit, "quit", Some("quit")),
        ],
        Mode::ConfirmQuit => vec![b(
            &[Code(KeyCode::Esc)],
            Action::Back,
            "cancel",
            Some("cancel"),
        )],
        Mode::Detail => vec![
            b(
                &[Code(KeyCode::Esc), Code(KeyCode::Enter)],
                Action::Back,
                "close detail",
                Some("close"),
            ),
            b(
                &[Code(KeyCode::Up), Char('k')],
                Action::Up,
                "previous touchpoint",
                None,
            ),
            b(
                &[Code(KeyCode::Down), Char('j')],
                Action::Down,
                "next touchpoint",
                None,
            ),
            b(&[Char('q')], Action::Quit, "quit", Some("quit")),
        ],
    }
}

/// The action a key means in `mode`; typing in search mode is input.
pub fn action_for(mode: &Mode, event: &KeyEvent) -> Option<Action> {
    if let Mode::Form(Form {
        typing: Some(Typing::Lines),
        ..
    }) = mode
    {
        // The text area takes every key but these two.
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        return Some(match event.code {
            KeyCode::Esc => Action::Back,
            KeyCode::Char('s') if ctrl => Action::Open,
            _ => Action::Key(*event),
        });
    }
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        let bound = bindings(mode)
            .into_iter()
            .find(|b| {
                b.keys
                    .iter()
                    .any(|k| matches!(k, Ctrl(_)) && k.matches(event))
            })
            .map(|b| b.action);
        return bound.or(match event.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('r') => Some(Action::Redo),
            _ => None,
        });
    }
    let found = bindings(mode)
        .into_iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    match (mode, &event.code, found) {
        (_, _, Some(action)) => Some(action),
        (
            Mode::Search
            | Mode::Capture { .. }
            | Mode::ConfirmQuit
            | Mode::ConfirmDelete { .. }
            | Mode::Recover { .. }
            | Mode::Conflict
            | Mode::Form(Form {
                typing: None | Some(Typing::Line),
                ..
            }),
            KeyCode::Char(c),
            None,
        ) => Some(Action::Input(*c)),
        _ => None,
    }
}

/// The keys one key event stands for. Over a slow link an Esc followed
/// quickly by a key reaches us as that key with Alt held: where the mode
/// binds nothing to Alt (everywhere but the text area, which has its own
/// Alt keys), that is Esc, then the key.
pub fn split_alt(mode: &Mode, event: &KeyEvent) -> Vec<KeyEvent> {
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let text_area = matches!(
        mode,
        Mode::Form(Form {
            typing: Some(Typing::Lines),
            ..
        })
    );
    if !alt || ctrl || text_area {
        return vec![*event];
    }
    let mut key = *event;
    key.modifiers.remove(KeyModifiers::ALT);
    vec![KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), key]
}

/// Key labels joined: `Up/k`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join("/")
}

/// `(keys, label)` pairs for the hint bar.
pub fn hints(mode: &Mode) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = bindings(mode)
        .into_iter()
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
        .collect();
    if *mode == Mode::Browse {
        // Help and quit first: they must show even on the narrowest screen.
        hints.sort_by_key(|(_, label)| !matches!(*label, "help" | "quit"));
        let keys = |v: Option<&View>| v.map_or('1', |v| v.key());
        let views = format!("{}-{}", keys(View::ALL.first()), keys(View::ALL.last()));
        hints.insert(0, (views, "views"));
        hints.insert(3, ("hjkl".into(), "move"));
    } else if matches!(mode, Mode::Filter { .. }) {
        hints.insert(0, ("Up/Down".into(), "pick"));
        if let Some(h) = hints.iter_mut().find(|(_, label)| *label == "change") {
            h.0 = "Left/Right".into();
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn browse_keys() {
        let browse = Mode::Browse;
        assert_eq!(
            action_for(&browse, &key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(&browse, &key(KeyCode::Char('3'))),
            Some(Action::Show(View::Owners))
        );
        assert_eq!(action_for(&browse, &key(KeyCode::Char('z'))), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&browse, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn alt_key_is_esc_then_the_key_except_in_the_text_area() {
        let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(
            split_alt(&Mode::Search, &alt_j),
            vec![key(KeyCode::Esc), key(KeyCode::Char('j'))]
        );
        let mut form = Form::new(crate::model::Target::Journey, None);
        form.typing = Some(Typing::Lines);
        let text = Mode::Form(form);
        assert_eq!(split_alt(&text, &alt_j), vec![alt_j]);
        let ctrl_alt = KeyEvent::new(
            KeyCode::Char('j'),
            KeyModifiers::ALT | KeyModifiers::CONTROL,
        );
        assert_eq!(split_alt(&Mode::Browse, &ctrl_alt), vec![ctrl_alt]);
        assert_eq!(
            split_alt(&Mode::Browse, &key(KeyCode::Char('j'))),
            vec![key(KeyCode::Char('j'))]
        );
    }

    #[test]
    fn search_mode_types() {
        let search = Mode::Search;
        assert_eq!(
            action_for(&search, &key(KeyCode::Char('q'))),
            Some(Action::Input('q'))
        );
        assert_eq!(action_for(&search, &key(KeyCode::Esc)), Some(Action::Back));
    }
}
