import Foundation

/// One part of a message: its header, its type, and where its body lies in the raw message.
public struct MIMEPart: Sendable, Equatable {
    public var header: MIMEHeader
    public var contentType: ContentType
    /// The body's bytes in `MIMEMessage.raw`, still transfer-encoded.
    public var body: Range<Int>
    /// The parts of a multipart, in order; empty for a leaf.
    public var children: [MIMEPart]
    /// How deeply this part is nested (the message itself is 0).
    public var depth: Int

    /// Every leaf part, depth first, in the order they appear.
    public var leaves: [MIMEPart] {
        children.isEmpty ? [self] : children.flatMap(\.leaves)
    }

    /// `Content-Transfer-Encoding`, lowercased; `7bit` when absent.
    public var transferEncoding: String {
        header.value("Content-Transfer-Encoding")?.lowercased() ?? "7bit"
    }

    /// Whether the part is an attachment rather than text to read.
    public var isAttachment: Bool {
        header.value("Content-Disposition")?.lowercased().hasPrefix("attachment") ?? false
    }
}

/// A received message read strictly, with limits (`MIMELimits`): RFC 5322 header fields, MIME
/// multiparts (RFC 2046) to a bounded depth and part count. Either line ending, CRLF or LF.
///
/// Reading never decodes bodies; `MIMEMessage.decodedBody(of:)` does, part by part.
public struct MIMEMessage: Sendable {
    public let raw: [UInt8]
    public let root: MIMEPart

    public var header: MIMEHeader { root.header }

    /// Reads `raw`.
    /// - Throws: `MIMEError` with the reason when it cannot be read within `limits`.
    public init(raw: [UInt8], limits: MIMELimits = MIMELimits()) throws(MIMEError) {
        guard raw.count <= limits.maxMessageBytes else {
            throw MIMEError(problem: "the message is \(raw.count) bytes, more than the \(limits.maxMessageBytes) allowed")
        }
        self.raw = raw
        var parts = 0
        let root = try raw.withUnsafeBufferPointer { (buffer) throws(MIMEError) -> MIMEPart in
            try MIMEMessage.parsePart(buffer, 0..<buffer.count, depth: 0, limits: limits, parts: &parts, defaultType: .textPlain)
        }
        guard !root.header.fields.isEmpty else { throw MIMEError(problem: "the message has no header") }
        self.root = root
    }

    /// The offset just past the header section of `range` (past its empty line), and the header's
    /// own range. Without an empty line, everything is header.
    static func splitHeader(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (header: Range<Int>, bodyStart: Int) {
        var i = range.lowerBound
        // A part that starts with an empty line has no header.
        if i < range.upperBound, b[i] == 0x0A { return (i..<i, i + 1) }
        if i + 1 < range.upperBound, b[i] == 0x0D, b[i + 1] == 0x0A { return (i..<i, i + 2) }
        while i < range.upperBound {
            guard let nl = b.firstIndex(ofByte: 0x0A, in: i..<range.upperBound) else { break }
            let next = nl + 1
            if next < range.upperBound, b[next] == 0x0A { return (range.lowerBound..<next, next + 1) }
            if next + 1 < range.upperBound, b[next] == 0x0D, b[next + 1] == 0x0A { return (range.lowerBound..<next, next + 2) }
            i = next
        }
        return (range, range.upperBound)
    }

    static func parsePart(
        _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, depth: Int, limits: MIMELimits, parts: inout Int,
        defaultType: ContentType
    ) throws(MIMEError) -> MIMEPart {
        parts += 1
        guard parts <= limits.maxParts else { throw MIMEError(problem: "the message has more than \(limits.maxParts) parts") }
        let (headerRange, bodyStart) = splitHeader(b, range)
        let header = try MIMEHeader.parse(UnsafeBufferPointer(rebasing: b[headerRange]), limits: limits)
        let typeValue = header.value("Content-Type")
        let type = typeValue == nil ? defaultType : ContentType(typeValue)
        var part = MIMEPart(header: header, contentType: type, body: bodyStart..<range.upperBound, children: [], depth: depth)
        guard type.isMultipart, let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            return part
        }
        guard depth < limits.maxDepth else {
            throw MIMEError(problem: "multiparts nest more than \(limits.maxDepth) levels deep")
        }
        let bodies = splitMultipart(b, part.body, boundary: Array(("--" + boundary).utf8))
        // A multipart without a single delimiter is read as text: nothing is lost, it is shown as it came.
        guard !bodies.isEmpty else { return part }
        let childDefault = type.subtype == "digest" ? ContentType(type: "message", subtype: "rfc822", parameters: [:]) : .textPlain
        for body in bodies {
            part.children.append(try parsePart(b, body, depth: depth + 1, limits: limits, parts: &parts, defaultType: childDefault))
        }
        return part
    }

    /// The bodies between the delimiter lines `--boundary` of a multipart (RFC 2046 §5.1.1): the
    /// line break before a delimiter belongs to it. A missing close delimiter ends at the end.
    static func splitMultipart(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, boundary: [UInt8]) -> [Range<Int>] {
        var bodies: [Range<Int>] = []
        var openStart: Int?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let nl = b.firstIndex(ofByte: 0x0A, in: lineStart..<range.upperBound)
            let lineEnd = nl ?? range.upperBound
            let next = nl.map { $0 + 1 } ?? range.upperBound
            if lineEnd - lineStart >= boundary.count, b[lineStart] == 0x2D,
               memcmp(b.baseAddress! + lineStart, boundary, boundary.count) == 0 {
                var i = lineStart + boundary.count
                let isClose = i + 1 < lineEnd && b[i] == 0x2D && b[i + 1] == 0x2D
                if isClose { i += 2 }
                // Only white space may follow the boundary on its line.
                var rest = i
                while rest < lineEnd, b[rest] == 0x20 || b[rest] == 0x09 || b[rest] == 0x0D { rest += 1 }
                if rest == lineEnd {
                    if let start = openStart {
                        var end = lineStart
                        if end > start, b[end - 1] == 0x0A { end -= 1 }
                        if end > start, b[end - 1] == 0x0D { end -= 1 }
                        bodies.append(start..<max(start, end))
                    }
                    if isClose { return bodies }
                    openStart = next
                }
            }
            lineStart = next
        }
        if let start = openStart, start <= range.upperBound { bodies.append(start..<range.upperBound) }
        return bodies
    }

    /// A part's body with its transfer encoding undone (base64, quoted-printable, else as it is).
    ///
    /// - Parameter maxEncodedBytes: decode only this much of the body (a text shown in part need
    ///   not be decoded whole); `nil` for all of it.
    public func decodedBody(of part: MIMEPart, maxEncodedBytes: Int? = nil) -> [UInt8] {
        raw.withUnsafeBufferPointer { b in
            let range = part.body.lowerBound..<min(part.body.upperBound, part.body.lowerBound + (maxEncodedBytes ?? part.body.count))
            let body = UnsafeBufferPointer(rebasing: b[range])
            switch part.transferEncoding {
            case "base64": return MIMEMessage.decodeBase64(body)
            case "quoted-printable": return QuotedPrintable.decode(body)
            default: return Array(body)
            }
        }
    }

    /// Base64 as mail has it: line breaks and stray characters skipped, stopping at padding.
    static func decodeBase64(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in input {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B: v = 62
            case 0x2F: v = 63
            case 0x3D: return out
            default: continue
            }
            accumulator = accumulator << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }
}
