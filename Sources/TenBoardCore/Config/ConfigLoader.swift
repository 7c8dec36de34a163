import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif
import Yams

/// Builds a `Configuration` from its layers: built-in defaults < config file < `TENBOARD_*`
/// environment < command-line flags.
///
/// The file is YAML read with Yams, but every value is taken as the text that was written
/// (`10:00` stays "10:00", never YAML 1.1's sexagesimal 600) and checked here, so that a bad value
/// or an unknown key is reported with its file, line and key, exit 78. (apple/swift-configuration
/// layers providers too, but it neither reports unknown keys nor says where a value came from,
/// and those are the two things a person editing the file needs.)
public struct ConfigLoader: Sendable {
    /// Every key of the file with its environment variable; lists are comma-separated there.
    public static let keys: [(key: String, environment: String)] = [
        ("store", "TENBOARD_STORE"), ("timezone", "TENBOARD_TIMEZONE"), ("deadline", "TENBOARD_DEADLINE"),
        ("cutoff", "TENBOARD_CUTOFF"), ("workdays", "TENBOARD_WORKDAYS"), ("holidays", "TENBOARD_HOLIDAYS"),
        ("warning", "TENBOARD_WARNING"), ("name", "TENBOARD_NAME"), ("language", "TENBOARD_LANGUAGE"),
        ("directors", "TENBOARD_DIRECTORS"), ("sender", "TENBOARD_SENDER"), ("sendmail", "TENBOARD_SENDMAIL"),
        ("wall-quit-key", "TENBOARD_WALL_QUIT_KEY"), ("wall-shift-minutes", "TENBOARD_WALL_SHIFT_MINUTES"),
        ("tally-daily-cap", "TENBOARD_TALLY_DAILY_CAP"),
        ("intake-kinds", "TENBOARD_INTAKE_KINDS"), ("intake-max-size", "TENBOARD_INTAKE_MAX_SIZE"),
        ("intake-allow", "TENBOARD_INTAKE_ALLOW"), ("intake-deny", "TENBOARD_INTAKE_DENY"),
    ]

    /// The process environment (injected, so tests and cron-like runs can be exact).
    public var environment: [String: String]
    /// Values from command-line flags, by file key.
    public var flags: [String: String]
    /// `--config FILE`; when `nil`, `TENBOARD_CONFIG`, then the usual places.
    public var configFile: String?

    public init(environment: [String: String], flags: [String: String] = [:], configFile: String? = nil) {
        self.environment = environment
        self.flags = flags
        self.configFile = configFile
    }

    /// A value and where it came from, for messages.
    struct Setting {
        var value: String
        var list: [String]?
        var origin: ConfigOrigin
    }

    /// Which config file applies: the one named, else the user's, else the system's, else none.
    public func configPath() -> (path: String, explicit: Bool)? {
        if let configFile { return (configFile, true) }
        if let named = environment["TENBOARD_CONFIG"], !named.isEmpty { return (named, true) }
        var candidates: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            candidates.append(xdg + "/tenboard/config.yaml")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            candidates.append(home + "/.config/tenboard/config.yaml")
        }
        candidates.append("/etc/tenboard/config.yaml")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }.map { ($0, false) }
    }

    /// Loads and checks every layer.
    /// - Throws: `TenBoardError` exit 78 naming the key and where it was set; 66 when a named
    ///   config file does not exist.
    public func load() throws(TenBoardError) -> Configuration {
        var settings: [String: Setting] = [:]
        let file = configPath()
        if let file {
            for (key, setting) in try readFile(file.path) { settings[key] = setting }
        }
        for (key, variable) in ConfigLoader.keys {
            if let value = environment[variable] {
                settings[key] = Setting(value: value, origin: .environment(variable))
            }
        }
        for (key, value) in flags {
            settings[key] = Setting(value: value, origin: .option(key))
        }
        return try build(settings, file: file?.path)
    }

    /// The language of messages, as far as it can be told also when loading failed: the
    /// `language` of the flags, the environment or the file (read leniently: a file with an
    /// unknown key or a bad value still names its language), else the locale's. Never throws: a
    /// message about a broken file still needs a language.
    public func messageLanguage() -> Language {
        var value = flags["language"] ?? environment["TENBOARD_LANGUAGE"]
        if value == nil, let file = configPath(), let data = FileManager.default.contents(atPath: file.path),
           let text = String(validating: data, as: UTF8.self), let root = try? Yams.compose(yaml: text) {
            value = root.mapping?.first { $0.key.scalar?.string == "language" }?.value.scalar?.string
        }
        return value.flatMap { Language(rawValue: $0.trimmingBlanks().lowercased()) }
            ?? ConfigLoader.languageFromLocale(environment)
    }

    func readFile(_ path: String) throws(TenBoardError) -> [String: Setting] {
        let data: Data
        do throws(Errno) {
            data = try FileSystemCalls.readWhole(path)
        } catch {
            if error == .noSuchFileOrDirectory { throw TenBoardError(exitCode: .noInput) { $0.configMissing(path) } }
            let reason = error.description
            throw TenBoardError(exitCode: error == .permissionDenied ? .noPermission : .config) { $0.configUnreadable(path, reason) }
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let place = ConfigLoader.firstInvalidUTF8(data)
            throw TenBoardError(exitCode: .config) { $0.configNotUTF8(path, at: place) }
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let detail = ConfigLoader.describe(error, in: text)
            throw TenBoardError(exitCode: .config) { $0.configSyntax(path, detail) }
        } catch {
            let detail = "\(error)"
            throw TenBoardError(exitCode: .config) { $0.configSyntax(path, detail) }
        }
        guard let root else { return [:] } // empty or only comments
        guard let mapping = root.mapping else {
            let line = root.mark?.line ?? 1
            throw TenBoardError(exitCode: .config) { $0.configNotKeyValue(path, line: line) }
        }
        let known = Set(ConfigLoader.keys.map(\.key))
        var settings: [String: Setting] = [:]
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line ?? 0
            guard let key = keyNode.scalar?.string else {
                throw TenBoardError(exitCode: .config) { $0.configKeyNotAWord(path, line: line) }
            }
            let origin = ConfigOrigin.file(path: path, line: line, key: key)
            guard known.contains(key) else {
                let closest = ConfigLoader.closest(to: key, in: known)
                throw TenBoardError(exitCode: .config) { $0.unknownKey(origin, closest: closest, known: ConfigLoader.keys.map(\.key)) }
            }
            switch valueNode {
            case .scalar(let scalar):
                // A YAML null (`key:` with nothing, or `~`) means "leave the default".
                if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { continue }
                settings[key] = Setting(value: scalar.string, origin: origin)
            case .sequence(let sequence):
                var items: [String] = []
                for item in sequence {
                    guard let s = item.scalar?.string else {
                        throw TenBoardError(exitCode: .config) { $0.badSetting(origin, $0.listItemsPlain) }
                    }
                    items.append(s)
                }
                settings[key] = Setting(value: items.joined(separator: ","), list: items, origin: origin)
            default:
                throw TenBoardError(exitCode: .config) { $0.badSetting(origin, $0.mappingFound) }
            }
        }
        return settings
    }

    static func describe(_ error: YamlError, in text: String = "") -> String {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        case let .reader(problem, offset, value, yaml):
            // `offset` counts characters from the start of the text.
            let before = yaml.prefix(offset ?? 0)
            let line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return "line \(line), column \(column): \(problem)" + (value >= 0 ? String(format: " (character U+%04X)", value) : "")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            // Yams marks the mapping; the line people need is the key's second appearance.
            var line = context.mark.line
            if let key = duplicates.sorted().first {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let uses = lines.indices.filter { lines[$0].hasPrefix(key + ":") }
                if uses.count >= 2 { line = uses[1] + 1 }
            }
            return "line \(line): the key\(duplicates.count == 1 ? "" : "s") \(keys) appear\(duplicates.count == 1 ? "s" : "") more than once"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "not valid YAML"
        }
    }

    /// "line 3 (byte 0xFF)": where the first byte that is not UTF-8 is.
    static func firstInvalidUTF8(_ data: Data) -> String {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            let end = i + length
            if length == 0 || end > bytes.count
                || String(validating: bytes[i..<end], as: UTF8.self) == nil {
                let line = bytes[..<i].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
                return "line \(line) (byte " + String(format: "0x%02X", b) + ")"
            }
            i = end
        }
        return "line 1"
    }

    /// The known key a mistyped one most likely meant (a config key, a command's name): the
    /// fewest edits away (at most a third of its letters, and two), else the first that starts
    /// with the same three letters; `nil` when none is near. Ties go to the first in alphabetical
    /// order, so the suggestion is the same on every run (a `Set`'s order is not).
    public static func closest(to key: String, in known: Set<String>) -> String? {
        let lower = key.lowercased().replacingOccurrences(of: "_", with: "-")
        if known.contains(lower) { return lower }
        let sorted = known.sorted()
        let limit = max(2, lower.count / 3)
        let near = sorted.map { (key: $0, edits: editDistance(lower, $0)) }.filter { $0.edits <= limit }
        if let best = near.min(by: { $0.edits < $1.edits }) { return best.key }
        return sorted.first { $0.hasPrefix(String(lower.prefix(3))) }
    }

    /// Levenshtein distance over characters: insertions, deletions and substitutions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
