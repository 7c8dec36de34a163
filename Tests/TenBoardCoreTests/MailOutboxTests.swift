import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// A transport that fails with the queued failures, then succeeds; records what it was given.
actor FakeTransport: MailTransport {
    var failures: [DeliveryFailure]
    var delay: Duration
    private(set) var delivered: [(message: Data, sender: String, recipients: [String])] = []
    private(set) var calls = 0

    init(failures: [DeliveryFailure] = [], delay: Duration = .zero) {
        self.failures = failures
        self.delay = delay
    }

    func deliver(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        calls += 1
        if delay > .zero { try? await Task.sleep(for: delay) }
        if !failures.isEmpty { throw failures.removeFirst() }
        delivered.append((message, sender.address, recipients.map(\.address)))
    }

    func failNext(_ failure: DeliveryFailure) { failures.append(failure) }
}

/// Counts how often a report was composed.
final class ComposeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func increment() -> Int { lock.withLock { value += 1; return value } }
}

@Suite("Outbox and once-per-morning record")
struct MailOutboxTests {
    let morning = LocalDate(year: 2026, month: 11, day: 24)
    let store: URL
    let counter = ComposeCounter()

    init() throws {
        store = try MailFixtures.temporaryDirectory()
    }

    func compose(_ day: LocalDate? = nil) -> () throws -> OutgoingReport {
        let day = day ?? morning
        let counter = counter
        return {
            let n = counter.increment()
            let id = "tenboard.\(day).test\(n)@example.nl"
            let text = "Message-ID: <\(id)>\nSubject: report \(day)\n\nbody \(n)\n"
            return OutgoingReport(
                morning: day, messageID: id, sender: MailAddress(address: "dashboard@example.nl"),
                recipients: [MailAddress(address: "ann@example.nl"), MailAddress(address: "bob@example.nl")],
                message: Data(text.utf8))
        }
    }

    func sender(_ transport: FakeTransport, at time: Date = MailFixtures.at(10)) -> ReportSender {
        ReportSender(store: store, transport: transport, now: { time }, lockTimeout: .seconds(20))
    }

    func sentJSON() throws -> [String: [SentReport]] {
        Dictionary(uniqueKeysWithValues: try SentLog(store: store).load().map { ($0.key.description, $0.value) })
    }

    func outboxFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("outbox").path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func theReportIsInTheOutboxWhileAnotherProcessHoldsTheStoreLock() async throws {
        // A real holder of store.lock (as `tenboard edit` used to be for as long as the editor ran).
        let lockPath = store.appendingPathComponent(StoreLock.fileName).path
        let holder = try ChildProcess("/bin/sh", ["-c", "exec 9>\"$1\"; flock 9; touch \"$1.held\"; exec sleep 120", "sh", lockPath])
        defer { holder.kill9(); holder.wait() }
        while !FileManager.default.fileExists(atPath: lockPath + ".held") { try await Task.sleep(for: .milliseconds(10)) }
        let transport = FakeTransport(failures: [DeliveryFailure(.temporary, "sendmail exited with status 75")])
        let start = Date()
        let attempts = try await sender(transport).send(morning: morning, compose: compose())
        #expect(attempts.map(\.exitCode) == [.tempFailure])
        #expect(Date().timeIntervalSince(start) < StoreLock.defaultTimeout, "nothing waited for the store lock")
        #expect(outboxFiles() == ["2026-11-24.eml", "2026-11-24.json"])
        #expect(ReportSender.pendingReports(store: store).map(\.lastError) == ["sendmail exited with status 75"])
    }

    @Test func sendsOnceThenSaysWhen() async throws {
        let transport = FakeTransport()
        let first = try await sender(transport).send(morning: morning, compose: compose())
        #expect(first.count == 1)
        let sent = SentReport(sentAt: MailFixtures.at(10), messageID: "tenboard.2026-11-24.test1@example.nl", recipients: ["ann@example.nl", "bob@example.nl"])
        #expect(first[0].result == .sent(sent))
        #expect(first.map(\.exitCode) == [.ok])
        #expect(try sentJSON() == ["2026-11-24": [sent]])
        #expect(outboxFiles().isEmpty)

        let second = try await sender(transport, at: MailFixtures.at(10, 5)).send(morning: morning, compose: compose())
        #expect(second.map(\.result) == [.alreadySent(sent)])
        #expect(second.map(\.exitCode) == [.ok])
        #expect(await transport.calls == 1)
        #expect(counter.count == 1, "an already sent morning is not even composed")
        let delivered = await transport.delivered
        #expect(delivered.map(\.recipients) == [["ann@example.nl", "bob@example.nl"]])
        #expect(delivered.map(\.sender) == ["dashboard@example.nl"])
    }

    @Test func aFailureKeepsTheMessageAndARetryResendsTheSameOne() async throws {
        let transport = FakeTransport(failures: [DeliveryFailure(.temporary, "sendmail exited with status 75")])
        let first = try await sender(transport).send(morning: morning, compose: compose())
        guard case .failed(let failure, let file)? = first.first?.result else {
            Issue.record("expected a failure, got \(first)")
            return
        }
        #expect(failure.kind == .temporary)
        #expect(first.map(\.exitCode) == [.tempFailure])
        #expect(file.path == store.appendingPathComponent("outbox/2026-11-24.eml").path)
        #expect(outboxFiles() == ["2026-11-24.eml", "2026-11-24.json"])
        let kept = try Data(contentsOf: file)

        let pending = ReportSender.pendingReports(store: store)
        #expect(pending.map(\.morning) == [morning])
        #expect(pending.first?.messageID == "tenboard.2026-11-24.test1@example.nl")
        #expect(pending.first?.attempts == 1)
        #expect(pending.first?.lastError == "sendmail exited with status 75")
        #expect(pending.first?.sendingSince == nil)
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("sent.json").path))

        let retried = try await sender(transport, at: MailFixtures.at(10, 15)).retry()
        #expect(retried.map(\.morning) == [morning])
        guard case .sent(let sent)? = retried.first?.result else {
            Issue.record("expected the retry to send, got \(retried)")
            return
        }
        #expect(sent.messageID == "tenboard.2026-11-24.test1@example.nl")
        #expect(sent.sentAt == MailFixtures.at(10, 15))
        #expect(await transport.delivered.map(\.message) == [kept])
        #expect(counter.count == 1)
        #expect(outboxFiles().isEmpty)
        #expect(ReportSender.pendingReports(store: store).isEmpty)
        #expect(try sentJSON()["2026-11-24"]?.map(\.messageID) == ["tenboard.2026-11-24.test1@example.nl"])
        #expect(try await sender(transport).retry().isEmpty)
    }

    @Test func theNextSendDeliversThePendingCopyNotANewOne() async throws {
        let transport = FakeTransport(failures: [DeliveryFailure(.temporary, "down"), DeliveryFailure(.temporary, "still down")])
        _ = try await sender(transport).send(morning: morning, compose: compose())
        _ = try await sender(transport).send(morning: morning, compose: compose())
        #expect(ReportSender.pendingReports(store: store).first?.attempts == 2)
        #expect(ReportSender.pendingReports(store: store).first?.lastError == "still down")
        let third = try await sender(transport).send(morning: morning, compose: compose())
        guard case .sent(let sent)? = third.last?.result else {
            Issue.record("expected sent, got \(third)")
            return
        }
        #expect(sent.messageID == "tenboard.2026-11-24.test1@example.nl")
        #expect(counter.count == 1)
        #expect(await transport.calls == 3)
    }

    @Test func forceSendsAFreshReportWithANewID() async throws {
        let transport = FakeTransport()
        _ = try await sender(transport).send(morning: morning, compose: compose())
        let forced = try await sender(transport, at: MailFixtures.at(11)).send(morning: morning, force: true, compose: compose())
        guard case .sent(let sent)? = forced.first?.result else {
            Issue.record("expected sent, got \(forced)")
            return
        }
        #expect(sent.messageID == "tenboard.2026-11-24.test2@example.nl")
        #expect(try sentJSON()["2026-11-24"]?.map(\.messageID) == ["tenboard.2026-11-24.test1@example.nl", "tenboard.2026-11-24.test2@example.nl"])
        // The first delivery is still the one "already sent" names.
        let again = try await sender(transport).send(morning: morning, compose: compose())
        #expect(again.map(\.result) == [.alreadySent(SentReport(
            sentAt: MailFixtures.at(10), messageID: "tenboard.2026-11-24.test1@example.nl",
            recipients: ["ann@example.nl", "bob@example.nl"]))])
    }

    @Test func olderPendingReportsGoFirst() async throws {
        let monday = LocalDate(year: 2026, month: 11, day: 23)
        let transport = FakeTransport(failures: [DeliveryFailure(.temporary, "down")])
        _ = try await sender(transport).send(morning: monday, compose: compose(monday))
        let result = try await sender(transport).send(morning: morning, compose: compose())
        #expect(result.map(\.morning) == [monday, morning])
        #expect(result.allSatisfy { if case .sent = $0.result { true } else { false } })
        #expect(try sentJSON().keys.sorted() == ["2026-11-23", "2026-11-24"])
    }

    /// A report in the outbox as tenboard leaves it when killed while sendmail ran: marked as being sent.
    func putInterruptedSend() throws -> (OutgoingReport, PendingReport) {
        let report = try compose()()
        let outbox = Outbox(store: store)
        let entry = PendingReport(
            morning: morning, messageID: report.messageID, sender: report.sender.address,
            recipients: report.recipients.map(\.address), composedAt: MailFixtures.at(10), attempts: 1,
            lastAttemptAt: MailFixtures.at(10), lastError: nil, sendingSince: MailFixtures.at(10),
            file: outbox.emlURL(morning))
        try outbox.put(entry, message: report.message)
        return (report, entry)
    }

    @Test func anOutboxCountAtIntMaxDoesNotCrashTheSend() async throws {
        let report = try compose()()
        let outbox = Outbox(store: store)
        let entry = PendingReport(
            morning: morning, messageID: report.messageID, sender: report.sender.address,
            recipients: report.recipients.map(\.address), composedAt: MailFixtures.at(10), attempts: Int.max,
            lastAttemptAt: nil, lastError: nil, sendingSince: nil, file: outbox.emlURL(morning))
        try outbox.put(entry, message: report.message)
        let transport = FakeTransport(failures: [DeliveryFailure(.temporary, "down")])
        let result = try await sender(transport).retry()
        #expect(result.map(\.exitCode) == [.tempFailure])
        #expect(ReportSender.pendingReports(store: store).first?.attempts == Int.max)
    }

    @Test func anInterruptedSendIsResentWithTheSameIDAndFlagged() async throws {
        // As if tenboard was killed while sendmail ran: the copy is marked as being sent.
        let (report, _) = try putInterruptedSend()

        let transport = FakeTransport()
        let result = try await sender(transport).send(morning: morning, compose: compose())
        #expect(result.count == 1)
        #expect(result[0].resumedInterrupted)
        #expect(await transport.delivered.map(\.message) == [report.message])
        #expect(counter.count == 1)
    }

    @Test func aCrashBetweenRecordAndCleanupDoesNotSendTwice() async throws {
        let (report, entry) = try putInterruptedSend()
        let recorded = SentReport(sentAt: MailFixtures.at(10), messageID: report.messageID, recipients: entry.recipients)
        try SentLog(store: store).record(recorded, for: morning)

        let transport = FakeTransport()
        let result = try await sender(transport).send(morning: morning, compose: compose())
        #expect(result.map(\.result) == [.alreadySent(recorded)])
        #expect(await transport.calls == 0)
        #expect(outboxFiles().isEmpty)
    }

    @Test func twoSendersAtOnceSendOnce() async throws {
        let transport = FakeTransport(delay: .milliseconds(300))
        let a = sender(transport)
        let b = sender(transport)
        let composeA = compose()
        let composeB = compose()
        async let first = a.send(morning: morning, compose: composeA)
        async let second = b.send(morning: morning, compose: composeB)
        let results = try await [first, second].flatMap { $0 }.map(\.result)
        #expect(await transport.calls == 1)
        #expect(results.count { if case .sent = $0 { true } else { false } } == 1)
        #expect(results.count { if case .alreadySent = $0 { true } else { false } } == 1)
    }

    @Test func aDamagedRecordSendsNothing() async throws {
        try Data("{ not json".utf8).write(to: store.appendingPathComponent("sent.json"))
        let transport = FakeTransport()
        await #expect {
            _ = try await sender(transport).send(morning: morning, compose: compose())
        } throws: { error in
            // Named with the line and column of the damage, as every other file of the store.
            guard let error = error as? TenBoardError else { return false }
            return error.exitCode == .dataError && error.message.contains("sent.json: line 1, column 3")
        }
        #expect(await transport.calls == 0)
        #expect(try Data(contentsOf: store.appendingPathComponent("sent.json")) == Data("{ not json".utf8))
    }

    @Test func filesAreNeverWorldWritable() async throws {
        func mode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: store.appendingPathComponent(path).path)
            return try #require(attributes[.posixPermissions] as? Int)
        }
        _ = try await sender(FakeTransport(failures: [DeliveryFailure(.temporary, "down")])).send(morning: morning, compose: compose())
        for path in ["outbox", "outbox/2026-11-24.eml", "outbox/2026-11-24.json", "mail.lock"] {
            let m = try mode(path)
            #expect(m & 0o002 == 0, "\(path) has mode \(String(m, radix: 8))")
        }
        _ = try await sender(FakeTransport()).retry()
        #expect(try mode("sent.json") & 0o002 == 0)
        #expect(try mode("sent.json") & 0o600 == 0o600)
    }

    @Test func aCompositionErrorSendsNothing() async throws {
        let monday = LocalDate(year: 2026, month: 11, day: 23)
        _ = try await sender(FakeTransport(failures: [DeliveryFailure(.temporary, "down")])).send(morning: monday, compose: compose(monday))
        let transport = FakeTransport()
        await #expect(throws: TenBoardError.self) {
            _ = try await sender(transport).send(morning: morning) { throw TenBoardError("no directors", exitCode: .config) }
        }
        #expect(await transport.calls == 0)
        #expect(ReportSender.pendingReports(store: store).map(\.morning) == [monday])
    }

    @Test func noOutboxMeansNothingPending() {
        #expect(ReportSender.pendingReports(store: store.appendingPathComponent("missing")).isEmpty)
    }
}

@Suite("Delivery messages")
struct MailDeliveryMessageTests {
    let morning = LocalDate(year: 2026, month: 11, day: 24)
    let sent = SentReport(sentAt: MailFixtures.at(10, 0), messageID: "a.b@example.nl", recipients: ["x@example.nl", "y@example.nl"])

    @Test func sayWhatHappened() {
        let zone = MailFixtures.zone
        #expect(DeliveryAttempt(morning: morning, result: .sent(sent), resumedInterrupted: false).describe(.en, zone: zone)
            == "Sent the report of 2026-11-24 to 2 recipient(s), Message-ID <a.b@example.nl>.")
        #expect(DeliveryAttempt(morning: morning, result: .alreadySent(sent), resumedInterrupted: false).describe(.en, zone: zone)
            == "The report of 2026-11-24 was already sent at 2026-11-24T10:00:00+01:00 (Message-ID <a.b@example.nl>); nothing sent. Use --force to send it again.")
        let failed = DeliveryAttempt(
            morning: morning, result: .failed(DeliveryFailure(.temporary, "msmtp exited with status 75"), file: URL(fileURLWithPath: "/s/outbox/2026-11-24.eml")),
            resumedInterrupted: false)
        #expect(failed.describe(.nl, zone: zone)
            == "Het rapport van 2026-11-24 is NIET verstuurd: msmtp exited with status 75. Het staat in /s/outbox/2026-11-24.eml; de volgende 'tenboard summary --send' of 'tenboard summary --retry' verstuurt het.")
        #expect(DeliveryAttempt(morning: morning, result: .sent(sent), resumedInterrupted: true).describe(.en, zone: zone).split(separator: "\n").count == 2)
        #expect(Words(.en).pendingNotice(mornings: [morning]) == "1 morning report not sent yet (2026-11-24): run tenboard summary --retry")
    }
}
