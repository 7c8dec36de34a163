/// The bounds the MIME reader keeps to, so that hostile mail (1,000-level nesting, 50 MB lines,
/// a million parts) costs bounded time and memory and is refused with a reason.
public struct MIMELimits: Sendable, Equatable {
    /// The largest message read at all, in bytes.
    public var maxMessageBytes: Int
    /// The largest header section of the message or of one part, in bytes.
    public var maxHeaderBytes: Int
    /// The longest header field, its folded lines joined.
    public var maxFieldBytes: Int
    /// How many header fields one section may have.
    public var maxFields: Int
    /// How deeply multiparts may nest.
    public var maxDepth: Int
    /// How many parts a message may have in all.
    public var maxParts: Int

    public init(
        maxMessageBytes: Int = 64 << 20, maxHeaderBytes: Int = 256 << 10, maxFieldBytes: Int = 32 << 10,
        maxFields: Int = 1000, maxDepth: Int = 16, maxParts: Int = 500
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.maxDepth = maxDepth
        self.maxParts = maxParts
    }
}

/// Why a message could not be read as MIME; it is still kept, raw.
public struct MIMEError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problem: String
    public var description: String { problem }
}
