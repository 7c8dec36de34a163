import Testing
import TenBoardCore
@testable import TenBoardTerminal

@Suite struct TextFieldTests {
    @Test func typingEditingAndLimits() {
        var field = TextField()
        for c in "Jan de Vries" { field.insert(c) }
        field.deleteWord()
        #expect(field.text == "Jan de ")
        field.deleteBackward()
        #expect(field.text == "Jan de")
        field.insert("\u{1B}")
        field.insert("\n")
        #expect(field.text == "Jan de", "controls never get in")
        field.clear()
        for _ in 0..<600 { field.insert("x") }
        #expect(field.text.count == TextField.maxLength)
    }

    @Test func aCombiningMarkJoinsTheLetterBeforeIt() {
        var field = TextField()
        field.insert("\u{301}")
        #expect(field.text.isEmpty)
        field.insert("e")
        field.insert("\u{301}")
        #expect(field.text == "e\u{301}")
        field.deleteBackward()
        #expect(field.text.isEmpty, "one backspace removes what looks like one character")
    }

    @Test func theFormCyclesFieldsAndKinds() {
        var form = IssueForm()
        #expect(form.validCustomer == nil)
        for c in "  Bakkerij  " { form.insert(c) }
        #expect(form.validCustomer == "Bakkerij")
        form.nextField(-1)
        #expect(form.focus == .internal, "the fields wrap around")
        form.nextField(-4)
        #expect(form.focus == .kind)
        form.insert("c")
        #expect(form.kind == .complaint)
        form.cycleKind()
        #expect(form.kind == .bug)
        form.cycleKind()
        #expect(form.kind == .question)
    }
}
