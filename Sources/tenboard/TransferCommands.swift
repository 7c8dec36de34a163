import ArgumentParser
import Foundation
import TenBoardCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import issues: a JSON array, {\"issues\": [...]}, or JSON Lines.",
        discussion: """
            All or nothing: every bad record is reported by position and nothing is imported (exit 65). Ids are kept and must be new to the store; missing ones are assigned. Fields tenboard does not know are kept and exported again.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file, or - for standard input.", valueName: "file")) var file: String

    func run() throws {
        do {
            let (_, store) = try global.open()
            let words = Words(messageLanguage())
            let name = file == "-" ? words.standardInput : file
            let records = try ImportRecord.parse(try readInput(file), name: name)
            let count = try store.importIssues(records, name: name)
            printError(words.imported(count))
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every issue, archived history included, as a JSON array (or JSON Lines).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "One issue per line instead of one array.") var jsonl = false

    func run() throws {
        do {
            let (_, store) = try global.open()
            try store.export(jsonLines: jsonl) { data in try writeOut(data) }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and the whole store, archive included.",
        discussion: """
            Exit 0 when all is well; 78 for the configuration, 65 for damaged data, naming the file and field. \
            Then lists, as "to do:" lines, what an installation still lacks: directors, a sender, a sendmail \
            that exists, a store directory shared by a group and writable by you. An archive segment whose \
            index matches its bytes (size, checksum, every line's id) is taken as written, its lines not \
            parsed again; --full parses every one.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Parse every archived issue, also in segments whose index vouches for them.") var full = false

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let report = try StoreCheck.run(store, full: full, words: Words(configuration.language))
            do {
                try writeOut("config:  \(Words(configuration.language).configOK(configuration.file))\n")
                try writeOut("store:   \(store.directory.path): \(report.summary)\n")
            } catch where !report.problems.isEmpty {
                // stdout gone or full (| grep -q, >&-): the verdict on the store still decides the status.
            }
            guard report.problems.isEmpty else {
                throw TenBoardError(report.problems.joined(separator: "\n"), exitCode: .dataError)
            }
            for item in SetupCheck.todo(configuration) { try writeOut("to do:   \(Untrusted.oneLine(item))\n") }
        }
    }
}
