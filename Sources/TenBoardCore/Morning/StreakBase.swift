/// The streak as it stood at the last morning whose issues were moved to the archive, so the
/// streak can be counted on without reading years of history.
public struct StreakBase: Sendable, Equatable {
    /// The last archived morning.
    public var through: LocalDate
    /// Mornings in a row, ending with `through`, on which every customer was helped in time.
    public var count: Int

    public init(through: LocalDate, count: Int) {
        self.through = through
        self.count = count
    }
}
