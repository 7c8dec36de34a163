import Foundation

/// Hands a rendered message to the mail system; injected so tests and the CLI can swap it.
public protocol MailTransport: Sendable {
    /// Delivers `message` from `sender` to exactly `recipients` (the envelope; headers are not read).
    ///
    /// - Throws: `DeliveryFailure` saying whether a later retry can help.
    func deliver(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure)

    /// Delivers the message in `file` (the outbox copy). A transport that runs a program gives it
    /// the file itself as its input, so that it never sees part of a message when tenboard is
    /// killed mid-send; the default reads the file and calls `deliver(_:from:to:)`.
    func deliver(file: URL, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure)
}

extension MailTransport {
    public func deliver(file: URL, from sender: MailAddress, to recipients: [MailAddress]) async throws(DeliveryFailure) {
        let message: Data
        do { message = try Data(contentsOf: file) } catch {
            throw DeliveryFailure(.temporary, "cannot read \(file.path): \(error.localizedDescription)")
        }
        try await deliver(message, from: sender, to: recipients)
    }
}

/// Why a message was not handed over.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// The mail system is down, busy, missing, killed or too slow: keep the message, retry later.
        case temporary
        /// The sendmail command or its permissions are wrong: a person must fix the configuration.
        case configuration
        /// The message or an address was refused.
        case data
    }

    public var kind: Kind
    /// One sentence for stderr, naming the command and its exit status or signal.
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }

    /// The exit status tenboard reports for this failure (sysexits.h).
    public var exitCode: ExitStatus {
        switch kind {
        case .temporary: .tempFailure
        case .configuration: .config
        case .data: .dataError
        }
    }
}
