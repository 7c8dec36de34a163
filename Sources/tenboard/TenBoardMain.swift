import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

@main
enum TenBoardMain {
    static func main() async {
        // A sendmail or a pager that exits early must give us EPIPE, not kill us (TECH-NOTES §4).
        signal(SIGPIPE, SIG_IGN)
        await TenBoard.main()
    }
}

struct TenBoard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenboard",
        abstract: "Every customer who asked for help is helped before 10:00 the next morning.",
        discussion: """
            Without a subcommand, tenboard opens the interactive board. The store, time zone, deadline and everything else come from the config file (--config, TENBOARD_CONFIG, ~/.config/tenboard/config.yaml or /etc/tenboard/config.yaml) and TENBOARD_* environment variables; 'tenboard check' validates both.
            
            Exit statuses: 0 ok, 64 usage, 65 bad data, 66 no such issue or file, 73 cannot write, 75 temporary failure (try again), 78 configuration.
            """,
        version: "0.1.0",
        subcommands: [
            Board.self, Wall.self, Demo.self, Status.self, Summary.self, ListIssues.self, Show.self, Add.self,
            Resolve.self, Reopen.self, Assign.self, Import.self, Export.self, Check.self, Edit.self, Intake.self,
        ],
        defaultSubcommand: Board.self
    )
}
