import Foundation
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// Shorthands for the wall tests: instants as people read them, and a few small stores.
enum W {
    static let schedule = MorningSchedule()

    static func issue(
        _ id: String, _ customer: String, _ received: String, resolved: String? = nil, by: String? = nil,
        assignee: String? = nil
    ) -> Issue {
        Issue(
            id: id, customer: customer, summary: "", receivedAt: Timestamp(rfc3339: received)!,
            status: resolved == nil ? .open : .resolved, assignee: assignee,
            resolvedAt: resolved.map { Timestamp(rfc3339: $0)! }, resolvedBy: by)
    }

    /// Tuesday 24 Nov 2026: five customers of the morning, two helped, one from yesterday still
    /// waiting, one that came in after the cut-off.
    static let busy = StoreSnapshot(
        revision: 7, createdAt: localDate("2026-11-02"), nextID: 9,
        issues: [
            issue("1", "Bakkerij Jansen", "2026-11-23T07:10:00+01:00"),
            issue("2", "Gemeente Utrecht", "2026-11-23T16:20:00+01:00", assignee: "Sanne"),
            issue("3", "Hotel De Kroon", "2026-11-23T18:05:00+01:00", resolved: "2026-11-24T08:40:00+01:00", by: "Sanne"),
            issue("4", "Van Dijk BV", "2026-11-24T06:30:00+01:00", resolved: "2026-11-24T09:05:00+01:00", by: "Pieter"),
            issue("5", "Zorggroep Oost", "2026-11-24T07:15:00+01:00", assignee: "Pieter"),
            issue("6", "Fietsenmaker Ali", "2026-11-24T07:55:00+01:00", resolved: "2026-11-24T09:10:00+01:00", by: "Sanne"),
            issue("7", "Café 't Hoekje", "2026-11-24T08:30:00+01:00"),
        ],
        tally: [localDate("2026-11-24"): 3])

    static func wall(_ snapshot: StoreSnapshot = busy, at: String, language: Language = .en, notice: String? = nil) -> WallState {
        WallState.make(snapshot: snapshot, schedule: schedule, at: instant(at), language: language, notice: notice)
    }
}
