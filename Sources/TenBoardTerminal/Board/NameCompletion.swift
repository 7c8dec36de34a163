/// Tab completion of a name already known (assignees, helpers, tally names): the next name that
/// starts with what was typed (any case), cycling on each Tab. The new-issue form's assignee and
/// the tally prompt both complete through here.
public struct NameCompletion: Sendable, Equatable {
    /// The names offered, in the order Tab cycles through them.
    public var names: [String]
    /// What was typed before Tab started cycling; `nil` once the person types again.
    private var prefix: String?

    public init(_ names: [String]) { self.names = names }

    /// The name to put in the field for Tab on `typed`; `nil` when nothing completes it.
    public mutating func next(after typed: String) -> String? {
        let start = (prefix ?? typed).lowercased()
        let matches = start.isEmpty ? [] : names.filter { $0.lowercased().hasPrefix(start) }
        guard !matches.isEmpty, matches != [typed] else { return nil }
        prefix = start
        return matches[matches.firstIndex(of: typed).map { ($0 + 1) % matches.count } ?? 0]
    }

    /// The person typed: the next Tab completes what is in the field now.
    public mutating func typed() { prefix = nil }
}
