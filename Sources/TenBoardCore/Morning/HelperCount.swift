import Foundation

/// How many customers one person helped: the seed's "biggest customer thinker", on the wall and
/// in the report.
public struct HelperCount: Sendable, Equatable {
    /// `resolvedBy`, neutralised for display; `nil` when it was not recorded.
    public var name: String?
    public var count: Int

    public init(name: String?, count: Int) {
        self.name = name
        self.count = count
    }

    /// Who resolved how many of `issues`: most first, then by name, the unrecorded last.
    public static func count(_ issues: some Sequence<Issue>) -> [HelperCount] {
        var counts: [String?: Int] = [:]
        for issue in issues where issue.status == .resolved {
            let name = issue.resolvedBy.map(Untrusted.oneLine).flatMap { $0.isEmpty ? nil : $0 }
            counts[name, default: 0] += 1
        }
        return counts.map { HelperCount(name: $0.key, count: $0.value) }.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            return ($0.name ?? "\u{10FFFF}") < ($1.name ?? "\u{10FFFF}")
        }
    }
}
