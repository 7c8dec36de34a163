import ArgumentParser
import Foundation
import TenBoardCore

extension TenBoard {
    /// The command that `arguments` (the command line without the program's name) ask for: the
    /// one way the command line is read. It is what `parseAsRoot(arguments)` gives, and where
    /// that throws, it throws the same error, so help, usage lines ("tenboard add …"), "did you
    /// mean", `--version`, completion scripts and exit statuses are all the root's.
    ///
    /// Why not simply `parseAsRoot`: at start the argument parser builds the whole command tree
    /// and reflects (`Mirror`) its completion-script commands over the arguments before it looks
    /// at the first one. With the Swift runtime linked in (as the package builds it), the first
    /// conformance look-up of each type scans all of the binary's 6,000 conformance records,
    /// and those look-ups were most of a command's start (README, "Process start"). So when the
    /// first argument names a subcommand, that subcommand is parsed on its own first
    /// (`parseAlone`): only its own options are reflected, and, as it names `tenboard` as its
    /// super-command (`CommandConfiguration.subcommand`), the completion-script check that only
    /// the root makes is skipped. Its result is taken only when that
    /// parse gives the subcommand itself; anything else (help, a usage error, a failed
    /// validation, `--version`) is parsed again from the root, which gives the answer and the
    /// message as it always did. `CommandLineParseTests` checks that both agree.
    ///
    /// A first word that names no command ("tenboard stauts") would reach the board, the default
    /// subcommand, as an argument it does not take, and the parser would answer with the board's
    /// usage. Where the root's parse fails on such a line, the user reads instead that the word is
    /// not a command, with the nearest one (`unknownCommand`).
    static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        if let command = parseAlone(arguments) { return command }
        do {
            return try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) != .success, let unknown = unknownCommand(arguments) { throw unknown }
            throw error
        }
    }

    /// The usage error (64) for a command line whose first word is not an option and names no
    /// command, with the nearest command name; nil for any other line.
    static func unknownCommand(_ arguments: [String]) -> TenBoardError? {
        let names = configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
        guard let word = arguments.first, !word.hasPrefix("-"), !names.contains(word) else { return nil }
        let nearest = ConfigLoader.closest(to: word, in: Set(names))
        return TenBoardError(exitCode: .usage) { $0.unknownCommand(word, nearest: nearest) }
    }

    /// The subcommand named by the first argument, parsed from the rest on its own, or nil where
    /// the root must decide: no subcommand named, anything that is not the subcommand itself
    /// (help, an error), or a request the root answers (`--generate-completion-script`, the
    /// completion scripts' `---completion`, `--experimental-dump-help`) anywhere in the line.
    static func parseAlone(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first,
              // As the parser picks a subcommand: the first whose name or alias it is.
              let subcommand = configuration.subcommands.first(where: {
                  $0._commandName == name || $0.configuration.aliases.contains(name)
              }),
              !arguments.contains(where: { argument in
                  argument.hasPrefix("---") || Self.rootRequests.contains { argument.contains($0) }
              }),
              let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
              type(of: command) == subcommand
        else { return nil }
        return command
    }

    /// What only the root answers, wherever it stands on the command line.
    static let rootRequests = ["generate-completion-script", "experimental-dump-help"]
}

extension CommandConfiguration {
    /// The configuration of one of tenboard's subcommands. It names `tenboard` as the
    /// subcommand's super-command: that changes nothing while the root parses (the parser reads
    /// the super-command of the root only), and when `TenBoard.parseAlone` parses the subcommand
    /// on its own, the parser skips the root's completion-script check (`parseAlone` leaves any
    /// line that asks for a script to the root) and names the subcommand "tenboard NAME".
    static func subcommand(_ name: String, abstract: String, discussion: String = "") -> CommandConfiguration {
        CommandConfiguration(commandName: name, _superCommandName: TenBoard.name, abstract: abstract, discussion: discussion)
    }
}
