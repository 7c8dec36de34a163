import Foundation
import Testing
import TenBoardTestSupport

/// The morning ledger (`mornings.ledger`) through the real binary: a change archives and
/// writes it, `history` reads it, and what it says is always what the archive says, also after
/// a `kill -9` between the archive and the ledger.
@Suite("Morning ledger: archive, then history, through the real binary; kill -9 while archiving", .serialized)
struct LedgerEndToEndTests {
    /// Customers received on each day `days` ago (two a day, working days and weekends alike),
    /// helped the same morning, late, or the next day, by one of three people.
    static func records(_ prefix: String, daysAgo: ClosedRange<Int>, rng: inout SeededRandom) -> String {
        let now = Date()
        var out: [String] = []
        for ago in daysAgo.reversed() {
            for k in 0..<2 {
                let received = now.addingTimeInterval(-Double(ago) * 86_400 + Double(rng.below(6 * 3600)) - 4 * 3600)
                let delay = [1200, 3600, 4 * 3600, 26 * 3600][rng.below(4)]
                let resolved = received.addingTimeInterval(Double(600 + rng.below(delay)))
                let by = ["Ann", "Bram", "Cas"][rng.below(3)]
                out.append(#"{"id": "\#(prefix)\#(ago)-\#(k)", "customer": "Klant \#(ago)", "summary": "s", "receivedAt": "\#(FaultKit.rfc3339(received))", "status": "resolved", "resolvedAt": "\#(FaultKit.rfc3339(resolved))", "resolvedBy": "\#(by)"}"#)
            }
        }
        return "[" + out.joined(separator: ",\n") + "]"
    }

    static func environment(_ dir: URL, store: URL) -> [String: String] {
        ["TENBOARD_STORE": store.path, "HOME": dir.path, "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en"]
    }

    /// `history --json` of every morning, counted from every archived issue: on a copy of the
    /// store without its ledger.
    static func historyWithoutLedger(_ store: URL, dir: URL) throws -> TenBoardBinary.Result {
        let copy = dir.appendingPathComponent("copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: store, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("mornings.ledger"))
        return try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: environment(dir, store: copy))
    }

    @Test("A change archives and writes the ledger; history reads it and says what the archive says; a missing or damaged one is rebuilt, named")
    func archiveThenHistory() throws {
        let dir = try TenBoardBinary.temporaryDirectory("ledger")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let env = Self.environment(dir, store: store)
        let ledger = store.appendingPathComponent("mornings.ledger")
        var rng = SeededRandom(seed: 1714)
        // 200 days of customers up to 2 days ago, added (not imported): the add archives what is old.
        let add = try TenBoardBinary.run(["add", "--json", "-"], environment: env, input: Self.records("h", daysAgo: 2...200, rng: &rng))
        try #require(add.status == 0, "\(add.stderr)")
        #expect(FileManager.default.fileExists(atPath: ledger.path), "the archive step wrote the ledger")

        let first = try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: env)
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count > 130, "every morning of 200 days")
        #expect(rows.contains { $0["verdict"] as? String == "met" } && rows.contains { $0["verdict"] as? String == "missed" })
        #expect(rows.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } >= 2 * 140)
        let counted = try Self.historyWithoutLedger(store, dir: dir)
        #expect(counted.status == 0 && counted.stdout == first.stdout)

        // Missing (a store from before the ledger): rebuilt once, said on stderr.
        try FileManager.default.removeItem(at: ledger)
        let rebuilt = try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: env)
        #expect(rebuilt.status == 0 && rebuilt.stdout == first.stdout)
        #expect(rebuilt.stderr.contains(ledger.path) && rebuilt.stderr.contains("rebuil"), "\(rebuilt.stderr)")
        let again = try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: env)
        #expect(again.stdout == first.stdout && again.stderr.isEmpty, "\(again.stderr)")

        // Damaged: the message names the file and the line; nothing is lost.
        var lines = try String(contentsOf: ledger, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = "{\"morning\": "
        try lines.joined(separator: "\n").write(to: ledger, atomically: true, encoding: .utf8)
        let damaged = try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: env)
        #expect(damaged.status == 0 && damaged.stdout == first.stdout)
        #expect(damaged.stderr.contains(ledger.path + ": line 2"), "\(damaged.stderr)")

        // check reads it and says how many mornings it holds; a damaged one it repairs.
        try "nonsense\n".write(to: ledger, atomically: true, encoding: .utf8)
        let check = try TenBoardBinary.run(["check"], environment: env)
        // What check finds is its report, on stdout (readers running check beside writers that
        // reopen archived issues must not see their stderr fill with it).
        #expect(check.status == 0 && check.stdout.contains(ledger.path + ": line 1") && check.stderr.isEmpty,
                "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("ledger:") && check.stdout.contains("mornings"), "\(check.stdout)")
        let checked = try TenBoardBinary.run(["check"], environment: env)
        #expect(checked.status == 0 && checked.stderr.isEmpty, "\(checked.stderr)")
        #expect(try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: env).stdout == first.stdout)
    }

    @Test("kill -9 at random moments while adds archive old customers: history always says what the archive says, check passes")
    func killNineWhileArchiving() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["TENBOARD_CRASH_SEED"] ?? "") ?? 1417
        var rng = SeededRandom(seed: seed)
        let dir = try TenBoardBinary.temporaryDirectory("ledger-crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let env = Self.environment(dir, store: store)
        let initial = try TenBoardBinary.run(["add", "--json", "-"], environment: env, input: Self.records("a", daysAgo: 301...420, rng: &rng))
        try #require(initial.status == 0, "\(initial.stderr)")
        var averageMs = 60.0
        var kills = 0, stale = 0, applied = 0
        for op in 0..<30 {
            // The next ten days of old customers, in order: each add archives them at once.
            let newest = 291 - op * 9
            let file = dir.appendingPathComponent("batch-\(op).json")
            try Self.records("b\(op)-", daysAgo: newest...(newest + 9), rng: &rng).write(to: file, atomically: true, encoding: .utf8)
            let began = Date()
            let child = try ChildProcess(TenBoardBinary.path, ["add", "--json", file.path], environment: TenBoardBinary.environment(env))
            let killIt = rng.below(3) != 0
            if killIt {
                usleep(UInt32(Double(rng.below(1000)) / 1000 * averageMs * 1.3 * 1000))
                child.kill9()
            }
            let status = child.wait()
            if status == 0 {
                applied += 1
                if !killIt { averageMs = averageMs * 0.8 + Date().timeIntervalSince(began) * 1000 * 0.2 }
            } else {
                #expect(killIt && status == 128 + SIGKILL, "op \(op): exit \(status): \(child.stderrText)")
                kills += 1
            }
            let history = try TenBoardBinary.run(["history", "--json", "--days", "100000"], environment: env)
            let counted = try Self.historyWithoutLedger(store, dir: dir)
            #expect(history.status == 0 && counted.status == 0, "op \(op): \(history.stderr) \(counted.stderr)")
            #expect(history.stdout == counted.stdout, "op \(op): the ledger's history differs from the archive's")
            if history.stderr.contains("does not match") || history.stderr.contains("rebuil") { stale += 1 }
            let check = try TenBoardBinary.run(["check"], environment: env)
            #expect(check.status == 0, "op \(op): check: \(check.stderr)")
        }
        #expect(kills > 5 && applied > 5)
        print("ledger crash: seed \(seed), 30 archiving adds, \(kills) kill -9, \(applied) ran to the end, \(stale) times a stale or missing ledger was rebuilt")
    }
}
