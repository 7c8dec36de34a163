import Testing
import TenBoardCore
@testable import TenBoardTerminal

/// Every editing key of a text field, as readline has them, and pastes.
@Suite struct FieldEditingTests {
    func field(_ text: String, cursor: Int) -> TextField {
        var f = TextField(text)
        f.apply(.home)
        for _ in 0..<cursor { f.apply(.right) }
        return f
    }

    @Test func leftRightHomeEndMoveTheCursorWithinTheText() {
        var f = TextField("Café")
        #expect(f.cursor == 4)
        f.apply(.right)
        #expect(f.cursor == 4, "stops at the end")
        f.apply(.left)
        f.apply(.left)
        #expect(f.cursor == 2)
        f.apply(.home)
        #expect(f.cursor == 0)
        f.apply(.left)
        #expect(f.cursor == 0, "stops at the start")
        f.apply(.end)
        #expect(f.cursor == 4)
    }

    @Test func typingGoesInAtTheCursor() {
        var f = field("Mller", cursor: 1)
        f.apply(.type("ü"))
        #expect(f.text == "Müller")
        #expect(f.cursor == 2)
        f.apply(.home)
        f.apply(.type("Z"))
        #expect(f.text == "ZMüller")
    }

    @Test func backspaceAndDeleteRemoveOnEitherSide() {
        var f = field("Müller", cursor: 2)
        f.apply(.deleteBackward)
        #expect(f.text == "Mller")
        #expect(f.cursor == 1)
        f.apply(.deleteForward)
        #expect(f.text == "Mler")
        #expect(f.cursor == 1)
        f.apply(.end)
        f.apply(.deleteForward)
        #expect(f.text == "Mler", "Delete at the end does nothing")
        f.apply(.home)
        f.apply(.deleteBackward)
        #expect(f.text == "Mler", "Backspace at the start does nothing")
    }

    @Test func ctrlKCutsToTheEndAndCtrlUToTheStart() {
        var f = field("Jan de Vries", cursor: 4)
        f.apply(.deleteToEnd)
        #expect(f.text == "Jan ")
        #expect(f.cursor == 4)
        f = field("Jan de Vries", cursor: 4)
        f.apply(.deleteToStart)
        #expect(f.text == "de Vries")
        #expect(f.cursor == 0)
    }

    @Test func ctrlWRemovesTheWordBeforeTheCursor() {
        var f = field("Jan de Vries", cursor: 7)
        f.apply(.deleteWord)
        #expect(f.text == "Jan Vries")
        #expect(f.cursor == 4)
        f.apply(.deleteWord)
        #expect(f.text == "Vries")
        #expect(f.cursor == 0)
    }

    @Test func theCursorNeverSplitsWhatLooksLikeOneCharacter() {
        var f = TextField("e\u{301}王")
        #expect(f.cursor == 2)
        f.apply(.left)
        f.apply(.deleteBackward)
        #expect(f.text == "王")
        // A combining mark typed at the cursor joins the letter before it.
        f.apply(.home)
        f.apply(.type("a"))
        f.apply(.type("\u{308}"))
        #expect(f.text == "a\u{308}王")
        #expect(f.cursor == 1)
    }

    @Test func aPasteIsTextAndItsLineBreaksBecomeSpaces() {
        var f = TextField()
        f.apply(.paste("Klant teruggebeld.\nVolgende week\r\nnog eens\tcontroleren\u{1B}[31m"))
        #expect(f.text == "Klant teruggebeld. Volgende week nog eens controleren[31m")
        #expect(f.cursor == f.text.count)
        var g = field("ab", cursor: 1)
        g.apply(.paste("X\nY"))
        #expect(g.text == "aX Yb")
        #expect(g.cursor == 4)
    }

    @Test func theFieldIsDrawnAroundItsCursor() {
        var grid = Grid(width: 12, height: 1)
        var f = TextField("abcdefghijklmnopqrstuvwxyz")
        f.apply(.home)
        f.apply(.right)
        StatusLineView.drawInput(f, into: &grid, x: 0, y: 0, width: 10, focused: true)
        #expect(grid.line(0).hasPrefix("abcdefghij"))
        #expect(grid[1, 0].role == .cursor, "the cursor is on the second character")
        f.apply(.end)
        grid = Grid(width: 12, height: 1)
        StatusLineView.drawInput(f, into: &grid, x: 0, y: 0, width: 10, focused: true)
        #expect(grid.line(0).hasPrefix("rstuvwxyz "), "the end is shown where one types")
        #expect(grid[9, 0].role == .cursor)
    }
}
