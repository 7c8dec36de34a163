import Foundation

extension DeliveryAttempt {
    /// What to say on stderr about this attempt: one line, or two when an interrupted earlier
    /// attempt may have caused a duplicate.
    ///
    /// - Parameter timeZone: for the time of an earlier delivery (`already sent at 10:00:04`).
    public func messages(_ language: Language, timeZone: TimeZone) -> [String] {
        var lines: [String] = []
        switch result {
        case .sent(let sent):
            lines.append(ReportText.sent(language, morning: morning, recipients: sent.recipients.count, messageID: sent.messageID))
        case .alreadySent(let sent):
            let at = Timestamp(sent.sentAt, in: timeZone).rfc3339
            lines.append(ReportText.alreadySent(language, morning: morning, at: at, messageID: sent.messageID))
        case .failed(let failure, let file):
            lines.append(ReportText.notSent(language, morning: morning, reason: failure.reason, file: file.path))
        }
        if resumedInterrupted, case .sent = result {
            lines.append(ReportText.interrupted(language, morning: morning))
        }
        return lines
    }
}
