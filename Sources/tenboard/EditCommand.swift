import ArgumentParser
import Foundation
import TenBoardCore

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Edit the store's hot file safely, like visudo.",
        discussion: """
            Opens a private copy of issues.json in $VISUAL or $EDITOR (default vi), checks what you saved and only then replaces the file, under the store's lock, with its revision one higher. The store is not locked while you edit, so others keep working; if someone changed it meanwhile, nothing is replaced (exit 75) and your copy is kept. A copy that does not check out is kept beside the store and nothing is changed (exit 65). Also the way to mend a damaged store by hand.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting {
            let (_, store) = try global.open()
            let env = ProcessInfo.processInfo.environment
            let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
            let replaced = try store.editHotFile { path in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                // The editor variable may hold arguments ("code --wait"); the path is passed as $1.
                process.arguments = ["-c", "\(editor) \"$1\"", "tenboard-edit", path]
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw TenBoardError("the editor (\(editor)) exited with status \(process.terminationStatus); nothing was changed", exitCode: .tempFailure)
                }
            }
            printError(replaced ? "\(store.hotURL.path) replaced" : "nothing changed; \(store.hotURL.path) was left as it is")
        }
    }
}
