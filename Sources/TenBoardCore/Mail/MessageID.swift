import Foundation

/// Message-IDs (RFC 5322 §3.6.4) for morning reports.
///
/// An id is made once, when a report is composed, and travels with the outbox copy: a retry
/// resends the same id, so a receiver that got the first attempt after all can see the duplicate.
/// A `--force` resend composes a new message and gets a new id.
public enum MessageID {
    /// A new id such as `tenboard.2026-11-24.20261124T090012Z.3f9a0c1d2e4b5a69@example.nl`.
    ///
    /// - Parameters:
    ///   - morning: the morning the report is about, for people reading headers.
    ///   - now: when it is composed.
    ///   - domain: the right-hand side, normally the sender's domain.
    ///   - random: 64 random bits; injected so tests get fixed ids.
    public static func make(morning: LocalDate, now: Date, domain: String, random: UInt64) -> String {
        let whole = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let stamp = Timestamp(whole).rfc3339.filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        let hex = String(random, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return "tenboard.\(morning).\(stamp).\(padded)@\(domain)"
    }

    /// A new id with system randomness, on the domain of `sender`.
    public static func make(morning: LocalDate, now: Date, sender: MailAddress) -> String {
        var generator = SystemRandomNumberGenerator()
        let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
        return make(morning: morning, now: now, domain: domain, random: generator.next())
    }

    /// True for `dot-atom-text@dot-atom-text`, the only form tenboard writes.
    public static func isValid(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        return parts.count == 2 && id.count <= 250 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(atext.contains) && !part.hasPrefix(".") && !part.hasSuffix(".")
                && !part.contains("..")
        }
    }
}
