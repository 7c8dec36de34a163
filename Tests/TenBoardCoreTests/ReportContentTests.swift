import Foundation
import Testing
@testable import TenBoardCore

@Suite("Morning report content")
struct ReportContentTests {
    typealias F = MailFixtures
    let morning = LocalDate(year: 2026, month: 11, day: 24)

    /// A missed morning: two helped in time, one late, two waiting, as seen at 10:30.
    func missed() -> MorningReportData {
        MorningReportData(
            morning: morning, asOf: F.at(10, 30), deadline: F.at(10), timeZone: F.zone,
            helped: [
                F.issue("1", customer: "Bakkerij Jansen", summary: "Factuur toont het verkeerde btw-tarief", kind: .problem,
                        received: F.at(17, 45, day: 23), resolved: F.at(9), by: "Ann", action: "Btw-controle in het factuursjabloon"),
                F.issue("2", customer: "Gemeente Utrecht", summary: "Vraag over de levertijd", kind: .question,
                        received: F.at(7, 10), resolved: F.at(8, 25), by: "Bob"),
            ],
            helpedLate: [
                F.issue("3", customer: "Jörg Müller GmbH", summary: "Klacht over de bezorger", kind: .complaint,
                        received: F.at(6), resolved: F.at(10, 20), by: "Ann", action: "Bezorgers krijgen een belinstructie"),
            ],
            waiting: [
                F.issue("4", customer: "株式会社テスト", summary: "アプリが起動しません", kind: .bug, received: F.at(7, 50), assignee: "Chris"),
                F.issue("5", customer: "X\r\nBcc: someone@elsewhere", summary: "\u{1B}[2J\u{1B}[31mRED\u{202E}txet", kind: .bug, received: F.at(7, 59)),
            ],
            streak: 0)
    }

    @Test func englishSubjectAndFirstLineSayTheGoalWasMissed() {
        let report = MorningReport(missed(), language: .en)
        #expect(report.subject == "Goal missed: 2 of 5 customers helped before 10:00 (Tue 24 Nov 2026)")
        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "GOAL MISSED: 2 still waiting, 1 helped after 10:00.")
        #expect(lines[1] == "Morning report of Tuesday 24 November 2026")
        #expect(report.text.contains("By kind: 1 question, 1 problem, 1 complaint, 2 bugs."))
        // The key figures open the report, values in one column.
        #expect(report.text.contains("""
            Customers ............ 5
            Helped before 10:00 .. 2
            Helped late .......... 1
            Still waiting ........ 2
            Streak ............... 0 (the next morning met starts one)
            Last 4 weeks ......... – (no mornings yet)
            """))
    }

    @Test func dutchSubjectAndFirstLine() {
        let report = MorningReport(missed(), language: .nl)
        #expect(report.subject == "Doel niet gehaald: 2 van 5 klanten voor 10:00 geholpen (di 24 nov 2026)")
        #expect(report.text.hasPrefix("DOEL NIET GEHAALD: 2 wachten nog, 1 na 10:00 geholpen.\nOchtendrapport van dinsdag 24 november 2026\n"))
        #expect(report.text.contains("Per soort: 1 vraag, 1 probleem, 1 klacht, 2 bugs."))
    }

    @Test func listsEachCustomerWithSummaryAgeAndAssignee() {
        let text = MorningReport(missed(), language: .en).text
        #expect(text.contains("""
            Still waiting (2)
            -----------------
            * #4 株式会社テスト: アプリが起動しません
              bug, waiting 2h 40m, assigned to Chris
            """))
        #expect(text.contains("""
            Helped after 10:00 (1)
            ----------------------
            * #3 Jörg Müller GmbH: Klacht over de bezorger
              complaint, waited 4h 20m, helped 10:20 by Ann, 20m late
            """))
        #expect(text.contains("""
            * #1 Bakkerij Jansen: Factuur toont het verkeerde btw-tarief
              problem, waited 15h 15m, helped 09:00 by Ann
            """))
        #expect(text.contains("""
            Action points, so it does not happen again
            ------------------------------------------
            * Btw-controle in het factuursjabloon (Bakkerij Jansen, Ann)
            * Bezorgers krijgen een belinstructie (Jörg Müller GmbH, Ann)
            """))
        #expect(text.contains("""
            Who helped how many customers
            -----------------------------
              Ann .............................................................. 2
              Bob .............................................................. 1
            """))
        #expect(text.contains("1 of 3 helped without an action point."))
    }

    @Test func aCustomerWhoMailedIsQuotedUnderTheirLineCleanedAndCut() {
        var mailed = F.issue("6", customer: "Renée Peeters", summary: "Storing", kind: .problem, received: F.at(7, 30))
        let text = "Goedemorgen,\n\nDe app \u{1B}[31mwerkt niet <b>sinds</b> gisteren. " + String(repeating: "x", count: 200)
        mailed.extra[Issue.messagesField] = .array([.object(["text": .string(text)])])
        let base = missed()
        let data = MorningReportData(
            morning: base.morning, asOf: base.asOf, deadline: base.deadline, timeZone: base.timeZone,
            helped: base.helped, helpedLate: base.helpedLate, waiting: base.waiting + [mailed], streak: 0)
        let report = MorningReport(data, language: .en)
        // The first line with words: the greeting; the escape never reaches the mail.
        #expect(report.text.contains("  > “Goedemorgen,”"))
        #expect(!report.text.contains("\u{1B}"))
        #expect(report.html.contains("font-style: italic;\">“Goedemorgen,”</span>"))
        var long = mailed
        long.extra[Issue.messagesField] = .array([.object(["text": .string("\n" + String(repeating: "ab ", count: 100))])])
        let cut = MorningReport(MorningReportData(
            morning: base.morning, asOf: base.asOf, deadline: base.deadline, timeZone: base.timeZone,
            helped: [], helpedLate: [], waiting: [long], streak: 0), language: .en).html
        #expect(cut.contains("…”</span>"), "a long first line is cut")
        #expect(!MorningReport(base, language: .en).text.contains("  > "), "no quote for issues that did not come by mail")
    }

    @Test func carriedOverAndWithdrawnAreShownApart() {
        var spam = F.issue("9", customer: "Spam BV", summary: "win a prize", received: F.at(7))
        spam.status = .withdrawn
        spam.withdrawnReason = "spam"
        let base = missed()
        let data = MorningReportData(
            morning: base.morning, asOf: base.asOf, deadline: base.deadline, timeZone: base.timeZone,
            helped: base.helped, helpedLate: base.helpedLate, waiting: base.waiting,
            carriedOver: [base.waiting[0]], withdrawn: [spam], missedMorning: ["4": LocalDate(year: 2026, month: 11, day: 20)],
            streak: 0)
        let text = MorningReport(data, language: .en).text
        #expect(text.contains("Customers ............ 5 (1 carried over)"))
        #expect(text.contains("bug, waiting 2h 40m, assigned to Chris, missed Fri 20 Nov"))
        #expect(text.contains("Withdrawn, not counted: #9 Spam BV (spam)."))
        let nl = MorningReport(data, language: .nl).text
        #expect(nl.contains("Ingetrokken, telt niet mee: #9 Spam BV (spam)."))
        #expect(nl.contains("gemist: vr 20 nov"))
    }

    @Test func anInterimReportSaysSo() {
        var data = missed()
        data.asOf = F.at(9, 15)
        data.helpedLate = []
        data.interim = true
        let report = MorningReport(data, language: .en)
        #expect(report.subject.hasPrefix("INTERIM (not the morning's report): Goal not met yet"))
        #expect(report.text.hasPrefix("INTERIM (not the morning's report): GOAL NOT MET YET"))
        #expect(MorningReport(data, language: .nl).subject.hasPrefix("TUSSENSTAND (niet het ochtendrapport): "))
    }

    @Test func untrustedTextCannotBreakOutOfItsLine() throws {
        let report = MorningReport(missed(), language: .en)
        let text = report.text
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || (0x80...0x9F).contains($0.value) })
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("Bcc:") })
        #expect(text.contains("* #5 X Bcc: someone@elsewhere: ␛[2J␛[31mRED"))
        let outgoing = try MorningReport.outgoing(missed(), configuration: configuration(), now: F.at(10, 30), messageID: "t.1@example.nl")
        let rendered = String(decoding: outgoing.message, as: UTF8.self)
        #expect(!MailDecode.headers(rendered).contains { $0.name.lowercased() == "bcc" })
        #expect(!rendered.split(separator: "\n").contains { $0.lowercased().hasPrefix("bcc:") })
    }

    @Test func plainTextFitsSeventyTwoColumns() {
        var data = missed()
        data.waiting.append(F.issue("6", customer: "Heel Lange Klantnaam BV", summary: String(repeating: "een zeer lange omschrijving ", count: 12)
                                    + String(repeating: "長", count: 60) + " " + String(repeating: "x", count: 200), received: F.at(7)))
        data.helped.append(F.issue("7", customer: "Y", summary: "z", received: F.at(7), resolved: F.at(8), by: String(repeating: "Naam", count: 40)))
        for language in Language.allCases {
            for line in MorningReport(data, language: language).text.split(separator: "\n") {
                #expect(ReportSanitizer.width(of: line) <= 72, "too wide: \(line)")
            }
        }
    }

    @Test func htmlIsEscaped() {
        var data = missed()
        data.waiting.append(F.issue("8", customer: "<script>alert(1)</script> & \"Co\"", summary: "<b>bold</b>", received: F.at(7)))
        let html = MorningReport(data, language: .en).html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;<br><span style=\"color:#555555\">&lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("GOAL MISSED: 3 still waiting, 1 helped after 10:00."))
        #expect(html.contains("<b>#4</b> 株式会社テスト<br><span style=\"color:#555555\">アプリが起動しません"))
    }

    @Test func aMetMorningAndAnEmptyOne() {
        var data = missed()
        data.helpedLate = []
        data.waiting = []
        data.streak = 12
        let report = MorningReport(data, language: .en)
        #expect(report.subject == "Goal met: 2 of 2 customers helped before 10:00 (Tue 24 Nov 2026)")
        #expect(report.text.hasPrefix("GOAL MET: all 2 customers were helped before 10:00.\n"))
        #expect(report.text.contains("Streak ............... 12 (mornings in a row met)"))
        #expect(MorningReport(data, language: .nl).text.contains("Reeks ................ 12 (ochtenden op rij gehaald)"))

        data.helped = []
        let empty = MorningReport(data, language: .nl)
        // A quiet morning is neutral: no goal met, no goal missed.
        #expect(empty.text.hasPrefix("GEEN KLANTEN: niemand had deze ochtend hulp nodig.\n"))
        #expect(empty.subject == "Geen klanten hadden hulp nodig (di 24 nov 2026)")
        #expect(empty.text.contains("Er zijn geen actiepunten vastgelegd."))
        #expect(empty.text.contains("Nog niemand heeft een klant geholpen."))
    }

    /// The key figures say the customers, the carried over and the streak; nothing under them
    /// says it again, in either part or language (the field report found the streak and the
    /// customers twice).
    @Test func eachThingIsSaidOnce() {
        let base = missed()
        let carried = MorningReportData(
            morning: base.morning, asOf: base.asOf, deadline: base.deadline, timeZone: base.timeZone,
            helped: base.helped, helpedLate: base.helpedLate, waiting: base.waiting, carriedOver: [base.waiting[0]], streak: 0)
        var met = missed()
        met.helpedLate = []
        met.waiting = []
        met.streak = 12
        for data in [missed(), carried, met] {
            for language in Language.allCases {
                let report = MorningReport(data, language: language)
                let w = Words(language)
                func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
                let lines = report.text.split(separator: "\n").map(String.init)
                #expect(lines.filter { $0.hasPrefix(w.figureStreak) }.count == 1, "\(language): \(report.text)")
                #expect(lines.filter { $0.hasPrefix(w.figureCustomers + " ") || $0.hasPrefix(w.figureCustomers + ":") }.count == 1,
                        "\(language): \(report.text)")
                #expect(count(w.streakNote(data.streak), in: report.text) == 1)
                #expect(count(w.streakNote(data.streak), in: report.html) == 1)
                #expect(count(">" + w.figureStreak + "<", in: report.html) == 1)
                #expect(count(">" + w.figureCustomers + "<", in: report.html) == 1)
                if !data.carriedOver.isEmpty {
                    #expect(count(w.carriedOverMark, in: report.text) == 1 && count(w.carriedOverMark, in: report.html) == 1)
                }
                // No sentence of the plain text comes twice.
                let sentences = lines.filter { $0.count > 24 && !$0.allSatisfy { $0 == "-" } }
                #expect(Set(sentences).count == sentences.count, "\(language): \(report.text)")
            }
        }
    }

    @Test func anUndecidedMorningSaysHowLongIsLeft() {
        var data = missed()
        data.asOf = F.at(9, 15)
        data.helpedLate = []
        let report = MorningReport(data, language: .en)
        #expect(report.subject == "Goal not met yet: 2 of 4 customers helped so far (Tue 24 Nov 2026)")
        #expect(report.text.hasPrefix("GOAL NOT MET YET: 2 customers still waiting, 45m to 10:00.\n"))
    }

    func configuration(language: Language = .nl) -> Configuration {
        Configuration(
            store: "/nonexistent", language: language,
            directors: [MailAddress(displayName: "Ann de Vries", address: "ann@example.nl"),
                        MailAddress(displayName: "Jörg Müller", address: "jorg@example.de"),
                        MailAddress(address: "cfo@example.nl")],
            sender: MailAddress(displayName: "tenboard", address: "dashboard@example.nl"))
    }

    @Test func outgoingReportIsAValidMailToEveryDirector() throws {
        let out = try MorningReport.outgoing(missed(), configuration: configuration(), now: F.at(10, 0))
        #expect(out.recipients.map(\.address) == ["ann@example.nl", "jorg@example.de", "cfo@example.nl"])
        #expect(out.sender.address == "dashboard@example.nl")
        #expect(out.messageID.hasPrefix("tenboard.2026-11-24.20261124T090000Z."))
        #expect(out.messageID.hasSuffix("@example.nl"))
        let rendered = String(decoding: out.message, as: UTF8.self)
        let headers = MailDecode.headers(rendered)
        #expect(MailDecode.headerValue(try #require(headers.first { $0.name == "Subject" }).value)
            == "Doel niet gehaald: 2 van 5 klanten voor 10:00 geholpen (di 24 nov 2026)")
        #expect(MailDecode.headerValue(try #require(headers.first { $0.name == "To" }).value)
            == "Ann de Vries <ann@example.nl>, Jörg Müller <jorg@example.de>, cfo@example.nl")
        #expect(headers.first { $0.name == "Message-ID" }?.value == "<\(out.messageID)>")
        #expect(headers.first { $0.name == "Content-Language" }?.value == "nl")
        #expect(MailDecode.part(rendered, contentType: "text/plain") == MorningReport(missed(), language: .nl).text)
        #expect(MailDecode.part(rendered, contentType: "text/html") == MorningReport(missed(), language: .nl).html)
        #expect(rendered.split(separator: "\n").allSatisfy { $0.utf8.count <= 998 })
    }

    @Test func missingMailSettingsAreConfigurationErrors() {
        var config = configuration(language: .en)
        config.sender = nil
        #expect(throws: TenBoardError.self) { try MorningReport.outgoing(missed(), configuration: config, now: F.at(10)) }
        do {
            _ = try MorningReport.outgoing(missed(), configuration: config, now: F.at(10))
        } catch {
            #expect(error.exitCode == .config)
            #expect(error.message.contains("TENBOARD_SENDER"))
        }
        config = configuration()
        config.directors = []
        do {
            _ = try MorningReport.outgoing(missed(), configuration: config, now: F.at(10))
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == .config)
        }
        config = configuration()
        config.directors = [MailAddress(address: "-oQ@example.nl")]
        do {
            _ = try MorningReport.outgoing(missed(), configuration: config, now: F.at(10))
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == .config)
            #expect(error.message.contains("-oQ@example.nl"))
        }
    }

    @Test func builtFromTheMorningAccount() {
        let schedule = MorningSchedule()
        let issues = [
            F.issue("a", customer: "A", summary: "s", kind: .bug, received: F.at(7), resolved: F.at(9), by: "Ann"),
            F.issue("b", customer: "B", summary: "s", kind: .complaint, received: F.at(7, 30), resolved: F.at(10, 10), by: "Bob"),
            F.issue("c", customer: "C", summary: "s", kind: .question, received: F.at(7, 45)),
            F.issue("d", customer: "D", summary: "next morning", received: F.at(8, 30)),
        ]
        let data = schedule.reportData(of: morning, issues: issues, at: F.at(10, 30))
        #expect(data.helped.map(\.id) == ["a"])
        #expect(data.helpedLate.map(\.id) == ["b"])
        #expect(data.waiting.map(\.id) == ["c"])
        #expect(data.verdict == .missed)
        #expect(data.deadline == F.at(10))
        #expect(data.asOf == F.at(10, 30))
        #expect(data.receivedByKind.map(\.kind) == [.question, .complaint, .bug])
        #expect(data.helpers.map(\.name) == ["Ann", "Bob"])
    }
}

@Suite("Report text layout")
struct ReportLayoutTests {
    @Test func widthsPerGraphemeCluster() {
        #expect(ReportSanitizer.width(of: "abc") == 3)
        #expect(ReportSanitizer.width(of: "ë") == 1)
        #expect(ReportSanitizer.width(of: "e\u{301}") == 1)
        #expect(ReportSanitizer.width(of: "株式会社") == 8)
        #expect(ReportSanitizer.width(of: "👩‍💻") == 2)
    }

    @Test func wrapsAtSpacesWithHangingIndent() {
        #expect(ReportSanitizer.wrap("aaa bbb ccc ddd", width: 9, first: "* ", rest: "  ") == ["* aaa bbb", "  ccc ddd"])
        #expect(ReportSanitizer.wrap("short", width: 78) == ["short"])
    }

    @Test func cutsWordsWiderThanALineWithoutSplittingCharacters() {
        #expect(ReportSanitizer.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(ReportSanitizer.wrap("株式会社テスト", width: 5, rest: "") == ["株式", "会社", "テス", "ト"])
    }

    @Test func cleanKeepsOneVisibleLine() {
        #expect(ReportSanitizer.clean("a\r\nb\u{2028}c\t d") == "a b c d")
        #expect(ReportSanitizer.clean("\u{1B}[31mred") == "␛[31mred")
        #expect(ReportSanitizer.clean(String(repeating: "x", count: 600)).count == ReportSanitizer.maxLength)
    }
}
