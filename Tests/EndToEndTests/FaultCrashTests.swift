import Foundation
import Testing
import TenBoardCore
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// `kill -9` at random moments during a long run of real writes, archiving included: the store
/// always loads, every change whose command exited 0 is there, a killed change is there whole
/// or not at all, and what a killed writer leaves behind breaks nothing.
@Suite("Faults: kill -9 during writes and archiving", .serialized)
struct FaultCrashTests {
    /// What the test knows of one issue.
    struct Known: Equatable {
        var status: String
        var assignee: String?
        var resolvedBy: String?
    }

    typealias Model = [String: Known]

    static func actual(_ env: [String: String]) throws -> Model {
        let (byID, count) = try FaultKit.exportedIssues(env)
        guard count == byID.count else { throw FaultError("the export repeats an id (\(count) issues, \(byID.count) ids)") }
        return byID.mapValues {
            Known(status: $0["status"] as? String ?? "?", assignee: $0["assignee"] as? String, resolvedBy: $0["resolvedBy"] as? String)
        }
    }

    static func describe(_ a: Model, _ b: Model) -> String {
        var lines: [String] = []
        for id in Set(a.keys).union(b.keys).sorted() where a[id] != b[id] {
            lines.append("\(id): \(a[id].map { "\($0)" } ?? "absent") / \(b[id].map { "\($0)" } ?? "absent")")
            if lines.count == 8 { break }
        }
        return lines.joined(separator: "; ")
    }

    /// An import file of resolved history: `count` issues received `daysAgo` days ago and before.
    static func history(prefix: String, count: Int, daysAgo: ClosedRange<Int>, now: Date) -> (text: String, issues: Model, received: [String: Date]) {
        var records: [String] = []
        var issues: Model = [:]
        var receivedAt: [String: Date] = [:]
        for n in 0..<count {
            let days = Double(daysAgo.lowerBound) + Double(daysAgo.upperBound - daysAgo.lowerBound) * Double(n) / Double(max(1, count - 1))
            let received = now.addingTimeInterval(-days * 86_400)
            let id = "\(prefix)\(n)"
            records.append(#"{"id": "\#(id)", "customer": "hist \#(n)", "summary": "s", "receivedAt": "\#(FaultKit.rfc3339(received))", "status": "resolved", "resolvedAt": "\#(FaultKit.rfc3339(received.addingTimeInterval(3600)))", "resolvedBy": "old", "x-crm": \#(n)}"#)
            issues[id] = Known(status: "resolved", assignee: nil, resolvedBy: "old")
            receivedAt[id] = received
        }
        return ("[\n" + records.joined(separator: ",\n") + "\n]\n", issues, receivedAt)
    }

    @Test("kill -9 at random moments during adds, resolves (archiving), reopens (unarchiving), assigns and imports")
    func killNineDuringWrites() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["TENBOARD_CRASH_SEED"] ?? "") ?? 20261124
        let operations = Int(ProcessInfo.processInfo.environment["TENBOARD_CRASH_OPS"] ?? "") ?? 400
        var rng = SeededRandom(seed: seed)
        let dir = try TenBoardBinary.temporaryDirectory("crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": store.path, "HOME": dir.path]
        let now = Date()
        let start = Date()

        // History over the last 120 days: the older part goes straight to the archive.
        let initial = FaultCrashTests.history(prefix: "h", count: 400, daysAgo: 2...120, now: now)
        let initialFile = dir.appendingPathComponent("initial.json")
        try initial.text.write(to: initialFile, atomically: true, encoding: .utf8)
        let imported = try TenBoardBinary.run(["import", initialFile.path], environment: env)
        try #require(imported.status == 0, "\(imported.stderr)")
        var model = initial.issues
        var received = initial.received
        #expect(try FaultCrashTests.actual(env) == model)

        var averageMs = 80.0        // of commands that ran to the end; kills land within ~1.3× of it
        var kills = 0, killedApplied = 0, killedNotApplied = 0, finishedAnyway = 0
        var leftoverTemps = 0, unnamedSegmentsSeen = Set<String>(), archivingKills = 0
        var failures: [String] = []

        for op in 0..<operations {
            let open = model.filter { $0.value.status == "open" }.keys.sorted()
            let resolved = model.filter { $0.value.status == "resolved" }.keys.sorted()
            var after = model
            var args: [String]
            var addedCustomer: String?
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll < 30 || open.isEmpty {
                addedCustomer = "k\(op)"
                args = ["add", "--customer", "k\(op)", "--summary", "crash test \(op)"]
            } else if roll < 60 {
                let id = open.randomElement(using: &rng)!
                // An hour after it came in (never in the future): a reopened old issue goes back
                // to the archive with this change, so the archive keeps moving.
                let at = FaultKit.rfc3339(min(Date(), (received[id] ?? Date()).addingTimeInterval(3600)))
                args = ["resolve", id, "--by", "r\(op)", "--at", at]
                after[id] = Known(status: "resolved", assignee: model[id]!.assignee, resolvedBy: "r\(op)")
            } else if roll < 75, !resolved.isEmpty {
                let id = resolved.randomElement(using: &rng)!
                args = ["reopen", id]
                after[id] = Known(status: "open", assignee: model[id]!.assignee, resolvedBy: nil)
            } else if roll < 90 {
                let id = model.keys.sorted().randomElement(using: &rng)!
                args = ["assign", id, "a\(op)"]
                after[id]!.assignee = "a\(op)"
            } else {
                // Old history (straight to the archive, rewriting month segments) and some recent.
                let batch = FaultCrashTests.history(prefix: "i\(op)-", count: 30, daysAgo: 1...300, now: now)
                let file = dir.appendingPathComponent("import-\(op).json")
                try batch.text.write(to: file, atomically: true, encoding: .utf8)
                args = ["import", file.path]
                after.merge(batch.issues) { $1 }
                received.merge(batch.received) { $1 }
            }

            let segmentsBefore = Set(FaultKit.files(in: store.appendingPathComponent("archive")).keys)
            let killIt = Bool.random(using: &rng)
            let delay = UInt32(Double.random(in: 0...(averageMs * 1.3), using: &rng) * 1000)
            let began = Date()
            let child = try ChildProcess(TenBoardBinary.path, args, environment: TenBoardBinary.environment(env))
            if killIt {
                usleep(delay)
                child.kill9()
            }
            let status = child.wait()
            if status == 0 {
                if !killIt { averageMs = averageMs * 0.9 + Double(FaultKit.ms(since: began)) * 0.1 } else { finishedAnyway += 1 }
                if addedCustomer != nil {
                    let id = child.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
                    if after[id] != nil { failures.append("op \(op): add handed out \(id), which exists") }
                    after[id] = Known(status: "open")
                    received[id] = began
                }
                model = after
                // An acknowledged change is checked at once when it follows a kill, else every 20.
                if op % 20 == 0 {
                    let got = try FaultCrashTests.actual(env)
                    if got != model { failures.append("op \(op) \(args[0]): acknowledged change missing: \(FaultCrashTests.describe(model, got))") }
                }
                continue
            }
            guard killIt, status == 128 + SIGKILL else {
                failures.append("op \(op) \(args.joined(separator: " ")): exit \(status): \(child.stderrText)")
                continue
            }
            kills += 1
            // What the killed writer left: temporary files, a segment no hot file names.
            let names = FaultKit.files(in: store).keys
            leftoverTemps += names.filter { $0.contains(AtomicFile.temporaryPrefix) }.count
            let segmentsNow = Set(FaultKit.files(in: store.appendingPathComponent("archive")).keys)
            if segmentsNow != segmentsBefore { archivingKills += 1 }

            // The store loads and checks, and the killed change is there whole or not at all.
            let check = try TenBoardBinary.run(["check"], environment: env)
            if check.status != 0 { failures.append("op \(op): after kill -9 of \(args[0]), check exited \(check.status): \(check.stderr)") }
            let got = try FaultCrashTests.actual(env)
            var applied = got == after
            if let addedCustomer {
                // The new id is not known: the issue is there once, with that customer, or not at all.
                let (byID, _) = try FaultKit.exportedIssues(env)
                let new = byID.filter { $0.value["customer"] as? String == addedCustomer }.map(\.key)
                if new.count == 1 {
                    after[new[0]] = Known(status: "open")
                    applied = got == after
                } else if new.count > 1 {
                    failures.append("op \(op): the killed add is there \(new.count) times")
                }
            }
            if applied {
                killedApplied += 1
                model = after
            } else if got == model {
                killedNotApplied += 1
            } else {
                failures.append("op \(op): after kill -9 of \(args.joined(separator: " ")) the store is neither before nor after: \(FaultCrashTests.describe(model, got))")
                model = got // carry on from what is there, to find more
            }
            var named = Set<String>()
            for file in ["issues.json", "issues.json.bak"] {
                if let data = try? Data(contentsOf: store.appendingPathComponent(file)),
                   let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let names = doc["archive"] as? [String] {
                    named.formUnion(names)
                }
            }
            unnamedSegmentsSeen.formUnion(segmentsNow.filter { $0.hasSuffix(".jsonl") }.subtracting(named))
            if failures.count > 10 { break }
        }

        // One more change cleans up: no temporary files, and the archive is what the hot file
        // names, plus what issues.json.bak names should that change have archived (the
        // generation it replaced stays for a restore of the .bak, until the change after it).
        let last = try TenBoardBinary.run(["add", "--customer", "last", "--summary", "s"], environment: env)
        #expect(last.status == 0, "\(last.stderr)")
        model[last.stdout.trimmingCharacters(in: .whitespacesAndNewlines)] = Known(status: "open")
        let finalFiles = FaultKit.files(in: store).keys
        #expect(finalFiles.filter { $0.contains(AtomicFile.temporaryPrefix) }.isEmpty, "\(finalFiles.sorted())")
        func segments(_ file: String) throws -> Set<String> {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: store.appendingPathComponent(file))) as? [String: Any])
            return Set((doc["archive"] as? [String] ?? []).map { "archive/" + $0 })
        }
        let named = try segments("issues.json")
        let onDisk = Set(finalFiles.filter { $0.hasPrefix("archive/") && $0.hasSuffix(".jsonl") })
        // Each segment file has its index beside it, and no index outlives its segment.
        let indexes = Set(finalFiles.filter { $0.hasPrefix("archive/") && $0.hasSuffix(".idx") })
        #expect(indexes == Set(onDisk.map { String($0.dropLast(".jsonl".count)) + ".idx" }), "\(indexes.sorted()) for \(onDisk.sorted())")
        #expect(named.isSubset(of: onDisk))
        #expect(onDisk.subtracting(named).isSubset(of: try segments("issues.json.bak")),
                "segment files neither the hot file nor its .bak names: \(onDisk.subtracting(named).sorted())")
        #expect(!named.isEmpty, "the run archived")
        let check = try TenBoardBinary.run(["check"], environment: env)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let got = try FaultCrashTests.actual(env)
        #expect(got == model, "\(FaultCrashTests.describe(model, got))")
        #expect(failures.isEmpty, "seed \(seed): \(failures.joined(separator: "\n"))")
        #expect(killedApplied > 0 && killedNotApplied > 0, "kills landed on both sides of the commit")
        print("crash: seed \(seed), \(operations) operations in \(FaultKit.ms(since: start)) ms, \(kills) kill -9 (\(killedApplied) after the commit, \(killedNotApplied) before, \(archivingKills) while writing archive segments), \(finishedAnyway) finished before the kill; \(leftoverTemps) temporary files and \(unnamedSegmentsSeen.count) unnamed segments left by killed writers; \(got.count) issues, \(named.count) segments at the end; \(check.stdout.split(separator: "\n").last ?? "")")
    }

    @Test("Restoring issues.json.bak after a change that rewrote a segment (as the README advises for a damaged hot file) loses no archived issue")
    func restoreBackupAfterArchiving() throws {
        let dir = try TenBoardBinary.temporaryDirectory("restore-bak")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": store.path, "HOME": dir.path]
        let now = Date()
        let history = FaultCrashTests.history(prefix: "h", count: 60, daysAgo: 50...80, now: now)
        let file = dir.appendingPathComponent("history.json")
        try history.text.write(to: file, atomically: true, encoding: .utf8)
        try #require(try TenBoardBinary.run(["import", file.path], environment: env).status == 0)
        // A change that rewrites a segment: reopening an archived issue (a new generation, the old deleted).
        try #require(try TenBoardBinary.run(["reopen", "h0"], environment: env).status == 0)
        // The hot file is damaged; the lead restores the backup (the store before the reopen), then works on.
        let hot = store.appendingPathComponent("issues.json"), bak = store.appendingPathComponent("issues.json.bak")
        try FileManager.default.removeItem(at: hot)
        try FileManager.default.copyItem(at: bak, to: hot)
        for step in ["after restore", "and again"] {
            let add = try TenBoardBinary.run(["add", "--customer", step, "--summary", "s"], environment: env)
            #expect(add.status == 0, "\(add.stderr)")
            // Every segment the restored hot file names is there: the whole history reads back.
            let check = try TenBoardBinary.run(["check"], environment: env)
            #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
            var want = history.issues
            want[step == "after restore" ? "1" : "2"] = Known(status: "open")
            if step == "and again" { want["1"] = Known(status: "open") }
            let got = try FaultCrashTests.actual(env)
            #expect(got == want, "\(FaultCrashTests.describe(want, got))")
        }
    }
}
