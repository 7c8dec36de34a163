import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

extension IssueStore {
    /// Writes every issue, archived history included, as a JSON array or as JSON Lines, in
    /// pieces of about 1 MiB (with the throwing `FileHandle.write(contentsOf:)`).
    ///
    /// Archive segments are already JSON Lines in the canonical form, so their lines are copied as
    /// bytes, each segment once it has been read as a whole and found valid: a damaged segment
    /// ends the export with exit 65 naming the file and line, never with a backup that cannot be
    /// imported. For `--jsonl`, a segment its index vouches for is read once and checked as it is
    /// read (size, checksum, every line an object), then written as it is (`copyVouched`).
    public func export(jsonLines: Bool, to output: FileHandle) throws {
        try export(jsonLines: jsonLines) { try output.write(contentsOf: $0) }
    }

    /// `export(jsonLines:to:)` into any sink; what `write` throws ends the export.
    public func export(jsonLines: Bool, write: (Data) throws -> Void) throws {
        try export(jsonLines: jsonLines, wholeSegmentLimit: IssueStore.wholeSegmentLimit, write: write)
    }

    /// `export(jsonLines:write:)` with segments above `wholeSegmentLimit` bytes read twice, in
    /// pieces (`copyVouched`).
    func export(jsonLines: Bool, wholeSegmentLimit: Int, write: (Data) throws -> Void) throws {
        let (state, segments) = try snapshotWithSegments()
        var buffer = Data()
        var first = true
        let opening = Array("[\n".utf8), separator = Array(",\n".utf8)
        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            if !jsonLines { buffer.append(contentsOf: first ? opening : separator) }
            buffer.append(line)
            if jsonLines { buffer.append(10) }
            first = false
            if buffer.count >= 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        var piece = Data(count: 1 << 20)
        for segment in segments {
            if jsonLines {
                if !buffer.isEmpty {
                    try write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
                if try copyVouched(segment, wholeSegmentLimit: wholeSegmentLimit, through: &piece, to: write) {
                    first = false
                    continue
                }
            }
            let data = try segment.contents()
            // Bytes its index vouches for are those written, valid when they were: no parse.
            if !ArchiveIndex.vouches(for: data, index: indexURL(forSegment: segment.url)) {
                _ = try ArchiveSegment.decode(data, from: segment.url)
            }
            if jsonLines, JSONLinesText.isEveryLineAnObject(data) {
                // Already JSON Lines with nothing to leave out: the segment's bytes as they are.
                if !buffer.isEmpty {
                    try write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
                try write(data)
                first = false
                continue
            }
            try JSONLinesText.forEachLine(in: data) { line in
                if !line.isBlank { try emit(line.bytes.assumingMemoryBound(to: UInt8.self)) }
            }
        }
        for issue in state.issues {
            var text = JSONWriter.compact(issue.json)
            try text.withUTF8 { try emit($0) }
        }
        if !jsonLines { buffer.append(contentsOf: Array((first ? "[]\n" : "\n]\n").utf8)) }
        try write(buffer)
    }

    /// Segments up to this size are read once, into one buffer kept from segment to segment,
    /// checked as each piece arrives, then written: one pass over the bytes. A larger one (a
    /// month of more than some 100,000 issues) is read twice in pieces of 1 MiB, checked, then
    /// copied, so that memory stays bounded whatever a month holds.
    static let wholeSegmentLimit = 32 << 20

    /// Writes `segment` as it is when its index vouches for its bytes (size and checksum) and
    /// they are JSON Lines with nothing to leave out; nothing of it is written before all of it
    /// was checked (the segment never changes in place, and it is open). `false`, with nothing
    /// written, when it is not such a segment.
    private func copyVouched(_ segment: OpenSegment, wholeSegmentLimit: Int, through buffer: inout Data, to write: (Data) throws -> Void) throws -> Bool {
        let fd = segment.descriptor
        guard let size = try? Int(fd.info().size), size > 0 else { return false }
        let whole = size <= wholeSegmentLimit
        if whole, buffer.count < size { buffer = Data(count: size) }
        /// Reads the segment from the start, each piece handed to `body`: into its place in
        /// `buffer` when `whole` (256 kB at a time, checked while in the cache), else 1 MiB at a
        /// time at its start. `false` when the file ends early.
        func pieces(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
            var offset = 0
            while offset < size {
                let n = try buffer.withUnsafeMutableBytes { bytes in
                    let start = whole ? offset : 0
                    let room = UnsafeMutableRawBufferPointer(rebasing: bytes[start..<min(start + (whole ? 1 << 18 : 1 << 20), whole ? size : bytes.count)])
                    let n: Int
                    do throws(Errno) { n = try fd.read(into: room, at: offset) } catch { throw StoreFile.error(.system(error), segment.url.path, .archiveSegment) }
                    try body(UnsafeRawBufferPointer(rebasing: room[..<n]))
                    return n
                }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        var sum = ArchiveIndex.Checksum(count: size)
        var lines = JSONLinesText.ObjectLines()
        guard try pieces({ sum.add($0); lines.add($0) }), lines.isComplete,
              ArchiveIndex.vouches(size: size, checksum: sum.value, index: indexURL(forSegment: segment.url)) else { return false }
        if whole {
            try write(buffer.prefix(size))
            return true
        }
        // Checked whole, so it reads whole again: a shorter read now is a failing disk.
        guard try pieces({ try write(Data($0)) }) else { throw StoreFile.error(.system(.ioError), segment.url.path, .archiveSegment) }
        return true
    }
}
