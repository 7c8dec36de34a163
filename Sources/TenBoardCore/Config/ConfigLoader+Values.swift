import Foundation

extension ConfigLoader {
    func build(_ settings: [String: Setting], file: String?) throws(TenBoardError) -> Configuration {
        func bad(_ key: String, _ problem: String) -> TenBoardError {
            TenBoardError("\(settings[key]!.origin): \(problem)", exitCode: .config)
        }
        func items(_ key: String) -> [String]? {
            guard let s = settings[key] else { return nil }
            return (s.list ?? s.value.split(separator: ",").map(String.init))
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func text(_ key: String) -> String? {
            settings[key].map { $0.value.trimmingCharacters(in: .whitespaces) }
        }

        var schedule = MorningSchedule()
        if let zone = text("timezone") {
            guard zone.contains("/") || zone == "UTC", let tz = TimeZone(identifier: zone) else {
                throw bad("timezone", "'\(zone)' is not a time zone name like Europe/Amsterdam")
            }
            schedule.timeZone = tz
        }
        for key in ["deadline", "cutoff"] {
            guard let value = text(key) else { continue }
            guard let time = ClockTime(value) else { throw bad(key, "'\(value)' is not a time of day HH:MM (00:00 to 23:59)") }
            if key == "deadline" { schedule.deadline = time } else { schedule.cutoff = time }
        }
        // Who comes in after the cut-off counts for the next morning: a cut-off after the
        // deadline would count customers for a morning whose deadline has already passed.
        if schedule.cutoff > schedule.deadline {
            throw bad(settings["cutoff"] != nil ? "cutoff" : "deadline",
                      "the cut-off \(schedule.cutoff) is later than the deadline \(schedule.deadline); it must be at or before it")
        }
        if let days = items("workdays") {
            var set = Set<Weekday>()
            for day in days {
                guard let weekday = Weekday(rawValue: String(day.lowercased().prefix(3))), day.count >= 3 else {
                    throw bad("workdays", "'\(day)' is not a day (mon, tue, wed, thu, fri, sat, sun)")
                }
                set.insert(weekday)
            }
            guard !set.isEmpty else { throw bad("workdays", "at least one working day is needed") }
            schedule.workdays = set
        }
        if let days = items("holidays") {
            var set = Set<LocalDate>()
            for day in days {
                guard let date = LocalDate(day) else { throw bad("holidays", "'\(day)' is not a date YYYY-MM-DD") }
                set.insert(date)
            }
            schedule.holidays = set
        }
        if let minutes = text("warning") {
            guard let m = Int(minutes), (0...1440).contains(m) else {
                throw bad("warning", "'\(minutes)' is not a number of minutes from 0 to 1440")
            }
            schedule.warningSeconds = m * 60
        }

        var language = Language.en
        if let value = text("language") {
            guard let l = Language(rawValue: value.lowercased()) else { throw bad("language", "'\(value)' is not 'en' or 'nl'") }
            language = l
        } else {
            language = ConfigLoader.languageFromLocale(environment)
        }

        var directors: [MailAddress] = []
        if let list = items("directors") {
            for entry in list {
                guard let address = MailAddress(parsing: entry) else {
                    throw bad("directors", "'\(entry)' is not an e-mail address like 'Ann de Vries <ann@example.nl>' or bob@example.nl")
                }
                directors.append(address)
            }
        }
        var sender: MailAddress?
        if let value = text("sender"), !value.isEmpty {
            guard let address = MailAddress(parsing: value) else { throw bad("sender", "'\(value)' is not an e-mail address") }
            sender = address
        }
        var sendmail = ["/usr/sbin/sendmail", "-i"]
        if let s = settings["sendmail"] {
            let words: [String]
            if let list = s.list { words = list } else {
                do { words = try ConfigLoader.splitCommand(s.value) } catch { throw bad("sendmail", error.description) }
            }
            guard let command = words.first, command.hasPrefix("/") else {
                throw bad("sendmail", "give the command with its absolute path, like /usr/sbin/sendmail -i (cron's PATH is minimal)")
            }
            sendmail = words
        }
        var wallQuitKey = true
        if let value = text("wall-quit-key") {
            switch value.lowercased() {
            case "true", "yes", "on", "1": wallQuitKey = true
            case "false", "no", "off", "0": wallQuitKey = false
            default: throw bad("wall-quit-key", "'\(value)' is not true or false")
            }
        }
        var wallShift = 5
        if let value = text("wall-shift-minutes") {
            guard let m = Int(value), (0...1440).contains(m) else {
                throw bad("wall-shift-minutes", "'\(value)' is not a number of minutes from 0 to 1440")
            }
            wallShift = m
        }
        var tallyCap = TallyBook.defaultDailyCap
        if let value = text("tally-daily-cap") {
            guard let n = Int(value), (1...10_000).contains(n) else {
                throw bad("tally-daily-cap", "'\(value)' is not a number of tally marks from 1 to 10000")
            }
            tallyCap = n
        }
        let name = text("name").flatMap { $0.isEmpty ? nil : $0 }
        if let name, name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw bad("name", "contains control characters")
        }

        let store: String
        if let value = text("store"), !value.isEmpty {
            store = ConfigLoader.expandHome(value, environment)
        } else if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            store = data + "/tenboard"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            store = home + "/.local/share/tenboard"
        } else {
            throw TenBoardError("no store directory: set 'store' in the config file or TENBOARD_STORE (HOME is not set, so there is no default)", exitCode: .config)
        }
        var configuration = Configuration(
            store: store, schedule: schedule, name: name, language: language, directors: directors,
            sender: sender, sendmail: sendmail, wallQuitKey: wallQuitKey, wallShiftMinutes: wallShift, file: file)
        configuration.tallyDailyCap = tallyCap
        configuration.intake = try intakeSettings(items: items, text: text, bad: bad)
        configuration.intake.ownAddress = sender?.address
        return configuration
    }

    /// `nl` when the locale variables ask for Dutch, else English.
    static func languageFromLocale(_ environment: [String: String]) -> Language {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return value.lowercased().hasPrefix("nl") ? .nl : .en
            }
        }
        return .en
    }

    static func expandHome(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    /// Splits a command line into words: spaces separate, '…' and "…" quote; nothing is expanded.
    public static func splitCommand(_ line: String) throws(CommandSplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        guard quote == nil else { throw CommandSplitError(description: "a quote is not closed") }
        if inWord { words.append(current) }
        guard !words.isEmpty else { throw CommandSplitError(description: "the command is empty") }
        return words
    }
}

/// A command line that cannot be split into words.
public struct CommandSplitError: Error, CustomStringConvertible {
    public var description: String
}
