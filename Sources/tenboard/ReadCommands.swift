import ArgumentParser
import Foundation
import TenBoardCore
#if canImport(Glibc)
import Glibc
#endif

struct ListIssues: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the open issues, oldest first.",
        discussion: "A table on a terminal; --json gives a JSON array of issue objects for scripts.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include resolved issues, archived history too.") var all = false
    @Option(help: "Only this kind.") var kind: IssueKind?
    @Option(help: "Only issues assigned to this person.") var assignee: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reporting {
            let (configuration, store) = try global.open()
            var issues = all ? try store.allIssues() : try store.snapshot().openIssues
            if let kind { issues = issues.filter { $0.kind == kind } }
            if let assignee { issues = issues.filter { $0.assignee == assignee } }
            if json {
                try writeOut(JSONWriter.pretty(.array(issues.map(\.json))) + "\n")
            } else {
                try writeOut(IssueTable.render(issues, now: Date(), language: configuration.language))
            }
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one issue, archived or not.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The issue's id.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reporting {
            let (configuration, store) = try global.open()
            let issue = try store.issue(id: id)
            if json {
                try writeOut(JSONWriter.pretty(issue.json) + "\n")
            } else {
                try writeOut(IssueTable.detail(issue, zone: configuration.schedule.timeZone))
            }
        }
    }
}

/// Plain-text renderings of issues for `list` and `show` (customer text neutralised).
enum IssueTable {
    static func render(_ issues: [Issue], now: Date, language: Language) -> String {
        if issues.isEmpty { return language == .nl ? "Geen klanten die wachten.\n" : "No customers waiting.\n" }
        let header = language == .nl
            ? ["ID", "WACHT", "SOORT", "KLANT", "TOEGEWEZEN", "SAMENVATTING"]
            : ["ID", "AGE", "KIND", "CUSTOMER", "ASSIGNEE", "SUMMARY"]
        var rows = [header]
        for issue in issues {
            rows.append([
                issue.id + (issue.isOpen ? "" : "✓"), age(now.timeIntervalSince(issue.receivedAt.date)), issue.kind.rawValue,
                clip(Untrusted.oneLine(issue.customer), 24), clip(Untrusted.oneLine(issue.assignee ?? "-"), 14),
                clip(Untrusted.oneLine(issue.summary), 60),
            ])
        }
        let widths = (0..<header.count).map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func detail(_ issue: Issue, zone: TimeZone) -> String {
        var lines = [
            "id:         \(issue.id)",
            "customer:   \(Untrusted.clean(issue.customer))",
            "summary:    \(Untrusted.clean(issue.summary))",
            "kind:       \(issue.kind.rawValue)",
            "received:   \(Timestamp(issue.receivedAt.date, in: zone).rfc3339)",
            "status:     \(issue.status.rawValue)",
            "assignee:   \(Untrusted.clean(issue.assignee ?? "-"))",
        ]
        if let resolvedAt = issue.resolvedAt {
            lines.append("resolved:   \(Timestamp(resolvedAt.date, in: zone).rfc3339) by \(Untrusted.clean(issue.resolvedBy ?? "?"))")
        }
        if let action = issue.action { lines.append("action:     \(Untrusted.clean(action))") }
        if issue.isInternal { lines.append("internal:   yes") }
        if let channel = issue.channel { lines.append("channel:    \(Untrusted.clean(channel))") }
        for key in issue.extra.keys.sorted() {
            lines.append("\(Untrusted.clean(key)): \(Untrusted.clean(JSONWriter.compact(issue.extra[key]!)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func age(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 48 * 60 { return "\(minutes / 60)h\(String(format: "%02d", minutes % 60))" }
        return "\(minutes / 1440)d"
    }

    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
