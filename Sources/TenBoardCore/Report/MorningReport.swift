import Foundation

/// The morning report to the directors: subject, plain text, HTML, and the mail around them.
public struct MorningReport: Sendable {
    public var data: MorningReportData
    public var language: Language

    /// Columns of the plain text: fits a 72-column terminal mail client (and quotes with "> ").
    public static let width = 72

    public init(_ data: MorningReportData, language: Language) {
        self.data = data
        self.language = language
    }

    /// `10:00` in the report's zone.
    var deadlineTime: String { clock(data.deadline) }

    func clock(_ date: Date) -> String { Words.clock(date, in: data.timeZone) }

    /// `2026-11-24 10:00`, for the footer.
    func stamp(_ date: Date) -> String { "\(Words.localDate(date, in: data.timeZone)) \(clock(date))" }

    var words: Words { Words(language) }

    /// The subject: the outcome first, so it reads in a list of mails.
    public var subject: String {
        (data.interim ? Words(language).interimMark : "") + Words(language).subject(verdict: data.verdict, helped: data.helped.count, total: data.received.count,
            time: deadlineTime, date: Words(language).dayWithYear(data.morning))
    }

    /// The first line of both parts.
    var headline: String {
        let left = Words(language).age(seconds: Int(data.deadline.timeIntervalSince(data.asOf)))
        return (data.interim ? Words(language).interimMark : "") + Words(language).headline(verdict: data.verdict, total: data.received.count, waiting: data.waiting.count,
            late: data.helpedLate.count, time: deadlineTime, left: left)
    }

    /// The customers by kind (the key figures give their total); `nil` without customers.
    var byKindLine: String? {
        guard !data.receivedByKind.isEmpty else { return nil }
        return words.byKindLine(data.receivedByKind.map { "\($0.count) \(words.kind($0.kind, count: $0.count))" })
    }

    /// The lines under the key figures and the chart: what they do not say already.
    var underFigures: [String] { [byKindLine, withdrawnLine].compactMap(\.self) }

    /// The one line about withdrawn issues; `nil` when there are none.
    var withdrawnLine: String? {
        guard !data.withdrawn.isEmpty else { return nil }
        return Words(language).withdrawnLine(data.withdrawn.map { issue in
            "#\(clean(issue.id) ?? "?") \(clean(issue.customer) ?? "?")" + (clean(issue.withdrawnReason).map { " (\($0))" } ?? "")
        })
    }

    /// "2 of 10 helped without an action point."; `nil` when every helped one has one.
    var withoutActionLine: String? {
        let helped = data.helped.count + data.helpedLate.count
        guard data.helpedWithoutAction > 0 else { return nil }
        return Words(language).withoutAction(data.helpedWithoutAction, of: helped)
    }

    /// The mark of a customer carried over: which morning they missed.
    func missed(_ issue: Issue) -> String? {
        data.account.missedMorning[issue.id].map(words.missed)
    }

    /// One listed customer: sanitised title and detail line.
    struct Entry {
        var title: String
        var detail: String
        /// What the customer wrote, for one who mailed: the first line of text of their last message.
        var quote: String? = nil
    }

    /// The first line with words in it of the customer's last mail, cleaned and cut to `limit`
    /// characters; `nil` for an issue that did not come by mail.
    func mailQuote(_ issue: Issue, limit: Int = 120) -> String? {
        guard let line = issue.mailTextLines(8).lazy.compactMap(clean).first else { return nil }
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    func kindWord(_ issue: Issue) -> String { Words(language).kind(issue.kind, count: 1) }

    func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = ReportSanitizer.clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    func title(_ issue: Issue) -> String {
        let customer = "#\(clean(issue.id) ?? "?") " + (clean(issue.customer) ?? "?")
        guard let summary = clean(issue.summary) else { return customer }
        return "\(customer): \(summary)"
    }

    var waitingEntries: [Entry] {
        data.waiting.map { issue in
            let age = Words(language).age(seconds: Int(data.asOf.timeIntervalSince(issue.receivedAt.date)))
            return Entry(title: title(issue), detail: Words(language).waitingDetail(kind: kindWord(issue), age: age, assignee: clean(issue.assignee), missed: missed(issue)),
                quote: mailQuote(issue))
        }
    }

    func helpedEntries(_ issues: [Issue]) -> [Entry] {
        issues.map { issue in
            let resolved = issue.resolvedAt?.date ?? data.asOf
            let seconds = resolved.timeIntervalSince(issue.receivedAt.date)
            let lateBy = resolved > data.deadline ? words.age(seconds: Int(resolved.timeIntervalSince(data.deadline))) : nil
            var detail = Words(language).helpedDetail(
                kind: kindWord(issue), age: words.age(seconds: Int(seconds)),
                when: words.when(resolved, now: data.deadline, in: data.timeZone), late: lateBy,
                by: clean(issue.resolvedBy), missed: missed(issue))
            if issue.wroteAgainSinceHelped, let again = issue.wroteAgain?.date {
                detail += ", " + words.wroteAgainSinceHelped + " " + words.when(again, now: data.deadline, in: data.timeZone)
            }
            return Entry(title: title(issue), detail: detail)
        }
    }

    var actionEntries: [Entry] {
        data.actionPoints.map { issue in
            Entry(title: clean(issue.action) ?? "", detail: Words(language).actionDetail(customer: clean(issue.customer) ?? "?", by: clean(issue.resolvedBy)))
        }
    }

    var helperRows: [(name: String, count: Int)] {
        data.helpers.map { ($0.name.map(ReportSanitizer.clean) ?? Words(language).unknownPerson, $0.count) }
    }

    var footer: String {
        Words(language).footer(asOf: stamp(data.asOf), zone: data.timeZone.identifier)
    }
}
