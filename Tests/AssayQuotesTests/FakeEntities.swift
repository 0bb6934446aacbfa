import AssayCore

/// A stand-in for the `entities` extractor in unit tests: runs of capitalised words, labelled by
/// a few word lists, with the canonical name being the longest run in the document that ends
/// with the same word. Crude on purpose: the quote extractor must cope with an imperfect tagger.
struct FakeEntities: Extractor {
    let descriptor = ExtractorDescriptor(name: "entities", summary: "test stand-in: capitalised word runs")
    /// Names to leave out, to test what the quote extractor does when the tagger misses one.
    var missing: Set<String> = []

    static let orgWords: Set<String> = [
        "Ministry", "Times", "Post", "News", "Party", "Department", "Kremlin", "Council", "Bank", "Commission",
        "Committee", "Agency", "Service", "Police", "Court", "University", "Inc.", "Corp.", "Company", "Group",
        "House", "Senate", "Congress", "Reuters", "Tass", "CNN", "Politifact", "Journal", "Office", "Ltd"
    ]
    static let places: Set<String> = [
        "Moscow", "Beijing", "China", "Russia", "Ukraine", "Kyiv", "Washington", "U.S.", "US", "Europe",
        "Paris", "London", "Brussels", "Germany", "France", "Chicago", "Ohio", "Florida", "Nevada", "Kremlin Hall"
    ]
    static let nationalities: Set<String> = [
        "Chinese", "Russian", "American", "Ukrainian", "European", "British", "French", "German", "Democratic",
        "Republican", "Western", "Soviet", "Brazilian", "Egyptian", "Belarusian"
    ]
    static let stop: Set<String> = [
        "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "This", "That", "We", "I",
        "During", "After", "Before", "Earlier", "Later", "Still", "Ahead", "Over", "Despite", "Meanwhile",
        "Together", "Our", "Their", "His", "Her", "Its", "There", "When", "While", "As", "If", "Yesterday",
        "Thursday", "Wednesday", "Tuesday", "Monday", "Friday", "May", "Alongside", "According", "Additionally",
        "Both", "Following", "History", "Russia-China", "Daily", "Xi’s", "Some", "Many", "So", "Not", "No",
        "Yes", "Why", "What", "How", "You", "My", "For", "With", "From", "To", "Of", "By", "Mr.", "Mrs.", "Ms.",
        "Dr.", "Gov.", "Sen.", "President", "Commissioner", "Chair", "Secretary", "Minister", "Prime", "Chancellor",
        "Spokesperson", "Spokesman", "Governor", "Senator", "Mayor", "Leader", "Foreign", "General", "Chief"
    ]

    func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws -> [Annotation] {
        var runs: [(Span, String)] = []
        var start: Int?
        var last = 0
        func close() {
            if let s = start { runs.append((Span(document.tokens[s].span.start, document.tokens[last].span.end), "")) }
            start = nil
        }
        for (i, t) in document.tokens.enumerated() {
            let text = document.text(ofToken: i)
            let capital =
                t.kind == .word && (text.first?.isUppercase ?? false) && !Self.stop.contains(text)
                && !missing.contains(text)
            if capital, start == nil || !t.lineStart {
                if start == nil { start = i }
                last = i
            } else {
                close()
                if capital {
                    start = i
                    last = i
                }
            }
        }
        close()
        let named = runs.map { (span, _) -> (Span, String, String) in
            let text = document.text(of: span)
            let words = text.split(separator: " ").map(String.init)
            let label: String
            if words.contains(where: Self.orgWords.contains) {
                label = "ORG"
            } else if Self.places.contains(text) {
                label = "LOC"
            } else if words.allSatisfy(Self.nationalities.contains) {
                label = "MISC"
            } else {
                label = "PERSON"
            }
            return (span, text, label)
        }
        return named.map { (span, text, label) in
            let lastWord = text.split(separator: " ").last.map(String.init) ?? text
            let canonical =
                named.filter { $0.2 == label && $0.1.split(separator: " ").last.map(String.init) == lastWord }
                .map(\.1).max { $0.count < $1.count } ?? text
            return Annotation(
                extractor: "entities", span: span, fields: ["label": .string(label), "canonical": .string(canonical)])
        }.filter { span.contains($0.span) }
    }
}
