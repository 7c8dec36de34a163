import Foundation

/// The morning ledger, `mornings.ledger` (JSON Lines): for every morning up to the last archived one,
/// the archived issues' part of that morning's `MorningAccount`, kept beside the archive so that
/// `history`, the strip and the counts of a week or a month need not parse years of archive.
///
/// Every count of an account is a sum over the morning's issues of each one's fate
/// (`MorningWindow.fate`), and an archived issue is resolved, so its fates are final: the part
/// of the archived issues is counted once, when they leave the hot file (`IssueStore.archive`
/// adds theirs), and a row is that part plus the account of the morning's hot issues, taken at
/// any instant after the last archived help (`validFrom`), the verdict decided again by the one
/// rule (`MorningRow.adding`, `MorningVerdict.decided`). Customers waiting for weeks, or added
/// later with an old date, stay in the hot file and are counted there, never twice.
///
/// It is derived data: written under the store lock with the archive, replaced whole
/// (`AtomicFile`); an issue taken back from the archive is subtracted in the same change
/// (`IssueStore.takeBackMornings`). It is rebuilt from the archive when it is missing, damaged,
/// or was written for other segments (a writer killed between the two) or another schedule
/// (`IssueStore.history(at:notice:)`, `tenboard check`).
///
/// The first line is a header (format, version, the schedule and the segments it was counted
/// for, `validFrom`); each further line one morning, oldest first, every morning from the first
/// archived issue's to the last archived one (`StreakBase.through`) without a gap.
public struct MorningLedger: Sendable, Equatable {
    public static let fileName = "mornings.ledger"
    static let format = "tenboard-morning-ledger"
    static let version = 1

    /// `MorningLedger.fingerprint` of the schedule the parts were counted with.
    public var schedule: JSONValue
    /// What the archive held when the ledger was written (`StoreState.archiveIdentity`): the hot
    /// file's `archive` list and the issues taken back from its segments (`segment#id`). Other
    /// segments or other issues taken back: other issues counted.
    public var segments: [String]
    /// The last help of an archived issue (seconds since 1970): a history at an earlier instant
    /// is counted from the issues themselves.
    public var validFrom: Int
    /// Oldest first, one per morning without a gap.
    public var entries: [Entry]

    public init(schedule: JSONValue, segments: [String], validFrom: Int = 0, entries: [Entry] = []) {
        self.schedule = schedule
        self.segments = segments
        self.validFrom = validFrom
        self.entries = entries
    }

    /// The last morning kept; `nil` when none is.
    public var through: LocalDate? { entries.last?.morning }

    /// The archived issues' part of one morning's account.
    public struct Entry: Sendable, Equatable {
        public var morning: LocalDate
        public var customers = 0
        public var helped = 0
        public var helpedLate = 0
        public var waiting = 0
        public var carriedOver = 0
        public var withdrawn = 0
        /// Customers helped (in time or late) counted in this morning's account and in no other
        /// one, by helper (`HelperCount.name`; "" for an unrecorded helper).
        public var helpers: [String: Int] = [:]
        /// Customers helped that count in more than one morning's account (carried over and
        /// helped late), by id, so that a week or a month counts each once.
        public var sharedHelps: [SharedHelp] = []

        public init(morning: LocalDate) { self.morning = morning }

        /// Both parts of the same morning together.
        mutating func add(_ other: Entry) {
            customers += other.customers
            helped += other.helped
            helpedLate += other.helpedLate
            waiting += other.waiting
            carriedOver += other.carriedOver
            withdrawn += other.withdrawn
            helpers.merge(other.helpers, uniquingKeysWith: +)
            sharedHelps = (sharedHelps + other.sharedHelps).sorted { $0.id < $1.id }
        }

        /// `other` (one issue's part, the issue `id`) taken out again, as `add` put it in;
        /// `false`, and this entry as it was, when it does not hold that part.
        mutating func remove(_ other: Entry, id: String) -> Bool {
            var entry = self
            entry.customers -= other.customers
            entry.helped -= other.helped
            entry.helpedLate -= other.helpedLate
            entry.waiting -= other.waiting
            entry.carriedOver -= other.carriedOver
            entry.withdrawn -= other.withdrawn
            for (name, count) in other.helpers {
                let left = (entry.helpers[name] ?? 0) - count
                guard left >= 0 else { return false }
                entry.helpers[name] = left == 0 ? nil : left
            }
            for help in other.sharedHelps where help.id == id {
                guard let at = entry.sharedHelps.firstIndex(of: help) else { return false }
                entry.sharedHelps.remove(at: at)
            }
            guard [entry.customers, entry.helped, entry.helpedLate, entry.waiting, entry.carriedOver, entry.withdrawn].allSatisfy({ $0 >= 0 })
            else { return false }
            self = entry
            return true
        }
    }

    /// A customer helped in the accounts of several mornings, and by whom.
    public struct SharedHelp: Sendable, Hashable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// What of the schedule a morning's account depends on; a ledger counted with another one is
    /// rebuilt.
    public static func fingerprint(_ schedule: MorningSchedule) -> JSONValue {
        .object([
            "timeZone": .string(schedule.timeZone.identifier),
            "deadline": .string(schedule.deadline.description),
            "cutoff": .string(schedule.cutoff.description),
            "workdays": .array(schedule.workdays.map(\.rawValue).sorted().map(JSONValue.string)),
            "holidays": .array(schedule.holidays.sorted().map { .string($0.description) }),
        ])
    }

    /// Whether the ledger was counted for these segments and this schedule.
    func fits(segments: [String], schedule: MorningSchedule) -> Bool {
        self.segments == segments && self.schedule == Self.fingerprint(schedule)
    }

    /// The ledger with `issues` (resolved, leaving the hot file) counted in: their part of each
    /// morning, every morning up to `through` (the streak base: the last archived morning) or
    /// the last one they count in listed.
    func adding(_ issues: [Issue], through: LocalDate?, schedule: MorningSchedule, from: LocalDate? = nil) -> MorningLedger {
        var parts = schedule.ledgerParts(of: issues)
        if let from { parts = parts.filter { $0.key >= from.dayNumber } }
        for entry in entries { parts[entry.morning.dayNumber, default: MorningLedger.Entry(morning: entry.morning)].add(entry) }
        var ledger = self
        ledger.entries = []
        guard let firstNumber = parts.keys.min() else { return ledger }
        var placer = MorningPlacer(schedule)
        var day = LocalDate(dayNumber: firstNumber)
        let last = max(through ?? LocalDate(dayNumber: firstNumber), LocalDate(dayNumber: parts.keys.max()!))
        while day <= last {
            ledger.entries.append(parts[day.dayNumber] ?? Entry(morning: day))
            day = placer.nextMorning(after: day)
        }
        for issue in issues {
            if let resolved = issue.resolvedAt?.date { ledger.validFrom = max(ledger.validFrom, Int(resolved.timeIntervalSince1970.rounded(.up))) }
            ledger.validFrom = max(ledger.validFrom, Int(issue.receivedAt.date.timeIntervalSince1970.rounded(.up)))
        }
        return ledger
    }

    /// The ledger without one archived issue's part (`MorningSchedule.ledgerParts` of it alone:
    /// the parts of a morning's issues add up, `MorningRow.adding`), for an issue taken back from
    /// the archive: each count of each morning it counted in less its own, its helper's count
    /// less, its shared helps gone. Mornings before `from` are left as they are (the hot file's
    /// recent mornings keep the last ones only). `nil` when the ledger does not hold that part
    /// (it was not counted with this issue): then it must be counted again.
    func subtracting(_ parts: [Int: Entry], id: String, from: LocalDate? = nil) -> MorningLedger? {
        var ledger = self
        var index = 0
        for number in parts.keys.sorted() {
            let day = LocalDate(dayNumber: number)
            if let from, day < from { continue }
            while index < ledger.entries.count, ledger.entries[index].morning < day { index += 1 }
            guard index < ledger.entries.count, ledger.entries[index].morning == day,
                  ledger.entries[index].remove(parts[number]!, id: id) else { return nil }
        }
        return ledger
    }

    /// Who helped how many of the kept (archived) customers of the mornings from `from` through
    /// `through`, each customer once; names as `HelperCount.name` gives them, `nil` unrecorded.
    public func helperCounts(from: LocalDate, through: LocalDate) -> [String?: Int] {
        var counts: [String?: Int] = [:]
        var shared = Set<String>()
        for entry in entries where entry.morning >= from && entry.morning <= through {
            for (name, count) in entry.helpers { counts[name.isEmpty ? nil : name, default: 0] += count }
            for help in entry.sharedHelps where shared.insert(help.id).inserted {
                counts[help.name.isEmpty ? nil : help.name, default: 0] += 1
            }
        }
        return counts
    }

    // MARK: The file

    /// The file's text: the header line, then one line per morning.
    func encoded() -> Data {
        var text = JSONWriter.compact(.object([
            "format": .string(Self.format), "version": .int(Self.version), "schedule": schedule,
            "segments": .array(segments.map(JSONValue.string)), "validFrom": .int(validFrom),
        ])) + "\n"
        for entry in entries { text += JSONWriter.compact(entry.json) + "\n" }
        return Data(text.utf8)
    }

    // MARK: The recent mornings in the hot file

    /// The ledger's last mornings as the hot file keeps them (`StoreState.recentMornings`): one
    /// object, the entries as in the file.
    var recentJSON: JSONValue {
        .object([
            "schedule": schedule, "segments": .array(segments.map(JSONValue.string)), "validFrom": .int(validFrom),
            "entries": .array(entries.map(\.json)),
        ])
    }

    init(recent value: JSONValue) throws(StoreFormatError) {
        try self.init(header: value.adding("format", .string(Self.format)).adding("version", .int(Self.version)))
        guard case .object(let o) = value, case .array(let items)? = o["entries"] else { throw StoreFormatError("'entries' must be an array") }
        for item in items { entries.append(try Entry(json: item)) }
    }

    /// Only the mornings from `day` on.
    func keeping(from day: LocalDate) -> MorningLedger {
        var ledger = self
        ledger.entries.removeAll { $0.morning < day }
        return ledger
    }

    /// The ledger in `data`; errors name `path` and the line.
    static func decode(_ data: Data, path: String) throws(TenBoardError) -> MorningLedger {
        var header: MorningLedger?
        // Apart from the header: appended to a copy of a ledger, the array would be copied whole
        // at every line.
        var entries: [Entry] = []
        try JSONLinesText.forEachLine(in: data) { (line) throws(TenBoardError) in
            if line.isBlank { return }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line.data)
            } catch let error as JSONSyntaxError {
                throw TenBoardError(exitCode: .dataError) { $0.ledgerDamaged(path, $0.badLine(path, line: line.number, column: error.column, error.problem)) }
            } catch {
                throw TenBoardError(exitCode: .dataError) { $0.ledgerDamaged(path, $0.badLine(path, line: line.number, "\(error)")) }
            }
            do throws(StoreFormatError) {
                if header == nil {
                    header = try MorningLedger(header: value)
                } else {
                    entries.append(try Entry(json: value))
                }
            } catch {
                throw TenBoardError(exitCode: .dataError) { $0.ledgerDamaged(path, $0.badLine(path, line: line.number, error.description)) }
            }
        }
        guard var ledger = header else {
            throw TenBoardError(exitCode: .dataError) { $0.ledgerDamaged(path, $0.badLine(path, line: 1, "no header")) }
        }
        ledger.entries = entries
        for (n, (a, b)) in zip(ledger.entries, ledger.entries.dropFirst()).enumerated() where b.morning <= a.morning {
            throw TenBoardError(exitCode: .dataError) { $0.ledgerDamaged(path, $0.badLine(path, line: n + 3, "\(b.morning) after \(a.morning)")) }
        }
        return ledger
    }

    init(header value: JSONValue) throws(StoreFormatError) {
        guard case .object(let o) = value, case .string(Self.format)? = o["format"] else {
            throw StoreFormatError("'format' must be \"\(Self.format)\"")
        }
        guard case .number(let v)? = o["version"], Int(v) == Self.version else {
            throw StoreFormatError("'version' must be \(Self.version)")
        }
        guard let schedule = o["schedule"] else { throw StoreFormatError("'schedule' is missing") }
        guard case .array(let names)? = o["segments"] else { throw StoreFormatError("'segments' must be an array") }
        var segments: [String] = []
        for name in names {
            guard case .string(let s) = name, ArchiveSegment.isValidName(String(s.prefix { $0 != "#" })) else {
                throw StoreFormatError("'segments' must list segment file names like \"2025-01.1.jsonl\"")
            }
            segments.append(s)
        }
        guard case .number(let v)? = o["validFrom"], let validFrom = Int(v) else { throw StoreFormatError("'validFrom' must be a whole number") }
        self.init(schedule: schedule, segments: segments, validFrom: validFrom)
    }
}

extension JSONValue {
    /// This object with `key` set to `value` (other values as they are).
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var o) = self else { return self }
        o[key] = value
        return .object(o)
    }
}

extension MorningLedger.Entry {
    /// One line of the ledger file.
    var json: JSONValue {
        .object([
            "morning": .string(morning.description), "customers": .int(customers), "helped": .int(helped),
            "helpedLate": .int(helpedLate), "waiting": .int(waiting), "carriedOver": .int(carriedOver),
            "withdrawn": .int(withdrawn), "helpers": .object(helpers.mapValues(JSONValue.int)),
            "sharedHelps": .array(sharedHelps.map { .array([.string($0.id), .string($0.name)]) }),
        ])
    }

    init(json value: JSONValue) throws(StoreFormatError) {
        guard case .object(let o) = value else { throw StoreFormatError("expected an object, found \(value.typeName)") }
        func int(_ key: String) throws(StoreFormatError) -> Int {
            guard case .number(let n)? = o[key], let i = StoreState.counter(n) else {
                throw StoreFormatError("'\(key)' must be a whole number from 0 to \(StoreState.numberLimit)")
            }
            return i
        }
        guard case .string(let day)? = o["morning"], let morning = LocalDate(day) else {
            throw StoreFormatError("'morning' must be a date YYYY-MM-DD")
        }
        self.init(morning: morning)
        customers = try int("customers")
        helped = try int("helped")
        helpedLate = try int("helpedLate")
        waiting = try int("waiting")
        carriedOver = try int("carriedOver")
        withdrawn = try int("withdrawn")
        guard case .object(let names)? = o["helpers"] else { throw StoreFormatError("'helpers' must be an object") }
        for (name, count) in names {
            guard case .number(let n) = count, let i = StoreState.counter(n) else {
                throw StoreFormatError("'helpers' must map names to whole numbers")
            }
            helpers[Untrusted.oneLine(name), default: 0] += i
        }
        guard case .array(let items)? = o["sharedHelps"] else { throw StoreFormatError("'sharedHelps' must be an array") }
        for item in items {
            guard case .array(let pair) = item, pair.count == 2, case .string(let id) = pair[0], case .string(let name) = pair[1] else {
                throw StoreFormatError("'sharedHelps' must hold [id, name] pairs")
            }
            sharedHelps.append(MorningLedger.SharedHelp(id: id, name: Untrusted.oneLine(name)))
        }
    }
}

extension MorningSchedule {
    /// The part of each morning's account that `issues` make up (resolved ones: their fates
    /// are final), as recorded: grouped by the history's pass (`group`), each morning's account
    /// of its own group. By day number.
    func ledgerParts(of issues: [Issue]) -> [Int: MorningLedger.Entry] {
        var placer = MorningPlacer(self)
        // The last morning any of them counts in: that of the last help (or receipt).
        let lastEvent = issues.map { max($0.receivedAt.date, $0.resolvedAt?.date ?? $0.receivedAt.date) }.max() ?? Date(timeIntervalSince1970: 0)
        let through = lastMorning(at: lastEvent) ?? localDate(of: lastEvent)
        let (_, groups) = group(issues, at: .distantFuture, last: max(through, placer.morning(forReceived: lastEvent)), placer: &placer)
        var parts: [Int: MorningLedger.Entry] = [:]
        var helps: [Int: [(id: String, name: String)]] = [:]
        var times: [String: Int] = [:]
        for (number, group) in groups {
            let account = account(of: LocalDate(dayNumber: number), issues: group, at: .distantFuture)
            var entry = MorningLedger.Entry(morning: account.morning)
            entry.customers = account.inScope.count
            entry.helped = account.helped.count
            entry.helpedLate = account.helpedLate.count
            entry.waiting = account.waiting.count
            entry.carriedOver = account.carriedOver.count
            entry.withdrawn = account.withdrawn.count
            parts[number] = entry
            helps[number] = (account.helped + account.helpedLate).map { (id: $0.id, name: HelperCount.name(of: $0) ?? "") }
            for help in helps[number]! { times[help.id, default: 0] += 1 }
        }
        for (number, list) in helps {
            for help in list {
                if times[help.id]! > 1 {
                    parts[number]!.sharedHelps.append(MorningLedger.SharedHelp(id: help.id, name: help.name))
                } else {
                    parts[number]!.helpers[help.name, default: 0] += 1
                }
            }
            parts[number]!.sharedHelps.sort { $0.id < $1.id }
        }
        return parts
    }
}

extension MorningSchedule {
    /// Who helped how many customers of the mornings from `from` through `through`, as seen at
    /// `at` (after `kept.validFrom`): the accounts of the hot `issues` (`helpers(from:through:issues:at:)`)
    /// and the archived customers `kept` counts, each customer once (the two never share one).
    public func helpers(from: LocalDate, through: LocalDate, issues: [Issue], kept: MorningLedger?, at: Date) -> [HelperCount] {
        var counts = kept?.helperCounts(from: from, through: through) ?? [:]
        for helper in helpers(from: from, through: through, issues: issues, at: at) { counts[helper.name, default: 0] += helper.count }
        return HelperCount.sorted(counts)
    }
}

extension StoreState {
    /// How far back the hot file keeps the ledger's mornings: the strip's 20 mornings (four
    /// weeks of working days and a few holidays) and the month's helpers (up to 31 days).
    static let recentMorningDays = 62

    /// The ledger's last mornings (`recentMorningDays`), kept in the hot file by the archive step
    /// beside the streak base: what the screens (the strip, the week's helpers) and the morning
    /// report (its chart and rates, the week's and month's helpers) add to the hot issues, so the
    /// hot file need hold only what the next mornings need. `nil` in a store that archived
    /// nothing yet (or whose hot file a tenboard before the ledger wrote).
    ///
    /// Kept under an unknown key for older readers (`extra`), which keep it as it is.
    public var recentMornings: MorningLedger? {
        get { extra["recentMornings"].flatMap { try? MorningLedger(recent: $0) } }
        set { extra["recentMornings"] = newValue?.recentJSON }
    }
}

extension MorningHistory {
    /// `recent(_:schedule:at:)` of the hot issues with the archived part of the mornings the hot
    /// file keeps (`StoreState.recentMornings`): the same strip and rate as from every issue.
    public static func recent(_ issues: [Issue], schedule: MorningSchedule, at: Date, kept: MorningLedger?) -> (strip: [MorningRow], rate: MorningRate) {
        guard let kept, let from = kept.entries.first?.morning else { return recent(issues, schedule: schedule, at: at) }
        let history = schedule.history(of: issues, kept: kept, from: from, at: at, tally: { _ in nil })
        return (history.decided(Words.stripLength), history.metRate(last: Words.recentLength))
    }
}

extension MorningSchedule {
    /// `helpers(in:issues:at:)` with the archived customers of the mornings the hot file keeps.
    public func helpers(in span: DaySpan, issues: [Issue], kept: MorningLedger?, at: Date) -> [HelperCount] {
        helpers(from: span.from, through: min(span.through, localDate(of: at)), issues: issues, kept: kept, at: at)
    }
}
