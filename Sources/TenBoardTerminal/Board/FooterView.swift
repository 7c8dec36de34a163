import TenBoardCore
/// The bottom line: the keys that work right now, the most useful kept when space is short.
enum FooterView {
    static func draw(_ state: BoardState, into grid: inout Grid, area: Rect, glyphs: Glyphs) {
        FooterHints.drawFooter(hints(state, glyphs: glyphs), into: &grid, y: area.y, x: area.x, width: area.width)
    }

    static func hints(_ state: BoardState, glyphs: Glyphs) -> [KeyHint] {
        let t = BoardText(state.language)
        switch state.overlay {
        case .prompt:
            return [KeyHint("Enter", t.keyConfirm, priority: 9), KeyHint("Esc", t.keyCancel, priority: 9)]
        case .form(let form):
            return [KeyHint("Tab", form.focus == .assignee ? t.keyComplete : t.keyNextField, priority: 8),
                    KeyHint(glyphs == .unicode ? "←→" : "<>", form.focus == .kind ? t.keyChangeKind : t.keyMove, priority: 5),
                    KeyHint("Enter", t.keySave, priority: 9), KeyHint("Esc", t.keyCancel, priority: 9)]
        case .help:
            return [KeyHint("\(glyphs.up)\(glyphs.down)", t.keyScroll, priority: 5), KeyHint("?", t.keyClose, priority: 9)]
        case .none:
            break
        }
        let editing = !state.readOnly
        var hints = [KeyHint("\(glyphs.up)\(glyphs.down)", t.keyMove, priority: 6)]
        if state.screen == .list {
            hints.append(KeyHint(glyphs.enter, t.keyOpen, priority: 5))
        } else {
            hints.append(KeyHint("Esc", t.keyBack, priority: 8))
        }
        if editing {
            hints += [KeyHint("r", t.keyResolve, priority: 7), KeyHint("a", t.keyAssign, priority: 4),
                      KeyHint("u", t.keyReopen, priority: 2), KeyHint("n", t.keyNew, priority: 3)]
        }
        if editing { hints += [KeyHint("e", t.keyEdit, priority: 0), KeyHint("z", t.keyUndo, priority: 0)] }
        if state.screen == .list { hints.append(KeyHint("/", t.keyFilter, priority: 1)) }
        if editing { hints.append(KeyHint("t", t.keyTally, priority: 0)) }
        hints += [KeyHint("?", t.keyHelp, priority: 10), KeyHint("q", t.keyQuit, priority: 10)]
        return hints
    }
}
