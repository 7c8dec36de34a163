import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Delivers through a local sendmail-compatible command (Postfix, Exim, msmtp, OpenSMTPD).
///
/// Runs `command + ["-f", sender, "--"] + recipients` directly, never through a shell; gives it
/// the complete message as a file on its standard input (never a pipe tenboard writes into: a
/// tenboard killed mid-write would hand sendmail a truncated message, which it delivers); checks
/// afterwards that it read the file to the end (a sendmail that exits 0 without reading has not
/// sent it); collects stdout and stderr in an unlinked temporary file (no pipe a backgrounded
/// grandchild could hold open, no size limit to hit); waits at most `timeout`, then stops the
/// command's whole process group.
public struct SendmailTransport: MailTransport {
    /// The program and its fixed arguments, as in `Configuration.sendmail`.
    public var command: [String]
    public var timeout: Duration

    /// - Parameters:
    ///   - command: the program (an absolute path: cron's `PATH` lacks `/usr/sbin`) and its fixed
    ///     arguments, such as `["/usr/sbin/sendmail", "-i"]`.
    ///   - timeout: how long the command may take before it is stopped and the delivery counts as
    ///     a temporary failure.
    public init(command: [String], timeout: Duration = .seconds(60)) {
        self.command = command
        self.timeout = timeout
    }

    /// The full argument list after the program: fixed arguments, `-f sender`, `--`, recipients.
    ///
    /// Addresses are validated again here: they become arguments, and one starting with `-`
    /// must never be read as an option (PHPMailer CVE-2016-10033).
    func arguments(from sender: MailAddress, to recipients: [MailAddress]) throws(DeliveryFailure) -> [String] {
        for address in [sender] + recipients where !MailAddress.isValidSpec(address.address) {
            throw DeliveryFailure(.data, "'\(Untrusted.headerValue(address.address))' is not a valid e-mail address")
        }
        guard !recipients.isEmpty else { throw DeliveryFailure(.configuration, "no recipients: configure the directors") }
        return Array(command.dropFirst()) + ["-f", sender.address, "--"] + recipients.map(\.address)
    }

    public func deliver(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        // Written whole into an unlinked file first: sendmail reads a file, never a pipe.
        let file = OutputFile()
        defer { file.close() }
        guard let fd = file.descriptor else {
            throw DeliveryFailure(.temporary, "cannot write the message to a temporary file: \(file.failure?.description ?? "")")
        }
        do throws(Errno) {
            try fd.write(whole: message)
            try fd.rewind()
        } catch {
            throw DeliveryFailure(.temporary, "cannot write the message to a temporary file: \(error)")
        }
        try await deliver(descriptor: fd, size: Int64(message.count), from: sender, to: recipients)
    }

    public func deliver(file: URL, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        let fd: FileDescriptor
        do throws(Errno) {
            fd = try .open(path: file.path, .readOnly, options: [.closeOnExec, .noFollow])
        } catch {
            throw DeliveryFailure(.temporary, "cannot read \(file.path): \(error)")
        }
        defer { fd.closeQuietly() }
        guard let info = try? fd.info(), info.type == .regular else {
            throw DeliveryFailure(.data, "\(file.path) is not a regular file")
        }
        try await deliver(descriptor: fd, size: info.size, from: sender, to: recipients)
    }

    /// Runs the command with `fd` (at offset 0, `size` bytes) as its standard input.
    private func deliver(descriptor fd: FileDescriptor, size: Int64, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        guard let program = command.first, !program.isEmpty else {
            throw DeliveryFailure(.configuration, "the sendmail command is empty")
        }
        let arguments = try arguments(from: sender, to: recipients)
        ProcessDefaults.ignoreBrokenPipeUnlessHandled()
        let log = OutputFile()
        defer { log.close() }
        var outcome = await run(program: program, arguments: arguments, input: fd, log: log)
        if case .exited(let code, nil) = outcome {
            // The command shares the file's offset with us: how far it got is how far it read.
            if let read = fd.currentOffset(), read < size {
                outcome = .exited(code, inputError: "it read \(read) of \(size) bytes")
            }
        }
        try SendmailTransport.interpret(outcome, program: program, output: log.tail())
    }

    /// What happened to one run of the command.
    enum Outcome: Sendable, Equatable {
        case exited(Int32, inputError: String?)
        case signaled(Int32)
        case timedOut
        case notStarted(String, missing: Bool)
    }

    private func run(program: String, arguments: [String], input: FileDescriptor, log: OutputFile) async -> Outcome {
        var options = PlatformOptions()
        // Its own process group, so the timeout also stops what it forked.
        options.processGroupID = 0
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(2))]
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        let configuration = Subprocess.Configuration(
            executable: executable, arguments: Arguments(arguments), platformOptions: options)
        let timeout = self.timeout
        return await withTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                do {
                    let output: FileDescriptorOutput = log.descriptor.map { .fileDescriptor($0, closeAfterSpawningProcess: false) }
                        ?? .fileDescriptor(.standardError, closeAfterSpawningProcess: false)
                    let result = try await Subprocess.run(
                        configuration, input: .fileDescriptor(input, closeAfterSpawningProcess: false),
                        output: output, error: .combinedWithOutput)
                    if Task.isCancelled { return nil }
                    switch result.terminationStatus {
                    case .exited(let code): return .exited(code, inputError: nil)
                    case .signaled(let signal): return .signaled(signal)
                    }
                } catch let error as SubprocessError {
                    if Task.isCancelled { return nil }
                    let missing = error.code == .executableNotFound || [.noSuchFileOrDirectory, .notDirectory].contains(SendmailTransport.errno(of: error))
                    let denied = [.permissionDenied, .notPermitted].contains(SendmailTransport.errno(of: error))
                    return .notStarted(denied ? "permission denied" : "\(error)", missing: missing)
                } catch {
                    return Task.isCancelled ? nil : .notStarted("\(error)", missing: false)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .timedOut
            }
            var outcome: Outcome = .timedOut
            if let first = await group.next(), let value = first {
                outcome = value
            }
            // Cancelling the run makes Subprocess send SIGTERM, then SIGKILL, to the group.
            group.cancelAll()
            while await group.next() != nil {}
            return outcome
        }
    }

    private static func errno(of error: SubprocessError) -> Errno? {
        guard let underlying = error.underlyingError else { return nil }
        return Errno(rawValue: Int32(truncatingIfNeeded: underlying.rawValue))
    }

    /// Maps an outcome to success or a `DeliveryFailure`. sendmail exits with sysexits.h codes:
    /// 64, 77 and 78 say the set-up is wrong, 65 to 68 the message or its addresses; anything else
    /// (75, EX_TEMPFAIL, among them; a signal; a timeout) may pass when tried again later.
    static func interpret(_ outcome: Outcome, program: String, output: String) throws(DeliveryFailure) {
        let said = output.isEmpty ? "" : ": " + output
        switch outcome {
        case .exited(0, nil):
            return
        case .exited(let code, let inputError):
            let cut = inputError.map { " without reading the whole message (\($0))" } ?? ""
            let reason = "\(program) exited with status \(code)\(SendmailTransport.meaning(code))\(cut)\(said)"
            switch code {
            case 64, 77, 78: throw DeliveryFailure(.configuration, reason)
            case 65, 66, 67, 68: throw DeliveryFailure(.data, reason)
            default: throw DeliveryFailure(.temporary, code == 0 ? reason + "; it was not sent" : reason)
            }
        case .signaled(let signal):
            throw DeliveryFailure(.temporary, "\(program) was killed by signal \(signal)\(said)")
        case .timedOut:
            throw DeliveryFailure(.temporary, "\(program) did not finish in time and was stopped\(said)")
        case .notStarted(let why, missing: true):
            throw DeliveryFailure(.temporary, "\(program) was not found (\(why)); install it or set the sendmail command to its absolute path")
        case .notStarted(let why, missing: false):
            throw DeliveryFailure(.temporary, "\(program) could not be started: \(why)")
        }
    }

    static func meaning(_ code: Int32) -> String {
        switch code {
        case 64: " (usage error)"
        case 65: " (message refused)"
        case 66: " (no input)"
        case 67: " (unknown user)"
        case 68: " (unknown host)"
        case 69: " (service unavailable)"
        case 70: " (internal error)"
        case 71: " (system error)"
        case 74: " (I/O error)"
        case 75: " (temporary failure, will retry)"
        case 76: " (protocol error)"
        case 77: " (permission denied)"
        case 78: " (configuration error)"
        default: ""
        }
    }

}

/// An unlinked temporary file for the command's stdout and stderr.
private final class OutputFile: @unchecked Sendable {
    let descriptor: FileDescriptor?
    /// Why there is no descriptor.
    let failure: Errno?

    init() {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        do throws(Errno) {
            let (fd, path) = try FileSystemCalls.makeTemporaryFile(template: directory + "/tenboard-sendmail-XXXXXX")
            FileSystemCalls.remove(path)
            (descriptor, failure) = (fd, nil)
        } catch {
            (descriptor, failure) = (nil, error)
        }
    }

    /// The last lines the command wrote, on one line, without control characters.
    func tail(limit: Int = 600) -> String {
        guard let fd = descriptor, let size = fd.seekToEnd(), size > 0 else { return "" }
        let start = max(0, Int(size) - limit)
        guard let bytes = fd.read(exactly: Int(size) - start, at: start) else { return "" }
        let text = String(decoding: bytes, as: UTF8.self)
        return Untrusted.headerValue(text)
    }

    func close() {
        descriptor?.closeQuietly()
    }
}
