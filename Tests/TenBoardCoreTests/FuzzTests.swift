import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// Bad input, a fixed number of inputs each (times TENBOARD_FUZZ_FACTOR; seed
/// TENBOARD_FUZZ_SEED): valid documents generated at random from a seed, then damaged (bit flips,
/// cuts, inserted bytes, invalid UTF-8, deep nesting, huge numbers, fields of the wrong type).
/// Nothing may crash (a crash ends the test process, so the count is printed only without one),
/// and every rejection must be a clear error: a JSON syntax error with a line and column inside
/// the input, an issue field error naming the field, a `TenBoardError` with exit 65 or 78 naming
/// the file.
@Suite("Fuzz: JSON, import, damaged store, configuration", .serialized)
struct FuzzTests {
    /// Problems found, the first few kept with their input number for the message.
    struct Findings {
        var count = 0
        var examples: [String] = []
        mutating func note(_ n: Int, _ text: @autoclosure () -> String) {
            count += 1
            if examples.count < 5 { examples.append("input \(n): \(text())") }
        }
    }

    static func lines(in bytes: [UInt8]) -> Int { bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) } }

    static func clear(_ e: JSONSyntaxError, in bytes: [UInt8]) -> Bool {
        e.line >= 1 && e.line <= lines(in: bytes) && e.column >= 1 && !e.problem.isEmpty
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(120), as: UTF8.self).debugDescription
    }

    @Test("JSON parser: accepted values round-trip through the writer; every rejection has a line and column")
    func jsonParser() {
        var accepted = 0, rejected = 0, unclear = Findings(), roundTrip = Findings()
        let (count, seconds) = Fuzz.run("json", count: 3000) { rng, n in
            let valid = Fuzz.value(&rng)
            let text = rng.chance(50) ? JSONWriter.pretty(valid) : JSONWriter.compact(valid)
            let bytes = rng.chance(10) ? Array(text.utf8) : Fuzz.damage(Array(text.utf8), &rng)
            do throws(JSONSyntaxError) {
                let parsed = try JSONParser.parse(Data(bytes))
                accepted += 1
                for written in [JSONWriter.compact(parsed), JSONWriter.pretty(parsed)] {
                    guard let again = try? JSONParser.parse(Data(written.utf8)), again == parsed else {
                        roundTrip.note(n, "\(FuzzTests.show(bytes)) does not come back from \(written.prefix(120).debugDescription)")
                        break
                    }
                }
            } catch {
                rejected += 1
                if !FuzzTests.clear(error, in: bytes) { unclear.note(n, "\(error) for \(FuzzTests.show(bytes))") }
            }
            // The same bytes as JSON Lines: the same rules.
            do throws(JSONSyntaxError) { _ = try JSONParser.parseLines(Data(bytes)) } catch {
                if !FuzzTests.clear(error, in: bytes) { unclear.note(n, "lines: \(error) for \(FuzzTests.show(bytes))") }
            }
        }
        print("fuzz json: \(count) inputs in \(String(format: "%.1f", seconds)) s (\(accepted) accepted, \(rejected) rejected), 0 crashes, \(unclear.count) unclear errors, \(roundTrip.count) round-trip failures, seed \(Fuzz.seed)")
        #expect(count > 100)
        #expect(accepted > 0 && rejected > 0)
        #expect(unclear.count == 0, "\(unclear.examples)")
        #expect(roundTrip.count == 0, "\(roundTrip.examples)")
    }

    @Test("Import: ImportRecord.parse and Issue(json:) on damaged arrays, {\"issues\"} and JSON Lines; errors name the input, record and field")
    func importRecords() throws {
        var documents = 0, records = 0, issues = 0, unclear = Findings(), roundTrip = Findings()
        var documentErrors = 0, fieldErrors = 0
        let name = "/srv/intake/fuzz-input.json"
        let (count, seconds) = Fuzz.run("import", count: 700) { rng, n in
            var items = (0..<rng.below(6)).map { i in Fuzz.issue(&rng, id: rng.chance(60) ? "f\(i)" : nil) }
            if rng.chance(10), !items.isEmpty, case .object(var o) = items[0] {
                // An unknown field nested deep: whatever is accepted must still fit in the store.
                var deep = JSONValue.null
                for _ in 0..<rng.below(520) { deep = rng.chance(50) ? .array([deep]) : .object(["k": deep]) }
                o["x-deep"] = deep
                items[0] = .object(o)
            }
            var bytes: [UInt8]
            switch rng.below(3) {
            case 0: bytes = Array(JSONWriter.pretty(.array(items.map { rng.chance(30) ? Fuzz.twist($0, &rng) : $0 })).utf8)
            case 1: bytes = Array(JSONWriter.compact(.object(["issues": .array(items), "x": Fuzz.value(&rng)])).utf8)
            default: bytes = Array(items.map { JSONWriter.compact(rng.chance(30) ? Fuzz.twist($0, &rng) : $0) + "\n" }.joined().utf8)
            }
            if rng.chance(60) { bytes = Fuzz.damage(bytes, &rng) }
            let parsed: [ImportRecord]
            do throws(TenBoardError) {
                parsed = try ImportRecord.parse(Data(bytes), name: name)
                documents += 1
            } catch {
                documentErrors += 1
                if error.exitCode != .dataError || !error.message.contains(name) {
                    unclear.note(n, "exit \(error.exitCode.rawValue): \(error.message.prefix(200)) for \(FuzzTests.show(bytes))")
                }
                return
            }
            for record in parsed {
                records += 1
                switch record.position {
                case .record(let i) where i >= 1, .line(let i) where i >= 1: break
                default:
                    unclear.note(n, "position \(record.position)")
                    continue
                }
                do throws(IssueFieldError) {
                    let issue = try TenBoardCore.Issue(json: record.json, defaultID: "pending")
                    issues += 1
                    if (try? TenBoardCore.Issue(json: issue.json)) != issue { roundTrip.note(n, "\(issue.id) does not read back from its own JSON") }
                    // What is accepted must fit in the store: the hot file and an archive line read back.
                    let hot = StoreState(issues: [issue]).json
                    if !issue.extra.isEmpty, ((try? StoreState(json: JSONParser.parse(Data(JSONWriter.pretty(hot).utf8))))?.issues != [issue]
                        || (try? JSONParser.parse(Data(issue.compactJSON.utf8))) == nil) {
                        roundTrip.note(n, "\(issue.id) is accepted but the store could not read it back")
                    }
                } catch {
                    fieldErrors += 1
                    // Said in words in both languages, naming the field (quoted) when there is one.
                    let said = [Words(.en), Words(.nl)].map { $0.fieldProblem(error) }
                    if error.field?.isEmpty == true || said.contains(where: { $0.isEmpty })
                        || error.field.map({ !said[0].contains("field '\(Untrusted.quoted($0))'") || !said[1].contains("veld '\(Untrusted.quoted($0))'") }) == true {
                        unclear.note(n, "\(error)")
                    }
                }
            }
        }
        print("fuzz import: \(count) inputs in \(String(format: "%.1f", seconds)) s (\(documentErrors) rejected as documents, \(documents) read with \(records) records: \(issues) issues, \(fieldErrors) field errors), 0 crashes, \(unclear.count) unclear errors, seed \(Fuzz.seed)")
        #expect(count > 100)
        #expect(documentErrors > 0 && issues > 0 && fieldErrors > 0)
        #expect(unclear.count == 0, "\(unclear.examples)")
        #expect(roundTrip.count == 0, "\(roundTrip.examples)")
    }

    /// A timestamp anywhere the parser reads: years 0000 to 9999, fractions of 1 to 12 digits,
    /// offsets up to ±23:59 and -00:00, leap seconds, lower-case and space separators.
    static func extremeTimestamp(_ rng: inout SeededRandom) -> String {
        if rng.chance(30) { return Fuzz.timestamp(&rng) }
        let year = rng.pick([0, 1, 1969, 1970, 2026, 9998, 9999, rng.below(10_000)])
        let month = 1 + rng.below(12)
        let day = rng.chance(20) ? Timestamp.daysIn(month: month, year: year) : 1 + rng.below(28)
        let second = rng.chance(5) ? 60 : rng.chance(30) ? 59 : rng.below(60)
        var text = String(format: "%04d-%02d-%02d", year, month, day) + rng.pick(["T", "T", "t", " "])
            + String(format: "%02d:%02d:%02d", rng.chance(30) ? 23 : rng.below(24), rng.chance(30) ? 59 : rng.below(60), second)
        if rng.chance(50) {
            text += "." + (0..<(1 + rng.below(12))).map { _ in rng.chance(40) ? "9" : String(rng.below(10)) }.joined()
        }
        switch rng.below(5) {
        case 0: text += rng.pick(["Z", "z"])
        case 1: text += "-00:00"
        case 2: text += String(format: "%@%02d:%02d", rng.chance(50) ? "+" : "-", 23, 59)
        default: text += String(format: "%@%02d:%02d", rng.chance(50) ? "+" : "-", rng.below(24), rng.pick([0, 30, 45, rng.below(60)]))
        }
        return text
    }

    @Test("Store round trip: whatever add --json or import accepts is stored and read back identical, extreme times and numbers included")
    func storeRoundTrip() throws {
        var inputs = 0, accepted = 0, rejected = 0, unclear = Findings(), differ = Findings()
        let base = try TemporaryDirectory.make("fuzz-roundtrip")
        defer { TemporaryDirectory.remove(base) }
        let ids = [
            "9223372036854775807", "9223372036854775806", "9007199254740991", "999999999999999", "1000000000000000",
            "-1", "0", "00042", "+7", "18446744073709551616", "1e3", "Ørsted-1", "a\u{200B}b", "\u{202E}x", "h5",
        ]
        let (count, seconds) = Fuzz.run("roundtrip", count: 300) { rng, n in
            inputs += 1
            let store = IssueStore(directory: base.appendingPathComponent("s\(n)"))
            defer { try? FileManager.default.removeItem(at: store.directory) }
            var records: [JSONValue] = []
            for i in 0..<(1 + rng.below(4)) {
                guard case .object(var o) = Fuzz.issue(&rng, id: rng.chance(50) ? (rng.chance(50) ? rng.pick(ids) : String(rng.below(1 << 20))) : rng.chance(50) ? "r\(i)" : nil) else { continue }
                o["receivedAt"] = .string(FuzzTests.extremeTimestamp(&rng))
                if o["resolvedAt"] != nil { o["resolvedAt"] = .string(FuzzTests.extremeTimestamp(&rng)) }
                if rng.chance(30) { o["x-n"] = .number(rng.pick(Fuzz.numbers)) }
                records.append(.object(o))
            }
            var stored: [TenBoardCore.Issue]
            do {
                if rng.chance(50) {
                    stored = try store.add(records: records)
                } else {
                    let r = records.enumerated().map { ImportRecord(position: .record($0.offset + 1), json: $0.element) }
                    try store.importIssues(r, name: "fuzz.json")
                    stored = []
                }
                accepted += 1
            } catch let error as TenBoardError {
                rejected += 1
                if error.exitCode != .dataError || !(error.message.contains("record ") || error.message.contains("has reached")) {
                    unclear.note(n, "exit \(error.exitCode.rawValue): \(error.message.prefix(200))")
                }
                if store.exists { unclear.note(n, "a refused input created the store") }
                return
            } catch {
                unclear.note(n, "\(error)")
                return
            }
            // Read back: every command reads the store again, the export and a re-import too.
            do {
                let back = try store.allIssues()
                if !stored.isEmpty, Set(back.map(\.id)) != Set(stored.map(\.id)) { differ.note(n, "ids changed") }
                for (k, record) in records.enumerated() {
                    guard case .object(let o) = record else { continue }
                    // By id when the record has one, else by its place in what add returned.
                    let found: TenBoardCore.Issue?
                    if case .string(let id)? = o["id"] {
                        found = back.first { $0.id == id }
                    } else {
                        found = k < stored.count ? back.first { $0.id == stored[k].id } : nil
                    }
                    guard let issue = found else {
                        if case .string = o["id"] { differ.note(n, "record \(k + 1) is missing") }
                        continue
                    }
                    guard case .object(let j) = issue.json else { continue }
                    for key in ["receivedAt", "resolvedAt"] where key == "receivedAt" || o["status"] == .string("resolved") {
                        if let written = o[key], j[key] != written {
                            differ.note(n, "record \(k + 1): \(key) \(written) came back as \(String(describing: j[key]))")
                        }
                    }
                    if let x = o["x-n"], issue.extra["x-n"] != x { differ.note(n, "record \(k + 1): x-n \(x) came back as \(String(describing: issue.extra["x-n"]))") }
                }
                var exported = Data()
                try store.export(jsonLines: true) { exported.append($0) }
                let again = IssueStore(directory: base.appendingPathComponent("again\(n)"))
                defer { try? FileManager.default.removeItem(at: again.directory) }
                try again.importIssues(try ImportRecord.parse(exported, name: "export"), name: "export")
                let reimported = try again.allIssues().sorted { $0.id < $1.id }
                if reimported != back.sorted(by: { $0.id < $1.id }) { differ.note(n, "export → import changed an issue") }
                if !(try StoreCheck.run(store).problems.isEmpty) { differ.note(n, "accepted, then check calls the store damaged") }
            } catch {
                differ.note(n, "accepted, then unreadable: \(error)")
            }
        }
        print("fuzz store round trip: \(count) inputs in \(String(format: "%.1f", seconds)) s (\(accepted) accepted and read back, \(rejected) refused with exit 65), \(differ.count) round-trip differences, \(unclear.count) unclear errors, seed \(Fuzz.seed)")
        #expect(inputs == 300 * Fuzz.factor)
        #expect(accepted > 0 && rejected > 0)
        #expect(unclear.count == 0, "\(unclear.examples)")
        #expect(differ.count == 0, "\(differ.examples)")
    }

    /// A valid hot file: issues with unique ids, tally marks, a streak base, archive names.
    static func hotFile(_ rng: inout SeededRandom) -> JSONValue {
        var issues: [TenBoardCore.Issue] = []
        for i in 0..<rng.below(8) {
            if let issue = try? TenBoardCore.Issue(json: Fuzz.issue(&rng, id: "\(i + 1)")) { issues.append(issue) }
        }
        var tally: [LocalDate: Int] = [:]
        for _ in 0..<rng.below(3) { tally[LocalDate(String(format: "2026-%02d-%02d", 1 + rng.below(12), 1 + rng.below(28)))!] = rng.below(30) }
        // Tally marks and praise with hostile names and words (a mark's name is never empty).
        func word(_ rng: inout SeededRandom) -> String { Fuzz.words[rng.below(Fuzz.words.count)] }
        let names = Fuzz.words.filter { TallyMark.storedName($0) == $0 }
        let at = Timestamp(rfc3339: "2026-11-24T09:12:00+01:00")!
        let marks = (0..<rng.below(4)).map { _ in
            TallyMark(day: LocalDate("2026-11-24")!, who: names[rng.below(names.count)], by: word(&rng), at: at)
        }
        let praise = (0..<rng.below(3)).map { _ in
            Praise(who: word(&rng), customer: word(&rng), text: word(&rng), at: at, day: LocalDate("2026-11-24")!,
                   recordedBy: word(&rng), issue: rng.chance(50) ? word(&rng) : nil)
        }
        let state = StoreState(
            revision: rng.below(1000), createdAt: rng.chance(50) ? LocalDate("2025-03-01") : nil, nextID: issues.count + 1,
            issues: issues, tally: tally,
            streakBase: rng.chance(50) ? StreakBase(through: LocalDate("2026-10-01")!, count: rng.below(50)) : nil,
            segments: rng.chance(50) ? ["2025-01.1.jsonl", "2025-02.3.jsonl"] : [],
            extra: rng.chance(20) ? ["x-note": Fuzz.value(&rng)] : [:], tallyMarks: marks, praise: praise)
        return state.json
    }

    @Test("Damaged hot file: the store refuses it with exit 65 naming issues.json, and a change leaves it byte for byte")
    func damagedHotFile() throws {
        let dir = try TemporaryDirectory.make("fuzz-store")
        defer { TemporaryDirectory.remove(dir) }
        let store = IssueStore(directory: dir)
        var loaded = 0, refused = 0, changesTried = 0, unclear = Findings(), overwritten = Findings()
        let (count, seconds) = Fuzz.run("store", count: 500) { rng, n in
            var json = FuzzTests.hotFile(&rng)
            if rng.chance(40) { json = Fuzz.twist(json, &rng) }
            var bytes = Array((JSONWriter.pretty(json) + "\n").utf8)
            if rng.chance(60) { bytes = Fuzz.damage(bytes, &rng) }
            let data = Data(bytes)
            guard FileManager.default.createFile(atPath: store.hotURL.path, contents: data) else {
                unclear.note(n, "cannot write the test file")
                return
            }
            var damaged = false
            do throws(TenBoardError) {
                let state = try store.snapshot()
                loaded += 1
                // What loads must also write back and load the same.
                if (try? StoreState(json: JSONParser.parse(Data(JSONWriter.pretty(state.json).utf8)))) != state {
                    unclear.note(n, "a loaded state does not read back from its own JSON")
                }
            } catch {
                refused += 1
                damaged = true
                if error.exitCode != .dataError || !error.message.contains(store.hotURL.path) {
                    unclear.note(n, "exit \(error.exitCode.rawValue): \(error.message.prefix(200))")
                }
            }
            // Now and then a change on the damaged file: refused, and not a byte changed.
            if damaged, n % 8 == 0 {
                changesTried += 1
                do {
                    try store.drawTally(who: "ann", by: "ann", at: Date())
                    overwritten.note(n, "a change was written over a damaged file")
                } catch let error as TenBoardError {
                    if error.exitCode != .dataError { unclear.note(n, "change: exit \(error.exitCode.rawValue): \(error.message.prefix(200))") }
                } catch {
                    unclear.note(n, "change: \(error)")
                }
                if FileManager.default.contents(atPath: store.hotURL.path) != data { overwritten.note(n, "issues.json changed") }
            }
        }
        print("fuzz store: \(count) hot files in \(String(format: "%.1f", seconds)) s (\(loaded) loaded, \(refused) refused with exit 65, \(changesTried) changes tried on damaged files), 0 crashes, \(unclear.count) unclear errors, \(overwritten.count) overwritten, seed \(Fuzz.seed)")
        #expect(count > 100)
        #expect(loaded > 0 && refused > 0)
        #expect(unclear.count == 0, "\(unclear.examples)")
        #expect(overwritten.count == 0, "\(overwritten.examples)")
    }

    /// A configuration file of known and unknown keys with good, bad and strange YAML values.
    static func yaml(_ rng: inout SeededRandom) -> [UInt8] {
        let keys = ConfigLoader.keys.map(\.key) + ["Store", "time_zone", "deadlin", "", "x", "日本", "- a", "? complex"]
        let values = [
            "10:00", "08:00", "25:00", "9:5", "10:00:00", "600", "\"10:00\"", "'08:00'", "Europe/Amsterdam", "Mars/Base",
            "UTC", "mon,tue,wed", "[mon, tue, fri]", "[]", "{a: b}", "[[mon]]", "2026-12-25,2026-12-28", "2026-02-30",
            "30", "-1", "1441", "99999999999999999999", "en", "nl", "fr", "true", "no", "~", "null", "", "|\n  multi\n  line",
            ">\n  folded", "&a anchored", "*a", "!!binary aGVsbG8=", "!!int 10", "!custom x", "Ann de Vries <ann@example.nl>, bob@example.nl",
            "<not an address>", "/usr/sbin/sendmail -i", "\"\\u0000\"", "\"\\x41\"", "'it''s'", "\"unterminated", "[unterminated",
            "@reserved", "`backtick", "%directive", "\t10:00", "\u{1b}[31m", "😀", String(repeating: "a", count: 2000),
            String(repeating: "[", count: 300), "5", "0",
        ]
        var text = rng.chance(10) ? "%YAML 1.1\n---\n" : ""
        for _ in 0..<rng.below(8) {
            if rng.chance(10) { text += "# a comment: with a colon\n" }
            let key = rng.pick(keys), value = rng.pick(values)
            if rng.chance(15) {
                text += "\(key):\n" + (0..<rng.below(4)).map { _ in "  - \(rng.pick(values))\n" }.joined()
            } else {
                text += "\(key): \(value)\n"
            }
            if rng.chance(5) { text += "---\n" }
        }
        if rng.chance(5) { text += "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n" }
        var bytes = Array(text.utf8)
        if rng.chance(40) { bytes = Fuzz.damage(bytes, &rng) }
        return bytes
    }

    @Test("Configuration: random YAML loads or is refused with exit 78 naming the file and line")
    func configuration() throws {
        let dir = try TemporaryDirectory.make("fuzz-config")
        defer { TemporaryDirectory.remove(dir) }
        let path = dir.appendingPathComponent("config.yaml").path
        var loaded = 0, refused = 0, unclear = Findings()
        var kinds: [String: Int] = [:]
        var samples: [String: String] = [:]
        let (count, seconds) = Fuzz.run("config", count: 600) { rng, n in
            let bytes = FuzzTests.yaml(&rng)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                unclear.note(n, "cannot write the test file")
                return
            }
            do throws(TenBoardError) {
                _ = try ConfigLoader(environment: ["HOME": dir.path, "LANG": "C.UTF-8"], configFile: path).load()
                loaded += 1
            } catch {
                refused += 1
                let message = error.message
                let kind = message.contains("unknown key") ? "unknown key" : message.contains(", key '") ? "bad value"
                    : message.contains("not UTF-8") ? "not UTF-8" : message.contains("more than once") ? "repeated key"
                    : message.contains("line ") ? "YAML syntax" : "other"
                kinds[kind, default: 0] += 1
                if samples[kind] == nil || rng.chance(1) { samples[kind] = message }
                // Named down to the line: "config file PATH, line 3, key 'x': …" or "config file PATH: line 3, column 5: …".
                if error.exitCode != .config || !message.contains(path) || !(message.contains(", line ") || message.contains(": line ")) {
                    unclear.note(n, "exit \(error.exitCode.rawValue): \(message.prefix(200)) for \(FuzzTests.show(bytes))")
                }
            }
        }
        print("fuzz config: \(count) YAML files in \(String(format: "%.1f", seconds)) s (\(loaded) loaded, \(refused) refused with exit 78: \(kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))), 0 crashes, \(unclear.count) unclear errors, seed \(Fuzz.seed)")
        #expect(count > 100)
        for (kind, message) in samples.sorted(by: { $0.key < $1.key }) { print("  e.g. \(kind): \(message.replacingOccurrences(of: path, with: "CONFIG").prefix(240))") }
        #expect(loaded > 0 && refused > 0)
        #expect(unclear.count == 0, "\(unclear.examples)")
    }

    @Test("Found by fuzzing: a config that is not UTF-8, a control character, a repeated key, a list at the top: each names the line")
    func configFindings() throws {
        let dir = try TemporaryDirectory.make("fuzz-found")
        defer { TemporaryDirectory.remove(dir) }
        let path = dir.appendingPathComponent("config.yaml").path
        let cases: [([UInt8], String)] = [
            (Array("# team\nname: Ann".utf8) + [0xFF] + Array("\n".utf8), ", line 2 (byte 0xFF): not UTF-8 text"),
            (Array("name: Ann\nsender: a\u{1}b@example.nl\n".utf8), ": line 2, column 10: control characters are not allowed"),
            (Array("# c\ndeadline: 10:00\ncutoff: 08:00\ndeadline: 09:00\n".utf8), ": line 4: the key 'deadline' appears more than once"),
            (Array("- store: /tmp\n".utf8), ", line 1: expected 'key: value' lines"),
        ]
        for (bytes, expected) in cases {
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(throws: TenBoardError.self) { _ = try ConfigLoader(environment: ["HOME": dir.path], configFile: path).load() }
            do {
                _ = try ConfigLoader(environment: ["HOME": dir.path], configFile: path).load()
            } catch {
                #expect(error.exitCode == .config)
                #expect(error.message.hasPrefix("config file \(path)"), "\(error.message)")
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
    }

    @Test("Found by probing: an unknown field nested so deep that the store could not read itself back is refused on the way in")
    func deepUnknownField() throws {
        func issue(depth: Int) -> JSONValue {
            var deep = JSONValue.null
            for _ in 0..<depth { deep = .array([deep]) }
            return .object(["customer": .string("c"), "summary": .string("s"), "receivedAt": .string("2026-11-23T17:45:00+01:00"), "x-deep": deep])
        }
        #expect(throws: IssueFieldError(field: "x-deep", problem: .nestedTooDeep(limit: TenBoardCore.Issue.maxExtraDepth))) {
            _ = try TenBoardCore.Issue(json: issue(depth: TenBoardCore.Issue.maxExtraDepth + 1), defaultID: "1")
        }
        // As JSON Lines (the shallowest way in) 511 levels parse; the store must still refuse them.
        let line = JSONWriter.compact(issue(depth: 510)) + "\n"
        let records = try ImportRecord.parse(Data(line.utf8), name: "deep.jsonl")
        // Not made: the refused import must not create the store.
        let dir = try TemporaryDirectory.make("fuzz-deep").appendingPathComponent("store")
        defer { TemporaryDirectory.remove(dir.deletingLastPathComponent()) }
        let store = IssueStore(directory: dir)
        #expect(throws: TenBoardError.self) { try store.importIssues(records, name: "deep.jsonl") }
        #expect(!store.exists, "nothing was written")
        // The deepest that is accepted fits in the store and reads back.
        let accepted = try ImportRecord.parse(Data((JSONWriter.compact(issue(depth: TenBoardCore.Issue.maxExtraDepth)) + "\n").utf8), name: "ok.jsonl")
        #expect(try store.importIssues(accepted, name: "ok.jsonl") == 1)
        #expect(try store.snapshot().issues.count == 1)
    }
}
