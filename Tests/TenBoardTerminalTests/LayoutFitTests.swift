import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// What a careful lead sees at the extremes: long names on a 250-column board and wall, a 40-column
/// wall, a frozen board's header, a long problem above a prompt, and the report's words for one
/// morning.
@Suite struct LayoutFitTests {
    static let tuesday = "2026-11-24T09:12:47+01:00"

    @Test func aWideBoardShowsLongNamesWholeAndANarrowOneAsBefore() {
        var data = BoardFixtures.data
        data.issues[1].customer = "Jan-Willem van der Heijden-Vermeulen Bouwbedrijf BV"
        data.issues[0].assignee = "Marieke Jansen-de Vries"
        let state = BoardFixtures.state(data: data)
        let wide = BoardRenderer.render(state, width: 250, height: 30).text
        #expect(wide.contains("Jan-Willem van der Heijden-Vermeulen Bouwbedrijf BV"))
        #expect(wide.contains("Marieke Jansen-de Vries"))
        let narrow = BoardRenderer.render(state, width: 100, height: 30).text
        #expect(narrow.contains("Jan-Willem van der Heij… "), "100 columns keep 24 cells for the customer")
        #expect(narrow.contains("Marieke Jan… "), "and 12 for the assignee")
    }

    @Test func aFrozenBoardsNumbersFollowAsAtWithOneSpace() {
        let (header, rows) = BoardStateBuilder.build(BoardFixtures.data, schedule: BoardFixtures.schedule,
                                                     now: BoardFixtures.now, frozen: true)
        let state = BoardState(language: .en, timeZone: BoardFixtures.zone, now: BoardFixtures.now, header: header,
                               rows: rows, selectedID: "7")
        let line = BoardRenderer.render(state, width: 120, height: 20).line(1)
        #expect(line.hasPrefix(" as at Tue 09:12 · "))
        #expect(!line.contains("·  "), "one space after each separator: \(line)")
        let live = BoardRenderer.render(BoardFixtures.state(), width: 120, height: 20).line(1)
        #expect(live.hasPrefix(" 1 of "), "a live board's numbers keep their one leading space: \(live)")
    }

    @Test func onAWideWallTheAssigneeStandsBesideTheName() throws {
        let grid = WallLayout.render(W.wall(at: Self.tuesday), width: 250, height: 70)
        let line = try #require((0..<grid.height).map(grid.line).first { $0.contains("Gemeente Utrecht") })
        let name = try #require(line.range(of: "Gemeente Utrecht"))
        let assignee = try #require(line.range(of: "Sanne"))
        let gap = line.distance(from: name.upperBound, to: assignee.lowerBound)
        #expect(gap <= 16, "the assignee is \(gap) columns from the name")
        // The rows still line up: every assignee starts in the same column.
        let pieter = try #require((0..<grid.height).map(grid.line).first { $0.contains("Zorggroep Oost") })
        #expect(pieter.distance(from: pieter.startIndex, to: try #require(pieter.range(of: "Pieter")).lowerBound)
                == line.distance(from: line.startIndex, to: assignee.lowerBound))
    }

    @Test func aNarrowWallLeavesOutWholePartsRatherThanCuttingOne() {
        for language in [Language.en, .nl] {
            let grid = WallLayout.render(W.wall(at: Self.tuesday, language: language), width: 40, height: 12)
            let title = grid.line(0)
            #expect(title.contains(language == .en ? "Morning Tue 24 Nov" : "Ochtend di 24 nov"), "\(title)")
            #expect(!title.contains("…"), "the title is not cut: \(title)")
            let lines = (0..<grid.height).map(grid.line)
            let facts = lines.first { $0.contains(language == .en ? "3 of 6 helped" : "3 van 6 geholpen") }
            #expect(facts != nil)
            #expect(facts?.contains("…") == false, "the facts line is not cut: \(facts ?? "")")
        }
    }

    @Test func theReportsChartHeadingForOneMorning() {
        #expect(Words(.en).chartHeading(1) == "The last morning")
        #expect(Words(.nl).chartHeading(1) == "De laatste ochtend")
        #expect(Words(.en).chartHeading(2) == "The last 2 mornings")
    }

    @Test func aLongProblemAboveAPromptWrapsOntoASecondLine() throws {
        let store = try RealBoardStore(BoardFixtures.data, now: BoardFixtures.now)
        let now = BoardFixtures.now
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, uptime: { 100 })
        board.size = (80, 20)
        board.refresh()
        _ = board.handle(.character("r"), now: now)
        try store.external { data in
            data.issues[0].status = .resolved
            data.issues[0].resolvedBy = "bob"
            data.issues[0].resolvedAt = stamp("2026-11-24T09:05:00+01:00")
        }
        _ = board.handle(.enter, now: now)
        let lines = BoardRenderer.render(board.state(now: now), width: 80, height: 20).text.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix(" Not saved: #7 was resolved meanwhile by bob") })
        #expect(lines[first + 1].hasSuffix("u reopens it."), "the whole message is there: \(lines[first...])")
        #expect(lines[first + 2].hasPrefix(" Action point for #7"))
        #expect(lines[first + 3].hasPrefix(" Helped by: piet"))
    }

    @Test func theTallyGamesWordIsTheSameOnTheBoardAndTheWall() {
        for language in Language.allCases {
            let words = Words(language)
            let prompt = words.promptTally(last: nil)
            let quoted = prompt.split(separator: "\"", omittingEmptySubsequences: false)
            #expect(quoted.count >= 3, "the prompt quotes the word: \(prompt)")
            let word = "\"" + quoted[1] + "\""
            #expect(words.tallySaid(3).hasPrefix(word), "\(language): the wall says \(words.tallySaid(3)), the board asks \(prompt)")
            #expect(words.tallySaidASCII(3).hasPrefix(word))
        }
    }

    @Test func theMissedHeadlineLeavesOutWhatIsZero() {
        let en = Words(.en), nl = Words(.nl)
        func headline(_ words: Words, waiting: Int, late: Int) -> String {
            words.headline(verdict: .missed, total: 7, waiting: waiting, late: late, time: "10:00", left: "")
        }
        #expect(headline(en, waiting: 5, late: 0) == "GOAL MISSED: 5 still waiting.")
        #expect(headline(en, waiting: 0, late: 2) == "GOAL MISSED: 2 helped after 10:00.")
        #expect(headline(en, waiting: 3, late: 2) == "GOAL MISSED: 3 still waiting, 2 helped after 10:00.")
        #expect(headline(nl, waiting: 1, late: 0) == "DOEL NIET GEHAALD: 1 wacht nog.")
        #expect(headline(nl, waiting: 0, late: 2) == "DOEL NIET GEHAALD: 2 na 10:00 geholpen.")
        #expect(headline(nl, waiting: 3, late: 2) == "DOEL NIET GEHAALD: 3 wachten nog, 2 na 10:00 geholpen.")
    }

    @Test func aLongQuestionIsReadWholeWhenTheAnswerKeepsRoom() throws {
        for (language, question) in [(Language.nl, "Lof voor Sanne (#7), de woorden van de klant:"),
                                     (.en, "Praise for Sanne (#7), the customer's words:")] {
            var state = BoardFixtures.state(language: language)
            state.overlay = .prompt(LinePrompt(.praise(id: "7", who: "Sanne")))
            let text = BoardRenderer.render(state, width: 80, height: 14).text
            #expect(text.contains(question), "\(language) at 80 columns:\n\(text)")
            // On a narrow board the answer keeps half the line: the question is cut.
            let narrow = BoardRenderer.render(state, width: 40, height: 14).text
            let line = try #require(narrow.split(separator: "\n").first { $0.hasPrefix(language == .nl ? " Lof voor Sanne" : " Praise for Sanne") })
            #expect(line.contains("…"))
        }
    }

    @Test func theBoardsBadgeDoesNotSayItsStateTwice() {
        let late = stamp("2026-11-24T10:05:30+01:00").date
        let overdue = BoardRenderer.render(BoardFixtures.state(now: late), width: 80, height: 14).line(0)
        #expect(!overdue.lowercased().contains("overdue · overdue"), "\(overdue)")
        let quiet = BoardRenderer.render(BoardFixtures.state(now: late, data: BoardData()), width: 80, height: 14).line(0)
        #expect(quiet.trimmingTrailingSpaces().hasSuffix("NO CUSTOMERS"), "\(quiet)")
        #expect(!quiet.contains("· no customers"), "\(quiet)")
    }

    @Test func aBoardOnAMissingStoreSaysSoUntilTheFirstCustomerIsAdded() throws {
        let parent = try TemporaryDirectory.make("missing-store")
        defer { TemporaryDirectory.remove(parent) }
        let directory = parent.appendingPathComponent("typo")
        let now = BoardFixtures.now
        let store = IssueStore(directory: directory, schedule: BoardFixtures.schedule, clock: { now })
        final class Uptime: @unchecked Sendable { var seconds = 100.0 }
        let uptime = Uptime()
        let board = BoardController(store: store, schedule: BoardFixtures.schedule, language: .en, userName: "lisa",
                                    readOnly: false, uptime: { uptime.seconds })
        board.refresh(force: true)
        let notice = board.state(now: now).notice
        #expect(notice?.text.hasPrefix("No store at \(directory.path) yet") == true, "\(String(describing: notice))")
        _ = board.handle(.character("n"), now: now)
        for c in "Eerste klant" { _ = board.handle(.character(c), now: now) }
        for _ in 0..<3 { _ = board.handle(.enter, now: now) }
        #expect(try store.snapshot().issues.count == 1)
        #expect(board.state(now: now).notice?.text.hasPrefix("#1 added") == true)
        uptime.seconds += 60
        #expect(board.state(now: now).notice == nil, "once there is a store, the line goes (after the added notice)")
    }

    @Test func onANarrowBoardTheHelpWrapsWhatAKeyDoesRatherThanCuttingIt() {
        for language in Language.allCases {
            var state = BoardFixtures.state(language: language)
            state.overlay = .help(HelpPage())
            let text = BoardRenderer.render(state, width: 40, height: 60).text
            let rows = text.split(separator: "\n").filter { $0.contains("│") }
            let words = Words(language)
            // Every key's description, read across its lines, is whole (the game's sentence
            // without a key is cut at 40 as before).
            for (key, description) in words.helpLines(up: "↑", down: "↓") + words.helpLinesTyping where !key.isEmpty {
                let firstWord = String(description.split(separator: " ")[0])
                #expect(rows.contains { $0.contains(firstWord) }, "\(language): \(key)")
            }
            let keyRows = rows.prefix { !$0.contains(String(words.tallyGame.prefix(8))) }
            #expect(!keyRows.contains { $0.contains("…") }, "\(language): nothing cut\n\(text)")
            #expect(rows.contains { $0.contains(language == .en ? "move through" : "door de klanten") })
        }
    }
}
