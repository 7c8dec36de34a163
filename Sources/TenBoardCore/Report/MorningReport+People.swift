import Foundation

/// The people in the report, in plain text and HTML: the customer-thinker, "Customers thanked",
/// the tally game's week, and who helped how many this week and this month. Names and customers'
/// words are untrusted: cleaned (`ReportSanitizer.clean`) and, in HTML, escaped.
extension MorningReport {
    /// One-line facts: the customer-thinker(s), the week's and month's helpers, the tally game.
    var peopleFacts: [String] {
        let w = words
        let people = data.people
        func names(_ list: [PersonCount]) -> [String] { list.map { $0.name.map(ReportSanitizer.clean) ?? w.noName } }
        func counts(_ list: [HelperCount]) -> String {
            w.countsLine(list.map { ($0.name.map(ReportSanitizer.clean) ?? Words(language).unknownPerson, $0.count) })
        }
        var out = people.thinkers.compactMap { t in t.leaders.first.map { w.thinker(t.span, names(t.leaders), $0.count) } }
        if !people.helpedWeek.isEmpty { out.append(w.helpedIn(.week, counts(people.helpedWeek))) }
        if !people.helpedMonth.isEmpty { out.append(w.helpedIn(.month, counts(people.helpedMonth))) }
        if !people.tallyWeek.isEmpty {
            out.append(w.tallyWeek(w.countsLine(zip(names(people.tallyWeek), people.tallyWeek).map { ($0, $1.count) })))
        }
        return out
    }

    /// "Bakkerij Ömer thanked Sanne (Mon 23 Nov): …" for each praise since the morning before.
    var thankedLines: [String] {
        data.people.thanked.map {
            words.thankedLine(customer: ReportSanitizer.clean($0.customer), who: ReportSanitizer.clean($0.who),
                              text: ReportSanitizer.clean($0.text), on: $0.day)
        }
    }

    /// The people's part of the plain-text report, after "who helped how many".
    func peopleText(width w: Int) -> [String] {
        var out: [String] = []
        let facts = peopleFacts
        if !facts.isEmpty {
            out.append("")
            for line in facts { out += ReportSanitizer.wrap(line, width: w, first: "", rest: "  ") }
        }
        let thanked = thankedLines
        if !thanked.isEmpty {
            out.append("")
            let head = "\(words.customersThanked) (\(thanked.count))"
            out.append(head)
            out.append(String(repeating: "-", count: min(w, ReportSanitizer.width(of: head))))
            for line in thanked { out += ReportSanitizer.wrap(line, width: w, first: "* ", rest: "  ") }
        }
        return out
    }

    /// The people's part of the HTML report.
    var peopleHTML: [String] {
        var out: [String] = []
        for line in peopleFacts { out.append("<p style=\"margin: 4px 0 0 0;\">\(Self.escape(line))</p>") }
        let thanked = thankedLines
        if !thanked.isEmpty {
            out.append("<h2 style=\"font-size: 15px; margin: 16px 0 4px 0;\">\(Self.escape(words.customersThanked)) (\(thanked.count))</h2>")
            out.append("<ul style=\"margin: 0; padding-left: 20px;\">")
            for line in thanked { out.append("<li>\(Self.escape(line))</li>") }
            out.append("</ul>")
        }
        return out
    }
}
