import Foundation
import TenBoardCore

// The one way tests write instants and days: as people read them, parsed by the store's own
// RFC 3339 reader, so a test never carries a second time parser.

/// The instant of an RFC 3339 time such as `2026-11-24T09:12:00+01:00`.
public func instant(_ rfc3339: String) -> Date { stamp(rfc3339).date }

/// The `Timestamp` of an RFC 3339 time, kept as written (its offset included).
public func stamp(_ rfc3339: String) -> Timestamp {
    guard let stamp = Timestamp(rfc3339: rfc3339) else { fatalError("not an RFC 3339 test time: \(rfc3339)") }
    return stamp
}

/// The local day of `YYYY-MM-DD`.
public func localDate(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("not a YYYY-MM-DD test day: \(text)") }
    return date
}
