import ArgumentParser
import Foundation
import TenBoardCore
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// How a command that failed ends: the one mapping from an error to the words the user reads and
/// the exit status, as swift-argument-parser maps its errors in one `MessageInfo`. Commands let
/// every error through; `TenBoardMain` asks this once.
///
/// - `TenBoardError`: its message after "tenboard: ", in the configured language where the
///   catalogue has it, and its sysexits status.
/// - swift-argument-parser's errors (a bad option, `--help`, `ExitCode`): its message and status.
/// - anything else (a library's error that escaped): its description, status 1.
struct ErrorReport {
    /// What to print, possibly several lines; empty for nothing.
    var message: String
    /// Help and `--version` (status 0) go to standard output, errors to standard error.
    var toStandardOutput: Bool
    var status: Int32

    init(_ error: any Error) {
        if let error = error as? TenBoardError {
            message = "tenboard: " + error.message(in: messageLanguage())
            toStandardOutput = false
            status = error.exitCode.rawValue
        } else {
            // The argument parser's known sentences (an unknown option, a missing value) are
            // said in the configured language; the usage synopsis and the help stay English.
            // Help, `--version` and completion scripts (status 0) are all synopsis and help, so
            // the configuration is read for the language only when the parser reports an error.
            let code = TenBoard.exitCode(for: error)
            let full = TenBoard.fullMessage(for: error)
            if code == .success {
                message = full
            } else {
                let words = Words(messageLanguage())
                message = full.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { words.argumentParserLine(String($0)) }.joined(separator: "\n")
            }
            toStandardOutput = code == .success
            status = code.rawValue
        }
    }

    /// Prints the message, if any. A failing output is ignored: there is nowhere left to say so.
    func print() {
        guard !message.isEmpty else { return }
        _ = writeAll(toStandardOutput ? .standardOutput : .standardError, Self.render(message))
    }

    /// The one rendering of a message for the terminal: every line neutralised (messages quote
    /// command lines, files and other people's text, and none of it may drive the terminal),
    /// ending in a line break.
    static func render(_ message: String) -> String {
        // One line (`--version`, most errors) needs no splitting and joining.
        if !message.utf8.contains(UInt8(ascii: "\n")) { return Untrusted.clean(message) + "\n" }
        return message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Untrusted.clean(String($0)) }.joined(separator: "\n") + "\n"
    }
}
