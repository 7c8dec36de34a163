import TenBoardCore

extension WallPage {
    /// The waiting customers and, when there is room beside or below them, who helped.
    mutating func lists() {
        let rows = height - row - 1
        guard rows > 0 else { return }
        let showHelpers = state.mode != .between
        if showHelpers && width >= 60 {
            let right = min(32, width / 3)
            customerList(x: 1, width: width - right - 3, rows: rows)
            helperList(x: width - right - 1, width: right, rows: rows)
        } else if showHelpers && !state.helpers.isEmpty && rows >= 6 {
            let below = min(state.helpers.count + 1, rows / 3)
            customerList(x: 1, width: width - 2, rows: rows - below - 1)
            helperList(x: 1, width: width - 2, rows: below, top: row + rows - below)
        } else {
            customerList(x: 1, width: width - 2, rows: rows)
        }
    }

    mutating func customerList(x: Int, width w: Int, rows: Int) {
        guard rows > 0, w > 4 else { return }
        var y = row
        grid.put(fit(text.waitingHeading, w), x: x, y: y, role: .section)
        y += 1
        if state.customers.isEmpty {
            if rows > 1 { grid.put(fit(text.nobodyWaiting, w), x: x, y: y, role: .dim) }
            return
        }
        let room = rows - 1
        let shown = state.customers.count <= room ? state.customers.count : max(0, room - 1)
        let ageWidth = 7
        let assigneeWidth = w >= 40 ? min(14, w / 4) : 0
        let roomForName = w - ageWidth - 2 - (assigneeWidth > 0 ? assigneeWidth + 2 : 0)
        let names = state.customers.prefix(shown).map { customer in
            var name = customer.name
            if customer.group == .nextMorning { name += " (\(text.nextMark))" }
            if customer.group == .wroteAgain { name += " (\(text.wroteAgainShort))" }
            if let missed = customer.missed { name = markMissed(name, missed, width: roomForName) }
            return name
        }
        // The assignee stands right after the longest name shown, not at the far edge of a wide
        // wall, so each name and who takes care of it read as one line across the room.
        let nameWidth = min(roomForName, names.map { DisplayWidth.of(fit($0, roomForName)) }.max() ?? 0)
        for (customer, name) in zip(state.customers.prefix(shown), names) {
            let age = TextFit.padLeft(text.age(seconds: customer.waitingSeconds), to: ageWidth)
            // Urgent once their deadline has passed: carried over, or everyone after the deadline.
            let urgent = customer.group == .earlier || (customer.group == .waiting && state.mode == .countdown && state.secondsLeft < 0)
            grid.put(age, x: x, y: y, role: urgent ? .stateOverdue : .normal)
            let nameRole: Role = switch customer.group {
            case .nextMorning: .nextMorning
            case .wroteAgain: .stateWarning
            case .earlier, .waiting: .normal
            }
            grid.put(fit(name, nameWidth), x: x + ageWidth + 2, y: y, role: nameRole)
            if assigneeWidth > 0 {
                grid.put(fit(customer.assignee ?? text.unassigned, assigneeWidth), x: x + ageWidth + 2 + nameWidth + 2, y: y, role: .dim)
            }
            y += 1
        }
        if shown < state.customers.count {
            grid.put(fit(text.more(state.customers.count - shown), w), x: x + ageWidth + 2, y: y, role: .dim)
        }
    }

    /// A carried-over customer's name with the morning they missed, as on the board and in the
    /// report: "Bakkerij Jansen (missed Mon)". The name gives way down to `minimumName` cells
    /// for the mark; narrower than that the name alone is shown (the age still says how long).
    func markMissed(_ name: String, _ morning: LocalDate, width: Int) -> String {
        let today = Words.localDate(state.status.at, in: state.status.schedule.timeZone)
        let mark = " (" + Words(state.language).missed(morning, seenFrom: today) + ")"
        let room = width - DisplayWidth.of(mark)
        if DisplayWidth.of(fit(name, width)) <= room { return name + mark }
        return room >= Self.minimumName ? fit(name, room) + mark : name
    }

    /// The fewest cells a customer's name keeps beside a mark.
    static let minimumName = 12

    mutating func helperList(x: Int, width w: Int, rows: Int, top: Int? = nil) {
        guard rows > 0, w > 4 else { return }
        var y = top ?? row
        // A quiet morning so far: the week's totals instead (the mornings' accounts).
        let week = state.helpers.isEmpty && !state.people.helpedThisWeek.isEmpty
        grid.put(fit(week ? Words(state.language).helpedThisWeek : text.helpersHeading, w), x: x, y: y, role: .section)
        y += 1
        let helpers = week ? state.people.helpedThisWeek : state.helpers
        if helpers.isEmpty {
            if rows > 1 { grid.put(fit(text.nobodyHelpedYet, w), x: x, y: y, role: .dim) }
            return
        }
        for helper in helpers.prefix(rows - 1) {
            let count = TextFit.padLeft("\(helper.count)", to: 3)
            grid.put(count, x: x, y: y, role: .helped)
            grid.put(fit(helper.name, w - 4), x: x + 4, y: y, role: .normal)
            y += 1
        }
    }
}
