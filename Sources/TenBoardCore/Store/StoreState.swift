import Foundation

/// What the store's hot file holds: the open issues, recently resolved ones, and the little
/// bookkeeping every command needs. Resolved history older than a few weeks lives in archive
/// segments (`ArchiveSegment`), which only export, import and history reports read.
public struct StoreState: Sendable, Equatable {
    /// Format version of the hot file; a newer one is refused rather than misread. A hot file
    /// that names a settled file (`settled`) is version 2, so that a tenboard from before the
    /// settled file refuses it instead of missing its issues (the same for issues taken back from
    /// a segment, `takenBack`); one with neither stays version 1.
    public static let formatVersion = 2

    /// Goes up by one with every change; lets a reader tell that something changed.
    public var revision: Int
    /// The day the store was created: mornings before it do not count for the streak.
    public var createdAt: LocalDate?
    /// The next number tenboard hands out as an id.
    public var nextID: Int
    /// Open issues and the closed ones of the last mornings (`IssueStore.archiveAfterMornings`),
    /// oldest first: those of the hot file and those of its settled file together, as every
    /// reader sees them, unless this state was read for a change that needs only the hot file's
    /// (`isHotOnly`).
    public var issues: [Issue]
    /// The settled file the hot file names (`SettledFile`): the closed customers of the mornings
    /// before today that are not archived yet, written once a day rather than by every change.
    public var settled: SettledFile.Reference?
    /// What the settled file holds, when it was read (`issues` holds them too); `nil` when there
    /// is no settled file, or when this state was read without it (`isHotOnly`).
    var settledIssues: [Issue]?
    /// Tally marks per day without a name: what stores written before marks had names kept
    /// (read as marks of nobody in particular; nothing adds to it any more). See `TallyBook`.
    public var tally: [LocalDate: Int]
    /// The tally game's marks by person (who said "klant", who drew it, when), oldest first.
    public var tallyMarks: [TallyMark]
    /// Customers' praise of colleagues, oldest first.
    public var praise: [Praise]
    /// The streak as it stood at the last archived morning.
    public var streakBase: StreakBase?
    /// Archive segment files (in `archive/`) that belong to the store; others are leftovers.
    public var segments: [String]
    /// Issues taken back from a segment into the hot file (`IssueStore.unarchive`), by segment:
    /// the segment keeps their lines, which every reader of it leaves out
    /// (`IssueStore.OpenSegment.takenBack`), until the next archiving of that month writes it
    /// anew without them. A reopen of an old issue then writes the hot file, not a month of
    /// history.
    public var takenBack: [String: [String]] = [:]
    /// Top-level keys this version does not know, kept as they are.
    public var extra: [String: JSONValue]

    public init(
        revision: Int = 0, createdAt: LocalDate? = nil, nextID: Int = 1, issues: [Issue] = [],
        tally: [LocalDate: Int] = [:], streakBase: StreakBase? = nil, segments: [String] = [],
        extra: [String: JSONValue] = [:], tallyMarks: [TallyMark] = [], praise: [Praise] = []
    ) {
        self.revision = revision
        self.createdAt = createdAt
        self.nextID = nextID
        self.issues = issues
        self.tally = tally
        self.tallyMarks = tallyMarks
        self.praise = praise
        self.streakBase = streakBase
        self.segments = segments
        self.extra = extra
    }

    /// Open issues, oldest first.
    public var openIssues: [Issue] { issues.filter(\.isOpen) }

    /// What the archive holds, as the morning ledger records what it counted: the segments,
    /// and each issue taken back from one as `segment#id` (`MorningLedger.segments`).
    var archiveIdentity: [String] {
        segments + takenBack.keys.sorted().flatMap { name in takenBack[name]!.sorted().map { "\(name)#\($0)" } }
    }

    /// Whether `issues` holds only the hot file's issues: the state was read for a change that
    /// does not need the settled file's (`IssueStore.update(at:reusing:hotOnly:_:)`).
    var isHotOnly: Bool { settled != nil && settledIssues == nil }

    /// The index of the issue with `id` in `issues`.
    public func index(of id: String) -> Int? { issues.firstIndex { $0.id == id } }
}

/// The store as read at one revision: a value, so changing a snapshot changes nothing on disk
/// (changes go through `IssueStore`'s locked read-modify-write).
public typealias StoreSnapshot = StoreState

extension StoreState {
    /// Reads the hot file's JSON; errors name the field, for a message that names the file too.
    init(json: JSONValue) throws(StoreFormatError) {
        guard case .object(var o) = json else { throw StoreFormatError("expected an object at the top, found \(json.typeName)") }
        guard case .string("tenboard-store")? = o.removeValue(forKey: "format") else {
            throw StoreFormatError("'format' must be \"tenboard-store\": this is not a tenboard store file")
        }
        guard case .number(let v)? = o.removeValue(forKey: "version"), let version = Int(v) else {
            throw StoreFormatError("'version' is missing or not a whole number")
        }
        guard (1...StoreState.formatVersion).contains(version) else {
            throw StoreFormatError("format version \(version) is not the one this tenboard reads (\(StoreState.formatVersion)); use a matching tenboard")
        }
        func int(_ key: String, default value: Int) throws(StoreFormatError) -> Int {
            switch o.removeValue(forKey: key) {
            case nil: return value
            case .number(let n)?:
                guard let i = StoreState.counter(n) else {
                    throw StoreFormatError("'\(key)' must be a whole number from 0 to \(StoreState.numberLimit), found \(Untrusted.quoted(n))")
                }
                return i
            case let other?: throw StoreFormatError("'\(key)' must be a number, found \(other.typeName)")
            }
        }
        func date(_ text: JSONValue?, _ key: String) throws(StoreFormatError) -> LocalDate? {
            switch text {
            case nil, .null?: return nil
            case .string(let s)?:
                guard let d = LocalDate(s) else { throw StoreFormatError("'\(key)': '\(Untrusted.quoted(s))' is not a date YYYY-MM-DD") }
                return d
            case let other?: throw StoreFormatError("'\(key)' must be a date string, found \(other.typeName)")
            }
        }
        revision = try int("revision", default: 0)
        nextID = try int("nextId", default: 1)
        createdAt = try date(o.removeValue(forKey: "createdAt"), "createdAt")
        switch o.removeValue(forKey: "issues") {
        case nil: issues = []
        case .array(let items)?:
            var seen = Set<String>()
            issues = []
            issues.reserveCapacity(items.count)
            for (n, item) in items.enumerated() {
                let issue: Issue
                do { issue = try Issue(json: item) } catch {
                    throw StoreFormatError("issues[\(n)]\(Self.idHint(item)): \(error)")
                }
                guard seen.insert(issue.id).inserted else {
                    throw StoreFormatError("issues[\(n)]: the id '\(Untrusted.quoted(issue.id))' is used twice")
                }
                issues.append(issue)
            }
        case let other?: throw StoreFormatError("'issues' must be an array, found \(other.typeName)")
        }
        tally = [:]
        switch o.removeValue(forKey: "tally") {
        case nil, .null?: break
        case .object(let days)?:
            for (key, value) in days {
                guard let day = LocalDate(key) else { throw StoreFormatError("tally: '\(Untrusted.quoted(key))' is not a date YYYY-MM-DD") }
                guard case .number(let n) = value, let count = StoreState.counter(n) else {
                    throw StoreFormatError("tally.\(key) must be a whole number from 0 to \(StoreState.numberLimit)")
                }
                tally[day] = count
            }
        case let other?: throw StoreFormatError("'tally' must be an object, found \(other.typeName)")
        }
        tallyMarks = try Self.list(o.removeValue(forKey: "tallyMarks"), "tallyMarks", TallyMark.init(json:))
        praise = try Self.list(o.removeValue(forKey: "praise"), "praise", Praise.init(json:))
        streakBase = nil
        switch o.removeValue(forKey: "streakBase") {
        case nil, .null?: break
        case .object(let base)?:
            guard let through = try date(base["through"], "streakBase.through"),
                  case .number(let n)? = base["count"], let count = StoreState.counter(n)
            else { throw StoreFormatError("'streakBase' needs 'through' (a date) and 'count' (a whole number from 0 to \(StoreState.numberLimit))") }
            streakBase = StreakBase(through: through, count: count)
        case let other?: throw StoreFormatError("'streakBase' must be an object, found \(other.typeName)")
        }
        segments = []
        switch o.removeValue(forKey: "archive") {
        case nil, .null?: break
        case .array(let names)?:
            // One segment a month (each archiving of a month replaces its segment): a month named
            // twice would be read twice, and exported twice.
            var months: [String: String] = [:]
            for name in names {
                guard case .string(let s) = name, let month = ArchiveSegment.parse(name: s)?.month else {
                    throw StoreFormatError("'archive' must list segment file names like \"2025-01.1.jsonl\"")
                }
                if let other = months.updateValue(s, forKey: month) {
                    throw StoreFormatError(other == s ? "'archive' names \(s) twice"
                        : "'archive' names \(other) and \(s): two segments of \(month), where it names one a month")
                }
                segments.append(s)
            }
        case let other?: throw StoreFormatError("'archive' must be an array, found \(other.typeName)")
        }
        settled = nil
        settledIssues = nil
        switch o.removeValue(forKey: "settled") {
        case nil, .null?: break
        case .object(let ref)?:
            guard case .string(let file)? = ref["file"], SettledFile.isValidName(file),
                  let horizon = try date(ref["horizon"], "settled.horizon")
            else { throw StoreFormatError("'settled' needs 'file' (a name like \"settled.3.jsonl\") and 'horizon' (a date)") }
            settled = SettledFile.Reference(file: file, horizon: horizon)
        case let other?: throw StoreFormatError("'settled' must be an object, found \(other.typeName)")
        }
        takenBack = [:]
        switch o.removeValue(forKey: "takenBack") {
        case nil, .null?: break
        case .object(let bySegment)?:
            for (name, value) in bySegment {
                guard segments.contains(name), case .array(let items) = value, !items.isEmpty else {
                    throw StoreFormatError("'takenBack' must map segments of 'archive' to lists of ids")
                }
                var ids: [String] = []
                var seen = Set<String>() // a list may be long: a reopen of each of a month's issues
                ids.reserveCapacity(items.count)
                seen.reserveCapacity(items.count)
                for item in items {
                    guard case .string(let id) = item, seen.insert(id).inserted else {
                        throw StoreFormatError("'takenBack.\(name)' must list different ids")
                    }
                    ids.append(id)
                }
                takenBack[name] = ids
            }
        case let other?: throw StoreFormatError("'takenBack' must be an object, found \(other.typeName)")
        }
        extra = o
    }

    var json: JSONValue {
        var o = fieldsBesideIssues
        o["issues"] = .array(issues.map(\.json))
        return .object(o)
    }

    /// The issues the hot file holds: all of `issues` but those of the settled file.
    var hotIssues: [Issue] {
        guard let settledIssues, !settledIssues.isEmpty else { return issues }
        let settledIDs = Set(settledIssues.map(\.id))
        return issues.filter { !settledIDs.contains($0.id) }
    }

    /// `JSONWriter.pretty(json)`, with each issue written straight from its fields
    /// (`Issue.writeJSON`): the same text, without a dictionary built and sorted for every issue
    /// on every change.
    var prettyText: String {
        var o = fieldsBesideIssues
        o["issues"] = .null // its place among the sorted keys
        var out = ""
        out.reserveCapacity(issues.count * 420 + 8192)
        out += "{"
        for (i, key) in o.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            JSONWriter.newline(1, into: &out)
            JSONWriter.writeString(key, into: &out)
            out += ": "
            guard key == "issues" else {
                JSONWriter.write(o[key]!, into: &out, indent: 1)
                continue
            }
            if issues.isEmpty {
                out += "[]"
                continue
            }
            out += "["
            for (n, issue) in issues.enumerated() {
                if n > 0 { out += "," }
                JSONWriter.newline(2, into: &out)
                issue.writeJSON(into: &out, indent: 2)
            }
            JSONWriter.newline(1, into: &out)
            out += "]"
        }
        JSONWriter.newline(0, into: &out)
        out += "}"
        return out
    }

    /// Every key of the hot file but `issues`.
    private var fieldsBesideIssues: [String: JSONValue] {
        var o = extra
        o["format"] = .string("tenboard-store")
        o["version"] = .int(settled == nil && takenBack.isEmpty ? 1 : StoreState.formatVersion)
        o["revision"] = .int(revision)
        o["nextId"] = .int(nextID)
        if let createdAt { o["createdAt"] = .string(createdAt.description) }
        o["tally"] = .object(Dictionary(uniqueKeysWithValues: tally.map { ($0.key.description, JSONValue.int($0.value)) }))
        o["tallyMarks"] = .array(tallyMarks.map(\.json))
        o["praise"] = .array(praise.map(\.json))
        if let streakBase {
            o["streakBase"] = .object(["through": .string(streakBase.through.description), "count": .int(streakBase.count)])
        }
        o["archive"] = .array(segments.map(JSONValue.string))
        if !takenBack.isEmpty {
            o["takenBack"] = .object(takenBack.mapValues { .array($0.map(JSONValue.string)) })
        }
        if let settled {
            o["settled"] = .object(["file": .string(settled.file), "horizon": .string(settled.horizon.description)])
        }
        return o
    }

    /// An optional array of records, each read by `read`; errors name the key and the index.
    static func list<T>(
        _ value: JSONValue?, _ key: String, _ read: (JSONValue) throws(StoreFormatError) -> T
    ) throws(StoreFormatError) -> [T] {
        switch value {
        case nil, .null?: return []
        case .array(let items)?:
            var out: [T] = []
            for (n, item) in items.enumerated() {
                do { out.append(try read(item)) } catch { throw StoreFormatError("\(key)[\(n)]: \(error)") }
            }
            return out
        case let other?: throw StoreFormatError("'\(key)' must be an array, found \(other.typeName)")
        }
    }

    static func idHint(_ item: JSONValue) -> String {
        if case .object(let o) = item, case .string(let id)? = o["id"] { return " (id \(Untrusted.quoted(id)))" }
        return ""
    }

    /// A counter's value from its JSON number text: a whole number from 0 to `numberLimit`.
    static func counter(_ text: String) -> Int? {
        guard let i = Int(text), i >= 0, i <= numberLimit else { return nil }
        return i
    }
}

/// A hot file or segment that does not fit the format; `IssueStore` adds the file name.
struct StoreFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
