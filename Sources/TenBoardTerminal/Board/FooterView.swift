import TenBoardCore
/// The bottom line: the keys that work right now, the most useful kept when space is short.
enum FooterView {
    static func draw(_ state: BoardState, into grid: inout Grid, area: Rect, glyphs: Glyphs) {
        guard let position = position(state, width: area.width, height: grid.height, glyphs: glyphs) else {
            FooterHints.drawFooter(hints(state, glyphs: glyphs), into: &grid, y: area.y, x: area.x, width: area.width)
            return
        }
        // The position goes at the right end; the hints share what is left.
        let room = area.width - DisplayWidth.of(position) - 1
        FooterHints.drawFooter(hints(state, glyphs: glyphs), into: &grid, y: area.y, x: area.x, width: room)
        grid.fill(x: area.x + room, y: area.y, count: area.width - room, role: .footer)
        grid.put(position, x: area.x + room, y: area.y, role: .footer, limit: area.maxX)
    }

    /// "12/56 ↓": where the selection is in a list longer than the screen, and whether more rows
    /// are above (↑) or below (↓); `nil` when the whole list is in view.
    static func position(_ state: BoardState, width: Int, height: Int, glyphs: Glyphs) -> String? {
        guard state.overlay == .none, state.screen == .list, let index = state.selectedIndex else { return nil }
        let layout = BoardLayout(state: state, width: width, height: height)
        let lines = IssueListView.lines(state).count
        guard lines > layout.body.height else { return nil }
        let above = state.scrollTop > 0 ? glyphs.up : ""
        let below = state.scrollTop + layout.body.height < lines ? glyphs.down : ""
        let arrows = above + below
        return "\(index + 1)/\(state.rows.count)" + (arrows.isEmpty ? "" : " " + arrows)
    }

    static func hints(_ state: BoardState, glyphs: Glyphs) -> [KeyHint] {
        let t = Words(state.language)
        switch state.overlay {
        case .prompt(let prompt):
            let confirm = [KeyHint("Enter", t.keyConfirm, priority: 9), KeyHint("Esc", t.keyCancel, priority: 9)]
            return prompt.completion == nil ? confirm : [KeyHint("Tab", t.keyComplete, priority: 8)] + confirm
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
