import Foundation
import Testing
@testable import TenBoardCore

@Suite("Issue model and JSON")
struct ModelTests {
    @Test("Dates and clock times are written with leading zeros, as the store and the config read them")
    func zeroPadded() {
        #expect(LocalDate(year: 7, month: 3, day: 9).description == "0007-03-09")
        #expect(LocalDate(year: 2026, month: 12, day: 31).description == "2026-12-31")
        #expect(ClockTime(hour: 8, minute: 5).description == "08:05")
        #expect(ClockTime(hour: 23, minute: 59).description == "23:59")
        #expect(LocalDate(LocalDate(year: 99, month: 1, day: 2).description) == LocalDate(year: 99, month: 1, day: 2))
    }

    @Test("RFC 3339 times keep their offset and round-trip", arguments: [
        ("2026-11-23T17:45:00+01:00", 1_795_452_300.0, 3600),
        ("2026-11-23T16:45:00Z", 1_795_452_300.0, 0),
        ("2026-03-29T01:59:59.250-05:30", 1_774_769_399.25, -19_800),
        ("1999-12-31T23:59:59+00:00", 946_684_799.0, 0),
    ])
    func timestamps(text: String, epoch: Double, offset: Int) throws {
        let t = try #require(Timestamp(rfc3339: text))
        #expect(t.date.timeIntervalSince1970 == epoch)
        #expect(t.offsetSeconds == offset)
        let again = try #require(Timestamp(rfc3339: t.rfc3339))
        #expect(again == t)
    }

    @Test("Times without an offset or impossible dates are refused", arguments: [
        "2026-11-23T17:45:00", "2026-02-30T10:00:00Z", "2026-11-23 17:45", "yesterday", "2026-11-23T25:00:00Z",
        "2026-11-23T10:00:00+1:00", "",
    ])
    func badTimestamps(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("Two spellings of one instant: exactly one of <, ==, > holds, and sorting is by instant")
    func timestampOrderIsTotal() throws {
        let spellings = ["2026-11-24T09:00:00+01:00", "2026-11-24T08:00:00Z", "2026-11-24T08:00:00.000Z",
                         "2026-11-24T03:00:00-05:00", "2026-11-24T08:00:01Z"]
        let stamps = try spellings.map { try #require(Timestamp(rfc3339: $0)) }
        for a in stamps {
            for b in stamps {
                let holds = [a < b, a == b, b < a].filter { $0 }.count
                #expect(holds == 1, "\(a) and \(b)")
            }
        }
        #expect(stamps.sorted().last?.description == "2026-11-24T08:00:01Z", "the later instant sorts last, whatever its offset")
        #expect(stamps[1] == stamps[2], "one instant at one offset is one timestamp, however written")
    }

    @Test("Unknown fields and exact numbers survive a round trip")
    func unknownFieldsKept() throws {
        let text = #"{"id":"7","customer":"Ann","summary":"s","receivedAt":"2026-11-23T17:45:00+01:00","crm":{"ticket":12345678901234567890,"ratio":0.10},"tags":["a","b"]}"#
        let issue = try Issue(json: try JSONParser.parse(Data(text.utf8)))
        #expect(issue.extra["tags"] == .array([.string("a"), .string("b")]))
        let written = JSONWriter.compact(issue.json)
        #expect(written.contains(#""crm":{"ratio":0.10,"ticket":12345678901234567890}"#))
        #expect(try Issue(json: try JSONParser.parse(Data(written.utf8))) == issue)
    }

    @Test("Defaults: kind question, status open, not internal")
    func defaults() throws {
        let issue = try Issue(json: .object(["customer": .string("A"), "summary": .string("")]), defaultID: "1",
                              now: Timestamp(rfc3339: "2026-11-24T08:00:00+01:00"))
        #expect(issue.kind == .question)
        #expect(issue.status == .open)
        #expect(issue.isInternal == false)
        #expect(issue.receivedAt.rfc3339 == "2026-11-24T08:00:00+01:00")
    }

    @Test("Bad fields are named", arguments: [
        (#"{"id":"1","summary":"s","receivedAt":"2026-11-23T17:45:00Z"}"#, "customer"),
        (#"{"id":"1","customer":"  ","summary":"s","receivedAt":"2026-11-23T17:45:00Z"}"#, "customer"),
        (#"{"id":"1","customer":"c","summary":"s","kind":"rant","receivedAt":"2026-11-23T17:45:00Z"}"#, "kind"),
        (#"{"id":"1","customer":"c","summary":"s","receivedAt":"monday"}"#, "receivedAt"),
        (#"{"id":"1","customer":"c","summary":"s","receivedAt":"2026-11-23T17:45:00Z","internal":"yes"}"#, "internal"),
        (#"{"id":"1","customer":"c","summary":"s","receivedAt":"2026-11-23T17:45:00Z","status":"resolved"}"#, "resolvedAt"),
        (#"{"id":"a b","customer":"c","summary":"s","receivedAt":"2026-11-23T17:45:00Z"}"#, "id"),
        (#"{"id":"1","customer":"c","summary":5,"receivedAt":"2026-11-23T17:45:00Z"}"#, "summary"),
    ])
    func badFields(text: String, field: String) throws {
        #expect {
            try Issue(json: try JSONParser.parse(Data(text.utf8)))
        } throws: { error in
            (error as? IssueFieldError)?.field == field
        }
    }

    @Test("Syntax errors carry a line and column")
    func syntaxPositions() {
        let text = "{\n  \"issues\": [\n    {\"id\": 1,, }\n  ]\n}"
        #expect {
            try JSONParser.parse(Data(text.utf8))
        } throws: { error in
            guard let e = error as? JSONSyntaxError else { return false }
            return e.line == 3 && e.column == 14
        }
    }

    @Test("The parser rejects what RFC 8259 rejects", arguments: [
        "[1,]", "{\"a\":1,}", "01", "[1 2]", "\"\u{01}\"", "{\"a\":1,\"a\":2}", "nul", "[\"\\x\"]", "\"\\ud800\"", "",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func strictParser(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test("Strings with escapes, surrogate pairs and control characters round-trip")
    func stringEscapes() throws {
        let original = "tab\tquote\"back\\slash\u{1B}[31m😀\u{2028}é"
        let written = JSONWriter.compact(.string(original))
        #expect(!written.contains("\u{1B}"))
        #expect(try JSONParser.parse(Data(written.utf8)) == .string(original))
        #expect(try JSONParser.parse(Data(#""\ud83d\ude00""#.utf8)) == .string("😀"))
    }

    @Test("Untrusted text never keeps a control character")
    func untrusted() {
        let dirty = "Jan\u{1B}[2J\r\nBcc: x\u{7F}\u{9B}\u{202E}evil\tend"
        let clean = Untrusted.clean(dirty)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(clean == "Jan␛[2J␍␊Bcc: x␡\u{FFFD}\u{FFFD}evil end")
        #expect(Untrusted.oneLine("  a\r\n\n b  ") == "a b")
    }
}
