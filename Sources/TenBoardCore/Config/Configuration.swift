import Foundation

/// The language tenboard speaks to people, in its messages, board and report.
public enum Language: String, Sendable, CaseIterable {
    case en, nl
}

/// Every setting, after layering built-in defaults < config file < `TENBOARD_*` environment < flags.
public struct Configuration: Sendable, Equatable {
    /// The store directory.
    public var store: String
    public var schedule: MorningSchedule
    /// The name recorded as `resolvedBy` and offered as assignee; `nil` means the login name.
    public var name: String?
    public var language: Language
    /// Who receives the morning report.
    public var directors: [MailAddress]
    /// The report's `From` and envelope sender.
    public var sender: MailAddress?
    /// The sendmail command and its fixed arguments; recipients are appended after `--`.
    public var sendmail: [String]
    /// Whether `q` quits `tenboard wall` (a kiosk may want it not to).
    public var wallQuitKey: Bool
    /// Minutes between small shifts of the wall's layout against burn-in (0 = never).
    public var wallShiftMinutes: Int
    /// The file the settings were read from, if any.
    public var file: String?
    /// How `tenboard intake` turns mail into issues (`intake-*` keys).
    public var intake = IntakeSettings()
    /// The most tally marks one person may get on one day (`tally-daily-cap`), against a stuck key.
    public var tallyDailyCap = TallyBook.defaultDailyCap

    public init(
        store: String, schedule: MorningSchedule = MorningSchedule(), name: String? = nil,
        language: Language = .en, directors: [MailAddress] = [], sender: MailAddress? = nil,
        sendmail: [String] = ["/usr/sbin/sendmail", "-i"], wallQuitKey: Bool = true,
        wallShiftMinutes: Int = 5, file: String? = nil
    ) {
        self.store = store
        self.schedule = schedule
        self.name = name
        self.language = language
        self.directors = directors
        self.sender = sender
        self.sendmail = sendmail
        self.wallQuitKey = wallQuitKey
        self.wallShiftMinutes = wallShiftMinutes
        self.file = file
    }
}

extension Configuration {
    /// The name a person's changes are recorded under: the configured `name`, else the login name
    /// (from the password database, so it is right under cron and sudo too), else `USER`.
    public var userName: String {
        if let name = name?.trimmingBlanks(), !name.isEmpty { return name }
        if let entry = getpwuid(geteuid()), let login = entry.pointee.pw_name { return String(cString: login) }
        let env = ProcessInfo.processInfo.environment
        return env["LOGNAME"] ?? env["USER"] ?? "unknown"
    }
}
