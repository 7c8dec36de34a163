import Foundation
import Testing
import TenBoardTestSupport

/// The morning through the real binary, as a new user would meet it: customers carried over from
/// Friday, one helped late, one withdrawn, a colleague credited by the lead. `status --json`,
/// `status` and `list` tell the same story, in English and Dutch; the report waits for the deadline.
/// (A week in the past: no change may be dated after the real clock.)
@Suite("The morning on the command line")
struct MorningCLITests {
    static func store() throws -> (dir: URL, env: [String: String]) {
        let dir = try TenBoardBinary.temporaryDirectory("morning")
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_NAME": "Marieke", "TENBOARD_LANGUAGE": "en"]
        for (customer, received) in [("Friday Left", "2026-11-20T07:00:00+01:00"), ("Friday Late", "2026-11-20T16:00:00+01:00"),
                                     ("Monday One", "2026-11-23T07:00:00+01:00"), ("Monday Two", "2026-11-23T07:30:00+01:00"),
                                     ("Spam BV", "2026-11-23T07:45:00+01:00")] {
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
        #expect(try run(["resolve", "3", "--by", "Sanne", "--at", "2026-11-23T09:30:00+01:00"]).status == 0)
        #expect(try run(["resolve", "4", "--by", "Pieter", "--at", "2026-11-23T10:20:00+01:00"]).status == 0)
        #expect(try run(["withdraw", "5"]).status == 64, "a reason is required")
        #expect(try run(["withdraw", "5", "--reason", "spam"]).status == 0)
        let three = try Self.json(try run(["show", "3", "--json"]).stdout)
        #expect(three["resolvedBy"] as? String == "Sanne" && three["recordedBy"] as? String == "Marieke")
        #expect(try Self.json(try run(["show", "5", "--json"]).stdout)["status"] as? String == "withdrawn")

        // Monday 09:00: Friday's customer still waits and counts; the spam does not.
        let nine = try Self.json(try run(["status", "--json", "--at", "2026-11-23T09:00:00+01:00"]).stdout)
        #expect(nine["state"] as? String == "waiting")
        #expect(nine["inScope"] as? Int == 4 && nine["waiting"] as? Int == 4 && nine["carriedOver"] as? Int == 1)
        #expect(try run(["status", "--at", "2026-11-23T09:00:00+01:00"]).stdout
                == "4 customers waiting (1 carried over) · 1:00:00 to 10:00\n")
        #expect(try run(["status", "--at", "2026-11-23T09:00:00+01:00"], ["TENBOARD_LANGUAGE": "nl"]).stdout
                == "4 klanten wachten (1 van eerder) · 1:00:00 tot 10:00\n")
        let list = try run(["list", "--at", "2026-11-23T09:00:00+01:00"]).stdout
        #expect(list.contains("missed Fri 20 Nov") && list.contains("3d 2h"))
        #expect(!list.contains("Spam BV"))
        #expect(try run(["list", "--at", "2026-11-23T09:00:00+01:00"], ["TENBOARD_LANGUAGE": "nl"]).stdout.contains("gemist: vr 20 nov"))

        // After the deadline: 2 of 4 helped (one late), 2 waiting, the morning is overdue.
        let late = try Self.json(try run(["status", "--json", "--at", "2026-11-23T10:30:00+01:00"]).stdout)
        #expect(late["state"] as? String == "overdue")
        #expect(late["helped"] as? Int == 1 && late["helpedLate"] as? Int == 1 && late["waiting"] as? Int == 2)
        #expect((late["helped"] as! Int) + (late["helpedLate"] as! Int) + (late["waiting"] as! Int) == late["inScope"] as? Int)

        // The report cannot go before the deadline: nothing is sent, exit 75, and it says when.
        let early = try run(["summary", "--send", "--at", "2026-11-23T09:00:00+01:00"])
        #expect(early.status == 75)
        #expect(early.stderr.contains("can go from its deadline (2026-11-23T10:00:00+01:00)"))
        #expect(early.stderr.contains("nothing sent"))
        let dry = try run(["summary", "--at", "2026-11-23T10:30:00+01:00"])
        #expect(dry.status == 0 && dry.stdout.contains("Goal missed"))
    }

    /// An early `summary --send` used to use up the morning, so the 10:00 cron run sent nothing.
    @Test func anEarlySendWaitsAndAnInterimReportDoesNotCount() throws {
        let (dir, env) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A sendmail that keeps each message it is given, one file per run.
        let outbox = dir.appendingPathComponent("delivered")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let script = dir.appendingPathComponent("fake-sendmail")
        try "#!/bin/sh\ncat > \"\(outbox.path)/mail.$$\"\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let mail = env.merging(["TENBOARD_SENDMAIL": script.path, "TENBOARD_SENDER": "tenboard@example.nl",
                                "TENBOARD_DIRECTORS": "ann@example.nl"]) { $1 }
        func delivered() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
                .map { try String(contentsOf: outbox.appendingPathComponent($0), encoding: .utf8) }
        }

        let early = try TenBoardBinary.run(["summary", "--send", "--at", "2026-11-23T08:37:00+01:00"], environment: mail)
        #expect(early.status == 75)
        #expect(try delivered().isEmpty, "nothing is sent before the deadline")

        let interim = try TenBoardBinary.run(["summary", "--interim", "--at", "2026-11-23T08:37:00+01:00"], environment: mail)
        #expect(interim.status == 0, "\(interim.stderr)")
        #expect(interim.stderr.contains("interim report"))
        #expect(try delivered().count == 1)
        #expect(try delivered()[0].contains("INTERIM"))

        // The run at the deadline still sends the morning's report.
        let cron = try TenBoardBinary.run(["summary", "--send", "--at", "2026-11-23T10:00:30+01:00"], environment: mail)
        #expect(cron.status == 0, "\(cron.stderr)")
        #expect(cron.stderr.contains("Sent the report of 2026-11-23"))
        let mails = try delivered()
        #expect(mails.count == 2)
        #expect(mails.filter { $0.contains("INTERIM") }.count == 1)
        // And only once: a second run says it was sent.
        let again = try TenBoardBinary.run(["summary", "--send", "--at", "2026-11-23T10:05:00+01:00"], environment: mail)
        #expect(again.status == 0 && again.stderr.contains("already sent"))
        #expect(try delivered().count == 2)
    }

    @Test func anEmptyStoreDoesNotCelebrate() throws {
        let dir = try TenBoardBinary.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        // An empty store: its directory, nothing added yet (a store that is not there is refused).
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("store"), withIntermediateDirectories: true)
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam"]
        let status = try Self.json(try TenBoardBinary.run(["status", "--json", "--at", "2026-11-23T06:38:00+01:00"], environment: env).stdout)
        #expect(status["state"] as? String == "quiet")
        #expect(status["streak"] as? Int == 0)
    }
}
