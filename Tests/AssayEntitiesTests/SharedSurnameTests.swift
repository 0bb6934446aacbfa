import AssayCore
import Testing

@testable import AssayEntities

/// A surname two people of the story share goes to the one the writer just named as a subject.
struct SharedSurnameTests {
    let recognizer = try! EntityRecognizer.shipped.get()
    let linker = MentionLinker(titles: EntityRecognizer.titleMatcher)

    /// The canonical name of each mention spelled exactly `surname`, in text order.
    private func canonicals(of surname: String, in text: String) -> [String] {
        let doc = AnalyzedDocument(text)
        return linker.link(recognizer.mentions(in: doc), in: doc)
            .filter { doc.text(of: $0.span) == surname }.map(\.canonical)
    }

    @Test func theLatestPersonNamedBeforeTheSurname() {
        let text = """
            Libertarian candidate Gary Johnson released a letter from his doctor on Friday.

            Later, Homeland Security Secretary Jeh Johnson said hackers had attacked election systems. \
            Johnson told reporters the attempts were under investigation.
            """
        #expect(canonicals(of: "Johnson", in: text) == ["Jeh Johnson"])
    }

    @Test func aNameAfterAPrepositionDoesNotTakeTheSurname() {
        // "for his wife Hillary Clinton" names her last, but the story is about him.
        let text = """
            Former President Bill Clinton spoke at a campaign stop in Flint for his wife Hillary Clinton.

            “It doesn’t make any sense,” Clinton said.
            """
        #expect(canonicals(of: "Clinton", in: text) == ["Bill Clinton"])
    }
}
