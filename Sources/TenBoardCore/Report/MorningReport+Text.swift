import Foundation

extension MorningReport {
    /// The `text/plain` part: at most 78 columns, LF line endings, nothing but printable text.
    public var text: String {
        let l = language
        let w = MorningReport.width
        var out: [String] = []
        out += ReportSanitizer.wrap(headline, width: w)
        out += ReportSanitizer.wrap(Words(l).reportTitle(date: Words(l).longDay(data.morning)), width: w)
        out.append("")
        figuresText(into: &out)
        chartText(into: &out)
        if !underFigures.isEmpty { out.append("") }
        for line in underFigures {
            out += ReportSanitizer.wrap(line, width: w)
        }

        func section(_ heading: String, _ entries: [Entry]) {
            guard !entries.isEmpty else { return }
            out.append("")
            let head = "\(heading) (\(entries.count))"
            out.append(head)
            out.append(String(repeating: "-", count: min(w, ReportSanitizer.width(of: head))))
            for entry in entries {
                out += ReportSanitizer.wrap(entry.title, width: w, first: "* ", rest: "  ")
                out += ReportSanitizer.wrap(entry.detail, width: w, first: "  ", rest: "  ")
                if let quote = entry.quote { out += ReportSanitizer.wrap("“\(quote)”", width: w, first: "  > ", rest: "    ") }
            }
        }
        section(Words(l).stillWaitingHeading, waitingEntries)
        section(Words(l).lateHeading(time: deadlineTime), helpedEntries(data.helpedLate))
        section(Words(l).helpedHeading(time: deadlineTime), helpedEntries(data.helped))
        section(words.nextMorningHeading, nextMorningEntries)

        out.append("")
        let actionsHead = Words(l).actionsHeading
        out.append(actionsHead)
        out.append(String(repeating: "-", count: min(w, ReportSanitizer.width(of: actionsHead))))
        if actionEntries.isEmpty { out.append(Words(l).noActions) }
        for entry in actionEntries {
            out += ReportSanitizer.wrap(entry.title + " " + entry.detail, width: w, first: "* ", rest: "  ")
        }
        if let line = withoutActionLine { out += ReportSanitizer.wrap(line, width: w) }

        out.append("")
        let helpersHead = Words(l).whoHelpedHeading
        out.append(helpersHead)
        out.append(String(repeating: "-", count: min(w, ReportSanitizer.width(of: helpersHead))))
        if helperRows.isEmpty { out.append(Words(l).nobodyHelped) }
        for row in helperRows {
            // Names are cut to keep the counts in one column.
            let count = String(row.count)
            let nameRoom = w - 4 - 2 - count.count
            var name = ReportSanitizer.wrap(row.name, width: nameRoom)[0]
            if name != row.name { name = String(name.dropLast()) + "…" }
            let dots = max(1, nameRoom - ReportSanitizer.width(of: name))
            out.append("  " + name + " " + String(repeating: ".", count: dots) + " " + count)
        }

        out += peopleText(width: w)

        out.append("")
        out.append("-- ")
        out += ReportSanitizer.wrap(footer, width: w)
        return out.joined(separator: "\n") + "\n"
    }

    /// The key figures, one a line, the values after dotted leaders.
    func figuresText(into out: inout [String]) {
        let all = figures
        let labelWidth = all.map { ReportSanitizer.width(of: $0.label) }.max() ?? 0
        for figure in all {
            let dots = String(repeating: ".", count: labelWidth + 2 - ReportSanitizer.width(of: figure.label))
            out += ReportSanitizer.wrap(figure.label + " " + dots + " " + figure.value + (figure.note.map { " (\($0))" } ?? ""),
                                        width: MorningReport.width, rest: "      ")
        }
    }

    /// The last mornings as a bar of block characters, its span and its legend.
    func chartText(into out: inout [String]) {
        let rows = data.recent
        guard !rows.isEmpty else { return }
        out.append("")
        out += ReportSanitizer.wrap(words.chartHeading(rows.count) + (chartSpan.map { " (\($0))" } ?? "") + ":", width: MorningReport.width)
        out.append("  " + Words.strip(rows, unicode: true))
        out.append("  " + words.stripLegend(unicode: true))
    }
}
