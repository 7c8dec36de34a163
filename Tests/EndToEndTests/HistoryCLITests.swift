import Foundation
import Testing
import TenBoardTestSupport

/// `tenboard history` and `summary --text/--html` through the real binary, on a real store.
/// Two weeks of November 2026 (in the past: no change may be dated after the real clock).
@Suite("History and report previews on the command line")
struct HistoryCLITests {
    /// Mon 16 … Fri 27 Nov: one customer a morning helped at 09:00, except Wednesday 18 (helped
    /// 10:30, late) and Tuesday 24 (never helped: carried over to Wed–Fri). Thursday 19 is quiet.
    static func store() throws -> (dir: URL, env: [String: String]) {
        let dir = try TenBoardBinary.temporaryDirectory("history")
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en"]
        var records: [String] = []
        for day in ["16", "17", "18", "20", "23", "24", "25", "26", "27"] {
            let resolved = switch day {
            case "18": ", \"status\": \"resolved\", \"resolvedAt\": \"2026-11-18T10:30:00+01:00\", \"resolvedBy\": \"Ann\""
            case "24": ""
            default: ", \"status\": \"resolved\", \"resolvedAt\": \"2026-11-\(day)T09:00:00+01:00\", \"resolvedBy\": \"Ann\""
            }
            records.append("{\"id\": \"d\(day)\", \"customer\": \"Caf\u{e9} \(day)\", \"summary\": \"s\", \"receivedAt\": \"2026-11-\(day)T07:00:00+01:00\"\(resolved)}")
        }
        let r = try TenBoardBinary.run(["add", "--json", "-"], environment: env, input: "[" + records.joined(separator: ",") + "]")
        try #require(r.status == 0, "add: \(r.stderr)")
        return (dir, env)
    }

    static let friday = "2026-11-27T12:00:00+01:00"

    @Test func historyAsJSONCSVAndATable() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = try TenBoardBinary.run(["history", "--json", "--at", Self.friday], environment: env)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["morning"] as? String } == [
            "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24",
            "2026-11-25", "2026-11-26", "2026-11-27",
        ])
        #expect(rows.map { $0["verdict"] as? String } == ["met", "met", "missed", "quiet", "met", "met", "missed", "missed", "missed", "missed"])
        #expect(rows.map { $0["streak"] as? Int } == [1, 2, 0, 0, 1, 2, 0, 0, 0, 0])
        // Friday 27: its own customer helped in time, Tuesday's still waiting (carried over).
        let last = try #require(rows.last)
        #expect(last["customers"] as? Int == 2 && last["helped"] as? Int == 1 && last["waiting"] as? Int == 1
                && last["carriedOver"] as? Int == 1 && last["waitingAtDeadline"] as? Int == 1)
        #expect(Set(last.keys) == ["morning", "customers", "helped", "helpedLate", "waitingAtDeadline", "waiting",
                                    "carriedOver", "withdrawn", "verdict", "streak", "tally"])

        let three = try TenBoardBinary.run(["history", "--days", "3", "--csv", "--at", Self.friday], environment: env)
        #expect(three.status == 0, "stderr: \(three.stderr)")
        let lines = three.stdout.components(separatedBy: "\r\n")
        #expect(lines.count == 5 && lines[4].isEmpty, "three records and a header, each ended by CRLF: \(lines)")
        #expect(lines[0] == "morning,customers,helped,helpedLate,waitingAtDeadline,waiting,carriedOver,withdrawn,verdict,streak,tally")
        #expect(lines[1] == "2026-11-25,2,1,0,1,1,1,0,missed,0,")
        #expect(lines[3].hasPrefix("2026-11-27,2,1,0,1,1,1,0,missed,0,"))

        let table = try TenBoardBinary.run(["history", "--days", "5", "--at", Self.friday], environment: env)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        let tableLines = table.stdout.split(separator: "\n").map(String.init)
        #expect(tableLines.first?.hasPrefix("MORNING") == true)
        #expect(tableLines.count == 7, "a head, five mornings and the strip: \(table.stdout)")
        #expect(tableLines[1].hasPrefix("Mon 23 Nov 2026") && tableLines[1].contains("met"), "the last five mornings, oldest first")
        #expect(tableLines[5].hasPrefix("Fri 27 Nov 2026") && tableLines[5].contains("missed"))
        #expect(tableLines.last == "▇▇▁·▇▇▁▁▁▁  1 of the last 5 mornings met  streak 0")
    }

    @Test func badArgumentsAndStoresSayWhatIsWrong() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (args, needle) in [(["history", "--days", "0"], "--days: '0'"), (["history", "--days", "many"], "--days: 'many'"),
                               (["history", "--json", "--csv"], "exclude each other"), (["history", "--at", "yesterday"], "--at")] {
            let r = try TenBoardBinary.run(args, environment: env)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(needle), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        // An empty store (a directory nothing was added to yet) has no mornings; a store that is
        // not there is refused (MissingStoreTests).
        let none = dir.appendingPathComponent("none")
        try FileManager.default.createDirectory(at: none, withIntermediateDirectories: true)
        let empty = try TenBoardBinary.run(["history"], environment: ["TENBOARD_STORE": none.path, "HOME": dir.path])
        #expect(empty.status == 0 && empty.stdout == "No mornings with customers yet.\n", "\(empty.stderr)")
        let broken = dir.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "{\"issues\": [".write(to: broken.appendingPathComponent("issues.json"), atomically: true, encoding: .utf8)
        let damaged = try TenBoardBinary.run(["history"], environment: ["TENBOARD_STORE": broken.path, "HOME": dir.path])
        #expect(damaged.status == 65, "\(damaged.stderr)")
        #expect(damaged.stderr.contains("issues.json"))
    }

    @Test func summaryPreviewsTheDecodedParts() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["summary", "--morning", "2026-11-27", "--at", Self.friday]
        let text = try TenBoardBinary.run(args + ["--text"], environment: env)
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.hasPrefix("GOAL MISSED: 1 still waiting.\n"))
        #expect(text.stdout.contains("Café 24"), "decoded, not quoted-printable")
        #expect(!text.stdout.contains("=C3=A9") && !text.stdout.contains("Content-Transfer-Encoding"))
        #expect(text.stdout.contains("The last 10 mornings (Mon 16 Nov – Fri 27 Nov):\n  ▇▇▁·▇▇▁▁▁▁\n"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let html = try TenBoardBinary.run(args + ["--html"], environment: env)
        #expect(html.status == 0, "stderr: \(html.stderr)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.stdout.contains("Café 24") && html.stdout.hasSuffix("</html>\n"))
        // The same parts as the mail carries.
        let mail = try TenBoardBinary.run(args, environment: env)
        #expect(mail.status == 0)
        #expect(mail.stdout.contains("Content-Transfer-Encoding: quoted-printable"))
        for bad in [["--text", "--html"], ["--text", "--send"], ["--html", "--retry"], ["--html", "--interim"]] {
            let r = try TenBoardBinary.run(args + bad, environment: env)
            #expect(r.status == 64, "\(bad): \(r.stderr)")
        }
    }
}
