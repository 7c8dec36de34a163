import Foundation

/// A header value that cannot be written safely: it would end the header or start a new one.
public struct InvalidHeaderValue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The header, such as `From`.
    public var header: String
    /// What is wrong, for the person who configured it.
    public var problem: String

    public var description: String { "the \(header) header \(problem)" }
}

/// Writing header values (RFC 5322, RFC 2047) so that no input can create a header line.
///
/// Everything here emits LF line endings, folded continuation lines starting with one space.
enum HeaderEncoding {
    /// The longest encoded-word RFC 2047 §2 allows.
    static let maxEncodedWord = 75
    /// Folded header lines stay within RFC 5322's recommended 78 characters where possible.
    static let lineLimit = 78

    /// True when `text` holds a character that a header must never contain: what
    /// `Untrusted.isForbidden` refuses (C0 including CR, LF and tab, DEL, C1, format characters
    /// such as bidi controls, the Unicode line and paragraph separators).
    static func hasControlCharacters(_ text: String) -> Bool {
        !Untrusted.isSafe(text)
    }

    /// A complete unstructured header (`Subject: …`), folded, encoded when needed.
    ///
    /// Printable ASCII is folded at spaces; anything else (non-ASCII, a literal `=?`, a word too
    /// long to fold) becomes RFC 2047 `B` encoded-words of at most 75 characters.
    /// - Throws: `InvalidHeaderValue` when `value` has control characters; pass untrusted text
    ///   through `Untrusted.headerValue` first.
    static func unstructured(_ name: String, _ value: String) throws(InvalidHeaderValue) -> String {
        guard !hasControlCharacters(value) else {
            throw InvalidHeaderValue(header: name, problem: "contains a line break or control character")
        }
        let isPlain = value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !value.contains("=?")
        if isPlain, let folded = foldASCII(name + ": " + value) {
            return folded
        }
        let words = encodedWords(value, firstLineUsed: name.count + 2)
        return name + ": " + words.joined(separator: "\n ")
    }

    /// Folds `line` at spaces into lines of at most 78 characters; `nil` when a word is too long.
    static func foldASCII(_ line: String) -> String? {
        if line.count <= lineLimit { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty && lines.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= lineLimit {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        // A continuation starts with the space that was folded; every line must hold text.
        guard lines.allSatisfy({ $0.count + 1 <= lineLimit && !$0.isEmpty }) else { return nil }
        return lines.joined(separator: "\n ")
    }

    /// `text` as `=?UTF-8?B?…?=` words, each whole UTF-8 characters, each at most 75 characters.
    ///
    /// - Parameter firstLineUsed: characters already on the first line (`Subject: `), so that the
    ///   first word keeps that line within 78 characters.
    static func encodedWords(_ text: String, firstLineUsed: Int = 0) -> [String] {
        let overhead = "=?UTF-8?B??=".count
        // Base64 turns 3 bytes into 4 characters.
        func capacity(_ room: Int) -> Int { max(3, (min(room, maxEncodedWord) - overhead) / 4 * 3) }
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(lineLimit - firstLineUsed)
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > limit, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
                limit = capacity(lineLimit - 1)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        }
        return words
    }

    /// A display name as an RFC 5322 phrase: atoms as they are, other ASCII quoted, non-ASCII
    /// as encoded-words.
    static func phrase(_ name: String, header: String) throws(InvalidHeaderValue) -> [String] {
        guard !hasControlCharacters(name) else {
            throw InvalidHeaderValue(header: header, problem: "has a display name with a line break or control character")
        }
        let isASCII = name.unicodeScalars.allSatisfy { $0.value < 0x7F }
        if !isASCII || name.contains("=?") {
            return encodedWords(name, firstLineUsed: lineLimit - maxEncodedWord - 1)
        }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        // Atoms fold between words; a quoted string cannot, so a long one is encoded instead.
        if name.allSatisfy(atext.contains) { return name.split(separator: " ").map(String.init) }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        if escaped.count + 2 > maxEncodedWord { return encodedWords(name, firstLineUsed: lineLimit - maxEncodedWord - 1) }
        return ["\"" + escaped + "\""]
    }

    /// An address header (`From`, `To`): each address on its own folded line when they do not fit.
    ///
    /// - Throws: `InvalidHeaderValue` naming the address when its addr-spec is not valid or its
    ///   display name holds control characters.
    static func addressList(_ name: String, _ addresses: [MailAddress]) throws(InvalidHeaderValue) -> String {
        guard !addresses.isEmpty else {
            throw InvalidHeaderValue(header: name, problem: "has no address")
        }
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            guard MailAddress.isValidSpec(address.address) else {
                throw InvalidHeaderValue(header: name, problem: "has an invalid address '\(Untrusted.headerValue(address.address))'")
            }
            if let display = address.displayName, !display.isEmpty {
                tokens += try phrase(display, header: name)
                tokens.append("<\(address.address)>")
            } else {
                tokens.append(address.address)
            }
            if index < addresses.count - 1 { tokens[tokens.count - 1] += "," }
        }
        return fold(name, tokens)
    }

    /// `name: ` and the tokens separated by spaces, breaking the line before a token that would
    /// make it longer than 78 characters (a token longer than that gets a line of its own).
    static func fold(_ name: String, _ tokens: [String]) -> String {
        var out = name + ":"
        var lineLength = out.count
        for token in tokens {
            if lineLength + 1 + token.count > lineLimit, lineLength > name.count + 1 {
                out += "\n " + token
                lineLength = 1 + token.count
            } else {
                out += " " + token
                lineLength += 1 + token.count
            }
        }
        return out
    }
}

extension HeaderEncoding {
    /// Decodes the RFC 2047 encoded-words of a received header value (`=?ISO-8859-1?Q?Ren=E9?=`)
    /// into text; white space between two adjacent encoded-words is dropped, as §6.2 says.
    ///
    /// Lenient as mail is: an encoded-word with an unknown charset or a broken encoding is left as
    /// it was written. Untrusted: the result can hold anything, control characters included;
    /// render it with `Untrusted` before showing it.
    static func decodeEncodedWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (text, length) = decodeEncodedWord(rest) {
                // Only white space between two encoded-words disappears.
                if !lastWasEncoded { out += pendingSpace }
                pendingSpace = ""
                out += text
                rest = rest.dropFirst(length)
                lastWasEncoded = true
                continue
            }
            let c = rest.first!
            rest = rest.dropFirst()
            if c == " " || c == "\t" {
                pendingSpace.append(c)
                continue
            }
            out += pendingSpace
            pendingSpace = ""
            out.append(c)
            lastWasEncoded = false
        }
        return out + pendingSpace
    }

    /// One `=?charset[*lang]?B|Q?text?=` at the start of `s`: its text and its length in characters.
    private static func decodeEncodedWord(_ s: Substring) -> (String, Int)? {
        // charset ? encoding ? text ?= ; no white space inside, at most 75 characters by the RFC
        // (longer ones are common in the wild, so allow up to 1,000).
        let parts = s.dropFirst(2).prefix(1000)
        guard let q1 = parts.firstIndex(of: "?") else { return nil }
        let afterCharset = parts[parts.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<q2]
        let afterEncoding = afterCharset[afterCharset.index(after: q2)...]
        guard let end = afterEncoding.range(of: "?=") else { return nil }
        let payload = afterEncoding[..<end.lowerBound]
        let charsetName = parts[..<q1].split(separator: "*", maxSplits: 1).first.map(String.init) ?? ""
        guard !payload.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }),
              let charset = MailCharset(name: charsetName) else { return nil }
        let bytes: [UInt8]
        switch encoding.uppercased() {
        case "B":
            var text = String(payload).filter { !$0.isWhitespace }
            while text.count % 4 != 0 { text += "=" }
            guard let data = Data(base64Encoded: text) else { return nil }
            bytes = [UInt8](data)
        case "Q":
            let underscoreAsSpace = payload.utf8.map { $0 == 0x5F ? 0x20 : $0 }
            bytes = QuotedPrintable.decode(underscoreAsSpace)
        default:
            return nil
        }
        let length = s.distance(from: s.startIndex, to: end.upperBound)
        return (charset.decode(bytes), length)
    }
}
