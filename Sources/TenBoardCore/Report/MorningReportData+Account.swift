import Foundation

extension MorningSchedule {
    /// What the morning report of `day` says at `at`: the account and the streak together.
    ///
    /// - Parameters:
    ///   - day: the morning (`--morning`); normally `relevantMorning(at:)`.
    ///   - issues: the store's hot issues.
    ///   - at: the instant (`--at`, else now).
    ///   - base: passed on to `streak(at:issues:base:)`.
    public func reportData(
        of day: LocalDate, issues: [Issue], at: Date, base: StreakBase? = nil, interim: Bool = false, kept: MorningLedger? = nil
    ) -> MorningReportData {
        // The streak as it stood just after that morning's deadline, when the morning was
        // decided: the report of a past morning keeps saying what it said on the day.
        let streakAt = min(at, deadline(of: day).addingTimeInterval(1))
        var data = MorningReportData(
            account: account(of: day, issues: issues, at: at),
            streak: streak(at: streakAt, issues: issues, base: base),
            timeZone: timeZone, interim: interim)
        // The trend as it stood at the same instant as the streak.
        // The archived part of the recent mornings from the hot file's ledger (`kept`).
        let rows = history(of: issues, kept: kept, from: kept?.entries.first?.morning, at: streakAt, tally: { _ in nil }).rows
        let history = MorningHistory(rows: rows.filter { $0.morning <= day })
        data.recent = history.decided(Words.stripLength)
        data.fourWeeks = history.metRate(days: 28, through: day)
        return data
    }
}
