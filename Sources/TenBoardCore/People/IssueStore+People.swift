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
            throw TenBoardError("a tally mark needs the name of who said \"klant\" (1 to \(TallyMark.nameLimit) characters)", exitCode: .dataError)
        }
        let when = try changeInstant(at, what: "a tally mark")
        let day = schedule.localDate(of: when.date)
        return try update(now: when.date) { state in
            let book = TallyBook(state)
            let count = book.count(of: name, on: day)
            guard count < cap else {
                throw TenBoardError("\(Untrusted.quoted(name)) already has \(count) tally marks on \(day), the daily cap ('tally-daily-cap' is \(cap)); nothing was added", exitCode: .dataError)
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
        try update(now: at) { state in
            guard let i = state.tallyMarks.lastIndex(of: mark) else {
                throw TenBoardError("the tally mark of \(Untrusted.quoted(mark.who)) at \(mark.at.rfc3339) is no longer there; nothing was undone", exitCode: .tempFailure)
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
        let day = schedule.localDate(of: at)
        let key = TallyMark.personKey(who)
        return try update(now: at) { state in
            guard let i = state.tallyMarks.lastIndex(where: { $0.day == day && TallyMark.personKey($0.who) == key }) else {
                throw TenBoardError("\(Untrusted.quoted(who)) has no tally mark on \(day); nothing was undone", exitCode: .noInput)
            }
            let mark = state.tallyMarks.remove(at: i)
            return (mark, TallyBook(state).count(of: who, on: day))
        }
    }

    /// Records that `customer` praised `who` in their feedback, in their words `text`.
    ///
    /// - Throws: 65 for an empty name, customer or text, one too long, or a time in the future.
    @discardableResult
    public func addPraise(who: String, customer: String, text: String, recordedBy: String, issue: String? = nil, at: Date) throws -> Praise {
        guard let name = TallyMark.storedName(who) else {
            throw TenBoardError("a praise needs the name of the colleague the customer named (1 to \(TallyMark.nameLimit) characters)", exitCode: .dataError)
        }
        guard let customerName = TallyMark.storedName(customer) else {
            throw TenBoardError("a praise needs the customer's name (1 to \(TallyMark.nameLimit) characters)", exitCode: .dataError)
        }
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty, words.count <= Praise.textLimit else {
            throw TenBoardError("a praise needs the customer's words (1 to \(Praise.textLimit) characters)", exitCode: .dataError)
        }
        let when = try changeInstant(at, what: "a praise")
        let day = schedule.localDate(of: when.date)
        return try update(now: when.date) { state in
            let praise = Praise(who: name, customer: customerName, text: words, at: when, day: day, recordedBy: recordedBy, issue: issue)
            state.praise.append(praise)
            state.prunePeople(before: day.adding(days: -TallyBook.keptDays))
            return praise
        }
    }

    /// Takes back `praise` (the board's `z`), if it is still there.
    /// - Throws: 75 when it is gone.
    public func undoPraise(_ praise: Praise, at: Date) throws {
        try update(now: at) { state in
            guard let i = state.praise.lastIndex(of: praise) else {
                throw TenBoardError("the praise of \(Untrusted.quoted(praise.who)) by \(Untrusted.quoted(praise.customer)) is no longer there; nothing was undone", exitCode: .tempFailure)
            }
            state.praise.remove(at: i)
        }
    }

    /// `at` as stored (whole seconds, the schedule's offset), refused when later than the real
    /// clock allows.
    func changeInstant(_ at: Date, what: String) throws -> Timestamp {
        let latest = clock().addingTimeInterval(IssueStore.clockSkew)
        guard at <= latest else {
            throw TenBoardError("\(what) cannot be dated \(Timestamp(at.wholeSeconds, in: schedule.timeZone).rfc3339): that is in the future (it is now \(Timestamp(clock().wholeSeconds, in: schedule.timeZone).rfc3339))", exitCode: .dataError)
        }
        let stamp = Timestamp(at.wholeSeconds, in: schedule.timeZone)
        guard stamp.isReadable else {
            throw TenBoardError("\(what) cannot be dated \(stamp.rfc3339): not a time the store can hold", exitCode: .dataError)
        }
        return stamp
    }
}

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
