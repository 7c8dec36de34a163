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
        #expect(list(.character("e")) == .beginEdit)
        #expect(list(.character("z")) == .undo)
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
        #expect(KeyMap.intent(for: .character("q"), overlay: prompt, screen: .list) == .edit(.type("q")))
        #expect(KeyMap.intent(for: .character("é"), overlay: prompt, screen: .list) == .edit(.type("é")))
        #expect(KeyMap.intent(for: .enter, overlay: prompt, screen: .list) == .submit)
        #expect(KeyMap.intent(for: .escape, overlay: prompt, screen: .list) == .cancel)
        #expect(KeyMap.intent(for: .backspace, overlay: prompt, screen: .list) == .edit(.deleteBackward))
        #expect(KeyMap.intent(for: .up, overlay: prompt, screen: .list) == .none)
    }

    @Test func everyEditingKeyInAField() {
        let prompt = BoardOverlay.prompt(LinePrompt(.assign(id: "1")))
        let expected: [(Key, FieldEdit)] = [
            (.left, .left), (.right, .right), (.control("b"), .left), (.control("f"), .right),
            (.home, .home), (.control("a"), .home), (.end, .end), (.control("e"), .end),
            (.backspace, .deleteBackward), (.delete, .deleteForward), (.control("d"), .deleteForward),
            (.control("w"), .deleteWord), (.control("u"), .deleteToStart), (.control("k"), .deleteToEnd),
            (.paste("a\nb"), .paste("a\nb")),
        ]
        for (key, edit) in expected {
            #expect(KeyMap.intent(for: key, overlay: prompt, screen: .list) == .edit(edit), "\(key)")
        }
        #expect(KeyMap.intent(for: .undecodable, overlay: prompt, screen: .list) == .undecodable)
    }

    @Test func aPasteIntoTheListDoesNothing() {
        for screen in [BoardScreen.list, .detail] {
            #expect(KeyMap.intent(for: .paste("rlgn\nu"), overlay: .none, screen: screen) == .none)
        }
    }

    @Test func theResolvePromptTabsToHelpedBy() {
        let prompt = BoardOverlay.prompt(LinePrompt(.resolve(id: "1"), helper: "Pieter"))
        #expect(KeyMap.intent(for: .tab, overlay: prompt, screen: .list) == .nextField(1))
        #expect(KeyMap.intent(for: .tab, overlay: .prompt(LinePrompt(.filter)), screen: .list) == .none)
    }

    @Test func theFormMovesBetweenFieldsAndCyclesTheKind() {
        let form = BoardOverlay.form(IssueForm())
        #expect(KeyMap.intent(for: .tab, overlay: form, screen: .list) == .nextField(1))
        #expect(KeyMap.intent(for: .backTab, overlay: form, screen: .list) == .nextField(-1))
        // ← → move the cursor in a text field, and change the kind on the kind field.
        #expect(KeyMap.intent(for: .right, overlay: form, screen: .list) == .edit(.right))
        #expect(KeyMap.intent(for: .character("n"), overlay: form, screen: .list) == .edit(.type("n")))
        var onKind = IssueForm()
        onKind.focus = .kind
        #expect(KeyMap.intent(for: .right, overlay: .form(onKind), screen: .list) == .cycleKind(1))
        #expect(KeyMap.intent(for: .left, overlay: .form(onKind), screen: .list) == .cycleKind(-1))
        onKind.focus = .internal
        #expect(KeyMap.intent(for: .character(" "), overlay: .form(onKind), screen: .list) == .toggle)
        onKind.focus = .assignee
        #expect(KeyMap.intent(for: .tab, overlay: .form(onKind), screen: .list) == .complete)
        onKind.confirmingDiscard = true
        #expect(KeyMap.intent(for: .character("y"), overlay: .form(onKind), screen: .list) == .discard)
        #expect(KeyMap.intent(for: .character("n"), overlay: .form(onKind), screen: .list) == .keepEditing)
        #expect(KeyMap.intent(for: .escape, overlay: .form(onKind), screen: .list) == .keepEditing)
    }

    @Test func anyKeyClosesTheHelp() {
        let help = BoardOverlay.help(HelpPage())
        #expect(KeyMap.intent(for: .character("x"), overlay: help, screen: .list) == .toggleHelp)
        #expect(KeyMap.intent(for: .resize, overlay: help, screen: .list) == .resize)
        #expect(KeyMap.intent(for: .down, overlay: help, screen: .list) == .move(1), "the help scrolls")
    }
}
