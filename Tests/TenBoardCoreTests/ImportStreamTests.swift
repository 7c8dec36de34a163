import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The streaming import (issue 17): a file read a chunk at a time gives the very store, and the
/// very refusals, that the same file read whole gives. The threshold is set to 0 (stream
/// everything) against `Int.max` (read everything whole) on the same input.
@Suite("Import, streaming")
struct ImportStreamTests {
    static let clock = instant("2026-11-24T12:00:00+01:00")

    /// `count` records over many months: old resolved ones (archived), open recent ones (hot),
    /// with and without ids, some with fields tenboard does not know.
    static func records(_ count: Int) -> [String] {
        (0..<count).map { n in
            let month = 1 + n % 12, day = 1 + n % 27
            let year = n % 5 == 0 ? 2026 : 2025
            let received = String(format: "%04d-%02d-%02dT07:%02d:00+01:00", year, year == 2026 ? min(month, 10) : month, day, n % 60)
            let resolved = String(format: "%04d-%02d-%02dT09:%02d:00+01:00", year, year == 2026 ? min(month, 10) : month, day, n % 60)
            let id = n % 3 == 0 ? "" : #""id": "imp-\#(n)", "#
            let open = n % 7 == 0
            let status = open ? #""status": "open""# : #""status": "resolved", "resolvedAt": "\#(resolved)", "resolvedBy": "Ann""#
            return #"{\#(id)"customer": "Klant \#(n) \u00e9", "summary": "vraag \#(n), \"quoted\" [x]", "kind": "question", "receivedAt": "\#(received)", \#(status), "x-extra": {"n": [\#(n), {"deep": true}]}}"#
        }
    }

    /// The store's export after importing `text` with the given threshold, or the refusal.
    static func importing(_ text: String, streaming: Int, before: [String] = []) throws -> (export: String, error: TenBoardError?) {
        let t = TempStore(clock: { clock })
        defer { try? FileManager.default.removeItem(at: t.url.deletingLastPathComponent()) }
        if !before.isEmpty {
            try t.store.importIssues(try ImportRecord.parse(Data(("[" + before.joined(separator: ",") + "]").utf8), name: "before"), name: "before", at: clock)
        }
        let file = t.url.deletingLastPathComponent().appendingPathComponent("in.json")
        try Data(text.utf8).write(to: file)
        var refusal: TenBoardError?
        do {
            let n = try t.store.importIssues(file: file, name: "in.json", at: clock, streaming: streaming)
            #expect(n > 0)
        } catch let error as TenBoardError {
            refusal = error
        }
        var out = Data()
        try t.store.export(jsonLines: true) { out.append($0) }
        return (String(decoding: out, as: UTF8.self), refusal)
    }

    @Test("An array and JSON Lines, streamed, give the store that reading them whole gives")
    func sameStore() throws {
        let records = Self.records(700)
        for text in ["[\n  " + records.joined(separator: ",\n  ") + "\n]\n", records.joined(separator: "\n") + "\n", "[" + records.joined(separator: ",") + "]"] {
            #expect(ImportReader.shape(of: Data(text.utf8)) != nil, "streamed, not read whole")
            let whole = try Self.importing(text, streaming: .max)
            let streamed = try Self.importing(text, streaming: 0)
            #expect(whole.error == nil && streamed.error == nil, "\(String(describing: whole.error ?? streamed.error))")
            #expect(streamed.export.split(separator: "\n").count == 700)
            #expect(streamed.export == whole.export)
        }
        // Into a store that already has issues of those months and ids handed out.
        let before = [#"{"id": "3", "customer": "Oud", "summary": "s", "receivedAt": "2025-03-02T07:00:00+01:00", "status": "resolved", "resolvedAt": "2025-03-02T08:00:00+01:00"}"#,
                      #"{"customer": "Open", "summary": "s", "receivedAt": "2026-11-23T07:00:00+01:00"}"#]
        let text = records.joined(separator: "\n") + "\n"
        let whole = try Self.importing(text, streaming: .max, before: before)
        let streamed = try Self.importing(text, streaming: 0, before: before)
        #expect(streamed.error == nil && streamed.export == whole.export)
        #expect(streamed.export.split(separator: "\n").count == 702)
    }

    @Test("Refusals are the same, word for word in both languages, and nothing is stored")
    func sameRefusals() throws {
        var records = Self.records(120)
        records[4] = #"{"customer": "Geen samenvatting", "receivedAt": "2025-01-02T07:00:00+01:00"}"#
        records[9] = records[8]
        records[30] = #"{"id": "imp-1", "customer": "c", "summary": "s", "kind": "klacht", "receivedAt": "2025-01-02T07:00:00+01:00"}"#
        let array = "[\n" + records.joined(separator: ",\n") + "\n]"
        var syntax = records
        syntax[50] = #"{"customer": "c" "summary": "s"}"#
        let lines = syntax.joined(separator: "\n")
        syntax[51] = "{oops"
        let arrayWithBadElement: String = "[\n" + syntax.joined(separator: ",\n") + "\n]"
        let trailing: String = "[" + records.joined(separator: ",") + "] x"
        let unterminated: String = "[" + records.prefix(3).joined(separator: ",")
        let inputs: [String] = [array, records.joined(separator: "\n"), arrayWithBadElement, lines,
                                syntax.joined(separator: "\n"), trailing, unterminated]
        for text in inputs {
            #expect(ImportReader.shape(of: Data(text.utf8)) != nil, "streamed, not read whole")
            let whole = try Self.importing(text, streaming: .max)
            let streamed = try Self.importing(text, streaming: 0)
            let w: TenBoardError = try #require(whole.error)
            let s: TenBoardError = try #require(streamed.error)
            #expect(s.exitCode == .dataError && w.exitCode == .dataError)
            #expect(s.message == w.message, "streamed:\n\(s.message)\nwhole:\n\(w.message)")
            #expect(s.message(in: .nl) == w.message(in: .nl))
            #expect(streamed.export.isEmpty)
        }
        // An id the store has already: refused before anything is written.
        let clash = #"{"id": "3", "customer": "c", "summary": "s", "receivedAt": "2025-01-02T07:00:00+01:00", "status": "resolved", "resolvedAt": "2025-01-02T08:00:00+01:00"}"#
        let before = [clash.replacingOccurrences(of: "2025-01-02", with: "2025-02-03")]
        let text = (Self.records(40) + [clash]).joined(separator: "\n")
        let whole = try Self.importing(text, streaming: .max, before: before)
        let streamed = try Self.importing(text, streaming: 0, before: before)
        #expect(streamed.error?.message == whole.error?.message)
        #expect(streamed.error?.message.contains("in.json: line 41: the id '3' is already in the store") == true)
        #expect(streamed.export == whole.export && streamed.export.split(separator: "\n").count == 1)
    }
}
