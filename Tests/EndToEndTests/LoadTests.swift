import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// The store under the load of a team: several real `tenboard` processes changing it at once
/// while the wall keeps reading it.
@Suite("Load: concurrent writers and a reader", .serialized)
struct LoadTests {
    /// One writer: a shell loop of real commands on its own issues, logging every command with its
    /// exit status. Cycle of five: add, assign, resolve, reopen, then resolve again or unassign the
    /// previous issue, so every command is a real change.
    static let worker = #"""
        i=0; last=""; prev=""
        while [ $i -lt "$N" ]; do
          i=$((i + 1))
          case $((i % 5)) in
          1) id=$("$BIN" add --customer "w$W-$i" --summary "load $W $i" 2>>"$ERR"); rc=$?
             if [ $rc -eq 0 ]; then prev=$last; last=$id; fi
             echo "add $id w$W-$i $rc" >>"$LOG" ;;
          2) "$BIN" assign "$last" "lead$W-$i" >/dev/null 2>>"$ERR"; echo "assign $last lead$W-$i $?" >>"$LOG" ;;
          3) "$BIN" resolve "$last" --by "w$W-$i" >/dev/null 2>>"$ERR"; echo "resolve $last w$W-$i $?" >>"$LOG" ;;
          4) "$BIN" reopen "$last" >/dev/null 2>>"$ERR"; echo "reopen $last - $?" >>"$LOG" ;;
          0) if [ $(( (i / 5) % 2 )) -eq 0 ]; then
               "$BIN" resolve "$last" --by "w$W-$i" >/dev/null 2>>"$ERR"; echo "resolve $last w$W-$i $?" >>"$LOG"
             else
               target=${prev:-$last}
               "$BIN" assign "$target" --none >/dev/null 2>>"$ERR"; echo "assign $target - $?" >>"$LOG"
             fi ;;
          esac
        done
        """#

    /// The wall's view: reads issues.json without a lock as fast as it reasonably can, and every
    /// twentieth time runs `tenboard list --json`; any invalid read is recorded.
    static let reader = #"""
        import json, os, subprocess, sys, time
        path, stop, result, binary = sys.argv[1:5]
        reads = invalid = lists = list_failures = 0
        last_revision = -1
        problems = []
        n = 0
        while not os.path.exists(stop):
            n += 1
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except FileNotFoundError:
                time.sleep(0.005)
                continue
            reads += 1
            try:
                doc = json.loads(data)
                assert doc["format"] == "tenboard-store", "format"
                assert isinstance(doc["issues"], list), "issues"
                revision = doc["revision"]
                if revision < last_revision:
                    problems.append(f"revision went back from {last_revision} to {revision}")
                last_revision = revision
            except Exception as e:
                invalid += 1
                problems.append(f"invalid read of {len(data)} bytes: {e!r}"[:300])
            if n % 20 == 0:
                p = subprocess.run([binary, "list", "--json"], capture_output=True)
                lists += 1
                try:
                    assert p.returncode == 0, f"exit {p.returncode}: {p.stderr[:200]!r}"
                    assert isinstance(json.loads(p.stdout), list)
                except Exception as e:
                    list_failures += 1
                    problems.append(f"list --json: {e!r}"[:300])
            time.sleep(0.002)
        with open(result, "w") as f:
            json.dump({"reads": reads, "invalid": invalid, "lists": lists, "listFailures": list_failures,
                       "lastRevision": last_revision, "problems": problems[:20]}, f)
        """#

    struct Expected {
        var customer: String
        var status = "open"
        var assignee: String?
        var resolvedBy: String?
    }

    @Test("8 processes × 200 changes while a reader reads: nothing lost, ids unique, check passes, every read valid")
    func eightWritersAndAReader() throws {
        let python = try #require(FaultKit.python, "python3 is needed for the reader")
        let writers = 8
        let changes = Int(ProcessInfo.processInfo.environment["TENBOARD_LOAD_CHANGES"] ?? "") ?? 200
        let dir = try TenBoardBinary.temporaryDirectory("load")
        defer { try? FileManager.default.removeItem(at: dir) }
        let storeDir = dir.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": storeDir.path, "HOME": dir.path]
        let stop = dir.appendingPathComponent("stop").path
        let readerResult = dir.appendingPathComponent("reader.json").path
        let readerScript = dir.appendingPathComponent("reader.py").path
        try LoadTests.reader.write(toFile: readerScript, atomically: true, encoding: .utf8)

        let start = Date()
        let reader = try ChildProcess(
            python, [readerScript, storeDir.appendingPathComponent("issues.json").path, stop, readerResult, TenBoardBinary.path],
            environment: TenBoardBinary.environment(env))
        var workers: [ChildProcess] = []
        for w in 1...writers {
            workers.append(try ChildProcess("/bin/sh", ["-c", LoadTests.worker], environment: TenBoardBinary.environment(env.merging([
                "BIN": TenBoardBinary.path, "W": "\(w)", "N": "\(changes)",
                "LOG": dir.appendingPathComponent("log-\(w)").path, "ERR": dir.appendingPathComponent("err-\(w)").path,
            ]) { $1 })))
        }
        // Bounded: a hung writer fails the test instead of hanging it.
        let limit = Date().addingTimeInterval(600)
        while workers.contains(where: { $0.isRunning }) && Date() < limit { usleep(50_000) }
        let timedOut = workers.contains { $0.isRunning }
        for w in workers where w.isRunning { w.kill9() }
        for w in workers { #expect(w.wait() == 0) }
        let writeTime = FaultKit.ms(since: start)
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        #expect(reader.wait() == 0, "reader: \(reader.stderrText)")
        #expect(!timedOut, "the writers did not finish in 600 s")

        // Replay every acknowledged command (exit 0) into what the store must hold.
        var expected: [String: Expected] = [:]
        var acknowledged = 0, failed: [String] = []
        var addedIDs: [String] = []
        for w in 1...writers {
            let log = try String(contentsOf: dir.appendingPathComponent("log-\(w)"), encoding: .utf8)
            let lines = log.split(separator: "\n")
            #expect(lines.count == changes, "worker \(w) logged \(lines.count) commands")
            for line in lines {
                let f = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                guard f.count == 4 else { failed.append("worker \(w): odd log line '\(line)'"); continue }
                let (op, id, arg, status) = (f[0], f[1], f[2], f[3])
                guard status == "0" else {
                    failed.append("worker \(w): \(op) \(id) exited \(status)")
                    continue
                }
                acknowledged += 1
                switch op {
                case "add":
                    addedIDs.append(id)
                    #expect(expected[id] == nil, "id \(id) handed out twice")
                    expected[id] = Expected(customer: arg)
                case "assign": expected[id]?.assignee = arg == "-" ? nil : arg
                case "resolve": expected[id]?.status = "resolved"; expected[id]?.resolvedBy = arg
                case "reopen": expected[id]?.status = "open"; expected[id]?.resolvedBy = nil
                default: failed.append("worker \(w): unknown op \(op)")
                }
            }
        }
        var stderrText = ""
        for w in 1...writers {
            stderrText += (try? String(contentsOf: dir.appendingPathComponent("err-\(w)"), encoding: .utf8)) ?? ""
        }
        #expect(failed.isEmpty, "\(failed.prefix(10)) \(stderrText.prefix(2000))")
        #expect(acknowledged == writers * changes)

        // Every acknowledged change is in the store, and nothing else.
        let (byID, count) = try FaultKit.exportedIssues(env)
        #expect(count == byID.count, "ids are unique in the export")
        #expect(count == addedIDs.count)
        #expect(Set(addedIDs).count == addedIDs.count)
        var mismatches: [String] = []
        for (id, want) in expected {
            guard let got = byID[id] else { mismatches.append("\(id) missing"); continue }
            if got["customer"] as? String != want.customer { mismatches.append("\(id) customer") }
            if got["status"] as? String != want.status { mismatches.append("\(id) status \(got["status"] ?? "?") ≠ \(want.status)") }
            if got["assignee"] as? String != want.assignee { mismatches.append("\(id) assignee \(got["assignee"] ?? "nil") ≠ \(want.assignee ?? "nil")") }
            if got["resolvedBy"] as? String != want.resolvedBy { mismatches.append("\(id) resolvedBy") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")

        // No update lost: every change raised the revision by exactly one.
        let hot = try JSONSerialization.jsonObject(with: Data(contentsOf: storeDir.appendingPathComponent("issues.json"))) as? [String: Any]
        #expect(hot?["revision"] as? Int == acknowledged)
        let check = try TenBoardBinary.run(["check"], environment: env)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")

        // The reader never saw an invalid file.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: readerResult))) as? [String: Any])
        let reads = report["reads"] as? Int ?? 0
        #expect(reads > 50, "the reader read \(reads) times")
        #expect(report["invalid"] as? Int == 0, "\(report["problems"] ?? "")")
        #expect(report["listFailures"] as? Int == 0, "\(report["problems"] ?? "")")
        #expect((report["problems"] as? [Any])?.isEmpty == true, "\(report["problems"] ?? "")")
        print("load: \(writers) processes × \(changes) changes = \(acknowledged) acknowledged in \(writeTime) ms; reader: \(reads) reads of issues.json, \(report["lists"] ?? 0) list --json, \(report["invalid"] ?? "?") invalid; revision \(hot?["revision"] ?? "?")")
    }

    @Test("Readers of the archive (export, show, list --all, check) while writers unarchive and archive: every read complete")
    func archiveReadersDuringArchiving() throws {
        let dir = try TenBoardBinary.temporaryDirectory("archive-readers")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path]
        // 300 resolved issues received 60 to 160 days ago: all in the archive after the import.
        let now = Date()
        var records: [String] = []
        for n in 0..<300 {
            let received = now.addingTimeInterval(-Double(60 + n / 3) * 86_400)
            records.append(#"{"id": "h\#(n)", "customer": "c\#(n)", "summary": "s", "receivedAt": "\#(FaultKit.rfc3339(received))", "status": "resolved", "resolvedAt": "\#(FaultKit.rfc3339(received.addingTimeInterval(3600)))"}"#)
        }
        let file = dir.appendingPathComponent("history.json")
        try ("[" + records.joined(separator: ",\n") + "]").write(to: file, atomically: true, encoding: .utf8)
        let imported = try TenBoardBinary.run(["import", file.path], environment: env)
        try #require(imported.status == 0, "\(imported.stderr)")
        // Writers: reopen an archived issue (its month segment is rewritten), then resolve it as
        // helped 50 days ago (before the archive horizon, after it came in: it goes back, another
        // rewrite). A change is never dated in the future.
        let later = FaultKit.rfc3339(now.addingTimeInterval(-50 * 86_400))
        let writer = #"""
            i=$START
            while [ $i -lt $END ]; do
              "$BIN" reopen "h$i" >/dev/null || echo "reopen h$i failed" >>"$ERR"
              "$BIN" resolve "h$i" --by w --at "$LATER" >/dev/null || echo "resolve h$i failed" >>"$ERR"
              i=$((i + 1))
            done
            """#
        let reader = #"""
            rounds=0
            while [ ! -e "$STOP" ] && [ $rounds -lt 500 ]; do
              rounds=$((rounds + 1))
              n=$("$BIN" export --jsonl 2>>"$ERR" | wc -l); [ "$n" -eq 300 ] || echo "export gave $n issues" >>"$ERR"
              "$BIN" show h150 >/dev/null 2>>"$ERR" || echo "show failed" >>"$ERR"
              n=$("$BIN" list --all --json 2>>"$ERR" | grep -c '"id"'); [ "$n" -eq 300 ] || echo "list --all gave $n" >>"$ERR"
              "$BIN" check >/dev/null 2>>"$ERR" || echo "check failed" >>"$ERR"
            done
            echo $rounds >"$ROUNDS"
            """#
        let stop = dir.appendingPathComponent("stop").path
        let errors = dir.appendingPathComponent("errors").path
        let rounds = dir.appendingPathComponent("rounds").path
        let shared = env.merging(["BIN": TenBoardBinary.path, "ERR": errors, "STOP": stop, "ROUNDS": rounds, "LATER": later]) { $1 }
        let start = Date()
        let readerChild = try ChildProcess("/bin/sh", ["-c", reader], environment: TenBoardBinary.environment(shared))
        let writers = try [(0, 30), (150, 180)].map { range in
            try ChildProcess("/bin/sh", ["-c", writer], environment: TenBoardBinary.environment(shared.merging(["START": "\(range.0)", "END": "\(range.1)"]) { $1 }))
        }
        for w in writers { #expect(w.wait() == 0) }
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        #expect(readerChild.wait() == 0)
        let problems = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let done = Int((try? String(contentsOfFile: rounds, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        #expect(done > 5, "the reader read \(done) rounds")
        #expect(problems.isEmpty, "\(problems.prefix(3000))")
        #expect(try TenBoardBinary.run(["check"], environment: env).status == 0)
        print("archive readers: \(done) rounds of export + show + list --all + check during 120 archiving writes in \(FaultKit.ms(since: start)) ms, \(problems.split(separator: "\n").count) failed reads")
    }
}
