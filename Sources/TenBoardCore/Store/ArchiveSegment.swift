import Foundation

/// One month of archived (resolved) issues: `archive/YYYY-MM.N.jsonl`, one issue per line.
///
/// A segment is never changed in place: adding to a month writes generation N+1 beside it, the
/// hot file's `archive` list then switches to it (the single commit point), and generation N is
/// deleted by the change after that (until then issues.json.bak names it). A crash at any step
/// leaves the hot file naming complete segments, and every issue in exactly one place.
public enum ArchiveSegment {
    public static let directoryName = "archive"

    /// `2025-01.3.jsonl` → ("2025-01", 3).
    static func parse(name: String) -> (month: String, generation: Int)? {
        let parts = name.split(separator: ".")
        guard parts.count == 3, parts[2] == "jsonl", parts[0].count == 7,
              LocalDate(String(parts[0]) + "-01") != nil, let generation = Int(parts[1]), generation >= 0
        else { return nil }
        return (String(parts[0]), generation)
    }

    static func isValidName(_ name: String) -> Bool { parse(name: name) != nil }

    /// The month an issue is archived under: that of its `receivedAt` as written.
    static func month(of issue: Issue) -> String {
        String(issue.receivedAt.rfc3339.prefix(7))
    }

    /// A segment's issues from its bytes; errors name `url` and the line.
    static func decode(_ data: Data, from url: URL) throws(TenBoardError) -> [Issue] {
        var issues: [Issue] = []
        try JSONLinesText.forEachLine(in: data) { (line) throws(TenBoardError) in
            if line.isBlank { return }
            issues.append(try decode(line, from: url))
        }
        return issues
    }

    /// The issue on one line of a segment; errors name `url` and the line.
    static func decode(_ line: TextLine, from url: URL) throws(TenBoardError) -> Issue {
        do {
            return try Issue(json: try JSONParser.parse(line.data))
        } catch let error as JSONSyntaxError {
            throw TenBoardError(exitCode: .dataError) { $0.badLine(url.path, line: line.number, column: error.column, error.problem) }
        } catch {
            let problem = "\(error)"
            throw TenBoardError(exitCode: .dataError) { $0.badLine(url.path, line: line.number, problem) }
        }
    }

    /// The issue with `id` in a segment's bytes and the bytes of its line (newline included),
    /// every line read; `nil` when it is not there. Errors name `url` and the line.
    static func locate(_ id: String, in data: Data, from url: URL) throws(TenBoardError) -> (Issue, Range<Int>)? {
        var found: (Issue, Range<Int>)?
        try JSONLinesText.forEachLine(in: data) { (line) throws(TenBoardError) in
            if line.isBlank { return }
            let issue = try decode(line, from: url)
            if found == nil, issue.id == id {
                found = (issue, line.offset..<min(line.offset + line.bytes.count + 1, data.count))
            }
        }
        return found
    }

    /// A segment's bytes without the lines of the issues in `ids` (taken back:
    /// `StoreState.takenBack`), the others as they are. Lines are told apart by their ids
    /// (`ArchiveIndex.entries`), or parsed when one cannot be; errors name `url` and the line.
    static func leavingOut(_ ids: Set<String>, of data: Data, from url: URL) throws(TenBoardError) -> Data {
        guard !ids.isEmpty else { return data }
        var out = Data()
        out.reserveCapacity(data.count)
        if let entries = ArchiveIndex.entries(data) {
            var at = 0
            for entry in entries where ids.contains(entry.id) {
                out.append(data[data.startIndex + at ..< data.startIndex + entry.offset])
                at = min(entry.offset + entry.length + 1, data.count)
            }
            out.append(data[(data.startIndex + at)...])
            return out
        }
        try JSONLinesText.forEachLine(in: data) { (line) throws(TenBoardError) in
            if line.isBlank { return }
            if ids.contains(try decode(line, from: url).id) { return }
            out.append(line.data)
            out.append(10)
        }
        return out
    }

    /// The segment's text for `issues`.
    static func encode(_ issues: [Issue]) -> Data {
        encode(issues, at: Array(issues.indices))
    }

    /// The segment's text for `issues[i]` for each `i` in `indices`, in that order.
    static func encode(_ issues: [Issue], at indices: [Int]) -> Data {
        var text = ""
        text.reserveCapacity(indices.count * 320)
        for i in indices {
            issues[i].writeCompactJSON(into: &text)
            text += "\n"
        }
        return Data(text.utf8)
    }
}
