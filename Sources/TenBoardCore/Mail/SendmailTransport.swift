import Foundation
import Subprocess
#if canImport(Glibc)
import Glibc
#endif
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
        guard let fd = file.descriptor?.rawValue, AtomicFile.writeAll(fd, message), lseek(fd, 0, SEEK_SET) == 0 else {
            throw DeliveryFailure(.temporary, "cannot write the message to a temporary file: \(String(cString: strerror(Glibc.errno)))")
        }
        try await deliver(descriptor: fd, size: Int64(message.count), from: sender, to: recipients)
    }

    public func deliver(file: URL, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            throw DeliveryFailure(.temporary, "cannot read \(file.path): \(String(cString: strerror(Glibc.errno)))")
        }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw DeliveryFailure(.data, "\(file.path) is not a regular file")
        }
        try await deliver(descriptor: fd, size: Int64(info.st_size), from: sender, to: recipients)
    }

    /// Runs the command with `fd` (at offset 0, `size` bytes) as its standard input.
    private func deliver(descriptor fd: Int32, size: Int64, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        guard let program = command.first, !program.isEmpty else {
            throw DeliveryFailure(.configuration, "the sendmail command is empty")
        }
        let arguments = try arguments(from: sender, to: recipients)
        SendmailTransport.ignoreSIGPIPE()
        let log = OutputFile()
        defer { log.close() }
        var outcome = await run(program: program, arguments: arguments, input: fd, log: log)
        if case .exited(let code, nil) = outcome {
            // The command shares the file's offset with us: how far it got is how far it read.
            let read = lseek(fd, 0, SEEK_CUR)
            if read >= 0, Int64(read) < size {
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

    private func run(program: String, arguments: [String], input fd: Int32, log: OutputFile) async -> Outcome {
        var options = PlatformOptions()
        // Its own process group, so the timeout also stops what it forked.
        options.processGroupID = 0
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .seconds(2))]
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        let configuration = Subprocess.Configuration(
            executable: executable, arguments: Arguments(arguments), platformOptions: options)
        let timeout = self.timeout
        let input = FileDescriptor(rawValue: fd)
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
                    let missing = error.code == .executableNotFound || [ENOENT, ENOTDIR].contains(SendmailTransport.errno(of: error))
                    let denied = [EACCES, EPERM].contains(SendmailTransport.errno(of: error))
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

    private static func errno(of error: SubprocessError) -> Int32? {
        guard let underlying = error.underlyingError else { return nil }
        return Int32(truncatingIfNeeded: underlying.rawValue)
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

    /// Makes writing to a sendmail that has exited fail with EPIPE instead of killing tenboard.
    ///
    /// The CLI's `main` does this first thing; doing it here too keeps any other caller (a test,
    /// a future daemon) alive. Only a default disposition is changed: a handler someone
    /// installed on purpose is left alone.
    static func ignoreSIGPIPE() {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0 else { return }
        if current.__sigaction_handler.sa_handler == nil { // SIG_DFL is the null handler
            signal(SIGPIPE, SIG_IGN)
        }
    }
}

/// An unlinked temporary file for the command's stdout and stderr.
private final class OutputFile: @unchecked Sendable {
    let descriptor: FileDescriptor?

    init() {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/tenboard-sendmail-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 {
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            descriptor = FileDescriptor(rawValue: fd)
        } else {
            descriptor = nil
        }
    }

    /// The last lines the command wrote, on one line, without control characters.
    func tail(limit: Int = 600) -> String {
        guard let fd = descriptor?.rawValue else { return "" }
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return "" }
        let start = max(0, Int(size) - limit)
        var buffer = [UInt8](repeating: 0, count: Int(size) - start)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
        guard n > 0 else { return "" }
        let text = String(decoding: buffer.prefix(n), as: UTF8.self)
        return Untrusted.headerValue(text)
    }

    func close() {
        if let fd = descriptor?.rawValue { _ = Glibc.close(fd) }
    }
}
