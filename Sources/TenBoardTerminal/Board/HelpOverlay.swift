import Foundation
import TenBoardCore
/// `?`: every key, then the set-up (store, config file, zone, cut-off, deadline, version), in a
/// box over the board that scrolls when it is taller than the screen.
enum HelpOverlay {
    /// The lines as drawn `width` cells wide: a key's description too long for the box goes on
    /// below it (a narrow terminal) rather than being cut; with the widths of the two columns.
    struct Layout {
        var lines: [(key: String, value: String, isSetup: Bool)]
        var keyWidth: Int
        /// The set-up's labels are short: their values (paths) get the room.
        var setupKeyWidth: Int
        var boxWidth: Int
    }

    static func layout(_ page: HelpPage, text: Words, glyphs: Glyphs, width: Int) -> Layout {
        let all = lines(page, text: text, glyphs: glyphs)
        let keys = keyLines(text: text, glyphs: glyphs).count
        let keyWidth = all.prefix(keys).map { DisplayWidth.of($0.0) }.max()! + 2
        let setupKeyWidth = all.dropFirst(keys).map { DisplayWidth.of($0.0) }.max().map { $0 + 2 } ?? keyWidth
        let wanted = keyWidth + all.map { DisplayWidth.of($0.1) }.max()! + 4
        let boxWidth = min(wanted, width - 2)
        // The box's borders, the keys' column and a space.
        let room = boxWidth - 2 - keyWidth - 1
        var out: [(key: String, value: String, isSetup: Bool)] = []
        for (i, line) in all.enumerated() {
            // A line without a key (the game's sentence) is already wrapped for 80 columns.
            if i < keys, !line.0.isEmpty, room >= 8, DisplayWidth.of(line.1) > room {
                let parts = TextFit.wrap(line.1, to: room)
                out.append((line.0, parts[0], false))
                out += parts.dropFirst().map { ("", $0, false) }
            } else {
                out.append((line.0, line.1, i >= keys))
            }
        }
        return Layout(lines: out, keyWidth: keyWidth, setupKeyWidth: setupKeyWidth, boxWidth: boxWidth)
    }

    static func draw(_ page: HelpPage, into grid: inout Grid, text: Words, glyphs: Glyphs) {
        let layout = layout(page, text: text, glyphs: glyphs, width: grid.width)
        let lines = layout.lines
        let screen = Rect(x: 0, y: 0, width: grid.width, height: grid.height)
        let rect = screen.centered(width: layout.boxWidth, height: min(lines.count + 4, grid.height - 2))
        IssueFormView.clearMargin(around: rect, in: &grid)
        let inner = Box.draw(rect, into: &grid, title: text.helpTitle, glyphs: glyphs)
        let visible = max(0, inner.height - 2)
        let top = min(max(0, page.top), max(0, lines.count - visible))
        for (i, line) in lines.enumerated().dropFirst(top).prefix(visible).map(\.element).enumerated() {
            let y = inner.y + i
            let isSetup = line.isSetup
            let width = isSetup ? layout.setupKeyWidth : layout.keyWidth
            grid.put(" " + line.key, x: inner.x, y: y, role: .overlayTitle, limit: inner.x + width)
            let room = inner.width - width - 1
            // A path keeps its end (the store's own name), a description its start.
            let value = isSetup && DisplayWidth.of(line.value) > room ? keepingEnd(line.value, room) : TextFit.truncate(line.value, to: room)
            grid.put(value, x: inner.x + width, y: y, role: .overlay, limit: inner.maxX)
        }
        if inner.height >= 2 {
            // When not everything fits, say where we are and that there is more.
            let footer = visible >= lines.count ? text.helpFooter
                : "\(glyphs.up)\(glyphs.down) \(top + 1)–\(min(lines.count, top + visible))/\(lines.count) · " + text.helpFooterScrolling
            grid.put(" " + footer, x: inner.x, y: inner.maxY - 1, role: .overlay, limit: inner.maxX)
        }
    }

    /// `text` cut at its start to `width` cells, with an ellipsis in front.
    static func keepingEnd(_ text: String, _ width: Int) -> String {
        guard width > 1 else { return "" }
        var tail = Substring(text)
        while DisplayWidth.of(tail) > width - 1, !tail.isEmpty { tail = tail.dropFirst() }
        return "…" + tail
    }

    /// The largest useful `top` for a screen `width` × `height` cells.
    static func maxTop(_ page: HelpPage, text: Words, width: Int, height: Int) -> Int {
        let count = layout(page, text: text, glyphs: .unicode, width: width).lines.count
        let visible = max(0, min(count + 4, height - 2) - 4)
        return max(0, count - visible)
    }

    /// Every key with what it does: the board's keys, the people's (`t`, `p`, the game), then
    /// typing in a field. A line without a key (the game's sentence) is wrapped to the room
    /// beside the keys on a `sentenceColumns`-wide screen, so that it is read whole there.
    static func keyLines(text: Words, glyphs: Glyphs) -> [(String, String)] {
        let keys = text.helpLines(up: glyphs.up, down: glyphs.down) + text.peopleHelpLines + text.helpLinesTyping
        // The overlay's margin (1 each side), its box (1 each side), the keys' column and a space.
        let room = sentenceColumns - 4 - (keys.map { DisplayWidth.of($0.0) }.max()! + 2) - 1
        return keys.flatMap { $0.0.isEmpty ? TextFit.wrap($0.1, to: room).map { ("", $0) } : [$0] }
    }

    /// The terminal width the game's sentence is wrapped for: a standard terminal.
    static let sentenceColumns = 80

    static func lines(_ page: HelpPage, text: Words, glyphs: Glyphs) -> [(String, String)] {
        var lines = keyLines(text: text, glyphs: glyphs)
        if let setup = page.setup {
            let s = setup.schedule
            lines += [("", "")] + [
                (text.setupStore, setup.store),
                (text.setupConfig, setup.configFile ?? text.setupNoConfig),
                (text.setupZone, s.timeZone.identifier),
                (text.setupCutoff, s.cutoff.description),
                (text.setupDeadline, s.deadline.description),
                (text.setupVersion, setup.version),
            ].map { ($0.0, Untrusted.oneLine($0.1)) }
        }
        return lines
    }
}
