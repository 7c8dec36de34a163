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

/// The old name, kept for branches written before the rename; use `ExitStatus`.
@available(*, deprecated, renamed: "ExitStatus")
public typealias ExitCode = ExitStatus

/// An error to show a person: one sentence naming the file, field or key, and the exit status.
public struct TenBoardError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var exitCode: ExitStatus

    public init(_ message: String, exitCode: ExitStatus) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
