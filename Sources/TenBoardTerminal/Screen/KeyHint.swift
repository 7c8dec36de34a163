import TenBoardCore
/// A key hint of a footer ("q quit"): the key is drawn in `.footerKey`, the label in `.footer`.
public struct KeyHint: Sendable, Equatable {
    public var key: String
    public var label: String
    /// Higher stays longer when the footer is too narrow for every hint.
    public var priority: Int

    public init(_ key: String, _ label: String, priority: Int = 0) {
        self.key = key
        self.label = label
        self.priority = priority
    }

    var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
}
