import Foundation
import Testing
@testable import TenBoardCore
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// Root (Postfix's master starts as root), Debian's postfix and a Python for smtplib.
let postfixAvailable = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/postfix") && FaultKit.python != nil

/// The whole way mail comes in: a real Postfix from Debian's packages (a private instance on
/// 127.0.0.1 and a high port, its own queue; Tests/MailIntake/postfix_instance.sh), an alias
/// piping into `tenboard intake` (run as `nobody`, Postfix's default_privs for a root-owned
/// alias), and mail sent with Python's smtplib (Tests/MailIntake/send_mail.py).
@Suite("Intake with Postfix: alias pipe, Maildir, burst, store down", .serialized,
       .enabled(if: postfixAvailable, "needs root, Debian's postfix and python3"))
struct PostfixIntakeTests {
    static let scripts = TenBoardBinary.packageRoot.appendingPathComponent("Tests/MailIntake")

    /// A Postfix instance with its store; stopped and removed by `stop`.
    struct Instance {
        let root: URL
        let store: URL
        let maildir: URL
        let port: Int

        init() throws {
            root = try TenBoardBinary.temporaryDirectory("postfix")
            chmod(root.path, 0o755)
            store = root.appendingPathComponent("store")
            maildir = root.appendingPathComponent("inbox/Maildir")
            // The store as the README sets it up: the delivering user's group, group-writable, setgid.
            FaultKit.sh("mkdir -p '\(store.path)' '\(root.path)/inbox' && chgrp nogroup '\(store.path)' && chmod 2775 '\(store.path)' && chown nobody '\(root.path)/inbox'")
            port = 20000 + Int.random(in: 0..<20000)
            // A copy of the binary where nobody may run it (the checkout may be under /root).
            let binary = root.appendingPathComponent("tenboard")
            try FileManager.default.copyItem(atPath: TenBoardBinary.path, toPath: binary.path)
            chmod(binary.path, 0o755)
            let command = "\(binary.path) intake --store \(store.path)"
            let r = FaultKit.sh("sh '\(PostfixIntakeTests.scripts.path)/postfix_instance.sh' start '\(root.path)' \(port) '\(command)' '\(maildir.path)'")
            guard r.status == 0 else {
                FaultKit.sh("sh '\(PostfixIntakeTests.scripts.path)/postfix_instance.sh' stop '\(root.path)'")
                try? FileManager.default.removeItem(at: root)
                throw FaultError("postfix did not start: \(r.output)")
            }
        }

        func stop() {
            FaultKit.sh("sh '\(PostfixIntakeTests.scripts.path)/postfix_instance.sh' stop '\(root.path)'")
            try? FileManager.default.removeItem(at: root)
        }

        func send(_ args: String...) throws {
            let r = FaultKit.sh("'\(FaultKit.python!)' '\(PostfixIntakeTests.scripts.path)/send_mail.py' \(port) \(args.joined(separator: " "))")
            guard r.status == 0 else { throw FaultError("send_mail.py \(args): \(r.output)") }
        }

        var intake: MailIntake { MailIntake(store: IssueStore(directory: store)) }
        func issues() throws -> [TenBoardCore.Issue] { try IssueStore(directory: store).snapshot().issues }
        func log() throws -> [IntakeLog.Entry] { try intake.log.last(10_000) }
        func maillog() -> String { (try? String(contentsOf: root.appendingPathComponent("maillog"), encoding: .utf8)) ?? "" }
        func queued() -> Int { Int(FaultKit.sh("sh '\(PostfixIntakeTests.scripts.path)/postfix_instance.sh' queue '\(root.path)'").output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }

        /// Polls `condition` every 100 ms until it holds or `seconds` pass.
        func wait(_ seconds: Double, _ what: String, _ condition: () throws -> Bool) throws {
            let start = Date()
            while Date().timeIntervalSince(start) < seconds {
                if try condition() { return }
                usleep(100_000)
            }
            throw FaultError("waited \(Int(seconds)) s for \(what); maillog tail: \(maillog().split(separator: "\n").suffix(5).joined(separator: " | "))")
        }
    }

    @Test("Dutch Windows-1252 mail, a threaded reply, a vacation reply and a bounce; a Maildir; the store made unwritable and back")
    func mailFlow() throws {
        let pf = try Instance()
        defer { pf.stop() }
        try pf.send("dutch")
        try pf.wait(60, "the Dutch message") { try pf.issues().count == 1 }
        let issue = try pf.issues()[0]
        #expect(issue.customer == "Renée de Vries")
        #expect(issue.email == "renee@example.nl")
        #expect(issue.summary == "Storing – app")
        #expect(issue.kind == .problem)
        #expect(issue.mailTextLines(3) == ["Goedemorgen,", "", "“De app” werkt niet – ik krijg foutcode €22."])
        #expect(abs(issue.receivedAt.date.timeIntervalSinceNow) < 120, "the time Postfix received it, not the Date: of 2001")

        try pf.send("reply")
        try pf.wait(60, "the reply") { try pf.issues().first?.mailMessages.count == 2 }
        try pf.send("vacation")
        try pf.send("bounce")
        try pf.wait(60, "the auto-reply and the bounce in the intake log") { try pf.log().filter { $0.outcome == "filed" }.count == 2 }
        #expect(try pf.issues().count == 1, "neither became an issue")
        let filed = try pf.log().filter { $0.outcome == "filed" }.map { $0.reason ?? "" }
        #expect(filed.contains { $0.contains("Auto-Submitted") })
        #expect(filed.contains { $0.contains("Return-Path") || $0.contains("envelope sender") || $0.contains("multipart/report") }, "\(filed)")

        // Mail the MTA delivered into a Maildir, taken by --maildir.
        try pf.send("plain", "md-1@example.nl", "inbox@support.tenboard.test")
        try pf.send("plain", "md-2@example.nl", "inbox@support.tenboard.test")
        let new = pf.maildir.appendingPathComponent("new")
        try pf.wait(60, "two messages in the Maildir") { ((try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []).count == 2 }
        let taken = try TenBoardBinary.run(["intake", "--store", pf.store.path, "--maildir", pf.maildir.path])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: new.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pf.maildir.appendingPathComponent("cur").path).allSatisfy { $0.hasSuffix(":2,S") })
        #expect(try pf.issues().count == 3)

        // The store made unwritable for the delivering user: 75, Postfix keeps the message queued.
        chmod(pf.store.path, 0o555)
        try pf.send("plain", "down-1@example.nl")
        try pf.wait(60, "a deferred delivery") { pf.maillog().contains("status=deferred") }
        #expect(pf.queued() >= 1, "the message stays in Postfix's queue")
        #expect(try pf.issues().count == 3)
        chmod(pf.store.path, 0o2775)
        FaultKit.sh("sh '\(PostfixIntakeTests.scripts.path)/postfix_instance.sh' flush '\(pf.root.path)'")
        try pf.wait(90, "the queued message recorded once the store is back") { try pf.issues().count == 4 }
        try pf.wait(30, "an empty queue") { pf.queued() == 0 }
        #expect(try pf.issues().filter { $0.mailMessages.contains { $0["messageId"] == .string("down-1@example.nl") } }.count == 1)
    }

    @Test("A burst of 200 messages at once over 10 connections, 20 sent twice: all 200 recorded, none twice")
    func burst() throws {
        let pf = try Instance()
        defer { pf.stop() }
        let start = Date()
        try pf.send("burst", "200")
        try pf.wait(300, "200 issues") { try pf.issues().count >= 200 && pf.queued() == 0 }
        let issues = try pf.issues()
        #expect(issues.count == 200)
        let ids = issues.flatMap { $0.mailMessages.compactMap { m -> String? in if case .string(let s)? = m["messageId"] { s } else { nil } } }
        #expect(Set(ids).count == 200 && ids.count == 200, "each message once")
        #expect(try pf.log().filter { $0.outcome == "duplicate" }.count == 20)
        print("postfix burst: 220 deliveries (20 duplicates) recorded in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}
