import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A store whose history (two months, resolved long ago) lies in the archive.
private func archivedStore(count: Int = 40) throws -> TempStore {
    let t = TempStore(clock: { instant("2026-12-15T09:00:00+01:00") })
    var records: [ImportRecord] = []
    for n in 1...count {
        let day = LocalDate("2025-03-01")!.adding(days: n)
        let json = #"{"id":"h\#(n)","customer":"c\#(n)","summary":"s","receivedAt":"\#(day)T07:00:00+01:00","status":"resolved","resolvedAt":"\#(day)T09:00:00+01:00"}"#
        records.append(ImportRecord(position: .record(n), json: try JSONParser.parse(Data(json.utf8))))
    }
    try t.store.importIssues(records, name: "history", at: instant("2026-12-15T08:00:00+01:00"))
    return t
}

private func archiveNames(_ t: TempStore) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: t.url.appendingPathComponent("archive").path).sorted()
}

/// Overwrites the line of issue `id` in its segment with as many other bytes.
private func spoilLine(of id: String, in t: TempStore) throws {
    for name in try t.store.snapshot().segments {
        let url = t.url.appendingPathComponent("archive/\(name)")
        var text = try String(contentsOf: url, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("\"id\":\"\(id)\"") }) else { continue }
        text = text.replacingOccurrences(of: line, with: String(repeating: "x", count: line.count))
        try Data(text.utf8).write(to: url)
        return
    }
    Issue.record("no line of \(id)")
}

/// `export --jsonl` into a new file as the command line does it: vouched segments copied by the
/// kernel (`FileDescriptor.send`), the rest written; what the file holds afterwards.
private func exportSent(_ t: TempStore, expectingFailure: Bool = false) throws -> Data {
    let url = t.url.appendingPathComponent("exported.jsonl")
    let out = try FileDescriptor.open(url.path, .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
    defer { try? out.close() }
    do {
        try t.store.export(jsonLines: true, write: { try out.write(whole: $0) }, send: { try $0.send($2, at: $1, to: out) })
        #expect(!expectingFailure)
    } catch let error as TenBoardError where expectingFailure {
        #expect(error.exitCode == .dataError)
    }
    return try Data(contentsOf: url)
}

@Suite("Archive index: an archived issue by id without reading the history")
struct ArchiveIndexTests {
    @Test("Every segment is written with its index, which points at each issue's line")
    func written() throws {
        let t = try archivedStore()
        let segments = try t.store.snapshot().segments
        #expect(segments.count == 2)
        #expect(try archiveNames(t) == segments.flatMap { [ArchiveIndex.name(forSegment: $0), $0] }.sorted())
        for name in segments {
            let data = try t.bytes("archive/\(name)")
            let index = try t.bytes("archive/\(ArchiveIndex.name(forSegment: name))")
            #expect(index == ArchiveIndex.build(data))
            let entries = String(decoding: index, as: UTF8.self).split(separator: "\n").dropFirst()
            #expect(entries.count == data.filter { $0 == 10 }.count)
            for entry in entries {
                let fields = entry.split(separator: "\t")
                let line = data.subdata(in: Int(fields[1])!..<Int(fields[1])! + Int(fields[2])!)
                #expect(try Issue(json: JSONParser.parse(line)).id == String(fields[0]))
            }
        }
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
    }

    @Test("show reads only the issue's line when the index answers")
    func showReadsOneLine() throws {
        let t = try archivedStore()
        // Another line of the same segment spoiled, size unchanged: reading the whole segment
        // would fail, so finding h3 proves only its line was read.
        try spoilLine(of: "h2", in: t)
        #expect(try t.store.issue(id: "h3").customer == "c3")
        #expect(throws: TenBoardError.self) { try t.store.allIssues() }
        #expect(throws: TenBoardError.self) { try t.store.issue(id: "h2") }
        // check reads everything: the spoiled line and the index that no longer matches.
        #expect(throws: TenBoardError.self) { try StoreCheck.run(t.store) }
    }

    @Test("An unknown id is answered from the indexes; with none, from the segments")
    func unknownID() throws {
        let t = try archivedStore()
        #expect(throws: TenBoardError.self) { try t.store.issue(id: "nope") }
        for name in try archiveNames(t) where name.hasSuffix(".idx") {
            try FileManager.default.removeItem(at: t.url.appendingPathComponent("archive/\(name)"))
        }
        #expect(try t.store.issue(id: "h40").customer == "c40")
        #expect(throws: TenBoardError.self) { try t.store.issue(id: "nope") }
    }

    @Test("A stale index is not believed: its line is checked, and check names it")
    func staleIndex() throws {
        let t = try archivedStore()
        let name = try #require(try t.store.snapshot().segments.first)
        let indexName = "archive/\(ArchiveIndex.name(forSegment: name))"
        // Swap the offsets of h1 and h2: same size, wrong lines.
        var lines = String(decoding: try t.bytes(indexName), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let h1 = try #require(lines.firstIndex { $0.hasPrefix("h1\t") }), h2 = try #require(lines.firstIndex { $0.hasPrefix("h2\t") })
        let (a, b) = (lines[h1].split(separator: "\t"), lines[h2].split(separator: "\t"))
        lines[h1] = "h1\t\(b[1])\t\(b[2])"
        lines[h2] = "h2\t\(a[1])\t\(a[2])"
        try t.write(lines.joined(separator: "\n"), to: indexName)
        #expect(try t.store.issue(id: "h1").customer == "c1")
        #expect(try t.store.issue(id: "h2").customer == "c2")
        let problems = try StoreCheck.run(t.store).problems
        #expect(problems.count == 1 && problems[0].contains(ArchiveIndex.name(forSegment: name)))
        // Reopening through the stale index takes the right line, and the new generation's index is right.
        try t.store.reopen(id: "h2", at: instant("2026-12-15T08:30:00+01:00"))
        #expect(try t.store.snapshot().issues.contains { $0.id == "h2" && $0.isOpen })
        #expect(try t.store.allIssues().filter { $0.id == "h1" }.count == 1)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
    }

    @Test("reopen takes the issue back without writing the archive: segment and index stay as they are, its line left out by readers")
    func reopenTakesBack() throws {
        let t = try archivedStore()
        let before = try t.store.snapshot().segments
        let files = try archiveNames(t)
        var bytes: [String: Data] = [:]
        for name in files { bytes[name] = try t.bytes("archive/\(name)") }
        try t.store.reopen(id: "h5", at: instant("2026-12-15T08:30:00+01:00"))
        let state = try t.store.snapshot()
        #expect(state.segments == before)
        #expect(state.takenBack == [before[0]: ["h5"]])
        #expect(try t.store.issue(id: "h5").isOpen)
        #expect(try t.store.issue(id: "h6").customer == "c6")
        try t.store.add(customer: "n", summary: "n", receivedAt: instant("2026-12-15T08:40:00+01:00"), at: instant("2026-12-15T08:40:00+01:00"))
        #expect(try archiveNames(t) == files)
        for name in files { #expect(try t.bytes("archive/\(name)") == bytes[name], "\(name)") }
        #expect(try t.store.allIssues().filter { $0.id == "h5" }.count == 1)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
    }

    @Test("A segment without an index (a store from before indexes) is read whole and given one")
    func rebuiltOnReopen() throws {
        let t = try archivedStore()
        for name in try archiveNames(t) where name.hasSuffix(".idx") {
            try FileManager.default.removeItem(at: t.url.appendingPathComponent("archive/\(name)"))
        }
        #expect(try StoreCheck.run(t.store).problems.isEmpty, "a missing index is no problem")
        try t.store.reopen(id: "h35", at: instant("2026-12-15T08:30:00+01:00"))
        // Segments the search went through got their index back; the rewritten one has its own.
        let segments = try t.store.snapshot().segments
        let names = try archiveNames(t)
        #expect(names.contains(ArchiveIndex.name(forSegment: segments[1])))
        #expect(try t.bytes("archive/\(ArchiveIndex.name(forSegment: segments[1]))") == ArchiveIndex.build(try t.bytes("archive/\(segments[1])")))
        #expect(try t.store.issue(id: "h35").isOpen)
    }

    @Test("reopen looks the issue up before taking the lock: an unknown id is refused while another holds it")
    func lookUpWithoutTheLock() throws {
        let t = try archivedStore()
        // Another holder of the store's lock (flock: another open file conflicts, also in this process).
        let other = try LockFile(in: t.url, name: StoreLock.fileName)
        #expect(try other.tryLock())
        let start = Date()
        let refused = HostileInputTests.rejected { try t.store.reopen(id: "nope", at: instant("2026-12-15T08:30:00+01:00")) }
        #expect(refused?.exitCode == .noInput, "66 at once, not 75 after the lock's timeout")
        #expect(Date().timeIntervalSince(start) < StoreLock.defaultTimeout / 2)
        // Once the other lets go, the archived issue is changed, once.
        other.unlock()
        let reopened = try t.store.reopen(id: "h5", at: instant("2026-12-15T08:30:00+01:00"))
        #expect(reopened.isOpen)
        #expect(try t.store.snapshot().issues.contains { $0.id == "h5" && $0.isOpen })
        #expect(try t.store.allIssues().filter { $0.id == "h5" }.count == 1)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
    }

    @Test("A change that looked an issue up finds the store changed under the lock and looks again")
    func lookUpAgainAfterAChange() throws {
        let t = try archivedStore()
        // Reopened by someone else after the look-up: the change finds it in the hot file.
        let before = try t.store.loadStamped()
        try t.store.reopen(id: "h7", at: instant("2026-12-15T08:30:00+01:00"))
        var found: TenBoardCore.Issue?
        try t.store.update(at: instant("2026-12-15T08:31:00+01:00"), reusing: before) { state in
            found = state.issues.first { $0.id == "h7" }
        }
        #expect(found?.isOpen == true, "the stale state read before the reopen was not used")
        // Resolved and assigned through the archive in turn: every change lands once.
        try t.store.resolve(id: "h7", by: "ann", action: nil, at: instant("2026-12-15T08:32:00+01:00"))
        try t.store.assign(id: "h8", to: "bob", at: instant("2026-12-15T08:33:00+01:00"))
        #expect(try t.store.issue(id: "h8").assignee == "bob")
        #expect(try t.store.allIssues().filter { $0.id == "h8" || $0.id == "h7" }.count == 2)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
    }

    @Test("A segment whose every issue was taken back is written anew by the next archiving of its month; the old generation and its index go")
    func lastIssueLeaves() throws {
        let t = try archivedStore(count: 1)
        let name = try #require(try t.store.snapshot().segments.first)
        try t.store.reopen(id: "h1", at: instant("2026-12-15T08:30:00+01:00"))
        #expect(try t.store.allIssues().map(\.isOpen) == [true])
        try t.store.resolve(id: "h1", by: "ann", action: nil, at: instant("2026-12-15T08:35:00+01:00"))
        let later = IssueStore(directory: t.url, archiveAfterMornings: 1, clock: { instant("2026-12-18T09:00:00+01:00") })
        try later.add(customer: "n", summary: "n", receivedAt: instant("2026-12-18T08:40:00+01:00"), at: instant("2026-12-18T08:40:00+01:00"))
        let state = try later.snapshot()
        #expect(state.takenBack.isEmpty && state.segments.count == 1 && state.segments[0] != name)
        #expect(try later.allIssues().filter { $0.id == "h1" }.map(\.resolvedBy) == ["ann"])
        try later.add(customer: "m", summary: "m", receivedAt: instant("2026-12-18T08:45:00+01:00"), at: instant("2026-12-18T08:45:00+01:00"))
        #expect(!(try archiveNames(t)).contains(name))
        #expect(!(try archiveNames(t)).contains(ArchiveIndex.name(forSegment: name)))
        #expect(try StoreCheck.run(later, full: true).problems.isEmpty)
    }

    @Test("An index a killed writer left without its segment goes with the next change")
    func orphanIndex() throws {
        let t = try archivedStore()
        try t.write("tenboard-archive-index 1 0 0000000000000000\n", to: "archive/2019-01.4.idx")
        try t.store.add(customer: "n", summary: "n", receivedAt: instant("2026-12-15T08:40:00+01:00"), at: instant("2026-12-15T08:40:00+01:00"))
        #expect(!(try archiveNames(t)).contains("2019-01.4.idx"))
        #expect(try archiveNames(t).count == 4)
    }

    @Test("export copies lines its index vouches for, and still refuses a damaged segment")
    func exportChecksum() throws {
        let t = try archivedStore()
        var exported = Data()
        try t.store.export(jsonLines: true) { exported.append($0) }
        let records = try ImportRecord.parse(exported, name: "export")
        #expect(records.count == 40)
        // Same size, other bytes: the checksum no longer matches, the segment is parsed, and fails.
        try spoilLine(of: "h7", in: t)
        #expect { try t.store.export(jsonLines: true) { _ in } } throws: {
            ($0 as? TenBoardError)?.exitCode == .dataError
        }
    }

    @Test("export --jsonl streams a segment its index vouches for: the same bytes, in pieces")
    func exportStreams() throws {
        // About 1.3 MB of one month: more than one 1 MiB piece.
        let t = TempStore(clock: { instant("2026-12-15T09:00:00+01:00") })
        var records: [ImportRecord] = []
        for n in 1...6_000 {
            let json = #"{"id":"h\#(n)","customer":"customer \#(n) with a longer name","summary":"\#(String(repeating: "s", count: 120))","receivedAt":"2025-03-\#(String(format: "%02d", n % 28 + 1))T07:00:00+01:00","status":"resolved","resolvedAt":"2025-03-\#(String(format: "%02d", n % 28 + 1))T09:00:00+01:00"}"#
            records.append(ImportRecord(position: .record(n), json: try JSONParser.parse(Data(json.utf8))))
        }
        try t.store.importIssues(records, name: "history", at: instant("2026-12-15T08:00:00+01:00"))
        let segments = try t.store.snapshot().segments
        #expect(segments.count == 1)
        let segment = try t.bytes("archive/\(segments[0])")
        #expect(segment.count > 1 << 20)
        var exported = Data()
        var pieces = 0
        try t.store.export(jsonLines: true) { exported.append($0); pieces += 1 }
        #expect(exported == segment, "the hot file holds nothing here: the export is the segment")
        #expect(pieces >= 2)
        // Copied by the kernel into a file once checked (sendfile): the same bytes.
        #expect(try exportSent(t) == segment)
        // The same store as a JSON array: every record, parsed.
        var array = Data()
        try t.store.export(jsonLines: false) { array.append($0) }
        #expect(try ImportRecord.parse(array, name: "export").count == 6_000)
    }

    @Test("reopen from a segment its index no longer vouches for leaves no index vouching for damaged bytes")
    func reopenFromDamagedSegment() throws {
        let t = try archivedStore()
        // Same size, other bytes: the index's offsets still fit, its checksum does not.
        try spoilLine(of: "h7", in: t)
        try t.store.reopen(id: "h5", at: instant("2026-12-15T08:30:00+01:00"))
        #expect(try t.store.issue(id: "h5").isOpen)
        #expect { try t.store.export(jsonLines: true) { _ in } } throws: {
            ($0 as? TenBoardError)?.exitCode == .dataError
        }
        #expect { try StoreCheck.run(t.store) } throws: { ($0 as? TenBoardError)?.exitCode == .dataError }
    }

    @Test("export --jsonl writes nothing of a damaged segment, whether read once whole or twice in pieces")
    func exportDamagedAfterGood() throws {
        let t = try archivedStore()
        let segments = try t.store.snapshot().segments
        #expect(segments.count == 2)
        let good = try t.bytes("archive/\(segments[0])")
        try spoilLine(of: "h35", in: t)
        #expect(try t.bytes("archive/\(segments[1])").contains(UInt8(ascii: "x")))
        var written = Data()
        #expect { try t.store.export(jsonLines: true) { written.append($0) } } throws: {
            ($0 as? TenBoardError)?.exitCode == .dataError && ($0 as? TenBoardError)?.message.contains(segments[1]) == true
        }
        #expect(written == good, "the good segment, then nothing of the damaged one")
        // Copied by the kernel into a file (sendfile): the same.
        #expect(try exportSent(t, expectingFailure: true) == good)
    }

    @Test("The checksum and the line check give the same answer in pieces as whole")
    func piecewise() {
        var random = SeededRandom(seed: 17)
        for _ in 0..<200 {
            var bytes = (0..<random.below(300)).map { _ in random.pick(Array("{}ab\n".utf8)) }
            if random.chance(50) { bytes = Array("{\"a\":1}\n{\"b\":2}\n".utf8) + bytes }
            let data = Data(bytes)
            var sum = ArchiveIndex.Checksum(count: data.count)
            var lines = JSONLinesText.ObjectLines()
            var start = 0
            while start < data.count {
                // Pieces of any length: a word may begin in one and end in the next.
                let end = min(data.count, start + random.below(20))
                data[start..<end].withUnsafeBytes { sum.add($0); lines.add($0) }
                start = end
            }
            #expect(sum.value == ArchiveIndex.checksum(data))
            #expect(lines.isComplete == JSONLinesText.isEveryLineAnObject(data), "\(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test("The id found without a parse is the object's own, not a nested or a value one")
    func topLevelID() {
        func id(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes { ArchiveIndex.topLevelID($0) }
        }
        #expect(id(#"{"a":{"id":"inner"},"b":["id","x"],"c":"id","id":"real"}"#) == "real")
        #expect(id(#"{"note":"say \"id\":\"fake\"","id":"7"}"#) == "7")
        #expect(id(#"{"x":[1,2],"y":"id"}"#) == nil)
        #expect(id(#"{"id":"a\"b"}"#) == nil, "escaped: left to the parser")
        let escaped = #"{"id":"a\"b","customer":"c"}"#
        #expect(ArchiveIndex.build(Data(escaped.utf8)).map { String(decoding: $0, as: UTF8.self).hasSuffix("\na\"b\t0\t\(escaped.utf8.count)\n") } == true)
    }

    @Test("Lines are split at each newline with their number and offset, whatever surrounds them")
    func lines() {
        var seen: [String] = []
        JSONLinesText.forEachLine(in: Data("a\r\n\n  \nbc\nd".utf8)) { line in
            seen.append("\(line.number)@\(line.offset):\(String(decoding: line.bytes, as: UTF8.self))\(line.isBlank ? " blank" : "")")
        }
        #expect(seen == ["1@0:a\r", "2@3: blank", "3@4:   blank", "4@7:bc", "5@10:d"])
        seen = []
        JSONLinesText.forEachLine(in: Data("x\n".utf8)) { seen.append("\($0.number):\($0.isBlank)") }
        #expect(seen == ["1:false", "2:true"])
    }
}
