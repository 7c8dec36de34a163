import Foundation
import Testing
import TenBoardTestSupport

/// The store used by several real `tenboard` processes at once, as on a team host.
@Suite("Store under concurrent processes", .serialized)
struct StoreProcessTests {
    @Test("Six processes adding and resolving at once: every change present, ids unique")
    func concurrentProcesses() throws {
        let dir = try TenBoardBinary.temporaryDirectory("procs")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path]
        // Each worker is a shell loop of real commands, so the processes truly interleave.
        let script = """
            set -e
            for i in $(seq 1 15); do
              id=$("$BIN" add --customer "w$W" --summary "issue $i")
              echo "$id" >> "$OUT"
              if [ $((i % 3)) -eq 0 ]; then "$BIN" resolve "$id" --by "w$W" >/dev/null; fi
              if [ $((i % 5)) -eq 0 ]; then "$BIN" assign "$id" "lead$W" >/dev/null; fi
            done
            """
        let workers = try (1...6).map { w in
            try ChildProcess("/bin/sh", ["-c", script], environment: TenBoardBinary.environment(env.merging([
                "BIN": TenBoardBinary.path, "W": "\(w)", "OUT": dir.appendingPathComponent("ids-\(w)").path,
            ]) { $1 }))
        }
        for worker in workers {
            #expect(worker.wait() == 0, "\(worker.stderrText)")
        }
        var acknowledged: [String] = []
        for w in 1...6 {
            acknowledged += try String(contentsOf: dir.appendingPathComponent("ids-\(w)"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
        }
        #expect(acknowledged.count == 90)
        #expect(Set(acknowledged).count == 90, "every id handed out once")
        let export = try TenBoardBinary.run(["export"], environment: env)
        #expect(export.status == 0)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 90)
        #expect(Set(issues.compactMap { $0["id"] as? String }) == Set(acknowledged))
        #expect(issues.filter { $0["status"] as? String == "resolved" }.count == 30)
        #expect(issues.filter { ($0["assignee"] as? String)?.hasPrefix("lead") == true }.count == 18)
        let check = try TenBoardBinary.run(["check"], environment: env)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("Exit statuses: unknown id 66, usage 64, damaged store 65 with the file left as it was, bad config 78")
    func exitStatuses() throws {
        let dir = try TenBoardBinary.temporaryDirectory("exits")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path]
        #expect(try TenBoardBinary.run(["resolve", "42"], environment: env).status == 66)
        #expect(try TenBoardBinary.run(["add", "--summary", "no customer"], environment: env).status == 64)
        #expect(try TenBoardBinary.run(["add", "--customer", "c", "--summary", "s", "--received", "soon"], environment: env).status == 64)
        #expect(try TenBoardBinary.run(["list"], environment: env.merging(["TENBOARD_DEADLINE": "25:00"]) { $1 }).status == 78)
        let damaged = "{\"format\": \"tenboard-store\", \"version\": 1, \"issues\": [\n  {\"id\": \n"
        try damaged.write(to: dir.appendingPathComponent("issues.json"), atomically: false, encoding: .utf8)
        for args in [["list"], ["add", "--customer", "c", "--summary", "s"], ["check"]] {
            let r = try TenBoardBinary.run(args, environment: env)
            #expect(r.status == 65, "\(args)")
            #expect(r.stderr.contains("issues.json: line 3"), "\(r.stderr)")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("issues.json"), encoding: .utf8) == damaged)
    }

    @Test("add --json - and import from standard input; export --jsonl gives them back")
    func stdinPaths() throws {
        let dir = try TenBoardBinary.temporaryDirectory("stdin")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path]
        let added = try TenBoardBinary.run(["add", "--json", "-"], environment: env,
            input: #"[{"customer":"Ann","summary":"a"},{"customer":"Bo","summary":"b","x-extra":[1,2]}]"#)
        #expect(added.status == 0)
        #expect(added.stdout == "1\n2\n")
        let imported = try TenBoardBinary.run(["import", "-"], environment: env,
            input: "{\"id\":\"T-1\",\"customer\":\"Cy\",\"summary\":\"c\",\"receivedAt\":\"2026-11-23T17:45:00+01:00\"}\n")
        #expect(imported.status == 0, "\(imported.stderr)")
        let bad = try TenBoardBinary.run(["import", "-"], environment: env, input: "{\"customer\":\"\"}\n{\"customer\":\"x\",\"summary\":\"s\"}\n")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("line 1") && bad.stderr.contains("line 2"))
        let lines = try TenBoardBinary.run(["export", "--jsonl"], environment: env).stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.contains { $0.contains(#""x-extra":[1,2]"#) })
    }
}
