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
    /// imported. For `--jsonl`, a segment its index vouches for is checked in pieces of 128 kB (size,
    /// checksum, every line an object), then copied: by `send` when given (the kernel, without a
    /// pass through our memory), else in pieces again (`copyVouched`).
    public func export(jsonLines: Bool, to output: FileHandle) throws {
        try export(jsonLines: jsonLines, write: { try output.write(contentsOf: $0) })
    }

    /// `export(jsonLines:to:)` into any sink; what `write` throws ends the export.
    /// - Parameter send: copies `count` bytes at `offset` of a segment's open file to where
    ///   `write` writes, returning how many it copied (the rest is read and given to `write`);
    ///   `FileDescriptor.send(_:at:to:)` towards the output's descriptor.
    public func export(jsonLines: Bool, write: (Data) throws -> Void, send: ((_ file: FileDescriptor, _ offset: Int, _ count: Int) throws -> Int)? = nil) throws {
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
        var piece = Data(count: 1 << 17)
        for segment in segments {
            if jsonLines {
                if !buffer.isEmpty {
                    try write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
                if try copyVouched(segment, through: &piece, to: write, send: send) {
                    first = false
                    continue
                }
            }
            var data = try segment.contents()
            // Bytes its index vouches for are those written, valid when they were: no parse.
            if !ArchiveIndex.vouches(for: data, index: indexURL(forSegment: segment.url)) {
                _ = try ArchiveSegment.decode(data, from: segment.url)
            }
            // Issues taken back from it are written with the hot file's.
            data = try ArchiveSegment.leavingOut(segment.takenBack, of: data, from: segment.url)
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

    /// Writes `segment` as it is when its index vouches for its bytes (size and checksum) and
    /// they are JSON Lines with nothing to leave out but the lines of issues taken back from it,
    /// which the index finds; nothing of it is written before all of it was checked (the segment
    /// never changes in place, and it is open). `false`, with nothing written, when it is not
    /// such a segment.
    ///
    /// The check reads it in pieces of `buffer`'s size (128 kB: they stay in the processor's
    /// cache, where reading a 6 MB segment into one buffer cost three times as much), then
    /// `send` copies it without reading it again, or it is read and written in pieces.
    private func copyVouched(_ segment: OpenSegment, through buffer: inout Data, to write: (Data) throws -> Void,
                             send: ((FileDescriptor, Int, Int) throws -> Int)?) throws -> Bool {
        let fd = segment.descriptor
        guard let size = try? Int(fd.info().size), size > 0 else { return false }
        /// Reads the segment from `start` in pieces, each handed to `body`; `false` when the file
        /// ends early.
        func pieces(from start: Int, to end: Int? = nil, _ body: (Data) throws -> Void) throws -> Bool {
            let end = end ?? size
            var offset = start
            while offset < end {
                var failure: Errno?
                let n = buffer.withUnsafeMutableBytes { room -> Int in
                    do throws(Errno) { return try fd.read(into: room, at: offset) } catch {
                        failure = error
                        return 0
                    }
                }
                if let failure { throw StoreFile.error(.system(failure), segment.url.path, .archiveSegment) }
                guard n > 0 else { return false }
                try body(buffer.prefix(min(n, end - offset)))
                offset += n
            }
            return true
        }
        var sum = ArchiveIndex.Checksum(count: size)
        var lines = JSONLinesText.ObjectLines()
        guard try pieces(from: 0, { $0.withUnsafeBytes { sum.add($0); lines.add($0) } }), lines.isComplete,
              ArchiveIndex.vouches(size: size, checksum: sum.value, index: indexURL(forSegment: segment.url)) else { return false }
        // The lines of issues taken back from it, where the index (vouching for these bytes) puts them.
        var gaps: [Range<Int>] = []
        for id in segment.takenBack {
            guard case .at(let offset, let length) = ArchiveIndex.lookup(id, in: indexURL(forSegment: segment.url), segmentSize: size) else { return false }
            gaps.append(offset..<min(offset + length + 1, size))
        }
        var start = 0
        for gap in gaps.sorted(by: { $0.lowerBound < $1.lowerBound }) + [size..<size] {
            if gap.lowerBound > start {
                let sent = try send?(fd, start, gap.lowerBound - start) ?? 0
                // Checked whole, so it reads whole again: a shorter read now is a failing disk.
                guard try pieces(from: start + sent, to: gap.lowerBound, write) else {
                    throw StoreFile.error(.system(.ioError), segment.url.path, .archiveSegment)
                }
            }
            start = max(start, gap.upperBound)
        }
        return true
    }
}
