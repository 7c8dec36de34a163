import Foundation

extension MorningReportData {
    /// The report data of a morning account.
    ///
    /// - Parameters:
    ///   - account: from `MorningSchedule.account(of:issues:at:)`, taken at a real instant (not
    ///     `.distantFuture`): waiting times are measured to `account.at`.
    ///   - streak: from `MorningSchedule.streak(at:issues:base:since:)` at the same instant.
    ///   - timeZone: the schedule's zone, for every time the report shows.
    public init(account: MorningAccount, streak: Int, timeZone: TimeZone) {
        self.init(
            morning: account.morning, asOf: account.at, deadline: account.deadline, timeZone: timeZone,
            outcome: account.outcome, helped: account.helped, helpedLate: account.helpedLate,
            waiting: account.waiting, streak: streak)
    }
}

extension MorningSchedule {
    /// What the morning report of `day` says at `at`: the account and the streak together.
    ///
    /// - Parameters:
    ///   - day: the morning (`--morning`); normally `relevantMorning(at:)`.
    ///   - issues: the store's hot issues.
    ///   - at: the instant (`--at`, else now).
    ///   - base, since: passed on to `streak(at:issues:base:since:)`.
    public func reportData(
        of day: LocalDate, issues: [Issue], at: Date, base: StreakBase? = nil, since: LocalDate? = nil
    ) -> MorningReportData {
        // The streak as it stood just after that morning's deadline, when the morning was
        // decided: the report of a past morning keeps saying what it said on the day.
        let streakAt = min(at, deadline(of: day).addingTimeInterval(1))
        return MorningReportData(
            account: account(of: day, issues: issues, at: at),
            streak: streak(at: streakAt, issues: issues, base: base, since: since),
            timeZone: timeZone)
    }
}
