import Foundation
import TenBoardCore

/// What the wall reads from a store: a snapshot and a cheap stamp to compare each tick. Nothing
/// here can change the store; `IssueStore` conforms, and tests use an in-memory fake.
public protocol WallSource: AnyObject {
    associatedtype WallStamp: Equatable
    /// The store as it is now; throws when it is damaged or unreadable.
    func wallSnapshot() throws -> StoreSnapshot
    /// Changes whenever anyone changes the store; `nil` when there is no store file.
    func wallStamp() -> WallStamp?
    /// Where the store is, for the notice when it is missing.
    var wallPath: String { get }
}

extension IssueStore: WallSource {
    public func wallSnapshot() throws -> StoreSnapshot { try snapshot() }
    public func wallStamp() -> FileStamp? { changeStamp() }
    public var wallPath: String { directory.path }
}

/// Keeps the last good snapshot of a store, re-reading it only when its stamp changes, and
/// says what is wrong when it cannot: the wall then keeps showing the last good state.
public final class WallReader<Source: WallSource> {
    let source: Source
    let language: Language
    /// How often a store that failed to read is tried again although its stamp did not change
    /// (a permission fixed with chmod does not change the modification time).
    public static var retrySeconds: Double { 60 }

    public private(set) var snapshot = StoreSnapshot()
    /// The problem to show in a corner; `nil` when the last read went well.
    public private(set) var notice: String?
    private var stamp: Source.WallStamp?
    private var loaded = false
    private var failedAt: Date?

    public init(source: Source, language: Language) {
        self.source = source
        self.language = language
    }

    /// Re-reads the store if it changed since the last look.
    ///
    /// - Parameter at: the clock's time, for retrying a failed read now and then.
    /// - Returns: whether a read was attempted.
    @discardableResult
    public func refresh(at: Date) -> Bool {
        let current = source.wallStamp()
        let retry = failedAt.map { abs(at.timeIntervalSince($0)) >= Self.retrySeconds } ?? false
        guard !loaded || current != stamp || retry else { return false }
        stamp = current
        loaded = true
        let text = Words(language)
        guard current != nil else {
            notice = text.storeMissing(source.wallPath)
            failedAt = nil
            return true
        }
        do {
            snapshot = try source.wallSnapshot()
            notice = nil
            failedAt = nil
        } catch {
            notice = text.storeProblem(Self.shortReason(error, text.language))
            failedAt = at
        }
        return true
    }

    /// The first sentence of an error: a corner has no room for the advice that follows.
    static func shortReason(_ error: any Error, _ language: Language = .en) -> String {
        let message = (error as? TenBoardError)?.message(in: language) ?? "\(error)"
        let first = message.components(separatedBy: ". ").first ?? message
        return Untrusted.oneLine(first)
    }
}
