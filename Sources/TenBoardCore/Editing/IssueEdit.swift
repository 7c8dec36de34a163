import Foundation

/// A correction of an issue's fields, from the board's form (`e`) or `tenboard set`. A field left
/// `nil` is not touched; for the optional fields `.some(nil)` clears them.
public struct IssueEdit: Sendable, Equatable {
    public var customer: String?
    public var summary: String?
    public var kind: IssueKind?
    public var receivedAt: Date?
    public var assignee: String??
    public var channel: String??
    public var isInternal: Bool?
    public var action: String??

    public init(
        customer: String? = nil, summary: String? = nil, kind: IssueKind? = nil, receivedAt: Date? = nil,
        assignee: String?? = nil, channel: String?? = nil, isInternal: Bool? = nil, action: String?? = nil
    ) {
        self.customer = customer
        self.summary = summary
        self.kind = kind
        self.receivedAt = receivedAt
        self.assignee = assignee
        self.channel = channel
        self.isInternal = isInternal
        self.action = action
    }

    /// Whether it changes nothing at all.
    public var isEmpty: Bool { self == IssueEdit() }

    /// Applies the changes, with the checks `add` makes: a customer name, a received time not
    /// after the help.
    ///
    /// - Parameter zone: the zone in which a new received time is written.
    /// - Throws: `TenBoardError` (65) naming the field.
    public func apply(to issue: inout Issue, zone: TimeZone) throws(TenBoardError) {
        func trimmed(_ s: String) -> String { s.trimmingBlanksAndNewlines() }
        func optional(_ s: String?) -> String? { s?.typedValue }
        if let customer {
            guard Issue.isName(customer) else { throw TenBoardError(exitCode: .dataError) { $0.customerEmpty } }
            issue.customer = trimmed(customer)
        }
        if let summary { issue.summary = trimmed(summary) }
        if let kind { issue.kind = kind }
        if let receivedAt {
            let stamp = Timestamp(Date(timeIntervalSince1970: receivedAt.timeIntervalSince1970.rounded(.down)), in: zone)
            if let resolvedAt = issue.resolvedAt, stamp.date > resolvedAt.date {
                throw TenBoardError(exitCode: .dataError) { $0.receivedAfterResolved(stamp.rfc3339, resolvedAt.rfc3339) }
            }
            issue.receivedAt = stamp
        }
        if let assignee { issue.assignee = optional(assignee) }
        if let channel { issue.channel = optional(channel) }
        if let isInternal { issue.isInternal = isInternal }
        if let action { issue.action = optional(action) }
    }
}

extension IssueStore {
    /// The message when an issue changed between reading it and saving a change to it.
    static func changedMeanwhile(_ id: String) -> TenBoardError {
        TenBoardError(exitCode: .tempFailure) { $0.changedMeanwhile(id) }
    }

    /// Corrects fields of an issue under the lock.
    ///
    /// - Parameters:
    ///   - expecting: the issue as the caller last saw it (the board's form); when it is no longer
    ///     so, nothing is saved. `nil` changes whatever is there (scripts).
    ///   - now: the instant of the change.
    /// - Throws: 66 for an unknown id, 65 for a bad field, 75 when someone changed it meanwhile.
    @discardableResult
    public func edit(id: String, _ edit: IssueEdit, expecting: Issue? = nil, at now: Date = Date()) throws -> Issue {
        try modify(id: id, at: now) { issue in
            if let expecting, issue != expecting { throw IssueStore.changedMeanwhile(id) }
            try edit.apply(to: &issue, zone: schedule.timeZone)
        }
    }

    /// Puts an issue back as it was before a change (undo), but only if nobody changed it since:
    /// it must still be exactly `after`, the result of that change.
    ///
    /// - Throws: 75 when it changed since, 66 when it is gone.
    @discardableResult
    public func restore(_ before: Issue, expecting after: Issue, at now: Date = Date()) throws -> Issue {
        try modify(id: after.id, at: now) { issue in
            guard issue == after else { throw IssueStore.changedMeanwhile(after.id) }
            issue = before
        }
    }
}
