import Foundation

/// The built-in example for `tenboard demo`: a morning in progress, with times relative to now so
/// that the board looks alive at any hour.
public enum ExampleStore {
    /// Fills `store` (expected empty) with a believable morning around `now`.
    ///
    /// Everything is placed relative to `now`: some customers helped in the last hours, some
    /// waiting for a while, one that came in a minute ago, a few resolved days ago for the streak.
    public static func populate(_ store: IssueStore, now: Date = Date()) throws {
        let zone = store.schedule.timeZone
        func ago(_ minutes: Double) -> String { Timestamp(now.addingTimeInterval(-minutes * 60).wholeSeconds, in: zone).rfc3339 }
        var records: [JSONValue] = []
        func issue(_ customer: String, _ summary: String, _ kind: IssueKind, received: Double,
                   resolved: Double? = nil, by: String? = nil, action: String? = nil, assignee: String? = nil,
                   channel: String = "phone", isInternal: Bool = false) {
            var o: [String: JSONValue] = [
                "customer": .string(customer), "summary": .string(summary), "kind": .string(kind.rawValue),
                "receivedAt": .string(ago(received)), "channel": .string(channel), "internal": .bool(isInternal),
            ]
            if let assignee { o["assignee"] = .string(assignee) }
            if let resolved {
                o["status"] = .string("resolved")
                o["resolvedAt"] = .string(ago(resolved))
                o["resolvedBy"] = .string(by ?? "Ann")
                if let action { o["action"] = .string(action) }
            }
            records.append(.object(o))
        }
        // Days ago, all helped in time: the streak.
        for day in 1...6 {
            let m = Double(day) * 1440
            issue("Bakkerij de Vries", "Pinautomaat weigert kaarten", .problem, received: m + 300, resolved: m + 200, by: "Ann", action: "Reservepinautomaat in de kast")
            issue("Gemeente Zeist", "Vraag over de offerte", .question, received: m + 250, resolved: m + 120, by: "Bram")
        }
        // This morning so far.
        issue("Jan Jansen", "Factuur van oktober dubbel betaald", .complaint, received: 15 * 60, resolved: 50, by: "Ann",
              action: "Dubbele incasso's wekelijks controleren", assignee: "Ann", channel: "mail")
        issue("Café 't Hoekje", "Kassa print geen bonnen meer", .problem, received: 13 * 60, resolved: 35, by: "Bram", assignee: "Bram")
        issue("Müller GmbH", "Lieferung unvollständig", .complaint, received: 12 * 60, resolved: 20, by: "Ann", action: "Paklijst laten aftekenen")
        issue("Inkoop (intern)", "Nieuwe leverancier aanmaken", .question, received: 11 * 60, resolved: 10, by: "Chris", isInternal: true)
        issue("Ørsted Nederland", "Portaal geeft foutmelding 500 bij inloggen", .bug, received: 10 * 60, assignee: "Chris", channel: "web")
        issue("Sportschool FitLife", "Abonnement opzeggen, hoe?", .question, received: 9 * 60)
        issue("李小龙 Trading", "Order 4471 niet ontvangen", .problem, received: 8 * 60, assignee: "Bram", channel: "mail")
        issue("Dierenkliniek Noord", "Klacht over wachttijd aan de telefoon", .complaint, received: 6 * 60)
        issue("Fietsenmaker Hendriks", "Wanneer komt de monteur?", .question, received: 3 * 60, assignee: "Ann")
        issue("Boekhandel Het Woord", "Korting niet verrekend op factuur 2026-311", .bug, received: 90)
        issue("Tandarts Visser", "Nieuwe klant: graag terugbellen", .question, received: 1, channel: "web")
        try store.importIssues(
            records.enumerated().map { ImportRecord(position: .example($0.offset + 1), json: $0.element) },
            name: "example", at: now)
        try store.update(at: now) { state in
            state.createdAt = state.createdAt.map { $0.adding(days: -7) }
            // The tally game: who said "klant" this morning, drawn by the lead.
            for (minutes, who) in [(50, "Ann"), (40, "Bram"), (30, "Ann"), (20, "Chris")] {
                let at = Timestamp(now.addingTimeInterval(-Double(minutes) * 60).wholeSeconds, in: store.schedule.timeZone)
                state.tallyMarks.append(TallyMark(day: store.schedule.localDate(of: at.date), who: who, by: "Ann", at: at))
            }
        }
    }
}
