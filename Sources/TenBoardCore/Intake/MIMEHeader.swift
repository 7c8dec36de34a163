import Foundation

/// One header section, fields in the order they came (the top `Received:` is the first).
public struct MIMEHeader: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        /// As written; compare with `lowercasedName`.
        public var name: String
        public var lowercasedName: String
        /// The value with its folds undone (CRLF/LF before white space removed), bytes as they
        /// came: 8-bit headers are common, so charset decoding is left to `text(_:)`.
        public var raw: [UInt8]
    }

    public var fields: [Field] = []

    /// The first field called `name`, as text: UTF-8 if valid, else Windows-1252; encoded-words
    /// are not decoded (see `decoded(_:)`).
    public func value(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.lowercasedName == lower }.map { MailCharset.guess($0.raw).trimmingBlanks() }
    }

    /// Every field called `name`, in order.
    public func values(_ name: String) -> [String] {
        let lower = name.lowercased()
        return fields.filter { $0.lowercasedName == lower }.map { MailCharset.guess($0.raw).trimmingBlanks() }
    }

    /// The first field called `name`, RFC 2047 encoded-words decoded. Untrusted text.
    public func decoded(_ name: String) -> String? {
        value(name).map(HeaderEncoding.decodeEncodedWords)
    }

    public func has(_ name: String) -> Bool {
        let lower = name.lowercased()
        return fields.contains { $0.lowercasedName == lower }
    }

    /// Parses a header section: `bytes` up to (not including) the empty line.
    ///
    /// - Throws: `MIMEError` for a line that is not a field, a field or a section over the limits.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: MIMELimits) throws(MIMEError) -> MIMEHeader {
        guard bytes.count <= limits.maxHeaderBytes else {
            throw MIMEError(problem: "the header is \(bytes.count) bytes, more than the \(limits.maxHeaderBytes) allowed")
        }
        var header = MIMEHeader()
        var current: (name: String, value: [UInt8])?
        func finish() throws(MIMEError) {
            guard let c = current else { return }
            guard header.fields.count < limits.maxFields else {
                throw MIMEError(problem: "the header has more than \(limits.maxFields) fields")
            }
            header.fields.append(Field(name: c.name, lowercasedName: c.name.lowercased(), raw: c.value))
            current = nil
        }
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
            start = end + 1
            if line.isEmpty { continue }
            if line[0] == 0x20 || line[0] == 0x09 {
                guard current != nil else {
                    // mbox's "From " line may be followed by nothing to continue.
                    if lineNumber == 1 { continue }
                    throw MIMEError(problem: "header line \(lineNumber) continues no field")
                }
                guard current!.value.count + line.count <= limits.maxFieldBytes else {
                    throw MIMEError(problem: "the \(current!.name) field is longer than \(limits.maxFieldBytes) bytes")
                }
                current!.value += line
                continue
            }
            try finish()
            // An mbox "From " separator before the first field is not a field.
            if lineNumber == 1, line.count >= 5, Array(line.prefix(5)) == Array("From ".utf8) { continue }
            guard let colon = line.firstIndex(of: 0x3A), colon > 0,
                  line[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            else {
                throw MIMEError(problem: "header line \(lineNumber) is not a field ('Name: value')")
            }
            guard line.count <= limits.maxFieldBytes else {
                throw MIMEError(problem: "header line \(lineNumber) is longer than \(limits.maxFieldBytes) bytes")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            current = (name, Array(line[(colon + 1)...]))
        }
        try finish()
        return header
    }
}

/// A `Content-Type` value: `type/subtype; name=value; …`, names lowercased.
public struct ContentType: Sendable, Equatable {
    public var type: String
    public var subtype: String
    public var parameters: [String: String]

    public var mimeType: String { type + "/" + subtype }
    public var isMultipart: Bool { type == "multipart" }

    public static let textPlain = ContentType(type: "text", subtype: "plain", parameters: [:])

    /// Parses a field value leniently: a missing or broken type is `text/plain` (RFC 2045 §5.2).
    public init(_ value: String?) {
        self = .textPlain
        guard let value else { return }
        let items = ContentType.splitParameters(value)
        guard let first = items.first else { return }
        let pieces = first.lowercased().split(separator: "/", maxSplits: 1).map { $0.trimmingBlanks() }
        if pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty {
            type = pieces[0]
            subtype = pieces[1]
        }
        parameters = ContentType.parameters(items.dropFirst())
    }

    init(type: String, subtype: String, parameters: [String: String]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// Splits at `;` outside quoted strings.
    static func splitParameters(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in value {
            if escaped { current.append(c); escaped = false; continue }
            if quoted && c == "\\" { current.append(c); escaped = true; continue }
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted {
                items.append(current.trimmingBlanks())
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current.trimmingBlanks())
        return items.filter { !$0.isEmpty }
    }

    /// `name=value` pairs; quoted values unquoted. RFC 2231 `name*=charset''text` is decoded
    /// for UTF-8 and the Latin charsets.
    static func parameters<S: Sequence>(_ items: S) -> [String: String] where S.Element == String {
        var out: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "=") else { continue }
            var name = item[..<eq].trimmingBlanks().lowercased()
            var value = item[item.index(after: eq)...].trimmingBlanks()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            if name.hasSuffix("*") {
                name.removeLast()
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3, let charset = MailCharset(name: String(pieces[0])) {
                    let percent = Array(String(pieces[2]).utf8).map { $0 == 0x25 ? 0x3D : $0 } // %XX → =XX
                    value = charset.decode(QuotedPrintable.decode(percent))
                }
            }
            if out[name] == nil { out[name] = value }
        }
        return out
    }
}
