import Foundation

extension ConfigLoader {
    func build(_ settings: [String: Setting], file: String?) throws(TenBoardError) -> Configuration {
        func bad(_ key: String, _ problem: (Words) -> String) -> TenBoardError {
            let origin = settings[key]!.origin
            return TenBoardError(exitCode: .config) { $0.badSetting(origin, problem($0)) }
        }
        func items(_ key: String) -> [String]? {
            guard let s = settings[key] else { return nil }
            return (s.list ?? s.value.split(separator: ",").map(String.init))
                .map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        }
        func text(_ key: String) -> String? {
            settings[key].map { $0.value.trimmingBlanks() }
        }

        var schedule = MorningSchedule()
        if let zone = text("timezone") {
            guard zone.contains("/") || zone == "UTC", let tz = TimeZone(identifier: zone) else {
                throw bad("timezone") { $0.notATimeZone(zone) }
            }
            schedule.timeZone = tz
        }
        for key in ["deadline", "cutoff"] {
            guard let value = text(key) else { continue }
            guard let time = ClockTime(value) else { throw bad(key) { $0.notATimeOfDay(value) } }
            if key == "deadline" { schedule.deadline = time } else { schedule.cutoff = time }
        }
        // Who comes in after the cut-off counts for the next morning: a cut-off after the
        // deadline would count customers for a morning whose deadline has already passed.
        if schedule.cutoff > schedule.deadline {
            let (cutoff, deadline) = (schedule.cutoff, schedule.deadline)
            throw bad(settings["cutoff"] != nil ? "cutoff" : "deadline") { $0.cutoffAfterDeadline(cutoff, deadline) }
        }
        if let days = items("workdays") {
            var set = Set<Weekday>()
            for day in days {
                guard let weekday = Weekday(rawValue: String(day.lowercased().prefix(3))), day.count >= 3 else {
                    throw bad("workdays") { $0.notADay(day) }
                }
                set.insert(weekday)
            }
            guard !set.isEmpty else { throw bad("workdays") { $0.noWorkday } }
            schedule.workdays = set
        }
        if let days = items("holidays") {
            var set = Set<LocalDate>()
            for day in days {
                guard let date = LocalDate(day) else { throw bad("holidays") { $0.notADate(day) } }
                set.insert(date)
            }
            schedule.holidays = set
        }
        if let minutes = text("warning") {
            guard let m = Int(minutes), (0...1440).contains(m) else {
                throw bad("warning") { $0.notMinutes(minutes) }
            }
            schedule.warningSeconds = m * 60
        }

        var language = Language.en
        if let value = text("language") {
            guard let l = Language(rawValue: value.lowercased()) else { throw bad("language") { $0.notALanguage(value) } }
            language = l
        } else {
            language = ConfigLoader.languageFromLocale(environment)
        }

        var directors: [MailAddress] = []
        if let list = items("directors") {
            for entry in list {
                guard let address = MailAddress(parsing: entry) else {
                    throw bad("directors") { $0.notAnAddress(entry, example: true) }
                }
                directors.append(address)
            }
        }
        var sender: MailAddress?
        if let value = text("sender"), !value.isEmpty {
            guard let address = MailAddress(parsing: value) else { throw bad("sender") { $0.notAnAddress(value) } }
            sender = address
        }
        var sendmail = ["/usr/sbin/sendmail", "-i"]
        if let s = settings["sendmail"] {
            let words: [String]
            if let list = s.list { words = list } else {
                do { words = try ConfigLoader.splitCommand(s.value) } catch { throw bad("sendmail") { _ in error.description } }
            }
            guard let command = words.first, command.hasPrefix("/") else {
                throw bad("sendmail") { $0.sendmailNeedsPath }
            }
            sendmail = words
        }
        var wallQuitKey = true
        if let value = text("wall-quit-key") {
            switch value.lowercased() {
            case "true", "yes", "on", "1": wallQuitKey = true
            case "false", "no", "off", "0": wallQuitKey = false
            default: throw bad("wall-quit-key") { $0.notTrueOrFalse(value) }
            }
        }
        var wallShift = 5
        if let value = text("wall-shift-minutes") {
            guard let m = Int(value), (0...1440).contains(m) else {
                throw bad("wall-shift-minutes") { $0.notMinutes(value) }
            }
            wallShift = m
        }
        var tallyCap = TallyBook.defaultDailyCap
        if let value = text("tally-daily-cap") {
            guard let n = Int(value), (1...10_000).contains(n) else {
                throw bad("tally-daily-cap") { $0.notTallyCap(value) }
            }
            tallyCap = n
        }
        let name = text("name").flatMap { $0.isEmpty ? nil : $0 }
        if let name, name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw bad("name") { $0.controlCharacters }
        }

        let store: String
        if let value = text("store"), !value.isEmpty {
            store = ConfigLoader.expandHome(value, environment)
        } else if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            store = data + "/tenboard"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            store = home + "/.local/share/tenboard"
        } else {
            throw TenBoardError(exitCode: .config) { $0.noStoreDirectory }
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
