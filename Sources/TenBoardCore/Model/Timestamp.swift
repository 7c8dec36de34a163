import Foundation

/// An instant as written in RFC 3339 (`2026-11-23T17:45:00+01:00`), remembering the offset it was
/// written with so that an imported time is exported as it came in.
///
/// A parsed timestamp keeps its text: it is written back exactly as it came in (offset `-00:00`,
/// microseconds, a leap second `23:59:60`, a lower-case `t`), so whatever the store accepts it
/// reads back as the same value. Only a timestamp tenboard makes itself (from a clock) is
/// formatted, with milliseconds when it has them, never rounded up into the next second.
///
/// Parsing and formatting are done by hand: they are on the hot path of every store load, and
/// Foundation's ISO 8601 coders drop the offset and the fractional seconds.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The instant.
    public var date: Date { didSet { written = nil } }
    /// Offset from UTC in seconds with which the instant is written.
    public var offsetSeconds: Int { didSet { written = nil } }
    /// The text this timestamp was parsed from; `nil` for one made from a `Date`.
    private var written: String?

    public init(_ date: Date, offsetSeconds: Int = 0) {
        self.date = date
        self.offsetSeconds = offsetSeconds
    }

    /// The instant, written with the offset that `timeZone` has at that instant.
    public init(_ date: Date, in timeZone: TimeZone) {
        self.init(date, offsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// Earlier instants first; of two spellings of one instant, the smaller offset first. So `<`
    /// and `==` (instant and offset) agree, as `Comparable` requires: exactly one of `a < b`,
    /// `a == b`, `b < a` holds, and sorting by time still sorts by instant.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.offsetSeconds < rhs.offsetSeconds
    }
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.date == rhs.date && lhs.offsetSeconds == rhs.offsetSeconds
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(offsetSeconds)
    }

    public var description: String { rfc3339 }

    /// Parses RFC 3339: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `t` or a space may separate date and time.
    ///
    /// Returns `nil` for anything else, including a missing offset (a time without one is ambiguous).
    public init?(rfc3339 text: String) {
        var utf8 = Array(text.utf8)
        guard utf8.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= utf8.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                let c = utf8[i]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard let year = digits(0, 4), utf8[4] == 45, let month = digits(5, 2), utf8[7] == 45,
              let day = digits(8, 2), [84, 116, 32].contains(utf8[10]),
              let hour = digits(11, 2), utf8[13] == 58, let minute = digits(14, 2), utf8[16] == 58,
              let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < utf8.count, utf8[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 {
                fraction += Double(utf8[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < utf8.count else { return nil }
        var offset = 0
        switch utf8[index] {
        case 90, 122: // Z z
            guard index + 1 == utf8.count else { return nil }
        case 43, 45: // + -
            guard index + 6 == utf8.count, let oh = digits(index + 1, 2), utf8[index + 3] == 58,
                  let om = digits(index + 4, 2), oh <= 23, om <= 59
            else { return nil }
            offset = (oh * 3600 + om * 60) * (utf8[index] == 45 ? -1 : 1)
        default:
            return nil
        }
        utf8 = []
        self.written = text
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        self.date = Date(timeIntervalSince1970: Double(seconds) + fraction)
        self.offsetSeconds = offset
    }

    /// The text it was parsed from, or RFC 3339 with the remembered offset and milliseconds only
    /// when the instant has them.
    public var rfc3339: String {
        if let written { return written }
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        // Never rounded up to the next second: 23:59:59.9996 of 9999-12-31 stays in year 9999.
        let millis = min(999, Int(((interval - whole) * 1000).rounded()))
        let local = Int(whole) + offsetSeconds
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        let (y, m, d) = Timestamp.civilFromDays(days)
        if (0...9999).contains(y) {
            // The usual case, written as bytes: this runs for every issue of every store write.
            var b: [UInt8] = []
            b.reserveCapacity(29)
            func put(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                var v = value
                while divisor > 0 {
                    b.append(UInt8(48 + v / divisor))
                    v %= divisor
                    divisor /= 10
                }
            }
            put(y, 4); b.append(45); put(m, 2); b.append(45); put(d, 2); b.append(84)
            put(secondsOfDay / 3600, 2); b.append(58); put(secondsOfDay / 60 % 60, 2); b.append(58); put(secondsOfDay % 60, 2)
            if millis != 0 { b.append(46); put(millis, 3) }
            if offsetSeconds == 0 {
                b.append(90)
            } else {
                let a = abs(offsetSeconds)
                b.append(offsetSeconds < 0 ? 45 : 43)
                if a / 3600 < 100 { put(a / 3600, 2) } else { b.append(contentsOf: String(a / 3600).utf8) }
                b.append(58); put(a / 60 % 60, 2)
            }
            return String(decoding: b, as: UTF8.self)
        }
        func pad(_ value: Int, _ width: Int) -> String { value.zeroPadded(width) }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondsOfDay / 3600, 2)):"
            + "\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2))"
        if millis != 0 { out += "." + pad(millis, 3) }
        if offsetSeconds == 0 {
            out += "Z"
        } else {
            let a = abs(offsetSeconds)
            out += (offsetSeconds < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad(a / 60 % 60, 2)
        }
        return out
    }

    /// Whether `rfc3339` is a text the parser reads back (a year from 0000 to 9999 as written):
    /// what is not cannot go into the store.
    public var isReadable: Bool { written != nil || Timestamp(rfc3339: rfc3339) != nil }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
