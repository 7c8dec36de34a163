import Foundation

/// The words of the morning ledger (`mornings.ledger`): what `history` and `check` say
/// when they rebuild it; both languages side by side.
extension Words {
    /// A damaged ledger file: what is wrong (`badLine`, naming the file and the line), and that
    /// nothing is lost.
    public func ledgerDamaged(_ path: String, _ detail: String) -> String {
        pick("the morning ledger is damaged (\(detail)); it holds only what the archive holds, so it is rebuilt from the archive and nothing is lost",
             "het ochtendgrootboek is beschadigd (\(detail)); het bevat alleen wat het archief bevat, dus het wordt opnieuw opgebouwd uit het archief en er gaat niets verloren")
    }

    /// The ledger is missing or was counted for other archive segments or another schedule.
    public func ledgerStale(_ path: String) -> String {
        pick("\(path) is missing or does not match the archive; rebuilding it from the archive once (this reads the whole archive)",
             "\(path) ontbreekt of past niet bij het archief; het wordt eenmalig opnieuw opgebouwd uit het archief (dit leest het hele archief)")
    }

    /// The ledger was written again, with this many settled mornings.
    public func ledgerRebuilt(_ path: String, mornings: Int) -> String {
        pick("\(path) rebuilt: \(mornings) settled mornings", "\(path) opnieuw opgebouwd: \(mornings) afgesloten ochtenden")
    }

    /// The ledger could not be written (a store the user may only read): the history is right,
    /// only the next one is as slow.
    public func ledgerNotWritten(_ detail: String) -> String {
        pick("the morning ledger was not saved (\(detail)); the history shown is complete, the next one reads the archive again",
             "het ochtendgrootboek is niet bewaard (\(detail)); de getoonde geschiedenis is volledig, de volgende leest het archief opnieuw")
    }

    /// `check`'s line on the ledger: "1012 settled mornings".
    public func ledgerMornings(_ count: Int) -> String {
        pick("\(count) settled mornings", "\(count) afgesloten ochtenden")
    }
}
