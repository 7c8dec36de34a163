#if canImport(Glibc)
import Glibc
#endif

/// The C library's byte search (`memchr`, `memcmp`) over raw buffers: the one line splitter of the
/// store (`JSONLinesText`), the archive's indexes and the MIME reader find newlines with it
/// instead of a byte at a time.
extension UnsafeRawBufferPointer {
    /// The index of the first `byte` in `range` (the whole buffer by default), `nil` when none.
    package func firstIndex(ofByte byte: UInt8, in range: Range<Int>? = nil) -> Int? {
        let range = range ?? 0..<count
        guard !range.isEmpty, let base = baseAddress else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// The offset of the first `needle` in the buffer, with the C library's `strstr` (a
    /// two-way search, many bytes at a time); `nil` when none. The buffer must end with its only
    /// zero byte, and `needle` (not empty) hold none.
    package func firstOffset(ofTerminated needle: [UInt8]) -> Int? {
        guard let base = baseAddress, count > 0, self[count - 1] == 0, !needle.isEmpty, !needle.contains(0) else { return nil }
        let found = (needle + [0]).withUnsafeBufferPointer { key in
            key.withMemoryRebound(to: CChar.self) { strstr(base.assumingMemoryBound(to: CChar.self), $0.baseAddress!) }
        }
        guard let found else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Whether the bytes at `offset` are `bytes` (false when the buffer ends before).
    package func hasBytes(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard let base = baseAddress, offset >= 0, offset + bytes.count <= count else { return false }
        return bytes.withUnsafeBytes { memcmp(base + offset, $0.baseAddress!, $0.count) } == 0
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// `UnsafeRawBufferPointer.firstIndex(ofByte:in:)` over typed bytes.
    package func firstIndex(ofByte byte: UInt8, in range: Range<Int>) -> Int? {
        UnsafeRawBufferPointer(self).firstIndex(ofByte: byte, in: range)
    }
}
