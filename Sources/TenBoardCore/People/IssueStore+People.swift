import Foundation

extension IssueStore {
    /// Draws a tally mark: `who` said "klant", `by` drew it, at `at`.
    ///
    /// - Parameter cap: the most marks one person may get on one day (`tally-daily-cap`).
    /// - Returns: the mark and how many marks `who` has on that day now.
    /// - Throws: 65 for an empty or overlong name, a time in the future, or a person at the cap.
    @discardableResult
    public func drawTally(who: String, by: String, at: Date, cap: Int = TallyBook.defaultDailyCap) throws -> (mark: TallyMark, count: Int) {
        guard let name = TallyMark.storedName(who) else {
            throw TenBoardError(exitCode: .dataError) { $0.tallyNeedsName(TallyMark.nameLimit) }
        }
        let when = try changeInstant(at) { $0.aTallyMark }
        let day = schedule.localDate(of: when.date)
        return try update(at: when.date) { state in
            let book = TallyBook(state)
            let count = book.count(of: name, on: day)
            guard count < cap else {
                throw TenBoardError(exitCode: .dataError) { $0.tallyCapReached(Untrusted.quoted(name), count: count, on: day, cap: cap) }
            }
            let mark = TallyMark(day: day, who: name, by: by, at: when)
            state.tallyMarks.append(mark)
            state.prunePeople(before: day.adding(days: -TallyBook.keptDays))
            return (mark, count + 1)
        }
    }

    /// Takes back `mark` (the board's `z`), if it is still there.
    ///
    /// - Returns: how many marks its person has on its day afterwards.
    /// - Throws: 75 when it is gone (someone took it back meanwhile).
    @discardableResult
    public func undoTally(_ mark: TallyMark, at: Date) throws -> Int {
        try update(at: at) { state in
            guard let i = state.tallyMarks.lastIndex(of: mark) else {
                throw TenBoardError(exitCode: .tempFailure) { $0.tallyMarkGone(Untrusted.quoted(mark.who), at: mark.at.rfc3339) }
            }
            state.tallyMarks.remove(at: i)
            return TallyBook(state).count(of: mark.who, on: mark.day)
        }
    }

    /// Takes back the last mark of `who` on the day of `at` (`tenboard tally --undo NAME`).
    ///
    /// - Returns: the mark taken back and how many `who` has left that day.
    /// - Throws: 66 when `who` has no mark that day.
    @discardableResult
    public func undoLastTally(of who: String, at: Date) throws -> (mark: TallyMark, count: Int) {
        try undoLast(\.tallyMarks, of: who, at: at, none: { $0.noTallyMark($1, on: $2) }) { mark, state in
            (mark, TallyBook(state).count(of: who, on: mark.day))
        }
    }

    /// Takes back the last praise of `who` on the day of `at` (`tenboard praise --undo NAME`).
    ///
    /// - Returns: the praise taken back.
    /// - Throws: 66 when `who` has no praise that day.
    @discardableResult
    public func undoLastPraise(of who: String, at: Date) throws -> Praise {
        try undoLast(\.praise, of: who, at: at, none: { $0.noPraise($1, on: $2) }) { praise, _ in praise }
    }

    /// The one way to take back a person's last entry of a day (a tally mark, a praise): the
    /// last one of `who` (names compared as `TallyMark.personKey`) on the day of `at`.
    ///
    /// - Parameters:
    ///   - none: the words when there is none, given the name (quoted) and the day.
    ///   - result: what to return, given the entry taken back and the state without it.
    /// - Throws: 66 when `who` has no entry that day; nothing is changed then.
    private func undoLast<Entry: PersonDayEntry, Result>(
        _ list: WritableKeyPath<StoreState, [Entry]>, of who: String, at: Date,
        none: (Words, String, LocalDate) -> String, _ result: (Entry, StoreState) -> Result
    ) throws -> Result {
        let day = schedule.localDate(of: at)
        let key = TallyMark.personKey(who)
        return try update(at: at) { state in
            guard let i = state[keyPath: list].lastIndex(where: { $0.day == day && TallyMark.personKey($0.who) == key }) else {
                throw TenBoardError(exitCode: .noInput) { none($0, Untrusted.quoted(who), day) }
            }
            let entry = state[keyPath: list].remove(at: i)
            return result(entry, state)
        }
    }

    /// Records that `customer` praised `who` in their feedback, in their words `text`.
    ///
    /// - Throws: 65 for an empty name, customer or text, one too long, or a time in the future.
    @discardableResult
    public func addPraise(who: String, customer: String, text: String, recordedBy: String, issue: String? = nil, at: Date) throws -> Praise {
        guard let name = TallyMark.storedName(who) else {
            throw TenBoardError(exitCode: .dataError) { $0.praiseNeedsColleague(TallyMark.nameLimit) }
        }
        guard let customerName = TallyMark.storedName(customer) else {
            throw TenBoardError(exitCode: .dataError) { $0.praiseNeedsCustomer(TallyMark.nameLimit) }
        }
        let words = text.trimmingBlanksAndNewlines()
        guard !words.isEmpty, words.count <= Praise.textLimit else {
            throw TenBoardError(exitCode: .dataError) { $0.praiseNeedsWords(Praise.textLimit) }
        }
        let when = try changeInstant(at) { $0.aPraise }
        let day = schedule.localDate(of: when.date)
        return try update(at: when.date) { state in
            let praise = Praise(who: name, customer: customerName, text: words, at: when, day: day, recordedBy: recordedBy, issue: issue)
            state.praise.append(praise)
            state.prunePeople(before: day.adding(days: -TallyBook.keptDays))
            return praise
        }
    }

    /// Takes back `praise` (the board's `z`), if it is still there.
    /// - Throws: 75 when it is gone.
    public func undoPraise(_ praise: Praise, at: Date) throws {
        try update(at: at) { state in
            guard let i = state.praise.lastIndex(of: praise) else {
                throw TenBoardError(exitCode: .tempFailure) { $0.praiseGone(Untrusted.quoted(praise.who), by: Untrusted.quoted(praise.customer)) }
            }
            state.praise.remove(at: i)
        }
    }

    /// `at` as stored (whole seconds, the schedule's offset), refused when later than the real
    /// clock allows.
    /// - Parameter what: what is dated (`Words.aTallyMark`, `Words.aPraise`).
    func changeInstant(_ at: Date, what: (Words) -> String) throws -> Timestamp {
        let latest = clock().addingTimeInterval(IssueStore.clockSkew)
        guard at <= latest else {
            let time = Timestamp(at.wholeSeconds, in: schedule.timeZone).rfc3339
            let now = Timestamp(clock().wholeSeconds, in: schedule.timeZone).rfc3339
            throw TenBoardError(exitCode: .dataError) { $0.datedInTheFuture(what($0), time, now: now) }
        }
        let stamp = Timestamp(at.wholeSeconds, in: schedule.timeZone)
        guard stamp.isReadable else {
            throw TenBoardError(exitCode: .dataError) { $0.notAStorableDate(what($0), stamp.rfc3339) }
        }
        return stamp
    }
}

/// What a person got on a day, that `undoLast` can take back.
protocol PersonDayEntry {
    var who: String { get }
    var day: LocalDate { get }
}

extension TallyMark: PersonDayEntry {}
extension Praise: PersonDayEntry {}

extension StoreState {
    /// Drops tally marks and praise of days before `day`: they are a season's game.
    mutating func prunePeople(before day: LocalDate) {
        tally = tally.filter { $0.key >= day }
        tallyMarks.removeAll { $0.day < day }
        praise.removeAll { $0.day < day }
    }

    /// The tally game's marks, named and nameless.
    public var tallyBook: TallyBook { TallyBook(self) }
}
