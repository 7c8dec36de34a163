import Foundation
@testable import TenBoardCore

/// Shorthands for the morning tests: instants and dates are written as people read them.
enum Morn {
    static let amsterdam = MorningSchedule()
    static func zone(_ id: String) -> TimeZone { TimeZone(identifier: id)! }

    /// An issue received at `received`; resolved at `resolved` when given.
    static func issue(_ id: String, _ received: String, resolved: String? = nil) -> Issue {
        Issue(
            id: id, customer: "Customer \(id)", summary: "", receivedAt: Timestamp(rfc3339: received)!,
            status: resolved == nil ? .open : .resolved, resolvedAt: resolved.map { Timestamp(rfc3339: $0)! }
        )
    }

    static func ids(_ issues: [Issue]) -> [String] { issues.map(\.id) }
}
