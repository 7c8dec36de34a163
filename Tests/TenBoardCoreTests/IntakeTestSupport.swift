import Foundation
@testable import TenBoardCore

/// Messages as the mail system hands them to `tenboard intake`.
enum IntakeMail {
    /// A message with the given header lines (Received first) and body; CRLF line ends when `crlf`.
    static func make(
        from: String = "Ann de Vries <ann@example.nl>", subject: String = "Vraag over mijn factuur",
        messageID: String? = "m1@example.nl", received: String? = "Mon, 30 Nov 2026 03:12:09 +0100",
        extra: [String] = [], body: String = "Hallo,\nwaarom is mijn factuur hoger?\nAnn\n", crlf: Bool = false
    ) -> [UInt8] {
        var lines: [String] = []
        if let received { lines += ["Received: from mx.example.nl (mx.example.nl [192.0.2.1])", "\tby support.example.com (Postfix) with ESMTP id 4F2;", "\t\(received)"] }
        lines += ["From: \(from)", "To: support@example.com", "Subject: \(subject)", "Date: Sun, 1 Jan 2017 00:00:00 +0000"]
        if let messageID { lines.append("Message-ID: <\(messageID)>") }
        lines += extra
        let text = (lines.joined(separator: "\n") + "\n\n" + body)
        return Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
    }

    /// `text` as bytes of Windows-1252 (the test's own table, for the characters it uses).
    static func cp1252(_ text: String) -> [UInt8] {
        let table: [Character: UInt8] = ["“": 0x93, "”": 0x94, "–": 0x96, "€": 0x80, "é": 0xE9, "ë": 0xEB, "’": 0x92]
        return text.flatMap { c -> [UInt8] in table[c].map { [$0] } ?? Array(String(c).utf8) }
    }
}

/// A temporary store with an intake on it.
struct IntakeFixture {
    let t = TempStore()
    var settings = IntakeSettings()
    var intake: MailIntake { MailIntake(store: t.store, settings: settings) }
    let now = Timestamp(rfc3339: "2026-11-30T08:00:00+01:00")!.date

    func record(_ raw: [UInt8], envelope: String? = "ann@example.nl", at: Date? = nil) throws -> MailIntake.Outcome {
        try intake.record(raw: raw, envelopeSender: envelope, now: at ?? now)
    }
}
