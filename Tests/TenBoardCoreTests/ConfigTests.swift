import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

@Suite("Configuration layering and errors")
struct ConfigTests {
    let dir: URL

    init() throws {
        dir = try TemporaryDirectory.make("config")
    }

    func file(_ text: String) throws -> String {
        let url = dir.appendingPathComponent("config.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("Built-in defaults without file or environment")
    func defaults() throws {
        let c = try ConfigLoader(environment: ["HOME": "/home/ann"]).load()
        #expect(c.store == "/home/ann/.local/share/tenboard")
        #expect(c.schedule.deadline == ClockTime(hour: 10, minute: 0))
        #expect(c.schedule.cutoff == ClockTime(hour: 8, minute: 0))
        #expect(c.schedule.workdays == [.mon, .tue, .wed, .thu, .fri])
        #expect(c.schedule.timeZone.identifier == "Europe/Amsterdam")
        #expect(c.sendmail == ["/usr/sbin/sendmail", "-i"])
        #expect(c.language == .en)
    }

    @Test("File < environment < flags")
    func layering() throws {
        let path = try file("""
            # comment
            store: /srv/file-store
            deadline: 10:30   # unquoted stays a time, not YAML 1.1's 630
            cutoff: "07:45"
            workdays: [mon, tue, wed]
            holidays: 2026-12-25, 2026-12-28
            warning: 20
            language: nl
            directors:
              - Ann de Vries <ann@example.nl>
              - bob@example.nl
            sendmail: /usr/bin/msmtp -C "/etc/my msmtp.conf"
            """)
        let env = ["TENBOARD_CONFIG": path, "TENBOARD_STORE": "/srv/env-store", "TENBOARD_WARNING": "15"]
        let c = try ConfigLoader(environment: env, flags: ["store": "/srv/flag-store"]).load()
        #expect(c.store == "/srv/flag-store")
        #expect(c.schedule.deadline == ClockTime(hour: 10, minute: 30))
        #expect(c.schedule.cutoff == ClockTime(hour: 7, minute: 45))
        #expect(c.schedule.workdays == [.mon, .tue, .wed])
        #expect(c.schedule.holidays == [LocalDate("2026-12-25")!, LocalDate("2026-12-28")!])
        #expect(c.schedule.warningSeconds == 15 * 60)
        #expect(c.language == .nl)
        #expect(c.directors.map(\.address) == ["ann@example.nl", "bob@example.nl"])
        #expect(c.directors.first?.displayName == "Ann de Vries")
        #expect(c.sendmail == ["/usr/bin/msmtp", "-C", "/etc/my msmtp.conf"])
        #expect(c.file == path)
    }

    @Test("Bad values and unknown keys name the key and exit 78", arguments: [
        ("deadline: 25:00", "key 'deadline'"),
        ("timezone: Mars/Olympus", "key 'timezone'"),
        ("workdays: mon, funday", "key 'workdays'"),
        ("holidays: [2026-13-01]", "key 'holidays'"),
        ("warning: soon", "key 'warning'"),
        ("language: fr", "key 'language'"),
        ("directors: ann@, bob@example.nl", "key 'directors'"),
        ("sender: \"x\r\nBcc: evil@example.com\"", "key 'sender'"),
        ("sendmail: sendmail -i", "key 'sendmail'"),
        ("deadlin: 10:00", "key 'deadlin': unknown key (did you mean 'deadline'?)"),
        // Two keys begin with "wal": the suggestion is the first in order, on every run.
        ("wal: true", "key 'wal': unknown key (did you mean 'wall-quit-key'?)"),
        ("name: [a, [b]]", "key 'name'"),
        ("cutoff: 11:00", "key 'cutoff': the cut-off 11:00 is later than the deadline 10:00"),
        ("deadline: 07:30", "key 'deadline': the cut-off 08:00 is later than the deadline 07:30"),
    ])
    func badValues(text: String, expected: String) throws {
        let path = try file("store: /tmp/x\n" + text + "\n")
        #expect {
            try ConfigLoader(environment: [:], configFile: path).load()
        } throws: { error in
            guard let e = error as? TenBoardError else { return false }
            return e.exitCode == .config && e.message.contains(expected) && e.message.contains(path)
        }
    }

    @Test("A bad environment value names the variable")
    func badEnvironment() {
        #expect {
            try ConfigLoader(environment: ["HOME": "/h", "TENBOARD_CUTOFF": "8am"]).load()
        } throws: { error in
            (error as? TenBoardError)?.message.hasPrefix("environment variable TENBOARD_CUTOFF:") == true
        }
    }

    @Test("YAML syntax errors give the line; a missing named file is exit 66")
    func fileErrors() throws {
        let path = try file("store: /x\ndeadline: [10:00\n")
        #expect {
            try ConfigLoader(environment: [:], configFile: path).load()
        } throws: { error in
            guard let e = error as? TenBoardError else { return false }
            // The unclosed list ends where the file does: YAML finds the missing ']' on line 3.
            return e.exitCode == .config && e.message.contains("line 3, column 1: did not find expected ',' or ']'")
        }
        #expect {
            try ConfigLoader(environment: [:], configFile: dir.appendingPathComponent("nope.yaml").path).load()
        } throws: { error in
            (error as? TenBoardError)?.exitCode == .noInput
        }
    }

    @Test("No HOME and no store is a configuration error, as under cron")
    func noHome() {
        #expect {
            try ConfigLoader(environment: ["PATH": "/usr/bin:/bin"]).load()
        } throws: { error in
            (error as? TenBoardError)?.exitCode == .config
        }
    }

    @Test("The shipped default config loads as it is")
    func shippedConfig() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("config/tenboard.yaml").path
        let c = try ConfigLoader(environment: ["HOME": "/h"], configFile: path).load()
        #expect(c.schedule.deadline == ClockTime(hour: 10, minute: 0))
        #expect(c.schedule.timeZone.identifier == "Europe/Amsterdam")
    }

    @Test("Language follows LANG when not configured")
    func languageFromLocale() throws {
        #expect(try ConfigLoader(environment: ["HOME": "/h", "LANG": "nl_BE.UTF-8"]).load().language == .nl)
        #expect(try ConfigLoader(environment: ["HOME": "/h", "LANG": "de_DE.UTF-8"]).load().language == .en)
        #expect(try ConfigLoader(environment: ["HOME": "/h", "LC_ALL": "C", "LANG": "nl_NL"]).load().language == .en)
    }
}
