/// Which character set the terminal is read and written in, decided before ncurses starts.
///
/// An SSH client forwards the desktop's `LANG=nl_NL.UTF-8`; a Debian server often has only
/// `C.UTF-8`. `setlocale(LC_ALL, "")` then fails and ncurses would read every key as ASCII,
/// dropping é, ü and 王. The terminal still speaks UTF-8, so the character type falls back to the
/// built-in `C.UTF-8`. An explicit `C`/`POSIX` or a working 8-bit locale is left as chosen
/// (a Linux console font without █ is a reason to ask for ASCII).
enum TerminalLocale {
    /// Whether to set `LC_CTYPE=C.UTF-8` after `setlocale(LC_ALL, "")`.
    ///
    /// - Parameters:
    ///   - localeWorked: whether `setlocale(LC_ALL, "")` found the locale the environment names.
    ///   - codeset: `nl_langinfo(CODESET)` after that call.
    ///   - environment: for `LC_ALL`, `LC_CTYPE` and `LANG`, the first one set wins (POSIX order).
    static func fallsBackToUTF8(localeWorked: Bool, codeset: String, environment: [String: String]) -> Bool {
        if codeset == "UTF-8" { return false }
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lower = name.lowercased()
        if lower.contains("utf-8") || lower.contains("utf8") { return true }
        // A locale that was asked for and is missing: modern terminals speak UTF-8.
        return !localeWorked && !["", "c", "posix"].contains(lower)
    }
}

/// Decoding UTF-8 read byte by byte (the terminal in an ASCII locale).
enum UTF8Decoding {
    /// How many bytes a sequence starting with `lead` has; 1 for a byte that cannot start one.
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    /// The one scalar `bytes` encode, or `nil` when they are not exactly one valid UTF-8 scalar.
    static func scalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
        guard bytes.count == sequenceLength(lead: bytes.first ?? 0), bytes.count > 1 else { return nil }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        guard case .emptyInput = decoder.decode(&iterator) else { return nil }
        return scalar
    }
}
