import Testing
@testable import TenBoardTerminal

@Suite struct WallFontTests {
    @Test func digitsAtTheSmallestSize() {
        var grid = Grid(width: 20, height: 5)
        BigFont(pixelWidth: 1, pixelHeight: 1).draw("10:5", into: &grid, x: 0, y: 0, role: .stateWaiting)
        #expect(grid.text == """
             █  ███   ███
            ██  █ █ █ █
             █  █ █   ███
             █  █ █ █   █
            ███ ███   ███
            """)
    }

    @Test func pixelsAreScaledAcrossAndDown() {
        var grid = Grid(width: 6, height: 10)
        BigFont(pixelWidth: 2, pixelHeight: 2).draw("7", into: &grid, x: 0, y: 0, role: .normal)
        #expect(grid.line(0) == "██████")
        #expect(grid.line(1) == "██████")
        #expect(grid.line(2) == "    ██")
        #expect(grid.line(9) == "    ██")
    }

    @Test func asciiTerminalsGetHashes() {
        var grid = Grid(width: 12, height: 5, unicode: false)
        BigFont(pixelWidth: 2, pixelHeight: 1).draw("4", into: &grid, x: 0, y: 0, role: .normal)
        #expect(grid.text == """
            ##  ##
            ##  ##
            ######
                ##
                ##
            """)
        #expect(grid.cells.allSatisfy { $0.text.allSatisfy(\.isASCII) })
    }

    @Test func unlitPixelsCarryTheRoleToo() {
        var grid = Grid(width: 3, height: 5)
        BigFont(pixelWidth: 1, pixelHeight: 1).draw("1", into: &grid, x: 0, y: 0, role: .stateOverdue)
        #expect(grid.cells.allSatisfy { $0.role == .stateOverdue })
    }

    @Test func widthsAndHeights() {
        let small = BigFont(pixelWidth: 1, pixelHeight: 1)
        // Five digits of 3, two colons of 1, six gaps of 1.
        #expect(small.width(of: "0:47:13") == 23)
        #expect(BigFont(pixelWidth: 2, pixelHeight: 1).width(of: "0:47:13") == 46)
        #expect(BigFont(pixelWidth: 4, pixelHeight: 2).height == 10)
        #expect(small.width(of: "") == 0)
        #expect(small.width(of: "x") == 0, "characters without a glyph take no room")
    }

    @Test func everyDigitIsEquallyWideSoATickingCountdownNeverMoves() {
        let font = BigFont(pixelWidth: 2, pixelHeight: 1)
        let widths = Set("0123456789".map { font.width(of: String($0)) })
        #expect(widths == [6])
        for (character, bitmap) in BigFont.bitmaps {
            #expect(bitmap.count == BigFont.pixelRows, "\(character)")
            #expect(Set(bitmap.map(\.count)).count == 1, "\(character) has ragged rows")
        }
    }

    @Test func smallestSizeOrNothing() {
        // At 1×1 pixels the seconds are not split off: the clock is the font's text, 36×5.
        #expect(BigClock.fitting("0:47:13", width: 36, height: 5)?.font == BigFont(pixelWidth: 1, pixelHeight: 1))
        #expect(BigClock.fitting("0:47:13", width: 22, height: 40) == nil)
        #expect(BigClock.fitting("0:47:13", width: 200, height: 4) == nil)
    }

    @Test func aTickChangesOnlyAFewCells() {
        func grid(_ text: String) -> Grid {
            var g = Grid(width: 60, height: 5)
            BigFont(pixelWidth: 2, pixelHeight: 1).draw(text, into: &g, x: 0, y: 0, role: .stateWaiting)
            return g
        }
        for (a, b) in [("0:47:13", "0:47:12"), ("0:47:10", "0:47:09"), ("1:00:00", "0:59:59")] {
            let changed = zip(grid(a).cells, grid(b).cells).filter { $0 != $1 }.count
            let limit = a.hasSuffix("13") ? 8 : 80
            #expect(changed <= limit, "\(a) → \(b): \(changed) cells")
        }
    }

    @Test func drawingPastTheEdgesIsClipped() {
        var grid = Grid(width: 4, height: 3)
        BigFont(pixelWidth: 2, pixelHeight: 1).draw("88", into: &grid, x: -3, y: -2, role: .normal)
        BigFont(pixelWidth: 2, pixelHeight: 1).draw("88", into: &grid, x: 3, y: 2, role: .normal)
        #expect(grid.width == 4 && grid.height == 3)
        var empty = Grid(width: 0, height: 0)
        BigFont(pixelWidth: 1, pixelHeight: 1).draw("0", into: &empty, x: 0, y: 0, role: .normal)
    }
}

@Suite struct BigClockTests {
    @Test func smallClocksAreOnePiece() {
        let clock = BigClock.fitting("0:47:13", width: 76, height: 9)
        #expect(clock?.font == BigFont(pixelWidth: 2, pixelHeight: 1))
        #expect(clock?.secondsFont == clock?.font)
        #expect(clock?.width == 46)
    }

    @Test func largeClocksKeepTheSecondsCheap() throws {
        let clock = try #require(BigClock.fitting("0:47:13", width: 236, height: 40))
        #expect(clock.font == BigFont(pixelWidth: 8, pixelHeight: 4))
        #expect(clock.secondsFont == BigFont(pixelWidth: 2, pixelHeight: 1))
        var grid = Grid(width: clock.width, height: clock.height)
        clock.draw(into: &grid, x: 0, y: 0, role: .stateWaiting)
        // The seconds sit on the baseline: their top rows are empty, their bottom row is lit.
        let secondsLeft = clock.width - BigFont(pixelWidth: 2, pixelHeight: 1).width(of: ":13")
        #expect(grid.line(0).dropFirst(secondsLeft).allSatisfy { $0 == " " })
        #expect(grid.line(clock.height - 1).dropFirst(secondsLeft).contains("█"))
    }

    @Test func aTickCostsTheSameOnAnyScreen() throws {
        func cells(_ text: String) throws -> Grid {
            let clock = try #require(BigClock.fitting(text, width: 236, height: 40))
            var grid = Grid(width: 236, height: 40)
            clock.draw(into: &grid, x: 0, y: 0, role: .stateWaiting)
            return grid
        }
        let changed = zip(try cells("0:47:13").cells, try cells("0:47:12").cells).filter { $0 != $1 }.count
        #expect(changed <= 8)
    }

    @Test func textWithoutSecondsIsNotSplit() throws {
        let check = try #require(BigClock.fitting("\u{2713}", width: 236, height: 40))
        #expect(check.width == check.font.width(of: "\u{2713}"))
    }
}
