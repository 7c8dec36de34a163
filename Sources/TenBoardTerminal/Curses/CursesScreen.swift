// The one Swift file that imports ncurses: set-up and tear-down of the terminal, signals, keys,
// and copying a `Grid` to the screen. Everything else in TenBoardTerminal is pure.
import CNCursesW
import Foundation
import Glibc
import TenBoardCore

/// A terminal run by ncursesw: owns set-up, tear-down (also on signals and crashes), colours and
/// the copying of grids. Only one exists at a time.
final class CursesScreen {
    /// What waiting for a key gave.
    enum Input: Equatable {
        case key(Key)
        case timeout
        /// The terminal is gone (SSH dropped): stop instead of spinning on errors.
        case hangup
    }

    /// Why `start()` found no usable terminal.
    enum Unavailable: Equatable {
        case notATerminal
        /// `TERM` is unset or names a terminal the terminfo database does not know.
        case unknownTerminal(String?)
    }

    /// Why `start` found no terminal.
    private static var unavailable: Unavailable {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return .notATerminal }
        return .unknownTerminal(ProcessInfo.processInfo.environment["TERM"])
    }

    /// Whether the locale is UTF-8; when not, grids are rendered in ASCII.
    let unicode: Bool
    /// Whether the locale is the C/POSIX one (ASCII): keys are then read byte by byte.
    private let asciiInput: Bool
    let theme: Theme
    private let window: UnsafeMutablePointer<WINDOW>
    private var shown: Grid?
    private var pairs: [Int: Int16] = [:]
    private var stopped = false
    /// Consecutive reads that failed at once: a hung-up terminal returns ERR without waiting.
    private var quickFailures = 0

    /// Takes over the terminal, or says on stderr (in `language`) why it cannot.
    ///
    /// The order matters: `setlocale` before ncurses starts, or it treats text as ISO-8859-1;
    /// our signal handlers before `newterm`, because ncurses only installs its own (which end
    /// with `_exit`, skipping our clean-up) for signals still at `SIG_DFL`.
    ///
    /// - Returns: `nil` when there is no usable terminal (not a tty, unknown `TERM`).
    static func start(explainingIn language: Language) -> CursesScreen? {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            let named = setlocale(LC_ALL, "") != nil
            if TerminalLocale.fallsBackToUTF8(localeWorked: named, codeset: String(cString: tb_codeset()),
                                              environment: ProcessInfo.processInfo.environment) {
                // glibc ≥ 2.35 has C.UTF-8 built in; if it too is missing, input is decoded by hand.
                setlocale(LC_CTYPE, "C.UTF-8")
            }
            installSignalHandlers()
            // The corresponding C function is `newterm`; `initscr` would exit the process on failure.
            if tb_newterm() != nil, let window = tb_stdscr() { return CursesScreen(window: window) }
        }
        let text = Words(language)
        let message = switch unavailable {
        case .notATerminal: text.needsTerminal
        case .unknownTerminal(let term): text.unknownTerminal(term)
        }
        FileHandle.standardError.write(Data("tenboard: \(message)\n".utf8))
        return nil
    }

    private init(window: UnsafeMutablePointer<WINDOW>) {
        self.window = window
        let codeset = String(cString: tb_codeset())
        unicode = codeset == "UTF-8"
        asciiInput = codeset == "ANSI_X3.4-1968" // glibc's name for the C locale's ASCII
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        // Esc must close a prompt at once, not after ncurses' default second.
        set_escdelay(25)
        // Bracketed paste: the terminal wraps pasted text in these, so a pasted line break is
        // text, never Enter, and the rest is never read as commands.
        define_key(Self.pasteStartSequence, Self.pasteStartCode)
        define_key(Self.pasteEndSequence, Self.pasteEndCode)
        Self.writeToTerminal(Self.pasteOn)
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(tb_colors())
        }
        theme = Theme.forTerminal(colors: colors, noColor: ProcessInfo.processInfo.environment["NO_COLOR"] != nil)
    }

    deinit { stop() }

    /// Gives the terminal back as it was. Safe to call more than once.
    ///
    /// The corresponding C function is `endwin`.
    func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        Self.writeToTerminal(Self.pasteOff)
    }

    static let pasteOn = "\u{1B}[?2004h"
    static let pasteOff = "\u{1B}[?2004l"
    private static let pasteStartSequence = "\u{1B}[200~"
    private static let pasteEndSequence = "\u{1B}[201~"
    /// Key codes of our own for the paste brackets, above every code ncurses hands out.
    private static let pasteStartCode = KEY_MAX + 1
    private static let pasteEndCode = KEY_MAX + 2
    /// The most characters of one paste that are kept; the rest is read and dropped.
    static let pasteLimit = 10_000

    /// The corresponding C function is `write`, straight to the tty (async-signal-safe).
    private static func writeToTerminal(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count - 1) }
    }

    /// The terminal's size in cells now, for the next frame.
    ///
    /// It first catches up with a resize whose SIGWINCH ncurses missed (it arrived outside
    /// `wget_wch`), so every screen run on this one follows resizes the same way.
    /// The corresponding C functions are `ioctl(TIOCGWINSZ)` and `resizeterm`.
    func currentSize() -> (width: Int, height: Int) {
        var rows: Int32 = 0
        var cols: Int32 = 0
        if tb_terminal_size(&rows, &cols) == 0, rows != getmaxy(window) || cols != getmaxx(window) {
            resizeterm(rows, cols)
            shown = nil
        }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    // MARK: drawing

    /// Copies a grid to the terminal. Only cells that differ from the last grid are given to
    /// ncurses, and ncurses sends only what differs from the screen: a ticking countdown costs a
    /// few bytes a second, and the whole screen is never cleared for a frame.
    func draw(_ grid: Grid) {
        let previous = shown.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation || previous?[x, y] == cell { continue }
                let wide = x + 1 < grid.width && grid[x + 1, y].isContinuation
                put(cell, x: x, y: y, wide: wide)
            }
        }
        shown = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Repaints everything on the next draw (Ctrl-L, or after something else wrote to the tty).
    func repaint() {
        clearok(window, true)
        shown = nil
    }

    /// After a resize (`KEY_RESIZE`): clears the terminal and writes every cell on the next draw.
    ///
    /// Forgetting our own copy is not enough. A terminal resized and resized back before the board
    /// looks (a storm of resizes, a window maximised and restored) has the same size as before, so
    /// ncurses does not call `resizeterm` and still believes its old picture of the screen, while
    /// the terminal has cut, reflowed or cleared it: the next frame would only send what changed
    /// and leave the rest blank. ncurses still queues `KEY_RESIZE` for the signal, so clearing here
    /// covers that case; a real size change was already cleared by `resizeterm`.
    func invalidate() { repaint() }

    private func put(_ cell: Cell, x: Int, y: Int, wide: Bool) {
        var scalars = Array(cell.text.unicodeScalars)
        let expected = wide ? 2 : 1
        let measured = scalars.first.map { Int(tb_wcwidth(wchar_t(bitPattern: $0.value))) } ?? -1
        var padAfter = false
        if measured != expected {
            // The C library disagrees with tenboard's width (old tables, VS16 emoji, flags): keep
            // the columns right, which matters more than the exact glyph.
            if expected == 2 && measured == 1 {
                scalars = [scalars[0]]
                padAfter = true
            } else {
                scalars = ["\u{FFFD}"]
                padAfter = wide
            }
        }
        let style = theme.style(for: cell.role)
        add(scalars, style: style, x: x, y: y)
        if padAfter { add([" "], style: style, x: x + 1, y: y) }
    }

    /// The corresponding C functions are `setcchar` and `mvwadd_wch`.
    private func add(_ scalars: [Unicode.Scalar], style: Style, x: Int, y: Int) {
        // A cchar_t holds one spacing character and up to four combining ones.
        var chars = scalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        chars.append(0)
        var attributes = tb_a_normal()
        if style.bold { attributes |= tb_a_bold() }
        if style.reverse { attributes |= tb_a_reverse() }
        if style.underline { attributes |= tb_a_underline() }
        if style.dim { attributes |= tb_a_dim() }
        var cc = cchar_t()
        setcchar(&cc, chars, attributes, pair(for: style), nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    /// The colour pair of a style's colours, created on first use.
    ///
    /// The corresponding C function is `init_pair`.
    private func pair(for style: Style) -> Int16 {
        guard style.hasColor else { return 0 }
        let key = (style.foreground.number + 1) * 1000 + (style.background.number + 1)
        if let known = pairs[key] { return known }
        let next = pairs.count + 1
        guard next < Int(tb_color_pairs()) else { return 0 }
        init_pair(Int16(next), Int16(style.foreground.number), Int16(style.background.number))
        pairs[key] = Int16(next)
        return Int16(next)
    }

    // MARK: keys

    /// Waits up to `milliseconds` for a key; a bracketed paste comes back whole as one `.paste`.
    ///
    /// The corresponding C functions are `wget_wch`, and `wgetch` in an ASCII locale.
    func readKey(milliseconds: Int) -> Input {
        let started = DispatchTime.now().uptimeNanoseconds
        let read = readCode(milliseconds: milliseconds)
        switch read {
        case .none:
            let waited = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            if milliseconds >= 100, waited < 5, !StopSignals.arrived {
                quickFailures += 1
                if quickFailures >= 20 || Self.terminalHungUp() { return .hangup }
            }
            return .timeout
        case .function(let code):
            quickFailures = 0
            if code == Self.pasteStartCode { return .key(.paste(readPaste())) }
            return functionKey(code).map(Input.key) ?? .timeout
        case .character(let code):
            quickFailures = 0
            return character(code).map(Input.key) ?? .timeout
        case .undecodable:
            quickFailures = 0
            return .key(.undecodable)
        }
    }

    /// One thing read from the terminal.
    private enum Code {
        case none
        case function(Int32)
        case character(UInt32)
        /// Bytes that are no character in any encoding tenboard can read.
        case undecodable
    }

    /// Waits up to `milliseconds` for a key. What ncurses has already read (the rest of a
    /// sequence) comes first; then the wait is a `poll` on the terminal and the signal pipe, so a
    /// stop signal ends it at once (a key read by ncurses' own wait would only see the signal at
    /// the next tick, when it lands on another thread).
    private func readCode(milliseconds: Int) -> Code {
        let now = readCodeNow(milliseconds: 0)
        guard case .none = now, milliseconds > 0 else { return now }
        guard let wake = StopSignals.wakeDescriptor else { return readCodeNow(milliseconds: milliseconds) }
        guard case .ready(let events) = Poll.wait(readable: [STDIN_FILENO, wake], milliseconds: milliseconds) else { return .none }
        if !events[1].isEmpty {
            StopSignals.drain()
            return .none
        }
        // Ready (or hung up: then ncurses' read fails at once, as the hang-up check expects).
        return readCodeNow(milliseconds: 0)
    }

    private func readCodeNow(milliseconds: Int) -> Code {
        wtimeout(window, Int32(max(0, milliseconds)))
        if asciiInput { return readByteCode() }
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case KEY_CODE_YES: return .function(Int32(code))
        case OK: return .character(UInt32(code))
        default: return .none
        }
    }

    /// In the C/POSIX locale no byte above 0x7F is a character, and `wget_wch` would keep
    /// collecting such bytes (an é typed or pasted from a UTF-8 terminal) without ever returning
    /// one, swallowing every key after it, q included. Bytes are read one by one instead, and a
    /// UTF-8 sequence is decoded here: most terminals speak UTF-8 whatever LANG says, and what a
    /// lead typed is kept. Bytes that are not UTF-8 are refused, with a notice, never dropped silently.
    private func readByteCode() -> Code {
        let byte = wgetch(window)
        if byte == ERR { return .none }
        if byte >= KEY_MIN { return .function(byte) }
        guard byte >= 0x80 else { return .character(UInt32(byte)) }
        var bytes = [UInt8(truncatingIfNeeded: byte)]
        let length = UTF8Decoding.sequenceLength(lead: bytes[0])
        wtimeout(window, 50)
        while bytes.count < length {
            let next = wgetch(window)
            guard next != ERR, next >= 0x80, next < 0xC0 else {
                if next != ERR { ungetch(next) }
                return .undecodable
            }
            bytes.append(UInt8(truncatingIfNeeded: next))
        }
        guard let scalar = UTF8Decoding.scalar(bytes) else { return .undecodable }
        return .character(scalar.value)
    }

    /// Reads a bracketed paste up to its end marker: its characters with line breaks and tabs as
    /// they came (the field decides what they become). A terminal that never sends the end marker
    /// ends the paste after a second of silence.
    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        while true {
            switch readCode(milliseconds: 1000) {
            case .none: return String(scalars)
            case .function(let code):
                if code == Self.pasteEndCode { return String(scalars) }
                if code == KEY_ENTER { scalars.append("\n") }
            case .character(let code):
                count += 1
                guard count <= Self.pasteLimit, let scalar = Unicode.Scalar(code) else { continue }
                scalars.append(code == 13 ? "\n" : scalar)
            case .undecodable: continue
            }
        }
    }

    /// Whether stdin reports a hang-up or an error (EIO after the SSH connection dropped).
    private static func terminalHungUp() -> Bool {
        switch Poll.wait(readable: [STDIN_FILENO], milliseconds: 0) {
        case .ready(let events): !events[0].isDisjoint(with: Poll.Events.broken)
        case .timeout, .interrupted: false
        case .failed: true
        }
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        default: nil
        }
    }

    private func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    // MARK: signals

    /// SIGINT, SIGTERM and SIGHUP only set a flag and wake the loop (`StopSignals`, which also
    /// lets output stopped with Ctrl-S flow again); the loop then restores the terminal and
    /// returns. SIGHUP matters most (a dropped SSH connection), and ncurses does not handle it.
    /// A crash first restores the terminal, then goes to the handler that was there before (the
    /// Swift runtime's backtrace, or the default core dump); `endwin` is not async-signal-safe,
    /// a risk htop takes too for a process that is dying anyway. SIGWINCH is left to ncurses,
    /// which turns it into `KEY_RESIZE` at once.
    private static func installSignalHandlers() {
        StopSignals.install(resumingOutputOf: STDOUT_FILENO)
        CrashSignals.install { signal in
            endwin()
            // "\e[?2004l": bracketed paste off, so the shell after us gets plain pastes.
            _ = "\u{1B}[?2004l".utf8CString.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count - 1) }
            CrashSignals.passOn(signal)
        }
    }
}
