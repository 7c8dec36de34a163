import Foundation

extension IssueStore {
    /// The day before which closed issues (helped or withdrawn) belong in the archive: the
    /// `archiveAfterMornings`-th morning before today (with one, the last morning before today,
    /// whatever weekend or holidays lie between). `now` is never taken later than the real clock,
    /// so a change dated in the future (a typo in `--at`) cannot move this morning's work into the
    /// archive or carry the streak over mornings still to come.
    func archiveHorizon(now: Date) -> LocalDate {
        var horizon = schedule.localDate(of: min(now, clock()))
        for _ in 0..<archiveAfterMornings { horizon = schedule.previousMorning(before: horizon) }
        return horizon
    }

    /// Whether a closed issue (helped or withdrawn) is old enough for the archive: its morning and
    /// the day it was closed (`Issue.closedAt`) both lie before `horizon`.
    func isArchivable(_ issue: Issue, horizon: LocalDate) -> Bool {
        guard let closedAt = issue.closedAt else { return false }
        return schedule.morning(forReceived: issue.receivedAt.date) < horizon
            && schedule.localDate(of: closedAt) < horizon
    }

    /// `isArchivable` for many issues at once (an import of years of history): the calendar
    /// questions become two instants, computed once, and each issue two comparisons.
    ///
    /// The same answer, because the morning an issue counts for never goes back as `receivedAt`
    /// goes on: its morning lies before `horizon` exactly when it was received by the cut-off of
    /// the last morning before `horizon`; and it was resolved on a day before `horizon` exactly
    /// when it was closed before that day's first instant.
    func archivableTest(horizon: LocalDate) -> (Issue) -> Bool {
        let lastMorning = schedule.previousMorning(before: horizon)
        guard schedule.isMorning(lastMorning) else { return { self.isArchivable($0, horizon: horizon) } }
        let receivedBy = schedule.cutoff(of: lastMorning)
        let resolvedBefore = schedule.calendar.startOfDay(for: schedule.instant(of: ClockTime(hour: 12, minute: 0), on: horizon))
        return { issue in
            guard let closedAt = issue.closedAt else { return false }
            return issue.receivedAt.date <= receivedBy && closedAt < resolvedBefore
        }
    }

    /// Moves old closed issues (helped or withdrawn) from the hot file into monthly segments as soon as they are
    /// due (the first change of a day, in practice), and carries the streak forward over the
    /// mornings that leave the hot file.
    ///
    /// Every change asks; the question costs two comparisons an issue (`archivableTest`), so a
    /// change with nothing due pays next to nothing for it.
    func archive(_ state: inout StoreState, now: Date) throws {
        let horizon = archiveHorizon(now: now)
        let archivable = archivableTest(horizon: horizon)
        guard state.issues.contains(where: archivable) else { return }
        precondition(!state.isHotOnly, "the archive step counts the streak with every issue, the settled file's too")
        // The streak over the mornings about to leave, counted while all their issues are here.
        let lastLeaving = schedule.previousMorning(before: horizon)
        state.streakBase = schedule.advance(state.streakBase, through: lastLeaving, issues: state.issues)
        var leaving: [Issue] = []
        state.issues.removeAll { issue in
            guard archivable(issue) else { return false }
            leaving.append(issue)
            return true
        }
        try addToArchive(leaving, state: &state)
    }

    /// Writes `issues` into their month segments (new generations) and names them in `state`; a
    /// segment issues were taken back from is written without them (`StoreState.takenBack`).
    func addToArchive(_ issues: [Issue], state: inout StoreState) throws {
        guard !issues.isEmpty else { return }
        let segmentsBefore = state.archiveIdentity
        try AtomicFile.makeDirectory(archiveURL)
        try StoreFile.checkDirectory(archiveURL)
        let byMonth = Dictionary(grouping: issues.indices) { ArchiveSegment.month(of: issues[$0]) }
        // An issue is left out of its segment only when it is somewhere else: one listed as taken
        // back that neither the hot and settled files nor these issues hold (a hand edit, a
        // damaged hot file) keeps its line, rather than leave the store for good.
        let archiving = Set(issues.map(\.id))
        let elsewhere = Set(state.issues.map(\.id)).union(archiving)
        var kept = false
        // A segment an issue archived now was taken back from, of another month (its receipt was
        // moved), is written now without it too: so every issue listed as taken back is in the
        // hot or settled file, and one in neither is one to keep.
        var months = Set(byMonth.keys)
        for (name, ids) in state.takenBack where ids.contains(where: archiving.contains) {
            if let month = ArchiveSegment.parse(name: name)?.month { months.insert(month) }
        }
        for month in months.sorted() {
            var content = Data()
            let existingIndex = state.segments.firstIndex { ArchiveSegment.parse(name: $0)?.month == month }
            if let existingIndex {
                let name = state.segments[existingIndex]
                let url = archiveURL.appendingPathComponent(name)
                guard let data = try StoreFile.read(url, what: .archiveSegment) else {
                    throw StoreFile.error(.missing, url.path, .archiveSegment)
                }
                // Issues taken back from it leave it now (one of them may come back below).
                let taken = state.takenBack.removeValue(forKey: name) ?? []
                var leaving = Set(taken.filter(elsewhere.contains))
                let missing = taken.filter { !leaving.contains($0) }
                if !missing.isEmpty {
                    // In another segment already (a store written before the rule above)? A few
                    // are looked up by the indexes; many (a damaged list) in every segment's ids.
                    var others = state
                    others.segments.removeAll { $0 == name }
                    if missing.count <= 32 {
                        for id in missing where ((try? segmentHolding(id, in: others)) ?? nil) != nil { leaving.insert(id) }
                    } else {
                        let archived = try storeIDs(StoreState(segments: others.segments))
                        leaving.formUnion(missing.filter(archived.contains))
                    }
                    kept = kept || leaving.count < taken.count
                }
                content = try ArchiveSegment.leavingOut(leaving, of: data, from: url)
                if let last = content.last, last != 10 { content.append(10) }
            }
            content.append(ArchiveSegment.encode(issues, at: byMonth[month] ?? []))
            let name = try writeSegment(month: month, data: content, existing: state.segments)
            if let existingIndex {
                state.segments[existingIndex] = name
            } else {
                state.segments.append(name)
            }
        }
        state.segments.sort()
        if kept {
            // The ledger and the recent mornings subtracted it when it was taken back: counted
            // again from the archive (the ledger when next read, the recent mornings now).
            FileSystemCalls.remove(ledgerURL.path)
            state.recentMornings = nil
        }
        try recordMornings(issues, segmentsBefore: segmentsBefore, into: &state)
    }

    func writeSegment(month: String, issues: [Issue], existing: [String]) throws -> String {
        try writeSegment(month: month, data: ArchiveSegment.encode(issues), existing: existing)
    }

    /// Writes a new generation of a month's segment; a name no file has (`Generation.next`), so a
    /// segment the hot file names is never overwritten.
    func writeSegment(month: String, data: Data, existing: [String]) throws -> String {
        try writeSegment(month: month, parts: [data], index: ArchiveIndex.build(data), existing: existing)
    }

    /// `writeSegment(month:data:existing:)` of the bytes of `parts`, one after another, with
    /// `index` (what `ArchiveIndex.build` gives for those bytes; `nil` for none).
    ///
    /// The segment, then its index, each `fsync`ed and renamed into place, and one `fsync` of the
    /// directory for both names, before the hot file names the segment: a writer killed in
    /// between leaves both unnamed (removed by the next change), never a named segment with a
    /// wrong index.
    func writeSegment(month: String, parts: [Data], index: Data?, existing: [String]) throws -> String {
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: archiveURL.path)) ?? []
        let used = (existing + onDisk).compactMap(ArchiveSegment.parse(name:)).filter { $0.month == month }.map(\.generation)
        let generation = Generation.next(after: used, largest: Int.max)
        let name = "\(month).\(generation).jsonl"
        try AtomicFile.makeDirectory(archiveURL)
        try StoreFile.checkDirectory(archiveURL)
        let url = archiveURL.appendingPathComponent(name)
        try AtomicFile.write(parts: parts, to: url, syncingDirectory: index == nil)
        if let index {
            do {
                // Its directory sync also makes the segment's new name durable.
                try AtomicFile.write(index, to: archiveURL.appendingPathComponent(ArchiveIndex.name(forSegment: name)))
            } catch {
                FileSystemCalls.remove(url.path)
                throw error
            }
        }
        return name
    }

    /// Deletes a segment file and its index (and a morning ledger counted with it: derived data,
    /// rebuilt from the archive when next read).
    func removeSegment(_ name: String) {
        if ledgerNames(segment: name) { FileSystemCalls.remove(ledgerURL.path) }
        FileSystemCalls.remove(archiveURL.appendingPathComponent(name).path)
        FileSystemCalls.remove(archiveURL.appendingPathComponent(ArchiveIndex.name(forSegment: name)).path)
    }

    /// Deletes segment files that neither `state` (just written) nor `alsoKeeping` (the segments
    /// of issues.json.bak) names: replaced generations, and those a writer killed between writing
    /// a segment and committing the hot file left behind. Only under the lock.
    ///
    /// Nothing is deleted unless every segment `state` names is there: a store whose hot file
    /// names a missing segment is damaged, and an unnamed segment may then be all that is left.
    func removeUnnamedSegments(_ state: StoreState, alsoKeeping: [String] = []) {
        guard StoreFile.isRealDirectory(archiveURL) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archiveURL.path)) ?? []
        let onDisk = Set(names.filter(ArchiveSegment.isValidName))
        guard Set(state.segments).isSubset(of: onDisk) else { return }
        let keeping = Set(state.segments).union(alsoKeeping)
        for name in onDisk.subtracting(keeping) {
            removeSegment(name)
        }
        // Indexes whose segment is gone (a writer killed between the two unlinks).
        for name in names {
            if let segment = ArchiveIndex.segment(forIndex: name), !keeping.contains(segment), !onDisk.contains(segment) {
                FileSystemCalls.remove(archiveURL.appendingPathComponent(name).path)
            }
        }
    }
}

extension IssueStore {
    /// What the account of a morning needs from the store (`status --at`, `summary --morning`).
    public struct MorningInput: Sendable {
        /// The issues to count: the hot file's, plus the archive's when the morning may be there.
        public var issues: [Issue]
        /// The streak carried in the hot file; `nil` when `issues` holds the whole history.
        public var base: StreakBase?
        /// The archived part of the recent mornings (`StoreState.recentMornings`) for the report's
        /// chart and helpers; `nil` when `issues` holds the whole history.
        public var kept: MorningLedger?
    }

    /// Whether issues of `morning` may have moved to the archive: before today's horizon (what is
    /// archived depends on the real date of the last change, never on an `--at` given now), or
    /// at or before the last morning the store did archive (`StreakBase.through`: a store whose
    /// window was wider when it archived, as two calendar days were on a Monday, or whose
    /// schedule gained a holiday since).
    public func mayHaveArchived(morning: LocalDate, state: StoreState) -> Bool {
        morning < archiveHorizon(now: clock()) || state.streakBase.map { morning <= $0.through } ?? false
    }

    /// The issues and streak the account of `morning` needs: the hot file alone while all of
    /// that morning is there (cheap, on every tick), else the whole history, archive included,
    /// so that an archived morning is counted in full and its streak from its own past.
    public func input(forMorning morning: LocalDate) throws(TenBoardError) -> MorningInput {
        let state = try snapshot()
        guard mayHaveArchived(morning: morning, state: state) else {
            return MorningInput(issues: state.issues, base: state.streakBase, kept: state.recentMornings)
        }
        return MorningInput(issues: try allIssues(), base: nil, kept: nil)
    }
}
