import Foundation
import Testing
import TenBoardTestSupport

/// `tenboard set` and the time forms of `--at` and `--received`, run as a script would.
@Suite("set and typed times on the command line")
struct SetAndTimeCommandTests {
    func store() throws -> (URL, [String: String]) {
        let dir = try TenBoardBinary.temporaryDirectory("set")
        return (dir, ["TENBOARD_STORE": dir.path, "HOME": dir.path, "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_NAME": "lisa"])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("--received 07:50 is today in the configured zone; --at 09:40 records a call-back made earlier")
    func shortTimes() throws {
        let (dir, env) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let added = try TenBoardBinary.run(["add", "--customer", "Garage Peeters", "--summary", "APK", "--received", "00:01"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let today = try json(TenBoardBinary.run(["show", id, "--json"], environment: env).stdout)
        let received = try #require(today["receivedAt"] as? String)
        // Today in Amsterdam, whatever the machine's zone.
        let amsterdam = DateFormatter()
        amsterdam.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        amsterdam.dateFormat = "yyyy-MM-dd"
        #expect(received.hasPrefix(amsterdam.string(from: Date()) + "T00:01:00"), "\(received)")

        let resolved = try TenBoardBinary.run(["resolve", id, "--at", "2026-11-24 09:40", "--action", "Teruggebeld"], environment: env)
        // 2026-11-24 is before today's 00:01: refused for being before the issue came in, which
        // shows the value was read as a time in the zone (not refused as a form).
        #expect(resolved.status == 65, "\(resolved.stderr)")
        // A minute after it came in: today, and (but in the first minutes after midnight) not
        // after the real clock, which a change may not be.
        let later = try TenBoardBinary.run(["resolve", id, "--at", "00:02", "--action", "Teruggebeld"], environment: env)
        #expect(later.status == 0, "\(later.stderr)")
        let shown = try json(TenBoardBinary.run(["show", id, "--json"], environment: env).stdout)
        #expect((shown["resolvedAt"] as? String)?.contains("T00:02:00") == true)
    }

    @Test("A bad time names the option and the forms, exit 64, nothing changed")
    func badTime() throws {
        let (dir, env) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try TenBoardBinary.run(["add", "--customer", "Jan", "--summary", "x", "--received", "9.40"], environment: env)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--received: '9.40' is not a time; use RFC 3339"))
        #expect(result.stderr.contains("HH:MM (today) or YYYY-MM-DD HH:MM"))
        let status = try TenBoardBinary.run(["status", "--at", "tomorrow"], environment: env)
        #expect(status.status == 64)
        #expect(status.stderr.contains("--at: 'tomorrow' is not a time"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("issues.json").path))
    }

    @Test("set changes only the fields given")
    func setFields() throws {
        let (dir, env) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = try TenBoardBinary.run(["add", "--customer", "Bakkerij Jansen", "--summary", "Printer", "--assignee", "Bob",
                                         "--received", "2026-11-24T08:05:00+01:00"], environment: env)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let set = try TenBoardBinary.run(["set", id, "--customer", "Bakkerij Janssen", "--received", "2026-11-24 07:50",
                                          "--no-assignee", "--channel", "phone", "--internal", "--kind", "complaint"], environment: env)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "\(id)\n")
        let issue = try json(TenBoardBinary.run(["show", id, "--json"], environment: env).stdout)
        #expect(issue["customer"] as? String == "Bakkerij Janssen")
        #expect(issue["summary"] as? String == "Printer")
        #expect(issue["receivedAt"] as? String == "2026-11-24T07:50:00+01:00")
        #expect(issue["assignee"] is NSNull || issue["assignee"] == nil)
        #expect(issue["channel"] as? String == "phone")
        #expect(issue["internal"] as? Bool == true)
        #expect(issue["kind"] as? String == "complaint")

        let nothing = try TenBoardBinary.run(["set", id], environment: env)
        #expect(nothing.status == 64)
        #expect(nothing.stderr.contains("nothing to set"))
        let unknown = try TenBoardBinary.run(["set", "999", "--summary", "x"], environment: env)
        #expect(unknown.status == 66)
        let empty = try TenBoardBinary.run(["set", id, "--customer", " "], environment: env)
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("customer"))
    }
}
