import Foundation
import TenBoardCore

/// The people on the wall: today's tally marks per person, the week's leader, today's praise
/// from customers, and who helped how many customers this week (shown when the morning has no
/// helps yet). Names and words are neutralised to one line here, where they leave the store.
public struct WallPeople: Sendable, Equatable {
    /// Today's marks per person, most first (a nameless count from an old store among them).
    public var tallyToday: [PersonCount] = []
    /// The week's leader(s) so far, with their marks; empty when nobody named has a mark.
    public var weekLeaders: [PersonCount] = []
    /// Praise recorded today, latest first.
    public var praise: [WallPraise] = []
    /// Who helped how many customers this week so far (the mornings' accounts).
    public var helpedThisWeek: [WallHelper] = []

    public init(tallyToday: [PersonCount] = [], weekLeaders: [PersonCount] = [], praise: [WallPraise] = [],
                helpedThisWeek: [WallHelper] = []) {
        self.tallyToday = tallyToday
        self.weekLeaders = weekLeaders
        self.praise = praise
        self.helpedThisWeek = helpedThisWeek
    }

    /// The people part of the wall at `at`.
    /// - Parameter morningHelpers: the morning's helpers; the week's are only counted without them.
    public static func make(snapshot: StoreSnapshot, schedule: MorningSchedule, at: Date, morningHelpers: [HelperCount]) -> WallPeople {
        let today = schedule.localDate(of: at)
        let book = snapshot.tallyBook
        let week = DaySpan.week(of: today)
        var people = WallPeople(
            tallyToday: book.people(from: today, through: today),
            weekLeaders: book.leaders(in: DaySpan(kind: .week, from: week.from, through: today)),
            praise: snapshot.praise.filter { $0.day == today && $0.at.date <= at }.reversed().map {
                WallPraise(customer: Untrusted.oneLine($0.customer), who: Untrusted.oneLine($0.who), text: Untrusted.oneLine($0.text))
            })
        if morningHelpers.isEmpty {
            people.helpedThisWeek = schedule.helpers(in: week, issues: snapshot.issues, kept: snapshot.recentMornings, at: at).map {
                WallHelper(name: $0.name ?? "?", count: $0.count)
            }
        }
        return people
    }
}

/// A customer's praise of a colleague, as the wall shows it.
public struct WallPraise: Sendable, Equatable {
    public var customer: String
    public var who: String
    public var text: String

    public init(customer: String, who: String, text: String) {
        self.customer = customer
        self.who = who
        self.text = text
    }
}

extension WallPage {
    /// Whether the tally row has room and a name to show; otherwise the day's total stays among
    /// the facts under the big digits (as for a store whose marks have no names).
    var showsTallyRow: Bool { height >= 16 && state.people.tallyToday.contains { $0.name != nil } }

    /// The tally row (today's marks per person as tally glyphs, and the week's leader), then
    /// today's praise, a line each while there is room.
    mutating func peopleLines() {
        let words = Words(state.language)
        if showsTallyRow {
            var parts = state.people.tallyToday.map { person in
                (person.name ?? words.noName) + " " + Words.tallyGlyphs(person.count)
            }
            if let lead = state.people.weekLeaders.first {
                parts.append(words.weekLeader(state.people.weekLeaders.compactMap(\.name), lead.count))
            }
            centered(words.tallyToday + " " + parts.joined(separator: " · "), role: .normal)
            row += 1
        }
        // Praise takes at most two lines, and never the last rows the waiting customers need.
        for praise in state.people.praise.prefix(2) where height - row > 8 {
            centered(words.praiseLine(customer: praise.customer, who: praise.who, text: praise.text), role: .helped)
            row += 1
        }
    }
}
