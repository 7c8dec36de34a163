import Foundation

/// Quoted-printable body encoding (RFC 2045 §6.7) with LF line endings.
///
/// Every encoded line is at most 76 characters, so no line can come near RFC 5322's 998.
/// Beyond the RFC, a `.` or `F` that starts a line is encoded (`=2E`, `=46`): a lone `.` then
/// cannot end the message for a sendmail run without `-i`, and `From ` is not mangled into
/// `>From ` by mbox delivery.
enum QuotedPrintable {
    static let maxLine = 76

    /// Encodes `text` (any line endings) as UTF-8 quoted-printable; line breaks stay hard breaks.
    static func encode(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false)
            .map { encodeLine(Array($0.utf8)) }
            .joined(separator: "\n")
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    static func encodeLine(_ bytes: [UInt8]) -> String {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal: Bool
            switch byte {
            case 0x20, 0x09: literal = !isLast // trailing white space would be stripped in transit
            case 0x3D: literal = false
            case 0x21...0x7E: literal = true
            default: literal = false
            }
            let token: [UInt8] = literal ? [byte] : [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            // Room for the token plus a soft break `=`, except for the line's very last token.
            let room = isLast ? maxLine : maxLine - 1
            if current.count + token.count > room {
                current.append(0x3D)
                lines.append(current)
                current = []
            }
            // A soft break may have put a `.` or `F` at the start of a line: encode it there too.
            if current.isEmpty, literal, byte == 0x2E || byte == 0x46 {
                current += [0x3D, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                current += token
            }
        }
        lines.append(current)
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }
}

extension QuotedPrintable {
    /// Decodes a quoted-printable body (RFC 2045 §6.7) leniently, as mail arrives: soft breaks
    /// (`=` at a line's end, CRLF or LF) join lines, `=XX` (either case) is the byte, and an `=`
    /// that starts no valid escape is kept as it is. Trailing white space of a line is dropped.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        let n = input.count
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        var lineStart = 0
        while i < n {
            let b = input[i]
            if b == 0x3D {
                // Soft line break: `=` then optional white space then the line end.
                var j = i + 1
                while j < n, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                if j < n, input[j] == 0x0A { i = j + 1; lineStart = out.count; continue }
                if j + 1 < n, input[j] == 0x0D, input[j + 1] == 0x0A { i = j + 2; lineStart = out.count; continue }
                if j == n { i = n; continue }
                if i + 2 < n, let hi = hexValue(input[i + 1]), let lo = hexValue(input[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                    lineStart = out.count
                    continue
                }
                out.append(b)
                i += 1
            } else if b == 0x0A || (b == 0x0D && i + 1 < n && input[i + 1] == 0x0A) {
                while out.count > lineStart, out.last == 0x20 || out.last == 0x09 { out.removeLast() }
                out.append(0x0A)
                i += b == 0x0A ? 1 : 2
                lineStart = out.count
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { decode($0) }
    }
}
