import Foundation
import Testing
@testable import TenBoardCore

@Suite("Mail composition and encoding")
struct MailCompositionTests {
    let sender = MailAddress(displayName: "tenboard", address: "dashboard@example.nl")

    func message(subject: String, to: [MailAddress]? = nil, text: String = "Hallo\n", html: String? = "<p>Hallo</p>\n") -> MailMessage {
        MailMessage(
            from: sender, to: to ?? [MailAddress(displayName: "Ann de Vries", address: "ann@example.nl"), MailAddress(address: "bob@example.nl")],
            subject: subject, date: MailFixtures.at(10), timeZone: MailFixtures.zone,
            messageID: "tenboard.2026-11-24.20261124T090000Z.00000000000000ff@example.nl", text: text, html: html,
            language: "nl")
    }

    @Test func headersOfAPlainMessage() throws {
        let rendered = try message(subject: "Goal met").rendered()
        let headers = MailDecode.headers(rendered)
        #expect(headers.map(\.name) == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Language", "Content-Type"])
        #expect(headers[0].value == "tenboard <dashboard@example.nl>")
        #expect(headers[1].value == "Ann de Vries <ann@example.nl>, bob@example.nl")
        #expect(headers[2].value == "Goal met")
        #expect(headers[3].value == "Tue, 24 Nov 2026 10:00:00 +0100")
        #expect(headers[4].value == "<tenboard.2026-11-24.20261124T090000Z.00000000000000ff@example.nl>")
        #expect(headers[5].value == "1.0")
        #expect(headers[8].value == "multipart/alternative;\n boundary=\"=_tenboard_00000000000000ff\"")
        #expect(!rendered.contains("\r"))
    }

    @Test func dateHeaderFollowsSummerTime() {
        let summer = Timestamp(rfc3339: "2024-03-31T10:00:00+02:00")!.date
        #expect(MailMessage.dateHeader(summer, in: MailFixtures.zone) == "Sun, 31 Mar 2024 10:00:00 +0200")
    }

    @Test func alternativesPlainFirstHTMLLast() throws {
        let rendered = try message(subject: "x", text: "plain ë\n", html: "<p>rich ë</p>\n").rendered()
        let plain = try #require(rendered.range(of: "Content-Type: text/plain; charset=utf-8"))
        let html = try #require(rendered.range(of: "Content-Type: text/html; charset=utf-8"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(rendered.hasSuffix("--=_tenboard_00000000000000ff--\n"))
        #expect(MailDecode.part(rendered, contentType: "text/plain") == "plain ë\n")
        #expect(MailDecode.part(rendered, contentType: "text/html") == "<p>rich ë</p>\n")
        #expect(rendered.components(separatedBy: "Content-Transfer-Encoding: quoted-printable").count == 3)
    }

    @Test(arguments: [
        "Doel gehaald: alle klanten geëindigd voor 10:00 (di 24 nov 2026)",
        "Übersicht für die Direktion — müde Grüße",
        "朝のレポート：すべてのお客様が10時前に対応されました。連続記録は十二日です。",
        "Emoji 🎉👩‍💻 and ë in one long subject that certainly needs more than one encoded word to fit",
    ])
    func nonASCIISubjectsBecomeEncodedWords(subject: String) throws {
        let rendered = try message(subject: subject).rendered()
        let header = try #require(MailDecode.headers(rendered).first { $0.name == "Subject" })
        #expect(MailDecode.headerValue(header.value) == subject)
        for word in header.value.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
            // Each word decodes on its own: no UTF-8 character is split between words.
            let payload = word.dropFirst(10).dropLast(2)
            let bytes = try #require(Data(base64Encoded: String(payload)))
            #expect(String(data: bytes, encoding: .utf8) != nil)
        }
        for line in rendered.split(separator: "\n") { #expect(line.utf8.count <= 78) }
    }

    @Test func longASCIISubjectIsFoldedNotEncoded() throws {
        let subject = Array(repeating: "morning", count: 20).joined(separator: " ")
        let rendered = try message(subject: subject).rendered()
        let header = try #require(MailDecode.headers(rendered).first { $0.name == "Subject" })
        #expect(header.value.contains("\n "))
        #expect(!header.value.contains("=?"))
        #expect(header.value.replacingOccurrences(of: "\n ", with: " ") == subject)
    }

    @Test func asciiThatLooksEncodedIsEncoded() throws {
        let rendered = try message(subject: "=?UTF-8?B?SGk=?=").rendered()
        let header = try #require(MailDecode.headers(rendered).first { $0.name == "Subject" })
        #expect(header.value != "=?UTF-8?B?SGk=?=")
        #expect(MailDecode.headerValue(header.value) == "=?UTF-8?B?SGk=?=")
    }

    @Test func displayNamesAreEncodedOrQuoted() throws {
        let to = [
            MailAddress(displayName: "Jörg Müller", address: "jorg@example.de"),
            MailAddress(displayName: "de Vries, Ann", address: "ann@example.nl"),
            MailAddress(displayName: "王小明", address: "wang@example.cn"),
        ]
        let rendered = try message(subject: "x", to: to).rendered()
        let header = try #require(MailDecode.headers(rendered).first { $0.name == "To" })
        #expect(header.value.replacingOccurrences(of: "\n ", with: " ").contains("\"de Vries, Ann\" <ann@example.nl>"))
        #expect(!header.value.contains("Jörg"))
        let decoded = MailDecode.headerValue(header.value)
        #expect(decoded.contains("Jörg Müller <jorg@example.de>"))
        #expect(decoded.contains("王小明 <wang@example.cn>"))
    }

    @Test func injectedLineBreaksNeverCreateAHeader() throws {
        let hostile = "X\r\nBcc: someone@elsewhere"
        // Raw, it is refused.
        #expect(throws: InvalidHeaderValue.self) { try message(subject: hostile).rendered() }
        // Neutralised (as the report does with customer text), it stays inside the Subject.
        let rendered = try message(subject: Untrusted.headerValue("Klacht van " + hostile)).rendered()
        let headers = MailDecode.headers(rendered)
        #expect(!headers.contains { $0.name.lowercased() == "bcc" })
        #expect(headers.first { $0.name == "Subject" }?.value == "Klacht van X Bcc: someone@elsewhere")
        // In a display name, it is refused too.
        let bad = MailAddress(displayName: "Ann\nBcc: x@evil.example", address: "ann@example.nl")
        #expect(throws: InvalidHeaderValue.self) { try message(subject: "x", to: [bad]).rendered() }
        let badSpec = MailAddress(address: "ann@example.nl\nBcc: x@evil.example")
        #expect(throws: InvalidHeaderValue.self) { try message(subject: "x", to: [badSpec]).rendered() }
    }

    @Test func otherControlCharactersAreRefused() {
        for control in ["\u{0}", "\u{1B}[31m", "\t", "\u{7F}", "\u{85}", "\u{2028}"] {
            #expect(throws: InvalidHeaderValue.self) { try message(subject: "a\(control)b").rendered() }
        }
    }

    @Test func invalidMessageIDIsRefused() {
        var m = message(subject: "x")
        m.messageID = "a@b>\nBcc: x@y"
        #expect(throws: InvalidHeaderValue.self) { try m.rendered() }
    }

    @Test func quotedPrintableKeepsLinesShortAndDecodesBack() {
        let long = String(repeating: "Dit is een lange regel met ë en 漢字 en = tekens. ", count: 60)
        let text = long + "\n.\nFrom here\n trailing space \n\tend"
        let encoded = QuotedPrintable.encode(text)
        for line in encoded.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.utf8.count <= 76)
            #expect(line != ".")
            #expect(!line.hasPrefix("From "))
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
        }
        #expect(MailDecode.quotedPrintable(encoded) == text)
        #expect(encoded.contains("\n=2E\n"))
        #expect(encoded.contains("=3D"))
    }

    @Test func quotedPrintableOfKnownInput() {
        #expect(QuotedPrintable.encode("a=b ë\n.\nx ") == "a=3Db =C3=AB\n=2E\nx=20")
        #expect(QuotedPrintable.encode("line\r\nnext") == "line\nnext")
    }

    @Test func aLongBodyLineNeverExceeds998Bytes() throws {
        let body = String(repeating: "x", count: 5000) + "\n" + String(repeating: "é", count: 3000)
        let rendered = try message(subject: "x", text: body, html: body).rendered()
        #expect(rendered.split(separator: "\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(rendered.split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(MailDecode.part(rendered, contentType: "text/plain") == body)
    }

    @Test func plainOnlyMessage() throws {
        let rendered = try message(subject: "x", text: "only text", html: nil).rendered()
        #expect(!rendered.contains("multipart"))
        #expect(rendered.contains("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nonly text\n"))
    }

    @Test func messageIDs() {
        let id = MessageID.make(morning: LocalDate(year: 2026, month: 11, day: 24), now: MailFixtures.at(10), domain: "example.nl", random: 0xABC)
        #expect(id == "tenboard.2026-11-24.20261124T090000Z.0000000000000abc@example.nl")
        #expect(MessageID.isValid(id))
        let a = MessageID.make(morning: LocalDate(year: 2026, month: 11, day: 24), now: MailFixtures.at(10), sender: sender)
        let b = MessageID.make(morning: LocalDate(year: 2026, month: 11, day: 24), now: MailFixtures.at(10), sender: sender)
        #expect(a != b)
        #expect(a.hasSuffix("@example.nl"))
        #expect(!MessageID.isValid("no-at-sign"))
        #expect(!MessageID.isValid("a b@c"))
    }
}

@Suite("Mail addresses")
struct MailAddressTests {
    @Test func parsesNamesAndPlainAddresses() throws {
        let a = try #require(MailAddress(parsing: "Ann de Vries <ann@example.nl>"))
        #expect(a.displayName == "Ann de Vries")
        #expect(a.address == "ann@example.nl")
        let b = try #require(MailAddress(parsing: " bob@example.nl "))
        #expect(b.displayName == nil)
        #expect(b.address == "bob@example.nl")
        let c = try #require(MailAddress(parsing: "\"Jörg Müller\" <jorg@example.de>"))
        #expect(c.displayName == "Jörg Müller")
    }

    @Test(arguments: [
        "-oQ/tmp/ @example.nl", "-f@example.nl", "ann", "ann@", "@example.nl", "ann@@example.nl",
        "ann@exa mple.nl", "ann@example..nl", "a\nb@example.nl", "Ann <ann@example.nl>\r\nBcc: x@y.z",
        "ann@-example.nl", ".ann@example.nl", "ann..b@example.nl", "Ann \"x\" <ann@example.nl>",
    ])
    func refusesWhatIsNotAPlainAddress(text: String) {
        #expect(MailAddress(parsing: text) == nil)
    }
}
