import AssayCore
import Testing

@testable import AssayREPL

@MainActor
struct CompleterTests {
    let session: Session

    init() throws {
        let registry = ExtractorRegistry()
        try registry.register(PatternExtractor(name: "hashtags", pattern: "#\\w+"))
        try registry.register(WordListExtractor(name: "leaders", words: ["Putin"]))
        session = Session(
            registry: registry, interactive: false, outputIsTerminal: false, output: { _ in }, errors: { _ in })
        session.workspace.add([Document(id: "doc-a", text: "Putin spoke. #peace"), Document(id: "doc-b", text: "x")])
    }

    func complete(_ line: String) -> [String] {
        let start =
            line.lastIndex(where: { " |,=(".contains($0) }).map { line.distance(from: line.startIndex, to: $0) + 1 }
            ?? 0
        return Completer(session: session).candidates(line: line, wordStart: start)
    }

    @Test func commandsAndExtractorsAtTheStart() {
        #expect(complete("def") == ["define"])
        #expect(complete("hash") == ["hashtags"])
        #expect(complete(".mo") == [".mode"])
    }

    @Test func extractorsAndStagesAfterAPipe() {
        #expect(complete("docs | so") == ["sort"])
        #expect(complete("hashtags | le") == ["leaders"])
        #expect(complete("hashtags |wh") == ["where"])
    }

    @Test func fieldsAfterWhereByAndSort() {
        #expect(complete("leaders | where en") == ["end", "entry"])
        #expect(complete("leaders | count by te") == ["text"])
        #expect(complete("docs | sort sen") == ["sentences"])
        #expect(complete("hashtags | leaders | select hashtags.gr") == ["hashtags.group1"])
    }

    @Test func documentsResultsAndSettingValues() {
        #expect(complete("show doc-") == ["doc-a", "doc-b"])
        #expect(complete(".mode cs") == ["csv"])
        #expect(complete(".headers o") == ["off", "on"])
    }
}
