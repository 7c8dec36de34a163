/// One editing step inside a text field, as readline has them. `KeyMap` turns keys into these,
/// `TextField.apply` carries them out.
public enum FieldEdit: Sendable, Equatable {
    case type(Character)
    /// Pasted text (bracketed paste): line breaks become spaces in a one-line field.
    case paste(String)
    case left, right
    /// Home, Ctrl-A.
    case home
    /// End, Ctrl-E.
    case end
    /// Backspace.
    case deleteBackward
    /// Delete.
    case deleteForward
    /// Ctrl-W: the word before the cursor.
    case deleteWord
    /// Ctrl-U: everything before the cursor.
    case deleteToStart
    /// Ctrl-K: everything from the cursor on.
    case deleteToEnd
}

extension TextField {
    /// Carries out one editing step. On a suggestion, what is typed or pasted replaces it (unless
    /// nothing of it can be taken, such as a lone combining mark); any other step edits it.
    public mutating func apply(_ edit: FieldEdit) {
        if isSuggestion {
            switch edit {
            case .type, .paste:
                var typed = TextField()
                typed.apply(edit)
                if !typed.text.isEmpty { self = typed }
                return
            default:
                self = TextField(text) // the same text, the cursor at its end, now ordinary
            }
        }
        switch edit {
        case .type(let c): insert(c)
        case .paste(let text): insert(pasted: text)
        case .left: move(-1)
        case .right: move(1)
        case .home: moveToStart()
        case .end: moveToEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWord: deleteWord()
        case .deleteToStart: deleteToStart()
        case .deleteToEnd: deleteToEnd()
        }
    }
}
