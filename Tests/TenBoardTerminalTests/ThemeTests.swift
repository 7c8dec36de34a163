import Testing
@testable import TenBoardTerminal

@Suite struct ThemeTests {
    @Test func theTerminalPicksTheTheme() {
        #expect(Theme.forTerminal(colors: 256).name == Theme.colour256.name)
        #expect(Theme.forTerminal(colors: 8).name == Theme.colour8.name) // TERM=linux
        #expect(Theme.forTerminal(colors: 88).name == Theme.colour8.name)
        #expect(Theme.forTerminal(colors: 0).name == Theme.monochrome.name)
        #expect(Theme.forTerminal(colors: 256, noColor: true).name == Theme.monochrome.name)
    }

    @Test func monochromeUsesOnlyAttributes() {
        for role in Role.allCases { #expect(!Theme.monochrome.style(for: role).hasColor, "\(role)") }
        // What must stand out without colour does.
        #expect(Theme.monochrome.style(for: .selected).reverse)
        #expect(Theme.monochrome.style(for: .stateOverdue) != Theme.monochrome.style(for: .stateDone))
        #expect(Theme.monochrome.style(for: .placeholder).reverse)
    }

    @Test func eightColoursStayWithinTheConsolesEight() {
        for role in Role.allCases {
            let style = Theme.colour8.style(for: role)
            #expect((-1...7).contains(style.foreground.number) && (-1...7).contains(style.background.number), "\(role)")
        }
    }

    @Test func everyMorningStateLooksDifferent() {
        let states: [Role] = [.stateWaiting, .stateWarning, .stateDone, .stateOverdue, .stateClosed, .stateNone]
        for theme in [Theme.colour256, .colour8] {
            #expect(Set(states.map { theme.style(for: $0) }).count == states.count, "\(theme.name)")
        }
    }
}
