import Foundation

/// HTML mail turned into plain text to read: tags dropped, `script`/`style`/`head` skipped, block
/// elements and `<br>` made line breaks, character references decoded. Not a renderer: enough to
/// read what a customer wrote in a mail client that only sends HTML.
enum HTMLText {
    static func text(_ html: String) -> String {
        var out = ""
        var i = html.unicodeScalars.startIndex
        let s = html.unicodeScalars
        var skipping: String?
        // Once a '<' has no '>' after it, no later one has: the rest is text.
        var noMoreTags = false
        while i < s.endIndex {
            let c = s[i]
            // As in a browser, '<' starts a tag only before a letter, '/' or '!'.
            let next = s.index(after: i) < s.endIndex ? s[s.index(after: i)] : " "
            if c == "<", !noMoreTags, next.properties.isAlphabetic || next == "/" || next == "!" {
                guard let close = s[i...].firstIndex(of: ">") else {
                    noMoreTags = true
                    continue
                }
                let inside = String(s[s.index(after: i)..<close]).lowercased()
                i = s.index(after: close)
                if inside.hasPrefix("!--") {
                    // A comment may hold '>': skip to its real end, "-->".
                    if !inside.hasSuffix("--") {
                        var dashes = 0
                        while i < s.endIndex {
                            let c = s[i]
                            i = s.index(after: i)
                            if c == ">" && dashes >= 2 { break }
                            dashes = c == "-" ? dashes + 1 : 0
                        }
                    }
                    continue
                }
                let name = String(inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }))
                if let skip = skipping {
                    if inside.hasPrefix("/") && name == skip { skipping = nil }
                    continue
                }
                if ["script", "style", "head", "title"].contains(name), !inside.hasPrefix("/"), !inside.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr", "ul", "ol"].contains(name) {
                    if name == "li" && !inside.hasPrefix("/") { out += "\n- " } else if !out.hasSuffix("\n") || name == "br" { out += "\n" }
                }
                continue
            }
            i = s.index(after: i)
            if skipping != nil { continue }
            if c == "&" {
                let tail = s[i...].prefix(12)
                if let semi = tail.firstIndex(of: ";"), let decoded = entity(String(s[i..<semi])) {
                    out.unicodeScalars.append(contentsOf: decoded.unicodeScalars)
                    i = s.index(after: semi)
                    continue
                }
                out += "&"
                continue
            }
            if c == "\n" || c == "\r" || c == "\t" || c == " " {
                if !(out.hasSuffix(" ") || out.hasSuffix("\n") || out.isEmpty) { out += " " }
                continue
            }
            out.unicodeScalars.append(c)
        }
        // Lines trimmed, runs of empty lines at most one.
        var lines: [String] = []
        for line in out.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func entity(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[name]
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "euro": "€", "eacute": "é",
        "egrave": "è", "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü", "auml": "ä", "ccedil": "ç", "copy": "©",
        "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    ]
}
