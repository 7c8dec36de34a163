import ArgumentParser
import Foundation
import TenBoardCore
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A command that takes the options every command takes, `--store DIR` and `--config FILE`,
/// declared first among its own as
///
///     @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
///     @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
///
/// Plain options rather than an `@OptionGroup`: the parser reflects, decodes and casts a group's
/// type on its own, and each of those first look-ups scans every conformance record of the
/// binary, a million instructions at every start (README, "Process start").
protocol TakesGlobalOptions {
    var store: String? { get }
    var config: String? { get }
}

extension TakesGlobalOptions {
    /// Where the store and the config are, as given on the command line.
    var global: GlobalOptions { GlobalOptions(store: store, config: config) }
}

/// Options every command takes: where the store and the config are.
struct GlobalOptions {
    static let storeHelp = ArgumentHelp("The store directory (overrides 'store' and TENBOARD_STORE).", valueName: "dir")
    static let configHelp = ArgumentHelp("The config file (overrides TENBOARD_CONFIG).", valueName: "file")

    var store: String?
    var config: String?

    /// The configuration with every layer applied.
    func loadConfiguration() throws(TenBoardError) -> Configuration {
        var flags: [String: String] = [:]
        if let store { flags["store"] = store }
        return try ConfigLoader(
            environment: ProcessEnvironment.variables(), flags: flags, configFile: config
        ).load()
    }

    /// The configuration and the store it names.
    func open() throws(TenBoardError) -> (Configuration, IssueStore) {
        let configuration = try loadConfiguration()
        let store = IssueStore(directory: URL(fileURLWithPath: configuration.store), schedule: configuration.schedule)
        return (configuration, store)
    }

    /// The same, for a command that reads what the store holds (`status`, `summary`, `list`,
    /// `show`, `history`, `export`): a store directory that is not there is refused
    /// (66, naming it) rather than read as an empty store. A wrong path (a typo in cron's
    /// TENBOARD_STORE) would otherwise give "no customers": a quiet morning on a shell prompt, an
    /// all-clear in the directors' report. The board and the wall say so on screen instead.
    func openToRead() throws(TenBoardError) -> (Configuration, IssueStore) {
        let (configuration, store) = try open()
        guard store.isThere else {
            let path = store.directory.path
            throw TenBoardError(exitCode: .noInput) { $0.noStoreToRead(path) }
        }
        return (configuration, store)
    }
}

/// `--at TIME`: the instant a command evaluates at, for tests and "what did 10:00 look like".
/// A command that takes it declares `@Option(name: .long, help: AtOption.help) var at: String?`
/// and asks `AtOption.instant(at, configuration)`. A plain option rather than an option group:
/// the parser reflects, decodes and casts every group type on its own, four first conformance
/// look-ups of a million instructions together at each start (README, "Process start").
enum AtOption {
    static let help = ArgumentHelp("Evaluate at this instant instead of now: RFC 3339, HH:MM (today) or YYYY-MM-DD HH:MM in the configured zone.", valueName: "time")

    /// The instant `at` names, `HH:MM` read in the configured zone; now without it.
    static func instant(_ at: String?, _ configuration: Configuration) throws -> Date {
        guard let at else { return Date() }
        return try parseTime(at, option: "--at", configuration)
    }
}

/// Parses a time given on the command line (RFC 3339, `HH:MM` today or `YYYY-MM-DD HH:MM`, in
/// the configured zone), or fails with a message naming the option and the forms (exit 64).
func parseTime(_ text: String, option: String, _ configuration: Configuration, now: Date = Date()) throws -> Date {
    guard let date = TimeInput.parse(text, schedule: configuration.schedule, now: now) else {
        throw TenBoardError(exitCode: .usage) { TimeInput.problem(option, text, $0.language) }
    }
    return date
}

/// The language of messages on standard error: the configured one, found again from the same
/// layers (`--config` as given on the command line), so that an error in loading the
/// configuration, or in parsing the command line, is said in it too.
func messageLanguage() -> Language {
    let arguments = CommandLine.arguments
    var configFile: String?
    for (index, argument) in arguments.enumerated() {
        if argument == "--config", index + 1 < arguments.count { configFile = arguments[index + 1] }
        if argument.hasPrefix("--config=") { configFile = String(argument.dropFirst("--config=".count)) }
    }
    return ConfigLoader(environment: ProcessEnvironment.variables(), configFile: configFile).messageLanguage()
}

extension ValidationError {
    /// A usage error (exit 64) from the catalogue, in the configured language: the argument
    /// parser prints it after its "Error: " (said again by `Words.argumentParserLine`).
    init(_ words: (Words) -> String) {
        self.init(words(Words(messageLanguage())))
    }
}

/// Writes a message that does not end the command (a notice, a warning) on standard error,
/// rendered as every error is (`ErrorReport.render`). A failing stderr is ignored: there is
/// nowhere left to say so.
func printError(_ message: String) {
    _ = writeAll(.standardError, ErrorReport.render("tenboard: " + message))
}

/// Writes `data` to `fd` whole; `nil`, or the error of the write that failed.
func writeAll(_ fd: FileDescriptor, _ data: Data) -> Errno? {
    do throws(Errno) {
        try fd.write(whole: data)
        return nil
    } catch {
        return error
    }
}

/// `writeAll` of a text's UTF-8, written from the string's own storage (no `Data` made: its
/// generic initialiser costs a conformance look-up at start, README "Process start").
func writeAll(_ fd: FileDescriptor, _ text: String) -> Errno? {
    var text = text
    return text.withUTF8 { bytes in
        do throws(Errno) {
            try fd.write(whole: UnsafeRawBufferPointer(bytes))
            return nil
        } catch {
            return error
        }
    }
}

/// Writes to standard output. A reader that went away (`| head`: EPIPE) ends the command quietly
/// with exit 0; any other failure (a full disk, a closed stdout) is exit 74 naming stdout, so a
/// truncated output is never taken for a complete one.
func writeOut(_ text: String) throws {
    if let code = writeAll(.standardOutput, text) { throw standardOutputFailed(code) }
}

/// `writeOut` for bytes.
func writeOut(_ data: Data) throws {
    if let code = writeAll(.standardOutput, data) { throw standardOutputFailed(code) }
}

/// `writeOut` of `count` bytes at `offset` of `file`, copied by the kernel (`sendfile`): how many
/// it copied; the caller writes the rest with `writeOut` (an output the kernel cannot send to).
func sendOut(_ file: FileDescriptor, offset: Int, count: Int) throws -> Int {
    do throws(Errno) { return try file.send(count, at: offset, to: .standardOutput) } catch { throw standardOutputFailed(error) }
}

/// What `writeOut` and `sendOut` throw when standard output fails with `code`.
private func standardOutputFailed(_ code: Errno) -> any Error {
    if code == .brokenPipe { return ExitCode(0) }
    let reason = code.description
    return TenBoardError(exitCode: .ioError) { $0.cannotWriteStandardOutput(reason) }
}

/// `--kind`. What the parser derives for a `String` enum, spelled out: its defaults interpolate
/// each value (`"\(self)"`) and walk a key path, and the first use of each costs the runtime a
/// scan of every conformance record at start (README, "Process start").
extension IssueKind: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    /// No value has a description of its own (the default gives none when each is its name).
    public static var allValueDescriptions: [String: String] { [:] }
}
