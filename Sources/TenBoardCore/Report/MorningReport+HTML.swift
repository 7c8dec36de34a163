import Foundation

extension MorningReport {
    /// The `text/html` part: the same content, escaped, with inline styles only (mail clients
    /// drop `<style>` blocks and never load external CSS).
    public var html: String {
        let l = language
        let color = switch data.verdict {
        case .met: "#1b7a2f"
        case .missed: "#b3261e"
        case .pending: "#8a5a00"
        case .quiet: "#555555"
        }
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"\(l.rawValue)\">",
            "<head><meta charset=\"utf-8\"><title>\(Self.escape(subject))</title></head>",
            "<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222; margin: 0; padding: 16px;\">",
            "<p style=\"font-size: 18px; font-weight: bold; color: \(color); margin: 0 0 4px 0;\">\(Self.escape(headline))</p>",
            "<p style=\"margin: 0 0 12px 0; color: #555;\">\(Self.escape(Words(l).reportTitle(date: Words(l).longDay(data.morning))))</p>",
            "<p style=\"margin: 0 0 12px 0;\">\(Self.escape(receivedLine))<br>\(Self.escape(tallyLine))<br>\(Self.escape(Words(l).streakSentence(data.streak)))"
                + (withdrawnLine.map { "<br>" + Self.escape($0) } ?? "") + "</p>",
        ]

        func section(_ heading: String, _ entries: [Entry]) {
            guard !entries.isEmpty else { return }
            out.append("<h2 style=\"font-size: 15px; margin: 16px 0 4px 0;\">\(Self.escape(heading)) (\(entries.count))</h2>")
            out.append("<ul style=\"margin: 0; padding-left: 20px;\">")
            for entry in entries {
                let quote = entry.quote.map { "<br><span style=\"color: #555; font-style: italic;\">“\(Self.escape($0))”</span>" } ?? ""
                out.append("<li style=\"margin-bottom: 4px;\">\(Self.escape(entry.title))<br><span style=\"color: #555;\">\(Self.escape(entry.detail))</span>\(quote)</li>")
            }
            out.append("</ul>")
        }
        section(Words(l).stillWaitingHeading, waitingEntries)
        section(Words(l).lateHeading(time: deadlineTime), helpedEntries(data.helpedLate))
        section(Words(l).helpedHeading(time: deadlineTime), helpedEntries(data.helped))

        out.append("<h2 style=\"font-size: 15px; margin: 16px 0 4px 0;\">\(Self.escape(Words(l).actionsHeading))</h2>")
        if actionEntries.isEmpty {
            out.append("<p style=\"margin: 0;\">\(Self.escape(Words(l).noActions))</p>")
        } else {
            out.append("<ul style=\"margin: 0; padding-left: 20px;\">")
            for entry in actionEntries {
                out.append("<li>\(Self.escape(entry.title)) <span style=\"color: #555;\">\(Self.escape(entry.detail))</span></li>")
            }
            out.append("</ul>")
        }
        if let line = withoutActionLine { out.append("<p style=\"margin: 4px 0 0 0; color: #555;\">\(Self.escape(line))</p>") }

        out.append("<h2 style=\"font-size: 15px; margin: 16px 0 4px 0;\">\(Self.escape(Words(l).whoHelpedHeading))</h2>")
        if helperRows.isEmpty {
            out.append("<p style=\"margin: 0;\">\(Self.escape(Words(l).nobodyHelped))</p>")
        } else {
            out.append("<table style=\"border-collapse: collapse;\">")
            for row in helperRows {
                out.append("<tr><td style=\"padding: 2px 16px 2px 0;\">\(Self.escape(row.name))</td><td style=\"padding: 2px 0; text-align: right;\">\(row.count)</td></tr>")
            }
            out.append("</table>")
        }
        out.append("<p style=\"margin: 24px 0 0 0; font-size: 12px; color: #777;\">\(Self.escape(footer))</p>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` for HTML element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
