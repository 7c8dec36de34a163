import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// A store lived day by day (fixed seed): each evening that day's customers are added, some
/// helped at once (in time or late), some days or weeks later, a few withdrawn; the store archives
/// as it goes, so the morning ledger is written by the archive step alone.
private struct LivedStore {
    let url: URL
    let schedule: MorningSchedule
    let hotMornings: Int
    /// The evening of the last day lived.
    var now: Date

    func store(schedule: MorningSchedule? = nil, at: Date? = nil) -> IssueStore {
        let clock = at ?? now
        return IssueStore(directory: url, schedule: schedule ?? self.schedule, archiveAfterMornings: hotMornings, clock: { clock })
    }

    static func live(seed: UInt64, from first: LocalDate, days: Int, hotMornings: Int = 2) throws -> LivedStore {
        let schedule = MorningSchedule(holidays: [localDate("2024-12-25"), localDate("2024-12-26"), localDate("2025-04-21"), localDate("2025-12-25")])
        let url = (try TemporaryDirectory.make("ledger")).appendingPathComponent("store")
        var rng = SeededRandom(seed: seed)
        var later: [Int: [(id: String, at: Date, by: String)]] = [:]
        let helpers = ["Ann", "Bram", "Cas", "Ömer", ""]
        var n = 0
        var lived = LivedStore(url: url, schedule: schedule, hotMornings: hotMornings, now: Date())
        for d in 0..<days {
            let day = first.adding(days: d)
            let evening = schedule.instant(of: ClockTime(hour: 22, minute: 0), on: day)
            lived.now = evening
            let store = lived.store()
            // Customers helped today who waited since an earlier day.
            for help in later.removeValue(forKey: d) ?? [] {
                _ = try store.resolve(id: help.id, by: help.by, action: nil, at: help.at)
            }
            var records: [JSONValue] = []
            let weekend = day.weekday == .sat || day.weekday == .sun
            for _ in 0..<rng.below(weekend ? 2 : 5) {
                n += 1
                let received = schedule.instant(of: ClockTime(hour: 6, minute: 0), on: day).addingTimeInterval(Double(rng.below(14 * 3600)))
                var issue = TenBoardCore.Issue(id: "L\(n)", customer: "Klant \(n)", summary: "s", receivedAt: Timestamp(received, in: schedule.timeZone))
                let by = helpers[rng.below(helpers.count)]
                switch rng.below(100) {
                case 0..<5:
                    issue.status = .withdrawn
                    issue.withdrawnAt = Timestamp(received.addingTimeInterval(600), in: schedule.timeZone)
                    issue.withdrawnReason = "spam"
                case 5..<75:
                    issue.status = .resolved
                    issue.resolvedAt = Timestamp(min(evening, received.addingTimeInterval(Double(rng.below(3 * 3600)))), in: schedule.timeZone)
                    issue.resolvedBy = by.isEmpty ? nil : by
                case 75..<95:
                    let k = 1 + rng.below(10)
                    later[d + k, default: []].append((issue.id, schedule.instant(of: ClockTime(hour: 8 + rng.below(4), minute: 30), on: day.adding(days: k)), by))
                default:
                    let k = 20 + rng.below(40)
                    later[d + k, default: []].append((issue.id, schedule.instant(of: ClockTime(hour: 11, minute: 0), on: day.adding(days: k)), by))
                }
                records.append(issue.json)
            }
            if !records.isEmpty { _ = try store.add(records: records, at: evening) }
        }
        return lived
    }

    /// The history counted from every issue, the ledger left out.
    func expected(at: Date, schedule: MorningSchedule? = nil) throws -> MorningHistory {
        let store = self.store(schedule: schedule)
        let state = try store.snapshot()
        return (schedule ?? self.schedule).history(of: try store.allIssues(), at: at, tally: MorningHistory.tally(TallyBook(state).totals))
    }

    var ledgerURL: URL { url.appendingPathComponent("mornings.ledger") }
}

@Suite("Morning ledger: the settled mornings' rows kept beside the archive")
struct MorningLedgerTests {
    @Test("Two years lived day by day: the history from the hot file and the ledger is the history counted from all issues, at any instant after the last archived help")
    func ledgerRowsAreTheRowsOfAllIssues() throws {
        let lived = try LivedStore.live(seed: 1417, from: localDate("2024-01-01"), days: 730)
        let store = lived.store()
        let (state, segments) = try store.snapshotWithSegments()
        try #require(state.segments.count > 20, "two years of archive")
        // Written by the archive step alone, for the archive as it is, through its last morning.
        let ledger = try #require(try store.readLedger())
        #expect(ledger.fits(segments: state.segments, schedule: lived.schedule))
        #expect(ledger.through == state.streakBase?.through)
        #expect(ledger.entries.count > 450)
        // Counted day by day as issues left, it is what the whole archive counts at once.
        let archived = try store.decodeAll(segments)
        let whole = MorningLedger(schedule: ledger.schedule, segments: ledger.segments).adding(archived, through: ledger.through!, schedule: lived.schedule)
        #expect(whole.encoded() == ledger.encoded())
        #expect(ledger.entries.contains { $0.helpedLate > 0 } && ledger.entries.contains { $0.carriedOver > 0 }
                && ledger.entries.contains { $0.customers == 0 } && ledger.entries.contains { !$0.sharedHelps.isEmpty })
        // Customers still waiting since weeks, counted in the hot file, for old mornings.
        let oldest = state.issues.map { lived.schedule.morning(forReceived: $0.receivedAt.date) }.min()!
        #expect(oldest < ledger.through!.adding(days: -10), "a customer of an archived morning is still hot: \(oldest)")

        var notices: [String] = []
        let expected = try lived.expected(at: lived.now)
        let history = try store.history(at: lived.now) { notices.append($0.message) }
        #expect(notices.isEmpty, "the ledger fits: \(notices)")
        #expect(history.rows.count == expected.rows.count)
        for (got, want) in zip(history.rows, expected.rows) where got != want {
            Testing.Issue.record("\(want.morning): \(got) != \(want)")
        }
        #expect(history.rows.contains { $0.verdict == .met } && history.rows.contains { $0.verdict == .missed }
                && history.rows.contains { $0.withdrawn > 0 } && history.rows.contains { $0.waiting > 0 })
        // Later instants (the ledger is valid from its last archived help); earlier ones count
        // from all issues.
        for hours: Double in [1, 30, 24 * 9, -24 * 3, -24 * 200] {
            let then = lived.now.addingTimeInterval(hours * 3600)
            #expect(try store.history(at: then) { notices.append($0.message) } == (try lived.expected(at: then)), "\(hours) h")
        }
        #expect(notices.isEmpty, "\(notices)")

        // Who helped how many, per week and per month, each customer once: as counted from all issues.
        let all = try store.allIssues()
        var day = ledger.entries.first!.morning
        var spans = 0
        while day <= lived.schedule.localDate(of: lived.now) {
            for span in [DaySpan.week(of: day), DaySpan.month(of: day)] {
                let through = min(span.through, lived.schedule.localDate(of: lived.now))
                let fromLedger = lived.schedule.helpers(from: span.from, through: through, issues: state.issues, kept: ledger, at: lived.now)
                #expect(fromLedger == lived.schedule.helpers(from: span.from, through: through, issues: all, at: lived.now), "\(span.from)…\(through)")
                spans += 1
            }
            day = day.adding(days: 19)
        }
        #expect(spans > 60)

        // The screens and the report: the strip, the rate, this week's and this month's helpers
        // from the hot issues and the recent mornings the hot file keeps, as from every issue.
        let recent = try #require(state.recentMornings)
        #expect(recent.fits(segments: state.segments, schedule: lived.schedule))
        #expect(recent.entries == Array(ledger.entries.suffix(recent.entries.count)), "the ledger's last mornings")
        #expect(recent.entries.count >= 40 && recent.entries.count < 50)
        for hours: Double in [0, 12, 24 * 3] {
            let then = lived.now.addingTimeInterval(hours * 3600)
            let strip = MorningHistory.recent(state.issues, schedule: lived.schedule, at: then, kept: recent)
            let fromAll = MorningHistory.recent(all, schedule: lived.schedule, at: then)
            #expect(strip.strip == fromAll.strip && strip.rate == fromAll.rate, "\(hours) h")
            #expect(strip.strip.count == Words.stripLength)
            #expect(MorningHistory.recent(state.issues, schedule: lived.schedule, at: then).strip != fromAll.strip, "the hot issues alone do not have them")
            let today = lived.schedule.localDate(of: then)
            for span in [DaySpan.week(of: today), DaySpan.month(of: today), DaySpan.month(of: today.adding(days: -25))] {
                #expect(lived.schedule.helpers(in: span, issues: state.issues, kept: recent, at: then) == lived.schedule.helpers(in: span, issues: all, at: then), "\(span.from)")
            }
            // The report of today's morning: its chart and four weeks' rate, its helpers.
            let morning = lived.schedule.relevantMorning(at: then)
            let report = lived.schedule.reportData(of: morning, issues: state.issues, at: then, base: state.streakBase, kept: recent)
            let full = lived.schedule.reportData(of: morning, issues: all, at: then)
            #expect(report.recent == full.recent && report.fourWeeks == full.fourWeeks)
            let people = ReportPeople(state: state, schedule: lived.schedule, morning: morning, issues: state.issues, at: then, kept: recent)
            let allPeople = ReportPeople(state: state, schedule: lived.schedule, morning: morning, issues: all, at: then)
            #expect(people.helpedWeek == allPeople.helpedWeek && people.helpedMonth == allPeople.helpedMonth)
        }
    }

    @Test("A missing, damaged or stale ledger is rebuilt from the archive, said once, naming the file and the line; check repairs it")
    func rebuilt() throws {
        let lived = try LivedStore.live(seed: 77, from: localDate("2025-03-03"), days: 150)
        let store = lived.store()
        let expected = try lived.expected(at: lived.now)
        let original = try Data(contentsOf: lived.ledgerURL)
        func history() throws -> (MorningHistory, [String]) {
            var notices: [String] = []
            let history = try store.history(at: lived.now) { notices.append($0.message) }
            return (history, notices)
        }

        // Missing (a store from before the ledger).
        try FileManager.default.removeItem(at: lived.ledgerURL)
        var (got, notices) = try history()
        #expect(got == expected)
        #expect(notices.contains { $0.contains(lived.ledgerURL.path) && $0.contains("rebuilding") }, "\(notices)")
        #expect(try Data(contentsOf: lived.ledgerURL) == original, "rebuilt as the archive step wrote it")
        (got, notices) = try history()
        #expect(got == expected && notices.isEmpty, "once: \(notices)")

        // Damaged: line 3 cut short.
        var lines = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")
        lines[2] = String(lines[2].prefix(20))
        try Data(lines.joined(separator: "\n").utf8).write(to: lived.ledgerURL)
        (got, notices) = try history()
        #expect(got == expected)
        #expect(notices.contains { $0.contains(lived.ledgerURL.path + ": line 3") && $0.contains("damaged") }, "\(notices)")
        #expect(try Data(contentsOf: lived.ledgerURL) == original)

        // Stale: written for other segments (a writer killed between the ledger and the hot file).
        lines = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")
        let state = try store.snapshot()
        lines[0] = lines[0].replacingOccurrences(of: state.segments.last!, with: "2099-01.1.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: lived.ledgerURL)
        (got, notices) = try history()
        #expect(got == expected && notices.contains { $0.contains("does not match") }, "\(notices)")
        #expect(try Data(contentsOf: lived.ledgerURL) == original)

        // check: a damaged one is reported and repaired; a good one is read and counted.
        try Data("{\"format\":\"nonsense\"}\n".utf8).write(to: lived.ledgerURL)
        notices = []
        let count = try store.checkLedger { notices.append($0.message) }
        #expect(count == (try store.readLedger())?.entries.count && count ?? 0 > 50)
        #expect(notices.contains { $0.contains(lived.ledgerURL.path + ": line 1") }, "\(notices)")
        notices = []
        #expect(try store.checkLedger { notices.append($0.message) } == count && notices.isEmpty)

        // Another schedule (the deadline moved): every row counted again.
        var later = lived.schedule
        later.deadline = ClockTime(hour: 10, minute: 30)
        let other = lived.store(schedule: later)
        var otherNotices: [String] = []
        #expect(try other.history(at: lived.now) { otherNotices.append($0.message) } == (try lived.expected(at: lived.now, schedule: later)))
        #expect(!otherNotices.isEmpty)
        #expect(try other.history(at: lived.now) { otherNotices.append($0.message) } == (try lived.expected(at: lived.now, schedule: later)))
    }

    @Test("A hot file without recent mornings (written before them) gets them from the segments with the next archive step")
    func recentMorningsFromSegments() throws {
        var lived = try LivedStore.live(seed: 99, from: localDate("2025-01-06"), days: 200)
        let store = lived.store()
        let kept = try #require(try store.snapshot().recentMornings)
        // As a tenboard before the ledger left it: no recent mornings, no ledger file.
        try FileManager.default.removeItem(at: lived.ledgerURL)
        try StoreLock.withExclusiveLock(in: lived.url) {
            var state = try #require(try store.load())
            state.recentMornings = nil
            try store.write(state)
        }
        #expect(try store.snapshot().recentMornings == nil)
        lived.now = lived.now.addingTimeInterval(86_400)
        _ = try lived.store().add(customer: "c", summary: "s", receivedAt: lived.now.addingTimeInterval(-60), at: lived.now)
        let state = try lived.store().snapshot()
        let recent = try #require(state.recentMornings)
        #expect(recent.fits(segments: state.segments, schedule: lived.schedule))
        #expect(recent.entries.suffix(kept.entries.count - 1) == kept.entries.suffix(kept.entries.count - 1) || recent.entries.last!.morning > kept.entries.last!.morning)
        let all = try lived.store().allIssues()
        let strip = MorningHistory.recent(state.issues, schedule: lived.schedule, at: lived.now, kept: recent)
        let fromAll = MorningHistory.recent(all, schedule: lived.schedule, at: lived.now)
        #expect(strip.strip == fromAll.strip && strip.rate == fromAll.rate)
        #expect(!FileManager.default.fileExists(atPath: lived.ledgerURL.path), "the ledger file is left to history and check")
    }

    @Test("An issue added later to a kept morning, and one taken back from the archive, count in the history at once")
    func changesToSettledMornings() throws {
        var lived = try LivedStore.live(seed: 5, from: localDate("2025-06-02"), days: 120)
        let through = try #require(try lived.store().readLedger()?.through)
        // A customer of a morning the ledger keeps, recorded only now (helped late).
        let old = lived.schedule.instant(of: ClockTime(hour: 7, minute: 15), on: through.adding(days: -20))
        var issue = TenBoardCore.Issue(id: "LATE-1", customer: "Late", summary: "s", receivedAt: Timestamp(old, in: lived.schedule.timeZone))
        issue.status = .resolved
        issue.resolvedAt = Timestamp(old.addingTimeInterval(4 * 3600), in: lived.schedule.timeZone)
        _ = try lived.store().add(records: [issue.json], at: lived.now)
        #expect(try lived.store().history(at: lived.now) == (try lived.expected(at: lived.now)))
        // The next day's change archives it: the ledger is counted again from that morning.
        lived.now = lived.now.addingTimeInterval(86_400)
        _ = try lived.store().add(customer: "c", summary: "s", receivedAt: lived.now.addingTimeInterval(-60), at: lived.now)
        #expect(try lived.store().history(at: lived.now) == (try lived.expected(at: lived.now)))
        // Taken back from the archive and opened again: its mornings are missed now.
        let archived = try #require(try lived.store().allIssues().filter { $0.status == .resolved }.dropFirst(100).first)
        _ = try lived.store().reopen(id: archived.id, at: lived.now)
        let expected = try lived.expected(at: lived.now)
        #expect(try lived.store().history(at: lived.now) == expected)
        #expect(try lived.store().history(at: lived.now) == expected)
    }

    @Test("An issue taken back from the archive leaves the ledger and the recent mornings in the same change: nothing is counted again from the archive, nothing twice")
    func takenBackInPlace() throws {
        let lived = try LivedStore.live(seed: 11, from: localDate("2025-03-03"), days: 160)
        let store = lived.store()
        let before = try store.snapshot()
        let recentFrom = try #require(before.recentMornings?.entries.first?.morning)
        let hotIDs = Set(before.issues.map(\.id))
        let archived = try store.allIssues().filter { !hotIDs.contains($0.id) }
        // Helped mornings later (in several mornings' accounts: a shared help), one of the
        // mornings the hot file keeps, a withdrawn one, and the very first one archived.
        let placer = lived.schedule
        let shared = try #require(archived.first { $0.status == .resolved && placer.ledgerParts(of: [$0]).count > 2 })
        let recent = try #require(archived.last { $0.status == .resolved && placer.morning(forReceived: $0.receivedAt.date) >= recentFrom })
        let withdrawn = try #require(archived.first { $0.status == .withdrawn })
        let first = try #require(archived.first)
        for issue in [shared, recent, withdrawn, first] {
            _ = try store.reopen(id: issue.id, at: lived.now)
            let state = try store.snapshot()
            let ledger = try #require(try store.readLedger())
            let kept = ledger.fits(segments: state.archiveIdentity, schedule: lived.schedule)
            #expect(kept, "\(issue.id): the ledger is kept, not left stale")
            let hot = Set(state.issues.map(\.id))
            let stillArchived = try store.allIssues().filter { !hot.contains($0.id) }
            let counted = MorningLedger(schedule: MorningLedger.fingerprint(lived.schedule), segments: state.archiveIdentity)
                .adding(stillArchived, through: state.streakBase?.through, schedule: lived.schedule)
            #expect(ledger.entries.drop { $0 == MorningLedger.Entry(morning: $0.morning) } == counted.entries[...], "\(issue.id): as counted from the archive anew")
            var notices: [String] = []
            #expect(try store.history(at: lived.now) { notices.append($0.message) } == (try lived.expected(at: lived.now)), "\(issue.id)")
            #expect(notices.isEmpty, "\(issue.id): \(notices)")
            let recentMornings = try #require(state.recentMornings)
            let recentKept = recentMornings.fits(segments: state.archiveIdentity, schedule: lived.schedule)
            #expect(recentKept)
            let strip = MorningHistory.recent(state.issues, schedule: lived.schedule, at: lived.now, kept: recentMornings)
            let fromAll = MorningHistory.recent(try store.allIssues(), schedule: lived.schedule, at: lived.now)
            #expect(strip.strip == fromAll.strip && strip.rate == fromAll.rate, "\(issue.id): the strip counts it once")
        }
    }

    @Test("A ledger that does not hold an issue taken back is left to be counted again, never made up")
    func takenBackFromAnotherLedger() throws {
        let lived = try LivedStore.live(seed: 12, from: localDate("2025-03-03"), days: 90)
        let store = lived.store()
        let hotIDs = Set(try store.snapshot().issues.map(\.id))
        let archived = try store.allIssues().filter { !hotIDs.contains($0.id) && $0.status == .resolved }
        // The ledger's parts of the first issue's mornings emptied (a ledger counted without it).
        let issue = try #require(archived.first)
        var ledger = try #require(try store.readLedger())
        let days = Set(lived.schedule.ledgerParts(of: [issue]).keys)
        for i in ledger.entries.indices where days.contains(ledger.entries[i].morning.dayNumber) {
            ledger.entries[i] = MorningLedger.Entry(morning: ledger.entries[i].morning)
        }
        try ledger.encoded().write(to: lived.ledgerURL)
        _ = try store.reopen(id: issue.id, at: lived.now)
        var notices: [String] = []
        #expect(try store.history(at: lived.now) { notices.append($0.message) } == (try lived.expected(at: lived.now)))
        #expect(notices.contains { $0.contains("does not match") }, "rebuilt, said: \(notices)")
    }
}
