import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The board and the wall rendered with hostile and heavy states (hundreds of customers,
/// 500-character summaries, right-to-left names, combining stacks, escape sequences) at every kind
/// of size from 1×1 to 300×100: nothing crashes and every row is exactly as wide as the grid.
/// The long sweeps yield after each width, so on two cores they never starve the timing tests
/// that share Swift Testing's thread pool.
@Suite struct StressRenderTests {
    /// Customer names that have broken terminals elsewhere.
    static let hostileNames = [
        "شركة الأمل للتجارة",                         // Arabic, right to left
        "חברת השמש בע\"מ",                            // Hebrew with a quote
        "Cafe\u{301} e\u{301}e\u{301}",                // combining acute accents
        "Z\u{334}\u{321}\u{322}\u{31B}\u{30D}\u{30E}\u{344}\u{346}\u{34A}a\u{35C}\u{361}l\u{336}\u{337}go", // a Zalgo stack
        "\u{301}lone mark first",                      // a combining mark with no base
        "Clear\u{1B}[2Jscreen",                        // an escape sequence
        "Title\u{1B}]0;pwned\u{07}",                   // an OSC title change
        "Bidi\u{202E}lanigiro",                        // a right-to-left override
        "山田商事株式会社東京本社営業部",                 // wide CJK
        "👨‍👩‍👧‍👦 family 🇳🇱",                             // ZWJ sequence, flag
        "Tab\there\rCR\u{7F}DEL\u{85}NEL",              // C0, DEL, C1
        "\u{200B}\u{FEFF}zero width",                  // invisible format characters
        "ﷺ ﷽",                                        // very wide-looking Arabic ligatures
    ]

    static let kinds: [IssueKind] = [.question, .problem, .complaint, .bug]

    /// `count` open issues (and every fifth resolved) spread over the last two days, names and
    /// summaries cycling through the hostile ones; summaries are 500 characters long.
    static func issues(_ count: Int) -> [TenBoardCore.Issue] {
        let base = BoardFixtures.now
        return (0..<count).map { n in
            let name = hostileNames[n % hostileNames.count] + " \(n)"
            let summary = String(String(repeating: hostileNames[(n + 3) % hostileNames.count] + " · ", count: 40).prefix(500))
            let received = Timestamp(base.addingTimeInterval(-Double(n) * 311 - 60))
            let resolved = n % 5 == 4
            return TenBoardCore.Issue(id: "\(n + 1)", customer: name, summary: summary, kind: kinds[n % 4], receivedAt: received,
                         status: resolved ? .resolved : .open, assignee: n % 3 == 0 ? hostileNames[(n + 5) % hostileNames.count] : nil,
                         resolvedAt: resolved ? Timestamp(base.addingTimeInterval(-30)) : nil,
                         resolvedBy: resolved ? hostileNames[n % hostileNames.count] : nil,
                         action: resolved ? String(repeating: "ا", count: 300) : nil)
        }
    }

    static let many = issues(400)

    /// The board states to render: the list scrolled to the middle, the detail of a hostile
    /// customer, help, the form, a prompt full of hostile text, a filter, a notice.
    static func boardStates() -> [BoardState] {
        let data = BoardData(issues: many, tally: [LocalDate(year: 2026, month: 11, day: 24): 999_999],
                             pendingReports: [LocalDate(year: 2026, month: 11, day: 23)])
        var list = BoardFixtures.state(data: data, selected: "200")
        list.scrollTop = 150
        var detail = list
        detail.screen = .detail
        detail.selectedID = "6" // Clear␛[2Jscreen
        var help = list
        help.overlay = .help(HelpPage())
        var form = list
        var issueForm = IssueForm()
        for c in hostileNames[0] + hostileNames[3] { issueForm.insert(c) }
        form.overlay = .form(issueForm)
        var prompt = list
        prompt.overlay = .prompt(LinePrompt(.resolve(id: "200"), text: hostileNames.joined()))
        prompt.notice = Notice(hostileNames.joined(separator: " "), isError: true)
        var filtered = list
        filtered.filter = "e\u{301}"
        filtered.notice = Notice(String(repeating: "שלום ", count: 100))
        var nl = list
        nl.language = .nl
        nl.readOnly = true
        return [list, detail, help, form, prompt, filtered, nl]
    }

    /// Widths and heights that cover the edges (0–20 one by one), the usual sizes and the huge.
    static let widths = Array(0...12) + [20, 31, 32, 33, 39, 40, 41, 60, 79, 80, 81, 120, 200, 299, 300]
    static let heights = Array(0...9) + [12, 15, 16, 24, 40, 99, 100]

    /// Every row has `width` cells, a continuation cell only right after a wide cluster, and every
    /// cell is one printable cluster: no control or escape character anywhere.
    static func checkGrid(_ grid: Grid, _ what: String) {
        #expect(grid.cells.count == grid.width * grid.height, "\(what): cell count")
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                if cell.isContinuation {
                    Testing.Issue.record("\(what): row \(y) has an orphan continuation cell at \(x)")
                    return
                }
                guard cell.text.count == 1, let w = DisplayWidth.of(Character(cell.text)) else {
                    Testing.Issue.record("\(what): row \(y) cell \(x) is not one printable cluster: \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
                    return
                }
                if w == 2 {
                    guard x + 1 < grid.width, grid[x + 1, y].isContinuation else {
                        Testing.Issue.record("\(what): row \(y) wide cluster at \(x) without its right half")
                        return
                    }
                    x += 2
                } else {
                    x += 1
                }
            }
            let line = grid.line(y)
            #expect(DisplayWidth.of(line) == grid.width, "\(what): row \(y) is \(DisplayWidth.of(line)) cells wide")
            #expect(Untrusted.isSafe(line), "\(what): row \(y) has a control character")
        }
    }

    @Test("The board with 400 hostile customers at sizes from 0×0 to 300×100", arguments: 0..<7)
    func boardAtEverySize(index: Int) async {
        let state = Self.boardStates()[index]
        do {
            for width in Self.widths {
                for height in Self.heights {
                    let grid = BoardRenderer.render(state, width: width, height: height)
                    Self.checkGrid(grid, "board state \(index) at \(width)×\(height)")
                    _ = BoardRenderer.listTop(state, width: width, height: height)
                }
                await Task.yield()
            }
        }
    }

    @Test("The board in ASCII (a non-UTF-8 locale) keeps every row ASCII and as wide as the grid")
    func boardInASCII() {
        for state in Self.boardStates() {
            for (width, height) in [(1, 1), (10, 3), (40, 12), (80, 24), (300, 100)] {
                let grid = BoardRenderer.render(state, width: width, height: height, unicode: false)
                Self.checkGrid(grid, "ascii board \(width)×\(height)")
                for y in 0..<grid.height {
                    #expect(grid.line(y).unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F },
                            "ascii board \(width)×\(height) row \(y): \(grid.line(y))")
                }
            }
        }
    }

    @Test("The list keeps its columns at the same cells on every row, whatever the names")
    func columnsStayAligned() throws {
        let state = Self.boardStates()[0]
        for width in [80, 100, 120, 200] {
            let grid = BoardRenderer.render(state, width: width, height: 40)
            // The kind column starts where the heading's KIND does, on every issue row.
            let headingRow = try #require((0..<grid.height).first { grid.line($0).contains("KIND") }, "no headings at \(width)")
            let kindColumn = try #require(Self.cellColumn(of: "KIND", in: grid, row: headingRow))
            var rows = 0
            for y in (headingRow + 1)..<grid.height {
                guard let column = ["question", "problem", "complaint", "bug"].compactMap({ Self.cellColumn(of: $0, in: grid, row: y) }).min()
                else { continue }
                rows += 1
                #expect(column == kindColumn, "width \(width) row \(y): kind at cell \(column), heading at \(kindColumn): \(grid.line(y))")
            }
            #expect(rows > 20, "width \(width): only \(rows) issue rows shown")
        }
    }

    /// The cell column where `word` starts on a row, counting cells (not characters).
    static func cellColumn(of word: String, in grid: Grid, row y: Int) -> Int? {
        var x = 0
        while x < grid.width {
            var candidate = ""
            var probe = x
            while probe < grid.width, candidate.count < word.count {
                if !grid[probe, y].isContinuation { candidate += grid[probe, y].text }
                probe += 1
            }
            if candidate == word, x == 0 || grid[x - 1, y].text == " " { return x }
            x += 1
        }
        return nil
    }

    @Test("Hostile text shows as placeholders, never as the escape itself")
    func escapesArePlaceholders() {
        var state = Self.boardStates()[0]
        state.selectedID = "6"
        state.scrollTop = 0
        let text = BoardRenderer.render(state, width: 120, height: 40).text
        #expect(text.contains("Clear␛[2Jscreen"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
    }

    @Test("The wall with hundreds of hostile customers at sizes from 0×0 to 300×100")
    func wallAtEverySize() async {
        let snapshot = StoreSnapshot(revision: 1, createdAt: localDate("2026-11-01"), nextID: 401, issues: Self.many,
                                     tally: [localDate("2026-11-24"): 12])
        let states = [
            W.wall(snapshot, at: "2026-11-24T09:12:47+01:00"),
            W.wall(snapshot, at: "2026-11-24T09:45:00+01:00", language: .nl, notice: Self.hostileNames.joined(separator: " ")),
            W.wall(snapshot, at: "2026-11-24T10:30:00+01:00"),
        ]
        for (index, state) in states.enumerated() {
            for width in Self.widths {
                for height in Self.heights {
                    let grid = WallLayout.render(state, width: width, height: height, shift: .init(x: 1, y: 1))
                    Self.checkGrid(grid, "wall state \(index) at \(width)×\(height)")
                }
                await Task.yield()
            }
        }
    }
}
