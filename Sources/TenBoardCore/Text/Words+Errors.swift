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

    public func waitTooLong(_ id: String, received: String, years: Int) -> String {
        pick("issue \(id) was received at \(received); a wait of more than \(years) years is not taken (check the dates)",
             "klantvraag \(id) kwam binnen op \(received); een wachttijd van meer dan \(years) jaar wordt niet aangenomen (kijk de data na)")
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

    /// A command that reads the store was pointed at a directory that is not there: most likely a
    /// wrong path, which must not read as a morning without customers.
    public func noStoreToRead(_ path: String) -> String {
        pick("no store at \(path): nothing was ever added there. Check the 'store' setting (TENBOARD_STORE, --store); 'tenboard add' starts a new store",
             "geen opslag in \(path): daar is nooit iets toegevoegd. Kijk de instelling 'store' na (TENBOARD_STORE, --store); 'tenboard add' begint een nieuwe opslag")
    }

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

    /// The first word of a command line names no command (`tenboard stauts`).
    public func unknownCommand(_ word: String, nearest: String?) -> String {
        let suggestion = nearest.map { pick(" (did you mean '\($0)'?)", " (bedoel je '\($0)'?)") } ?? ""
        return pick("'\(word)' is not a command\(suggestion); 'tenboard --help' lists the commands",
                    "'\(word)' is geen opdracht\(suggestion); 'tenboard --help' noemt de opdrachten")
    }

    /// A line of the argument parser's error message in this language: its known sentences
    /// ("Error: Unknown option '--x'", "Usage: …", "See '… --help' for more information.") are
    /// said again here; anything else (the usage synopsis, our own validation messages, which
    /// are already in this language: `ValidationError { $0.phrase }`) is left as it was.
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

/// What a store file is, for messages: "the archive segment", "het archiefdeel".
public enum StoreFileKind: Sendable {
    case storeFile, settledFile, archiveSegment, archiveIndex, workingCopy, lockFile, sentLog, outboxMetadata, outboxMessage
    case intakeLog, messageIDIndex
}

/// What a field of a mail file (the outbox metadata, `sent.json`) must hold.
public enum FieldKind: Sendable {
    case string, wholeNumber, strings, time
}

extension Words {
    // MARK: the store's files

    /// The file with its article, to start a sentence part: "the store file", "het opslagbestand".
    public func file(_ kind: StoreFileKind) -> String {
        switch kind {
        case .storeFile: pick("the store file", "het opslagbestand")
        case .settledFile: pick("the file of settled issues", "het bestand met afgehandelde klantvragen")
        case .archiveSegment: pick("the archive segment", "het archiefdeel")
        case .archiveIndex: pick("the archive index", "de archiefindex")
        case .workingCopy: pick("the working copy", "de werkkopie")
        case .lockFile: pick("the lock file", "het slotbestand")
        case .sentLog: pick("the record of sent reports", "het register van verstuurde rapporten")
        case .outboxMetadata: pick("the outbox metadata", "de gegevens in het postvak uit")
        case .outboxMessage: pick("the outbox message", "het bericht in het postvak uit")
        case .intakeLog: pick("the intake log", "het intakelogboek")
        case .messageIDIndex: pick("the message-id index", "de index van message-id's")
        }
    }

    public func fileMissing(_ path: String, _ kind: StoreFileKind) -> String {
        pick("\(path): \(file(kind)) is missing", "\(path): \(file(kind)) ontbreekt")
    }

    public func fileNotRegular(_ path: String, _ kind: StoreFileKind) -> String {
        pick("\(path): \(file(kind)) is not a regular file (a symbolic link, FIFO, device or directory); it was left as it is: remove it, or restore it from a backup",
             "\(path): \(file(kind)) is geen gewoon bestand (maar een symbolische koppeling, FIFO, apparaat of map); het is gelaten zoals het was: verwijder het, of zet het terug uit een back-up")
    }

    public func permissionDenied(_ path: String) -> String {
        pick("\(path): permission denied; ask for the store's group",
             "\(path): geen toegang; vraag om lid te worden van de groep van de opslag")
    }

    /// - Parameter reason: what the system said (English).
    public func fileUnreadable(_ path: String, _ kind: StoreFileKind, _ reason: String) -> String {
        pick("\(path): cannot read \(file(kind)): \(reason)", "\(path): \(file(kind)) is niet te lezen: \(reason)")
    }

    public func directoryReplaced(_ path: String) -> String {
        pick("\(path) is not a directory (a symbolic link or a file in its place); it was left as it is: remove it, or restore it from a backup",
             "\(path) is geen map (er staat een symbolische koppeling of een bestand op die plaats); het is gelaten zoals het was: verwijder het, of zet het terug uit een back-up")
    }

    public func existsNotADirectory(_ path: String) -> String {
        pick("\(path) exists and is not a directory", "\(path) bestaat al en is geen map")
    }

    /// A change to a file that failed: "cannot write F: No space left on device; nothing was
    /// changed, try again".
    /// - Parameters:
    ///   - action: what failed (`cannotWrite(_:)` and its kin).
    ///   - reason: what the system said (English).
    ///   - retry: whether trying again may help (a full disk, an interruption).
    public func changeFailed(_ action: String, _ reason: String, retry: Bool) -> String {
        retry ? pick("\(action): \(reason); nothing was changed, try again", "\(action): \(reason); er is niets gewijzigd, probeer het opnieuw")
              : pick("\(action): \(reason); nothing was changed", "\(action): \(reason); er is niets gewijzigd")
    }

    public func cannotCreateFile(in directory: String) -> String {
        pick("cannot create a file in \(directory)", "kan geen bestand maken in \(directory)")
    }

    public func cannotWrite(_ path: String) -> String { pick("cannot write \(path)", "kan \(path) niet schrijven") }

    public func cannotSetMode(_ path: String) -> String {
        pick("cannot set the mode of \(path)", "kan de rechten van \(path) niet zetten")
    }

    public func cannotWriteToDisk(_ path: String) -> String {
        pick("cannot write \(path) to disk", "kan \(path) niet naar de schijf schrijven")
    }

    public func cannotReplace(_ path: String) -> String { pick("cannot replace \(path)", "kan \(path) niet vervangen") }

    public func cannotCreateDirectory(_ path: String) -> String {
        pick("cannot create the directory \(path)", "kan de map \(path) niet maken")
    }

    public func cannotCreateTemporaryDirectory(in directory: String) -> String {
        pick("cannot create a temporary directory in \(directory)", "kan geen tijdelijke map maken in \(directory)")
    }

    public func cannotCreateWorkingCopy(in directory: String) -> String {
        pick("cannot create a working copy in \(directory)", "kan geen werkkopie maken in \(directory)")
    }

    public func cannotWriteWorkingCopy(_ path: String) -> String {
        pick("cannot write the working copy \(path)", "kan de werkkopie \(path) niet schrijven")
    }

    public func cannotOpen(_ kind: StoreFileKind, _ path: String) -> String {
        pick("cannot open \(file(kind)) \(path)", "kan \(file(kind)) \(path) niet openen")
    }

    public func cannotLock(_ path: String) -> String { pick("cannot lock \(path)", "kan \(path) niet vergrendelen") }

    public func cannotWrite(_ kind: StoreFileKind, _ path: String, toDisk: Bool = false) -> String {
        toDisk ? pick("cannot write \(file(kind)) \(path) to disk", "kan \(file(kind)) \(path) niet naar de schijf schrijven")
               : pick("cannot write \(file(kind)) \(path)", "kan \(file(kind)) \(path) niet schrijven")
    }

    public func storeLocked(_ path: String, seconds: Int) -> String {
        pick("the store \(path) stayed locked by another tenboard for \(seconds) s; nothing was changed, try again",
             "de opslag \(path) bleef \(seconds) s vergrendeld door een andere tenboard; er is niets gewijzigd, probeer het opnieuw")
    }

    /// - Parameter revision: the revision counter, else the next id.
    public func counterFull(revision: Bool, limit: Int) -> String {
        revision
            ? pick("the store's revision has reached \(limit), the largest it can hold; fix it with 'tenboard edit'",
                   "het revisienummer van de opslag heeft \(limit) bereikt, het hoogste dat het kan bewaren; herstel het met 'tenboard edit'")
            : pick("the store's next id has reached \(limit), the largest it can hold; fix it with 'tenboard edit'",
                   "het volgende id van de opslag heeft \(limit) bereikt, het hoogste dat het kan bewaren; herstel het met 'tenboard edit'")
    }

    public func wouldDropIssue(_ id: String) -> String {
        pick("internal error: a change would have dropped issue \(id); nothing was written",
             "interne fout: een wijziging zou klantvraag \(id) zijn kwijtgeraakt; er is niets geschreven")
    }

    /// A line of a store file the JSON reader refused. - Parameter problem: its words (English).
    public func badLine(_ path: String, line: Int, column: Int? = nil, _ problem: String) -> String {
        "\(path): " + place(line: line, column: column) + ": \(problem)"
    }

    /// "line 3, column 7", "regel 3, kolom 7"; "line 3" without a column.
    public func place(line: Int, column: Int? = nil) -> String {
        column.map { pick("line \(line), column \($0)", "regel \(line), kolom \($0)") } ?? pick("line \(line)", "regel \(line)")
    }

    // MARK: import and add --json

    /// The name of standard input where a file name would be.
    public var standardInput: String { pick("standard input", "standaardinvoer") }

    public func noSuchFile(_ path: String) -> String { pick("\(path): no such file", "\(path): bestand bestaat niet") }

    /// - Parameter reason: what the system said (English).
    public func cannotReadFile(_ path: String, _ reason: String) -> String {
        pick("\(path): cannot read: \(reason)", "\(path): niet te lezen: \(reason)")
    }

    public func issuesNotAnArray(_ name: String) -> String {
        pick("\(name): 'issues' must be an array", "\(name): 'issues' moet een array zijn")
    }

    public func notIssues(_ name: String, found: JSONType) -> String {
        pick("\(name): expected an array of issues, {\"issues\": [...]}, or JSON Lines; found \(jsonType(found))",
             "\(name): verwacht een array van klantvragen, {\"issues\": [...]} of JSON Lines; gevonden: \(jsonType(found))")
    }

    // The problems of single records are in Words+Records.swift.

    public func andMore(_ count: Int) -> String { pick("… and \(count) more", "… en nog \(count)") }
    public var nothingImported: String { pick("nothing was imported", "er is niets geïmporteerd") }
    public var nothingAdded: String { pick("nothing was added", "er is niets toegevoegd") }

    public func imported(_ count: Int) -> String {
        pick("imported \(count) issue\(count == 1 ? "" : "s")", "\(count) klantvra\(count == 1 ? "ag" : "gen") geïmporteerd")
    }

    // MARK: edit

    public var customerEmpty: String { pick("customer: must not be empty", "customer: mag niet leeg zijn") }

    public func receivedAfterResolved(_ received: String, _ resolved: String) -> String {
        pick("receivedAt: \(received) is after the issue was resolved (\(resolved))",
             "receivedAt: \(received) ligt na het moment dat de klantvraag werd opgelost (\(resolved))")
    }

    public func changedMeanwhile(_ id: String) -> String {
        pick("#\(id) was changed by someone else in the meantime; nothing was saved. Look at it again, then retry",
             "#\(id) is intussen door iemand anders gewijzigd; er is niets bewaard. Bekijk hem opnieuw en probeer het dan nog eens")
    }

    /// - Parameter reason: what the system said (English).
    public func editorNotStarted(_ editor: String, _ reason: String) -> String {
        pick("cannot start the editor (\(editor)): \(reason); nothing was changed",
             "kan de editor (\(editor)) niet starten: \(reason); er is niets gewijzigd")
    }

    /// - Parameter reason: what the system said (English).
    public func editorLost(_ editor: String, _ reason: String) -> String {
        pick("lost the editor (\(editor)): \(reason); nothing was changed",
             "het contact met de editor (\(editor)) is verloren: \(reason); er is niets gewijzigd")
    }

    public func editorKilled(_ editor: String, signal: Int32) -> String {
        pick("the editor (\(editor)) was killed by signal \(signal); nothing was changed",
             "de editor (\(editor)) is gestopt door signaal \(signal); er is niets gewijzigd")
    }

    public func editorFailed(_ editor: String, status: Int32) -> String {
        pick("the editor (\(editor)) exited with status \(status); nothing was changed",
             "de editor (\(editor)) stopte met status \(status); er is niets gewijzigd")
    }

    // MARK: mail intake

    /// - Parameter reason: what the system said (English).
    public func cannotReadMessage(_ reason: String) -> String {
        pick("cannot read the message from standard input: \(reason)",
             "kan het bericht niet van de standaardinvoer lezen: \(reason)")
    }

    /// - Parameter reason: what the system said (English).
    public func cannotListMaildir(_ path: String, _ reason: String) -> String {
        pick("\(path): cannot list the Maildir's new/ folder: \(reason)",
             "\(path): kan de map new/ van de Maildir niet lezen: \(reason)")
    }

    /// - Parameter reason: what the system said (English).
    public func recordedNotMoved(_ path: String, _ reason: String) -> String {
        pick("\(path): recorded, but cannot move it to cur/: \(reason)",
             "\(path): vastgelegd, maar kan het niet naar cur/ verplaatsen: \(reason)")
    }

    public func intakeLocked(_ path: String, seconds: Int) -> String {
        pick("another intake held \(path) for \(seconds) s; try again",
             "een andere intake hield \(path) \(seconds) s vast; probeer het opnieuw")
    }

    /// An intake that failed and is left to the mail system: `message` already in this language.
    public func intakeDeferred(_ message: String) -> String {
        pick("intake: \(message) (exit 75: the mail system keeps the message and tries again)",
             "intake: \(message) (exit 75: het mailsysteem bewaart het bericht en probeert het opnieuw)")
    }

    // MARK: the outbox and the record of sent reports

    /// - Parameters:
    ///   - detail: what the JSON reader found (English).
    ///   - consequence: what it means (`sentLogDamaged`, `outboxDamaged(_:)`).
    public func mailFileDamaged(_ path: String, _ detail: String, _ consequence: String) -> String {
        "\(path): \(detail); \(consequence)"
    }

    public func mailFileNotAnObject(_ path: String, _ kind: StoreFileKind, found: String, _ consequence: String) -> String {
        pick("\(path): \(file(kind)) must be a JSON object, not \(found); \(consequence)",
             "\(path): \(file(kind)) moet een JSON-object zijn, geen \(found); \(consequence)")
    }

    public var sentLogDamaged: String {
        pick("tenboard cannot tell which reports were sent; repair or move it away",
             "tenboard kan niet zien welke rapporten verstuurd zijn; herstel het bestand of zet het opzij")
    }

    public func outboxDamaged(_ morning: LocalDate) -> String {
        pick("the report of \(morning) stays in the outbox; repair or move the file",
             "het rapport van \(morning) blijft in het postvak uit; herstel het bestand of zet het opzij")
    }

    public func fieldMustBe(_ path: String, _ field: String, _ kind: FieldKind) -> String {
        let what = switch kind {
        case .string: pick("a string", "een string")
        case .wholeNumber: pick("a whole number", "een geheel getal")
        case .strings: pick("a list of strings", "een lijst van strings")
        case .time: pick("an RFC 3339 time", "een RFC 3339-tijd")
        }
        return pick("\(path): '\(field)' must be \(what)", "\(path): '\(field)' moet \(what) zijn")
    }

    /// - Parameter key: as found in the file, already quoted (`Untrusted.quoted`).
    public func notAMorningKey(_ path: String, _ key: String) -> String {
        pick("\(path) has '\(key)' where a morning (YYYY-MM-DD) belongs", "\(path) heeft '\(key)' waar een ochtend (JJJJ-MM-DD) hoort")
    }

    /// - Parameter key: as found in the file, already quoted (`Untrusted.quoted`).
    public func notDeliveries(_ path: String, _ key: String) -> String {
        pick("\(path): '\(key)' must be a list of deliveries", "\(path): '\(key)' moet een lijst van bezorgingen zijn")
    }

    public func composedWrongMorning(_ composed: LocalDate, for morning: LocalDate) -> String {
        pick("composed the report of \(composed) for \(morning)", "het rapport van \(composed) gemaakt voor \(morning)")
    }

    public func senderLocked(_ path: String, seconds: Int64) -> String {
        pick("another tenboard has been sending reports for \(seconds) s (\(path) is locked); nothing was sent, try again",
             "een andere tenboard verstuurt al \(seconds) s rapporten (\(path) is vergrendeld); er is niets verstuurd, probeer het opnieuw")
    }

    /// - Parameter problem: why recording failed, in this language.
    public func deliveredNotRecorded(_ morning: LocalDate, _ problem: String) -> String {
        pick("the report of \(morning) was delivered, but recording that failed (\(problem)); it stays in the outbox, so the next --send or --retry sends it again with the same Message-ID",
             "het rapport van \(morning) is bezorgd, maar dat vastleggen mislukte (\(problem)); het blijft in het postvak uit, dus de volgende --send of --retry verstuurt het opnieuw met dezelfde Message-ID")
    }

    // MARK: tally marks and praise

    public var aTallyMark: String { pick("a tally mark", "een turfje") }
    public var aPraise: String { pick("a praise", "lof") }

    public func tallyNeedsName(_ limit: Int) -> String {
        pick("a tally mark needs the name of who said \"klant\" (1 to \(limit) characters)",
             "een turfje heeft de naam nodig van wie \"klant\" zei (1 tot \(limit) tekens)")
    }

    /// - Parameter who: already quoted (`Untrusted.quoted`).
    public func tallyCapReached(_ who: String, count: Int, on day: LocalDate, cap: Int) -> String {
        pick("\(who) already has \(count) tally marks on \(day), the daily cap ('tally-daily-cap' is \(cap)); nothing was added",
             "\(who) heeft op \(day) al \(count) turfjes, het maximum per dag ('tally-daily-cap' is \(cap)); er is niets toegevoegd")
    }

    /// - Parameter who: already quoted (`Untrusted.quoted`).
    public func tallyMarkGone(_ who: String, at time: String) -> String {
        pick("the tally mark of \(who) at \(time) is no longer there; nothing was undone",
             "het turfje van \(who) op \(time) is er niet meer; er is niets teruggedraaid")
    }

    /// - Parameter who: already quoted (`Untrusted.quoted`).
    public func noTallyMark(_ who: String, on day: LocalDate) -> String {
        pick("\(who) has no tally mark on \(day); nothing was undone", "\(who) heeft op \(day) geen turfje; er is niets teruggedraaid")
    }

    /// - Parameter who: already quoted (`Untrusted.quoted`).
    public func noPraise(_ who: String, on day: LocalDate) -> String {
        pick("\(who) has no praise on \(day); nothing was undone", "\(who) heeft op \(day) geen lof gekregen; er is niets teruggedraaid")
    }

    public func praiseNeedsColleague(_ limit: Int) -> String {
        pick("a praise needs the name of the colleague the customer named (1 to \(limit) characters)",
             "lof heeft de naam nodig van de collega die de klant noemde (1 tot \(limit) tekens)")
    }

    public func praiseNeedsCustomer(_ limit: Int) -> String {
        pick("a praise needs the customer's name (1 to \(limit) characters)", "lof heeft de naam van de klant nodig (1 tot \(limit) tekens)")
    }

    public func praiseNeedsWords(_ limit: Int) -> String {
        pick("a praise needs the customer's words (1 to \(limit) characters)", "lof heeft de woorden van de klant nodig (1 tot \(limit) tekens)")
    }

    /// - Parameters: who, customer: already quoted (`Untrusted.quoted`).
    public func praiseGone(_ who: String, by customer: String) -> String {
        pick("the praise of \(who) by \(customer) is no longer there; nothing was undone",
             "de lof voor \(who) van \(customer) is er niet meer; er is niets teruggedraaid")
    }

    /// - Parameter what: `aTallyMark` or `aPraise`.
    public func datedInTheFuture(_ what: String, _ time: String, now: String) -> String {
        pick("\(what) cannot be dated \(time): that is in the future (it is now \(now))",
             "\(what) kan niet gedateerd worden op \(time): dat ligt in de toekomst (het is nu \(now))")
    }

    /// - Parameter what: `aTallyMark` or `aPraise`.
    public func notAStorableDate(_ what: String, _ time: String) -> String {
        pick("\(what) cannot be dated \(time): not a time the store can hold",
             "\(what) kan niet gedateerd worden op \(time): geen tijd die de opslag kan bewaren")
    }

    // MARK: the command line's own checks (ValidationError)

    public var undoNeedsName: String {
        pick("--undo needs the NAME whose last mark to take back", "--undo heeft de NAAM nodig van wie het laatste turfje terug moet")
    }

    /// - Parameter option: "--customer", "--text".
    public func requiredOrUndo(_ option: String) -> String {
        pick("\(option) is required (or --undo)", "\(option) is verplicht (of --undo)")
    }

    public var undoTakesOnlyName: String {
        pick("--undo takes back NAME's last praise of today: give no --customer, --text or --issue",
             "--undo draait de laatste lof van vandaag voor NAAM terug: geef geen --customer, --text of --issue")
    }

    public var jsonIsForOverview: String { pick("--json is for the overview (without NAME)", "--json is voor het overzicht (zonder NAAM)") }

    /// - Parameter what: "NAME", "--customer", "--text".
    public func lengthFromOne(_ what: String, _ limit: Int) -> String {
        let what = what == "NAME" ? pick("NAME", "NAAM") : what
        return pick("\(what) must be 1 to \(limit) characters", "\(what) moet 1 tot \(limit) tekens lang zijn")
    }

    /// - Parameters: frozen: "board" or "wall"; other: the option it does not go with.
    public func atIsFrozen(wall: Bool, not other: String) -> String {
        wall ? pick("--at shows a frozen wall; it does not go with \(other)", "--at toont de wall stilgezet; dat gaat niet samen met \(other)")
             : pick("--at shows a frozen board; it does not go with \(other)", "--at toont het bord stilgezet; dat gaat niet samen met \(other)")
    }

    public var assigneeOrNone: String {
        pick("give --assignee NAME or --no-assignee, not both", "geef --assignee NAAM of --no-assignee, niet allebei")
    }

    public var nothingToSet: String {
        pick("nothing to set: give at least one of --customer --summary --kind --received --assignee --no-assignee --channel --internal --action",
             "niets te wijzigen: geef minstens één van --customer --summary --kind --received --assignee --no-assignee --channel --internal --action")
    }

    public var forceGoesWithSend: String { pick("--force goes with --send", "--force hoort bij --send") }

    public var interimAlone: String {
        pick("--interim sends on its own: without --send or --retry", "--interim verstuurt los: zonder --send of --retry")
    }

    public var retryAlone: String { pick("--retry takes no other option", "--retry gaat niet samen met een andere optie") }

    public func excludeEachOther(_ a: String, _ b: String) -> String {
        pick("\(a) and \(b) exclude each other", "\(a) en \(b) sluiten elkaar uit")
    }

    public func notTogether(_ a: String, _ b: String) -> String {
        pick("\(a) and \(b) do not go together", "\(a) en \(b) gaan niet samen")
    }

    public func previewAlone(_ option: String) -> String {
        pick("\(option) previews the report: without --send, --retry or --interim",
             "\(option) toont het rapport vooraf: zonder --send, --retry of --interim")
    }

    public func optionNotADate(_ option: String, _ value: String) -> String { "\(option): " + notADate(value) }

    public func atLeastOne(_ option: String) -> String { pick("\(option) must be at least 1", "\(option) moet minstens 1 zijn") }

    public var jsonTakesAll: String {
        pick("--json takes the issues from the JSON; give no other fields", "--json neemt de klantvragen uit de JSON; geef geen andere velden")
    }

    public func requiredOrJSON(_ option: String) -> String {
        pick("\(option) is required (or --json)", "\(option) is verplicht (of --json)")
    }

    public var nameOrNone: String { pick("give a NAME or --none (not both)", "geef een NAAM of --none (niet allebei)") }

    // MARK: the command line's notices

    /// `tenboard edit` done: whether the store file was replaced.
    public func editDone(_ path: String, replaced: Bool) -> String {
        replaced ? pick("\(path) replaced", "\(path) vervangen")
                 : pick("nothing changed; \(path) was left as it is", "niets gewijzigd; \(path) is gelaten zoals het was")
    }

    /// What `tenboard intake` did with one message. - Parameter reason: the intake rule's words (English).
    public func intakeNewIssue(_ id: String) -> String { pick("new issue \(id)", "nieuwe klantvraag \(id)") }
    public func intakeAppended(_ id: String) -> String { pick("added to issue \(id)", "toegevoegd aan klantvraag \(id)") }
    public func intakeDuplicate(_ id: String) -> String { pick("already recorded in issue \(id)", "al vastgelegd in klantvraag \(id)") }
    public func intakeFiled(_ reason: String) -> String { pick("filed, not a customer: \(reason)", "opgeborgen, geen klant: \(reason)") }

    public func messagesTaken(_ count: Int, from path: String) -> String {
        pick("\(count) message\(count == 1 ? "" : "s") taken from \(path)",
             "\(count) bericht\(count == 1 ? "" : "en") opgehaald uit \(path)")
    }

    public var noMailYet: String { pick("no mail taken in yet", "nog geen mail binnengekomen") }
}
