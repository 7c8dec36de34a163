import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal

/// `t` asks who said "klant" (Tab completes known names, Enter repeats the last), the daily cap,
/// `z` takes the mark back, and `p` records a customer's praise for the helper (issue 14).
@Suite struct BoardPeopleTests: DrivesBoard {
    let store: RealBoardStore
    let now = BoardFixtures.now

    init() throws { store = try RealBoardStore(BoardFixtures.data, now: BoardFixtures.now) }

    func board(cap: Int = 50) -> BoardController<IssueStore> {
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, uptime: { 100 }, tallyCap: cap)
        board.size = (80, 14)
        board.refresh()
        return board
    }

    func prompt(_ board: BoardController<IssueStore>) -> LinePrompt? {
        if case .prompt(let prompt) = board.state(now: now).overlay { return prompt }
        return nil
    }

    @Test func tabCompletesKnownNamesAndEnterRepeatsTheLast() {
        let board = board()
        press(board, .character("t"))
        #expect(prompt(board)?.purpose == .tally(last: nil))
        type(board, "pi")
        press(board, .tab)
        #expect(prompt(board)?.field.text == "piet", "an assignee in the store")
        press(board, .enter)
        #expect(store.data.tallyMarks.map(\.who) == ["piet"])
        #expect(store.data.tallyMarks.map(\.by) == ["lisa"], "the lead drew it")
        #expect(board.state(now: now).notice == Notice("Mark for piet: 1 today."))
        // Enter on an empty answer: the same name again.
        press(board, .character("t"))
        #expect(prompt(board)?.purpose == .tally(last: "piet"))
        press(board, .enter)
        #expect(store.data.tallyMarks.map(\.who) == ["piet", "piet"])
        #expect(board.state(now: now).header.tally == 5)
        // A name with marks is offered too, and Tab cycles through the matches.
        press(board, .character("t"))
        type(board, "b")
        press(board, .tab)
        #expect(prompt(board)?.field.text == "bob")
    }

    @Test func anEmptyAnswerWithoutALastNameDrawsNothing() {
        let board = board()
        press(board, .character("t"), .enter)
        #expect(store.data.tallyMarks.isEmpty)
        #expect(board.state(now: now).notice == Notice("A name is needed.", isError: true))
    }

    @Test func theCapStopsAStuckKeyAndUndoTakesTheMarkBack() {
        let board = board(cap: 2)
        for _ in 0..<3 {
            press(board, .character("t"))
            type(board, "Sanne")
            press(board, .enter)
        }
        #expect(store.data.tallyMarks.count == 2)
        #expect(board.state(now: now).notice?.isError == true)
        #expect(board.state(now: now).notice?.text.contains("cap") == true)
        press(board, .character("z"))
        #expect(store.data.tallyMarks.count == 1)
        #expect(board.state(now: now).notice == Notice("Taken back: a mark for Sanne (1 today)."))
    }

    @Test func praiseGoesToWhoHelped() {
        let board = board()
        press(board, .home)
        while board.state(now: now).selectedID != "11" { press(board, .down) }
        press(board, .character("p"))
        #expect(prompt(board)?.purpose == .praise(id: "11", who: "bob"))
        press(board, .enter)
        #expect(store.praise.isEmpty, "the customer's words are needed")
        #expect(prompt(board) != nil, "the prompt stays open")
        type(board, "Bob dacht echt mee")
        press(board, .enter)
        #expect(store.praise.map(\.who) == ["bob"])
        #expect(store.praise.first?.customer == "Sportschool Fit")
        #expect(store.praise.first?.text == "Bob dacht echt mee")
        #expect(store.praise.first?.recordedBy == "lisa" && store.praise.first?.issue == "11")
        // A mistaken praise: z takes it back.
        press(board, .character("z"))
        #expect(store.praise.isEmpty)
        #expect(board.state(now: now).notice == Notice("Taken back: the praise for bob."))
    }

    @Test func praiseWithoutAHelperIsRefused() {
        let board = board()
        press(board, .home)
        while board.state(now: now).selectedID != "12" { press(board, .down) }
        press(board, .character("p"))
        #expect(prompt(board) == nil)
        #expect(board.state(now: now).notice?.isError == true)
        #expect(store.praise.isEmpty)
    }

    @Test func theHelpExplainsTheGameInBothLanguages() {
        for language in Language.allCases {
            let lines = HelpOverlay.keyLines(text: Words(language), glyphs: .unicode)
            #expect(lines.contains { $0.0 == "t" } && lines.contains { $0.0 == "p" })
            let game = lines.filter { $0.0.isEmpty }.map(\.1)
            #expect(game.count > 1 && game.joined(separator: " ") == Words(language).tallyGame, "\(language): \(game)")
        }
        #expect(Words(.nl).tallyGame.contains("klantdenker"))
    }

    /// The help overlay as drawn at 80 and 40 columns, in both languages: at 80 the game's
    /// sentence and the `t` and `p` lines are read whole (no cut, no "…"); at 40 the overlay
    /// still fits the screen and each line of the sentence begins as at 80.
    @Test func theGameFitsTheHelpAt80And40Columns() {
        for language in Language.allCases {
            let words = Words(language)
            var state = BoardFixtures.state(language: language)
            state.overlay = .help(HelpPage())
            let text80 = BoardRenderer.render(state, width: 80, height: 50).text
            let rows80 = text80.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows80.allSatisfy { DisplayWidth.of($0) <= 80 })
            let game = HelpOverlay.keyLines(text: words, glyphs: .unicode).filter { $0.0.isEmpty }.map(\.1)
            for line in game + words.peopleHelpLines.filter({ !$0.0.isEmpty }).map(\.1) {
                #expect(rows80.contains { $0.contains(line + " ") || $0.hasSuffix(line) }, "\(language) at 80: '\(line)' whole\n\(text80)")
            }
            #expect(!rows80.contains { row in game.contains { row.contains(String($0.prefix(8))) } && row.contains("…") })
            #expect(text80.contains(game[0]) && text80.contains(game[game.count - 1]))

            // At 40 columns each line is cut to the room, but the overlay stays on the screen.
            let text40 = BoardRenderer.render(state, width: 40, height: 50).text
            let rows40 = text40.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows40.allSatisfy { DisplayWidth.of($0) <= 40 })
            #expect(rows40.contains { $0.contains(String(game[0].prefix(12))) }, "\(language) at 40\n\(text40)")
        }
    }

    @Test func keysForTheGameAndPraise() {
        #expect(KeyMap.intent(for: .character("p"), overlay: .none, screen: .list) == .beginPraise)
        #expect(KeyMap.intent(for: .character("t"), overlay: .none, screen: .list) == .tally)
        // Tab completes on the tally prompt, and is nothing on the filter's.
        #expect(KeyMap.intent(for: .tab, overlay: .prompt(LinePrompt(.tally(last: nil), names: ["Sanne"])), screen: .list) == .complete)
        #expect(KeyMap.intent(for: .tab, overlay: .prompt(LinePrompt(.filter)), screen: .list) == .none)
        // In a prompt, p and t are typed.
        #expect(KeyMap.intent(for: .character("p"), overlay: .prompt(LinePrompt(.tally(last: nil), names: [])), screen: .list) == .edit(.type("p")))
    }
}
