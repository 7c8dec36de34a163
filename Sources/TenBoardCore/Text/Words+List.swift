// The words of `tenboard list` and `tenboard show`; ages, kinds, days and fates are the shared
// formatters of Words.swift.

extension Words {
    /// `list` with nobody waiting.
    public var noCustomersWaiting: String { pick("No customers waiting.", "Geen klanten die wachten.") }

    /// The columns of `list`.
    public var listColumns: [String] {
        language == .en
            ? ["ID", "AGE", "KIND", "CUSTOMER", "ASSIGNEE", "MORNING", "SUMMARY"]
            : ["ID", "WACHT", "SOORT", "KLANT", "TOEGEWEZEN", "OCHTEND", "SAMENVATTING"]
    }

    /// Labels of `show`, padded by the caller.
    public var showLabels: (id: String, customer: String, summary: String, kind: String, received: String, status: String,
                            assignee: String, resolved: String, action: String, internal: String, channel: String,
                            recorded: String, withdrawn: String) {
        language == .en
            ? ("id", "customer", "summary", "kind", "received", "status", "assignee", "resolved", "action", "internal", "channel",
               "recorded by", "withdrawn")
            : ("id", "klant", "samenvatting", "soort", "ontvangen", "status", "toegewezen", "opgelost", "actiepunt", "intern", "kanaal",
               "vastgelegd door", "ingetrokken")
    }

    /// An issue's status as people read it (the JSON keeps the raw value).
    public func status(_ status: IssueStatus) -> String {
        switch (status, language) {
        case (_, .en): status.rawValue
        case (.open, .nl): "open"
        case (.resolved, .nl): "opgelost"
        case (.withdrawn, .nl): "ingetrokken"
        }
    }

    /// "2026-11-24T09:40:00+01:00 by Ann".
    public func resolved(at time: String, by name: String) -> String { pick("\(time) by \(name)", "\(time) door \(name)") }

    public var yes: String { pick("yes", "ja") }
    public var no: String { pick("no", "nee") }
}
