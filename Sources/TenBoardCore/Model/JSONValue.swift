import Foundation

/// Any JSON value, kept exactly so that fields tenboard does not know survive import → export.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as its literal so that no digit is lost between import and export.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A number from a Swift integer.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }


    /// A short name of the JSON type, for error messages ("expected a string, found a number").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
