import Foundation

extension DeliveryAttempt {
    /// One line for stderr of `tenboard summary --send/--retry`, in `language`.
    public func describe(_ language: Language, zone: TimeZone) -> String {
        var line: String
        switch result {
        case .sent(let sent):
            line = ReportText.sent(language, morning: morning, recipients: sent.recipients.count, messageID: sent.messageID)
        case .alreadySent(let sent):
            line = ReportText.alreadySent(language, morning: morning, at: Timestamp(sent.sentAt, in: zone).rfc3339, messageID: sent.messageID)
        case .failed(let failure, let file):
            line = ReportText.notSent(language, morning: morning, reason: failure.reason, file: file.path)
        }
        if resumedInterrupted { line += "\n" + ReportText.interrupted(language, morning: morning) }
        return line
    }

    /// The exit status this attempt calls for: 0 when sent or sent before, else the failure's.
    public var exitCode: ExitStatus {
        if case .failed(let failure, _) = result { return failure.exitCode }
        return .ok
    }
}

/// Words of `tenboard summary` that are not about one delivery.
public enum SummaryText {
    public static func nothingPending(_ l: Language) -> String { ReportText.nothingPending(l) }

    public static func noMorning(_ l: Language, today: LocalDate) -> String {
        l == .en
            ? "\(today) has no morning (weekend or holiday): no report to send."
            : "\(today) heeft geen ochtend (weekend of feestdag): geen rapport te versturen."
    }

    public static func notAMorning(_ l: Language, _ day: LocalDate) -> String {
        l == .en
            ? "--morning \(day): that day has no morning (not a working day, or a holiday)"
            : "--morning \(day): die dag heeft geen ochtend (geen werkdag, of een feestdag)"
    }

    public static func tooEarly(_ l: Language, morning: LocalDate, deadline: String) -> String {
        l == .en
            ? "The report of \(morning) can go from its deadline (\(deadline)), when the morning is decided; nothing sent. 'tenboard summary --interim' sends an interim report now."
            : "Het rapport van \(morning) kan vanaf de deadline (\(deadline)) weg, als de ochtend beslist is; niets verstuurd. 'tenboard summary --interim' stuurt nu een tussenstand."
    }

    public static func interimSent(_ l: Language, morning: LocalDate, recipients: Int) -> String {
        l == .en
            ? "Sent an interim report of \(morning) to \(recipients) recipient(s); the morning's report still goes at the deadline."
            : "Tussenstand van \(morning) verstuurd naar \(recipients) ontvanger(s); het ochtendrapport gaat nog steeds bij de deadline."
    }

    public static func interimNotSent(_ l: Language, reason: String) -> String {
        l == .en ? "The interim report was NOT sent: \(reason)." : "De tussenstand is NIET verstuurd: \(reason)."
    }

    public static func dryRunAddresses(_ l: Language) -> String {
        l == .en
            ? "no sender or directors configured: this dry run uses placeholders; set 'sender' and 'directors' before --send"
            : "geen afzender of directeuren ingesteld: deze proefrun gebruikt invullers; stel 'sender' en 'directors' in voor --send"
    }
}
