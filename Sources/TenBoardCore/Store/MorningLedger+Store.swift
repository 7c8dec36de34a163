import Foundation

extension IssueStore {
    /// `mornings.ledger` beside `archive/` (`MorningLedger`).
    public var ledgerURL: URL { directory.appendingPathComponent(MorningLedger.fileName) }

    /// Whether the ledger on disk was counted with the segment `name`: then a change that wrote
    /// both and failed before naming the segment in the hot file (a full disk) takes it back too.
    func ledgerNames(segment name: String) -> Bool {
        guard let data = try? StoreFile.read(ledgerURL, what: .archiveIndex) else { return false }
        let header = data.prefix { $0 != 10 }
        return header.range(of: Data("\"\(name)\"".utf8)) != nil
    }

    /// The ledger as it is on disk; `nil` when there is none.
    /// - Throws: exit 65 naming the file and the line when it is damaged, 74/77 when unreadable.
    public func readLedger() throws(TenBoardError) -> MorningLedger? {
        guard let data = try StoreFile.read(ledgerURL, what: .archiveIndex) else { return nil }
        return try MorningLedger.decode(data, path: ledgerURL.path)
    }

    /// The issues leaving the hot file counted into the ledger: the one hook of the archive
    /// (`addToArchive`, for the archive step of every change and for old issues added or
    /// imported), under the store lock, after the segments are written and before the hot file
    /// names them (a writer killed in between leaves a ledger naming segments the hot file does
    /// not: rebuilt by the next `history` or `check`).
    ///
    /// A missing, damaged or stale ledger file is left as it is here (rebuilding it reads the
    /// whole archive, not something to do while holding the lock), except when nothing was
    /// archived before: then it starts with these issues. The hot file's recent mornings
    /// (`StoreState.recentMornings`) are carried on the same way, and when they do not fit the
    /// segments (a store from before them, a ledger `takeBackMornings` could not subtract from) counted again
    /// from the segments of their months alone.
    ///
    /// - Parameters:
    ///   - issues: the issues just written into segments.
    ///   - segmentsBefore: what the archive held before (`StoreState.archiveIdentity`).
    ///   - state: the state with the new segments; its recent mornings are set.
    func recordMornings(_ issues: [Issue], segmentsBefore: [String], into state: inout StoreState) throws(TenBoardError) {
        // The streak carried over the mornings these issues leave, when the archive step did not
        // already (old issues added or imported go straight to the archive): counted while they
        // and the hot issues are at hand, as `archive(_:now:)` does.
        var placer = MorningPlacer(schedule)
        if let latest = issues.map({ placer.morning(forReceived: $0.receivedAt.date) }).max() {
            let lastArchivable = schedule.previousMorning(before: archiveHorizon(now: clock()))
            state.streakBase = schedule.advance(state.streakBase, through: min(latest, lastArchivable), issues: state.issues + issues)
        }
        let fresh = MorningLedger(schedule: MorningLedger.fingerprint(schedule), segments: [])
        let through = state.streakBase?.through
        var ledger: MorningLedger?
        if segmentsBefore.isEmpty {
            ledger = fresh
        } else if let current = try? readLedger(), current.fits(segments: segmentsBefore, schedule: schedule) {
            ledger = current
        }
        if var ledger {
            ledger = ledger.adding(issues, through: through, schedule: schedule)
            ledger.segments = state.archiveIdentity
            try AtomicFile.write(ledger.encoded(), to: ledgerURL)
        }
        var recent: MorningLedger
        if let current = state.recentMornings, current.fits(segments: segmentsBefore, schedule: schedule), let from = current.entries.first?.morning {
            recent = current.adding(issues, through: through, schedule: schedule, from: from)
        } else if segmentsBefore.isEmpty {
            recent = fresh.adding(issues, through: through, schedule: schedule)
        } else {
            recent = try recentFromSegments(state, through: through)
        }
        recent.segments = state.archiveIdentity
        if let last = recent.through { recent = recent.keeping(from: last.adding(days: -StoreState.recentMorningDays)) }
        state.recentMornings = recent
    }

    /// An issue taken back from the archive (`unarchive`, under the store lock, in the same
    /// change) taken out of the ledger and of the hot file's recent mornings: its own part of each
    /// morning it counted in is subtracted (`MorningLedger.subtracting`), so neither needs the
    /// archive read again, and the hot file, which holds the issue now, counts it once.
    ///
    /// A ledger that did not fit the segments before (or does not hold the issue) is left to be
    /// rebuilt by the next `history` or `check`, as `recordMornings` leaves it; recent mornings
    /// that did not are dropped, and counted again from the segments by the next archive step
    /// (until then the screens count the hot file's mornings alone, never the issue twice).
    ///
    /// - Parameters:
    ///   - issue: the issue as it was archived.
    ///   - segmentsBefore: what the archive held before it was taken out (`StoreState.archiveIdentity`).
    ///   - state: the state with the new segments.
    func takeBackMornings(of issue: Issue, segmentsBefore: [String], into state: inout StoreState) throws(TenBoardError) {
        let parts = schedule.ledgerParts(of: [issue])
        if let current = try? readLedger(), current.fits(segments: segmentsBefore, schedule: schedule),
           var ledger = current.subtracting(parts, id: issue.id) {
            ledger.segments = state.archiveIdentity
            try AtomicFile.write(ledger.encoded(), to: ledgerURL)
        }
        if let recent = state.recentMornings, recent.fits(segments: segmentsBefore, schedule: schedule),
           var taken = recent.subtracting(parts, id: issue.id, from: recent.entries.first?.morning) {
            taken.segments = state.archiveIdentity
            state.recentMornings = taken
        } else {
            state.recentMornings = nil
        }
    }

    /// The recent mornings counted from the segments of their months (and the month before, for
    /// customers carried over into them): the archived customers of the last
    /// `recentMorningDays` days before the last archived morning.
    func recentFromSegments(_ state: StoreState, through: LocalDate?) throws(TenBoardError) -> MorningLedger {
        let last = through ?? schedule.localDate(of: clock())
        let from = last.adding(days: -StoreState.recentMorningDays)
        let firstMonth = String(from.adding(days: -31).description.prefix(7))
        var contents: [(Data, URL, Set<String>)] = []
        for name in state.segments where (ArchiveSegment.parse(name: name)?.month ?? "") >= firstMonth {
            let url = archiveURL.appendingPathComponent(name)
            guard let data = try StoreFile.read(url, what: .archiveSegment) else { throw StoreFile.error(.missing, url.path, .archiveSegment) }
            contents.append((data, url, Set(state.takenBack[name] ?? [])))
        }
        let archived = try Self.decodeSegments(contents).flatMap(\.self)
        let start = schedule.isMorning(from) ? from : schedule.nextMorning(after: from)
        return MorningLedger(schedule: MorningLedger.fingerprint(schedule), segments: state.archiveIdentity)
            .adding(archived, through: through, schedule: schedule, from: start)
    }

    /// The ledger that fits the store's segments and schedule; `nil` (with `notice` told why)
    /// when it must be rebuilt.
    func fittingLedger(for state: StoreState, notice: (TenBoardError) -> Void) -> MorningLedger? {
        do {
            if let ledger = try readLedger(), ledger.fits(segments: state.archiveIdentity, schedule: schedule) { return ledger }
            let path = ledgerURL.path
            notice(TenBoardError(exitCode: .dataError) { $0.ledgerStale(path) })
        } catch {
            notice(error)
        }
        return nil
    }

    /// The ledger counted again from the whole archive (`archived`, the store's segments decoded),
    /// and written under the store lock unless the archive changed meanwhile. A store the user
    /// may only read keeps its old ledger (`notice` says so).
    func rebuildLedger(_ state: StoreState, archived: [Issue], notice: (TenBoardError) -> Void) -> MorningLedger? {
        guard !state.segments.isEmpty else { return nil }
        let ledger = MorningLedger(schedule: MorningLedger.fingerprint(schedule), segments: state.archiveIdentity)
            .adding(archived, through: state.streakBase?.through, schedule: schedule)
        do {
            try StoreLock.withExclusiveLock(in: directory) {
                guard let current = try load(), current.archiveIdentity == ledger.segments else { return }
                try AtomicFile.write(ledger.encoded(), to: ledgerURL)
            }
            let path = ledgerURL.path
            notice(TenBoardError(exitCode: .ok) { $0.ledgerRebuilt(path, mornings: ledger.entries.count) })
        } catch {
            let detail = (error as? TenBoardError)?.message ?? "\(error)"
            notice(TenBoardError(exitCode: .ioError) { $0.ledgerNotWritten(detail) })
        }
        return ledger
    }

    /// `tenboard check` of the ledger: one that fits the archive and the schedule is read whole
    /// (every line checked); one missing, damaged or stale is reported through `notice` and
    /// rebuilt from the archive. The number of mornings it holds; `nil` for a store with nothing
    /// archived (no ledger needed).
    public func checkLedger(notice: (TenBoardError) -> Void) throws(TenBoardError) -> Int? {
        let (state, segments) = try snapshotWithSegments()
        guard !state.segments.isEmpty else { return nil }
        if let ledger = fittingLedger(for: state, notice: notice) { return ledger.entries.count }
        let archived = try decodeAll(segments)
        return rebuildLedger(state, archived: archived, notice: notice)?.entries.count
    }

    /// Every issue of `segments`, decoded side by side (one segment per core).
    func decodeAll(_ segments: [OpenSegment]) throws(TenBoardError) -> [Issue] {
        var contents: [(Data, URL, Set<String>)] = []
        for segment in segments { contents.append((try segment.contents(), segment.url, segment.takenBack)) }
        return try Self.decodeSegments(contents).flatMap(\.self)
    }
}
