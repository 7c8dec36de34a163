import Foundation

/// Reading the structured header values intake needs: dates, addresses, message ids.
enum MailHeaderValues {
    /// An RFC 5322 date-time (`Mon, 30 Nov 2026 07:12:09 +0100`, day name and seconds optional,
    /// obsolete zone names accepted); `nil` when it is not one.
    static func date(_ text: String) -> Date? {
        // Comments such as "(CET)" are dropped; commas are separators.
        var cleaned = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { cleaned.append(c == "," ? " " : c) }
        }
        var words = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
        if let first = words.first, first.count >= 3, first.allSatisfy(\.isLetter) { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
              let month = months.firstIndex(of: words[1].prefix(3).lowercased()).map({ $0 + 1 }),
              var year = Int(words[2]) else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.count <= 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var offset = 0
        if words.count >= 5 {
            let zone = words[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let v = Int(zone.dropFirst()) {
                offset = (v / 100 * 3600 + v % 100 * 60) * (sign == "-" ? -1 : 1)
            } else if let hours = zones[zone.uppercased()] {
                offset = hours * 3600
            }
        }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = min(second, 59)
        guard let utc = calendar.date(from: components) else { return nil }
        return utc.addingTimeInterval(TimeInterval(-offset))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones = ["UT": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7]
    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The date a `Received:` field ends with, after its last `;`.
    static func receivedDate(_ field: String) -> Date? {
        guard let semicolon = field.lastIndex(of: ";") else { return nil }
        return date(String(field[field.index(after: semicolon)...]))
    }

    /// The first mailbox of an address field: display name (encoded-words decoded, quotes and
    /// escapes removed) and addr-spec. Lenient: `Name <a@b>`, `"Name" <a@b>`, `a@b (Name)`, `a@b`.
    static func mailbox(_ value: String) -> (name: String?, address: String?) {
        // Group syntax and lists: the first mailbox is the sender.
        var text = Substring(value)
        // The first `<` outside a quoted name starts the angle address (a quoted name may hold '<').
        var quoted = false, escaped = false
        let angle = text.firstIndex { c in
            defer { escaped = quoted && c == "\\" && !escaped }
            if c == "\"" && !escaped { quoted.toggle() }
            return c == "<" && !quoted
        }
        if let lt = angle, let gt = text[lt...].firstIndex(of: ">") {
            let address = text[text.index(after: lt)..<gt].trimmingBlanks()
            let name = unquote(String(text[..<lt]))
            return (name.isEmpty ? nil : name, address.isEmpty ? nil : address)
        }
        var comment: String?
        if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            comment = String(text[text.index(after: open)..<close])
            text = text[..<open] + text[text.index(after: close)...]
        }
        let address = text.split(separator: ",").first.map { $0.trimmingBlanks() } ?? ""
        let name = comment.map(unquote) ?? ""
        return (name.isEmpty ? nil : name, address.isEmpty ? nil : address)
    }

    /// A phrase as a person reads it: encoded-words decoded, quotes and backslash escapes removed.
    static func unquote(_ phrase: String) -> String {
        var out = ""
        var escaped = false
        for c in phrase {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { continue }
            out.append(c)
        }
        return Untrusted.headerValue(HeaderEncoding.decodeEncodedWords(out.trimmingBlanks()))
    }

    /// The message ids of `Message-ID`, `In-Reply-To` or `References`: what is between `<` and `>`,
    /// or a bare `left@right` word. At most 100, each at most 250 characters.
    static func messageIDs(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let lt = rest.firstIndex(of: "<"), let gt = rest[lt...].firstIndex(of: ">"), ids.count < 100 {
            let id = rest[rest.index(after: lt)..<gt].trimmingBlanks()
            if !id.isEmpty, id.count <= 250, !id.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }) { ids.append(id) }
            rest = rest[rest.index(after: gt)...]
        }
        if ids.isEmpty {
            for word in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) where word.contains("@") && word.count <= 250 {
                ids.append(String(word))
            }
        }
        return ids
    }
}
