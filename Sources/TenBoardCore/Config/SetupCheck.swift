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
        let where_ = configuration.file.map { "in \($0)" } ?? "in /etc/tenboard/config.yaml or TENBOARD_*"
        if configuration.directors.isEmpty {
            todo.append("directors: nobody receives the morning report; set 'directors' \(where_)")
        }
        if configuration.sender == nil {
            todo.append("sender: the morning report has no From address; set 'sender' \(where_)")
        }
        if let command = configuration.sendmail.first {
            if !command.hasPrefix("/") {
                todo.append("sendmail: '\(command)' is not an absolute path (cron's PATH is short); set 'sendmail' \(where_)")
            } else if !FileManager.default.isExecutableFile(atPath: command) {
                todo.append("sendmail: \(command) does not exist or cannot be run; install a mail system (e.g. apt install msmtp-mta) or set 'sendmail' \(where_)")
            }
        }
        todo += storeTodo(configuration.store, canWrite: canWrite)
        return todo
    }

    /// The store directory: present, shared through a setgid group-writable directory, and
    /// writable by whoever runs this.
    static func storeTodo(_ store: String, canWrite: (String) -> Bool) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store, isDirectory: &isDirectory) else {
            return ["store: \(store) does not exist yet; it is made on the first change, or for a team: sudo install -d -m 2775 -g GROUP \(store)"]
        }
        guard isDirectory.boolValue else { return ["store: \(store) is not a directory"] }
        var todo: [String] = []
        let attributes = try? FileManager.default.attributesOfItem(atPath: store)
        if let mode = attributes?[.posixPermissions] as? Int, mode & 0o2020 != 0o2020 {
            let group = attributes?[.groupOwnerAccountName] as? String ?? "its group"
            todo.append("store: \(store) is not shared by a group (mode \(String(mode & 0o7777, radix: 8))); for a team: sudo chmod 2775 \(store) and sudo chgrp \(group) \(store)")
        }
        if !canWrite(store) {
            let group = attributes?[.groupOwnerAccountName] as? String ?? "the store's group"
            todo.append("store: you cannot write to \(store); ask to join the group '\(group)' (sudo usermod -aG \(group) USER, then log in again)")
        }
        return todo
    }
}
