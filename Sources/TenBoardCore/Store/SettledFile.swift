import Foundation

/// The closed customers (helped or withdrawn) of the mornings before today that are not archived
/// yet: `settled.N.jsonl` beside the hot file, one issue per line as in an archive segment.
///
/// Every reader sees them in `StoreState.issues`, as if the hot file held them: the wall's result
/// of the morning before, the strip, a reply that joins an issue helped yesterday. They change
/// once a day (the first change of a day settles yesterday's customers and archives the day
/// before's), so a change of the day (`add`, `resolve`, the board's keys) reads, builds and
/// `fsync`s only what is open and today's (`IssueStore.update(at:reusing:hotOnly:_:)`).
///
/// Like a segment, a settled file is never changed in place: a new set is written as generation
/// N+1, the hot file then names it (the single commit point), and generation N is deleted by the
/// change after that (until then issues.json.bak names it). Every issue is in exactly one of the
/// hot file, the settled file and the archive.
public enum SettledFile {
    /// What the hot file says of its settled file (`"settled": {"file": …, "horizon": …}`).
    public struct Reference: Sendable, Equatable {
        /// `settled.N.jsonl`, in the store's directory.
        public var file: String
        /// The archive horizon (`IssueStore.archiveHorizon`) of the change that last ran the
        /// archive step over the settled file's issues: none of them was due for the archive
        /// then, so none is while the horizon has not moved past it, and a change until then
        /// need not read them.
        public var horizon: LocalDate
    }

    /// The largest generation a name may carry: 18 digits.
    static let largestGeneration = 999_999_999_999_999_999

    /// `settled.3.jsonl` → 3.
    static func generation(of name: String) -> Int? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "settled", parts[2] == "jsonl",
              !parts[1].isEmpty, parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), parts[1].count <= 18,
              let generation = Int(parts[1])
        else { return nil }
        return generation
    }

    static func isValidName(_ name: String) -> Bool { generation(of: name) != nil }

    static func name(generation: Int) -> String { "settled.\(generation).jsonl" }

    /// Issues in order of arrival: `hot` and `settled` (each in that order) merged, settled first
    /// among issues received in the same second.
    static func merged(_ hot: [Issue], _ settled: [Issue]) -> [Issue] {
        guard !settled.isEmpty else { return hot }
        guard !hot.isEmpty else { return settled }
        var out: [Issue] = []
        out.reserveCapacity(hot.count + settled.count)
        var h = 0, s = 0
        while h < hot.count, s < settled.count {
            if hot[h].receivedAt < settled[s].receivedAt {
                out.append(hot[h]); h += 1
            } else {
                out.append(settled[s]); s += 1
            }
        }
        out += hot[h...]
        out += settled[s...]
        return out
    }
}
