/// The words of `tenboard list` and `tenboard show`, in English and Dutch.
public struct ListText: Sendable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ en: String, _ nl: String) -> String { language == .en ? en : nl }

    public var nobodyWaiting: String { pick("No customers waiting.", "Geen klanten die wachten.") }
    public var columns: [String] {
        language == .en
            ? ["ID", "AGE", "KIND", "CUSTOMER", "ASSIGNEE", "MORNING", "SUMMARY"]
            : ["ID", "WACHT", "SOORT", "KLANT", "TOEGEWEZEN", "OCHTEND", "SAMENVATTING"]
    }
    public func kind(_ kind: IssueKind) -> String { Words(language).kind(kind) }
    /// Labels of `show`, padded by the caller.
    public var labels: (id: String, customer: String, summary: String, kind: String, received: String, status: String,
                        assignee: String, resolved: String, action: String, internal: String, channel: String,
                        recorded: String, withdrawn: String) {
        language == .en
            ? ("id", "customer", "summary", "kind", "received", "status", "assignee", "resolved", "action", "internal", "channel",
               "recorded by", "withdrawn")
            : ("id", "klant", "samenvatting", "soort", "ontvangen", "status", "toegewezen", "opgelost", "actiepunt", "intern", "kanaal",
               "vastgelegd door", "ingetrokken")
    }
    public func status(_ status: IssueStatus) -> String {
        switch (status, language) {
        case (_, .en): status.rawValue
        case (.open, .nl): "open"
        case (.resolved, .nl): "opgelost"
        case (.withdrawn, .nl): "ingetrokken"
        }
    }
    public func resolved(at time: String, by name: String) -> String { pick("\(time) by \(name)", "\(time) door \(name)") }
    public var yes: String { pick("yes", "ja") }
}
