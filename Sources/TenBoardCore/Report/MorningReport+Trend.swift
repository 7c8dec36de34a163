import Foundation

extension MorningReport {
    /// One key figure at the top of the report.
    struct Figure {
        enum Tone { case plain, good, bad }
        var label: String
        var value: String
        /// A few words under the value ("2 carried over"); `nil` for none.
        var note: String?
        var tone: Tone
    }

    /// The key figures, in reading order: customers, in time, late, waiting, streak, the last
    /// four weeks' rate.
    var figures: [Figure] {
        let w = words
        let late = data.helpedLate.count
        let waiting = data.waiting.count
        let carried = data.carriedOver.count
        return [
            Figure(label: w.figureCustomers, value: "\(data.received.count)",
                   note: carried > 0 ? w.carriedOver(carried) : nil, tone: .plain),
            Figure(label: w.figureInTime(deadlineTime), value: "\(data.helped.count)", tone: data.helped.isEmpty ? .plain : .good),
            Figure(label: w.figureLate, value: "\(late)", tone: late > 0 ? .bad : .plain),
            Figure(label: w.figureWaiting, value: "\(waiting)", tone: waiting > 0 ? .bad : .plain),
            Figure(label: w.figureStreak, value: "\(data.streak)", note: w.streakNote(data.streak), tone: data.streak > 0 ? .good : .plain),
            Figure(label: w.figureFourWeeks, value: data.fourWeeks.of > 0 ? "\(data.fourWeeks.met * 100 / data.fourWeeks.of)%" : "–",
                   note: w.metOf(met: data.fourWeeks.met, of: data.fourWeeks.of), tone: .plain),
        ]
    }

    /// The chart's first and last day: "Tue 3 Nov – Mon 30 Nov"; `nil` without mornings.
    var chartSpan: String? {
        guard let first = data.recent.first, let last = data.recent.last else { return nil }
        return first == last ? words.day(first.morning) : "\(words.day(first.morning)) – \(words.day(last.morning))"
    }

    /// One row of a customer table: customer (id, name, summary, marks), kind, how long,
    /// who, action point.
    struct TableRow {
        var id: String
        var customer: String
        var summary: String?
        /// Red marks: "missed Fri 27 Nov", "wrote again since".
        var marks: [String]
        var quote: String?
        var kind: String
        var waited: String
        /// When a late one was helped and how late; `nil` otherwise.
        var when: String?
        var who: String
        var action: String?
    }

    var waitingRows: [TableRow] {
        data.waiting.map { issue in
            TableRow(
                id: "#" + (clean(issue.id) ?? "?"), customer: clean(issue.customer) ?? "?", summary: clean(issue.summary),
                marks: [missed(issue)].compactMap(\.self), quote: mailQuote(issue), kind: kindWord(issue),
                waited: words.age(seconds: Int(data.asOf.timeIntervalSince(issue.receivedAt.date))), when: nil,
                who: clean(issue.assignee) ?? words.notAssigned, action: nil)
        }
    }

    func helpedRows(_ issues: [Issue]) -> [TableRow] {
        issues.map { issue in
            let resolved = issue.resolvedAt?.date ?? data.asOf
            let late = resolved > data.deadline
            let lateBy = late ? words.age(seconds: Int(resolved.timeIntervalSince(data.deadline))) : nil
            var marks = [missed(issue)].compactMap(\.self)
            if issue.wroteAgainSinceHelped, let again = issue.wroteAgain?.date {
                marks.append(words.wroteAgainSinceHelped + " " + words.when(again, now: data.deadline, in: data.timeZone))
            }
            return TableRow(
                id: "#" + (clean(issue.id) ?? "?"), customer: clean(issue.customer) ?? "?", summary: clean(issue.summary),
                marks: marks, quote: nil, kind: kindWord(issue),
                waited: words.age(seconds: Int(resolved.timeIntervalSince(issue.receivedAt.date))),
                when: late ? words.helpedWhen(words.when(resolved, now: data.deadline, in: data.timeZone), late: lateBy) : nil,
                who: clean(issue.resolvedBy) ?? Words(language).unknownPerson, action: clean(issue.action))
        }
    }

    /// The customers already counting for the next morning, oldest first.
    var nextMorningEntries: [Entry] {
        data.nextMorning.map { issue in
            Entry(title: title(issue), detail: kindWord(issue) + ", "
                  + words.receivedAt(words.when(issue.receivedAt.date, now: data.asOf, in: data.timeZone))
                  + ", " + (clean(issue.assignee).map { words.columnAssigned.lowercased() + " " + $0 } ?? words.notAssigned))
        }
    }
}
