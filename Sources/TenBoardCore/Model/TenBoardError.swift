import Foundation

/// Exit statuses from sysexits.h, which cron, scripts and shells understand. (Not `ExitCode`:
/// that is swift-argument-parser's, which the command-line target imports beside this module.)
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cantCreate = 73
    case ioError = 74
    case tempFailure = 75
    case noPermission = 77
    case config = 78
}

/// An error to show a person: one sentence naming the file, field or key, and the exit status.
public struct TenBoardError: Error, Sendable, CustomStringConvertible {
    /// The message in English.
    public var message: String
    /// The same message in Dutch when it came from the catalogue (`Words`); `nil` for the few
    /// that are English only.
    public var dutch: String?
    public var exitCode: ExitStatus

    public init(_ message: String, exitCode: ExitStatus) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A message from the catalogue, kept in both languages, since where an error is made (the
    /// store, the configuration loader) the language is often not known: the one place that
    /// prints it picks one.
    public init(exitCode: ExitStatus, _ words: (Words) -> String) {
        self.message = words(Words(.en))
        self.dutch = words(Words(.nl))
        self.exitCode = exitCode
    }

    /// The message in `language` (English when there is no Dutch one).
    public func message(in language: Language) -> String { language == .nl ? dutch ?? message : message }

    public var description: String { message }
}
