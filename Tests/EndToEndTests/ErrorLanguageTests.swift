import Foundation
import Testing
import TenBoardTestSupport

/// Errors speak the configured language: the binary run with a Dutch config says the store's,
/// the configuration's and the command line's errors in Dutch, with the same exit status as in
/// English.
@Suite("Errors in the configured language")
struct ErrorLanguageTests {
    /// A store and a config file in `language`, plus `extra` lines; the environment names both.
    static func setUp(_ language: String, extra: String = "") throws -> (dir: URL, env: [String: String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-errlang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("store"), withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("config.yaml")
        try "store: \(dir.path)/store\nlanguage: \(language)\n\(extra)".write(to: config, atomically: true, encoding: .utf8)
        return (dir, ["TENBOARD_CONFIG": config.path, "HOME": dir.path, "TZ": "Europe/Amsterdam"])
    }

    /// Runs `arguments` with an English and a Dutch config: both fail with `status`, each with its
    /// own words on stderr.
    /// - Parameters:
    ///   - store: changes made to the store directory before the command runs.
    ///   - input: the command's standard input.
    ///   - notInDutch: English words the Dutch message must not hold.
    static func check(_ arguments: [String], extra: String = "", prepare: [[String]] = [], store: (URL) throws -> Void = { _ in },
                      input: String? = nil, status: Int32, english: [String], dutch: [String], notInDutch: [String] = []) throws {
        for (language, expected) in [("en", english), ("nl", dutch)] {
            let (dir, env) = try setUp(language, extra: extra)
            defer { try? FileManager.default.removeItem(at: dir) }
            for step in prepare {
                let done = try TenBoardBinary.run(step, environment: env)
                try #require(done.status == 0, "\(step): \(done.stderr)")
            }
            try store(dir.appendingPathComponent("store"))
            let result = try TenBoardBinary.run(arguments, environment: env, input: input)
            #expect(result.status == status, "\(language) \(arguments): \(result.stderr)")
            for words in expected {
                #expect(result.stderr.contains(words), "\(language) \(arguments): \(result.stderr)")
            }
            for english in notInDutch where language == "nl" {
                #expect(!result.stderr.contains(english), "nl \(arguments) says '\(english)': \(result.stderr)")
            }
        }
    }

    @Test func anIssueThatDoesNotExist() throws {
        try Self.check(["resolve", "42"], status: 66,
                       english: ["no issue with id '42'", "'tenboard list' shows the open ones"],
                       dutch: ["geen klantvraag met id '42'", "'tenboard list' toont de open klantvragen"])
    }

    @Test func reopeningAnOpenIssue() throws {
        try Self.check(["reopen", "1"], prepare: [["add", "--customer", "Garage Peeters", "--summary", "pin"]], status: 65,
                       english: ["issue 1 is already open"], dutch: ["klantvraag 1 staat al open"])
    }

    @Test func aBadValueInTheConfigFile() throws {
        try Self.check(["status"], extra: "warning: dertig\n", status: 78,
                       english: ["line 3, key 'warning': 'dertig' is not a number of minutes from 0 to 1440"],
                       dutch: ["configuratiebestand", "regel 3, sleutel 'warning': 'dertig' is geen aantal minuten van 0 tot 1440"])
    }

    @Test func anUnknownKeyInTheConfigFile() throws {
        try Self.check(["status"], extra: "warnin: 30\n", status: 78,
                       english: ["key 'warnin': unknown key (did you mean 'warning'?)"],
                       dutch: ["sleutel 'warnin': onbekende sleutel (bedoel je 'warning'?)"])
    }

    @Test func aTimeThatIsNotATime() throws {
        try Self.check(["status", "--at", "nonsense"], status: 64,
                       english: ["--at: 'nonsense' is not a time"], dutch: ["--at: 'nonsense' is geen tijd"])
    }

    @Test func aStoreFileThatIsNotAFile() throws {
        try Self.check(["list"], store: { store in
            try FileManager.default.createDirectory(at: store.appendingPathComponent("issues.json"), withIntermediateDirectories: true)
        }, status: 65,
        english: ["issues.json: the store file is not a regular file", "it was left as it is"],
        dutch: ["issues.json: het opslagbestand is geen gewoon bestand", "het is gelaten zoals het was"])
    }

    @Test func anImportThatIsNotAListOfIssues() throws {
        try Self.check(["import", "-"], input: #"{"issues": 3}"#, status: 65,
                       english: ["standard input: 'issues' must be an array"],
                       dutch: ["standaardinvoer: 'issues' moet een array zijn"])
        try Self.check(["add", "--json", "-"], input: #"[{"customer": "Garage Peeters", "summary": "pin"}, {"summary": "x"}]"#, status: 65,
                       english: ["standard input: record 2", "nothing was added"],
                       dutch: ["standaardinvoer: record 2", "er is niets toegevoegd"])
    }

    /// Each problem of each record in the configured language: the position, the field and what
    /// is wrong; nothing English left in the Dutch message, untrusted text neutralised.
    @Test func aRecordsProblemsInImport() throws {
        let records = #"""
            [{"customer": "Garage Peeters", "kind": "klacht", "receivedAt": "2026-11-23T08:00:00+01:00"},
             {"id": "A-7", "customer": "Bakkerij", "summary": "pin", "receivedAt": "gisteren"},
             {"id": "A-7", "customer": "Café", "summary": "kassa", "receivedAt": "2026-11-23T08:00:00+01:00"},
             {"id": "A-7", "customer": "Café 2", "summary": "kassa", "receivedAt": "2026-11-23T08:00:00+01:00"},
             {"customer": "Bloemist", "summary": "x", "receivedAt": "2026-11-23T08:00:00+01:00", "internal": "ja"},
             {"id": "k\u001b[2Jx", "customer": "Slager", "summary": "x", "receivedAt": "2026-11-23T08:00:00+01:00", "status": "resolved"},
             7]
            """#
        try Self.check(["import", "-"], input: records, status: 65,
                       english: ["standard input: record 1: field 'summary': missing",
                                 "standard input: record 2 (id A-7): field 'receivedAt': 'gisteren' is not an RFC 3339 time",
                                 "standard input: record 4: the id 'A-7' is also used by record 3",
                                 "standard input: record 5: field 'internal': expected true or false, found a string",
                                 "record 6 (id k␛[2Jx): field 'id': must be 1 to 64 characters without spaces or control characters",
                                 "standard input: record 7: expected an object, found a number",
                                 "nothing was imported"],
                       dutch: ["standaardinvoer: record 1: veld 'summary': ontbreekt",
                               "standaardinvoer: record 2 (id A-7): veld 'receivedAt': 'gisteren' is geen RFC 3339-tijd",
                               "standaardinvoer: record 4: het id 'A-7' wordt ook gebruikt door record 3",
                               "standaardinvoer: record 5: veld 'internal': verwacht true of false, gevonden: een string",
                               "record 6 (id k␛[2Jx): veld 'id': moet 1 tot 64 tekens lang zijn, zonder spaties of stuurtekens",
                               "standaardinvoer: record 7: verwacht een object, gevonden: een getal",
                               "er is niets geïmporteerd"],
                       notInDutch: ["field", "missing", "expected", "found", "is not", "also used", "nothing"])
        let lines = #"""
            {"customer": "Garage Peeters", "summary": "pin", "kind": "klacht", "receivedAt": "2026-11-23T08:00:00+01:00"}
            {"id": "9007199254740993", "customer": "Bakkerij", "summary": "pin", "receivedAt": "2026-11-23T08:00:00+01:00"}
            """#
        try Self.check(["import", "-"], input: lines, status: 65,
                       english: ["standard input: line 1: field 'kind': 'klacht' is not one of 'question', 'problem', 'complaint', 'bug'",
                                 "standard input: line 2 (id 9007199254740993): field 'id': an id that is a number must be below 9007199254740991"],
                       dutch: ["standaardinvoer: regel 1: veld 'kind': 'klacht' is niet een van 'question', 'problem', 'complaint', 'bug'",
                               "standaardinvoer: regel 2 (id 9007199254740993): veld 'id': een id dat een getal is moet kleiner zijn dan 9007199254740991"],
                       notInDutch: ["line", "field", "is not", "must be"])
        // A line that is not JSON: its line and column in the configured language.
        try Self.check(["import", "-"], input: "{\"customer\": \"a\", \"summary\": \"b\"}\n{\"customer\": \n", status: 65,
                       english: ["standard input: line 2, column", "nothing was imported"],
                       dutch: ["standaardinvoer: regel 2, kolom", "er is niets geïmporteerd"],
                       notInDutch: ["line 2", "column"])
    }

    @Test func aRecordsProblemsInAddJSON() throws {
        try Self.check(["add", "--json", "-"], input: #"[{"customer": "Garage Peeters"}, {"customer": " ", "summary": "x"}]"#, status: 65,
                       english: ["standard input: record 1: field 'summary': missing", "standard input: record 2: field 'customer': is empty",
                                 "nothing was added"],
                       dutch: ["standaardinvoer: record 1: veld 'summary': ontbreekt", "standaardinvoer: record 2: veld 'customer': is leeg",
                               "er is niets toegevoegd"],
                       notInDutch: ["field", "missing", "empty", "nothing"])
        // An id the store already has, and a resolve before its receipt.
        try Self.check(["add", "--json", "-"], prepare: [["add", "--customer", "Garage Peeters", "--summary", "pin"]],
                       input: #"""
                           [{"id": "1", "customer": "Bakkerij", "summary": "pin"},
                            {"customer": "Slager", "summary": "x", "receivedAt": "2026-11-23T09:00:00+01:00", "status": "resolved", "resolvedAt": "2026-11-23T08:00:00+01:00"}]
                           """#, status: 65,
                       english: ["standard input: record 2: field 'resolvedAt': 2026-11-23T08:00:00+01:00 is before receivedAt 2026-11-23T09:00:00+01:00"],
                       dutch: ["standaardinvoer: record 2: veld 'resolvedAt': 2026-11-23T08:00:00+01:00 ligt voor receivedAt 2026-11-23T09:00:00+01:00"],
                       notInDutch: ["field", "is before"])
        try Self.check(["add", "--json", "-"], prepare: [["add", "--customer", "Garage Peeters", "--summary", "pin"]],
                       input: #"{"id": "1", "customer": "Bakkerij", "summary": "pin"}"#, status: 65,
                       english: ["standard input: record 1: the id '1' is already in the store", "nothing was added"],
                       dutch: ["standaardinvoer: record 1: het id '1' staat al in de opslag", "er is niets toegevoegd"],
                       notInDutch: ["already", "nothing"])
        // Not JSON at all: the place in the configured language.
        try Self.check(["add", "--json", "-"], input: "{\"customer\": ", status: 65,
                       english: ["standard input: line 1, column"], dutch: ["standaardinvoer: regel 1, kolom"],
                       notInDutch: ["line 1", "column"])
    }

    @Test func takingBackATallyMarkThatIsNotThere() throws {
        try Self.check(["tally", "--undo", "Ann"], status: 66,
                       english: ["Ann has no tally mark on", "nothing was undone"],
                       dutch: ["Ann heeft op", "geen turfje; er is niets teruggedraaid"])
        try Self.check(["history", "--days", "veel"], status: 64,
                       english: ["--days: 'veel' is not a whole number of mornings"],
                       dutch: ["--days: 'veel' is geen heel aantal ochtenden"])
    }

    @Test func theCommandLinesOwnChecks() throws {
        try Self.check(["summary", "--force"], status: 64,
                       english: ["Error: --force goes with --send"], dutch: ["Fout: --force hoort bij --send"])
        try Self.check(["tally", "--undo"], status: 64,
                       english: ["Error: --undo needs the NAME whose last mark to take back"],
                       dutch: ["Fout: --undo heeft de NAAM nodig van wie het laatste turfje terug moet"])
    }

    @Test func theCommandLinesNoticesToo() throws {
        for (language, expected) in [("en", "no mail taken in yet"), ("nl", "nog geen mail binnengekomen")] {
            let (dir, env) = try Self.setUp(language)
            defer { try? FileManager.default.removeItem(at: dir) }
            let result = try TenBoardBinary.run(["intake", "--log"], environment: env)
            #expect(result.status == 0, "\(language): \(result.stderr)")
            #expect(result.stdout == expected + "\n", "\(language): \(result.stdout)")
        }
    }

    @Test func theArgumentParsersUsageErrors() throws {
        try Self.check(["list", "--jsn"], status: 64,
                       english: ["Error: Unknown option '--jsn'", "Usage: tenboard list", "See 'tenboard list --help' for more information."],
                       dutch: ["Fout: onbekende optie '--jsn'. Bedoel je '--json'?", "Gebruik: tenboard list",
                               "Zie 'tenboard list --help' voor meer informatie."])
        try Self.check(["resolve"], status: 64,
                       english: ["Error: Missing expected argument '<id>'"], dutch: ["Fout: verwacht argument ontbreekt: '<id>'"])
    }
}
