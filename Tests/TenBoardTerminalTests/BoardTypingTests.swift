import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// Typing and correcting on the board (issue 11): the resolve prompt keeps the action point and
/// asks who helped, pastes stay text, the full form, edit, undo and the help's set-up.
@Suite struct BoardTypingTests: DrivesBoard {
    let store: RealBoardStore
    let now = BoardFixtures.now

    init() throws { store = try RealBoardStore(BoardFixtures.data, now: BoardFixtures.now) }

    func board(size: (Int, Int) = (80, 14)) -> BoardController<IssueStore> {
        let setup = BoardSetup(store: "/srv/tenboard", configFile: "/etc/tenboard/config.yaml", schedule: BoardFixtures.schedule)
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, setup: setup, uptime: { 100 })
        board.size = size
        board.refresh()
        return board
    }

    func select(_ board: BoardController<IssueStore>, _ id: String) {
        press(board, .home)
        while board.state(now: now).selectedID != id { press(board, .down) }
    }

    @Test func reopenThenResolveKeepsTheActionPoint() {
        let board = board()
        select(board, "11")
        press(board, .character("u"))
        #expect(issue("11").isOpen)
        select(board, "11")
        press(board, .character("r"))
        guard case .prompt(let prompt) = board.state(now: now).overlay else { Issue.record("no prompt"); return }
        #expect(prompt.field.text == "FAQ bijgewerkt", "the prompt starts with the action point it had")
        press(board, .enter)
        #expect(issue("11").action == "FAQ bijgewerkt", "Enter on an untouched prompt keeps it")
        #expect(issue("11").status == .resolved)
    }

    @Test func helpedByDefaultsToTheAssigneeAndCanBeChanged() {
        let board = board()
        select(board, "7") // assigned to piet
        press(board, .character("r"))
        type(board, "Koppeling hersteld")
        press(board, .enter)
        #expect(issue("7").resolvedBy == "piet", "credit goes to the assignee, not to the lead typing")
        select(board, "12") // nobody assigned
        press(board, .character("r"), .tab, .control("u"))
        type(board, "Sanne")
        press(board, .tab)
        type(board, "Toner vervangen")
        press(board, .enter)
        #expect(issue("12").resolvedBy == "Sanne")
        #expect(issue("12").action == "Toner vervangen")
        select(board, "14") // nobody assigned, helper untouched: the lead's own name
        press(board, .character("r"), .enter)
        #expect(issue("14").resolvedBy == "lisa")
    }

    @Test func thePromptShowsHelpedByOnASecondLine() {
        let board = board()
        press(board, .character("r"))
        let grid = BoardRenderer.render(board.state(now: now), width: 80, height: 14)
        #expect(grid.line(11).hasPrefix(" Action point for #7 (may be empty): "))
        #expect(grid.line(12).hasPrefix(" Helped by: piet"))
        #expect(grid.line(12).contains("Tab switches"))
    }

    @Test func onAShortTerminalThePromptShowsTheFieldBeingTyped() {
        let board = board(size: (60, 10))
        press(board, .character("r"))
        var grid = BoardRenderer.render(board.state(now: now), width: 60, height: 10)
        #expect(grid.line(8).hasPrefix(" Action point for #7"))
        press(board, .tab)
        grid = BoardRenderer.render(board.state(now: now), width: 60, height: 10)
        #expect(grid.line(8).hasPrefix(" Helped by: piet"))
    }

    @Test func aPastedActionPointIsTextAndNothingElseHappens() {
        let board = board()
        press(board, .character("r"))
        press(board, .paste("Klant teruggebeld.\nVolgende week nog eens controleren, lgnrut"))
        #expect(store.changes == 0, "the line break in the paste did not confirm the prompt")
        press(board, .enter)
        #expect(issue("7").action == "Klant teruggebeld. Volgende week nog eens controleren, lgnrut")
        let resolvedOnly = store.data.issues.filter { $0.status == .resolved }.map(\.id).sorted()
        #expect(resolvedOnly == ["11", "7"], "nothing else was resolved, reopened or added")
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func aRefusedKeyInAPromptIsSaidAboveIt() {
        let board = board()
        press(board, .character("r"), .undecodable)
        let grid = BoardRenderer.render(board.state(now: now), width: 80, height: 14)
        #expect(grid.line(10).hasPrefix(" A typed character is not UTF-8 and was refused"))
        #expect(grid.line(11).hasPrefix(" Action point for #7"))
        #expect(grid.line(12).hasPrefix(" Helped by: piet"))
    }

    @Test func aResolveBeatenByAnotherLeadKeepsWhatWasTyped() throws {
        let board = board()
        press(board, .character("r"))
        press(board, .control("u"))
        type(board, "Koppeling hersteld")
        try store.external { data in
            data.issues[0].status = .resolved
            data.issues[0].resolvedBy = "bob"
            data.issues[0].resolvedAt = stamp("2026-11-24T09:05:00+01:00")
        }
        press(board, .enter)
        let state = board.state(now: now)
        guard case .prompt(let prompt) = state.overlay else { Issue.record("the prompt closed"); return }
        #expect(prompt.field.text == "Koppeling hersteld", "the typed action point is not lost")
        #expect(state.notice == Notice("Not saved: #7 was resolved meanwhile by bob at 2026-11-24 09:05. Esc drops your text; u reopens it.", isError: true))
        let grid = BoardRenderer.render(state, width: 100, height: 14)
        #expect(grid.line(10).hasPrefix(" Not saved: #7 was resolved meanwhile by bob"))
        #expect(issue("7").resolvedBy == "bob")
        press(board, .escape)
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func aPasteIntoTheListChangesNothing() {
        let board = board()
        let before = board.state(now: now)
        press(board, .paste("rnu\nt\nq"))
        #expect(store.changes == 0)
        #expect(board.state(now: now).overlay == .none)
        #expect(board.state(now: now).selectedID == before.selectedID)
    }

    @Test func escOnAFilledFormAsksBeforeThrowingItAway() {
        let board = board()
        press(board, .character("n"), .escape)
        #expect(board.state(now: now).overlay == .none, "an untouched form closes at once")
        press(board, .character("n"))
        type(board, "Garage Peeters")
        press(board, .escape)
        guard case .form(let form) = board.state(now: now).overlay else { Issue.record("the form closed"); return }
        #expect(form.confirmingDiscard)
        let grid = BoardRenderer.render(board.state(now: now), width: 80, height: 20)
        #expect(grid.text.contains("Throw away what you typed?"))
        press(board, .character("n"))
        guard case .form(let kept) = board.state(now: now).overlay else { Issue.record("the form closed"); return }
        #expect(kept.customer.text == "Garage Peeters")
        #expect(!kept.confirmingDiscard)
        press(board, .escape, .character("y"))
        #expect(board.state(now: now).overlay == .none)
        #expect(store.changes == 0)
    }

    @Test func theFormRecordsReceivedAssigneeChannelInternalAndSaysWhichMorning() throws {
        let board = board()
        press(board, .character("n"))
        type(board, "Garage Peeters")
        press(board, .tab)
        type(board, "Belt over de APK")
        press(board, .tab, .tab) // kind stays question
        type(board, "07:50")
        press(board, .tab)
        type(board, "pi")
        press(board, .tab) // completes "piet" from the store
        press(board, .tab, .control("u"))
        type(board, "mail")
        press(board, .tab, .character(" "))
        press(board, .enter)
        let added = store.data.issues.last!
        #expect(added.customer == "Garage Peeters")
        #expect(added.assignee == "piet")
        #expect(added.channel == "mail")
        #expect(added.isInternal)
        #expect(added.receivedAt.date == stamp("2026-11-24T07:50:00+01:00").date)
        #expect(board.state(now: now).notice == Notice("#17 added · counts for Tue 24 Nov"))
    }

    @Test func anIssueAfterTheCutoffSaysItCountsForTheNextMorning() {
        let board = board()
        press(board, .character("n"))
        type(board, "Garage Peeters")
        press(board, .enter, .enter, .enter) // to the summary, to the kind, then saves: received now (09:12)
        #expect(board.state(now: now).notice == Notice("#17 added · counts for Wed 25 Nov, after the 08:00 cut-off"))
    }

    @Test func theComplaintAboutTheFormGoesOnceTheLeadTypes() {
        let board = board()
        press(board, .character("n"), .enter)
        #expect(board.state(now: now).notice == Notice("A customer name is needed.", isError: true))
        type(board, "G")
        #expect(board.state(now: now).notice == nil)
    }

    @Test func aBadReceivedTimeKeepsTheFormOpenAndNamesTheForms() {
        let board = board()
        press(board, .character("n"))
        type(board, "Garage Peeters")
        press(board, .tab, .tab, .tab)
        type(board, "9.40")
        press(board, .enter)
        #expect(store.changes == 0)
        let notice = board.state(now: now).notice
        #expect(notice?.isError == true)
        #expect(notice?.text.hasPrefix("Received: '9.40' is not a time; use RFC 3339") == true)
        #expect(notice?.text.contains("HH:MM") == true)
        guard case .form(let form) = board.state(now: now).overlay else { Issue.record("the form closed"); return }
        #expect(form.focus == .received)
    }

    @Test func theFormShowsEveryFieldAndKindAt40x12() {
        let board = board(size: (40, 12))
        press(board, .character("n"))
        let text = BoardRenderer.render(board.state(now: now), width: 40, height: 12).text
        for word in ["Customer", "Summary", "Kind", "Received", "Assignee", "Channel", "Internal",
                     "question", "problem", "complaint", "bug"] {
            #expect(text.contains(word), "\(word) is visible at 40×12")
        }
    }

    @Test func nothingOfTheListShowsRightNextToABoxsFrame() {
        var state = BoardFixtures.state()
        for overlay in [BoardOverlay.form(IssueForm()), .help(HelpPage())] {
            state.overlay = overlay
            for (w, h) in [(60, 20), (40, 12)] {
                let text = BoardRenderer.render(state, width: w, height: h).text
                for glued in ["▶┌", "▶│", "│…", "│─", "┐…", "┘…"] {
                    #expect(!text.contains(glued), "\(glued) at \(w)×\(h)")
                }
            }
        }
    }

    /// A box blanks the cells beside its frame, on its own rows only: the rows above it stay as
    /// they were, wide names included (a blank beside the corner once cut 李 out of the row above).
    @Test func theRowsAboveABoxAreLeftAlone() {
        var state = BoardFixtures.state()
        for (w, h) in [(80, 24), (60, 20), (60, 16), (40, 12), (72, 18)] {
            state.overlay = .none
            let plain = BoardRenderer.render(state, width: w, height: h)
            for overlay in [BoardOverlay.form(IssueForm()), .help(HelpPage())] {
                state.overlay = overlay
                let boxed = BoardRenderer.render(state, width: w, height: h)
                guard let top = (0..<h).first(where: { boxed.line($0).contains("┌") }) else {
                    Issue.record("no box at \(w)×\(h)"); continue
                }
                for y in 0..<top {
                    #expect(boxed.line(y) == plain.line(y), "row \(y) above the box at \(w)×\(h)")
                }
            }
        }
    }

    @Test func editCorrectsTheIssueAndUndoTakesItBack() {
        let board = board()
        select(board, "12")
        press(board, .character("e"))
        guard case .form(let form) = board.state(now: now).overlay else { Issue.record("no form"); return }
        #expect(form.customer.text == "Bakkerij Jansen")
        #expect(form.received.text == "2026-11-23 08:30")
        press(board, .control("w"))
        type(board, "Janssen")
        press(board, .tab, .tab, .character("c"), .enter)
        #expect(issue("12").customer == "Bakkerij Janssen")
        #expect(issue("12").kind == .complaint)
        #expect(issue("12").receivedAt == stamp("2026-11-23T08:30:00+01:00"), "an untouched time stays exact")
        #expect(board.state(now: now).notice == Notice("#12 corrected."))
        press(board, .character("z"))
        #expect(issue("12").customer == "Bakkerij Jansen")
        #expect(issue("12").kind == .problem)
        #expect(board.state(now: now).notice == Notice("Undone: the correction of #12."))
        press(board, .character("z"))
        #expect(board.state(now: now).notice == Notice("Nothing to undo."))
    }

    @Test func anEditIsRefusedWhenAnotherLeadChangedTheIssueMeanwhile() throws {
        let board = board()
        select(board, "12")
        press(board, .character("e"))
        try store.external { data in data.issues[1].summary = "Printer drukt niets meer af" }
        type(board, " BV")
        press(board, .tab, .tab, .enter)
        #expect(issue("12").customer == "Bakkerij Jansen")
        #expect(issue("12").summary == "Printer drukt niets meer af", "the other lead's change stays")
        let notice = board.state(now: now).notice
        #expect(notice?.isError == true)
        #expect(notice?.text.contains("changed by someone else") == true)
    }

    @Test func undoTakesBackResolveReopenAssignAndTally() {
        let board = board()
        press(board, .character("r"), .enter)
        #expect(!issue("7").isOpen)
        press(board, .character("z"))
        #expect(issue("7").isOpen)
        #expect(issue("7").resolvedBy == nil)
        #expect(board.state(now: now).notice == Notice("Undone: #7 is open again."))

        select(board, "11")
        press(board, .character("u"), .character("z"))
        #expect(issue("11").status == .resolved)
        #expect(issue("11").resolvedBy == "bob")

        select(board, "12")
        press(board, .character("a"), .enter)
        #expect(issue("12").assignee == "lisa")
        press(board, .character("z"))
        #expect(issue("12").assignee == nil)

        let day = LocalDate(year: 2026, month: 11, day: 24)
        press(board, .character("t"))
        type(board, "Sanne")
        press(board, .enter)
        #expect(store.data.tally[day] == 4)
        press(board, .character("z"))
        #expect(store.data.tally[day] == 3)
        #expect(store.data.tallyMarks.isEmpty)
        #expect(board.state(now: now).notice == Notice("Taken back: a mark for Sanne (0 today)."))
    }

    @Test func undoIsRefusedWhenSomeoneChangedTheIssueSince() throws {
        let board = board()
        press(board, .character("r"), .enter)
        try store.external { data in data.issues[0].action = "Door Bob aangevuld" }
        press(board, .character("z"))
        #expect(issue("7").status == .resolved, "the other lead's change is not thrown away")
        #expect(issue("7").action == "Door Bob aangevuld")
        #expect(board.state(now: now).notice?.text.hasPrefix("Not undone:") == true)
    }

    @Test func undoOfAnAddWithdrawsItAndUndoOfAWithdrawBringsItBack() {
        let board = board()
        press(board, .character("n"))
        type(board, "Garage Peeters")
        press(board, .enter, .enter, .enter)
        #expect(issue("17").isOpen)
        press(board, .character("z"))
        #expect(issue("17").status == .withdrawn, "the store keeps it, out of every count")
        #expect(board.state(now: now).notice == Notice("Undone: #17 is withdrawn (it stays in the history)."))

        select(board, "12")
        press(board, .character("x"))
        type(board, "duplicate of 7")
        press(board, .enter)
        #expect(issue("12").status == .withdrawn)
        press(board, .character("z"))
        #expect(issue("12").isOpen)
        #expect(issue("12").withdrawnReason == nil)
        #expect(board.state(now: now).notice == Notice("Undone: #12 is back."))
    }

    @Test func undoOfAnAddIsRefusedOnceSomeoneChangedTheIssue() throws {
        let board = board()
        press(board, .character("n"))
        type(board, "Garage Peeters")
        press(board, .enter, .enter, .enter)
        try store.external { data in data.issues[data.issues.count - 1].assignee = "piet" }
        press(board, .character("z"))
        #expect(issue("17").isOpen, "another lead took it on: it is not withdrawn behind their back")
        #expect(board.state(now: now).notice?.text.hasPrefix("Not undone: #17 was changed since") == true)
    }

    @Test func theHelpScrollsAndShowsTheSetup() {
        let board = board(size: (40, 12))
        press(board, .character("?"))
        guard case .help(let page) = board.state(now: now).overlay else { Issue.record("no help"); return }
        let count = HelpOverlay.layout(page, text: Words(.en), glyphs: .unicode, width: 40).lines.count
        var text = BoardRenderer.render(board.state(now: now), width: 40, height: 12).text
        #expect(text.contains("1–6/\(count)"), "a position says there is more")
        #expect(!text.contains("/srv/tenboard"))
        for _ in 0..<100 { press(board, .down) }
        text = BoardRenderer.render(board.state(now: now), width: 40, height: 12).text
        #expect(text.contains("\(count - 5)–\(count)/\(count)"), "scrolled to the end, no further")
        #expect(text.contains("/srv/tenboard"))
        #expect(text.contains("Europe/Amsterdam"))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("deadline") && $0.contains("10:00") })
        #expect(lines.contains { $0.contains("cut-off") && $0.contains("08:00") })
        #expect(text.contains(TenBoardVersion.current))
        guard case .help = board.state(now: now).overlay else { Issue.record("the help closed"); return }
        press(board, .character("x"))
        #expect(board.state(now: now).overlay == .none)
    }

    @Test func aLongNoticeWrapsOntoTwoLines() {
        var state = BoardFixtures.state()
        state.notice = Notice("Store problem: /very/long/path/to/the/store/issues.json: line 14, column 14: unexpected end of the file inside a string", isError: true)
        let grid = BoardRenderer.render(state, width: 60, height: 14)
        let text = grid.text
        #expect(text.contains("line 14"))
        #expect(text.contains("inside a"))
    }
}

/// The list's position when it is longer than the screen.
@Suite struct ListPositionTests {
    @Test func aLongListSaysWhereTheSelectionIsAndThatThereIsMore() throws {
        let base = stamp("2026-11-24T07:00:00+01:00").date
        let issues = (1...56).map { n in
            TenBoardCore.Issue(id: "\(n)", customer: "Klant \(n)", summary: "Vraag \(n)",
                               receivedAt: Timestamp(base.addingTimeInterval(Double(n) * 60), offsetSeconds: 3600))
        }
        let store = try RealBoardStore(BoardData(issues: issues), now: BoardFixtures.now)
        let board = BoardController(store: store.store, schedule: BoardFixtures.schedule, language: .en,
                                    userName: "lisa", readOnly: false, uptime: { 100 })
        board.size = (100, 24)
        board.refresh()
        let now = BoardFixtures.now
        var grid = BoardRenderer.render(board.state(now: now), width: 100, height: 24)
        #expect(grid.line(23).hasSuffix(" 1/56 ↓ "))
        for _ in 0..<11 { _ = board.handle(.down, now: now) }
        _ = board.handle(.pageDown, now: now)
        _ = board.handle(.pageDown, now: now)
        let state = board.state(now: now)
        grid = BoardRenderer.render(state, width: 100, height: 24)
        #expect(grid.line(23).hasSuffix(" \(state.selectedIndex! + 1)/56 ↑↓ "))
        _ = board.handle(.end, now: now)
        grid = BoardRenderer.render(board.state(now: now), width: 100, height: 24)
        #expect(grid.line(23).hasSuffix(" 56/56 ↑ "))
        // The whole list in view: no position.
        let short = BoardRenderer.render(BoardFixtures.state(), width: 100, height: 30)
        #expect(!short.line(29).contains("/7"))
    }
}
