import Foundation

/// The outbox metadata and `sent.json` in the project's own JSON (`JSONParser`, `JSONWriter`),
/// like every other file of the store: a damaged file is reported with its line and column, and
/// the files are written sorted and pretty, dates as RFC 3339 in UTC to the second
/// (`2026-11-24T09:00:00Z`), as they were when `JSONEncoder` wrote them.
struct MailFileJSON {
    let url: URL
    let what: StoreFileKind
    private let object: [String: JSONValue]

    /// Parses `data`, which must hold an object.
    ///
    /// - Throws: `TenBoardError` (65) naming the file, with the line and column of a syntax error.
    /// - Parameter consequence: what a damaged file means (`Words.sentLogDamaged`, `Words.outboxDamaged(_:)`).
    init(_ data: Data, url: URL, what: StoreFileKind, damaged consequence: (Words) -> String) throws(TenBoardError) {
        self.url = url
        self.what = what
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw TenBoardError(exitCode: .dataError) { $0.mailFileDamaged(url.path, "\(error)", consequence($0)) }
        }
        guard case .object(let object) = value else {
            throw TenBoardError(exitCode: .dataError) { $0.mailFileNotAnObject(url.path, what, found: value.typeName, consequence($0)) }
        }
        self.object = object
    }

    /// The members, in key order.
    var members: [(key: String, value: JSONValue)] { object.sorted { $0.key < $1.key } }

    // MARK: Fields

    static func string(_ value: JSONValue?, _ field: String, in url: URL) throws(TenBoardError) -> String {
        guard case .string(let text)? = value else { throw missing(field, .string, in: url) }
        return text
    }

    static func optionalString(_ value: JSONValue?, _ field: String, in url: URL) throws(TenBoardError) -> String? {
        if value == nil || value == .null { return nil }
        return try string(value, field, in: url)
    }

    static func int(_ value: JSONValue?, _ field: String, in url: URL) throws(TenBoardError) -> Int {
        guard case .number(let literal)? = value, let number = Int(literal) else { throw missing(field, .wholeNumber, in: url) }
        return number
    }

    static func strings(_ value: JSONValue?, _ field: String, in url: URL) throws(TenBoardError) -> [String] {
        guard case .array(let items)? = value else { throw missing(field, .strings, in: url) }
        var texts: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw missing(field, .strings, in: url) }
            texts.append(text)
        }
        return texts
    }

    static func date(_ value: JSONValue?, _ field: String, in url: URL) throws(TenBoardError) -> Date {
        guard case .string(let text)? = value, let stamp = Timestamp(rfc3339: text) else {
            throw missing(field, .time, in: url)
        }
        return stamp.date
    }

    static func optionalDate(_ value: JSONValue?, _ field: String, in url: URL) throws(TenBoardError) -> Date? {
        if value == nil || value == .null { return nil }
        return try date(value, field, in: url)
    }

    private static func missing(_ field: String, _ kind: FieldKind, in url: URL) -> TenBoardError {
        TenBoardError(exitCode: .dataError) { $0.fieldMustBe(url.path, field, kind) }
    }

    // MARK: Writing

    /// A date as written: UTC, whole seconds.
    static func date(_ date: Date) -> JSONValue {
        .string(Timestamp(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))).description)
    }

    /// A date or JSON's null.
    static func date(_ date: Date?) -> JSONValue { date.map { Self.date($0) } ?? .null }

    /// The bytes of a file: pretty, keys sorted, a final line break.
    static func bytes(_ value: JSONValue) -> Data { Data((JSONWriter.pretty(value) + "\n").utf8) }
}
