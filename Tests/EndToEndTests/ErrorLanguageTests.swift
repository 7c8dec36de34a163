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
    static func check(_ arguments: [String], extra: String = "", prepare: [[String]] = [], store: (URL) throws -> Void = { _ in },
                      input: String? = nil, status: Int32, english: [String], dutch: [String]) throws {
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
