import ArgumentParser
import Foundation
import TenBoardCore

struct Import: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "import",
        abstract: "Import issues: a JSON array, {\"issues\": [...]}, or JSON Lines.",
        discussion: """
            All or nothing: every bad record is reported by position and nothing is imported (exit 65). Ids are kept and must be new to the store; missing ones are assigned. Fields tenboard does not know are kept and exported again.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: ArgumentHelp("The file, or - for standard input.", valueName: "file")) var file: String

    func run() throws {
        do {
            let (_, store) = try global.open()
            let words = Words(messageLanguage())
            let name = file == "-" ? words.standardInput : file
            // Standard input is copied to a file first, a chunk at a time: a large import is then
            // read a chunk at a time too (`importIssues(file:)`), never held whole.
            let copy = file == "-" ? try spoolStandardInput() : nil
            defer { if let copy { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) } }
            guard copy != nil || FileManager.default.fileExists(atPath: file) else {
                throw TenBoardError(exitCode: .noInput) { $0.noSuchFile(file) }
            }
            let count = try store.importIssues(file: copy ?? URL(fileURLWithPath: file), name: name)
            printError(words.imported(count))
        }
    }
}

/// Standard input copied into a new temporary directory, 1 MiB at a time.
func spoolStandardInput() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-stdin-\(UUID().uuidString)")
    let url = directory.appendingPathComponent("input")
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let out = try FileHandle(forWritingTo: url)
        defer { try? out.close() }
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            try out.write(contentsOf: chunk)
        }
    } catch {
        try? FileManager.default.removeItem(at: directory)
        let (path, reason) = (FileManager.default.temporaryDirectory.path, error.localizedDescription)
        throw TenBoardError(exitCode: .ioError) { $0.changeFailed($0.cannotCreateFile(in: path), reason, retry: true) }
    }
    return url
}

struct Export: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "export",
        abstract: "Write every issue, archived history included, as a JSON array (or JSON Lines).")

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Flag(help: "One issue per line instead of one array.") var jsonl = false

    func run() throws {
        do {
            let (_, store) = try global.openToRead()
            try store.export(jsonLines: jsonl, write: { try writeOut($0) }, send: { try sendOut($0, offset: $1, count: $2) })
        }
    }
}

struct Check: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "check",
        abstract: "Validate the configuration and the whole store, archive included.",
        discussion: """
            Exit 0 when all is well; 78 for the configuration, 65 for damaged data, naming the file and field. \
            Then lists, as "to do:" lines, what an installation still lacks: directors, a sender, a sendmail \
            that exists, a store directory shared by a group and writable by you. An archive segment whose \
            index matches its bytes (size, checksum, every line's id) is taken as written, its lines not \
            parsed again; --full parses every one.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Flag(help: "Parse every archived issue, also in segments whose index vouches for them.") var full = false

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let report = try StoreCheck.run(store, full: full, words: Words(configuration.language))
            do {
                try writeOut("config:  \(Words(configuration.language).configOK(configuration.file))\n")
                try writeOut("store:   \(store.directory.path): \(report.summary)\n")
                if report.problems.isEmpty {
                    // What check found of the ledger (stale, rebuilt) is part of its report: stdout.
                    var notices: [String] = []
                    let mornings = try store.checkLedger(notice: { notices.append($0.message(in: configuration.language)) })
                    for notice in notices { try writeOut("ledger:  \(notice)\n") }
                    if let mornings {
                        try writeOut("ledger:  \(store.ledgerURL.path): \(Words(configuration.language).ledgerMornings(mornings))\n")
                    }
                }
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
