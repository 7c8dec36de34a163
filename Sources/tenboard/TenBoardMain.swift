import ArgumentParser
import Foundation
import TenBoardCore

@main
enum TenBoardMain {
    static func main() async {
        // A sendmail or a pager that exits early must give us EPIPE, not kill us; a write past a
        // file-size limit (ulimit -f) EFBIG, which the store reports (73) and cleans up after.
        ProcessDefaults.ignoreBrokenPipeAndFileSize()
        do {
            var command = try TenBoard.parseCommand(Array(CommandLine.arguments.dropFirst()))
            // Asked by type, not with `as? AsyncParsableCommand`: the first cast of a type to a
            // protocol scans every conformance record of the binary (README, "Process start").
            if TenBoard.isAsync(type(of: command)), var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // The one place an error becomes words and an exit status (see `ErrorReport`).
            let report = ErrorReport(error)
            report.print()
            exit(report.status)
        }
    }
}

struct TenBoard: AsyncParsableCommand {
    /// The program's name, as usage lines and help say it.
    static let name = "tenboard"

    static let configuration = CommandConfiguration(
        commandName: name,
        abstract: "Every customer who asked for help is helped before 10:00 the next morning.",
        discussion: """
            Without a subcommand, tenboard opens the interactive board. The store, time zone, deadline and everything else come from the config file (--config, TENBOARD_CONFIG, ~/.config/tenboard/config.yaml or /etc/tenboard/config.yaml) and TENBOARD_* environment variables; 'tenboard check' validates both.
            
            Exit statuses: 0 ok, 64 usage, 65 bad data, 66 no such issue or file, 73 cannot write, 74 input/output error (such as a full disk under standard output), 75 temporary failure (try again), 77 permission denied, 78 configuration.
            """,
        version: TenBoardVersion.current,
        subcommands: [
            Board.self, Wall.self, Demo.self, Status.self, Summary.self, ListIssues.self, Show.self, Add.self,
            Resolve.self, Withdraw.self, Reopen.self, Assign.self, SetFields.self, Import.self, Export.self, Check.self,
            Edit.self, Intake.self, HistoryCommand.self, Tally.self, PraiseCommand.self,
        ],
        defaultSubcommand: Board.self
    )

    /// The commands whose `run` is `async` (`AsyncParsableCommand`): the root and `summary`.
    /// `CommandLineParseTests` checks that this names every one of them.
    static let asyncCommands: [any AsyncParsableCommand.Type] = [TenBoard.self, Summary.self]

    /// Whether `type` is one of `asyncCommands`: metatypes compared, no conformance look-up.
    static func isAsync(_ type: any ParsableCommand.Type) -> Bool {
        asyncCommands.contains { ObjectIdentifier($0) == ObjectIdentifier(type) }
    }
}
