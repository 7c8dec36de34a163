import Foundation

/// The character sets received mail is decoded from: UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and
/// Windows-1252 (Dutch mail still comes in the last two: curly quotes 0x93/0x94, en dash 0x96,
/// euro sign). Tables of our own, so Foundation's platform differences do not matter.
public enum MailCharset: Sendable, Equatable {
    case utf8, latin1, latin9, windows1252

    /// The charset a MIME `charset=` parameter names; `nil` for one tenboard cannot decode.
    ///
    /// US-ASCII is read as Windows-1252, a superset that also copes with the 8-bit bytes of a
    /// sender who declared ASCII and wrote otherwise.
    public init?(name: String) {
        let n = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased()
        switch n {
        case "utf-8", "utf8": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "iso-ir-100": self = .latin1
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9", "iso_8859-15": self = .latin9
        case "windows-1252", "cp1252", "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968": self = .windows1252
        default: return nil
        }
    }

    /// Decodes `bytes`; invalid UTF-8 is not lost: it is read as Windows-1252, which is what a
    /// mislabelled Dutch mail nearly always is.
    public func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        switch self {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return MailCharset.windows1252.decode(bytes)
        case .latin1, .latin9, .windows1252:
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(bytes.count)
            for b in bytes { scalars.append(scalar(b)) }
            return String(scalars)
        }
    }

    /// Text of unknown or undeclared charset: UTF-8 when it is valid UTF-8, else Windows-1252.
    public static func guess<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        MailCharset.utf8.decode(bytes)
    }

    private func scalar(_ b: UInt8) -> Unicode.Scalar {
        switch self {
        case .latin9:
            switch b {
            case 0xA4: return "\u{20AC}"
            case 0xA6: return "\u{160}"
            case 0xA8: return "\u{161}"
            case 0xB4: return "\u{17D}"
            case 0xB8: return "\u{17E}"
            case 0xBC: return "\u{152}"
            case 0xBD: return "\u{153}"
            case 0xBE: return "\u{178}"
            default: return Unicode.Scalar(b)
            }
        case .windows1252 where (0x80...0x9F).contains(b):
            return Unicode.Scalar(MailCharset.cp1252High[Int(b) - 0x80])!
        default:
            return Unicode.Scalar(b)
        }
    }

    /// Windows-1252's 0x80…0x9F; the five undefined bytes map to U+FFFD.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
