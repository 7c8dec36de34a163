import Foundation
@testable import TenBoardCore
import TenBoardTestSupport

/// Inputs for the fuzz tests: valid documents, made at random, then damaged at random.
enum Fuzz {
    /// Multiplies every test's fixed input count (TENBOARD_FUZZ_FACTOR, default 1), for a
    /// longer run by hand; CI runs the default, so every run checks the same inputs.
    static let factor: Int = max(1, Int(ProcessInfo.processInfo.environment["TENBOARD_FUZZ_FACTOR"] ?? "") ?? 1)
    /// The run's seed (TENBOARD_FUZZ_SEED), printed so a failure can be repeated.
    static let seed: UInt64 = UInt64(ProcessInfo.processInfo.environment["TENBOARD_FUZZ_SEED"] ?? "") ?? 0x7E4B_0A2D

    /// Runs `body` on `count` inputs (times `factor`), not for a time budget: the same seed
    /// checks the same cases on every machine, however busy. Input n gets its own generator,
    /// seeded from the run's seed and n.
    static func run(_ name: String, count: Int, _ body: (inout SeededRandom, Int) throws -> Void) rethrows -> (count: Int, seconds: Double) {
        let start = Date()
        var n = 0
        while n < count * factor {
            let salt = name.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
            var rng = SeededRandom(seed: (seed ^ salt) &+ UInt64(n) &* 0x2545_F491_4F6C_DD1D)
            try body(&rng, n)
            n += 1
        }
        return (n, Date().timeIntervalSince(start))
    }

    // MARK: Valid JSON

    static let numbers = [
        "0", "-0", "1", "-1", "42", "3.25", "-0.5", "1e3", "1E-7", "2.5e+10", "9007199254740993",
        "123456789012345678901234567890123456789", "1e999999", "-1e-999999", "0.000000000000000000000001",
        "88123", "18446744073709551616", "-9223372036854775809",
    ]
    static let words = [
        "", "a", "Bakkerij de Vries", "Müller GmbH", "Ørsted", "李小龙", "Café 't Hoekje", "😀👍🏽", "e\u{301}",
        "שלום", "tab\there", "new\nline", "quote\"back\\slash", "\u{0}\u{1f}\u{7f}", "\u{1b}[31mred", " ", "\u{FEFF}bom",
        String(repeating: "x", count: 300), "2026-11-23T17:45:00+01:00", "open", "resolved", "question", "bug",
    ]
    static let keys = Issue.knownFields + [
        "x-crm", "crmTicket", "", "é", "issues", "format", "version", "revision", "nextId", "archive", "tally", "streakBase",
        "createdAt", "through", "count", "__proto__", "ID", "tallyMarks", "praise", "who", "by", "day", "recordedBy",
    ]

    static func value(_ rng: inout SeededRandom, depth: Int = 0) -> JSONValue {
        switch rng.below(depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(rng.chance(50))
        case 2: return .number(rng.chance(70) ? rng.pick(numbers) : String(rng.below(1_000_000) - 500_000))
        case 3: return .string(rng.pick(words))
        case 4: return .array((0..<rng.below(5)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var o: [String: JSONValue] = [:]
            for _ in 0..<rng.below(6) { o[rng.pick(keys)] = value(&rng, depth: depth + 1) }
            return .object(o)
        }
    }

    static func timestamp(_ rng: inout SeededRandom) -> String {
        let offsets = ["+01:00", "+02:00", "Z", "-05:30", "+00:00"]
        return String(format: "20%02d-%02d-%02dT%02d:%02d:%02d", 20 + rng.below(8), 1 + rng.below(12), 1 + rng.below(28),
                      rng.below(24), rng.below(60), rng.below(60)) + rng.pick(offsets)
    }

    /// A valid issue object, with optional fields and unknown ones at random.
    static func issue(_ rng: inout SeededRandom, id: String?) -> JSONValue {
        var o: [String: JSONValue] = [
            "customer": .string(rng.pick(words.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })),
            "summary": .string(rng.pick(words)),
            "receivedAt": .string(timestamp(&rng)),
        ]
        if let id { o["id"] = .string(id) }
        if rng.chance(50) { o["kind"] = .string(rng.pick(IssueKind.allCases).rawValue) }
        if rng.chance(40) {
            o["status"] = .string("resolved")
            o["resolvedAt"] = .string(timestamp(&rng))
            if rng.chance(70) { o["resolvedBy"] = .string(rng.pick(["ann", "bob", "李"])) }
            if rng.chance(50) { o["action"] = .string(rng.pick(words)) }
        }
        if rng.chance(30) { o["assignee"] = rng.chance(30) ? .null : .string(rng.pick(["Ann", "Bob"])) }
        if rng.chance(30) { o["internal"] = .bool(rng.chance(50)) }
        if rng.chance(30) { o["channel"] = .string(rng.pick(["phone", "mail", "web"])) }
        if rng.chance(30) { o["x-\(rng.below(5))"] = value(&rng, depth: 2) }
        return .object(o)
    }

    /// A structure-aware change: a field of another type, a field removed, a random key added.
    static func twist(_ value: JSONValue, _ rng: inout SeededRandom) -> JSONValue {
        switch value {
        case .object(var o):
            switch rng.below(4) {
            case 0 where !o.isEmpty:
                let key = rng.pick(o.keys.sorted())
                o[key] = Fuzz.value(&rng, depth: 2)
            case 1 where !o.isEmpty:
                o.removeValue(forKey: rng.pick(o.keys.sorted()))
            case 2 where !o.isEmpty:
                let key = rng.pick(o.keys.sorted())
                o[key] = twist(o[key]!, &rng)
            default:
                o[rng.pick(keys)] = Fuzz.value(&rng, depth: 2)
            }
            return .object(o)
        case .array(var a) where !a.isEmpty:
            let i = rng.below(a.count)
            a[i] = rng.chance(70) ? twist(a[i], &rng) : Fuzz.value(&rng, depth: 2)
            return .array(a)
        default:
            return Fuzz.value(&rng, depth: 2)
        }
    }

    // MARK: Damage

    static let tokens: [[UInt8]] = [
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array("\"".utf8), Array("\\".utf8),
        Array("\\u".utf8), Array("\\ud800".utf8), Array("\\udc00".utf8), Array("\\u12".utf8), Array(",".utf8),
        Array(":".utf8), Array("null".utf8), Array("tru".utf8), Array("-".utf8), Array("1e".utf8), Array("0.".utf8),
        Array("\n".utf8), Array("\r\n".utf8), Array("\t".utf8), [0], [0x1F], [0x7F], [0xFF], [0xFE], [0xC0, 0x80],
        [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xAE],
        Array(String(repeating: "9", count: 5000).utf8), Array(String(repeating: "[", count: 600).utf8),
        Array(String(repeating: "{\"a\":", count: 600).utf8),
    ]

    /// One to four random changes to the bytes: bit flips, bytes replaced, cuts, inserted
    /// tokens, repeated slices, truncation, deep nesting.
    static func damage(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        for _ in 0...rng.below(4) {
            let at = rng.below(b.count + 1)
            switch rng.below(9) {
            case 0 where !b.isEmpty: b[min(at, b.count - 1)] ^= UInt8(1 << rng.below(8))
            case 1 where !b.isEmpty: b[min(at, b.count - 1)] = UInt8(truncatingIfNeeded: rng.next())
            case 2: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(16)))
            case 3: b.insert(contentsOf: rng.pick(tokens), at: at)
            case 4: b = Array(b.prefix(at))
            case 5:
                let end = min(b.count, at + 1 + rng.below(64))
                b.insert(contentsOf: Array(b[at..<end]), at: at)
            case 6:
                let depth = 1 + rng.below(1500)
                b = Array(String(repeating: "[", count: depth).utf8) + b + (rng.chance(50) ? Array(String(repeating: "]", count: depth).utf8) : [])
            case 7: b.insert(contentsOf: (0..<1 + rng.below(8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
            default:
                // A string's quote removed or doubled.
                if let q = b.indices.filter({ b[$0] == 34 }).randomElement(using: &rng) {
                    if rng.chance(50) { b.remove(at: q) } else { b.insert(34, at: q) }
                }
            }
        }
        return b
    }
}
