import Testing
@testable import TenBoardTerminal

@Suite struct GridTests {
    @Test func putReturnsTheNextColumnCountingWideClusters() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("日本x", x: 0, y: 0) == 5)
        #expect(grid.text == "日本x")
        #expect(grid[1, 0].isContinuation)
    }

    @Test func aWideClusterThatDoesNotFitBecomesABlank() {
        var grid = Grid(width: 5, height: 1)
        grid.put("abcd日", x: 0, y: 0)
        #expect(grid.text == "abcd")
        #expect(!grid[4, 0].isContinuation)
        var limited = Grid(width: 10, height: 1)
        limited.put("a日b", x: 0, y: 0, limit: 2)
        #expect(limited.line(0) == "a         ")
    }

    @Test func overwritingHalfOfAWideClusterRepairsTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("日本", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.line(0) == " x本  ")
        grid.put("y", x: 2, y: 0)
        #expect(grid.line(0) == " xy   ")
        #expect(grid.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func controlsArePlaceholdersWithTheirOwnRole() {
        var grid = Grid(width: 12, height: 1)
        grid.put("a\u{1B}[2Jb", x: 0, y: 0, role: .normal)
        #expect(grid.text == "a␛[2Jb")
        #expect(grid[1, 0].role == .placeholder)
        #expect(grid[2, 0].role == .normal)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var grid = Grid(width: 4, height: 1)
        grid.put("e\u{301}e\u{301}", x: 0, y: 0)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "e\u{301}")
    }

    @Test func anAsciiGridHoldsOnlyAscii() {
        var grid = Grid(width: 20, height: 1, unicode: false)
        grid.put("Zoë 山 ☕ \u{1B}", x: 0, y: 0)
        #expect(grid.text == "Zoe ? ? ^[")
        #expect(grid.cells.allSatisfy { $0.text.allSatisfy(\.isASCII) })
    }

    @Test func outsideTheGridIsIgnored() {
        var grid = Grid(width: 3, height: 1)
        grid.put("abc", x: -1, y: 0)
        grid.put("zzz", x: 0, y: 5)
        #expect(grid.text == "bc")
    }

    @Test func blitCopiesCellsWithTheirRolesClippedAndShifted() {
        var page = Grid(width: 6, height: 2)
        page.put("日本ab", x: 0, y: 0, role: .stateDone)
        page.put("xyz", x: 0, y: 1)
        var screen = Grid(width: 6, height: 2)
        screen.blit(page, x: 1, y: 1)
        #expect(screen.text == "\n 日本a")
        #expect(screen[1, 1].role == .stateDone)
        #expect(screen[2, 1].isContinuation)
        var left = Grid(width: 4, height: 1)
        left.blit(page, x: -1, y: 0)
        #expect(left.text == " 本a", "the wide cluster cut by the left edge is dropped, not split")
    }
}
