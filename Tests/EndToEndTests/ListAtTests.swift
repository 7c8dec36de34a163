import Foundation
import Testing
import TenBoardTestSupport

/// `list --at TIME` lists the issues as they stood at that instant, not those open now with
/// then's ages: a lead asking who was waiting at 09:00 sees who was waiting at 09:00.
@Suite("list --at: the issues as they stood then")
struct ListAtTests {
    @Test("list --at lists what had come in and was open then; --all shows as open what was helped later; a withdrawn issue never counts")
    func listAsItStood() throws {
        let dir = try TenBoardBinary.temporaryDirectory("list-at")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path]
        func run(_ arguments: [String]) throws -> String {
            let result = try TenBoardBinary.run(arguments, environment: env)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        // Three customers on the morning of Monday 30 Nov 2026 (Amsterdam).
        let ann = try run(["add", "--customer", "Ann", "--summary", "helped at 08:30", "--received", "2026-11-30T07:00:00+01:00"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let bob = try run(["add", "--customer", "Bob", "--summary", "helped at 09:15", "--received", "2026-11-30T07:30:00+01:00"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let cas = try run(["add", "--customer", "Cas", "--summary", "came at 09:30", "--received", "2026-11-30T09:30:00+01:00"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let dirk = try run(["add", "--customer", "Dirk", "--summary", "withdrawn later", "--received", "2026-11-30T07:45:00+01:00"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["resolve", ann, "--by", "lisa", "--at", "2026-11-30T08:30:00+01:00"])
        _ = try run(["resolve", bob, "--by", "lisa", "--at", "2026-11-30T09:15:00+01:00"])
        #expect(try TenBoardBinary.run(["withdraw", dirk, "--reason", "spam"], environment: env).status == 0)

        func listed(_ arguments: [String]) throws -> [String: String] {
            let json = try JSONSerialization.jsonObject(with: Data(try run(arguments).utf8)) as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: json.map { ($0["customer"] as? String ?? "?", $0["status"] as? String ?? "?") })
        }
        #expect(try listed(["list", "--json"]) == ["Cas": "open"], "now")
        // Dirk was withdrawn after 09:00, but a withdrawn issue was never a customer's request:
        // it is in no count at any instant (status --at says the same), only in --all.
        #expect(try listed(["list", "--json", "--at", "2026-11-30T09:00:00+01:00"]) == ["Bob": "open"], "at 09:00")
        #expect(try listed(["list", "--all", "--json", "--at", "2026-11-30T09:00:00+01:00"]) == ["Ann": "resolved", "Bob": "open", "Dirk": "withdrawn"], "all at 09:00")
        let status = try JSONSerialization.jsonObject(with: Data(try run(["status", "--json", "--at", "2026-11-30T09:00:00+01:00"]).utf8)) as? [String: Any]
        #expect(status?["waiting"] as? Int == 1, "status at 09:00 counts the one list --at lists: \(String(describing: status))")
        #expect(try listed(["list", "--json", "--at", "2026-11-30T06:00:00+01:00"]).isEmpty, "before anyone came")
        // The table says the same: Bob, not Cas, who had not come in yet.
        let table = try run(["list", "--at", "2026-11-30T09:00:00+01:00"])
        #expect(table.contains("Bob") && !table.contains("Dirk") && !table.contains("Cas") && !table.contains("Ann"), "\(table)")
        _ = cas
    }
}
