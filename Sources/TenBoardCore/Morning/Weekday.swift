/// Days of the week, in `Calendar`'s order (Sunday first).
public enum Weekday: String, Sendable, CaseIterable, Hashable {
    case sun, mon, tue, wed, thu, fri, sat

    /// `Calendar.component(.weekday, …)` numbering: 1 = Sunday … 7 = Saturday.
    public var calendarNumber: Int { Weekday.allCases.firstIndex(of: self)! + 1 }
}
