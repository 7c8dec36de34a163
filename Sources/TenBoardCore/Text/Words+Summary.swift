import Foundation

extension DeliveryAttempt {
    /// One line for stderr of `tenboard summary --send/--retry`, in `language`.
    public func describe(_ language: Language, zone: TimeZone) -> String {
        let words = Words(language)
        var line: String
        switch result {
        case .sent(let sent):
            line = words.sent(morning: morning, recipients: sent.recipients.count, messageID: sent.messageID)
        case .alreadySent(let sent):
            line = words.alreadySent(morning: morning, at: Timestamp(sent.sentAt, in: zone).rfc3339, messageID: sent.messageID)
        case .failed(let failure, let file):
            line = words.notSent(morning: morning, reason: failure.reason, file: file.path)
        }
        if resumedInterrupted { line += "\n" + words.interrupted(morning: morning) }
        return line
    }

    /// The exit status this attempt calls for: 0 when sent or sent before, else the failure's.
    public var exitCode: ExitStatus {
        if case .failed(let failure, _) = result { return failure.exitCode }
        return .ok
    }
}

// Words of `tenboard summary` that are not about one delivery (those are in Words+Report.swift).
extension Words {
    public func noMorning(today: LocalDate) -> String {
        pick("\(today) has no morning (weekend or holiday): no report to send.",
             "\(today) heeft geen ochtend (weekend of feestdag): geen rapport te versturen.")
    }

    public func notAMorning(_ day: LocalDate) -> String {
        pick("--morning \(day): that day has no morning (not a working day, or a holiday)",
             "--morning \(day): die dag heeft geen ochtend (geen werkdag, of een feestdag)")
    }

    public func tooEarly(morning: LocalDate, deadline: String) -> String {
        pick("The report of \(morning) can go from its deadline (\(deadline)), when the morning is decided; nothing sent. 'tenboard summary --interim' sends an interim report now.",
             "Het rapport van \(morning) kan vanaf de deadline (\(deadline)) weg, als de ochtend beslist is; niets verstuurd. 'tenboard summary --interim' stuurt nu een tussenstand.")
    }

    public func interimSent(morning: LocalDate, recipients: Int) -> String {
        pick("Sent an interim report of \(morning) to \(recipients) recipient(s); the morning's report still goes at the deadline.",
             "Tussenstand van \(morning) verstuurd naar \(recipients) ontvanger(s); het ochtendrapport gaat nog steeds bij de deadline.")
    }

    public func interimNotSent(reason: String) -> String {
        pick("The interim report was NOT sent: \(reason).", "De tussenstand is NIET verstuurd: \(reason).")
    }

    public var dryRunAddresses: String {
        pick("no sender or directors configured: this dry run uses placeholders; set 'sender' and 'directors' before --send",
             "geen afzender of directeuren ingesteld: deze proefrun gebruikt invullers; stel 'sender' en 'directors' in voor --send")
    }
}
