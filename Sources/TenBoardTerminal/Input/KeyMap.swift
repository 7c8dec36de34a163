/// Maps a key to an intent, given what is on the screen: in a prompt or form letters are typed,
/// elsewhere they are commands. A pure function, tested without a terminal.
public enum KeyMap {
    public static func intent(for key: Key, overlay: BoardOverlay, screen: BoardScreen) -> BoardIntent {
        if key == .resize { return .resize }
        if key == .control("l") { return .redraw }
        switch overlay {
        case .help:
            return .toggleHelp // any key closes the help
        case .prompt:
            return editing(key) ?? .none
        case .form:
            switch key {
            case .tab, .down: return .nextField(1)
            case .backTab, .up: return .nextField(-1)
            case .left: return .cycleKind(-1)
            case .right: return .cycleKind(1)
            default: return editing(key) ?? .none
            }
        case .none:
            return command(key, screen: screen)
        }
    }

    private static func editing(_ key: Key) -> BoardIntent? {
        switch key {
        case .character(let c): .type(c)
        case .backspace: .deleteBackward
        case .control("w"): .deleteWord
        case .control("u"): .clearField
        case .enter: .submit
        case .escape: .cancel
        default: nil
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
        case .character("/"): .beginFilter
        case .character("t"): .tally
        case .character("?"): .toggleHelp
        case .character("q"), .character("Q"): .quit
        default: .none
        }
    }
}
