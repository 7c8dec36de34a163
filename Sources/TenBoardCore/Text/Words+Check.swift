// The words of `tenboard check`: what it found in the configuration and the store, and what an
// installation still lacks, in English and Dutch. The labels before each line (`config:`,
// `store:`, `to do:`) stay as they are in both languages, so scripts can read them.

extension Words {
    public func configOK(_ file: String?) -> String {
        pick("\(file ?? "(none: built-in defaults and environment)") ok",
             "\(file ?? "(geen: ingebouwde standaarden en omgeving)") in orde")
    }

    public func storeSummary(open: Int, recent: Int, archived: Int, segments: Int, revision: Int) -> String {
        pick("\(open) open, \(recent) recently resolved, \(archived) archived in \(segments) segment\(segments == 1 ? "" : "s"), revision \(revision)",
             "\(open) open, \(recent) onlangs opgelost, \(archived) gearchiveerd in \(segments) segment\(segments == 1 ? "" : "en"), revisie \(revision)")
    }
    public var storeNotYet: String {
        pick("does not exist yet (it is created by the first change)", "bestaat nog niet (de eerste wijziging maakt hem aan)")
    }
    public func idTwice(_ file: String, id: String, alsoIn other: String) -> String {
        pick("\(file): the id '\(id)' is also in \(other)", "\(file): het id '\(id)' staat ook in \(other)")
    }
    public func notTheIndex(_ index: String, of segment: String) -> String {
        pick("\(index): not the index of \(segment) (it is only a help to find issues: delete it, and the next change to an issue of that segment writes it again)",
             "\(index): niet de index van \(segment) (die helpt alleen zoeken: verwijder hem, en de volgende wijziging aan een klantvraag uit dat segment schrijft hem opnieuw)")
    }
    public func openButArchived(_ file: String, id: String) -> String {
        pick("\(file): issue \(id) is open but archived", "\(file): klantvraag \(id) staat open maar is gearchiveerd")
    }
    public func notTakenFrom(_ file: String, id: String) -> String {
        pick("\(file): issue \(id) is listed as taken back from this segment, which does not hold it",
             "\(file): klantvraag \(id) staat vermeld als teruggehaald uit dit archiefdeel, maar staat er niet in")
    }
    public func takenBackLost(_ file: String, id: String) -> String {
        pick("\(file): issue \(id) was taken back from this segment but is in neither the hot file nor the settled file",
             "\(file): klantvraag \(id) is uit dit archiefdeel teruggehaald, maar staat niet in het opslagbestand of het bestand met afgehandelde klantvragen")
    }
    public func resolvedBeforeReceived(_ file: String, id: String) -> String {
        pick("\(file): issue \(id) was resolved before it was received", "\(file): klantvraag \(id) is opgelost voordat hij binnenkwam")
    }

    // MARK: what an installation still lacks

    public func setIn(_ file: String?) -> String {
        file.map { pick("in \($0)", "in \($0)") } ?? pick("in /etc/tenboard/config.yaml or TENBOARD_*", "in /etc/tenboard/config.yaml of TENBOARD_*")
    }
    public func todoDirectors(_ place: String) -> String {
        pick("directors: nobody receives the morning report; set 'directors' \(place)",
             "directors: niemand krijgt het ochtendrapport; zet 'directors' \(place)")
    }
    public func todoSender(_ place: String) -> String {
        pick("sender: the morning report has no From address; set 'sender' \(place)",
             "sender: het ochtendrapport heeft geen afzender (From); zet 'sender' \(place)")
    }
    public func todoSendmailRelative(_ command: String, _ place: String) -> String {
        pick("sendmail: '\(command)' is not an absolute path (cron's PATH is short); set 'sendmail' \(place)",
             "sendmail: '\(command)' is geen absoluut pad (het PATH van cron is kort); zet 'sendmail' \(place)")
    }
    public func todoSendmailMissing(_ command: String, _ place: String) -> String {
        pick("sendmail: \(command) does not exist or cannot be run; install a mail system (e.g. apt install msmtp-mta) or set 'sendmail' \(place)",
             "sendmail: \(command) bestaat niet of kan niet draaien; installeer een mailsysteem (bijv. apt install msmtp-mta) of zet 'sendmail' \(place)")
    }
    public func todoStoreMissing(_ store: String) -> String {
        pick("store: \(store) does not exist yet; it is made on the first change, or for a team: sudo install -d -m 2775 -g GROUP \(store)",
             "store: \(store) bestaat nog niet; de eerste wijziging maakt hem, of voor een team: sudo install -d -m 2775 -g GROEP \(store)")
    }
    public func todoStoreNotDirectory(_ store: String) -> String {
        pick("store: \(store) is not a directory", "store: \(store) is geen map")
    }
    public func todoStoreNotShared(_ store: String, mode: String, group: String?) -> String {
        pick("store: \(store) is not shared by a group (mode \(mode)); for a team: sudo chmod 2775 \(store) and sudo chgrp \(group ?? "its group") \(store)",
             "store: \(store) wordt niet gedeeld door een groep (modus \(mode)); voor een team: sudo chmod 2775 \(store) en sudo chgrp \(group ?? "de groep") \(store)")
    }
    public func todoStoreNotWritable(_ store: String, group: String?) -> String {
        let g = group ?? pick("the store's group", "de groep van de opslag")
        return pick("store: you cannot write to \(store); ask to join the group '\(g)' (sudo usermod -aG \(g) USER, then log in again)",
                    "store: je kunt niet schrijven in \(store); vraag om lid te worden van de groep '\(g)' (sudo usermod -aG \(g) GEBRUIKER, en log opnieuw in)")
    }
}
