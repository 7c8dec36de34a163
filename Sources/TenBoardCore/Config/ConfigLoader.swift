import Foundation
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
        var origin: String
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
                settings[key] = Setting(value: value, origin: "environment variable \(variable)")
            }
        }
        for (key, value) in flags {
            settings[key] = Setting(value: value, origin: "option --\(key)")
        }
        return try build(settings, file: file?.path)
    }

    func readFile(_ path: String) throws(TenBoardError) -> [String: Setting] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw TenBoardError("config file \(path) does not exist", exitCode: .noInput)
        } catch {
            throw TenBoardError("config file \(path) cannot be read: \(error.localizedDescription)", exitCode: .config)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TenBoardError("config file \(path): \(ConfigLoader.describe(error))", exitCode: .config)
        } catch {
            throw TenBoardError("config file \(path): \(error)", exitCode: .config)
        }
        guard let root else { return [:] } // empty or only comments
        guard let mapping = root.mapping else {
            throw TenBoardError("config file \(path): expected 'key: value' lines at the top level", exitCode: .config)
        }
        let known = Set(ConfigLoader.keys.map(\.key))
        var settings: [String: Setting] = [:]
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line ?? 0
            guard let key = keyNode.scalar?.string else {
                throw TenBoardError("config file \(path), line \(line): a key must be a plain word", exitCode: .config)
            }
            let origin = "config file \(path), line \(line), key '\(key)'"
            guard known.contains(key) else {
                let suggestion = ConfigLoader.closest(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw TenBoardError("\(origin): unknown key\(suggestion); known keys: \(ConfigLoader.keys.map(\.key).joined(separator: ", "))", exitCode: .config)
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
                        throw TenBoardError("\(origin): list items must be plain values", exitCode: .config)
                    }
                    items.append(s)
                }
                settings[key] = Setting(value: items.joined(separator: ","), list: items, origin: origin)
            default:
                throw TenBoardError("\(origin): expected a value or a list, found a mapping", exitCode: .config)
            }
        }
        return settings
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "not valid YAML"
        }
    }

    static func closest(to key: String, in known: Set<String>) -> String? {
        let lower = key.lowercased().replacingOccurrences(of: "_", with: "-")
        if known.contains(lower) { return lower }
        return known.first { $0.hasPrefix(String(lower.prefix(3))) }
    }
}
