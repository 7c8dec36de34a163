import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// `tenboard check`'s list of what an installation still lacks, against real directories.
struct SetupCheckTests {
    func directory(mode: Int) throws -> String {
        let url = try TemporaryDirectory.make("setup")
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    @Test func aFreshInstallListsEverythingStillToConfigure() throws {
        let store = try directory(mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let config = Configuration(store: store, sendmail: ["/nonexistent/sendmail", "-i"], file: "/etc/tenboard/config.yaml")
        let todo = SetupCheck.todo(config, canWrite: { _ in false })
        #expect(todo.count == 5, "\(todo)")
        #expect(todo[0].hasPrefix("directors:") && todo[0].contains("/etc/tenboard/config.yaml"))
        #expect(todo[1].hasPrefix("sender:"))
        #expect(todo[2].hasPrefix("sendmail: /nonexistent/sendmail does not exist"))
        #expect(todo[3].hasPrefix("store: \(store) is not shared by a group (mode 755)"))
        #expect(todo[4].hasPrefix("store: you cannot write to \(store)"))
    }

    @Test func aConfiguredHostHasNothingLeft() throws {
        let store = try directory(mode: 0o2775)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let config = Configuration(store: store, directors: [MailAddress(address: "ann@example.nl")],
                                   sender: MailAddress(address: "tenboard@example.nl"), sendmail: ["/bin/true"])
        #expect(SetupCheck.todo(config, canWrite: { _ in true }) == [])
    }

    @Test func aRelativeSendmailAndAMissingStoreAreNamed() {
        let store = "/nonexistent/tenboard-store-\(UUID().uuidString)"
        let config = Configuration(store: store, directors: [], sendmail: ["sendmail"])
        let todo = SetupCheck.todo(config, canWrite: { _ in true })
        #expect(todo.contains { $0.hasPrefix("sendmail: 'sendmail' is not an absolute path") })
        #expect(todo.contains { $0.hasPrefix("store: \(store) does not exist yet") })
        #expect(todo.first?.contains("TENBOARD_*") == true)
    }

    @Test func underDutchTheSameItemsAreSaidInDutchWithTheSameKeys() throws {
        let store = try directory(mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let config = Configuration(store: store, language: .nl, sendmail: ["/nonexistent/sendmail", "-i"], file: "/etc/tenboard/config.yaml")
        let todo = SetupCheck.todo(config, canWrite: { _ in false })
        #expect(todo.count == 5, "\(todo)")
        #expect(todo[0] == "directors: niemand krijgt het ochtendrapport; zet 'directors' in /etc/tenboard/config.yaml")
        #expect(todo[1].hasPrefix("sender: het ochtendrapport heeft geen afzender"))
        #expect(todo[2].hasPrefix("sendmail: /nonexistent/sendmail bestaat niet"))
        #expect(todo[3].hasPrefix("store: \(store) wordt niet gedeeld door een groep (modus 755)"))
        #expect(todo[4].hasPrefix("store: je kunt niet schrijven in \(store)"))
    }
}
