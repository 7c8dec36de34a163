import ArgumentParser
import Foundation
import TenBoardCore

struct Summary: AsyncParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "summary",
        abstract: "The morning report to the directors: printed, or sent through sendmail.",
        discussion: """
            Without --send it prints the whole message (a dry run); --text prints only its plain-text part and --html only its HTML part, decoded, as the directors will read them (save the HTML and open it in a browser to see the mail). --send pipes it into the configured sendmail for every director, once per morning: a second --send says when it was sent. Before the deadline --send sends nothing and exits 75, saying when the report can go; --interim sends a report marked as interim, which does not count as the morning's report (the run at the deadline still sends it). If sendmail is missing or fails, the message stays in the store's outbox, the command exits 75, and the next --send or --retry delivers it with the same Message-ID. Made for cron at 10:00 (see config/cron): everything it says goes to stderr.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Flag(help: "Send it to the directors through sendmail.") var send = false
    @Flag(help: "With --send: send again even if this morning's report was sent.") var force = false
    @Flag(help: "Send an interim report now, marked as such; it does not count as the morning's report.") var interim = false
    @Flag(help: "Deliver the reports waiting in the outbox, and nothing else.") var retry = false
    @Flag(help: "Print only the report's plain text, decoded (a preview; nothing is sent).") var text = false
    @Flag(help: "Print only the report's HTML, decoded: open it in a browser to see the mail (nothing is sent).") var html = false
    @Option(name: .long, help: AtOption.help) var at: String?
    @Option(help: ArgumentHelp("Report this morning (YYYY-MM-DD) instead of today's.", valueName: "date")) var morning: String?

    func validate() throws {
        if force && !send { throw ValidationError { $0.forceGoesWithSend } }
        if interim && (send || retry) { throw ValidationError { $0.interimAlone } }
        if retry && (send || morning != nil || at != nil) { throw ValidationError { $0.retryAlone } }
        if text && html { throw ValidationError { $0.excludeEachOther("--text", "--html") } }
        if (text || html) && (send || retry || interim) {
            throw ValidationError { $0.previewAlone(text ? "--text" : "--html") }
        }
        if let morning, LocalDate(morning) == nil { throw ValidationError { $0.optionNotADate("--morning", morning) } }
    }

    func run() async throws {
        let status = try await { () async throws -> ExitStatus in
            let (configuration, store) = try global.openToRead()
            let language = configuration.language
            let zone = configuration.schedule.timeZone
            let sender = ReportSender(store: store.directory, transport: SendmailTransport(command: configuration.sendmail))
            if retry {
                let attempts = try await sender.retry()
                if attempts.isEmpty { printError(Words(language).nothingPending) }
                return report(attempts, language: language, zone: zone)
            }
            let instant = try AtOption.instant(at, configuration)
            let schedule = configuration.schedule
            let today = schedule.localDate(of: instant)
            let day: LocalDate
            if let morning {
                day = LocalDate(morning)!
                guard schedule.isMorning(day) else { throw TenBoardError(Words(language).notAMorning(day), exitCode: .usage) }
            } else if schedule.isMorning(today) {
                day = today
            } else if interim {
                printError(Words(language).noMorning(today: today))
                return .ok
            } else if send {
                // cron runs every day; a day without a morning only delivers what is pending.
                printError(Words(language).noMorning(today: today))
                return report(try await sender.retry(), language: language, zone: zone)
            } else {
                day = schedule.previousMorning(before: today)
            }
            var data = try reportData(store: store, schedule: schedule, morning: day, at: instant)
            if interim {
                data.interim = true
                let outgoing = try MorningReport.outgoing(data, configuration: configuration, now: Date())
                do throws(DeliveryFailure) {
                    try await sender.transport.deliver(outgoing.message, from: outgoing.sender, to: outgoing.recipients)
                } catch {
                    printError(Words(language).interimNotSent(reason: error.reason))
                    return error.exitCode
                }
                printError(Words(language).interimSent(morning: day, recipients: outgoing.recipients.count))
                return .ok
            }
            if send, instant < schedule.deadline(of: day) {
                // The morning's report tells how the morning went: it can only go once decided.
                let time = Timestamp(schedule.deadline(of: day), in: zone).rfc3339
                printError(Words(language).tooEarly(morning: day, deadline: time))
                return .tempFailure
            }
            if text || html {
                let report = MorningReport(data, language: language)
                try writeOut(text ? report.text : report.html)
                return .ok
            }
            if !send {
                var mailConfiguration = configuration
                if configuration.sender == nil || configuration.directors.isEmpty {
                    printError(Words(language).dryRunAddresses)
                    let placeholder = MailAddress(displayName: "tenboard", address: "tenboard@localhost")
                    mailConfiguration.sender = configuration.sender ?? placeholder
                    if mailConfiguration.directors.isEmpty { mailConfiguration.directors = [placeholder] }
                }
                let outgoing = try MorningReport.outgoing(data, configuration: mailConfiguration, now: Date())
                try writeOut(String(decoding: outgoing.message, as: UTF8.self))
                return .ok
            }
            let attempts = try await sender.send(morning: day, force: force) {
                try MorningReport.outgoing(data, configuration: configuration, now: Date())
            }
            return report(attempts, language: language, zone: zone)
        }()
        if status != .ok { throw ArgumentParser.ExitCode(status.rawValue) }
    }

    /// The report's data; a morning that may be archived is read from the archive too.
    func reportData(store: IssueStore, schedule: MorningSchedule, morning: LocalDate, at: Date) throws -> MorningReportData {
        let input = try store.input(forMorning: morning)
        var data = schedule.reportData(of: morning, issues: input.issues, at: at, base: input.base, kept: input.kept)
        data.people = ReportPeople(state: try store.snapshot(), schedule: schedule, morning: morning, issues: input.issues, at: at, kept: input.kept)
        return data
    }

    /// Says what happened on stderr; the worst exit status wins (75 before 0).
    func report(_ attempts: [DeliveryAttempt], language: Language, zone: TimeZone) -> ExitStatus {
        var worst = ExitStatus.ok
        for attempt in attempts {
            printError(attempt.describe(language, zone: zone))
            if attempt.exitCode != .ok, worst == .ok || attempt.exitCode == .tempFailure { worst = attempt.exitCode }
        }
        return worst
    }
}
