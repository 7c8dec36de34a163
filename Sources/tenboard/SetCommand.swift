import ArgumentParser
import Foundation
import TenBoardCore

/// `tenboard set ID --field value …`: the board's `e` for scripts.
struct SetFields: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "set",
        abstract: "Correct fields of an issue (for scripts); prints the id.",
        discussion: """
            Only the fields given change, under the store's lock. Times are RFC 3339, HH:MM (today) or YYYY-MM-DD HH:MM in the configured zone. Example: tenboard set 12 --customer "Bakkerij Janssen" --received 07:50 --no-assignee
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The issue's id.") var id: String
    @Option(help: "The customer's name.") var customer: String?
    @Option(help: "What the customer asked or reported.") var summary: String?
    @Option(help: "question, problem, complaint or bug.") var kind: IssueKind?
    @Option(help: ArgumentHelp("When it came in: RFC 3339, HH:MM (today) or YYYY-MM-DD HH:MM.", valueName: "time")) var received: String?
    @Option(help: "Who takes care of it.") var assignee: String?
    @Flag(name: .customLong("no-assignee"), help: "Assign it to nobody.") var noAssignee = false
    @Option(help: "How it came in: phone, mail, web…") var channel: String?
    @Flag(inversion: .prefixedNo, help: "Whether the customer is another department.") var `internal`: Bool?
    @Option(help: "The action point (of a resolved issue, or noted ahead).") var action: String?

    func validate() throws {
        if assignee != nil && noAssignee { throw ValidationError { $0.assigneeOrNone } }
        if customer == nil, summary == nil, kind == nil, received == nil, assignee == nil, !noAssignee, channel == nil,
           `internal` == nil, action == nil {
            throw ValidationError { $0.nothingToSet }
        }
    }

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let now = Date()
            var edit = IssueEdit(customer: customer, summary: summary, kind: kind, isInternal: `internal`)
            if let received { edit.receivedAt = try parseTime(received, option: "--received", configuration, now: now) }
            if noAssignee { edit.assignee = .some(nil) } else if let assignee { edit.assignee = .some(assignee) }
            if let channel { edit.channel = .some(channel) }
            if let action { edit.action = .some(action) }
            try writeOut(try store.edit(id: id, edit, at: now).id + "\n")
        }
    }
}
