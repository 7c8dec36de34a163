// The words of a record's problems in an import or `add --json`, in English and Dutch:
// where the record stood, which field, and what is wrong. Values taken from the record (an id,
// a field's text, a field's name) are quoted with `Untrusted.quoted`, here and nowhere else.

extension Words {
    /// "record 3", "line 7", "example 2"; "record 3", "regel 7", "voorbeeld 2".
    public func position(_ position: RecordPosition) -> String {
        switch position {
        case .record(let n): pick("record \(n)", "record \(n)")
        case .line(let n): place(line: n)
        case .example(let n): pick("example \(n)", "voorbeeld \(n)")
        }
    }

    /// "a string", "een string": the kind of a JSON value after "found".
    public func jsonType(_ type: JSONType) -> String {
        switch type {
        case .null: "null"
        case .bool: pick("true or false", "true of false")
        case .number: pick("a number", "een getal")
        case .string: pick("a string", "een string")
        case .array: pick("an array", "een array")
        case .object: pick("an object", "een object")
        }
    }

    /// "field 'summary': missing", "veld 'summary': ontbreekt"; the problem alone for a record
    /// that is not an object.
    public func fieldProblem(_ error: IssueFieldError) -> String {
        let problem = fieldProblem(error.problem)
        guard let field = error.field else { return problem }
        return pick("field '\(Untrusted.quoted(field))': ", "veld '\(Untrusted.quoted(field))': ") + problem
    }

    public func fieldProblem(_ problem: FieldProblem) -> String {
        switch problem {
        case .notAnObject(let found):
            return pick("expected an object, found \(jsonType(found))", "verwacht een object, gevonden: \(jsonType(found))")
        case .missing:
            return pick("missing", "ontbreekt")
        case .notAString(let found):
            return pick("expected a string, found \(jsonType(found))", "verwacht een string, gevonden: \(jsonType(found))")
        case .notTrueOrFalse(let found):
            return pick("expected true or false, found \(jsonType(found))", "verwacht true of false, gevonden: \(jsonType(found))")
        case .notATime(let text):
            return pick("'\(Untrusted.quoted(text))' is not an RFC 3339 time with offset, like 2026-11-23T17:45:00+01:00",
                        "'\(Untrusted.quoted(text))' is geen RFC 3339-tijd met verschil tot UTC, zoals 2026-11-23T17:45:00+01:00")
        case .notOneOf(let text, let allowed):
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            return pick("'\(Untrusted.quoted(text))' is not one of \(list)", "'\(Untrusted.quoted(text))' is niet een van \(list)")
        case .badID:
            return pick("must be 1 to 64 characters without spaces or control characters",
                        "moet 1 tot 64 tekens lang zijn, zonder spaties of stuurtekens")
        case .idHasHiddenCharacters:
            return pick("must not contain control, invisible or direction-changing characters",
                        "mag geen stuurtekens, onzichtbare of richtingwisselende tekens bevatten")
        case .idNumberTooLarge(let limit):
            return pick("an id that is a number must be below \(limit)", "een id dat een getal is moet kleiner zijn dan \(limit)")
        case .empty:
            return pick("is empty", "is leeg")
        case .missingWhenResolved:
            return pick("missing on a resolved issue", "ontbreekt bij een opgeloste klantvraag")
        case .resolvedBeforeReceived(let resolved, let received):
            return pick("\(resolved) is before receivedAt \(received)", "\(resolved) ligt voor receivedAt \(received)")
        case .waitTooLong(let years):
            return pick("is more than \(years) years after receivedAt", "ligt meer dan \(years) jaar na receivedAt")
        case .nestedTooDeep(let limit):
            return pick("nested deeper than \(limit) levels", "dieper genest dan \(limit) niveaus")
        }
    }

    /// One record's problem, starting with where it stood: "record 2 (id A-7): field 'kind': …".
    public func recordProblem(_ problem: RecordProblem) -> String {
        switch problem {
        case .field(let at, let id, let error):
            let hint = id.map { " (id \(Untrusted.quoted($0)))" } ?? ""
            return position(at) + hint + ": " + fieldProblem(error)
        case .idUsedTwice(let at, let id, let first):
            return position(at) + pick(": the id '\(Untrusted.quoted(id))' is also used by \(position(first))",
                                       ": het id '\(Untrusted.quoted(id))' wordt ook gebruikt door \(position(first))")
        case .idInStore(let at, let id):
            return position(at) + pick(": the id '\(Untrusted.quoted(id))' is already in the store",
                                       ": het id '\(Untrusted.quoted(id))' staat al in de opslag")
        }
    }
}
