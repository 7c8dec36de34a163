import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// A fresh store directory per test.
struct TempStore {
    let url: URL
    let store: IssueStore

    init(archiveAfterMornings: Int = 30, clock: @escaping @Sendable () -> Date = { Date() }) {
        // Not made yet: the first change creates it. Its parent goes when the tests end.
        url = (try! TemporaryDirectory.make("store")).appendingPathComponent("store")
        store = IssueStore(directory: url, archiveAfterMornings: archiveAfterMornings, clock: clock)
    }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }
    func write(_ text: String, to name: String = IssueStore.hotFileName) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }
}

@Suite("Issue store")
struct StoreTests {
    @Test("A store that parsed the hot file once sees every later change: another writer's, and a hand edit of the same size in place")
    func parsedOnceSeesChanges() throws {
        let t = TempStore()
        let reader = t.store
        let writer = IssueStore(directory: t.url)
        let first = try writer.add(customer: "Anna", summary: "s", receivedAt: Date(), at: Date())
        #expect(try reader.snapshot().issues.map(\.customer) == ["Anna"])
        #expect(try reader.snapshot().issues.map(\.customer) == ["Anna"], "read again, unchanged")
        _ = try writer.add(customer: "Bert", summary: "s", receivedAt: Date(), at: Date())
        #expect(try reader.snapshot().issues.map(\.customer) == ["Anna", "Bert"])
        // The same number of bytes, in place (the same inode): its time tells it apart.
        let text = try String(contentsOf: t.store.hotURL, encoding: .utf8).replacingOccurrences(of: "\"Anna\"", with: "\"Anne\"")
        let handle = try FileHandle(forWritingTo: t.store.hotURL)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        #expect(try reader.snapshot().issues.map(\.customer) == ["Anne", "Bert"])
        // A change by the reader itself starts from what is there now.
        _ = try reader.resolve(id: first.id, by: "z", action: nil, at: Date())
        #expect(try writer.snapshot().issues.map(\.customer) == ["Anne", "Bert"])
    }

    @Test("A missing store reads as empty and is created by the first change, group-shared")
    func createdOnFirstWrite() throws {
        let t = TempStore()
        #expect(try t.store.snapshot().issues.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: t.url.path))
        let issue = try t.store.add(customer: "Jan", summary: "Factuur", receivedAt: instant("2026-11-24T07:00:00+01:00"))
        #expect(issue.id == "1")
        var info = stat()
        #expect(stat(t.url.path, &info) == 0)
        #expect(info.st_mode & 0o2000 != 0, "setgid, so files keep the group")
        #expect(info.st_mode & 0o002 == 0, "never world-writable")
        #expect(stat(t.store.hotURL.path, &info) == 0)
        #expect(info.st_mode & 0o060 == 0o060, "group read/write")
        #expect(info.st_mode & 0o002 == 0)
        #expect(try t.store.snapshot().createdAt != nil)
    }

    @Test("Ids are short and sequential; imported ids are kept and never handed out again")
    func ids() throws {
        let t = TempStore()
        let a = try t.store.add(customer: "A", summary: "a", receivedAt: Date())
        let b = try t.store.add(customer: "B", summary: "b", receivedAt: Date())
        #expect([a.id, b.id] == ["1", "2"])
        let records = try ImportRecord.parse(Data(#"[{"id":"40","customer":"C","summary":"c","receivedAt":"2026-11-20T09:00:00+01:00"}]"#.utf8), name: "in")
        try t.store.importIssues(records, name: "in")
        let c = try t.store.add(customer: "D", summary: "d", receivedAt: Date())
        #expect(c.id == "41")
        #expect(Set(try t.store.snapshot().issues.map(\.id)) == ["1", "2", "40", "41"])
    }

    @Test("Every change replaces the file whole, keeps the previous one as .bak and leaves no temporary file")
    func atomicReplacement() throws {
        let t = TempStore()
        try t.store.add(customer: "A", summary: "a", receivedAt: Date())
        let first = try t.bytes(IssueStore.hotFileName)
        try t.store.add(customer: "B", summary: "b", receivedAt: Date())
        #expect(try t.bytes(IssueStore.hotFileName + ".bak") == first)
        let names = try FileManager.default.contentsOfDirectory(atPath: t.url.path)
        #expect(!names.contains { $0.hasPrefix(AtomicFile.temporaryPrefix) })
        #expect(try t.store.snapshot().revision == 2)
    }

    @Test("A damaged store is never written over: exit 65, file and position named, bytes kept", arguments: [
        ("{\"format\": \"tenboard-store\", \"version\": 1, \"issues\": [\n  {\"id\": \"1\",\n", "line 3"),
        (#"{"format": "tenboard-store", "version": 3, "issues": []}"#, "format version 3"),
        (#"{"format": "tenboard-store", "version": 1, "issues": [{"id": "1", "customer": "A", "summary": "s", "receivedAt": 5}]}"#, "issues[0] (id 1): field 'receivedAt'"),
        (#"{"format": "tenboard-store", "version": 1, "issues": {}}"#, "'issues' must be an array"),
        (#"["not", "a", "store"]"#, "expected an object"),
        ("", "empty"),
    ])
    func damaged(text: String, expected: String) throws {
        let t = TempStore()
        try t.write(text)
        let before = try t.bytes(IssueStore.hotFileName)
        for action in [{ _ = try t.store.snapshot() }, { _ = try t.store.add(customer: "X", summary: "y", receivedAt: Date()) }] {
            #expect {
                try action()
            } throws: { error in
                guard let e = error as? TenBoardError else { return false }
                return e.exitCode == .dataError && e.message.contains(t.store.hotURL.path) && e.message.contains(expected)
            }
        }
        #expect(try t.bytes(IssueStore.hotFileName) == before)
    }

    @Test("Resolve, reopen and assign; an unknown id is exit 66")
    func changes() throws {
        let t = TempStore()
        let issue = try t.store.add(customer: "A", summary: "a", receivedAt: instant("2026-11-24T07:00:00+01:00"))
        let resolved = try t.store.resolve(id: issue.id, by: "Ann", action: " Check daily ", at: instant("2026-11-24T09:40:00+01:00"))
        #expect(resolved.status == .resolved)
        #expect(resolved.resolvedBy == "Ann")
        #expect(resolved.action == "Check daily")
        #expect(resolved.resolvedAt?.rfc3339 == "2026-11-24T09:40:00+01:00")
        #expect(throws: TenBoardError.self) { try t.store.resolve(id: issue.id, by: "Bob", action: nil, at: Date()) }
        let reopened = try t.store.reopen(id: issue.id)
        #expect(reopened.status == .open && reopened.resolvedAt == nil && reopened.resolvedBy == nil)
        #expect(try t.store.assign(id: issue.id, to: "Bob").assignee == "Bob")
        #expect(try t.store.assign(id: issue.id, to: nil).assignee == nil)
        #expect {
            try t.store.resolve(id: "999", by: "x", action: nil, at: Date())
        } throws: { ($0 as? TenBoardError)?.exitCode == .noInput }
        #expect {
            try t.store.resolve(id: issue.id, by: "x", action: nil, at: instant("2026-11-24T06:00:00+01:00"))
        } throws: { ($0 as? TenBoardError)?.exitCode == .dataError }
    }

    @Test("Import → export loses nothing, unknown fields included")
    func roundTrip() throws {
        let t = TempStore()
        let input = """
            {"id":"A1","customer":"Ann ë","summary":"s","kind":"bug","receivedAt":"2026-11-23T17:45:00+01:00","crm":{"n":12345678901234567890}}
            {"id":"A2","customer":"Bo","summary":"t","receivedAt":"2020-01-02T10:00:00Z","status":"resolved","resolvedAt":"2020-01-02T11:00:00Z","resolvedBy":"Cy","action":"x","internal":true,"channel":"phone"}
            """
        let records = try ImportRecord.parse(Data(input.utf8), name: "in.jsonl")
        #expect(try t.store.importIssues(records, name: "in.jsonl") == 2)
        // The 2020 issue went straight to the archive; the hot file has only the recent one.
        #expect(try t.store.snapshot().issues.map(\.id) == ["A1"])
        #expect(try t.store.snapshot().segments == ["2020-01.1.jsonl"])
        var written = Data()
        try t.store.export(jsonLines: false) { written.append($0) }
        let exported = try JSONParser.parse(written)
        let originals = try JSONParser.parseLines(Data(input.utf8))
        guard case .array(let items) = exported else { Issue.record("not an array"); return }
        let byID = { (v: JSONValue) -> String in if case .object(let o) = v, case .string(let s)? = o["id"] { return s }; return "" }
        #expect(items.count == 2)
        for original in originals {
            let back = try #require(items.first { byID($0) == byID(original) })
            guard case .object(let a) = original, case .object(let b) = back else { Issue.record("not objects"); continue }
            for (key, value) in a { #expect(b[key] == value, "field \(key)") }
        }
        // Ids must be new to the store, archive included.
        #expect {
            try t.store.importIssues(records, name: "again")
        } throws: { ($0 as? TenBoardError)?.message.contains("'A2' is already in the store") == true }
    }

    @Test("Import is all or nothing and reports every bad record by position")
    func importAllOrNothing() throws {
        let t = TempStore()
        try t.store.add(customer: "Kept", summary: "k", receivedAt: Date())
        let before = try t.bytes(IssueStore.hotFileName)
        let input = #"[{"customer":"ok","summary":"s","receivedAt":"2026-11-23T17:45:00+01:00"},{"customer":"","summary":"s","receivedAt":"2026-11-23T17:45:00+01:00"},{"customer":"c","summary":"s","kind":"rant","receivedAt":"2026-11-23T17:45:00+01:00"}]"#
        let records = try ImportRecord.parse(Data(input.utf8), name: "in.json")
        #expect {
            try t.store.importIssues(records, name: "in.json")
        } throws: { error in
            guard let e = error as? TenBoardError else { return false }
            return e.exitCode == .dataError && e.message.contains("in.json: record 2: field 'customer'")
                && e.message.contains("in.json: record 3: field 'kind'") && !e.message.contains("record 1")
        }
        #expect(try t.bytes(IssueStore.hotFileName) == before)
        #expect {
            try ImportRecord.parse(Data("{\"customer\":\"a\"}\n{oops}\n".utf8), name: "x.jsonl")
        } throws: { ($0 as? TenBoardError)?.message.contains("x.jsonl: line 2, column 2") == true }
    }

    @Test("Old resolved issues move to the archive; reopening one brings it back")
    func archiving() throws {
        // The real clock of this story is in December: a change is never dated after it.
        let t = TempStore(clock: { instant("2026-12-15T09:00:00+01:00") })
        var records: [ImportRecord] = []
        // Six weeks of mornings in Sep–Oct 2026, all helped in time, then the store is used in December.
        var day = LocalDate("2026-09-01")!
        var n = 0
        while day < LocalDate("2026-10-20")! {
            if t.store.schedule.isMorning(day) {
                n += 1
                let received = "\(day)T07:00:00+02:00", resolved = "\(day)T09:00:00+02:00"
                records.append(ImportRecord(position: .record(n), json: try JSONParser.parse(Data(
                    #"{"id":"h\#(n)","customer":"c","summary":"s","receivedAt":"\#(received)","status":"resolved","resolvedAt":"\#(resolved)"}"#.utf8))))
            }
            day = day.adding(days: 1)
        }
        try t.store.importIssues(records, name: "history", at: instant("2026-10-20T12:00:00+02:00"))
        // Those older than the six-week horizon went straight to the archive.
        let hotAtImport = try t.store.snapshot().issues.count
        #expect(hotAtImport > 0 && hotAtImport < n)
        #expect(try t.store.allIssues().count == n)
        // Weeks later a change triggers archiving of everything older than the horizon.
        try t.store.add(customer: "new", summary: "n", receivedAt: instant("2026-12-15T07:00:00+01:00"), at: instant("2026-12-15T07:00:00+01:00"))
        let state = try t.store.snapshot()
        #expect(state.issues.map(\.id) == ["1"], "only the new issue stays hot")
        #expect(Set(state.segments.map { String($0.prefix(7)) }).isSubset(of: ["2026-09", "2026-10"]))
        #expect(try t.store.allIssues().count == n + 1)
        let base = try #require(state.streakBase)
        #expect(base.count > 0)
        // Reopening an archived issue brings it back to the hot file, and nothing is duplicated.
        try t.store.reopen(id: "h1", at: instant("2026-12-15T08:00:00+01:00"))
        #expect(try t.store.snapshot().issues.contains { $0.id == "h1" && $0.isOpen })
        let all = try t.store.allIssues()
        #expect(all.count == n + 1)
        #expect(Set(all.map(\.id)).count == all.count)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
    }

    @Test("Leftovers of a crash (temporary files, an unnamed segment) break nothing")
    func crashLeftovers() throws {
        let t = TempStore()
        try t.store.add(customer: "A", summary: "a", receivedAt: Date())
        try t.write("{\"half", to: AtomicFile.temporaryPrefix + "issues.json-123-456")
        try FileManager.default.createDirectory(at: t.url.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try t.write("garbage\n", to: "archive/2020-01.9.jsonl")
        #expect(try t.store.snapshot().issues.count == 1)
        #expect(try t.store.allIssues().count == 1)
        try t.store.add(customer: "B", summary: "b", receivedAt: Date())
        let names = try FileManager.default.contentsOfDirectory(atPath: t.url.path)
        #expect(!names.contains { $0.hasPrefix(AtomicFile.temporaryPrefix) })
    }

    @Test("Threads in one process changing the store at once lose nothing")
    func threads() async throws {
        let t = TempStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for i in 0..<25 {
                        let issue = try t.store.add(customer: "w\(worker)", summary: "\(i)", receivedAt: Date())
                        if i % 2 == 0 { try t.store.resolve(id: issue.id, by: "w\(worker)", action: nil, at: Date()) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let issues = try t.store.snapshot().issues
        #expect(issues.count == 100)
        #expect(Set(issues.map(\.id)).count == 100)
        #expect(issues.filter { !$0.isOpen }.count == 52)
    }
}
