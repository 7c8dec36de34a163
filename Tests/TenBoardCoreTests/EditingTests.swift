import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// Times as people type them, and corrections and undo in a real store.
@Suite("Typing times and correcting issues")
struct EditingTests {
    static let zone = TimeZone(identifier: "Europe/Amsterdam")!
    let schedule = MorningSchedule(timeZone: EditingTests.zone)

    @Test("RFC 3339, HH:MM today and YYYY-MM-DD HH:MM in the configured zone")
    func timeForms() {
        let now = instant("2026-11-24T09:12:00+01:00")
        #expect(TimeInput.parse("2026-11-24T09:40:00+01:00", schedule: schedule, now: now) == instant("2026-11-24T09:40:00+01:00"))
        #expect(TimeInput.parse("09:40", schedule: schedule, now: now) == instant("2026-11-24T09:40:00+01:00"))
        #expect(TimeInput.parse("7:50", schedule: schedule, now: now) == instant("2026-11-24T07:50:00+01:00"))
        #expect(TimeInput.parse(" 2026-11-23 17:45 ", schedule: schedule, now: now) == instant("2026-11-23T17:45:00+01:00"))
        #expect(TimeInput.parse("2026-11-23T17:45", schedule: schedule, now: now) == instant("2026-11-23T17:45:00+01:00"))
        // "Today" is the configured zone's: 00:30 UTC on the 25th is still the 25th in Amsterdam.
        let lateUTC = instant("2026-11-24T23:30:00Z")
        #expect(TimeInput.parse("08:00", schedule: schedule, now: lateUTC) == instant("2026-11-25T08:00:00+01:00"))
        // Summer time: the same wall-clock time, another offset.
        #expect(TimeInput.parse("2026-07-01 09:40", schedule: schedule, now: now) == instant("2026-07-01T09:40:00+02:00"))
        for bad in ["9.40", "25:00", "09:60", "2026-02-30 10:00", "yesterday", "", "2026-11-24T09:40:00"] {
            #expect(TimeInput.parse(bad, schedule: schedule, now: now) == nil, "\(bad)")
        }
    }

    @Test("A bad time names the option and the accepted forms")
    func timeProblem() {
        let message = TimeInput.problem("--at", "9.40")
        #expect(message.hasPrefix("--at: '9.40' is not a time; use RFC 3339"))
        #expect(message.contains("HH:MM (today)"))
        #expect(message.contains("YYYY-MM-DD HH:MM"))
        #expect(!TimeInput.problem("--at", "x\u{1B}[2J").contains("\u{1B}"), "the value is shown cleaned")
        #expect(TimeInput.written(instant("2026-11-24T07:50:00+01:00"), in: Self.zone) == "2026-11-24 07:50")
    }

    func store() -> (URL, IssueStore) {
        // Not made yet: the first change creates it; its parent goes when the tests end.
        let url = (try! TemporaryDirectory.make("edit")).appendingPathComponent("store")
        return (url, IssueStore(directory: url, schedule: schedule))
    }

    @Test("An edit changes only the fields given, and is refused when the issue changed meanwhile")
    func editUnderTheLock() throws {
        let (url, store) = store()
        defer { try? FileManager.default.removeItem(at: url) }
        let now = instant("2026-11-24T09:12:00+01:00")
        let original = try store.add(customer: "Bakkerij Jansen", summary: "Printer", receivedAt: instant("2026-11-24T08:05:00+01:00"), at: now)
        let edited = try store.edit(id: original.id, IssueEdit(customer: " Bakkerij Janssen ", receivedAt: instant("2026-11-24T07:50:00+01:00"),
                                                               assignee: .some("Sanne"), isInternal: true), expecting: original, at: now)
        #expect(edited.customer == "Bakkerij Janssen")
        #expect(edited.summary == "Printer")
        #expect(edited.receivedAt.rfc3339 == "2026-11-24T07:50:00+01:00")
        #expect(edited.assignee == "Sanne")
        #expect(edited.isInternal)
        #expect(try store.issue(id: original.id) == edited)

        // A second lead still holds the original: refused, and the first change stays.
        #expect(throws: TenBoardError.self) {
            try store.edit(id: original.id, IssueEdit(summary: "Toner"), expecting: original, at: now)
        }
        #expect(try store.issue(id: original.id) == edited)
        do {
            try store.edit(id: original.id, IssueEdit(summary: "Toner"), expecting: original, at: now)
        } catch let error as TenBoardError {
            #expect(error.exitCode == .tempFailure)
            #expect(error.message.contains("changed by someone else"))
        }

        #expect(throws: TenBoardError.self, "an empty customer is refused") {
            try store.edit(id: original.id, IssueEdit(customer: "  "), at: now)
        }
        // Clearing optional fields.
        let cleared = try store.edit(id: original.id, IssueEdit(assignee: .some(nil), channel: .some(nil)), at: now)
        #expect(cleared.assignee == nil)
        #expect(cleared.channel == nil)
    }

    @Test("A received time after the help is refused")
    func receivedAfterResolved() throws {
        let (url, store) = store()
        defer { try? FileManager.default.removeItem(at: url) }
        let now = instant("2026-11-24T09:12:00+01:00")
        let issue = try store.add(customer: "Jan", summary: "", receivedAt: instant("2026-11-24T07:00:00+01:00"), at: now)
        try store.resolve(id: issue.id, by: "lisa", action: nil, at: instant("2026-11-24T08:00:00+01:00"))
        #expect(throws: TenBoardError.self) {
            try store.edit(id: issue.id, IssueEdit(receivedAt: instant("2026-11-24T08:30:00+01:00")), at: now)
        }
    }

    @Test("Undo puts the issue back only if nobody changed it since")
    func restore() throws {
        let (url, store) = store()
        defer { try? FileManager.default.removeItem(at: url) }
        let now = instant("2026-11-24T09:12:00+01:00")
        let before = try store.add(customer: "Jan", summary: "", receivedAt: instant("2026-11-24T07:00:00+01:00"), at: now)
        let after = try store.resolve(id: before.id, by: "lisa", action: "Gebeld", at: now)
        #expect(try store.restore(before, expecting: after, at: now) == before)
        #expect(try store.issue(id: before.id).isOpen)

        let again = try store.resolve(id: before.id, by: "lisa", action: "Gebeld", at: now)
        try store.assign(id: before.id, to: "Bob", at: now)
        #expect(throws: TenBoardError.self) { try store.restore(before, expecting: again, at: now) }
        #expect(try store.issue(id: before.id).assignee == "Bob")
        #expect(try store.issue(id: before.id).status == .resolved)
    }

    @Test("A tally mark is taken back only while it is still there")
    func undoTally() throws {
        let (url, store) = store()
        defer { try? FileManager.default.removeItem(at: url) }
        let day = LocalDate(year: 2026, month: 11, day: 24)
        let now = instant("2026-11-24T09:12:00+01:00")
        let mine = try store.drawTally(who: "Sanne", by: "lead", at: now)
        #expect(mine.count == 1 && mine.mark.day == day)
        #expect(try store.undoTally(mine.mark, at: now) == 0)
        // Taken back once: a second undo of the same mark finds nothing.
        #expect(throws: TenBoardError.self) { try store.undoTally(mine.mark, at: now) }
        let again = try store.drawTally(who: "Sanne", by: "lead", at: now)
        try store.drawTally(who: "Sanne", by: "other lead", at: now)
        // The other lead's mark stays when ours is taken back.
        #expect(try store.undoTally(again.mark, at: now) == 1)
        #expect(try store.snapshot().tallyMarks.map(\.by) == ["other lead"])
    }
}
