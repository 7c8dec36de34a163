import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// A store with imported history in two monthly segments, used at a fixed December clock.
private func historyStore(count: Int = 30) throws -> TempStore {
    let t = TempStore(clock: { instant("2026-12-15T09:00:00+01:00") })
    var records: [ImportRecord] = []
    for n in 1...count {
        let day = LocalDate("2025-03-01")!.adding(days: n * 2)
        let json = #"{"id":"h\#(n)","customer":"c\#(n)","summary":"s","receivedAt":"\#(day)T07:00:00+01:00","status":"resolved","resolvedAt":"\#(day)T09:00:00+01:00"}"#
        records.append(ImportRecord(position: .record(n), json: try JSONParser.parse(Data(json.utf8))))
    }
    try t.store.importIssues(records, name: "history", at: instant("2026-12-15T08:00:00+01:00"))
    return t
}

@Suite("Hot window: the hot file holds what the next mornings need, the archive the rest")
struct HotWindowTests {
    @Test("With a one-morning window the last morning's and today's customers stay hot, helped or withdrawn (Friday's on a Monday too); each day's first change archives the rest, the streak carried over")
    func defaultWindow() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        var day = LocalDate("2026-11-02")!  // a Monday
        var added = 0
        var mornings = 0
        var store = IssueStore(directory: url)
        for n in 0..<17 {
            let evening = instant("\(day)T20:00:00+01:00")
            store = IssueStore(directory: url, archiveAfterMornings: 1, clock: { evening })
            guard store.schedule.isMorning(day) else {
                day = day.adding(days: 1)
                continue
            }
            mornings += 1
            var segmentsAfterFirst: [String]?
            for k in 0..<3 {
                let at = instant("\(day)T07:0\(k):00+01:00")
                let issue = try store.add(customer: "c", summary: "s", receivedAt: at, at: at)
                if segmentsAfterFirst == nil { segmentsAfterFirst = try store.snapshot().segments }
                // The second Tuesday's last customer is helped after 10:00: that morning is missed.
                let helped = n == 8 && k == 2 ? "10:30" : "09:0\(k)"
                if k == 1 && n % 2 == 1 {
                    // Spam, withdrawn: it leaves the hot file as the helped ones do.
                    try store.withdraw(id: issue.id, reason: "spam", at: instant("\(day)T\(helped):00+01:00"))
                } else {
                    try store.resolve(id: issue.id, by: "ann", action: nil, at: instant("\(day)T\(helped):00+01:00"))
                }
                added += 1
            }
            let state = try store.snapshot()
            // Nothing was due after the day's first change: the archive was not written again.
            #expect(state.segments == segmentsAfterFirst)
            for issue in state.issues {
                #expect(store.schedule.morning(forReceived: issue.receivedAt.date) >= store.schedule.previousMorning(before: day), "\(issue.id) stayed hot on \(day)")
            }
            #expect(state.issues.count <= 6)
            if day.weekday == .mon, n > 0 {
                // The morning before today is Friday's: its customers are still here.
                let friday = store.schedule.previousMorning(before: day)
                #expect(state.issues.contains { store.schedule.morning(forReceived: $0.receivedAt.date) == friday }, "Friday's customers on \(day)")
            }
            day = day.adding(days: 1)
        }
        let state = try store.snapshot()
        let all = try store.allIssues()
        #expect(all.count == added)
        #expect(Set(all.map(\.id)).count == added)
        #expect(state.segments.count > 0)
        // The streak from the hot file and the base it carries is the one counted over all of history.
        let at = instant("\(day.adding(days: -1))T12:00:00+01:00")
        let fromHot = store.schedule.streak(at: at, issues: state.issues, base: state.streakBase)
        #expect(fromHot == store.schedule.streak(at: at, issues: all, base: nil))
        #expect(fromHot > 0 && fromHot < mornings, "the missed morning ends the count")
        #expect(try StoreCheck.run(store).problems.isEmpty)
    }

    @Test("A morning the store archived under a wider window (two calendar days on a Monday) is read from the archive, not from the hot file alone")
    func archivedUnderAWiderWindow() throws {
        let url = try TemporaryDirectory.make("window").appendingPathComponent("store")
        let friday = LocalDate("2026-11-27")!, monday = LocalDate("2026-11-30")!
        let mondayEvening = instant("\(monday)T20:00:00+01:00")
        let wide = IssueStore(directory: url, archiveAfterMornings: 0, clock: { mondayEvening }) // today's horizon: Friday leaves
        var records: [JSONValue] = []
        for k in 0..<3 {
            records.append(try JSONParser.parse(Data(#"{"id":"f\#(k)","customer":"c","summary":"s","receivedAt":"\#(friday)T07:0\#(k):00+01:00","status":"resolved","resolvedAt":"\#(friday)T09:0\#(k):00+01:00"}"#.utf8)))
        }
        _ = try wide.add(records: records, at: mondayEvening)
        _ = try wide.add(customer: "m", summary: "s", receivedAt: instant("\(monday)T07:00:00+01:00"), at: mondayEvening)
        #expect(try wide.snapshot().issues.map(\.customer) == ["m"], "Friday's customers are archived")
        let store = IssueStore(directory: url, clock: { mondayEvening }) // one morning back: Friday counts as hot
        let input = try store.input(forMorning: friday)
        let account = store.schedule.account(of: friday, issues: input.issues, at: mondayEvening)
        #expect(account.inScope.count == 3 && account.helped.count == 3)
    }

    @Test("check takes a segment its index vouches for as written; a changed byte, or --full, reads every issue")
    func checkTrustsOnlyAMatchingIndex() throws {
        let t = try historyStore()
        let name = try #require(try t.store.snapshot().segments.first)
        let segment = t.url.appendingPathComponent("archive/\(name)")
        let index = t.url.appendingPathComponent("archive/\(ArchiveIndex.name(forSegment: name))")
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
        // An open issue in the archive, with an index rebuilt to match: only --full parses it.
        var data = try Data(contentsOf: segment)
        data.append(Data(#"{"customer":"x","id":"open-1","kind":"question","receivedAt":"2025-03-05T07:00:00+01:00","status":"open","summary":"s"}"#.utf8 + [10]))
        try data.write(to: segment)
        try #require(ArchiveIndex.build(data)).write(to: index)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
        let full = try StoreCheck.run(t.store, full: true).problems
        #expect(full.count == 1 && full[0].contains("issue open-1 is open but archived"))
        // One byte changed, the size the same: the checksum no longer matches, every line is read.
        let at = try #require(data.lastIndex(of: UInt8(ascii: "x")))
        data[at] = UInt8(ascii: "y")
        try data.write(to: segment)
        let problems = try StoreCheck.run(t.store).problems
        #expect(problems.contains { $0.contains("issue open-1 is open but archived") })
        #expect(problems.contains { $0.contains("not the index of \(name)") })
    }

    @Test("export --jsonl gives each segment's bytes as they are, then the hot issues; the array form the same issues")
    func exportCopiesSegments() throws {
        let t = try historyStore()
        try t.store.add(customer: "new", summary: "n", receivedAt: instant("2026-12-15T07:00:00+01:00"), at: instant("2026-12-15T07:00:00+01:00"))
        let state = try t.store.snapshot()
        var expected = Data()
        for name in state.segments { expected.append(try t.bytes("archive/\(name)")) }
        for issue in state.issues { expected.append(Data((JSONWriter.compact(issue.json) + "\n").utf8)) }
        var lines = Data()
        try t.store.export(jsonLines: true) { lines.append($0) }
        #expect(lines == expected)
        var array = Data()
        try t.store.export(jsonLines: false) { array.append($0) }
        guard case .array(let items) = try JSONParser.parse(array) else {
            Issue.record("not an array")
            return
        }
        #expect(items.count == 31)
        #expect(try items.map { try Issue(json: $0).id } == (try t.store.allIssues()).map(\.id))
    }

    @Test("An archived issue reopened is taken back without writing its segment; every reader leaves its line out; the next archiving of its month writes the segment without it")
    func takenBackWithoutRewrite() throws {
        let t = try historyStore()
        let names = try t.store.snapshot().segments
        var bytes: [String: Data] = [:]
        for name in names { bytes[name] = try t.bytes("archive/\(name)") }
        let at = instant("2026-12-15T08:55:00+01:00")
        try t.store.reopen(id: "h5", at: at)
        let state = try t.store.snapshot()
        #expect(state.segments == names, "no new generation")
        for name in names { #expect(try t.bytes("archive/\(name)") == bytes[name], "\(name) unchanged") }
        let segment = try #require(state.takenBack.first?.key)
        #expect(state.takenBack == [segment: ["h5"]])
        let all = try t.store.allIssues()
        #expect(all.count == 30 && all.filter { $0.id == "h5" }.map(\.isOpen) == [true])
        #expect(try t.store.issue(id: "h5").isOpen)
        for jsonLines in [true, false] {
            var out = Data()
            try t.store.export(jsonLines: jsonLines) { out.append($0) }
            let ids: [String]
            if jsonLines {
                ids = try out.split(separator: 10).map { try Issue(json: JSONParser.parse(Data($0))).id }
            } else {
                guard case .array(let items) = try JSONParser.parse(out) else { Issue.record("not an array"); return }
                ids = try items.map { try Issue(json: $0).id }
            }
            #expect(ids == all.map(\.id), "export, jsonLines \(jsonLines)")
            if jsonLines {
                // The segment copied by the kernel (as `tenboard export` does), around the line.
                var sent = Data()
                try t.store.export(jsonLines: true, write: { sent.append($0) }, send: { file, offset, count in
                    sent.append(try #require(file.read(exactly: count, at: offset)))
                    return count
                })
                #expect(sent == out)
            }
        }
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
        #expect(try StoreCheck.run(t.store, full: true).problems.isEmpty)
        // A second one from the same segment, then both helped again: the next day's first
        // change archives them into a new generation of their month, the old lines gone.
        try t.store.reopen(id: "h6", at: at)
        #expect(try t.store.snapshot().takenBack == [segment: ["h5", "h6"]])
        try t.store.resolve(id: "h5", by: "bram", action: nil, at: at)
        try t.store.resolve(id: "h6", by: "bram", action: nil, at: at)
        let later = IssueStore(directory: t.url, archiveAfterMornings: 1, clock: { instant("2026-12-18T09:00:00+01:00") })
        try later.assign(id: "h7", to: "cas", at: instant("2026-12-18T09:00:00+01:00"))
        let after = try later.snapshot()
        #expect(after.takenBack.isEmpty)
        #expect(!after.segments.contains(segment), "rewritten")
        let rewritten = try #require(after.segments.first { ArchiveSegment.parse(name: $0)?.month == ArchiveSegment.parse(name: segment)?.month })
        let lines = try ArchiveSegment.decode(try t.bytes("archive/\(rewritten)"), from: t.url)
        #expect(lines.filter { $0.id == "h5" || $0.id == "h6" }.map(\.resolvedBy) == ["bram", "bram"])
        let everything = try later.allIssues()
        #expect(everything.count == 30 && Set(everything.map(\.id)).count == 30)
        #expect(try StoreCheck.run(later, full: true).problems.isEmpty)
    }

    @Test("A taken-back list that names a segment the hot file does not is a damaged store; check names an id its segment lacks, and one no longer anywhere else")
    func takenBackDamaged() throws {
        let t = try historyStore()
        try t.store.reopen(id: "h5", at: instant("2026-12-15T10:00:00+01:00"))
        let text = try String(contentsOf: t.store.hotURL, encoding: .utf8)
        let segment = try #require(try t.store.snapshot().takenBack.first?.key)
        try t.write(text.replacingOccurrences(of: "\"\(segment)\": [", with: "\"2020-01.1.jsonl\": ["))
        let error = try #require(throws: TenBoardError.self) { try IssueStore(directory: t.url).snapshot() }
        #expect(error.exitCode == .dataError && error.message.contains("takenBack"), "\(error.message)")
        // h25 is not in that segment; h5 taken back, but gone from the hot file.
        var hostile = text.replacingOccurrences(of: "\"h5\"\n", with: "\"h5\", \"nowhere\"\n")
        #expect(hostile != text)
        hostile = hostile.replacingOccurrences(of: "\"id\": \"h5\"", with: "\"id\": \"h5-renamed\"")
        try t.write(hostile)
        let problems = try StoreCheck.run(IssueStore(directory: t.url)).problems
        #expect(problems.contains { $0.contains("issue nowhere is listed as taken back") }, "\(problems)")
        #expect(problems.contains { $0.contains("issue h5 was taken back") }, "\(problems)")
    }
}
