import Foundation
import Synchronization

/// The one way tests make a scratch directory: a new empty `tenboard-<label>-<uuid>` under the
/// system's temporary directory. Every directory made here is removed when the test process
/// exits, so a test that forgets its `defer` (or fails before it) leaves nothing behind; a test
/// that wants the space back sooner calls `remove`.
public enum TemporaryDirectory {
    private static let made = Mutex<[URL]>([])
    private static let cleanUpAtExit: Void = { atexit { TemporaryDirectory.removeAll() } }()

    /// Creates the directory and returns its URL.
    public static func make(_ label: String) throws -> URL {
        _ = cleanUpAtExit
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        made.withLock { $0.append(url) }
        return url
    }

    /// Removes a directory made by `make` now.
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        made.withLock { $0.removeAll { $0 == url } }
    }

    private static func removeAll() {
        for url in made.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }
}
