import Foundation

extension IssueStore {
    /// Writes every issue, archived history included, as a JSON array or as JSON Lines, in
    /// pieces of about 1 MiB (with the throwing `FileHandle.write(contentsOf:)`).
    ///
    /// Archive segments are already JSON Lines in the canonical form, so their lines are copied as
    /// bytes, each segment once it has been read as a whole and found valid: a damaged segment
    /// ends the export with exit 65 naming the file and line, never with a backup that cannot be
    /// imported.
    public func export(jsonLines: Bool, to output: FileHandle) throws {
        try export(jsonLines: jsonLines) { try output.write(contentsOf: $0) }
    }

    /// `export(jsonLines:to:)` into any sink; what `write` throws ends the export.
    public func export(jsonLines: Bool, write: (Data) throws -> Void) throws {
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
        for segment in segments {
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
}
