import Foundation

/// Where each issue of an archive segment is: `archive/YYYY-MM.N.idx` beside `YYYY-MM.N.jsonl`,
/// so that `show`, `reopen` and `resolve` of an archived issue read one line, not the history.
///
/// ```
/// tenboard-archive-index 1 <segment size> <segment checksum, 16 hex digits>
/// <id> TAB <offset> TAB <length>
/// ```
///
/// An index is derived data, written with its segment (before the hot file names it) and never
/// changed: a segment is never changed in place either, and the name ties the two together. It
/// is trusted only while the segment's size is the one it records, and each line it points at is
/// read and its id compared; a missing or stale index means reading the segment as a whole (as
/// before indexes existed), and the next change that needs it writes it again.
/// `tenboard check` compares every index with its segment.
enum ArchiveIndex {
    static let magic = "tenboard-archive-index 1"

    /// `2025-01.3.jsonl` → `2025-01.3.idx`.
    static func name(forSegment segment: String) -> String {
        String(segment.dropLast(".jsonl".count)) + ".idx"
    }

    /// `2025-01.3.idx` → `2025-01.3.jsonl`, `nil` for any other name.
    static func segment(forIndex name: String) -> String? {
        guard name.hasSuffix(".idx") else { return nil }
        let segment = String(name.dropLast(".idx".count)) + ".jsonl"
        return ArchiveSegment.isValidName(segment) ? segment : nil
    }

    /// A fingerprint of a segment's bytes, to tell that they are still the ones written (not a
    /// defence against anyone, only against damage): 8 bytes at a time, multiply and shift.
    static func checksum(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { buffer in
            var sum = Checksum(count: buffer.count)
            sum.add(buffer)
            return sum.value
        }
    }

    /// `checksum` over bytes that come in pieces of any length (a segment streamed by `export`,
    /// the two parts of a segment around a line taken out of it).
    struct Checksum {
        private var hash: UInt64
        /// The bytes of a word not yet complete, and how many there are (0 to 7).
        private var tail: UInt64 = 0
        private var tailCount: UInt64 = 0

        /// The sum of `count` bytes, to be given to `add`.
        init(count: Int) { hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

        private mutating func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }

        /// The next bytes.
        mutating func add(_ buffer: UnsafeRawBufferPointer) {
            var i = 0
            let n = buffer.count
            // A word the previous piece began.
            if tailCount > 0 {
                while tailCount < 8, i < n {
                    tail |= UInt64(buffer[i]) << (8 * tailCount)
                    tailCount += 1
                    i += 1
                }
                guard tailCount == 8 else { return }
                mix(tail)
                tail = 0
                tailCount = 0
            }
            while i + 8 <= n {
                mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            while i < n {
                tail |= UInt64(buffer[i]) << (8 * tailCount)
                tailCount += 1
                i += 1
            }
        }

        /// The sum once every byte was added.
        var value: UInt64 {
            var done = self
            done.mix(tail)
            return done.hash
        }
    }

    /// One issue of a segment: its id, and where its line is (without the newline).
    struct Entry {
        var id: String
        var offset: Int
        var length: Int
    }

    /// The issues of a segment's bytes, found without parsing the lines (only where the id is
    /// written with escapes is a line parsed); `nil` when a line holds no issue id (a damaged
    /// segment, read as a whole by whoever needs it, with the message naming the line).
    static func entries(_ data: Data) -> [Entry]? {
        var entries: [Entry] = []
        entries.reserveCapacity(data.count / 256)
        var complete = true
        JSONLinesText.forEachLine(in: data) { line in
            guard complete, !line.isBlank else { return }
            guard let id = topLevelID(line.bytes) ?? parsedID(line) else {
                complete = false
                return
            }
            entries.append(Entry(id: id, offset: line.offset, length: line.bytes.count))
        }
        return complete ? entries : nil
    }

    /// The index of a segment's bytes; `nil` when a line holds no issue id.
    static func build(_ data: Data) -> Data? {
        entries(data).map { build(data, entries: $0) }
    }

    /// The index of a segment's bytes with its `entries` already found.
    static func build(_ data: Data, entries: [Entry]) -> Data {
        var text = "\(magic) \(data.count) \(hex(checksum(data)))\n"
        text.reserveCapacity(data.count / 8)
        for entry in entries {
            text += entry.id
            text += "\t"
            text += String(entry.offset)
            text += "\t"
            text += String(entry.length)
            text += "\n"
        }
        return Data(text.utf8)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The value of the object's own `"id"` key (not one nested deeper), found without parsing the
    /// line; `nil` when it is written with escapes (then `parsedID` decides).
    static func topLevelID(_ line: UnsafeRawBufferPointer) -> String? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var depth = 0
        var keyNext = false
        var i = 0
        let n = line.count
        func skipSpace(_ k: inout Int) { while k < n, line[k] == 32 || line[k] == 9 || line[k] == 13 { k += 1 } }
        while i < n {
            switch line[i] {
            case quote:
                let start = i + 1
                var j = start
                var escaped = false
                while j < n, line[j] != quote {
                    if line[j] == backslash { escaped = true; j += 1 }
                    j += 1
                }
                guard j < n else { return nil }
                if depth == 1, keyNext, !escaped, j - start == 2, line[start] == UInt8(ascii: "i"), line[start + 1] == UInt8(ascii: "d") {
                    var k = j + 1
                    skipSpace(&k)
                    guard k < n, line[k] == UInt8(ascii: ":") else { return nil }
                    k += 1
                    skipSpace(&k)
                    guard k < n, line[k] == quote else { return nil }
                    let valueStart = k + 1
                    var end = valueStart
                    while end < n, line[end] != quote {
                        if line[end] == backslash { return nil }
                        end += 1
                    }
                    guard end < n, end > valueStart else { return nil }
                    return String(decoding: UnsafeRawBufferPointer(rebasing: line[valueStart..<end]), as: UTF8.self)
                }
                keyNext = false
                i = j + 1
            case UInt8(ascii: "{"):
                depth += 1
                keyNext = true
                i += 1
            case UInt8(ascii: "["):
                depth += 1
                keyNext = false
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
            case UInt8(ascii: ","):
                keyNext = true
                i += 1
            default:
                i += 1
            }
        }
        return nil
    }

    private static func parsedID(_ line: TextLine) -> String? {
        guard case .object(let fields)? = try? JSONParser.parse(line.data), case .string(let id)? = fields["id"],
              !id.contains(where: { $0 == "\t" || $0 == "\n" }) else { return nil }
        return id
    }

    /// What a segment's index says about `id`.
    enum Answer: Equatable {
        /// The line: `length` bytes at `offset` (without the newline).
        case at(offset: Int, length: Int)
        /// Not in this segment.
        case absent
        /// No index, or one that is not this segment's: read the segment.
        case unknown
    }

    /// Looks `id` up in the index `url` of a segment of `segmentSize` bytes.
    static func lookup(_ id: String, in url: URL, segmentSize: Int) -> Answer {
        guard let data = try? StoreFile.read(url, what: .archiveIndex) else { return .unknown }
        return lookup(id, inIndex: data, segmentSize: segmentSize)
    }

    /// Looks `id` up in `index` (an index file's bytes) of a segment of `segmentSize` bytes.
    static func lookup(_ id: String, inIndex index: Data, segmentSize: Int) -> Answer {
        index.withUnsafeBytes { buffer -> Answer in
            guard let headerLength = buffer.firstIndex(ofByte: 10) else { return .unknown }
            let header = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[0..<headerLength]), as: UTF8.self)
                .split(separator: " ")
            guard header.count == 4, header[0...1].joined(separator: " ") == magic, Int(header[2]) == segmentSize else {
                return .unknown
            }
            let needle = Array("\(id)\t".utf8)
            var hit: Int?
            if !needle.contains(0), buffer.firstIndex(ofByte: 0) == nil {
                // "\n<id>\t" searched for in the whole text at once (ended by a zero byte for
                // `strstr`): the first entry whose line starts so.
                var text = [UInt8](buffer)
                text.append(0)
                hit = text.withUnsafeBytes { $0.firstOffset(ofTerminated: [10] + needle) }.map { $0 + 1 }
            } else {
                // Each entry's start compared with "<id>\t", the next found with memchr.
                var start = headerLength + 1
                while start + needle.count <= buffer.count {
                    if buffer.hasBytes(needle, at: start) {
                        hit = start
                        break
                    }
                    guard let next = buffer.firstIndex(ofByte: 10, in: start..<buffer.count) else { break }
                    start = next + 1
                }
            }
            guard let hit else { return .absent }
            let fieldsStart = hit + needle.count
            var end = fieldsStart
            while end < buffer.count, buffer[end] != 10 { end += 1 }
            let fields = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[fieldsStart..<end]), as: UTF8.self).split(separator: "\t")
            guard fields.count == 2, let offset = Int(fields[0]), let length = Int(fields[1]),
                  offset >= 0, length > 0, offset + length <= segmentSize
            else { return .unknown }
            return .at(offset: offset, length: length)
        }
    }

    /// Whether the index `url` is the one `data` (its segment's bytes) would have.
    static func matches(_ url: URL, segment data: Data) -> Bool? {
        guard let index = try? StoreFile.read(url, what: .archiveIndex) else { return nil }
        return index == build(data)
    }

    /// Whether `data` is the segment the index `url` was written for (size and checksum): then
    /// its lines are known to be the valid ones written, and need no parse to be copied.
    static func vouches(for data: Data, index url: URL) -> Bool {
        vouches(size: data.count, checksum: checksum(data), index: url)
    }

    /// Whether the index `url` was written for a segment of `size` bytes with `checksum`.
    static func vouches(size: Int, checksum: UInt64, index url: URL) -> Bool {
        guard let index = try? StoreFile.read(url, what: .archiveIndex) else { return false }
        return vouches(size: size, checksum: checksum, index: index)
    }

    /// Whether `index` (an index file's bytes) was written for a segment of `size` bytes with
    /// `checksum`.
    static func vouches(size: Int, checksum: UInt64, index: Data) -> Bool {
        guard let newline = index.firstIndex(of: 10) else { return false }
        let header = String(decoding: index[..<newline], as: UTF8.self)
        return header == "\(magic) \(size) \(hex(checksum))"
    }
}
