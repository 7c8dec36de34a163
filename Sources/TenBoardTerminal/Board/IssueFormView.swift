import TenBoardCore

/// `n` and `e`: the issue form in a box over the board. Every field and every kind stays visible
/// down to 40×12 (the kinds wrap onto a second line when the box is narrow).
enum IssueFormView {
    static func draw(_ form: IssueForm, into grid: inout Grid, text: Words, glyphs: Glyphs) {
        let screen = Rect(x: 0, y: 0, width: grid.width, height: grid.height)
        let width = min(64, grid.width - 2)
        let labels: [(IssueForm.Field, String)] = [
            (.customer, text.formCustomer), (.summary, text.formSummary), (.kind, text.formKind),
            (.received, text.formReceived), (.assignee, text.formAssignee), (.channel, text.formChannel),
            (.internal, text.formInternal),
        ]
        let labelWidth = labels.map { DisplayWidth.of($0.1) }.max()! + 2
        let valueX = labelWidth + 1
        let kindLines = kindLayout(form, text: text, width: width - 2 - valueX).count
        let rows = labels.count - 1 + kindLines
        // A blank line above and below the fields when there is room for them.
        let padding = grid.height - 2 >= rows + 4 ? 1 : 0
        let rect = screen.centered(width: width, height: min(rows + 2 + 2 * padding, grid.height - 2))
        let title: String = switch form.purpose {
        case .new: text.formTitle
        case .edit(let issue): text.formEditTitle(issue.id)
        }
        clearMargin(around: rect, in: &grid)
        let inner = Box.draw(rect, into: &grid, title: title, glyphs: glyphs)
        guard inner.width > valueX + 1 else { return }
        if form.confirmingDiscard {
            let lines = StatusLineView.noticeLines(text.confirmDiscard, width: inner.width - 2, height: inner.height)
            let top = inner.y + max(0, (inner.height - lines.count) / 2)
            for (i, line) in lines.enumerated() {
                grid.put(" " + line, x: inner.x, y: top + i, role: .prompt, limit: inner.maxX)
            }
            return
        }
        var y = inner.y + padding
        for (field, label) in labels where y < inner.maxY {
            let focused = form.focus == field
            grid.put(" " + label, x: inner.x, y: y, role: focused ? .prompt : .overlay, limit: inner.x + labelWidth + 1)
            let x = inner.x + valueX
            let room = inner.maxX - x - 1
            switch field {
            case .customer, .summary, .assignee, .channel, .received:
                let value: TextField = switch field {
                case .customer: form.customer
                case .summary: form.summary
                case .assignee: form.assignee
                case .channel: form.channel
                default: form.received
                }
                StatusLineView.drawInput(value, into: &grid, x: x, y: y, width: room, focused: focused)
                if field == .received, value.text.isEmpty {
                    grid.put(text.formNow, x: x + (focused ? 1 : 0), y: y, role: .dim, limit: x + room)
                }
                y += 1
            case .kind:
                for line in kindLayout(form, text: text, width: room + 1) where y < inner.maxY {
                    var column = x
                    for kind in line {
                        let chosen = kind == form.kind
                        let word = chosen ? "[\(text.kind(kind))]" : " \(text.kind(kind)) "
                        column = grid.put(word, x: column, y: y, role: chosen ? (focused ? .selected : .overlayTitle) : .overlay,
                                          limit: inner.maxX)
                    }
                    y += 1
                }
            case .internal:
                let mark = form.isInternal ? "[x] " + text.yes : "[ ] " + text.no
                grid.put(mark, x: x, y: y, role: focused ? .selected : .overlay, limit: inner.maxX)
                y += 1
            }
        }
    }

    /// Blanks the cells just around a box, so the list's marks and ellipses behind it do not
    /// look like part of its frame.
    /// Only the box's own rows: a blank above or below a corner would cut into the row there
    /// (half a wide name) and draw nothing a reader needs.
    static func clearMargin(around rect: Rect, in grid: inout Grid) {
        let top = max(0, rect.y), bottom = min(grid.height, rect.maxY)
        for y in top..<bottom {
            for x in [rect.x - 1, rect.maxX] where x >= 0 && x < grid.width {
                grid.fill(x: x, y: y, count: 1, role: .normal)
            }
        }
    }

    /// The kinds in lines of at most `width` cells, each word with its brackets or spaces.
    static func kindLayout(_ form: IssueForm, text: Words, width: Int) -> [[IssueKind]] {
        var lines: [[IssueKind]] = [[]]
        var used = 0
        for kind in IssueKind.allCases {
            let w = DisplayWidth.of(text.kind(kind)) + 2
            if used + w > width, !lines[lines.count - 1].isEmpty {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append(kind)
            used += w
        }
        return lines
    }
}
