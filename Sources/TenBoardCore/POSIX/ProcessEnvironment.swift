#if canImport(Glibc)
import Glibc
#endif

/// The process environment, read from `environ` as `ProcessInfo.processInfo.environment` gives
/// it (each `NAME=value`, invalid UTF-8 repaired; a later duplicate wins; an entry without `=`
/// left out) but split at the first `=` byte. Foundation splits at the first `=` *character*,
/// which walks every entry grapheme by grapheme, and copies the environment each time it is
/// asked: 1.1–1.5 M instructions of a command's start with a usual environment (README,
/// "Process start"). A name holds no `=` (POSIX), so the two differ only for a value that starts
/// with a combining mark, where Foundation would cut the name at a later `=`.
package enum ProcessEnvironment {
    package static func variables() -> [String: String] {
        var variables: [String: String] = [:]
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ // NULL after clearenv
        guard var entry = start else { return variables }
        while let pointer = entry.pointee {
            if let (name, value) = split(String(cString: pointer)) { variables[name] = value }
            entry += 1
        }
        return variables
    }

    /// `NAME=value` split at its first `=`; `nil` without one.
    package static func split(_ entry: String) -> (name: String, value: String)? {
        let scalars = entry.unicodeScalars
        guard let equals = scalars.firstIndex(of: "=") else { return nil }
        return (String(scalars[..<equals]), String(scalars[scalars.index(after: equals)...]))
    }
}
