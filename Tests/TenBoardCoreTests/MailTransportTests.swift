import Foundation
import Testing
@testable import TenBoardCore

/// The real `SendmailTransport` against small shell scripts that act as sendmail.
@Suite("Sendmail transport")
struct MailTransportTests {
    let sender = MailAddress(address: "dashboard@example.nl")
    let directors = [MailAddress(displayName: "Ann", address: "ann@example.nl"), MailAddress(address: "bob@example.nl")]

    /// Writes `body` as an executable `/bin/sh` script in a fresh directory, which the script
    /// finds in `$D`.
    func script(_ body: String) throws -> (path: String, directory: URL) {
        let directory = try MailFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("sendmail").path
        try ("#!/bin/sh\nD=$(dirname \"$0\")\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (path, directory)
    }

    /// These tests are about what a finished sendmail means, not about the time limit (one test
    /// below sets a short one). Beside the heavy end-to-end suites the test runner may not get to
    /// a waiting task for minutes, which a 60 s limit would misread as a hanging sendmail.
    static let patient: Duration = .seconds(1800)

    func failure(_ transport: SendmailTransport, message: Data = Data("Subject: x\n\nhi\n".utf8)) async -> DeliveryFailure? {
        do {
            try await transport.deliver(message, from: sender, to: directors)
            return nil
        } catch {
            return error
        }
    }

    @Test func passesArgumentsAndMessageWithoutAShell() async throws {
        let (path, dir) = try script("""
            for a in "$@"; do printf '%s\\n' "$a"; done > "$D/argv"
            cat > "$D/stdin"
            """)
        let message = Data("Subject: x\n\n.\nline with $HOME and `id` and ; rm -rf /\n".utf8)
        try await SendmailTransport(command: [path, "-i"], timeout: Self.patient).deliver(message, from: sender, to: directors)
        let argv = try String(contentsOfFile: dir.path + "/argv", encoding: .utf8)
        #expect(argv == "-i\n-f\ndashboard@example.nl\n--\nann@example.nl\nbob@example.nl\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("stdin")) == message)
    }

    @Test func refusesAnAddressThatLooksLikeAnOption() async throws {
        let (path, dir) = try script("touch \"$D/ran\"; exit 0")
        let transport = SendmailTransport(command: [path], timeout: Self.patient)
        await #expect(throws: DeliveryFailure.self) {
            try await transport.deliver(Data("x".utf8), from: sender, to: [MailAddress(address: "-oQ/tmp/x@example.nl")])
        }
        await #expect(throws: DeliveryFailure.self) {
            try await transport.deliver(Data("x".utf8), from: MailAddress(address: "-bv"), to: directors)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/ran"))
    }

    @Test func tempFailIsTemporaryWithTheReason() async throws {
        let (path, _) = try script("cat >/dev/null; echo 'msmtp: cannot connect to 127.0.0.1, port 2525: Connection refused' >&2; exit 75")
        let failure = try #require(await failure(SendmailTransport(command: [path], timeout: Self.patient)))
        #expect(failure.kind == .temporary)
        #expect(failure.exitCode == .tempFailure)
        #expect(failure.reason.contains("exited with status 75"))
        #expect(failure.reason.contains("Connection refused"))
    }

    @Test(arguments: [(64, DeliveryFailure.Kind.configuration), (77, .configuration), (78, .configuration),
                      (65, .data), (67, .data), (68, .data), (69, .temporary), (70, .temporary), (71, .temporary),
                      (74, .temporary), (1, .temporary)])
    func exitStatusesMapToKinds(status: Int, kind: DeliveryFailure.Kind) async throws {
        let (path, _) = try script("cat >/dev/null; exit \(status)")
        let failure = try #require(await failure(SendmailTransport(command: [path], timeout: Self.patient)))
        #expect(failure.kind == kind)
        #expect(failure.reason.contains("status \(status)"))
    }

    @Test func aSendmailThatExitsWithoutReadingDoesNotKillUs() async throws {
        // Far more than a pipe buffer, so the write must hit a closed pipe (EPIPE, not SIGPIPE).
        let big = Data(repeating: UInt8(ascii: "x"), count: 4 << 20)
        let (path, _) = try script("exit 75")
        let failure = try #require(await failure(SendmailTransport(command: [path], timeout: Self.patient), message: big))
        #expect(failure.kind == .temporary)
        #expect(failure.reason.contains("status 75"))
        // And one that exits 0 without reading has not sent it: a temporary failure, so the
        // report stays in the outbox.
        let (quiet, _) = try script("exit 0")
        let unread = try #require(await self.failure(SendmailTransport(command: [quiet], timeout: Self.patient), message: big))
        #expect(unread.kind == .temporary)
        #expect(unread.reason.contains("without reading the whole message (it read 0 of 4194304 bytes)"), "\(unread.reason)")
        let (half, _) = try script("head -c 1000 >/dev/null; exit 0")
        #expect(await self.failure(SendmailTransport(command: [half], timeout: Self.patient), message: big)?.kind == .temporary)
    }

    @Test func sendmailReadsTheCompleteMessageFromAFileNotAPipe() async throws {
        let (path, dir) = try script("stat -L -c %F /dev/stdin > \"$D/kind\"; cat > \"$D/stdin\"")
        let message = Data((0..<200_000).map { _ in UInt8(ascii: "m") })
        try await SendmailTransport(command: [path], timeout: Self.patient).deliver(message, from: sender, to: directors)
        #expect(try String(contentsOfFile: dir.path + "/kind", encoding: .utf8) == "regular file\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("stdin")) == message)
        // The outbox copy itself, as ReportSender hands it over.
        let file = dir.appendingPathComponent("report.eml")
        try message.write(to: file)
        try await SendmailTransport(command: [path], timeout: Self.patient).deliver(file: file, from: sender, to: directors)
        #expect(try Data(contentsOf: dir.appendingPathComponent("stdin")) == message)
    }

    // No wall-clock bounds here: in a parallel run on two cores a test may wait its turn for a
    // long time. What proves the point is the state of the processes when `deliver` returns.

    @Test func aHangingSendmailIsStoppedAfterTheTimeout() async throws {
        let (path, dir) = try script("trap '' TERM; echo $$ > \"$D/pid\"; sleep 600")
        let failure = try #require(await failure(SendmailTransport(command: [path], timeout: .milliseconds(700))))
        #expect(failure.kind == .temporary)
        #expect(failure.reason.contains("did not finish in time"))
        let pid = try #require(Int32(String(contentsOfFile: dir.path + "/pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) != 0, "the script must be gone")
    }

    @Test func aBackgroundedGrandchildDoesNotHoldUsUp() async throws {
        let (path, dir) = try script("cat >/dev/null; (sleep 600 & echo $! > \"$D/grandchild\"); exit 0")
        #expect(await failure(SendmailTransport(command: [path], timeout: Self.patient)) == nil)
        // Returned while the grandchild still runs: we waited for sendmail, not for it.
        let pid = try #require(Int32(String(contentsOfFile: dir.path + "/grandchild", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == 0, "the grandchild must still be running when deliver returns")
        kill(pid, SIGKILL)
    }

    @Test func aKilledSendmailIsTemporary() async throws {
        let (path, _) = try script("kill -KILL $$")
        let failure = try #require(await failure(SendmailTransport(command: [path], timeout: Self.patient)))
        #expect(failure.kind == .temporary)
        #expect(failure.reason.contains("signal 9"))
    }

    @Test func aMissingSendmailIsTemporaryAndSaysSo() async throws {
        let failure = try #require(await failure(SendmailTransport(command: ["/nonexistent/sbin/sendmail", "-i"])))
        #expect(failure.kind == .temporary)
        #expect(failure.reason.contains("/nonexistent/sbin/sendmail was not found"))
    }

    @Test func anEmptyCommandIsAConfigurationError() async throws {
        let failure = try #require(await failure(SendmailTransport(command: [])))
        #expect(failure.kind == .configuration)
    }
}
