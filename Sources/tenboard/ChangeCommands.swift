import ArgumentParser
import Foundation
import TenBoardCore
#if canImport(System)
import System
#else
import SystemPackage
#endif

struct Add: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "add",
        abstract: "Add a customer's issue; prints the new id.",
        discussion: """
            With --json FILE (or - for standard input) it reads one issue object or an array of them in the interchange format (docs/issue-format.md); a missing id is assigned and a missing receivedAt is now. All or nothing: one bad record and nothing is added.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Option(help: "The customer's name.") var customer: String?
    @Option(help: "What the customer asked or reported.") var summary: String?
    @Option(help: "question, problem, complaint or bug.") var kind: IssueKind = .question
    @Option(help: ArgumentHelp("When it came in: RFC 3339, HH:MM (today) or YYYY-MM-DD HH:MM; default now.", valueName: "time")) var received: String?
    @Option(help: "Who takes care of it.") var assignee: String?
    @Flag(help: "The customer is another department.") var `internal` = false
    @Option(help: "How it came in: phone, mail, web…") var channel: String?
    @Option(help: ArgumentHelp("Read issues as JSON from a file, or - for standard input.", valueName: "file")) var json: String?

    func validate() throws {
        if json != nil {
            guard customer == nil, summary == nil, received == nil, assignee == nil, channel == nil, !`internal` else {
                throw ValidationError { $0.jsonTakesAll }
            }
        } else {
            guard let customer else { throw ValidationError { $0.requiredOrJSON("--customer") } }
            guard Issue.isName(customer) else { throw ValidationError { "--customer: " + $0.fieldProblem(.empty) } }
            guard summary != nil else { throw ValidationError { $0.requiredOrJSON("--summary") } }
        }
    }

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let now = Date()
            let added: [Issue]
            if let json {
                let data = try readInput(json)
                func name(_ words: Words) -> String { json == "-" ? words.standardInput : json }
                let records: [JSONValue]
                do throws(JSONSyntaxError) {
                    switch try JSONParser.parse(data) {
                    case .array(let items): records = items
                    case let item: records = [item]
                    }
                } catch {
                    throw TenBoardError(exitCode: .dataError) { $0.badLine(name($0), line: error.line, column: error.column, error.problem) }
                }
                do {
                    added = try store.add(records: records, at: now)
                } catch let error as TenBoardError where error.exitCode == .dataError {
                    throw TenBoardError(exitCode: .dataError) { words in
                        error.message(in: words.language).split(separator: "\n").map { name(words) + ": \($0)" }.joined(separator: "\n")
                    }
                }
            } else {
                let receivedAt = try received.map { try parseTime($0, option: "--received", configuration, now: now) } ?? now
                added = [try store.add(
                    customer: customer!, summary: summary!, kind: kind, receivedAt: receivedAt,
                    assignee: assignee, isInternal: `internal`, channel: channel, at: now)]
            }
            try writeOut(added.map { $0.id + "\n" }.joined())
        }
    }
}

/// Reads a file, or standard input for "-"; a missing file is exit 66.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    do throws(Errno) {
        return try FileSystemCalls.readWhole(path)
    } catch {
        if error == .noSuchFileOrDirectory { throw TenBoardError(exitCode: .noInput) { $0.noSuchFile(path) } }
        let reason = error.description
        throw TenBoardError(exitCode: error == .permissionDenied ? .noPermission : .noInput) { $0.cannotReadFile(path, reason) }
    }
}

struct Resolve: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "resolve",
        abstract: "Mark a customer helped, with the action point that keeps it from coming back.",
        discussion: "--at records a help given earlier: a call-back at 09:40 recorded at 10:05 counts as in time.")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The issue's id.") var id: String
    @Option(help: "The action point, so the problem does not happen again.") var action: String?
    @Option(help: "Who helped the customer, credited on the wall and in the report (default: the configured name, else your login name). You are kept as recordedBy when it is someone else.") var by: String?
    @Option(name: .long, help: AtOption.help) var at: String?

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let issue = try store.resolve(
                id: id, by: by ?? configuration.userName, recordedBy: configuration.userName, action: action,
                at: try AtOption.instant(at, configuration))
            try writeOut(issue.id + "\n")
        }
    }
}

struct Reopen: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand("reopen", abstract: "Open a resolved or withdrawn issue again.")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The issue's id.") var id: String

    func run() throws {
        do {
            let (_, store) = try global.open()
            try writeOut(try store.reopen(id: id).id + "\n")
        }
    }
}

struct Assign: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand("assign", abstract: "Assign an issue to someone, or to nobody with --none.")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The issue's id.") var id: String
    @Argument(help: "Who takes care of it.") var name: String?
    @Flag(help: "Assign it to nobody.") var none = false

    func validate() throws {
        guard (name == nil) != !none else { throw ValidationError { $0.nameOrNone } }
    }

    func run() throws {
        do {
            let (_, store) = try global.open()
            try writeOut(try store.assign(id: id, to: none ? nil : name).id + "\n")
        }
    }
}
