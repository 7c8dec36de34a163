import Foundation

/// Comma-separated values as RFC 4180 writes them: CRLF after every record, a field in double
/// quotes (quotes doubled) when it holds a comma, a quote or a line break. Text from outside is
/// neutralised first (`Untrusted.oneLine`), and a field a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
public enum CSV {
    /// One record, CRLF included.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when needed.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A field of text from outside (a name, a summary): on one line, controls made visible.
    public static func untrusted(_ value: String) -> String { field(Untrusted.oneLine(value)) }
}
