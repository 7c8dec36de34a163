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
            counts[name(of: issue), default: 0] += 1
        }
        return sorted(counts)
    }

    /// The name an issue's help is counted under: `resolvedBy` on one line, `nil` when unrecorded.
    public static func name(of issue: Issue) -> String? {
        issue.resolvedBy.map(Untrusted.oneLine).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Counts by name as the list people read: most first, then by name, the unrecorded last.
    public static func sorted(_ counts: [String?: Int]) -> [HelperCount] {
        counts.map { HelperCount(name: $0.key, count: $0.value) }.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            return ($0.name ?? "\u{10FFFF}") < ($1.name ?? "\u{10FFFF}")
        }
    }
}
