import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import TenBoardTestSupport

/// `tenboard intake` as the mail system runs it: the real binary, a message on stdin, a real
/// store; the exit status the MTA acts on (0 recorded, 75 keep it and retry).
@Suite("Intake end to end: stdin, exit statuses, Maildir", .serialized)
struct IntakeEndToEndTests {
    static func message(id: String, subject: String = "De app werkt niet", from: String = "Ann de Vries <ann@example.nl>") -> String {
        """
        Received: from mx.example.nl by support.example.com; Mon, 30 Nov 2026 03:12:09 +0100
        From: \(from)
        To: support@example.com
        Subject: \(subject)
        Message-ID: <\(id)>

        Hallo,
        sinds gisteren kan ik niet inloggen.

        """
    }

    func run(_ args: [String], store: URL, input: String) throws -> TenBoardBinary.Result {
        try TenBoardBinary.run(["intake", "--store", store.path] + args, environment: ["SENDER": "ann@example.nl"], input: input)
    }

    @Test("A message on stdin: exit 0, an issue with the mail shown by show; the same message again: exit 0, recorded once")
    func stdin() throws {
        let store = try TenBoardBinary.temporaryDirectory("intake-stdin")
        defer { try? FileManager.default.removeItem(at: store) }
        let first = try run([], store: store, input: Self.message(id: "e2e-1@example.nl"))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "new issue 1\n")
        let again = try run([], store: store, input: Self.message(id: "e2e-1@example.nl"))
        #expect(again.status == 0)
        #expect(again.stdout == "already recorded in issue 1\n")
        let show = try TenBoardBinary.run(["show", "1", "--store", store.path])
        #expect(show.stdout.contains("customer: Ann de Vries"))
        #expect(show.stdout.contains("email:    ann@example.nl"))
        #expect(show.stdout.contains("sinds gisteren kan ik niet inloggen."))
        #expect(show.stdout.contains("kind:     problem"))
        let log = try TenBoardBinary.run(["intake", "--log", "--store", store.path])
        #expect(log.stdout.contains("new       #1"))
        #expect(log.stdout.contains("duplicate #1"))
    }

    @Test("A damaged store: exit 75 and one line on stderr; the store is left as it was; recorded once repaired")
    func damagedStore() throws {
        let store = try TenBoardBinary.temporaryDirectory("intake-damaged")
        defer { try? FileManager.default.removeItem(at: store) }
        let hot = store.appendingPathComponent("issues.json")
        try Data("{ not json".utf8).write(to: hot)
        let r = try run([], store: store, input: Self.message(id: "d@example.nl"))
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("issues.json"))
        #expect(try Data(contentsOf: hot) == Data("{ not json".utf8))
        try FileManager.default.removeItem(at: hot)
        #expect(try run([], store: store, input: Self.message(id: "d@example.nl")).status == 0)
    }

    @Test("A store the delivering user may not write (run as nobody, as Postfix runs a root alias): 75; once group-writable: 0",
          .enabled(if: getuid() == 0, "needs root to run as nobody"))
    func unwritable() throws {
        let store = try TenBoardBinary.temporaryDirectory("intake-perm")
        defer { try? FileManager.default.removeItem(at: store) }
        let msg = store.deletingLastPathComponent().appendingPathComponent("msg-\(UUID().uuidString).eml")
        try Data(Self.message(id: "p@example.nl").utf8).write(to: msg)
        defer { try? FileManager.default.removeItem(at: msg) }
        chmod(msg.path, 0o644)
        chmod(store.path, 0o755)
        let command = "{ umask 077; setpriv --reuid=nobody --regid=nogroup --clear-groups -- '\(TenBoardBinary.path)' intake --store '\(store.path)' < '\(msg.path)' 2>&1 >/dev/null; }"
        let refused = FaultKit.sh(command)
        #expect(refused.status == 75, "\(refused.output)")
        #expect(refused.output.split(separator: "\n").count == 1, "one line for the MTA's log: \(refused.output)")
        #expect(refused.output.contains(store.path))
        // What the README tells: the store's group is the delivering user's, group-writable, setgid.
        FaultKit.sh("chgrp -R nogroup '\(store.path)' && chmod -R g+rwX '\(store.path)' && chmod g+s '\(store.path)'")
        let accepted = FaultKit.sh(command)
        #expect(accepted.status == 0, "\(accepted.output)")
        let list = try TenBoardBinary.run(["list", "--store", store.path])
        #expect(list.stdout.contains("Ann de Vries"))
        // Whatever nobody's umask, what intake made is the group's too: another member can go on.
        let made = FaultKit.sh("find '\(store.path)' -type f ! -perm -g=rw").output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(made.isEmpty, "files the group cannot write: \(made)")
    }

    @Test("--maildir: each message in new/ taken once and moved to cur/ with :2,S only after it is recorded; a store failure leaves it in new/")
    func maildir() throws {
        let root = try TenBoardBinary.temporaryDirectory("intake-maildir")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("Maildir"), store = root.appendingPathComponent("store")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func deliver(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: maildir.appendingPathComponent("new/\(name)"))
        }
        try deliver("1700000001.M1P1.host", Self.message(id: "md1@example.nl"))
        try deliver("1700000002.M2P2.host", Self.message(id: "md2@example.nl", subject: "Klacht", from: "Bob <bob@example.nl>"))
        try deliver("1700000003.M3P3.host", Self.message(id: "md1@example.nl"))
        let r = try TenBoardBinary.run(["intake", "--store", store.path, "--maildir", maildir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path).isEmpty)
        let cur = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path).sorted()
        #expect(cur == ["1700000001.M1P1.host:2,S", "1700000002.M2P2.host:2,S", "1700000003.M3P3.host:2,S"])
        let list = try TenBoardBinary.run(["list", "--store", store.path])
        #expect(list.stdout.split(separator: "\n").count == 3, "a header and two issues: \(list.stdout)")

        // The store damaged: the message stays in new/ and the run says 75.
        try Data("garbage".utf8).write(to: store.appendingPathComponent("issues.json"))
        try deliver("1700000004.M4P4.host", Self.message(id: "md4@example.nl"))
        let failed = try TenBoardBinary.run(["intake", "--store", store.path, "--maildir", maildir.path])
        #expect(failed.status == 75)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path) == ["1700000004.M4P4.host"])
    }
}
