import Foundation

/// What kind of contact a customer made.
public enum IssueKind: String, Sendable, CaseIterable, Codable {
    case question, problem, complaint, bug
}

/// Whether a customer still waits.
public enum IssueStatus: String, Sendable, CaseIterable, Codable {
    case open, resolved
    /// Not a customer's request after all (a duplicate, spam…): kept in history, in no count.
    case withdrawn
}

/// One customer who asked for help: the record of the JSON interchange format (`docs/issue.schema.json`).
public struct Issue: Sendable, Equatable {
    /// Unique in the store; short and sequential when tenboard assigns it.
    public var id: String
    public var customer: String
    public var summary: String
    public var kind: IssueKind
    public var receivedAt: Timestamp
    public var status: IssueStatus
    public var assignee: String?
    public var resolvedAt: Timestamp?
    /// Who helped the customer (credited on the wall and in the report).
    public var resolvedBy: String?
    /// Who recorded the resolution, when not the person who helped.
    public var recordedBy: String?
    /// When the issue was withdrawn (`status` withdrawn).
    public var withdrawnAt: Timestamp?
    /// Why it was withdrawn.
    public var withdrawnReason: String?
    /// The action point recorded on resolve, so the problem does not come back.
    public var action: String?
    /// True when the customer is another department.
    public var isInternal: Bool
    /// How it came in: phone, mail, web…
    public var channel: String?
    /// Fields tenboard does not know, kept as they came so that import → export loses nothing.
    public var extra: [String: JSONValue]

    public init(
        id: String, customer: String, summary: String, kind: IssueKind = .question,
        receivedAt: Timestamp, status: IssueStatus = .open, assignee: String? = nil,
        resolvedAt: Timestamp? = nil, resolvedBy: String? = nil, action: String? = nil,
        isInternal: Bool = false, channel: String? = nil, extra: [String: JSONValue] = [:],
        recordedBy: String? = nil, withdrawnAt: Timestamp? = nil, withdrawnReason: String? = nil
    ) {
        self.id = id
        self.customer = customer
        self.summary = summary
        self.kind = kind
        self.receivedAt = receivedAt
        self.status = status
        self.assignee = assignee
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.recordedBy = recordedBy
        self.withdrawnAt = withdrawnAt
        self.withdrawnReason = withdrawnReason
        self.action = action
        self.isInternal = isInternal
        self.channel = channel
        self.extra = extra
    }

    public var isOpen: Bool { status == .open }

    /// The issue as it stood at `instant` (`list --at`): `nil` when it had not come in yet; open,
    /// without who helped it and when, when it was helped after `instant`. A withdrawn issue stays
    /// withdrawn: it was never a customer's request and leaves every count at every instant, as
    /// in the morning's account. (A reopen leaves no trace, so an issue helped, reopened and open
    /// again reads as open.)
    public func asAt(_ instant: Date) -> Issue? {
        guard receivedAt.date <= instant else { return nil }
        guard status == .resolved, let resolved = resolvedAt?.date, resolved > instant else { return self }
        var issue = self
        issue.status = .open
        issue.resolvedAt = nil
        issue.resolvedBy = nil
        issue.recordedBy = nil
        return issue
    }

    /// When a closed issue was closed: helped (`resolvedAt`), or withdrawn (`withdrawnAt`; at its
    /// receipt when a withdrawal carries no date). Nothing of its part in any morning changes
    /// after it. `nil` while open.
    public var closedAt: Date? {
        switch status {
        case .open: nil
        case .resolved: resolvedAt?.date
        case .withdrawn: (withdrawnAt ?? receivedAt).date
        }
    }

    /// The field names of the format, in the order the documentation lists them.
    public static let knownFields: [String] = [
        "id", "customer", "summary", "kind", "receivedAt", "status", "assignee",
        "resolvedAt", "resolvedBy", "recordedBy", "action", "internal", "channel", "withdrawnAt",
        "withdrawnReason",
    ]
}

/// A field of an issue that does not fit the format: which field, and what is wrong with it.
/// The words are the catalogue's (`Words.fieldProblem(_:)`); `description` is the English ones,
/// for the store's own damage reports.
public struct IssueFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's name as the record has it; `nil` when the record as a whole is wrong.
    public var field: String?
    public var problem: FieldProblem

    public init(field: String?, problem: FieldProblem) {
        self.field = field
        self.problem = problem
    }

    public var description: String { Words(.en).fieldProblem(self) }
}

extension Issue {
    /// Whether `text` names a customer: not empty and not only blanks and line breaks. The one
    /// rule for a customer's name, wherever one comes in (a record, `add --customer`, `set`).
    public static func isName(_ text: String) -> Bool {
        // A printable ASCII character means there is a name; otherwise trim to be sure.
        text.utf8.contains { $0 > 0x20 && $0 < 0x7F } || !text.trimmingBlanksAndNewlines().isEmpty
    }
}

/// What is wrong with a field of a record. Values from the record are kept as they came and
/// quoted (`Untrusted.quoted`) only where they are put into words.
public enum FieldProblem: Sendable, Equatable {
    /// The record is not a JSON object.
    case notAnObject(found: JSONType)
    case missing
    /// Neither a string nor absent.
    case notAString(found: JSONType)
    /// Neither true, false nor absent.
    case notTrueOrFalse(found: JSONType)
    /// The text is not an RFC 3339 time with an offset.
    case notATime(String)
    /// The text is not one of the `allowed` words.
    case notOneOf(String, allowed: [String])
    /// An id that is empty, too long, or holds spaces or control characters.
    case badID
    /// An id given by the record holds an invisible or direction-changing character.
    case idHasHiddenCharacters
    /// An id of digits at or above `limit`.
    case idNumberTooLarge(limit: Int)
    case empty
    /// `resolvedAt` absent on a resolved issue.
    case missingWhenResolved
    /// `resolvedAt` before `receivedAt` (both RFC 3339).
    case resolvedBeforeReceived(resolved: String, received: String)
    /// More than `years` after `receivedAt` (`Issue.longestWaitYears`).
    case waitTooLong(years: Int)
    case nestedTooDeep(limit: Int)
}

/// The kind of a JSON value, for "expected a string, found a number".
public enum JSONType: Sendable, Equatable {
    case null, bool, number, string, array, object

    public init(of value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .number: self = .number
        case .string: self = .string
        case .array: self = .array
        case .object: self = .object
        }
    }
}

extension Issue {
    /// Reads an issue from a JSON object, checking every field.
    ///
    /// - Parameters:
    ///   - json: the object.
    ///   - defaultID: the id to use when the object has none; `nil` makes `id` required.
    ///   - now: `receivedAt` when the object has none; `nil` makes `receivedAt` required.
    /// - Throws: `IssueFieldError` naming the first field that is wrong.
    public init(json: JSONValue, defaultID: String? = nil, now: Timestamp? = nil) throws(IssueFieldError) {
        guard case .object(var fields) = json else {
            throw IssueFieldError(field: nil, problem: .notAnObject(found: JSONType(of: json)))
        }
        func string(_ key: String) throws(IssueFieldError) -> String? {
            switch fields.removeValue(forKey: key) {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case let other?: throw IssueFieldError(field: key, problem: .notAString(found: JSONType(of: other)))
            }
        }
        func time(_ key: String) throws(IssueFieldError) -> Timestamp? {
            guard let text = try string(key) else { return nil }
            guard let t = Timestamp(rfc3339: text) else {
                throw IssueFieldError(field: key, problem: .notATime(text))
            }
            return t
        }
        func oneOf<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) throws(IssueFieldError) -> E? where E.RawValue == String {
            guard let text = try string(key) else { return nil }
            guard let value = E(rawValue: text) else {
                throw IssueFieldError(field: key, problem: .notOneOf(text, allowed: E.allCases.map(\.rawValue)))
            }
            return value
        }
        let explicitID = try string("id")
        guard let id = explicitID ?? defaultID else { throw IssueFieldError(field: "id", problem: .missing) }
        // Printable ASCII (what tenboard hands out) is valid at a glance; anything else is looked at closely.
        let plainID = !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard plainID || (!id.isEmpty && id.allSatisfy({ !$0.isWhitespace && !$0.isNewline }) && id.count <= 64
              && !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }))
        else {
            throw IssueFieldError(field: "id", problem: .badID)
        }
        guard let customer = try string("customer") else { throw IssueFieldError(field: "customer", problem: .missing) }
        guard Issue.isName(customer) else { throw IssueFieldError(field: "customer", problem: .empty) }
        guard let summary = try string("summary") else { throw IssueFieldError(field: "summary", problem: .missing) }
        let kind = try oneOf("kind", IssueKind.self) ?? .question
        guard let receivedAt = try time("receivedAt") ?? now else {
            throw IssueFieldError(field: "receivedAt", problem: .missing)
        }
        let status = try oneOf("status", IssueStatus.self) ?? .open
        let assignee = try string("assignee")
        let resolvedAt = try time("resolvedAt")
        let resolvedBy = try string("resolvedBy")
        let recordedBy = try string("recordedBy")
        let withdrawnAt = try time("withdrawnAt")
        let withdrawnReason = try string("withdrawnReason")
        let action = try string("action")
        var isInternal = false
        switch fields.removeValue(forKey: "internal") {
        case nil, .null?: break
        case .bool(let b)?: isInternal = b
        case let other?: throw IssueFieldError(field: "internal", problem: .notTrueOrFalse(found: JSONType(of: other)))
        }
        let channel = try string("channel")
        if status == .resolved, resolvedAt == nil {
            throw IssueFieldError(field: "resolvedAt", problem: .missingWhenResolved)
        }
        // The store nests issues inside its own objects (and the parser stops at 512 levels): a
        // field nested deeper than this would be accepted now and make the store unreadable later.
        for (key, value) in fields where !Issue.nestsWithin(value, levels: Issue.maxExtraDepth) {
            throw IssueFieldError(field: key, problem: .nestedTooDeep(limit: Issue.maxExtraDepth))
        }
        self.init(
            id: id, customer: customer, summary: summary, kind: kind, receivedAt: receivedAt,
            status: status, assignee: assignee, resolvedAt: status == .resolved ? resolvedAt : nil,
            resolvedBy: status == .resolved ? resolvedBy : nil, action: action,
            isInternal: isInternal, channel: channel, extra: fields,
            recordedBy: status == .resolved ? recordedBy : nil,
            withdrawnAt: status == .withdrawn ? withdrawnAt : nil,
            withdrawnReason: status == .withdrawn ? withdrawnReason : nil
        )
    }

    /// The issue as a JSON object: known fields (absent optionals left out) plus the kept unknown ones.
    public var json: JSONValue {
        var o = extra
        o["id"] = .string(id)
        o["customer"] = .string(customer)
        o["summary"] = .string(summary)
        o["kind"] = .string(kind.rawValue)
        o["receivedAt"] = .string(receivedAt.rfc3339)
        o["status"] = .string(status.rawValue)
        o["assignee"] = assignee.map(JSONValue.string) ?? .null
        if let resolvedAt { o["resolvedAt"] = .string(resolvedAt.rfc3339) }
        if let resolvedBy { o["resolvedBy"] = .string(resolvedBy) }
        if let recordedBy { o["recordedBy"] = .string(recordedBy) }
        if let withdrawnAt { o["withdrawnAt"] = .string(withdrawnAt.rfc3339) }
        if let withdrawnReason { o["withdrawnReason"] = .string(withdrawnReason) }
        if let action { o["action"] = .string(action) }
        o["internal"] = .bool(isInternal)
        if let channel { o["channel"] = .string(channel) }
        return .object(o)
    }
}

extension Issue {
    /// The fields of `json` in the order `JSONWriter` writes them (sorted keys).
    static let sortedKnownFields = knownFields.sorted()

    /// `JSONWriter.compact(json)`, written straight from the fields: the same text, without a
    /// dictionary built and its keys sorted for every issue of an archive being written.
    public var compactJSON: String {
        var out = ""
        writeCompactJSON(into: &out)
        return out
    }

    /// Appends `compactJSON` to `out` (an archive segment is written in one string).
    func writeCompactJSON(into out: inout String) {
        writeJSON(into: &out, indent: nil)
    }

    /// Appends `JSONWriter.write(json, into: &out, indent: indent)` to `out`, written straight
    /// from the fields: compact (`nil`) for archive segments, indented for the hot file.
    func writeJSON(into out: inout String, indent: Int?) {
        if !extra.isEmpty, extra.keys.contains(where: { Issue.knownFieldSet.contains($0) }) {
            JSONWriter.write(json, into: &out, indent: indent)
            return
        }
        let extraKeys = extra.isEmpty ? [] : extra.keys.sorted()
        out += "{"
        var first = true
        let inner = indent.map { $0 + 1 }
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            JSONWriter.newline(inner, into: &out)
            JSONWriter.writeString(name, into: &out)
            out += indent == nil ? ":" : ": "
        }
        var e = 0
        func extrasBefore(_ name: String?) {
            while e < extraKeys.count, name.map({ extraKeys[e] < $0 }) ?? true {
                key(extraKeys[e])
                JSONWriter.write(extra[extraKeys[e]]!, into: &out, indent: inner)
                e += 1
            }
        }
        for name in Issue.sortedKnownFields {
            let text: String?
            var raw: String?
            switch name {
            case "action": text = action
            case "assignee": text = assignee; if assignee == nil { raw = "null" }
            case "channel": text = channel
            case "customer": text = customer
            case "id": text = id
            case "internal": text = nil; raw = isInternal ? "true" : "false"
            case "kind": text = kind.rawValue
            case "receivedAt": text = receivedAt.rfc3339
            case "resolvedAt": text = resolvedAt?.rfc3339
            case "resolvedBy": text = resolvedBy
            case "recordedBy": text = recordedBy
            case "status": text = status.rawValue
            case "withdrawnAt": text = withdrawnAt?.rfc3339
            case "withdrawnReason": text = withdrawnReason
            default: text = summary
            }
            guard text != nil || raw != nil else { continue }
            extrasBefore(name)
            key(name)
            if let text { JSONWriter.writeString(text, into: &out) } else { out += raw! }
        }
        extrasBefore(nil)
        JSONWriter.newline(indent, into: &out)
        out += "}"
    }

    static let knownFieldSet = Set(knownFields)

    /// How deeply arrays and objects may nest inside a field tenboard does not know.
    public static let maxExtraDepth = 64

    static func nestsWithin(_ value: JSONValue, levels: Int) -> Bool {
        switch value {
        case .array(let items): return levels > 0 && items.allSatisfy { nestsWithin($0, levels: levels - 1) }
        case .object(let fields): return levels > 0 && fields.values.allSatisfy { nestsWithin($0, levels: levels - 1) }
        default: return true
        }
    }
}
