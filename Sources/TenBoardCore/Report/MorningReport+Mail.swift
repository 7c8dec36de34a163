import Foundation

extension MorningReport {
    /// The report as a mail from `sender` to every director.
    ///
    /// - Parameters:
    ///   - messageID: from `MessageID.make`; kept with the outbox copy for retries.
    ///   - date: the `Date` header, normally the moment of composing.
    public func message(from sender: MailAddress, to directors: [MailAddress], messageID: String, date: Date) -> MailMessage {
        MailMessage(
            from: sender, to: directors, subject: Untrusted.headerValue(subject), date: date,
            timeZone: data.timeZone, messageID: messageID, text: text, html: html,
            language: language.rawValue)
    }

    /// Composes the report for `ReportSender`: checks the mail settings, renders the message.
    ///
    /// - Parameters:
    ///   - configuration: supplies `sender`, `directors` and `language`.
    ///   - now: the `Date` header and the time in the Message-ID.
    ///   - messageID: `nil` makes a new random one on the sender's domain.
    /// - Throws: `TenBoardError` with exit 78 naming the setting when the sender or directors are
    ///   missing or an address or display name could not be written safely.
    public static func outgoing(
        _ data: MorningReportData, configuration: Configuration, now: Date, messageID: String? = nil
    ) throws(TenBoardError) -> OutgoingReport {
        let l = configuration.language
        guard let sender = configuration.sender else {
            throw TenBoardError(Words(l).missingSender, exitCode: .config)
        }
        guard !configuration.directors.isEmpty else {
            throw TenBoardError(Words(l).missingDirectors, exitCode: .config)
        }
        let id = messageID ?? MessageID.make(morning: data.morning, now: now, sender: sender)
        let report = MorningReport(data, language: l)
        let rendered: String
        do {
            rendered = try report.message(from: sender, to: configuration.directors, messageID: id, date: now).rendered()
        } catch {
            throw TenBoardError(Words(l).invalidAddress(error.header, error.problem), exitCode: .config)
        }
        return OutgoingReport(
            morning: data.morning, messageID: id, sender: sender, recipients: configuration.directors,
            message: Data(rendered.utf8))
    }
}
