import ArgumentParser
import Foundation
import TenBoardCore

struct ListIssues: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "list",
        abstract: "List the open issues, oldest first.",
        discussion: "A table on a terminal, with the morning each customer counts for (carried over from a missed morning, or the next one); --json gives a JSON array of issue objects for scripts. --at lists the issues as they stood at that instant: those that had come in, open again where they were helped later (a withdrawn issue is in no count at any instant).")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Flag(help: "Include resolved issues, archived history too.") var all = false
    @Option(help: "Only this kind.") var kind: IssueKind?
    @Option(help: "Only issues assigned to this person.") var assignee: String?
    @Flag(help: "Print JSON.") var json = false
    @Option(name: .long, help: AtOption.help) var at: String?

    func run() throws {
        do {
            let (configuration, store) = try global.openToRead()
            let now = try AtOption.instant(at, configuration)
            // The JSON of the open issues needs the hot file alone; the table's morning the rest.
            let snapshot = json ? nil : try store.snapshot()
            var issues: [Issue]
            if at != nil {
                // As the store stood then: what had come in, open again where it was closed
                // later (from the whole store, as an issue open then may be archived by now).
                issues = try store.allIssues().compactMap { $0.asAt(now) }
                if !all { issues = issues.filter(\.isOpen) }
            } else {
                issues = all ? try store.allIssues() : try snapshot?.openIssues ?? store.openIssues()
            }
            if let kind { issues = issues.filter { $0.kind == kind } }
            if let assignee { issues = issues.filter { $0.assignee == assignee } }
            if let snapshot {
                let schedule = configuration.schedule
                let account = schedule.account(of: schedule.relevantMorning(at: now), issues: snapshot.issues, at: now)
                try writeOut(IssueTable.render(issues, now: now, language: configuration.language, account: account))
            } else {
                try writeOut(JSONWriter.pretty(.array(issues.map(\.json))) + "\n")
            }
        }
    }
}

struct Show: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand("show", abstract: "Show one issue, archived or not.")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The issue's id.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        do {
            let (configuration, store) = try global.openToRead()
            let issue = try store.issue(id: id)
            if json {
                try writeOut(JSONWriter.pretty(issue.json) + "\n")
            } else {
                try writeOut(IssueTable.detail(issue, zone: configuration.schedule.timeZone, language: configuration.language))
            }
        }
    }
}

/// Plain-text renderings of issues for `list` and `show` (customer text neutralised, columns
/// measured in terminal cells so Chinese names and emoji keep the table straight).
enum IssueTable {
    static func render(_ issues: [Issue], now: Date, language: Language, account: MorningAccount) -> String {
        let words = Words(language)
        if issues.isEmpty { return words.noCustomersWaiting + "\n" }
        var rows = [words.listColumns]
        for issue in issues {
            rows.append([
                Untrusted.oneLine(issue.id) + (issue.status == .resolved ? " ✓" : ""),
                words.age(seconds: Int(now.timeIntervalSince(issue.receivedAt.date))),
                words.kind(issue.kind), TextFit.truncate(Untrusted.oneLine(issue.customer), to: 24), TextFit.truncate(Untrusted.oneLine(issue.assignee ?? "-"), to: 14),
                morning(issue, account: account, words: words), TextFit.truncate(Untrusted.oneLine(issue.summary), to: 60),
            ])
        }
        let widths = (0..<words.listColumns.count).map { c in rows.map { DisplayWidth.of($0[c]) }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func detail(_ issue: Issue, zone: TimeZone, language: Language) -> String {
        let text = Words(language)
        let l = text.showLabels
        var pairs: [(String, String)] = [
            (l.id, Untrusted.clean(issue.id)), (l.customer, Untrusted.clean(issue.customer)), (l.summary, Untrusted.clean(issue.summary)),
            (l.kind, text.kind(issue.kind)), (l.received, Timestamp(issue.receivedAt.date, in: zone).rfc3339),
            (l.status, text.status(issue.status)), (l.assignee, Untrusted.clean(issue.assignee ?? "-")),
        ]
        if let resolvedAt = issue.resolvedAt {
            pairs.append((l.resolved, text.resolved(at: Timestamp(resolvedAt.date, in: zone).rfc3339, by: Untrusted.clean(issue.resolvedBy ?? "?"))))
        }
        if let recordedBy = issue.recordedBy { pairs.append((l.recorded, Untrusted.clean(recordedBy))) }
        if let withdrawnAt = issue.withdrawnAt {
            pairs.append((l.withdrawn, Timestamp(withdrawnAt.date, in: zone).rfc3339
                          + (issue.withdrawnReason.map { " (" + Untrusted.clean($0) + ")" } ?? "")))
        }
        if let action = issue.action { pairs.append((l.action, Untrusted.clean(action))) }
        if issue.isInternal { pairs.append((l.internal, text.yes)) }
        if let channel = issue.channel { pairs.append((l.channel, Untrusted.clean(channel))) }
        let mailFields: Set<String> = [Issue.emailField, Issue.messagesField, Issue.wroteAgainField, Issue.followsField]
        for key in issue.extra.keys.sorted() where !mailFields.contains(key) {
            pairs.append((Untrusted.clean(key), Untrusted.clean(JSONWriter.compact(issue.extra[key]!))))
        }
        pairs += issue.mailDetail(zone: zone, language: language)
        let width = pairs.map { DisplayWidth.of($0.0) }.max()! + 2
        return pairs.map { label, value in
            label.isEmpty ? String(repeating: " ", count: width) + value
                : label + ":" + String(repeating: " ", count: max(1, width - DisplayWidth.of(label) - 1)) + value
        }.joined(separator: "\n") + "\n"
    }

    /// The MORNING cell: which morning the customer counts for, as the account says.
    static func morning(_ issue: Issue, account: MorningAccount, words: Words) -> String {
        if let missed = account.missedMorning[issue.id] { return words.missed(missed) }
        switch account.fate(of: issue) {
        case .waiting?: return words.day(account.morning)
        case .nextMorning?: return words.fate(.nextMorning)
        case let fate?: return words.fate(fate)
        case nil: return issue.status == .withdrawn ? words.fate(.withdrawn) : "-"
        }
    }
}
