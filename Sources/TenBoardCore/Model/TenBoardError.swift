import Foundation

/// Exit statuses from sysexits.h, which cron, scripts and shells understand.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case cantCreate = 73
    case ioError = 74
    case tempFailure = 75
    case noPermission = 77
    case config = 78
}

/// An error to show a person: one sentence naming the file, field or key, and the exit status.
public struct TenBoardError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var exitCode: ExitCode

    public init(_ message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
