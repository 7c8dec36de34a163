import Foundation
import Testing

/// The morning through the real binary, as a new user would meet it: customers carried over from
/// Friday, one helped late, one withdrawn, a colleague credited by the lead. `status --json`,
/// `status` and `list` tell the same story, in English and Dutch; the report waits for the deadline.
@Suite("The morning on the command line")
struct MorningCLITests {
    static func store() throws -> (dir: URL, env: [String: String]) {
        let dir = try TenBoardBinary.temporaryDirectory("morning")
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_NAME": "Marieke", "TENBOARD_LANGUAGE": "en"]
        for (customer, received) in [("Friday Left", "2026-11-27T07:00:00+01:00"), ("Friday Late", "2026-11-27T16:00:00+01:00"),
                                     ("Monday One", "2026-11-30T07:00:00+01:00"), ("Monday Two", "2026-11-30T07:30:00+01:00"),
                                     ("Spam BV", "2026-11-30T07:45:00+01:00")] {
            let r = try TenBoardBinary.run(["add", "--customer", customer, "--summary", "s", "--received", received], environment: env)
            try #require(r.status == 0, "add: \(r.stderr)")
        }
        return (dir, env)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aMondayWithFridaysCustomersToldTheSameEverywhere() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ args: [String], _ extra: [String: String] = [:]) throws -> TenBoardBinary.Result {
            try TenBoardBinary.run(args, environment: env.merging(extra) { $1 })
        }
        // The lead records Sanne's call-back; Pieter helps one late; the spam is withdrawn.
        #expect(try run(["resolve", "3", "--by", "Sanne", "--at", "2026-11-30T09:30:00+01:00"]).status == 0)
        #expect(try run(["resolve", "4", "--by", "Pieter", "--at", "2026-11-30T10:20:00+01:00"]).status == 0)
        #expect(try run(["withdraw", "5"]).status == 64, "a reason is required")
        #expect(try run(["withdraw", "5", "--reason", "spam"]).status == 0)
        let three = try Self.json(try run(["show", "3", "--json"]).stdout)
        #expect(three["resolvedBy"] as? String == "Sanne" && three["recordedBy"] as? String == "Marieke")
        #expect(try Self.json(try run(["show", "5", "--json"]).stdout)["status"] as? String == "withdrawn")

        // Monday 09:00: Friday's customer still waits and counts; the spam does not.
        let nine = try Self.json(try run(["status", "--json", "--at", "2026-11-30T09:00:00+01:00"]).stdout)
        #expect(nine["state"] as? String == "waiting")
        #expect(nine["inScope"] as? Int == 4 && nine["waiting"] as? Int == 4 && nine["carriedOver"] as? Int == 1)
        #expect(try run(["status", "--at", "2026-11-30T09:00:00+01:00"]).stdout
                == "4 customers waiting (1 carried over) · 1:00:00 to 10:00\n")
        #expect(try run(["status", "--at", "2026-11-30T09:00:00+01:00"], ["TENBOARD_LANGUAGE": "nl"]).stdout
                == "4 klanten wachten (1 van eerder) · 1:00:00 tot 10:00\n")
        let list = try run(["list", "--at", "2026-11-30T09:00:00+01:00"]).stdout
        #expect(list.contains("missed Fri 27 Nov") && list.contains("3d 2h"))
        #expect(!list.contains("Spam BV"))
        #expect(try run(["list", "--at", "2026-11-30T09:00:00+01:00"], ["TENBOARD_LANGUAGE": "nl"]).stdout.contains("gemist: vr 27 nov"))

        // After the deadline: 2 of 4 helped (one late), 2 waiting, the morning is overdue.
        let late = try Self.json(try run(["status", "--json", "--at", "2026-11-30T10:30:00+01:00"]).stdout)
        #expect(late["state"] as? String == "overdue")
        #expect(late["helped"] as? Int == 1 && late["helpedLate"] as? Int == 1 && late["waiting"] as? Int == 2)
        #expect((late["helped"] as! Int) + (late["helpedLate"] as! Int) + (late["waiting"] as! Int) == late["inScope"] as? Int)

        // The report cannot go before the deadline: nothing is sent, exit 75, and it says when.
        let early = try run(["summary", "--send", "--at", "2026-11-30T09:00:00+01:00"])
        #expect(early.status == 75)
        #expect(early.stderr.contains("can go from its deadline (2026-11-30T10:00:00+01:00)"))
        #expect(early.stderr.contains("nothing sent"))
        let dry = try run(["summary", "--at", "2026-11-30T10:30:00+01:00"])
        #expect(dry.status == 0 && dry.stdout.contains("Goal missed"))
    }

    @Test func anEmptyStoreDoesNotCelebrate() throws {
        let dir = try TenBoardBinary.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam"]
        let status = try Self.json(try TenBoardBinary.run(["status", "--json", "--at", "2026-11-30T06:38:00+01:00"], environment: env).stdout)
        #expect(status["state"] as? String == "quiet")
        #expect(status["streak"] as? Int == 0)
    }
}
