import Testing

@testable import AssayNumbers

/// Building every table once catches a malformed entry before it can fail at run time.
@Suite struct VocabularyTests {
    @Test func tablesBuild() {
        #expect(NumberWords.table.count > 60)
        #expect(CurrencyTable.names.count > 50)
        #expect(CurrencyTable.adjectives.count > 50)
        #expect(CurrencyTable.codeKeys.count == CurrencyTable.codes.count)
        #expect(!ModifierWords.byLastWord.isEmpty)
        #expect(CalendarWords.months.count >= 24)
        #expect(!CountWords.stop.isEmpty && !CountWords.gluedUnits.isEmpty && !CountWords.notPlural.isEmpty)
        #expect(!CalendarWords.yearContext.isEmpty && !CalendarWords.dayPeriods.isEmpty)
    }

    @Test func wordKeysFoldCase() {
        var text = "Twenty"
        let key = text.withUTF8 { WordKey($0, 0, $0.count) }
        #expect(key == WordKey("twenty"))
        #expect(key?.hasSuffix("nty") == true)
        #expect(WordKey("seventeen").string == "seventeen")
    }
}
