import Foundation

extension IssueStore {
    /// Import files at least this large are read a chunk at a time (`importIssues(file:)`).
    public static let streamingImportBytes = 32 << 20

    /// Imports the file at `url`, all or nothing, as `importIssues(_:name:at:)` does.
    ///
    /// A file of `streaming` bytes or more that is a JSON array or JSON Lines is read a chunk at
    /// a time: each record is checked as it is read and the archivable ones are spilled, a month
    /// a file, to a temporary directory; under the store's lock the ids are checked and handed
    /// out and each month's segment written from its spill file. What is held at once is the
    /// ids given, the open issues, and one month. Anything else is read whole.
    /// - Parameter name: the input's name for messages.
    /// - Returns: how many issues were imported.
    @discardableResult
    public func importIssues(file url: URL, name: String, at now: Date = Date(), streaming: Int = IssueStore.streamingImportBytes) throws -> Int {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            let reason = error.localizedDescription
            throw TenBoardError(exitCode: .noInput) { $0.cannotReadFile(name, reason) }
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let head = size >= streaming ? (try? handle.read(upToCount: 1 << 16)) ?? Data() : Data()
        guard size >= streaming, let shape = ImportReader.shape(of: head) else {
            try handle.seek(toOffset: 0)
            let data: Data
            do { data = try handle.readToEnd() ?? Data() } catch {
                let reason = error.localizedDescription
                throw TenBoardError(exitCode: .noInput) { $0.cannotReadFile(name, reason) }
            }
            return try importIssues(ImportRecord.parse(data, name: name), name: name, at: now)
        }
        try handle.seek(toOffset: 0)
        return try importStreaming(ImportReader(handle, shape: shape, name: name), name: name, now: now)
    }

    /// The streaming import: see `importIssues(file:name:at:streaming:)`.
    func importStreaming(_ reader: ImportReader, name: String, now: Date) throws -> Int {
        var reader = reader
        let spill = try ImportSpill()
        defer { spill.remove() }
        let archivable = archivableTest(horizon: archiveHorizon(now: now))
        let keep = 50
        var problems: [RecordProblem] = [], problemCount = 0
        var syntax: [JSONSyntaxError] = [], syntaxCount = 0
        var seen: [String: RecordPosition] = [:]
        var hot: [(ordinal: Int?, issue: Issue)] = []
        var missing = 0, count = 0
        while let next = try reader.next() {
            let record: ImportRecord
            switch next {
            case .success(let r): record = r
            case .failure(let error):
                syntaxCount += 1
                if syntax.count < keep { syntax.append(error) }
                continue
            }
            switch IssueStore.readRecord(record, now: nil, seen: &seen) {
            case .failure(let problem):
                problemCount += 1
                if problems.count < keep { problems.append(problem) }
            case .success(let new):
                count += 1
                guard problemCount == 0, syntaxCount == 0 else { continue }
                let ordinal = new.hasID ? nil : missing
                if !new.hasID { missing += 1 }
                if archivable(new.issue) {
                    try spill.add(new.issue, ordinal: ordinal)
                } else {
                    hot.append((ordinal, new.issue))
                }
            }
        }
        guard syntaxCount == 0 else {
            throw TenBoardError(exitCode: .dataError) { words in
                let lines = syntax.map { words.place(line: $0.line, column: $0.column) + ": " + $0.problem }
                return IssueStore.listProblems(syntaxCount, in: name, limit: keep, words: words) { lines[$0] } + "\n" + words.nothingImported
            }
        }
        guard problemCount == 0 else { throw IssueStore.refused(problems, count: problemCount, in: name) }
        try spill.flush()
        return try update(at: now) { state in
            let existing = seen.isEmpty ? Set(state.issues.map(\.id)) : try storeIDs(state)
            let clashing = seen.filter { existing.contains($0.key) }.sorted { $0.value.number < $1.value.number }
            guard clashing.isEmpty else {
                throw IssueStore.refused(clashing.prefix(keep).map { .idInStore($0.value, id: $0.key) }, count: clashing.count, in: name)
            }
            let numbers = try IssueStore.assignIDs(given: seen.keys, missing: missing, state: &state) {
                existing.contains($0) || seen[$0] != nil
            }
            addToHot(hot.map { entry in
                var issue = entry.issue
                if let ordinal = entry.ordinal { issue.id = numbers[ordinal] }
                return issue
            }, state: &state)
            hot = []
            for month in spill.months {
                var issues = try spill.issues(of: month, ids: numbers)
                issues.sort { $0.receivedAt < $1.receivedAt }
                try addToArchive(issues, state: &state)
            }
            return count
        }
    }
}

extension RecordPosition {
    /// Its number in the input (the record's or the line's), to sort by.
    var number: Int {
        switch self {
        case .record(let n), .line(let n), .example(let n): n
        }
    }
}

/// The archivable records of a streaming import, a file a month in a temporary directory: each
/// line the issue's compact JSON after the ordinal of its missing id ("-" when it gave one).
final class ImportSpill {
    let directory: URL
    private var buffers: [String: Data] = [:]
    private var handles: [String: FileHandle] = [:]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-import-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            let path = FileManager.default.temporaryDirectory.path
            throw TenBoardError(exitCode: .cantCreate) { $0.cannotCreateTemporaryDirectory(in: path) }
        }
    }

    var months: [String] { handles.keys.sorted() }

    func add(_ issue: Issue, ordinal: Int?) throws {
        let month = ArchiveSegment.month(of: issue)
        var line = ordinal.map(String.init) ?? "-"
        line += "\t"
        issue.writeCompactJSON(into: &line)
        line += "\n"
        buffers[month, default: Data()].append(contentsOf: line.utf8)
        if handles[month] == nil {
            let url = directory.appendingPathComponent(month)
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
                let path = directory.path
                throw TenBoardError(exitCode: .cantCreate) { $0.cannotCreateFile(in: path) }
            }
            handles[month] = handle
        }
        if buffers[month]!.count >= 1 << 18 { try flush(month) }
    }

    func flush() throws {
        for month in buffers.keys { try flush(month) }
    }

    private func flush(_ month: String) throws {
        guard let data = buffers[month], !data.isEmpty, let handle = handles[month] else { return }
        do { try handle.write(contentsOf: data) } catch {
            let (path, reason) = (directory.appendingPathComponent(month).path, error.localizedDescription)
            throw TenBoardError(exitCode: .ioError) { $0.changeFailed($0.cannotWrite(path), reason, retry: true) }
        }
        buffers[month] = Data()
    }

    /// The month's issues, each missing id taken from `ids` by its ordinal.
    func issues(of month: String, ids: [String]) throws -> [Issue] {
        let url = directory.appendingPathComponent(month)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let (path, reason) = (url.path, error.localizedDescription)
            throw TenBoardError(exitCode: .ioError) { $0.cannotReadFile(path, reason) }
        }
        var issues: [Issue] = []
        try JSONLinesText.forEachLine(in: data) { line in
            guard let tab = line.bytes.firstIndex(of: 9) else { return }
            let ordinal = Int(String(decoding: line.bytes[..<tab], as: UTF8.self))
            let json = UnsafeRawBufferPointer(rebasing: line.bytes[(tab + 1)...])
            // Written by `add` from an issue read and checked a moment ago: it reads back.
            guard var issue = try? Issue(json: JSONParser.parse(Data(json)), defaultID: "pending") else {
                throw TenBoardError("internal error: \(url.path): line \(line.number) does not read back", exitCode: .software)
            }
            if let ordinal { issue.id = ids[ordinal] }
            issues.append(issue)
        }
        return issues
    }

    func remove() {
        for handle in handles.values { try? handle.close() }
        try? FileManager.default.removeItem(at: directory)
    }
}
