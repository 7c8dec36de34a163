import Foundation

/// An e-mail address with an optional display name: `Ann de Vries <ann@example.nl>` or `bob@example.nl`.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var displayName: String?
    /// The addr-spec, `local@domain`.
    public var address: String

    public init(displayName: String? = nil, address: String) {
        self.displayName = displayName
        self.address = address
    }

    public var description: String {
        guard let displayName, !displayName.isEmpty else { return address }
        return "\(displayName) <\(address)>"
    }

    /// Parses one address; `nil` when it is not a plain `local@domain` (with an optional name).
    ///
    /// Deliberately strict: no comments, no quoted local parts, no control characters. These are
    /// configured by a person and passed to sendmail as arguments, so anything unusual is refused.
    public init?(parsing text: String) {
        let trimmed = text.trimmingBlanks()
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        var name: String?
        var spec = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let rawName = trimmed[..<open].trimmingBlanks()
            let unquoted = rawName.count >= 2 && rawName.hasPrefix("\"") && rawName.hasSuffix("\"")
                ? String(rawName.dropFirst().dropLast()) : rawName
            guard !unquoted.contains(where: { "<>\"".contains($0) }) else { return nil }
            name = unquoted.isEmpty ? nil : unquoted
            spec = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        guard MailAddress.isValidSpec(spec) else { return nil }
        self.init(displayName: name, address: spec)
    }

    static func isValidSpec(_ spec: String) -> Bool {
        let parts = spec.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, spec.utf8.count <= 254,
              !spec.hasPrefix("-")
        else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard parts[0].allSatisfy(localAllowed.contains), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
              !parts[0].contains("..")
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(domainAllowed.contains)
            && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}
