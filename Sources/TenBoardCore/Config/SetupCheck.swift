import Foundation

/// What an installation still lacks before leads can share the store and the morning report can
/// go out. `tenboard check` lists it after validating; none of it is an error, since the board
/// works without a report, but a fresh install from the package needs every item.
public enum SetupCheck {
    /// One line per thing still to configure, in the order an admin would do them; empty when
    /// nothing is missing.
    ///
    /// - Parameters:
    ///   - configuration: the settings as loaded (file, environment and flags).
    ///   - canWrite: whether the running user may create files in a directory (injected so the
    ///     rule can be tested without a second Unix user); defaults to `access(W_OK)`.
    public static func todo(
        _ configuration: Configuration,
        canWrite: (String) -> Bool = { access($0, W_OK) == 0 }
    ) -> [String] {
        var todo: [String] = []
        let words = Words(configuration.language)
        let place = words.setIn(configuration.file)
        if configuration.directors.isEmpty { todo.append(words.todoDirectors(place)) }
        if configuration.sender == nil { todo.append(words.todoSender(place)) }
        if let command = configuration.sendmail.first {
            if !command.hasPrefix("/") {
                todo.append(words.todoSendmailRelative(command, place))
            } else if !FileManager.default.isExecutableFile(atPath: command) {
                todo.append(words.todoSendmailMissing(command, place))
            }
        }
        todo += storeTodo(configuration.store, words: words, canWrite: canWrite)
        return todo
    }

    /// The store directory: present, shared through a setgid group-writable directory, and
    /// writable by whoever runs this.
    static func storeTodo(_ store: String, words: Words, canWrite: (String) -> Bool) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store, isDirectory: &isDirectory) else {
            return [words.todoStoreMissing(store)]
        }
        guard isDirectory.boolValue else { return [words.todoStoreNotDirectory(store)] }
        var todo: [String] = []
        let attributes = try? FileManager.default.attributesOfItem(atPath: store)
        if let mode = attributes?[.posixPermissions] as? Int, mode & 0o2020 != 0o2020 {
            let group = attributes?[.groupOwnerAccountName] as? String
            todo.append(words.todoStoreNotShared(store, mode: String(mode & 0o7777, radix: 8), group: group))
        }
        if !canWrite(store) {
            todo.append(words.todoStoreNotWritable(store, group: attributes?[.groupOwnerAccountName] as? String))
        }
        return todo
    }
}
