/// Maps a key to an intent, given what is on the screen: in a prompt or form letters are typed,
/// elsewhere they are commands. A pure function, tested without a terminal.
public enum KeyMap {
    public static func intent(for key: Key, overlay: BoardOverlay, screen: BoardScreen) -> BoardIntent {
        if key == .resize { return .resize }
        if key == .control("l") { return .redraw }
        switch overlay {
        case .help:
            switch key {
            // The help scrolls when it is taller than the screen; any other key closes it.
            case .up, .character("k"): return .move(-1)
            case .down, .character("j"): return .move(1)
            case .pageUp: return .page(-1)
            case .pageDown, .character(" "): return .page(1)
            default: return .toggleHelp
            }
        case .prompt(let prompt):
            if prompt.helper != nil, key == .tab || key == .backTab { return .nextField(key == .tab ? 1 : -1) }
            if prompt.completion != nil, key == .tab { return .complete }
            return editing(key) ?? .none
        case .form(let form):
            if form.confirmingDiscard {
                return key == .character("y") || key == .character("Y") || key == .character("j") ? .discard : .keepEditing
            }
            switch (key, form.focus) {
            case (.tab, .assignee): return .complete
            case (.tab, _), (.down, _): return .nextField(1)
            case (.backTab, _), (.up, _): return .nextField(-1)
            case (.left, .kind): return .cycleKind(-1)
            case (.right, .kind), (.character(" "), .kind): return .cycleKind(1)
            case (.left, .internal), (.right, .internal), (.character(" "), .internal): return .toggle
            default: return editing(key) ?? .none
            }
        case .none:
            return command(key, screen: screen)
        }
    }

    /// Keys inside a text field, like readline's.
    private static func editing(_ key: Key) -> BoardIntent? {
        let edit: FieldEdit? = switch key {
        case .character(let c): .type(c)
        case .paste(let text): .paste(text)
        case .left, .control("b"): .left
        case .right, .control("f"): .right
        case .home, .control("a"): .home
        case .end, .control("e"): .end
        case .backspace: .deleteBackward
        case .delete, .control("d"): .deleteForward
        case .control("w"): .deleteWord
        case .control("u"): .deleteToStart
        case .control("k"): .deleteToEnd
        default: nil
        }
        if let edit { return .edit(edit) }
        switch key {
        case .enter: return .submit
        case .escape: return .cancel
        case .undecodable: return .undecodable
        default: return nil
        }
    }

    private static func command(_ key: Key, screen: BoardScreen) -> BoardIntent {
        switch key {
        case .up, .character("k"): .move(-1)
        case .down, .character("j"): .move(1)
        case .pageUp, .control("b"): .page(-1)
        case .pageDown, .control("f"), .character(" "): .page(1)
        case .home, .character("g"): .first
        case .end, .character("G"): .last
        case .enter, .right, .character("l"): screen == .list ? .openDetail : .none
        case .escape: .back // in the list: clears the filter
        case .left, .character("h"), .backspace: screen == .detail ? .back : .none
        case .character("r"): .beginResolve
        case .character("a"): .beginAssign
        case .character("u"): .reopen
        case .character("x"): .beginWithdraw
        case .character("n"): .beginNew
        case .character("e"): .beginEdit
        case .character("z"): .undo
        case .character("/"): .beginFilter
        case .character("t"): .tally
        case .character("p"): .beginPraise
        case .character("?"): .toggleHelp
        case .character("q"), .character("Q"): .quit
        // A paste with no prompt open does nothing: pasted text is never a command.
        default: .none
        }
    }
}
