import Foundation
import Testing
@testable import TenBoardCore

@Suite("Intake: MIME reader and decoders")
struct IntakeReaderTests {
    @Test("RFC 2047 encoded-words: B and Q, Latin charsets, adjacent words joined, unknown charsets kept")
    func encodedWords() {
        #expect(HeaderEncoding.decodeEncodedWords("=?ISO-8859-1?Q?Ren=E9e?= de Vries") == "Renée de Vries")
        #expect(HeaderEncoding.decodeEncodedWords("=?UTF-8?B?QmFra2VyaWogJ3QgSG9la2pl?=") == "Bakkerij 't Hoekje")
        #expect(HeaderEncoding.decodeEncodedWords("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(HeaderEncoding.decodeEncodedWords("=?iso-8859-15?Q?=A4_5?=") == "€ 5")
        #expect(HeaderEncoding.decodeEncodedWords("=?windows-1252?Q?=93hoi=94?=") == "“hoi”")
        #expect(HeaderEncoding.decodeEncodedWords("=?koi8-r?Q?abc?= x") == "=?koi8-r?Q?abc?= x")
        #expect(HeaderEncoding.decodeEncodedWords("plain =?broken") == "plain =?broken")
        // What the encoder writes, the decoder reads back.
        for text in ["Müller GmbH", "李小龙 en 😀", String(repeating: "é", count: 90)] {
            let words = HeaderEncoding.encodedWords(text)
            #expect(HeaderEncoding.decodeEncodedWords(words.joined(separator: " ")) == text)
        }
    }

    @Test("Quoted-printable: soft breaks, escapes in either case, a stray = kept; the encoder's output decodes back")
    func quotedPrintable() {
        #expect(QuotedPrintable.decode(Array("a=3Db=\nc=e9 = x\r\n".utf8)) == Array("a=bc".utf8) + [0xE9] + Array(" = x\n".utf8))
        for text in ["Goedemorgen, “klant” – € 5,–\n.\nFrom here", String(repeating: "lang ", count: 40)] {
            let encoded = QuotedPrintable.encode(text)
            #expect(String(decoding: QuotedPrintable.decode(Array(encoded.utf8)), as: UTF8.self) == text)
        }
    }

    @Test("Charsets: Windows-1252 curly quotes and en dash, ISO-8859-15 euro, invalid UTF-8 read as Windows-1252")
    func charsets() {
        #expect(MailCharset(name: "Windows-1252")!.decode([0x93, 0x61, 0x94, 0x20, 0x96]) == "“a” –")
        #expect(MailCharset(name: "ISO-8859-15")!.decode([0xA4]) == "€")
        #expect(MailCharset(name: "iso-8859-1")!.decode([0xA4, 0xE9]) == "¤é")
        #expect(MailCharset(name: "utf-8")!.decode([0x63, 0x61, 0x66, 0xE9]) == "café")
        #expect(MailCharset(name: "x-unknown") == nil)
    }

    @Test("Header: folded fields unfolded, order kept (top Received first), CRLF and LF alike")
    func header() throws {
        for crlf in [false, true] {
            let m = try MIMEMessage(raw: IntakeMail.make(crlf: crlf))
            #expect(m.header.values("Received").count == 1)
            #expect(m.header.value("received")!.hasSuffix("Mon, 30 Nov 2026 03:12:09 +0100"))
            #expect(m.header.value("Subject") == "Vraag over mijn factuur")
            #expect(String(decoding: m.raw[m.root.body], as: UTF8.self).hasPrefix("Hallo,"))
        }
    }

    @Test("Multipart: parts split at their boundaries, nested, base64 and QP decoded; limits refuse hostile nesting and part counts")
    func multipart() throws {
        let raw = Array("""
            From: a@b.nl
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            SGFsbG8g8J+YgA==
            --inner
            Content-Type: text/html

            <p>Hallo</p>
            --inner--
            --outer
            Content-Type: application/pdf; name="factuur.pdf"
            Content-Disposition: attachment; filename="factuur.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0=
            --outer--
            epilogue
            """.utf8)
        let m = try MIMEMessage(raw: raw)
        let leaves = m.root.leaves
        #expect(leaves.map(\.contentType.mimeType) == ["text/plain", "text/html", "application/pdf"])
        #expect(String(decoding: m.decodedBody(of: leaves[0]), as: UTF8.self) == "Hallo 😀")
        #expect(m.decodedBody(of: leaves[2]) == Array("%PDF-".utf8))
        let mail = IncomingMail(raw: raw)
        #expect(mail.text == "Hallo 😀")
        #expect(mail.notes == ["1 attachment: factuur.pdf"])

        // 1,000 levels of nesting: refused with a reason, not a stack overflow.
        var deep = "From: a@b.nl\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...1000 { deep += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
        #expect(throws: MIMEError.self) { try MIMEMessage(raw: Array(deep.utf8)) }
        let tooMany = "From: a@b.nl\nContent-Type: multipart/mixed; boundary=x\n\n" + String(repeating: "--x\n\nhi\n", count: 600)
        let error = #expect(throws: MIMEError.self) { try MIMEMessage(raw: Array(tooMany.utf8)) }
        #expect(error?.problem.contains("500 parts") == true)
    }

    @Test("HTML only: read as text, scripts and styles left out, entities decoded")
    func htmlOnly() {
        let raw = IntakeMail.make(
            extra: ["MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8"],
            body: "<html><head><style>p{}</style><title>x</title></head><body><p>De app &amp; de site<br>werken niet&nbsp;&#8364;</p><script>alert(1)</script></body></html>")
        #expect(IncomingMail(raw: raw).text == "De app & de site\nwerken niet €")
        #expect(HTMLText.text("a < b <!-- x > y --> c &lt;3") == "a < b c <3")
        let many = String(repeating: "<!-- x -->", count: 20_000) + "<p>einde" + String(repeating: "< ", count: 20_000)
        let start = Date()
        let text = HTMLText.text(many)
        #expect(String(text.prefix(9)) == "einde< < ")
        #expect(Date().timeIntervalSince(start) < 10, "linear in the input")
    }

    @Test("Hostile: a 50 MB line, NULs and escape sequences in the body, a header over the limit")
    func hostile() throws {
        let long = [UInt8](repeating: 0x61, count: 50 << 20)
        let big = IntakeMail.make(body: "") + long
        let start = Date()
        let mail = IncomingMail(raw: big)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(mail.readProblem == nil)
        #expect(mail.text.count == 100_000)
        let nasty = IntakeMail.make(subject: "=?utf-8?B?G1szMW1yZWQbXTA7dGl0bGUHCg==?=", body: "a\u{0}b\u{1b}[2Jc\n")
        let m = IncomingMail(raw: nasty)
        #expect(!m.subject.unicodeScalars.contains { $0.value < 0x20 })
        #expect(m.text == "ab[2Jc")
        let hugeHeader = Array(("From: a@b.nl\nX-Big: " + String(repeating: "x", count: 300_000) + "\n\nbody").utf8)
        #expect(IncomingMail(raw: hugeHeader).readProblem != nil)
    }

    @Test("Dates: RFC 5322 with and without day name, seconds and zone names; the Received date, not Date:")
    func dates() {
        #expect(MailHeaderValues.date("Mon, 30 Nov 2026 03:12:09 +0100") == Timestamp(rfc3339: "2026-11-30T03:12:09+01:00")!.date)
        #expect(MailHeaderValues.date("30 Nov 2026 02:12 GMT") == Timestamp(rfc3339: "2026-11-30T02:12:00Z")!.date)
        #expect(MailHeaderValues.date("not a date") == nil)
        #expect(IncomingMail(raw: IntakeMail.make()).receivedAt == Timestamp(rfc3339: "2026-11-30T03:12:09+01:00")!.date)
        #expect(IncomingMail(raw: IntakeMail.make(received: nil)).receivedAt == nil)
    }

    @Test("From: display name decoded, quoted names, bare addresses, comments")
    func from() {
        #expect(MailHeaderValues.mailbox("\"de Vries, Ann\" <ann@example.nl>") == ("de Vries, Ann", "ann@example.nl"))
        #expect(MailHeaderValues.mailbox("=?utf-8?Q?J=C3=BCrgen?= <j@x.de>") == ("Jürgen", "j@x.de"))
        #expect(MailHeaderValues.mailbox("bob@example.nl (Bob)") == ("Bob", "bob@example.nl"))
        #expect(MailHeaderValues.mailbox("bob@example.nl") == (nil, "bob@example.nl"))
        #expect(MailHeaderValues.mailbox("\"a <b> c\" <ann@example.nl>") == ("a <b> c", "ann@example.nl"))
        #expect(MailHeaderValues.mailbox("Ann <ann@example.nl>, Bob <bob@example.nl>") == ("Ann", "ann@example.nl"))
    }
}
