import Foundation

/// One line of a JSON Lines text, without its newline: valid only inside the call that gives it.
struct TextLine {
    /// The line's bytes.
    var bytes: UnsafeRawBufferPointer
    /// Its number, counting from 1.
    var number: Int
    /// Where it starts in the text.
    var offset: Int

    /// Only spaces, tabs and carriage returns (or nothing): skipped by every reader.
    var isBlank: Bool { !bytes.contains { $0 != 32 && $0 != 13 && $0 != 9 } }

    var data: Data { Data(bytes) }
}

/// The one line splitter of JSON Lines texts (archive segments, `import`): each newline found
/// with `memchr` over the raw bytes, not a byte at a time through `Collection.split`.
enum JSONLinesText {
    /// Calls `body` for every line of `data`, blank ones included (a final newline ends the last
    /// line; what follows it is one more, empty, line), stopping at the first error it throws.
    static func forEachLine<E: Error>(in data: Data, _ body: (TextLine) throws(E) -> Void) throws(E) {
        var failure: E?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard buffer.baseAddress != nil else { return }
            let count = buffer.count
            var start = 0
            var number = 0
            while true {
                number += 1
                var end = count
                if start < count, let newline = buffer.firstIndex(ofByte: 10, in: start..<count) {
                    end = newline
                }
                let line = TextLine(bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), number: number, offset: start)
                do throws(E) { try body(line) } catch {
                    failure = error
                    return
                }
                if end == count { return }
                start = end + 1
            }
        }
        if let failure { throw failure }
    }

    /// `isEveryLineAnObject` over bytes that come in pieces (a segment streamed by `export`).
    struct ObjectLines {
        private var last: UInt8?
        private var valid = true

        /// The next bytes.
        mutating func add(_ buffer: UnsafeRawBufferPointer) {
            guard valid, buffer.count > 0 else { return }
            // The first line, and every line after a newline, starts with `{`.
            if last == nil || last == 10 { valid = buffer[0] == UInt8(ascii: "{") }
            var start = 0
            while valid, let newline = buffer.firstIndex(ofByte: 10, in: start..<buffer.count), newline + 1 < buffer.count {
                valid = buffer[newline + 1] == UInt8(ascii: "{")
                start = newline + 1
            }
            last = buffer[buffer.count - 1]
        }

        /// Whether all the bytes added were such lines, the last ended by a newline.
        var isComplete: Bool { valid && last == 10 }
    }

    /// Whether `data` is lines that each start with `{`, every one ended by a newline: no blank
    /// line, nothing after the last newline (how tenboard writes segments).
    static func isEveryLineAnObject(_ data: Data) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            guard buffer.count > 0, buffer[0] == UInt8(ascii: "{"), buffer[buffer.count - 1] == 10 else { return false }
            var start = 0
            while let newline = buffer.firstIndex(ofByte: 10, in: start..<buffer.count) {
                let next = newline + 1
                if next == buffer.count { return true }
                if buffer[next] != UInt8(ascii: "{") { return false }
                start = next
            }
            return false
        }
    }
}
