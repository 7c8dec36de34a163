import ArgumentParser
import Foundation
import TenBoardCore

struct Withdraw: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "withdraw",
        abstract: "Withdraw an issue that was not a customer's request (a duplicate, spam…).",
        discussion: "A withdrawn issue leaves every count (waiting, helped, the goal, the streak, the report) but stays in the store, in history and in export with \"status\": \"withdrawn\". The report names it in one line. 'tenboard reopen ID' brings it back.")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The issue's id.") var id: String
    @Option(help: "Why it is withdrawn, e.g. \"duplicate of 12\".") var reason: String
    @Option(name: .long, help: AtOption.help) var at: String?

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            try writeOut(try store.withdraw(id: id, reason: reason, at: try AtOption.instant(at, configuration)).id + "\n")
        }
    }
}
