import Foundation

/// The words of the trend (issue 14b): the history, the strip of the last mornings, and the
/// report's key figures, chart and tables; both languages side by side, on `Words`' formatters.
extension Words {
    // MARK: the strip

    /// The strip's glyph of one morning: ▇ met, ▁ missed, · quiet; ASCII `#`, `_`, `.`. A
    /// pending morning (today, undecided) is not drawn.
    public static func stripGlyph(_ verdict: MorningVerdict, unicode: Bool) -> String {
        switch verdict {
        case .met: unicode ? "▇" : "#"
        case .missed: unicode ? "▁" : "_"
        case .quiet, .pending: unicode ? "·" : "."
        }
    }

    /// The strip of `rows`, oldest first, one glyph each.
    public static func strip(_ rows: [MorningRow], unicode: Bool) -> String {
        rows.map { stripGlyph($0.verdict, unicode: unicode) }.joined()
    }

    /// How many mornings the strip shows.
    public static let stripLength = 20
    /// How many mornings "4 of the last 5 mornings met" looks back over.
    public static let recentLength = 5

    /// "4 of the last 5 mornings met" / "4 van de laatste 5 ochtenden gehaald"; `nil` when no
    /// morning had customers yet.
    public func lastMornings(met: Int, of total: Int) -> String? {
        guard total > 0 else { return nil }
        if total == 1 { return met == 1 ? pick("the last morning met", "de laatste ochtend gehaald")
            : pick("the last morning missed", "de laatste ochtend niet gehaald") }
        return pick("\(met) of the last \(total) mornings met", "\(met) van de laatste \(total) ochtenden gehaald")
    }

    /// The strip's legend: "▇ met ▁ missed · no customers".
    public func stripLegend(unicode: Bool) -> String {
        "\(Self.stripGlyph(.met, unicode: unicode)) " + pick("met", "gehaald")
            + "  \(Self.stripGlyph(.missed, unicode: unicode)) " + pick("missed", "niet gehaald")
            + "  \(Self.stripGlyph(.quiet, unicode: unicode)) " + pick("no customers", "geen klanten")
    }

    /// The word of a verdict in the history table.
    public func verdictWord(_ verdict: MorningVerdict) -> String {
        switch verdict {
        case .met: pick("met", "gehaald")
        case .missed: pick("missed", "niet gehaald")
        case .pending: pick("not yet", "nog niet")
        case .quiet: pick("quiet", "rustig")
        }
    }

    // MARK: tenboard history

    /// The column heads of `tenboard history` on a terminal.
    public var historyColumns: [String] {
        language == .en
            ? ["MORNING", "CUSTOMERS", "IN TIME", "LATE", "OPEN AT DEADLINE", "WAITING", "CARRIED OVER", "GOAL", "STREAK", "TALLY"]
            : ["OCHTEND", "KLANTEN", "OP TIJD", "TE LAAT", "OPEN OM DEADLINE", "WACHTEN", "VAN EERDER", "DOEL", "REEKS", "TURF"]
    }

    /// `tenboard history` with no morning to show.
    public var noHistory: String { pick("No mornings with customers yet.", "Nog geen ochtenden met klanten.") }

    /// The error for a bad `--days`.
    public func badDays(_ text: String) -> String {
        pick("--days: '\(Untrusted.quoted(text))' is not a whole number of mornings from 1 to 100000",
             "--days: '\(Untrusted.quoted(text))' is geen heel aantal ochtenden van 1 tot 100000")
    }

    // MARK: the report's key figures and chart

    /// The key figures' labels, in the order the report shows them.
    public var figureCustomers: String { pick("Customers", "Klanten") }
    public func figureInTime(_ time: String) -> String { pick("Helped before \(time)", "Voor \(time) geholpen") }
    public var figureLate: String { pick("Helped late", "Te laat geholpen") }
    public var figureWaiting: String { pick("Still waiting", "Wachten nog") }
    public var figureStreak: String { pick("Streak", "Reeks") }
    public var figureFourWeeks: String { pick("Last 4 weeks", "Laatste 4 weken") }

    /// "17 of 20 mornings met"; "no mornings yet".
    public func metOf(met: Int, of total: Int) -> String {
        guard total > 0 else { return pick("no mornings yet", "nog geen ochtenden") }
        return total == 1 ? pick("\(met) of 1 morning met", "\(met) van 1 ochtend gehaald")
            : pick("\(met) of \(total) mornings met", "\(met) van \(total) ochtenden gehaald")
    }

    /// The chart's heading: "The last 20 mornings"; "The last morning" for one.
    public func chartHeading(_ n: Int) -> String {
        n == 1 ? pick("The last morning", "De laatste ochtend") : pick("The last \(n) mornings", "De laatste \(n) ochtenden")
    }

    /// A chart column's tooltip: "Mon 30 Nov: met, 13 customers".
    public func chartCell(_ row: MorningRow) -> String {
        "\(day(row.morning)): \(verdictWord(row.verdict)), \(customers(row.customers))"
    }

    // MARK: the report's tables

    public var reportColumnCustomer: String { pick("Customer", "Klant") }
    public var reportColumnKind: String { pick("Kind", "Soort") }
    public var columnWaited: String { pick("Waited", "Wachtte") }
    public var columnWaiting: String { pick("Waiting", "Wacht") }
    public var columnHelpedBy: String { pick("Helped by", "Geholpen door") }
    public var columnAssigned: String { pick("Assigned to", "Toegewezen aan") }
    public var columnAction: String { pick("Action point", "Actiepunt") }
    public var noActionMark: String { pick("(none)", "(geen)") }
    public var notAssigned: String { pick("not assigned", "niet toegewezen") }

    /// "helped Mon 10:25, 25m late" for a late one's cell.
    public func helpedWhen(_ when: String, late: String?) -> String {
        pick("helped \(when)", "geholpen \(when)") + (late.map { pick(", \($0) late", ", \($0) te laat") } ?? "")
    }

    /// The section of customers already counting for the next morning.
    public var nextMorningHeading: String {
        pick("Already waiting for the next morning", "Wachten al voor de volgende ochtend")
    }

    /// "received Mon 09:12" in that section.
    public func receivedAt(_ when: String) -> String { pick("received \(when)", "binnen \(when)") }

    /// A helped customer who wrote again after being helped.
    public var wroteAgainSinceHelped: String { pick("wrote again since", "schreef daarna opnieuw") }
}
