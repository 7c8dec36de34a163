import Testing
@testable import TenBoardTerminal

@Suite struct KeyMapTests {
    func list(_ key: Key) -> BoardIntent { KeyMap.intent(for: key, overlay: .none, screen: .list) }

    @Test func listCommands() {
        #expect(list(.up) == .move(-1))
        #expect(list(.character("k")) == .move(-1))
        #expect(list(.down) == .move(1))
        #expect(list(.character("j")) == .move(1))
        #expect(list(.enter) == .openDetail)
        #expect(list(.character("r")) == .beginResolve)
        #expect(list(.character("a")) == .beginAssign)
        #expect(list(.character("u")) == .reopen)
        #expect(list(.character("n")) == .beginNew)
        #expect(list(.character("/")) == .beginFilter)
        #expect(list(.character("t")) == .tally)
        #expect(list(.character("?")) == .toggleHelp)
        #expect(list(.character("q")) == .quit)
        #expect(list(.character("x")) == .beginWithdraw)
        #expect(list(.character("%")) == .none)
        #expect(list(.pageDown) == .page(1))
        #expect(list(.resize) == .resize)
        #expect(list(.control("l")) == .redraw)
    }

    @Test func escGoesBackFromTheDetailView() {
        #expect(KeyMap.intent(for: .escape, overlay: .none, screen: .detail) == .back)
        #expect(KeyMap.intent(for: .enter, overlay: .none, screen: .detail) == .none)
    }

    @Test func inAPromptLettersAreTyped() {
        let prompt = BoardOverlay.prompt(LinePrompt(.resolve(id: "1")))
        #expect(KeyMap.intent(for: .character("q"), overlay: prompt, screen: .list) == .type("q"))
        #expect(KeyMap.intent(for: .character("é"), overlay: prompt, screen: .list) == .type("é"))
        #expect(KeyMap.intent(for: .enter, overlay: prompt, screen: .list) == .submit)
        #expect(KeyMap.intent(for: .escape, overlay: prompt, screen: .list) == .cancel)
        #expect(KeyMap.intent(for: .backspace, overlay: prompt, screen: .list) == .deleteBackward)
        #expect(KeyMap.intent(for: .control("u"), overlay: prompt, screen: .list) == .clearField)
        #expect(KeyMap.intent(for: .up, overlay: prompt, screen: .list) == .none)
    }

    @Test func theFormMovesBetweenFieldsAndCyclesTheKind() {
        let form = BoardOverlay.form(IssueForm())
        #expect(KeyMap.intent(for: .tab, overlay: form, screen: .list) == .nextField(1))
        #expect(KeyMap.intent(for: .backTab, overlay: form, screen: .list) == .nextField(-1))
        #expect(KeyMap.intent(for: .right, overlay: form, screen: .list) == .cycleKind(1))
        #expect(KeyMap.intent(for: .character("n"), overlay: form, screen: .list) == .type("n"))
    }

    @Test func anyKeyClosesTheHelp() {
        #expect(KeyMap.intent(for: .character("x"), overlay: .help, screen: .list) == .toggleHelp)
        #expect(KeyMap.intent(for: .resize, overlay: .help, screen: .list) == .resize)
    }
}
