import Foundation
import Testing
@testable import TenBoardCore
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// Input from outside that used to brick the store, crash a command or rewrite history
/// (issue 12: field report "reliability", H1–H3, M3–M5, L1, L2, L6, L7).
@Suite("Hostile input: what the store accepts it reads back")
struct HostileInputTests {
    static func record(_ fields: [String: String]) -> JSONValue {
        var o: [String: JSONValue] = ["customer": .string("Evil web form"), "summary": .string("x")]
        for (k, v) in fields { o[k] = .string(v) }
        return .object(o)
    }

    static func rejected(_ body: () throws -> Void) -> TenBoardError? {
        do { try body() } catch let e as TenBoardError { return e } catch { return nil }
        return nil
    }

    // MARK: H1, L6: timestamps

    static let extremeTimes = [
        "9999-12-31T23:59:59.9999Z", "9999-12-31T23:59:59.9995+00:00", "9999-12-31T23:30:00-05:00",
        "0000-01-01T00:00:00+01:00", "0000-01-01T00:00:00Z", "2026-11-30T07:00:59.9996+01:00",
        "2026-11-30T07:00:00-00:00", "2026-11-30T07:00:00.123456+01:00", "2016-12-31T23:59:60Z",
        "2026-11-30t07:00:00z", "2026-11-30 07:00:00+14:00", "2026-11-30T07:00:00.000+01:00",
    ]

    @Test("Every accepted timestamp is written back exactly as it came and read back equal", arguments: extremeTimes)
    func timestampsComeBackAsWritten(_ text: String) throws {
        let t = TempStore()
        // Resolved at the instant it came, or (year 0, the leap second) within the longest wait
        // the store takes (`Issue.longestWaitYears`) and after it.
        let resolvedAt = text.hasPrefix("0000") ? "0019-12-31T23:59:59.9999Z" : text.hasPrefix("2016") ? "2017-01-01T00:00:01Z" : text
        let fields = ["id": "x1", "receivedAt": text, "status": "resolved", "resolvedAt": resolvedAt]
        try t.store.importIssues([ImportRecord(position: .record(1), json: HostileInputTests.record(fields))], name: "in")
        _ = try t.store.add(records: [HostileInputTests.record(["receivedAt": text])])
        // Every command reads the store again: it must read, and give back what was accepted.
        let all = try t.store.allIssues()
        #expect(all.count == 2)
        for issue in all { #expect(issue.receivedAt.rfc3339 == text) }
        #expect(all.first { $0.id == "x1" }?.resolvedAt?.rfc3339 == resolvedAt)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
        var exported = Data()
        try t.store.export(jsonLines: true) { exported.append($0) }
        #expect(String(decoding: exported, as: UTF8.self).contains("\"receivedAt\":\"\(text)\""))
    }

    @Test("A time made by tenboard is never rounded into the next second (or year 10000)")
    func madeTimesStayReadable() throws {
        let end = Timestamp(rfc3339: "9999-12-31T23:59:59Z")!.date.addingTimeInterval(0.9996)
        let made = Timestamp(end)
        #expect(made.rfc3339 == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp(rfc3339: made.rfc3339) != nil)
        #expect(made.isReadable)
        // Written in an offset that carries it into year 10000: not readable, so refused by the store.
        #expect(!Timestamp(end, offsetSeconds: 3600).isReadable)
        // A parsed timestamp changed in place is formatted again, not written as it came.
        var changed = Timestamp(rfc3339: "2026-11-30T07:00:00-00:00")!
        changed.offsetSeconds = 3600
        #expect(changed.rfc3339 == "2026-11-30T08:00:00+01:00")
    }

    // MARK: H2: numbers from outside

    @Test("Huge number ids are refused with 65, not a crash, and counters cannot wrap")
    func numbersAreBounded() throws {
        let t = TempStore()
        for id in ["9223372036854775807", "9223372036854775806", String(StoreState.numberLimit), "99999999999999999999999"] {
            let e = HostileInputTests.rejected { _ = try t.store.add(records: [HostileInputTests.record(["id": id])]) }
            #expect(e?.exitCode == .dataError && e?.message.contains("field 'id'") == true, "\(id): \(String(describing: e))")
            let i = HostileInputTests.rejected {
                try t.store.importIssues([ImportRecord(position: .record(1), json: HostileInputTests.record(["id": id]))], name: "in")
            }
            #expect(i?.exitCode == .dataError)
        }
        // The largest number id accepted still leaves room: adds go on working.
        let big = String(StoreState.idNumberLimit - 1)
        _ = try t.store.add(records: [HostileInputTests.record(["id": big])])
        let next = try t.store.add(customer: "B", summary: "y", receivedAt: Date())
        #expect(next.id == String(StoreState.idNumberLimit))
        // A larger number id is kept, but does not move the count on.
        _ = try t.store.add(records: [HostileInputTests.record(["id": String(StoreState.numberLimit - 1)])])
        #expect(try t.store.add(customer: "C", summary: "z", receivedAt: Date()).id == String(StoreState.idNumberLimit + 1))
    }

    @Test("A hot file with revision or nextId near Int.max is refused (65) or stops at the limit", arguments: [
        ("revision", "9223372036854775807", true), ("nextId", "9223372036854775806", true),
        ("revision", "9007199254740991", false), ("nextId", "9007199254740991", false),
    ])
    func hotFileCounters(_ key: String, _ value: String, _ unreadable: Bool) throws {
        let t = TempStore()
        try t.write(#"{"format":"tenboard-store","version":1,"\#(key)":\#(value),"issues":[]}"#)
        let before = try t.bytes(IssueStore.hotFileName)
        let e = HostileInputTests.rejected { _ = try t.store.add(customer: "B", summary: "y", receivedAt: Date()) }
        #expect(e?.exitCode == .dataError, "\(String(describing: e))")
        #expect(e?.message.contains(key == "revision" ? "revision" : (unreadable ? "nextId" : "next id")) == true, "\(String(describing: e))")
        #expect((HostileInputTests.rejected { _ = try t.store.snapshot() } != nil) == unreadable)
        #expect(try t.bytes(IssueStore.hotFileName) == before, "the file was left as it is")
    }

    // MARK: H3: a change dated in the future

    @Test("resolve --at in the future is refused, and no date moves the archive horizon past the real clock")
    func futureChanges() throws {
        let now = instant("2026-11-30T09:30:00+01:00")
        let t = TempStore(clock: { now })
        for i in 1...6 {
            _ = try t.store.add(customer: "T\(i)", summary: "x", receivedAt: instant("2026-11-30T07:0\(i):00+01:00"), at: now)
        }
        for i in 1...4 { try t.store.resolve(id: "\(i)", by: "ann", action: nil, at: now) }
        let future = instant("2027-11-30T09:40:00+01:00")
        let e = HostileInputTests.rejected { try t.store.resolve(id: "5", by: "ann", action: nil, at: future) }
        #expect(e?.exitCode == .dataError && e?.message.contains("in the future") == true)
        // A minute of clock skew is allowed.
        try t.store.resolve(id: "5", by: "ann", action: nil, at: now.addingTimeInterval(59))
        // A change dated a year ahead (through the API) archives nothing and advances no streak.
        try t.store.assign(id: "6", to: "bob", at: future)
        // A tally mark dated in the future is refused like any change.
        let mark = HostileInputTests.rejected { try t.store.drawTally(who: "ann", by: "ann", at: instant("9999-12-31T09:00:00+01:00")) }
        #expect(mark?.exitCode == .dataError && mark?.message.contains("in the future") == true)
        let state = try t.store.snapshot()
        #expect(state.issues.count == 6)
        #expect(state.segments.isEmpty)
        #expect(state.streakBase == nil)
    }

    // MARK: M4, L1, L2: one insertion path

    @Test("add --json refuses an id that is in the archive, like import")
    func archivedIDsClash() throws {
        let t = TempStore()
        let old = HostileInputTests.record([
            "id": "OLD-1", "receivedAt": "2025-01-10T09:00:00+01:00", "status": "resolved", "resolvedAt": "2025-01-10T10:00:00+01:00",
        ])
        try t.store.importIssues([ImportRecord(position: .record(1), json: old)], name: "in")
        #expect(try t.store.snapshot().segments.count == 1)
        let e = HostileInputTests.rejected { _ = try t.store.add(records: [HostileInputTests.record(["id": "OLD-1"])]) }
        #expect(e?.exitCode == .dataError && e?.message.contains("already in the store") == true)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
        #expect(try t.store.allIssues().count == 1)
    }

    @Test("A record resolved before it was received is refused by add --json and import, as check calls it damaged")
    func resolvedBeforeReceived() throws {
        let t = TempStore()
        let bad = HostileInputTests.record([
            "receivedAt": "2026-11-30T09:00:00+01:00", "status": "resolved", "resolvedAt": "2026-11-30T08:00:00+01:00",
        ])
        let a = HostileInputTests.rejected { _ = try t.store.add(records: [bad]) }
        let i = HostileInputTests.rejected { try t.store.importIssues([ImportRecord(position: .line(3), json: bad)], name: "in.jsonl") }
        #expect(a?.exitCode == .dataError && a?.message.contains("resolvedAt") == true)
        #expect(i?.exitCode == .dataError && i?.message.contains("in.jsonl: line 3: field 'resolvedAt'") == true, "\(String(describing: i))")
        #expect(!t.store.exists)
    }

    @Test("New ids with invisible or direction-changing characters are refused")
    func invisibleIDs() throws {
        let t = TempStore()
        for id in ["\u{202E}id-rlo", "a\u{200B}b", "x\u{2028}y", "\u{FEFF}bom", "esc\u{1B}[2J"] {
            let e = HostileInputTests.rejected { _ = try t.store.add(records: [HostileInputTests.record(["id": id])]) }
            #expect(e?.exitCode == .dataError, "\(id.debugDescription)")
        }
        _ = try t.store.add(records: [HostileInputTests.record(["id": "Ørsted-1"])])
        #expect(try t.store.snapshot().issues.map(\.id) == ["Ørsted-1"])
    }

    // MARK: M5, L2: neutralised text

    @Test("Untrusted text: controls, bidi, zero-width and line separators never pass")
    func untrustedPredicate() {
        let hostile = "a\u{1B}]52;c;SGVsbG8=\u{07}b\u{2028}c\u{2029}d\u{200B}e\u{200D}f\u{202E}g\u{2066}h\u{FEFF}i\u{85}j\u{AD}k"
        for rendering in [Untrusted.clean(hostile), Untrusted.oneLine(hostile), Untrusted.quoted(hostile)] {
            #expect(Untrusted.isSafe(rendering), "\(rendering.debugDescription)")
            #expect(!rendering.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x2028 || $0.value == 0x200B })
        }
        #expect(Untrusted.clean("Müller GmbH 李小龙 😀") == "Müller GmbH 李小龙 😀")
        #expect(Untrusted.quoted(String(repeating: "x", count: 500)).count == 80)
    }

    @Test("Field errors quote hostile values neutralised")
    func fieldErrorsAreNeutralised() {
        let t = TempStore()
        let e = HostileInputTests.rejected {
            _ = try t.store.add(records: [HostileInputTests.record(["kind": "\u{1B}]52;c;UFdORUQ=\u{07}", "id": "\u{1B}]0;TITLE\u{07}"])])
        }
        #expect(e?.exitCode == .dataError)
        #expect(e?.message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } == false, "\(String(describing: e?.message.debugDescription))")
    }

    // MARK: M3, L7: damaged and odd files

    @Test("export refuses a damaged archive segment with 65 naming it, and writes no invalid JSON")
    func exportValidates() throws {
        let t = TempStore()
        let old = HostileInputTests.record([
            "id": "OLD-1", "receivedAt": "2025-01-10T09:00:00+01:00", "status": "resolved", "resolvedAt": "2025-01-10T10:00:00+01:00",
        ])
        try t.store.importIssues([ImportRecord(position: .record(1), json: old)], name: "in")
        let segment = t.url.appendingPathComponent("archive/2025-01.1.jsonl")
        let handle = try FileHandle(forWritingTo: segment)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("not json\n".utf8))
        try handle.close()
        var written = Data()
        let e = HostileInputTests.rejected { try t.store.export(jsonLines: false) { written.append($0) } }
        #expect(e?.exitCode == .dataError && e?.message.contains("2025-01.1.jsonl: line 2") == true, "\(String(describing: e))")
        #expect(written.isEmpty)
    }

    @Test("A FIFO as an archive segment or a symlink as the hot file is refused at once, not waited on")
    func oddFiles() throws {
        let t = TempStore()
        let old = HostileInputTests.record([
            "id": "OLD-1", "receivedAt": "2025-01-10T09:00:00+01:00", "status": "resolved", "resolvedAt": "2025-01-10T10:00:00+01:00",
        ])
        try t.store.importIssues([ImportRecord(position: .record(1), json: old)], name: "in")
        let segment = t.url.appendingPathComponent("archive/2025-01.1.jsonl").path
        unlink(segment)
        #expect(mkfifo(segment, 0o660) == 0)
        let start = Date()
        let reads: [() throws -> Void] = [{ _ = try t.store.allIssues() }, { _ = try StoreCheck.run(t.store) }, { _ = try t.store.issue(id: "OLD-1") }]
        for read in reads {
            let e = HostileInputTests.rejected(read)
            #expect(e?.exitCode == .dataError && e?.message.contains("not a regular file") == true, "\(String(describing: e))")
        }
        #expect(Date().timeIntervalSince(start) < 5)
        // An issue in the hot file is shown without opening any segment (L9).
        let open = try t.store.add(customer: "Open", summary: "s", receivedAt: Date())
        #expect(try t.store.issue(id: open.id).customer == "Open")
        let hot = t.url.appendingPathComponent(IssueStore.hotFileName).path
        let outside = t.url.appendingPathComponent("elsewhere.json").path
        #expect(rename(hot, outside) == 0)
        #expect(symlink(outside, hot) == 0)
        let e = HostileInputTests.rejected { _ = try t.store.snapshot() }
        #expect(e?.exitCode == .dataError && e?.message.contains("not a regular file") == true)
    }

    @Test("A store path that is a regular file says so (66), not a Cocoa error")
    func storePathIsAFile() throws {
        let scratch = try TemporaryDirectory.make("file")
        defer { TemporaryDirectory.remove(scratch) }
        let file = scratch.appendingPathComponent("store")
        try Data("x".utf8).write(to: file)
        let e = HostileInputTests.rejected { _ = try IssueStore(directory: file).snapshot() }
        #expect(e?.exitCode == .noInput && e?.message.contains("is not a directory") == true, "\(String(describing: e))")
    }
}

/// Files of a shared store that another member of the group can replace (H4, H5, M2, M7).
@Suite("Shared store files: no planted link is followed")
struct SharedStoreFileTests {
    @Test("A store.lock planted as a symlink is refused; its target is neither created nor chmod-ed")
    func lockSymlink() throws {
        let t = TempStore()
        try FileManager.default.createDirectory(at: t.url, withIntermediateDirectories: true)
        let victim = t.url.appendingPathComponent("victim-secret")
        try Data("secret".utf8).write(to: victim)
        chmod(victim.path, 0o600)
        let missing = t.url.appendingPathComponent("created-by-symlink")
        for (lock, target) in [(StoreLock.fileName, victim), ("mail.lock", missing)] {
            let path = t.url.appendingPathComponent(lock).path
            #expect(symlink(target.path, path) == 0)
        }
        let e = HostileInputTests.rejected { _ = try t.store.add(customer: "A", summary: "b", receivedAt: Date()) }
        #expect(e?.exitCode == .dataError && e?.message.contains("store.lock") == true, "\(String(describing: e))")
        let m = HostileInputTests.rejected { _ = try LockFile(in: t.url, name: "mail.lock") }
        #expect(m?.exitCode == .dataError)
        var info = stat()
        #expect(stat(victim.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test("archive/ or outbox/ replaced by a link to another directory: refused, nothing read, written or deleted there")
    func plantedDirectoryLinks() async throws {
        let t = TempStore()
        let old = HostileInputTests.record([
            "id": "OLD-1", "receivedAt": "2025-01-10T09:00:00+01:00", "status": "resolved", "resolvedAt": "2025-01-10T10:00:00+01:00",
        ])
        try t.store.importIssues([ImportRecord(position: .record(1), json: old)], name: "in")
        // The victim's directory, with a file named like a stray segment and a temporary file.
        let elsewhere = t.url.appendingPathComponent("victim-dir")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: t.url.appendingPathComponent("archive/2025-01.1.jsonl"), to: elsewhere.appendingPathComponent("2025-01.1.jsonl"))
        try Data("keep".utf8).write(to: elsewhere.appendingPathComponent("2024-12.1.jsonl"))
        try Data("keep".utf8).write(to: elsewhere.appendingPathComponent(AtomicFile.temporaryPrefix + "x"))
        let archive = t.url.appendingPathComponent("archive")
        try FileManager.default.moveItem(at: archive, to: t.url.appendingPathComponent("archive.old"))
        #expect(symlink(elsewhere.path, archive.path) == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted()
        let older = HostileInputTests.record([
            "id": "OLD-2", "receivedAt": "2025-02-10T09:00:00+01:00", "status": "resolved", "resolvedAt": "2025-02-10T10:00:00+01:00",
        ])
        let reads: [() throws -> Void] = [
            { _ = try t.store.allIssues() }, { _ = try StoreCheck.run(t.store) },
            { try t.store.importIssues([ImportRecord(position: .record(1), json: older)], name: "in") },
            { try t.store.reopen(id: "OLD-1") },
        ]
        for attempt in reads {
            let e = HostileInputTests.rejected(attempt)
            #expect(e?.exitCode == .dataError && e?.message.contains("is not a directory") == true, "\(String(describing: e))")
        }
        _ = try t.store.add(customer: "A", summary: "b", receivedAt: Date())
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == before)

        let outbox = t.url.appendingPathComponent("outbox")
        #expect(symlink(elsewhere.path, outbox.path) == 0)
        let sender = ReportSender(store: t.url, transport: FakeTransport())
        await #expect(throws: TenBoardError.self) {
            _ = try await sender.send(morning: LocalDate(year: 2026, month: 11, day: 24)) {
                OutgoingReport(morning: LocalDate(year: 2026, month: 11, day: 24), messageID: "x@example.nl",
                               sender: MailAddress(address: "a@example.nl"), recipients: [MailAddress(address: "b@example.nl")],
                               message: Data("Subject: x\n\nx\n".utf8))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == before)
    }

    @Test("An existing lock file keeps its mode; a new one is made group-shared")
    func lockModeOnlyWhenCreated() throws {
        let t = TempStore()
        try FileManager.default.createDirectory(at: t.url, withIntermediateDirectories: true)
        _ = try LockFile(in: t.url, name: "fresh.lock")
        var info = stat()
        #expect(stat(t.url.appendingPathComponent("fresh.lock").path, &info) == 0 && info.st_mode & 0o660 == 0o660)
        let existing = t.url.appendingPathComponent("old.lock").path
        #expect(creat(existing, 0o600) >= 0)
        chmod(existing, 0o600)
        _ = try LockFile(in: t.url, name: "old.lock")
        #expect(stat(existing, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test("edit: the copy has a random name and mode 0600, a planted predictable copy is untouched, and the store is not locked meanwhile")
    func editCopy() throws {
        let t = TempStore()
        _ = try t.store.add(customer: "A", summary: "b", receivedAt: Date())
        let planted = t.url.appendingPathComponent("issues.edit-\(getpid()).json")
        let victim = t.url.appendingPathComponent("victim.rc")
        try Data("keep me".utf8).write(to: victim)
        #expect(symlink(victim.path, planted.path) == 0)
        var seen: String?
        var mode: mode_t = 0
        var lockedMeanwhile = true
        let replaced = try t.store.editHotFile { path in
            seen = path
            var info = stat()
            if lstat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
            // Others can write while the editor is open.
            lockedMeanwhile = (try? StoreLock.withExclusiveLock(in: t.url, timeout: 1) { true }) != true
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"A\"", with: "\"Anna\"")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(replaced)
        #expect(seen != planted.path && seen?.hasPrefix(t.url.appendingPathComponent("issues.edit-").path) == true)
        #expect(mode == 0o600)
        #expect(!lockedMeanwhile)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        #expect(try t.store.snapshot().issues.first?.customer == "Anna")
        #expect(!FileManager.default.fileExists(atPath: seen ?? "/"))
        // Saved unchanged: nothing replaced.
        #expect(try t.store.editHotFile { _ in } == false)
    }

    @Test("edit: a store changed while the editor was open is not overwritten; the edit is kept")
    func editRefusesWhenTheStoreMovedOn() throws {
        let t = TempStore()
        _ = try t.store.add(customer: "A", summary: "b", receivedAt: Date())
        var copy = ""
        let e = HostileInputTests.rejected {
            try t.store.editHotFile { path in
                copy = path
                _ = try t.store.add(customer: "Meanwhile", summary: "c", receivedAt: Date())
                let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"A\"", with: "\"Anna\"")
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        #expect(e?.exitCode == .tempFailure && e?.message.contains("changed by someone else") == true)
        #expect(FileManager.default.fileExists(atPath: copy))
        let customers = try t.store.snapshot().issues.map(\.customer)
        #expect(customers == ["A", "Meanwhile"])
    }

    @Test("Creating a store shares only the store directory; missing parents follow the umask")
    func parentsFollowTheUmask() throws {
        let base = try TemporaryDirectory.make("parents").appendingPathComponent("missing")
        defer { TemporaryDirectory.remove(base.deletingLastPathComponent()) }
        let mask = Umask.current.rawValue
        let store = IssueStore(directory: base.appendingPathComponent(".local/share/tenboard"))
        _ = try store.add(customer: "A", summary: "b", receivedAt: Date())
        var info = stat()
        for parent in [base, base.appendingPathComponent(".local"), base.appendingPathComponent(".local/share")] {
            #expect(stat(parent.path, &info) == 0 && info.st_mode & 0o7777 == 0o777 & ~mask, "\(parent.path)")
        }
        #expect(stat(store.directory.path, &info) == 0 && info.st_mode & 0o7777 == 0o2775 & ~(mask & 0o005))
    }
}

@Suite("add --json caps its error list")
struct AddErrorCapTests {
    @Test("100,000 bad records give 52 lines, not 100,000, as import does")
    func capped() {
        let t = TempStore()
        let records = [JSONValue](repeating: .object(["customer": .string("A")]), count: 100_000)
        let e = HostileInputTests.rejected { _ = try t.store.add(records: records) }
        let lines = e?.message.split(separator: "\n") ?? []
        #expect(lines.count == 52, "50 problems, the rest counted, and 'nothing was added'")
        #expect(lines.dropLast().last == "… and 99950 more")
        #expect(lines.last == "nothing was added")
    }
}

@Suite("One mode for every file of a store")
struct StoreModeTests {
    @Test("New files take their mode from the store directory, not from the writer's umask", arguments: [
        (mode_t(0o2770), mode_t(0o660)), (mode_t(0o2775), mode_t(0o664)),
    ])
    func modesFollowTheDirectory(_ directoryMode: mode_t, _ fileMode: mode_t) throws {
        let t = TempStore()
        try FileManager.default.createDirectory(at: t.url, withIntermediateDirectories: true)
        #expect(chmod(t.url.path, directoryMode) == 0)
        let old = HostileInputTests.record([
            "id": "OLD-1", "receivedAt": "2025-01-10T09:00:00+01:00", "status": "resolved", "resolvedAt": "2025-01-10T10:00:00+01:00",
        ])
        try t.store.importIssues([ImportRecord(position: .record(1), json: old)], name: "in")
        for file in [IssueStore.hotFileName, StoreLock.fileName, "archive/2025-01.1.jsonl"] {
            var info = stat()
            #expect(stat(t.url.appendingPathComponent(file).path, &info) == 0 && info.st_mode & 0o777 == fileMode, "\(file): \(String(info.st_mode & 0o777, radix: 8))")
        }
    }
}

@Suite("demo's folder")
struct DemoFolderTests {
    @Test("A private directory with a random name, made by mkdtemp: a planted tenboard-demo-<pid> is not used")
    func temporaryDirectory() throws {
        let predictable = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-demo-\(getpid())")
        try? FileManager.default.removeItem(at: predictable)
        #expect(symlink("/nonexistent-target", predictable.path) == 0)
        defer { unlink(predictable.path) }
        let a = try AtomicFile.makeTemporaryDirectory(prefix: "tenboard-demo-")
        let b = try AtomicFile.makeTemporaryDirectory(prefix: "tenboard-demo-")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        #expect(a != b && a != predictable && b != predictable)
        var info = stat()
        #expect(lstat(a.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_mode & 0o777 == 0o700)
        #expect(info.st_uid == getuid())
    }
}
