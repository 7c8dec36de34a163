import Foundation

/// A record to import, with where it stood in the input ("record 3", "line 7") for messages.
public struct ImportRecord: Sendable {
    public var position: String
    public var json: JSONValue

    public init(position: String, json: JSONValue) {
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
            return items.enumerated().map { ImportRecord(position: "record \($0.offset + 1)", json: $0.element) }
        case .object(let o) where o["issues"] != nil:
            guard case .array(let items)? = o["issues"] else {
                throw TenBoardError("\(name): 'issues' must be an array", exitCode: .dataError)
            }
            return items.enumerated().map { ImportRecord(position: "record \($0.offset + 1)", json: $0.element) }
        case .object(let o):
            return [ImportRecord(position: "record 1", json: .object(o))]
        case let other:
            throw TenBoardError("\(name): expected an array of issues, {\"issues\": [...]}, or JSON Lines; found \(other.typeName)", exitCode: .dataError)
        }
    }

    static func parseLines(_ data: Data, name: String, documentError: JSONSyntaxError) throws(TenBoardError) -> [ImportRecord] {
        // Not one document: JSON Lines, read line by line so each record knows its line.
        var records: [ImportRecord] = []
        var problems: [String] = []
        var line = 0
        for chunk in data.split(separator: 10, omittingEmptySubsequences: false) {
            line += 1
            if chunk.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            do {
                records.append(ImportRecord(position: "line \(line)", json: try JSONParser.parse(Data(chunk))))
            } catch {
                problems.append("line \(line), column \(error.column): \(error.problem)")
            }
        }
        if records.isEmpty || data.first(where: { $0 > 32 }) == UInt8(ascii: "[") {
            throw TenBoardError("\(name): \(documentError)", exitCode: .dataError)
        }
        guard problems.isEmpty else {
            throw TenBoardError(IssueStore.listProblems(problems, in: name) + "\nnothing was imported", exitCode: .dataError)
        }
        return records
    }
}

extension IssueStore {
    static func listProblems(_ problems: [String], in name: String, limit: Int = 50) -> String {
        var lines = problems.prefix(limit).map { "\(name): \($0)" }
        if problems.count > limit { lines.append("\(name): … and \(problems.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    /// Imports issues all or nothing: every bad record is reported by position and nothing is
    /// stored. Ids are kept (they must be new to the store); missing ones are assigned. Resolved
    /// issues old enough go straight to the archive.
    /// - Parameter name: the input's name for messages.
    /// - Returns: how many issues were imported.
    @discardableResult
    public func importIssues(_ records: [ImportRecord], name: String, now: Date = Date()) throws -> Int {
        var problems: [String] = []
        var issues: [Issue] = []
        var explicit: [Bool] = []
        var seen: [String: String] = [:]
        issues.reserveCapacity(records.count)
        for record in records {
            var hasID = false
            if case .object(let o) = record.json, let id = o["id"], id != .null { hasID = true }
            do {
                let issue = try Issue(json: record.json, defaultID: "pending")
                if hasID {
                    if let first = seen.updateValue(record.position, forKey: issue.id) {
                        problems.append("\(record.position): the id '\(issue.id)' is also used by \(first)")
                        continue
                    }
                }
                issues.append(issue)
                explicit.append(hasID)
            } catch {
                problems.append("\(record.position)\(StoreState.idHint(record.json)): \(error)")
            }
        }
        guard problems.isEmpty else {
            throw TenBoardError(IssueStore.listProblems(problems, in: name) + "\nnothing was imported", exitCode: .dataError)
        }
        return try update(now: now) { state in
            var existing = Set(state.issues.map(\.id))
            for segment in state.segments {
                for issue in try ArchiveSegment.read(archiveURL.appendingPathComponent(segment)) { existing.insert(issue.id) }
            }
            // By index, so that 100,000 issues are not copied (and retained) once per step.
            let clashes = issues.indices.filter { explicit[$0] && existing.contains(issues[$0].id) }
                .map { "the id '\(issues[$0].id)' is already in the store" }
            guard clashes.isEmpty else {
                throw TenBoardError(IssueStore.listProblems(clashes, in: name) + "\nnothing was imported", exitCode: .dataError)
            }
            for i in issues.indices where explicit[i] {
                if let number = Int(issues[i].id), number >= state.nextID { state.nextID = number + 1 }
                existing.insert(issues[i].id)
            }
            for i in issues.indices where !explicit[i] {
                while existing.contains(String(state.nextID)) { state.nextID += 1 }
                issues[i].id = String(state.nextID)
                state.nextID += 1
                existing.insert(issues[i].id)
            }
            let archivable = archivableTest(horizon: archiveHorizon(now: now))
            var toArchive: [Issue] = []
            toArchive.reserveCapacity(issues.count)
            for i in issues.indices {
                if archivable(issues[i]) { toArchive.append(issues[i]) } else { state.issues.append(issues[i]) }
            }
            state.issues.sort { $0.receivedAt < $1.receivedAt }
            toArchive.sort { $0.receivedAt < $1.receivedAt }
            try addToArchive(toArchive, state: &state)
            // Replaced segments are deleted by the change after this one (issues.json.bak names them).
            return issues.count
        }
    }

    /// Writes every issue, archived history included, as a JSON array or as JSON Lines.
    ///
    /// Archive segments are already JSON Lines in the canonical form, so they are copied as bytes.
    public func export(jsonLines: Bool, to output: FileHandle) throws {
        let (state, segments) = try snapshotWithSegments()
        var buffer = Data()
        var first = true
        func flushIfLarge() {
            if buffer.count >= 1 << 20 {
                output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        func emit(_ line: some Collection<UInt8>) {
            if !jsonLines { buffer.append(contentsOf: first ? Array("[\n".utf8) : Array(",\n".utf8)) }
            buffer.append(contentsOf: line)
            if jsonLines { buffer.append(10) }
            first = false
            flushIfLarge()
        }
        for segment in segments {
            let data = try segment.contents()
            for line in data.split(separator: 10) where !line.isEmpty { emit(line) }
        }
        for issue in state.issues { emit(Array(JSONWriter.compact(issue.json).utf8)) }
        if !jsonLines { buffer.append(contentsOf: Array((first ? "[]\n" : "\n]\n").utf8)) }
        output.write(buffer)
    }
}
