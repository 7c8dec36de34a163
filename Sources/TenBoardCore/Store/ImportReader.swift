import Foundation

/// Reads the records of a large import file a chunk at a time, so that a million issues never
/// sit in memory at once: the elements of a top-level JSON array, or the lines of JSON Lines.
/// (`{"issues": [...]}` and a single object are read whole, by `ImportRecord.parse`.)
struct ImportReader {
    enum Shape { case array, lines }

    let shape: Shape
    private let handle: FileHandle
    private let name: String
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var atEnd = false
    /// The line and column (from 1) of `buffer[start]` in the whole file.
    private var line = 1
    private var column = 1
    private var lineNumber = 0
    private var arrayOpened = false
    private var arrayClosed = false

    static let chunk = 4 << 20

    /// The shape of the file that `head` (its first bytes) starts: an array, or JSON Lines when
    /// its first line is a whole JSON object; `nil` for anything else (read whole).
    static func shape(of head: Data) -> Shape? {
        guard let first = head.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) else { return nil }
        if head[first] == UInt8(ascii: "[") { return .array }
        guard head[first] == UInt8(ascii: "{"), let newline = head[first...].firstIndex(of: 10) else { return nil }
        guard case .object? = try? JSONParser.parse(Data(head[first..<newline])) else { return nil }
        return .lines
    }

    init(_ handle: FileHandle, shape: Shape, name: String) {
        self.handle = handle
        self.shape = shape
        self.name = name
    }

    /// The next record, `nil` at the end. JSON Lines: a line that is not JSON is a `.failure`
    /// (its line and column), and reading goes on. An array: its first syntax error is thrown
    /// (65, naming the line and column), as for a document read whole.
    mutating func next() throws -> Result<ImportRecord, JSONSyntaxError>? {
        switch shape {
        case .lines: return try nextLine()
        case .array: return try nextElement().map { .success($0) }
        }
    }

    /// Reads another chunk onto the unread bytes; false at the end of the file.
    private mutating func fill() throws -> Bool {
        guard !atEnd else { return false }
        let data: Data?
        do { data = try handle.read(upToCount: Self.chunk) } catch {
            let reason = error.localizedDescription
            throw TenBoardError(exitCode: .ioError) { [name] in $0.cannotReadFile(name, reason) }
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return false
        }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: data)
        return true
    }

    private mutating func nextLine() throws -> Result<ImportRecord, JSONSyntaxError>? {
        while true {
            var scanned = 0
            var end: Int
            while true {
                if let newline = Self.find(10, in: buffer, from: start + scanned) {
                    end = newline
                    break
                }
                scanned = buffer.count - start
                if try !fill() {
                    if buffer.count == start { return nil }
                    end = buffer.count
                    break
                }
            }
            lineNumber += 1
            let bytes = buffer[start..<end]
            start = end < buffer.count ? end + 1 : end
            if !bytes.contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) { continue }
            do throws(JSONSyntaxError) {
                return .success(ImportRecord(position: .line(lineNumber), json: try JSONParser.parse(Data(bytes))))
            } catch {
                return .failure(JSONSyntaxError(line: lineNumber, column: error.column, problem: error.problem))
            }
        }
    }

    /// The index of the first `byte` in `bytes` from `index` on (`memchr`).
    private static func find(_ byte: UInt8, in bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + index, Int32(byte), buffer.count - index) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The byte at `i` of the unread part, reading on as needed; `nil` at the end of the file.
    private mutating func byte(at i: Int) throws -> UInt8? {
        while start + i >= buffer.count {
            if try !fill() { return nil }
        }
        return buffer[start + i]
    }

    /// Moves past `n` bytes, keeping the line and column.
    private mutating func advance(_ n: Int) {
        for b in buffer[start..<(start + n)] {
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        start += n
    }

    private mutating func skipSpace() throws {
        while let b = try byte(at: 0), b == 32 || b == 9 || b == 10 || b == 13 { advance(1) }
    }

    private func syntax(_ problem: String, line: Int? = nil, column: Int? = nil) -> TenBoardError {
        let (line, column, name) = (line ?? self.line, column ?? self.column, self.name)
        return TenBoardError(exitCode: .dataError) { $0.badLine(name, line: line, column: column, problem) }
    }

    private mutating func nextElement() throws -> ImportRecord? {
        try skipSpace()
        if !arrayOpened {
            guard try byte(at: 0) == UInt8(ascii: "[") else { throw syntax("expected '['") }
            advance(1)
            arrayOpened = true
            try skipSpace()
            if try byte(at: 0) == UInt8(ascii: "]") {
                advance(1)
                arrayClosed = true
            }
        }
        if arrayClosed {
            try skipSpace()
            guard try byte(at: 0) == nil else { throw syntax("unexpected text after the end of the JSON value") }
            return nil
        }
        // One element: up to the ',' or ']' outside any string and nesting.
        let (elementLine, elementColumn) = (line, column)
        var i = 0, depth = 0, inString = false, escaped = false
        var end: UInt8?
        while let b = try byte(at: i) {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                if depth == 0 { end = b; break }
                depth -= 1
            } else if b == UInt8(ascii: ","), depth == 0 {
                end = b
                break
            }
            i += 1
        }
        let bytes = Data(buffer[start..<(start + i)])
        guard let end else {
            advance(i)
            throw syntax("unexpected end of the file inside an array")
        }
        let json: JSONValue
        do throws(JSONSyntaxError) {
            json = try JSONParser.parse(bytes)
        } catch {
            let at = error.line == 1 ? elementColumn + error.column - 1 : error.column
            throw syntax(error.problem, line: elementLine + error.line - 1, column: at)
        }
        advance(i + 1)
        elementCount += 1
        if end == UInt8(ascii: "]") {
            arrayClosed = true
        } else if end != UInt8(ascii: ",") {
            throw syntax("expected ',' or ']' in an array")
        }
        return ImportRecord(position: .record(elementCount), json: json)
    }

    private var elementCount = 0
}
