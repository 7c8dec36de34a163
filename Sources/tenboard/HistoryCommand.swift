import ArgumentParser
import Foundation
import TenBoardCore

struct HistoryCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "history",
        abstract: "One row per morning: customers, helped in time, late, open at the deadline, carried over, goal, streak, tally.",
        discussion: """
            The last N mornings (default 20), oldest first, from the whole history, archive included. Columns: the morning; its customers (carried over ones included); helped before the deadline; helped after it; not helped at the deadline (late ones and those still waiting); still waiting now; carried over from an earlier morning; the goal (met, missed, quiet when nobody needed help, not yet while today's deadline is to come); the streak after that morning; the tally marks of that day (empty where the store no longer keeps them). --json gives an array of objects with the keys morning, customers, helped, helpedLate, waitingAtDeadline, waiting, carriedOver, withdrawn, verdict, streak, tally; --csv the same columns as RFC 4180 CSV with a header line.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Option(help: ArgumentHelp("How many mornings, the most recent last.", valueName: "n")) var days: String = "20"
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print CSV (RFC 4180).") var csv = false
    @Option(name: .long, help: AtOption.help) var at: String?

    func validate() throws {
        if json && csv { throw ValidationError { $0.excludeEachOther("--json", "--csv") } }
        guard let n = Int(days), n >= 1, n <= 100_000 else { throw ValidationError { $0.badDays(days) } }
    }

    func run() throws {
        do {
            let (configuration, store) = try global.openToRead()
            let instant = try AtOption.instant(at, configuration)
            let history = try store.history(at: instant) { printError($0.message(in: configuration.language)) }
            let rows = history.last(Int(days)!)
            if json {
                try writeOut(JSONWriter.pretty(.array(rows.map(\.json))) + "\n")
            } else if csv {
                try writeOut(CSV.record(MorningRow.csvHeader) + rows.map { CSV.record($0.csvFields) }.joined())
            } else {
                try writeOut(HistoryTable.render(history, rows: rows, language: configuration.language))
            }
        }
    }
}

/// `tenboard history` on a terminal: a table, then the strip and the recent rate.
enum HistoryTable {
    static func render(_ history: MorningHistory, rows: [MorningRow], language: Language) -> String {
        let words = Words(language)
        if rows.isEmpty { return words.noHistory + "\n" }
        var table = [words.historyColumns]
        for row in rows {
            table.append([
                words.day(row.morning) + " " + String(row.morning.year), "\(row.customers)", "\(row.helped)", "\(row.helpedLate)",
                "\(row.waitingAtDeadline)", "\(row.waiting)", "\(row.carriedOver)", words.verdictWord(row.verdict),
                "\(row.streak)", row.tally.map(String.init) ?? "-",
            ])
        }
        let widths = (0..<table[0].count).map { c in table.map { DisplayWidth.of($0[c]) }.max()! }
        var out = table.map { cells in
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - DisplayWidth.of(cell))
                return c == 0 || c == 7 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let strip = history.decided(Words.stripLength)
        let rate = history.metRate(last: Words.recentLength)
        out.append("")
        out.append(([Words.strip(strip, unicode: true), words.lastMornings(met: rate.met, of: rate.of), words.streak(history.rows.last?.streak ?? 0)]
            .compactMap(\.self)).joined(separator: "  "))
        return out.joined(separator: "\n") + "\n"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
