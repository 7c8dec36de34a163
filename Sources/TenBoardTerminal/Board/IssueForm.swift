import Foundation
import TenBoardCore

/// The small form of `n`: customer, summary and kind of an issue that came in by phone.
public struct IssueForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable {
        case customer, summary, kind
    }

    public var customer = TextField()
    public var summary = TextField()
    public var kind: IssueKind = .question
    public var focus: Field = .customer

    public init() {}

    /// Moves to the next field, wrapping around.
    public mutating func nextField(_ step: Int = 1) {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
    }

    /// Cycles the kind (← →, space).
    public mutating func cycleKind(_ step: Int = 1) {
        let all = IssueKind.allCases
        let index = all.firstIndex(of: kind)!
        kind = all[(index + step + all.count) % all.count]
    }

    /// Typing goes into the focused text field; on the kind field a letter picks the kind.
    public mutating func insert(_ character: Character) {
        switch focus {
        case .customer: customer.insert(character)
        case .summary: summary.insert(character)
        case .kind:
            if character == " " { cycleKind(); return }
            let lower = character.lowercased()
            if let match = IssueKind.allCases.first(where: { $0.rawValue.hasPrefix(lower) }) { kind = match }
        }
    }

    public mutating func deleteBackward() {
        switch focus {
        case .customer: customer.deleteBackward()
        case .summary: summary.deleteBackward()
        case .kind: break
        }
    }

    /// The customer name as it will be stored, or `nil` when it is still empty.
    public var validCustomer: String? {
        let trimmed = customer.text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
