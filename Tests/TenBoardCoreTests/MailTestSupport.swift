import Foundation
@testable import TenBoardCore
import TenBoardTestSupport

/// Independent decoders for checking what the encoders wrote.
enum MailDecode {
    /// Decodes quoted-printable (soft breaks `=\n`, `=XX`) back to a string.
    static func quotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            var utf8 = Array(line.utf8)
            var soft = false
            if utf8.last == UInt8(ascii: "=") { utf8.removeLast(); soft = true }
            var j = 0
            while j < utf8.count {
                if utf8[j] == UInt8(ascii: "="), j + 2 < utf8.count, let v = UInt8(String(decoding: utf8[(j + 1)...(j + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(v)
                    j += 3
                } else {
                    bytes.append(utf8[j])
                    j += 1
                }
            }
            if !soft, i < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Unfolds a header value and decodes `=?UTF-8?B?…?=` words (adjacent words join without the
    /// white space between them, RFC 2047 §6.2).
    static func headerValue(_ folded: String) -> String {
        let unfolded = folded.replacingOccurrences(of: "\n ", with: " ")
        var out = ""
        var rest = Substring(unfolded)
        var lastWasWord = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?UTF-8?B?"), let end = rest.range(of: "?=") {
                let payload = rest[rest.index(rest.startIndex, offsetBy: 10)..<end.lowerBound]
                let data = Data(base64Encoded: String(payload)) ?? Data()
                if lastWasWord { out = String(out.reversed().drop(while: { $0 == " " }).reversed()) }
                out += String(decoding: data, as: UTF8.self)
                rest = rest[end.upperBound...]
                lastWasWord = true
            } else {
                let ch = rest.removeFirst()
                out.append(ch)
                if ch != " " { lastWasWord = false }
            }
        }
        return out
    }

    /// The header block of a rendered message as (name, raw folded value) in order.
    static func headers(_ message: String) -> [(name: String, value: String)] {
        let head = message.components(separatedBy: "\n\n").first ?? ""
        var result: [(String, String)] = []
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !result.isEmpty {
                result[result.count - 1].1 += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                result.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
            } else {
                result.append((String(line), ""))
            }
        }
        return result
    }

    /// The decoded body of the part with `contentType` in a rendered multipart message.
    static func part(_ message: String, contentType: String) -> String? {
        let chunks = message.components(separatedBy: "\n--=_tenboard_")
        for chunk in chunks where chunk.contains("Content-Type: \(contentType);") {
            guard let split = chunk.range(of: "\n\n") else { continue }
            return quotedPrintable(String(chunk[split.upperBound...]))
        }
        return nil
    }
}

enum MailFixtures {
    static let zone = TimeZone(identifier: "Europe/Amsterdam")!

    /// 2026-11-24 at `hour:minute` in Amsterdam (UTC+1 in November).
    static func at(_ hour: Int, _ minute: Int = 0, day: Int = 24) -> Date {
        instant(String(format: "2026-11-%02dT%02d:%02d:00+01:00", day, hour, minute))
    }

    static func issue(
        _ id: String, customer: String, summary: String, kind: IssueKind = .question,
        received: Date, resolved: Date? = nil, by: String? = nil, assignee: String? = nil, action: String? = nil
    ) -> Issue {
        Issue(
            id: id, customer: customer, summary: summary, kind: kind, receivedAt: Timestamp(received, in: zone),
            status: resolved == nil ? .open : .resolved, assignee: assignee,
            resolvedAt: resolved.map { Timestamp($0, in: zone) }, resolvedBy: by, action: action)
    }

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("mail") }
}
