import Foundation

/// The morning report to the directors: subject, plain text, HTML, and the mail around them.
public struct MorningReport: Sendable {
    public var data: MorningReportData
    public var language: Language

    /// Columns of the plain text: fits a terminal and every mail client.
    public static let width = 78

    public init(_ data: MorningReportData, language: Language) {
        self.data = data
        self.language = language
    }

    /// `10:00` in the report's zone.
    var deadlineTime: String { clock(data.deadline) }

    func clock(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = data.timeZone
        let c = cal.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// `2026-11-24 10:00`, for the footer.
    func stamp(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = data.timeZone
        let c = cal.dateComponents([.year, .month, .day], from: date)
        let day = LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        return "\(day) \(clock(date))"
    }

    /// The subject: the outcome first, so it reads in a list of mails.
    public var subject: String {
        ReportText.subject(
            language, outcome: data.outcome, helped: data.helped.count, total: data.received.count,
            time: deadlineTime, date: ReportText.shortDate(language, data.morning))
    }

    /// The first line of both parts.
    var headline: String {
        let left = ReportText.duration(language, seconds: Int(data.deadline.timeIntervalSince(data.asOf)))
        return ReportText.headline(
            language, outcome: data.outcome, total: data.received.count, waiting: data.waiting.count,
            late: data.helpedLate.count, time: deadlineTime, left: left)
    }

    var receivedLine: String {
        let parts = data.receivedByKind.map { "\($0.count) \(ReportText.kind(language, $0.kind, count: $0.count))" }
        return ReportText.received(language, total: data.received.count, parts: parts)
    }

    var tallyLine: String {
        ReportText.tally(language, helped: data.helped.count, late: data.helpedLate.count,
                         waiting: data.waiting.count, time: deadlineTime)
    }

    /// One listed customer: sanitised title and detail line.
    struct Entry {
        var title: String
        var detail: String
    }

    func kindWord(_ issue: Issue) -> String { ReportText.kind(language, issue.kind, count: 1) }

    func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = ReportSanitizer.clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    func title(_ issue: Issue) -> String {
        let customer = clean(issue.customer) ?? "?"
        guard let summary = clean(issue.summary) else { return customer }
        return "\(customer): \(summary)"
    }

    var waitingEntries: [Entry] {
        data.waiting.map { issue in
            let age = ReportText.duration(language, seconds: Int(data.asOf.timeIntervalSince(issue.receivedAt.date)))
            return Entry(title: title(issue), detail: ReportText.waitingDetail(
                language, kind: kindWord(issue), age: age, assignee: clean(issue.assignee)))
        }
    }

    func helpedEntries(_ issues: [Issue]) -> [Entry] {
        issues.map { issue in
            let seconds = (issue.resolvedAt?.date ?? data.asOf).timeIntervalSince(issue.receivedAt.date)
            return Entry(title: title(issue), detail: ReportText.helpedDetail(
                language, kind: kindWord(issue), age: ReportText.duration(language, seconds: Int(seconds)),
                by: clean(issue.resolvedBy)))
        }
    }

    var actionEntries: [Entry] {
        data.actionPoints.map { issue in
            Entry(title: clean(issue.action) ?? "", detail: ReportText.actionDetail(
                language, customer: clean(issue.customer) ?? "?", by: clean(issue.resolvedBy)))
        }
    }

    var helperRows: [(name: String, count: Int)] {
        data.helpers.map { ($0.name.map(ReportSanitizer.clean) ?? ReportText.unknownPerson(language), $0.count) }
    }

    var footer: String {
        ReportText.footer(language, asOf: stamp(data.asOf), zone: data.timeZone.identifier)
    }
}
