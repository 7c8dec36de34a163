import Foundation

/// One mark of the tally game ("streepjes trekken"): `who` said the word *klant* (customer) in
/// the context of the work, and `by` drew the mark, at `at`.
///
/// Stores written before marks had names kept only a count per day; those marks read as marks
/// without a person (`who == nil`), see `TallyBook`.
public struct TallyMark: Sendable, Equatable {
    /// The day the mark counts for, in the schedule's zone.
    public var day: LocalDate
    /// Who said "klant" (untrusted text: neutralise it where it is shown).
    public var who: String
    /// Who drew the mark (the lead at the board, the user of the CLI).
    public var by: String
    /// When it was drawn.
    public var at: Timestamp

    public init(day: LocalDate, who: String, by: String, at: Timestamp) {
        self.day = day
        self.who = who
        self.by = by
        self.at = at
    }

    /// The longest name a mark (or a praise) keeps, in characters.
    public static let nameLimit = 200

    /// The key under which marks of one person are counted together: the name on one line,
    /// without case ("sanne" and "Sanne " are the same colleague).
    public static func personKey(_ name: String) -> String {
        Untrusted.oneLine(name).lowercased()
    }

    /// A name as typed, made ready to store: trimmed; `nil` when nothing is left or it is too long.
    public static func storedName(_ name: String) -> String? {
        let trimmed = name.trimmingBlanksAndNewlines()
        guard !trimmed.isEmpty, trimmed.count <= nameLimit, !Untrusted.oneLine(trimmed).isEmpty else { return nil }
        return trimmed
    }
}

extension TallyMark {
    init(json: JSONValue) throws(StoreFormatError) {
        let record = try DayRecord(json)
        let (day, at) = (record.day, record.at)
        func string(_ key: String) throws(StoreFormatError) -> String { try record.string(key) }
        let who = try string("who")
        guard TallyMark.storedName(who) == who else { throw StoreFormatError("'who' must be a name of 1 to \(TallyMark.nameLimit) characters without surrounding spaces") }
        self.init(day: day, who: who, by: try string("by"), at: at)
    }

    var json: JSONValue {
        .object(["day": .string(day.description), "who": .string(who), "by": .string(by), "at": .string(at.rfc3339)])
    }
}

/// A customer named a colleague in their feedback: shown on the wall for the rest of the day and
/// listed in the next morning's report ("Customers thanked").
public struct Praise: Sendable, Equatable {
    /// The colleague the customer named (untrusted text).
    public var who: String
    /// The customer (untrusted text).
    public var customer: String
    /// The customer's words (untrusted text).
    public var text: String
    /// When it was recorded; its local day decides the wall and the report it shows in.
    public var at: Timestamp
    /// The day of `at` in the schedule's zone.
    public var day: LocalDate
    /// Who recorded it.
    public var recordedBy: String
    /// The issue it was recorded from (the board's `p`), if any.
    public var issue: String?

    public init(who: String, customer: String, text: String, at: Timestamp, day: LocalDate, recordedBy: String, issue: String? = nil) {
        self.who = who
        self.customer = customer
        self.text = text
        self.at = at
        self.day = day
        self.recordedBy = recordedBy
        self.issue = issue
    }

    /// The longest customer's words a praise keeps, in characters.
    public static let textLimit = 1000
}

extension Praise {
    init(json: JSONValue) throws(StoreFormatError) {
        let record = try DayRecord(json)
        let (day, at) = (record.day, record.at)
        func string(_ key: String) throws(StoreFormatError) -> String { try record.string(key) }
        var issue: String?
        switch record.fields["issue"] {
        case nil, .null?: issue = nil
        case .string(let s)?: issue = s
        case let other?: throw StoreFormatError("'issue' must be a string, found \(other.typeName)")
        }
        self.init(who: try string("who"), customer: try string("customer"), text: try string("text"), at: at, day: day,
                  recordedBy: try string("recordedBy"), issue: issue)
    }

    var json: JSONValue {
        var o: [String: JSONValue] = [
            "who": .string(who), "customer": .string(customer), "text": .string(text), "at": .string(at.rfc3339),
            "day": .string(day.description), "recordedBy": .string(recordedBy),
        ]
        if let issue { o["issue"] = .string(issue) }
        return .object(o)
    }
}

/// The fields a tally mark and a praise share in the hot file: an object with the local `day` it
/// counts for and the instant `at`, read the same way for both.
private struct DayRecord {
    let fields: [String: JSONValue]
    let day: LocalDate
    let at: Timestamp

    init(_ json: JSONValue) throws(StoreFormatError) {
        guard case .object(let o) = json else { throw StoreFormatError("must be an object, found \(json.typeName)") }
        fields = o
        guard let day = LocalDate(try Self.string("day", in: o)) else { throw StoreFormatError("'day' is not a date YYYY-MM-DD") }
        guard let at = Timestamp(rfc3339: try Self.string("at", in: o)) else { throw StoreFormatError("'at' is not an RFC 3339 time") }
        self.day = day
        self.at = at
    }

    func string(_ key: String) throws(StoreFormatError) -> String { try Self.string(key, in: fields) }

    private static func string(_ key: String, in fields: [String: JSONValue]) throws(StoreFormatError) -> String {
        guard case .string(let s)? = fields[key] else { throw StoreFormatError("'\(key)' must be a string") }
        return s
    }
}
