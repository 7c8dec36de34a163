import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// A store with the default window (the last morning before today and today's) and a clock the
/// test moves: each `store(at:)` is a new process's view of it (nothing parsed yet).
private struct DayStore {
    let url = (try! TemporaryDirectory.make("settled")).appendingPathComponent("store")

    func store(at clock: Date) -> IssueStore {
        IssueStore(directory: url, archiveAfterMornings: IssueStore.hotMornings, clock: { clock })
    }

    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasPrefix("settled.") }.sorted()
    }

    /// The ids the hot file itself holds (read as text: what a change rewrites).
    func hotIDs() throws -> [String] {
        guard case .object(let o) = try JSONParser.parse(try Data(contentsOf: url.appendingPathComponent(IssueStore.hotFileName))),
              case .array(let items)? = o["issues"] else { return [] }
        return items.compactMap { if case .object(let i) = $0, case .string(let id)? = i["id"] { id } else { nil } }
    }

    func settledIDs(_ name: String) throws -> [String] {
        try ArchiveSegment.decode(try Data(contentsOf: url.appendingPathComponent(name)), from: url.appendingPathComponent(name)).map(\.id)
    }

    func inode(_ name: String) -> UInt64? {
        FileStamp.of(url.appendingPathComponent(name).path)?.inode
    }

    /// A day's customers: three received before 08:00 and helped in time, one left open.
    func liveDay(_ day: String) throws -> (helped: [String], open: String) {
        var helped: [String] = []
        for k in 0..<3 {
            let at = instant("\(day)T07:0\(k):00+01:00")
            let s = store(at: instant("\(day)T09:30:00+01:00"))
            let issue = try s.add(customer: "c\(k)", summary: "s", receivedAt: at, at: at)
            try s.resolve(id: issue.id, by: "ann", action: nil, at: instant("\(day)T09:0\(k):00+01:00"))
            helped.append(issue.id)
        }
        let at = instant("\(day)T07:30:00+01:00")
        let open = try store(at: at).add(customer: "waits", summary: "s", receivedAt: at, at: at)
        return (helped, open.id)
    }
}

@Suite("Settled file: the last morning's closed customers beside the hot file, written once a day")
struct SettledFileTests {
    @Test("A day's changes rewrite only the open and today's issues; the day's first change settles yesterday's customers and archives the day before's; every reader sees them all")
    func aDayOfChanges() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        #expect(t.names().isEmpty, "nothing settled on the first day")

        // Wednesday's first change: Tuesday's helped customers move to the settled file.
        let wednesday = try t.liveDay("2026-12-02")
        var names = t.names()
        #expect(names.count == 1)
        let first = try #require(names.first)
        #expect(try t.settledIDs(first) == tuesday.helped)
        #expect(try Set(t.hotIDs()) == Set(wednesday.helped + [tuesday.open, wednesday.open]))
        let reader = t.store(at: instant("2026-12-02T12:00:00+01:00"))
        let state = try reader.snapshot()
        #expect(state.issues.map(\.id) == tuesday.helped + [tuesday.open] + wednesday.helped + [wednesday.open], "in order of arrival")
        #expect(state.settled?.file == first)
        #expect(state.segments.isEmpty)

        // More changes on Wednesday: the settled file is left as it is (the same file).
        let inode = t.inode(first)
        let late = instant("2026-12-02T15:00:00+01:00")
        let s = t.store(at: late)
        try s.resolve(id: tuesday.open, by: "bram", action: nil, at: late)
        let added = try s.add(customer: "late", summary: "s", receivedAt: late, at: late)
        #expect(t.names() == [first])
        #expect(t.inode(first) == inode)
        #expect(try t.hotIDs().contains(tuesday.open), "helped today: hot until tomorrow")

        // Thursday: Tuesday's customers go to the archive, Wednesday's (and Tuesday's open one,
        // helped Wednesday) to a new settled file; the old one stays while the .bak names it.
        let thursday = instant("2026-12-03T08:00:00+01:00")
        let t1 = try t.store(at: thursday).add(customer: "thu", summary: "s", receivedAt: thursday, at: thursday)
        names = t.names()
        #expect(names.count == 2)
        let second = try #require(names.first { $0 != first })
        #expect(try Set(t.settledIDs(second)) == Set(wednesday.helped + [tuesday.open]))
        #expect(try Set(t.hotIDs()) == Set([wednesday.open, added.id, t1.id]))
        let after = try t.store(at: thursday).snapshot()
        #expect(after.segments.count == 1)
        let all = try t.store(at: thursday).allIssues()
        #expect(all.count == 10 && Set(all.map(\.id)).count == 10, "every issue in exactly one place")
        try t.store(at: thursday).assign(id: t1.id, to: "cas", at: thursday)
        #expect(t.names() == [second], "the replaced generation goes with the change after")
        #expect(try StoreCheck.run(t.store(at: thursday)).problems.isEmpty)
    }

    @Test("A change of the day reads no settled file: add and resolve work with a damaged one, every reader refuses it (65, naming it and the line)")
    func changesOfTheDayLeaveItUnread() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        let wednesday = try t.liveDay("2026-12-02")
        let name = try #require(t.names().first)
        let path = t.url.appendingPathComponent(name)
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"customer\"", with: "\"customer\" ]")
        try Data(text.utf8).write(to: path)
        let noon = instant("2026-12-02T12:00:00+01:00")
        let s = t.store(at: noon)
        let added = try s.add(customer: "noon", summary: "s", receivedAt: noon, at: noon)
        try s.resolve(id: added.id, by: "ann", action: nil, at: noon)
        try s.reopen(id: wednesday.helped[0], at: noon)
        for reader in [s, t.store(at: noon)] {
            let error = try #require(throws: TenBoardError.self) { try reader.snapshot() }
            #expect(error.exitCode == .dataError)
            #expect(error.message.contains(path.path) && error.message.contains("line 1"), "\(error.message)")
        }
        // Reopening one of the settled file's customers must read it: refused, nothing written.
        let before = try Data(contentsOf: s.hotURL)
        let error = try #require(throws: TenBoardError.self) { try s.reopen(id: tuesday.helped[0], at: noon) }
        #expect(error.exitCode == .dataError)
        #expect(try Data(contentsOf: s.hotURL) == before)
    }

    @Test("Yesterday's customer reopened comes back to the hot file and leaves the settled file, which is written anew without it; helped again, it stays hot today")
    func reopenedFromTheSettledFile() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        _ = try t.liveDay("2026-12-02")
        let first = try #require(t.names().first)
        let noon = instant("2026-12-02T12:00:00+01:00")
        let s = t.store(at: noon)
        let id = tuesday.helped[1]
        let reopened = try s.reopen(id: id, at: noon)
        #expect(reopened.isOpen)
        let second = try #require(t.store(at: noon).snapshot().settled?.file)
        #expect(second != first)
        #expect(try t.settledIDs(second) == tuesday.helped.filter { $0 != id })
        #expect(try t.hotIDs().contains(id))
        try s.resolve(id: id, by: "cas", action: nil, at: noon)
        #expect(try t.hotIDs().contains(id), "helped today")
        #expect(try t.store(at: noon).issue(id: id).resolvedBy == "cas")
        #expect(try StoreCheck.run(t.store(at: noon)).problems.isEmpty)
    }

    @Test("What a store remembers of the hot file it wrote is what parsing it gives; a reader in another process sees the same state")
    func writtenIsParsed() throws {
        let t = DayStore()
        _ = try t.liveDay("2026-12-01")
        let wednesday = try t.liveDay("2026-12-02")
        let noon = instant("2026-12-02T12:00:00+01:00")
        let s = t.store(at: noon)
        try s.assign(id: wednesday.open, to: "Ömer", at: noon)
        _ = try s.drawTally(who: "Ann", by: "ann", at: noon)
        let remembered = try #require(s.lastParsed.withLock { $0 })
        let fresh = t.store(at: noon)
        #expect(try fresh.loadStamped(withSettled: false).state == remembered.state)
        #expect(try fresh.snapshot() == s.snapshot())
    }

    @Test("A hand edit may not give a settled customer's id to another issue; an open issue in the settled file or a missing one is named (65, 66); one a killed writer left unnamed is ignored, then removed")
    func damagedAndLeftOver() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        let wednesday = try t.liveDay("2026-12-02")
        let noon = instant("2026-12-02T12:00:00+01:00")
        let s = t.store(at: noon)
        let name = try #require(t.names().first)
        let before = try Data(contentsOf: s.hotURL)
        let edit = try #require(throws: TenBoardError.self) {
            try s.editHotFile { path in
                let text = try String(contentsOfFile: path, encoding: .utf8)
                // The open issue of Tuesday takes the id of one of Tuesday's helped customers.
                try Data(text.replacingOccurrences(of: "\"id\": \"\(tuesday.open)\"", with: "\"id\": \"\(tuesday.helped[0])\"").utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        #expect(edit.exitCode == .dataError)
        #expect(edit.message.contains(name), "\(edit.message)")
        #expect(try Data(contentsOf: s.hotURL) == before)

        // A new generation written by a writer killed before its hot file: not read, and removed.
        let leftover = t.url.appendingPathComponent("settled.99.jsonl")
        try Data("not json\n".utf8).write(to: leftover)
        #expect(try t.store(at: noon).snapshot().issues.count == 8)
        try s.assign(id: tuesday.open, to: "ann", at: noon)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))

        // An open issue in the settled file: the store is damaged (open ones are all in the hot
        // file, where `list --json` reads them).
        let settledPath = t.url.appendingPathComponent(name)
        let good = try Data(contentsOf: settledPath)
        try Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"status\":\"resolved\"", with: "\"status\":\"open\"").utf8).write(to: settledPath)
        let open = try #require(throws: TenBoardError.self) { try t.store(at: noon).snapshot() }
        #expect(open.exitCode == .dataError && open.message.contains("open issue"), "\(open.message)")
        #expect(try t.store(at: noon).openIssues().map(\.id) == [tuesday.open, wednesday.open])
        try good.write(to: settledPath)

        try FileManager.default.removeItem(at: t.url.appendingPathComponent(name))
        let missing = try #require(throws: TenBoardError.self) { try t.store(at: noon).snapshot() }
        #expect(missing.exitCode == .noInput)
        #expect(missing.message.contains(name))
    }
}

@Suite("Hostile store files: planted generations, long taken-back lists, a damaged settled file named by its line")
struct HostileStoreFileTests {
    @Test("A settled file planted with the largest generation a name may have: the next one is still a name the store reads back")
    func plantedLastSettledGeneration() throws {
        let t = DayStore()
        _ = try t.liveDay("2026-12-01")
        try FileManager.default.createDirectory(at: t.url, withIntermediateDirectories: true)
        try Data().write(to: t.url.appendingPathComponent("settled.999999999999999999.jsonl"))
        // Wednesday's first change writes a settled file, then the day goes on.
        let wednesday = try t.liveDay("2026-12-02")
        let s = t.store(at: instant("2026-12-02T12:00:00+01:00"))
        let state = try s.snapshot()
        let name = try #require(state.settled?.file)
        #expect(SettledFile.isValidName(name), "\(name)")
        #expect(state.issues.count == 8)
        #expect(state.openIssues.map(\.id).contains(wednesday.open))
        #expect(try StoreCheck.run(s).problems.isEmpty)
    }

    @Test("An archive segment planted with generation Int.max: the archive step writes the month's next segment without an overflow")
    func plantedLastSegmentGeneration() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        _ = try t.liveDay("2026-12-02")
        let archive = t.url.appendingPathComponent(ArchiveSegment.directoryName)
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let planted = "2026-12.\(Int.max).jsonl"
        try Data().write(to: archive.appendingPathComponent(planted))
        // Thursday's first change archives Tuesday's customers into December's segment.
        let thursday = instant("2026-12-03T08:00:00+01:00")
        _ = try t.store(at: thursday).add(customer: "thu", summary: "s", receivedAt: thursday, at: thursday)
        let s = t.store(at: thursday)
        let state = try s.snapshot()
        #expect(state.segments.count == 1 && !state.segments.contains(planted), "\(state.segments)")
        let all = try s.allIssues()
        #expect(Set(all.map(\.id)).isSuperset(of: tuesday.helped))
        #expect(all.count == 9 && Set(all.map(\.id)).count == 9)
        #expect(try StoreCheck.run(s).problems.isEmpty)
    }

    @Test("A long list of issues taken back from a segment is read in linear time (60,000 ids well under five seconds)")
    func longTakenBackList() throws {
        let ids = (0..<60_000).map { "\"r\($0)\"" }.joined(separator: ",")
        let text = """
            {"format": "tenboard-store", "version": 2, "archive": ["2026-11.1.jsonl"], "takenBack": {"2026-11.1.jsonl": [\(ids)]}}
            """
        let json = try JSONParser.parse(Data(text.utf8))
        let start = ContinuousClock.now
        let state = try StoreState(json: json)
        let elapsed = ContinuousClock.now - start
        #expect(state.takenBack["2026-11.1.jsonl"]?.count == 60_000)
        #expect(elapsed < .seconds(5), "\(elapsed)")
        // An id twice is still refused.
        let twice = try JSONParser.parse(Data(text.replacingOccurrences(of: "\"r1\",", with: "\"r0\",").utf8))
        #expect(throws: StoreFormatError.self) { try StoreState(json: twice) }
    }

    @Test("A settled file that repeats an id, holds an open issue or an id of the hot file is refused (65) naming that file and the line, not the hot file")
    func damagedSettledFileNamed() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        let wednesday = try t.liveDay("2026-12-02")
        let name = try #require(t.names().first)
        let path = t.url.appendingPathComponent(name)
        let good = try Data(contentsOf: path)
        let lines = String(decoding: good, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let noon = instant("2026-12-02T12:00:00+01:00")
        let cases: [(text: String, line: Int, says: String)] = [
            // The second line again, after a blank line: the fifth line repeats an id.
            (lines.joined(separator: "\n") + "\n\n" + lines[1] + "\n", 5, tuesday.helped[1]),
            (lines[0] + "\n" + lines[1].replacingOccurrences(of: "\"status\":\"resolved\"", with: "\"status\":\"open\"") + "\n", 2, "open issue"),
            (lines[0] + "\n\n" + lines[2].replacingOccurrences(of: "\"id\":\"\(tuesday.helped[2])\"", with: "\"id\":\"\(wednesday.open)\"") + "\n", 3, wednesday.open),
        ]
        for (text, line, says) in cases {
            try Data(text.utf8).write(to: path)
            let before = try Data(contentsOf: t.url.appendingPathComponent(IssueStore.hotFileName))
            let error = try #require(throws: TenBoardError.self) { try t.store(at: noon).snapshot() }
            #expect(error.exitCode == .dataError)
            #expect(error.message.hasPrefix(path.path + ": line \(line): "), "\(error.message)")
            #expect(error.message.contains(says), "\(error.message)")
            let change = try #require(throws: TenBoardError.self) { try t.store(at: noon).reopen(id: tuesday.helped[0], at: noon) }
            #expect(change.message == error.message)
            #expect(try Data(contentsOf: t.url.appendingPathComponent(IssueStore.hotFileName)) == before, "nothing written")
        }
        try good.write(to: path)
        #expect(try StoreCheck.run(t.store(at: noon)).problems.isEmpty)
    }
}

@Suite("edit keeps the history outside the hot file named")
struct EditKeepsHistoryTests {
    /// Tuesday archived, Wednesday settled, Thursday's customers in the hot file.
    private func threeDays() throws -> (DayStore, IssueStore) {
        let t = DayStore()
        _ = try t.liveDay("2026-12-01")
        _ = try t.liveDay("2026-12-02")
        _ = try t.liveDay("2026-12-03")
        return (t, t.store(at: instant("2026-12-03T12:00:00+01:00")))
    }

    private func edited(_ store: IssueStore, _ change: @escaping (inout [String: JSONValue]) -> Void) throws -> Bool {
        try store.editHotFile { path in
            guard case .object(var o) = try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: path))) else { return }
            change(&o)
            try Data(JSONWriter.pretty(.object(o)).utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test("An edit that no longer names the settled file or an archive segment that is there, or lists an issue as taken back that is not in the hot file, is refused (65): nothing written, the next changes delete nothing")
    func droppedHistoryRefused() throws {
        let (t, s) = try threeDays()
        let before = try s.allIssues()
        #expect(before.count == 12)
        let state = try s.snapshot()
        let segment = try #require(state.segments.first)
        let settled = try #require(state.settled?.file)
        let hot = try Data(contentsOf: s.hotURL)
        let edits: [(String, (inout [String: JSONValue]) -> Void)] = [
            (settled, { $0["settled"] = nil }),
            (segment, { $0["archive"] = .array([]) }),
            ("takenBack", { $0["takenBack"] = .object([segment: .array([.string(before[0].id)])]) }),
        ]
        for (names, edit) in edits {
            let error = try #require(throws: TenBoardError.self) { try self.edited(s, edit) }
            #expect(error.exitCode == .dataError)
            #expect(error.message.contains(names), "\(error.message)")
            #expect(try Data(contentsOf: s.hotURL) == hot, "nothing written")
        }
        let later = instant("2026-12-03T13:00:00+01:00")
        _ = try t.store(at: later).add(customer: "after", summary: "s", receivedAt: later, at: later)
        _ = try t.store(at: later).add(customer: "after", summary: "s", receivedAt: later, at: later)
        #expect(try t.store(at: later).allIssues().count == 14)
        #expect(try StoreCheck.run(t.store(at: later)).problems.isEmpty)
        for name in try ((FileManager.default.contentsOfDirectory(atPath: t.url.path))) where name.hasPrefix("issues.edit-") {
            try FileManager.default.removeItem(at: t.url.appendingPathComponent(name))
        }
    }

    @Test("An edit may drop the name of a segment that is gone (a repair), and change what the hot file holds")
    func repairAllowed() throws {
        let (t, s) = try threeDays()
        let segment = try #require(try s.snapshot().segments.first)
        try FileManager.default.removeItem(at: t.url.appendingPathComponent(ArchiveSegment.directoryName).appendingPathComponent(segment))
        #expect(throws: TenBoardError.self) { try s.allIssues() }
        #expect(try edited(s) { $0["archive"] = .array([]) })
        #expect(try t.store(at: instant("2026-12-03T12:00:00+01:00")).allIssues().count == 9)
    }
}

@Suite("The archive step never drops an issue listed as taken back that is nowhere else")
struct TakenBackNowhereTests {
    @Test("An issue taken back from a segment and then lost from the hot file (a hand edit) keeps its line when the month is archived again: it is in the store, check is clean, the history counts it")
    func keptInTheArchive() throws {
        let t = DayStore()
        let tuesday = try t.liveDay("2026-12-01")
        _ = try t.liveDay("2026-12-02")
        _ = try t.liveDay("2026-12-03")
        let noon = instant("2026-12-03T12:00:00+01:00")
        let before = try t.store(at: noon).history(at: noon).rows.first { $0.morning == localDate("2026-12-01") }
        let id = tuesday.helped[0]
        try t.store(at: noon).reopen(id: id, at: noon)
        // The hot file loses it; `takenBack` still lists it.
        let hot = t.url.appendingPathComponent(IssueStore.hotFileName)
        guard case .object(var o) = try JSONParser.parse(try Data(contentsOf: hot)), case .array(let items)? = o["issues"] else {
            Issue.record("no hot file"); return
        }
        o["issues"] = .array(items.filter { if case .object(let i) = $0, case .string(id)? = i["id"] { false } else { true } })
        try Data(JSONWriter.pretty(.object(o)).utf8).write(to: hot)
        #expect(try StoreCheck.run(t.store(at: noon)).problems.count == 1)

        // Friday's first change archives Wednesday's customers into the same month's segment.
        let friday = instant("2026-12-04T08:00:00+01:00")
        _ = try t.store(at: friday).add(customer: "fri", summary: "s", receivedAt: friday, at: friday)
        let s = t.store(at: friday)
        let found = try s.issue(id: id)
        #expect(found.status == .resolved)
        #expect(try s.allIssues().filter { $0.id == id }.count == 1)
        #expect(try s.snapshot().takenBack.isEmpty)
        #expect(try StoreCheck.run(s).problems.isEmpty)
        let after = try s.history(at: friday).rows.first { $0.morning == localDate("2026-12-01") }
        #expect(after == before)
    }
}

extension TakenBackNowhereTests {
    @Test("An archived issue whose receipt is moved to another month is archived there, and leaves its old month's segment in the same change: nothing listed as taken back, check clean, once in the store")
    func movedToAnotherMonth() throws {
        let t = DayStore()
        let monday = try t.liveDay("2026-11-30")
        _ = try t.liveDay("2026-12-01")
        _ = try t.liveDay("2026-12-02")
        let noon = instant("2026-12-02T12:00:00+01:00")
        let s = t.store(at: noon)
        #expect(try s.snapshot().segments.count == 1, "November's")
        let id = monday.helped[1]
        let moved = try s.edit(id: id, IssueEdit(receivedAt: instant("2026-10-15T09:00:00+01:00")), at: noon)
        #expect(moved.receivedAt.rfc3339.hasPrefix("2026-10-15"))
        let state = try t.store(at: noon).snapshot()
        #expect(state.takenBack.isEmpty, "\(state.takenBack)")
        #expect(state.segments.count == 2)
        #expect(try StoreCheck.run(t.store(at: noon)).problems.isEmpty)
        // November is archived again on Thursday: the issue is still once in the store.
        let thursday = instant("2026-12-03T08:00:00+01:00")
        _ = try t.store(at: thursday).add(customer: "thu", summary: "s", receivedAt: thursday, at: thursday)
        let all = try t.store(at: thursday).allIssues()
        #expect(all.filter { $0.id == id }.count == 1)
        #expect(try StoreCheck.run(t.store(at: thursday)).problems.isEmpty)
    }
}

extension HostileStoreFileTests {
    @Test("A hot file naming a segment twice, or two segments of one month, is refused (65, naming them): read twice, they made an export that cannot be imported")
    func monthNamedTwice() throws {
        let t = DayStore()
        _ = try t.liveDay("2026-12-01")
        _ = try t.liveDay("2026-12-02")
        _ = try t.liveDay("2026-12-03")
        let s = t.store(at: instant("2026-12-03T12:00:00+01:00"))
        let segment = try #require(try s.snapshot().segments.first)
        let other = "2026-12.99.jsonl"
        try FileManager.default.copyItem(at: t.url.appendingPathComponent("archive/\(segment)"), to: t.url.appendingPathComponent("archive/\(other)"))
        let good = try Data(contentsOf: s.hotURL)
        for (names, says) in [([segment, segment], "\(segment) twice"), ([segment, other], "\(segment) and \(other)")] {
            guard case .object(var o) = try JSONParser.parse(good) else { return }
            o["archive"] = .array(names.map(JSONValue.string))
            try Data(JSONWriter.pretty(.object(o)).utf8).write(to: s.hotURL)
            let error = try #require(throws: TenBoardError.self) { try t.store(at: instant("2026-12-03T12:00:00+01:00")).allIssues() }
            #expect(error.exitCode == .dataError)
            #expect(error.message.contains(s.hotURL.path) && error.message.contains(says), "\(error.message)")
        }
        try good.write(to: s.hotURL)
        #expect(try t.store(at: instant("2026-12-03T12:00:00+01:00")).allIssues().count == 12)
    }
}
