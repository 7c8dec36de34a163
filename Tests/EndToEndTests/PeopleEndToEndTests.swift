import Foundation
import Testing
import TenBoardTestSupport

/// The tally game and praise through the real binary (issue 14): `tenboard tally` and `praise`
/// with their exit statuses, and `t` on the board in tmux.
@Suite("People on the command line")
struct PeopleCLITests {
    static func store(_ extra: [String: String] = [:]) throws -> (dir: URL, run: ([String], [String: String]) throws -> TenBoardBinary.Result) {
        let dir = try TenBoardBinary.temporaryDirectory("people")
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_NAME": "Marieke", "TENBOARD_LANGUAGE": "en"].merging(extra) { $1 }
        return (dir, { args, more in try TenBoardBinary.run(args, environment: env.merging(more) { $1 }) })
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func marksByPersonTheCapUndoAndTheOverview() throws {
        let (dir, run) = try Self.store(["TENBOARD_TALLY_DAILY_CAP": "2"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let monday = "2026-11-23T09:00:00+01:00", tuesday = "2026-11-24T09:00:00+01:00"
        var r = try run(["tally", "Sanne", "--at", monday], [:])
        #expect(r.status == 0 && r.stdout == "Mark for Sanne: 1 today.\n")
        r = try run(["tally", "Sanne", "--at", tuesday], [:])
        #expect(r.stdout == "Mark for Sanne: 1 today.\n", "a new day: \(r.stderr)")
        #expect(try run(["tally", "sanne", "--at", tuesday], [:]).stdout == "Mark for sanne: 2 today.\n")
        r = try run(["tally", "Sanne", "--at", tuesday], [:])
        #expect(r.status == 65 && r.stdout.isEmpty)
        #expect(r.stderr.contains("daily cap") && r.stderr.contains("tally-daily-cap"))
        #expect(try run(["tally", "Pieter", "--at", tuesday], ["TENBOARD_LANGUAGE": "nl"]).stdout == "Streepje voor Pieter: 1 vandaag.\n")

        // Tuesday's overview: today, the week since Monday, the month.
        let overview = try run(["tally", "--at", "2026-11-24T12:00:00+01:00"], [:])
        #expect(overview.status == 0)
        #expect(overview.stdout == """
            name    today   week  month
            Sanne       2      3      3
            Pieter      1      1      1

            """)
        let json = try Self.json(try run(["tally", "--json", "--at", "2026-11-24T12:00:00+01:00"], [:]).stdout)
        #expect(json["day"] as? String == "2026-11-24" && json["weekFrom"] as? String == "2026-11-23")
        let people = try #require(json["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Sanne", "Pieter"])
        #expect(people.first?["week"] as? Int == 3)

        // Undo: the person's last mark of that day; nothing left is exit 66.
        r = try run(["tally", "--undo", "Pieter", "--at", "2026-11-24T12:00:00+01:00"], [:])
        #expect(r.status == 0 && r.stdout == "Taken back: a mark for Pieter (0 today).\n")
        r = try run(["tally", "--undo", "Pieter", "--at", "2026-11-24T12:00:00+01:00"], [:])
        #expect(r.status == 66 && r.stderr.contains("no tally mark"))

        // Who drew the marks is kept.
        let store = try String(contentsOf: dir.appendingPathComponent("store/issues.json"), encoding: .utf8)
        #expect(store.contains("\"by\": \"Marieke\"") && store.contains("\"tallyMarks\""))
    }

    /// `praise --undo NAME` takes back NAME's last praise of that day, through the same path as
    /// `tally --undo`: exit 66 when there is none left that day, in either language.
    @Test func praiseUndoTakesBackTheLastOfTheDay() throws {
        let (dir, run) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let monday = "2026-11-23T09:00:00+01:00", tuesday = "2026-11-24T09:00:00+01:00", later = "2026-11-24T11:00:00+01:00"
        for (customer, at) in [("Bakkerij Ömer", monday), ("Garage Peeters", tuesday), ("Café 't Hoekje", later)] {
            let r = try run(["praise", "Sanne", "--customer", customer, "--text", "dacht mee", "--at", at], [:])
            #expect(r.status == 0, "\(customer): \(r.stderr)")
        }
        #expect(try run(["praise", "Pieter", "--customer", "Slager", "--text", "snel", "--at", tuesday], [:]).status == 0)
        func customers() throws -> [String] {
            let data = try Data(contentsOf: dir.appendingPathComponent("store/issues.json"))
            let store = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try #require(store["praise"] as? [[String: Any]]).compactMap { $0["customer"] as? String }
        }
        #expect(try customers() == ["Bakkerij Ömer", "Garage Peeters", "Café 't Hoekje", "Slager"])

        var r = try run(["praise", "--undo", "sanne", "--at", "2026-11-24T12:00:00+01:00"], [:])
        #expect(r.status == 0 && r.stdout == "Taken back: the praise for Sanne.\n", "\(r.stderr)")
        #expect(try customers() == ["Bakkerij Ömer", "Garage Peeters", "Slager"], "the last of Tuesday, not Pieter's")
        r = try run(["praise", "--undo", "Sanne", "--at", "2026-11-24T12:00:00+01:00"], ["TENBOARD_LANGUAGE": "nl"])
        #expect(r.status == 0 && r.stdout == "Teruggedraaid: de lof voor Sanne.\n", "\(r.stderr)")
        #expect(try customers() == ["Bakkerij Ömer", "Slager"])

        // Nothing left on Tuesday: Monday's praise is not today's, and stays.
        r = try run(["praise", "--undo", "Sanne", "--at", "2026-11-24T12:00:00+01:00"], [:])
        #expect(r.status == 66 && r.stdout.isEmpty)
        #expect(r.stderr.contains("Sanne has no praise on 2026-11-24; nothing was undone"), "\(r.stderr)")
        r = try run(["praise", "--undo", "Sanne", "--at", "2026-11-24T12:00:00+01:00"], ["TENBOARD_LANGUAGE": "nl"])
        #expect(r.status == 66 && r.stderr.contains("Sanne heeft op 2026-11-24 geen lof gekregen; er is niets teruggedraaid"), "\(r.stderr)")
        #expect(try customers() == ["Bakkerij Ömer", "Slager"])

        // --undo takes only the name; without it, --customer and --text are needed.
        r = try run(["praise", "--undo", "Sanne", "--text", "x"], [:])
        #expect(r.status == 64 && r.stderr.contains("give no --customer, --text or --issue"), "\(r.stderr)")
        r = try run(["praise", "Sanne", "--text", "x"], ["TENBOARD_LANGUAGE": "nl"])
        #expect(r.status == 64 && r.stderr.contains("--customer is verplicht (of --undo)"), "\(r.stderr)")
        #expect(try customers() == ["Bakkerij Ömer", "Slager"])
    }

    @Test func badInputIsRefusedWithTheRightStatus() throws {
        let (dir, run) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(["tally", ""], [:]).status == 64)
        #expect(try run(["tally", "--undo"], [:]).status == 64)
        #expect(try run(["tally", "Sanne", "--json"], [:]).status == 64)
        let future = try run(["tally", "Sanne", "--at", "2099-01-01T09:00:00+01:00"], [:])
        #expect(future.status == 65 && future.stderr.contains("in the future"))
        let cap = try run(["tally", "Sanne"], ["TENBOARD_TALLY_DAILY_CAP": "many"])
        #expect(cap.status == 78 && cap.stderr.contains("TENBOARD_TALLY_DAILY_CAP"))
        #expect(try run(["tally", "Sanne"], ["TENBOARD_TALLY_DAILY_CAP": "0"]).status == 78)
        #expect(try run(["praise", "Sanne", "--customer", "Bakkerij"], [:]).status == 64, "--text is required")
        #expect(try run(["praise", "Sanne", "--customer", " ", "--text", "top"], [:]).status == 64)
        let unknown = try run(["praise", "Sanne", "--customer", "Bakkerij", "--text", "top", "--issue", "99"], [:])
        #expect(unknown.status == 66)
        // Nothing was stored by any of these.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("store/issues.json").path))
    }

    @Test func untrustedNamesAreNeutralisedOnOutput() throws {
        let (dir, run) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hostile = "Evil\u{1B}]0;pwned\u{07}\u{202E}Name"
        let drawn = try run(["tally", hostile, "--at", "2026-11-24T09:00:00+01:00"], [:])
        #expect(drawn.status == 0)
        let overview = try run(["tally", "--at", "2026-11-24T12:00:00+01:00"], [:])
        for out in [drawn.stdout, overview.stdout] {
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
            #expect(out.contains("Evil␛]0;pwned␇"))
        }
        let praise = try run(["praise", hostile, "--customer", "Bakkerij Ömer", "--text", "dacht echt mee", "--at", "2026-11-24T09:05:00+01:00"], [:])
        #expect(praise.status == 0 && !praise.stdout.unicodeScalars.contains { $0.value == 0x1B })
        let store = try String(contentsOf: dir.appendingPathComponent("store/issues.json"), encoding: .utf8)
        #expect(store.contains("\"customer\": \"Bakkerij Ömer\"") && store.contains("\"recordedBy\": \"Marieke\""))
    }
}

/// `t` on the board in tmux: the name asked, Tab completing a known name, Enter repeating it, `z`.
@Suite("The tally game on the board", .serialized)
struct TallyBoardEndToEndTests {
    @Test func tWithANameInARealTerminal() throws {
        let (dir, env) = try BoardEndToEndTests.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        try BoardEndToEndTests.tenboard(["assign", "2", "Sanne"], env)
        let board = try BoardEndToEndTests.board(env)
        defer { board.stop() }
        try board.waitFor("the board") { $0.contains("▶ 1") }
        try board.press("t")
        try board.waitFor("the question") { $0.contains("Who said \"klant\"? (Tab completes)") }
        try board.type("sa")
        try board.press("Tab")
        try board.waitFor("the completed name") { $0.contains("(Tab completes) Sanne") }
        try board.press("Enter")
        try board.waitFor("the mark") { $0.contains("Mark for Sanne: 1 today.") && $0.contains("tally 1") }
        try board.press("t")
        try board.waitFor("the last name offered") { $0.contains("Enter: Sanne)") }
        try board.press("Enter")
        try board.waitFor("a second mark") { $0.contains("Mark for Sanne: 2 today.") && $0.contains("tally 2") }
        try board.press("z")
        try board.waitFor("the undo") { $0.contains("Taken back: a mark for Sanne (1 today).") && $0.contains("tally 1") }
        try board.press("?")
        try board.waitFor("the game in the help") { $0.contains("The tally game: a mark for a colleague") }
        try board.press("q", "q")
        #expect(try board.waitForExit() == 0)
        let json = try #require(try BoardEndToEndTests.json(BoardEndToEndTests.tenboard(["tally", "--json", "--at", BoardEndToEndTests.at], env)) as? [String: Any])
        let people = try #require(json["people"] as? [[String: Any]])
        #expect(people.count == 1 && people[0]["name"] as? String == "Sanne" && people[0]["today"] as? Int == 1)
    }
}

/// The wall's tally row and praise in tmux, and a mark drawn by another process appearing on it.
@Suite("The tally game on the wall", .serialized)
struct TallyWallEndToEndTests {
    @Test func theTallyRowAndPraiseInARealTerminal() throws {
        let (dir, env) = try WallEndToEndTests.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        func tenboard(_ args: [String]) throws {
            let r = try TmuxSession.run([TmuxSession.binary] + args, environment: env)
            guard r.status == 0 else { throw TmuxSession.Failure("tenboard \(args.joined(separator: " ")): \(r.output)") }
        }
        for minute in 0..<6 { try tenboard(["tally", "Sanne", "--at", "2026-11-24T08:0\(minute):00+01:00"]) }
        try tenboard(["praise", "Sanne", "--customer", "Bakkerij Ömer", "--text", "Sanne dacht echt mee", "--at", "2026-11-24T08:30:00+01:00"])
        let wall = try WallEndToEndTests.startWall(env, width: 100, height: 30)
        defer { wall.stop() }
        try wall.waitFor("the tally row") { $0.contains("\"klant\" today: Sanne ||||/ | · week's lead: Sanne 6") }
        try wall.waitFor("today's praise") { $0.contains("Bakkerij Ömer thanks Sanne: \"Sanne dacht echt mee\"") }
        // Another lead draws a mark for Pieter: the wall shows it without a restart.
        try tenboard(["tally", "Pieter", "--at", "2026-11-24T08:40:00+01:00"])
        try wall.waitFor("the new mark") { $0.contains("Sanne ||||/ | · Pieter | · week's lead: Sanne 6") }
        // On a Linux console in the C locale the row is the same: nothing in it needs a font's luck.
        let console = try WallEndToEndTests.startWall(env, extra: ["TERM": "linux", "LANG": "C"], width: 100, height: 30)
        defer { console.stop() }
        try console.waitFor("the tally row under LANG=C") { $0.contains("\"klant\" today: Sanne ||||/ | - Pieter | - week's lead: Sanne 6") }
    }
}

/// The report as `tenboard summary` composes it: the customer-thinker and "Customers thanked".
@Suite("People in the report")
struct PeopleReportCLITests {
    @Test func mondaysReportNamesLastWeeksThinkerAndTheCustomersWhoThanked() throws {
        let (dir, run) = try PeopleCLITests.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (who, at) in [("Sanne", "2026-11-25T09:00:00+01:00"), ("Sanne", "2026-11-26T09:00:00+01:00"), ("Pieter", "2026-11-26T09:05:00+01:00")] {
            #expect(try run(["tally", who, "--at", at], [:]).status == 0)
        }
        #expect(try run(["praise", "Sanne", "--customer", "Bakkerij Jansen", "--text", "Sanne dacht echt mee", "--at", "2026-11-27T14:00:00+01:00"], [:]).status == 0)
        #expect(try run(["add", "--customer", "Jan", "--summary", "s", "--received", "2026-11-30T07:00:00+01:00"], [:]).status == 0)
        #expect(try run(["resolve", "1", "--by", "Ann", "--at", "2026-11-30T09:00:00+01:00"], [:]).status == 0)
        let mail = try run(["summary", "--at", "2026-11-30T10:05:00+01:00"], [:])
        #expect(mail.status == 0)
        // The text part is quoted-printable: undo its soft line breaks to read it.
        let text = mail.stdout.replacingOccurrences(of: "=\n", with: "").replacingOccurrences(of: "=\r\n", with: "")
        #expect(text.contains("Customer-thinker of the week (Mon 23 Nov =E2=80=93 Sun 29 Nov): Sanne, 2 marks"))
        #expect(text.contains("Customers thanked (1)"))
        #expect(text.contains("Bakkerij Jansen thanked Sanne (Fri 27 Nov): &quot;Sanne dacht echt mee&quot;")
                || text.contains("Bakkerij Jansen thanked Sanne (Fri 27 Nov): \"Sanne dacht echt mee\""))
        #expect(text.contains("This week: Ann 1"))
        // Tuesday's report has no thinker of the week and nobody thanked.
        let tuesday = try run(["summary", "--at", "2026-12-01T10:05:00+01:00"], [:]).stdout
        #expect(!tuesday.contains("Customer-thinker of the week") && !tuesday.contains("Customers thanked"))
    }
}
