import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The tally game by person and customers' praise (issue 14, the people side): the daily cap,
/// undo, week and month boundaries, the customer-thinker, an old nameless store, who helped how
/// many over a week.
@Suite("People: tally and praise")
struct PeopleTests {
    static let noon = instant("2026-11-24T12:00:00+01:00")

    func temp(clock: Date = PeopleTests.noon) -> TempStore { TempStore(clock: { clock }) }
    func remove(_ t: TempStore) { try? FileManager.default.removeItem(at: t.url) }
    func mark(_ day: String, _ who: String, _ at: String = "12:00:00") -> TallyMark {
        TallyMark(day: LocalDate(day)!, who: who, by: "lead", at: Timestamp(rfc3339: "\(day)T\(at)+01:00")!)
    }

    @Test("A person gets at most the daily cap of marks a day; others and the next day are not held back")
    func dailyCap() throws {
        let t = temp(clock: instant("2026-11-25T12:00:00+01:00"))
        defer { remove(t) }
        let at = instant("2026-11-24T09:00:00+01:00")
        #expect(try (1...3).map { _ in try t.store.drawTally(who: "Sanne", by: "lead", at: at, cap: 3).count } == [1, 2, 3])
        // The same colleague in another spelling is still the same colleague.
        let refused = HostileInputTests.rejected { try t.store.drawTally(who: " sanne ", by: "lead", at: at, cap: 3) }
        #expect(refused?.exitCode == .dataError)
        #expect(refused?.message.contains("daily cap") == true && refused?.message.contains("tally-daily-cap") == true)
        #expect(try t.store.snapshot().tallyMarks.count == 3, "a refused mark writes nothing")
        #expect(try t.store.drawTally(who: "Pieter", by: "lead", at: at, cap: 3).count == 1)
        #expect(try t.store.drawTally(who: "Sanne", by: "lead", at: instant("2026-11-25T08:00:00+01:00"), cap: 3).count == 1)
    }

    @Test("A mark is never dated after the clock plus a minute, and needs a name")
    func futureAndEmpty() throws {
        let t = temp()
        defer { remove(t) }
        let late = HostileInputTests.rejected { try t.store.drawTally(who: "Sanne", by: "lead", at: PeopleTests.noon.addingTimeInterval(61)) }
        #expect(late?.exitCode == .dataError && late?.message.contains("in the future") == true)
        #expect(try t.store.drawTally(who: "Sanne", by: "lead", at: PeopleTests.noon.addingTimeInterval(59)).count == 1)
        for name in ["", "   ", "\n", String(repeating: "x", count: TallyMark.nameLimit + 1)] {
            #expect(HostileInputTests.rejected { try t.store.drawTally(who: name, by: "lead", at: PeopleTests.noon) }?.exitCode == .dataError)
        }
        #expect(try t.store.snapshot().tallyMarks.map(\.who) == ["Sanne"])
    }

    @Test("Tally glyphs: four bars and a stroke a five, then bars; ASCII only, for any console font")
    func tallyGlyphs() {
        #expect(Words.tallyGlyphs(0) == "")
        #expect(Words.tallyGlyphs(3) == "|||")
        #expect(Words.tallyGlyphs(5) == "||||/")
        #expect(Words.tallyGlyphs(12) == "||||/ ||||/ ||")
        for n in 0...40 {
            let glyphs = Words.tallyGlyphs(n)
            #expect(glyphs.unicodeScalars.allSatisfy { $0 == " " || $0 == "|" || $0 == "/" }, "\(n): \(glyphs)")
            #expect(glyphs.filter { $0 == "|" || $0 == "/" }.count == n, "one character a mark: \(n)")
        }
    }

    @Test("Undo takes back the person's last mark of today only")
    func undoLast() throws {
        let t = temp()
        defer { remove(t) }
        try t.store.drawTally(who: "Sanne", by: "lead", at: instant("2026-11-23T10:00:00+01:00"))
        try t.store.drawTally(who: "Sanne", by: "lead", at: instant("2026-11-23T11:00:00+01:00"))
        try t.store.drawTally(who: "Sanne", by: "ann", at: instant("2026-11-24T09:00:00+01:00"))
        try t.store.drawTally(who: "Pieter", by: "ann", at: instant("2026-11-24T09:30:00+01:00"))
        let undone = try t.store.undoLastTally(of: "SANNE", at: PeopleTests.noon)
        #expect(undone.mark.at.rfc3339 == "2026-11-24T09:00:00+01:00" && undone.count == 0)
        let none = HostileInputTests.rejected { try t.store.undoLastTally(of: "Sanne", at: PeopleTests.noon) }
        #expect(none?.exitCode == .noInput)
        let book = try t.store.snapshot().tallyBook
        #expect(book.count(of: "Sanne", on: LocalDate("2026-11-23")!) == 2, "yesterday's marks stay")
        #expect(book.count(of: "Pieter", on: LocalDate("2026-11-24")!) == 1)
    }

    @Test("Weeks run Monday to Sunday and months by the calendar")
    func weekAndMonth() {
        #expect(DaySpan.week(of: LocalDate("2026-11-29")!) == DaySpan(kind: .week, from: LocalDate("2026-11-23")!, through: LocalDate("2026-11-29")!))
        #expect(DaySpan.week(of: LocalDate("2026-11-30")!).from == LocalDate("2026-11-30")!)
        #expect(DaySpan.week(of: LocalDate("2026-12-06")!).from == LocalDate("2026-11-30")!)
        #expect(DaySpan.month(of: LocalDate("2028-02-10")!).through == LocalDate("2028-02-29")!)
        let book = TallyBook(marks: [
            mark("2026-11-29", "Sanne"), mark("2026-11-30", "Sanne"), mark("2026-11-30", "Pieter"),
            mark("2026-12-01", "Pieter"), mark("2026-12-01", "pieter"), mark("2026-12-02", "Sanne"),
        ])
        // Tuesday 1 Dec: the week since Monday 30 Nov (Sunday's mark is last week's), the month
        // since 1 Dec (Monday's mark is November's); Wednesday's not yet.
        #expect(book.overview(on: LocalDate("2026-12-01")!) == [
            PersonTally(name: "Pieter", today: 2, week: 3, month: 2),
            PersonTally(name: "Sanne", today: 0, week: 1, month: 0),
        ])
        #expect(book.overview(on: LocalDate("2026-11-30")!) == [
            PersonTally(name: "Sanne", today: 1, week: 1, month: 2),
            PersonTally(name: "Pieter", today: 1, week: 1, month: 1),
        ])
        #expect(book.total(on: LocalDate("2026-12-01")!) == 2)
    }

    @Test("The customer-thinker: last week's on a week's first morning, last month's on a month's first")
    func thinkers() {
        let schedule = MorningSchedule()
        let book = TallyBook(marks: [
            mark("2026-11-26", "Sanne"), mark("2026-11-27", "Sanne"), mark("2026-11-27", "Pieter"),
            mark("2026-11-30", "Pieter"), mark("2026-11-30", "Pieter"),
        ])
        let monday = book.thinkers(forMorning: LocalDate("2026-11-30")!, schedule: schedule)
        #expect(monday.count == 1 && monday[0].span.kind == .week && monday[0].span.from == LocalDate("2026-11-23")!)
        #expect(monday[0].leaders == [PersonCount(name: "Sanne", count: 2)])
        let tuesday = book.thinkers(forMorning: LocalDate("2026-12-01")!, schedule: schedule)
        #expect(tuesday.count == 1 && tuesday[0].span.kind == .month)
        // November: Sanne 2, Pieter 3.
        #expect(tuesday[0].leaders == [PersonCount(name: "Pieter", count: 3)])
        #expect(book.thinkers(forMorning: LocalDate("2026-12-02")!, schedule: schedule).isEmpty)
        // A tie names both.
        let tie = TallyBook(marks: [mark("2026-11-26", "Sanne"), mark("2026-11-26", "Ann")])
        #expect(tie.thinkers(forMorning: LocalDate("2026-11-30")!, schedule: schedule)[0].leaders.map(\.name) == ["Ann", "Sanne"])
    }

    @Test("An old store's nameless count stays readable, counts as marks without a name, and is kept")
    func migration() throws {
        let t = temp()
        defer { remove(t) }
        try t.write("""
            {"format": "tenboard-store", "version": 1, "revision": 3, "nextId": 1, "issues": [],
             "tally": {"2026-11-24": 4, "2026-11-20": 2}}
            """)
        let old = try t.store.snapshot().tallyBook
        #expect(old.total(on: LocalDate("2026-11-24")!) == 4)
        #expect(old.overview(on: LocalDate("2026-11-24")!) == [PersonTally(name: nil, today: 4, week: 4, month: 6)])
        #expect(old.leaders(in: DaySpan.week(of: LocalDate("2026-11-24")!)).isEmpty, "nobody in particular never leads")
        try t.store.drawTally(who: "Sanne", by: "lead", at: PeopleTests.noon)
        let state = try t.store.snapshot()
        #expect(state.tally == [LocalDate("2026-11-24")!: 4, LocalDate("2026-11-20")!: 2])
        #expect(state.tallyBook.total(on: LocalDate("2026-11-24")!) == 5)
        #expect(state.tallyBook.people(from: LocalDate("2026-11-24")!, through: LocalDate("2026-11-24")!)
            == [PersonCount(name: nil, count: 4), PersonCount(name: "Sanne", count: 1)])
        #expect(state.tallyBook.leaders(in: DaySpan.week(of: LocalDate("2026-11-24")!)) == [PersonCount(name: "Sanne", count: 1)])
    }

    @Test("Marks and praise read back as written; damaged ones are refused naming the field")
    func roundTripAndDamage() throws {
        let t = temp()
        defer { remove(t) }
        let drawn = try t.store.drawTally(who: "Zoë \u{1B}[31m", by: "lead", at: PeopleTests.noon).mark
        let praise = try t.store.addPraise(who: "Sanne", customer: "Bakkerij Ömer", text: "Sanne dacht echt mee",
                                           recordedBy: "lead", issue: "12", at: PeopleTests.noon)
        let state = try t.store.snapshot()
        #expect(state.tallyMarks == [drawn] && state.praise == [praise])
        #expect(praise.day == LocalDate("2026-11-24")! && praise.at.rfc3339 == "2026-11-24T12:00:00+01:00")
        // The name is kept as written and neutralised where it is counted for display.
        #expect(state.tallyBook.overview(on: drawn.day).first?.name == "Zoë ␛[31m")
        try t.write("""
            {"format": "tenboard-store", "version": 1, "revision": 3, "issues": [],
             "tallyMarks": [{"day": "2026-11-24", "by": "lead", "at": "2026-11-24T09:00:00+01:00"}]}
            """)
        do {
            _ = try t.store.snapshot()
            Issue.record("a mark without 'who' was read")
        } catch {
            #expect(error.exitCode == .dataError && error.message.contains("tallyMarks[0]") && error.message.contains("'who'"))
        }
    }

    @Test("Praise needs a name, a customer and their words, and is never dated ahead")
    func praiseRules() throws {
        let t = temp()
        defer { remove(t) }
        for (who, customer, text) in [("", "Bakkerij", "top"), ("Sanne", " ", "top"), ("Sanne", "Bakkerij", "  ")] {
            let e = HostileInputTests.rejected { try t.store.addPraise(who: who, customer: customer, text: text, recordedBy: "lead", at: PeopleTests.noon) }
            #expect(e?.exitCode == .dataError)
        }
        let future = HostileInputTests.rejected {
            try t.store.addPraise(who: "Sanne", customer: "Bakkerij", text: "top", recordedBy: "lead", at: PeopleTests.noon.addingTimeInterval(3600))
        }
        #expect(future?.exitCode == .dataError)
        #expect(try t.store.snapshot().praise.isEmpty)
        // Undo takes back that praise only, once.
        let kept = try t.store.addPraise(who: "Ann", customer: "Gemeente", text: "snel", recordedBy: "lead", at: PeopleTests.noon)
        let mistaken = try t.store.addPraise(who: "Sanne", customer: "Bakkerij", text: "top", recordedBy: "lead", at: PeopleTests.noon)
        try t.store.undoPraise(mistaken, at: PeopleTests.noon)
        #expect(try t.store.snapshot().praise == [kept])
        #expect(HostileInputTests.rejected { try t.store.undoPraise(mistaken, at: PeopleTests.noon) }?.exitCode == .tempFailure)
    }

    @Test("Marks and praise older than 62 days go with the next change")
    func pruning() throws {
        let t = temp(clock: instant("2027-02-01T12:00:00+01:00"))
        defer { remove(t) }
        try t.store.drawTally(who: "Sanne", by: "lead", at: instant("2026-11-24T09:00:00+01:00"))
        try t.store.addPraise(who: "Sanne", customer: "B", text: "top", recordedBy: "lead", at: instant("2026-11-24T09:00:00+01:00"))
        try t.store.drawTally(who: "Pieter", by: "lead", at: instant("2027-02-01T09:00:00+01:00"))
        let state = try t.store.snapshot()
        #expect(state.tallyMarks.map(\.who) == ["Pieter"] && state.praise.isEmpty)
    }

    @Test("Who helped how many over a week: each morning's account, a carried-over customer once")
    func helpersOverAWeek() {
        func issue(_ id: String, _ received: String, _ resolved: String, _ by: String) -> TenBoardCore.Issue {
            TenBoardCore.Issue(id: id, customer: "C\(id)", summary: "", receivedAt: Timestamp(rfc3339: received)!, status: .resolved,
                  resolvedAt: Timestamp(rfc3339: resolved)!, resolvedBy: by)
        }
        let issues = [
            // Monday's, helped late on Tuesday: in Monday's account and carried into Tuesday's.
            issue("1", "2026-11-23T07:00:00+01:00", "2026-11-24T09:00:00+01:00", "Ann"),
            issue("2", "2026-11-24T07:00:00+01:00", "2026-11-24T09:30:00+01:00", "Bram"),
            issue("3", "2026-11-25T07:00:00+01:00", "2026-11-25T09:30:00+01:00", "Ann"),
            // Last week's: not this week.
            issue("4", "2026-11-20T07:00:00+01:00", "2026-11-20T09:30:00+01:00", "Bram"),
        ]
        let schedule = MorningSchedule()
        let at = instant("2026-11-25T12:00:00+01:00")
        let week = schedule.helpers(in: DaySpan.week(of: LocalDate("2026-11-25")!), issues: issues, at: at)
        #expect(week == [HelperCount(name: "Ann", count: 2), HelperCount(name: "Bram", count: 1)])
        let month = schedule.helpers(in: DaySpan.month(of: LocalDate("2026-11-25")!), issues: issues, at: at)
        #expect(month == [HelperCount(name: "Ann", count: 2), HelperCount(name: "Bram", count: 2)])
    }

    @Test("The report names the customer-thinker on a week's and a month's first morning, and the customers who thanked")
    func report() throws {
        let t = temp(clock: instant("2026-12-01T12:00:00+01:00"))
        defer { remove(t) }
        for (who, at) in [("Sanne", "2026-11-25T09:00:00+01:00"), ("Sanne", "2026-11-26T09:00:00+01:00"),
                          ("Sanne", "2026-11-27T09:00:00+01:00"), ("Pieter", "2026-11-27T09:10:00+01:00"),
                          ("Pieter", "2026-11-30T09:00:00+01:00"), ("Pieter", "2026-11-30T09:01:00+01:00"),
                          ("Pieter", "2026-11-30T09:02:00+01:00")] {
            try t.store.drawTally(who: who, by: "lead", at: instant(at))
        }
        try t.store.addPraise(who: "Sanne", customer: "Bakkerij Ömer", text: "Sanne dacht echt mee", recordedBy: "lead", at: instant("2026-11-27T14:00:00+01:00"))
        try t.store.addPraise(who: "Pieter", customer: "X\r\nBcc: evil@example.com", text: "<b>top</b>\u{1B}[2J", recordedBy: "lead", at: instant("2026-11-28T10:00:00+01:00"))
        try t.store.addPraise(who: "Ann", customer: "Gemeente Zeist", text: "snel", recordedBy: "lead", at: instant("2026-11-30T09:30:00+01:00"))
        let resolved = try t.store.add(customer: "C", summary: "s", receivedAt: instant("2026-11-30T07:00:00+01:00"), at: instant("2026-11-30T07:00:00+01:00"))
        try t.store.resolve(id: resolved.id, by: "Ann", action: nil, at: instant("2026-11-30T09:00:00+01:00"))
        let state = try t.store.snapshot()
        let schedule = MorningSchedule()
        func report(_ day: String, _ language: Language = .en) -> MorningReport {
            let morning = LocalDate(day)!
            let at = schedule.deadline(of: morning)
            var data = schedule.reportData(of: morning, issues: state.issues, at: at)
            data.people = ReportPeople(state: state, schedule: schedule, morning: morning, issues: state.issues, at: at)
            return MorningReport(data, language: language)
        }
        // Monday 30 Nov, the week's first morning: last week's thinker; Friday's and Saturday's praise.
        let monday = report("2026-11-30")
        #expect(monday.data.people.thanked.map(\.who) == ["Sanne", "Pieter"])
        let text = monday.text
        #expect(text.contains("Customer-thinker of the week (Mon 23 Nov – Sun 29 Nov): Sanne, 3 marks"))
        #expect(!text.contains("Customer-thinker of November"))
        #expect(text.contains("Customers thanked (2)"))
        #expect(text.contains("* Bakkerij Ömer thanked Sanne (Fri 27 Nov): \"Sanne dacht echt mee\""))
        #expect(!text.contains("Gemeente Zeist"), "Monday's praise waits for Tuesday's report")
        #expect(text.contains("This week: Ann 1") && text.contains("This month: Ann 1"))
        #expect(text.contains("Tally game this week: Pieter 3"))
        // The customer's words never carry a line break or an escape into the mail.
        #expect(!text.contains("\r") && !text.contains("\u{1B}") && !text.contains("\nBcc:"))
        let html = monday.html
        #expect(html.contains("&lt;b&gt;top&lt;/b&gt;") && !html.contains("<b>top"))
        #expect(html.contains("Customers thanked (2)"))
        // Tuesday 1 Dec, the month's first morning: November's thinker (Pieter 4, Sanne 3), Monday's praise.
        let tuesday = report("2026-12-01", .nl)
        #expect(tuesday.text.contains("Klantdenker van november: Pieter, 4 streepjes"))
        #expect(!tuesday.text.contains("Klantdenker van de week"))
        #expect(tuesday.text.contains("Klanten bedankten (1)") && tuesday.text.contains("Gemeente Zeist bedankte Ann (ma 30 nov): \"snel\""))
        // Wednesday: neither a thinker nor anyone thanked.
        let wednesday = report("2026-12-02").text
        #expect(!wednesday.contains("Customer-thinker") && !wednesday.contains("Customers thanked"))
    }
}
