import Foundation
import Testing
import TenBoardTestSupport

/// `tenboard summary --send` piping into the real msmtp, which delivers over SMTP to a local
/// aiosmtpd; what arrived is parsed with Python's standard `email` package.
///
/// Needs `msmtp` and Python 3 with aiosmtpd (Debian: msmtp, python3-aiosmtpd). Without them the
/// test fails and says so: CI installs them, and a mail test that passes by not running is worse
/// than none.
@Suite("Mail delivery end to end", .serialized)
struct MailDeliveryTests {
    static let sinkScript = TenBoardBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/smtp_sink.py").path

    /// A Python 3 that can import aiosmtpd: `TENBOARD_TEST_PYTHON`, else the system's.
    static func python() -> String? {
        var candidates = ["/usr/bin/python3", "/usr/local/bin/python3"]
        if let explicit = ProcessInfo.processInfo.environment["TENBOARD_TEST_PYTHON"] { candidates.insert(explicit, at: 0) }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            return (try? run(path, ["-c", "import aiosmtpd"]).status) == 0
        }
    }

    static func msmtp() -> String? {
        ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a helper program to completion, collecting its output (errors are dropped).
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data) {
        let result = try ChildProcess.run(program, arguments)
        return (result.status, Data(result.stdout.utf8))
    }

    /// The SMTP sink as a child process.
    final class Sink {
        let process: ChildProcess
        let directory: URL
        let port: Int

        init(python: String, directory: URL, port: Int = 0) throws {
            self.directory = directory
            let portFile = directory.appendingPathComponent("port")
            try? FileManager.default.removeItem(at: portFile)
            process = try ChildProcess(python, [MailDeliveryTests.sinkScript, "serve", directory.path, "--port", String(port)])
            let deadline = Date().addingTimeInterval(15)
            while !FileManager.default.fileExists(atPath: portFile.path) {
                guard process.isRunning, Date() < deadline else {
                    process.signal(SIGTERM)
                    throw TestFailure("the SMTP sink did not start (\(MailDeliveryTests.sinkScript)): \(process.stderrText)")
                }
                usleep(50_000)
            }
            self.port = Int(try String(contentsOf: portFile, encoding: .utf8)) ?? 0
        }

        /// SIGTERM, then SIGKILL if it is still there after 5 s.
        func stop() {
            guard process.isRunning else { return }
            process.signal(SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            process.kill9()
            process.wait()
        }

        deinit { stop() }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// One delivered message as `smtp_sink.py parse` describes it.
    struct Delivered: Decodable {
        struct Envelope: Decodable { var mailFrom: String; var rcptTos: [String] }
        struct Address: Decodable, Equatable { var name: String; var address: String }
        struct Part: Decodable { var contentType: String; var charset: String?; var transferEncoding: String?; var text: String }
        var envelope: Envelope
        var headerNames: [String]
        var subject: String
        var from: String
        var to: [Address]
        var date: String
        var messageID: String
        var contentType: String
        var parts: [Part]
        var defects: [String]
        var longestLine: Int
    }

    static func delivered(_ python: String, _ directory: URL) throws -> [Delivered] {
        let result = try run(python, [sinkScript, "parse", directory.path])
        guard result.status == 0 else { throw TestFailure("smtp_sink.py parse failed with \(result.status)") }
        return try JSONDecoder().decode([Delivered].self, from: result.stdout)
    }

    /// Issues of the morning of Tuesday 24 November 2026, with a hostile customer name.
    static let issues = """
        [
          {"id": "1", "customer": "Bakkerij Jansen & Zn.", "summary": "Factuur toont het verkeerde btw-tarief", "kind": "problem",
           "receivedAt": "2026-11-23T17:45:00+01:00", "status": "resolved", "resolvedAt": "2026-11-24T09:00:00+01:00",
           "resolvedBy": "Ann", "action": "Btw-controle in het factuursjabloon"},
          {"id": "2", "customer": "Jörg Müller GmbH", "summary": "Klacht over de bezorger", "kind": "complaint",
           "receivedAt": "2026-11-24T06:00:00+01:00", "status": "resolved", "resolvedAt": "2026-11-24T09:40:00+01:00", "resolvedBy": "Bob"},
          {"id": "3", "customer": "X\\r\\nBcc: someone@elsewhere", "summary": "line one\\n.\\nline three", "kind": "question",
           "receivedAt": "2026-11-24T07:30:00+01:00", "status": "resolved", "resolvedAt": "2026-11-24T09:30:00+01:00", "resolvedBy": "Bob"},
          {"id": "4", "customer": "株式会社テスト", "summary": "アプリが起動しません", "kind": "bug",
           "receivedAt": "2026-11-24T07:50:00+01:00", "assignee": "Chris"}
        ]
        """

    /// A store with the issues above, a running sink, an msmtp config pointing at it, and the
    /// environment of a cron job using them.
    final class Harness {
        let python: String
        let root: URL
        let store: URL
        let box: URL
        var sink: Sink
        let env: [String: String]

        /// `nil` after recording why, when msmtp or aiosmtpd is missing.
        init?() throws {
            guard let python = MailDeliveryTests.python(), let msmtp = MailDeliveryTests.msmtp() else {
                Issue.record("""
                    The mail end-to-end test needs msmtp and Python 3 with aiosmtpd \
                    (apt-get install msmtp python3-aiosmtpd; or set TENBOARD_TEST_PYTHON).
                    """)
                return nil
            }
            self.python = python
            root = try TenBoardBinary.temporaryDirectory("mail")
            store = root.appendingPathComponent("store")
            box = root.appendingPathComponent("sink")
            try FileManager.default.createDirectory(at: box, withIntermediateDirectories: true)
            sink = try Sink(python: python, directory: box)
            let config = root.appendingPathComponent("msmtprc")
            try """
                defaults
                tls off
                auth off
                syslog off
                account sink
                host 127.0.0.1
                port \(sink.port)
                from dashboard@example.test
                account default : sink

                """.write(to: config, atomically: true, encoding: .utf8)
            // msmtp refuses a config that others can read once it holds a password; keep it ours.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
            env = [
                "TENBOARD_STORE": store.path,
                "TENBOARD_SENDMAIL": "\(msmtp) -C \(config.path)",
                "TENBOARD_DIRECTORS": "Ann de Vries <ann@example.test>, Jörg Müller <jorg@example.test>, cfo@example.test",
                "TENBOARD_SENDER": "tenboard <dashboard@example.test>",
                "TENBOARD_LANGUAGE": "nl",
                "TENBOARD_TIMEZONE": "Europe/Amsterdam",
            ]
            let added = try TenBoardBinary.run(["add", "--json", "-"], environment: env, input: MailDeliveryTests.issues)
            guard added.status == 0 else { throw TestFailure("tenboard add: \(added.stderr)") }
        }

        func run(_ arguments: [String]) throws -> TenBoardBinary.Result {
            try TenBoardBinary.run(arguments, environment: env)
        }

        func delivered() throws -> [Delivered] { try MailDeliveryTests.delivered(python, box) }

        deinit {
            sink.stop()
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func sendsOnceToEveryDirectorAndKeepsWhatCannotBeSent() throws {
        guard let h = try Harness() else { return }
        let env = h.env
        let store = h.store
        let python = h.python
        let box = h.box

        // The cron run at 10:00.
        let tuesday = ["summary", "--send", "--morning", "2026-11-24", "--at", "2026-11-24T10:00:30+01:00"]
        let first = try TenBoardBinary.run(tuesday, environment: env)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        var mails = try Self.delivered(python, box)
        try #require(mails.count == 1, "expected one delivered message, stderr: \(first.stderr)")
        let mail = mails[0]
        #expect(mail.envelope.mailFrom == "dashboard@example.test")
        #expect(mail.envelope.rcptTos == ["ann@example.test", "jorg@example.test", "cfo@example.test"])
        #expect(mail.to == [.init(name: "Ann de Vries", address: "ann@example.test"),
                            .init(name: "Jörg Müller", address: "jorg@example.test"),
                            .init(name: "", address: "cfo@example.test")])
        #expect(mail.from == "tenboard <dashboard@example.test>")
        #expect(mail.subject == "Doel niet gehaald: 3 van 4 klanten voor 10:00 geholpen (di 24 nov 2026)")
        #expect(mail.date.hasSuffix("+0100"))
        #expect(mail.messageID.hasPrefix("<tenboard.2026-11-24.") && mail.messageID.hasSuffix("@example.test>"))
        for header in ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version"] {
            #expect(mail.headerNames.filter { $0 == header }.count == 1, "\(header) once")
        }
        #expect(!mail.headerNames.contains { $0.lowercased() == "bcc" })
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.charset == "utf-8" && $0.transferEncoding == "quoted-printable" })
        #expect(mail.defects.isEmpty, "parser defects: \(mail.defects)")
        #expect(mail.longestLine <= 998)
        let text = mail.parts.first?.text.replacingOccurrences(of: "\r\n", with: "\n") ?? ""
        #expect(text.hasPrefix("DOEL NIET GEHAALD: 1 wacht nog.\n"))
        #expect(text.contains("* #4 株式会社テスト: アプリが起動しません\n  bug, wacht 2u 10m, toegewezen aan Chris\n"))
        #expect(text.contains("* #1 Bakkerij Jansen & Zn.: Factuur toont het verkeerde btw-tarief\n"))
        #expect(text.contains("* #3 X Bcc: someone@elsewhere: line one . line three\n"))
        #expect(text.contains("* Btw-controle in het factuursjabloon (Bakkerij Jansen & Zn., Ann)\n"))
        let html = mail.parts.last?.text ?? ""
        #expect(html.contains("Bakkerij Jansen &amp; Zn."))

        // A second cron run, or a person repeating it: nothing is sent.
        let second = try TenBoardBinary.run(tuesday, environment: env)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stderr.contains("al verstuurd"), "stderr: \(second.stderr)")
        mails = try Self.delivered(python, box)
        #expect(mails.count == 1)

        // The mail server is down on Wednesday: exit 75, the report waits in the outbox.
        let port = h.sink.port
        h.sink.stop()
        let wednesday = ["summary", "--send", "--morning", "2026-11-25", "--at", "2026-11-25T10:00:30+01:00"]
        let failed = try TenBoardBinary.run(wednesday, environment: env)
        #expect(failed.status == 75, "stderr: \(failed.stderr)")
        #expect(failed.stderr.contains("NIET verstuurd"), "stderr: \(failed.stderr)")
        let pending = store.appendingPathComponent("outbox/2026-11-25.eml")
        #expect(FileManager.default.fileExists(atPath: pending.path))
        let kept = try String(contentsOf: pending, encoding: .utf8)
        let keptID = try #require(kept.split(separator: "\n").first { $0.hasPrefix("Message-ID: ") }).dropFirst("Message-ID: ".count)

        // Back up: a retry delivers it exactly once, with the Message-ID it was composed with.
        h.sink = try Sink(python: python, directory: box, port: port)
        let retried = try TenBoardBinary.run(["summary", "--retry"], environment: env)
        #expect(retried.status == 0, "stderr: \(retried.stderr)")
        let again = try TenBoardBinary.run(["summary", "--retry"], environment: env)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let repeated = try TenBoardBinary.run(wednesday, environment: env)
        #expect(repeated.status == 0, "stderr: \(repeated.stderr)")
        mails = try Self.delivered(python, box)
        #expect(mails.count == 2)
        #expect(mails.last?.messageID == String(keptID))
        // Tuesday's customer still waits on Wednesday: carried over, Wednesday's goal is missed too.
        #expect(mails.last?.subject == "Doel niet gehaald: 0 van 1 klanten voor 10:00 geholpen (wo 25 nov 2026)")
        #expect(!FileManager.default.fileExists(atPath: pending.path))
    }

    @Test func twoCronRunsAtOnceSendOnce() throws {
        guard let h = try Harness() else { return }
        let tuesday = ["summary", "--send", "--morning", "2026-11-24", "--at", "2026-11-24T10:00:30+01:00"]
        nonisolated(unsafe) var results: [TenBoardBinary.Result?] = [nil, nil]
        let lock = NSLock()
        let env = h.env
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let result = try? TenBoardBinary.run(tuesday, environment: env)
            lock.withLock { results[i] = result }
        }
        #expect(results.map { $0?.status } == [0, 0], "stderr: \(results.map { $0?.stderr ?? "" })")
        let said = results.compactMap { $0?.stderr }.joined()
        #expect(said.contains("verstuurd naar 3 ontvanger(s)"))
        #expect(said.contains("al verstuurd"))
        #expect(try h.delivered().count == 1)
    }
}
