import Foundation
import Testing
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// A sendmail that is down: every delivery fails as temporary.
struct DownTransport: MailTransport {
    func deliver(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        throw DeliveryFailure(.temporary, "connection refused")
    }
}

/// Delivers everything.
struct UpTransport: MailTransport {
    func deliver(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {}
}

@Suite struct BoardPendingReportTests {
    @Test func aFailedReportInARealStoreShowsOnTheBoardUntilARetrySendsIt() async throws {
        let dir = try TemporaryDirectory.make("pending")
        defer { TemporaryDirectory.remove(dir) }
        let store = IssueStore(directory: dir)
        let now = Timestamp(rfc3339: "2026-11-24T10:00:30+01:00")!.date
        try store.add(customer: "Ann", summary: "vraag", receivedAt: now.addingTimeInterval(-7200), at: now)
        let board = BoardController(store: store, schedule: store.schedule, language: .en, userName: "lisa",
                                    readOnly: true, uptime: { 100 })
        board.size = (100, 20)
        board.refresh()
        #expect(board.state(now: now).notice == nil)

        let config = Configuration(store: dir.path, directors: [MailAddress(address: "dir@example.nl")],
                                   sender: MailAddress(address: "tenboard@example.nl"))
        let day = LocalDate("2026-11-24")!
        let data = store.schedule.reportData(of: day, issues: try store.snapshot().issues, at: now)
        let failed = try await ReportSender(store: dir, transport: DownTransport()).send(morning: day) {
            try MorningReport.outgoing(data, configuration: config, now: now)
        }
        #expect(failed.count == 1)
        #expect(board.refresh(), "the outbox changed, so the board reads again")
        #expect(board.state(now: now).notice?.text.contains("1 morning report not sent yet (2026-11-24)") == true)

        _ = try await ReportSender(store: dir, transport: UpTransport()).retry()
        #expect(board.refresh())
        #expect(board.state(now: now).notice == nil)
    }
}
