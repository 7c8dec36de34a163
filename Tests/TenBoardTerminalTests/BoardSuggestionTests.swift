import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// A prompt or field that starts with a suggestion (the assign prompt's name, "helped by", the
/// form's channel): Enter takes it, the first character typed or pasted replaces it, editing keys
/// edit it. And the board's assign is refused like its resolve when someone changed the issue
/// meanwhile. Driven by keys over the real store.
@Suite struct BoardSuggestionTests: DrivesBoard {
    let store: RealBoardStore
    let now = BoardFixtures.now

    init() throws { store = try RealBoardStore(BoardFixtures.data, now: BoardFixtures.now) }

    func board() -> BoardController<IssueStore> {
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, uptime: { 100 })
        board.size = (100, 14)
        board.refresh()
        return board
    }

    func select(_ board: BoardController<IssueStore>, _ id: String) {
        press(board, .home)
        while board.state(now: now).selectedID != id { press(board, .down) }
    }

    func promptText(_ board: BoardController<IssueStore>) -> String? {
        guard case .prompt(let prompt) = board.state(now: now).overlay else { return nil }
        return prompt.field.text
    }

    @Test func aNameTypedIntoTheAssignPromptReplacesTheSuggestedOne() {
        let board = board()
        select(board, "12") // nobody assigned: the lead's own name is suggested
        press(board, .character("a"))
        #expect(promptText(board) == "lisa")
        type(board, "Ann")
        #expect(promptText(board) == "Ann")
        press(board, .enter)
        #expect(issue("12").assignee == "Ann")
    }

    @Test func aNamePastedIntoTheAssignPromptReplacesTheSuggestedOne() {
        let board = board()
        select(board, "7") // assigned to piet: piet is suggested
        press(board, .character("a"), .paste("Ann de Vries"))
        press(board, .enter)
        #expect(issue("7").assignee == "Ann de Vries")
        // Something typed after the paste goes on from it, as in any field.
        press(board, .character("a"), .paste("Ann"))
        type(board, " B")
        press(board, .enter)
        #expect(issue("7").assignee == "Ann B")
    }

    @Test func enterOnTheUntouchedAssignPromptTakesTheSuggestion() {
        let board = board()
        select(board, "12")
        press(board, .character("a"), .enter)
        #expect(issue("12").assignee == "lisa")
        select(board, "13") // assigned to ann
        press(board, .character("a"), .enter)
        #expect(issue("13").assignee == "ann")
    }

    @Test func editingKeysEditTheSuggestion() {
        let board = board()
        select(board, "12")
        press(board, .character("a"), .backspace)
        #expect(promptText(board) == "lis", "Backspace removes the suggestion's last character")
        type(board, "e")
        #expect(promptText(board) == "lise", "once edited, typing goes on from it")
        press(board, .escape)

        press(board, .character("a"), .left)
        type(board, "x")
        #expect(promptText(board) == "lisxa", "← moves into the suggestion; typing inserts there")
        press(board, .escape)

        press(board, .character("a"), .control("u"), .enter)
        #expect(issue("12").assignee == nil, "Ctrl-U clears it: nobody")
    }

    @Test func aLoneCombiningMarkDoesNotEatTheSuggestion() {
        let board = board()
        select(board, "12")
        press(board, .character("a"), .character("\u{301}"))
        #expect(promptText(board) == "lisa", "nothing of the mark could be taken: the suggestion stays whole")
        type(board, "Zoe\u{301}")
        #expect(promptText(board) == "Zoe\u{301}")
    }

    @Test func aHelperTypedOnTheResolvePromptReplacesTheSuggestedOne() {
        let board = board()
        select(board, "7") // assigned to piet: "helped by piet" is suggested
        press(board, .character("r"), .tab)
        type(board, "Sanne")
        press(board, .enter)
        #expect(issue("7").resolvedBy == "Sanne")
    }

    @Test func aChannelTypedIntoTheFormReplacesPhone() {
        let board = board()
        press(board, .character("n"))
        type(board, "Fietsenmaker Gerrit")
        // Customer, summary, kind, received, assignee: channel.
        press(board, .down, .down, .down, .down, .down)
        type(board, "mail")
        press(board, .enter)
        let added = store.data.issues.last!
        #expect(added.customer == "Fietsenmaker Gerrit")
        #expect(added.channel == "mail")
    }

    @Test func theFormsChannelStaysPhoneWhenUntouched() {
        let board = board()
        press(board, .character("n"))
        type(board, "Fietsenmaker Gerrit")
        press(board, .down, .down)
        press(board, .enter)
        #expect(store.data.issues.last!.channel == "phone")
    }

    @Test func theSuggestionIsDrawnAsSelectedUntilSomethingIsTyped() throws {
        let board = board()
        select(board, "12")
        press(board, .character("a"))
        var grid = BoardRenderer.render(board.state(now: now), width: 100, height: 14)
        var y = try #require((0..<grid.height).first { grid.line($0).contains("Assign #12 to") })
        var x = try #require(grid.line(y).range(of: "lisa")).lowerBound.utf16Offset(in: grid.line(y))
        #expect(grid[x, y].role == .selected, "the suggestion shows that typing replaces it")
        #expect(grid[x + 4, y].role == .cursor)
        type(board, "Ann")
        grid = BoardRenderer.render(board.state(now: now), width: 100, height: 14)
        y = try #require((0..<grid.height).first { grid.line($0).contains("Assign #12 to") })
        x = try #require(grid.line(y).range(of: "Ann")).lowerBound.utf16Offset(in: grid.line(y))
        #expect(grid[x, y].role == .input)
    }

    @Test func anAssignBeatenByAnotherLeadIsRefusedAndKeepsWhatWasTyped() throws {
        let board = board()
        select(board, "12")
        press(board, .character("a"))
        type(board, "Ann")
        try store.external { data in data.issues[1].assignee = "bob" }
        press(board, .enter)
        #expect(issue("12").assignee == "bob", "the other lead's assignment is not overwritten unseen")
        let state = board.state(now: now)
        #expect(promptText(board) == "Ann", "what was typed is kept")
        #expect(state.notice == Notice("Not saved: #12 was changed meanwhile, it is now assigned to bob. Enter assigns it anyway; Esc cancels.",
                                       isError: true))
        // The lead has now seen it: Enter again assigns.
        press(board, .enter)
        #expect(issue("12").assignee == "Ann")
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func anAssignOfAnIssueResolvedMeanwhileIsRefused() throws {
        let board = board()
        select(board, "12")
        press(board, .character("a"))
        type(board, "Ann")
        try store.external { data in
            data.issues[1].status = .resolved
            data.issues[1].resolvedBy = "bob"
            data.issues[1].resolvedAt = stamp("2026-11-24T09:05:00+01:00")
        }
        press(board, .enter)
        #expect(issue("12").assignee == nil)
        #expect(promptText(board) == "Ann")
        #expect(board.state(now: now).notice?.text.hasPrefix("Not saved: #12 was resolved meanwhile by bob at 2026-11-24 09:05.") == true)
        press(board, .escape)
        #expect(issue("12").assignee == nil)
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func aCorrectionBeatenByAnotherLeadKeepsBothChanges() throws {
        let board = board()
        select(board, "12")
        press(board, .character("e"))
        try store.external { data in data.issues[1].summary = "Printer drukt niets meer af" }
        type(board, " BV")
        press(board, .tab, .tab, .enter)
        #expect(issue("12").customer == "Bakkerij Jansen", "nothing is saved over a change the lead did not see")
        guard case .form(let form) = board.state(now: now).overlay else {
            Issue.record("the form closed: the typed correction is lost")
            return
        }
        #expect(form.customer.text == "Bakkerij Jansen BV", "the correction is kept")
        #expect(form.summary.text == "Printer drukt niets meer af", "the other lead's change is shown")
        #expect(board.state(now: now).notice?.text.hasPrefix("Not saved: #12 was changed by someone else meanwhile.") == true)
        press(board, .enter)
        #expect(issue("12").customer == "Bakkerij Jansen BV")
        #expect(issue("12").summary == "Printer drukt niets meer af")
        #expect(board.state(now: now).overlay == .none)
    }
}
