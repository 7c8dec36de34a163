import Foundation
import Testing
import TenBoardTestSupport

/// A store path that names no directory (a typo in cron's TENBOARD_STORE, a wrong --store) is not
/// a morning without customers: every command that reads the store refuses it, naming it (66),
/// and `summary --send` mails nothing, where it used to mail "No customers needed help".
@Suite("A store that is not there is refused by the readers, not read as empty")
struct MissingStoreTests {
    static let readers: [[String]] = [
        ["status"], ["status", "--json"], ["summary", "--text"], ["summary", "--send", "--at", "2026-11-30T10:05:00+01:00"],
        ["list"], ["list", "--json"], ["list", "--all"], ["show", "1"], ["history"], ["export", "--jsonl"],
    ]

    @Test("status, summary (--send too), list, show, history and export of a missing store: exit 66 naming it, no mail, nothing made")
    func readersRefuse() throws {
        let dir = try TenBoardBinary.temporaryDirectory("missing-store")
        defer { TemporaryDirectory.remove(dir) }
        let typo = dir.appendingPathComponent("stroe")
        let outbox = dir.appendingPathComponent("delivered")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let sendmail = dir.appendingPathComponent("fake-sendmail")
        try "#!/bin/sh\ncat > \"\(outbox.path)/mail.$$\"\n".write(to: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail.path, 0o755)
        for language in ["en", "nl"] {
            let config = dir.appendingPathComponent("config-\(language).yaml")
            try "language: \(language)\n".write(to: config, atomically: true, encoding: .utf8)
            let env = ["TENBOARD_STORE": typo.path, "TENBOARD_CONFIG": config.path, "HOME": dir.path,
                       "TENBOARD_SENDMAIL": sendmail.path, "TENBOARD_SENDER": "tenboard@example.nl", "TENBOARD_DIRECTORS": "ann@example.nl"]
            let expected = language == "nl"
                ? "tenboard: geen opslag in \(typo.path): daar is nooit iets toegevoegd. Kijk de instelling 'store' na (TENBOARD_STORE, --store); 'tenboard add' begint een nieuwe opslag\n"
                : "tenboard: no store at \(typo.path): nothing was ever added there. Check the 'store' setting (TENBOARD_STORE, --store); 'tenboard add' starts a new store\n"
            for arguments in Self.readers {
                let run = try TenBoardBinary.run(arguments, environment: env)
                #expect(run.status == 66, "\(language) \(arguments): \(run.status) \(run.stdout) \(run.stderr)")
                #expect(run.stdout.isEmpty, "\(language) \(arguments): \(run.stdout)")
                #expect(run.stderr == expected, "\(language) \(arguments): \(run.stderr)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).isEmpty, "no report was mailed")
            #expect(!FileManager.default.fileExists(atPath: typo.path), "reading made no store")
        }
    }

    @Test("An empty directory is a new team's empty store: its quiet morning is read; after add the store is there")
    func emptyDirectoryIsAStore() throws {
        let dir = try TenBoardBinary.temporaryDirectory("empty-store")
        defer { TemporaryDirectory.remove(dir) }
        let store = dir.appendingPathComponent("store")
        let env = ["TENBOARD_STORE": store.path, "HOME": dir.path]
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let status = try TenBoardBinary.run(["status", "--json"], environment: env)
        #expect(status.status == 0 && status.stdout.contains(#""waiting": 0"#), "\(status.stdout) \(status.stderr)")
        let list = try TenBoardBinary.run(["list", "--json"], environment: env)
        #expect(list.status == 0, "\(list.stderr)")
        // A store that was not there is made by the first change, and read from then on.
        try FileManager.default.removeItem(at: store)
        #expect(try TenBoardBinary.run(["add", "--customer", "Ann", "--summary", "the printer"], environment: env).status == 0)
        let after = try TenBoardBinary.run(["status", "--json"], environment: env)
        #expect(after.status == 0 && after.stdout.contains("\"inScope\""), "\(after.stderr)")
    }
}
