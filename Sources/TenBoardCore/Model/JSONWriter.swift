import Foundation

/// Writes `JSONValue` with sorted keys, so files are stable from run to run and diff well.
///
/// (swift-foundation's `JSONEncoder` only sorts with `.sortedKeys`, and cannot write the number
/// literals that `JSONValue` keeps.)
public enum JSONWriter {
    /// One line, no spaces: for JSON Lines and archives.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: nil)
        return out
    }

    /// Indented by two spaces: for files people read and edit.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0)
        return out
    }

    static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let literal): out += literal
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(indent.map { $0 + 1 }, into: &out)
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(indent, into: &out)
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                newline(indent.map { $0 + 1 }, into: &out)
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(fields[key]!, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(indent, into: &out)
            out += "}"
        }
    }

    static func newline(_ indent: Int?, into out: inout String) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Almost every string needs no escape: append it whole. (0xE2 starts U+2028 and U+2029,
        // which are escaped for JavaScript readers; such strings take the careful path.)
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
        } ?? s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }
        if plain {
            out += s
            out += "\""
            return
        }
        var plainStart = s.unicodeScalars.startIndex
        var i = plainStart
        let scalars = s.unicodeScalars
        while i != scalars.endIndex {
            let c = scalars[i]
            let escape: String?
            switch c {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default:
                escape = c.value < 0x20 || c.value == 0x7F ? String(format: "\\u%04x", c.value) : nil
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<i])
                out += escape
                plainStart = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
