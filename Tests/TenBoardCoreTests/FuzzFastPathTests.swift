import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The import's fast paths checked against the slow, obvious code on random input: they must give
/// exactly the same answer, byte for byte.
@Suite("Fuzz: fast paths agree with the slow ones")
struct FuzzFastPathTests {
    /// The formatting `Timestamp.rfc3339` had before its byte-buffer fast path.
    static func referenceRFC3339(_ t: Timestamp) -> String {
        let interval = t.date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        var millis = Int(((interval - whole) * 1000).rounded())
        var local = Int(whole) + t.offsetSeconds
        if millis == 1000 { millis = 0; local += 1 }
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        let (y, m, d) = Timestamp.civilFromDays(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let s = String(value)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondsOfDay / 3600, 2)):"
            + "\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2))"
        if millis != 0 { out += "." + pad(millis, 3) }
        if t.offsetSeconds == 0 {
            out += "Z"
        } else {
            let a = abs(t.offsetSeconds)
            out += (t.offsetSeconds < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad(a / 60 % 60, 2)
        }
        return out
    }

    @Test("Timestamp.rfc3339 writes what the reference writes, and reads back")
    func timestamps() {
        var rng = SeededRandom(seed: Fuzz.seed)
        var differ: [String] = []
        let count = 50_000
        for _ in 0..<count {
            // Years 0 to 9999 mostly near now; offsets in whole minutes, sometimes odd seconds.
            let seconds = rng.chance(80) ? Double(1_700_000_000 + rng.below(200_000_000)) : Double(rng.below(315_000_000_000)) - 62_000_000_000
            let fraction = rng.chance(20) ? Double(rng.below(1000)) / 1000 : 0
            let offset = rng.chance(10) ? rng.below(28 * 3600) - 14 * 3600 : (rng.below(57) - 28) * 30 * 60
            let t = Timestamp(Date(timeIntervalSince1970: seconds + fraction), offsetSeconds: offset)
            let fast = t.rfc3339, slow = FuzzFastPathTests.referenceRFC3339(t)
            if fast != slow, differ.count < 5 { differ.append("\(seconds + fraction) \(offset): \(fast) ≠ \(slow)") }
            if offset % 60 == 0, fraction == 0, let back = Timestamp(rfc3339: fast), back != t, differ.count < 5 {
                differ.append("\(fast) reads back as \(back.rfc3339)")
            }
        }
        print("fuzz timestamps: \(count) instants, \(differ.count) differences")
        #expect(differ.isEmpty, "\(differ)")
    }

    @Test("Issue.compactJSON is JSONWriter.compact(issue.json), unknown fields included")
    func compactIssues() {
        var differ: [String] = []
        let (count, _) = Fuzz.run("compact", count: 4000) { rng, n in
            var json = Fuzz.issue(&rng, id: "i\(n)")
            if rng.chance(50), case .object(var o) = json {
                for _ in 0..<rng.below(4) { o[rng.pick(["a", "zz", "Z", "receivedAx", "é", "", "idx", "x-crm", "status2"])] = Fuzz.value(&rng) }
                json = .object(o)
            }
            guard var issue = try? TenBoardCore.Issue(json: json) else { return }
            if rng.chance(10) { issue.extra["id"] = .string("shadowed") } // a known key among the extra ones
            let fast = issue.compactJSON, slow = JSONWriter.compact(issue.json)
            if fast != slow, differ.count < 5 { differ.append("\(fast) ≠ \(slow)") }
        }
        print("fuzz compact issues: \(count) issues, \(differ.count) differences")
        #expect(count > 100)
        #expect(differ.isEmpty, "\(differ)")
    }

    @Test("The hot file's text (StoreState.prettyText) is JSONWriter.pretty(state.json), byte for byte")
    func prettyStates() throws {
        var differ: [String] = []
        var rng = SeededRandom(seed: Fuzz.seed)
        var states = 0
        for round in 0..<40 {
            var state = StoreState()
            state.revision = rng.below(1000)
            state.nextID = 1 + rng.below(1000)
            state.segments = rng.chance(50) ? ["2025-01.1.jsonl", "2025-02.3.jsonl"] : []
            if rng.chance(50) { state.extra["zz-future"] = Fuzz.value(&rng) }
            if rng.chance(30) { state.extra["a"] = .array([.int(1), .object(["k": .string("é\n\u{2028}")])]) }
            for n in 0..<rng.below(round < 3 ? 1 : 60) {
                var json = Fuzz.issue(&rng, id: "p\(round)-\(n)")
                if rng.chance(50), case .object(var o) = json {
                    for _ in 0..<rng.below(4) { o[rng.pick(["a", "zz", "Z", "receivedAx", "é", "", "x-crm", "messages"])] = Fuzz.value(&rng) }
                    json = .object(o)
                }
                guard var issue = try? TenBoardCore.Issue(json: json) else { continue }
                if rng.chance(5) { issue.extra["status"] = .string("shadowed") } // a known key among the extra ones
                state.issues.append(issue)
            }
            let fast = state.prettyText, slow = JSONWriter.pretty(state.json)
            if fast != slow, differ.count < 3 { differ.append("\(fast)\n≠\n\(slow)") }
            // And it reads back as the same state.
            let back = try StoreState(json: try JSONParser.parse(Data(fast.utf8)))
            if back.issues.count != state.issues.count || back.revision != state.revision, differ.count < 3 { differ.append("round \(round) reads back otherwise") }
            states += 1
        }
        print("fuzz pretty states: \(states) states, \(differ.count) differences")
        #expect(states == 40)
        #expect(differ.isEmpty, "\(differ)")
    }

    @Test("archivableTest(horizon:) answers as isArchivable, across zones, schedules, holidays and DST")
    func archivable() throws {
        let zones = ["Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "UTC", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo"]
        var rng = SeededRandom(seed: Fuzz.seed)
        var differ: [String] = []
        var checked = 0, archivable = 0
        for _ in 0..<150 {
            var workdays = Set(Weekday.allCases.filter { _ in rng.chance(60) })
            if workdays.isEmpty { workdays = [.mon] }
            let horizon = LocalDate(dayNumber: LocalDate(year: 2026, month: 1, day: 1).dayNumber + rng.below(730) - 365)
            var holidays = Set<LocalDate>()
            for _ in 0..<rng.below(6) { holidays.insert(horizon.adding(days: rng.below(20) - 15)) }
            let schedule = MorningSchedule(
                timeZone: TimeZone(identifier: rng.pick(zones))!,
                deadline: ClockTime(hour: 10, minute: 0),
                cutoff: ClockTime(hour: rng.pick([0, 1, 2, 3, 8, 12, 23]), minute: rng.pick([0, 30, 59])),
                workdays: workdays, holidays: holidays)
            let store = IssueStore(directory: URL(fileURLWithPath: "/nonexistent"), schedule: schedule)
            let test = store.archivableTest(horizon: horizon)
            let base = schedule.instant(of: ClockTime(hour: 12, minute: 0), on: horizon).timeIntervalSince1970
            for _ in 0..<60 {
                // Around the horizon, where the answer changes; now and then exactly on a cut-off.
                var received = base + Double(rng.below(30 * 86_400)) - 20 * 86_400
                if rng.chance(15) {
                    let day = horizon.adding(days: -rng.below(10))
                    received = schedule.cutoff(of: day).timeIntervalSince1970 + Double(rng.below(3) - 1)
                }
                let resolved = rng.chance(50) ? received + Double(rng.below(3 * 86_400))
                    : base + Double(rng.below(4 * 86_400)) - 2 * 86_400 - 12 * 3600
                let issue = TenBoardCore.Issue(
                    id: "x", customer: "c", summary: "s",
                    receivedAt: Timestamp(Date(timeIntervalSince1970: received), in: schedule.timeZone),
                    status: rng.chance(85) ? .resolved : .open,
                    resolvedAt: Timestamp(Date(timeIntervalSince1970: resolved), in: schedule.timeZone))
                let fast = test(issue), slow = store.isArchivable(issue, horizon: horizon)
                checked += 1
                if slow { archivable += 1 }
                if fast != slow, differ.count < 5 {
                    differ.append("\(schedule.timeZone.identifier) cutoff \(schedule.cutoff) workdays \(workdays.map(\.rawValue).sorted()) horizon \(horizon): received \(issue.receivedAt) resolved \(issue.resolvedAt!): fast \(fast), slow \(slow)")
                }
            }
        }
        print("fuzz archivable: \(checked) issues under 150 schedules (\(archivable) archivable), \(differ.count) differences")
        #expect(archivable > 0 && archivable < checked)
        #expect(differ.isEmpty, "\(differ)")
    }
}
