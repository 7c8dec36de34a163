import ArgumentParser
import Foundation
import TenBoardCore

struct Edit: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "edit",
        abstract: "Edit the store's hot file safely, like visudo.",
        discussion: """
            Opens a private copy of issues.json in $VISUAL or $EDITOR (default vi), checks what you saved and only then replaces the file, under the store's lock, with its revision one higher. The store is not locked while you edit, so others keep working; if someone changed it meanwhile, nothing is replaced (exit 75) and your copy is kept. A copy that does not check out is kept beside the store and nothing is changed (exit 65). Also the way to mend a damaged store by hand. The hot file holds the open issues and today's customers; the closed customers of the morning before today are in settled.N.jsonl beside it, older ones in archive/ (docs/issue-format.md).
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?

    func run() throws {
        do {
            let (_, store) = try global.open()
            let env = ProcessEnvironment.variables()
            let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
            let replaced = try store.editHotFile { path in try Self.runEditor(editor, on: path) }
            printError(Words(messageLanguage()).editDone(store.hotURL.path, replaced: replaced))
        }
    }

    /// Runs `editor path` through `/bin/sh` in the foreground and waits for it, as `system(3)`
    /// does: the editor stays in tenboard's process group, so a terminal editor (vi) owns the
    /// terminal (Foundation's `Process` starts a new process group, where vi cannot read the
    /// terminal and exits 1); it starts in the current directory without changing to it again
    /// (which fails when that directory cannot be entered, as after `sudo -u`); it gets the
    /// default signal actions (tenboard ignores SIGPIPE); and while it runs, Ctrl-C and Ctrl-\
    /// are the editor's alone. Every way this can fail says so and changes nothing (exit 75).
    static func runEditor(_ editor: String, on path: String) throws(TenBoardError) {
        // The editor variable may hold arguments ("code --wait"); the path is passed as $1.
        let ending: ForegroundCommand.Ending
        do throws(ForegroundCommand.Failure) {
            ending = try ForegroundCommand.run("/bin/sh", arguments: ["/bin/sh", "-c", "\(editor) \"$1\"", "tenboard-edit", path])
        } catch {
            switch error {
            case .notStarted(let code):
                let reason = code.description
                throw TenBoardError(exitCode: .tempFailure) { $0.editorNotStarted(editor, reason) }
            case .lost(let code):
                let reason = code.description
                throw TenBoardError(exitCode: .tempFailure) { $0.editorLost(editor, reason) }
            }
        }
        switch ending {
        case .signaled(let signal):
            throw TenBoardError(exitCode: .tempFailure) { $0.editorKilled(editor, signal: signal) }
        case .exited(let code) where code != 0:
            throw TenBoardError(exitCode: .tempFailure) { $0.editorFailed(editor, status: code) }
        case .exited:
            return
        }
    }
}
