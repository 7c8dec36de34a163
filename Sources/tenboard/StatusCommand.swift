import ArgumentParser
import Foundation
import TenBoardCore

struct Status: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "status",
        abstract: "One line on the morning: customers waiting and time to the deadline.",
        discussion: """
            For people and shell prompts: "7 customers waiting · 1:23:45 to 10:00". --json gives morning, deadline, secondsLeft, state (waiting, warning, done, overdue, closed, quiet, none), inScope, helped, helpedLate, waiting, carriedOver, nextMorning and streak. inScope = helped + helpedLate + waiting always; carriedOver says how many of inScope came from earlier mornings and still waited at this cut-off.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Option(name: .long, help: AtOption.help) var at: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        do {
            let (configuration, store) = try global.openToRead()
            let instant = try AtOption.instant(at, configuration)
            let input = try store.input(forMorning: configuration.schedule.relevantMorning(at: instant))
            let status = configuration.schedule.status(at: instant, issues: input.issues, base: input.base)
            if json {
                try writeOut(JSONWriter.pretty(status.json) + "\n")
            } else {
                try writeOut(Words(configuration.language).statusLine(status) + "\n")
            }
        }
    }
}
