import Foundation

extension MorningReport {
    /// The `text/html` part: the same content, escaped, laid out in tables with inline styles and
    /// `bgcolor` only (mail clients drop `<style>` blocks, Outlook ignores most CSS layout, and
    /// nothing external is ever loaded: no images, no scripts, no fonts).
    public var html: String {
        let l = language
        let color = switch data.verdict {
        case .met: Self.green
        case .missed: Self.red
        case .pending: "#8a5a00"
        case .quiet: "#555555"
        }
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"\(l.rawValue)\">",
            "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(Self.escape(subject))</title></head>",
            "<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #222222; margin: 0; padding: 0; background-color: #ffffff;\">",
            // One centred column: Outlook takes the width attribute, the rest max-width. A word
            // longer than the column (a customer's name without a space, a URL) breaks rather
            // than widen the mail: both properties are inherited by what is inside (the tables of
            // customers keep their short columns whole: `tableHTML`).
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td align=\"center\" style=\"padding: 8px 4px;\">",
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"max-width: 680px;\"><tr><td align=\"left\" style=\"word-break: break-word; overflow-wrap: anywhere;\">",
            "<p style=\"font-size: 18px; font-weight: bold; color: \(color); margin: 0 0 4px 0;\">\(Self.escape(headline))</p>",
            "<p style=\"margin: 0 0 12px 0; color: #555555;\">\(Self.escape(Words(l).reportTitle(date: Words(l).longDay(data.morning))))</p>",
        ]
        figuresHTML(into: &out)
        chartHTML(into: &out)
        if !underFigures.isEmpty {
            out.append("<p style=\"margin: 12px 0 0 0;\">" + underFigures.map(Self.escape).joined(separator: "<br>") + "</p>")
        }

        tableHTML(Words(l).stillWaitingHeading, waitingRows, waiting: true, into: &out)
        tableHTML(Words(l).lateHeading(time: deadlineTime), helpedRows(data.helpedLate), waiting: false, into: &out)
        tableHTML(Words(l).helpedHeading(time: deadlineTime), helpedRows(data.helped), waiting: false, into: &out)
        if let line = withoutActionLine { out.append("<p style=\"margin: 8px 0 0 0; color: #555555;\">\(Self.escape(line))</p>") }

        let following = nextMorningEntries
        if !following.isEmpty {
            out.append("<h2 style=\"font-size: 15px; margin: 16px 0 4px 0;\">\(Self.escape(words.nextMorningHeading)) (\(following.count))</h2>")
            out.append("<ul style=\"margin: 0; padding-left: 20px;\">")
            for entry in following {
                out.append("<li style=\"margin-bottom: 4px;\">\(Self.escape(entry.title))<br><span style=\"color: #555555;\">\(Self.escape(entry.detail))</span></li>")
            }
            out.append("</ul>")
        }

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
        out += peopleHTML
        out.append("<p style=\"margin: 24px 0 0 0; font-size: 12px; color: #777777;\">\(Self.escape(footer))</p>")
        out.append("</td></tr></table>")
        out.append("</td></tr></table>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    static let green = "#1b7a2f"
    static let red = "#b3261e"
    static let grey = "#c8c8c8"

    /// The key figures: three cells a row, so they fit a phone; colours by bgcolor and inline
    /// style only.
    func figuresHTML(into out: inout [String]) {
        out.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"4\" border=\"0\" style=\"border-collapse: separate;\">")
        let all = figures
        for start in stride(from: 0, to: all.count, by: 3) {
            out.append("<tr>")
            for figure in all[start..<min(start + 3, all.count)] {
                let (background, ink) = switch figure.tone {
                case .plain: ("#f1f3f5", "#222222")
                case .good: ("#e6f4ea", Self.green)
                case .bad: ("#fce8e6", Self.red)
                }
                let note = figure.note.map { "<br><span style=\"font-size: 11px; color: #555555;\">\(Self.escape($0))</span>" } ?? ""
                out.append("<td width=\"33%\" valign=\"top\" bgcolor=\"\(background)\" style=\"background-color: \(background); padding: 8px; width: 33%;\">"
                    + "<span style=\"font-size: 12px; color: #555555;\">\(Self.escape(figure.label))</span><br>"
                    + "<span style=\"font-size: 22px; font-weight: bold; color: \(ink);\">\(Self.escape(figure.value))</span>\(note)</td>")
            }
            out.append("</tr>")
        }
        out.append("</table>")
    }

    /// The last mornings as a bar chart of table cells: one column a morning, its height the
    /// number of customers, green met, red missed, grey quiet; the day of the month under it.
    func chartHTML(into out: inout [String]) {
        let rows = data.recent
        guard !rows.isEmpty else { return }
        let most = max(1, rows.map(\.customers).max() ?? 1)
        let tallest = 48
        out.append("<p style=\"font-size: 13px; font-weight: bold; margin: 12px 0 4px 0;\">\(Self.escape(words.chartHeading(rows.count)))"
            + (chartSpan.map { " <span style=\"font-weight: normal; color: #555555;\">(\(Self.escape($0)))</span>" } ?? "") + "</p>")
        out.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"2\" border=\"0\" style=\"border-collapse: separate;\">")
        // One cell a line: no line of the part grows with the number of mornings.
        out.append("<tr>")
        for row in rows {
            let color = switch row.verdict {
            case .met: Self.green
            case .missed: Self.red
            case .quiet, .pending: Self.grey
            }
            let height = row.verdict == .quiet ? 3 : max(6, tallest * row.customers / most)
            let tip = Self.escape(words.chartCell(row))
            out.append("<td valign=\"bottom\" height=\"\(tallest)\" style=\"height: \(tallest)px; width: 14px;\" title=\"\(tip)\">"
                + "<table role=\"presentation\" width=\"14\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>"
                + "<td height=\"\(height)\" bgcolor=\"\(color)\" style=\"height: \(height)px; background-color: \(color); font-size: 1px; line-height: 1px;\">&nbsp;</td>"
                + "</tr></table></td>")
        }
        out.append("</tr>")
        out.append("<tr>")
        out += rows.map { "<td align=\"center\" style=\"font-size: 10px; color: #555555;\">\($0.morning.day)</td>" }
        out.append("</tr>")
        out.append("</table>")
        out.append("<p style=\"font-size: 11px; color: #555555; margin: 2px 0 0 0;\">"
            + "<span style=\"color: \(Self.green);\">&#9632;</span> \(Self.escape(words.verdictWord(.met))) &nbsp; "
            + "<span style=\"color: \(Self.red);\">&#9632;</span> \(Self.escape(words.verdictWord(.missed))) &nbsp; "
            + "<span style=\"color: \(Self.grey);\">&#9632;</span> \(Self.escape(words.noCustomers))</p>")
    }

    /// A section of customers as a compact table: customer, kind, waited, helped by (or
    /// assigned to), action point. Narrow enough for a phone (the customer column wraps) and
    /// small: rows are told apart by a band of colour on every other one, cells carry no style but
    /// the customer's, which may break a long word (a 200-customer morning stays well under 100 KB).
    func tableHTML(_ heading: String, _ rows: [TableRow], waiting: Bool, into out: inout [String]) {
        guard !rows.isEmpty else { return }
        let w = words
        out.append("<h2 style=\"font-size: 15px; margin: 16px 0 4px 0;\">\(Self.escape(heading)) (\(rows.count))</h2>")
        // Only the customer's cell may break a word anywhere: inherited by every cell, that let a
        // long name squeeze the kind and the wait to a letter a line.
        out.append("<table width=\"100%\" cellpadding=\"3\" cellspacing=\"0\" border=\"0\" style=\"border-collapse: collapse; font-size: 13px; word-break: normal; overflow-wrap: normal;\">")
        let th = "<th align=\"left\" valign=\"bottom\" style=\"font-size: 11px; color: #555555; border-bottom: 1px solid #cccccc;\">"
        var head = "<tr>" + th + Self.escape(w.reportColumnCustomer) + "</th>" + th + Self.escape(w.reportColumnKind) + "</th>"
            + th + Self.escape(waiting ? w.columnWaiting : w.columnWaited) + "</th>"
            + th + Self.escape(waiting ? w.columnAssigned : w.columnHelpedBy) + "</th>"
        if !waiting { head += th + Self.escape(w.columnAction) + "</th>" }
        out.append(head + "</tr>")
        let grey = "<br><span style=\"color:#555555\">", red = "<br><span style=\"color:\(Self.red)\">"
        for (i, row) in rows.enumerated() {
            var customer = "<b>\(Self.escape(row.id))</b> \(Self.escape(row.customer))"
            if let summary = row.summary { customer += grey + Self.escape(summary) + "</span>" }
            for mark in row.marks { customer += red + Self.escape(mark) + "</span>" }
            if let quote = row.quote { customer += "<br><span style=\"color: #555; font-style: italic;\">“\(Self.escape(quote))”</span>" }
            var waited = Self.escape(row.waited)
            if let when = row.when { waited += red + Self.escape(when) + "</span>" }
            var line = (i % 2 == 1 ? "<tr bgcolor=\"#f4f6f8\">" : "<tr>")
                + "<td valign=\"top\" style=\"word-break:break-word\">" + customer + "</td><td valign=\"top\">" + Self.escape(row.kind)
                + "</td><td valign=\"top\">" + waited + "</td><td valign=\"top\">" + Self.escape(row.who) + "</td>"
            if !waiting {
                line += "<td valign=\"top\">" + (row.action.map(Self.escape) ?? "<span style=\"color:#777777\">\(Self.escape(w.noActionMark))</span>") + "</td>"
            }
            out.append(line + "</tr>")
        }
        out.append("</table>")
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
