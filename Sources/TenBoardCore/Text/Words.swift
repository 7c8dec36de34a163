import Foundation

/// The one catalogue of words people read, in English and Dutch. This file holds the formatters
/// every surface shares, one per concept: the board, the wall, `status`, `list` and the report
/// all write ages, clock times, days, kinds and counts of customers through here, so that they say
/// the same thing the same way. Each surface's phrases are extensions in `Words+Surface.swift`
/// (board, wall, list, morning, report, summary, errors); new words go in a new extension file,
/// both languages side by side, reusing these formatters.
///
/// Numbers and dates are written by hand, not by a locale-dependent formatter, so that the
/// machine's locale and zone never change what people read.
public struct Words: Sendable, Equatable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    func pick(_ en: String, _ nl: String) -> String { language == .en ? en : nl }

    // MARK: time

    /// An age or a duration, never like a clock time: at most two units with a space.
    /// "<1m", "45m", "3h 05m", "2d 4h"; Dutch "3u 05m", "2d 4u".
    public func age(seconds: Int) -> String {
        let s = max(0, seconds)
        let h = pick("h", "u")
        if s < 60 { return "<1m" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 {
            let m = s / 60 % 60
            return "\(s / 3600)\(h) " + (m < 10 ? "0\(m)" : "\(m)") + "m"
        }
        return "\(s / 86_400)d \(s / 3600 % 24)\(h)"
    }

    /// A countdown `H:MM:SS` of the magnitude of `seconds`; hours are not wrapped at 24.
    public static func countdown(_ seconds: Int) -> String {
        let s = abs(seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// The wall-clock time of `date` in `zone`: "09:40".
    public static func clock(_ date: Date, in zone: TimeZone) -> String {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        let minutes = Int((local / 60).rounded(.down))
        let m = ((minutes % 1440) + 1440) % 1440
        return ClockTime(hour: m / 60, minute: m % 60).description
    }

    /// The calendar date of `date` in `zone`.
    public static func localDate(_ date: Date, in zone: TimeZone) -> LocalDate {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        return LocalDate(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// The short weekday: "Mon" / "ma".
    public func weekday(_ day: Weekday) -> String {
        let index = day.calendarNumber - 1
        return language == .en ? ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][index]
            : ["zo", "ma", "di", "wo", "do", "vr", "za"][index]
    }

    /// The full weekday: "Monday" / "maandag".
    public func longWeekday(_ day: Weekday) -> String {
        let index = day.calendarNumber - 1
        return language == .en ? ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][index]
            : ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"][index]
    }

    /// The month's name: "November" / "november".
    public func month(_ month: Int) -> String {
        language == .en
            ? ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"][month - 1]
            : ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"][month - 1]
    }

    /// The month's short name: "Nov" / "nov" (Dutch "mrt" for March).
    public func shortMonth(_ month: Int) -> String {
        language == .en ? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
            : ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][month - 1]
    }

    /// A day: "Mon 30 Nov" / "ma 30 nov".
    public func day(_ date: LocalDate) -> String {
        "\(weekday(date.weekday)) \(date.day) \(shortMonth(date.month))"
    }

    /// A day with its year, for a subject: "Mon 30 Nov 2026" / "ma 30 nov 2026".
    public func dayWithYear(_ date: LocalDate) -> String { "\(day(date)) \(date.year)" }

    /// A day in full: "Monday 30 November 2026" / "maandag 30 november 2026".
    public func longDay(_ date: LocalDate) -> String {
        "\(longWeekday(date.weekday)) \(date.day) \(month(date.month)) \(date.year)"
    }

    /// When something happened, seen from `now`: "09:40" today, else "Fri 16:00".
    public func when(_ date: Date, now: Date, in zone: TimeZone) -> String {
        let time = Self.clock(date, in: zone)
        let day = Self.localDate(date, in: zone)
        return day == Self.localDate(now, in: zone) ? time : "\(weekday(day.weekday)) \(time)"
    }

    /// "as at Mon 09:45": the badge of a frozen view (`--at`).
    public func asAt(_ date: Date, in zone: TimeZone) -> String {
        let day = Self.localDate(date, in: zone)
        return pick("as at ", "stand van ") + "\(weekday(day.weekday)) \(Self.clock(date, in: zone))"
    }

    // MARK: counting

    /// A rate with one decimal, rounded up (a pace needed is never understated): "4.5", Dutch "4,5".
    public func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.up))
        return "\(tenths / 10)" + pick(".", ",") + "\(tenths % 10)"
    }

    /// "1 customer", "3 customers" / "1 klant", "3 klanten".
    public func customers(_ n: Int) -> String {
        n == 1 ? pick("1 customer", "1 klant") : pick("\(n) customers", "\(n) klanten")
    }

    /// "3 customers waiting" / "3 klanten wachten".
    public func customersWaiting(_ n: Int) -> String {
        customers(n) + (n == 1 ? pick(" waiting", " wacht") : pick(" waiting", " wachten"))
    }

    /// A quiet morning: "no customers" / "geen klanten".
    public var noCustomers: String { pick("no customers", "geen klanten") }

    /// "8 of 13 helped": everyone helped, in time or late, of the morning's customers.
    public func progress(_ helped: Int, of inScope: Int) -> String {
        pick("\(helped) of \(inScope) helped", "\(helped) van \(inScope) geholpen")
    }

    /// "2 late" / "2 te laat".
    public func late(_ n: Int) -> String { pick("\(n) late", "\(n) te laat") }

    /// "2 carried over" / "2 van eerder".
    public func carriedOver(_ n: Int) -> String { "\(n) " + carriedOverMark }

    /// A customer from an earlier morning, still waiting: "carried over" / "van eerder".
    public var carriedOverMark: String { pick("carried over", "van eerder") }

    /// Instead of a pace in the last minutes: "7 to go" / "nog 7".
    public func toGo(_ n: Int) -> String { pick("\(n) to go", "nog \(n)") }

    /// "streak 3" / "reeks 3".
    public func streak(_ n: Int) -> String { pick("streak \(n)", "reeks \(n)") }

    /// The kind of an issue: "bug" in both languages.
    public func kind(_ kind: IssueKind, count: Int = 1) -> String {
        let one = count == 1
        switch (kind, language) {
        case (.question, .en): return one ? "question" : "questions"
        case (.question, .nl): return one ? "vraag" : "vragen"
        case (.problem, .en): return one ? "problem" : "problems"
        case (.problem, .nl): return one ? "probleem" : "problemen"
        case (.complaint, .en): return one ? "complaint" : "complaints"
        case (.complaint, .nl): return one ? "klacht" : "klachten"
        case (.bug, _): return one ? "bug" : "bugs"
        }
    }

    /// The fate of a customer in a morning, as a word.
    public func fate(_ fate: MorningFate) -> String {
        switch fate {
        case .helped: pick("helped", "geholpen")
        case .helpedLate: pick("helped late", "te laat geholpen")
        case .waiting: pick("waiting", "wacht")
        case .nextMorning: pick("next morning", "volgende ochtend")
        case .withdrawn: pick("withdrawn", "ingetrokken")
        }
    }

    /// "waited 2d 23h" / "wachtte 2d 23u".
    public func waited(_ age: String) -> String { pick("waited \(age)", "wachtte \(age)") }

    /// A carried-over customer's mark: "missed Fri 27 Nov" / "gemist: vr 27 nov".
    public func missed(_ morning: LocalDate) -> String { missed(morning, seenFrom: nil) }

    /// The same mark seen from `today`: a morning of the six days before it is named by its
    /// weekday alone ("missed Fri" / "gemist: vr"), for narrow places such as the wall.
    public func missed(_ morning: LocalDate, seenFrom today: LocalDate?) -> String {
        let recent = today.map { morning < $0 && $0.dayNumber - morning.dayNumber < 7 } ?? false
        let when = recent ? weekday(morning.weekday) : day(morning)
        return pick("missed \(when)", "gemist: \(when)")
    }

    /// The symbol of a customer helped in time, and of one helped late (not colour alone).
    public static let helpedMark = "✓"
    public static let lateMark = "!"
}
