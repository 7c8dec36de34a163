import Foundation
import Testing
import TenBoardTestSupport

/// A busy morning (200 customers) as every mail client gets it: delivered through msmtp to
/// aiosmtpd, and the HTML part rendered in headless Chromium at phone and desktop width.
enum BusyMorning {
    /// 200 customers of Tuesday 24 Nov 2026 besides the four of `MailDeliveryTests.issues`:
    /// helped in time, late, and waiting, with long names, action points and a hostile one.
    static let issues: String = {
        var records: [String] = []
        for n in 1...200 {
            let minute = n % 60
            let received = "2026-11-2\(n % 3 == 0 ? 3 : 4)T0\(n % 3 == 0 ? 9 : 7):\(minute < 10 ? "0" : "")\(minute):00+01:00"
            var fields = "\"id\": \"c\(n)\", \"customer\": \"Klant \(n) Bakkerij van der Berg-Ömer & Zn. \(n % 7 == 0 ? "<img src=http://x/y.png>" : "")\", "
                + "\"summary\": \"Vraag \(n) over factuur en levering, graag terugbellen\", \"kind\": \"\(["question", "problem", "complaint", "bug"][n % 4])\", "
                + "\"receivedAt\": \"\(received)\""
            switch n % 5 {
            case 0, 1, 2:
                fields += ", \"status\": \"resolved\", \"resolvedAt\": \"2026-11-24T09:\(minute < 10 ? "0" : "")\(minute):30+01:00\", \"resolvedBy\": \"Sanne\""
                if n % 2 == 0 { fields += ", \"action\": \"Checklist \(n) bijgewerkt\"" }
            case 3:
                fields += ", \"status\": \"resolved\", \"resolvedAt\": \"2026-11-24T11:\(minute < 10 ? "0" : "")\(minute):00+01:00\", \"resolvedBy\": \"Pieter\""
            default:
                fields += ", \"assignee\": \"Bram\""
            }
            records.append("{" + fields + "}")
        }
        return "[" + records.joined(separator: ",\n") + "]"
    }()

    /// What no mail client may be asked to load or run, in the markup (customer text is escaped,
    /// so a name like `<img src=…>` is text, never a tag).
    static let external = ["<img", "<script", "<link", "<iframe", "<object", "<embed", "<style", "<form", "<video", "<audio",
                           "src=", "href=", "background=", "url(", "@import", "http:", "https:", "javascript:"]

    /// Every tag of `html`, lower-cased.
    static func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var current: String?
        for ch in html {
            if ch == "<" { current = "<" } else if ch == ">", let tag = current { tags.append(tag.lowercased() + ">"); current = nil }
            else if current != nil { current!.append(ch) }
        }
        return tags
    }
}

extension MailDeliveryTests {
    @Test func aBusyMorningSuitsEveryMailClient() throws {
        guard let h = try Harness() else { return }
        let added = try TenBoardBinary.run(["add", "--json", "-"], environment: h.env, input: BusyMorning.issues)
        try #require(added.status == 0, "add: \(added.stderr)")
        let sent = try h.run(["summary", "--send", "--morning", "2026-11-24", "--at", "2026-11-24T12:00:00+01:00"])
        #expect(sent.status == 0, "stderr: \(sent.stderr)")
        let mails = try h.delivered()
        try #require(mails.count == 1)
        let mail = mails[0]
        #expect(mail.defects.isEmpty, "parser defects: \(mail.defects)")
        #expect(mail.longestLine <= 998, "every line at most 998 octets (RFC 5322), got \(mail.longestLine)")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        let html = try #require(mail.parts.last?.text)
        #expect(html.utf8.count <= 100_000, "HTML of a 200-customer morning is \(html.utf8.count) bytes")
        let tags = BusyMorning.tags(html)
        #expect(tags.count > 1000)
        for needle in BusyMorning.external {
            #expect(!tags.contains { $0.contains(needle) }, "a tag holds \(needle)")
        }
        #expect(html.contains("&lt;img src=http://x/y.png&gt;"), "the hostile name is shown as text")
        #expect(html.contains("#c200") && html.contains("#4"))
        #expect(html.contains("bgcolor=\"#1b7a2f\"") || html.contains("bgcolor=\"#b3261e\""), "the chart's coloured cells")
        let text = try #require(mail.parts.first?.text).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 }, "plain text in 72 columns")
        #expect(text.contains("#c137"))
    }
}
