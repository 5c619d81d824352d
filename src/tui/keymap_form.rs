//! The keys of a form: moving between fields and stepping values; typing a
//! field in the one-line input (text-editing keys); the text area, which
//! takes every other key.

use crossterm::event::KeyCode;

use super::Key::{Code, Ctrl};
use super::{Binding, Char};
use crate::tui::action::Action;
use crate::tui::state::{Form, Typing};

pub fn bindings(form: &Form) -> Vec<Binding> {
    match form.typing {
        // Letters do not move or change values here: text typed before
        // Enter must not pick an owner or jump a field.
        None => vec![
            bind!(
                &[Code(KeyCode::Up), Code(KeyCode::BackTab)],
                Action::Up,
                "previous field"
            ),
            bind!(
                &[Code(KeyCode::Down), Code(KeyCode::Tab)],
                Action::Down,
                "next field"
            ),
            bind!(&[Code(KeyCode::Home)], Action::Home, "first field"),
            bind!(&[Code(KeyCode::End)], Action::End, "last field"),
            bind!(
                &[Code(KeyCode::Left)],
                Action::Left,
                "previous value (fixed sets)",
                "pick"
            ),
            bind!(
                &[Code(KeyCode::Right)],
                Action::Right,
                "next value (fixed sets)"
            ),
            bind!(
                &[Code(KeyCode::Enter)],
                Action::Open,
                "type the field",
                "edit"
            ),
            bind!(&[Char('s')], Action::Save, "save the journey", "save"),
            bind!(&[Code(KeyCode::Esc)], Action::Back, "close", "close"),
        ],
        Some(Typing::Line) => vec![
            bind!(
                &[Code(KeyCode::Enter)],
                Action::Open,
                "apply, next field",
                "apply"
            ),
            bind!(
                &[Code(KeyCode::Esc)],
                Action::Back,
                "apply and close the form (again: drop a refused value)",
                "close"
            ),
            bind!(
                &[Code(KeyCode::Down), Code(KeyCode::Tab)],
                Action::Down,
                "apply, next field"
            ),
            bind!(
                &[Code(KeyCode::Up), Code(KeyCode::BackTab)],
                Action::Up,
                "apply, previous field"
            ),
            bind!(&[Code(KeyCode::Left)], Action::Left, "cursor left"),
            bind!(&[Code(KeyCode::Right)], Action::Right, "cursor right"),
            bind!(
                &[Code(KeyCode::Home), Ctrl('a')],
                Action::Home,
                "start of the line"
            ),
            bind!(
                &[Code(KeyCode::End), Ctrl('e')],
                Action::End,
                "end of the line"
            ),
            bind!(
                &[Code(KeyCode::Backspace)],
                Action::Erase,
                "delete before the cursor"
            ),
            bind!(
                &[Code(KeyCode::Delete)],
                Action::EraseNext,
                "delete under the cursor"
            ),
            bind!(
                &[Ctrl('w')],
                Action::EraseWord,
                "delete the word before the cursor"
            ),
            bind!(
                &[Ctrl('u')],
                Action::EraseToStart,
                "delete to the start",
                "clear"
            ),
            bind!(&[Ctrl('k')], Action::EraseToEnd, "delete to the end"),
        ],
        Some(Typing::Lines) => vec![bind!(
            &[Ctrl('s'), Code(KeyCode::Esc)],
            Action::Open,
            "apply the text, back to the form",
            "apply"
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::super::{action_for, bindings, keys_label};
    use super::*;
    use crate::tui::state::Mode;
    use crossterm::event::{KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn forms_take_text_editing_keys_while_typing_and_letters_do_not_act_otherwise() {
        use crate::model::Target;
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let mut form = Form::new(Target::Journey, None);
        let browsing = Mode::Form(form.clone());
        assert_eq!(
            action_for(&browsing, &key(KeyCode::Char('s'))),
            Some(Action::Save)
        );
        assert_eq!(
            action_for(&browsing, &key(KeyCode::Char('l'))),
            Some(Action::Input('l'))
        );
        assert_eq!(
            action_for(&browsing, &key(KeyCode::Right)),
            Some(Action::Right)
        );
        assert_eq!(
            action_for(&browsing, &key(KeyCode::Tab)),
            Some(Action::Down)
        );
        form.typing = Some(Typing::Line);
        let typing = Mode::Form(form.clone());
        for (event, action) in [
            (key(KeyCode::Char('s')), Action::Input('s')),
            (key(KeyCode::Left), Action::Left),
            (key(KeyCode::Home), Action::Home),
            (ctrl('a'), Action::Home),
            (ctrl('e'), Action::End),
            (key(KeyCode::Delete), Action::EraseNext),
            (key(KeyCode::Backspace), Action::Erase),
            (ctrl('u'), Action::EraseToStart),
            (ctrl('w'), Action::EraseWord),
            (ctrl('k'), Action::EraseToEnd),
            (key(KeyCode::Enter), Action::Open),
            (key(KeyCode::Esc), Action::Back),
            (ctrl('r'), Action::Redo),
        ] {
            assert_eq!(action_for(&typing, &event), Some(action), "{event:?}");
        }
        // Help lists the editing keys with their labels.
        let labels: Vec<String> = bindings(&typing)
            .iter()
            .map(|b| keys_label(b.keys))
            .collect();
        assert!(labels.iter().any(|l| l == "Home/Ctrl-a"), "{labels:?}");
        form.typing = Some(Typing::Lines);
        let area = Mode::Form(form);
        assert_eq!(action_for(&area, &ctrl('s')), Some(Action::Open));
        assert_eq!(
            action_for(&area, &key(KeyCode::Enter)),
            Some(Action::Key(key(KeyCode::Enter)))
        );
        // Browsing: A adds an action, Space steps its status.
        assert_eq!(
            action_for(&Mode::Browse, &key(KeyCode::Char('A'))),
            Some(Action::AddAction)
        );
        assert_eq!(
            action_for(&Mode::Browse, &key(KeyCode::Char(' '))),
            Some(Action::CycleStatus)
        );
    }
}
