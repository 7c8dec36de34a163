import Foundation

extension ConfigLoader {
    /// The `intake-*` keys: `intake-kinds` (`keyword=kind` items), `intake-max-size` (bytes, or
    /// with K/M suffix), `intake-allow` and `intake-deny` (addresses or domains).
    func intakeSettings(
        items: (String) -> [String]?, text: (String) -> String?, bad: (String, (Words) -> String) -> TenBoardError
    ) throws(TenBoardError) -> IntakeSettings {
        var settings = IntakeSettings()
        if let kinds = items("intake-kinds") {
            switch IntakeSettings.parseKinds(kinds) {
            case .success(let rules): settings.kinds = rules
            case .failure(let error):
                throw bad("intake-kinds") { $0.notKeywordKind(error.item) }
            }
        }
        if let size = text("intake-max-size") {
            let upper = size.uppercased()
            let multiplier = upper.hasSuffix("M") || upper.hasSuffix("MB") ? 1 << 20 : upper.hasSuffix("K") || upper.hasSuffix("KB") ? 1 << 10 : 1
            let digits = upper.prefix(while: \.isNumber)
            guard let n = Int(digits), !digits.isEmpty, upper.dropFirst(digits.count).allSatisfy({ "KMB".contains($0) }),
                  n * multiplier >= 64 << 10, n * multiplier <= 1 << 30 else {
                throw bad("intake-max-size") { $0.notASize(size) }
            }
            settings.maxMessageBytes = n * multiplier
        }
        for key in ["intake-allow", "intake-deny"] {
            guard let list = items(key) else { continue }
            for entry in list where entry.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }) || entry.isEmpty {
                throw bad(key) { $0.notAnAddressOrDomain(entry) }
            }
            if key == "intake-allow" { settings.allow = list } else { settings.deny = list }
        }
        return settings
    }
}
