// The words of errors from the store, the configuration and the command line, in English and
// Dutch. Where the language is not known yet (the store and the loader do not know it), the
// error keeps both renderings (`TenBoardError(exitCode:_:)`) and the one place that prints it
// picks one. What the system, the JSON and YAML readers or the argument parser say in their own
// words is quoted as it is, in English.

extension Words {
    // MARK: the store

    public func noIssue(_ id: String, in store: String) -> String {
        pick("no issue with id '\(id)' in \(store) ('tenboard list' shows the open ones)",
             "geen klantvraag met id '\(id)' in \(store) ('tenboard list' toont de open klantvragen)")
    }

    public func storeNotADirectory(_ path: String) -> String {
        pick("\(path) is not a directory; the store must be a directory (see --store, TENBOARD_STORE)",
             "\(path) is geen map; de opslag moet een map zijn (zie --store, TENBOARD_STORE)")
    }

    /// - Parameter detail: what the JSON reader found, with its line and column (English).
    public func hotFileDamaged(_ path: String, _ detail: String, backup: String) -> String {
        pick("\(path): \(detail). The file was left as it is: fix it with 'tenboard edit', or restore \(backup) beside it",
             "\(path): \(detail). Het bestand is gelaten zoals het was: herstel het met 'tenboard edit', of zet \(backup) ernaast terug")
    }

    public func resolveWithdrawn(_ id: String) -> String {
        pick("issue \(id) is withdrawn; 'tenboard reopen \(id)' first to resolve it",
             "klantvraag \(id) is ingetrokken; eerst 'tenboard reopen \(id)' om hem op te lossen")
    }

    public func alreadyResolved(_ id: String, by who: String, at time: String) -> String {
        pick("issue \(id) is already resolved (by \(who) at \(time)); 'tenboard reopen \(id)' first to change that",
             "klantvraag \(id) is al opgelost (door \(who) op \(time)); eerst 'tenboard reopen \(id)' om dat te wijzigen")
    }

    public func resolvedInTheFuture(_ id: String, at time: String, now: String) -> String {
        pick("issue \(id) cannot be resolved at \(time): that is in the future (it is now \(now))",
             "klantvraag \(id) kan niet opgelost worden op \(time): dat ligt in de toekomst (het is nu \(now))")
    }

    public func resolvedBeforeReceipt(_ id: String, received: String) -> String {
        pick("issue \(id) was received at \(received); it cannot be resolved before that",
             "klantvraag \(id) kwam binnen op \(received); hij kan niet eerder opgelost worden")
    }

    public func notAStorableTime(_ id: String, _ time: String) -> String {
        pick("issue \(id) cannot be resolved at \(time): not a time the store can hold",
             "klantvraag \(id) kan niet opgelost worden op \(time): geen tijd die de opslag kan bewaren")
    }

    public func alreadyOpen(_ id: String) -> String {
        pick("issue \(id) is already open", "klantvraag \(id) staat al open")
    }

    public func reasonNeeded(_ id: String) -> String {
        pick("a reason is needed to withdraw issue \(id) (--reason TEXT)",
             "een reden is nodig om klantvraag \(id) in te trekken (--reason TEKST)")
    }

    public func onlyOpenWithdrawn(_ id: String, _ status: IssueStatus) -> String {
        pick("issue \(id) is \(status.rawValue); only an open issue can be withdrawn ('tenboard reopen \(id)' first)",
             "klantvraag \(id) is \(Words(.nl).status(status)); alleen een open klantvraag kan ingetrokken worden (eerst 'tenboard reopen \(id)')")
    }

    public func workingCopyGone(_ copy: String) -> String {
        pick("\(copy): the working copy is gone; nothing was changed", "\(copy): de werkkopie is weg; er is niets gewijzigd")
    }

    /// - Parameter detail: what the JSON reader found (English).
    public func editNotValid(_ copy: String, _ detail: String) -> String {
        pick("\(copy): \(detail). Nothing was changed; your edit is kept in that file",
             "\(copy): \(detail). Er is niets gewijzigd; je bewerking staat nog in dat bestand")
    }

    public func changedWhileEditing(_ path: String, copy: String) -> String {
        pick("\(path) was changed by someone else while you edited it; nothing was changed. Your edit is kept in \(copy): run 'tenboard edit' again and carry it over",
             "\(path) is door iemand anders gewijzigd terwijl je het bewerkte; er is niets gewijzigd. Je bewerking staat in \(copy): voer 'tenboard edit' opnieuw uit en neem haar over")
    }

    // MARK: the configuration

    /// Where a setting was made: "config file F, line 3, key 'warning'", "environment variable
    /// TENBOARD_WARNING", "option --store".
    public func origin(_ origin: ConfigOrigin) -> String {
        switch origin {
        case .file(let path, let line, let key):
            pick("config file \(path), line \(line), key '\(key)'", "configuratiebestand \(path), regel \(line), sleutel '\(key)'")
        case .environment(let variable): pick("environment variable \(variable)", "omgevingsvariabele \(variable)")
        case .option(let key): pick("option --\(key)", "optie --\(key)")
        }
    }

    public func configMissing(_ path: String) -> String {
        pick("config file \(path) does not exist", "configuratiebestand \(path) bestaat niet")
    }

    /// - Parameter reason: what the system said (English).
    public func configUnreadable(_ path: String, _ reason: String) -> String {
        pick("config file \(path) cannot be read: \(reason)", "configuratiebestand \(path) is niet te lezen: \(reason)")
    }

    public func configNotUTF8(_ path: String, at place: String) -> String {
        pick("config file \(path), \(place): not UTF-8 text; save the file as UTF-8",
             "configuratiebestand \(path), \(place): geen UTF-8-tekst; bewaar het bestand als UTF-8")
    }

    /// - Parameter detail: what the YAML reader found (English).
    public func configSyntax(_ path: String, _ detail: String) -> String {
        pick("config file \(path): \(detail)", "configuratiebestand \(path): \(detail)")
    }

    public func configNotKeyValue(_ path: String, line: Int) -> String {
        pick("config file \(path), line \(line): expected 'key: value' lines at the top level",
             "configuratiebestand \(path), regel \(line): verwacht regels 'sleutel: waarde' op het hoogste niveau")
    }

    public func configKeyNotAWord(_ path: String, line: Int) -> String {
        pick("config file \(path), line \(line): a key must be a plain word",
             "configuratiebestand \(path), regel \(line): een sleutel moet een gewoon woord zijn")
    }

    public func unknownKey(_ at: ConfigOrigin, closest: String?, known: [String]) -> String {
        let list = known.joined(separator: ", ")
        let suggestion = closest.map { pick(" (did you mean '\($0)'?)", " (bedoel je '\($0)'?)") } ?? ""
        return origin(at) + pick(": unknown key\(suggestion); known keys: \(list)", ": onbekende sleutel\(suggestion); bekende sleutels: \(list)")
    }

    public var listItemsPlain: String { pick("list items must be plain values", "lijstitems moeten gewone waarden zijn") }
    public var mappingFound: String { pick("expected a value or a list, found a mapping", "verwacht een waarde of een lijst, maar vond een mapping") }

    /// A bad value, after its origin: "config file F, line 3, key 'warning': 'dertig' is not…".
    public func badSetting(_ at: ConfigOrigin, _ problem: String) -> String { origin(at) + ": " + problem }

    public func notATimeZone(_ value: String) -> String {
        pick("'\(value)' is not a time zone name like Europe/Amsterdam", "'\(value)' is geen tijdzonenaam zoals Europe/Amsterdam")
    }

    public func notATimeOfDay(_ value: String) -> String {
        pick("'\(value)' is not a time of day HH:MM (00:00 to 23:59)", "'\(value)' is geen tijdstip UU:MM (00:00 tot 23:59)")
    }

    public func cutoffAfterDeadline(_ cutoff: ClockTime, _ deadline: ClockTime) -> String {
        pick("the cut-off \(cutoff) is later than the deadline \(deadline); it must be at or before it",
             "de grens \(cutoff) ligt na de deadline \(deadline); hij moet ervoor of erop liggen")
    }

    public func notADay(_ value: String) -> String {
        pick("'\(value)' is not a day (mon, tue, wed, thu, fri, sat, sun)", "'\(value)' is geen dag (mon, tue, wed, thu, fri, sat, sun)")
    }

    public var noWorkday: String { pick("at least one working day is needed", "er is minstens één werkdag nodig") }

    public func notADate(_ value: String) -> String {
        pick("'\(value)' is not a date YYYY-MM-DD", "'\(value)' is geen datum JJJJ-MM-DD")
    }

    public func notTallyCap(_ value: String) -> String {
        pick("'\(value)' is not a number of tally marks from 1 to 10000", "'\(value)' is geen aantal turfjes van 1 tot 10000")
    }

    public func notMinutes(_ value: String) -> String {
        pick("'\(value)' is not a number of minutes from 0 to 1440", "'\(value)' is geen aantal minuten van 0 tot 1440")
    }

    public func notALanguage(_ value: String) -> String { pick("'\(value)' is not 'en' or 'nl'", "'\(value)' is niet 'en' of 'nl'") }

    /// - Parameter example: also show what an address looks like.
    public func notAnAddress(_ value: String, example: Bool = false) -> String {
        example
            ? pick("'\(value)' is not an e-mail address like 'Ann de Vries <ann@example.nl>' or bob@example.nl",
                   "'\(value)' is geen e-mailadres zoals 'Ann de Vries <ann@example.nl>' of bob@example.nl")
            : pick("'\(value)' is not an e-mail address", "'\(value)' is geen e-mailadres")
    }

    public var sendmailNeedsPath: String {
        pick("give the command with its absolute path, like /usr/sbin/sendmail -i (cron's PATH is minimal)",
             "geef de opdracht met haar volledige pad, zoals /usr/sbin/sendmail -i (het PATH van cron is minimaal)")
    }

    public func notTrueOrFalse(_ value: String) -> String { pick("'\(value)' is not true or false", "'\(value)' is niet true of false") }

    public var controlCharacters: String { pick("contains control characters", "bevat stuurtekens") }

    public var noStoreDirectory: String {
        pick("no store directory: set 'store' in the config file or TENBOARD_STORE (HOME is not set, so there is no default)",
             "geen opslagmap: zet 'store' in het configuratiebestand of TENBOARD_STORE (HOME is niet gezet, dus er is geen standaard)")
    }

    public func notKeywordKind(_ value: String) -> String {
        pick("'\(value)' is not keyword=kind (kind: question, problem, complaint or bug)",
             "'\(value)' is niet trefwoord=soort (soort: question, problem, complaint of bug)")
    }

    public func notASize(_ value: String) -> String {
        pick("'\(value)' is not a size from 64K to 1024M, like 10M", "'\(value)' is geen grootte van 64K tot 1024M, zoals 10M")
    }

    public func notAnAddressOrDomain(_ value: String) -> String {
        pick("'\(value)' is not an address or domain", "'\(value)' is geen adres of domein")
    }

    // MARK: the command line

    /// - Parameter reason: what the system said (English).
    public func cannotWriteStandardOutput(_ reason: String) -> String {
        pick("cannot write to standard output: \(reason)", "kan niet naar de standaarduitvoer schrijven: \(reason)")
    }

    /// A line of the argument parser's error message in this language: its known sentences
    /// ("Error: Unknown option '--x'", "Usage: …", "See '… --help' for more information.") are
    /// said again here; anything else (the usage synopsis, our own validation messages) is
    /// left as it was.
    public func argumentParserLine(_ line: String) -> String {
        guard language == .nl else { return line }
        let line = line.replacingOccurrences(of: ". Did you mean '", with: ". Bedoel je '")
            .replacingOccurrences(of: ". Please provide one of ", with: ". Geef een van ")
            .replacingOccurrences(of: "' or '", with: "' of '")
        func after(_ prefix: String) -> Substring? { line.hasPrefix(prefix) ? line.dropFirst(prefix.count) : nil }
        if let rest = after("Error: Missing expected argument ") { return "Fout: verwacht argument ontbreekt: \(rest)" }
        if let rest = after("Error: Unknown option ") { return "Fout: onbekende optie \(rest)" }
        if let rest = after("Error: Unexpected argument ") { return "Fout: onverwacht argument \(rest)" }
        if let rest = after("Error: Unexpected arguments ") { return "Fout: onverwachte argumenten \(rest)" }
        if let rest = after("Error: Missing value for ") { return "Fout: geen waarde voor \(rest)" }
        if let rest = after("Error: The value "), let split = rest.range(of: " is invalid for ") {
            return "Fout: de waarde \(rest[..<split.lowerBound]) is ongeldig voor \(rest[split.upperBound...])"
        }
        if let rest = after("Error: ") { return "Fout: \(rest)" }
        if let rest = after("Usage: ") { return "Gebruik: \(rest)" }
        if let rest = after("Help: ") { return "Hulp: \(rest)" }
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("See '"), trimmed.hasSuffix("' for more information."),
           let end = trimmed.range(of: "' for more information.") {
            let indent = String(line.prefix(line.count - trimmed.count))
            return indent + "Zie '" + trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<end.lowerBound] + "' voor meer informatie."
        }
        return line
    }
}

/// Where a configuration setting was made, for messages: the file (with line and key), an
/// environment variable, or a command-line option.
public enum ConfigOrigin: Sendable, Equatable {
    case file(path: String, line: Int, key: String)
    case environment(String)
    case option(String)
}
