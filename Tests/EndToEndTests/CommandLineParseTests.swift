import ArgumentParser
import Foundation
import Testing
import TenBoardTestSupport
@testable import tenboard

/// The command line is read one way (`TenBoard.parseCommand`): a subcommand parsed on its own
/// (`parseAlone`, for a quick start) must give what the root parser gives, and everything the
/// user sees of the parser (usage lines, help, `--version`, completion scripts, exit statuses)
/// stays the root's.
@Suite("Command line: the subcommand parsed alone agrees with the root")
struct CommandLineParseTests {
    /// Plain command lines, which `parseAlone` answers without the root.
    static let plain: [[String]] = [
        ["status"], ["status", "--json"], ["status", "--json", "--at", "09:40"], ["status", "--store", "/tmp/x", "--json"],
        ["status", "--config=/tmp/c.yaml"],
        ["list"], ["list", "--json"], ["list", "--all"], ["show", "x1"], ["show", "--", "-x"],
        ["add", "--customer", "Ann", "--summary", "the printer", "--kind", "question", "--received", "07:50"],
        ["add", "--json", "-"],
        ["resolve", "x1", "--by", "me", "--action", "called back"], ["reopen", "x1"], ["assign", "x1", "bob"],
        ["assign", "x1", "--none"], ["withdraw", "x1", "--reason", "duplicate of x2"], ["set", "x1", "--summary", "s"], ["history", "--days", "7"],
        ["history", "--csv"], ["summary", "--text"], ["summary", "--send", "--force"], ["tally"], ["tally", "Ann"],
        ["praise", "Ann", "--customer", "c", "--text", "t"], ["intake", "--log"], ["export", "--jsonl"], ["import", "a.json"],
        ["check"], ["check", "--full"], ["board", "--read-only"], ["wall", "--at", "10:00"], ["demo"], ["edit"],
    ]

    /// Lines the root must answer: help, version, errors, completion, no subcommand.
    static let rootOnly: [[String]] = [
        [], ["--version"], ["--help"], ["-h"], ["help"], ["help", "status"], ["status", "--help"], ["status", "-h"],
        ["status", "--version"], ["status", "--json", "--help"], ["status", "--", "--json"], ["status", "--jsn"], ["status", "extra"],
        ["lst"], ["stauts", "--json"], ["--store", "/tmp/x"], ["--store", "/tmp/x", "status"], ["add"],
        ["add", "--summary", "x"], ["resolve"], ["assign", "x1", "--none", "bob"], ["set", "x1"],
        ["history", "--days", "veel"], ["summary", "--force"], ["tally", "--undo"], ["intake", "--count", "0"],
        ["--generate-completion-script", "bash"], ["--generate-completion-script"], ["status", "--generate-completion-script", "zsh"],
        ["status", "--generate-completion-script=fish"], ["--experimental-dump-help"], ["status", "--experimental-dump-help"],
        ["---completion", "--", "status", "--at", "0", "0"], ["board", "--at", "x", "--pinned-clock", "y"],
        ["withdraw", "x1"], ["add", "--customer", "-h", "--summary", "--version"],
    ]

    /// Lines whose values look like the parser's own flags: whoever answers, the answer agrees.
    static let tricky: [[String]] = [
        ["add", "--customer=-h", "--summary=--version"], ["add", "--customer", "help", "--summary", "--"],
        ["show", "--", "--help"], ["show", "--", "--version"], ["tally", "help"], ["tally", "--", "-h"],
        ["status", "--at=--version"], ["list", "--json", "--json"], ["history", "--days", "-1"],
    ]

    /// What a parse gave, to compare: its type and every stored value.
    static func describe(_ command: any ParsableCommand) -> String {
        var text = "\(type(of: command))\n"
        dump(command, to: &text)
        return text
    }

    @Test("Where parseAlone answers, the root gives the same command with the same values")
    func aloneAgreesWithRoot() throws {
        for arguments in Self.plain + Self.rootOnly + Self.tricky {
            guard let alone = TenBoard.parseAlone(arguments) else { continue }
            let root = try TenBoard.parseAsRoot(arguments)
            #expect(Self.describe(alone) == Self.describe(root), "\(arguments)")
        }
    }

    @Test("TenBoard.asyncCommands names every command whose run is async, and only those")
    func asyncCommandsListed() {
        let all: [any ParsableCommand.Type] = [TenBoard.self] + TenBoard.configuration.subcommands
        for command in all {
            #expect(TenBoard.isAsync(command) == (command is any AsyncParsableCommand.Type), "\(command)")
        }
        #expect(TenBoard.isAsync(Summary.self) && !TenBoard.isAsync(Status.self))
    }

    @Test("parseAlone answers the plain lines and leaves help, version, errors and completion to the root")
    func aloneAnswersWhatItShould() {
        for arguments in Self.plain {
            #expect(TenBoard.parseAlone(arguments) != nil, "\(arguments)")
        }
        for arguments in Self.rootOnly {
            #expect(TenBoard.parseAlone(arguments) == nil, "\(arguments)")
        }
    }

    @Test("A subcommand's usage error, help and version are the root's: 'tenboard status', exit 64")
    func whatTheUserSees() throws {
        let dir = try TenBoardBinary.temporaryDirectory("cli-parse")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path]

        let typo = try TenBoardBinary.run(["status", "--jsn"], environment: env)
        #expect(typo.status == 64)
        #expect(typo.stderr == """
            Error: Unknown option '--jsn'. Did you mean '--json'?
            Usage: tenboard status [--store <dir>] [--config <file>] [--at <time>] [--json]
              See 'tenboard status --help' for more information.

            """, "\(typo.stderr)")
        let invalid = try TenBoardBinary.run(["add", "--summary", "x"], environment: env)
        #expect(invalid.status == 64)
        #expect(invalid.stderr.hasPrefix("Error: --customer is required (or --json)\nUsage: tenboard add [--store <dir>]"), "\(invalid.stderr)")

        let help = try TenBoardBinary.run(["status", "--help"], environment: env)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: tenboard status [--store <dir>]"), "\(help.stdout)")
        #expect(try TenBoardBinary.run(["help", "status"], environment: env).stdout == help.stdout)

        let version = try TenBoardBinary.run(["--version"], environment: env)
        #expect(version.status == 0 && !version.stdout.isEmpty)
        #expect(try TenBoardBinary.run(["status", "--version"], environment: env).stdout == version.stdout)

        for arguments in [["--generate-completion-script", "bash"], ["status", "--generate-completion-script", "bash"]] {
            let script = try TenBoardBinary.run(arguments, environment: env)
            #expect(script.status == 0 && script.stdout.contains("_tenboard()"), "\(arguments): \(script.stderr)")
        }

        let status = try TenBoardBinary.run(["status", "--json"], environment: env)
        #expect(status.status == 0 && status.stdout.contains("\"secondsLeft\""), "\(status.stderr)")
    }

    @Test("A first word that names no command is said to be one, with the nearest command, not the board's usage (exit 64)")
    func unknownCommand() throws {
        for language in ["en", "nl"] {
            let dir = try TenBoardBinary.temporaryDirectory("cli-unknown-\(language)")
            defer { TemporaryDirectory.remove(dir) }
            let config = dir.appendingPathComponent("config.yaml")
            try "store: \(dir.path)/store\nlanguage: \(language)\n".write(to: config, atomically: true, encoding: .utf8)
            let env = ["TENBOARD_CONFIG": config.path, "HOME": dir.path]
            let (notA, lists) = language == "nl"
                ? ("is geen opdracht", "; 'tenboard --help' noemt de opdrachten\n")
                : ("is not a command", "; 'tenboard --help' lists the commands\n")
            let didYou = language == "nl" ? "bedoel je" : "did you mean"
            for (arguments, nearest) in [(["stauts", "--json"], "status"), (["resolv", "x1"], "resolve"), (["LIST"], "list")] {
                let typo = try TenBoardBinary.run(arguments, environment: env)
                #expect(typo.status == 64, "\(arguments)")
                #expect(typo.stdout.isEmpty)
                #expect(typo.stderr == "tenboard: '\(arguments[0])' \(notA) (\(didYou) '\(nearest)'?)\(lists)", "\(arguments): \(typo.stderr)")
            }
            // Nothing near: no suggestion. A word that would drive the terminal is neutralised.
            let far = try TenBoardBinary.run(["frobnicate"], environment: env)
            #expect(far.status == 64 && far.stderr == "tenboard: 'frobnicate' \(notA)\(lists)", "\(far.stderr)")
            let hostile = try TenBoardBinary.run(["st\u{1B}[2Jatus"], environment: env)
            #expect(hostile.status == 64 && hostile.stderr.contains(notA) && !hostile.stderr.contains("\u{1B}"), "\(hostile.stderr)")
            // What is not a first word naming no command stays the parser's answer.
            let option = try TenBoardBinary.run(["--jsn"], environment: env)
            #expect(option.status == 64 && !option.stderr.contains(notA), "\(option.stderr)")
            let extra = try TenBoardBinary.run(["status", "extra"], environment: env)
            #expect(extra.status == 64 && !extra.stderr.contains(notA) && extra.stderr.contains("tenboard status"), "\(extra.stderr)")
            let help = try TenBoardBinary.run(["help", "status"], environment: env)
            #expect(help.status == 0 && help.stdout.contains("USAGE: tenboard status"), "\(help.stderr)")
        }
    }

    @Test("add --customer with no name in it (blanks, a tab, a line break, U+200B) is one usage error, 64; nothing is added")
    func blankCustomer() throws {
        let dir = try TenBoardBinary.temporaryDirectory("cli-blank-customer")
        defer { TemporaryDirectory.remove(dir) }
        let env = ["TENBOARD_STORE": dir.path, "HOME": dir.path]
        for blank in ["", "  ", "\t", "\n", " \r\n ", "\u{200B}"] {
            let add = try TenBoardBinary.run(["add", "--customer", blank, "--summary", "the printer"], environment: env)
            #expect(add.status == 64, "\(blank.unicodeScalars.map(\.value)): \(add.stderr)")
            #expect(add.stderr.hasPrefix("Error: --customer: is empty\nUsage: tenboard add"), "\(add.stderr)")
        }
        let list = try TenBoardBinary.run(["list", "--json"], environment: env)
        #expect(list.status == 0 && list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(list.stdout) \(list.stderr)")
        // A name with blanks around it is a name, stored trimmed as `set` stores it; so is every
        // text typed, and an assignee or channel of blanks is none.
        let named = try TenBoardBinary.run(["add", "--customer", "\u{200B} Ann\n", "--summary", " the printer\t",
                                            "--assignee", " ", "--channel", " mail "], environment: env)
        #expect(named.status == 0, "\(named.stderr)")
        let stored = try TenBoardBinary.run(["list", "--json"], environment: env).stdout
        #expect(stored.contains(#""customer": "Ann""#) && stored.contains(#""summary": "the printer""#)
                && stored.contains(#""channel": "mail""#) && stored.contains(#""assignee": null"#), "\(stored)")
    }

    @Test("Help, --version and completion scripts are the same with a Dutch config; a usage error is Dutch")
    func helpStaysEnglish() throws {
        var outputs: [String: [String]] = [:]
        for language in ["en", "nl"] {
            let dir = try TenBoardBinary.temporaryDirectory("cli-help-\(language)")
            defer { TemporaryDirectory.remove(dir) }
            let config = dir.appendingPathComponent("config.yaml")
            try "store: \(dir.path)/store\nlanguage: \(language)\n".write(to: config, atomically: true, encoding: .utf8)
            let env = ["TENBOARD_CONFIG": config.path, "HOME": dir.path]
            for arguments in [["--help"], ["status", "--help"], ["help", "add"], ["--version"], ["--generate-completion-script", "zsh"]] {
                let result = try TenBoardBinary.run(arguments, environment: env)
                #expect(result.status == 0, "\(language) \(arguments): \(result.stderr)")
                outputs[language, default: []].append(result.stdout)
            }
            let typo = try TenBoardBinary.run(["status", "--jsn"], environment: env)
            #expect(typo.status == 64)
            #expect(typo.stderr.hasPrefix(language == "nl" ? "Fout: onbekende optie '--jsn'. Bedoel je '--json'?" : "Error: Unknown option '--jsn'. Did you mean '--json'?"),
                    "\(language): \(typo.stderr)")
        }
        #expect(outputs["en"] == outputs["nl"])
        #expect(outputs["en"]?.allSatisfy { !$0.isEmpty } == true)
    }
}
