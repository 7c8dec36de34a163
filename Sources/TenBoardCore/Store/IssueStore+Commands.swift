import Foundation

/// The commands that change one issue or add some: each a `modify` or an `update` with the
/// rules of its change (`withdraw` is in `IssueStore+Withdraw`, edits in `Editing/`).
extension IssueStore {
    /// Adds a new issue with the next free id, from what a person typed (`add --customer`, the
    /// board's form): each text trimmed of blanks and line breaks, as `set` stores it
    /// (`IssueEdit`), an empty assignee or channel none. Records (`add --json`, `import`) are
    /// kept as they came.
    @discardableResult
    public func add(
        customer: String, summary: String, kind: IssueKind = .question, receivedAt: Date,
        assignee: String? = nil, isInternal: Bool = false, channel: String? = nil, at now: Date = Date()
    ) throws -> Issue {
        let received = Timestamp(receivedAt.wholeSeconds, in: schedule.timeZone)
        var fields: [String: JSONValue] = [
            "customer": .string(customer.trimmingBlanksAndNewlines()), "summary": .string(summary.trimmingBlanksAndNewlines()),
            "kind": .string(kind.rawValue), "receivedAt": .string(received.rfc3339), "internal": .bool(isInternal),
        ]
        if let assignee = assignee?.typedValue { fields["assignee"] = .string(assignee) }
        if let channel = channel?.typedValue { fields["channel"] = .string(channel) }
        return try add(records: [.object(fields)], at: now)[0]
    }

    /// Adds issues from JSON objects (as `tenboard add --json` reads them): `id` and `receivedAt`
    /// may be absent (the next free id, and `now`). All or nothing.
    @discardableResult
    public func add(records: [JSONValue], at now: Date = Date()) throws -> [Issue] {
        let stamp = Timestamp(now.wholeSeconds, in: schedule.timeZone)
        let (parsed, problems) = IssueStore.readRecords(
            records.enumerated().map { ImportRecord(position: .record($0.offset + 1), json: $0.element) }, now: stamp)
        guard problems.isEmpty else {
            throw TenBoardError(exitCode: .dataError) { IssueStore.listProblems(problems, words: $0) + "\n" + $0.nothingAdded }
        }
        // New open issues with ids of the store's own need nothing of the settled file's closed
        // customers (an id given must be new to the whole store; a closed issue may belong there
        // or in the archive).
        let hotOnly = parsed.allSatisfy { !$0.hasID && $0.issue.isOpen }
        return try update(at: now, reusing: nil, hotOnly: hotOnly) { state in
            try insert(parsed, into: &state, now: now, name: nil)
        }
    }

    /// Marks an issue helped.
    ///
    /// - Parameters:
    ///   - by: who helped the customer: credited on the wall and in the report.
    ///   - recordedBy: who records it, kept when it is not `by` (a lead recording a colleague's
    ///     call-back); `nil` when the helper records it themselves.
    ///   - action: the action point so the problem does not come back; `nil` or empty for none.
    ///   - at: when the customer was helped (a lead may record a call-back made earlier).
    /// - Throws: exit 66 for an unknown id, 65 when it is already resolved.
    @discardableResult
    public func resolve(id: String, by: String, action: String?, at: Date) throws -> Issue {
        try resolve(id: id, by: by, recordedBy: nil, action: action, at: at)
    }

    /// Marks an issue helped by `by`, recorded by `recordedBy` (kept only when someone else).
    @discardableResult
    public func resolve(id: String, by: String, recordedBy: String?, action: String?, at: Date) throws -> Issue {
        try modify(id: id, at: at) { issue in
            guard issue.status != .withdrawn else {
                throw TenBoardError(exitCode: .dataError) { $0.resolveWithdrawn(id) }
            }
            guard issue.isOpen else {
                let (who, when) = (issue.resolvedBy ?? "?", issue.resolvedAt?.rfc3339 ?? "?")
                throw TenBoardError(exitCode: .dataError) { $0.alreadyResolved(id, by: who, at: when) }
            }
            let latest = clock().addingTimeInterval(IssueStore.clockSkew)
            guard at <= latest else {
                let (time, now) = (Timestamp(at.wholeSeconds, in: schedule.timeZone).rfc3339, Timestamp(clock().wholeSeconds, in: schedule.timeZone).rfc3339)
                throw TenBoardError(exitCode: .dataError) { $0.resolvedInTheFuture(id, at: time, now: now) }
            }
            guard at >= issue.receivedAt.date else {
                let received = issue.receivedAt.rfc3339
                throw TenBoardError(exitCode: .dataError) { $0.resolvedBeforeReceipt(id, received: received) }
            }
            guard !issue.waitsTooLong(until: at) else {
                let received = issue.receivedAt.rfc3339
                throw TenBoardError(exitCode: .dataError) { $0.waitTooLong(id, received: received, years: Issue.longestWaitYears) }
            }
            issue.status = .resolved
            let resolvedAt = Timestamp(at.wholeSeconds, in: schedule.timeZone)
            guard resolvedAt.isReadable else {
                throw TenBoardError(exitCode: .dataError) { $0.notAStorableTime(id, resolvedAt.rfc3339) }
            }
            issue.resolvedAt = resolvedAt
            issue.resolvedBy = by
            issue.recordedBy = recordedBy?.typedValue.flatMap { $0 == by ? nil : $0 }
            issue.action = action?.typedValue
        }
    }

    /// Opens a resolved or withdrawn issue again; who resolved or withdrew it, when and why is
    /// cleared, the action point is kept (offered again on the next resolve).
    @discardableResult
    public func reopen(id: String, at now: Date = Date()) throws -> Issue {
        try modify(id: id, at: now) { issue in
            guard !issue.isOpen else {
                throw TenBoardError(exitCode: .dataError) { $0.alreadyOpen(id) }
            }
            issue.status = .open
            issue.resolvedAt = nil
            issue.resolvedBy = nil
            issue.recordedBy = nil
            issue.withdrawnAt = nil
            issue.withdrawnReason = nil
        }
    }

    /// Assigns an issue to a person, or to nobody with `nil`.
    @discardableResult
    public func assign(id: String, to assignee: String?, at now: Date = Date()) throws -> Issue {
        try modify(id: id, at: now) { issue in
            issue.assignee = assignee?.typedValue
        }
    }
}

extension Date {
    /// This instant without its fraction of a second: what people write and read.
    var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
