import Foundation

/// A record to insert, read and checked, with where it stood in the input for messages.
struct NewIssue {
    var position: RecordPosition
    var issue: Issue
    /// Whether the record gave its own id (which must then be new to the store).
    var hasID: Bool
}

extension StoreState {
    /// The largest value of a counter (`revision`, `nextId`, a tally) and of an id that is a
    /// number: the integers JSON keeps exactly. Values from outside are held to it, so no
    /// counter can ever wrap.
    public static let numberLimit = 9_007_199_254_740_991

    /// Only ids that are numbers below this move `nextId` on, so that whatever ids come in,
    /// `nextId` still has billions of billions of numbers to hand out before `numberLimit`.
    public static let idNumberLimit = 1_000_000_000_000_000
}

extension IssueStore {
    /// Reads records (`add --json`, `import`, the example store) into issues, every field checked.
    ///
    /// - Returns: the issues, or the problems found, each naming the record's position.
    static func readRecords(_ records: [ImportRecord], now: Timestamp?) -> (issues: [NewIssue], problems: [RecordProblem]) {
        var issues: [NewIssue] = []
        var problems: [RecordProblem] = []
        var seen: [String: RecordPosition] = [:]
        issues.reserveCapacity(records.count)
        for record in records {
            switch readRecord(record, now: now, seen: &seen) {
            case .success(let issue): issues.append(issue)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (issues, problems)
    }

    /// Reads one record, every field checked; `seen` holds the ids given by the records before
    /// it (and gets this one's), so that an id given twice is caught.
    static func readRecord(_ record: ImportRecord, now: Timestamp?, seen: inout [String: RecordPosition]) -> Result<NewIssue, RecordProblem> {
        var hasID = false
        var givenID: String?
        if case .object(let o) = record.json, let id = o["id"], id != .null {
            hasID = true
            if case .string(let text) = id { givenID = text }
        }
        do {
            let issue = try Issue(json: record.json, defaultID: "pending", now: now)
            if let problem = insertionProblem(issue, hasID: hasID) {
                return .failure(.field(record.position, id: givenID, problem))
            }
            if hasID, let first = seen.updateValue(record.position, forKey: issue.id) {
                seen[issue.id] = first
                return .failure(.idUsedTwice(record.position, id: issue.id, first: first))
            }
            return .success(NewIssue(position: record.position, issue: issue, hasID: hasID))
        } catch {
            return .failure(.field(record.position, id: givenID, error))
        }
    }

    /// What a new issue may not be although the format reads it (stores written before these
    /// rules stay readable): the checks `tenboard check` makes, made before the store takes it.
    static func insertionProblem(_ issue: Issue, hasID: Bool) -> IssueFieldError? {
        if hasID {
            if issue.id.unicodeScalars.contains(where: { Untrusted.isForbidden($0) }) { // no emoji exception for an id
                return IssueFieldError(field: "id", problem: .idHasHiddenCharacters)
            }
            if issue.id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), Int(issue.id).map({ $0 >= StoreState.numberLimit }) ?? true {
                return IssueFieldError(field: "id", problem: .idNumberTooLarge(limit: StoreState.numberLimit))
            }
        }
        if issue.isResolvedBeforeReceived, let resolvedAt = issue.resolvedAt {
            return IssueFieldError(field: "resolvedAt", problem: .resolvedBeforeReceived(
                resolved: resolvedAt.rfc3339, received: issue.receivedAt.rfc3339))
        }
        for (field, end) in [("resolvedAt", issue.resolvedAt), ("withdrawnAt", issue.withdrawnAt)] {
            if let end, issue.waitsTooLong(until: end.date) {
                return IssueFieldError(field: field, problem: .waitTooLong(years: Issue.longestWaitYears))
            }
        }
        return nil
    }

    /// The one way issues enter the store (`add`, `add --json`, `import`, the example store).
    ///
    /// Ids a record gives must be new to the hot file and the archive; missing ones get the next
    /// free number. Closed issues old enough for the archive go straight there, the others into
    /// the hot file in order of arrival. Call inside `update`.
    /// - Returns: the issues as stored (with their ids), in the order given.
    /// - Throws: `TenBoardError` 65 listing every id already in the store; nothing is changed then.
    func insert(_ new: [NewIssue], into state: inout StoreState, now: Date, name: String?) throws -> [Issue] {
        let existing = new.contains(where: \.hasID) ? try storeIDs(state) : Set(state.issues.map(\.id))
        let clashing = new.filter { $0.hasID && existing.contains($0.issue.id) }.map { RecordProblem.idInStore($0.position, id: $0.issue.id) }
        guard clashing.isEmpty else { throw IssueStore.refused(clashing, count: clashing.count, in: name) }
        var issues = new.map(\.issue)
        let given = Set(new.filter(\.hasID).map(\.issue.id))
        let numbers = try IssueStore.assignIDs(given: given, missing: new.count { !$0.hasID }, state: &state) {
            existing.contains($0) || given.contains($0)
        }
        for (i, number) in zip(issues.indices.filter { !new[$0].hasID }, numbers) { issues[i].id = number }
        let archivable = archivableTest(horizon: archiveHorizon(now: now))
        var toArchive: [Issue] = []
        var toHot: [Issue] = []
        for issue in issues {
            if archivable(issue) { toArchive.append(issue) } else { toHot.append(issue) }
        }
        addToHot(toHot, state: &state)
        toArchive.sort { $0.receivedAt < $1.receivedAt }
        try addToArchive(toArchive, state: &state)
        return issues
    }

    /// Every id in the store: the hot file's and the archive's (a segment its index vouches for
    /// gives its ids without a parse, as in export).
    func storeIDs(_ state: StoreState) throws -> Set<String> {
        var existing = Set(state.issues.map(\.id))
        if !state.segments.isEmpty { try StoreFile.checkDirectory(archiveURL) }
        for segment in state.segments {
            let url = archiveURL.appendingPathComponent(segment)
            guard let data = try StoreFile.read(url, what: .archiveSegment) else {
                throw StoreFile.error(.missing, url.path, .archiveSegment)
            }
            if ArchiveIndex.vouches(for: data, index: indexURL(forSegment: url)), let entries = ArchiveIndex.entries(data) {
                for entry in entries { existing.insert(entry.id) }
            } else {
                for issue in try ArchiveSegment.decode(data, from: url) { existing.insert(issue.id) }
            }
        }
        return existing
    }

    /// The refusal of records (65): the first problems by position, in the reader's language,
    /// and that nothing was added (`name` nil: `add --json`) or imported.
    static func refused(_ problems: [RecordProblem], count: Int, in name: String?) -> TenBoardError {
        TenBoardError(exitCode: .dataError) { words in
            IssueStore.listProblems(problems, count: count, in: name, words: words) + "\n" + (name == nil ? words.nothingAdded : words.nothingImported)
        }
    }

    /// Moves `nextId` past every `given` id that is a number, then hands out the next free
    /// number for each of `missing` records, in order, skipping every id `isTaken`.
    static func assignIDs(given: some Sequence<String>, missing: Int, state: inout StoreState,
                          isTaken: (String) -> Bool) throws -> [String] {
        for id in given {
            // Far below Int.max, so the next number cannot overflow; a larger number id is kept
            // as a name and skipped over should the count ever reach it.
            if let number = Int(id), number < StoreState.idNumberLimit, number >= state.nextID { state.nextID = number + 1 }
        }
        var numbers: [String] = []
        numbers.reserveCapacity(missing)
        for _ in 0..<missing {
            while isTaken(String(state.nextID)) { try state.count(\.nextID) }
            numbers.append(String(state.nextID))
            try state.count(\.nextID)
        }
        return numbers
    }

    /// Puts issues into the hot file in order of arrival.
    func addToHot(_ issues: [Issue], state: inout StoreState) {
        if issues.count < 64 {
            for issue in issues { insertSorted(issue, into: &state.issues) }
        } else {
            state.issues += issues
            state.issues.sort { $0.receivedAt < $1.receivedAt }
        }
    }
}

extension StoreState {
    /// Adds one to a counter, or fails (65) at `numberLimit` instead of wrapping.
    mutating func count(_ counter: WritableKeyPath<StoreState, Int>) throws(TenBoardError) {
        guard self[keyPath: counter] < StoreState.numberLimit else {
            let revision = counter == \StoreState.revision
            throw TenBoardError(exitCode: .dataError) { $0.counterFull(revision: revision, limit: StoreState.numberLimit) }
        }
        self[keyPath: counter] += 1
    }
}
