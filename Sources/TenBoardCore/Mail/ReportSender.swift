import Foundation

/// A composed report ready for the outbox: the rendered message and its envelope.
public struct OutgoingReport: Sendable, Equatable {
    public var morning: LocalDate
    /// Without angle brackets; the same as in `message`.
    public var messageID: String
    /// The envelope sender.
    public var sender: MailAddress
    /// The envelope recipients: every director, never parsed back from the headers.
    public var recipients: [MailAddress]
    /// The RFC 5322 message with LF line endings.
    public var message: Data

    public init(morning: LocalDate, messageID: String, sender: MailAddress, recipients: [MailAddress], message: Data) {
        self.morning = morning
        self.messageID = messageID
        self.sender = sender
        self.recipients = recipients
        self.message = message
    }
}

/// What happened to one morning's report in a `send` or `retry`.
public struct DeliveryAttempt: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        /// sendmail accepted it now.
        case sent(SentReport)
        /// It had been sent before; nothing was done (`--force` sends again).
        case alreadySent(SentReport)
        /// Not sent; it stays in the outbox at `file`.
        case failed(DeliveryFailure, file: URL)
    }

    public var morning: LocalDate
    public var result: Result
    /// An earlier attempt was cut off mid-send (tenboard was killed or crashed), so this one may
    /// be a duplicate; it carries the same Message-ID.
    public var resumedInterrupted: Bool
}

/// Sends morning reports at most once per morning, and never loses one.
///
/// The report goes into `<store>/outbox` before sendmail sees it and leaves only after the
/// delivery is recorded in `<store>/sent.json`, all under `MailLock` so two cron runs at once
/// cannot both send. A crash mid-send leaves the copy in the outbox, marked as being sent; the
/// next run sends it again with the same Message-ID. That may deliver it twice if sendmail had
/// taken it just before the crash: a duplicate with the same id is preferred to a lost report.
/// The same holds for OpenSMTPD, which queues offline and still exits 75 when its daemon is down.
public struct ReportSender: Sendable {
    public var store: URL
    public var transport: any MailTransport
    public var now: @Sendable () -> Date
    /// How long to wait for another tenboard that is sending.
    public var lockTimeout: Duration

    /// - Parameters:
    ///   - store: the store directory; `outbox/`, `sent.json` and `mail.lock` live there.
    ///   - transport: normally `SendmailTransport(command: configuration.sendmail)`.
    ///   - now: the clock for the record of sent times.
    ///   - lockTimeout: how long to wait for another tenboard that is sending, then exit 75.
    public init(
        store: URL, transport: any MailTransport, now: @escaping @Sendable () -> Date = { Date() },
        lockTimeout: Duration = .seconds(300)
    ) {
        self.store = store
        self.transport = transport
        self.now = now
        self.lockTimeout = lockTimeout
    }

    /// Sends the report of `morning` unless it was sent before, and delivers what else is pending.
    ///
    /// - Parameters:
    ///   - morning: the morning the report is about.
    ///   - force: send a freshly composed report even if one was sent (or is pending) for `morning`.
    ///   - compose: makes the report; called only when a new one is needed (not when it was
    ///     already sent, nor when a pending copy exists, which is resent unchanged), and before
    ///     anything is delivered, so that its error stops the whole run.
    /// - Returns: the attempts, older pending mornings first, `morning` last; a failed delivery
    ///   is an attempt with `.failed`, not a thrown error.
    /// - Throws: `TenBoardError` when the store cannot be read or written, or `compose` fails.
    public func send(
        morning: LocalDate, force: Bool = false, compose: () throws -> OutgoingReport
    ) async throws -> [DeliveryAttempt] {
        try await MailLock.withLock(in: store, timeout: lockTimeout) {
            let outbox = Outbox(store: store)
            let pending = try outbox.pending()
            let pendingNow = pending.first { $0.morning == morning }
            let earlier = force ? nil : try SentLog(store: store).load()[morning]?.first
            // Decide and compose first: a configuration error then stops the run before
            // anything is sent, and is the one error reported.
            var todo: PendingReport? = nil
            var alreadySent: DeliveryAttempt? = nil
            if let earlier, pendingNow == nil {
                alreadySent = DeliveryAttempt(morning: morning, result: .alreadySent(earlier), resumedInterrupted: false)
            } else if let pendingNow, !force {
                // Unsent, or (if `earlier` is set) a delivery recorded just before a crash, which
                // `deliver` recognises and cleans up, or a forced resend that failed: finish it.
                todo = pendingNow
            } else {
                let report = try compose()
                guard report.morning == morning else {
                    throw TenBoardError(exitCode: .software) { $0.composedWrongMorning(report.morning, for: morning) }
                }
                let entry = PendingReport(
                    morning: morning, messageID: report.messageID, sender: report.sender.address,
                    recipients: report.recipients.map(\.address), composedAt: now(), attempts: 0,
                    lastAttemptAt: nil, lastError: nil, sendingSince: nil, file: outbox.emlURL(morning))
                // No store lock for the outbox (MailLock keeps senders apart, and no store writer
                // touches outbox/): the report is safe there before anything can time out.
                try outbox.put(entry, message: report.message)
                todo = entry
            }
            var attempts: [DeliveryAttempt] = []
            for older in pending where older.morning != morning {
                attempts.append(try await deliver(older))
            }
            if let todo { attempts.append(try await deliver(todo)) }
            if let alreadySent { attempts.append(alreadySent) }
            return attempts
        }
    }

    /// Delivers every pending report, oldest morning first.
    public func retry() async throws -> [DeliveryAttempt] {
        try await MailLock.withLock(in: store, timeout: lockTimeout) {
            var attempts: [DeliveryAttempt] = []
            for pending in try Outbox(store: store).pending() {
                attempts.append(try await deliver(pending))
            }
            return attempts
        }
    }

    /// The reports waiting in the outbox of `store`, oldest first; cheap enough for every tick
    /// of the board. An unreadable outbox counts as empty here: `send` and `retry` say why.
    public static func pendingReports(store: URL) -> [PendingReport] {
        (try? Outbox(store: store).pending()) ?? []
    }

    /// One attempt at a pending report; the caller holds `MailLock`.
    private func deliver(_ pending: PendingReport) async throws -> DeliveryAttempt {
        let outbox = Outbox(store: store)
        let sentLog = SentLog(store: store)
        // Recorded as sent but still here: the previous run stopped between the two steps.
        if let done = try sentLog.load()[pending.morning]?.first(where: { $0.messageID == pending.messageID }) {
            outbox.remove(pending.morning)
            return DeliveryAttempt(morning: pending.morning, result: .alreadySent(done), resumedInterrupted: false)
        }
        var entry = pending
        let interrupted = pending.sendingSince != nil
        // The count comes from a file the group can write: it stops at its bound, never wraps.
        if entry.attempts < StoreState.numberLimit { entry.attempts += 1 }
        entry.lastAttemptAt = now()
        entry.sendingSince = entry.lastAttemptAt
        try outbox.update(entry)

        let recipients = entry.recipients.map { MailAddress(address: $0) }
        do {
            // The outbox file itself: sendmail reads a complete message or none.
            try await transport.deliver(file: outbox.emlURL(pending.morning), from: MailAddress(address: entry.sender), to: recipients)
        } catch {
            entry.sendingSince = nil
            entry.lastError = error.reason
            try outbox.update(entry)
            return DeliveryAttempt(morning: pending.morning, result: .failed(error, file: pending.file), resumedInterrupted: interrupted)
        }
        let sent = SentReport(sentAt: now(), messageID: entry.messageID, recipients: entry.recipients)
        do {
            // sent.json lives beside issues.json, whose writers clear stray temporary files there:
            // written under the store lock.
            try StoreLock.withExclusiveLock(in: store) { try sentLog.record(sent, for: pending.morning) }
        } catch let error as TenBoardError {
            throw TenBoardError(exitCode: error.exitCode) { $0.deliveredNotRecorded(pending.morning, error.message(in: $0.language)) }
        }
        outbox.remove(pending.morning)
        return DeliveryAttempt(morning: pending.morning, result: .sent(sent), resumedInterrupted: interrupted)
    }
}
