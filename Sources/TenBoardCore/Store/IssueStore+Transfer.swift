import Foundation

/// A record to import, with where it stood in the input (record 3, line 7) for messages.
public struct ImportRecord: Sendable {
    public var position: RecordPosition
    public var json: JSONValue

    public init(position: RecordPosition, json: JSONValue) {
        self.position = position
        self.json = json
    }

    /// Reads the interchange format: a JSON array of issues, an object `{"issues": [...]}`, or
    /// JSON Lines (one issue per line).
    /// - Parameter name: the input's name for messages (a path, or "standard input").
    public static func parse(_ data: Data, name: String) throws(TenBoardError) -> [ImportRecord] {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            return try parseLines(data, name: name, documentError: error)
        }
        switch document {
        case .array(let items):
            return items.enumerated().map { ImportRecord(position: .record($0.offset + 1), json: $0.element) }
        case .object(let o) where o["issues"] != nil:
            guard case .array(let items)? = o["issues"] else {
                throw TenBoardError(exitCode: .dataError) { $0.issuesNotAnArray(name) }
            }
            return items.enumerated().map { ImportRecord(position: .record($0.offset + 1), json: $0.element) }
        case .object(let o):
            return [ImportRecord(position: .record(1), json: .object(o))]
        case let other:
            throw TenBoardError(exitCode: .dataError) { $0.notIssues(name, found: JSONType(of: other)) }
        }
    }

    static func parseLines(_ data: Data, name: String, documentError: JSONSyntaxError) throws(TenBoardError) -> [ImportRecord] {
        // Not one document: JSON Lines, read line by line so each record knows its line.
        var records: [ImportRecord] = []
        var problems: [JSONSyntaxError] = []
        JSONLinesText.forEachLine(in: data) { line in
            if line.isBlank { return }
            do throws(JSONSyntaxError) {
                records.append(ImportRecord(position: .line(line.number), json: try JSONParser.parse(line.data)))
            } catch {
                problems.append(JSONSyntaxError(line: line.number, column: error.column, problem: error.problem))
            }
        }
        if records.isEmpty || data.first(where: { $0 > 32 }) == UInt8(ascii: "[") {
            throw TenBoardError(exitCode: .dataError) {
                $0.badLine(name, line: documentError.line, column: documentError.column, documentError.problem)
            }
        }
        guard problems.isEmpty else {
            throw TenBoardError(exitCode: .dataError) { words in
                let lines = problems.map { words.place(line: $0.line, column: $0.column) + ": " + $0.problem }
                return IssueStore.listProblems(lines, in: name, words: words) + "\n" + words.nothingImported
            }
        }
        return records
    }
}

extension IssueStore {
    /// At most `limit` problems, each prefixed with the input's `name` when there is one.
    static func listProblems(_ problems: [String], in name: String? = nil, limit: Int = 50, words: Words) -> String {
        listProblems(problems.count, in: name, limit: limit, words: words) { problems[$0] }
    }

    /// `listProblems` of the records' problems in `words`' language; only those listed are put
    /// into words. - Parameter count: how many there are, when only the first were kept.
    static func listProblems(_ problems: [RecordProblem], count: Int? = nil, in name: String? = nil, limit: Int = 50, words: Words) -> String {
        listProblems(count ?? problems.count, in: name, limit: limit, words: words) { words.recordProblem(problems[$0]) }
    }

    static func listProblems(_ count: Int, in name: String?, limit: Int, words: Words, _ line: (Int) -> String) -> String {
        let prefix = name.map { "\($0): " } ?? ""
        var lines = (0..<min(count, limit)).map { prefix + line($0) }
        if count > limit { lines.append(prefix + words.andMore(count - limit)) }
        return lines.joined(separator: "\n")
    }

    /// Imports issues all or nothing: every bad record is reported by position and nothing is
    /// stored. Ids are kept (they must be new to the store); missing ones are assigned. Resolved
    /// issues old enough go straight to the archive.
    /// - Parameter name: the input's name for messages.
    /// - Returns: how many issues were imported.
    @discardableResult
    public func importIssues(_ records: [ImportRecord], name: String, at now: Date = Date()) throws -> Int {
        let (issues, problems) = IssueStore.readRecords(records, now: nil)
        guard problems.isEmpty else { throw IssueStore.refused(problems, count: problems.count, in: name) }
        return try update(at: now) { state in
            // Replaced segments are deleted by the change after this one (issues.json.bak names them).
            try insert(issues, into: &state, now: now, name: name).count
        }
    }
}
