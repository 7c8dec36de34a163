import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

@Suite struct WallLayoutTests {
    static let tuesday = "2026-11-24T09:12:47+01:00"

    static let allHelped = StoreSnapshot(createdAt: localDate("2026-11-02"), issues: [
        W.issue("1", "A", "2026-11-24T07:10:00+01:00", resolved: "2026-11-24T08:00:00+01:00", by: "Sanne"),
        W.issue("2", "B", "2026-11-24T07:20:00+01:00", resolved: "2026-11-24T08:10:00+01:00", by: "Pieter"),
    ])

    @Test func countdownAt80x24() {
        let grid = WallLayout.render(W.wall(at: Self.tuesday), width: 80, height: 24)
        #expect(grid.text == """
             Morning Tue 24 Nov · deadline 10:00                                    09:12


                            ██████      ██  ██  ██████        ██    ██████
                            ██  ██  ██  ██  ██      ██  ██  ████        ██
                            ██  ██      ██████      ██        ██    ██████
                            ██  ██  ██      ██      ██  ██    ██        ██
                            ██████          ██      ██      ██████  ██████


                       left until 10:00 · 3 customers waiting (1 carried over)
                  3 of 6 helped · 3.9 an hour needed · streak 0 ▁ · "klant" said 3×

             Waiting                                           Helped this morning
               1d 2h  Bakkerij Jan… (missed Mon)  -              2 Sanne
             16h 52m  Gemeente Utrecht            Sanne          1 Pieter
              1h 57m  Zorggroep Oost              Pieter
                 42m  Café 't Hoekje (next)       -
            """ + String(repeating: "\n", count: 6))
        // The digits sit on a block of the state's colour, with a margin around them.
        #expect(grid[14, 3].role == .stateWaiting && grid[14, 3].text == " ")
        #expect(grid[16, 4] == Cell("█", role: .stateWaiting))
        #expect(grid[2, 0].role == .titleBar)
    }

    @Test func theBigCountdownChangesEachSecondInAFewCells() {
        let a = WallLayout.render(W.wall(at: Self.tuesday), width: 80, height: 24)
        let b = WallLayout.render(W.wall(at: "2026-11-24T09:12:48+01:00"), width: 80, height: 24)
        let changed = zip(a.cells, b.cells).filter { $0 != $1 }.count
        #expect(changed > 0)
        #expect(changed <= 16, "a tick should touch only the last digit (and maybe the pace), not \(changed) cells")
    }

    @Test func largerTerminalsGetLargerDigits() {
        let grid = WallLayout.render(W.wall(at: Self.tuesday), width: 160, height: 50)
        let rows = (0..<grid.height).filter { grid.line($0).contains("█") }
        #expect(rows.count == 15, "pixels three rows tall")
        #expect(grid.text.contains("Zorggroep Oost"))
    }

    @Test func overdueSaysHowLate() {
        let grid = WallLayout.render(W.wall(at: "2026-11-24T10:12:47+01:00"), width: 80, height: 24)
        #expect(grid.text.contains("OVERDUE since 10:00 · 3 customers waiting"))
        #expect(grid[16, 4].role == .stateOverdue)
        // The leading plus: 3 pixels of 2 cells, lit only in its middle row.
        #expect(grid.line(5).contains("██████  ██  ██"))
    }

    @Test func warningColoursTheCountdown() {
        let grid = WallLayout.render(W.wall(at: "2026-11-24T09:45:00+01:00"), width: 80, height: 24)
        #expect(grid.cells.contains { $0.role == .stateWarning && $0.text == "█" })
    }

    @Test func allHelpedScreen() {
        let state = W.wall(Self.allHelped, at: Self.tuesday)
        #expect(state.mode == .allHelped)
        let grid = WallLayout.render(state, width: 80, height: 24)
        #expect(grid.text.contains("All 2 customers helped"))
        #expect(grid.text.contains("0:47:13 to spare before 10:00"))
        #expect(grid.text.contains("Nobody is waiting."))
        #expect(grid.cells.contains { $0.text == "█" && $0.role == .stateDone }, "the big check mark")
        let dutch = WallLayout.render(W.wall(Self.allHelped, at: Self.tuesday, language: .nl), width: 80, height: 24)
        #expect(dutch.text.contains("Alle 2 klanten geholpen"))
        #expect(dutch.text.contains("Geholpen deze ochtend"))
    }

    @Test func betweenMorningsAfterTheDeadline() {
        let grid = WallLayout.render(W.wall(Self.allHelped, at: "2026-11-24T11:00:00+01:00"), width: 80, height: 24)
        #expect(grid.text.contains("Next morning Wed 25 Nov · deadline 10:00"))
        #expect(grid.text.contains("Tue 24 Nov: all 2 customers helped in time"))
        #expect(grid.text.contains("until the deadline of Wed 25 Nov 10:00"))
        #expect(grid.cells.contains { $0.text == "█" && $0.role == .stateNone }, "23:00:00 in big digits")
    }

    @Test func betweenMorningsOnTheWeekendInDutch() {
        let grid = WallLayout.render(W.wall(at: "2026-11-28T12:00:00+01:00", language: .nl), width: 80, height: 24)
        #expect(grid.text.contains("Volgende ochtend ma 30 nov · deadline 10:00"))
        #expect(grid.text.contains("vr 27 nov:"))
        #expect(grid.text.contains("tot de deadline van ma 30 nov 10:00"))
        #expect(grid.text.contains("Wachtend"))
    }

    /// Whether `grid` shows `text` in big digits of one of the font sizes: the rows of the clock
    /// drawn alone stand, one under the other, in consecutive rows of the grid.
    static func showsInBigDigits(_ text: String, _ grid: Grid) -> Bool {
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for font in BigFont.sizes {
            let clock = BigClock(text: text, font: font, secondsFont: BigClock.secondsFont(for: font))
            var alone = Grid(width: clock.width, height: clock.height)
            clock.draw(into: &alone, x: 0, y: 0, role: .normal)
            let drawn = alone.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(clock.height)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard drawn.contains(where: { !$0.isEmpty }), drawn.count <= rows.count else { continue }
            for top in 0...(rows.count - drawn.count)
            where zip(rows[top...], drawn).allSatisfy({ $1.isEmpty || $0.contains($1) }) {
                return true
            }
        }
        return false
    }

    @Test func anyTerminalSizeGivesAGridOfThatSizeAndTheCountdown() {
        let state = W.wall(at: Self.tuesday)
        for (width, height) in [(0, 0), (1, 1), (5, 2), (10, 3), (20, 5), (30, 8), (40, 12), (60, 16),
                                (80, 24), (100, 30), (120, 40), (240, 67), (300, 3), (3, 100)] {
            let grid = WallLayout.render(state, width: width, height: height, shift: WallShift.Offset(x: 2, y: 1))
            #expect(grid.width == width && grid.height == height)
            #expect(grid.cells.count == width * height)
            if width >= 9, height >= 1 {
                // In words on a small wall, in big digits (which must say 0:47:13) on a large one.
                #expect(grid.text.contains("0:47:13") || Self.showsInBigDigits("0:47:13", grid), "\(width)x\(height)")
            }
        }
    }

    @Test func tinyTerminalsGetPlainLines() {
        let grid = WallLayout.render(W.wall(at: Self.tuesday), width: 30, height: 8)
        #expect(grid.text == """
                       0:47:13
            left until 10:00 · 3 customer…
                    3 of 6 helped

             Waiting
               1d 2h  Bakkerij Jansen
                      +3 more

            """)
        #expect(grid[0, 0].role == .stateWaiting, "the headline line carries the state's colour")
    }

    @Test func nonUTF8TerminalsGetOnlyASCII() {
        var snapshot = W.busy
        snapshot.issues[0].customer = "Müller & Søn — “quoted” 東京"
        for (width, height) in [(80, 24), (40, 12), (30, 8), (120, 40)] {
            let grid = WallLayout.render(W.wall(snapshot, at: Self.tuesday), width: width, height: height, unicode: false)
            #expect(grid.cells.allSatisfy { $0.text.allSatisfy(\.isASCII) }, "\(width)x\(height)")
            #expect(!grid.text.contains("█"))
        }
        let grid = WallLayout.render(W.wall(snapshot, at: Self.tuesday), width: 80, height: 24, unicode: false)
        #expect(grid.text.contains("######"))
        #expect(grid.text.contains("Morning Tue 24 Nov - deadline 10:00"))
        #expect(grid.text.contains("Muller & S... (missed Mon)"))
        let wide = WallLayout.render(W.wall(snapshot, at: Self.tuesday), width: 120, height: 40, unicode: false)
        #expect(wide.text.contains("Muller & Son - \"quoted\" ?? (missed Mon)"), "\(wide.text)")
        #expect(grid.text.contains("\"klant\" said 3x"))
    }

    @Test func customerTextNeverReachesTheTerminalRaw() {
        var snapshot = W.busy
        snapshot.issues[0].customer = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}\nNext line\u{202E}"
        let grid = WallLayout.render(W.wall(snapshot, at: Self.tuesday), width: 80, height: 24)
        let scalars = grid.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x202A...0x202E).contains($0.value) })
        #expect(grid.text.contains("Evil␛[2J"))
    }

    @Test func manyCustomersEndWithHowManyMore() {
        var snapshot = W.busy
        for i in 0..<30 {
            snapshot.issues.append(W.issue("x\(i)", "Customer \(i)", "2026-11-24T06:\(10 + i):00+01:00"))
        }
        let grid = WallLayout.render(W.wall(snapshot, at: Self.tuesday), width: 80, height: 24)
        #expect(grid.text.contains("+27 more"))
    }

    @Test func storeNoticeSitsInTheBottomRightCorner() {
        let grid = WallLayout.render(W.wall(at: Self.tuesday, notice: "Store problem: bad JSON"), width: 80, height: 24)
        let last = grid.line(23)
        #expect(last.hasSuffix(" Store problem: bad JSON "))
        #expect(grid[79, 23].role == .error)
        #expect(grid.text.contains("left until 10:00"), "the last good state stays on screen")
        let long = WallLayout.render(W.wall(at: Self.tuesday, notice: String(repeating: "x", count: 200)), width: 40, height: 12)
        #expect(long.line(11).hasSuffix("… "))
    }

    @Test func theShiftMovesEverythingByItsOffset() {
        let state = W.wall(at: Self.tuesday)
        let still = WallLayout.render(state, width: 80, height: 24)
        let moved = WallLayout.render(state, width: 80, height: 24, shift: WallShift.Offset(x: 2, y: 1))
        for y in 0..<23 {
            for x in 0..<78 { #expect(moved[x + 2, y + 1] == still[x, y]) }
        }
        #expect(moved.line(0).trimmingTrailingSpaces().isEmpty)
        // Too small a terminal needs every cell and does not shift.
        let small = W.wall(at: Self.tuesday)
        #expect(WallLayout.render(small, width: 30, height: 8, shift: WallShift.Offset(x: 2, y: 1))
            == WallLayout.render(small, width: 30, height: 8))
    }
}

@Suite struct WallThemeTests {
    static let stateRoles: [Role] = [.stateWaiting, .stateWarning, .stateDone, .stateOverdue, .stateClosed, .stateNone]

    /// A lit cell shows the foreground and an unlit one the background (swapped by reverse):
    /// the digits are only readable when the two differ.
    @Test(arguments: [Theme.colour256, Theme.colour8, Theme.monochrome].map(\.name))
    func bigDigitsAreReadableInEveryTheme(_ name: String) {
        let theme = [Theme.colour256, Theme.colour8, Theme.monochrome].first { $0.name == name }!
        for role in Self.stateRoles {
            let style = theme.style(for: role)
            // Two `.default`s differ: the terminal's own foreground and background.
            #expect(style.reverse || style.foreground != style.background || style.foreground == .default, "\(name) \(role)")
        }
    }

    @Test func linuxConsoleAndMonochromeThemes() {
        #expect(Theme.forTerminal(colors: 8).name == Theme.colour8.name, "TERM=linux has 8 colours")
        #expect(Theme.forTerminal(colors: 0).name == Theme.monochrome.name)
        #expect(Theme.forTerminal(colors: 256, noColor: true).name == Theme.monochrome.name)
        // Eight colours: every state role uses only the eight ANSI colours.
        for role in Self.stateRoles {
            let style = Theme.colour8.style(for: role)
            for color in [style.foreground, style.background] {
                if case .indexed = color { Issue.record("\(role) uses a 256-colour index on the console") }
            }
        }
        // Monochrome: the states that need attention stand out with attributes alone.
        for role in [Role.stateWaiting, .stateWarning, .stateOverdue] {
            let style = Theme.monochrome.style(for: role)
            #expect(style.bold || style.reverse, "\(role)")
            #expect(!style.hasColor)
        }
    }

    @Test func everyRoleTheWallUsesIsStyledOrPlainOnPurpose() {
        let grid = WallLayout.render(W.wall(at: "2026-11-24T10:12:47+01:00", notice: "x"), width: 80, height: 24)
        let used = Set(grid.cells.map(\.role))
        #expect(used.isSubset(of: [.normal, .dim, .titleBar, .section, .helped, .nextMorning, .error] + Self.stateRoles))
        for role in used where role != .normal {
            #expect(Theme.colour8.style(for: role) != .plain, "\(role) should look different on the console")
        }
    }
}

@Suite struct WallFrozenAndQuietTests {
    @Test func aWallAtAnotherInstantSaysSo() throws {
        let state = WallState.make(snapshot: W.busy, schedule: W.schedule, at: instant("2026-11-24T09:12:47+01:00"),
                                   language: .en, frozen: true)
        let grid = WallLayout.render(state, width: 80, height: 24)
        let line = grid.line(0)
        let badge = try #require(line.range(of: "as at Tue 09:12"))
        #expect(grid[DisplayWidth.of(line[..<badge.lowerBound]), 0].role == .notice)
        let live = WallLayout.render(W.wall(at: "2026-11-24T09:12:47+01:00"), width: 80, height: 24)
        #expect(!live.text.contains("as at"))
        let dutch = WallState.make(snapshot: W.busy, schedule: W.schedule, at: instant("2026-11-24T09:12:47+01:00"),
                                   language: .nl, frozen: true)
        #expect(WallLayout.render(dutch, width: 80, height: 24).line(0).contains("stand van di 09:12"))
    }

    @Test func aQuietMorningIsNeutralNotACelebration() {
        let empty = W.wall(StoreSnapshot(), at: "2026-11-24T06:38:00+01:00")
        #expect(empty.state == .quiet && empty.mode == .countdown)
        let grid = WallLayout.render(empty, width: 80, height: 24)
        #expect(grid.text.contains("left until 10:00 · no customers"))
        #expect(!grid.cells.contains { $0.role == .stateDone }, "no green check on an empty store")
        #expect(grid.cells.contains { $0.text == "█" && $0.role == .stateNone })
        // After the deadline it is a quiet morning between mornings.
        let after = W.wall(StoreSnapshot(), at: "2026-11-24T11:00:00+01:00")
        #expect(after.mode == .between)
        #expect(WallLayout.render(after, width: 80, height: 24).text.contains("Tue 24 Nov: no customers"))
    }

    @Test func aCarriedOverCustomerSaysWhichMorningTheyMissed() {
        // Bakkerij Jansen came Monday 07:10, before Monday's cut-off, and missed Monday's morning.
        let dutch = WallLayout.render(W.wall(at: "2026-11-24T09:12:47+01:00", language: .nl), width: 80, height: 24)
        let row = dutch.text.split(separator: "\n").first { $0.contains("Bakkerij Jan") }
        #expect(row?.contains("1d 2u  Bakkerij Jan… (gemist: ma)") == true, "\(dutch.text)")
        let wideDutch = WallLayout.render(W.wall(at: "2026-11-24T09:12:47+01:00", language: .nl), width: 120, height: 30)
        #expect(wideDutch.text.contains("1d 2u  Bakkerij Jansen (gemist: ma)"), "\(wideDutch.text)")
        // Only the carried-over one is marked.
        #expect(dutch.text.components(separatedBy: "gemist").count == 2)
        // A morning more than a week back is named in full.
        let later = WallLayout.render(W.wall(at: "2026-12-02T09:12:47+01:00"), width: 100, height: 24)
        #expect(later.text.contains("Bakkerij Jansen (missed Mon 23 Nov)"), "\(later.text)")
        #expect(later.text.contains("Zorggroep Oost (missed Tue 24 Nov)"))
        let wednesday = WallLayout.render(W.wall(at: "2026-11-25T09:12:47+01:00"), width: 100, height: 24)
        #expect(wednesday.text.contains("Zorggroep Oost (missed Tue)"), "\(wednesday.text)")
    }

    @Test func theLastMinutesSayHowManyToGoNotAnAbsurdPace() {
        let grid = WallLayout.render(W.wall(at: "2026-11-24T09:59:50+01:00"), width: 80, height: 24)
        #expect(grid.text.contains("3 to go"))
        #expect(!grid.text.contains("an hour needed"))
    }
}
