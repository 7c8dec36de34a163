import ArgumentParser
import Foundation
import TenBoardCore
import TenBoardTerminal

struct Tally: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "tally",
        abstract: "The tally game: draw a mark for who said \"klant\", or show today, this week and this month per person.",
        discussion: """
            \(Words(.en).tallyGame)
            \(Words(.nl).tallyGame)

            'tenboard tally NAME' draws a mark for NAME (you are recorded as who drew it); a person gets at most 'tally-daily-cap' marks a day (default \(TallyBook.defaultDailyCap)), exit 65 beyond. 'tenboard tally --undo NAME' takes back NAME's last mark of today. 'tenboard tally' lists everyone with a mark this week or this month: today, this week (from Monday) and this month, so far; --json gives {"day", "weekFrom", "monthFrom", "people": [{"name", "today", "week", "month"}]}, name null for marks from a store written before marks had names.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "Who said \"klant\".") var name: String?
    @Flag(help: "Take back NAME's last mark of today.") var undo = false
    @Flag(help: "Print the overview as JSON.") var json = false
    @Option(name: .long, help: AtOption.help) var at: String?

    func validate() throws {
        if undo, name == nil { throw ValidationError { $0.undoNeedsName } }
        if json, name != nil { throw ValidationError { $0.jsonIsForOverview } }
        if let name, TallyMark.storedName(name) == nil {
            throw ValidationError { $0.lengthFromOne("NAME", TallyMark.nameLimit) }
        }
    }

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let words = Words(configuration.language)
            let instant = try AtOption.instant(at, configuration)
            if let name {
                if undo {
                    let (mark, count) = try store.undoLastTally(of: name, at: instant)
                    try writeOut(words.untallied(Untrusted.oneLine(mark.who), today: count) + "\n")
                } else {
                    let (mark, count) = try store.drawTally(
                        who: name, by: configuration.userName, at: instant, cap: configuration.tallyDailyCap)
                    try writeOut(words.tallied(Untrusted.oneLine(mark.who), today: count) + "\n")
                }
                return
            }
            let day = configuration.schedule.localDate(of: instant)
            let people = try store.snapshot().tallyBook.overview(on: day)
            if json {
                let value = JSONValue.object([
                    "day": .string(day.description),
                    "weekFrom": .string(DaySpan.week(of: day).from.description),
                    "monthFrom": .string(DaySpan.month(of: day).from.description),
                    "people": .array(people.map { p in
                        .object(["name": p.name.map(JSONValue.string) ?? .null, "today": .int(p.today),
                                 "week": .int(p.week), "month": .int(p.month)])
                    }),
                ])
                try writeOut(JSONWriter.pretty(value) + "\n")
                return
            }
            guard !people.isEmpty else { return try writeOut(words.noMarksThisMonth + "\n") }
            let heads = words.tallyColumns
            let names = people.map { TextFit.truncate($0.name ?? words.noName, to: 40) }
            let nameWidth = max(DisplayWidth.of(heads.name), names.map { DisplayWidth.of($0) }.max() ?? 0)
            let widths = [heads.today, heads.week, heads.month].map { max(5, DisplayWidth.of($0)) }
            func line(_ first: String, _ rest: [String]) -> String {
                TextFit.pad(first, to: nameWidth) + zip(rest, widths).map { "  " + TextFit.padLeft($0, to: $1) }.joined()
            }
            var out = [line(heads.name, [heads.today, heads.week, heads.month])]
            for (person, name) in zip(people, names) {
                out.append(line(name, ["\(person.today)", "\(person.week)", "\(person.month)"]))
            }
            try writeOut(out.joined(separator: "\n") + "\n")
        }
    }
}

struct PraiseCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "praise",
        abstract: "A customer named a colleague in their feedback: on the wall today, in the next morning's report.",
        discussion: """
            Records who was praised, the customer, their words, when and by whom (you). The wall shows it for the rest of the day ("Bakkerij Ömer thanks Sanne: …"); the report of the next morning lists it under "Customers thanked". On the board, p on a helped customer does the same for their helper. 'tenboard praise --undo NAME' takes back NAME's last praise of today (exit 66 when there is none), as 'tenboard tally --undo NAME' does for a mark.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Argument(help: "The colleague the customer named.") var name: String
    @Option(help: "The customer (required unless --undo).") var customer: String?
    @Option(help: "The customer's words (required unless --undo).") var text: String?
    @Option(help: "The issue it is about, if any.") var issue: String?
    @Flag(help: "Take back NAME's last praise of today.") var undo = false
    @Option(name: .long, help: AtOption.help) var at: String?

    func validate() throws {
        guard TallyMark.storedName(name) != nil else { throw ValidationError { $0.lengthFromOne("NAME", TallyMark.nameLimit) } }
        if undo {
            guard customer == nil, text == nil, issue == nil else { throw ValidationError { $0.undoTakesOnlyName } }
            return
        }
        guard let customer else { throw ValidationError { $0.requiredOrUndo("--customer") } }
        guard let text else { throw ValidationError { $0.requiredOrUndo("--text") } }
        guard TallyMark.storedName(customer) != nil else { throw ValidationError { $0.lengthFromOne("--customer", TallyMark.nameLimit) } }
        let words = text.trimmingBlanksAndNewlines()
        guard !words.isEmpty, words.count <= Praise.textLimit else { throw ValidationError { $0.lengthFromOne("--text", Praise.textLimit) } }
    }

    func run() throws {
        do {
            let (configuration, store) = try global.open()
            let words = Words(configuration.language)
            let instant = try AtOption.instant(at, configuration)
            if undo {
                let praise = try store.undoLastPraise(of: name, at: instant)
                return try writeOut(words.unpraised(Untrusted.oneLine(praise.who)) + "\n")
            }
            if let issue { _ = try store.issue(id: issue) }
            let praise = try store.addPraise(
                who: name, customer: customer ?? "", text: text ?? "", recordedBy: configuration.userName, issue: issue,
                at: instant)
            try writeOut(words.praised(Untrusted.oneLine(praise.who)) + "\n")
        }
    }
}
