import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// The board rendered as text at several sizes, compared with what a person would see.
@Suite struct BoardRendererTests {
    @Test func listAt80Columns() {
        let grid = BoardRenderer.render(BoardFixtures.state(), width: 80, height: 15)
        #expect(grid.text == """
         tenboard · morning Tue 24 Nov                       WAITING · 0:48:00 to 10:00
         1 of 6 helped · 1 carried over · need 6.3/h · done ~14:12 · streak 0 · tally 3
          ID  CUSTOMER         KIND          AGE ASSIGNEE SUMMARY
         ── carried over (1) ───────────────────────────────────────────────────────────
        ▶ 7   Gemeente Utrecht problem    3d 23h piet     Koppeling met het zaaksysteem…
         ── this morning (4) ───────────────────────────────────────────────────────────
          12  Bakkerij Jansen  problem     1d 0h          Printer drukt bonnen dubbel af
          13  山田商事         question  15h 27m ann      請求書が届きません (invoice m…
          14  Café Zoë         complaint  2h 02m          Koffie ☕ te koud 😡 en 👨‍👩‍👧 wa…
          15  Evil␛[31mCorp    bug        1h 13m          line1 line2�gnp.exe
         ── next morning (1) ───────────────────────────────────────────────────────────
          16  Garage De Vries  question      42m          Vraag over de factuur van okt…
         ── helped this morning (1) ────────────────────────────────────────────────────
          11  Sportschool Fit  question   ✓08:45 bob      Wachtwoord vergeten
         ↑↓ move  ⏎ open  r resolve  a assign  u reopen  n new  / filter  ? help  q quit
        """)
    }

    @Test func listAt120Columns() {
        let grid = BoardRenderer.render(BoardFixtures.state(), width: 120, height: 15)
        #expect(grid.text == """
         tenboard · morning Tue 24 Nov                                                               WAITING · 0:48:00 to 10:00
         1 of 6 helped · 1 carried over · need 6.3/h · done ~14:12 · streak 0 · ▁ · the last morning missed · tally 3
          ID  CUSTOMER         KIND          AGE ASSIGNEE SUMMARY
         ── carried over (1) ───────────────────────────────────────────────────────────────────────────────────────────────────
        ▶ 7   Gemeente Utrecht problem    3d 23h piet     Koppeling met het zaaksysteem faalt
         ── this morning (4) ───────────────────────────────────────────────────────────────────────────────────────────────────
          12  Bakkerij Jansen  problem     1d 0h          Printer drukt bonnen dubbel af
          13  山田商事         question  15h 27m ann      請求書が届きません (invoice missing)
          14  Café Zoë         complaint  2h 02m          Koffie ☕ te koud 😡 en 👨‍👩‍👧 wachten
          15  Evil␛[31mCorp    bug        1h 13m          line1 line2�gnp.exe
         ── next morning (1) ───────────────────────────────────────────────────────────────────────────────────────────────────
          16  Garage De Vries  question      42m          Vraag over de factuur van oktober
         ── helped this morning (1) ────────────────────────────────────────────────────────────────────────────────────────────
          11  Sportschool Fit  question   ✓08:45 bob      Wachtwoord vergeten
         ↑↓ move  ⏎ open  r resolve  a assign  u reopen  n new  e edit  z undo  / filter  t tally  ? help  q quit
        """)
    }

    @Test func listAt40Columns() {
        let grid = BoardRenderer.render(BoardFixtures.state(), width: 40, height: 15)
        #expect(grid.text == """
                     WAITING · 0:48:00 to 10:00
         1 of 6 helped · need 6.3/h
          ID  CUSTOMER       AGE SUMMARY
         ── carried over (1) ───────────────────
        ▶ 7   Gemeente …  3d 23h Koppeling met …
         ── this morning (4) ───────────────────
          12  Bakkerij …   1d 0h Printer drukt …
          13  山田商事   15h 27m 請求書が届きま…
          14  Café Zoë    2h 02m Koffie ☕ te k…
          15  Evil␛[31m…  1h 13m line1 line2�gn…
         ── next morning (1) ───────────────────
          16  Garage De…     42m Vraag over de …
         ── helped this morning (1) ────────────
          11  Sportscho…  ✓08:45 Wachtwoord ver…
         ↑↓ move  r resolve  ? help  q quit
        """)
    }

    @Test func detailViewOfACJKCustomer() {
        var state = BoardFixtures.state(selected: "13")
        state.screen = .detail
        let grid = BoardRenderer.render(state, width: 60, height: 16)
        #expect(grid.text == """
         tenboard · morning Tue 24 Nov   WAITING · 0:48:00 to 10:00
         1 of 6 helped · 1 carried over · need 6.3/h · done ~14:12
         #13  山田商事

          Customer      山田商事
          Kind          question
          Received      Mon 23 Nov 17:45 (waiting 15h 27m so far)
          Counts for    Tue 24 Nov
          Assignee      ann
          Status        waiting 15h 27m so far

          Summary
            請求書が届きません (invoice missing)


         ↑↓ move  Esc back  r resolve  a assign  ? help  q quit
        """)
    }

    @Test(arguments: [80, 120, 40])
    func columnsStayAlignedWithCJKEmojiAndCombiningText(width: Int) {
        let grid = BoardRenderer.render(BoardFixtures.state(), width: width, height: 14)
        // Every row's age column ends in the same cell, whatever the customer's name is made of.
        let heading = (0..<grid.height).first { grid.line($0).contains("AGE") }!
        let ageEnd = (0..<grid.width).last { grid[$0, heading].text == "E" && grid[$0 - 1, heading].text == "G" }!
        for y in (heading + 1)..<(grid.height - 1) where !grid.line(y).contains("──") {
            let last = grid[ageEnd, y].text
            #expect(["h", "m", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"].contains(last), "row \(y): \(grid.line(y))")
        }
        // And no row is wider than the terminal.
        for y in 0..<grid.height { #expect(DisplayWidth.of(grid.line(y)) == width) }
    }

    @Test func tooSmallShowsAShortMessage() {
        let grid = BoardRenderer.render(BoardFixtures.state(), width: 24, height: 6)
        #expect(grid.text.components(separatedBy: "\n") == ["", "", "   Terminal too small", "       need 32x8", "", ""])
        // The smallest size that still shows the board.
        let smallest = BoardRenderer.render(BoardFixtures.state(), width: 32, height: 8)
        #expect(smallest.text.contains("▶ 7"))
        #expect(BoardRenderer.render(BoardFixtures.state(), width: 0, height: 0).text == "")
        #expect(BoardRenderer.render(BoardFixtures.state(), width: 1, height: 1).text == "T")
    }

    @Test func tooSmallWrapsInsteadOfCuttingAWord() {
        // It used to read "Terminal t" / "need 32x8" at 10×3.
        let tiny = BoardRenderer.render(BoardFixtures.state(), width: 10, height: 3)
        #expect(tiny.text.components(separatedBy: "\n") == [" Terminal", "too small", "need 32x8"])
        let two = BoardRenderer.render(BoardFixtures.state(), width: 10, height: 2)
        #expect(two.text.components(separatedBy: "\n") == [" Terminal", "too small"])
        let dutch = BoardRenderer.render(BoardFixtures.state(language: .nl), width: 12, height: 4)
        #expect(dutch.text.components(separatedBy: "\n") == ["Terminal te", "   klein", "nodig: 32x8", ""])
    }

    @Test func dutchList() {
        let grid = BoardRenderer.render(BoardFixtures.state(language: .nl), width: 80, height: 15)
        #expect(grid.text == """
         tenboard · ochtend di 24 nov                      WACHTEND · 0:48:00 tot 10:00
         1 van 6 geholpen · 1 van eerder · 6,3/u nodig · klaar ~14:12 · reeks 0 · turf 3
          ID  KLANT            SOORT      WACHT WIE  SAMENVATTING
         ── van eerder (1) ─────────────────────────────────────────────────────────────
        ▶ 7   Gemeente Utrecht probleem  3d 23u piet Koppeling met het zaaksysteem faalt
         ── deze ochtend (4) ───────────────────────────────────────────────────────────
          12  Bakkerij Jansen  probleem   1d 0u      Printer drukt bonnen dubbel af
          13  山田商事         vraag    15u 27m ann  請求書が届きません (invoice missin…
          14  Café Zoë         klacht    2u 02m      Koffie ☕ te koud 😡 en 👨‍👩‍👧 wachten
          15  Evil␛[31mCorp    bug       1u 13m      line1 line2�gnp.exe
         ── volgende ochtend (1) ───────────────────────────────────────────────────────
          16  Garage De Vries  vraag        42m      Vraag over de factuur van oktober
         ── deze ochtend geholpen (1) ──────────────────────────────────────────────────
          11  Sportschool Fit  vraag     ✓08:45 bob  Wachtwoord vergeten
         ↑↓ kies  ⏎ open  r opgelost  a toewijzen  u heropen  n nieuw  ? hulp  q stop
        """)
    }

    @Test func dutchDetailOfAHelpedCustomer() {
        var state = BoardFixtures.state(language: .nl, selected: "11")
        state.screen = .detail
        let grid = BoardRenderer.render(state, width: 80, height: 16)
        #expect(grid.text == """
         tenboard · ochtend di 24 nov                      WACHTEND · 0:48:00 tot 10:00
         1 van 6 geholpen · 1 van eerder · 6,3/u nodig · klaar ~14:12 · reeks 0 · turf 3
         #11  Sportschool Fit

          Klant         Sportschool Fit
          Soort         vraag
          Ontvangen     ma 23 nov 16:00
          Telt voor     di 24 nov
          Toegewezen    niemand
          Status        geholpen door bob op di 24 nov om 08:45
          Actiepunt     FAQ bijgewerkt

          Samenvatting
            Wachtwoord vergeten

         ↑↓ kies  Esc terug  r opgelost  a toewijzen  u heropen  n nieuw  ? hulp  q stop
        """)
    }

    @Test func headerFollowsTheMorningsState() {
        let at = { (t: String) in stamp(t).date }
        let warning = BoardRenderer.render(BoardFixtures.state(now: at("2026-11-24T09:40:00+01:00")), width: 80, height: 14)
        #expect(warning.line(0).trimmingTrailingSpaces().hasSuffix("HURRY · 0:20:00 to 10:00"))
        #expect(warning[79, 0].role == .stateWarning)
        let overdue = BoardRenderer.render(BoardFixtures.state(now: at("2026-11-24T10:05:30+01:00")), width: 80, height: 14)
        #expect(overdue.line(0).trimmingTrailingSpaces().hasSuffix("OVERDUE · 0:05:30 past 10:00"))
        #expect(overdue[79, 0].role == .stateOverdue)
        let weekend = BoardRenderer.render(BoardFixtures.state(now: at("2026-11-28T12:00:00+01:00")), width: 80, height: 14)
        #expect(weekend.line(0).contains("next: Mon 30 Nov 10:00, in 46:00:00"))
        let done = BoardRenderer.render(BoardFixtures.state(now: at("2026-11-24T09:00:00+01:00"), data: BoardData()), width: 80, height: 14)
        // An empty store does not celebrate: no customers is neutral, not DONE.
        #expect(done.line(0).trimmingTrailingSpaces().hasSuffix("NO CUSTOMERS · 1:00:00 to 10:00"))
        #expect(done[79, 0].role == .stateNone)
        #expect(done.line(1).hasPrefix(" no customers · streak 0"))
        #expect(done.line(3).contains("Nobody is waiting."))
    }

    @Test func theSelectedRowIsMarkedAndHighlighted() {
        let grid = BoardRenderer.render(BoardFixtures.state(selected: "14"), width: 80, height: 14)
        let y = (0..<grid.height).first { grid.line($0).hasPrefix("▶ 14") }!
        #expect((0..<80).allSatisfy { grid[$0, y].role == .selected })
    }

    @Test func aLongListScrollsToKeepTheSelectionVisible() {
        var data = BoardData()
        for i in 1...40 {
            data.issues.append(Issue(id: "\(i)", customer: "Klant \(i)", summary: "vraag \(i)",
                                     receivedAt: Timestamp(BoardFixtures.now.addingTimeInterval(Double(-4000 + i * 60)), offsetSeconds: 3600)))
        }
        var state = BoardFixtures.state(data: data, selected: "40")
        state.scrollTop = BoardRenderer.listTop(state, width: 80, height: 12)
        let grid = BoardRenderer.render(state, width: 80, height: 12)
        #expect(grid.line(10).hasPrefix("▶ 40"))
        #expect(grid.line(3).hasPrefix("  33"))
    }

    @Test func promptAndNoticeUseTheStatusLine() {
        var state = BoardFixtures.state()
        state.overlay = .prompt(LinePrompt(.resolve(id: "7"), text: "Teruggebeld, FAQ aangevuld"))
        var grid = BoardRenderer.render(state, width: 80, height: 14)
        #expect(grid.line(12).trimmingCharacters(in: .whitespaces) == "Action point for #7 (may be empty): Teruggebeld, FAQ aangevuld")
        #expect(grid.line(13).trimmingCharacters(in: .whitespaces) == "Enter confirm  Esc cancel")
        state.overlay = .none
        state.notice = Notice("Store problem: issues.json line 3: unexpected '}'", isError: true)
        grid = BoardRenderer.render(state, width: 80, height: 14)
        #expect(grid.line(12).hasPrefix(" Store problem: issues.json line 3"))
        #expect(grid[0, 12].role == .error)
    }

    @Test func helpAndFormAreBoxesOverTheBoard() {
        var state = BoardFixtures.state()
        state.overlay = .help(HelpPage())
        var grid = BoardRenderer.render(state, width: 80, height: 20)
        #expect(grid.text.contains("┌─ Keys ─"))
        #expect(grid.text.contains("│ r                  resolve: record the action point, then Enter"))
        var form = IssueForm()
        for c in "Fietsenmaker Gerrit" { form.insert(c) }
        form.nextField()
        form.nextField()
        form.cycleKind()
        state.overlay = .form(form)
        grid = BoardRenderer.render(state, width: 80, height: 20)
        #expect(grid.text.contains("New customer issue"))
        #expect(grid.text.contains("│ Customer  Fietsenmaker Gerrit"))
        #expect(grid.text.contains("Kind       question [problem] complaint  bug"))
        #expect(grid.line(19).contains("Tab next field"))
    }

    @Test func asciiLocaleDrawsOnlyAscii() {
        var state = BoardFixtures.state()
        state.overlay = .help(HelpPage())
        for screen in [BoardScreen.list, .detail] {
            state.screen = screen
            let grid = BoardRenderer.render(state, width: 80, height: 20, unicode: false)
            #expect(grid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } })
        }
        let list = BoardRenderer.render(BoardFixtures.state(), width: 80, height: 14, unicode: false)
        #expect(list.line(0).contains("tenboard - morning Tue 24 Nov"))
        #expect(list.text.contains("> 7   Gemeente Utrecht"))
        #expect(list.text.contains("Cafe Zoe"))
        #expect(list.text.contains("Evil^[[31mCorp"))
    }

    @Test func filteringKeepsMatchingRows() {
        var state = BoardFixtures.state()
        state.rows = state.rows.filter { BoardStateBuilder.matches($0, filter: "cafe", language: .en) }
        state.filter = "cafe"
        let grid = BoardRenderer.render(state, width: 80, height: 14)
        #expect(grid.text.contains("Café Zoë"))
        #expect(!grid.text.contains("Bakkerij"))
        #expect(grid.line(12).contains("filter \"cafe\": 1 shown"))
    }
}
