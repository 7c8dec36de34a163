/// Where a record stood in what was imported or added, for messages: its place in an array,
/// its line of JSON Lines, or its place in the built-in example.
public enum RecordPosition: Sendable, Equatable, Hashable {
    /// The n-th record (from 1) of an array, or the one object.
    case record(Int)
    /// The record on line n (from 1) of JSON Lines.
    case line(Int)
    /// The n-th record (from 1) of the built-in example.
    case example(Int)
}

/// Why a record of an import or of `add --json` was not taken, put into words by the catalogue
/// (`Words.recordProblem(_:)`) in the language of the one who reads it. Ids are kept as the
/// record gave them and quoted (`Untrusted.quoted`) only in the words.
public enum RecordProblem: Error, Sendable, Equatable {
    /// A field does not fit the format; `id` is the record's own id when it gave one as a string.
    case field(RecordPosition, id: String?, IssueFieldError)
    /// The record gives an id an earlier record of the same input gave.
    case idUsedTwice(RecordPosition, id: String, first: RecordPosition)
    /// The record gives an id the store (hot file or archive) already has.
    case idInStore(RecordPosition, id: String)
}
